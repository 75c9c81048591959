"""A networkx view of the graph, for graph questions without a database."""

from __future__ import annotations

from collections.abc import Iterable
from itertools import combinations

import networkx as nx

from govkg.graph.mapping import to_rows
from govkg.loaders.model import Extraction

REGION_CLASSES = {"Province", "Prefecture", "County"}


def to_networkx(extractions: Iterable[Extraction]) -> nx.MultiDiGraph:
    """Nodes keyed by IRI with their properties; one edge per relation, keyed by its type."""
    graph = nx.MultiDiGraph()
    for extraction in extractions:
        rows = to_rows(extraction)
        for node in rows.nodes:
            graph.add_node(node.iri, cls=node.cls, labels=node.labels, **node.properties)
        for edge in rows.edges:
            graph.add_edge(edge.source, edge.target, key=edge.type, type=edge.type, **edge.properties)
    return graph


def _regions_of(graph: nx.MultiDiGraph, node: str) -> set[str]:
    """County-or-larger regions a node stands for: itself, the places it lies in, a zone's members."""
    data = graph.nodes[node]
    if data.get("cls") in REGION_CLASSES:
        return {node}
    if data.get("cls") == "CooperationZone":
        return {m for m, _, k in graph.in_edges(node, keys=True) if k == "PART_OF" and graph.nodes[m].get("cls") in REGION_CLASSES}
    out: set[str] = set()
    for _, place, key in graph.out_edges(node, keys=True):
        if key in ("LOCATED_IN", "PART_OF"):
            out |= _regions_of(graph, place)
    return out


def linked_regions(graph: nx.MultiDiGraph) -> dict[tuple[str, str], set[str]]:
    """Pairs of regions (by name) linked through an agreement, with the agreements linking them.

    A region is linked to an agreement when it (or a body in it) is party to it, or the
    agreement covers a zone it belongs to.
    """
    pairs: dict[tuple[str, str], set[str]] = {}
    for node, data in graph.nodes(data=True):
        if "Agreement" not in data.get("labels", ()):
            continue
        regions: set[str] = set()
        for other, _, key in graph.in_edges(node, keys=True):
            if key == "PARTY_TO":
                regions |= _regions_of(graph, other)
        for _, zone, key in graph.out_edges(node, keys=True):
            if key == "COVERS":
                regions |= _regions_of(graph, zone)
        names = sorted(graph.nodes[r]["name"] for r in regions)
        for a, b in combinations(names, 2):
            pairs.setdefault((a, b), set()).add(data["name"])
    return pairs


def shortest_connection(graph: nx.MultiDiGraph, source_name: str, target_name: str) -> list[tuple[str, str, str]]:
    """The shortest chain of relations between two named nodes, as (from, type, to) triples."""
    by_name = {data["name"]: node for node, data in graph.nodes(data=True) if data.get("cls") != "Report"}
    undirected = nx.Graph()
    for a, b, key in graph.edges(keys=True):
        if key not in ("MENTIONS", "STATES"):
            undirected.add_edge(a, b, type=key, forward=(a, b))
    path = nx.shortest_path(undirected, by_name[source_name], by_name[target_name])
    steps = []
    for a, b in zip(path, path[1:]):
        edge = undirected.edges[a, b]
        start, end = edge["forward"]
        steps.append((graph.nodes[start]["name"], edge["type"], graph.nodes[end]["name"]))
    return steps
