"""Stations, branches and owners (govkg_branches)."""

from __future__ import annotations


def test_a_centre_stationed_at_a_court_is_part_of_its_centre_and_located_at_the_court(read):
    reading = read("设立上海银行业保险业纠纷调解中心驻区法院调解室。")
    name = "上海银行业保险业纠纷调解中心驻青浦区人民法院调解室"
    assert "上海银行业保险业纠纷调解中心" in reading.found("hosted-parent")
    assert {("PART_OF", name, "上海银行业保险业纠纷调解中心"), ("LOCATED_IN", name, "青浦区人民法院")} <= reading.triples(implicit=False)


def test_a_branch_set_up_by_a_centre_in_a_town(read):
    reading = read("区矛盾纠纷调处化解中心在金泽镇设立调解工作站。")
    branch = "青浦区矛盾纠纷调处化解中心调解工作站"
    assert reading.found("branch-of-centre")[branch].cls == "MediationBranch"
    assert {("PART_OF", branch, "青浦区矛盾纠纷调处化解中心"), ("LOCATED_IN", branch, "金泽镇")} <= reading.triples(implicit=False)


def test_a_short_form_is_located_in_its_owner_implicitly(read):
    assert ("LOCATED_IN", "青浦区司法局", "青浦区") in read("区司法局牵头。").triples(implicit=True)


def test_a_centre_not_followed_by_a_set_up_branch_has_none(read):
    assert read("区矛盾纠纷调处化解中心运行良好，调解工作站覆盖各镇。").found("branch-of-centre") == {}


def test_a_station_set_up_in_a_centre_by_another_body_is_that_bodys(read):
    r = read("濮阳市中级人民法院在县社会治理综合服务中心设立诉讼服务站，方便群众就近立案。", region="南乐县", city="濮阳市")
    station = next(name for name in r.found(type_="Institution") if name.endswith("诉讼服务站"))
    assert station.startswith("濮阳市中级人民法院")
    assert ("ESTABLISHED", "濮阳市中级人民法院", station) in r.triples()
    assert ("LOCATED_IN", station, "南乐县社会治理综合服务中心") in r.triples()
    assert not any(t == "PART_OF" and s == station for t, s, o in r.triples())


def test_a_unit_a_body_sets_up_is_named_by_it_and_sits_in_it(read):
    r = read("县人民法院麦市人民法庭设立湘鄂赣边界巡回审判点，全年巡回审理案件46件。", region="通城县", city="咸宁市")
    court = "通城县人民法院麦市人民法庭"
    unit = court + "湘鄂赣边界巡回审判点"
    assert unit in r.found("unit-of-body")
    assert {("ESTABLISHED", court, unit), ("LOCATED_IN", unit, court)} <= r.triples()


def test_the_body_under_whose_guidance_a_unit_is_set_up_is_not_where_it_is():
    from extracted import read as extract

    r = extract("在县司法局指导下成立物业纠纷人民调解委员会。", region="凤凰县")
    assert not any(t == "LOCATED_IN" and o == "凤凰县司法局" for t, _, o in r.relations())


def test_a_unit_is_where_the_next_clause_puts_it_by_its_head_or_seat(read):
    found = read("区信访局、区司法局联合成立区矛盾纠纷调处化解中心，中心设在区综治中心，全年接待群众来访300人次。"
                 "区卫生健康委与区司法局共同组建区医疗纠纷人民调解委员会，办公地点设在金泽镇，全年调处纠纷20件。").triples("LOCATED_IN", implicit=False)
    assert ("LOCATED_IN", "青浦区矛盾纠纷调处化解中心", "青浦区社会治安综合治理中心") in found
    assert ("LOCATED_IN", "青浦区医疗纠纷人民调解委员会", "金泽镇") in found


def test_a_carried_seat_of_another_thing_places_nothing(read):
    found = read("区司法局与区律师协会共建青浦法律服务联盟，联盟秘书处设在区综治中心。").triples("LOCATED_IN", implicit=False)
    assert not any(target == "青浦区社会治安综合治理中心" for _, _, target in found)


def test_a_carried_host_whose_name_is_not_read_whole_places_nothing(read):
    found = read("区司法局与区妇联共建“和美家风”调解工作室，落户金泽镇文体活动中心，全年调解纠纷57件。").triples("LOCATED_IN", implicit=False)
    assert not any(target == "金泽镇" for _, _, target in found)


def test_a_service_centre_sets_up_a_sub_centre_in_each_listed_town(read):
    reading = read("区政务服务中心在金泽镇、练塘镇分别设立便民服务分中心，推动事项就近办理。")
    subs = {name for name in reading.found(type_="Institution") if name.endswith("便民服务分中心")}
    assert subs == {"青浦区政务服务中心金泽镇便民服务分中心", "青浦区政务服务中心练塘镇便民服务分中心"}
    found = reading.triples(implicit=False)
    assert ("LOCATED_IN", "青浦区政务服务中心练塘镇便民服务分中心", "练塘镇") in found
    assert ("ESTABLISHED", "青浦区政务服务中心", "青浦区政务服务中心金泽镇便民服务分中心") in found


def test_a_unit_set_up_on_a_centre_in_a_town_is_in_the_centre(read):
    found = read("两地司法局依托金泽镇综治中心共建边界矛盾纠纷联合调处中心，全年调处纠纷96件。").triples("LOCATED_IN", implicit=False)
    assert any(target.endswith("金泽镇社会治安综合治理中心") or target.endswith("金泽镇综治中心") for _, _, target in found)
    assert not any(target == "金泽镇" for _, _, target in found)


def test_a_unit_hung_at_a_centre_is_located_there(read):
    found = read("区卫生健康委与区司法局共同组建区医疗纠纷人民调解委员会，挂牌于区综治中心，全年调处纠纷26件。").triples("LOCATED_IN", implicit=False)
    assert ("LOCATED_IN", "青浦区医疗纠纷人民调解委员会", "青浦区社会治安综合治理中心") in found


def test_counters_a_body_opens_in_a_host_are_the_hosts_and_in_it(read):
    reading = read("区司法局在区政务服务中心设立行政复议受理窗口，全年受理申请40件。区政务服务中心在金泽镇、练塘镇分别设立“跨省通办”服务窗口。")
    found = reading.triples(implicit=False)
    assert ("LOCATED_IN", "青浦区政务服务中心行政复议受理窗口", "青浦区政务服务中心") in found
    assert ("ESTABLISHED", "青浦区司法局", "青浦区政务服务中心行政复议受理窗口") in found
    assert not any(kind == "LOCATED_IN" and target == "青浦区司法局" for kind, _, target in found)
    windows = {name for name in reading.found(type_="Mechanism") if name.endswith("“跨省通办”服务窗口")}
    assert windows == {"青浦区金泽镇“跨省通办”服务窗口", "青浦区练塘镇“跨省通办”服务窗口"}
    assert ("LOCATED_IN", "青浦区练塘镇“跨省通办”服务窗口", "练塘镇") in found


def test_a_unit_a_mediation_body_sets_up_in_a_centre_is_in_the_centre(read):
    found = read("金泽镇人民调解委员会在镇综治中心设立老娘舅调解室。").triples("LOCATED_IN", implicit=False)
    targets = {target for _, source, target in found if source.endswith("老娘舅调解室")}
    assert targets and all(target.endswith("社会治安综合治理中心") for target in targets)


def test_a_unit_set_up_on_an_unread_host_in_a_street_is_not_placed_in_the_street(read):
    reading = read("区司法局依托金泽镇老年人协会设立“老娘舅”调解工作室，全年调解纠纷88件。")
    units = {name for name in reading.found(type_="MediationCentre") if name.endswith("“老娘舅”调解工作室")}
    assert units
    assert not any(source in units and target == "金泽镇" for _, source, target in reading.triples("LOCATED_IN", implicit=False))


def test_a_courts_unit_named_by_a_quote_is_the_courts_in_the_place_named(read):
    for head in ("巡回审判点", "审判点"):
        r = read(f"区人民法院在白鹤镇设立“稻香”{head}，就地审理纠纷案件12件。")
        unit = "青浦区人民法院“稻香”" + head
        assert {("ESTABLISHED", "青浦区人民法院", unit), ("LOCATED_IN", unit, "青浦区白鹤镇")} <= r.triples(implicit=False), head
    # a quoted name with no unit head after it is no unit of the court
    r = read("区人民法院设立“稻香”品牌，打造审判特色。")
    assert not r.found("unit-of-body")


def test_a_unit_set_up_in_the_clause_after_its_body_signs_is_that_bodys(read):
    reading = read("县人民法院与县林业局签署协作协议，在东坪镇设立森林生态巡回审判点，全年巡回审理案件20件。", region="安化县", city="益阳市")
    unit = "安化县人民法院森林生态巡回审判点"
    assert unit in reading.found(type_="Institution")
    assert ("ESTABLISHED", "安化县人民法院", unit) in reading.triples(implicit=False)
    assert ("LOCATED_IN", unit, "安化县东坪镇") in reading.triples()


def test_a_courts_unit_is_its_office_whatever_disputes_it_handles(read):
    reading = read("县人民法院在县经济开发区设立涉企纠纷诉讼服务站，全年调解涉企纠纷60件。", region="安化县", city="益阳市")
    units = {c.canonical: c.type for c in reading.standing if c.canonical.endswith("诉讼服务站")}
    assert units == {"安化县人民法院涉企纠纷诉讼服务站": "Institution"}


def test_a_unit_bodies_of_several_regions_set_up_together_is_one_named_as_written(read):
    reading = read("区司法局与吴江区司法局、嘉善县司法局在金泽镇联合设立太浦河执法协作服务站，服务沿河群众。"
                   "区司法局与吴江区司法局共同设立江浙沪边界联合执法协调办公室，全年开展联合执法8次。")
    for unit in ("太浦河执法协作服务站", "江浙沪边界联合执法协调办公室"):
        assert unit in reading.found(type_="Institution")
        assert {("ESTABLISHED", "青浦区司法局", unit), ("ESTABLISHED", "吴江区司法局", unit)} <= reading.triples("ESTABLISHED", implicit=False)
    assert ("LOCATED_IN", "太浦河执法协作服务站", "金泽镇") in reading.triples("LOCATED_IN", implicit=False)
    assert not any(name.endswith("司法局太浦河执法协作服务站") for name in reading.found())


def test_a_memorial_hall_or_historic_site_hosting_a_base_is_a_body_it_sits_in(read):
    reading = read("区司法局依托陈云纪念馆设立红色法治教育基地，接待群众1万人次。区司法局在朱家角镇课植园旧址建成法治文化教育基地。")
    hosts = reading.found(type_="Institution")
    assert "陈云纪念馆" in hosts
    located = reading.triples("LOCATED_IN", implicit=False)
    assert any(head.endswith("红色法治教育基地") and tail == "陈云纪念馆" for _, head, tail in located)


def test_groups_under_a_joint_office_are_its_and_no_partner_hosts_it(read):
    reading = read("区司法局与吴江区司法局共同设立江浙沪边界联合执法协调办公室，下设线索移送组和联合检查组，全年开展联合执法8次。")
    office = "江浙沪边界联合执法协调办公室"
    parts = reading.triples("PART_OF", implicit=False)
    assert {("PART_OF", office + "线索移送组", office), ("PART_OF", office + "联合检查组", office)} <= parts
    assert not any(head == office for _, head, _ in reading.triples("LOCATED_IN", implicit=False))



def test_an_office_seated_at_a_body_is_located_in_it(read):
    reading = read("区委依法治区办设在区司法局，负责日常工作。", city="上海市")
    assert ("LOCATED_IN", "中共青浦区委全面依法治区委员会办公室", "青浦区司法局") in reading.triples("LOCATED_IN", implicit=False)


def test_a_unit_whose_name_opens_with_latin_letters_and_digits_is_read_whole(read):
    found = read("区人民法院在临港松江科技城设立G60科创走廊知识产权巡回审判点。", region="松江区", city="上海市").found(type_="Institution")
    assert "松江区人民法院G60科创走廊知识产权巡回审判点" in found


def test_a_unit_named_by_its_kind_alone_takes_its_bodys_and_its_places_names(read):
    found = read("区人民检察院在金泽镇设立检察联络室，受理群众控告申诉线索13件。", city="上海市").found(type_="Institution")
    assert "青浦区人民检察院金泽镇检察联络室" in found


def test_a_service_centres_intake_points_in_the_towns_it_lists_and_a_counter_it_hosts(read):
    reading = read("区行政复议服务中心在金泽镇、练塘镇设立行政复议受理点。依托区公共法律服务中心开设涉外法律咨询窗口，解答咨询350人次。",
                   city="上海市")
    centre = "青浦区行政复议服务中心"
    for town in ("金泽镇", "练塘镇"):
        point = f"{centre}{town}行政复议受理点"
        assert {("ESTABLISHED", centre, point), ("LOCATED_IN", point, town)} <= reading.triples(implicit=False)
    window = "青浦区公共法律服务中心涉外法律咨询窗口"
    assert ("LOCATED_IN", window, "青浦区公共法律服务中心") in reading.triples("LOCATED_IN", implicit=False)


def test_a_kind_of_unit_partners_set_up_in_a_basin_is_the_basins(read):
    reading = read("区人民法院与吴江区人民法院签订《太浦河生态环境司法保护协作协议》，在淀山湖流域联合设立巡回审判点。", city="上海市")
    unit = "淀山湖流域巡回审判点"
    assert {("ESTABLISHED", "青浦区人民法院", unit), ("LOCATED_IN", unit, "淀山湖")} <= reading.triples(implicit=False)


def test_a_centres_own_studio_is_named_with_it_and_sits_in_it(read):
    reading = read("区矛盾纠纷调处化解中心设立沪苏边界纠纷联调工作室，调处跨界纠纷41件。", city="上海市")
    unit = "青浦区矛盾纠纷调处化解中心沪苏边界纠纷联调工作室"
    assert ("LOCATED_IN", unit, "青浦区矛盾纠纷调处化解中心") in reading.triples(implicit=False)


def test_a_unit_written_with_the_regions_level_is_the_regions_and_the_last_of_a_list_is_set_up_too(read):
    reading = read("区司法局牵头成立区涉外法律服务律师库以及区涉外法律服务工作站，全年服务企业20家。", city="上海市")
    assert ("ESTABLISHED", "青浦区司法局", "青浦区涉外法律服务工作站") in reading.triples("ESTABLISHED", implicit=False)
    assert not any(name.startswith("青浦区司法局区") for name in reading.found())
