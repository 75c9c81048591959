"""The cross-region network pictures: what they select, and that they render Chinese offline."""

from __future__ import annotations

import re
import struct
import zlib
from pathlib import Path

import networkx as nx
import pytest
from fontTools.ttLib import TTFont
from matplotlib import font_manager

from govkg.errors import StoreError
from govkg.graph.browser_style import label_colours
from govkg.graph.nx_view import to_networkx
from govkg.graph.viz import (
    NETWORK_RELATIONS,
    REGION_CLASSES,
    cjk_font_path,
    cross_region_network,
    layout,
    register_cjk_font,
    render_html,
    write_html,
    write_png,
)
from reports import fixture, seed

DEMO_ZONE = "长三角生态绿色一体化发展示范区"
AGREEMENTS = {
    "跨区域商业秘密保护团体标准",
    "示范区知识产权发展与保护一体化工作战略合作协议",
    "长三角生态绿色一体化发展示范区劳动保障监察协作框架协议",
    "长三角一体化示范区违反治安管理行为处罚裁量基准",
    "关于深化检察协作助力加快长三角生态绿色一体化发展示范区建设的行动方案(试行)",
}
OBSERVATION_POINTS = {
    "昆山市淀山湖镇跨域基层法治观察点",
    "白鹤镇胜新村跨域基层法治观察点",
    "青浦区进博会基层法治观察点",
}
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def network() -> nx.Graph:
    return cross_region_network(to_networkx([seed()]))


def _names(graph: nx.Graph) -> set[str]:
    return {data["name"] for _, data in graph.nodes(data=True)}


def _edge(graph: nx.Graph, source: str, type_: str, target: str) -> bool:
    by_name = {data["name"]: node for node, data in graph.nodes(data=True)}
    a, b = by_name[source], by_name[target]
    return graph.has_edge(a, b) and (a, type_, b) in graph.edges[a, b]["relations"]


def test_network_holds_the_regions_agreements_and_observation_points(network: nx.Graph) -> None:
    names = _names(network)
    assert {"青浦区", "昆山市", DEMO_ZONE} <= names
    assert AGREEMENTS <= names
    assert OBSERVATION_POINTS <= names
    assert {"青浦区行政争议联合调处中心", "上海银保调中心"} <= names


def test_network_keeps_the_cross_region_relations(network: nx.Graph) -> None:
    assert _edge(network, "青浦区", "PARTY_TO", "示范区知识产权发展与保护一体化工作战略合作协议")
    assert _edge(network, "示范区知识产权发展与保护一体化工作战略合作协议", "COVERS", DEMO_ZONE)
    assert _edge(network, "青浦区", "PART_OF", DEMO_ZONE)
    assert _edge(network, "青浦区", "ESTABLISHED", "昆山市淀山湖镇跨域基层法治观察点")
    assert _edge(network, "昆山市淀山湖镇跨域基层法治观察点", "LOCATED_IN", "淀山湖镇")
    assert _edge(network, "淀山湖镇", "PART_OF", "昆山市")


def test_network_leaves_out_everything_else(network: nx.Graph) -> None:
    for _, data in network.nodes(data=True):
        labels = set(data["labels"])
        assert data["cls"] in REGION_CLASSES or labels & {"Agreement", "ObservationPoint", "MediationCentre"}, data
    assert {"青浦区人民政府", "青浦区人民法院", "中国国际进口博览会"}.isdisjoint(_names(network))
    for _, _, data in network.edges(data=True):
        assert data["type"] in NETWORK_RELATIONS
        assert all(type_ in NETWORK_RELATIONS for _, type_, _ in data["relations"])


def test_several_reports_merge_into_one_network() -> None:
    merged = cross_region_network(to_networkx([seed(), fixture("wujiang-2024"), fixture("jiashan-2023")]))
    assert {"青浦区", "吴江区", "嘉善县", DEMO_ZONE} <= _names(merged)


def test_layout_is_deterministic(network: nx.Graph) -> None:
    first, second = layout(network), layout(network.copy())
    assert first == second
    assert all(0.0 <= x <= 1.0 and 0.0 <= y <= 1.0 for x, y in first.values())


def test_html_is_self_contained_and_names_in_chinese(network: nx.Graph, tmp_path: Path) -> None:
    path = write_html(network, tmp_path / "net.html")
    text = path.read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>")
    for name in ("青浦区", "昆山市", DEMO_ZONE, *OBSERVATION_POINTS):
        assert name in text
    # Long agreement names are wrapped onto several lines; the hover titles carry them whole.
    assert all(f"<title>{name}\n" in text for name in AGREEMENTS if "(" not in name)
    assert "Kunshan City" in text  # English names in the hover titles
    assert not re.search(r"""(?:src|href|xlink:href)\s*=\s*["']?\s*(?:https?:)?//""", text, re.I)
    assert not re.search(r"""url\(\s*["']?(?:https?:)?//""", text, re.I)
    assert not re.search(r"@import|<link\b|<script\b[^>]*\bsrc=|<iframe\b|<img\b", text, re.I)
    assert "<svg" in text and "@font-face" in text and "data:font/woff;base64," in text
    for colour in (label_colours()[label] for label in ("Place", "Agreement", "ObservationPoint", "MediationCentre")):
        assert colour in text


def test_html_embeds_glyphs_for_every_character(network: nx.Graph, tmp_path: Path) -> None:
    import base64
    import io

    text = render_html(network)
    data = re.search(r"data:font/woff;base64,([A-Za-z0-9+/=]+)", text).group(1)  # type: ignore[union-attr]
    font = TTFont(io.BytesIO(base64.b64decode(data)))
    cmap = font.getBestCmap()
    for ch in "青浦区昆山市" + DEMO_ZONE + "节点类别悬停":
        assert ord(ch) in cmap, ch


def test_html_of_an_empty_graph_still_renders() -> None:
    text = render_html(nx.Graph())
    assert "nothing to draw" in text


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == PNG_SIGNATURE
    length, kind = struct.unpack(">I4s", data[8:16])
    assert kind == b"IHDR" and length == 13
    crc = struct.unpack(">I", data[16 + length : 20 + length])[0]
    assert crc == zlib.crc32(data[12 : 16 + length])
    return struct.unpack(">II", data[16:24])


def test_png_is_written_and_valid(network: nx.Graph, tmp_path: Path) -> None:
    path = write_png(network, tmp_path / "deep" / "net.png")
    data = path.read_bytes()
    width, height = _png_size(data)
    assert width > 1000 and height > 600
    assert len(data) > 50_000
    from PIL import Image

    with Image.open(path) as image:
        image.verify()


def test_png_draws_no_missing_glyphs(network: nx.Graph, tmp_path: Path, recwarn: pytest.WarningsRecorder) -> None:
    write_png(network, tmp_path / "net.png")
    missing = [w for w in recwarn if "missing from font" in str(w.message).lower() or "glyph" in str(w.message).lower()]
    assert not missing, [str(w.message) for w in missing]


def test_cjk_font_has_the_glyphs_and_matplotlib_finds_it() -> None:
    path = cjk_font_path()
    family = register_cjk_font()
    found = font_manager.findfont(font_manager.FontProperties(family=family), fallback_to_default=False)
    assert Path(found).resolve() == path.resolve()
    cmap = TTFont(str(path), fontNumber=0).getBestCmap()
    for ch in "青浦区昆山市长三角生态绿色一体化发展示范区跨域基层法治观察点":
        assert ord(ch) in cmap, ch


def test_unwritable_target_is_a_store_error(network: nx.Graph, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StoreError):
        write_png(network, blocker / "net.png")
    with pytest.raises(StoreError):
        write_html(network, blocker / "net.html")
