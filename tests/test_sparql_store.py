"""The on-disk Oxigraph store: built once from one N-Quads file per report, then opened read-only."""

from __future__ import annotations

import json
import threading
import urllib.parse
import urllib.request

import pytest
from click.testing import CliRunner

from govkg.cli import cli
from govkg.errors import QueryError, StoreError
from govkg.graph.endpoint import serve
from govkg.graph.rdf import serialize
from govkg.graph.sparql import build_store, open_store, query_store, rdf_files
from govkg.queries.catalog import catalog, get, sparql_with_parameters
from reports import FIXTURE_NAMES, fixture, seed

GKG = "PREFIX gkg: <https://w3id.org/govkg/ontology#> "
ZONE = "长三角生态绿色一体化发展示范区"


@pytest.fixture(scope="module")
def report_files(tmp_path_factory):
    """One N-Quads file per report (its own named graph), as a corpus is exported."""
    folder = tmp_path_factory.mktemp("nquads")
    for x in (seed(), *(fixture(n) for n in FIXTURE_NAMES)):
        (folder / f"{x.report.id}.nq").write_text(serialize([x], "nquads"), encoding="utf-8")
    return sorted(folder.glob("*.nq"))


@pytest.fixture(scope="module")
def disk_store(report_files, tmp_path_factory):
    path = tmp_path_factory.mktemp("store") / "kg"
    build_store(report_files, path)
    return path


def _count(store, where):
    return query_store(store, GKG + f"SELECT (COUNT(*) AS ?n) WHERE {{ {where} }}")[1][0]["n"]


def test_the_default_graph_is_the_union_of_the_reports_with_each_triple_once(disk_store, report_files):
    store = open_store(path=disk_store)
    zone = f'?z gkg:name "{ZONE}"@zh'
    assert _count(store, f"GRAPH ?g {{ {zone} }}") >= 2  # several reports name the zone ...
    assert _count(store, zone) == 1  # ... and the union holds its name once
    in_memory = open_store(report_files)
    assert _count(store, "?s ?p ?o") == _count(in_memory, "?s ?p ?o")
    assert _count(store, "GRAPH ?g { ?s ?p ?o }") == _count(in_memory, "GRAPH ?g { ?s ?p ?o }")


@pytest.mark.parametrize("name", sorted(catalog()))
def test_every_canned_query_answers_the_same_on_disk_as_in_memory(disk_store, report_files, name):
    query = get(name)
    text = sparql_with_parameters(query, query.parameters())

    def answer(store):
        columns, rows = query_store(store, text)
        return columns, [{k: sorted(v.split("、")) if k in query.list_columns and v else v for k, v in row.items()} for row in rows]

    assert answer(open_store(path=disk_store)) == answer(open_store(report_files))


def test_the_store_opens_read_only(disk_store):
    store = open_store(path=disk_store)
    with pytest.raises((OSError, RuntimeError)):  # Oxigraph refuses writes to a read-only store
        store.update("INSERT DATA { <urn:x> <urn:y> <urn:z> }")
    with pytest.raises(QueryError):
        query_store(store, "DELETE WHERE { ?s ?p ?o }")
    assert _count(store, "?s ?p ?o") > 0


def test_a_folder_stands_for_its_rdf_files(report_files):
    assert rdf_files([report_files[0].parent]) == report_files


def test_bad_input_is_one_store_error(tmp_path, report_files):
    built = tmp_path / "built"
    build_store(report_files[:1], built)
    with pytest.raises(StoreError, match="not an empty folder"):
        build_store(report_files[:1], built)
    broken = tmp_path / "broken.nq"
    broken.write_text("<urn:a> <urn:b> \"unterminated .\n", encoding="utf-8")
    with pytest.raises(StoreError, match="broken.nq: not valid RDF"):
        build_store([report_files[0], broken], tmp_path / "half")
    assert not (tmp_path / "half").exists()  # the half-built store is removed
    with pytest.raises(StoreError, match="no such RDF file"):
        build_store([tmp_path / "missing.nq"], tmp_path / "never")
    with pytest.raises(StoreError, match="no Oxigraph store here"):
        open_store(path=tmp_path / "empty")


def test_language_tagged_and_typed_parameters_are_escaped_literals():
    query = get("institution_profile")
    text = sparql_with_parameters(query, {"name": '局"@zh . } DELETE WHERE { ?s ?p ?o } #'})
    assert '"局\\"@zh . } DELETE WHERE { ?s ?p ?o } #"@zh' in text
    text = sparql_with_parameters(get("new_since"), get("new_since").parameters({"year": "2023"}))
    assert 'VALUES ?param_year { "2023"^^<http://www.w3.org/2001/XMLSchema#gYear> }' in text and "$" not in text


def test_cli_indexes_queries_and_reports_errors_in_one_line(tmp_path, report_files):
    runner = CliRunner()
    target = tmp_path / "kg"
    result = runner.invoke(cli, ["sparql-index", str(report_files[0].parent), "--store", str(target)], catch_exceptions=False)
    assert result.exit_code == 0 and "indexed 4 file(s)" in result.output
    result = runner.invoke(cli, ["sparql", "zone_coverage", "--store", str(target), "--format", "json"], catch_exceptions=False)
    assert result.exit_code == 0 and ZONE in {row["zone"] for row in json.loads(result.output)}
    result = runner.invoke(cli, ["sparql", "zone_coverage", "--store", str(tmp_path / "nothing")], catch_exceptions=False)
    assert result.exit_code == 1 and result.output.startswith("Error: ") and len(result.output.strip().splitlines()) == 1
    result = runner.invoke(cli, ["sparql-index", str(tmp_path / "missing.nq"), "--store", str(tmp_path / "kg2")], catch_exceptions=False)
    assert result.exit_code == 1 and "no such RDF file" in result.output
    result = runner.invoke(cli, ["sparql", "zone_coverage", "--store", str(target), "--data", str(report_files[0])], catch_exceptions=False)
    assert result.exit_code == 2


def test_the_endpoint_serves_a_disk_store_read_only(disk_store):
    server = serve([], "127.0.0.1", 0, store=disk_store)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{server.server_port}/sparql"
    try:
        query = GKG + "SELECT (COUNT(?p) AS ?n) WHERE { ?p a gkg:ObservationPoint }"
        request = urllib.request.Request(base + "?" + urllib.parse.urlencode({"query": query}), headers={"Accept": "application/sparql-results+json"})
        with urllib.request.urlopen(request, timeout=10) as response:
            assert int(json.loads(response.read())["results"]["bindings"][0]["n"]["value"]) >= 3
        update = urllib.request.Request(base, data=b"DELETE WHERE { ?s ?p ?o }", headers={"Content-Type": "application/sparql-update"})
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(update, timeout=10)
        assert refused.value.code == 403
    finally:
        server.shutdown()
        server.server_close()


def test_the_old_spellings_still_work_with_a_deprecation_note(tmp_path, report_files, monkeypatch):
    runner = CliRunner()
    target = tmp_path / "kg"
    result = runner.invoke(cli, ["sparql", "index", str(report_files[0].parent), "--store", str(target)], catch_exceptions=False)
    assert result.exit_code == 0 and "indexed 4 file(s)" in result.output
    assert "deprecated" in result.output and "govkg sparql-index" in result.output
    result = runner.invoke(cli, ["sparql", "serve"], catch_exceptions=False)  # forwarded: `serve` wants its data
    assert result.exit_code == 2 and "govkg serve" in result.output and "--data FILE" in result.output
    result = runner.invoke(cli, ["sparql", "zone_coverage", "extra.nq", "--store", str(target)], catch_exceptions=False)
    assert result.exit_code == 2


def test_a_canned_query_named_like_an_old_command_runs(tmp_path, report_files, monkeypatch):
    """`index` and `serve` are only the old commands when no canned query has the name."""
    from govkg.queries import catalog as catalogue

    runner = CliRunner()
    target = tmp_path / "kg"
    assert runner.invoke(cli, ["sparql-index", *map(str, report_files), "--store", str(target)]).exit_code == 0
    queries = dict(catalogue.catalog())
    queries["index"] = queries["zone_coverage"]
    monkeypatch.setattr(catalogue, "catalog", lambda: queries)
    result = runner.invoke(cli, ["sparql", "index", "--store", str(target), "--format", "json"], catch_exceptions=False)
    assert result.exit_code == 0 and "deprecated" not in result.output
    assert ZONE in {row["zone"] for row in json.loads(result.output)}


def test_an_interrupted_build_leaves_no_store(tmp_path, report_files):
    def interrupt_after_the_first_file(path):
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        build_store(report_files, tmp_path / "kg", progress=interrupt_after_the_first_file)
    assert not (tmp_path / "kg").exists()
