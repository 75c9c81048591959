"""Tables, CSV and JSON output, and progress lines."""

from __future__ import annotations

import io
import json

from click.testing import CliRunner

from govkg.cli import cli
from govkg.output import BOM, render
from govkg.progress import Progress
from reports import REPO, SEED, SEED_GOLD

PREFIX = "关于深化检察协作助力加快长三角生态绿色一体化发展示范区建设"
ROWS = [{"agreement": PREFIX + tail, "members": i} for i, tail in enumerate(["的行动方案", "的实施意见", "的工作细则"])]


def _body(table: str) -> list[str]:
    return table.splitlines()[2:-1]


def test_cut_cells_never_make_different_rows_look_alike() -> None:
    table = render(ROWS, "table", max_width=20)
    lines = _body(table)
    assert len(set(lines)) == 3
    assert all("…" in line for line in lines)  # cut, but only as far as needed
    short = render([{"name": "青浦区" + "x" * 60}], "table", max_width=20)
    assert "…" in short  # a lone long value is still cut


def test_wide_tables_print_every_cell_whole() -> None:
    table = render(ROWS, "table", max_width=10, wide=True)
    assert "…" not in table and all(row["agreement"] in table for row in ROWS)


def test_csv_can_start_with_a_byte_order_mark_and_joins_lists() -> None:
    rows = [{"point": "白鹤镇胜新村跨域基层法治观察点", "chain": ["白鹤镇", "青浦区", "上海市"]}]
    assert not render(rows, "csv").startswith(BOM)
    text = render(rows, "csv", bom=True)
    assert text.startswith(BOM) and text.encode("utf-8").startswith(b"\xef\xbb\xbf")
    assert "白鹤镇、青浦区、上海市" in text


def test_json_keeps_lists_and_objects() -> None:
    rows = [{"chain": ["白鹤镇", "青浦区"], "parameters": {"limit": 100}}]
    assert json.loads(render(rows, "json")) == rows


def test_cli_queries_json_gives_parameters_as_objects_and_csv_bom() -> None:
    runner = CliRunner()
    data = json.loads(runner.invoke(cli, ["queries", "--format", "json"], catch_exceptions=False).output)
    by_name = {q["name"]: q for q in data}
    assert by_name["agreements_across_provinces"]["parameters"] == {"min_provinces": 2, "limit": 1000}
    assert by_name["implementing_documents"]["parameters"] == {}
    assert runner.invoke(cli, ["queries", "--format", "csv", "--bom"]).output.startswith(BOM)
    table = runner.invoke(cli, ["queries", "--wide"]).output
    assert "…" not in table


def test_progress_eta_comes_from_the_overall_rate() -> None:
    now = [0.0]
    stream = io.StringIO()
    with Progress(20, "loading", stream=stream, interval=5, clock=lambda: now[0]) as progress:
        now[0] = 10.0
        progress.update(10)  # 10 in 10 s: 1/s, 10 left
        now[0] = 11.0
        progress.update(5)  # within the interval: no line
        now[0] = 20.0
        progress.update(1)
        now[0] = 24.0
        progress.update(4)
    lines = stream.getvalue().splitlines()
    assert lines[0] == "loading: 0/20"
    assert lines[1] == "loading: 10/20 (50%) in 0:10, 1.00/s, ETA 0:10"
    assert lines[2] == "loading: 16/20 (80%) in 0:20, 0.80/s, ETA 0:05"
    assert lines[-1] == "loading: 20/20 (100%) in 0:24"
    assert len(lines) == 4


def test_progress_lines_reach_a_pipe(tmp_path) -> None:
    corpus = str(REPO / "tests" / "data" / "corpus")
    result = CliRunner().invoke(cli, ["extract", corpus, "-o", str(tmp_path / "x.json")], catch_exceptions=False)
    assert result.exit_code == 0
    lines = [line for line in result.stderr.splitlines() if line.startswith("extracting: ")]
    assert lines[0].startswith("extracting: 0/") and "(100%)" in lines[-1]


def test_evaluate_shows_what_each_rate_is_computed_from() -> None:
    result = CliRunner().invoke(cli, ["evaluate", str(SEED), str(SEED_GOLD), "--format", "json"], catch_exceptions=False)
    rows = {r["name"]: r for r in json.loads(result.output)}
    assert {"Institution", "entities", "statistics", "relations (explicit)", "relations (all)"} <= set(rows)
    for row in rows.values():
        assert {"tp", "predicted", "precision", "found", "gold", "recall", "f1"} <= set(row)
        assert row["tp"] <= row["predicted"] and row["found"] <= row["gold"]
        assert row["precision"] == round(row["tp"] / row["predicted"], 3) if row["predicted"] else row["precision"] == 1
        assert row["recall"] == round(row["found"] / row["gold"], 3) if row["gold"] else row["recall"] == 1
    assert rows["relations (all)"]["precision"] < 1 or rows["relations (all)"]["tp"] == rows["relations (all)"]["predicted"]
