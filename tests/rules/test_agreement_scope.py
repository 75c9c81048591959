"""Agreements between named bodies of several regions: every signer PARTY_TO, the scope COVERS; where is not who."""

from __future__ import annotations

from extracted import read


def test_every_listed_signer_is_party_to_the_agreement():
    r = read("区司法局与嘉善县司法局、吴江区司法局签订《边界调解协作协议》。")
    parties = {s for t, s, o in r.relations() if t == "PARTY_TO"}
    assert parties == {"青浦区司法局", "嘉善县司法局", "吴江区司法局"}


def test_the_signer_carries_over_a_semicolon():
    r = read("区人民检察院与吴江区人民检察院签订《检察协作协议》；与嘉善县人民检察院会签《公益诉讼协作协议》。")
    assert ("PARTY_TO", "青浦区人民检察院", "公益诉讼协作协议") in r.relations()
    assert ("PARTY_TO", "吴江区人民检察院", "公益诉讼协作协议") not in r.relations()


def test_scope_after_covers_and_along_a_border_area():
    r = read("区司法局与嘉善县司法局签订《边界协作协议》，协作范围覆盖金泽镇、西塘镇等镇。")
    # 西塘镇 is a name several towns of China share: this one is 嘉善县's, the county the sentence names
    assert {("COVERS", "边界协作协议", "金泽镇"), ("COVERS", "边界协作协议", "嘉善县西塘镇")} <= r.relations()
    r = read("区人民法院与吴江区人民法院签订《审判协作协议》，在金泽镇、黎里镇毗邻地区开展巡回审判。")
    assert ("COVERS", "审判协作协议", "金泽镇") in r.relations()


def test_a_place_before_the_verb_after_zai_is_where_not_who():
    r = read("区行政争议调解中心在夏阳街道设立分中心。")
    branch = "青浦区行政争议调解中心夏阳分中心"
    assert ("LOCATED_IN", branch, "夏阳街道") in r.relations()
    assert ("ESTABLISHED", "青浦区行政争议调解中心", branch) in r.relations()
    assert not any(t == "ESTABLISHED" and s == "夏阳街道" for t, s, _ in r.relations())


def test_a_set_up_unit_is_never_placed_from_the_next_sentence():
    r = read("在夏阳街道设立服务站。区司法局开展培训。")
    assert ("LOCATED_IN", "青浦区司法局", "夏阳街道") not in r.relations()


def test_studying_a_law_is_not_issuing_it():
    r = read("区政府常务会议集体学习《中华人民共和国行政复议法》，学习贯彻《法治政府建设实施纲要》。")
    assert not any(t == "ISSUED" for t, _, _ in r.relations(explicit_only=False))


def test_another_demonstration_zone_is_not_the_yangtze_delta_zone():
    r = read("加快建设中国特色社会主义先行示范区。")
    assert "长三角生态绿色一体化发展示范区" not in r.names
    assert "长三角生态绿色一体化发展示范区" in read("示范区执委会召开会议。").names


def test_a_county_written_before_its_town_is_not_covered_itself():
    r = read("区司法局与蓟州区司法局签署《边界协作协议》，协作范围覆盖金海湖镇和蓟州区下营镇等毗邻乡镇。", region="平谷区")
    covered = {target for type_, source, target in r.relations() if type_ == "COVERS"}
    assert "金海湖镇" in covered and any(t.endswith("下营镇") for t in covered)
    assert "蓟州区" not in covered


def test_agreements_listed_together_share_the_scope_after_them():
    r = read("三地司法局签订《甲协作协议》和《乙协作协议》，协议覆盖吴江区、嘉善县全域。")
    covered = {(s, o) for t, s, o in r.relations() if t == "COVERS"}
    assert {("甲协作协议", "吴江区"), ("乙协作协议", "吴江区"), ("甲协作协议", "嘉善县")} <= covered


def test_a_zone_in_an_agreements_name_is_covered_only_when_named_in_full():
    r = read("区司法局签订《长三角生态绿色一体化发展示范区行政复议工作协作框架协议》。")
    assert ("COVERS", "长三角生态绿色一体化发展示范区行政复议工作协作框架协议", "长三角生态绿色一体化发展示范区") in r.relations()
    r = read("三地司法局签订《通武廊社区矫正协作协议》。", region="武清区")
    assert not {o for t, s, o in r.relations() if t == "COVERS"}


def test_a_joint_mechanisms_scope_is_what_it_covers():
    relations = read("区水务局与吴江区水务局建立太浦河联合执法机制，执法范围覆盖金泽镇、黎里镇等沿河镇。").relations()
    covered = {target for type_, source, target in relations if type_ == "COVERS" and source.endswith("联合执法机制")}
    assert {"金泽镇", "黎里镇"} <= covered


def test_an_agreement_named_after_a_river_basin_covers_the_river_when_no_scope_is_stated(read):
    r = read("区人民检察院与嘉善县人民检察院会签《太浦河流域和淀山湖湖区水环境保护检察协作意见》，联合巡查8次。")
    covered = {o for t, s, o in r.triples("COVERS") if s.startswith("太浦河流域")}
    assert {"太浦河", "淀山湖"} <= covered


def test_a_stated_scope_or_a_section_in_the_sentence_is_what_a_basin_agreement_covers(read):
    r = read("区司法局与吴江区司法局签订《太浦河流域边界纠纷联调协议》，协议覆盖金泽镇、黎里镇等沿河乡镇。")
    covered = {o for t, s, o in r.triples("COVERS")}
    assert "太浦河" not in covered and "金泽镇" in covered
    r = read("县人民法院与船山区人民法院签订《涪江流域审判协作协议》，在涪江潼南段、涪江船山段开展联合巡查。", region="潼南区", city="重庆市")
    assert "涪江" not in {o for t, s, o in r.triples("COVERS")}


def test_places_an_agreements_name_counts_are_covered(read):
    r = read("区司法局与吴江区司法局、嘉善县司法局签订《青浦吴江嘉善三地人民调解协作协议》。")
    covered = {o for t, s, o in r.triples("COVERS") if s.endswith("人民调解协作协议")}
    assert {"青浦区", "吴江区", "嘉善县"} <= covered


def test_a_scope_said_of_the_agreement_is_not_the_mechanism_set_up_with_it(read):
    r = read("区司法局与吴江区司法局签订《边界纠纷联调协议》，建立联合接访、信息通报两项工作机制，协作范围覆盖金泽镇、黎里镇。")
    covers = r.triples("COVERS")
    assert {("COVERS", "边界纠纷联调协议", "金泽镇"), ("COVERS", "边界纠纷联调协议", "黎里镇")} <= covers
    assert not any(s.endswith("工作机制") for t, s, o in covers)


def test_a_mechanisms_own_stated_scope_is_its_own(read):
    r = read("区司法局与吴江区司法局签订《边界纠纷联调协议》，建立太浦河联合执法工作机制，执法范围覆盖金泽镇、黎里镇。")
    assert any(s.endswith("联合执法工作机制") and o == "金泽镇" for t, s, o in r.triples("COVERS"))


def test_a_scope_stated_with_fanwei_wei_and_villages_along_a_river():
    r = read("区司法局与嘉善县司法局签订《太浦河边界联调协议》，协作范围为金泽镇和嘉善县姚庄镇等太浦河两岸乡镇。")
    covered = {o for t, s, o in r.relations() if t == "COVERS" and s == "太浦河边界联调协议"}
    assert "金泽镇" in covered and any(o.endswith("姚庄镇") for o in covered)
    assert not covered & {"太浦河", "嘉善县"}  # the river and the county only qualify the towns


def test_an_area_of_neighbouring_towns_or_of_towns_where_counties_meet():
    r = read("区司法局与吴江区司法局签订《边界调处协议》，约定在金泽镇、练塘镇与吴江区黎里镇等毗邻乡镇联合调处纠纷。")
    covered = {o for t, s, o in r.relations() if t == "COVERS"}
    assert {"金泽镇", "练塘镇", "黎里镇"} <= covered and "吴江区" not in covered
    r = read("区司法局与嘉善县司法局签订《联防联调协议》，约定在两区县交界的金泽镇、西塘镇一带联合排查。")
    assert ("COVERS", "联防联调协议", "金泽镇") in r.relations()


def test_a_division_or_water_naming_an_unread_town_or_section_is_not_covered():
    r = read("区司法局与吴江区司法局签订《边界协作协议》，协作范围覆盖金泽镇和吴江区莲花荡乡等乡镇。")
    assert ("COVERS", "边界协作协议", "金泽镇") in r.relations()
    assert ("COVERS", "边界协作协议", "吴江区") not in r.relations()
    r = read("区水务局与吴江区水利局建立太浦河联合巡查机制，巡查范围覆盖太浦河青石峡段。")
    assert not any(t == "COVERS" and o == "太浦河" for t, _, o in r.relations())


def test_two_one_character_rivers_run_together_in_a_name_are_both_covered():
    r = read("区人民检察院与吴江区人民检察院会签《汾河渭河流域公益诉讼协作意见》，联合开展巡查。", region="青浦区")
    covered = {o for t, s, o in r.relations() if t == "COVERS"}
    assert {"汾河", "渭河"} <= covered and "汾河渭河" not in covered


def test_a_list_two_regions_bodies_issue_together_is_an_agreement_they_are_party_to():
    r = read("区市场监管局与吴江区市场监管局联合发布《淀山湖周边轻微违法行为免罚清单》，涵盖事项30项。")
    assert r.names["淀山湖周边轻微违法行为免罚清单"] == "Agreement"
    assert {("PARTY_TO", "青浦区市场监督管理局", "淀山湖周边轻微违法行为免罚清单"),
            ("PARTY_TO", "吴江区市场监督管理局", "淀山湖周边轻微违法行为免罚清单")} <= r.relations()


def test_a_plan_of_one_regions_bodies_or_a_joint_guideline_stays_a_document():
    r = read("区司法局与区教育局联合印发《青浦区青少年法治教育实施方案》。")
    assert r.names["青浦区青少年法治教育实施方案"] == "Document"
    r = read("区市场监管局与吴江区市场监管局联合发布《跨区商事登记服务指引》。")
    assert r.names["跨区商事登记服务指引"] == "Document"


def test_towns_listed_before_the_towns_along_a_river_or_border_are_the_area_covered():
    for kind in ("沿江乡镇", "沿河乡镇", "边境乡镇", "沿黄乡镇（街道）"):
        r = read(f"区司法局与吴江区司法局签订《边界联调协议》，约定在金泽镇、练塘镇与吴江区黎里镇等{kind}开展联合调处。")
        covered = {o for t, s, o in r.relations() if t == "COVERS"}
        assert {"金泽镇", "练塘镇", "黎里镇"} <= covered and "吴江区" not in covered, kind
    # the towns where the signers act, with no area word after them, are no scope
    r = read("区司法局与吴江区司法局签订《边界联调协议》，在金泽镇、练塘镇开展宣传。")
    assert not any(t == "COVERS" for t, s, o in r.relations())


def test_waters_an_agreements_name_opens_with_are_covered_where_the_sentence_names_them_again():
    r = read("区人民检察院与吴江区人民检察院会签《淀浦河拦路港流域公益诉讼协作意见》，联合巡查淀浦河、拦路港沿岸6次。")
    covered = {o for t, s, o in r.relations() if t == "COVERS"}
    assert covered == {"淀浦河", "拦路港"}  # not the two read as one water in the name
    r = read("区人民检察院与吴江区人民检察院会签《故太浦河流域公益诉讼协作意见》，联合开展故太浦河沿岸巡查7次。")
    assert ("COVERS", "故太浦河流域公益诉讼协作意见", "故太浦河") in r.relations()
    # a water the sentence names that the agreement's name does not open with is not covered
    r = read("区人民检察院与吴江区人民检察院会签《生态环境公益诉讼协作意见》，联合开展太浦河沿岸巡查。")
    assert not any(t == "COVERS" for t, s, o in r.relations())


def test_waters_listed_as_the_scope_are_places_the_agreement_covers():
    r = read("县人民检察院与桃江县人民检察院会签《资水流域公益诉讼协作意见》，协作范围覆盖资江、安化水和支流柳溪，联合办案5件。", region="安化县")
    covered = {o for t, s, o in r.relations() if t == "COVERS" and s == "资水流域公益诉讼协作意见"}
    assert {"资江", "安化水", "柳溪"} <= covered
    assert "安化县" not in covered


def test_a_section_whose_river_ends_before_a_generic_character():
    r = read("协作范围覆盖渠江广安段和岳池段。", region="广安区")
    assert {"渠江广安段", "渠江岳池段"} <= {n for n, t in r.names.items() if t == "Place"}


def test_a_scope_of_common_words_names_no_water():
    r = read("协作范围覆盖城乡饮用水和生活污水。", region="安化县")
    assert not {n for n, t in r.names.items() if t == "Place" and n.endswith("水")}


def test_towns_written_without_their_suffix_after_covers_are_covered():
    r = read("县司法局与石门县司法局签订《湘鄂边界矛盾纠纷联调协议》，协议覆盖东坪、梅城等6个乡镇。", region="安化县")
    covered = {o for t, s, o in r.relations() if t == "COVERS"}
    assert {"安化县东坪镇", "安化县梅城镇"} <= covered


def test_the_scope_a_sentence_gives_after_the_agreement_it_follows(read):
    reading = read("5月，区司法局与吴江区司法局共同签署《江浙沪边界矛盾纠纷联防联调协议》，两地建立调解员互派机制。协议覆盖金泽镇、练塘镇及对方毗邻乡镇。")
    covered = {t for _, h, t in reading.triples("COVERS", implicit=False)}
    assert {"金泽镇", "练塘镇"} <= covered


def test_counties_a_scope_borders_and_a_unit_set_up_in_a_basin_are_no_scope(read):
    reading = read("区司法局与吴江区司法局在金泽镇签订《沪苏边界执法协作协议》，约定在金泽镇、练塘镇与吴江区接壤区域开展联合检查。"
                   "区人民法院与吴江区人民法院签订《太浦河生态环境司法保护协作协议》，在淀山湖流域联合设立巡回审判点。")
    covers = reading.triples("COVERS", implicit=False)
    assert {("COVERS", "沪苏边界执法协作协议", "金泽镇"), ("COVERS", "沪苏边界执法协作协议", "练塘镇")} <= covers
    assert ("COVERS", "沪苏边界执法协作协议", "吴江区") not in covers
    assert not any(t == "淀山湖" for _, _, t in covers)


def test_a_reservoir_and_a_river_an_agreements_name_opens_with_are_covered(read):
    covers = read("区人民检察院与吴江区人民检察院签订《青草沙水库—黄浦江流域生态环境保护检察协作协议》。").triples("COVERS", implicit=False)
    assert {t for _, _, t in covers} >= {"黄浦江"} and any(t.endswith("水库") for _, _, t in covers)
