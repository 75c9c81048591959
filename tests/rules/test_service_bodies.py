"""Bodies the genre names as partners and hosts: federations, a government's legal adviser office, a court's
litigation service centre, a town's service centres, bases and alliances; bureaus whose names hold 和…建设."""

from __future__ import annotations

from extracted import read


def test_federations_by_full_name_and_short_form():
    r = read("区司法局会同区工商业联合会、区侨联走访民营企业。")
    assert r.names["青浦区工商业联合会"] == "Institution"
    assert r.names["青浦区归国华侨联合会"] == "Institution"


def test_a_foreign_bar_association():
    r = read("区律师协会与老挝琅南塔省律师公会签订《跨境法律服务合作备忘录》。", region="勐腊县")
    assert any(n.endswith("琅南塔省律师公会") for n, t in r.names.items() if t == "Institution")


def test_a_bureau_whose_name_holds_he_and_jianshe_and_the_team_after_it():
    r = read("区司法局联合区住房和城乡建设局、区规划资源局组建物业纠纷法律服务团，深入小区。")
    assert r.names["青浦区住房和城乡建设局"] == "Institution"
    teams = [n for n, t in r.names.items() if n.endswith("法律服务团")]
    assert teams == ["青浦区物业纠纷法律服务团"]  # the verb inside the bureau's name opens no name
    r = read("区政务服务和数字化建设管理局推行“一窗通办”。")
    assert r.names["青浦区政务服务和数字化建设管理局"] == "Institution"


def test_an_office_is_written_with_its_body_and_holds_no_count():
    r = read("区政府法律顾问室现有法律顾问9名。")
    adviser = next(e for e in r.extraction.entities if e.name == "青浦区人民政府法律顾问室")
    assert {m.text for m in adviser.mentions} == {"区政府法律顾问室"}
    assert not any("现有" in n for n in r.names)


def test_a_courts_litigation_service_centre_and_a_committees_working_committee():
    r = read("区行政争议调解中心落户区人民法院诉讼服务中心。")
    assert r.names["青浦区人民法院诉讼服务中心"] == "Institution"
    r = read("联系点设在区人大常委会法制工作委员会。")
    assert r.names["青浦区人民代表大会常务委员会法制工作委员会"] == "Institution"


def test_a_towns_service_centres():
    r = read("调解室设在金泽镇便民服务中心，观察点依托练塘镇党群服务中心运行。")
    names = {n for n, t in r.names.items() if t == "Institution"}
    assert any(n.endswith("金泽镇便民服务中心") for n in names)
    assert any(n.endswith("练塘镇党群服务中心") for n in names)
    assert not any(n.count("青浦区") > 1 for n in names)


def test_a_body_after_yu():
    r = read("区医疗纠纷人民调解委员会挂牌于区公共法律服务中心。")
    assert r.names["青浦区公共法律服务中心"] == "Institution"


def test_bases_and_a_quoted_alliance():
    r = read("区人民检察院与吴江区人民检察院共建太浦河生态保护公益诉讼协作基地。")
    assert any(n.endswith("公益诉讼协作基地") for n, t in r.names.items() if t == "Institution")
    r = read("区司法局联合上海政法学院挂牌成立法治实践教学基地。")
    assert any(n.endswith("法治实践教学基地") for n, t in r.names.items() if t == "Institution")
    r = read("区司法局与吴江区司法局共建“江南法律服务联盟”。")
    assert any(n.endswith("江南法律服务联盟") for n, t in r.names.items() if t == "Institution")


def test_a_station_built_in_each_town_is_a_point():
    r = read("区司法局分别在金泽镇、练塘镇建成法律服务工作站。")
    stations = {n: t for n, t in r.names.items() if n.endswith("法律服务工作站")}
    assert stations and set(stations.values()) == {"ObservationPoint"}


def test_firms_after_a_verb_of_hosting_are_firms_in_general():
    r = read("区司法局在青浦工业园区设立涉外法律服务中心，入驻律师事务所3家。")
    assert r.names["青浦区涉外法律服务中心"] == "Institution"
    assert "入驻律师事务所" not in r.names


def test_a_school_whose_name_joins_two_subjects():
    r = read("区法学会与上海政法学院法学与社会学院共建法治研究基地。")
    assert r.names["上海政法学院法学与社会学院"] == "Institution"
    assert "社会学院" not in r.names


def test_a_body_after_yu_is_read_once():
    r = read("区医疗纠纷人民调解委员会挂牌于区公共法律服务中心。")
    assert not any(n.startswith("于") or "于区" in n for n in r.names)


def test_a_service_centres_sub_centre_in_each_town():
    r = read("区政务服务中心在金泽镇、练塘镇分别设立便民服务分中心，推动事项就近办理。")
    subs = {n for n, t in r.names.items() if n.endswith("便民服务分中心")}
    assert subs == {"青浦区政务服务中心金泽镇便民服务分中心", "青浦区政务服务中心练塘镇便民服务分中心"}
    assert all(("PART_OF", s, "青浦区政务服务中心") in r.relations() for s in subs)


def test_the_secretariat_of_a_body_named_just_before():
    r = read("区司法局与吴江区司法局共建“江南律师联盟”，联盟秘书处设在区律师协会。")
    secretariat = next(n for n in r.names if n.endswith("联盟秘书处"))
    assert ("PART_OF", secretariat, secretariat.removesuffix("秘书处")) in r.relations()


def test_zhen_after_a_function_word_is_the_town_the_sentence_named():
    r = read("金泽镇人民调解委员会在镇便民服务中心设立调解工作室。")
    assert any(n.endswith("金泽镇便民服务中心") for n, t in r.names.items() if t == "Institution")


def test_the_stations_of_counted_places_name_no_station():
    r = read("区司法局与吴江区司法局、嘉善县司法局共建联合调解室，由三地司法所派员轮值。")
    assert not any(n.endswith("司法所") for n in r.names)
