"""Benchmark 5: p50/p95 latency of every canned Cypher query and its SPARQL twin, at N reports.

For each size the same synthetic reports are put into

* a fresh local Neo4j, by ``neo4j-admin database import`` of ``write_import_csv`` files
  (the same graph ``store.load`` builds, see tests/test_neo4j_csv.py), then
  ``ensure_schema()`` for the constraints and indexes the queries use;
* an in-memory Oxigraph store (``govkg.graph.sparql.open_store``) of one N-Quads file
  per report (``govkg.graph.rdf.serialize([x], "nquads")``).

Each query runs with its default parameters: one warm-up run, then up to ``REPEAT`` timed
runs within ``BUDGET`` seconds. Cypher queries carry a server-side timeout and SPARQL
queries run in a forked child, so a query slower than ``TIMEOUT`` is reported as such
instead of stalling the benchmark.

    python -m bench.queries [N ...] [--cypher-only]        (default: 100 1000)

``--cypher-only`` skips the in-memory Oxigraph store (10,000 reports would not fit in memory).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Any

from bench.common import OUT, corpus, local_neo4j_server, percentile, save

REPEAT = 30
BUDGET = 10.0
"""Seconds of timed runs per query (fewer runs than REPEAT when a query is slow)."""
TIMEOUT = 60.0
"""A query still running after this many seconds is stopped and reported as a timeout."""


def _time(run: Any, repeat: int = REPEAT) -> dict[str, Any]:
    """1 warm-up run, then up to ``repeat`` runs within ``BUDGET`` seconds (at least one)."""
    run()
    times: list[float] = []
    spent = 0.0
    while len(times) < repeat and (not times or spent < BUDGET):
        began = time.perf_counter()
        run()
        times.append(1000 * (time.perf_counter() - began))
        spent += times[-1] / 1000
    return {"p50_ms": round(percentile(times, 50), 2), "p95_ms": round(percentile(times, 95), 2), "runs": len(times)}


def _forked(measure: Any) -> dict[str, Any]:
    """Run ``measure()`` in a forked child (it inherits the in-memory Oxigraph store) and stop it after TIMEOUT.

    An Oxigraph query cannot be interrupted from Python; a child process can.
    """
    import multiprocessing

    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)

    def child() -> None:
        try:
            send.send(measure())
        except Exception as error:  # noqa: BLE001
            send.send({"error": f"{type(error).__name__}: {error}"})

    process = context.Process(target=child, daemon=True)
    process.start()
    ready = receive.poll(TIMEOUT)
    result = receive.recv() if ready else {"timeout_s": TIMEOUT}
    if process.is_alive():
        process.kill()
    process.join()
    return result


def _cypher(store: Any, query: str, params: dict[str, Any]) -> int:
    """Run a read query with a server-side timeout; the number of rows."""
    from neo4j import Query

    with store._driver.session(database="neo4j", default_access_mode="READ") as session:
        return len(list(session.run(Query(query, timeout=TIMEOUT), params)))


def _fmt(entry: dict[str, Any] | None) -> str:
    if entry is None:
        return "-"
    if "timeout_s" in entry:
        return f"timeout (> {entry['timeout_s']:.0f} s)"
    if "error" in entry:
        return "error: " + entry["error"]
    p95 = f" p95 {entry['p95_ms']:>8.2f} ms" if "p95_ms" in entry else ""
    return f"p50 {entry['p50_ms']:>8.2f} ms{p95} ({entry['rows']} rows, {entry['runs']} runs)"


def nquads_files(paths: list[Path], extractions: list[Any]) -> list[Path]:
    """One N-Quads file per report, cached next to the corpus."""
    from govkg.graph.rdf import serialize

    folder = OUT / "nquads"
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for path, x in zip(paths, extractions):
        target = folder / (path.stem + ".nq")
        if not target.exists():
            target.write_text(serialize([x], "nquads"), encoding="utf-8")
        out.append(target)
    return out


def bench_size(n: int, sparql: bool = True) -> dict[str, Any]:
    import tempfile

    from govkg.graph.neo4j_csv import run_import, write_import_csv
    from govkg.graph.sparql import open_store, query_store
    from govkg.loaders.parallel import extract_parallel
    from govkg.queries.catalog import catalog, sparql_with_parameters

    paths = corpus(n)
    outcomes = [o for o in extract_parallel(paths) if o.extraction is not None]
    extractions = [o.extraction for o in outcomes]
    result: dict[str, Any] = {"reports": len(extractions), "queries": {}}

    oxigraph = None
    if sparql:
        began = time.perf_counter()
        files = nquads_files([o.path for o in outcomes], extractions)
        result["nquads_seconds"] = round(time.perf_counter() - began, 1)
        began = time.perf_counter()
        oxigraph = open_store(files)
        result["oxigraph_load_seconds"] = round(time.perf_counter() - began, 1)
        result["triples"] = len(oxigraph)

    state = Path(tempfile.mkdtemp(prefix="govkg-bench-queries-"))
    began = time.perf_counter()
    csv_files = write_import_csv(extractions, state / "csv")
    run_import(csv_files, state)
    result["neo4j_import_seconds"] = round(time.perf_counter() - began, 1)
    with local_neo4j_server(state) as store:
        store.ensure_schema()
        result["nodes"] = store.run("MATCH (n) RETURN count(n) AS n")[0]["n"]
        for name, query in catalog().items():
            params = query.parameters()
            entry: dict[str, Any] = {}
            try:
                rows = _cypher(store, query.cypher, params)
                entry["cypher"] = {**_time(lambda: _cypher(store, query.cypher, params)), "rows": rows}  # noqa: B023
            except Exception as error:  # noqa: BLE001 - a server-side timeout
                entry["cypher"] = {"error": str(error).splitlines()[0][:200]}
            if query.sparql and oxigraph is not None:
                text = sparql_with_parameters(query, params)

                def measure(text: str = text) -> dict[str, Any]:
                    began = time.perf_counter()
                    _, found = query_store(oxigraph, text)
                    if time.perf_counter() - began > TIMEOUT / 3:
                        return {"p50_ms": round(1000 * (time.perf_counter() - began), 2), "runs": 1, "rows": len(found)}
                    return {**_time(lambda: query_store(oxigraph, text)), "rows": len(found)}

                entry["sparql"] = _forked(measure)
            result["queries"][name] = entry
            print(f"[5] {n:>5} reports  {name:<32} cypher {_fmt(entry['cypher'])} | sparql {_fmt(entry.get('sparql'))}", flush=True)
    import shutil

    shutil.rmtree(state, ignore_errors=True)
    return result


def main(sizes: list[int] | None = None, sparql: bool = True) -> dict:
    sizes = sizes or [100, 1000]
    result = {"sizes": [bench_size(n, sparql) for n in sizes]}
    save("queries-" + "-".join(map(str, sizes)) + ("" if sparql else "-cypher"), result)
    return result


if __name__ == "__main__":
    arguments = sys.argv[1:]
    main([int(a) for a in arguments if a.isdigit()] or None, sparql="--cypher-only" not in arguments)
