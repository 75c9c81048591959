"""Places (govkg_places): gazetteer names and aliases, town stems in lists, towns and villages by suffix."""

from __future__ import annotations


def test_gazetteer_places_get_their_class(read):
    found = read("青浦区、吴江区和嘉善县三地联动。").found("gazetteer")
    assert {name: c.cls for name, c in found.items()} == {"青浦区": "County", "吴江区": "County", "嘉善县": "County"}


def test_an_alias_takes_the_canonical_name(read):
    found = read("示范区执委会牵头。").found("gazetteer")
    assert "长三角生态绿色一体化发展示范区" in found


def test_town_names_without_their_suffix_are_read_only_in_lists(read):
    listed = read("在金泽、朱家角等镇开展巡回宣讲。").found("gazetteer-stem")
    assert {"金泽镇", "朱家角镇"} <= set(listed)


def test_a_village_right_after_its_town_is_part_of_it(read):
    reading = read("在金泽镇莲湖村召开现场会。")
    village = reading.found("village-after-town")["莲湖村"]
    assert village.attributes["parent"] == "金泽镇"
    assert ("PART_OF", "莲湖村", "金泽镇") in reading.triples(implicit=False)


def test_the_gazetteer_gives_the_chain_of_parents(read):
    assert {("PART_OF", "嘉善县", "嘉兴市"), ("PART_OF", "嘉兴市", "浙江省")} <= read("嘉善县参加。").triples(implicit=True)


def test_a_word_ending_in_a_suffix_is_no_town_without_its_county(read):
    assert read("推动城镇化建设。").found(type_="Place") == {}
