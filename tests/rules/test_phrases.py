"""Noun phrases after trigger verbs (govkg_phrases): one type at a time, lists, qualifiers, counts."""

from __future__ import annotations


def test_a_team_set_up_is_an_institution(read):
    team = read("组建助企惠民专项服务团队。").found("phrase-Institution")["助企惠民专项服务团队"]
    assert team.cls == "Team"


def test_a_list_after_one_verb_gives_each_document(read):
    found = read("印发执法事项目录和裁量基准实施方案。").found("phrase-Document")
    assert {"执法事项目录", "裁量基准实施方案"} <= set(found)


def test_a_qualifier_and_a_count_are_not_part_of_the_name(read):
    found = read("打造全市首个涉外法律服务平台，打造3个法治文化品牌。").found("phrase-Mechanism")
    assert "涉外法律服务平台" in found and "法治文化品牌" in found


def test_a_centre_needs_a_mediation_cue(read):
    assert read("成立党群服务中心。").found("phrase-MediationCentre") == {}
    assert "矛盾纠纷调处化解中心" in read("成立矛盾纠纷调处化解中心。").found("phrase-MediationCentre")


def test_a_phrase_over_a_quote_is_left_to_the_quote_rule(read):
    reading = read("建立“府院联动”工作机制。")
    assert reading.found("phrase") == {} and "“府院联动”工作机制" in reading.found("quote")


def test_a_centre_stationed_at_a_body_takes_the_bodys_full_name(read):
    found = read("设立上海银行业保险业纠纷调解中心驻区法院调解室。").found("phrase-MediationCentre")
    assert "上海银行业保险业纠纷调解中心驻青浦区人民法院调解室" in found


def test_a_verb_without_a_known_head_names_nothing(read):
    assert read("建立健全工作台账。").found("phrase") == {}


def test_a_meeting_joined_by_and_is_part_of_the_systems_name(read):
    found = read("三地司法局建立联席会议和信息通报制度。").found("phrase")
    assert "联席会议和信息通报制度" in found and not any(name.startswith("和") for name in found)


def test_a_kind_of_mechanism_is_not_a_named_one(read):
    found = read("建立协作机制，健全会前学法制度。").found("phrase")
    assert "协作机制" not in found and "会前学法制度" in found


def test_a_stop_character_inside_a_word_does_not_cut_the_name(read):
    found = read("区司法局建立社区矫正对象请假协查机制。").found("phrase-Mechanism")
    assert "社区矫正对象请假协查机制" in found
    assert "对群众诉求快速响应机制" not in read("建立对群众诉求快速响应机制。").found("phrase-Mechanism")


def test_a_mechanism_a_plan_will_build_is_not_read(read):
    assert read("2025年，青浦区将完善行政争议实质性化解体系。").found("phrase-Mechanism") == {}
    assert "行政争议实质性化解体系" in read("2024年，青浦区完善行政争议实质性化解体系。").found("phrase-Mechanism")



def test_the_genres_standing_mechanisms_are_read_by_name(read):
    found = read("区政府常务会议开展会前学法8次；深化镇街综合行政执法改革，全面推行证明事项告知承诺制。").found("known-mechanism")
    assert set(found) == {"会前学法制度", "镇街综合行政执法改革", "证明事项告知承诺制"}
    assert found["会前学法制度"].text == "会前学法"


def test_a_standing_mechanism_inside_a_longer_name_is_left_to_it(read):
    reading = read("建立健全乡镇执法事项清单动态调整机制。")
    assert "乡镇执法事项清单" not in reading.found("known-mechanism")


def test_a_heading_line_names_no_mechanism_but_a_paragraph_opened_by_one_does(read):
    assert read("（二）健全行政争议实质性化解机制\n区司法局牵头。").found("phrase-Mechanism") == {}
    assert "述法制度" in read("（三）落实述法制度。组织主要负责人开展年度述法。").found("phrase-Mechanism")


def test_a_kind_of_system_every_region_has_is_no_named_mechanism(read):
    assert read("区司法局健全矛盾纠纷多元化解机制。").found("phrase-Mechanism") == {}


def test_items_listed_before_one_head_are_one_mechanism_each_signer_established(read):
    r = read("区司法局与吴江区司法局建立案情通报、联合研判和协同处置工作机制，全年处置纠纷20件。")
    name = "案情通报、联合研判和协同处置工作机制"
    assert name in r.found(type_="Mechanism")
    assert {("ESTABLISHED", "青浦区司法局", name), ("ESTABLISHED", "吴江区司法局", name)} <= r.triples(implicit=False)


def test_kinds_listed_with_deng_before_a_head_are_no_one_mechanism(read):
    found = read("区司法局建立案情通报、联合研判、协同处置等机制。").found(type_="Mechanism")
    assert not any("、" in name for name in found)


def test_a_pilot_is_a_programme_and_a_reforms_pilot_is_the_reform():
    from extracted import read as extract

    r = extract("在阿拉营镇、茶田镇开展乡镇行政执法规范化试点，在木江坪镇开展基层执法体制改革试点。", region="凤凰县")
    assert r.names.get("乡镇行政执法规范化试点") == "Mechanism"
    assert r.cls("乡镇行政执法规范化试点") == "Programme"
    assert r.names.get("基层执法体制改革") == "Mechanism"
    assert "基层执法体制改革试点" not in r.names


def test_a_service_channel_opened_is_a_service():
    from extracted import read as extract

    r = extract("开通涉企纠纷诉讼服务绿色通道。", region="凤凰县")
    assert r.cls("涉企纠纷诉讼服务绿色通道") == "Service"


def test_a_verb_inside_a_name_starts_no_second_name(read):
    found = read("开展线上线下习近平法治思想学习活动，持续推进。").found(type_="Mechanism")
    assert list(found) == ["线上线下习近平法治思想学习活动"]


def test_several_things_summed_up_name_none(read):
    assert read("县委宣传部负责制定宣传以及调查研究等一系列工作方案。").found(type_="Document") == {}
    assert "法治宣传工作方案" in read("县委宣传部制定法治宣传工作方案。").found(type_="Document")


def test_a_mechanism_linking_two_things_keeps_both_sides_of_yu():
    from extracted import read as extract

    r = extract("建立行政执法与刑事司法衔接机制，县司法局与县人民法院建立诉调衔接机制。", region="凤凰县")
    assert r.names.get("行政执法与刑事司法衔接机制") == "Mechanism"
    assert r.names.get("诉调衔接机制") == "Mechanism"
    assert not any(n.startswith("县人民法院建立") for n in r.names)
