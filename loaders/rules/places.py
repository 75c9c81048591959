"""Places: the gazetteer's names and aliases, town names in lists, towns and villages by suffix.

黎里镇 and 示范区 are in the gazetteer; 金泽、朱家角等 are its towns written without 镇;
a town not in it is read by its suffix after its county (青浦区某某镇), and a village right
after its town (金泽镇莲湖村).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from govkg.loaders.rules.base import CJK, Candidate, Context, RelationRecord, alternation, overlaps_any
from govkg.loaders.rules.component import CANDIDATES, SPANS, RuleComponent, VocabularySlice
from govkg.ontology.terms import Class

_TOWN = re.compile(f"(?:(?<=[在、和及与对于])|(?<=[区县市]))[{CJK}]{{2,3}}?(?:镇|街道)(?=[，,、。；和及设的村社])")


@dataclass(frozen=True)
class PlaceVocabulary(VocabularySlice):
    village_suffixes: tuple[str, ...]


@Language.factory("govkg_places", assigns=[CANDIDATES, SPANS], requires=[], default_config={})
class PlaceRule(RuleComponent):
    """Gazetteer names and aliases (longest match); town stems in lists; towns and villages by suffix."""

    Vocabulary = PlaceVocabulary
    vocabulary: PlaceVocabulary

    def prepare(self) -> None:
        self._village = re.compile(f"[{CJK}]{{2,3}}?(?:{alternation(self.vocabulary.village_suffixes)})")

    def find(self, doc: Doc, ctx: Context) -> tuple[Sequence[Candidate], Sequence[RelationRecord]]:
        text = ctx.text
        out = []
        for start, end, name in ctx.gazetteer.find_all(text):
            place = ctx.gazetteer.place(name)
            out.append(Candidate(Class.Place, Class(place.ontology_class), name, start, end, text[start:end], "gazetteer"))
        taken = [(c.start, c.end) for c in out]
        for start, end, name in ctx.gazetteer.find_stems(text):
            if overlaps_any(start, end, taken):
                continue
            out.append(Candidate(Class.Place, Class.Township, name, start, end, text[start:end], "gazetteer-stem"))
        taken = [(c.start, c.end) for c in out]
        counties = {c.end: c for c in out if c.cls == Class.County}
        for match in _TOWN.finditer(text):
            stem = match.group(0).removesuffix("街道").removesuffix("镇")
            if overlaps_any(match.start(), match.end(), taken) or stem[-1] in "乡城村街" or stem[0] in "各全本该每":
                continue
            parent = counties.get(match.start())
            if parent is None and text[match.start() - 1] in "区县市":
                continue
            out.append(Candidate(Class.Place, Class.Township, match.group(0), match.start(), match.end(), match.group(0), "town-by-suffix",
                                 attributes={"parent": parent.canonical} if parent else {}))
        for town in [c for c in out if c.cls == Class.Township]:
            village = self._village.match(text, town.end)
            if village and not any(c.start == town.end for c in out):
                name = village.group(0)
                out.append(Candidate(Class.Place, Class.Village, name, village.start(), village.end(), name, "village-after-town",
                                     attributes={"parent": town.canonical}))
        return out, ()
