"""`govkg load` against the real local Neo4j: summaries, exit codes, one-line errors."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from govkg.cli import cli
from govkg.graph.local_neo4j import free_port
from reports import FIXTURES, SEED

pytestmark = pytest.mark.neo4j


def load(neo4j_server, *args: str, password: str | None = None):
    env = {"NEO4J_URI": neo4j_server.uri, "NEO4J_USERNAME": neo4j_server.username,
           "NEO4J_PASSWORD": password or neo4j_server.password, "NEO4J_DATABASE": neo4j_server.database}
    return CliRunner().invoke(cli, ["load", *args], env=env)


@pytest.fixture
def empty_database(neo4j_server):
    """The session server with nothing in it (other test files load reports too)."""
    from neo4j import GraphDatabase

    with GraphDatabase.driver(neo4j_server.uri, auth=neo4j_server.auth) as driver:
        driver.execute_query("MATCH (n) DETACH DELETE n", database_=neo4j_server.database)
    return neo4j_server


def test_load_prints_a_summary_and_is_idempotent(empty_database):
    neo4j_server = empty_database
    first = load(neo4j_server, str(SEED))
    assert first.exit_code == 0, first.output
    assert "loaded 1 report(s)" in first.output and "ObservationPoint 3" in first.output
    second = load(neo4j_server, str(SEED))
    assert second.exit_code == 0
    assert first.output.splitlines()[-1] == second.output.splitlines()[-1]


def test_a_bad_report_is_skipped_and_the_rest_load(neo4j_server, tmp_path):
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    result = load(neo4j_server, str(bad), str(FIXTURES / "wujiang-2024.txt"))
    assert result.exit_code == 1
    assert "loaded 1 report(s)" in result.output and "empty" in result.output and "1 of 2 report(s) failed" in result.output


def test_server_down_is_one_line_naming_the_uri():
    uri = f"bolt://127.0.0.1:{free_port()}"
    result = CliRunner().invoke(cli, ["load", str(SEED), "--uri", uri, "--password", "whatever1"])
    assert result.exit_code == 1 and "Traceback" not in result.output
    errors = [line for line in result.output.splitlines() if line.startswith("Error")]
    assert len(errors) == 1 and uri in errors[0] and "govkg neo4j start" in errors[0]


def test_wrong_password_is_an_auth_error_without_the_password(neo4j_server):
    result = load(neo4j_server, str(SEED), password="not-the-password")
    assert result.exit_code == 1 and "credentials" in result.output
    assert "not-the-password" not in result.output


def test_a_folder_loads_into_one_graph_and_bad_files_are_reported(neo4j_server):
    from govkg.graph.neo4j_store import Connection, open_store

    corpus = FIXTURES.parent / "corpus"
    bad = FIXTURES.parent / "bad"
    result = load(neo4j_server, str(corpus), str(bad))
    assert result.exit_code == 1
    assert "loaded 5 report(s)" in result.output
    for reason in ("the file is empty", "binary file", "truncated or corrupt PDF", "no text layer", "no article text", "not a rule-of-law"):
        assert reason in result.output, reason
    with open_store(Connection(neo4j_server.uri, neo4j_server.username, neo4j_server.password, neo4j_server.database)) as store:
        (row,) = store.run("MATCH (r:Report) WHERE r.source IN $sources RETURN count(r) AS reports, collect(DISTINCT r.year) AS years, "
                           "count(DISTINCT r.region) AS regions", sources=[p.name for p in corpus.iterdir()])
    assert row["reports"] == 5 and sorted(row["years"]) == [2023, 2024] and row["regions"] >= 3
