"""Named events: the vocabulary's known events (进博会 → 中国国际进口博览会) with their editions
(第七届进博会 is an edition, part of the series), and ordinal events (长三角第二届…论坛).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from spacy.language import Language
from spacy.tokens import Doc

from govkg.loaders.gazetteer import Gazetteer
from govkg.loaders.rules.base import CJK, Candidate, Context, RelationRecord, alternation, first_of, normalise
from govkg.loaders.rules.component import CANDIDATES, SPANS, RuleComponent, VocabularySlice
from govkg.ontology.terms import Class

_ORDINAL = "第[一二三四五六七八九十百零\\d]+届"


class KnownEvent(NamedTuple):
    """A way an event is written, the series it names, and its class."""

    word: str
    series: str
    cls: Class


@dataclass(frozen=True)
class EventVocabulary(VocabularySlice):
    known_events: tuple[KnownEvent, ...]
    ordinal_event_heads: tuple[str, ...]


@Language.factory("govkg_events", assigns=[CANDIDATES, SPANS], requires=[], default_config={})
class EventRule(RuleComponent):
    """Known events and their editions (第N届…); ordinal events perhaps written after a place."""

    Vocabulary = EventVocabulary
    vocabulary: EventVocabulary

    def prepare(self) -> None:
        self._events = {e.word: (e.series, e.cls) for e in self.vocabulary.known_events}
        self._known = re.compile(f"{first_of([*self._events, '第'])}(?P<ordinal>{_ORDINAL})?(?P<name>{alternation(self._events)})")
        self._ordinal = re.compile(f"{_ORDINAL}[{CJK}]{{0,12}}?(?:{alternation(self.vocabulary.ordinal_event_heads)})")

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
        return out, ()
