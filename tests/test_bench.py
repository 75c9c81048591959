"""The synthetic report generator of bench/: deterministic, of the genre, every entity type."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.generate import generate, report_text  # noqa: E402
from govkg.loaders.extract import extract_file  # noqa: E402

TYPES = {"Place", "Institution", "Agreement", "Document", "Mechanism", "Event", "ObservationPoint", "MediationCentre"}


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    return generate(12, tmp_path_factory.mktemp("synthetic"), seed=7)


def test_generation_is_deterministic_and_prefix_stable(reports: list[Path], tmp_path: Path) -> None:
    again = generate(5, tmp_path, seed=7)
    assert [p.read_bytes() for p in again] == [p.read_bytes() for p in reports[:5]]
    assert report_text(3, seed=8) != report_text(3, seed=7)


def test_reports_are_of_the_genre_and_size(reports: list[Path]) -> None:
    ids = set()
    for path in reports:
        text = path.read_text(encoding="utf-8")
        assert 2500 <= len(text) <= 6000
        x = extract_file(path)
        ids.add(x.report.id)
        assert {e.type for e in x.entities} == TYPES, path.name
    assert len(ids) == len(reports)


def test_shared_agreements_and_computed_percentages(reports: list[Path]) -> None:
    extractions = [extract_file(p) for p in reports]
    agreements = Counter(e.id for x in extractions for e in x.entities if e.type == "Agreement")
    assert max(agreements.values()) >= 2  # several districts sign the same agreement
    checked = [s.consistent for x in extractions for s in x.statistics if s.consistent is not None]
    assert checked.count(True) > 3 * checked.count(False) > 0


def test_too_many_reports_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        generate(10**6, tmp_path)


def test_an_answer_that_fills_its_limit_is_marked_capped() -> None:
    from bench.queries import mark_capped

    assert mark_capped({"rows": 100}, {"limit": 100, "report": ""})["capped"] is True
    assert "capped" not in mark_capped({"rows": 43}, {"limit": 100, "report": "x-2024"})
    assert "capped" not in mark_capped({"rows": 5}, {"region": "青浦区"})
    assert "capped" not in mark_capped({"error": "timeout"}, {"limit": 10})
