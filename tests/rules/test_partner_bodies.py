"""Bodies named as partners in reports from anywhere in China: foreign bodies, bodies counted after a list of
places, comprehensive-management centres, hospitals and schools, named centres, a town's stations and law firms."""

from __future__ import annotations

from extracted import read as extract


def test_a_neighbouring_countrys_body_keeps_its_country_and_place():
    r = extract("县司法局与老挝南塔省司法厅签订合作协议，与越南老街省公安厅开展联合执法。", region="勐腊县")
    assert r.names.get("老挝南塔省司法厅") == "Institution"
    assert r.names.get("越南老街省公安厅") == "Institution"
    assert r.names.get("南塔省") == r.names.get("老挝") == "Place"
    assert "云南省司法厅" not in r.names and "云南省公安厅" not in r.names
    assert ("LOCATED_IN", "老挝南塔省司法厅", "南塔省") in r.relations(explicit_only=False)


def test_a_count_of_places_after_their_list_names_each_places_body():
    r = extract("河北、山东两地法院共同建立跨省协作机制。", region="南乐县")
    assert {n for n, t in r.names.items() if t == "Institution"} == {"河北省人民法院", "山东省人民法院"}
    assert r.names.get("河北省") == r.names.get("山东省") == "Place"


def test_a_count_after_partners_joined_by_with_includes_the_reporting_region():
    r = extract("县司法局与大名县、莘县三地司法局签订协议。", region="南乐县")
    assert {"南乐县司法局", "大名县司法局", "莘县司法局"} <= set(r.names)
    assert not any("三地" in n for n in r.names)


def test_a_comprehensive_management_centre_is_a_mediation_unit_and_its_bracketed_name_the_same_centre():
    r = extract("县综治中心（矛调中心）全年受理纠纷120件。", region="通城县")
    centre = "通城县社会治安综合治理中心"
    assert r.names.get(centre) == "MediationCentre"
    entity = next(e for e in r.extraction.entities if e.name == centre)
    assert {m.text for m in entity.mentions} == {"县综治中心", "矛调中心"}
    assert extract("县社会治安综合治理中心受理纠纷。", region="通城县").names.get(centre) == "MediationCentre"


def test_hospitals_and_schools_named_as_partners_are_institutions():
    r = extract("县司法局联合县人民医院、县中心医院、县第一中学开展活动；全县中小学校开展法治教育。", region="通城县")
    assert {"通城县人民医院", "通城县中心医院", "通城县第一中学"} <= {n for n, t in r.names.items() if t == "Institution"}
    assert not any("中小" in n for n in r.names)


def test_named_centres_are_bodies():
    r = extract("县合法性审查中心全年审查文件86件，隽水镇公共法律服务中心接待群众300人次。", region="通城县")
    assert r.names.get("通城县合法性审查中心") == "Institution"
    assert r.names.get("通城县隽水镇公共法律服务中心") == "Institution"
    assert ("LOCATED_IN", "通城县隽水镇公共法律服务中心", "隽水镇") in r.relations(explicit_only=False)


def test_a_towns_stations_are_its_bodies_and_its_court_the_county_courts():
    r = extract("隽水镇司法所、隽水派出所、麦市人民法庭和隽水镇市场监管所联合开展排查。", region="通城县")
    institutions = {n for n, t in r.names.items() if t == "Institution"}
    assert {"通城县隽水镇司法所", "通城县隽水镇派出所", "通城县人民法院麦市人民法庭", "通城县隽水镇市场监督管理所"} <= institutions
    assert r.cls("通城县人民法院麦市人民法庭") == "Court"
    assert ("LOCATED_IN", "通城县隽水镇派出所", "隽水镇") in r.relations(explicit_only=False)
    # a court's branch written after it stays the branch rule's, one body
    written = extract("县人民法院麦市人民法庭设立巡回审判点。", region="通城县")
    assert ("PART_OF", "通城县人民法院麦市人民法庭", "通城县人民法院") in written.relations(explicit_only=False)


def test_law_firms_are_institutions_of_their_own_class():
    r = extract("县司法局组织湖北正源律师事务所律师参加培训，邀请北京市中伦律师事务所参加。", region="通城县")
    assert r.names.get("湖北正源律师事务所") == "Institution"
    assert r.cls("湖北正源律师事务所") == r.cls("北京市中伦律师事务所") == "LawFirm"


def test_firms_in_general_after_a_verb_are_no_firm():
    r = extract("引导律师事务所拓展业务，支持律师事务所在开发区设立分支机构。", region="通城县")
    assert not any(n.endswith("律师事务所") for n in r.names)


def test_a_school_or_institute_written_after_its_university_is_the_partner():
    for school in ("华东政法大学政法学院", "上海大学法律学院", "复旦大学法治政府研究院", "上海政法学院政法学院"):
        r = extract(f"区司法局与{school}签订合作协议，共建法治实践教学基地。")
        assert r.names.get(school) == "Institution", school
        assert ("ESTABLISHED", school, "青浦区法治实践教学基地") in r.relations(), school
        assert any(t == "PARTY_TO" and s == "青浦区司法局" for t, s, o in r.relations()), school
    # a verb after the university starts no school of it
    r = extract("区司法局与华东政法大学共建研究院。")
    assert "华东政法大学" in r.names and not any(n.startswith("华东政法大学") and n != "华东政法大学" for n in r.names)


def test_a_body_the_counted_places_share_is_not_one_body_of_each():
    r = extract("县司法局与武平县司法局、平远县司法局签订协议。全年三县边界联调委员会受理跨界纠纷52起。三县司法局召开联席会议。",
                region="寻乌县")
    assert not any(name.endswith("县边界联调委员会") and name.startswith(("寻乌县", "武平县", "平远县")) for name in r.names)
    assert {"寻乌县司法局", "武平县司法局", "平远县司法局"} <= set(r.names)
