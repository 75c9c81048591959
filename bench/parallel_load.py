"""Benchmark 8: ``govkg load DIR --workers 2`` vs ``--workers 1``, wall time, same graph.

With ``--workers 2`` two processes extract while the command's one batched writer loads
what they have finished into Neo4j; with ``--workers 1`` the command extracts and writes
in turn. Both load ``N`` synthetic reports (seed 1) into the same fresh local server,
emptied between runs, alternating ``ROUNDS`` times; the median wall-time ratio counts
(target ≥ 1.6× on 2 cores). The server is warmed first with a full load of each kind (after a
30-report warm-up its CPU for the same load still fell by half over the next rounds: JIT), and
each run starts once the server has gone idle after the wipe (its deletions' index and GC work
would otherwise land in the next run). Each run also reports CPU seconds (the command with its
workers, reaped as a subreaper, and the server, from ``/proc``) and the load average, since on a
shared machine other work takes the cores the workers would use.

    python -m bench.parallel_load [N] [--rounds R]
"""

from __future__ import annotations

import argparse
import ctypes
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.common import corpus, local_neo4j_server, median, process_cpu_seconds, save, verdict, wipe

ROUNDS = 3
TARGET = 1.6


def _graph(store: Any) -> tuple[int, int, int]:
    row = store.run("MATCH (n) OPTIONAL MATCH (n)-[r]->() RETURN count(DISTINCT n) AS n, count(r) AS r, sum(n.report_count) AS c")[0]
    return row["n"], row["r"], row["c"]


def _become_subreaper() -> None:
    """Adopt orphaned descendants: the pool's workers are children of multiprocessing's forkserver,
    which the command does not wait for, so only a subreaper can collect their CPU seconds."""
    ctypes.CDLL(None, use_errno=True).prctl(36, 1, 0, 0, 0)  # PR_SET_CHILD_SUBREAPER


def _reap(seconds: float = 10.0) -> None:
    """Wait for every descendant of this process that ends within ``seconds`` (the server is not a child)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            time.sleep(0.1)


def settle(server_pid: int, timeout: float = 15.0, idle: float = 0.05) -> float:
    """Wait until the server uses under ``idle`` of a core over half a second (at most ``timeout`` s); the seconds waited."""
    began = time.monotonic()
    while time.monotonic() - began < timeout:
        before = process_cpu_seconds(server_pid)
        time.sleep(0.5)
        if process_cpu_seconds(server_pid) - before < idle * 0.5:
            break
    return round(time.monotonic() - began, 1)


def load(folder: Path, state: Path, workers: int, server_pid: int) -> dict[str, float]:
    """One ``govkg load``: wall seconds, CPU seconds of the command and all its descendants, of the server."""
    govkg = str(Path(sys.executable).with_name("govkg"))
    command = [govkg, "load", str(folder), "--state-dir", str(state), "--workers", str(workers)]
    server_cpu = process_cpu_seconds(server_pid)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    began = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    error = process.stderr.read() if process.stderr else b""
    status = process.wait()
    wall = time.perf_counter() - began
    _reap()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if status:
        raise RuntimeError(f"govkg load --workers {workers} failed: {error.decode(errors='replace')[-500:]}")
    command_cpu = after.ru_utime + after.ru_stime - children.ru_utime - children.ru_stime
    return {"wall_s": round(wall, 2), "command_cpu_s": round(command_cpu, 2),
            "server_cpu_s": round(process_cpu_seconds(server_pid) - server_cpu, 2), "load_average": round(os.getloadavg()[0], 1)}


def main(n: int = 200, rounds: int = ROUNDS) -> dict[str, Any]:
    paths = corpus(n, seed=1)
    state = Path(tempfile.mkdtemp(prefix="govkg-bench-parallel-"))
    runs: dict[int, list[dict[str, float]]] = {1: [], 2: []}
    graphs: dict[int, set[tuple[int, int, int]]] = {1: set(), 2: set()}
    try:
        with tempfile.TemporaryDirectory(prefix="govkg-bench-parallel-in-") as tmp, local_neo4j_server(state) as store:
            folder = Path(tmp) / "reports"
            folder.mkdir()
            for path in paths:
                (folder / path.name).symlink_to(path)
            store.ensure_schema()
            _become_subreaper()
            for workers in (1, 2):  # a cold server (JIT, query plans) would slow the first rounds only
                wipe(store)
                settle(store.server_pid)
                print(f"[8] warm-up, --workers {workers}: {load(folder, state, workers, store.server_pid)}", flush=True)
            for _ in range(rounds):
                for workers in (1, 2):
                    wipe(store)
                    waited = settle(store.server_pid)
                    runs[workers].append({**load(folder, state, workers, store.server_pid), "settled_s": waited})
                    graphs[workers].add(_graph(store))
                    print(f"[8] --workers {workers}: {runs[workers][-1]}", flush=True)
    finally:
        shutil.rmtree(state, ignore_errors=True)
    ratios = [one["wall_s"] / two["wall_s"] for one, two in zip(runs[1], runs[2])]
    cpu = [(one["command_cpu_s"] + one["server_cpu_s"]) / (two["command_cpu_s"] + two["server_cpu_s"]) for one, two in zip(runs[1], runs[2])]
    result = {"reports": n, "rounds": rounds, "runs": {str(k): v for k, v in runs.items()},
              "speedup_wall": round(median(ratios), 2), "cpu_ratio_w1_over_w2": round(median(cpu), 2),
              "same_graph": len(graphs[1] | graphs[2]) == 1, "graph": sorted(graphs[1] | graphs[2])}
    result["verdict"] = verdict(result["speedup_wall"], TARGET)
    print(f"[8] --workers 2 is {result['speedup_wall']:.2f}x faster than --workers 1 (wall, median of {rounds}; target >= {TARGET}: "
          f"{result['verdict']}); CPU seconds w1/w2 {result['cpu_ratio_w1_over_w2']:.2f}; same graph: {result['same_graph']}", flush=True)
    save("parallel_load", result)
    return result


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", nargs="?", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=ROUNDS)
    arguments = parser.parse_args()
    main(arguments.n, arguments.rounds)
