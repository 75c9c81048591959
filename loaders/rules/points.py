"""Observation and contact points: one point per place a sentence lists, each LOCATED_IN its place.

在金泽镇、黎里镇设立两家跨域基层法治观察点 is two points, 金泽镇跨域基层法治观察点 and
黎里镇跨域基层法治观察点; 新设…观察点，分别位于A和B likewise; 金泽镇、黎里镇的…观察点 names one
for each town. These readings replace a phrase rule's reading of the same words.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from govkg.loaders.rules.base import CJK, Candidate, Context, RelationRecord, alternation, inside, list_items, normalise
from govkg.loaders.rules.component import CANDIDATES, RELATIONS, SPANS, RuleComponent, VocabularySlice, candidates
from govkg.ontology.terms import Class, RelationType

_COUNT = "[\\d一二两三四五六七八九十]+[家个处]"
_HOSTS = (Class.Place, Class.Institution)
_INNERMOST = (Class.Township, Class.Village, Class.County)


@dataclass(frozen=True)
class PointVocabulary(VocabularySlice):
    observation_heads: tuple[str, ...]
    establishment_verbs: tuple[str, ...]
    point_verbs: tuple[str, ...]
    point_listing_verbs: tuple[str, ...]


@Language.factory("govkg_observation_points", assigns=[CANDIDATES, SPANS, RELATIONS], requires=[CANDIDATES], default_config={})
class PointRule(RuleComponent):
    """Points set up at listed places (在A、B设立…观察点; …分别位于A和B; A、B的…观察点); reads the places and bodies before it."""

    Vocabulary = PointVocabulary
    vocabulary: PointVocabulary

    def prepare(self) -> None:
        vocabulary = self.vocabulary
        heads = alternation(vocabulary.observation_heads)
        verbs = alternation([*vocabulary.establishment_verbs, *vocabulary.point_verbs])
        self._set_up_at = re.compile(
            f"在(?P<where>[^，。；\n]{{2,40}}?)(?:{verbs})(?P<count>{_COUNT})?"
            f"(?P<name>[{CJK}“”]{{0,16}}?(?:{heads}))"
        )
        self._respectively = re.compile(
            f"(?:{alternation(vocabulary.point_listing_verbs)})(?P<name>[{CJK}“”]{{0,16}}?(?:{heads}))(?P<count>{_COUNT})?[,，]?"
            f"分别(?:位于|设在|落户)(?P<where>[^，。；,;\n]{{2,40}})"
        )
        self._named_after = re.compile(f"的?(?P<name>(?:“[^“”]{{1,12}}”)?[{CJK}]{{0,8}}?(?:{heads}))")

    def find(self, doc: Doc, ctx: Context) -> tuple[Sequence[Candidate], Sequence[RelationRecord]]:
        text = ctx.text
        located = [c for c in candidates(doc) if c.type in _HOSTS]
        out: list[Candidate] = []
        relations: list[RelationRecord] = []

        def point(canonical: str, start: int, end: int, name: str) -> None:
            out.append(Candidate(Class.ObservationPoint, Class.ObservationPoint, canonical, start, end, name, "observation-point", replaces=True))

        taken: list[tuple[int, int]] = []
        for match in [*self._set_up_at.finditer(text), *self._respectively.finditer(text)]:
            taken.append(match.span())
            where_start, where_end = match.span("where")
            hosts = [c for c in located if where_start <= c.start and c.end <= where_end]
            name = match["name"]
            name_start, name_end = match.span("name")
            targets = []
            for item_start, item_end in list_items(text, where_start, where_end):
                within = [c for c in hosts if item_start <= c.start and c.end <= item_end]
                if not within:
                    continue
                host = max(within, key=lambda c: (c.type != Class.Place, c.end - c.start, c.start))
                if host.type == Class.Place:
                    host = max((c for c in within if c.type == Class.Place), key=lambda c: c.start)
                targets.append((text[item_start:item_end], host))
            for where, host in targets:
                canonical = normalise(where + name) if len(targets) > 1 or host.type == Class.Place else ctx.region + name
                point(canonical, name_start, name_end, name)
                relations.append(RelationRecord(RelationType.LOCATED_IN, canonical, host.canonical, False, match.start(), match.end()))
                relations.append(RelationRecord(RelationType.ESTABLISHED, ctx.region, canonical, True, match.start(), match.end()))
        starts = {c.start for c in located if c.type == Class.Place}
        places = sorted(  # innermost places only: 吴江区黎里镇 is read as 黎里镇
            (c for c in located if c.type == Class.Place and c.cls in _INNERMOST and c.end not in starts),
            key=lambda c: c.start,
        )
        for index, place in enumerate(places):
            if inside(place.start, taken):
                continue
            position, listed = place.end, [place]
            for following in places[index + 1:]:  # 金泽镇、黎里镇的…观察点: every place of the list gets a point
                gap = text[position:following.start]
                if not re.fullmatch(f"(?:[、和及]|与)[{CJK}]{{0,4}}?", gap):
                    break
                listed.append(following)
                position = following.end
            named = self._named_after.match(text, position)
            if not named or re.search("[、，,。；]", named["name"]):
                continue
            for host in listed:
                canonical = normalise(host.canonical + named["name"])
                point(canonical, named.start("name"), named.end(), named["name"])
                relations.append(RelationRecord(RelationType.LOCATED_IN, canonical, host.canonical, False, host.start, named.end()))
        return out, relations
