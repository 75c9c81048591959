"""Macro scores of the extractor on the fixture groups, per report and per group.

The national fixtures are split as `tests/test_national_scores.py` splits them (dev: tuned on;
held-out: scored, never tuned on); `unseen`, `unseen2`, `unseen4`, `unseen7` and `unseen8` are final test sets
(never tuned on, never read by whoever writes rules); `dev3` to `dev7` tuning sets of fresh reports (rule writers may
read them; `dev5`, `dev6` and `dev7` were the final sets `unseen5`, `unseen6` and `unseen3` until sessions 12, 13 and 14
promoted them, scored first as `BEFORE.md` in their folders records);
`yangtze` the older held-out Yangtze Delta reports. A report the recogniser refuses scores zero.

    python tools/score_fixtures.py [dev] [dev2] [dev3] [dev4] [dev5] [dev6] [dev7] [held-out] [unseen] [unseen2] [unseen4] [unseen7] [unseen8] [yangtze]
"""

from __future__ import annotations

import sys
from pathlib import Path
from statistics import mean

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from test_national_scores import DEV, DEV2, HELD_OUT, NATIONAL, NATIONAL2, report_scores  # noqa: E402

COLUMNS = ("entity P", "entity R", "entity F1", "explicit relation P", "explicit relation R", "statistics R")


def groups() -> dict[str, list[Path]]:
    data = ROOT / "tests" / "data"
    return {
        "dev": [NATIONAL / n for n in DEV],
        "dev2": [NATIONAL2 / n for n in DEV2],
        "dev3": _reports(data / "dev3"),
        "dev4": _reports(data / "dev4"),
        "dev5": _reports(data / "dev5"),
        "dev6": _reports(data / "dev6"),
        "dev7": _reports(data / "dev7"),
        "held-out": [NATIONAL / n for n in HELD_OUT],
        "unseen": _reports(data / "unseen"),
        "unseen2": _reports(data / "unseen2"),
        "unseen4": _reports(data / "unseen4"),
        "unseen7": _reports(data / "unseen7"),
        "unseen8": _reports(data / "unseen8"),
        "yangtze": sorted((data / "holdout").glob("*.txt")),
    }


def _reports(folder: Path) -> list[Path]:
    """The reports of a fixture folder: every text or page that has a gold file beside it."""
    return sorted(p for p in folder.glob("*") if p.suffix in (".txt", ".html") and p.with_name(f"{p.stem}.gold.json").exists())


def report_row(path: Path) -> tuple[float, ...]:
    """The six figures of one report against its gold (zeros when refused), as the floor test computes them."""
    figures, _ = report_scores(path)
    return tuple(figures[k] for k in ("eP", "eR", "eF", "rP", "rR", "sR"))


def main(names: list[str]) -> None:
    every = groups()
    for name in names or list(every):
        rows = [(path.name, report_row(path)) for path in every[name]]
        if not rows:
            print(f"{name}: no reports with a gold file")
            continue
        for report, figures in rows:
            print(f"  {report:40s} " + "  ".join(f"{f:.3f}" for f in figures))
        means = [mean(figures[k] for _, figures in rows) for k in range(len(COLUMNS))]
        print(f"{name}: " + ", ".join(f"{c} {m:.3f}" for c, m in zip(COLUMNS, means)))


if __name__ == "__main__":
    main(sys.argv[1:])
