"""Real signals to real `govkg` processes: Ctrl-C leaves no partial output and no traceback; kill -9 leaves no orphans."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.generate import generate  # noqa: E402

GOVKG = [sys.executable, "-c", "from govkg.cli import cli; cli()"]


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("reports")
    generate(60, folder)
    return folder


def _group(leader: int) -> list[str]:
    """The processes still in a process group (zombies, which only wait for their parent to reap them, left out)."""
    listing = subprocess.run(["ps", "-o", "pid=,stat=,args=", "-g", str(leader)], capture_output=True, text=True).stdout
    return [line.strip() for line in listing.splitlines() if line.strip() and line.split()[1][0] != "Z"]


def _wait_until(condition, timeout: float, step: float = 0.002) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(step)
    return False


class _Stderr:
    """A child's stderr read as it comes, so a test can wait for its first progress line."""

    def __init__(self, process: subprocess.Popen) -> None:
        self.lines: list[str] = []
        self._thread = threading.Thread(target=self.lines.extend, args=(process.stderr,), daemon=True)
        self._thread.start()

    def says(self, text: str) -> bool:
        return any(text in line for line in list(self.lines))

    def text(self) -> str:
        self._thread.join(timeout=60)
        return "".join(self.lines)


def _extraction_started(err: _Stderr) -> bool:
    return err.says("extracting:")


def _as_in_a_terminal() -> None:
    """Ctrl-C's default action in the child, as a terminal gives it: a test run from a background job
    (``nohup pytest &``) has SIGINT ignored, and a child would inherit that and never see the interrupt."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _ctrl_c(command: list[str], ready) -> tuple[subprocess.Popen, str]:
    """Run ``command`` in its own process group, send it SIGINT (as Ctrl-C in a terminal) once ``ready(stderr)``
    holds while it still runs, and return the process with what it wrote to stderr."""
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, start_new_session=True,
                               preexec_fn=_as_in_a_terminal)
    err = _Stderr(process)
    try:
        assert _wait_until(lambda: ready(err), timeout=240, step=0.01), "the run never got to the moment of the interrupt"
        assert process.poll() is None
        os.killpg(process.pid, signal.SIGINT)
        process.wait(timeout=60)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
    return process, err.text()


def _messages(stderr: str) -> list[str]:
    """What stderr says besides the progress lines (``extracting: 12/60 …``)."""
    return [line for line in stderr.splitlines() if line.strip() and not re.match(r"\w+: \d+/\d+", line)]


@pytest.mark.parametrize("workers", ["1", "2"])
@pytest.mark.parametrize("moment", ["extracting", "writing"])
def test_ctrl_c_during_a_csv_export_leaves_no_folder_and_no_traceback(reports: Path, tmp_path: Path, workers: str, moment: str):
    target = tmp_path / "out" / "csv"
    ready = (lambda err: list(target.parent.glob(".csv.*.tmp"))) if moment == "writing" else _extraction_started
    process, stderr = _ctrl_c([*GOVKG, "export", str(reports), "--format", "neo4j-csv", "-o", str(target), "--workers", workers], ready)
    assert process.returncode != 0
    assert "Traceback" not in stderr and len(_messages(stderr)) == 1, stderr
    assert not target.exists()
    assert not target.parent.exists() or list(target.parent.iterdir()) == []  # no scratch folder left behind
    assert _wait_until(lambda: _group(process.pid) == [], timeout=10), _group(process.pid)


@pytest.mark.parametrize("args, name", [
    (("export", "--format", "nt", "--workers", "2"), "out.nt"),
    (("export", "--format", "nquads"), "out.nq"),
    (("extract", "--format", "json"), "out.json"),
])
def test_ctrl_c_during_a_file_output_leaves_no_file_and_no_traceback(reports: Path, tmp_path: Path, args: tuple[str, ...], name: str):
    target = tmp_path / name
    if args[0] == "export":  # streamed: interrupted once some reports are in the temporary file
        def ready(err: _Stderr) -> bool:
            return any(p.stat().st_size for p in tmp_path.glob(f".{name}.*.tmp"))
    else:
        ready = _extraction_started
    process, stderr = _ctrl_c([*GOVKG, args[0], str(reports), *args[1:], "-o", str(target)], ready)
    assert process.returncode != 0
    assert "Traceback" not in stderr and len(_messages(stderr)) == 1, stderr
    assert list(tmp_path.iterdir()) == []
    assert _wait_until(lambda: _group(process.pid) == [], timeout=10), _group(process.pid)


def test_an_uninterrupted_csv_export_replaces_an_earlier_one_and_spares_other_folders(reports: Path, tmp_path: Path):
    target = tmp_path / "csv"
    for _ in range(2):
        result = subprocess.run([*GOVKG, "export", str(reports), "--format", "neo4j-csv", "-o", str(target)],
                                capture_output=True, text=True, timeout=300)
        assert result.returncode == 0, result.stderr
        assert len((target / "nodes-Report.csv").read_text(encoding="utf-8").splitlines()) == 61
    assert sorted(p.name for p in tmp_path.iterdir()) == ["csv"]
    (target / "notes.txt").write_text("mine", encoding="utf-8")
    result = subprocess.run([*GOVKG, "export", str(reports), "--format", "neo4j-csv", "-o", str(target)],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 1 and "other files" in result.stderr and "Traceback" not in result.stderr
    assert (target / "notes.txt").read_text(encoding="utf-8") == "mine"


def _kill_9_leaves_no_process(command: list[str], env: dict[str, str] | None = None) -> None:
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
                               env={**os.environ, **(env or {})})
    try:
        # the pool is up: the parent, the resource tracker, the forkserver and two workers
        assert _wait_until(lambda: len(_group(process.pid)) >= 5, timeout=120, step=0.1), _group(process.pid)
        process.kill()
        process.wait()
        assert _wait_until(lambda: _group(process.pid) == [], timeout=5, step=0.1), _group(process.pid)
    finally:
        if _group(process.pid):
            os.killpg(process.pid, signal.SIGKILL)


def test_workers_end_with_their_parent_after_kill_9(reports: Path, tmp_path: Path):
    _kill_9_leaves_no_process([*GOVKG, "extract", str(reports), "--workers", "2", "-o", str(tmp_path / "out.json")])
    assert not (tmp_path / "out.json").exists()


@pytest.mark.neo4j
def test_load_workers_end_with_their_parent_after_kill_9(reports: Path, neo4j_server):
    env = {"NEO4J_URI": neo4j_server.uri, "NEO4J_USERNAME": neo4j_server.username,
           "NEO4J_PASSWORD": neo4j_server.password, "NEO4J_DATABASE": neo4j_server.database}
    _kill_9_leaves_no_process([*GOVKG, "load", str(reports), "--workers", "2"], env)
