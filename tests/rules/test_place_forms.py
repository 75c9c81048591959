"""Places the division table and the hand list lack, read from the genre's patterns: towns by suffix in
lists and before their villages, river sections and reservoir areas, zones by their kind, waters run together."""

from __future__ import annotations


def places(reading):
    return {c.canonical: c for c in reading.standing if c.type == "Place"}


def test_a_township_no_table_has_is_read_in_a_list_of_towns(read):
    found = places(read("约定在金泽镇、练塘镇与嘉善县大云乡、姚庄镇等毗邻乡镇开展联调。"))
    assert "大云乡" in found and found["大云乡"].attributes.get("parent") == "嘉善县"
    listed = places(read("在朱家角镇、沙湾乡、白鹤镇设立联络点。"))
    assert "沙湾乡" in listed


def test_a_town_before_its_village_or_an_act_is_read_by_its_suffix(read):
    reading = read("区人大常委会在青溪镇柳塘村设立基层立法联系点。")
    found = places(reading)
    assert {"青溪镇", "柳塘村"} <= set(found) and found["柳塘村"].attributes["parent"] == "青溪镇"
    assert "青溪镇" in places(read("区司法局在青溪镇组织开展“宪法宣传周”活动。"))
    assert "湖畔街道" in places(read("约定在练塘镇与徐汇区湖畔街道等沿线街镇开展联合巡查。"))


def test_words_ending_in_a_township_suffix_are_no_townships(read):
    for sentence in ("推进城乡一体化，组织律师下乡、返乡开展服务。", "在重点镇、中心镇开展普法宣传。", "在特色小镇设立服务点。",
                     "在练塘镇与毗邻乡镇、沿江乡镇开展联合调处。"):
        assert not [c for c in places(read(sentence)).values() if c.rule == "town-by-suffix"], sentence


def test_a_river_section_named_by_a_landform_or_carried_over_a_list(read):
    found = places(read("巡查范围覆盖黄河青铜峡段。协作范围覆盖泃河平谷段和蓟州段，以及金沙江江达段、德格段。"))
    assert {"黄河青铜峡段", "泃河平谷段", "泃河蓟州段", "金沙江江达段", "金沙江德格段"} <= set(found)
    assert found["泃河蓟州段"].text == "蓟州段"
    assert not any(name.endswith("干流段") for name in places(read("加强黄河干流段巡查。")))


def test_a_reservoir_area_in_a_county_is_one_place(read):
    found = places(read("协作范围为三峡水库巫山库区及长江干流沿岸。"))
    assert "三峡水库巫山库区" in found


def test_zones_named_by_their_kind(read):
    found = places(read("面向珲春国际合作示范区入驻企业，服务图们边民互市贸易区商户。", region="珲春市", city="延边朝鲜族自治州"))
    assert {"珲春国际合作示范区", "图们边民互市贸易区"} <= set(found)


def test_a_zone_named_by_a_towns_stem_after_a_verb(read):
    found = places(read("在白鹤镇设立服务站，重点服务白鹤物流基地入驻企业。"))
    assert "白鹤物流基地" in found
    assert not [c for c in places(read("东戴河新区设立服务点。")).values() if c.canonical.startswith("戴河")]


def test_two_rivers_run_together_and_provinces_before_a_river(read):
    found = places(read("签订葫芦河渝河流域生态保护协作意见，在晋豫黄河沿岸开展联合巡查。"))
    assert {"葫芦河", "渝河", "黄河"} <= set(found)
    assert not any(name in found for name in ("葫芦河渝河", "晋豫黄河"))
