"""Names the final step qualifies with the reporting region, and the bodies that set up what they build."""

from __future__ import annotations

from extracted import read


def test_a_body_written_with_the_regions_level_is_named_with_the_region_once():
    r = read("成立由县长任组长的县法治政府建设领导小组。", region="安化县")
    assert "安化县法治政府建设领导小组" in r.names and "安化县县法治政府建设领导小组" not in r.names


def test_a_base_two_partners_build_is_established_by_both():
    r = read("县人民政府与湖南城市学院签订战略合作协议，共建法治人才培养基地。", region="安化县")
    assert {("ESTABLISHED", "安化县人民政府", "安化县法治人才培养基地"), ("ESTABLISHED", "湖南城市学院", "安化县法治人才培养基地")} <= r.relations()
