"""Documents a body reviews before they are issued: the reviewing body issues them (govkg_relations)."""

from __future__ import annotations


def test_a_draft_sent_for_review_is_issued_by_the_reviewing_body(read):
    triples = read("区司法局起草《关于规范行政裁量权的实施意见》，报区委全面依法治区委员会审议后印发。").triples("ISSUED", implicit=False)
    assert ("ISSUED", "中共青浦区委全面依法治区委员会", "关于规范行政裁量权的实施意见") in triples


def test_a_document_passed_by_a_meeting_of_a_body_is_that_bodys(read):
    triples = read("《青浦区重大行政决策程序规定》经区政府常务会议审议通过。").triples("ISSUED", implicit=False)
    assert ("ISSUED", "青浦区人民政府", "青浦区重大行政决策程序规定") in triples


def test_a_body_that_passes_a_document_after_meeting_issues_it(read):
    triples = read("中共青浦区委全面依法治区委员会召开会议，审议通过《青浦区法治建设工作要点》。").triples("ISSUED", implicit=False)
    assert ("ISSUED", "中共青浦区委全面依法治区委员会", "青浦区法治建设工作要点") in triples


def test_a_review_names_no_document_of_another_sentence(read):
    triples = read("印发《青浦区法治建设工作要点》。重大决策报区政府审议。").triples("ISSUED", implicit=False)
    assert not any(source == "青浦区人民政府" for _, source, _ in triples)


def test_the_body_named_after_you_issues_it_after_the_review(read):
    triples = read("区司法局起草《青浦区行政规范性文件管理办法》，经区政府常务会议审议后由区政府办公室印发。").triples("ISSUED", implicit=False)
    assert ("ISSUED", "青浦区人民政府办公室", "青浦区行政规范性文件管理办法") in triples
    assert ("ISSUED", "青浦区人民政府", "青浦区行政规范性文件管理办法") not in triples


def test_a_document_passed_then_issued_by_a_named_office_is_the_offices(read):
    triples = read("区委全面依法治区委员会审议通过《青浦区法治建设工作要点》，由区委依法治区办印发实施。").triples("ISSUED", implicit=False)
    assert {source for _, source, _ in triples} == {"中共青浦区委全面依法治区委员会办公室"}


def test_after_a_review_the_body_named_with_you_in_the_next_clause_issues_it(read):
    triples = read("区司法局起草的《青浦区行政执法案卷评查办法》经区政府常务会议审议后，由区政府办公室印发。").triples("ISSUED", implicit=False)
    assert triples == {("ISSUED", "青浦区人民政府办公室", "青浦区行政执法案卷评查办法")}


def test_a_document_issued_by_a_body_named_right_after_it(read):
    triples = read("区司法局起草的《青浦区涉企行政检查指引》由区政府办公室印发。").triples("ISSUED", implicit=False)
    assert triples == {("ISSUED", "青浦区人民政府办公室", "青浦区涉企行政检查指引")}
