"""Texts past spaCy's 1,000,000 characters, up to the input limit: extracted whole, in sections."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.generate import report_text  # noqa: E402
from govkg.cli import cli  # noqa: E402
from govkg.loaders.extract import extract_report  # noqa: E402
from govkg.loaders.sections import SECTION_CHARS, section_bounds  # noqa: E402
from govkg.loaders.text import MAX_BYTES, parse_report  # noqa: E402
from reports import SEED  # noqa: E402

LONG = 1_100_000


def long_report_text(min_chars: int) -> str:
    """One report of the genre with the bodies of further synthetic reports appended until it is long enough."""
    parts = [report_text(0)]
    index, size = 1, len(parts[0])
    while size < min_chars:
        body = "\n".join(report_text(index).splitlines()[10:]) + "\n"  # without page chrome, title and date
        parts.append(body)
        size += len(body)
        index += 1
    return "".join(parts)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A long report, a good one, and one past the size limit."""
    folder = tmp_path_factory.mktemp("large")
    (folder / "long.txt").write_text(long_report_text(LONG), encoding="utf-8")
    (folder / "qingpu-2024.txt").write_bytes(SEED.read_bytes())
    with (folder / "too-large.txt").open("wb") as stream:
        stream.truncate(MAX_BYTES + 1)
    return folder


def test_sections_cover_the_text_and_cut_at_paragraphs_then_sentences():
    paragraphs = "".join(f"第{i}段。依法行政工作持续推进。\n\n" for i in range(2000))
    for text in (paragraphs, paragraphs.replace("\n\n", ""), "法" * 25_000):
        bounds = section_bounds(text, 1000)
        assert bounds[0][0] == 0 and bounds[-1][1] == len(text)
        assert all(end == following for (_, end), (following, _) in zip(bounds, bounds[1:]))
        assert all(0 < end - start <= 1000 for start, end in bounds)
    assert all(paragraphs[end - 2:end] == "\n\n" for _, end in section_bounds(paragraphs, 1000)[:-1])
    assert all(paragraphs.replace("\n\n", "")[end - 1] == "。" for _, end in section_bounds(paragraphs.replace("\n\n", ""), 1000)[:-1])
    assert section_bounds("短文本", SECTION_CHARS) == [(0, 3)]


def test_a_text_past_a_million_characters_is_extracted_to_its_end(folder: Path, tmp_path: Path):
    text = (folder / "long.txt").read_text(encoding="utf-8")
    assert len(text) > 1_000_000
    (tmp_path / "long.txt").write_text(text, encoding="utf-8")
    (tmp_path / "qingpu-2024.txt").write_bytes(SEED.read_bytes())
    result = CliRunner().invoke(cli, ["extract", str(tmp_path)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    long, good = json.loads(result.stdout)
    assert good["report"]["source"] == "qingpu-2024.txt" and good["entities"]
    assert max(m["start"] for e in long["entities"] for m in e["mentions"]) > 1_000_000
    # what the whole text yields past a paragraph break near its end is what that part yields alone
    cut = text.index("\n\n", len(text) - 150_000) + 2
    title = parse_report(text).meta.title
    head = f"{title}\n\n"
    tail = extract_report(parse_report(head + text[cut:]))
    shift = cut - len(head)
    assert [(s["text"], s["value"], s["unit"], s["start"]) for s in long["statistics"] if s["start"] >= cut] == [
        (s.text, s.value, s.unit, s.start + shift) for s in tail.statistics
    ]
    names_past_cut = {e["name"] for e in long["entities"] if any(m["start"] >= cut for m in e["mentions"])}
    assert names_past_cut == {e.name for e in tail.entities if any(m.start >= len(head) for m in e.mentions)}


@pytest.mark.parametrize("workers", ["1", "2"])
def test_a_text_past_the_limit_is_refused_in_one_line_and_the_others_go_on(folder: Path, tmp_path: Path, workers: str):
    (tmp_path / "too-large.txt").symlink_to(folder / "too-large.txt")
    (tmp_path / "qingpu-2024.txt").write_bytes(SEED.read_bytes())
    result = CliRunner().invoke(cli, ["extract", str(tmp_path), "--format", "csv", "--workers", workers], catch_exceptions=False)
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "too-large.txt: 21 MB is too large for one report" in result.output and "1 of 2 report(s) failed" in result.output
    assert "青浦区人民政府" in result.output


def _wipe(neo4j_server) -> None:
    from neo4j import GraphDatabase

    with GraphDatabase.driver(neo4j_server.uri, auth=neo4j_server.auth) as driver, driver.session(database=neo4j_server.database) as session:
        session.run("MATCH (n) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume()


def _load(neo4j_server, *args: str):
    env = {"NEO4J_URI": neo4j_server.uri, "NEO4J_USERNAME": neo4j_server.username,
           "NEO4J_PASSWORD": neo4j_server.password, "NEO4J_DATABASE": neo4j_server.database}
    return CliRunner().invoke(cli, ["load", *args], env=env, catch_exceptions=False)


@pytest.mark.neo4j
def test_a_serial_load_takes_a_long_text_whole_and_goes_past_a_too_large_one(neo4j_server, folder: Path):
    from neo4j import GraphDatabase

    _wipe(neo4j_server)  # a first load: reloading a report of this size is another matter
    try:
        result = _load(neo4j_server, str(folder))
        assert result.exit_code == 1 and "Traceback" not in result.output
        assert "loaded 2 report(s)" in result.output and "1 of 3 report(s) failed" in result.output and "too large" in result.output
        with GraphDatabase.driver(neo4j_server.uri, auth=neo4j_server.auth) as driver:
            records, _, _ = driver.execute_query(
                "MATCH (r:Report {source: 'long.txt'})-[s:STATES]->() RETURN max(s.start) AS last, count(s) AS stated",
                database_=neo4j_server.database,
            )
        assert records[0]["last"] > 1_000_000 and records[0]["stated"] > 10_000
    finally:
        _wipe(neo4j_server)


@pytest.mark.neo4j
def test_a_parallel_load_goes_past_a_too_large_text(neo4j_server, folder: Path, tmp_path: Path):
    (tmp_path / "too-large.txt").symlink_to(folder / "too-large.txt")
    (tmp_path / "qingpu-2024.txt").write_bytes(SEED.read_bytes())
    result = _load(neo4j_server, str(tmp_path), "--workers", "2")
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "loaded 1 report(s)" in result.output and "1 of 2 report(s) failed" in result.output and "too large" in result.output
