"""The ontology's HTML documentation (pyLODE), for researchers."""

from __future__ import annotations

from click.testing import CliRunner

from govkg.cli import cli


def test_schema_html_writes_the_ontology_documentation(tmp_path):
    target = tmp_path / "docs"
    result = CliRunner().invoke(cli, ["schema", "--html", str(target)], catch_exceptions=False)
    assert result.exit_code == 0
    page = (target / "index.html").read_text(encoding="utf-8")
    assert "<html" in page and "ObservationPoint" in page and "基层法治观察点" in page and "refArea" in page and "隶属于" in page
    again = CliRunner().invoke(cli, ["schema", "--html", str(target)])
    assert again.exit_code == 1 and again.output.startswith("Error: ") and "Traceback" not in again.output
