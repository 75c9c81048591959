"""Run the benchmarks and print a table of every ratio against its target.

    python -m bench.run            small sizes, a few minutes (make bench)
    python -m bench.run --full     also 1,000 reports for the query latencies and peak RSS

Results are written as JSON to ``out/bench/`` (``GOVKG_BENCH_DIR``); docs/performance.md
quotes a run of ``--full``.
"""

from __future__ import annotations

import argparse
import logging
import time

from bench import end_to_end, extraction, memory, neo4j_load, queries
from bench.common import machine, save


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description="govkg benchmarks")
    parser.add_argument("--full", action="store_true", help="also 1,000 reports for queries and memory")
    parser.add_argument("--reports", type=int, default=100, help="reports for benchmarks 1-3 (default 100)")
    args = parser.parse_args(argv)
    logging.getLogger("jieba").setLevel(logging.WARNING)
    began = time.perf_counter()
    info = machine()
    print(f"machine: {info['nproc']} cores, {info['memory_gib']} GiB, {info['cpu']}, Python {info['python']}, {info['date']}", flush=True)
    one = extraction.main(max(args.reports, 200))
    two = end_to_end.main(args.reports)
    three = neo4j_load.main(args.reports)
    five = queries.main([100, 1000] if args.full else [100])
    six = memory.main([100, 1000] if args.full else [20, 100])
    rows = [
        ("1 extraction: full pipeline / blank zh + jieba", one["ratio"], ">= 0.5", one["verdict"]),
        ("2 end to end reports per CPU-second (one core)", two["one_core_reports_per_s"], ">= 10", two["verdict"]),
        ("2 ... the old path through an rdflib Graph, for comparison", two["rdflib_graph"]["one_core_reports_per_s"], "-", "-"),
        ("3 load_all / raw UNWIND CREATE, rows per CPU-s (lowest at batch >= 1,000)", three["vs_ceiling"], ">= 0.5", three["verdict_ceiling"]),
        ("3 load_all / one MERGE per row, rows per CPU-s (lowest of every batch size)", three["vs_naive"], ">= 10", three["verdict_naive"]),
    ]
    sizes = six["sizes"]
    for kind, ratio in six["ratio_last_vs_first"].items():
        if kind == "oxigraph":  # the in-memory store of `govkg sparql --data`: linear by design, for a few reports
            rows.append((f"6 peak RSS {sizes[-1]} / {sizes[0]} reports (in-memory oxigraph)", ratio, "- (linear)", "-"))
            continue
        target = "<= 2" if kind.startswith("neo4j") else "flat if streamed"
        rows.append((f"6 peak RSS {sizes[-1]} / {sizes[0]} reports ({kind})", ratio, target, "met" if ratio <= 2 else "not met"))
    width = max(len(r[0]) for r in rows)
    print("\n" + "benchmark".ljust(width) + "  ratio     target             verdict")
    for name, ratio, target, verdict in rows:
        print(f"{name.ljust(width)}  {ratio:<8}  {target:<17}  {verdict}")
    print(f"\n(query latencies: out/bench/queries*.json; total {time.perf_counter() - began:.0f} s)")
    summary = {"rows": [dict(zip(("benchmark", "ratio", "target", "verdict"), r)) for r in rows], "queries": five}
    save("summary", summary)
    return summary


if __name__ == "__main__":
    main()
