"""SERVES from a unit set up in one clause to the places or zone the next clause, opened by 服务, names."""

from __future__ import annotations

from extracted import read


def test_a_station_serves_the_towns_the_next_clause_names():
    r = read("区司法局在金泽镇设立边界法律服务工作站，服务金泽镇、练塘镇两镇群众，全年接待咨询300人次。")
    served = {o for t, s, o in r.relations() if t == "SERVES"}
    assert {"金泽镇", "练塘镇"} <= served


def test_a_zone_called_by_its_kind_is_the_zone_the_unit_was_set_up_in():
    r = read("区司法局在青浦工业园区设立法律服务工作站，重点服务园区内的物流企业。")
    assert any(t == "SERVES" and o.endswith("青浦工业园区") for t, s, o in r.relations())


def test_stations_set_up_in_each_place_all_serve_the_zone():
    r = read("区司法局在金泽镇、练塘镇分别设立法律服务工作站，服务长三角生态绿色一体化发展示范区企业。")
    servers = {s for t, s, o in r.relations() if t == "SERVES" and o == "长三角生态绿色一体化发展示范区"}
    assert len(servers) == 2


def test_a_service_centre_or_a_guarantee_is_no_serving_clause():
    r = read("区司法局在金泽镇设立法律服务工作站，服务保障金泽镇重点项目。")
    assert not any(t == "SERVES" and o == "金泽镇" for t, s, o in r.relations())


def test_a_point_serving_the_park_serves_the_zone_it_was_set_up_in_whatever_its_kind():
    from extracted import read as extract
    r = extract("县司法局在县经济开发区设立企业服务点，重点服务园区内120家规上企业。", region="安化县")
    assert ("SERVES", "安化县经济开发区企业服务点", "安化县经济开发区") in r.relations()


def test_guests_invited_to_an_event_leave_its_organiser_the_host():
    from extracted import read as extract
    r = extract("县司法局邀请市中级人民法院法官开展行政执法专题讲座。", region="安化县")
    assert {(s, o) for t, s, o in r.relations() if t == "ORGANIZED"} == {("安化县司法局", "行政执法专题讲座")}
