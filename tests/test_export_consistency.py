"""One verdict whatever the format, counts that agree between export and index, a dataset description with each export."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal, Namespace, URIRef

from govkg.cli import cli
from govkg.graph.rdf import dataset_iri, serialize
from govkg.graph.mapping import report_iri
from reports import FIXTURE_NAMES, FIXTURES, SEED, fixture, seed

VOID = Namespace("http://rdfs.org/ns/void#")
DCTERMS = Namespace("http://purl.org/dc/terms/")
DCAT = Namespace("http://www.w3.org/ns/dcat#")
FILES = [str(SEED), *(str(FIXTURES / f"{name}.txt") for name in FIXTURE_NAMES)]


@pytest.fixture(scope="module")
def extractions():
    return [seed(), *(fixture(n) for n in FIXTURE_NAMES)]


def test_validate_gives_one_verdict_whatever_the_format(tmp_path, extractions):
    verdicts = {}
    for fmt, suffix in (("turtle", "ttl"), ("nt", "nt"), ("nquads", "nq"), ("trig", "trig"), ("jsonld", "jsonld")):
        path = tmp_path / f"kg.{suffix}"
        path.write_text(serialize(extractions, fmt), encoding="utf-8")
        result = CliRunner().invoke(cli, ["validate", str(path)], catch_exceptions=False)
        verdicts[fmt] = (result.exit_code, result.output.strip().splitlines()[-1])
    assert len(set(verdicts.values())) == 1, verdicts
    exit_code, summary = verdicts["turtle"]
    flagged = int(re.search(r"(\d+) inconsistent", summary).group(1))
    assert flagged > 0 and exit_code == 1  # the corpus states percentages that disagree with their counts


def test_export_and_index_print_the_same_count_and_ntriples_has_no_duplicate_lines(tmp_path):
    runner = CliRunner()
    quads = tmp_path / "kg.nq"
    result = runner.invoke(cli, ["export", *FILES, "--format", "nquads", "-o", str(quads)], catch_exceptions=False)
    exported = int(re.search(r"wrote ([\d,]+) quads", result.output).group(1).replace(",", ""))
    result = runner.invoke(cli, ["sparql", "index", str(quads), "--store", str(tmp_path / "store")], catch_exceptions=False)
    indexed = int(re.search(r"([\d,]+) quads", result.output).group(1).replace(",", ""))
    assert exported == indexed == len(quads.read_text(encoding="utf-8").splitlines())
    triples = tmp_path / "kg.nt"
    result = runner.invoke(cli, ["export", *FILES, "--format", "nt", "-o", str(triples)], catch_exceptions=False)
    lines = triples.read_text(encoding="utf-8").split("\n")[:-1]
    assert len(lines) == len(set(lines)) == len(Graph().parse(str(triples), format="nt"))
    assert int(re.search(r"wrote ([\d,]+) triples", result.output).group(1).replace(",", "")) == len(lines)


def test_every_export_describes_itself_with_void_and_dcat(extractions):
    graph = Graph().parse(data=serialize(extractions, "turtle"), format="turtle")
    dataset = dataset_iri([x.report for x in extractions])
    assert (dataset, URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), DCAT.Dataset) in graph
    described = {(s, p, o) for s, p, o in graph if str(s).startswith(str(dataset))}
    assert int(graph.value(dataset, VOID.triples)) == len(graph) - len(described)
    assert {str(o) for o in graph.objects(dataset, DCTERMS.source)} == {report_iri(x.report.id) for x in extractions}
    period = graph.value(dataset, DCTERMS.temporal)
    years = sorted(x.report.year for x in extractions)
    assert graph.value(period, DCAT.startDate) == Literal(str(years[0]), datatype=URIRef("http://www.w3.org/2001/XMLSchema#gYear"))
    assert int(graph.value(dataset, VOID.classes)) == len(set(graph.objects(dataset, VOID["class"]))) > 10
    assert serialize(extractions, "turtle") == serialize(extractions, "turtle")  # no clock in it
    assert dataset_iri([x.report for x in extractions[:1]]) != dataset
