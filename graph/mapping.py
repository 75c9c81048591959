"""Extraction → graph rows: the one mapping every store (RDF, Neo4j, networkx) reads.

Node rows carry the IRI used in the RDF export, so an analyst can go from a Neo4j node
to the same resource in SPARQL; labels and relationship types come from the ontology.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from govkg.loaders.model import Extraction
from govkg.ontology.schema import ID_BASE, load_schema


ENTITY_ATTRIBUTES = ("code", "province", "level", "series")
"""Entity attributes every store writes: Neo4j properties of these names, RDF properties of the
ontology attribute whose ``gkg:neo4jProperty`` they are (the one table both read)."""


def report_iri(report_id: str) -> str:
    return f"{ID_BASE}report/{report_id}"


def entity_iri(entity_id: str) -> str:
    return f"{ID_BASE}{entity_id}"


def statistic_iri(statistic_id: str) -> str:
    return f"{ID_BASE}statistic/{statistic_id}"


@dataclass(frozen=True)
class NodeRow:
    """One node: its ontology class, Neo4j labels and properties (keys are Neo4j property names)."""

    iri: str
    cls: str
    labels: tuple[str, ...]
    properties: dict[str, Any]


@dataclass(frozen=True)
class EdgeRow:
    """One relationship between two node IRIs, typed by the ontology."""

    type: str
    source: str
    target: str
    properties: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class GraphRows:
    """All nodes and edges of one report."""

    report_id: str
    nodes: list[NodeRow]
    edges: list[EdgeRow]


def to_rows(extraction: Extraction) -> GraphRows:
    """Map an extraction onto ontology-typed node and edge rows."""
    schema = load_schema()
    report = extraction.report
    rid = report_iri(report.id)
    nodes = [
        NodeRow(
            rid,
            "Report",
            tuple(schema.labels_for("Report")),
            {
                "iri": rid,
                "id": report.id,
                "name": report.title,
                "name_en": f"{report.year} rule-of-law government report of {report.region}",
                "region": report.region,
                "year": report.year,
                "published": report.published,
                "source": report.source,
                "sha256": report.sha256,
                "body_kind": report.body_kind,
                "class": "Report",
                "type": "Report",
            },
        )
    ]
    edges: list[EdgeRow] = []
    for entity in extraction.entities:
        iri = entity_iri(entity.id)
        properties: dict[str, Any] = {
            "iri": iri,
            "id": entity.id,
            "name": entity.name,
            "name_en": entity.name_en,
            "aliases": list(entity.aliases),
            "class": entity.cls,
            "type": entity.type,
        }
        properties.update({k: v for k, v in entity.attributes.items() if k in ENTITY_ATTRIBUTES})
        nodes.append(NodeRow(iri, entity.cls, tuple(schema.labels_for(entity.cls)), properties))
        for mention in entity.mentions:
            edges.append(EdgeRow("MENTIONS", rid, iri, {"start": mention.start, "end": mention.end, "text": mention.text, "sentence": mention.sentence}))
    for relation in extraction.relations:
        properties = {"implicit": relation.implicit}
        if relation.evidence is not None:
            properties.update(start=relation.evidence.start, end=relation.evidence.end, text=relation.evidence.text, sentence=relation.evidence.sentence)
        edges.append(EdgeRow(relation.type, entity_iri(relation.source), entity_iri(relation.target), properties))
    for statistic in extraction.statistics:
        iri = statistic_iri(statistic.id)
        nodes.append(
            NodeRow(
                iri,
                "Statistic",
                tuple(schema.labels_for("Statistic")),
                {
                    "iri": iri,
                    "id": statistic.id,
                    "name": statistic.text,
                    "measure": statistic.measure,
                    "value": statistic.value,
                    "unit": statistic.unit,
                    "approximate": statistic.approximate,
                    "consistent": statistic.consistent,
                    "check": statistic.check,
                    "class": "Statistic",
                    "type": "Statistic",
                },
            )
        )
        edges.append(EdgeRow("STATES", rid, iri, {"start": statistic.start, "end": statistic.end, "text": statistic.text}))
    known = set(schema.relation_types)
    unknown = {e.type for e in edges} - known
    assert not unknown, f"relation types outside the ontology: {unknown}"
    allowed = {a.neo4j_property for a in schema.attributes.values()}
    used = {k for n in nodes for k in n.properties} | {k for e in edges for k in e.properties}
    assert used <= allowed, f"properties outside the ontology: {used - allowed}"
    return GraphRows(report.id, nodes, edges)
