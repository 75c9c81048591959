"""What every rule shares: the candidate and relation records, the report's context, masking,
clause and sentence bounds, and building alternations from word lists.

Nothing here knows a rule family; each family is one module of this package.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from govkg.loaders.gazetteer import Gazetteer, automaton_of
from govkg.ontology.terms import Class, RelationType

CJK = "\u4e00-\u9fff"
PUNCT = frozenset("，。；：、！？,;:!?\n（）()【】[] \t\u3000")
"""Characters that end a run of a name."""
PLACEHOLDER = "\u25cb"
"""Stands in for quoted or bracketed text when reading phrases (same length)."""

CLAUSE_ENDS = "，。；！？,;!?\n"
"""Where a clause ends: what a verb acts on lies before the next of these."""
SENTENCE_ENDS = "。！？；;!?\n"
"""Where a sentence ends, for provenance."""
CLAUSE_OPENS = "。；;!！?？\n，,"
"""Where the clause a verb stands in opens (who acts is named after it)."""
LIST_LINKS = ("、", "和", "及", "以及")
"""Words that join the items of a list (A、B和C); with 与, the items of a list of names (南海区与禅城区, 《A》与《B》)."""

QUOTE = re.compile(r"“([^“”\n]{1,60})”")
TITLE = re.compile(r"《([^《》\n]{1,160})》")
CJK_CHAR = re.compile(f"[{CJK}]")


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of ``words``, longest first (so the longest match wins), each escaped."""
    return "|".join(map(re.escape, sorted(set(words), key=lambda w: (-len(w), w))))


def first_of(words: Iterable[str]) -> str:
    """A lookahead for the first characters of ``words``.

    Put before a pattern that opens with an optional part, it lets the regex engine pass
    over at once the positions no match can start from (it cannot see that by itself).
    """
    return f"(?=[{re.escape(''.join(sorted({w[0] for w in words})))}])"


def finditer_near(pattern: re.Pattern[str], text: str, anchors: tuple[str, ...], before: int, after: int) -> list[re.Match[str]]:
    """The matches ``pattern.finditer(text)`` finds, found by scanning only the stretches around ``anchors``.

    A pattern that can start at any character (``[一-龥]{1,8}?河(?=流域)``) makes the regex engine
    try every position of a report; the words every match must hold (流域) are found in one pass,
    and only the text near them is scanned. Every match must hold an anchor starting at most
    ``before`` characters after the match starts, and the match, with what it looks ahead at, must
    end at most ``after`` characters after that anchor starts (no ``$`` or negative lookahead there).
    """
    segments: list[list[int]] = []
    for start, _, _ in automaton_of(anchors).matches(text):
        low, high = max(0, start - before), min(len(text), start + after)
        if segments and low <= segments[-1][1]:
            segments[-1][1] = max(segments[-1][1], high)
        else:
            segments.append([low, high])
    return [match for low, high in segments for match in pattern.finditer(text, low, high)]


def normalise(name: str) -> str:
    """Canonical spelling: full-width brackets and spaces folded, outer quotes kept."""
    return name.replace("（", "(").replace("）", ")").replace(" ", "").replace("\u3000", "").strip()


def mask(text: str) -> str:
    """The text with quoted and 《》 spans replaced by placeholders (same length)."""
    pieces: list[str] = []
    position = 0
    for start, end in sorted(match.span() for pattern in (QUOTE, TITLE) for match in pattern.finditer(text)):
        if end > position:
            start = max(start, position)
            pieces += (text[position:start], PLACEHOLDER * (end - start))
            position = end
    pieces.append(text[position:])
    return "".join(pieces)


def _class_of(characters: str) -> re.Pattern[str]:
    return re.compile("[" + "".join(map(re.escape, sorted(characters))) + "]")


_CLAUSE_END = _class_of(CLAUSE_ENDS)
_PAUSE = _class_of("".join(PUNCT))


def clause_end(text: str, position: int) -> int:
    """Index of the end of the clause starting at ``position``."""
    found = _CLAUSE_END.search(text, position)
    return found.start() if found else len(text)


def clause_start(text: str, position: int) -> int:
    """Index where the clause holding ``position`` opens."""
    start = position
    while start > 0 and text[start - 1] not in CLAUSE_OPENS:
        start -= 1
    return start


def pause(text: str, position: int) -> int:
    """Index of the first punctuation (``PUNCT``) at or after ``position``, else the text's length."""
    found = _PAUSE.search(text, position)
    return found.start() if found else len(text)


class Sentences:
    """Sentence bounds of a text, found once, for looking up the sentence around a range.

    Args:
        text: the text.
        ends: the characters that end a sentence (each ends the sentence it closes).
    """

    def __init__(self, text: str, ends: str = SENTENCE_ENDS) -> None:
        self.text = text
        self.ends = [m.end() for m in _class_of(ends).finditer(text)] + [len(text)]

    def spans(self) -> list[tuple[int, int]]:
        """Every sentence as (start, end), the last running to the text's end."""
        starts = [0, *self.ends[:-1]]
        return list(zip(starts, self.ends))

    def around(self, start: int, end: int) -> str:
        """The sentence(s) holding the characters ``start``–``end``, stripped."""
        ends = self.ends
        i = bisect.bisect_right(ends, start)
        first = ends[i - 1] if i else 0
        j = bisect.bisect_left(ends, max(end, start + 1))
        last = ends[min(j, len(ends) - 1)]
        return self.text[first:last].strip()


def list_items(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The items of a list written in ``text[start:end]`` (A、B和C), as ranges; a link word opening the words opens a
    name (和平县…), no list."""
    items, position = [], start
    for match in re.finditer(alternation(LIST_LINKS), text[start:end]):
        if match.start() == 0:
            continue
        items.append((position, start + match.start()))
        position = start + match.end()
    items.append((position, end))
    return items


def inside(position: int, spans: Iterable[tuple[int, int]]) -> bool:
    """Whether ``position`` lies in one of ``spans`` (half-open ranges).

    A plain loop, not ``any()`` over a generator: rules ask this for every character of a
    report, and the loop is three times faster.
    """
    for s, e in spans:
        if s <= position < e:
            return True
    return False


def ranges_overlap(start: int, end: int, other_start: int, other_end: int) -> bool:
    """Whether the half-open ranges ``start``–``end`` and ``other_start``–``other_end`` share a character."""
    return start < other_end and other_start < end


def overlaps_any(start: int, end: int, spans: Iterable[tuple[int, int]]) -> bool:
    """Whether the range ``start``–``end`` overlaps one of ``spans`` (:func:`ranges_overlap`; a plain loop, as :func:`inside`)."""
    for s, e in spans:
        if s < end and start < e:
            return True
    return False


@dataclass(frozen=True)
class Candidate:
    """A mention a rule found, before mentions are merged into entities. Never changed once made.

    Attributes:
        type: the top class (``Class.Institution``).
        cls: the finer class (``Class.Court``); the span's label.
        canonical: the name the rule reads (before qualification with the reporting region).
        start, end: character offsets into the report text (exact; the span is token-aligned).
        text: the words as written.
        rule: which rule of the family found it (``quote``, ``institution-short``…).
        attributes: facts the rule read besides the name (``owner``, ``parent``, ``series``).
        replaces: this reading replaces other rules' overlapping readings of its type
            (a point read per place by the observation-point rule over a point a phrase rule read).
    """

    type: Class
    cls: Class
    canonical: str
    start: int
    end: int
    text: str
    rule: str
    aliases: tuple[str, ...] = ()
    attributes: Mapping[str, Any] = field(default_factory=dict)
    replaces: bool = False

    @property
    def key(self) -> str:
        return self.canonical

    def overlaps(self, other: Candidate) -> bool:
        """Whether the two readings share a character (as :func:`ranges_overlap`, written out: rules ask it often)."""
        return self.start < other.end and other.start < self.end


@dataclass(frozen=True)
class RelationRecord:
    """A relation a rule found, between entity keys (canonical names), with the text that states it."""

    type: RelationType
    source: str
    target: str
    implicit: bool
    start: int
    end: int


def settled(candidates: Sequence[Candidate]) -> list[Candidate]:
    """The readings that stand: those no ``replaces`` reading of another rule overlaps with the same type,
    or reads of the very same words (a point's name a phrase rule read as a body)."""
    replacing = [c for c in candidates if c.replaces]
    if not replacing:
        return list(candidates)
    standing = []
    for c in candidates:  # plain loops, as in inside(): every candidate meets every replacing reading
        for r in replacing:
            if r.rule != c.rule and (r.start == c.start and r.end == c.end or r.type == c.type and r.overlaps(c)):
                break
        else:
            standing.append(c)
    return standing


DASHES = "—－-"
"""Dashes that join two names of one thing (澜沧江—湄公河, 官厅水库—永定河流域)."""
AFTER_A_WATER = ("流域", "干流", "沿线", "沿岸", "上游", "中游", "下游", "水域", "湖区")
"""What follows a water's name when a stretch or basin of it is meant (卫河流域, 赤水河沿岸, 寻乌水流域)."""
LEVEL_CHARS = "省市州区县盟旗"
"""The level characters a short form opens with (市人大常委会, 区涉外法律服务工作站)."""
COMPLETE = "complete"
"""Attribute of a body whose name is complete as read: the reporting region is never put in front (国务院, 华南理工大学,
丹江流域执法协作服务站 that four bureaus set up)."""
QUALIFIER = "qualifier"
"""Attribute of a place or body read only as the qualifier of a name that follows it (佛山高新区顺德园, 区政府办公室): the entity
stays, with no mention of its own."""
PROTECTED_AREA = "protected-area"
"""The rule name of a park, reserve or reservoir named by its kind (东北虎豹国家公园): its authority is a body (…管理局)."""
TOWN_BY_SUFFIX = "town-by-suffix"
"""The rule name of a town no table has, read by its suffix (覆盖会兴街道): the reporting region's unless written after another county."""
SHARED_HEAD = "institution-shared"
"""The rule name of a body read from a list sharing one head (南海区、禅城区人民法院 → 南海区人民法院)."""
PER_PLACE = "unit-per-place"
"""The rule name of the units one set of words names in each place listed (在A、B分别设立…调解室)."""
POINT_PER_PLACE = "observation-point"
"""The rule name of the points family's readings, one per place listed (在A镇、B镇分别建成…工作站)."""
SUB_UNIT_VERBS = ("下设", "内设", "设有", "分设")
"""Verbs a body lists its own sub-units after (县综治中心内设A室、B室和C室): each is PART_OF it; no body's name holds one."""
SCOPE_OPENERS = ("覆盖", "涵盖", "范围包括", "范围为", "范围是")
"""Words that open an agreement's or a mechanism's stated scope (协作范围覆盖A、B等镇)."""
SCOPE_OPENS = re.compile(alternation(SCOPE_OPENERS))
SETTING_UP = ("建立", "确定", "形成", "约定", "商定", "健全")
"""Verbs that set a standing arrangement up (建立…联席会议制度), where merely holding it (召开) does not."""
HOLDERS = "holders"
"""Attribute of a standing meeting: the keys of the bodies its name says hold it (they set it up: ESTABLISHED)."""
SIGNERS = "signers"
"""Attribute of an agreement named by its signers one by one (A分别与B、C签订…协议): the keys of its two signers."""


@dataclass(frozen=True)
class Context:
    """What a rule needs to know about the report beyond its words: who reports, the places, the tokens."""

    text: str
    region: str
    city: str | None
    gazetteer: Gazetteer
    token_starts: frozenset[int] = frozenset()
    reporter: str | None = None
    """The reporting body when a department reports (闵行区司法局): whom 本局 names."""

    @cached_property
    def masked(self) -> str:
        """The text with quoted and 《》 spans masked (:func:`mask`), made once per report."""
        return mask(self.text)

    def owners(self) -> dict[str, str]:
        """Whom a short form's first character names: 区/县/旗 → the reporting region, 市 → its city,
        省 → its province, 州 → its autonomous prefecture.

        A county-level city's own 市 is itself. A level the gazetteer cannot place is left out:
        a district's 市委 is never the district's own committee.
        """
        owners = {"区": self.region, "县": self.region, "旗": self.region}
        city = self.region if self.region.endswith("市") else self.city
        if city:
            owners["市"] = city
        if self.region in self.gazetteer:
            province = self.gazetteer.province(self.region)
            if province and province != self.region:
                owners["省"] = province
            for place in self.gazetteer.chain(self.region)[1:]:
                if place.level == "prefecture" and place.name.endswith("州"):
                    owners["州"] = place.name
        return owners


def in_place(ctx: Context, place: str) -> str:
    """A unit's name up to its place: a place of the reporting region with the region in front (官亭镇 → 民和回族土族自治县官亭镇)."""
    if not place.startswith(ctx.region) and place in ctx.gazetteer and ctx.region in {p.name for p in ctx.gazetteer.chain(place)[1:]}:
        return ctx.region + place
    return place
