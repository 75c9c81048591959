"""Extraction of a short sentence of the genre, for the fast rule tests: entities, relations and statistics by name."""

from __future__ import annotations

from dataclasses import dataclass

from govkg.loaders.extract import extract_report
from govkg.loaders.model import Extraction, ReportMeta
from govkg.loaders.text import ReportText


@dataclass(frozen=True)
class Read:
    """What the rules read from one text, by canonical name."""

    extraction: Extraction

    @property
    def names(self) -> dict[str, str]:
        """Canonical name → top class, of entities the text mentions."""
        return {e.name: e.type for e in self.extraction.entities if e.mentions}

    def cls(self, name: str) -> str:
        return next(e.cls for e in self.extraction.entities if e.name == name)

    def relations(self, explicit_only: bool = True) -> set[tuple[str, str, str]]:
        """(type, source name, target name) of the relations read."""
        names = {e.id: e.name for e in self.extraction.entities}
        return {(r.type, names[r.source], names[r.target]) for r in self.extraction.relations if not (explicit_only and r.implicit)}


def read(text: str, region: str = "青浦区") -> Read:
    """Extract ``text`` as the body of a report of ``region``."""
    meta = ReportMeta(id="rule-test", title="", region=region, year=2024, published=None, source="rule-test.txt", sha256="",
                      body_kind="district government")
    return Read(extract_report(ReportText(text=text, meta=meta)))
