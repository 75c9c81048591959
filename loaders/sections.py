"""Long texts through the pipeline in sections, so every text up to the input limit is extracted.

A report is a few tens of thousands of characters, but a file may hold far more (a
year's reports pasted together, a compendium): spaCy refuses a Doc past
``nlp.max_length`` (E088), and several rules compare candidates pairwise, so one huge
Doc would cost hours. Texts longer than :data:`SECTION_CHARS` are cut at paragraph
breaks (failing that at sentence ends, failing that anywhere) and each section runs
through the pipeline on its own; offsets are shifted back to the whole text. A text
that fits in one section takes exactly the single-Doc path.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field

from spacy.language import Language

from govkg.loaders.pipeline import run
from govkg.loaders.rules.base import Candidate, RelationRecord
from govkg.loaders.rules.component import readings, relations as relation_records
from govkg.loaders.rules.statistics import FoundStatistic

SECTION_CHARS = 100_000
"""Characters per section: far past any one report, far below spaCy's ``max_length`` (1,000,000)."""

_SENTENCE_END = re.compile("[。！？；!?;]")


@dataclass
class Found:
    """What the rule components found in a text, with offsets into the whole text."""

    candidates: list[Candidate] = field(default_factory=list)
    relations: list[RelationRecord] = field(default_factory=list)
    statistics: list[FoundStatistic] = field(default_factory=list)
    ancestors: list[str] = field(default_factory=list)


def section_bounds(text: str, size: int = SECTION_CHARS) -> list[tuple[int, int]]:
    """``(start, end)`` of consecutive sections of at most ``size`` characters covering ``text``.

    A cut falls after the last paragraph break (blank line, then line end) in the second
    half of the window, else after the last sentence end there, else at ``size``.
    """
    if size < 2:
        raise ValueError(f"size must be at least 2, not {size}")
    bounds, start = [], 0
    while len(text) - start > size:
        window_end = start + size
        floor = start + size // 2
        cut = text.rfind("\n\n", floor, window_end) + 2
        if cut < 2:
            cut = text.rfind("\n", floor, window_end) + 1
        if cut < 1:
            ends = [m.end() for m in _SENTENCE_END.finditer(text, floor, window_end)]
            cut = ends[-1] if ends else window_end
        bounds.append((start, cut))
        start = cut
    bounds.append((start, len(text)))
    return bounds


def find_in_sections(nlp: Language, text: str, region: str, city: str | None, size: int = SECTION_CHARS,
                     reporter: str | None = None) -> Found:
    """Run the pipeline over ``text`` section by section and gather what the rules found."""
    found = Found()
    ancestors: set[str] = set()
    for start, end in section_bounds(text, size):
        doc = run(nlp, text[start:end], region, city, reporter)
        candidates = readings(doc)
        statistics = list(doc._.govkg_statistics or [])
        relations = list(relation_records(doc))
        if start:
            candidates = [dataclasses.replace(c, start=c.start + start, end=c.end + start) for c in candidates]
            for statistic in statistics:
                statistic.start += start
                statistic.end += start
                statistic.number_start += start
            relations = [dataclasses.replace(r, start=r.start + start, end=r.end + start) for r in relations]
        found.candidates += candidates
        found.statistics += statistics
        found.relations += relations
        ancestors.update(doc._.govkg_implied_places or [])
    found.ancestors = sorted(ancestors)
    return found
