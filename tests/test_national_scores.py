"""Scores on the national fixtures (tests/data/national, and the second set tests/data/national2), pinned a little below what the rules reach,
so that no change lowers them silently. The held-out reports are scored, never tuned on.

A report the recogniser refuses scores zero, as in the fixtures' BEFORE.md. Raise the floors when the
rules improve; the figures are the macro means this test computes (``govkg evaluate`` per report gives the rows).
"""

from __future__ import annotations

import json
from pathlib import Path
from statistics import mean

import pytest

from govkg.errors import GovKGError
from govkg.loaders.evaluate import consistency_errors, score
from govkg.loaders.extract import extract_report
from govkg.loaders.text import read_report

NATIONAL = Path(__file__).parent / "data" / "national"
DEV = ["shunde-2024.txt", "shunde-2024-trad.txt", "nanle-2024.txt", "wuqing-2024.txt", "wuqing-2024-page.html",
       "linshui-2024-joint.txt", "tongcheng-2024.txt", "pinggu-2024-dept.txt"]
NATIONAL2 = Path(__file__).parent / "data" / "national2"
DEV2 = ["wuchang-2024-joint.txt", "tongyu-2024-dept.txt", "suizhong-2024-page.html", "环县2024年度法治政府建设情况报告.txt",
        "qiongzhong-2024.txt", "minhe-2024.txt"]
"""The second set (tests/data/national2), scored untouched first (its BEFORE.md), then tuned on with dev."""
HELD_OUT = ["hancheng-2024.txt", "huayuan-2024.txt", "mengla-2024.html", "weishan-2024.txt", "zhuozhou-2024.txt",
            "诏安县2024年度法治政府建设情况报告.txt", "重庆市潼南区2024年法治政府建设情况报告.txt"]

FLOORS = {
    # set, (entity P, entity R, entity F1, explicit relation P, explicit relation R, statistics R)
    "dev": (0.98, 0.97, 0.98, 0.98, 0.98, 0.97),  # measured 0.989 0.979 0.984 0.991 0.994 1.000 (2026-12-02; 2026-12-01: 0.987 0.975 0.981 0.979 0.979 1.000; session start: 0.977 0.965 0.971 0.972 0.972 1.000; previous session: 0.975 0.962 0.968 0.970 0.932 1.000; before issue 11: 0.855 0.451 0.573 0.695 0.209 0.962)
    "dev2": (0.96, 0.98, 0.97, 0.97, 0.96, 0.97),  # measured 0.971 0.990 0.981 0.975 0.966 0.993 (session start: 0.960 0.970 0.965 0.972 0.952 0.993; previous session: 0.945 0.923 0.934 0.962 0.839 0.993; untouched: 0.895 0.835 0.864 0.904 0.674 0.993, national2/BEFORE.md)
    "held-out": (0.94, 0.92, 0.93, 0.94, 0.91, 0.97),  # measured 0.948 0.930 0.939 0.945 0.916 1.000 (2026-12-02; 2026-12-01: 0.944 0.924 0.934 0.927 0.890 1.000; session start: 0.932 0.896 0.913 0.921 0.861 1.000; previous session: 0.935 0.882 0.907 0.932 0.795 1.000; the first four before: 0.894 0.511 0.650 0.758 0.285 1.000)
}


def _scores(name: str) -> tuple[dict[str, float], list[str] | None]:
    return report_scores((NATIONAL2 if name in DEV2 else NATIONAL) / name)


def report_scores(path: Path) -> tuple[dict[str, float], list[str] | None]:
    """The macro row of one report (zeros when refused) and its consistency errors (None when refused)."""
    gold = json.loads(path.with_name(f"{path.stem}.gold.json").read_text(encoding="utf-8"))
    try:
        report = read_report(path)
    except GovKGError:
        return dict.fromkeys(("eP", "eR", "eF", "rP", "rR", "sR"), 0.0), None
    extraction = extract_report(report)
    rows = {s.name: s for s in score(extraction, gold, report.text)}
    entities, relations, statistics = rows["entities"], rows["relations (explicit)"], rows["statistics"]
    return (
        {"eP": entities.precision, "eR": entities.recall, "eF": entities.f1, "rP": relations.precision, "rR": relations.recall,
         "sR": statistics.recall},
        consistency_errors(extraction, gold, report.text),
    )


@pytest.mark.parametrize("which,names", [("dev", DEV), ("dev2", DEV2), ("held-out", HELD_OUT)])
def test_macro_scores_stay_above_their_floors(which, names):
    rows = [_scores(n)[0] for n in names]
    measured = tuple(round(mean(r[k] for r in rows), 3) for k in ("eP", "eR", "eF", "rP", "rR", "sR"))
    assert all(m >= f for m, f in zip(measured, FLOORS[which])), (which, measured, FLOORS[which])


@pytest.mark.parametrize("name", DEV + DEV2 + HELD_OUT)
def test_every_planted_inconsistency_is_caught_and_nothing_else_is_flagged(name):
    _, errors = _scores(name)
    if errors is None:
        pytest.skip("refused by the recogniser (issue 11's recognition work)")
    assert errors == []
