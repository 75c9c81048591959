"""Loads running at the same time, truly in parallel, against the real local Neo4j.

Each loader has its own driver (threads in one process, released at once by a barrier,
and separate `govkg load` processes); the graph they leave must be the graph one
sequential load of the same files leaves.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.soak import graph_snapshot, inconsistencies  # noqa: E402
from govkg.graph.neo4j_store import Connection, Neo4jStore, open_store  # noqa: E402
from govkg.loaders.extract import extract_report  # noqa: E402
from govkg.loaders.model import Extraction  # noqa: E402
from govkg.loaders.text import parse_report  # noqa: E402
from reports import FIXTURES, SEED, extraction  # noqa: E402

pytestmark = pytest.mark.neo4j

CORPUS = FIXTURES.parent / "corpus"
GOVKG = str(Path(sys.executable).with_name("govkg"))


@pytest.fixture(scope="module")
def connection(neo4j_server: SimpleNamespace) -> Connection:
    return Connection(neo4j_server.uri, neo4j_server.username, neo4j_server.password, neo4j_server.database)


@pytest.fixture
def store(connection: Connection) -> Iterator[Neo4jStore]:
    with open_store(connection) as opened:
        opened.ensure_schema()
        opened._driver.execute_query("MATCH (n) DETACH DELETE n", database_=connection.database)
        yield opened


@pytest.fixture(scope="module")
def reports() -> list[Extraction]:
    return [extraction(path) for path in [SEED, *sorted(FIXTURES.glob("*.txt"))]]


def _wipe(store: Neo4jStore) -> None:
    store._driver.execute_query("MATCH (n) DETACH DELETE n", database_=store.connection.database)


def _in_parallel(connection: Connection, streams: list[list[Extraction]], batch_size: int) -> list[str]:
    """Load each stream on its own driver, all starting together; return the errors."""
    barrier = threading.Barrier(len(streams))
    errors: list[str] = []

    def work(stream: list[Extraction]) -> None:
        try:
            with open_store(connection) as own:
                barrier.wait()
                errors.extend(str(r.error) for r in own.load_all(stream, batch_size=batch_size) if r.error)
        except Exception as error:  # noqa: BLE001 - reported by the assertion below
            errors.append(repr(error))

    threads = [threading.Thread(target=work, args=(stream,)) for stream in streams]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors


def _sound(store: Neo4jStore) -> None:
    assert inconsistencies(store) == dict.fromkeys(inconsistencies(store), 0)


@pytest.mark.parametrize(("loaders", "batch_size"), [(2, 10_000), (4, 10_000), (4, 300)])
def test_parallel_loads_of_overlapping_reports_equal_one_load(
    store: Neo4jStore, connection: Connection, reports: list[Extraction], loaders: int, batch_size: int
) -> None:
    for report in reports:
        store.load(report)
    expected = graph_snapshot(store)
    _wipe(store)
    # Overlapping streams: every loader has most reports, each starts at another one.
    streams = [reports[i % len(reports):] + reports[: i % len(reports)] for i in range(loaders)]
    streams[-1] = streams[-1][:-1]

    errors = _in_parallel(connection, streams, batch_size)

    assert errors == []
    assert graph_snapshot(store) == expected
    _sound(store)


def _changed(report: Extraction, path: Path) -> Extraction:
    """The report with its second half cut: a new version that no longer states some things."""
    text = path.read_text(encoding="utf-8")
    paragraphs = text.split("\n\n")
    cut = parse_report("\n\n".join(paragraphs[: max(3, len(paragraphs) // 2)]), path.name)
    changed = extract_report(cut)
    assert changed.report.id == report.report.id and changed != report
    return changed


def test_parallel_reloads_of_changed_versions_then_a_reload_equal_one_load(
    store: Neo4jStore, connection: Connection, reports: list[Extraction]
) -> None:
    """Versions that take facts away race with loads that add them; a final reload repairs nothing, it finds all well."""
    for report in reports:
        store.load(report)
    expected = graph_snapshot(store)
    changed = _changed(reports[0], SEED)
    streams = [[changed, *reports[1:]], [reports[0], *reports[1:]], [*reports[1:], changed], [reports[1], reports[0]]]

    errors = _in_parallel(connection, streams, 300)

    assert errors == []
    _sound(store)
    for report in reports:
        store.load(report)
    assert graph_snapshot(store) == expected
    _sound(store)


def test_parallel_govkg_load_processes_equal_one_load(
    store: Neo4jStore, neo4j_server: SimpleNamespace, tmp_path: Path
) -> None:
    """Four `govkg load` processes over overlapping folders, two of them with --workers 2.

    Overlaps are the same files (two files of one report would make the result depend on
    which loads last, in one process as in several).
    """
    from bench.generate import generate

    env = {**os.environ, "NEO4J_URI": neo4j_server.uri, "NEO4J_USERNAME": neo4j_server.username,
           "NEO4J_PASSWORD": neo4j_server.password, "NEO4J_DATABASE": neo4j_server.database}
    synthetic = [str(p) for p in generate(6, tmp_path / "synthetic", seed=3)]
    corpus = [str(p) for p in sorted(CORPUS.iterdir())]
    folders = [[str(CORPUS)], [*corpus[:3], *synthetic[:4]], [*synthetic, corpus[0]], [*corpus[2:], *synthetic[3:]]]
    sequential = subprocess.run([GOVKG, "load", *corpus, *synthetic], env=env, capture_output=True, text=True)
    assert sequential.returncode == 0, sequential.stderr
    expected = graph_snapshot(store)
    _wipe(store)

    processes = [
        subprocess.Popen([GOVKG, "load", *folder, *(["--workers", "2"] if i % 2 else [])], env=env,
                         stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        for i, folder in enumerate(folders)
    ]
    outputs = [(process.wait(timeout=600), process.stdout.read() if process.stdout else "") for process in processes]

    assert [code for code, _ in outputs] == [0] * len(folders), outputs
    assert not any("Traceback" in output for _, output in outputs)
    assert graph_snapshot(store) == expected
    _sound(store)


def test_a_report_changed_between_two_parallel_loads_ends_as_one_of_them(
    store: Neo4jStore, connection: Connection, reports: list[Extraction]
) -> None:
    """Two versions of one report loaded at once: the graph is exactly one version's, never a mix."""
    changed = _changed(reports[0], SEED)
    versions = []
    for version in (reports[0], changed):
        _wipe(store)
        store.load(version)
        versions.append(graph_snapshot(store))
    _wipe(store)

    errors = _in_parallel(connection, [[reports[0]], [changed], [reports[0]], [changed]], 10_000)

    assert errors == []
    assert graph_snapshot(store) in versions
    _sound(store)


def test_snapshot_tells_a_duplicate_apart(store: Neo4jStore, reports: list[Extraction]) -> None:
    """The comparison the tests above rely on sees a doubled mention and a wrong count."""
    store.load(reports[0])
    before = graph_snapshot(store)
    store._driver.execute_query(
        "MATCH (r:Report)-[m:MENTIONS]->(e) WITH r, m, e LIMIT 1 CREATE (r)-[m2:MENTIONS]->(e) SET m2 = properties(m) "
        "WITH e SET e.report_count = e.report_count + 1", database_=store.connection.database)
    assert graph_snapshot(store) != before
    found = inconsistencies(store)
    assert found["duplicate_relationships"] == 1 and found["nodes_miscounted"] == 1



def _exact_snapshot(store: Neo4jStore) -> tuple[list[dict], list[dict]]:
    """Every node and relationship with every property as stored (aliases in their stored order, evidence kept)."""
    import json

    nodes = store.run("MATCH (n) RETURN n.iri AS iri, labels(n) AS labels, properties(n) AS props ORDER BY iri")
    for node in nodes:
        node["labels"] = sorted(node["labels"])
    rels = store.run("MATCH (a)-[r]->(b) RETURN a.iri AS a, type(r) AS type, b.iri AS b, properties(r) AS props")
    rels.sort(key=lambda r: (r["a"], r["type"], r["b"], json.dumps(r["props"], sort_keys=True, ensure_ascii=False)))
    return list(nodes), list(rels)


def test_load_with_two_workers_leaves_the_graph_of_one(store: Neo4jStore, connection: Connection, tmp_path: Path) -> None:
    """`govkg load --workers 2` (two extraction processes, transactions overlapping) leaves exactly the graph of
    `--workers 1`; small batches make many transactions, each committing while the next reads."""
    from bench.generate import generate

    generate(24, tmp_path / "reports")
    env = {**os.environ, "NEO4J_URI": connection.uri, "NEO4J_USERNAME": connection.username,
           "NEO4J_PASSWORD": connection.password or "", "NEO4J_DATABASE": connection.database or "neo4j"}
    snapshots = []
    for workers in ("1", "2"):
        _wipe(store)
        done = subprocess.run([GOVKG, "load", str(tmp_path / "reports"), "--workers", workers, "--batch-size", "1200"],
                              env=env, capture_output=True, text=True, timeout=600)
        assert done.returncode == 0, done.stderr[-2000:]
        assert "loaded 24 report(s)" in done.stdout
        _sound(store)
        snapshots.append(_exact_snapshot(store))
    assert snapshots[0][0] and snapshots[0][1]
    assert snapshots[0] == snapshots[1]
