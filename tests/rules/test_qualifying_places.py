"""The reporting region's own prefecture or province written in front of a name only qualifies it."""

from __future__ import annotations

from extracted import read


def test_a_prefecture_in_front_of_its_district_or_its_body_is_no_mention_of_its_own():
    names = read("佛山市顺德区司法局与佛山市人民政府法制办召开会议。", region="顺德区").names
    assert "佛山市" not in names
    assert {"顺德区司法局", "佛山市人民政府"} <= set(names)


def test_the_same_prefecture_standing_alone_is_a_place():
    assert read("服务佛山市高质量发展。", region="顺德区").names.get("佛山市") == "Place"


def test_another_regions_province_in_front_of_its_county_stays_a_place():
    names = read("县司法局与河北省大名县司法局签订协议。", region="南乐县").names
    assert names.get("河北省") == "Place" and names.get("大名县司法局") == "Institution"


def test_the_link_to_a_qualifying_prefecture_is_known_not_stated():
    relations = read("佛山市顺德区司法局召开会议。", region="顺德区")
    assert ("PART_OF", "顺德区", "佛山市") in relations.relations(explicit_only=False)
    assert ("PART_OF", "顺德区", "佛山市") not in relations.relations()
    assert ("PART_OF", "广州市南沙区", "广州市") in read("与广州市南沙区司法局签订协议。", region="顺德区").relations()


def test_a_division_opening_a_regulations_title_only_says_who_made_it():
    names = read("学习《湖南省优化营商环境条例》等法规，会签《沅江流域生态环境保护协作意见》。", region="花垣县").names
    assert "湖南省" not in names and names.get("沅江") == "Place"
    assert read("服务湖南省高质量发展，学习《湖南省优化营商环境条例》。", region="花垣县").names.get("湖南省") == "Place"
