"""The shared pieces every family reads (loaders/rules/base.py): alternations, ranges, which readings stand."""

from __future__ import annotations

import re

from govkg.loaders.rules.base import Candidate, alternation, finditer_near, inside, overlaps_any, ranges_overlap, settled
from govkg.ontology.terms import Class


def test_an_alternation_tries_the_longest_word_first():
    pattern = re.compile(alternation(["司法", "司法局", "司法所"]))
    assert [m.group(0) for m in pattern.finditer("区司法局指导镇司法所，司法行政")] == ["司法局", "司法所", "司法"]


def test_an_alternation_escapes_what_regexes_read():
    assert re.fullmatch(alternation(["(试行)", "办法"]), "(试行)")
    assert not re.fullmatch(alternation(["(试行)"]), "试行")


def test_ranges_that_only_touch_do_not_overlap():
    assert ranges_overlap(0, 3, 2, 5)
    assert not ranges_overlap(0, 3, 3, 5)
    assert not ranges_overlap(3, 5, 0, 3)
    assert ranges_overlap(1, 2, 0, 5)


def test_inside_reads_half_open_ranges():
    spans = [(2, 5), (9, 12)]
    assert inside(2, spans) and inside(11, spans)
    assert not inside(5, spans) and not inside(1, spans) and not inside(12, spans)
    assert not inside(0, [])


def test_overlaps_any_agrees_with_ranges_overlap():
    spans = [(2, 5), (9, 12)]
    for start in range(0, 14):
        for end in range(start + 1, 15):
            assert overlaps_any(start, end, spans) == any(ranges_overlap(start, end, s, e) for s, e in spans)


def _reading(start: int, end: int, rule: str, type_: Class = Class.Mechanism, replaces: bool = False) -> Candidate:
    return Candidate(type_, type_, f"{rule}@{start}", start, end, "x" * (end - start), rule, replaces=replaces)


def test_a_replacing_reading_stands_instead_of_another_rules_overlapping_reading_of_its_type():
    phrase = _reading(0, 8, "phrase")
    point = _reading(2, 10, "point", replaces=True)
    other_type = _reading(3, 6, "quote", Class.Institution)
    assert settled([phrase, point, other_type]) == [point, other_type]


def test_a_replacing_reading_stands_instead_of_any_reading_of_the_very_same_words():
    body = _reading(2, 10, "phrase", Class.Institution)
    point = _reading(2, 10, "point", replaces=True)
    assert settled([body, point]) == [point]


def test_a_replacing_reading_leaves_its_own_rules_readings():
    first = _reading(0, 8, "point", replaces=True)
    second = _reading(4, 12, "point", replaces=True)
    assert settled([first, second]) == [first, second]


def test_scanning_near_anchors_finds_what_scanning_everything_finds():
    """Random texts dense in anchors, heads and pauses: the windowed scan must agree with the full one."""
    import random

    from govkg.loaders.rules.places import _SECTION, _TOWN, _TOWN_ENDS, _WATER, _WATER_CONTEXT
    from govkg.loaders.rules.relations import _ISSUED_BY

    pieces = ["镇", "街道", "流域", "沿线", "河", "江", "大运河", "湖", "在", "、", "和", "区", "县", "，", "。", "村",
              "白鹤", "练塘", "太浦", "清水", "推进", "\n", "的",
              "段", "上游", "潼南", "由", "通过", "后", "县政府", "印发", "发布", "乡", "组织", "等", "峡"]
    rng = random.Random(7)
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 40)))
        for pattern, anchors, before, after in ((_TOWN, _TOWN_ENDS, 3, 6), (_WATER, _WATER_CONTEXT, 11, 2), (_SECTION, ("段",), 15, 1),
                                                (_ISSUED_BY, ("由",), 3, 23)):
            assert [m.span() for m in finditer_near(pattern, text, anchors, before, after)] == \
                [m.span() for m in pattern.finditer(text)], (pattern.pattern, text)


def test_a_window_too_narrow_for_the_pattern_loses_matches():
    """The check above can fail: with ``before`` shorter than a match reaches back, matches are lost."""
    pattern = re.compile("[一-龥]{1,8}?河(?=流域)")
    text = "推进清水河流域治理"
    assert [m.group(0) for m in pattern.finditer(text)] == ["推进清水河"]
    assert finditer_near(pattern, text, ("流域",), 1, 2) == []
