"""Recognition on saved page openings and the national fixtures (written without reading the rules).

tests/data/pages/expected.json says, for each saved page, whether it is a report of the genre
and, if so, its title, region (written province to county) and year; the national fixtures'
gold files say the same of each full report.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from govkg.errors import InputError
from govkg.loaders.gazetteer import load_gazetteer
from govkg.loaders.text import read_report

DATA = Path(__file__).parent / "data"
PAGES = json.loads((DATA / "pages" / "expected.json").read_text(encoding="utf-8"))
NATIONAL = sorted(p for p in (DATA / "national").iterdir() if p.suffix in (".txt", ".html"))


def written_out(region: str) -> str:
    """A region as its chain of official names: 晋江市 → 福建省泉州市晋江市."""
    gazetteer = load_gazetteer()
    return "".join(p.official or p.name for p in reversed(gazetteer.chain(region)))


@pytest.mark.parametrize("page", PAGES, ids=[p["file"] for p in PAGES])
def test_saved_pages_are_recognised(page):
    path = DATA / "pages" / page["file"]
    if not page["is_report"]:
        with pytest.raises(InputError, match="not a rule-of-law government report"):
            read_report(path)
        return
    meta = read_report(path).meta
    assert (meta.title, written_out(meta.region), meta.year) == (page["title"], page["region"], page["year"])


@pytest.mark.parametrize("path", NATIONAL, ids=[p.name for p in NATIONAL])
def test_national_fixtures_metadata(path):
    gold = json.loads(path.with_name(path.name.rsplit(".", 1)[0] + ".gold.json").read_text(encoding="utf-8"))["report"]
    meta = read_report(path).meta
    assert (meta.title, written_out(meta.region), meta.year) == (gold["title"], gold["region"], gold["year"])
    if gold.get("published"):
        assert meta.published == gold["published"]
