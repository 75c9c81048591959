"""Benchmark 6: peak RSS of loading 100 vs 1,000 reports.

Each measurement runs in a fresh child process (its own ``VmHWM``, the peak resident set):

* ``neo4j`` — extract each report and ``store.load`` it into a local Neo4j, streaming
  (the client's peak RSS; the server's RSS is read from ``/proc/PID/status`` after the load:
  its heap and page cache are bounded by the local server's configuration);
* ``csv`` — extract and ``Neo4jCsvWriter.add`` each report (bulk-import files);
* ``oxigraph`` — the in-memory SPARQL store of the reports' N-Quads files (``govkg query --sparql``'s store).

    python -m bench.memory [N ...]        (default: 100 1000)
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.common import ROOT, corpus, local_neo4j_server, peak_rss_mib, save, wipe


def child(kind: str, n: int, uri: str = "", password: str = "") -> dict[str, Any]:
    """Runs in the child process: do the work, report the peak RSS."""
    from govkg.loaders.batch import extract_many

    paths = corpus(n)
    baseline = peak_rss_mib()
    began = time.perf_counter()
    if kind == "neo4j":
        from govkg.graph.neo4j_store import Connection, open_store

        with open_store(Connection(uri, "neo4j", password, "neo4j")) as store:
            store.ensure_schema()
            for outcome in extract_many(paths):
                if outcome.extraction is not None:
                    store.load(outcome.extraction)
    elif kind == "csv":
        from govkg.graph.neo4j_csv import Neo4jCsvWriter

        with tempfile.TemporaryDirectory() as folder, Neo4jCsvWriter(folder) as writer:
            for outcome in extract_many(paths):
                if outcome.extraction is not None:
                    writer.add(outcome.extraction)
            writer.close()
    elif kind == "oxigraph":
        from bench.queries import nquads_files
        from govkg.graph.sparql import open_store

        folder = paths[0].parent.parent / "nquads"
        files = [folder / (p.stem + ".nq") for p in paths]
        if not all(f.exists() for f in files):
            from govkg.loaders.extract import extract_file

            files = nquads_files(paths, [extract_file(p) for p in paths])
        baseline = peak_rss_mib()
        began = time.perf_counter()
        open_store(files)
    return {"kind": kind, "reports": n, "peak_rss_mib": round(peak_rss_mib(), 1),
            "rss_before_mib": round(baseline, 1), "seconds": round(time.perf_counter() - began, 1)}


def _run_child(kind: str, n: int, *extra: str) -> dict[str, Any]:
    output = subprocess.run(
        [sys.executable, "-m", "bench.memory", "--child", kind, str(n), *extra],
        cwd=ROOT, capture_output=True, text=True, check=True, timeout=1800,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def _server_rss_mib(pid: int | None) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return round(int(line.split()[1]) / 1024, 1)
    except (OSError, ValueError):
        return None
    return None


def main(sizes: list[int] | None = None) -> dict:
    from govkg.graph import local_neo4j

    sizes = sizes or [100, 1000]
    for n in sizes:
        corpus(n)  # generate outside the measurement
    results: list[dict[str, Any]] = []
    state = Path(tempfile.mkdtemp(prefix="govkg-bench-memory-"))
    with local_neo4j_server(state) as store:
        server = local_neo4j.status(state)
        for n in sizes:
            wipe(store)
            entry = _run_child("neo4j", n, store.connection.uri, local_neo4j.password(state))
            entry["server_rss_mib"] = _server_rss_mib(server.pid if server else None)
            results.append(entry)
            print(f"[6] load {n:>5} reports into Neo4j (extract + store.load, streamed): client peak RSS {entry['peak_rss_mib']} MiB "
                  f"(before the load {entry['rss_before_mib']} MiB), server RSS {entry['server_rss_mib']} MiB, {entry['seconds']} s", flush=True)
    for kind in ("csv", "oxigraph"):
        for n in sizes:
            entry = _run_child(kind, n)
            results.append(entry)
            print(f"[6] {kind:<8} {n:>5} reports: peak RSS {entry['peak_rss_mib']} MiB (before {entry['rss_before_mib']} MiB), {entry['seconds']} s", flush=True)
    import shutil

    shutil.rmtree(state, ignore_errors=True)
    by = {(e["kind"], e["reports"]): e["peak_rss_mib"] for e in results}
    ratios = {kind: round(by[(kind, sizes[-1])] / by[(kind, sizes[0])], 2) for kind in ("neo4j", "csv", "oxigraph")}
    print(f"[6] peak RSS ratio {sizes[-1]} vs {sizes[0]} reports: {ratios}")
    result = {"sizes": sizes, "runs": results, "ratio_last_vs_first": ratios}
    save("memory" if sizes == [100, 1000] else "memory-" + "-".join(map(str, sizes)), result)
    return result


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        print(json.dumps(child(sys.argv[2], int(sys.argv[3]), *sys.argv[4:])))
    else:
        main([int(a) for a in sys.argv[1:]] or None)
