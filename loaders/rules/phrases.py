"""Noun phrases after a trigger verb: 建立健全X制度, 印发X方案, 成立X中心, 组建X团队.

Each type has its verbs and its heads (``phrase_verbs``, ``phrase_heads``); a name runs from
the verb to a head, skipping a qualifier (全国首个) or a count (3个), and may be one item of a
list (A、B和C). Text in quotes or 《》 is masked: the quote and title rules read it, and a
phrase that overlaps one of their readings is left to them, as is an event the event rule read
with its organiser and a body the body rule read. A mediation unit (…人民调解委员会, …调解室) is
typed MediationCentre whatever heads it shares with bodies; one named by a count (新建3个人民调解委员会)
or a level (村级调解室) is a kind of unit and not read.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import NamedTuple

from spacy.language import Language
from spacy.tokens import Doc

from govkg.loaders.rules.base import CJK, HOLDERS, PLACEHOLDER, SETTING_UP, SHARED_HEAD, SIGNERS, Candidate, Context, RelationRecord, alternation, clause_start, first_of, inside, normalise, pause
from govkg.loaders.rules.component import CANDIDATES, SPANS, RuleComponent, VocabularySlice, candidates
from govkg.loaders.rules.events import ORGANISED
from govkg.ontology.terms import Class

_AND = re.compile("以及|和|及")
_PERFECTIVE = "了"
_PILOT = "试点"
_ACTIVITY = "活动"
_WITH = "与"
_PAIRING = re.compile("衔接|联动|对接|协作|协同|融合|结合|互认")
"""Words naming what links the two sides of A与B…机制: then 与 is inside the name."""
_REFORM_PILOT = "改革试点"
_COUNTED = re.compile(r"[\d一二两三四五六七八九十]+[项个家名件批]")
_SUMMARY = re.compile(r"等(?:一系列|多项|多个|各项|[\d一二两三四五六七八九十]+[项个类])")
_LISTED_TYPES = (Class.Event, Class.Document, Class.Agreement)
"""Types whose verb may govern a list of names separated by 、 (印发A、B和C)."""
KNOWN = "known-mechanism"
"""The rule name of the genre's standing mechanisms read by name (会前学法)."""
UNNAMED = "unnamed"
"""Attribute of an agreement written by its kind alone (合作协议): the position of its verb, until it is named by its signers."""
STATIONED = "驻"
"""X驻Y…: a centre of X stationed at Y."""
_PROVIDE = "提供"
_SITE_VERBS = ("设立", "开设")
_COUNTERS = ("窗口", "专窗", "咨询服务点")
_EVERYWHERE_UNITS = ("人民调解委员会", "调解委员会")
"""Mediation units every village, community and trade has: named by the head alone, a kind (a 诉调对接中心 alone is the region's)."""
_STRONG_RULES = ("quote", "title", "quote-in-title")
"""Readings a phrase must not overlap: quoted names and titles are read by their own rules."""


class PhraseHead(NamedTuple):
    """A head word that ends a name of the type, and the class it gives."""

    word: str
    cls: Class


class KnownMechanism(NamedTuple):
    """A mechanism the genre names without a verb or head, as written, its canonical name and its class."""

    word: str
    canonical: str
    cls: Class


@dataclass(frozen=True)
class PhraseVocabulary(VocabularySlice):
    phrase_verbs: dict[Class, tuple[str, ...]]
    phrase_heads: dict[Class, tuple[PhraseHead, ...]]
    phrase_qualifiers: tuple[str, ...]
    phrase_continuations: tuple[str, ...]
    np_stop_chars: str
    mediation_cues: tuple[str, ...]
    generic_qualifiers: tuple[str, ...]
    agreement_kind_words: tuple[str, ...]
    generic_systems: tuple[str, ...]
    known_mechanisms: tuple[KnownMechanism, ...]
    mechanism_scopes: tuple[str, ...]
    mediation_scopes: tuple[str, ...]
    generic_event_words: tuple[str, ...]


@dataclass(frozen=True)
class _Heads:
    """A type's phrase heads, longest first, with their classes."""

    heads: list[PhraseHead]
    words: tuple[str, ...]  # the heads alone, to test all at once with str.endswith
    anywhere: re.Pattern[str]  # any head: a run without one names nothing


@Language.factory("govkg_phrases", assigns=[CANDIDATES, SPANS], requires=[CANDIDATES], default_config={})
class PhraseRule(RuleComponent):
    """Unquoted names after a trigger verb, one type at a time; reads the quote and title readings before it."""

    Vocabulary = PhraseVocabulary
    vocabulary: PhraseVocabulary

    def prepare(self) -> None:
        vocabulary = self.vocabulary
        self._types: list[tuple[Class, re.Pattern[str], _Heads]] = []
        for type_, verbs in vocabulary.phrase_verbs.items():
            heads = sorted(vocabulary.phrase_heads[type_], key=lambda h: len(h.word), reverse=True)
            words = tuple(h.word for h in heads)
            self._types.append((type_, re.compile(alternation(verbs)), _Heads(heads, words, re.compile(alternation(words)))))
        self._last_stop = re.compile(f"(?s).*[{re.escape(vocabulary.np_stop_chars + PLACEHOLDER)}]")
        self._qualifier = re.compile(alternation(vocabulary.phrase_qualifiers))
        self._generic = frozenset(vocabulary.generic_qualifiers)
        self._generic_systems = frozenset(vocabulary.generic_systems)
        self._known_names = {k.word: (k.canonical, k.cls) for k in vocabulary.known_mechanisms}
        self._known = re.compile(f"{first_of([*vocabulary.mechanism_scopes, *self._known_names])}"
                                 f"(?P<scope>{alternation(vocabulary.mechanism_scopes)})?(?P<name>{alternation(self._known_names)})")
        agreement_heads = alternation(h.word for h in vocabulary.phrase_heads.get(Class.Agreement, ()))
        self._bare = re.compile(f"(?:{alternation(vocabulary.agreement_kind_words)})*(?:{agreement_heads})(?![{CJK}])")
        self._continuation = re.compile(f"(?=(?:{alternation(vocabulary.phrase_continuations)}))")
        self._mediation_scopes = frozenset(vocabulary.mediation_scopes)
        self._generic_kind = re.compile(f"(?:{alternation(vocabulary.generic_event_words)})*(?:宣传|培训|讲座)?")
        self._mediation_heads = sorted(vocabulary.phrase_heads.get(Class.MediationCentre, ()), key=lambda h: -len(h.word))
        self._mediation_words = tuple(h.word for h in self._mediation_heads if any(c in h.word for c in vocabulary.mediation_cues))

    def find(self, doc: Doc, ctx: Context) -> tuple[Sequence[Candidate], Sequence[RelationRecord]]:
        earlier = candidates(doc)
        strong = [c for c in earlier if c.rule in _STRONG_RULES]
        organised = [c for c in earlier if c.rule == ORGANISED]  # the event rule read the event with its organiser's verb
        body_readings = {(c.start, c.end, c.type) for c in earlier if c.rule.startswith("institution")}  # 成立县…中心: the body rule's
        body_ends = {(c.end, c.type) for c in earlier if c.rule.startswith("institution")}  # 挂牌于市…中心: the body rule read the name
        bodies_read = [(c.start, c.end) for c in earlier if c.rule.startswith("institution")]
        found = [p for p in self.read(ctx, bodies_read) if not any(p.overlaps(s) for s in strong)
                 and not (p.type == Class.Event and any(p.overlaps(o) for o in organised)) and (p.start, p.end, p.type) not in body_readings and (p.end, p.type) not in body_ends]
        found += [k for k in self.known(ctx) if not any(k.overlaps(o) for o in (*strong, *found))]
        found += [m for m in standing_meetings(ctx, [c for c in earlier if c.type == Class.Institution]) if not any(m.overlaps(o) for o in (*strong, *found))]
        if any(UNNAMED in p.attributes for p in found):
            bodies = [c for c in earlier if c.type == Class.Institution]
            found = [q for p in found for q in signers_names(p, bodies, ctx)]
        if not any(p.type == Class.MediationCentre and STATIONED in p.text for p in found):
            return found, ()
        bodies = [c for c in (*earlier, *found) if c.type == Class.Institution]
        return [stationed_name(p, bodies) for p in found], ()

    def read(self, ctx: Context, bodies: Sequence[tuple[int, int]] = ()) -> list[Candidate]:
        """Every phrase reading of the text, before those overlapping quotes and titles are left out; ``bodies``:
        the spans of bodies read before, in whose names no verb acts (县住房和城乡建设局组建…: 建设 is the bureau's)."""
        text, shadow = ctx.text, ctx.masked
        out: list[Candidate] = []
        for type_, verbs, heads in self._types:
            for verb in verbs.finditer(shadow):
                if bodies and inside(verb.start(), bodies):
                    continue
                run_start = verb.end() + (shadow.startswith(_PERFECTIVE, verb.end()))  # 建立了…机制: the name follows 了
                run_end = pause(shadow, run_start)
                segments = [(run_start, run_end)]
                if type_ in _LISTED_TYPES:
                    k = run_end
                    while k < len(shadow) and shadow[k] == "、":
                        nxt = pause(shadow, k + 1)
                        segments.append((k + 1, nxt))
                        k = nxt
                elif shadow.startswith("、", run_end) and not heads.anywhere.search(shadow, run_start, run_end):
                    segments = [(run_start, _shared_head_end(shadow, run_end, heads))]
                for seg_start, seg_end in segments:
                    if not heads.anywhere.search(shadow, seg_start, seg_end):
                        continue
                    if type_ == Class.Agreement and (bare := self._bare_agreement(shadow, seg_start, seg_end, heads)):
                        out.append(Candidate(type_, bare[2], text[seg_start:bare[1]], seg_start, bare[1], text[seg_start:bare[1]],
                                             f"phrase-{type_}", attributes={UNNAMED: verb.start()}))
                        continue
                    for part_start, part_end in _split_run(shadow, seg_start, seg_end, heads):
                        found = self._noun_phrase(shadow, part_start, part_end, heads, ctx.token_starts,
                                                  self._mediation_words if type_ == Class.MediationCentre else ())
                        if found is None:
                            continue
                        start, end, cls = found[:3]
                        if type_ == Class.Mechanism and shadow.endswith(_REFORM_PILOT, start, end):
                            end -= len(_PILOT)  # 开展…改革试点: the mechanism is the reform, tried out where the pilot runs
                        surface = text[start:end]
                        if type_ == Class.Mechanism and (end - start <= 4 and surface[:2] in self._generic or surface in self._generic_systems):
                            continue  # 协作机制, 工作制度, 矛盾纠纷多元化解机制: a kind of mechanism every region has, not one named
                        if type_ == Class.Mechanism and cls == Class.Programme and surface.endswith(_ACTIVITY) \
                                and self._generic_kind.fullmatch(surface, 0, len(surface) - len(_ACTIVITY)):
                            continue  # 组织开展法治宣传活动: a kind of activity, none named
                        if type_ == Class.Mechanism and (_planned(shadow, verb.start(), ctx.token_starts) or _in_heading(shadow, verb.start())):
                            continue  # 2025年，区将完善…体系 / （五）健全…机制: a plan or a heading names no mechanism that exists
                        if type_ == Class.Mechanism and verb.group(0) in _SITE_VERBS and not surface.endswith(_COUNTERS):
                            continue  # 设立…受理窗口: what a site verb sets up is a counter; other mechanisms are built, not set up
                        if type_ == Class.Mechanism and cls == Class.Service and verb.group(0) == _PROVIDE:
                            continue  # 为企业提供合同审查和纠纷调解服务: what a body does, no named service
                        if _SUMMARY.search(surface):
                            continue  # 制定宣传、调研等一系列工作方案: several things summed up, none named
                        mediation = any(c in surface for c in self.vocabulary.mediation_cues)
                        if type_ == Class.MediationCentre and not mediation:
                            continue
                        if type_ == Class.Institution and mediation and surface.endswith(self._mediation_words):
                            continue  # 成立交通事故纠纷人民调解委员会: a mediation unit, read by its own type's heads
                        if type_ == Class.MediationCentre and (found[3] or self._generic_unit(surface)):
                            continue  # 新建3个人民调解委员会, 在各村建立调解室: a kind of unit, none named
                        out.append(Candidate(type_, cls, normalise(surface), start, end, surface, f"phrase-{type_}"))
        # a verb inside another reading's name is part of that name (开展线上线下…活动: no second name from 上线)
        return [c for c in out if not any(o.type == c.type and o.start < c.start and c.end <= o.end for o in out)]

    def known(self, ctx: Context) -> list[Candidate]:
        """The genre's standing mechanisms, named without a verb or head (会前学法, 乡镇综合行政执法改革, 证明事项告知承诺制)."""
        out = []
        for match in self._known.finditer(ctx.masked):
            canonical, cls = self._known_names[match["name"]]
            surface = ctx.text[match.start():match.end()]
            out.append(Candidate(Class.Mechanism, cls, (match["scope"] or "") + canonical, match.start(), match.end(), surface, KNOWN))
        return out

    def _bare_agreement(self, shadow: str, start: int, end: int, heads: _Heads) -> tuple[int, int, Class] | None:
        """签订合作协议, 签署战略合作框架协议: an agreement written by its kind alone (generic words and a head)."""
        match = self._bare.match(shadow, start, end)
        if match is None:
            return None
        head = next(h for h in heads.heads if match.group(0).endswith(h.word))
        return start, match.end(), head.cls

    def _generic_unit(self, name: str) -> bool:
        """Whether a mediation unit's name is a level of units (村级调解室, 各级人民调解委员会) or its head alone
        (145个村全部建立人民调解委员会), not one unit."""
        head = next((h.word for h in self._mediation_heads if name.endswith(h.word)), "")
        rest = name[: len(name) - len(head)].removesuffix("人民").removesuffix("人民调解")
        # 各村成立人民调解委员会: the head of the units every village or trade has, alone, is a kind
        return not rest and name in _EVERYWHERE_UNITS or rest.startswith(tuple(self._mediation_scopes))

    def _noun_phrase(self, shadow: str, start: int, end: int, heads: _Heads, words: frozenset[int] = frozenset(),
                     closing: tuple[str, ...] = ()) -> tuple[int, int, Class, bool] | None:
        """The name a run holds: (start, end, class, whether a count opened it), or None.

        ``closing``: heads that end a name wherever they stand (设立的诉调对接工作室全年化解…: the studio, then its deeds).
        """
        # the name starts after the last stop character that is a word of its own (对 stops, 对象 does not)
        limit = end
        while (stop := self._last_stop.match(shadow, start, limit)) is not None:
            k = stop.end() - 1
            if shadow[k] == _WITH and _PAIRING.search(shadow, k + 1, end):
                limit = k  # 行政执法与刑事司法衔接机制: 与 joins the two things the mechanism links
                continue
            if not words or shadow[k] == PLACEHOLDER or (k in words and k + 1 in words):
                start = k + 1
                break
            limit = k
        run = shadow[start:end]
        qualified = self._qualifier.match(run)
        if qualified:
            start, run = start + qualified.end(), run[qualified.end():]
        number = _COUNTED.match(run)
        if number:
            start, run = start + number.end(), run[number.end():]
        if run.startswith("等"):
            return None
        ends = [len(run), *reversed([m.start() for m in self._continuation.finditer(run, 1)])]  # the name may stop where a continuation starts
        if closing:
            ends += sorted({k for k in range(1, len(run)) if run.endswith(closing, 0, k)}, reverse=True)
        for k in ends:
            name = run[:k]
            if not name.endswith(heads.words):
                continue
            for head in heads.heads:
                if name.endswith(head.word) and k >= len(head.word) + 2:
                    meeting = name.rfind("会议")  # 区政府常务会议会前学法制度: the meeting only qualifies the name
                    # …but 联席会议和信息通报制度 names both: a meeting joined by 和 is part of the name
                    if meeting >= 0 and k - (meeting + 2) >= 4 and name[meeting + 2] not in "和及与、":
                        start, k = start + meeting + 2, k - meeting - 2
                    return start, start + k, head.cls, bool(number)
        return None


_FUTURE = "将"
_SENTENCE_OPENS = re.compile("[。！？\n]")


_HEADING = re.compile(r"[ \t\u3000]*(?:[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}、|\d{1,2}[.、．])")
_HEADING_LENGTH = 40


def _in_heading(text: str, position: int) -> bool:
    """Whether ``position`` is in a section heading: a numbered line of its own, no sentence in it (（五）健全矛盾纠纷多元化解机制;
    not （三）落实述法制度。组织…, whose heading opens a paragraph)."""
    line = text.rfind("\n", 0, position) + 1
    if position - line > _HEADING_LENGTH or not _HEADING.match(text, line):
        return False
    end = text.find("\n", position)
    return "。" not in text[line:end if end >= 0 else len(text)]


def _planned(text: str, position: int, words: frozenset[int]) -> bool:
    """Whether the verb at ``position`` is in a sentence of plans: 将 (as a word of its own) before it in the sentence."""
    opened = max((m.end() for m in _SENTENCE_OPENS.finditer(text, max(0, position - 160), position)), default=max(0, position - 160))
    k = text.rfind(_FUTURE, opened, position)
    return k >= 0 and (not words or (k in words and k + 1 in words))


_STANDING_MEETING = re.compile(f"(?:每季度|每半年|每月|每年|定期|轮流)[^，。；：]{{0,6}}?召开(?:一次)?(?P<name>联席会议)(?![\\d一二三四五六七八九十]+次|制度|机制|[{CJK}]{{0,4}}制度)")
"""A joint meeting held at fixed times (三地司法局每季度轮流召开一次联席会议): a standing mechanism, not one meeting held
(当年召开联席会议4次 counts meetings, 联席会议制度 is read by its head)."""


STANDING_MEETING = "standing-meeting"


def standing_meetings(ctx: Context, bodies: Sequence[Candidate]) -> list[Candidate]:
    """Joint meetings held at fixed times, named by the bodies that hold them (三地司法局联席会议制度)."""
    out = []
    for match in _STANDING_MEETING.finditer(ctx.masked):
        opened = clause_start(ctx.text, match.start())
        holders = [b for b in bodies if opened <= b.start and b.end <= match.start()]
        if not holders:
            continue  # no one named who meets
        name = normalise(holders[-1].text + match["name"] + "制度")
        # 三地司法局联席会议: each body the words name holds it (the counted bodies are readings of one span)
        # when the clause sets it up (建立, 确定…): a meeting only held (召开联席会议) is no one's act of setting up
        set_up = any(verb in ctx.text[opened:match.start()] for verb in SETTING_UP)
        keys = tuple(dict.fromkeys(b.key for b in holders if (b.start, b.end) == (holders[-1].start, holders[-1].end))) if set_up else ()
        out.append(Candidate(Class.Mechanism, Class.System, name, match.start("name"), match.end("name"), match["name"], STANDING_MEETING,
                             attributes={HOLDERS: keys}))
    return out


_ONE_BY_ONE = ("分别与", "分别同", "分别和")


def signers_names(agreement: Candidate, bodies: Sequence[Candidate], ctx: Context) -> list[Candidate]:
    """An agreement written by its kind alone (A与B签订合作协议) named by its signers: A与B合作协议; signed one by one
    (A分别与B、C签订…协议), one agreement of A with each.

    The signers are the bodies named in the clause before the verb; with none named, the
    kind alone names no one agreement and is not read.
    """
    verb = agreement.attributes.get(UNNAMED)
    if verb is None:
        return [agreement]
    start = clause_start(ctx.text, verb)
    named = sorted((b for b in bodies if start <= b.start and b.end <= verb), key=lambda b: b.start)
    # the last body of a shared head's list (A、B律师协会: B律师协会) signs too
    signers = [b for b in named if not any(o is not b and o.start <= b.start and b.end <= o.end and o.rule != SHARED_HEAD for o in named)]
    if not signers:
        return []
    if len(signers) > 2 and ctx.text.startswith(_ONE_BY_ONE, signers[0].end):
        first = signers[0]
        return [replace(agreement, canonical=f"{first.canonical}与{partner.canonical}{agreement.text}", attributes={SIGNERS: (first.key, partner.key)})
                for partner in {p.key: p for p in signers[1:]}.values()]
    names = list(dict.fromkeys(b.canonical for b in signers))
    if ctx.region and ctx.text[start:signers[0].start].strip() in ("与", "同", "和"):
        names.insert(0, ctx.region)  # 与X签订合作协议: the reporting region is the unstated first signer
    return [replace(agreement, canonical="与".join(names) + agreement.text, attributes={})]


def stationed_name(centre: Candidate, bodies: Sequence[Candidate]) -> Candidate:
    """A centre stationed at a body (X驻区法院调解室) named with the body's full name (X驻青浦区人民法院调解室).

    The station's own parent (X) must be named (two characters or more); the first body
    read inside the name after 驻 is the host.
    """
    if centre.type != Class.MediationCentre or STATIONED not in centre.text:
        return centre
    k = centre.text.index(STATIONED)
    if k < 2:
        return centre
    hosts = [h for h in bodies if centre.start + k < h.start and h.end <= centre.end]
    if not hosts:
        return centre
    host = hosts[0]
    name = centre.text[: host.start - centre.start] + host.canonical + centre.text[host.end - centre.start:]
    return replace(centre, canonical=name)


_SHARED_HEAD_ITEMS = 4
_SHARED_HEAD_LENGTH = 40


def _shared_head_end(shadow: str, position: int, heads: _Heads) -> int:
    """Where a list of items sharing one head ends (建立信息互通、联合排查和联调联处机制: one mechanism), or ``position``.

    The items after the first are read over 、 until one holds a head; at most four items and
    forty characters, else the first item alone stands (and, headless, names nothing); so does a
    list ending in 等 (A、B等机制: kinds of mechanism, not one named).
    """
    k = position
    for _ in range(_SHARED_HEAD_ITEMS):
        if not shadow.startswith("、", k):
            break
        nxt = pause(shadow, k + 1)
        if nxt - position > _SHARED_HEAD_LENGTH:
            break
        if heads.anywhere.search(shadow, k + 1, nxt):
            return position if "等" in shadow[k + 1:nxt] else nxt  # A、B等机制: kinds listed, no one name
        k = nxt
    return position


def _split_run(shadow: str, start: int, end: int, heads: _Heads) -> list[tuple[int, int]]:
    """Split a run at 和/及 where the left part is already a complete name."""
    parts = []
    position = start
    for match in _AND.finditer(shadow[start:end]):
        left = shadow[position:start + match.start()]
        if left.endswith(heads.words):
            parts.append((position, start + match.start()))
            position = start + match.end()
    parts.append((position, end))
    return parts
