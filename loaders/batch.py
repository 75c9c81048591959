"""Many reports at once: expand folders, extract each, keep going past bad files."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from govkg.errors import GovKGError
from govkg.loaders.formats import SUFFIXES as REPORT_SUFFIXES
from govkg.loaders.model import Extraction
from govkg.loaders.text import Hints


@dataclass(frozen=True)
class Outcome:
    """One file's result: an extraction, or the error that stopped it."""

    path: Path
    extraction: Extraction | None = None
    error: str | None = None


def report_files(paths: Iterable[str | Path]) -> list[Path]:
    """The files named, with folders expanded to the report files inside them (sorted)."""
    out: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            out.extend(sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in REPORT_SUFFIXES))
        else:
            out.append(path)
    return out


def extract_many(paths: Iterable[Path], model: str | None = None, hints: Hints | None = None) -> Iterator[Outcome]:
    """Extract each file in turn; a file that fails yields its error and the rest go on.

    Args:
        paths: the report files.
        model: a trained spaCy pipeline to start from.
        hints: ``--region/--year/--title`` overrides, for every file.
    """
    from govkg.loaders.extract import extract_file, extract_report
    from govkg.loaders.text import read_report

    for path in paths:
        try:
            yield Outcome(path, extraction=extract_report(read_report(path, hints), model) if hints else extract_file(path, model))
        except GovKGError as error:
            yield Outcome(path, error=str(error))


class ReportIdentity:
    """Which files hold the same report: one reporting body and year (its id), seen file by file.

    Two different reports of one region and year (the government's and a department's) have
    different ids and both stay; a second text of the same report replaces the first, with a
    warning naming both files when their content differs.
    """

    def __init__(self) -> None:
        self._seen: dict[str, tuple[str, str]] = {}
        self.files = 0

    def add(self, extraction: Extraction) -> str | None:
        """Count one file's report; the warning to show if it replaces a different text of the same report."""
        report = extraction.report
        self.files += 1
        earlier = self._seen.get(report.id)
        self._seen[report.id] = (report.source, report.sha256)
        if earlier is None or earlier[1] == report.sha256:
            return None
        return (f"{report.source} replaces {earlier[0]}: both are the {report.year} report of "
                f"{report.body or report.region} ({report.id}) with different content")

    @property
    def distinct(self) -> int:
        return len(self._seen)

    def summary(self) -> str:
        """「N files, M distinct reports」."""
        return f"{self.files} file{'s' if self.files != 1 else ''}, {self.distinct} distinct report{'s' if self.distinct != 1 else ''}"


def distinct_reports(extractions: Iterable[Extraction]) -> tuple[list[Extraction], list[str], ReportIdentity]:
    """One extraction per report (the last text of each wins), the replacement warnings, and the counts."""
    identity = ReportIdentity()
    kept: dict[str, Extraction] = {}
    warnings = []
    for extraction in extractions:
        warning = identity.add(extraction)
        if warning:
            warnings.append(warning)
        kept.pop(extraction.report.id, None)
        kept[extraction.report.id] = extraction
    return list(kept.values()), warnings, identity
