"""Benchmark 2: extract + map + RDF without Neo4j, reports/s per core.

Each report is extracted, mapped to graph rows (``to_rows``) and written as N-Triples
to one streamed file. Measured in CPU time on one core (this process), with the stages
timed apart, and then with the whole chain in a process pool on every core (wall rate and
reports per CPU-second of workers and writer).

Serialisation is measured three ways on the same graphs: rdflib's N-Triples writer
(``govkg.graph.rdf``'s path), the same rdflib graph written by pyoxigraph, and pyoxigraph
building and writing the triples itself (no rdflib graph) — the alternative if rdflib dominates.

Target: ≥ 10 reports/s per core end to end.

    python -m bench.end_to_end [N]
"""

from __future__ import annotations

import sys
import time
from collections import defaultdict

from bench.common import OUT, corpus, save, verdict

TARGET = 10.0


def _oxigraph_from_rdflib(graph):  # noqa: ANN001, ANN202
    """rdflib triples → pyoxigraph triples."""
    import pyoxigraph as ox
    from rdflib import BNode, Literal, URIRef

    def term(t):  # noqa: ANN001, ANN202
        if isinstance(t, URIRef):
            return ox.NamedNode(str(t))
        if isinstance(t, BNode):
            return ox.BlankNode(str(t))
        if isinstance(t, Literal):
            if t.language:
                return ox.Literal(str(t), language=t.language)
            if t.datatype:
                return ox.Literal(str(t), datatype=ox.NamedNode(str(t.datatype)))
            return ox.Literal(str(t))
        raise TypeError(t)

    return [ox.Triple(term(s), term(p), term(o)) for s, p, o in graph]


class TripleSink:
    """Stands in for an rdflib Graph in ``to_graph``: keeps the triples in a list, no indexes."""

    def __init__(self) -> None:
        self.triples: list = []

    def bind(self, *args, **kwargs) -> None:  # noqa: ANN002, ANN003
        pass

    def add(self, triple) -> None:  # noqa: ANN001
        self.triples.append(triple)

    def __len__(self) -> int:
        return len(self.triples)

    def ntriples(self) -> str:
        """Each distinct triple once, as N-Triples lines (rdflib's own term escaping)."""
        return "".join(f"{s.n3()} {p.n3()} {o.n3()} .\n" for s, p, o in dict.fromkeys(self.triples))


def report_to_nt(path) -> tuple[str, float]:  # noqa: ANN001
    """One report end to end in a worker: extract, map, N-Triples text (rdflib, as govkg.graph.rdf does), CPU seconds."""
    from govkg.graph.mapping import to_rows
    from govkg.graph.rdf import to_graph
    from govkg.loaders.extract import extract_file

    began = time.process_time()
    x = extract_file(path)
    to_rows(x)
    text = to_graph(x).serialize(format="nt")
    return text, time.process_time() - began


def report_to_nt_fast(path) -> tuple[str, float]:  # noqa: ANN001
    """The same with the triple sink instead of an rdflib Graph."""
    from govkg.graph.mapping import to_rows
    from govkg.graph.rdf import to_graph
    from govkg.loaders.extract import extract_file

    began = time.process_time()
    x = extract_file(path)
    to_rows(x)
    text = to_graph(x, TripleSink()).ntriples()
    return text, time.process_time() - began


def _pool_rate(paths, fn, workers: int) -> dict:  # noqa: ANN001
    """The whole chain in ``workers`` processes, N-Triples streamed to one file: wall rate and CPU per report.

    CPU counts the workers' task time (measured in the task) and the writer's time.
    """
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    from govkg.loaders.parallel import _warm

    context = multiprocessing.get_context("forkserver")
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_warm, initargs=(None,)) as pool:
        list(pool.map(fn, paths[: workers * 2]))  # start and warm the workers
        wall, cpu, workers_cpu = time.perf_counter(), time.process_time(), 0.0
        with open(OUT / "end_to_end_parallel.nt", "w", encoding="utf-8") as sink:
            for text, seconds in pool.map(fn, paths, chunksize=4):
                sink.write(text)
                workers_cpu += seconds
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    return {"wall_reports_per_s": len(paths) / wall, "cpu_seconds": cpu + workers_cpu,
            "reports_per_cpu_second": len(paths) / (cpu + workers_cpu)}


def main(n: int = 100) -> dict:
    import pyoxigraph as ox

    from govkg.graph.mapping import to_rows
    from govkg.graph.rdf import to_graph
    from govkg.loaders.extract import extract_report
    from govkg.loaders.parallel import default_workers
    from govkg.loaders.text import read_report

    paths = corpus(n)
    extract_report(read_report(paths[0]))  # build the pipeline before timing
    to_graph(extract_report(read_report(paths[0])))
    seconds: dict[str, float] = defaultdict(float)
    triples = 0
    out = OUT / "end_to_end.nt"
    OUT.mkdir(parents=True, exist_ok=True)
    began = time.process_time()
    with open(out, "w", encoding="utf-8") as sink:
        for path in paths:
            t0 = time.process_time()
            x = extract_report(read_report(path))
            t1 = time.process_time()
            to_rows(x)
            t2 = time.process_time()
            graph = to_graph(x)
            t3 = time.process_time()
            sink.write(graph.serialize(format="nt"))
            t4 = time.process_time()
            triples += len(graph)
            seconds["extract"] += t1 - t0
            seconds["map"] += t2 - t1
            seconds["rdf_build"] += t3 - t2
            seconds["rdf_serialise"] += t4 - t3
    one_core = n / (time.process_time() - began)

    # Serialisation alternatives on the same graphs (a sample of 30 reports).
    sample = [to_graph(extract_report(read_report(p))) for p in paths[:30]]
    t = time.process_time()
    for graph in sample:
        graph.serialize(format="nt")
    rdflib_nt = (time.process_time() - t) / len(sample)
    t = time.process_time()
    for graph in sample:
        ox.serialize(_oxigraph_from_rdflib(graph), format=ox.RdfFormat.N_TRIPLES)
    oxigraph_nt = (time.process_time() - t) / len(sample)

    # The triple sink: the same to_graph, no rdflib Graph (no indexes), N-Triples by rdflib's n3() or pyoxigraph.
    t = time.process_time()
    sinks = [to_graph(extract_report(read_report(p)), TripleSink()) for p in paths[:30]]
    sink_build = (time.process_time() - t) / len(sinks)
    t = time.process_time()
    for sink in sinks:
        sink.ntriples()
    sink_nt = (time.process_time() - t) / len(sinks)
    t = time.process_time()
    for sink in sinks:
        ox.serialize(_oxigraph_from_rdflib(sink.triples), format=ox.RdfFormat.N_TRIPLES)
    sink_ox = (time.process_time() - t) / len(sinks)
    t = time.process_time()
    for p in paths[:30]:
        extract_report(read_report(p))
    extract_only = (time.process_time() - t) / 30

    # All cores: the whole chain in worker processes, one writer.
    workers = default_workers()
    all_cores = _pool_rate(paths, report_to_nt, workers)
    all_cores_fast = _pool_rate(paths, report_to_nt_fast, workers)
    one_core_fast = 1 / (sink_build + sink_nt)

    per_report_ms = {k: round(1000 * v / n, 2) for k, v in seconds.items()}
    rdf_share = (seconds["rdf_build"] + seconds["rdf_serialise"]) / sum(seconds.values())
    result = {
        "reports": n,
        "triples_per_report": round(triples / n),
        "one_core_reports_per_s": round(one_core, 1),
        "per_report_ms": per_report_ms,
        "rdf_share_of_time": round(rdf_share, 3),
        "serialise_ms_per_report": {"rdflib_nt": round(1000 * rdflib_nt, 2), "pyoxigraph_nt_from_rdflib_graph": round(1000 * oxigraph_nt, 2)},
        "sink": {
            "build_and_extract_ms_per_report": round(1000 * sink_build, 2),
            "extract_ms_per_report": round(1000 * extract_only, 2),
            "nt_rdflib_n3_ms_per_report": round(1000 * sink_nt, 2),
            "nt_pyoxigraph_ms_per_report": round(1000 * sink_ox, 2),
            "one_core_reports_per_s": round(one_core_fast, 1),
        },
        "workers": workers,
        "all_cores_wall_reports_per_s": round(all_cores["wall_reports_per_s"], 1),
        "all_cores_reports_per_cpu_second": round(all_cores["reports_per_cpu_second"], 1),
        "all_cores_sink_wall_reports_per_s": round(all_cores_fast["wall_reports_per_s"], 1),
        "all_cores_sink_reports_per_cpu_second": round(all_cores_fast["reports_per_cpu_second"], 1),
        "target_per_core": TARGET,
        "verdict": verdict(one_core, TARGET),
        "verdict_without_rdflib_graph": verdict(one_core_fast, TARGET),
    }
    save("end_to_end", result)
    print(f"[2] end to end (extract + map + N-Triples): {one_core:.1f} reports per CPU-second on one core "
          f"(target >= {TARGET}/s/core: {result['verdict']}); {workers} worker processes: "
          f"{all_cores['wall_reports_per_s']:.1f} reports/s wall, {all_cores['reports_per_cpu_second']:.1f} per CPU-second. "
          f"Per report ms {per_report_ms}: RDF is {100 * rdf_share:.0f}% of the time, mostly building the rdflib Graph "
          f"(serialising: rdflib {1000 * rdflib_nt:.1f} ms, pyoxigraph {1000 * oxigraph_nt:.1f} ms). "
          f"Without the rdflib Graph (triple sink): {one_core_fast:.1f}/CPU-s on one core ({result['verdict_without_rdflib_graph']}), "
          f"{all_cores_fast['reports_per_cpu_second']:.1f}/CPU-s in the pool")
    return result


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100)
