"""From a report to an :class:`Extraction`: run the pipeline, merge mentions into entities.

Entity ids and statistic ids are deterministic (a hash of the canonical name), so the
same input always gives the same JSON, Turtle and graph, and the same real-world entity
named in two reports gets the same id.
"""

from __future__ import annotations

import bisect
import hashlib
import re
from collections import defaultdict
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from govkg.loaders.english import english_name, place_name_en
from govkg.loaders.gazetteer import load_gazetteer
from govkg.loaders.model import Entity, Extraction, Mention, Relation, ReportMeta, Statistic
from govkg.loaders.pipeline import build_pipeline
from govkg.loaders.rules import Candidate, RelationCandidate
from govkg.loaders.sections import find_in_sections
from govkg.loaders.text import ReportText, read_report

TYPE_PRIORITY = ["ObservationPoint", "MediationCentre", "Agreement", "Document", "Event", "Institution", "Mechanism", "Place"]
"""When two rules type the same name differently, the more specific rule wins."""
_RANK = {type_: rank for rank, type_ in enumerate(TYPE_PRIORITY)}


def entity_id(type_: str, canonical: str) -> str:
    """Stable id of an entity: its top class and a hash of its canonical name."""
    digest = hashlib.sha1(canonical.encode("utf-8")).hexdigest()[:12]
    return f"{type_.lower()}-{digest}"


def extract_file(path: str | Path, model: str | None = None) -> Extraction:
    """Read and extract one report file."""
    return extract_report(read_report(path), model)


def extract_report(report: ReportText, model: str | None = None) -> Extraction:
    """Extract entities, relations and statistics from a decoded report."""
    meta = report.meta
    gazetteer = load_gazetteer()
    city = gazetteer.city_of(meta.region) if meta.region in gazetteer else None
    found = find_in_sections(build_pipeline(model), house_style(report.text), meta.region, city)
    candidates: list[Candidate] = found.candidates
    title_start = report.text.find(meta.title)
    candidates.append(Candidate("Document", "ReportDocument", meta.title, title_start, title_start + len(meta.title), meta.title, "report-title"))
    renamed = _qualify(candidates, meta.region)
    found_relations = [
        RelationCandidate(r.type, renamed.get(r.source, r.source), renamed.get(r.target, r.target), r.implicit, r.start, r.end)
        for r in found.relations
    ]
    sentences = _sentence_finder(report.text)
    entities, key_to_id = _merge(candidates, meta, found.ancestors, sentences, report.text)
    relations = _relations(found_relations, key_to_id, report.text, sentences)
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
        for s in found.statistics
    )
    return Extraction(report=meta, entities=entities, relations=relations, statistics=statistics)


QUALIFIED_TYPES = ("Institution", "MediationCentre", "ObservationPoint")
"""Bodies whose names say nothing of where they are get the reporting region in front."""


def _qualify(candidates: list[Candidate], region: str) -> dict[str, str]:
    """Prefix the reporting region to names of bodies that name no place (区级联络小组 → 青浦区区级联络小组).

    Two districts' 助企惠民专项服务团队 are two teams; a name that already names a place
    (青浦区司法局, 上海银保调中心) is left alone. Returns the renames made.
    """
    names_a_place = _place_words().search
    renamed: dict[str, str] = {}
    for c in candidates:
        if c.type not in QUALIFIED_TYPES or not region or c.canonical.startswith("中共"):
            continue
        if c.canonical in renamed:
            c.canonical = renamed[c.canonical]
            continue
        if names_a_place(c.canonical) or c.canonical.startswith(region):
            continue
        qualified = region + c.canonical.removeprefix("区级").removeprefix("县级")
        renamed[c.canonical] = qualified
        c.canonical = qualified
    return renamed


@lru_cache(maxsize=1)
def _place_words() -> re.Pattern[str]:
    """Any place name or alias of the gazetteer (built once: it is the same for every report)."""
    gazetteer = load_gazetteer()
    words = {*gazetteer.surface_forms, *(a for name in gazetteer.surface_forms for a in gazetteer.place(name).aliases)}
    return re.compile("|".join(map(re.escape, sorted(words))))


_BRACKET_QUOTES = str.maketrans(
    {"「": "“", "」": "”", "『": "“", "』": "”", "％": "%", "．": ".", **{chr(0xFF10 + d): str(d) for d in range(10)}}
)
_TO_TRANSLATE = re.compile("[" + re.escape("".join(map(chr, _BRACKET_QUOTES))) + "]")
_ASCII_QUOTED = re.compile(r'"([^"\n]{1,60})"')


def house_style(text: str) -> str:
    """The text with other quotation styles (「」, 『』, "…") written as “…” and full-width digits as ASCII, character for character.

    The rules read this copy; offsets stay those of the original, which mentions quote.
    """
    if _TO_TRANSLATE.search(text):  # translate() costs a dictionary look-up per character
        text = text.translate(_BRACKET_QUOTES)
    return _ASCII_QUOTED.sub(lambda m: f"“{m.group(1)}”", text)


def _sentence_finder(text: str) -> Callable[[int, int], str]:
    """The sentence (to 。！？；or a line end) around a character range, for provenance."""
    ends = [m.end() for m in re.finditer(r"[。！？；;!?\n]", text)] + [len(text)]

    def sentence(start: int, end: int) -> str:
        i = bisect.bisect_right(ends, start)
        first = ends[i - 1] if i else 0
        j = bisect.bisect_left(ends, max(end, start + 1))
        last = ends[min(j, len(ends) - 1)]
        return text[first:last].strip()

    return sentence


def _merge(
    candidates: list[Candidate], meta: ReportMeta, ancestors: list[str], sentence: Callable[[int, int], str], text: str
) -> tuple[tuple[Entity, ...], dict[str, str]]:
    gazetteer = load_gazetteer()
    by_key: dict[str, list[Candidate]] = defaultdict(list)
    for c in candidates:
        by_key[c.key].append(c)
    entities: list[Entity] = []
    key_to_id: dict[str, str] = {}
    region_known = meta.region in gazetteer
    for key in [meta.region, *ancestors]:
        if key not in by_key:
            by_key[key] = []
    for key, group in by_key.items():
        group.sort(key=lambda c: (_RANK.get(c.type, 99), c.start))
        if group:
            type_, cls = group[0].type, group[0].cls
        elif key in gazetteer:
            type_, cls = "Place", gazetteer.place(key).ontology_class
        else:
            type_, cls = "Place", "County" if key == meta.region and not region_known else "Place"
        spans = sorted({(c.start, c.end) for c in group if c.type == type_ and c.end > c.start})
        mentions = [Mention(text[start:end], start, end, sentence(start, end)) for start, end in spans]
        aliases = sorted({m.text.strip("“”") for m in mentions} - {key})
        attributes: dict[str, object] = {}
        if type_ == "Place" and key in gazetteer:
            level, code, province, name_en = _place_facts(key)
            attributes = {"level": level, "code": code, "province": province}
        else:
            name_en = _english_name(key)
        for c in group:
            for attr in ("series",):
                if attr in c.attributes:
                    attributes[attr] = c.attributes[attr]
        entity = Entity(
            id=entity_id(type_, key),
            type=type_,
            cls=cls,
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
    return english_name(name, _place_names())


@lru_cache(maxsize=1)
def _place_names() -> list[str]:
    """The gazetteer's place names for :func:`english_name`: one list for every name, so its pattern is built once.

    Places not written in a name match nothing in it, so passing them all is the same as passing those it contains.
    """
    return sorted({p for p in load_gazetteer().surface_forms.values() if len(p) > 1})


def _relations(
    found: list[RelationCandidate], key_to_id: dict[str, str], text: str, sentence: Callable[[int, int], str]
) -> tuple[Relation, ...]:
    seen: dict[tuple[str, str, str], Relation] = {}
    for r in found:
        source, target = key_to_id.get(r.source), key_to_id.get(r.target)
        if source is None or target is None or source == target:
            continue
        evidence = Mention(text[r.start:r.end], r.start, r.end, sentence(r.start, r.end)) if r.end > r.start else None
        key = (r.type, source, target)
        previous = seen.get(key)
        if previous is None or (previous.implicit and not r.implicit):
            seen[key] = Relation(r.type, source, target, r.implicit, evidence)
    return tuple(sorted(seen.values(), key=lambda r: (r.type, r.source, r.target)))
