"""Every command, walked through a table of bad paths, unwritable targets and absurd values: one line, no traceback, nothing written.

Each case names a command and its arguments with placeholders for prepared paths:
``{seed}`` a good report, ``{ttl}`` its Turtle export, ``{gold}`` its gold annotations,
``{missing}`` a path that does not exist, ``{empty}`` an empty folder, ``{file}`` a plain
text file, ``{ro}`` a folder nobody may write into (immutable for root), ``{out}`` where an
output would go, ``{dead}`` a Bolt URI nothing listens on, ``{live}`` the test server.
Every case must exit non-zero with one ``Error:`` line, print no traceback, raise nothing
past the CLI, and leave nothing new on disk. The test fails for a command without cases.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from govkg.cli import cli
from govkg.graph.local_neo4j import free_port
from reports import SEED, SEED_GOLD

HUGE = "99999999999999999999999"
RDF_FORMATS = ("turtle", "jsonld", "nt", "nquads", "trig")

CASES: dict[str, list[tuple[str, ...]]] = {
    "extract": [
        ("{missing}",),
        ("{empty}",),
        ("{seed}", "-o", "{empty}"),
        ("{seed}", "-o", "{ro}/out.json"),
        ("{seed}", "-o", "{file}/out.json"),
        ("{seed}", "--workers", "0"),
        ("{seed}", "--workers", HUGE),
        ("{seed}", "--model", "{missing}"),
        ("{seed}", "--format", "xml"),
        ("{seed}", "--year", HUGE),
    ],
    "export": [
        ("{missing}", "-o", "{out}"),
        ("{empty}", "-o", "{out}"),
        *[("{seed}", "--format", fmt, "-o", "{empty}") for fmt in RDF_FORMATS],
        *[("{seed}", "--format", fmt, "-o", "{ro}/out") for fmt in (*RDF_FORMATS, "neo4j-csv")],
        *[("{seed}", "--format", fmt, "-o", "{file}/out") for fmt in (*RDF_FORMATS, "neo4j-csv")],
        ("{seed}", "--format", "neo4j-csv", "-o", "{file}"),
        ("{seed}", "--format", "neo4j-csv"),
        ("{seed}", "--format", "rdfxml"),
    ],
    "sparql": [
        ("@{missing}", "--data", "{ttl}"),
        ("@{empty}", "--data", "{ttl}"),
        ("SELECT nonsense", "--data", "{ttl}"),
        ("statistics_by_measure", "--data", "{ttl}", "--param", f"limit={HUGE}"),
        ("statistics_by_measure", "--data", "{ttl}", "--param", "limit=-1"),
        ("statistics_by_measure", "--data", "{ttl}", "--param", "limit"),
        ("statistics_by_measure", "--data", "{ttl}", "--param", "nosuch=1"),
        ("cross_border_points", "--data", "{missing}"),
        ("cross_border_points", "--data", "{file}"),
        ("cross_border_points", "--data", "{empty}"),
        ("cross_border_points", "--store", "{missing}"),
        ("cross_border_points", "--store", "{empty}"),
        ("cross_border_points",),
        ("index", "{ttl}", "--store", "{ro}/store"),
        ("index", "{ttl}", "--store", "{file}"),
        ("index", "{missing}", "--store", "{out}"),
        ("index", "{file}", "--store", "{out}"),
        ("serve", "--data", "{missing}"),
        ("serve", "--data", "{ttl}", "--port", HUGE),
        ("serve", "--data", "{ttl}", "--port", "-1"),
        ("serve", "--data", "{ttl}", "--timeout", "-1"),
    ],
    "sparql-index": [
        ("{ttl}", "--store", "{ro}/store"),
        ("{ttl}", "--store", "{file}"),
        ("{missing}", "--store", "{out}"),
        ("{file}", "--store", "{out}"),
    ],
    "serve": [
        ("--data", "{missing}"),
        ("--data", "{ttl}", "--port", HUGE),
        ("--data", "{ttl}", "--port", "-1"),
        ("--data", "{ttl}", "--timeout", "-1"),
    ],
    "pipeline save": [
        ("{file}",),
        ("{ro}/pipeline",),
        ("{file}/pipeline",),
    ],
    "queries": [
        ("--format", "xml"),
    ],
    "validate": [
        ("{missing}",),
        ("{empty}",),
        ("{file}",),
    ],
    "evaluate": [
        ("{missing}", "{gold}"),
        ("{seed}", "{missing}"),
        ("{seed}", "{file}"),
        ("{file}", "{gold}"),
        ("{empty}", "{gold}"),
    ],
    "schema": [
        ("--format", "xml"),
        ("--html", "{ro}/doc"),
        ("--html", "{file}"),
        ("--html", "{file}/doc"),
    ],
    "neo4j start": [
        ("--state-dir", "{file}"),
        ("--state-dir", "{ro}/state"),
        ("--state-dir", "{out}", "--bolt-port", HUGE),
        ("--state-dir", "{out}", "--http-port", "-1"),
    ],
    "neo4j stop": [
        ("--state-dir", "{file}"),
    ],
    "neo4j status": [
        ("--state-dir", "{file}"),
    ],
    "query": [
        ("nosuch", "--uri", "{dead}"),
        ("cross_border_points", "--uri", "{dead}", "--password", "x"),
        ("cross_border_points", "--uri", "nonsense://127.0.0.1", "--password", "x"),
        ("cross_border_points", "--state-dir", "{empty}"),
        ("statistics_by_measure", "--uri", "{dead}", "--param", f"limit={HUGE}"),
        ("statistics_by_measure", "--uri", "{dead}", "--param", "nosuch=1"),
        ("statistics_by_measure", "--uri", "{live}", "--param", f"limit={HUGE}"),
    ],
    "load": [
        ("{missing}", "--uri", "{live}"),
        ("{empty}", "--uri", "{live}"),
        ("{seed}", "--uri", "{dead}", "--password", "x"),
        ("{seed}", "--uri", "nonsense://127.0.0.1", "--password", "x"),
        ("{seed}", "--batch-size", "0", "--uri", "{dead}"),
        ("{seed}", "--batch-size", HUGE, "--uri", "{dead}"),
    ],
    "viz": [
        ("{seed}", "--html", "{empty}"),
        ("{seed}", "--html", "{ro}/net.html"),
        ("{seed}", "--png", "{ro}/net.png"),
        ("{seed}", "--png", "{file}/net.png"),
        ("{missing}", "--html", "{out}"),
        ("{seed}",),
    ],
    "browser": [
        ("-o", "{ro}/browser"),
        ("-o", "{file}"),
        ("-o", "{file}/browser"),
    ],
}


def _commands(group: click.Group, prefix: str = "") -> Iterator[str]:
    for name, command in group.commands.items():
        if isinstance(command, click.Group):
            yield from _commands(command, f"{prefix}{name} ")
        else:
            yield f"{prefix}{name}"


def test_every_command_has_cases():
    assert sorted(_commands(cli)) == sorted(CASES), "add cases for a new command to CASES (and remove those of a gone one)"


@pytest.fixture
def read_only(tmp_path: Path) -> Iterator[Path]:
    """A folder no one may create files in: immutable (chattr +i) for root, mode 0555 otherwise."""
    folder = tmp_path / "read-only"
    folder.mkdir()
    if os.geteuid() == 0:
        if not shutil.which("chattr") or subprocess.run(["chattr", "+i", str(folder)], capture_output=True).returncode != 0:
            pytest.skip("root can write into any folder here, and chattr +i is not available")
        try:
            yield folder
        finally:
            subprocess.run(["chattr", "-i", str(folder)], check=True)
    else:
        folder.chmod(0o555)
        try:
            yield folder
        finally:
            folder.chmod(0o755)


def _cases() -> Iterator[object]:
    for command, cases in CASES.items():
        for args in cases:
            marks = [pytest.mark.neo4j] if any("{live}" in a for a in args) else []
            yield pytest.param(command, args, marks=marks, id=f"{command} {' '.join(args)}")


@pytest.mark.parametrize("command, args", list(_cases()))
def test_a_bad_case_is_one_line_and_leaves_nothing(command: str, args: tuple[str, ...], tmp_path: Path, turtle: Path,
                                                   request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch):
    for name in ("NEO4J_URI", "NEO4J_USERNAME", "NEO4J_PASSWORD", "NEO4J_DATABASE", "GOVKG_NEO4J_HOME"):
        monkeypatch.delenv(name, raising=False)
    work = tmp_path / "work"
    work.mkdir()
    (work / "empty").mkdir()
    (work / "notes.txt").write_text("plain notes, not a report\n", encoding="utf-8")
    places = {
        "seed": str(SEED), "gold": str(SEED_GOLD), "missing": str(work / "missing.txt"), "empty": str(work / "empty"),
        "file": str(work / "notes.txt"), "out": str(work / "out"), "dead": f"bolt://127.0.0.1:{free_port()}",
        "ttl": str(turtle),
    }
    if any("{ro}" in a for a in args):
        places["ro"] = str(request.getfixturevalue("read_only"))
    if any("{live}" in a for a in args):
        server = request.getfixturevalue("neo4j_server")
        places["live"] = server.uri
        monkeypatch.setenv("NEO4J_PASSWORD", server.password)
    before = _snapshot(tmp_path)
    result = CliRunner().invoke(cli, [*command.split(), *(a.format(**places) for a in args)])
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.exit_code not in (0, None), result.output
    assert "Traceback" not in result.output
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error")]
    assert len(errors) == 1, result.stderr
    assert _snapshot(tmp_path) == before, "the failed command left something on disk"


def _snapshot(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


@pytest.fixture(scope="session")
def turtle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed report's Turtle export (outside the cases' folders)."""
    from govkg.graph.rdf import serialize
    from govkg.loaders.extract import extract_file

    path = tmp_path_factory.mktemp("ttl") / "kg.ttl"
    path.write_text(serialize([extract_file(SEED)], "turtle"), encoding="utf-8")
    return path
