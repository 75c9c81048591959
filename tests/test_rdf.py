from __future__ import annotations

import json

import pyoxigraph
from rdflib import Graph

from govkg.graph.nx_view import linked_regions, shortest_connection, to_networkx
from govkg.graph.rdf import serialize, to_graph
from govkg.graph.sparql import run_sparql
from govkg.graph.validate import validate
from govkg.ontology.schema import GKG
from reports import fixture, seed


def test_turtle_round_trips_and_conforms_to_the_shapes(tmp_path):
    turtle = serialize([seed()], "turtle")
    graph = Graph().parse(data=turtle, format="turtle")
    assert len(graph) == len(to_graph(seed()))
    report = validate(graph)
    assert report.conforms, report.violations[:3]


def test_a_broken_graph_violates_the_shapes():
    graph = to_graph(seed())
    statistic = next(graph.subjects(predicate=GKG.value))
    graph.remove((statistic, GKG.value, None))
    graph.add((next(graph.subjects(predicate=GKG.partOf)), GKG.covers, GKG.Report))
    report = validate(graph)
    assert not report.conforms and len(report.violations) >= 2


def test_the_second_engine_reads_every_format(tmp_path):
    for fmt, mime in (("turtle", "text/turtle"), ("nt", "application/n-triples"), ("nquads", "application/n-quads"), ("jsonld", "application/ld+json")):
        store = pyoxigraph.Store()
        store.load(serialize([seed()], fmt).encode(), format=pyoxigraph.RdfFormat.from_media_type(mime))
        assert len(store) >= len(to_graph(seed())) * (0.99 if fmt != "nquads" else 1), fmt


def test_jsonld_uses_the_context():
    document = json.loads(serialize([seed()], "jsonld"))
    assert document["@context"]["gkg"] == str(GKG) and "partOf" in document["@context"]


def test_serialisations_are_byte_identical_across_runs():
    for fmt in ("turtle", "nt"):
        assert serialize([seed()], fmt) == serialize([seed()], fmt)


def test_one_named_graph_per_report():
    store = pyoxigraph.Store()
    store.load(serialize([seed(), fixture("wujiang-2024")], "nquads").encode(), format=pyoxigraph.RdfFormat.N_QUADS)
    assert len(list(store.named_graphs())) == 2


def test_sparql_finds_the_provenance_of_a_mention(tmp_path):
    path = tmp_path / "kg.ttl"
    path.write_text(serialize([seed()], "turtle"), encoding="utf-8")
    query = """
    PREFIX gkg: <https://w3id.org/govkg/ontology#>
    PREFIX oa: <http://www.w3.org/ns/oa#>
    SELECT ?start ?exact WHERE {
      ?point a gkg:ObservationPoint ; gkg:name ?name .
      ?m oa:hasBody ?point ; oa:hasTarget/oa:hasSelector ?pos, ?quote .
      ?pos oa:start ?start . ?quote oa:exact ?exact .
      FILTER(CONTAINS(STR(?name), "淀山湖镇"))
    }"""
    columns, rows = run_sparql(query, [path])
    assert rows and rows[0]["exact"] == "跨域基层法治观察点" and isinstance(rows[0]["start"], int)


def test_networkx_view_has_the_same_nodes_and_edges_as_the_rdf():
    graph = to_networkx([seed()])
    x = seed()
    assert graph.number_of_nodes() == 1 + len(x.entities) + len(x.statistics)
    assert sum(1 for *_, k in graph.edges(keys=True) if k not in ("MENTIONS", "STATES")) == len(x.relations)


def test_regions_linked_through_agreements_and_the_shortest_connection():
    graph = to_networkx([seed()])
    pairs = linked_regions(graph)
    assert ("吴江区", "青浦区") in pairs and ("嘉善县", "青浦区") in pairs
    steps = shortest_connection(graph, "青浦区", "昆山市")
    assert steps[0][0] == "青浦区" and steps[-1][2] == "昆山市" and len(steps) <= 4
