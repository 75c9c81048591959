"""Benchmark 8: ``govkg load DIR --workers 2`` vs ``--workers 1``, wall time, same graph.

With ``--workers 2`` two processes extract while the command's one batched writer loads
what they have finished into Neo4j; with ``--workers 1`` the command extracts and writes
in turn. Both load ``N`` synthetic reports (seed 1) into the same fresh local server,
emptied between runs, alternating ``ROUNDS`` times; the median wall-time ratio counts
(target ≥ 1.6× on 2 cores). The server is warmed first until it is stable: the same reports
loaded in this process (``load_all``) and wiped until a pass's server CPU falls by less than
10 % (its CPU for the same load fell by a factor of 5 over the first six ``govkg load`` runs:
JIT), then one ``govkg load`` of each kind. Each run starts once the server has gone idle after
the wipe (its deletions' index and GC work would otherwise land in the next run). Each run also reports CPU seconds (the command with its
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
import threading
import time
from pathlib import Path
from typing import Any

from bench.common import corpus, local_neo4j_server, median, process_cpu_seconds, save, verdict, wipe

ROUNDS = 3
WARM_UP_PASSES = 12
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


def warm_up(store: Any, paths: list[Path], most: int = WARM_UP_PASSES) -> None:
    """Load and wipe the reports until a pass's server CPU falls by less than 10 % (at least 3, at most ``most`` passes)."""
    from govkg.loaders.batch import extract_many

    # in this process: a pool would leave its fork server a child of this one, and _reap() would wait for it
    extractions = [o.extraction for o in extract_many(paths) if o.extraction is not None]
    previous = None
    for attempt in range(most):
        wipe(store)
        settle(store.server_pid)
        before = process_cpu_seconds(store.server_pid)
        list(store.load_all(extractions))
        spent = process_cpu_seconds(store.server_pid) - before
        print(f"[8] warm-up pass {attempt + 1}: server CPU {spent:.2f} s", flush=True)
        if attempt >= 2 and previous is not None and spent > 0.9 * previous:
            break
        previous = spent


def _stat(pid: int) -> tuple[int, float] | None:
    """Parent pid and CPU seconds so far of a process, or None if it is gone."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = text[text.rindex(")") + 2:].split()
    return int(fields[1]), (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


class TreeSampler:
    """Samples, every ``interval`` s, the CPU seconds of every process this one starts, each with its role.

    Only processes that appear after the sampler starts count (not the Neo4j server, an older
    child). A process keeps its last sample (what it used in its last ``interval`` before exiting
    is missed; the exact total of the reaped tree is the rusage beside). ``first_worker_s`` is
    when the first process forked by the pool's fork server appeared: the start-up before any
    worker could extract; ``cpu_before_worker`` the CPU seconds (those processes + the server)
    spent by then.
    """

    def __init__(self, server_pid: int, interval: float = 0.05) -> None:
        self.root, self.server_pid, self.interval = os.getpid(), server_pid, interval
        self.cpu: dict[int, float] = {}
        self.parent: dict[int, int] = {}
        self.cmdline: dict[int, bytes] = {}
        self.first_worker_s: float | None = None
        self.cpu_before_worker: float | None = None
        self._older = {int(name) for name in os.listdir("/proc") if name.isdigit()}
        self._server = process_cpu_seconds(server_pid)
        self._began = time.perf_counter()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            self._sample()

    def _sample(self) -> None:
        seen = {pid: stat for name in os.listdir("/proc")
                if name.isdigit() and (pid := int(name)) not in self._older and (stat := _stat(pid))}
        # known processes stay ours after their parent exits (they are re-parented to this subreaper)
        ours = set(self.parent) | {self.root}
        grew = True
        while grew:
            new = [pid for pid, (parent, _) in seen.items() if pid not in ours and parent in ours]
            for pid in new:
                self.parent[pid] = seen[pid][0]
            ours.update(new)
            grew = bool(new)
        for pid in ours & seen.keys() - {self.root}:
            self.cpu[pid] = seen[pid][1]
            if b"forkserver" not in self.cmdline.get(pid, b""):  # read again until exec has given it its own
                try:
                    self.cmdline[pid] = Path(f"/proc/{pid}/cmdline").read_bytes()
                except OSError:
                    pass
        if self.first_worker_s is None and any(self.role(pid) == "worker" for pid in self.parent):
            self.first_worker_s = time.perf_counter() - self._began
            self.cpu_before_worker = sum(self.cpu.values()) + process_cpu_seconds(self.server_pid) - self._server

    def role(self, pid: int) -> str:
        """command (``govkg load``), fork server, worker (forked by the fork server), resource tracker or other."""
        parent = self.parent.get(pid)
        if parent == self.root:
            return "command"
        if parent is not None and self.role(parent) == "fork server":
            return "worker"
        cmdline = self.cmdline.get(pid, b"")
        return "fork server" if b"forkserver" in cmdline else "resource tracker" if b"resource_tracker" in cmdline else "other"

    def stop(self) -> dict[str, list[float]]:
        """CPU seconds of each process seen, by role."""
        self._stop.set()
        self._thread.join()
        by_role: dict[str, list[float]] = {}
        for pid, cpu in sorted(self.cpu.items()):
            by_role.setdefault(self.role(pid), []).append(round(cpu, 2))
        return by_role


def load(folder: Path, state: Path, workers: int, server_pid: int) -> dict[str, Any]:
    """One ``govkg load``: wall seconds, CPU seconds of the command and all its descendants (in total and
    per process), of the server, the cores busy on average, and when the first worker appeared."""
    govkg = str(Path(sys.executable).with_name("govkg"))
    command = [govkg, "load", str(folder), "--state-dir", str(state), "--workers", str(workers)]
    server_cpu = process_cpu_seconds(server_pid)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    sampler = TreeSampler(server_pid)
    began = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    error = process.stderr.read() if process.stderr else b""
    status = process.wait()
    wall = time.perf_counter() - began
    server = process_cpu_seconds(server_pid) - server_cpu
    _reap()
    per_process = sampler.stop()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if status:
        raise RuntimeError(f"govkg load --workers {workers} failed: {error.decode(errors='replace')[-500:]}")
    command_cpu = after.ru_utime + after.ru_stime - children.ru_utime - children.ru_stime
    return {"wall_s": round(wall, 2), "command_cpu_s": round(command_cpu, 2), "server_cpu_s": round(server, 2),
            "cores_busy": round((command_cpu + server) / wall, 2), "per_process_cpu_s": per_process,
            "first_worker_s": None if sampler.first_worker_s is None else round(sampler.first_worker_s, 2),
            "cpu_before_worker_s": None if sampler.cpu_before_worker is None else round(sampler.cpu_before_worker, 2),
            "load_average": round(os.getloadavg()[0], 1)}


def two_core_bound(one: dict[str, Any], two: dict[str, Any], cores: int = 2) -> dict[str, float]:
    """The best ``--workers 2`` wall on ``cores`` idle cores, and the best ratio it allows, from measured work.

    Whatever the scheduling, ``--workers 2`` cannot end before (a) its start-up (until the first
    worker exists; the fork server loads the pipeline on one core) plus the rest of the work spread
    over all cores, nor (b) all the work spread over all cores. The work is the smaller of the two
    runs' CPU seconds (tree + server: both load the same reports), so the bound is generous:
    ratio ≤ wall₁ / max(start + (work − start's CPU) / cores, work / cores).
    """
    work = min(one["command_cpu_s"] + one["server_cpu_s"], two["command_cpu_s"] + two["server_cpu_s"])
    start, start_cpu = two.get("first_worker_s") or 0.0, two.get("cpu_before_worker_s") or 0.0
    best = max(start + max(work - start_cpu, 0.0) / cores, work / cores)
    return {"best_w2_wall_s": round(best, 2), "ratio_bound": round(one["wall_s"] / best, 2),
            "ratio_bound_no_start": round(one["wall_s"] / (work / cores), 2)}


def main(n: int = 200, rounds: int = ROUNDS) -> dict[str, Any]:
    paths = corpus(n, seed=1)
    state = Path(tempfile.mkdtemp(prefix="govkg-bench-parallel-"))
    runs: dict[int, list[dict[str, Any]]] = {1: [], 2: []}
    graphs: dict[int, set[tuple[int, int, int]]] = {1: set(), 2: set()}
    try:
        with tempfile.TemporaryDirectory(prefix="govkg-bench-parallel-in-") as tmp, local_neo4j_server(state) as store:
            folder = Path(tmp) / "reports"
            folder.mkdir()
            for path in paths:
                (folder / path.name).symlink_to(path)
            store.ensure_schema()
            warm_up(store, paths)
            _become_subreaper()
            for workers in (1, 2):
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
                bound = two_core_bound(runs[1][-1], runs[2][-1])
                print(f"[8] round {len(runs[1])}: ratio {runs[1][-1]['wall_s'] / runs[2][-1]['wall_s']:.2f}x, on 2 idle cores at most "
                      f"{bound['ratio_bound']:.2f}x (--workers 2 >= {bound['best_w2_wall_s']:.2f} s; "
                      f"{bound['ratio_bound_no_start']:.2f}x without the start-up); --workers 1 kept "
                      f"{runs[1][-1]['cores_busy']:.2f} cores busy", flush=True)
    finally:
        shutil.rmtree(state, ignore_errors=True)
    ratios = [one["wall_s"] / two["wall_s"] for one, two in zip(runs[1], runs[2])]
    cpu = [(one["command_cpu_s"] + one["server_cpu_s"]) / (two["command_cpu_s"] + two["server_cpu_s"]) for one, two in zip(runs[1], runs[2])]
    bounds = [two_core_bound(one, two) for one, two in zip(runs[1], runs[2])]
    result = {"reports": n, "rounds": rounds, "runs": {str(k): v for k, v in runs.items()}, "bounds": bounds,
              "ratio_bound_max": max(b["ratio_bound"] for b in bounds) if bounds else None,
              "speedup_wall": round(median(ratios), 2), "cpu_ratio_w1_over_w2": round(median(cpu), 2),
              "same_graph": len(graphs[1] | graphs[2]) == 1, "graph": sorted(graphs[1] | graphs[2])}
    result["verdict"] = verdict(result["speedup_wall"], TARGET)
    print(f"[8] --workers 2 is {result['speedup_wall']:.2f}x faster than --workers 1 (wall, median of {rounds}; target >= {TARGET}: "
          f"{result['verdict']}); CPU seconds w1/w2 {result['cpu_ratio_w1_over_w2']:.2f}; on 2 idle cores at most "
          f"{result['ratio_bound_max']}x in the best round; same graph: {result['same_graph']}", flush=True)
    print(f"VERDICT issue 15 (parallel load): {result['verdict'].upper()} - --workers 2 {result['speedup_wall']:.2f}x faster "
          f"than --workers 1 over {n} reports (median of {rounds} rounds {[round(r, 2) for r in ratios]}; target >= {TARGET}); "
          f"same graph: {result['same_graph']}; load average at the end {os.getloadavg()[0]:.1f}", flush=True)
    save("parallel_load", result)
    return result


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", nargs="?", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=ROUNDS)
    arguments = parser.parse_args()
    main(arguments.n, arguments.rounds)
