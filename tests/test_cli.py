"""The command line: outputs, exit codes and one-line errors (no tracebacks)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from govkg.cli import cli
from reports import REPO, SEED, SEED_GOLD


def invoke(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_extract_json_follows_the_output_contract():
    result = invoke("extract", str(SEED), "--format", "json")
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert set(data) == {"report", "entities", "relations", "statistics"}
    assert {"id", "title", "region", "year", "published", "source", "sha256"} <= set(data["report"])
    entity = data["entities"][0]
    assert {"id", "type", "class", "name", "aliases", "mentions"} <= set(entity)
    ids = {e["id"] for e in data["entities"]}
    assert all(r["source"] in ids and r["target"] in ids for r in data["relations"])
    assert {"id", "measure", "value", "unit", "text", "start", "end", "consistent", "check"} <= set(data["statistics"][0])


def test_export_validate_and_sparql(tmp_path):
    out = tmp_path / "kg.ttl"
    assert invoke("export", str(SEED), "--format", "turtle", "-o", str(out)).exit_code == 0
    result = invoke("validate", str(out))
    assert result.exit_code == 0 and "conforms" in result.output
    query = "PREFIX gkg: <https://w3id.org/govkg/ontology#> SELECT ?name WHERE { ?p a gkg:ObservationPoint ; gkg:name ?name } ORDER BY ?name"
    for fmt in ("table", "json", "csv"):
        result = invoke("sparql", query, "--data", str(out), "--format", fmt)
        assert result.exit_code == 0 and "跨域基层法治观察点" in result.output
    assert len(json.loads(invoke("sparql", query, "--data", str(out), "--format", "json").output)) == 3


def test_validate_fails_on_an_inconsistent_statistic(tmp_path):
    out = tmp_path / "kg.ttl"
    invoke("export", str(REPO / "tests" / "data" / "reports" / "wujiang-2024.txt"), "-o", str(out))
    result = invoke("validate", str(out))
    assert result.exit_code == 1 and "inconsistent statistic" in result.output


def test_evaluate_prints_scores_for_a_report_and_for_extracted_json(tmp_path):
    result = invoke("evaluate", str(SEED), str(SEED_GOLD), "--format", "json")
    rows = {r["name"]: r for r in json.loads(result.output)}
    assert rows["entities"]["recall"] >= 0.9
    (tmp_path / SEED.name).write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    prediction = tmp_path / "prediction.json"
    prediction.write_text(invoke("extract", str(SEED)).output, encoding="utf-8")
    again = {r["name"]: r for r in json.loads(invoke("evaluate", str(prediction), str(SEED_GOLD), "--format", "json").output)}
    assert again == rows


@pytest.mark.parametrize(
    "content, message",
    [(None, "no such file"), (b"", "empty"), (b"\x00\x00binary\x00", "binary"), ("天气很好。".encode(), "not a rule-of-law"),
     ("2023年宝山区法治政府建设情况报告\n依法行政。".encode("gb18030"), None)],
)
def test_bad_input_gives_one_line_and_no_output_file(tmp_path, content, message):
    source = tmp_path / "report.txt"
    if content is not None:
        source.write_bytes(content)
    out = tmp_path / "out.ttl"
    result = CliRunner().invoke(cli, ["export", str(source), "-o", str(out)])
    if message is None:  # GB18030 decodes
        assert result.exit_code == 0 and out.exists()
        return
    assert result.exit_code == 1
    assert message in result.output and "Traceback" not in result.output
    assert len([line for line in result.output.splitlines() if line.startswith("Error")]) == 1
    assert not out.exists() and list(tmp_path.glob(".out.ttl*")) == []


def test_a_directory_where_a_file_is_expected(tmp_path):
    result = CliRunner().invoke(cli, ["validate", str(tmp_path)])
    assert result.exit_code == 1 and "no such RDF file" in result.output


def test_a_bad_file_does_not_stop_the_others(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    result = CliRunner().invoke(cli, ["extract", str(SEED), str(bad), "--format", "csv"])
    assert result.exit_code == 1 and "1 of 2 report(s) failed" in result.output and "青浦区人民政府" in result.output


def _commands(group: click.Group, prefix: str = "") -> list[tuple[str, click.Command]]:
    out = []
    for name, command in group.commands.items():
        out.append((f"{prefix}{name}", command))
        if isinstance(command, click.Group):
            out.extend(_commands(command, f"{prefix}{name} "))
    return out


@pytest.mark.parametrize("name, command", _commands(cli))
def test_every_command_has_help_and_is_in_the_readme(name, command):
    assert command.help
    assert invoke(*name.split(), "--help").exit_code == 0
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert re.search(rf"govkg {re.escape(name)}\b", readme), name


def test_a_huge_file_is_refused_before_it_is_read(tmp_path):
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as stream:
        stream.truncate(50 * 1024 * 1024)  # sparse: 50 MB on paper, nothing to read
    result = CliRunner().invoke(cli, ["extract", str(huge)])
    assert result.exit_code == 1 and "too large" in result.output and "Traceback" not in result.output


def test_a_folder_of_reports_in_four_formats():
    result = invoke("extract", str(REPO / "tests" / "data" / "corpus"), "--format", "json")
    reports = [x["report"] for x in json.loads(result.stdout)]  # progress lines go to stderr
    assert {Path(r["source"]).suffix for r in reports} == {".txt", ".html", ".pdf", ".docx"}
    assert len({r["region"] for r in reports}) >= 3 and {r["year"] for r in reports} == {2023, 2024}


def test_viz_writes_html_and_png(tmp_path):
    html, png = tmp_path / "net.html", tmp_path / "net.png"
    result = invoke("viz", str(SEED), "--html", str(html), "--png", str(png))
    assert result.exit_code == 0
    assert "昆山市" in html.read_text(encoding="utf-8") and png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert CliRunner().invoke(cli, ["viz", str(SEED)]).exit_code == 2


def test_browser_writes_the_style_and_the_guide_and_claims_no_favourites_import(tmp_path):
    result = invoke("browser", "-o", str(tmp_path / "out"), "--state-dir", str(tmp_path / "nothing-runs"))
    assert result.exit_code == 0
    assert (tmp_path / "out" / "govkg.grass").read_text().count("{caption}") >= 50
    assert (tmp_path / "out" / "guide.html").read_text(encoding="utf-8").count("<slide") >= 10
    assert "govkg neo4j start" in result.output and "drag" in result.output
    assert "Favorites" not in result.output and "Import" not in result.output and ":style and paste" not in result.output


def test_parallel_extraction_gives_the_same_output():
    corpus = str(REPO / "tests" / "data" / "corpus")
    assert invoke("extract", corpus, "--workers", "2").stdout == invoke("extract", corpus).stdout


def test_neo4j_csv_export_needs_a_folder_and_writes_headers(tmp_path):
    assert CliRunner().invoke(cli, ["export", str(SEED), "--format", "neo4j-csv"]).exit_code == 2
    result = invoke("export", str(SEED), "--format", "neo4j-csv", "-o", str(tmp_path))
    assert result.exit_code == 0 and "neo4j-admin database import full" in result.output
    header = (tmp_path / "nodes-Report.csv").read_text(encoding="utf-8").splitlines()[0]
    assert "iri:ID" in header and ":LABEL" in header
