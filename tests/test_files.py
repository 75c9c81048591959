"""govkg.files: every output whole or not at all, with the mode a plain open() gives (the server's files 0600)."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner

from govkg.cli import cli
from govkg.errors import OutputError
from govkg.files import PRIVATE, atomic_folder, atomic_text_file, write_atomically

REPORT = Path(__file__).parent / "data" / "reports"


@pytest.fixture(params=[0o022, 0o027])
def umask(request: pytest.FixtureRequest) -> Iterator[int]:
    """Run the test under this umask (restored after)."""
    before = os.umask(request.param)
    yield request.param
    os.umask(before)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _open_mode(folder: Path) -> int:
    """The mode a plain open() gives a new file in ``folder`` under the current umask."""
    plain = folder / "plain-open"
    with open(plain, "w", encoding="utf-8") as handle:
        handle.write("x")
    mode = _mode(plain)
    plain.unlink()
    return mode


def _mkdir_mode(folder: Path) -> int:
    plain = folder / "plain-mkdir"
    plain.mkdir()
    mode = _mode(plain)
    plain.rmdir()
    return mode


def test_a_written_file_has_the_mode_open_gives(tmp_path: Path, umask: int) -> None:
    write_atomically(tmp_path / "a.txt", "青浦区\n")
    write_atomically(tmp_path / "b.bin", b"\x89PNG")
    assert _mode(tmp_path / "a.txt") == _mode(tmp_path / "b.bin") == _open_mode(tmp_path)
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == "青浦区\n"


def test_a_file_for_the_server_is_its_owners_only(tmp_path: Path, umask: int) -> None:
    write_atomically(tmp_path / "password", "secret", mode=PRIVATE)
    assert _mode(tmp_path / "password") == 0o600


def test_the_png_writer_gives_the_mode_open_gives(tmp_path: Path, umask: int) -> None:
    from govkg.graph.viz import write_png

    path = write_png(nx.MultiDiGraph(), tmp_path / "network.png")
    assert path.read_bytes().startswith(b"\x89PNG")
    assert _mode(path) == _open_mode(tmp_path)


def test_exports_give_the_mode_open_gives(tmp_path: Path, umask: int) -> None:
    report = sorted(REPORT.glob("*.txt"))[0]
    for fmt, name in (("turtle", "kg.ttl"), ("nquads", "kg.nq")):
        result = CliRunner().invoke(cli, ["export", str(report), "--format", fmt, "-o", str(tmp_path / name)], catch_exceptions=False)
        assert result.exit_code == 0, result.output
        assert _mode(tmp_path / name) == _open_mode(tmp_path), fmt
    result = CliRunner().invoke(cli, ["export", str(report), "--format", "neo4j-csv", "-o", str(tmp_path / "csv")], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert _mode(tmp_path / "csv") == _mkdir_mode(tmp_path)
    files = list((tmp_path / "csv").iterdir())
    assert files and all(_mode(p) == _open_mode(tmp_path) for p in files)


def test_the_browser_files_give_the_modes_open_and_mkdir_give(tmp_path: Path, umask: int) -> None:
    from govkg.graph.browser_guide import write_browser_files

    style, guide = write_browser_files(tmp_path / "browser", None)
    assert _mode(tmp_path / "browser") == _mkdir_mode(tmp_path)
    assert _mode(style) == _mode(guide) == _open_mode(tmp_path)


def test_a_failing_block_leaves_the_earlier_file_and_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "kg.ttl"
    target.write_text("earlier", encoding="utf-8")
    with pytest.raises(KeyboardInterrupt), atomic_text_file(target) as stream:
        stream.write("half")
        raise KeyboardInterrupt
    assert target.read_text(encoding="utf-8") == "earlier"
    assert [p.name for p in tmp_path.iterdir()] == ["kg.ttl"]


def test_an_os_error_of_the_callers_own_work_passes_unchanged(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError), atomic_text_file(tmp_path / "kg.nq"):
        (tmp_path / "missing-report.txt").read_text(encoding="utf-8")
    assert list(tmp_path.iterdir()) == []


def test_writing_where_a_folder_or_file_blocks_is_an_output_error(tmp_path: Path) -> None:
    (tmp_path / "folder").mkdir()
    (tmp_path / "file").write_text("x")
    with pytest.raises(OutputError, match="is a folder"):
        write_atomically(tmp_path / "folder", "x")
    with pytest.raises(OutputError, match="cannot write"):
        write_atomically(tmp_path / "file" / "kg.ttl", "x")


def test_a_folder_appears_whole_and_a_folder_of_other_files_is_refused(tmp_path: Path) -> None:
    target = tmp_path / "out"
    with pytest.raises(RuntimeError), atomic_folder(target) as scratch:
        (scratch / "nodes-Place.csv").write_text("half")
        raise RuntimeError
    assert not target.exists() and list(tmp_path.iterdir()) == []
    target.mkdir()
    (target / "notes.txt").write_text("mine")
    with pytest.raises(FileExistsError), atomic_folder(target):
        pass
    assert (target / "notes.txt").read_text() == "mine"
    with atomic_folder(target, replaceable=lambda folder: True) as scratch:
        (scratch / "new.csv").write_text("whole")
    assert [p.name for p in target.iterdir()] == ["new.csv"]
