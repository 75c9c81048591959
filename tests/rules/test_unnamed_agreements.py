"""Agreements written by their kind alone (签订合作协议): named by their signers, each signer a party."""

from __future__ import annotations


def test_an_agreement_without_a_title_is_named_by_its_signers(read):
    reading = read("区司法局与南海区司法局签署战略合作框架协议，共享调解资源。", region="顺德区", city="佛山市")
    agreement = reading.found("phrase-Agreement")
    assert list(agreement) == ["顺德区司法局与南海区司法局战略合作框架协议"]
    assert agreement["顺德区司法局与南海区司法局战略合作框架协议"].text == "战略合作框架协议"
    assert {("PARTY_TO", "顺德区司法局", "顺德区司法局与南海区司法局战略合作框架协议"),
            ("PARTY_TO", "南海区司法局", "顺德区司法局与南海区司法局战略合作框架协议")} <= reading.triples("PARTY_TO", implicit=False)


def test_a_university_and_the_government_sign_one_agreement(read):
    found = read("华东政法大学与区人民政府签订合作协议。").found("phrase-Agreement")
    assert list(found) == ["华东政法大学与青浦区人民政府合作协议"]


def test_with_partners_only_the_reporting_region_signs_first(read):
    assert list(read("与华东政法大学签订合作协议。").found("phrase-Agreement")) == ["青浦区与华东政法大学合作协议"]


def test_an_agreement_kind_with_no_signer_names_no_agreement(read):
    assert read("全年签订合作协议12份。").found("phrase-Agreement") == {}


def test_agreements_signed_one_by_one_are_one_agreement_with_each_partner(read):
    reading = read("县人民法院分别与桃江县人民法院、新化县人民法院签订跨域立案协作协议，全年跨域立案40件。", region="安化县", city="益阳市")
    agreements = set(reading.found("phrase-Agreement"))
    assert agreements == {"安化县人民法院与桃江县人民法院跨域立案协作协议", "安化县人民法院与新化县人民法院跨域立案协作协议"}
    parties = reading.triples("PARTY_TO", implicit=False)
    assert ("PARTY_TO", "新化县人民法院", "安化县人民法院与桃江县人民法院跨域立案协作协议") not in parties
    assert {("PARTY_TO", "安化县人民法院", a) for a in agreements} <= parties
