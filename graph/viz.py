"""Pictures of the cross-region network: a self-contained HTML page and a PNG.

The analyst's question is "which regions work together, through what": the regions,
the agreements binding them, and the observation points and mediation centres set up
across borders. Both pictures share one deterministic layout and the Neo4j Browser
colours (:mod:`govkg.graph.browser_style`), so a node looks the same everywhere.
Chinese names must render without system fonts: the PNG draws with the Noto Sans SC
file that the ``pylopdf-fonts-zh-cn`` package ships, and the HTML page embeds a subset
of the same font (only the characters it uses), so it needs no external resource.
"""

from __future__ import annotations

import base64
import html
import io
import textwrap
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import networkx as nx

from govkg.errors import StoreError
from govkg.graph.browser_style import border_colour, label_colours
from govkg.files import write_atomically
from govkg.ontology.schema import load_schema

if TYPE_CHECKING:
    from govkg.loaders.model import Extraction

REGION_CLASSES = ("Province", "Prefecture", "County", "Township", "Village", "CooperationZone")
"""Place classes that count as regions (a bare ``Place`` is too vague to draw)."""

NETWORK_LABELS = ("Agreement", "ObservationPoint", "MediationCentre")
"""Top-class labels of the bodies and instruments that tie regions together."""

NETWORK_RELATIONS = ("PART_OF", "LOCATED_IN", "PARTY_TO", "COVERS", "ESTABLISHED")
"""Relationship types kept between the selected nodes."""

RELATION_COLOURS = {
    "PART_OF": "#7A8290",
    "LOCATED_IN": "#9AA5B1",
    "PARTY_TO": "#D9622B",
    "COVERS": "#2E8B57",
    "ESTABLISHED": "#B03A7A",
}

DEFAULT_TITLE = "跨区域合作网络 · Cross-region network"
FONT_PACKAGE = "pylopdf-fonts-zh-cn"
CSS_FONT_FAMILY = "govkg-cjk"
MIN_WIDTH, MARGIN, CANVAS_PER_LABEL_AREA = 700.0, 40.0, 5.0
"""The layout is first spread over a canvas five times the labels' area (px, at least 700 wide);
the picture then grows to fit the labels once they are pushed apart."""
FONT_SIZE, LINE_HEIGHT, GAP = 12.0, 14.0, 6.0
POINTS_PER_PIXEL = 0.72
"""The PNG draws one layout pixel as 1/100 inch, so a 12 px label is 8.64 pt."""
LABEL_WIDTH = 10
"""Characters per label line: long agreement names wrap instead of running over neighbours."""

_RADIUS = {"Province": 17, "Prefecture": 15, "CooperationZone": 16, "County": 14, "Township": 11, "Village": 10}


def cross_region_network(graph: nx.MultiDiGraph) -> nx.Graph:
    """Regions, agreements, observation points and mediation centres, and the relations among them.

    Nodes keep their attributes; each edge has ``type``, ``source`` and ``target`` (its
    direction) and ``relations``, every ``(source, type, target)`` between the two nodes.
    """
    network = nx.Graph(name="cross-region network")
    for node in sorted(graph.nodes):
        data = graph.nodes[node]
        if data.get("cls") in REGION_CLASSES or set(data.get("labels", ())) & set(NETWORK_LABELS):
            network.add_node(node, **data)
    edges = ((a, b, data.get("type", key)) for a, b, key, data in graph.edges(keys=True, data=True))
    for source, target, type_ in sorted(edges):
        if type_ not in NETWORK_RELATIONS or source == target or source not in network or target not in network:
            continue
        if network.has_edge(source, target):
            network.edges[source, target]["relations"] += ((source, type_, target),)
        else:
            network.add_edge(source, target, type=type_, source=source, target=target, relations=((source, type_, target),))
    return network


def layout(graph: nx.Graph | nx.MultiDiGraph) -> dict[Any, tuple[float, float]]:
    """Node positions in [0, 1]², seeded: the same graph gets the same picture on every run."""
    positions, _ = _packed_layout(graph)
    return positions


def _packed_layout(graph: nx.Graph | nx.MultiDiGraph) -> tuple[dict[Any, tuple[float, float]], float]:
    """Positions in [0, 1]² and the width/height ratio they were packed at.

    Each connected component gets its own spring layout in a square cell sized by its node
    count, and the cells are shelved in rows: a lone agreement does not squeeze the main
    network into a corner, as one spring layout of the whole graph would.
    """
    simple = nx.Graph()
    simple.add_nodes_from(sorted(graph.nodes))
    simple.add_edges_from(sorted((a, b) for a, b in graph.to_undirected().edges() if a != b))
    if simple.number_of_nodes() == 0:
        return {}, 1.0
    components = sorted((sorted(c) for c in nx.connected_components(simple)), key=lambda c: (-len(c), c[0]))
    row_limit = max(1.6 * simple.number_of_nodes() ** 0.5, len(components[0]) ** 0.5)
    placed: dict[Any, tuple[float, float]] = {}
    x = y = row_height = 0.0
    for component in components:
        side = len(component) ** 0.5
        if x > 0 and x + side > row_limit + 1e-9:
            x, y, row_height = 0.0, y + row_height, 0.0
        for node, (px, py) in _spring(simple.subgraph(component)).items():
            placed[node] = (x + (0.12 + 0.76 * px) * side, y + (0.12 + 0.76 * py) * side)
        x += side
        row_height = max(row_height, side)
    xs, ys = [p[0] for p in placed.values()], [p[1] for p in placed.values()]
    span_x, span_y = (max(xs) - min(xs)) or 1.0, (max(ys) - min(ys)) or 1.0
    positions = {n: ((p[0] - min(xs)) / span_x, (p[1] - min(ys)) / span_y) for n, p in placed.items()}
    return positions, span_x / span_y


def _spring(component: nx.Graph) -> dict[Any, tuple[float, float]]:
    """A seeded spring layout of one connected component, in [0, 1]²."""
    if component.number_of_nodes() == 1:
        return {next(iter(component)): (0.5, 0.5)}
    raw = nx.spring_layout(component, k=2.2 / component.number_of_nodes() ** 0.5, iterations=300, seed=20240)
    xs, ys = [float(p[0]) for p in raw.values()], [float(p[1]) for p in raw.values()]
    span_x, span_y = (max(xs) - min(xs)) or 1.0, (max(ys) - min(ys)) or 1.0
    return {n: ((float(p[0]) - min(xs)) / span_x, 1 - (float(p[1]) - min(ys)) / span_y) for n, p in raw.items()}


# ------------------------------------------------------------------ the shared scene


@dataclass(frozen=True)
class _Node:
    key: str
    x: float
    y: float
    radius: float
    fill: str
    label: str
    lines: tuple[str, ...]
    title: str


@dataclass(frozen=True)
class _Edge:
    x1: float
    y1: float
    x2: float
    y2: float
    type: str
    colour: str
    title: str


@dataclass(frozen=True)
class _Scene:
    nodes: list[_Node]
    edges: list[_Edge]
    labels: list[tuple[str, str, str]]
    """(colour, zh, en) for each node label present."""
    relations: list[tuple[str, str, str]]
    """(colour, zh, en) for each relationship type present."""
    width: float
    height: float


def _top_label(data: dict[str, Any]) -> str:
    labels = data.get("labels") or ()
    return labels[0] if labels else str(data.get("cls", ""))


def _text_width(line: str) -> float:
    """Width of a label line at the 12 px label size: CJK characters are square, the rest about half."""
    return sum(FONT_SIZE if unicodedata.east_asian_width(ch) in ("W", "F") else FONT_SIZE * 0.55 for ch in line)


def _box(x: float, y: float, radius: float, lines: tuple[str, ...]) -> tuple[float, float, float, float]:
    """The area a node and its label take: (left, top, right, bottom)."""
    half = max(radius, max((_text_width(line) for line in lines), default=0) / 2)
    return x - half, y - radius, x + half, y + radius + 4 + LINE_HEIGHT * len(lines)


def _spread(centres: dict[str, list[float]], sizes: dict[str, tuple[float, tuple[str, ...]]], rounds: int = 400) -> None:
    """Push apart nodes whose label boxes overlap, in place: labels stay readable and positions deterministic."""
    keys = sorted(centres)
    # Each box as offsets from its centre: (left, top, right, bottom).
    extents = {k: _box(0.0, 0.0, *sizes[k]) for k in keys}
    for _ in range(rounds):
        moved = False
        boxes = {k: (centres[k][0] + extents[k][0], centres[k][1] + extents[k][1], centres[k][0] + extents[k][2], centres[k][1] + extents[k][3]) for k in keys}
        for i, a in enumerate(keys):
            for b in keys[i + 1 :]:
                la, ta, ra, ba = boxes[a]
                lb, tb, rb, bb = boxes[b]
                dx = min(ra, rb) - max(la, lb) + GAP
                dy = min(ba, bb) - max(ta, tb) + GAP
                if dx <= 0 or dy <= 0:
                    continue
                moved = True
                if dx < dy:
                    step = dx / 2 * (1 if (la + ra) >= (lb + rb) else -1)
                    centres[a][0] += step
                    centres[b][0] -= step
                else:
                    step = dy / 2 * (1 if (ta + ba) >= (tb + bb) else -1)
                    centres[a][1] += step
                    centres[b][1] -= step
                boxes[a] = (centres[a][0] + extents[a][0], centres[a][1] + extents[a][1], centres[a][0] + extents[a][2], centres[a][1] + extents[a][3])
                boxes[b] = (centres[b][0] + extents[b][0], centres[b][1] + extents[b][1], centres[b][0] + extents[b][2], centres[b][1] + extents[b][3])
        if not moved:
            break


def _scene(graph: nx.Graph | nx.MultiDiGraph) -> _Scene:
    schema = load_schema()
    colours = label_colours()
    by_label = {c.cypher_name: c for c in schema.classes.values()}
    positions, aspect = _packed_layout(graph)
    keys = sorted(graph.nodes)
    sizes = {}
    for key in keys:
        data = graph.nodes[key]
        name = str(data.get("name", key))
        lines = tuple(textwrap.wrap(name, LABEL_WIDTH, break_long_words=True, break_on_hyphens=False)) or (name,)
        sizes[key] = (float(_RADIUS.get(str(data.get("cls")), 9)), lines)
    # Start from a canvas a few times the area the labels need, shaped like the packed layout.
    area = sum((b[2] - b[0]) * (b[3] - b[1]) for b in (_box(0.0, 0.0, *sizes[k]) for k in keys)) * CANVAS_PER_LABEL_AREA
    aspect = min(max(aspect, 0.75), 1.8)
    width = max(MIN_WIDTH, (area * aspect) ** 0.5)
    height = max(MIN_WIDTH / 1.8, area / width)
    centres = {k: [positions[k][0] * width, positions[k][1] * height] for k in keys}
    _spread(centres, sizes)
    boxes = [_box(centres[k][0], centres[k][1], *sizes[k]) for k in keys]
    left = min((b[0] for b in boxes), default=0.0)
    top = min((b[1] for b in boxes), default=0.0)
    width = max((b[2] for b in boxes), default=MIN_WIDTH) - left + 2 * MARGIN
    height = max((b[3] for b in boxes), default=MIN_WIDTH / 1.8) - top + 2 * MARGIN
    nodes: dict[str, _Node] = {}
    for key in keys:
        data = graph.nodes[key]
        label = _top_label(data)
        radius, lines = sizes[key]
        cls = schema.classes.get(str(data.get("cls", "")))
        kind = f"{cls.label_zh} · {cls.label_en}" if cls else label
        title = "\n".join(part for part in (str(data.get("name", key)), str(data.get("name_en") or ""), kind) if part)
        nodes[key] = _Node(
            key=key,
            x=centres[key][0] - left + MARGIN,
            y=centres[key][1] - top + MARGIN,
            radius=radius,
            fill=colours.get(label, "#A5ABB6"),
            label=label,
            lines=lines,
            title=title,
        )
    edges: list[_Edge] = []
    for a, b, data in sorted(graph.edges(data=True), key=lambda e: (e[0], e[1], str(e[2].get("type")))):
        for source, type_, target in data.get("relations") or ((a, data.get("type", ""), b),):
            if source == target or source not in nodes or target not in nodes:
                continue
            start, end = nodes[source], nodes[target]
            dx, dy = end.x - start.x, end.y - start.y
            length = (dx * dx + dy * dy) ** 0.5 or 1.0
            ux, uy = dx / length, dy / length
            relation = _relation(type_)
            edges.append(
                _Edge(
                    x1=start.x + ux * start.radius,
                    y1=start.y + uy * start.radius,
                    x2=end.x - ux * (end.radius + 2),
                    y2=end.y - uy * (end.radius + 2),
                    type=type_,
                    colour=RELATION_COLOURS.get(type_, "#A5ABB6"),
                    title=f"{graph.nodes[source].get('name', source)} —{relation[0]}→ {graph.nodes[target].get('name', target)}\n{type_} ({relation[1]})",
                )
            )
    present = {n.label for n in nodes.values()}
    labels = [
        (colour, by_label[label].label_zh if label in by_label else label, by_label[label].label_en if label in by_label else label)
        for label, colour in colours.items()
        if label in present
    ]
    relations = [(RELATION_COLOURS.get(t, "#A5ABB6"), *_relation(t)) for t in sorted({e.type for e in edges})]
    return _Scene(list(nodes.values()), edges, labels, relations, width, height)


def _relation(type_: str) -> tuple[str, str]:
    try:
        relation = load_schema().relation_by_type(type_)
    except KeyError:
        return type_, type_
    return relation.label_zh, relation.label_en


# ------------------------------------------------------------------ the CJK font


def cjk_font_path() -> Path:
    """The Simplified-Chinese font file drawn with: Noto Sans SC from ``pylopdf-fonts-zh-cn``."""
    try:
        import pylopdf_fonts_zh_cn
    except ImportError as error:
        raise StoreError(f"the CJK font package is missing: pip install {FONT_PACKAGE}") from error
    path = Path(pylopdf_fonts_zh_cn.sans_path())
    if not path.is_file():
        raise StoreError(f"the CJK font file {path} is missing: reinstall {FONT_PACKAGE}")
    return path


@lru_cache(maxsize=1)
def register_cjk_font() -> str:
    """Add the CJK font to matplotlib's font manager once; return its family name."""
    from matplotlib import font_manager

    path = cjk_font_path()
    font_manager.fontManager.addfont(str(path))
    return font_manager.FontProperties(fname=str(path)).get_name()


def _font_face(text: str) -> str:
    """A CSS @font-face with the CJK font cut down to the characters of ``text``, inline as WOFF."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    options = subset.Options()
    options.flavor = "woff"
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.notdef_outline = True
    font = TTFont(str(cjk_font_path()), lazy=False)
    subsetter = subset.Subsetter(options)
    subsetter.populate(text="".join(sorted(set(text) | set(" …·—→"))))
    subsetter.subset(font)
    buffer = io.BytesIO()
    font.flavor = "woff"
    font.save(buffer)
    data = base64.b64encode(buffer.getvalue()).decode("ascii")
    return f"@font-face{{font-family:'{CSS_FONT_FAMILY}';src:url(data:font/woff;base64,{data}) format('woff');}}"


# ------------------------------------------------------------------ HTML


_PAN_ZOOM = """
(function(){
  var svg=document.getElementById('network'), box=svg.viewBox.baseVal, home=[box.x,box.y,box.width,box.height], drag=null;
  function point(e){var r=svg.getBoundingClientRect();return [box.x+(e.clientX-r.left)/r.width*box.width, box.y+(e.clientY-r.top)/r.height*box.height];}
  svg.addEventListener('wheel',function(e){e.preventDefault();var p=point(e),f=e.deltaY<0?0.85:1/0.85;
    box.x=p[0]-(p[0]-box.x)*f;box.y=p[1]-(p[1]-box.y)*f;box.width*=f;box.height*=f;},{passive:false});
  svg.addEventListener('mousedown',function(e){drag=point(e);svg.classList.add('dragging');});
  window.addEventListener('mousemove',function(e){if(!drag)return;var p=point(e);box.x-=p[0]-drag[0];box.y-=p[1]-drag[1];});
  window.addEventListener('mouseup',function(){drag=null;svg.classList.remove('dragging');});
  svg.addEventListener('dblclick',function(){box.x=home[0];box.y=home[1];box.width=home[2];box.height=home[3];});
})();
"""


def _fmt(value: float) -> str:
    return f"{value:.1f}"


def render_html(graph: nx.Graph | nx.MultiDiGraph, title: str = DEFAULT_TITLE, embed_font: bool = True) -> str:
    """The page as text: inline SVG, legend, hover titles, a pan/zoom script; nothing fetched."""
    scene = _scene(graph)
    esc = html.escape
    parts: list[str] = []
    for colour in sorted({e.colour for e in scene.edges}):
        parts.append(
            f'<marker id="arrow-{colour[1:]}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">'
            f'<path d="M0,0 L10,5 L0,10 z" fill="{colour}"/></marker>'
        )
    svg = [f'<defs>{"".join(parts)}</defs>', '<g class="edges">']
    for edge in scene.edges:
        svg.append(
            f'<line x1="{_fmt(edge.x1)}" y1="{_fmt(edge.y1)}" x2="{_fmt(edge.x2)}" y2="{_fmt(edge.y2)}" stroke="{edge.colour}" '
            f'class="rel-{edge.type}" marker-end="url(#arrow-{edge.colour[1:]})"><title>{esc(edge.title)}</title></line>'
        )
    svg.append('</g><g class="nodes">')
    for node in scene.nodes:
        label_y = node.y + node.radius + 4 + FONT_SIZE
        tspans = "".join(
            f'<tspan x="{_fmt(node.x)}" y="{_fmt(label_y + i * LINE_HEIGHT)}">{esc(line)}</tspan>' for i, line in enumerate(node.lines)
        )
        svg.append(
            f'<g class="node label-{esc(node.label)}" data-name="{esc(node.title.splitlines()[0])}"><title>{esc(node.title)}</title>'
            f'<circle cx="{_fmt(node.x)}" cy="{_fmt(node.y)}" r="{node.radius}" fill="{node.fill}" stroke="{border_colour(node.fill)}"/>'
            f"<text>{tspans}</text></g>"
        )
    svg.append("</g>")
    legend = "".join(
        f'<li><span class="swatch" style="background:{colour}"></span>{esc(zh)} <small>{esc(en)}</small></li>' for colour, zh, en in scene.labels
    )
    relation_legend = "".join(
        f'<li><span class="line" style="background:{colour}"></span>{esc(zh)} <small>{esc(en)}</small></li>' for colour, zh, en in scene.relations
    )
    summary = f"{len(scene.nodes)} 个节点 · {len(scene.edges)} 条关系 — nodes {len(scene.nodes)}, relations {len(scene.edges)}"
    empty = "" if scene.nodes else '<p class="empty">没有可显示的节点 · nothing to draw</p>'
    fonts = f"'{CSS_FONT_FAMILY}','Noto Sans CJK SC','Noto Sans SC','Source Han Sans SC','PingFang SC','Microsoft YaHei',sans-serif"
    page = f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(title)}</title>
<style>
/*font-face*/
body{{margin:0;font-family:{fonts};color:#2A2C34;background:#FAFAF7}}
header{{padding:12px 20px 0}}
h1{{font-size:20px;margin:0 0 4px}}
header p{{margin:0;color:#666;font-size:13px}}
main{{display:flex;align-items:flex-start}}
svg{{flex:1;height:calc(100vh - 70px);min-height:600px;cursor:grab;user-select:none}}
svg.dragging{{cursor:grabbing}}
.edges line{{stroke-width:1.6;stroke-opacity:.75}}
.nodes circle{{stroke-width:2}}
.nodes text{{font-size:12px;text-anchor:middle;fill:#2A2C34;paint-order:stroke;stroke:#FAFAF7;stroke-width:3px;stroke-linejoin:round}}
.nodes g:hover circle{{stroke:#2A2C34;stroke-width:3}}
.nodes g:hover text{{font-weight:bold}}
aside{{width:250px;padding:8px 16px;font-size:13px}}
aside h2{{font-size:14px;margin:12px 0 6px}}
aside ul{{list-style:none;margin:0;padding:0}}
aside li{{margin:4px 0;display:flex;align-items:center;gap:6px}}
aside small{{color:#777}}
.swatch{{width:14px;height:14px;border-radius:50%;display:inline-block;flex:none}}
.line{{width:22px;height:3px;display:inline-block;flex:none}}
.hint,.empty{{color:#888;font-size:12px}}
</style>
</head>
<body>
<header><h1>{esc(title)}</h1><p>{esc(summary)}</p></header>
<main>
<svg id="network" viewBox="0 0 {_fmt(scene.width)} {_fmt(scene.height)}" preserveAspectRatio="xMidYMid meet" role="img" aria-label="{esc(title)}">
{chr(10).join(svg)}
</svg>
<aside>{empty}
<h2>节点类别 · Node classes</h2><ul>{legend}</ul>
<h2>关系 · Relations</h2><ul>{relation_legend}</ul>
<p class="hint">悬停查看英文名；滚轮缩放，拖动平移，双击复位。<br>Hover for English names; wheel to zoom, drag to pan, double-click to reset.</p>
</aside>
</main>
<script>{_PAN_ZOOM}</script>
</body>
</html>
"""
    # The font is cut to every character of the page, so headings and hover titles render too.
    return page.replace("/*font-face*/", _font_face(html.unescape(page)) if embed_font else "", 1)


def write_html(graph: nx.Graph | nx.MultiDiGraph, path: str | Path, title: str = DEFAULT_TITLE) -> Path:
    """Write the self-contained HTML page (works offline, in any browser, without CJK fonts installed)."""
    write_atomically(path, render_html(graph, title))  # OutputError (a StoreError) if it cannot be written
    return Path(path)


# ------------------------------------------------------------------ PNG


def render_png(graph: nx.Graph | nx.MultiDiGraph, title: str = DEFAULT_TITLE, dpi: int = 150) -> bytes:
    """The picture as PNG bytes, drawn with matplotlib in the bundled CJK font."""
    from matplotlib.figure import Figure
    from matplotlib.font_manager import FontProperties
    from matplotlib.lines import Line2D
    from matplotlib.patches import FancyArrowPatch
    from matplotlib.patheffects import withStroke

    register_cjk_font()
    font = str(cjk_font_path())
    scene = _scene(graph)
    legend_width, title_height = 330.0, 60.0
    fig_w, fig_h = scene.width + legend_width, scene.height + title_height
    figure = Figure(figsize=(fig_w / 100, fig_h / 100), dpi=dpi, facecolor="#FAFAF7")
    axes = figure.add_axes((0, 0, scene.width / fig_w, scene.height / fig_h))
    axes.set_xlim(0, scene.width)
    axes.set_ylim(scene.height, 0)
    axes.axis("off")
    for edge in scene.edges:
        axes.add_patch(
            FancyArrowPatch(
                (edge.x1, edge.y1), (edge.x2, edge.y2), arrowstyle="-|>", mutation_scale=10, color=edge.colour, alpha=0.8, linewidth=1.1, zorder=1
            )
        )
    label_font = FontProperties(fname=font, size=FONT_SIZE * POINTS_PER_PIXEL)
    for node in scene.nodes:
        axes.scatter(
            [node.x], [node.y], s=(2 * node.radius * POINTS_PER_PIXEL) ** 2, c=node.fill, edgecolors=border_colour(node.fill), linewidths=1.5, zorder=2
        )
        axes.text(
            node.x, node.y + node.radius + 4, "\n".join(node.lines), ha="center", va="top", zorder=3,
            fontproperties=label_font, linespacing=LINE_HEIGHT / FONT_SIZE, color="#2A2C34",
            path_effects=[withStroke(linewidth=2.5, foreground="#FAFAF7")],
        )
    figure.text(16 / fig_w, 1 - 30 / fig_h, title, fontproperties=FontProperties(fname=font, size=15), va="center")
    handles = [
        Line2D([], [], marker="o", linestyle="", markersize=9, markerfacecolor=colour, markeredgecolor=border_colour(colour), label=f"{zh} {en}")
        for colour, zh, en in scene.labels
    ]
    handles += [Line2D([], [], color=colour, linewidth=2, label=f"{zh} {en}") for colour, zh, en in scene.relations]
    if handles:
        figure.legend(
            handles=handles, loc="upper left", bbox_to_anchor=(scene.width / fig_w, 1 - title_height / fig_h),
            frameon=False, prop=FontProperties(fname=font, size=9),
        )
    if not scene.nodes:
        figure.text(0.5, 0.5, "没有可显示的节点 · nothing to draw", fontproperties=FontProperties(fname=font, size=12), ha="center")
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=dpi, facecolor=figure.get_facecolor(), metadata={"Software": "govkg"})
    return buffer.getvalue()


def write_png(graph: nx.Graph | nx.MultiDiGraph, path: str | Path, title: str = DEFAULT_TITLE) -> Path:
    """Write the network as a PNG whose Chinese labels render (no tofu boxes)."""
    target = Path(path)
    write_atomically(target, render_png(graph, title))  # the usual mode, as open() gives; OutputError if it cannot
    return target


def network_of(extractions: Iterable[Extraction]) -> nx.Graph:
    """The cross-region network of some extractions (the CLI's one call)."""
    from govkg.graph.nx_view import to_networkx

    return cross_region_network(to_networkx(extractions))
