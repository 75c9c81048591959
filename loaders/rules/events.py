"""Named events: the vocabulary's known events (进博会 → 中国国际进口博览会) with their editions
(第七届进博会 is an edition, part of the series), ordinal events (长三角第二届…论坛), and events
someone organised (区司法局组织开展全区…培训班, 联合举办第三届“…”演讲比赛, and a plain 开展 after a body or
its partners: 县司法局联合县文化馆开展“…”普法巡演): the name after an
organising verb up to an event head, after 了 (举办了…) and after 的 when the organiser is named before
the verb (由县司法局主办的…, 州司法局举办的…, 由A主办，B承办的…); 组织X开展Y is Y, organised by who 组织. The organiser is
read by the relation rule (ORGANIZED).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from spacy.language import Language
from spacy.tokens import Doc

from govkg.loaders.gazetteer import Gazetteer
from govkg.loaders.rules.base import CJK, CJK_CHAR, PLACEHOLDER, Candidate, Context, RelationRecord, alternation, clause_start, first_of, normalise, pause
from govkg.loaders.rules.component import CANDIDATES, SPANS, RuleComponent, VocabularySlice
from govkg.ontology.terms import Class

_ORDINAL = "第[一二三四五六七八九十百零\\d]+届"


class KnownEvent(NamedTuple):
    """A way an event is written, the series it names, and its class."""

    word: str
    series: str
    cls: Class


class EventHead(NamedTuple):
    """A word that ends the name of an organised event, and the event's class."""

    word: str
    cls: Class


_ORGANISER_BEFORE = re.compile(
    "(?:[局委办院庭所处队站馆]|中心|政府|协会)(?:在[^，。；：、\\n]{1,14})?$|(?:联合|会同|协同|邀请)[^，。；：\\n]{2,28}$|(?:牵头|配合|参与|协助)[，,]$")
"""What a plain 开展/启动 needs right before it to organise: a body (市市场监管局开展…, …在X镇启动), partners (联合县文化馆开展…)
or guests (邀请市中级人民法院法官开展…讲座: the body that invites them organises it)."""

_PERFECTIVE = "了"
_OF = "的"
_QUOTED_AFTER_VERB = re.compile(f"(?:首届|{_ORDINAL})?(?P<quote>{PLACEHOLDER}+)(?:(?![{CJK}])|(?=[在于]))")
"""A quote right after an organising verb (masked), perhaps after its edition, with no name running on after it
(…承办的“…论坛”在县城举行: where or when it was held is no part of the name)."""
_BY = re.compile("由")
HOSTED_BEFORE = re.compile("由?(?P<bodies>[^，。；,;\n]{2,40}?)(?:联合|共同)?(?:主办|举办)[，,]$")
"""A clause naming who organises an event before the clause naming who hosts it (由A、B主办，C承办的…; A、B主办，C承办“…”)."""
HOSTING_VERBS = ("承办", "协办")


def hosted_before(text: str, verb: int) -> re.Match[str] | None:
    """The clause right before ``verb``'s that names the event's organisers with 由…主办, when ``verb`` hosts it (承办)."""
    opened = clause_start(text, verb)
    if opened == 0 or not text.startswith(HOSTING_VERBS, verb):
        return None
    return HOSTED_BEFORE.match(text, clause_start(text, opened - 1), opened)
ORGANISED = "organised-event"
"""The rule name of events read after an organising verb; the candidate's ``verb`` attribute is where the verb starts."""
WHOLE_REGION = ("全区", "全县", "全市", "全旗", "全州", "全省")
"""全区行政执法人员培训班 is the reporting region's: its canonical name takes the region's name (全市 in a county's
report is its prefecture's, 全省 its province's)."""
_SHORT_BRACKET = re.compile(f"（[{CJK}]{{1,4}}）")
"""A short gloss in brackets inside a name (乡镇（街道）法治审核人员培训班): part of the name."""


def _pause_past_glosses(text: str, position: int) -> int:
    """The first pause at or after ``position`` that does not open a short gloss (乡镇（街道）…培训班 runs on)."""
    end = pause(text, position)
    while (gloss := _SHORT_BRACKET.match(text, end)) is not None:
        end = pause(text, gloss.end())
    return end


def whole_region(ctx: Context, level: str) -> str | None:
    """The division 全``level`` means in this report: the region when its name ends with ``level``, else the nearest
    division above it of that level (全市 in 宁城县's report is 赤峰市), else the region."""
    if not ctx.region:
        return None
    above = ctx.gazetteer.chain(ctx.region)[1:] if not ctx.region.endswith(level) else []
    return next((p.name for p in above if p.name.endswith(level)), ctx.region)


@dataclass(frozen=True)
class EventVocabulary(VocabularySlice):
    known_events: tuple[KnownEvent, ...]
    ordinal_event_heads: tuple[str, ...]
    organising_verbs: tuple[str, ...]
    subject_organising_verbs: tuple[str, ...]
    organised_event_heads: tuple[EventHead, ...]
    generic_event_words: tuple[str, ...]


@Language.factory("govkg_events", assigns=[CANDIDATES, SPANS], requires=[], default_config={})
class EventRule(RuleComponent):
    """Known events and their editions (第N届…); ordinal events perhaps written after a place."""

    Vocabulary = EventVocabulary
    vocabulary: EventVocabulary

    def prepare(self) -> None:
        self._events = {e.word: (e.series, e.cls) for e in self.vocabulary.known_events}
        self._known = re.compile(f"{first_of([*self._events, '第'])}(?P<ordinal>{_ORDINAL})?(?P<name>{alternation(self._events)})")
        self._ordinal = re.compile(f"{_ORDINAL}[{CJK}]{{0,12}}?(?:{alternation(self.vocabulary.ordinal_event_heads)})")
        self._organising = re.compile(alternation(self.vocabulary.organising_verbs))
        self._subject_organising = re.compile(alternation(self.vocabulary.subject_organising_verbs))
        heads = sorted(self.vocabulary.organised_event_heads, key=lambda h: -len(h.word))
        self._event_heads = heads
        self._event_head_at_end = re.compile(f"(?:{alternation(h.word for h in heads)})$")
        self._generic = re.compile(f"(?:{alternation(self.vocabulary.generic_event_words)})*")
        self._no_name = re.compile(f"[^{CJK}{PLACEHOLDER}]|[的为对将向把被由]")

    @staticmethod
    def _with_place(text: str, start: int, gazetteer: Gazetteer) -> int:
        """Where an ordinal event starts: at a place written up to two characters before 第 (长三角第二届…)."""
        window = max(0, start - 14)
        for place_start, place_end, _ in gazetteer.find_all(text[window:start]):
            gap = text[window + place_end:start]
            if len(gap) <= 2 and all("\u4e00" <= ch <= "\u9fff" for ch in gap):
                return window + place_start
        return start

    def find(self, doc: Doc, ctx: Context) -> tuple[Sequence[Candidate], Sequence[RelationRecord]]:
        text = ctx.text
        out = []
        covered: list[tuple[int, int]] = []
        for match in self._known.finditer(text):
            covered.append(match.span())
            series, cls = self._events[match["name"]]
            if match["ordinal"]:
                canonical = match["ordinal"] + series
                out.append(Candidate(Class.Event, cls, canonical, match.start(), match.end(), match.group(0), "known-event", attributes={"series": series}))
            else:
                out.append(Candidate(Class.Event, cls, series, match.start(), match.end(), match.group(0), "known-event"))
        for match in self._ordinal.finditer(text):
            start = self._with_place(text, match.start(), ctx.gazetteer)
            if any(s <= start < e or s < match.end() <= e for s, e in covered):
                continue
            written = text[start:match.end()]
            out.append(Candidate(Class.Event, Class.Event, normalise(written), start, match.end(), written, "ordinal-event"))
        out.extend(self.organised(ctx))
        return out, ()

    def _quoted_event(self, text: str, shadow: str, start: int, run: str) -> tuple[int, str, Class] | None:
        """An event named by a quote right after the verb, perhaps after its edition (首届“…文化节”): its end,
        canonical name and class; None unless the quote ends in an event head and nothing after it names a longer one."""
        quote = _QUOTED_AFTER_VERB.match(shadow, start, start + len(run))
        if quote is None or self._event_head_at_end.search(run) or text[quote.start("quote")] != "“":
            return None
        end = quote.end()
        inner = text[quote.start("quote") + 1:end - 1]
        head = self._event_head_at_end.search(inner)
        if head is None or head.start() < 2 or self._generic.fullmatch(inner, 0, head.start()):
            return None
        cls = next(h.cls for h in self._event_heads if inner.endswith(h.word))
        canonical = normalise(inner) if quote.start("quote") == start else normalise(text[start:end])
        return end, canonical, cls

    def organised(self, ctx: Context, longest: int = 40) -> list[Candidate]:
        """Events named right after an organising verb (举办, 组织开展, 联合举办…), up to the last event head of the phrase.

        The phrase runs to the next pause (quotes masked); it must end with an event head and
        name more than the head (举办讲座 names no event).
        """
        text, shadow = ctx.text, ctx.masked
        out = []
        verbs = list(self._organising.finditer(shadow))
        ends = {v.end() for v in verbs}
        inner = {v.end(): v for v in self._subject_organising.finditer(shadow) if v.end() not in ends}
        verbs += [v for v in inner.values() if _ORGANISER_BEFORE.search(shadow, max(0, v.start() - 30), v.start())]
        organiser_at: dict[int, int] = {}  # 组织全县领导干部开展法治专题培训: the event follows 开展, its organiser the one who 组织
        for verb in sorted(verbs, key=lambda v: v.start()):
            end = min(pause(shadow, verb.end()), verb.end() + longest)
            nested = next((v for v in inner.values() if verb.end() + 2 <= v.start() and v.end() < end), None)
            if nested is not None and nested.end() not in organiser_at:
                organiser_at[nested.end()] = organiser_at.get(verb.end(), verb.start())
                verbs.append(nested)
        for verb in verbs:
            start = verb.end()
            end = min(_pause_past_glosses(shadow, start), start + longest)
            if any(start < k < end for k in organiser_at):
                continue  # the verb governs the people who act, and the event is read after the nested verb
            while (again := self._organising.match(shadow, start) or self._subject_organising.match(shadow, start)) is not None:
                start = again.end()  # 牵头组织开展…培训班: the event follows the last of the verbs
            if shadow.startswith(_PERFECTIVE, start):
                start += len(_PERFECTIVE)  # 举办了…论坛
            elif shadow.startswith(_OF, start) and (_BY.search(shadow, clause_start(shadow, verb.start()), verb.start())
                                                   or _ORGANISER_BEFORE.search(shadow, max(0, verb.start() - 30), verb.start())
                                                   or hosted_before(shadow, verb.start())):
                start += len(_OF)  # 由县司法局主办的…汇演, 州司法局举办的…培训班, 由A主办，B承办的…: the event that body organised
            run = shadow[start:end]
            words = ctx.token_starts
            glosses = [m.span() for m in _SHORT_BRACKET.finditer(run)]
            for cut in self._no_name.finditer(run):
                if any(a <= cut.start() < b for a, b in glosses):
                    continue  # 乡镇（街道）: the gloss is part of the name
                k = start + cut.start()
                # a function word ends the name only as a word of its own (自由贸易港 goes on past 由)
                if not words or not CJK_CHAR.match(cut.group(0)) or (k in words and k + 1 in words):
                    run = run[:cut.start()]
                    break
            quoted = self._quoted_event(text, shadow, start, run)
            if quoted is not None:  # 联合主办“…论坛”, 举办首届“…文化节”: the quote is the event's name
                end_of_name, canonical, cls = quoted
                out.append(Candidate(Class.Event, cls, canonical, start, end_of_name, text[start:end_of_name], ORGANISED, replaces=True,
                                     attributes={"verb": organiser_at.get(verb.end(), verb.start())}))
                continue
            for k in range(len(run), 0, -1):
                head = self._event_head_at_end.search(run, 0, k)
                if head and head.start() >= 2:
                    if self._generic.fullmatch(run, 0, head.start()):
                        break  # 开展业务培训, 法治宣传活动: a kind of event, none named
                    surface = text[start:start + k]
                    cls = next(h.cls for h in self._event_heads if surface.endswith(h.word))
                    canonical = normalise(surface)
                    if canonical.startswith(WHOLE_REGION) and (region := whole_region(ctx, canonical[1])):
                        canonical = region + canonical[2:]
                    out.append(Candidate(Class.Event, cls, canonical, start, start + k, surface, ORGANISED,
                                         attributes={"verb": organiser_at.get(verb.end(), verb.start())}))
                    break
        return out
