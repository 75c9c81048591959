"""Shared helpers of the benchmark scripts: corpora, a throw-away local Neo4j, timing, results."""

from __future__ import annotations

import contextlib
import json
import os
import platform
import resource
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.generate import generate  # noqa: E402

OUT = Path(os.environ.get("GOVKG_BENCH_DIR", ROOT / "out" / "bench"))
"""Where corpora and results go (``out/`` is git-ignored)."""


def corpus(n: int, seed: int = 0) -> list[Path]:
    """``n`` synthetic reports, generated once into ``OUT/corpus-SEED`` (a larger corpus serves smaller n)."""
    folder = OUT / f"corpus-{seed}"
    existing = sorted(folder.glob("report-*.txt")) if folder.exists() else []
    if len(existing) < n:
        existing = generate(n, folder, seed)
    return existing[:n]


def machine() -> dict[str, Any]:
    """nproc, memory, CPU model, Python, date."""
    cpu = "unknown"
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    memory = 0
    with contextlib.suppress(OSError):
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                memory = int(line.split()[1]) * 1024
    return {
        "nproc": len(os.sched_getaffinity(0)),
        "memory_gib": round(memory / 2**30, 1),
        "cpu": cpu,
        "python": platform.python_version(),
        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
    }


def peak_rss_mib() -> float:
    """Peak resident memory of this process so far, in MiB.

    ``VmHWM`` of /proc/self/status where there is one: ``ru_maxrss`` keeps the peak of
    the parent at fork time across ``exec``, so a child started by a big parent would
    report the parent's size.
    """
    with contextlib.suppress(OSError, ValueError):
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def percentile(values: list[float], p: float) -> float:
    """The p-th percentile (nearest rank on the sorted values)."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    k = max(0, min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1))))
    return ordered[k]


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def save(name: str, result: dict[str, Any]) -> Path:
    """Write ``OUT/NAME.json`` (with the machine) and return its path."""
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / f"{name}.json"
    path.write_text(json.dumps({"machine": machine(), **result}, ensure_ascii=False, indent=2), encoding="utf-8")
    return path


@contextlib.contextmanager
def local_neo4j_server(state: Path | None = None) -> Iterator[Any]:
    """A local Neo4j in a temporary state directory on free ports; yields an open ``Neo4jStore``."""
    from govkg.graph import local_neo4j
    from govkg.graph.neo4j_store import Connection, open_store

    owned = state is None
    state = Path(tempfile.mkdtemp(prefix="govkg-bench-neo4j-")) if state is None else state
    bolt = local_neo4j.free_port()
    http = local_neo4j.free_port()
    while http == bolt:
        http = local_neo4j.free_port()
    server = local_neo4j.start(state, bolt_port=bolt, http_port=http)
    try:
        store = open_store(Connection(server.bolt_uri, local_neo4j.USERNAME, local_neo4j.password(state), "neo4j"))
        store.server_pid = server.pid  # for process_cpu_seconds()
        try:
            yield store
        finally:
            store.close()
    finally:
        local_neo4j.stop(state)
        if owned:
            shutil.rmtree(state, ignore_errors=True)


def process_cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of a process and all its threads so far (``/proc/PID/stat``)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def wipe(store: Any) -> None:
    """Delete every relationship, then every node, in batches (a hub's DETACH DELETE can outgrow the transaction memory)."""
    for query in ("MATCH ()-[r]->() WITH r LIMIT 50000 DELETE r RETURN count(*) AS n",
                  "MATCH (n) WITH n LIMIT 50000 DELETE n RETURN count(*) AS n"):
        while True:
            records, _, _ = store._driver.execute_query(query, database_="neo4j")
            if records[0]["n"] == 0:
                break


def verdict(ratio: float, target: float) -> str:
    return "met" if ratio >= target else "not met"
