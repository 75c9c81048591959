"""The points family: finer classes by head, where each is (down to a site or street), who designated it."""

from __future__ import annotations

from extracted import read


def test_each_head_gives_its_finer_class():
    r = read("在朱家角镇设立法律服务工作站。在金泽镇设立政策法规咨询联系点。在白鹤镇设立企业服务点。在练塘镇设立基层法治观察点。")
    classes = {r.cls(n) for n, t in r.names.items() if t == "ObservationPoint"}
    assert classes == {"LegalServiceStation", "PolicyConsultationPoint", "EnterpriseServicePoint", "ObservationPoint"}


def test_a_site_no_gazetteer_knows_is_a_place_within_the_town_before_it():
    r = read("在白鹤镇青浦工业园设立企业服务点，服务入驻企业。")
    assert r.names["青浦工业园"] == "Place"
    assert ("LOCATED_IN", "青浦工业园", "青浦区白鹤镇") in r.relations()  # towns of China share the name 白鹤镇
    assert ("LOCATED_IN", "白鹤镇青浦工业园企业服务点", "青浦工业园") in r.relations()


def test_a_street_designated_by_a_congress():
    r = read("夏阳街道作为上海市人大常委会基层立法联系点，收集意见建议120条。")
    point = "上海市人大常委会夏阳街道基层立法联系点"
    assert r.cls(point) == "LegislativeContactPoint"
    assert ("LOCATED_IN", point, "夏阳街道") in r.relations()
    assert ("ESTABLISHED", "上海市人民代表大会常务委员会", point) in r.relations(explicit_only=False)


def test_added_points_without_a_place_are_the_regions():
    r = read("全年新增3个基层立法联络站。")
    assert r.cls("青浦区基层立法联络站") == "LegislativeContactPoint"


def test_a_point_arriving_at_a_town():
    r = read("首个法律服务联系点落户赵巷镇。")
    assert ("LOCATED_IN", "赵巷镇首个法律服务联系点", "赵巷镇") in r.relations() or any(
        t == "LOCATED_IN" and o == "赵巷镇" for t, _, o in r.relations())


def test_a_mediation_room_is_no_point():
    r = read("调解工作室落户赵巷镇，在香花桥街道设立调解分站。")
    assert not any(t == "ObservationPoint" for t in r.names.values())


def test_who_sets_up_a_point_established_it_and_where_is_only_where():
    r = read("县司法局在高滩镇设立法律服务工作站。", region="邻水县")
    points = [name for name, type_ in r.names.items() if type_ == "ObservationPoint"]
    assert len(points) == 1 and ("ESTABLISHED", "邻水县司法局", points[0]) in r.relations()
    r = read("西南政法大学与县人民政府签订合作协议，在县司法局设立西南政法大学邻水法治实践基地。", region="邻水县")
    assert "邻水县司法局" not in {s for t, s, o in r.relations() if t == "ESTABLISHED"}  # the host, not the founder


def test_points_a_body_names_at_listed_villages_are_one_per_village_and_the_bodys():
    from extracted import read as extract

    r = extract("县委依法治县办确定阿拉营镇大坪村、茶田镇两林村为基层法治观察点。", region="凤凰县")
    points = {n for n, t in r.names.items() if t == "ObservationPoint"}
    assert points == {"凤凰县大坪村基层法治观察点", "凤凰县两林村基层法治观察点"}
    for p, village in (("凤凰县大坪村基层法治观察点", "大坪村"), ("凤凰县两林村基层法治观察点", "两林村")):
        assert {("LOCATED_IN", p, village), ("ESTABLISHED", "中共凤凰县委全面依法治县委员会办公室", p)} <= r.relations()


def test_newly_set_up_points_listed_by_place_have_no_stray_verb_in_their_name():
    from extracted import read as extract

    r = extract("新设立政策法规咨询联系点3个，分别位于阿拉营镇、茶田镇和木江坪镇。", region="凤凰县")
    points = {n for n, t in r.names.items() if t == "ObservationPoint"}
    assert len(points) == 3 and all(n.endswith("镇政策法规咨询联系点") for n in points)


def test_a_congress_point_that_arrives_in_a_town_is_the_congresss_at_the_town():
    from extracted import read as extract

    r = extract("州人大常委会基层立法联系点落户阿拉营镇。", region="凤凰县")
    point = "湘西土家族苗族自治州人大常委会阿拉营镇基层立法联系点"  # the congress with its owner, as the golds name it
    assert r.names.get(point) == "ObservationPoint"
    assert {("ESTABLISHED", "湘西土家族苗族自治州人民代表大会常务委员会", point), ("LOCATED_IN", point, "阿拉营镇")} <= r.relations()


def test_a_point_set_up_in_a_body_is_the_regions_and_sits_in_the_body():
    from extracted import read as extract

    r = extract("县司法局在县工商联设立民营企业法律服务站。", region="凤凰县")
    point = "凤凰县民营企业法律服务站"
    assert r.names.get(point) == "ObservationPoint"
    assert ("LOCATED_IN", point, "凤凰县工商业联合会") in r.relations()


def test_a_procuratorates_observation_station_and_an_enterprise_service_post_are_points(read):
    reading = read("区人民检察院在金泽镇设立公益诉讼观察站，聘请观察员12名。在青浦工业园区设立“一站式”企业服务驿站，全年帮办事项90件。")
    points = reading.found(type_="ObservationPoint")
    station = next(name for name in points if name.endswith("公益诉讼观察站"))
    post = next(name for name in points if name.endswith("企业服务驿站"))
    assert ("ESTABLISHED", "青浦区人民检察院", station) in reading.triples(implicit=False)
    assert ("LOCATED_IN", station, "金泽镇") in reading.triples(implicit=False)
    assert points[post].cls == "EnterpriseServicePoint"


def test_a_legal_aid_station_set_up_in_an_association_is_a_point_there(read):
    reading = read("县法律援助中心在县残疾人联合会设立残疾人法律援助工作站。", region="安化县", city="益阳市")
    points = [c.canonical for c in reading.standing if c.type == "ObservationPoint"]
    assert len(points) == 1
    assert ("LOCATED_IN", points[0], "安化县残疾人联合会") in reading.triples()
    assert ("ESTABLISHED", "安化县法律援助中心", points[0]) in reading.triples(implicit=False)
