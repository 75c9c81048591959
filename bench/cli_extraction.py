"""Benchmark 7: whole-process extraction, ``govkg extract DIR --format json`` as a user runs it, vs a floor process.

The floor is a process that only loads ``spacy.blank("zh")`` with the jieba segmenter
(its dictionary load included) and tokenises the same texts: the least any spaCy + jieba
extractor pays, start-up included. The real command runs as a subprocess of the installed
``govkg`` script (start-up, reading, extraction, JSON serialisation, writing to a pipe).
Both run alternately ``ROUNDS`` times on the same inputs; each round's ratio is
floor time / command time, and the median ratio counts. Wall-clock and CPU seconds (user
+ system of the child, from ``wait4``) are both reported: the machine is shared, and CPU
seconds are less disturbed by other work.

Cases: a folder of ``N`` synthetic reports (seed 1, not the seed-0 corpus the rules were
tuned on), target ≥ 0.5×; one report, target: the command takes ≤ 1.3× the floor (ratio
≥ 1 / 1.3).

    python -m bench.cli_extraction [N] [--rounds R]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.common import corpus, median, save, verdict

ROUNDS = 5
TARGET_FOLDER = 0.5
TARGET_ONE = 1 / 1.3

FLOOR = """
import logging, sys
from pathlib import Path
import jieba, spacy
jieba.setLogLevel(logging.WARNING)
nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
paths = [p for arg in sys.argv[1:] for p in (sorted(Path(arg).glob("*.txt")) if Path(arg).is_dir() else [Path(arg)])]
print(sum(len(nlp.make_doc(p.read_text(encoding="utf-8"))) for p in paths))
"""
"""The floor process: spaCy + jieba loaded, every text read and tokenised, nothing else."""


def run_pair(inputs: list[str], rounds: int) -> dict[str, Any]:
    """Alternate floor and command ``rounds`` times; median ratios (floor / command) of wall and CPU seconds."""
    govkg = str(Path(sys.executable).with_name("govkg"))
    floor_command = [sys.executable, "-c", FLOOR, *inputs]
    cli_command = [govkg, "extract", *inputs, "--format", "json"]
    floors, clis = [], []
    for _ in range(rounds):
        floors.append(_measure(floor_command))
        clis.append(_measure(cli_command))
    wall = [f[0] / c[0] for f, c in zip(floors, clis)]
    cpu = [f[1] / c[1] for f, c in zip(floors, clis)]
    return {
        "floor_wall_s": [round(f[0], 3) for f in floors], "command_wall_s": [round(c[0], 3) for c in clis],
        "floor_cpu_s": [round(f[1], 3) for f in floors], "command_cpu_s": [round(c[1], 3) for c in clis],
        "ratio_wall": round(median(wall), 3), "ratio_cpu": round(median(cpu), 3),
    }


def _measure(command: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds of one run of ``command`` (CPU of the process and its children, from ``wait4``)."""
    began = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out = process.stdout
    assert out is not None
    while out.read(1 << 16):  # drain as a pipe reader would
        pass
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - began
    error = process.stderr.read() if process.stderr else b""
    if os.waitstatus_to_exitcode(status):
        raise RuntimeError(f"{' '.join(command[:3])} failed: {error.decode(errors='replace')[-500:]}")
    return wall, usage.ru_utime + usage.ru_stime


def main(n: int = 120, rounds: int = ROUNDS) -> dict[str, Any]:
    paths = corpus(n, seed=1)
    folder = paths[0].parent if len(list(paths[0].parent.glob("report-*.txt"))) == n else None
    with tempfile.TemporaryDirectory(prefix="govkg-bench-cli-") as tmp:
        if folder is None:  # a bigger corpus is there: a folder of exactly n
            folder = Path(tmp)
            for path in paths:
                (folder / path.name).symlink_to(path)
        load = os.getloadavg()
        folder_result = run_pair([str(folder)], rounds)
        one_result = run_pair([str(paths[0])], rounds)
    result = {
        "reports": n, "rounds": rounds, "load_average": [round(x, 1) for x in load],
        "folder": folder_result, "one_report": one_result,
        "verdict_folder": verdict(folder_result["ratio_wall"], TARGET_FOLDER),
        "verdict_one_report": verdict(one_result["ratio_wall"], TARGET_ONE),
    }
    for name, entry, target in (("folder of %d" % n, folder_result, TARGET_FOLDER), ("one report", one_result, TARGET_ONE)):
        print(f"[7] {name}: floor / govkg extract = {entry['ratio_wall']:.2f}x wall, {entry['ratio_cpu']:.2f}x CPU "
              f"(median of {rounds}; target >= {target:.2f}: {verdict(entry['ratio_wall'], target)}); "
              f"command {median(entry['command_wall_s']):.2f} s, floor {median(entry['floor_wall_s']):.2f} s", flush=True)
    print(f"[7] load average at the start: {result['load_average']}")
    save("cli_extraction", result)
    return result


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", nargs="?", type=int, default=120)
    parser.add_argument("--rounds", type=int, default=ROUNDS)
    arguments = parser.parse_args()
    main(arguments.n, arguments.rounds)
