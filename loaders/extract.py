"""From a report to an :class:`~govkg.loaders.model.Extraction`: run the pipeline, then the final step.

Entity ids and statistic ids are deterministic (a hash of the canonical name), so the
same input always gives the same JSON, Turtle and graph, and the same real-world entity
named in two reports gets the same id.
"""

from __future__ import annotations

import re
from pathlib import Path

from govkg.loaders.entities import to_extraction
from govkg.loaders.gazetteer import load_gazetteer
from govkg.loaders.model import Extraction
from govkg.loaders.pipeline import build_pipeline
from govkg.loaders.script import to_simplified
from govkg.loaders.sections import find_in_sections
from govkg.loaders.text import ReportText, read_report


def extract_file(path: str | Path, model: str | None = None) -> Extraction:
    """Read and extract one report file."""
    return extract_report(read_report(path), model)


def extract_report(report: ReportText, model: str | None = None) -> Extraction:
    """Extract entities, relations and statistics from a decoded report."""
    meta = report.meta
    city = load_gazetteer().city_of(meta.region)
    # the rules read simplified characters; mentions quote the text as written (offsets agree)
    found = find_in_sections(build_pipeline(model), house_style(to_simplified(report.text)), meta.region, city, reporter=meta.reporter)
    return to_extraction(found, report)


_BRACKET_QUOTES = str.maketrans(
    {"「": "“", "」": "”", "『": "“", "』": "”", "％": "%", "．": ".", **{chr(0xFF10 + d): str(d) for d in range(10)}}
)
_TO_TRANSLATE = re.compile("[" + re.escape("".join(map(chr, _BRACKET_QUOTES))) + "]")
_ASCII_QUOTED = re.compile(r'"([^"\n]{1,60})"')


def house_style(text: str) -> str:
    """The text with other quotation styles (「」, 『』, "…") written as “…” and full-width digits as ASCII, character for character.

    The rules read this copy; offsets stay those of the original, which mentions quote.
    """
    if _TO_TRANSLATE.search(text):  # translate() costs a dictionary look-up per character
        text = text.translate(_BRACKET_QUOTES)
    return _ASCII_QUOTED.sub(lambda m: f"“{m.group(1)}”", text)
