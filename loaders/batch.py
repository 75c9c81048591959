"""Many reports at once: expand folders, extract each, keep going past bad files."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from govkg.errors import GovKGError, InputError
from govkg.loaders.formats import SUFFIXES as REPORT_SUFFIXES
from govkg.loaders.model import Extraction


@dataclass(frozen=True)
class Outcome:
    """One file's result: an extraction, or the error that stopped it."""

    path: Path
    extraction: Extraction | None = None
    error: str | None = None


def report_files(paths: Iterable[str | Path]) -> list[Path]:
    """The files named, with folders expanded to the report files inside them (sorted).

    Files are returned as named (a missing one fails when it is read, beside the others).

    Raises:
        InputError: nothing was named, or a folder holds no report file (a wrong folder
            must not pass for a successful run of nothing).
    """
    out: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            try:
                found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in REPORT_SUFFIXES)
            except OSError as error:
                raise InputError(f"{path}: cannot read the folder ({error.strerror or error})") from None
            if not found:
                raise InputError(f"{path}: no report files in this folder (looked for {', '.join(sorted(REPORT_SUFFIXES))})")
            out.extend(found)
        else:
            out.append(path)
    if not out:
        raise InputError("no report files given")
    return out


def extract_many(paths: Iterable[Path], model: str | None = None) -> Iterator[Outcome]:
    """Extract each file in turn; a file that fails yields its error and the rest go on."""
    from govkg.loaders.extract import extract_file

    for path in paths:
        try:
            extraction = extract_file(path, model)
        except GovKGError as error:
            yield Outcome(path, error=str(error))
        except Exception as error:  # noqa: BLE001 - one file's bug must not stop the batch (as in a worker)
            yield Outcome(path, error=f"{path}: {type(error).__name__}: {error}")
        else:
            yield Outcome(path, extraction=extraction)
