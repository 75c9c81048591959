"""The fast tier: each rule family read on short sentences of the genre (a few seconds in all).

``read(text)`` runs the default pipeline on ``text`` as a report of ``region`` and returns
what the rules wrote, so a test names the family and the words it reads.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest

from govkg.loaders.pipeline import build_pipeline, run
from govkg.loaders.rules.base import Candidate, RelationRecord
from govkg.loaders.rules.component import candidates, readings, relations
from govkg.loaders.rules.statistics import FoundStatistic


@dataclass(frozen=True)
class Reading:
    """What the rules wrote on one text."""

    text: str
    candidates: tuple[Candidate, ...]
    standing: tuple[Candidate, ...]
    relations: tuple[RelationRecord, ...]
    statistics: tuple[FoundStatistic, ...]

    def found(self, rule: str | None = None, type_: str | None = None) -> dict[str, Candidate]:
        """Standing candidates by canonical name, of one rule (prefix) and/or type."""
        return {
            c.canonical: c for c in self.standing
            if (rule is None or c.rule.startswith(rule)) and (type_ is None or c.type == type_)
        }

    def triples(self, type_: str | None = None, implicit: bool | None = None) -> set[tuple[str, str, str]]:
        return {
            (str(r.type), r.source, r.target) for r in self.relations
            if (type_ is None or r.type == type_) and (implicit is None or r.implicit == implicit)
        }


@pytest.fixture(scope="session")
def read() -> Callable[..., Reading]:
    nlp = build_pipeline()

    def reading(text: str, region: str = "青浦区", city: str | None = "上海市", reporter: str | None = None) -> Reading:
        doc = run(nlp, text, region, city, reporter)
        return Reading(text, candidates(doc), tuple(readings(doc)), relations(doc), tuple(doc._.govkg_statistics))

    return reading
