"""Test data in tests/data and the bundled report, each extracted once per test session."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from govkg.loaders.extract import extract_file
from govkg.loaders.model import Extraction

HERE = Path(__file__).parent
REPO = HERE.parent
SEED = REPO / "data" / "reports" / "qingpu-2024.txt"
SEED_GOLD = HERE / "data" / "gold" / "qingpu-2024.gold.json"
FIXTURES = HERE / "data" / "reports"
FIXTURE_NAMES = ["wujiang-2024", "jiashan-2023", "qingpu-2023"]


@lru_cache(maxsize=None)
def extraction(path: Path) -> Extraction:
    return extract_file(path)


def seed() -> Extraction:
    return extraction(SEED)


def fixture(name: str) -> Extraction:
    return extraction(FIXTURES / f"{name}.txt")


def gold(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def by_name(x: Extraction) -> dict[str, object]:
    return {e.name: e for e in x.entities}
