"""The mediation family (人民调解委员会, 调解室, 调解工作室, 调解工作站, 诉调对接中心…): typed MediationCentre in any
phrasing, lists split, kinds of units named by a count or a level left unread, and where each sits."""

from __future__ import annotations

from extracted import read as extract


def test_a_mediation_committee_set_up_after_a_verb_is_a_mediation_centre_not_an_institution():
    r = extract("县司法局在阿拉营镇设立湘黔边界联合人民调解委员会。", region="凤凰县")
    name = next(n for n in r.names if n.endswith("湘黔边界联合人民调解委员会"))
    assert r.names[name] == "MediationCentre"
    assert {("ESTABLISHED", "凤凰县司法局", name), ("LOCATED_IN", name, "阿拉营镇")} <= r.relations()


def test_sector_committees_set_up_with_partners_are_mediation_centres_each_established_by_both():
    r = extract("县司法局联合县卫生健康局组建医疗纠纷人民调解委员会。", region="凤凰县")
    name = "凤凰县医疗纠纷人民调解委员会"
    assert r.names[name] == "MediationCentre"
    assert {("ESTABLISHED", "凤凰县司法局", name), ("ESTABLISHED", "凤凰县卫生健康局", name)} <= r.relations()


def test_a_list_joined_by_he_names_two_units():
    r = extract("县司法局联合县交警大队成立交通事故纠纷人民调解委员会和医疗纠纷调解室。", region="凤凰县")
    assert r.names.get("凤凰县交通事故纠纷人民调解委员会") == "MediationCentre"
    assert r.names.get("凤凰县医疗纠纷调解室") == "MediationCentre"
    assert not any("和" in n for n in r.names)


def test_a_court_mediation_link_office_is_a_mediation_unit_in_the_body_named_after_zai():
    r = extract("县司法局在县人民法院设立诉调对接中心。", region="凤凰县")
    unit = next(n for n in r.names if n.endswith("诉调对接中心"))
    assert r.names[unit] == "MediationCentre"
    assert ("LOCATED_IN", unit, "凤凰县人民法院") in r.relations()


def test_a_link_studio_two_bodies_set_up_is_a_mediation_unit():
    r = extract("县人民法院与县司法局在茶田镇共同设立诉调对接工作室。", region="凤凰县")
    studio = next(n for n in r.names if n.endswith("诉调对接工作室"))
    assert r.names[studio] == "MediationCentre"
    assert ("LOCATED_IN", studio, "茶田镇") in r.relations()


def test_kinds_of_units_named_by_a_count_or_a_level_name_no_unit():
    r = extract("全县建立村级调解室310个，成立3个人民调解委员会，在各村设立村级人民调解委员会。", region="凤凰县")
    assert not [n for n, t in r.names.items() if t == "MediationCentre"]


def test_every_unit_a_centre_sets_up_in_a_list_is_its_own_and_none_is_read_twice():
    r = extract("依托县矛盾纠纷调处化解中心设立劳动争议调解工作站、物业纠纷调解工作站和婚姻家庭纠纷调解室。", region="凤凰县")
    centre = "凤凰县矛盾纠纷调处化解中心"
    units = sorted(n for n, t in r.names.items() if t == "MediationCentre" and n != centre)
    assert len(units) == 3 and all(n.startswith(centre) for n in units)
    assert all(("ESTABLISHED", centre, n) in r.relations() and ("LOCATED_IN", n, centre) in r.relations() for n in units)


def test_a_unit_a_centre_sets_up_in_a_town_is_in_the_town_and_not_part_of_the_centre():
    r = extract("县矛盾纠纷调处化解中心在茶田镇设立湘黔边界纠纷联合调解室。", region="凤凰县")
    unit = next(n for n, t in r.names.items() if n.endswith("联合调解室"))
    assert ("LOCATED_IN", unit, "茶田镇") in r.relations()
    assert ("ESTABLISHED", "凤凰县矛盾纠纷调处化解中心", unit) in r.relations()
    assert not any(t == "PART_OF" and s == unit for t, s, _ in r.relations())


def test_a_unit_that_arrives_in_a_town_is_located_in_it():
    r = extract("“老杨调解工作室”落户茶田镇，就近化解邻里纠纷。", region="凤凰县")
    studio = next(n for n in r.names if n.endswith("老杨调解工作室"))
    assert r.names[studio] == "MediationCentre"
    assert ("LOCATED_IN", studio, "茶田镇") in r.relations()


def test_a_towns_mediation_committee_is_the_towns_and_its_justice_office_a_body():
    r = extract("阿拉营镇人民调解委员会全年调解纠纷120件，阿拉营镇司法所加强指导。", region="凤凰县")
    assert r.names.get("凤凰县阿拉营镇人民调解委员会") == "MediationCentre"
    assert r.names.get("凤凰县阿拉营镇司法所") == "Institution"


def test_a_bodys_mediation_unit_written_after_it_sits_in_it():
    r = extract("县人民法院诉调对接中心全年分流案件300件。", region="凤凰县")
    unit = "凤凰县人民法院诉调对接中心"
    assert r.names.get(unit) == "MediationCentre"
    assert ("LOCATED_IN", unit, "凤凰县人民法院") in r.relations(explicit_only=False)


def test_an_offices_mediation_unit_is_read_office_by_office():
    r = extract("县公安局交警大队交通事故纠纷人民调解委员会全年调解事故纠纷210件。", region="凤凰县")
    assert r.names.get("凤凰县公安局交警大队交通事故纠纷人民调解委员会") == "MediationCentre"
    # the bureau and its brigade only name whose unit it is: entities with no mention of their own, each part of the one before
    assert {e.name for e in r.extraction.entities if not e.mentions} >= {"凤凰县公安局", "凤凰县公安局交警大队"}
    assert ("PART_OF", "凤凰县公安局交警大队", "凤凰县公安局") in r.relations(explicit_only=False)


def test_one_unit_in_each_place_a_list_names():
    r = extract("县司法局在阿拉营镇、茶田镇分别设立边界纠纷联合调解室。", region="凤凰县")
    units = {n for n, t in r.names.items() if t == "MediationCentre"}
    assert units == {"凤凰县阿拉营镇边界纠纷联合调解室", "凤凰县茶田镇边界纠纷联合调解室"}
    for unit, town in (("凤凰县阿拉营镇边界纠纷联合调解室", "阿拉营镇"), ("凤凰县茶田镇边界纠纷联合调解室", "茶田镇")):
        assert {("LOCATED_IN", unit, town), ("ESTABLISHED", "凤凰县司法局", unit)} <= r.relations()


def test_a_unit_partners_set_up_in_a_town_is_the_towns_and_each_partner_established_it():
    r = extract("县司法局与松桃县司法局在阿拉营镇联合设立湘黔边界纠纷联合调解室。", region="凤凰县")
    unit = "凤凰县阿拉营镇湘黔边界纠纷联合调解室"
    assert r.names.get(unit) == "MediationCentre"
    assert {("ESTABLISHED", "凤凰县司法局", unit), ("ESTABLISHED", "松桃苗族自治县司法局", unit), ("LOCATED_IN", unit, "阿拉营镇")} <= r.relations()


def test_the_sub_units_a_centre_has_under_it_are_part_of_it():
    r = extract("县矛盾纠纷调处化解中心下设劳动争议调解室和医疗纠纷调解室。", region="凤凰县")
    centre = "凤凰县矛盾纠纷调处化解中心"
    for unit in (centre + "劳动争议调解室", centre + "医疗纠纷调解室"):
        assert ("PART_OF", unit, centre) in r.relations()
        assert ("ESTABLISHED", centre, unit) not in r.relations()  # its own parts, not units it set up elsewhere


def test_every_sub_unit_of_a_list_is_read_whatever_its_head():
    r = extract("县综治中心（矛调中心）内设信访接待中心、法律咨询室和劳动人事争议仲裁庭，全年接待群众900人次。"
                "县公共法律服务中心下设法律援助工作站、公证服务窗口和凤凰县婚姻家庭纠纷调解委员会。", region="凤凰县")
    hub, centre = "凤凰县社会治安综合治理中心", "凤凰县公共法律服务中心"
    expected = {hub + "信访接待中心": "Institution", hub + "法律咨询室": "Institution", hub + "劳动人事争议仲裁庭": "Institution",
                centre + "法律援助工作站": "ObservationPoint", centre + "公证服务窗口": "Mechanism", "凤凰县婚姻家庭纠纷调解委员会": "MediationCentre"}
    for unit, type_ in expected.items():
        assert ("PART_OF", unit, hub if unit.startswith(hub) else centre) in r.relations()
        assert r.names.get(unit) == type_
    assert not any("内设" in name or "下设" in name for name in r.names)


def test_sub_units_listed_after_a_pause_belong_to_the_unit_the_clause_before_set_up():
    r = extract("两县司法局在茶田镇共同设立湘黔边界联合调解中心，下设法律咨询室和纠纷调解室，全年调解纠纷12件。", region="凤凰县")
    centre = "凤凰县茶田镇湘黔边界联合调解中心"
    assert r.names.get(centre) == "MediationCentre"
    for unit in (centre + "法律咨询室", centre + "纠纷调解室"):
        assert ("PART_OF", unit, centre) in r.relations()


def test_a_centre_sets_up_a_branch_in_each_town_it_lists():
    r = extract("县矛盾纠纷调处化解中心在阿拉营镇、茶田镇设立分中心。", region="凤凰县")
    centre = "凤凰县矛盾纠纷调处化解中心"
    branches = {n for n in r.names if n.startswith(centre) and n.endswith("分中心")}
    assert len(branches) == 2
    assert {town for _, unit, town in r.relations() if unit in branches and town.endswith("镇")} == {"阿拉营镇", "茶田镇"}
    assert all(("PART_OF", b, centre) in r.relations() for b in branches)


def test_a_centre_set_up_in_a_town_is_the_towns_not_the_countys_of_that_name():
    r = extract("在茶田镇设立矛盾纠纷调处化解中心，茶田镇矛盾纠纷调处化解中心全年受理纠纷90件。", region="凤凰县")
    assert r.names.get("凤凰县茶田镇矛盾纠纷调处化解中心") == "MediationCentre"
    assert "凤凰县矛盾纠纷调处化解中心" not in r.names
    assert ("LOCATED_IN", "凤凰县茶田镇矛盾纠纷调处化解中心", "茶田镇") in r.relations()


def test_a_unit_set_up_with_de_ends_at_its_head_before_what_it_does():
    r = extract("在县人民法院设立的诉调对接工作室全年化解纠纷80件。", region="凤凰县")
    assert r.names.get("凤凰县诉调对接工作室") == "MediationCentre"
    assert ("LOCATED_IN", "凤凰县诉调对接工作室", "凤凰县人民法院") in r.relations()


def test_a_body_leading_a_unit_with_de_names_no_office_of_it():
    r = extract("成立由县司法局牵头的物业纠纷人民调解委员会。", region="凤凰县")
    assert r.names.get("凤凰县物业纠纷人民调解委员会") == "MediationCentre"
    assert not any("牵头" in n for n in r.names)


def test_associations_and_arbitration_bodies_of_disputes_stay_institutions():
    r = extract("县人民调解员协会、县劳动人事争议仲裁委员会和县医疗纠纷人民调解委员会参加，成立县劳动人事争议仲裁院。", region="凤凰县")
    assert r.names.get("凤凰县人民调解员协会") == "Institution"
    assert r.cls("凤凰县劳动人事争议仲裁委员会") == "ArbitrationBody"
    assert r.cls("凤凰县劳动人事争议仲裁院") == "ArbitrationBody"
    assert r.names.get("凤凰县医疗纠纷人民调解委员会") == "MediationCentre"


def test_a_quoted_unit_a_court_branch_sets_up_keeps_its_quote_and_is_the_branchs():
    r = extract("县人民法院勐捧人民法庭设立“橡胶纠纷”巡回调解点。", region="勐腊县")
    unit = "勐腊县人民法院勐捧人民法庭“橡胶纠纷”巡回调解点"
    assert r.names.get(unit) == "MediationCentre"
    assert {("ESTABLISHED", "勐腊县人民法院勐捧人民法庭", unit), ("LOCATED_IN", unit, "勐腊县人民法院勐捧人民法庭")} <= r.relations()


def test_a_unit_set_up_in_a_centre_is_named_by_the_centre_it_sits_in():
    r = extract("县妇联联合县司法局在县矛盾纠纷调处化解中心设立婚姻家庭纠纷调解工作室。", region="勐腊县")
    centre = "勐腊县矛盾纠纷调处化解中心"
    unit = centre + "婚姻家庭纠纷调解工作室"
    assert {("ESTABLISHED", "勐腊县司法局", unit), ("ESTABLISHED", "勐腊县妇女联合会", unit), ("LOCATED_IN", unit, centre)} <= r.relations()


def test_units_named_whole_where_a_clause_opens_are_read_and_levels_of_units_are_not():
    r = extract("一是交通事故纠纷人民调解委员会全年调解纠纷320件，“老杨调解工作室”、乡贤调解室化解纠纷56件；村级调解室运行良好，各调解室全覆盖。",
                region="凤凰县")
    units = {n for n, t in r.names.items() if t == "MediationCentre"}
    assert units == {"凤凰县交通事故纠纷人民调解委员会", "凤凰县老杨调解工作室", "凤凰县乡贤调解室"}


def test_a_unit_bodies_of_two_regions_set_up_together_is_no_one_regions():
    r = extract("县司法局与贵州省松桃县司法局成立湘黔边界联合人民调解委员会，县司法局联合县卫生健康局组建医疗纠纷人民调解委员会。", region="凤凰县")
    assert r.names.get("湘黔边界联合人民调解委员会") == "MediationCentre"
    assert r.names.get("凤凰县医疗纠纷人民调解委员会") == "MediationCentre"
    assert ("ESTABLISHED", "松桃苗族自治县司法局", "湘黔边界联合人民调解委员会") in r.relations()


def test_link_studios_of_police_petitions_and_one_stop_dispute_centres_are_mediation_units():
    r = extract("在县公安局设立警调对接工作室，成立县一站式多元解纷中心，县诉源治理中心全年化解纠纷300件。", region="凤凰县")
    assert r.names.get("凤凰县警调对接工作室") == "MediationCentre"
    assert ("LOCATED_IN", "凤凰县警调对接工作室", "凤凰县公安局") in r.relations()
    assert r.names.get("凤凰县诉源治理中心") == "MediationCentre"
    assert [n for n in r.names if n.endswith("解纷中心")] == ["凤凰县一站式多元解纷中心"]


def test_the_body_a_unit_is_set_up_relying_on_hosts_it_and_does_not_set_it_up():
    r = extract("县司法局依托县人民法院设立诉调对接工作室。", region="凤凰县")
    studio = next(n for n in r.names if n.endswith("诉调对接工作室"))
    assert {("ESTABLISHED", "凤凰县司法局", studio), ("LOCATED_IN", studio, "凤凰县人民法院")} <= r.relations()
    assert ("ESTABLISHED", "凤凰县人民法院", studio) not in r.relations()


def test_the_short_name_of_a_dispute_centre_is_the_centre():
    r = extract("县矛盾纠纷调处化解中心挂牌运行，县矛调中心全年受理纠纷900件。", region="凤凰县")
    entity = next(e for e in r.extraction.entities if e.name == "凤凰县矛盾纠纷调处化解中心")
    assert {m.text for m in entity.mentions} == {"县矛盾纠纷调处化解中心", "县矛调中心"}


def test_units_of_a_whole_level_name_no_unit_wherever_they_are_written():
    r = extract("乡镇矛盾纠纷调处化解中心实现全覆盖，建成镇级矛盾纠纷调处化解中心，建成县矛盾纠纷调处化解中心。", region="凤凰县")
    assert {n for n, t in r.names.items() if t == "MediationCentre"} == {"凤凰县矛盾纠纷调处化解中心"}


def test_a_centre_unveiled_at_a_place_is_located_there(read):
    reading = read("平江县矛盾纠纷调处化解中心在县安定镇揭牌运行。县诉调对接中心在县人民法院正式运行。", region="平江县", city="岳阳市")
    located = reading.triples("LOCATED_IN", implicit=False)
    assert ("LOCATED_IN", "平江县矛盾纠纷调处化解中心", "平江县安定镇") in located
    assert ("LOCATED_IN", "平江县诉调对接中心", "平江县人民法院") in located


def test_a_mediation_unit_two_bodies_build_together_is_set_up_by_both(read):
    reading = read("区总工会与嘉善县总工会共建跨区域劳动争议联合调解室，全年调解劳动争议23件。")
    assert "跨区域劳动争议联合调解室" in reading.found(type_="MediationCentre")
    established = {s for kind, s, t in reading.triples(implicit=False) if kind == "ESTABLISHED" and t == "跨区域劳动争议联合调解室"}
    assert established == {"青浦区总工会", "嘉善县总工会"}


def test_a_unit_built_on_a_village_host_is_in_the_village_and_its_builders(read):
    reading = read("金泽镇人民调解委员会依托莲湖村祠堂建成“和为贵”调解工作室，调解员用方言调解邻里纠纷。")
    units = [name for name in reading.found(type_="MediationCentre") if name.endswith("“和为贵”调解工作室")]
    assert len(units) == 1 and "建成" not in units[0] and "祠堂" not in units[0]
    assert ("LOCATED_IN", units[0], "莲湖村") in reading.triples(implicit=False)
    assert any(kind == "ESTABLISHED" and target == units[0] for kind, _, target in reading.triples(implicit=False))


def test_a_body_building_a_unit_at_a_host_no_rule_reads_names_no_unit_of_its_own(read):
    found = read("区行政审批服务局依托区工商联合会馆建成企业服务站，全年服务企业80家。").found()
    assert not any(name.startswith("青浦区行政审批服务局") and name.endswith("服务站") for name in found)


def test_the_units_a_centre_keeps_inside_it_are_part_of_it_typed_by_their_heads():
    r = extract("县综治中心内设综合受理室、人民调解室和法律援助工作站，全年受理群众诉求800余件。", region="安化县")
    centre = "安化县社会治安综合治理中心"  # 综治中心 written out
    units = {centre + "综合受理室": "Institution", centre + "人民调解室": "MediationCentre", centre + "法律援助工作站": "ObservationPoint"}
    for unit, type_ in units.items():
        assert r.names.get(unit) == type_
        assert ("PART_OF", unit, centre) in r.relations()


def test_a_clause_naming_the_centre_by_its_head_lists_its_sub_units():
    r = extract("两县司法局在江南镇共建湘黔边界联合调解中心，中心下设法律咨询室和纠纷调解室。", region="安化县")
    centre = next(n for n in r.names if n.endswith("湘黔边界联合调解中心"))
    assert "共建" not in centre
    assert {("PART_OF", centre + "法律咨询室", centre), ("PART_OF", centre + "纠纷调解室", centre)} <= r.relations()


def test_a_kind_of_unit_after_a_verb_opening_a_clause_is_no_unit():
    r = extract("二是完善边界协作机制，推动联合调解室规范运行。", region="安化县")
    assert not any(n.endswith("联合调解室") for n in r.names)


def test_a_unit_two_bodies_build_at_a_station_is_in_the_station():
    r = extract("县公安局、县司法局在县公安局城关派出所共建警民联调室，全年调处纠纷120件。", region="安化县")
    unit = "安化县公安局城关派出所警民联调室"
    assert r.names.get(unit) == "MediationCentre"
    assert ("LOCATED_IN", unit, "安化县公安局城关派出所") in r.relations()
    assert {("ESTABLISHED", "安化县公安局", unit), ("ESTABLISHED", "安化县司法局", unit)} <= r.relations()


def test_where_a_body_acts_is_no_part_of_a_station_s_name():
    r = extract("县公安局分别在东坪派出所和梅城派出所设立警调联动室。", region="安化县")
    assert not any("分别" in n or "在" in n for n in r.names)


def test_a_centre_that_has_rooms_lists_its_sub_units_and_its_window_as_a_service():
    r = extract("县公共法律服务中心设有法律援助工作室和人民调解室，全年接待群众3200人次。", region="安化县")
    centre = "安化县公共法律服务中心"
    assert {("PART_OF", centre + "法律援助工作室", centre), ("PART_OF", centre + "人民调解室", centre)} <= r.relations()
    window = extract("县公共法律服务中心设有综合受理窗口，全年受理1200件。", region="安化县")
    assert window.names.get(centre + "综合受理窗口") == "Mechanism"  # a counter of the centre: a service, no office


def test_the_next_sentence_naming_the_centre_as_this_centre_lists_its_sub_units():
    r = extract("县司法局在东坪镇建成湘黔边界联合调解中心。该中心设有法律咨询室和纠纷调解室。", region="安化县")
    centre = "安化县东坪镇湘黔边界联合调解中心"
    assert r.names.get(centre) == "MediationCentre"  # 建成 ends no body's name
    assert {("PART_OF", centre + "法律咨询室", centre), ("PART_OF", centre + "纠纷调解室", centre)} <= r.relations()
