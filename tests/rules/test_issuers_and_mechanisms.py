"""Who issues what when bodies issue respectively or through another body; quoted mechanisms behind a qualifier;
a body's pool of experts; generic kinds of mechanism; quotes in an agreement's title."""

from __future__ import annotations

from extracted import read


def test_bodies_that_respectively_draw_up_documents_each_issue_their_own():
    r = read("区商务委、区文化旅游局分别制定《青浦区商贸领域免罚清单》《青浦区文旅领域免罚清单》。")
    issued = {(s, o) for t, s, o in r.relations() if t == "ISSUED"}
    assert issued == {("青浦区商务委员会", "青浦区商贸领域免罚清单"), ("青浦区文化旅游局", "青浦区文旅领域免罚清单")}


def test_the_body_through_which_a_drafted_document_is_issued_issues_it():
    r = read("区司法局起草《青浦区述法工作方案》，经区委依法治区办印发后组织实施。")
    assert ("ISSUED", "中共青浦区委全面依法治区委员会办公室", "青浦区述法工作方案") in r.relations()
    assert ("ISSUED", "青浦区司法局", "青浦区述法工作方案") not in r.relations()
    r = read("区司法局起草《青浦区行政规范性文件管理办法》，经区政府常务会议审议后由区政府办公室印发。")
    issuers = {s for t, s, o in r.relations() if t == "ISSUED"}
    assert "青浦区人民政府办公室" in issuers


def test_a_quoted_mechanism_behind_a_qualifier_or_a_region_wide_scope():
    r = read("全区推行涉企行政执法“一次查到位”，减少入企检查。")
    assert any(n.endswith("“一次查到位”") and t == "Mechanism" for n, t in r.names.items())
    r = read("全区行政执法“三项制度”落实率100%。")
    assert r.names.get("行政执法“三项制度”") == "Mechanism"
    r = read("区行政审批局推行“免证明”办事，取消证明材料80项。")
    assert r.names.get("“免证明”办事") == "Mechanism"


def test_a_governments_pool_of_legal_advisers_is_a_mechanism_not_an_office():
    r = read("区司法局组建区政府法律顾问专家库，入库专家20名。")
    assert r.names.get("青浦区人民政府法律顾问专家库") == "Mechanism"
    assert "青浦区人民政府法律顾问" not in r.names


def test_a_kind_of_mechanism_every_government_has_is_not_named():
    r = read("区政府健全依法决策机制，重大决策全部经过合法性审查。")
    assert "依法决策机制" not in r.names


def test_a_quote_in_an_agreements_title_names_no_mechanism_of_its_own():
    r = read("区司法局与吴江区司法局签订《青吴“一家亲”矛盾纠纷联调协议》。")
    assert "一家亲" not in r.names and "“一家亲”" not in r.names
    r = read("印发《关于深化“一网通办”改革的实施意见》。")
    assert any("一网通办" in n and t == "Mechanism" for n, t in r.names.items())


def test_a_service_a_body_provides_is_no_named_mechanism():
    r = read("区司法局为园区企业提供合同审查和法律咨询服务。")
    assert not any(t == "Mechanism" for t in r.names.values())


def test_a_counter_set_up_in_a_centre_is_a_mechanism_there():
    r = read("区司法局在区政务服务中心设立行政复议受理窗口，全年受理申请80件。")
    window = "青浦区政务服务中心行政复议受理窗口"  # named with its host, as the branch rule names counters
    assert r.names.get(window) == "Mechanism"
    assert ("LOCATED_IN", window, "青浦区政务服务中心") in r.relations()
    assert ("LOCATED_IN", window, "青浦区司法局") not in r.relations()
    r = read("区司法局开设行政复议咨询服务点。")
    assert r.names.get("行政复议咨询服务点") == "Mechanism"


def test_a_set_up_verb_sets_up_no_mechanism_but_a_counter():
    r = read("区司法局设立法律援助专项资金制度。")
    assert not any(t == "Mechanism" and n.endswith("制度") for n, t in r.names.items())


def test_a_quoted_enterprise_service_station_is_a_point():
    r = read("区行政服务中心在青浦工业园区设立“一站式”企业服务驿站。")
    assert any(n.endswith("“一站式”企业服务驿站") and t == "ObservationPoint" for n, t in r.names.items())


def test_a_list_a_body_draws_up_and_publishes_is_a_mechanism():
    r = read("区政府办公室牵头梳理公布区级行政备案事项清单，共计事项120项。")
    assert any(n.endswith("行政备案事项清单") and t == "Mechanism" for n, t in r.names.items())


def test_the_general_office_of_a_higher_government_issues_what_it_issues():
    r = read("贯彻国务院办公厅印发的《关于加强行政执法协调监督工作体系建设的意见》和省政府办公厅印发的《江苏省行政执法监督办法》。",
             region="吴江区")
    issued = {(s, o) for t, s, o in r.relations() if t == "ISSUED"}
    assert {("国务院办公厅", "关于加强行政执法协调监督工作体系建设的意见"), ("江苏省人民政府办公厅", "江苏省行政执法监督办法")} <= issued
    assert not any(name.startswith("吴江区国务院") for name in r.names)


def test_opinions_bodies_jointly_issue_are_a_document_each_issued_whatever_their_words():
    r = read("区司法局与区人民法院联合印发《关于建立行政争议诉前调解联动机制的意见》，化解行政争议12件。")
    title = "关于建立行政争议诉前调解联动机制的意见"
    assert r.names.get(title) == "Document"
    assert {("ISSUED", "青浦区司法局", title), ("ISSUED", "青浦区人民法院", title)} <= r.relations()
    signed = read("区人民检察院与吴江区人民检察院会签《太浦河流域生态环境保护检察协作意见》。")
    assert signed.names.get("太浦河流域生态环境保护检察协作意见") == "Agreement"


def test_the_general_offices_of_the_provinces_committee_and_government_jointly_issue():
    r = read("省委办公厅、省政府办公厅印发《关于加强法治乡村建设的实施意见》。", region="吴江区")
    issued = {s for t, s, o in r.relations() if t == "ISSUED"}
    assert issued == {"中共江苏省委办公厅", "江苏省人民政府办公厅"}


def test_a_document_drawn_up_to_carry_out_another_implements_it():
    r = read("贯彻落实《提升行政执法质量三年行动计划（2023—2025年）》，制定《青浦区提升行政执法质量三年行动实施方案》。"
             "对标《上海市法治政府建设实施方案》要求，出台《青浦区法治政府建设工作要点》。学习《中华人民共和国行政复议法》，编印《行政复议工作手册》。")
    implements = {(s, o) for t, s, o in r.relations() if t == "IMPLEMENTS"}
    assert implements == {("青浦区提升行政执法质量三年行动实施方案", "提升行政执法质量三年行动计划(2023—2025年)"),
                          ("青浦区法治政府建设工作要点", "上海市法治政府建设实施方案")}
