"""Relations over lists and carried subjects, and agreements' scope with the words that only qualify it (issue 11)."""

from __future__ import annotations

from extracted import read


def test_signers_named_with_their_province_and_city_carry_to_the_next_clause():
    r = read("3月，区司法局与浙江省嘉兴市嘉善县司法局、江苏省苏州市吴江区司法局签订《边界调解协作协议》，三地建立矛盾纠纷联调联处机制。")
    established = {s for t, s, o in r.relations() if t == "ESTABLISHED" and o.endswith("联调联处机制")}
    assert established == {"青浦区司法局", "嘉善县司法局", "吴江区司法局"}


def test_a_place_where_an_agreement_is_signed_is_not_read_into_its_title():
    r = read("区司法局与吴江区司法局在金泽镇签订《太浦河沿线矛盾纠纷联调协议》，协议覆盖金泽镇、黎里镇。")
    covered = {o for t, s, o in r.relations() if t == "COVERS"}
    assert covered == {"金泽镇", "黎里镇"}


def test_divisions_that_only_qualify_the_covered_villages_are_not_covered():
    r = read("区司法局与吴江区司法局、嘉善县司法局签订《边界联防联调协议》，协议覆盖金泽镇、朱家角镇及吴江区、嘉善县毗邻村居。")
    covered = {o for t, s, o in r.relations() if t == "COVERS"}
    assert {"金泽镇", "朱家角镇"} <= covered
    assert not covered & {"吴江区", "嘉善县"}



def test_a_clause_opening_with_a_place_carries_the_subject_over_a_semicolon(read):
    found = read("区司法局在各街镇推行“法律明白人”培养，全年培养300人；在青浦工业园区设立企业服务点，全年服务企业50家。").triples("ESTABLISHED", implicit=False)
    assert any(source == "青浦区司法局" and target.endswith("企业服务点") for _, source, target in found)


def test_bodies_counted_with_a_level_in_brackets_set_up_what_they_build_together():
    # 三县（市）: counties and a city, counted together; the bodies named before in the paragraph
    text = "区司法局与甲市司法局、乙县司法局签订协议。三县（市）司法局依托朱家角镇党群服务中心共建边界联合人民调解委员会。"
    r = read(text.replace("甲市", "嘉兴市").replace("乙县", "嘉善县"))
    founders = {s for t, s, o in r.relations() if t == "ESTABLISHED" and o.endswith("联合人民调解委员会")}
    assert founders == {"青浦区司法局", "嘉兴市司法局", "嘉善县司法局"}
    # with fewer bodies of that name named before, the count names none
    r = read("区司法局与嘉善县司法局签订协议。三县（市）司法局共建边界联合人民调解委员会。")
    founders = {s for t, s, o in r.relations() if t == "ESTABLISHED" and o.endswith("联合人民调解委员会")}
    assert not founders


def test_a_clause_opening_with_an_adverb_and_a_partner_keeps_the_subject_before_the_pause():
    r = read("区人社局参与协议文本起草论证，并与吴江区人力资源和社会保障局签订《跨区域劳动保障监察协作协议》。")
    signers = {s for t, s, o in r.relations() if t == "PARTY_TO"}
    assert signers == {"青浦区人力资源和社会保障局", "吴江区人力资源和社会保障局"}
