"""The load plan: one report's graph rows grouped the way Neo4j writes them.

Both writers read it: the Bolt loader (:mod:`govkg.graph.neo4j_store`) turns each group
into one ``UNWIND`` statement, the bulk-import export (:mod:`govkg.graph.neo4j_csv`) into
one CSV file. Planning checks every class, label, relationship type and endpoint against
the ontology and the report's own nodes before anything is written, so a bad report is
refused whole.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from govkg.errors import StoreError
from govkg.graph.mapping import EdgeRow, NodeRow, to_rows
from govkg.graph.neo4j_cypher import label, relationship_type
from govkg.loaders.model import Extraction
from govkg.ontology.schema import load_schema

PER_MENTION_TYPES = frozenset({"MENTIONS", "STATES"})
"""Relationship types kept once per offset (report → thing, keyed on ``start``), not once per pair."""

EVIDENCE_KEYS = ("implicit", "start", "end", "text", "sentence")
"""Properties of a relation's evidence: a reload that states the relation without them removes the old ones."""


@dataclass(frozen=True)
class NodeGroup:
    """Nodes of one label set: rows ``{"iri", "props", "rids"}`` (``rids``: the reports stating the node)."""

    top: str
    finer: str | None
    others: tuple[str, ...]  # finer labels of the same top to take off (class changed)
    rows: list[dict[str, Any]]

    @property
    def labels(self) -> tuple[str, ...]:
        """The top label, then the finer one if any."""
        return (self.top, self.finer) if self.finer else (self.top,)


@dataclass(frozen=True)
class EdgeGroup:
    """Relationships of one type between two top labels: rows ``{"source", "target", "props", "rids"}``."""

    type: str
    source: str
    target: str
    rows: list[dict[str, Any]]


@dataclass(frozen=True)
class LoadPlan:
    """What loading some reports writes, grouped by label set and relationship type."""

    report_ids: list[str]
    report_iris: list[str]
    nodes: list[NodeGroup]
    edges: list[EdgeGroup]
    node_rows: int
    edge_rows: int


def node_key(top: str, iri: str) -> str:
    """How a Report node lists a node it states (``stated_nodes``)."""
    return f"{top} {iri}"


def edge_key(type_: str, source_top: str, source: str, target_top: str, target: str) -> str:
    """How a Report node lists a relationship it states (``stated_relationships``)."""
    return f"{type_} {source_top} {source} {target_top} {target}"


def check_vocabulary(extraction: Extraction) -> None:
    """Refuse classes and relation types outside the ontology before mapping the rows.

    Raises:
        StoreError: an entity's class or a relation's type is not in the ontology.
    """
    schema = load_schema()
    for entity in extraction.entities:
        if entity.cls not in schema.classes:
            raise StoreError(f"entity {entity.id} has class {entity.cls!r}, which is not in the ontology")
    for relation in extraction.relations:
        if relation.type not in schema.relation_types:
            raise StoreError(f"relation type {relation.type!r} is not in the ontology")


def row_count(extraction: Extraction) -> int:
    """Node + relationship rows of a report, counted without mapping it."""
    mentions = sum(len(entity.mentions) for entity in extraction.entities)
    return 1 + len(extraction.entities) + mentions + len(extraction.relations) + 2 * len(extraction.statistics)


@lru_cache(maxsize=1)
def _finer_labels() -> dict[str, list[str]]:
    schema = load_schema()
    finer_of: dict[str, list[str]] = defaultdict(list)
    for cls in schema.classes.values():
        if cls.top != cls.name:
            finer_of[schema.classes[cls.top].cypher_name].append(cls.cypher_name)
    return finer_of


def plan_report(extraction: Extraction) -> LoadPlan:
    """One report's plan: rows grouped by label/type, every label and endpoint checked first.

    The Report node's row gets the keys of everything else the report states
    (``stated_nodes``, ``stated_relationships``): a reload reads them to know what to
    take its count off, without scanning the graph.

    Raises:
        StoreError: a class, label, type or endpoint outside the ontology or the report.
    """
    check_vocabulary(extraction)
    rows = to_rows(extraction)
    schema = load_schema()
    finer_of = _finer_labels()
    rid = rows.report_id
    top_of: dict[str, str] = {}
    class_of: dict[str, str] = {}
    node_groups: dict[tuple[str, ...], list[dict[str, Any]]] = defaultdict(list)
    report_row: dict[str, Any] | None = None
    for node in rows.nodes:
        if node.cls not in schema.classes:
            raise StoreError(f"node {node.iri} has class {node.cls!r}, which is not in the ontology")
        labels = tuple(label(name) for name in node.labels)
        if not labels or labels != tuple(schema.labels_for(node.cls)):
            raise StoreError(f"node {node.iri} has labels {list(node.labels)}, not those of class {node.cls}")
        if class_of.setdefault(node.iri, node.cls) != node.cls:
            raise StoreError(f"IRI {node.iri} is given two classes, {class_of[node.iri]} and {node.cls}")
        if node.iri in top_of:
            continue
        top_of[node.iri] = labels[0]
        row = {"iri": node.iri, "props": _node_props(node), "rids": [rid]}
        if node.cls == "Report":
            report_row = row
        node_groups[labels].append(row)
    if report_row is None:
        raise StoreError(f"report {rid} has no Report node")
    edge_rows: dict[tuple[Any, ...], dict[str, Any]] = {}
    for edge in rows.edges:
        type_ = relationship_type(edge.type)
        for end in (edge.source, edge.target):
            if end not in top_of:
                raise StoreError(f"{edge.type} relationship points at {end}, which is not among the report's nodes")
        props = _edge_props(edge)
        key = (type_, top_of[edge.source], top_of[edge.target], edge.source, edge.target,
               props.get("start") if type_ in PER_MENTION_TYPES else None)
        known = edge_rows.get(key)
        if known is None:
            edge_rows[key] = {"source": edge.source, "target": edge.target, "props": props, "rids": [rid]}
        else:  # stated twice: one relationship, the later statement's properties (as SET += would)
            known["props"] = {**known["props"], **props}
    edge_groups: dict[tuple[str, str, str], list[dict[str, Any]]] = defaultdict(list)
    for key, row in edge_rows.items():
        edge_groups[key[:3]].append(row)
    report_row["props"]["stated_nodes"] = [node_key(top, iri) for iri, top in top_of.items()]
    report_row["props"]["stated_relationships"] = [
        edge_key(t, s, source, d, target) for (t, s, d, source, target, _) in edge_rows if t not in PER_MENTION_TYPES
    ]
    nodes = [
        NodeGroup(
            top=labels[0],
            finer=labels[1] if len(labels) > 1 else None,
            others=tuple(f for f in finer_of[labels[0]] if f not in labels),
            rows=group,
        )
        for labels, group in node_groups.items()
    ]
    edges = [EdgeGroup(t, s, e, group) for (t, s, e), group in edge_groups.items()]
    return LoadPlan([rid], [report_row["iri"]], nodes, edges, len(rows.nodes), len(rows.edges))


def combine_plans(plans: Sequence[LoadPlan]) -> LoadPlan:
    """One plan for several reports, leaving the graph successive loads would leave.

    A node or relationship stated by several reports becomes one row: later reports'
    properties and class win (``SET +=`` in order, a null removes), aliases and report
    ids accumulate in order of first appearance.

    Raises:
        StoreError: a report is given twice, or one IRI two top classes.
    """
    if len(plans) == 1:
        return plans[0]
    finer_of = _finer_labels()
    nodes: dict[str, tuple[tuple[str, ...], dict[str, Any]]] = {}
    edges: dict[tuple[Any, ...], tuple[tuple[str, str, str], dict[str, Any]]] = {}
    report_ids: list[str] = []
    for plan in plans:
        if plan.report_ids[0] in report_ids:
            raise StoreError(f"report {plan.report_ids[0]} is given twice in one transaction")
        report_ids += plan.report_ids
        for group in plan.nodes:
            labels = group.labels
            for row in group.rows:
                known = nodes.get(row["iri"])
                if known is None:
                    nodes[row["iri"]] = (labels, {**row, "rids": list(row["rids"])})
                    continue
                if known[0][0] != labels[0]:
                    raise StoreError(f"IRI {row['iri']} is given two top classes, {known[0][0]} and {labels[0]}")
                merged = known[1]
                aliases = merged["props"].get("aliases")
                merged["props"] = {**merged["props"], **row["props"]}
                if aliases is not None:
                    merged["props"]["aliases"] = aliases + [a for a in row["props"].get("aliases") or [] if a not in aliases]
                merged["rids"] += [r for r in row["rids"] if r not in merged["rids"]]
                nodes[row["iri"]] = (labels, merged)
        for edge_group in plan.edges:
            group_key = (edge_group.type, edge_group.source, edge_group.target)
            for row in edge_group.rows:
                start = row["props"].get("start") if edge_group.type in PER_MENTION_TYPES else None
                key = (*group_key, row["source"], row["target"], start)
                found = edges.get(key)
                if found is None:
                    edges[key] = (group_key, {**row, "rids": list(row["rids"])})
                else:
                    found[1]["props"] = {**found[1]["props"], **row["props"]}
                    found[1]["rids"] += [r for r in row["rids"] if r not in found[1]["rids"]]
    node_groups: dict[tuple[str, ...], list[dict[str, Any]]] = defaultdict(list)
    for labels, row in nodes.values():
        node_groups[labels].append(row)
    edge_groups: dict[tuple[str, str, str], list[dict[str, Any]]] = defaultdict(list)
    for group_key, row in edges.values():
        edge_groups[group_key].append(row)
    return LoadPlan(
        report_ids,
        [iri for plan in plans for iri in plan.report_iris],
        [
            NodeGroup(labels[0], labels[1] if len(labels) > 1 else None,
                      tuple(f for f in finer_of[labels[0]] if f not in labels), rows)
            for labels, rows in node_groups.items()
        ],
        [EdgeGroup(t, s, e, rows) for (t, s, e), rows in edge_groups.items()],
        sum(plan.node_rows for plan in plans),
        sum(plan.edge_rows for plan in plans),
    )


def _node_props(node: NodeRow) -> dict[str, Any]:
    # Neo4j stores no nulls.
    return {k: v for k, v in node.properties.items() if v is not None}


def _edge_props(edge: EdgeRow) -> dict[str, Any]:
    props = dict(edge.properties)
    if edge.type not in PER_MENTION_TYPES:
        # Explicit nulls make the merge drop the previous load's evidence.
        for key in EVIDENCE_KEYS:
            props.setdefault(key, None)
    return props
