"""Neo4j Browser on the local server, and the GraSS style shipped for it."""

from __future__ import annotations

import re
import shutil
import subprocess
import urllib.request
from pathlib import Path
from types import SimpleNamespace

import pytest

from govkg.graph.browser_style import grass_style, label_colours, node_labels, style_path
from govkg.ontology.schema import load_schema

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--window-size=1400,1000",
    "--virtual-time-budget=15000",
)


def test_every_top_class_label_gets_its_own_colour_and_name_caption() -> None:
    schema = load_schema()
    expected = {"Institution", "Place", "Agreement", "Document", "Mechanism", "ObservationPoint", "MediationCentre", "Event", "Statistic", "Report"}
    assert set(node_labels()) == expected
    assert set(node_labels()) <= {schema.classes[name].cypher_name for name in schema.top_classes}
    colours = label_colours()
    assert len(set(colours.values())) == len(colours) == len(expected)
    style = grass_style()
    for label, colour in colours.items():
        block = re.search(r"^node\." + label + r" \{\n(.*?)^\}", style, re.S | re.M)
        assert block, label
        assert f"color: {colour};" in block.group(1)
        assert 'caption: "{name}";' in block.group(1)
    assert len(re.findall(r"^node\.\w+ \{$", style, re.M)) == len(expected)


def test_shipped_grass_file_is_the_generated_one() -> None:
    path = style_path()
    assert path.read_text(encoding="utf-8") == grass_style(), (
        f"{path} is stale: regenerate it with "
        "python -c 'from govkg.graph.browser_style import grass_style, style_path; style_path().write_text(grass_style())'"
    )


@pytest.mark.neo4j
def test_browser_is_served(neo4j_server: SimpleNamespace) -> None:
    with urllib.request.urlopen(neo4j_server.server.browser_url, timeout=30) as response:
        status = response.status
        kind = response.headers.get_content_type()
        body = response.read().decode("utf-8", "replace")
    assert status == 200
    assert kind == "text/html"
    assert "<title>Neo4j Browser</title>" in body


@pytest.mark.neo4j
def test_browser_renders_in_headless_chromium(neo4j_server: SimpleNamespace, tmp_path: Path) -> None:
    if not CHROMIUM.exists() or shutil.which(str(CHROMIUM)) is None:
        pytest.skip("no /usr/bin/chromium (apt-get install chromium) to take a screenshot with")
    screenshot = tmp_path / "browser.png"
    profile = tmp_path / "profile"
    completed = subprocess.run(
        [str(CHROMIUM), *CHROMIUM_FLAGS, f"--user-data-dir={profile}", f"--screenshot={screenshot}", neo4j_server.server.browser_url],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert screenshot.exists(), completed.stderr[-2000:]
    data = screenshot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    # The connect form and the side bar: a blank page compresses to a few kB.
    assert len(data) > 10_000, len(data)
