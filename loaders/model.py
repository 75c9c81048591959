"""Extracted facts: plain frozen dataclasses with provenance, the contract between stages, and entity ids.

This module imports nothing heavy (no spaCy): the stores in ``graph/`` read it.
"""

from __future__ import annotations

import hashlib
import json
import math
from dataclasses import dataclass, field
from typing import Any


def entity_id(type_: str, canonical: str) -> str:
    """Stable id of an entity: its top class and a hash of its canonical name.

    The same canonical name in two reports is the same id, so one node in every store.
    """
    digest = hashlib.sha1(canonical.encode("utf-8")).hexdigest()[:12]
    return f"{type_.lower()}-{digest}"


@dataclass(frozen=True)
class Mention:
    """Where a report names something: character offsets into the decoded text."""

    text: str
    start: int
    end: int
    sentence: str = ""


@dataclass(frozen=True)
class ReportMeta:
    """What a report says about itself."""

    id: str
    title: str
    region: str
    year: int
    published: str | None
    source: str
    sha256: str
    body_kind: str
    body: str = ""
    """The reporting body (青浦区人民政府, 闵行区司法局, 中共XX县委、XX县人民政府): with the year, the report's identity."""

    @property
    def reporter(self) -> str | None:
        """The reporting department when a department reports (whom its 本局 names), else None."""
        return self.body if self.body_kind == "department" else None


@dataclass(frozen=True)
class Entity:
    """One real-world thing named in a report, with every mention of it."""

    id: str
    type: str
    cls: str
    name: str
    name_en: str
    aliases: tuple[str, ...]
    mentions: tuple[Mention, ...]
    attributes: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Relation:
    """A typed edge between two entities, with the sentence that states it."""

    type: str
    source: str
    target: str
    implicit: bool
    evidence: Mention | None


@dataclass(frozen=True)
class Statistic:
    """A figure the report states, and whether it agrees with the counts it rests on."""

    id: str
    measure: str
    value: float
    unit: str
    text: str
    start: int
    end: int
    approximate: bool
    consistent: bool | None
    check: str | None


@dataclass(frozen=True)
class Extraction:
    """Everything extracted from one report."""

    report: ReportMeta
    entities: tuple[Entity, ...]
    relations: tuple[Relation, ...]
    statistics: tuple[Statistic, ...]

    def entity(self, entity_id: str) -> Entity:
        for entity in self.entities:
            if entity.id == entity_id:
                return entity
        raise KeyError(entity_id)

    def to_dict(self) -> dict[str, Any]:
        """The JSON output contract of ``govkg extract``.

        Written out field by field rather than with ``dataclasses.asdict``, whose recursive
        deep copy cost more than the JSON encoding of a folder's output.
        """
        report = self.report
        return {
            "report": {
                "id": report.id, "title": report.title, "region": report.region, "year": report.year,
                "published": report.published, "source": report.source, "sha256": report.sha256,
                "body_kind": report.body_kind, "body": report.body,
            },
            "entities": [
                {
                    "id": e.id,
                    "type": e.type,
                    "class": e.cls,
                    "name": e.name,
                    "name_en": e.name_en,
                    "aliases": list(e.aliases),
                    "mentions": [_mention(m) for m in e.mentions],
                    **({"attributes": e.attributes} if e.attributes else {}),
                }
                for e in self.entities
            ],
            "relations": [
                {
                    "type": r.type,
                    "source": r.source,
                    "target": r.target,
                    "implicit": r.implicit,
                    "evidence": _mention(r.evidence) if r.evidence else None,
                }
                for r in self.relations
            ],
            "statistics": [
                {
                    "id": s.id, "measure": s.measure, "value": s.value, "unit": s.unit, "text": s.text,
                    "start": s.start, "end": s.end, "approximate": s.approximate, "consistent": s.consistent,
                    "check": s.check,
                }
                for s in self.statistics
            ],
        }


def extractions_json(extractions: list[Extraction]) -> str:
    """``govkg extract --format json``: one extraction's dict, or a list of them, indented by 2, UTF-8 kept, newline-ended.

    orjson writes the same text ``json.dumps(indent=2, ensure_ascii=False)`` does at a
    fifth of the cost, but for floats below 1e-4 (``0.00001`` for Python's ``1e-05``) and
    non-finite ones (``null`` for ``NaN``): those few are written as Python writes them.
    """
    import orjson

    def number(value: Any) -> Any:
        if isinstance(value, float) and not (value == 0 or 1e-4 <= abs(value) < math.inf):
            return orjson.Fragment(json.dumps(value))
        return value

    payload = [x.to_dict() for x in extractions]
    for data in payload:
        for statistic in data["statistics"]:
            statistic["value"] = number(statistic["value"])
        for entity in data["entities"]:
            if "attributes" in entity:
                entity["attributes"] = {key: number(value) for key, value in entity["attributes"].items()}
    return orjson.dumps(payload[0] if len(payload) == 1 else payload, option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE).decode()


def _mention(mention: Mention) -> dict[str, Any]:
    return {"text": mention.text, "start": mention.start, "end": mention.end, "sentence": mention.sentence}


def extraction_from_dict(data: dict[str, Any]) -> Extraction:
    """Read back the JSON that :meth:`Extraction.to_dict` wrote.

    Raises:
        InputError: the JSON is not an extraction.
    """
    from govkg.errors import InputError

    try:
        return Extraction(
            report=ReportMeta(**data["report"]),
            entities=tuple(
                Entity(
                    id=e["id"], type=e["type"], cls=e["class"], name=e["name"], name_en=e.get("name_en", ""),
                    aliases=tuple(e.get("aliases", ())), mentions=tuple(Mention(**m) for m in e["mentions"]),
                    attributes=e.get("attributes", {}),
                )
                for e in data["entities"]
            ),
            relations=tuple(
                Relation(r["type"], r["source"], r["target"], r["implicit"], Mention(**r["evidence"]) if r.get("evidence") else None)
                for r in data["relations"]
            ),
            statistics=tuple(Statistic(**s) for s in data["statistics"]),
        )
    except (KeyError, TypeError) as error:
        raise InputError(f"not an extraction produced by `govkg extract` (missing {error})") from None
