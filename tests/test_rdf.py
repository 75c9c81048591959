from __future__ import annotations

import dataclasses
import io
import json
from pathlib import Path

import pyoxigraph
import pytest
from click.testing import CliRunner
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from govkg.cli import cli
from govkg.errors import StoreError
from govkg.graph.mapping import report_iri
from govkg.graph.nx_view import linked_regions, shortest_connection, to_networkx
from govkg.graph.rdf import RDFStreamWriter, add_triples, dataset_iri, open_rdf_stream, report_triples, serialize, to_graph
from govkg.graph.sparql import run_sparql
from govkg.graph.validate import validate
from govkg.loaders.model import Extraction, Mention
from govkg.ontology.schema import GKG
from reports import FIXTURE_NAMES, FIXTURES, REPO, SEED, extraction, fixture, seed

REPORTS = sorted((REPO / "data" / "reports").glob("*.txt")) + sorted(FIXTURES.glob("*.txt"))
NASTY = [
    'a "quoted" name',
    "back\\slash at the end \\",
    "two\nlines\r\nand a tab\t",
    '"""triple quotes"""',
    "青浦区「示范区」《条例》",
    "emoji 🏛 and U+2028\u2028here",
    "\\n is not a newline",
    '\\"',
]


def test_turtle_round_trips_and_conforms_to_the_shapes(tmp_path):
    turtle = serialize([seed()], "turtle")
    graph = Graph().parse(data=turtle, format="turtle")
    assert set(to_graph(seed())) <= set(graph)  # and the export's own VoID/DCAT description
    report = validate(graph)
    assert report.conforms, report.violations[:3]


@pytest.mark.parametrize("path", sorted((REPO / "tests" / "data" / "dev4").glob("*.txt")), ids=lambda p: p.stem)
def test_reports_from_across_china_conform_to_the_shapes(path):
    """Every relation the rules read has ends its shapes allow (a point SERVES places as well as events)."""
    report = validate(to_graph(extraction(path)))
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


def _reports() -> list[Extraction]:
    return [extraction(path) for path in REPORTS]


def _stream(extractions: list[Extraction], fmt: str) -> str:
    buffer = io.StringIO()
    writer = RDFStreamWriter(buffer, fmt)
    for x in extractions:
        writer.write(x)
    writer.finish()
    return buffer.getvalue()


def _named_graphs(text: str) -> dict[str, Graph]:
    dataset = Dataset()
    dataset.parse(data=text, format="nquads")
    return {str(g.identifier): g for g in dataset.graphs() if len(g) and g.identifier != DATASET_DEFAULT_GRAPH_ID}


def _nasty(x: Extraction) -> Extraction:
    """The report with quotes, backslashes, newlines and odd characters in every kind of literal."""
    entities = list(x.entities)
    for i, text in enumerate(NASTY):
        e = entities[i]
        mentions = (Mention(text, 10_000 + i, 10_000 + i + len(text), sentence=f"{text}。\n{text}"), *e.mentions)
        entities[i] = dataclasses.replace(e, name=text, name_en=f"{text} (en)", aliases=(text, *e.aliases), mentions=mentions)
    report = dataclasses.replace(x.report, title=NASTY[0] + NASTY[2], source=NASTY[1])
    statistics = (dataclasses.replace(x.statistics[0], text=NASTY[3], measure=NASTY[2], unit=NASTY[5]), *x.statistics[1:])
    return dataclasses.replace(x, report=report, entities=tuple(entities), statistics=statistics)


def test_streamed_nquads_are_the_same_dataset_as_serialize():
    extractions = _reports()
    streamed, reference = _stream(extractions, "nquads"), serialize(extractions, "nquads")
    ours, theirs = _named_graphs(streamed), _named_graphs(reference)
    assert set(ours) == set(theirs) == {report_iri(x.report.id) for x in extractions}
    for name, graph in theirs.items():
        assert isomorphic(ours[name], graph), name
    oxigraph = [set(pyoxigraph.parse(text, format=pyoxigraph.RdfFormat.N_QUADS)) for text in (streamed, reference)]
    assert oxigraph[0] == oxigraph[1] and len(oxigraph[0]) > 10_000


def test_streamed_ntriples_are_the_same_triples_as_serialize():
    extractions = _reports()
    streamed, reference = _stream(extractions, "nt"), serialize(extractions, "nt")
    assert set(Graph().parse(data=streamed, format="nt")) == set(Graph().parse(data=reference, format="nt"))
    oxigraph = [set(pyoxigraph.parse(text, format=pyoxigraph.RdfFormat.N_TRIPLES)) for text in (streamed, reference)]
    assert oxigraph[0] == oxigraph[1]
    lines = streamed.split("\n")[:-1]
    assert len(lines) == len(set(lines)) == len(reference.split("\n")[:-1])  # what two reports both state is written once


def test_nasty_literals_are_escaped_for_both_parsers():
    x = _nasty(seed())
    for fmt, ox_format in (("nt", pyoxigraph.RdfFormat.N_TRIPLES), ("nquads", pyoxigraph.RdfFormat.N_QUADS)):
        streamed = _stream([x], fmt)
        lines = streamed.split("\n")  # not splitlines(): U+2028 may stand unescaped inside a literal
        assert lines.pop() == "" and all(line.endswith(" .") for line in lines) and len(lines) == len(set(lines))
        parsed = {(q.subject, q.predicate, q.object) for q in pyoxigraph.parse(streamed, format=ox_format)}
        reference = {(q.subject, q.predicate, q.object) for q in pyoxigraph.parse(serialize([x], fmt), format=ox_format)}
        assert parsed == reference
        values = {(o.value, o.language) for _, _, o in parsed if isinstance(o, pyoxigraph.Literal)}
        for text in NASTY:
            assert (text, "zh") in values and (f"{text} (en)", "en") in values and (text, None) in values, text
            assert (f"{text}。\n{text}", None) in values
    graph = Graph().parse(data=_stream([x], "nt"), format="nt")
    dataset = str(dataset_iri([x.report]))
    assert {t for t in graph if not str(t[0]).startswith(dataset)} == set(to_graph(x))
    assert (URIRef(report_iri(x.report.id)), GKG.name, Literal(NASTY[0] + NASTY[2], lang="zh")) in graph


def test_each_report_is_written_once_per_distinct_triple():
    x = seed()
    lines = RDFStreamWriter(io.StringIO(), "nt").lines(x)
    assert sum(1 for _ in report_triples(x)) > len(lines) == len(set(lines)) == len(to_graph(x))


def test_any_sink_with_add_receives_the_graph():
    class ListSink:
        def __init__(self) -> None:
            self.triples: list[tuple] = []

        def add(self, triple: tuple) -> None:
            self.triples.append(triple)

    assert set(add_triples(seed(), ListSink()).triples) == set(to_graph(seed()))


def test_an_unknown_streaming_format_is_refused():
    with pytest.raises(StoreError, match="turtle"):
        RDFStreamWriter(io.StringIO(), "turtle")


def test_a_failed_stream_leaves_the_previous_file_and_no_temporary(tmp_path):
    out = tmp_path / "kg.nq"
    out.write_text("previous\n", encoding="utf-8")
    with pytest.raises(RuntimeError):
        with open_rdf_stream(out, "nquads") as writer:
            writer.write(seed())
            raise RuntimeError("stopped half way")
    assert out.read_text(encoding="utf-8") == "previous\n" and list(tmp_path.iterdir()) == [out]
    with open_rdf_stream(out, "nquads") as writer:
        writer.write(seed())
    assert writer.reports == 1 and len(out.read_text(encoding="utf-8").splitlines()) == writer.written > writer.triples


@pytest.mark.parametrize("workers", ["1", "2"])
def test_export_streams_nquads_report_by_report(tmp_path, workers):
    out = tmp_path / "kg.nq"
    result = CliRunner().invoke(cli, ["export", *map(str, REPORTS), "--format", "nquads", "-o", str(out), "--workers", workers],
                                catch_exceptions=False)
    assert result.exit_code == 0 and f"from {len(REPORTS)} report(s)" in result.output
    written = set(pyoxigraph.parse(path=str(out), format=pyoxigraph.RdfFormat.N_QUADS))
    assert written == set(pyoxigraph.parse(serialize(_reports(), "nquads"), format=pyoxigraph.RdfFormat.N_QUADS))
    assert list(tmp_path.iterdir()) == [out]


def test_export_streams_ntriples_to_stdout():
    result = CliRunner().invoke(cli, ["export", str(SEED), "--format", "nt"], catch_exceptions=False)
    assert result.exit_code == 0
    assert set(Graph().parse(data=result.stdout, format="nt")) == set(Graph().parse(data=serialize([seed()], "nt"), format="nt"))


def test_export_with_bad_files_writes_nothing(tmp_path):
    empty, binary = tmp_path / "empty.txt", tmp_path / "binary.txt"
    empty.write_bytes(b"")
    binary.write_bytes(b"\x00\x00binary\x00")
    out = tmp_path / "out" / "kg.nt"
    files = [str(SEED), str(empty), *(str(FIXTURES / f"{name}.txt") for name in FIXTURE_NAMES), str(binary)]
    result = CliRunner().invoke(cli, ["export", *files, "--format", "nt", "-o", str(out)])
    assert result.exit_code == 1 and "Traceback" not in result.output
    errors = [line for line in result.output.splitlines() if line.startswith("error:")]
    assert len(errors) == 2 and str(empty) in errors[0] and str(binary) in errors[1]
    assert "2 of 6 report(s) failed" in result.output
    assert not out.exists() and list(out.parent.iterdir()) == []


def test_rdf_and_neo4j_rows_carry_the_same_entity_attributes():
    """One property table: every attribute a Neo4j node gets (level, series, code, province) is a triple too."""
    from govkg.graph.mapping import ENTITY_ATTRIBUTES, to_rows

    x = seed()
    graph = to_graph(x)
    rows = {n.properties["id"]: n for n in to_rows(x).nodes}
    checked = set()
    for entity in x.entities:
        for key in ENTITY_ATTRIBUTES:
            if key in entity.attributes:
                value = entity.attributes[key]
                assert rows[entity.id].properties[key] == value
                assert (URIRef(rows[entity.id].iri), GKG[key], Literal(value)) in graph, (entity.name, key)
                checked.add(key)
    assert {"level", "code", "province", "series"} <= checked
