"""Bodies and short forms (govkg_institutions): owners, abbreviations, bare courts, offices, platforms."""

from __future__ import annotations


def test_short_forms_are_owned_by_the_reporting_region_and_abbreviations_expand(read):
    found = read("区市场监管局联合区人社局开展执法检查。").found("institution-short")
    assert {"青浦区市场监督管理局", "青浦区人力资源和社会保障局"} <= set(found)
    assert found["青浦区市场监督管理局"].attributes["owner"] == "青浦区"


def test_a_city_short_form_is_owned_by_the_city(read):
    found = read("配合市司法局开展督察。").found("institution-short")
    assert "上海市司法局" in found


def test_a_full_name_after_a_place_keeps_that_place(read):
    found = read("嘉善县司法局派员参加。").found("institution-full")
    assert found["嘉善县司法局"].attributes["owner"] == "嘉善县"


def test_an_office_inside_a_body_is_part_of_it(read):
    reading = read("区政府办公室牵头推进。")
    assert "青浦区人民政府办公室" in reading.found("sub-institution")
    assert ("PART_OF", "青浦区人民政府办公室", "青浦区人民政府") in reading.triples()


def test_a_bare_court_after_a_function_word_is_the_regions_court(read):
    assert "青浦区人民法院" in read("与法院建立联席会议制度。").found("institution-bare")


def test_all_levels_of_government_name_no_body(read):
    assert read("全区各级政府落实主体责任。").found(type_="Institution") == {}


def test_a_body_with_mediation_in_its_name_is_a_centre(read):
    centre = read("成立区矛盾纠纷多元化解中心。").found("institution-short")["青浦区矛盾纠纷多元化解中心"]
    assert centre.type == "MediationCentre"


def test_a_region_under_the_leadership_of_higher_bodies_is_no_body_name(read):
    r = read("2024年，顺德区在省委、省政府和市委的坚强领导下，推进依法行政。", region="顺德区", city="佛山市")
    assert not any("在" in name for name in r.found(type_="Institution"))
    assert {"中共广东省委", "广东省人民政府", "中共佛山市委"} <= set(r.found(type_="Institution"))


def test_an_arbitration_office_is_no_mediation_centre(read):
    r = read("在高新区设立顺德仲裁服务中心，受理商事仲裁案件。", region="顺德区", city="佛山市")
    assert not r.found(type_="MediationCentre")
    assert any(name.endswith("仲裁服务中心") for name in r.found(type_="Institution"))


def test_in_a_department_report_this_bureau_is_the_reporting_department(read):
    text = "本局制定《平谷区司法局2024年法治政府建设工作计划》。本局与天津市蓟州区司法局签署《平蓟协作框架协议》。"
    r = read(text, region="平谷区", city="北京市", reporter="平谷区司法局")
    assert {c.text for c in r.found("institution-self").values()} == {"本局"}
    assert ("PARTY_TO", "平谷区司法局", "平蓟协作框架协议") in r.triples()
    assert ("ISSUED", "平谷区司法局", "平谷区司法局2024年法治政府建设工作计划") in r.triples()
    assert not read(text, region="平谷区", city="北京市").found("institution-self")  # a government's report: no 本局


def test_a_base_built_together_is_a_body_both_established(read):
    r = read("县司法局与湖北科技学院法学院共建法治宣传教育实践基地。", region="通城县", city="咸宁市")
    bases = [name for name in r.found(type_="Institution") if name.endswith("实践基地")]
    assert len(bases) == 1
    assert {s for t, s, o in r.triples("ESTABLISHED") if o == bases[0]} == {"通城县司法局", "湖北科技学院法学院"}
    r = read("区法学会与某大学法学院共建“法润某地”法治研究基地。", region="通城县", city="咸宁市")
    assert any(name.endswith("研究基地") for name in r.found(type_="Institution"))


def test_a_committee_named_by_its_work_is_a_body_and_mediation_ones_are_centres(read):
    r = read("今年，区人民调解委员会受理纠纷3150件；县社会治理综合服务中心整合信访、调解力量。", region="平谷区", city="北京市")
    centres = r.found(type_="MediationCentre")
    assert {"平谷区人民调解委员会", "平谷区社会治理综合服务中心"} <= set(centres)


def test_n_places_bodies_of_a_kind_none_named_yet_are_each_places_own(read):
    text = "本局与蓟州区司法局、三河市司法局和兴隆县司法局签署《四地司法行政协作框架协议》。本局与四地律师协会联合举办律师论坛。"
    counted = read(text, region="平谷区", city="北京市", reporter="平谷区司法局").found("institution-counted")
    assert set(counted) == {"平谷区律师协会", "蓟州区律师协会", "三河市律师协会", "兴隆县律师协会"}


def test_bodies_listed_after_an_owned_one_share_its_owner(read):
    found = read("深入区法院、司法局、检察院等部门调研。", region="静海区", city="天津市").found("institution-listed")
    assert {"静海区司法局", "静海区人民检察院"} <= set(found)
    assert not read("县司法局与嘉善县司法局签订协议。").found("institution-listed")


def test_the_rule_of_law_commission_has_its_short_forms(read):
    found = read("区委依法治区委共召开会议3次。", region="静海区", city="天津市").found("institution-short")
    assert "中共静海区委全面依法治区委员会" in found


def test_a_count_of_counties_and_districts_names_each_body_and_owns_none(read):
    text = "县司法局与韶关市浈江区司法局、郴州市宜章县司法局签订协议，三县区司法局共同建立联合调解机制。"
    reading = read(text, region="乐昌市", city="韶关市")
    counted = reading.found("institution-counted")
    assert set(counted) == {"乐昌市司法局", "浈江区司法局", "宜章县司法局"}
    assert not [c for c in reading.found("institution-short").values() if c.start >= text.index("三县区")]


def test_a_bodys_party_group_is_a_body_of_its_own(read):
    found = read("县政府党组书记、县长履行第一责任人职责。", region="环县", city="庆阳市").found("institution-party-group")
    assert list(found) == ["环县人民政府党组"]
    dept = read("局党组会议专题研究法治建设6次。", region="平谷区", city="北京市", reporter="平谷区司法局").found("institution-party-group")
    assert list(dept) == ["平谷区司法局党组"]
    assert read("加强区司法局基层党组织建设。").found("institution-party-group") == {}


def test_an_office_and_a_tribunal_are_their_bodys_by_name(read):
    reading = read("区政府办公室印发通知；区人民法院朱家角人民法庭设立巡回审判点。")
    for part, body in (("青浦区人民政府办公室", "青浦区人民政府"), ("青浦区人民法院朱家角人民法庭", "青浦区人民法院")):
        assert ("PART_OF", part, body) in reading.triples("PART_OF", implicit=True)
        assert ("PART_OF", part, body) not in reading.triples("PART_OF", implicit=False)


def test_a_towns_government_and_stations_are_bodies_but_not_its_other_offices(read):
    found = read("本局联合金泽镇人民政府开展宣传；金泽镇司法所受理咨询；金泽镇宣传办发放资料。", reporter="青浦区司法局").found(type_="Institution")
    assert any(name.endswith("金泽镇人民政府") for name in found)
    assert "青浦区金泽镇司法所" in found
    assert not any(name.endswith("宣传办") for name in found)


def test_a_provinces_department_is_a_body(read):
    found = read("省司法厅与内蒙古自治区司法厅签署协议。", region="通榆县", city="白城市").found(type_="Institution")
    assert {"吉林省司法厅", "内蒙古自治区司法厅"} <= set(found)


def test_a_governments_legal_advisers_are_its_body(read):
    reading = read("发挥区政府法律顾问团作用，审查合同86份。")
    assert "青浦区人民政府法律顾问团" in reading.found("sub-institution")
    assert ("PART_OF", "青浦区人民政府法律顾问团", "青浦区人民政府") in reading.triples("PART_OF", implicit=True)


def test_a_count_in_a_later_paragraph_names_the_bodies_the_report_named_before(read):
    text = "县司法局与盐池县司法局、定边县司法局签订协议。\n县政府开展自查。三县司法局联合举办巡回宣讲活动。"
    counted = read(text, region="环县", city="庆阳市").found("institution-counted")
    assert set(counted) == {"环县司法局", "盐池县司法局", "定边县司法局"}


def test_a_party_committees_standing_committee_is_a_body(read):
    found = read("区委常委会会议研究法治建设议题4次。").found(type_="Institution")
    assert "中共青浦区委常务委员会" in found


def test_a_party_committees_office_is_a_body(read):
    found = read("区委办公室、区政府办公室联合印发《青浦区法治建设责任清单》。").found(type_="Institution")
    assert {"中共青浦区委办公室", "青浦区人民政府办公室"} <= set(found)


def test_a_macau_bureau_named_with_ji_is_one_body_that_issues_with_its_partner(read):
    r = read("区市场监管局与澳门特别行政区经济及科技发展局联合发布《跨境商事登记服务指引》。", region="顺德区", city="佛山市")
    assert {s for t, s, o in r.triples("ISSUED", implicit=False)} == {"顺德区市场监督管理局", "澳门特别行政区经济及科技发展局"}


def test_ji_still_joins_a_list_of_a_districts_bodies(read):
    found = read("区司法局及区公安局联合开展执法检查。").found("institution")
    assert "青浦区司法局及区公安局" not in found and not any("及" in name for name in found)


def test_a_tax_bureau_is_the_state_administrations_body_in_the_county_written_in_full_or_short():
    from extracted import read as extract

    r = extract("国家税务总局凤凰县税务局与县司法局签订合作协议，县税务局派员驻点。", region="凤凰县")
    bureau = "国家税务总局凤凰县税务局"
    assert r.names.get(bureau) == "Institution"
    entity = next(e for e in r.extraction.entities if e.name == bureau)
    assert {m.text for m in entity.mentions} == {"国家税务总局凤凰县税务局", "县税务局"}


def test_a_market_supervision_station_is_an_office_of_its_bureau():
    from extracted import read as extract

    r = extract("县市场监督管理局阿拉营市场监管所查处案件12件。", region="凤凰县")
    assert r.names.get("凤凰县市场监督管理局阿拉营市场监管所") == "Institution"


def test_what_a_body_does_after_its_name_is_no_office_of_it():
    from extracted import read as extract

    r = extract("县政府聘请法律顾问12名，县司法局组织工作站人员培训。", region="凤凰县")
    assert not any(n.endswith(("聘请法律顾问", "组织工作站")) for n in r.names)


def test_the_youth_league_the_discipline_commission_and_party_offices_are_named_in_full():
    from extracted import read as extract

    r = extract("团县委、县委编办、县纪委监委和县委网信办参加，县纪委监督。", region="凤凰县")
    assert r.cls("共青团凤凰县委员会") == "Association"
    assert "中共凤凰县委" not in r.names
    assert r.names.get("中共凤凰县委机构编制委员会办公室") == "Institution"
    assert r.names.get("中共凤凰县委网络安全和信息化委员会办公室") == "Institution"
    assert r.cls("凤凰县纪律检查委员会") == "PoliticalBody"
    assert r.cls("凤凰县纪委监委") == "PoliticalBody"
