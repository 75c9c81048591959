"""Rendering result rows as a terminal table, JSON or CSV, and writing files whole or not at all."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import tempfile
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TextIO

from govkg.errors import OutputError

FORMATS = ("table", "json", "csv")


def display_width(text: str) -> int:
    """Columns a string takes in a terminal: CJK characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


LIST_SEPARATOR = "、"
"""Joins list values in table and CSV cells (JSON keeps them as lists)."""

BOM = "\ufeff"
"""UTF-8 byte-order mark: spreadsheet programs on Chinese Windows read the CSV as UTF-8 only with it."""


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (list, tuple)):
        return LIST_SEPARATOR.join(_cell(v) for v in value)
    if isinstance(value, dict):
        return ", ".join(f"{k}={_cell(v)}" for k, v in value.items())
    return str(value)


def _truncate(text: str, width: int) -> str:
    if display_width(text) <= width:
        return text
    out, used = "", 0
    for ch in text:
        w = display_width(ch)
        if used + w > width - 1:
            break
        out, used = out + ch, used + w
    return out + "…"


def _column_width(values: Sequence[str], limit: int) -> int:
    """The narrowest width from ``limit`` up at which cut values stay as distinct as the full ones.

    So two rows whose names differ only after the cut (three 关于深化检察协作助力加快长三角… of
    different agreements) are never printed alike; the column widens instead.
    """
    longest = max((display_width(v) for v in values), default=0)
    distinct = len(set(values))
    width = min(limit, longest)
    while width < longest and len({_truncate(v, width) for v in values}) < distinct:
        width += 1
    return width


def render(
    rows: Sequence[dict[str, Any]],
    fmt: str,
    columns: Sequence[str] | None = None,
    max_width: int = 48,
    *,
    wide: bool = False,
    bom: bool = False,
) -> str:
    """Rows as ``table`` (aligned for CJK), ``json`` or ``csv``.

    Args:
        rows: The rows, one dict each.
        fmt: ``table``, ``json`` or ``csv``.
        columns: Column order (default: the first row's keys).
        max_width: Table cells longer than this are cut with "…", unless that would make
            two different values look alike (the column widens instead).
        wide: Never cut table cells.
        bom: Start CSV with a UTF-8 byte-order mark (for spreadsheet programs).

    JSON keeps values as they are (lists as lists, objects as objects); table and CSV
    cells join lists with 、.
    """
    columns = list(columns or (rows[0].keys() if rows else []))
    if fmt == "json":
        return json.dumps([{c: row.get(c) for c in columns} for row in rows], ensure_ascii=False, indent=2) + "\n"
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(columns)
        for row in rows:
            writer.writerow([_cell(row.get(c)) for c in columns])
        return (BOM if bom else "") + buffer.getvalue()
    full = [[_cell(row.get(c)) for c in columns] for row in rows]
    if wide:
        cells = full
    else:
        limits = [_column_width([r[i] for r in full], max_width) for i in range(len(columns))]
        cells = [[_truncate(v, limits[i]) for i, v in enumerate(r)] for r in full]
    widths = [max([display_width(c)] + [display_width(r[i]) for r in cells]) for i, c in enumerate(columns)]

    def line(values: Sequence[str]) -> str:
        return "  ".join(v + " " * (w - display_width(v)) for v, w in zip(values, widths)).rstrip()

    out = [line(columns), line(["-" * w for w in widths])] + [line(r) for r in cells]
    return "\n".join(out) + f"\n({len(rows)} row{'s' if len(rows) != 1 else ''})\n"


@contextmanager
def atomic_text_file(path: str | Path) -> Iterator[TextIO]:
    """A text stream whose content replaces ``path`` only when the block ends without error.

    It is written to a temporary file beside ``path`` and renamed at the end, so a reader
    never sees a half-written file and a failure leaves any earlier file as it was.

    Raises:
        OutputError: ``path`` is a folder, or it (or its temporary file) cannot be written.
    """
    target = Path(path)
    if target.is_dir():
        raise OutputError(f"{target}: is a folder; give the name of a file to write")
    temporary = None
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            yield stream
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)  # mkstemp makes 0600; outputs get the usual mode
        os.replace(temporary, target)
    except OSError as error:
        if temporary:
            Path(temporary).unlink(missing_ok=True)
        raise OutputError(f"{target}: cannot write ({error.strerror or error})") from None
    except BaseException:
        if temporary:
            Path(temporary).unlink(missing_ok=True)
        raise


def write_atomically(path: str | Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file, so a failure leaves no partial file."""
    with atomic_text_file(path) as stream:
        stream.write(text)


@contextmanager
def atomic_folder(path: str | Path, replaceable: Callable[[Path], bool] = lambda folder: False) -> Iterator[Path]:
    """A scratch folder that becomes ``path`` only when the block ends without error.

    Files are written into a temporary sibling (``.NAME.*.tmp``) and the folder is renamed
    into place at the end, so ``path`` appears whole or not at all; on any failure, an
    interrupt included, the scratch folder is removed. An existing ``path`` must be an
    empty folder, or one that ``replaceable`` accepts (an earlier export), which is swapped
    out and removed; anything else is refused before the block runs, so a user's folder
    of other files is never deleted.

    Raises:
        FileExistsError: ``path`` is a file, or a folder with other content.
        OSError: the parent cannot be created or written.
    """
    target = Path(path)
    check_folder_target(target, replaceable)
    target.parent.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp"))
    try:
        yield scratch
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(scratch, 0o777 & ~umask)  # mkdtemp makes 0700; outputs get the usual mode
        check_folder_target(target, replaceable)
        if target.is_dir() and any(target.iterdir()):
            aside = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}.", suffix=".old"))
            os.replace(target, aside / target.name)
            os.replace(scratch, target)
            shutil.rmtree(aside, ignore_errors=True)
        else:
            os.replace(scratch, target)  # rename(2) replaces an empty folder
    except BaseException:
        shutil.rmtree(scratch, ignore_errors=True)
        raise


def check_folder_target(target: Path, replaceable: Callable[[Path], bool] = lambda folder: False) -> None:
    """Refuse a target :func:`atomic_folder` would not replace (see there).

    Raises:
        FileExistsError: ``target`` is a file, or a folder with other content.
    """
    if target.is_symlink() or (target.exists() and not target.is_dir()):
        raise FileExistsError("it exists and is not a folder")
    if target.is_dir() and any(target.iterdir()) and not replaceable(target):
        raise FileExistsError("it is a folder with other files in it; give a new or empty folder")
