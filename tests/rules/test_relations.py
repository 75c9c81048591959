"""Relations (govkg_relations): who acts at a verb, containment, serving paragraphs, place chains."""

from __future__ import annotations


def test_the_bodies_before_a_verb_issue_the_document(read):
    triples = read("区司法局会同区法院印发《行政争议实质性化解工作规则》。").triples("ISSUED", implicit=False)
    assert {("ISSUED", "青浦区司法局", "行政争议实质性化解工作规则"), ("ISSUED", "青浦区人民法院", "行政争议实质性化解工作规则")} <= triples


def test_without_a_named_actor_the_reporting_region_acts_implicitly(read):
    assert ("ISSUED", "青浦区", "法治政府建设实施方案") in read("印发《法治政府建设实施方案》。").triples("ISSUED", implicit=True)


def test_an_agreement_nobody_is_said_to_sign_is_the_regions(read):
    assert ("PARTY_TO", "青浦区", "长三角地区法律援助协作框架协议") in read("《长三角地区法律援助协作框架协议》持续落实。").triples("PARTY_TO")


def test_an_establishment_verb_acts_on_the_nearest_body_only(read):
    triples = read("成立区矛盾纠纷多元化解中心，组建助企惠民专项服务团队。").triples("ESTABLISHED")
    assert ("ESTABLISHED", "青浦区", "青浦区矛盾纠纷多元化解中心") in triples
    assert ("ESTABLISHED", "青浦区", "助企惠民专项服务团队") in triples


def test_a_verb_does_not_reach_past_its_clause(read):
    triples = read("区司法局牵头，区法院印发《诉调对接工作办法》。").triples("ISSUED", implicit=False)
    assert ("ISSUED", "青浦区司法局", "诉调对接工作办法") not in triples


def test_a_document_naming_a_cooperation_zone_covers_it(read):
    triples = read("制定《长三角生态绿色一体化发展示范区行政执法协作办法》。").triples("COVERS")
    assert ("COVERS", "长三角生态绿色一体化发展示范区行政执法协作办法", "长三角生态绿色一体化发展示范区") in triples


def test_a_paragraph_opened_by_serving_an_event_serves_it_with_what_it_lists(read):
    reading = read("全力做好进博会法治保障。建立涉外商事纠纷调解机制，组建涉外法律服务团队。\n另段落建立信访工作机制。")
    serves = reading.triples("SERVES", implicit=True)
    assert any(source.endswith("调解机制") for _, source, _ in serves)
    assert not any("信访" in source for _, source, _ in serves)


def test_a_law_described_as_revised_is_issued_by_nobody_here(read):
    assert not read("组织学习新修订的《行政复议法》。").triples("ISSUED")
    assert not read("印发《行政复议法》学习资料。").triples("ISSUED")  # a region never issues a national law
    assert ("ISSUED", "青浦区人民政府", "青浦区行政规范性文件管理办法") in read("区政府制定《青浦区行政规范性文件管理办法》。").triples()
    assert ("ISSUED", "青浦区人民政府", "青浦区行政规范性文件管理办法") in read("落实区政府制定的《青浦区行政规范性文件管理办法》。").triples()


def test_a_counter_a_centre_opens_is_located_in_it(read):
    triples = read("区政务服务中心开设“长三角跨省通办”专窗，全年办件2600件。").triples(implicit=False)
    window = next(t for _, _, t in triples if t.endswith("专窗"))
    assert ("ESTABLISHED", "青浦区政务服务中心", window) in triples
    assert ("LOCATED_IN", window, "青浦区政务服务中心") in triples
    assert not any(t == "LOCATED_IN" for t, _, _ in read("区司法局建立“枫桥式”调解机制。").triples(implicit=False))


def test_a_team_set_up_to_serve_an_event_serves_it(read):
    reading = read("区司法局组建涉外法律服务小分队，服务第七届中国国际进口博览会，提供咨询200余次。")
    teams = [name for name in reading.found(type_="Institution") if name.endswith("小分队")]
    assert teams and ("SERVES", teams[0], "第七届中国国际进口博览会") in reading.triples("SERVES", implicit=False)


def test_an_establishment_verb_sets_up_each_item_of_its_list(read):
    triples = read("区司法局建立边界纠纷联调机制和社区矫正协同监管机制，全年协查11人次。").triples("ESTABLISHED", implicit=False)
    assert {("ESTABLISHED", "青浦区司法局", "边界纠纷联调机制"), ("ESTABLISHED", "青浦区司法局", "社区矫正协同监管机制")} <= triples


def test_a_quoted_service_area_a_centre_opens_is_located_in_it(read):
    triples = read("区政务服务中心设立“企业服务专区”，全年办理事项1.6万件。").triples(implicit=False)
    assert ("LOCATED_IN", "企业服务专区", "青浦区政务服务中心") in triples


def test_a_clause_opening_with_its_verb_carries_the_signers_over_the_agreements_scope(read):
    r = read("区司法局与吴江区司法局签订《淀山湖周边人民调解协作协议》，协议覆盖金泽镇、黎里镇等沿湖乡镇，建立案情通报和联合调处工作机制。")
    established = {s for t, s, o in r.triples("ESTABLISHED", implicit=False) if o.endswith("联合调处工作机制")}
    assert established == {"青浦区司法局", "吴江区司法局"}


def test_subjects_are_not_carried_over_a_clause_naming_another_body(read):
    r = read("区司法局与吴江区司法局签订《人民调解协作协议》，区人民法院派员参加，建立诉调对接工作机制。")
    established = {s for t, s, o in r.triples("ESTABLISHED", implicit=False) if o.endswith("诉调对接工作机制")}
    assert "吴江区司法局" not in established


def test_a_count_of_the_parties_as_subject_is_the_signers_before_it(read):
    r = read("区司法局与吴江区司法局、嘉善县司法局签订《边界人民调解协作协议》，协议覆盖金泽镇、黎里镇和西塘镇，三地建立纠纷信息互通、联合排查和联调联处工作机制。")
    name = "纠纷信息互通、联合排查和联调联处工作机制"
    assert {s for t, s, o in r.triples("ESTABLISHED", implicit=False) if o == name} == {"青浦区司法局", "吴江区司法局", "嘉善县司法局"}


def test_a_verb_starts_a_word_so_an_association_signing_is_no_countersigning(read):
    r = read("推动县律师协会与科右中旗、科左中旗律师协会签订结对共建协议，联合办理案件21件。", region="通榆县", city="白城市")
    signers = {s for t, s, o in r.triples("PARTY_TO", implicit=False) if o.endswith("结对共建协议")}
    assert signers == {"通榆县律师协会", "科尔沁右翼中旗律师协会", "科尔沁左翼中旗律师协会"}
    agreement = next(o for t, s, o in r.triples("PARTY_TO") if o.endswith("结对共建协议"))
    assert "科尔沁左翼中旗律师协会" in agreement


def test_a_body_that_guides_or_pushes_another_to_set_up_a_unit_did_not_set_it_up():
    from extracted import read as extract

    r = extract("县司法局推动县工商联成立商会人民调解委员会，县人民法院指导县总工会设立劳动争议调解工作室。", region="凤凰县")
    established = {(s, o) for t, s, o in r.relations() if t == "ESTABLISHED"}
    assert ("凤凰县工商业联合会", "凤凰县商会人民调解委员会") in established
    assert not any(s in ("凤凰县司法局", "凤凰县人民法院") for s, _ in established)


def test_a_unit_set_up_by_bodies_named_with_you_is_theirs(read):
    found = read("区行政争议调解中心由区司法局与区人民法院联合成立，全年调解行政争议46件。").triples("ESTABLISHED", implicit=False)
    assert found == {("ESTABLISHED", "青浦区司法局", "青浦区行政争议调解中心"), ("ESTABLISHED", "青浦区人民法院", "青浦区行政争议调解中心")}


def test_bodies_named_with_you_that_only_staff_a_unit_set_nothing_up(read):
    found = read("区行政争议调解中心落户区人民法院，由区司法局和区人民法院派员共同值守。").triples("ESTABLISHED", implicit=False)
    assert not found


def test_what_is_set_up_is_the_thing_named_not_the_body_its_name_opens_with(read):
    found = read("区司法局联合上海政法学院组建区政府法律顾问专家库，入库专家25名。").triples("ESTABLISHED", implicit=False)
    assert not any(target == "青浦区人民政府" for _, _, target in found)
    assert any(target.endswith("法律顾问专家库") for _, _, target in found)


def test_a_standing_meeting_the_counted_bodies_set_up_is_theirs_and_one_they_only_hold_is_not(read):
    text = "县司法局与桃江县司法局、新化县司法局签订《边界联调协议》，并建立每季度召开一次的三地司法局联席会议制度。"
    established = {(s, o) for _, s, o in read(text, region="安化县", city="益阳市").triples("ESTABLISHED", implicit=False)}
    assert {s for s, o in established if o.endswith("联席会议制度")} == {"安化县司法局", "桃江县司法局", "新化县司法局"}
    held = "县司法局与桃江县司法局、新化县司法局签订《边界联调协议》。三地司法局每季度轮流召开联席会议。"
    assert not any(o.endswith("联席会议制度") for _, _, o in read(held, region="安化县", city="益阳市").triples("ESTABLISHED", implicit=False))
