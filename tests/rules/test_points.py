"""Observation and contact points (govkg_observation_points): one per listed place, located there."""

from __future__ import annotations


def test_one_point_per_place_set_up_at(read):
    reading = read("在金泽镇、朱家角镇设立两家跨域基层法治观察点。")
    points = reading.found("observation-point")
    assert set(points) == {"金泽镇跨域基层法治观察点", "朱家角镇跨域基层法治观察点"}
    assert ("LOCATED_IN", "朱家角镇跨域基层法治观察点", "朱家角镇") in reading.triples(implicit=False)


def test_the_per_place_points_replace_the_phrase_reading_of_the_same_words(read):
    reading = read("在金泽镇、朱家角镇设立两家跨域基层法治观察点。")
    assert any(c.rule == "phrase-ObservationPoint" for c in reading.candidates)  # still on the Doc
    assert not any(c.rule == "phrase-ObservationPoint" for c in reading.standing)  # but replaced


def test_points_named_after_a_list_of_towns(read):
    points = read("练塘镇、金泽镇的基层立法联系点运行良好。").found("observation-point")
    assert set(points) == {"练塘镇基层立法联系点", "金泽镇基层立法联系点"}


def test_points_set_up_respectively_at(read):
    points = read("新设基层立法联系点2个，分别位于金泽镇和练塘镇。").found("observation-point")
    assert set(points) == {"金泽镇基层立法联系点", "练塘镇基层立法联系点"}


def test_a_point_without_a_place_named_is_no_per_place_point(read):
    assert read("基层立法联系点作用明显。").found("observation-point") == {}


def test_a_site_named_by_its_kind_alone_keeps_its_places_name(read):
    reading = read("在环县工业集中区设立涉企法律服务工作站。", region="环县", city="庆阳市")
    assert "环县工业集中区" in reading.found("point-site")
    assert "广东工业设计城" in read("在北滘镇广东工业设计城设立企业服务点。", region="顺德区", city="佛山市").found("point-site")


def test_a_point_set_up_at_a_place_written_with_de_is_named_without_it(read):
    reading = read("市人大常委会在金泽镇设立的基层立法联系点，全年征集建议64条。")
    points = [name for name in reading.found(type_="ObservationPoint")]
    assert points and not any("的" in name for name in points)
    assert any(t == "LOCATED_IN" and target == "金泽镇" for t, _, target in reading.triples(implicit=False))


def test_a_point_set_up_with_a_plaque_is_named_after_both_verbs(read):
    found = read("县司法局在安定镇挂牌成立安定镇公共法律服务工作站。", region="平江县", city="岳阳市").found()
    assert not any("成立" in name for name in found)


def test_points_built_in_each_listed_town_are_each_set_up_by_the_subject(read):
    reading = read("区司法局分别在练塘镇、金泽镇建成涉外法律服务工作站，提供法律咨询。")
    points = set(reading.found(type_="ObservationPoint"))
    assert points == {"练塘镇涉外法律服务工作站", "金泽镇涉外法律服务工作站"}
    established = {(s, t) for kind, s, t in reading.triples(implicit=False) if kind == "ESTABLISHED"}
    assert established == {("青浦区司法局", p) for p in points}
    assert ("LOCATED_IN", "金泽镇涉外法律服务工作站", "金泽镇") in reading.triples(implicit=False)


def test_a_point_built_on_a_host_is_named_without_the_verb(read):
    reading = read("区委依法治区办依托朱家角镇文化活动室建成基层法治观察点，聘请观察员9名。")
    points = set(reading.found(type_="ObservationPoint"))
    assert points == {"朱家角镇基层法治观察点"}
    assert any(kind == "ESTABLISHED" and target in points for kind, _, target in reading.triples(implicit=False))


def test_points_at_ports_are_named_with_the_port_once(read):
    reading = read("在瑞丽口岸、畹町口岸分别设立口岸法律服务工作站。", region="瑞丽市", city="德宏傣族景颇族自治州")
    points = set(reading.found(type_="ObservationPoint"))
    assert points == {"瑞丽口岸法律服务工作站", "畹町口岸法律服务工作站"}
    assert ("LOCATED_IN", "瑞丽口岸法律服务工作站", "瑞丽口岸") in reading.triples(implicit=False)


def test_a_bodys_point_named_where_a_clause_opens_is_read_whole(read):
    reading = read("上海市人大常委会基层立法联系点于5月在我区挂牌，设在区人大常委会，全年征集意见30条。")
    points = [name for name in reading.found(type_="ObservationPoint") if name.endswith("基层立法联系点")]
    assert len(points) == 1 and points[0].startswith("上海市人民代表大会常务委员会")
    assert any(kind == "ESTABLISHED" and target == points[0] for kind, _, target in reading.triples(implicit=True))


def test_a_legal_aid_station_set_up_in_a_host_body_is_a_point_of_the_body_that_sets_it_up(read):
    r = read("区法律援助中心在区妇联设立妇女儿童法律援助工作站，全年受理申请80件。")
    station = next(c for c in r.standing if c.text == "妇女儿童法律援助工作站")
    assert (station.type, station.cls) == ("ObservationPoint", "LegalServiceStation")
    assert ("ESTABLISHED", "青浦区法律援助中心", station.canonical) in r.triples(implicit=False)
    assert ("LOCATED_IN", station.canonical, "青浦区妇女联合会") in r.triples(implicit=False)
    r = read("区法律援助中心在朱家角镇司法所、白鹤镇司法所分别设立法律援助工作站。")
    stations = {c.canonical for c in r.standing if c.type == "ObservationPoint"}
    assert len(stations) == 2
    # the centre itself is no station, and giving aid names none
    r = read("区法律援助中心全年办理法律援助案件320件。")
    assert not any(c.type == "ObservationPoint" for c in r.standing)


def test_a_point_set_up_in_a_zone_named_after_a_place_opening_with_a_link_word_is_in_the_zone(read):
    reading = read("县工商联、县司法局在和平县产业转移工业园设立企业服务点。", region="和平县", city="河源市")
    assert ("LOCATED_IN", "和平县产业转移工业园企业服务点", "和平县产业转移工业园") in reading.triples()
    assert "产业转移工业园" not in reading.found(type_="Place")


def test_points_added_and_then_placed_one_by_one(read):
    reading = read("新增政策法规咨询联系点3个，分别设在东坪镇、梅城镇和江南镇。", region="安化县", city="益阳市")
    located = {o for t, s, o in reading.triples("LOCATED_IN") if s.endswith("政策法规咨询联系点")}
    assert located == {"安化县东坪镇", "安化县梅城镇", "安化县江南镇"}



def test_a_place_designated_a_congress_point_is_named_with_the_congress_and_its_owner(read):
    points = read("朱家角镇作为市人大常委会基层立法联系点，全年收集意见300条。", city="上海市").found(type_="ObservationPoint")
    assert list(points) == ["上海市人大常委会朱家角镇基层立法联系点"]


def test_a_unit_set_up_with_de_after_the_verb_is_named_without_it(read):
    found = read("区社会治理中心在金泽镇设立的长三角跨域联合调解工作站全年受理纠纷120件。", city="上海市").found()
    assert "青浦区金泽镇长三角跨域联合调解工作站" in found
    assert not any("的" in name for name in found)


def test_an_enterprise_rule_of_law_service_point_is_of_the_points_family(read):
    points = read("区司法局在金泽镇设立企业法治服务点，全年服务企业86家。").found(type_="ObservationPoint")
    assert [c.cls for c in points.values()] == ["EnterpriseServicePoint"]
