"""The one final step: the rules' candidates and relations become entities, relations and statistics.

In order: the report's own title joins the candidates; bodies whose names name no place
are qualified with the reporting region (and relation ends follow the new names); readings
with the same canonical name merge into one entity, typed by the most specific rule, with
every mention, alias, English name and gazetteer fact; relations are kept once, explicit
before implicit. Ids are deterministic (:func:`~govkg.loaders.model.entity_id`).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

from govkg.loaders.english import english_name, place_name_en
from govkg.loaders.gazetteer import load_gazetteer
from govkg.loaders.model import Entity, Extraction, Mention, Relation, ReportMeta, Statistic, entity_id
from govkg.loaders.rules.base import COMPLETE, QUALIFIER, Candidate, RelationRecord, Sentences
from govkg.loaders.script import to_simplified
from govkg.loaders.sections import Found
from govkg.loaders.text import ReportText
from govkg.ontology.terms import Class, RelationType

TYPE_PRIORITY = [Class.ObservationPoint, Class.MediationCentre, Class.Agreement, Class.Document, Class.Event,
                 Class.Institution, Class.Mechanism, Class.Place]
"""When two rules type the same name differently, the more specific rule wins."""
_RANK = {type_: rank for rank, type_ in enumerate(TYPE_PRIORITY)}

QUALIFIED_TYPES = (Class.Institution, Class.MediationCentre, Class.ObservationPoint)
"""Bodies whose names say nothing of where they are get the reporting region in front."""

ENTITY_ATTRIBUTES = ("series",)
"""Facts a rule reads besides the name that the entity keeps (places get theirs from the gazetteer)."""


def to_extraction(sections: Found, report: ReportText) -> Extraction:
    """The extraction of ``report`` from what the pipeline found in it (section by section, offsets into the whole text)."""
    meta = report.meta
    found = [*sections.candidates, *_title(to_simplified(report.text), meta.title)]
    qualified, renamed = qualify(found, meta.region, _joint_units(sections.relations, meta.region))
    found_relations = [
        replace(r, source=renamed.get(r.source, r.source), target=renamed.get(r.target, r.target)) if r.source in renamed or r.target in renamed else r
        for r in sections.relations
    ]
    sentences = Sentences(report.text)
    entities, key_to_id = _merge(qualified, meta, sections.ancestors, sentences, report.text)
    statistics = tuple(
        Statistic(
            id=f"{meta.id}-stat-{s.start:06d}",
            measure=s.measure,
            value=s.value,
            unit=s.unit,
            text=report.text[s.start:s.end],
            start=s.start,
            end=s.end,
            approximate=s.approximate,
            consistent=s.consistent,
            check=s.check,
        )
        for s in sections.statistics
    )
    return Extraction(report=meta, entities=entities, relations=_relations(found_relations, key_to_id, report.text, sentences), statistics=statistics)


def _title(text: str, title: str) -> list[Candidate]:
    """The report's title where the text writes it, perhaps over two lines; none when only the file name has it.

    ``text`` is the copy the rules read (simplified characters), so the title, simplified too, is found in it.
    """
    written = re.search(r"\s*".join(map(re.escape, title.replace(" ", ""))), text[:8000])
    if written is None:
        return []
    start, end = written.span()
    return [Candidate(Class.Document, Class.ReportDocument, title, start, end, text[start:end], "report-title")]


def _joint_units(relations: Sequence[RelationRecord], region: str) -> frozenset[str]:
    """Units bodies of several regions set up together (县司法局与松桃县司法局成立…联合调解委员会): no one region's."""
    founders: dict[str, set[str]] = defaultdict(set)
    for r in relations:
        if r.type == RelationType.ESTABLISHED and not r.implicit:
            founders[r.target].add(r.source)
    return frozenset(unit for unit, bodies in founders.items() if len(bodies) > 1 and any(not b.startswith((region, "中共" + region)) for b in bodies))


def qualify(candidates: Sequence[Candidate], region: str, joint: frozenset[str] = frozenset()) -> tuple[list[Candidate], dict[str, str]]:
    """Prefix the reporting region to names of bodies that name no place (区级联络小组 → 青浦区联络小组).

    Two districts' 助企惠民专项服务团队 are two teams; a name that already names a place
    (青浦区司法局, 上海银保调中心) is left alone, and so is a mediation unit named in ``joint``
    (bodies of several regions set it up: 湘黔边界联合人民调解委员会). Returns the candidates, renamed
    where qualified, and the renames made (old name → new name).
    """
    gazetteer = load_gazetteer()
    renamed: dict[str, str] = {}
    out: list[Candidate] = []
    for c in candidates:
        if c.type not in QUALIFIED_TYPES or not region or c.canonical.startswith("中共") or c.attributes.get(COMPLETE) or (
                c.type == Class.MediationCentre and c.canonical in joint):
            out.append(c)
        elif c.canonical in renamed:
            out.append(replace(c, canonical=renamed[c.canonical]))
        elif c.canonical.startswith(region) or gazetteer.names_a_place(c.canonical, region):
            out.append(c)
        else:
            name = c.canonical.removeprefix("区级").removeprefix("县级")
            if name.startswith(region[-1]) and len(name) > 3:
                name = name[1:]  # 县法治政府建设领导小组 in a county's report: the county's, its 县 written once
            qualified = region + name
            renamed[c.canonical] = qualified
            out.append(replace(c, canonical=qualified))
    return out, renamed


def _merge(
    candidates: list[Candidate], meta: ReportMeta, implied_places: Sequence[str], sentences: Sentences, text: str
) -> tuple[tuple[Entity, ...], dict[str, str]]:
    gazetteer = load_gazetteer()
    by_key: dict[str, list[Candidate]] = defaultdict(list)
    for c in candidates:
        by_key[c.key].append(c)
    entities: list[Entity] = []
    key_to_id: dict[str, str] = {}
    region_known = meta.region in gazetteer
    for key in [meta.region, *implied_places]:
        if key not in by_key:
            by_key[key] = []
    for key, group in by_key.items():
        group.sort(key=lambda c: (_RANK.get(c.type, 99), c.start))
        type_: str
        cls: str
        if group:
            type_, cls = group[0].type, group[0].cls
        elif key in gazetteer:
            type_, cls = Class.Place, gazetteer.place(key).ontology_class
        else:
            type_, cls = Class.Place, Class.County if key == meta.region and not region_known else Class.Place
        spans = sorted({(c.start, c.end) for c in group if c.type == type_ and c.end > c.start and not c.attributes.get(QUALIFIER)})
        mentions = [Mention(text[start:end], start, end, sentences.around(start, end)) for start, end in spans]
        aliases = sorted({m.text.strip("“”") for m in mentions} - {key})
        attributes: dict[str, object] = {}
        if type_ == Class.Place and key in gazetteer:
            level, code, province, name_en = _place_facts(key)
            attributes = {"level": level, "code": code, "province": province}
        else:
            name_en = _english_name(key)
        for c in group:
            for attr in ENTITY_ATTRIBUTES:
                if attr in c.attributes:
                    attributes[attr] = c.attributes[attr]
        entity = Entity(
            id=entity_id(type_, key),
            type=str(type_),
            cls=str(cls),
            name=key,
            name_en=name_en,
            aliases=tuple(aliases),
            mentions=tuple(mentions),
            attributes={k: v for k, v in attributes.items() if v is not None},
        )
        entities.append(entity)
        key_to_id[key] = entity.id
    entities.sort(key=lambda e: (e.mentions[0].start if e.mentions else 10**9, e.id))
    return tuple(entities), key_to_id


@lru_cache(maxsize=4096)
def _place_facts(name: str) -> tuple[str, str | None, str | None, str]:
    """Level, code, province and English name of a gazetteer place (cached: the same places recur in every report)."""
    gazetteer = load_gazetteer()
    place = gazetteer.place(name)
    return place.level, place.code, gazetteer.province(name), place_name_en(name)


@lru_cache(maxsize=65536)
def _english_name(name: str) -> str:
    """English name of a body, document or mechanism, rendering the places written in it (cached: names recur)."""
    return english_name(name)


def _relations(found: list[RelationRecord], key_to_id: dict[str, str], text: str, sentences: Sentences) -> tuple[Relation, ...]:
    seen: dict[tuple[str, str, str], Relation] = {}
    for r in found:
        source, target = key_to_id.get(r.source), key_to_id.get(r.target)
        if source is None or target is None or source == target:
            continue
        evidence = Mention(text[r.start:r.end], r.start, r.end, sentences.around(r.start, r.end)) if r.end > r.start else None
        key = (r.type, source, target)
        previous = seen.get(key)
        if previous is None or (previous.implicit and not r.implicit):
            seen[key] = Relation(str(r.type), source, target, r.implicit, evidence)
    return tuple(sorted(seen.values(), key=lambda r: (r.type, r.source, r.target)))
