"""Titles in 《》 (govkg_titles): typed by their head word, national laws named in full, nested titles."""

from __future__ import annotations


def test_a_framework_agreement_signed_with_a_neighbour_is_an_agreement(read):
    reading = read("我区与嘉善县签订《毗邻地区法律服务协作框架协议》。")
    agreement = reading.found("title")["毗邻地区法律服务协作框架协议"]
    assert (agreement.type, agreement.cls) == ("Agreement", "CooperationAgreement")
    assert ("PARTY_TO", "嘉善县", "毗邻地区法律服务协作框架协议") in reading.triples(implicit=False)


def test_a_short_national_law_gets_its_full_name_and_keeps_the_short_one_as_alias(read):
    law = read("认真贯彻落实《行政复议法》。").found("title")["中华人民共和国行政复议法"]
    assert law.cls == "Law" and law.aliases == ("行政复议法",)
    assert law.text == "行政复议法"  # the mention is what the report wrote


def test_a_local_regulation_is_not_renamed_as_a_national_law(read):
    found = read("出台《上海市优化营商环境条例实施办法》。").found("title")
    assert "上海市优化营商环境条例实施办法" in found
    assert not any(name.startswith("中华人民共和国") for name in found)


def test_a_plan_signed_with_others_is_a_joint_action_plan(read):
    plan = read("青浦区与吴江区共同签署《跨界水体联保共治实施方案》。").found("title")["跨界水体联保共治实施方案"]
    assert (plan.type, plan.cls) == ("Agreement", "JointActionPlan")


def test_a_plan_issued_alone_stays_a_document(read):
    plan = read("区政府印发《法治政府建设实施方案》。").found("title")["法治政府建设实施方案"]
    assert plan.type == "Document"


def test_a_nested_title_is_a_document_the_outer_one_implements(read):
    reading = read("制定《〈优化营商环境条例〉实施细则》。")
    assert "优化营商环境条例" in reading.found("nested-title", "Document")
    assert any(r.type == "IMPLEMENTS" and r.target == "优化营商环境条例" for r in reading.relations)


def test_a_word_after_the_title_can_type_it(read):
    standard = read("发布《长三角地区公共法律服务规范》团体标准。").found("title")["长三角地区公共法律服务规范"]
    assert standard.cls == "GroupStandard"


def test_angle_brackets_of_another_kind_are_no_title(read):
    assert read("会上强调<依法行政>的重要性。").found("title") == {}


def test_measures_are_no_national_law(read):
    found = read("制定《政府合同管理办法》，贯彻实施《行政处罚法》。").found("title")
    assert "政府合同管理办法" in found and "中华人民共和国行政处罚法" in found
