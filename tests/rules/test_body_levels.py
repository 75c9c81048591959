"""Bodies of the levels above the reporting region, of the centre, of party committees, and of other regions."""

from __future__ import annotations

from extracted import read


def test_city_and_province_short_forms_are_the_levels_above_a_district():
    r = read("在市委、市政府的坚强领导下，区委、区政府统筹推进。", region="吴江区")
    assert {"中共苏州市委", "苏州市人民政府", "中共吴江区委", "吴江区人民政府"} <= set(r.names)


def test_a_county_level_citys_own_city_bodies_are_itself():
    r = read("市司法局会同市场主体开展培训，市政府常务会议学法4次。", region="太仓市")
    assert "太仓市司法局" in r.names and "太仓市人民政府" in r.names


def test_a_level_the_gazetteer_cannot_place_is_not_the_regions_own_body():
    r = read("在市委的领导下，县政府推进法治建设。", region="某某县")
    assert "中共某某县委" not in r.names
    assert "某某县人民政府" in r.names


def test_the_centres_bodies_are_never_qualified():
    r = read("深入贯彻党中央、国务院关于法治政府建设的决策部署。")
    assert {"中共中央", "国务院"} <= set(r.names)
    assert not any(n.startswith("青浦区国务院") for n in r.names)


def test_party_commissions_and_schools():
    r = read("区委依法治区办印发《法治建设要点》。区委党校开设法治课程。")
    assert "中共青浦区委全面依法治区委员会办公室" in r.names
    assert "中共青浦区委党校" in r.names
    assert ("ISSUED", "中共青浦区委全面依法治区委员会办公室", "法治建设要点") in r.relations()


def test_associations_universities_and_arbitration_bodies():
    r = read("区律师协会、区法学会与复旦大学法学院共建研究基地。上海仲裁委员会受理案件。")
    assert r.cls("青浦区律师协会") == "Association"
    assert r.cls("青浦区法学会") == "Association"
    assert r.cls("复旦大学法学院") == "University"
    assert r.cls("上海仲裁委员会") == "ArbitrationBody"


def test_a_head_shared_over_a_list_gives_each_region_its_body():
    r = read("区人民法院与嘉善县、吴江区人民法院共同建立协作机制。")
    assert {"嘉善县人民法院", "吴江区人民法院"} <= set(r.names)


def test_three_places_bodies_are_the_three_named_before():
    r = read("区司法局与嘉善县司法局、吴江区司法局签订《三地协作协议》，三地司法局建立联席会议制度。")
    established = {s for t, s, o in r.relations() if t == "ESTABLISHED" and o == "联席会议制度"}
    assert established == {"青浦区司法局", "嘉善县司法局", "吴江区司法局"}


def test_a_court_branch_is_part_of_its_court_and_acts_itself():
    r = read("区人民法院朱家角人民法庭设立家事调解工作室。")
    assert ("PART_OF", "青浦区人民法院朱家角人民法庭", "青浦区人民法院") in r.relations(explicit_only=False)
    assert not any(t == "ESTABLISHED" and s == "青浦区人民法院" for t, s, _ in r.relations())
    assert "青浦区人民法院" not in r.names  # named only as the tribunal's court: an entity with no mention of its own


def test_the_centre_alone_heads_a_list_of_committees(read):
    assert "中共中央" in read("全面落实中央和市委关于法治建设的部署。", region="武清区", city="天津市").found(type_="Institution")
    assert "中共中央" in read("认真落实中央、省、市部署。", region="武清区", city="天津市").found(type_="Institution")
    assert not read("争取中央财政资金。", region="武清区", city="天津市").found(type_="Institution")


def test_an_autonomous_regions_and_a_leagues_short_forms_name_their_bodies(read):
    found = read("全面落实自治区党委、自治区人民政府和盟委工作部署，旗委、旗政府主要负责人履行第一责任人职责。",
                 region="科尔沁右翼中旗", city=None).found("institution")
    assert {"中共内蒙古自治区委员会", "内蒙古自治区人民政府", "中共兴安盟委", "中共科尔沁右翼中旗委", "科尔沁右翼中旗人民政府"} <= set(found)


def test_a_prefecture_called_diqu_has_a_diwei_and_a_league_a_xingshu(read):
    found = read("在地委的坚强领导下，市委、市政府全面落实工作部署。", region="漠河市", city=None).found("institution")
    assert {"中共大兴安岭地委", "中共漠河市委", "漠河市人民政府"} <= set(found)
    found = read("落实盟委、盟行署部署，市政府常务会议学法。", region="阿尔山市", city=None).found("institution")
    assert {"中共兴安盟委", "兴安盟行政公署"} <= set(found)
