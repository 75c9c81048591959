"""Many reports at once: expand folders, extract each, keep going past bad files."""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from govkg.errors import GovKGError, InputError
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


def extract_many(paths: Iterable[Path], model: str | None = None, hints: Hints | None = None) -> Iterator[Outcome]:
    """Extract each file in turn; a file that fails yields its error and the rest go on.

    Args:
        paths: the report files.
        model: a trained spaCy pipeline to start from.
        hints: ``--region/--year/--title`` overrides, for every file.
    """
    from govkg.loaders.extract import extract_file, extract_report
    from govkg.loaders.text import read_report

    started = False
    for path in paths:
        if not started:
            warm_up(model)  # what the first file would load, with the collector paused
            started = True
        try:
            extraction = extract_report(read_report(path, hints), model) if hints else extract_file(path, model)
        except GovKGError as error:
            yield Outcome(path, error=str(error))
        except Exception as error:  # noqa: BLE001 - one file's bug must not stop the batch (as in a worker)
            yield Outcome(path, error=f"{path}: {type(error).__name__}: {error}")
        else:
            yield Outcome(path, extraction=extraction)


WARM_UP_TEXT = (
    "2024年青浦区法治政府建设情况报告\n\n"
    "一、主要举措\n"
    "青浦区司法局与苏州市吴江区司法局签订《长三角生态绿色一体化发展示范区司法行政合作协议》，"
    "建立联席会议机制，设立矛盾纠纷联合调解中心，全年调解案件120件。\n"
)
"""A short report of the genre (our own words) whose extraction loads everything extraction loads lazily."""


def warm_up(model: str | None = None) -> None:
    """Load what extracting a report needs (pipeline, gazetteer, pypinyin, vocabularies) by extracting :data:`WARM_UP_TEXT`.

    The garbage collector is paused meanwhile: these are hundreds of thousands of objects
    that live as long as the process, and collections while they are unpickled and built
    traverse them again and again (1.55–1.90 against 2.38–2.81 CPU-seconds, measured).
    Never raises: a pipeline that cannot be built fails each file with its own error.
    """
    from govkg.loaders.extract import extract_report
    from govkg.loaders.text import parse_report

    collecting = gc.isenabled()
    gc.disable()
    try:
        extract_report(parse_report(WARM_UP_TEXT, "<warm-up>"), model)
    except Exception:  # noqa: BLE001 - see above
        pass
    finally:
        if collecting:
            gc.enable()


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
