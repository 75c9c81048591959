"""Benchmark 6: peak RSS of loading 100 vs 1,000 (or 10,000) reports.

Each measurement runs in a fresh child process:

* ``neo4j`` — the real command, ``govkg load FOLDER --workers 2``, into a local Neo4j; its
  process tree (the command and its extraction workers) is sampled with psutil every
  0.2 s for the peak of the command's own RSS and of the tree's total (the server's RSS
  is read after the load: its heap and page cache are bounded by the local server's
  configuration);
* ``csv`` — extract and ``Neo4jCsvWriter.add`` each report (bulk-import files);
* ``oxigraph`` — the in-memory SPARQL store of the reports' N-Quads files (``govkg sparql --data``'s
  store; the on-disk store of ``govkg sparql index`` is measured by ``bench.queries``).

    python -m bench.memory [N ...]        (default: 100 1000)
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.common import ROOT, corpus, local_neo4j_server, peak_rss_mib, save, wipe


def child(kind: str, n: int) -> dict[str, Any]:
    """Runs in the child process: do the work, report the peak RSS."""
    from govkg.loaders.batch import extract_many

    paths = corpus(n)
    baseline = peak_rss_mib()
    began = time.perf_counter()
    if kind == "csv":
        from govkg.graph.neo4j_csv import Neo4jCsvWriter

        with tempfile.TemporaryDirectory() as folder, Neo4jCsvWriter(folder) as writer:
            for outcome in extract_many(paths):
                if outcome.extraction is not None:
                    writer.add(outcome.extraction)
            writer.close()
    elif kind == "oxigraph":
        from bench.queries import code_fingerprint, nquads_files
        from govkg.graph.sparql import open_store
        from govkg.loaders.extract import extract_file

        fingerprint = code_fingerprint()
        try:
            files = nquads_files(paths, None, fingerprint)
        except RuntimeError:  # not cached yet
            files = nquads_files(paths, [extract_file(p) for p in paths], fingerprint)
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


def load_command(n: int, uri: str, password: str, workers: int = 2) -> dict[str, Any]:
    """Run ``govkg load`` on ``n`` reports and sample its process tree's RSS until it exits."""
    import os

    import psutil

    folder = ROOT / "out" / "bench" / f"links-{n}"
    if not folder.exists() or len(list(folder.iterdir())) != n:
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        for path in corpus(n):
            (folder / path.name).symlink_to(path.resolve())
    env = {**os.environ, "NEO4J_URI": uri, "NEO4J_USERNAME": "neo4j", "NEO4J_PASSWORD": password, "NEO4J_DATABASE": "neo4j"}
    command = [str(Path(sys.executable).with_name("govkg")), "load", str(folder), "--workers", str(workers)]
    began = time.perf_counter()
    process = psutil.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    peak_main = peak_tree = 0.0
    while process.poll() is None:
        try:
            main = process.memory_info().rss
            tree = main + sum(c.memory_info().rss for c in process.children(recursive=True))
        except psutil.Error:
            continue
        peak_main, peak_tree = max(peak_main, main / 2**20), max(peak_tree, tree / 2**20)
        time.sleep(0.2)
    output = process.stdout.read() if process.stdout else ""
    if process.returncode != 0:
        raise RuntimeError(f"govkg load failed: {output[-500:]}")
    return {"kind": "neo4j", "reports": n, "workers": workers, "peak_rss_mib": round(peak_main, 1),
            "peak_tree_rss_mib": round(peak_tree, 1), "seconds": round(time.perf_counter() - began, 1),
            "summary": [line for line in output.splitlines() if line.startswith(("loaded", "nodes"))]}


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
            entry = load_command(n, store.connection.uri, local_neo4j.password(state))
            entry["server_rss_mib"] = _server_rss_mib(server.pid if server else None)
            results.append(entry)
            print(f"[6] govkg load {n:>5} reports --workers 2: peak RSS {entry['peak_rss_mib']} MiB (with its workers "
                  f"{entry['peak_tree_rss_mib']} MiB), server RSS {entry['server_rss_mib']} MiB, {entry['seconds']} s", flush=True)
    for kind in ("csv", "oxigraph"):
        for n in sizes:
            if kind == "oxigraph" and n > 1000:
                continue  # in memory: ~420 bytes a triple, 10,000 reports would need ~15 GiB
            entry = _run_child(kind, n)
            results.append(entry)
            print(f"[6] {kind:<8} {n:>5} reports: peak RSS {entry['peak_rss_mib']} MiB (before {entry['rss_before_mib']} MiB), {entry['seconds']} s", flush=True)
    shutil.rmtree(state, ignore_errors=True)
    by = {(e["kind"], e["reports"]): e["peak_rss_mib"] for e in results}
    ratios = {kind: round(by[(kind, sizes[-1])] / by[(kind, sizes[0])], 2)
              for kind in ("neo4j", "csv", "oxigraph") if (kind, sizes[-1]) in by}
    trees = {e["reports"]: e["peak_tree_rss_mib"] for e in results if e["kind"] == "neo4j"}
    ratios["neo4j_with_workers"] = round(trees[sizes[-1]] / trees[sizes[0]], 2)
    print(f"[6] peak RSS ratio {sizes[-1]} vs {sizes[0]} reports: {ratios}")
    result = {"sizes": sizes, "runs": results, "ratio_last_vs_first": ratios}
    save("memory" if sizes == [100, 1000] else "memory-" + "-".join(map(str, sizes)), result)
    return result


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        print(json.dumps(child(sys.argv[2], int(sys.argv[3]), *sys.argv[4:])))
    else:
        main([int(a) for a in sys.argv[1:]] or None)
