"""Writing files and folders whole or not at all: the one place every layer writes outputs through.

Each writer puts its content in a temporary file (or folder) beside the target and renames
it at the end, so a reader never sees half an output and a failure leaves any earlier one as
it was. Outputs get the usual mode (0666 less the umask), not the 0600 of a temporary file.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO, TextIO


def _umask() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return umask


def _usual_mode() -> int:
    return 0o666 & ~_umask()


@contextmanager
def _replacing(path: str | Path) -> Iterator[tuple[int, Path]]:
    """A temporary file descriptor beside ``path``; the file becomes ``path`` when the block ends without error."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    temporary = Path(name)
    try:
        yield handle, temporary
        os.chmod(temporary, _usual_mode())  # mkstemp makes 0600
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


@contextmanager
def atomic_text_file(path: str | Path) -> Iterator[TextIO]:
    """A UTF-8 text stream whose content replaces ``path`` only when the block ends without error."""
    with _replacing(path) as (handle, _), os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
        yield stream


@contextmanager
def atomic_binary_file(path: str | Path) -> Iterator[BinaryIO]:
    """A binary stream whose content replaces ``path`` only when the block ends without error."""
    with _replacing(path) as (handle, _), os.fdopen(handle, "wb") as stream:
        yield stream


def write_atomically(path: str | Path, content: str | bytes) -> None:
    """Write ``content`` (text as UTF-8, or bytes) to ``path`` through a temporary file."""
    if isinstance(content, bytes):
        with atomic_binary_file(path) as binary:
            binary.write(content)
    else:
        with atomic_text_file(path) as text:
            text.write(content)


@contextmanager
def atomic_folder(path: str | Path) -> Iterator[Path]:
    """A temporary folder beside ``path`` that becomes ``path`` when the block ends without error.

    An existing ``path`` is replaced only then; on an error the temporary folder is removed.
    """
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp"))
    try:
        yield temporary
        os.chmod(temporary, 0o777 & ~_umask())  # mkdtemp makes 0700
        if target.exists():
            old = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}.", suffix=".old"))
            old.rmdir()
            target.rename(old)
            temporary.rename(target)
            shutil.rmtree(old, ignore_errors=True)
        else:
            temporary.rename(target)
    except BaseException:
        shutil.rmtree(temporary, ignore_errors=True)
        raise
