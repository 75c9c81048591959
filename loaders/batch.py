"""Many reports at once: expand folders, extract each, keep going past bad files."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from govkg.errors import GovKGError
from govkg.loaders.formats import SUFFIXES as REPORT_SUFFIXES
from govkg.loaders.model import Extraction


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


def extract_many(paths: Iterable[Path], model: str | None = None) -> Iterator[Outcome]:
    """Extract each file in turn; a file that fails yields its error and the rest go on."""
    from govkg.loaders.extract import extract_file

    for path in paths:
        try:
            yield Outcome(path, extraction=extract_file(path, model))
        except GovKGError as error:
            yield Outcome(path, error=str(error))
