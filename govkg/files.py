"""Writing files and folders whole or not at all: the one place every layer writes outputs through.

Each writer puts its content in a temporary file (or folder) beside the target and renames
it at the end, so a reader never sees half an output and a failure (Ctrl-C included) leaves
any earlier one as it was. What we write for users gets the mode a plain ``open()`` would
give (0666, or 0777 for a folder, less the umask), not the 0600/0700 of a temporary file;
what we write for the server passes ``mode=PRIVATE``.

Nothing here knows the CLI: the CLI's rendering lives in :mod:`govkg.output`, and every
layer (``graph/``, ``loaders/``, ``ontology/``) may import this module.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any, BinaryIO, TextIO

from govkg.errors import OutputError

PRIVATE = 0o600
"""The mode of a file written for the server (a password, its configuration): its owner only."""


def _umask() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return umask


def usual_mode(folder: bool = False) -> int:
    """The mode ``open()`` (or ``mkdir()``, for a folder) gives a new file under the current umask."""
    return (0o777 if folder else 0o666) & ~_umask()


def _cannot_write(target: Path, error: OSError) -> OutputError:
    return OutputError(f"{target}: cannot write ({error.strerror or error})")


@contextmanager
def _replacing(path: str | Path, binary: bool, mode: int | None) -> Iterator[IO[Any]]:
    """A stream on a temporary file beside ``path``, which becomes ``path`` when the block ends without error.

    An ``OSError`` of the block itself (the caller's own work) passes unchanged; one of
    creating, closing or renaming the file becomes :class:`OutputError`.
    """
    target = Path(path)
    if target.is_dir():
        raise OutputError(f"{target}: is a folder; give the name of a file to write")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as error:
        raise _cannot_write(target, error) from None
    temporary = Path(name)
    block_done = False
    try:
        with os.fdopen(handle, "wb") if binary else os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            yield stream
            block_done = True
        os.chmod(temporary, usual_mode() if mode is None else mode)  # mkstemp makes 0600
        os.replace(temporary, target)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        if not block_done:
            raise
        raise _cannot_write(target, error) from None
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


@contextmanager
def atomic_text_file(path: str | Path, mode: int | None = None) -> Iterator[TextIO]:
    """A UTF-8 text stream (``\\n`` line ends) whose content replaces ``path`` only when the block ends without error.

    Args:
        path: the file to write; its folder is created if missing.
        mode: the file's mode; ``None`` for the usual one (:func:`usual_mode`).

    Raises:
        OutputError: ``path`` is a folder, or the file cannot be created, closed or renamed.
    """
    with _replacing(path, False, mode) as stream:
        yield stream  # type: ignore[misc]


@contextmanager
def atomic_binary_file(path: str | Path, mode: int | None = None) -> Iterator[BinaryIO]:
    """A binary stream whose content replaces ``path`` only when the block ends without error (see :func:`atomic_text_file`)."""
    with _replacing(path, True, mode) as stream:
        yield stream  # type: ignore[misc]


def write_atomically(path: str | Path, content: str | bytes, mode: int | None = None) -> None:
    """Write ``content`` (text as UTF-8, or bytes) to ``path`` through a temporary file.

    Raises:
        OutputError: ``path`` is a folder, or it cannot be written (no permission, disk full).
    """
    target = Path(path)
    try:
        if isinstance(content, bytes):
            with atomic_binary_file(target, mode) as binary:
                binary.write(content)
        else:
            with atomic_text_file(target, mode) as text:
                text.write(content)
    except OSError as error:
        raise _cannot_write(target, error) from None


def _never(folder: Path) -> bool:
    return False


@contextmanager
def atomic_folder(path: str | Path, replaceable: Callable[[Path], bool] = _never) -> Iterator[Path]:
    """A scratch folder that becomes ``path`` only when the block ends without error.

    Files are written into a temporary sibling (``.NAME.*.tmp``) and the folder is renamed
    into place at the end, so ``path`` appears whole or not at all; on any failure, an
    interrupt included, the scratch folder is removed. An existing ``path`` must be an
    empty folder, or one that ``replaceable`` accepts (an earlier export), which is swapped
    out and removed; anything else is refused before the block runs, so a user's folder
    of other files is never deleted. The folder gets the usual mode (:func:`usual_mode`).

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
        os.chmod(scratch, usual_mode(folder=True))  # mkdtemp makes 0700
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


def check_folder_target(target: Path, replaceable: Callable[[Path], bool] = _never) -> None:
    """Refuse a target :func:`atomic_folder` would not replace (see there).

    Raises:
        FileExistsError: ``target`` is a file, or a folder with other content.
    """
    if target.is_symlink() or (target.exists() and not target.is_dir()):
        raise FileExistsError("it exists and is not a folder")
    if target.is_dir() and any(target.iterdir()) and not replaceable(target):
        raise FileExistsError("it is a folder with other files in it; give a new or empty folder")
