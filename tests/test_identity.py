"""Report identity: a report is its reporting body and year; the CLI's --region/--year/--title overrides."""

from __future__ import annotations

import json

from click.testing import CliRunner

from govkg.cli import cli
from reports import SEED

BODY = SEED.read_text(encoding="utf-8").split("\n", 1)[1]


def invoke(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_two_reports_of_one_region_and_year_stay_two_and_a_second_text_replaces_the_first(tmp_path):
    government = tmp_path / "a-government.txt"
    department = tmp_path / "b-department.txt"
    corrected = tmp_path / "c-corrected.txt"
    government.write_text("2024年青浦区法治政府建设情况报告\n" + BODY, encoding="utf-8")
    department.write_text("青浦区司法局2024年度法治政府建设工作报告\n" + BODY, encoding="utf-8")
    corrected.write_text("2024年青浦区法治政府建设情况报告\n" + BODY.replace("1697件", "1698件"), encoding="utf-8")
    result = invoke("extract", str(government), str(department), str(corrected), "--format", "json")
    assert result.exit_code == 0
    reports = [x["report"] for x in json.loads(result.stdout)]
    assert sorted(r["id"] for r in reports) == ["qingpuqu-2024", "qingpuqusifaju-2024"]
    assert {r["source"] for r in reports} == {department.name, corrected.name}
    assert f"{corrected.name} replaces {government.name}" in result.stderr
    assert "3 files, 2 distinct reports" in result.stderr


def test_the_same_text_twice_is_one_report_without_a_warning(tmp_path):
    for name in ("one.txt", "two.txt"):
        (tmp_path / name).write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    result = invoke("extract", str(tmp_path), "--format", "table")
    assert result.exit_code == 0 and "warning" not in result.stderr and "2 files, 1 distinct report" in result.stderr


def test_region_year_and_title_overrides(tmp_path):
    path = tmp_path / "untitled.txt"
    path.write_text(BODY, encoding="utf-8")
    result = invoke("extract", str(path), "--region", "静海区", "--year", "2023", "--title", "静海区2023年度法治政府建设情况报告")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)["report"]
    assert (report["region"], report["year"], report["title"], report["id"]) == ("静海区", 2023, "静海区2023年度法治政府建设情况报告", "jinghaiqu-2023")


def test_a_text_not_of_the_genre_is_refused_with_its_reason(tmp_path):
    path = tmp_path / "weather.txt"
    path.write_text("明天多云转晴，气温5到12摄氏度。\n", encoding="utf-8")
    result = invoke("extract", str(path))
    assert result.exit_code == 1 and "not a rule-of-law government report" in result.output and "Traceback" not in result.output
