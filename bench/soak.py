"""Soak: concurrent loaders and query clients against one local Neo4j, with a forced restart.

Bounded in time and in count, loopback only. A throw-away local server (temporary state
directory, free ports) gets ``--loaders`` processes running ``govkg load`` over
overlapping folders again and again, and ``--clients`` processes running canned
``govkg query`` questions, for ``--seconds``; half-way the server is killed (SIGKILL) and
started again. Then every folder is loaded once more and the graph must equal a clean
load of the same files into an empty database (:func:`graph_snapshot`), with counts that
agree and nothing orphaned (:func:`inconsistencies`); no client may have printed a
traceback. Errors while the server was down are expected and counted by kind.

Run ``python -m bench.soak`` from the repository root (about 4 minutes on 2 cores);
``python -m bench.soak --seconds 60`` for a short one.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.common import save, wipe  # noqa: E402

GOVKG = str(Path(sys.executable).with_name("govkg"))
EVIDENCE = ("start", "end", "text", "sentence", "implicit")
QUERIES = ("cross_border_points", "region_partners", "zone_coverage", "statistics_by_measure")


def graph_snapshot(store: Any) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Every node and relationship with its properties, independent of the order loads committed in.

    Aliases are compared as sets, and the evidence of a relation several reports state
    is left out: both are "the later load's" by design, so two serial orders of the same
    loads may differ there, and so may concurrent loads. Everything else (labels,
    properties, counts, which relationships exist and how many) must be equal.
    """
    nodes = store.run("MATCH (n) RETURN n.iri AS iri, labels(n) AS labels, properties(n) AS props ORDER BY iri")
    for node in nodes:
        node["labels"] = sorted(node["labels"])
        if "aliases" in node["props"]:
            node["props"]["aliases"] = sorted(node["props"]["aliases"])
    rels = store.run("MATCH (a)-[r]->(b) RETURN a.iri AS a, type(r) AS type, b.iri AS b, properties(r) AS props")
    for rel in rels:
        if (rel["props"].get("report_count") or 0) > 1:
            for key in EVIDENCE:
                rel["props"].pop(key, None)
    rels.sort(key=lambda r: (r["a"], r["type"], r["b"], json.dumps(r["props"], sort_keys=True, ensure_ascii=False)))
    return list(nodes), list(rels)


def inconsistencies(store: Any) -> dict[str, int]:
    """Counts that disagree with the Report nodes' lists, duplicates and orphans (all zero in a sound graph)."""
    checks = {
        "nodes_miscounted": "MATCH (r:Report) UNWIND r.stated_nodes AS key WITH key, count(*) AS listed "
                            "OPTIONAL MATCH (n) WHERE labels(n)[0] + ' ' + n.iri = key "
                            "WITH key, listed, n WHERE n IS NULL OR n.report_count <> listed RETURN count(*) AS n",
        "nodes_unlisted": "MATCH (n) WHERE NOT EXISTS { MATCH (r:Report) WHERE labels(n)[0] + ' ' + n.iri IN r.stated_nodes } "
                          "RETURN count(n) AS n",
        "relationships_miscounted": "MATCH (a)-[r]->(b) WHERE NOT type(r) IN ['MENTIONS', 'STATES'] "
                                    "WITH type(r) + ' ' + labels(a)[0] + ' ' + a.iri + ' ' + labels(b)[0] + ' ' + b.iri AS key, r "
                                    "OPTIONAL MATCH (x:Report) WHERE key IN x.stated_relationships "
                                    "WITH r, count(x) AS listed WHERE listed <> r.report_count RETURN count(*) AS n",
        "duplicate_relationships": "MATCH (a)-[r]->(b) WITH a, b, type(r) AS t, r.start AS s, count(*) AS k WHERE k > 1 "
                                   "RETURN count(*) AS n",
        "statements_without_report": "MATCH (s:Statistic) WHERE NOT (s)<-[:STATES]-(:Report) RETURN count(s) AS n",
    }
    return {name: store.run(query)[0]["n"] for name, query in checks.items()}


# -- the soak -----------------------------------------------------------------------------


def _folders(work: Path, synthetic: int, loaders: int) -> list[list[str]]:
    """Overlapping windows of report files (fixtures, the bundled report, synthetic ones), one per loader.

    Small windows of text files keep extraction short, so loaders spend their time writing.
    """
    from bench.generate import generate

    files = sorted(str(p) for p in (ROOT / "tests" / "data" / "reports").glob("*.txt"))
    files += [str(ROOT / "data" / "reports" / "qingpu-2024.txt")]
    files += [str(p) for p in generate(synthetic, work / "synthetic")]
    size = max(2, len(files) // 2)
    step = max(1, len(files) // max(1, loaders))
    return [[files[(i * step + k) % len(files)] for k in range(size)] for i in range(loaders)]


def _classify(output: str) -> str:
    if "Traceback" in output:
        return "traceback"
    if "cannot reach Neo4j" in output or "no Neo4j to talk to" in output:
        return "server unreachable"
    if "refused the credentials" in output or "locked user" in output:
        return "credentials"
    if "rolled back" in output:
        return "rolled back"
    return "other: " + (output.strip().splitlines() or ["(no output)"])[-1][:120]


class _Tally:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.runs: Counter[str] = Counter()
        self.errors: Counter[str] = Counter()
        self.samples: dict[str, str] = {}
        self.seconds: list[float] = []

    def add(self, kind: str, code: int, output: str, seconds: float) -> None:
        with self.lock:
            self.runs[kind] += 1
            if code == 0:
                self.seconds.append(seconds)
                return
            reason = _classify(output)
            self.errors[f"{kind}: {reason}"] += 1
            self.samples.setdefault(f"{kind}: {reason}", output.strip()[-400:])


def _client(args: list[str], env: dict[str, str], kind: str, tally: _Tally, stop: threading.Event, limit: int) -> None:
    for _ in range(limit):
        if stop.is_set():
            return
        began = time.monotonic()
        done = subprocess.run([GOVKG, *args], env=env, capture_output=True, text=True, check=False)
        tally.add(kind, done.returncode, done.stdout + done.stderr, time.monotonic() - began)


def soak(seconds: float = 180.0, loaders: int = 4, clients: int = 4, synthetic: int = 8, max_runs: int = 60) -> dict[str, Any]:
    """Run the soak and return its figures (raises AssertionError if the final graph is wrong)."""
    from govkg.graph import local_neo4j
    from govkg.graph.neo4j_store import Connection, open_store

    work = Path(tempfile.mkdtemp(prefix="govkg-soak-"))
    state = work / "neo4j"
    bolt, http = local_neo4j.free_port(), local_neo4j.free_port()
    while http == bolt:
        http = local_neo4j.free_port()
    env = {**os.environ, "GOVKG_NEO4J_HOME": str(state)}
    env.pop("NEO4J_URI", None)
    env.pop("NEO4J_PASSWORD", None)
    result: dict[str, Any] = {"seconds": seconds, "loaders": loaders, "clients": clients}
    try:
        folders = _folders(work, synthetic, loaders)
        server = local_neo4j.start(state, bolt_port=bolt, http_port=http)
        secret = local_neo4j.password(state)
        tally, stop = _Tally(), threading.Event()
        threads = []
        for i in range(loaders):
            extra = ["--workers", "2"] if i % 2 else ["--batch-size", str(random.Random(i).choice([300, 10_000]))]
            threads.append(threading.Thread(target=_client, args=(["load", *folders[i], *extra], env, "load",
                                                                  tally, stop, max_runs)))
        for i in range(clients):
            query = QUERIES[i % len(QUERIES)]
            threads.append(threading.Thread(target=_client, args=(["query", query, "--format", "json"], env, "query",
                                                                  tally, stop, max_runs * 10)))
        began = time.monotonic()
        for thread in threads:
            thread.start()
        time.sleep(seconds / 2)
        assert server.pid is not None
        os.kill(server.pid, signal.SIGKILL)  # the forced restart: no clean shutdown
        killed = time.monotonic()
        while local_neo4j.status(state) is not None:  # (status reaps the dead process)
            time.sleep(0.1)
        server = local_neo4j.start(state, bolt_port=bolt, http_port=http)
        result["restart_seconds"] = round(time.monotonic() - killed, 1)
        time.sleep(max(0.0, seconds - (time.monotonic() - began)))
        stop.set()
        for thread in threads:
            thread.join()
        result["soak_seconds"] = round(time.monotonic() - began, 1)
        result["runs"] = dict(tally.runs)
        result["errors"] = dict(tally.errors)
        result["error_samples"] = tally.samples
        # A final reload, then compare with a clean load of the same files into an empty database.
        everything = sorted({path for folder in folders for path in folder})
        final = subprocess.run([GOVKG, "load", *everything], env=env, capture_output=True, text=True, check=False)
        assert final.returncode == 0, final.stdout + final.stderr
        with open_store(Connection(server.bolt_uri, local_neo4j.USERNAME, secret, "neo4j")) as store:
            after_soak = graph_snapshot(store)
            result["inconsistencies_after_soak"] = inconsistencies(store)
            wipe(store)
        clean = subprocess.run([GOVKG, "load", *everything], env=env, capture_output=True, text=True, check=False)
        assert clean.returncode == 0, clean.stdout + clean.stderr
        with open_store(Connection(server.bolt_uri, local_neo4j.USERNAME, secret, "neo4j")) as store:
            clean_load = graph_snapshot(store)
        result["nodes"], result["relationships"] = len(clean_load[0]), len(clean_load[1])
        result["equals_clean_load"] = after_soak == clean_load
        result["tracebacks"] = sum(n for kind, n in tally.errors.items() if kind.endswith("traceback"))
    finally:
        local_neo4j.stop(state)
        shutil.rmtree(work, ignore_errors=True)
    return result


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=180.0, help="Length of the concurrent phase (the restart is half-way).")
    parser.add_argument("--loaders", type=int, default=4)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--synthetic", type=int, default=8, help="Synthetic reports besides the test corpus.")
    parser.add_argument("--max-runs", type=int, default=60, help="At most this many loads per loader (ten times as many queries per client).")
    args = parser.parse_args(argv)
    result = soak(args.seconds, args.loaders, args.clients, args.synthetic, args.max_runs)
    path = save("soak", result)
    print(json.dumps(result, ensure_ascii=False, indent=2))
    print(f"saved {path}", file=sys.stderr)
    ok = result["equals_clean_load"] and not result["tracebacks"] and not any(result["inconsistencies_after_soak"].values())
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
