"""Extracted facts: plain frozen dataclasses with provenance, the contract between stages, and entity ids.

This module imports nothing heavy (no spaCy): the stores in ``graph/`` read it.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
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
        """The JSON output contract of ``govkg extract``."""
        return {
            "report": asdict(self.report),
            "entities": [
                {
                    "id": e.id,
                    "type": e.type,
                    "class": e.cls,
                    "name": e.name,
                    "name_en": e.name_en,
                    "aliases": list(e.aliases),
                    "mentions": [asdict(m) for m in e.mentions],
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
                    "evidence": asdict(r.evidence) if r.evidence else None,
                }
                for r in self.relations
            ],
            "statistics": [asdict(s) for s in self.statistics],
        }


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
