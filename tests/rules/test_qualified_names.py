"""Names the final step qualifies with the reporting region, and the bodies that set up what they build."""

from __future__ import annotations

from extracted import read


def test_a_body_written_with_the_regions_level_is_named_with_the_region_once():
    r = read("成立由县长任组长的县法治政府建设领导小组。", region="安化县")
    assert "安化县法治政府建设领导小组" in r.names and "安化县县法治政府建设领导小组" not in r.names


def test_a_base_two_partners_build_is_established_by_both():
    r = read("县人民政府与湖南城市学院签订战略合作协议，共建法治人才培养基地。", region="安化县")
    assert {("ESTABLISHED", "安化县人民政府", "安化县法治人才培养基地"), ("ESTABLISHED", "湖南城市学院", "安化县法治人才培养基地")} <= r.relations()


def test_what_a_body_sets_up_after_a_clause_saying_what_it_is_made_of_is_its():
    r = read("县司法局牵头组建由32名律师组成的涉企法律服务团。", region="安化县")
    assert ("ESTABLISHED", "安化县司法局", "安化县涉企法律服务团") in r.relations()
    r = read("县政府成立以县长为组长的法治政府建设领导小组。", region="安化县")
    assert ("ESTABLISHED", "安化县人民政府", "安化县法治政府建设领导小组") in r.relations()
