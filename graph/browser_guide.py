"""A Neo4j Browser guide for govkg, served by the local server itself.

Neo4j Browser 5 plays a guide with ``:guide URL``: it fetches an HTML page whose
``<slide>`` elements become the slides, from a host the server's
``browser.remote_content_hostname_allowlist`` names. The local server serves Browser
from a zip in its ``web`` folder when one is there (``neo4j-browser*.zip``), so
:func:`install_web_bundle` writes that zip: the Browser of the classpath plus a
``govkg/`` folder with the guide and the GraSS style. Browser, guide and style then
share one origin on 127.0.0.1 (no CORS, nothing listens besides Neo4j), and the one
command an analyst types is ``:guide http://127.0.0.1:7474/browser/govkg/guide.html``.

Each question's slide runs in one click on the ▶ before its block, parameters and all:
the slide shows a box per parameter (``<input value-for=KEY>``) and the block holds the
query with each ``$name`` written as that box's value (``<span value-key=KEY>``; Browser's
guide directives copy the box into the spans as one types). Browser 5 cannot set
``:param`` and draw a query's graph from one click: a ▶ runs its block's text as one
command, and text holding ``:param …;`` and a query runs as a multi-statement frame that
lists each statement's status and draws nothing (Browser 5.24's ``handleCommandEpic`` adds
the statements' frames to a ``cypher-script`` frame, whose rows show only a summary).
A box's value is written into the statement as typed (a quote in it ends the string):
the statement is the analyst's own, run in their own session.
"""

from __future__ import annotations

import hashlib
import html
import json
import os
import re
import zipfile
from pathlib import Path
from typing import Any

from govkg.errors import StoreError
from govkg.graph.browser_style import grass_style, label_colours
from govkg.ontology.schema import load_schema
from govkg.queries.catalog import CannedQuery, catalog

GUIDE_FOLDER = "govkg"
"""Folder of the guide and the style inside Browser's web root (``/browser/govkg/``)."""

GUIDE_FILE = "guide.html"
STYLE_FILE = "style.grass"
BUNDLE_NAME = "neo4j-browser.zip"
"""The name Neo4j's ``internal.dbms.browser_artefact_pattern`` (``neo4j-browser*.zip``) and version check accept."""

_BROWSER_ROOT = "browser/"


def guide_url(browser_url: str) -> str:
    """The guide's URL beside a Browser URL such as ``http://127.0.0.1:7474/browser/``."""
    return browser_url.rstrip("/") + f"/{GUIDE_FOLDER}/{GUIDE_FILE}"


def style_url(browser_url: str) -> str:
    """The GraSS style's URL beside a Browser URL (for ``:style URL``)."""
    return browser_url.rstrip("/") + f"/{GUIDE_FOLDER}/{STYLE_FILE}"


def query_text(cypher: str) -> str:
    """A query's text without its comment lines, as a runnable block shows it."""
    return "\n".join(line for line in cypher.strip().splitlines() if not line.lstrip().startswith("//"))


def _slide(title: str, body: str) -> str:
    return f'<slide class="row-fluid">\n<h3>{html.escape(title)}</h3>\n{body}\n</slide>'


def _model_slides() -> list[str]:
    schema = load_schema()
    colours = label_colours()
    rows = []
    for name in schema.top_classes:
        cls = schema.classes[name]
        subs = [c.cypher_name for c in schema.classes.values() if c.top == name and c.name != name]
        rows.append(
            f'<tr><td><span style="background:{colours[cls.cypher_name]};padding:0 6px;border-radius:8px">'
            f"{html.escape(cls.cypher_name)}</span></td><td>{html.escape(cls.label_zh)}</td>"
            f"<td>{html.escape(', '.join(subs))}</td></tr>"
        )
    relations = "".join(
        f"<tr><td><code>{html.escape(r.cypher_name)}</code></td><td>{html.escape(r.label_zh)}</td><td>{html.escape(r.label_en)}</td></tr>"
        for r in schema.relations.values()
    )
    intro = _slide(
        "govkg: rule-of-law reports as a graph",
        "<p>Every node is one thing a report names: a body, a place, an agreement, a document, a mechanism, "
        "an observation point, a mediation centre, an event or a figure. Each report is a <code>Report</code> node that "
        "<code>MENTIONS</code> what it names, with the offsets and the sentence as provenance.</p>"
        "<p>Load the colours first (one click):</p>"
        f'<pre class="runnable">:style {html.escape(style_url("BROWSER"))}</pre>'
        "<p>Then step through the slides: each canned question runs with the values in its boxes in one click on the ▶ before its block.</p>",
    )
    labels = _slide(
        "Labels",
        "<p>A node has its top class as label, and its finer class as a second one "
        "(<code>:Place:County</code>); finer classes share their top class's colour family. "
        "<code>caption</code> is a short name for the picture, <code>name</code> the full one.</p>"
        f'<table class="table"><tr><th>label</th><th>中文</th><th>finer labels</th></tr>{"".join(rows)}</table>',
    )
    types = _slide(
        "Relationships",
        f'<table class="table"><tr><th>type</th><th>中文</th><th>meaning</th></tr>{relations}</table>'
        '<pre class="runnable">CALL db.schema.visualization()</pre>',
    )
    return [intro, labels, types]


_PARAMETER = re.compile(r"\$(\w+)")


def parameter_key(query: CannedQuery, name: str) -> str:
    """The key tying a slide's box for parameter ``name`` to its places in the slide's blocks.

    Browser binds ``value-for`` boxes to ``value-key`` spans across the whole guide, so the
    key names the question too (two questions' ``limit`` defaults differ).
    """
    return f"{query.name}.{name}"


def runnable_statement(query: CannedQuery, cypher: str) -> str:
    """A runnable block's HTML: the query with each ``$name`` written as its slide box's value.

    A string parameter becomes a quoted Cypher string, a whole number a bare integer, so
    the block is one statement that runs as it stands (``LIMIT`` takes the integer).
    """
    text = query_text(cypher)
    parts: list[str] = []
    position = 0
    for match in _PARAMETER.finditer(text):
        name = match.group(1)
        if name not in query.defaults:
            continue
        parts.append(html.escape(text[position : match.start()]))
        value = query.defaults[name]
        whole = isinstance(value, int) and not isinstance(value, bool)
        shown = str(value) if whole else json.dumps(str(value), ensure_ascii=False)[1:-1]  # JSON escapes are Cypher's
        span = f'<span value-key="{html.escape(parameter_key(query, name))}">{html.escape(shown)}</span>'
        parts.append(span if whole else f'"{span}"')
        position = match.end()
    parts.append(html.escape(text[position:]))
    return "".join(parts)


def _parameter_boxes(query: CannedQuery) -> str:
    boxes = []
    for name, value in query.defaults.items():
        kind = "number" if isinstance(value, int) and not isinstance(value, bool) else "text"
        boxes.append(
            f'<label style="margin-right:12px"><code>{html.escape(name)}</code> '
            f'<input type="{kind}" value-for="{html.escape(parameter_key(query, name))}" '
            f'value="{html.escape(str(value))}" style="width:14em"></label>'
        )
    return "<p>" + "".join(boxes) + "</p>"


def _question_slide(query: CannedQuery) -> str:
    parts = [f"<p>{html.escape(query.description)}</p>"]
    if query.defaults:
        parts.append("<p>Change a value here and it changes in the blocks below:</p>")
        parts.append(_parameter_boxes(query))
    if query.graph_cypher:
        parts.append("<p>▶ draws the answer as a graph:</p>")
        parts.append(f'<pre class="runnable graph-form">{runnable_statement(query, query.graph_cypher)}</pre>')
        parts.append("<p>As a table (what <code>govkg query</code> prints):</p>")
    else:
        parts.append("<p>▶ gives the answer as a table (what <code>govkg query</code> prints):</p>")
    parts.append(f'<pre class="runnable table-form">{runnable_statement(query, query.cypher)}</pre>')
    command = f"govkg query {query.name}" + "".join(f" -p {name}=…" for name in query.defaults)
    parts.append(f"<p><small>{html.escape(command)}</small></p>")
    return _slide(query.title, "\n".join(parts))


def guide_html(browser_url: str = "BROWSER") -> str:
    """The guide page: the model, then one slide per canned question.

    Args:
        browser_url: Where Browser is served, so the style command points at this server.
    """
    slides = _model_slides() + [_question_slide(q) for q in catalog().values()]
    page = "\n".join(
        [
            "<!DOCTYPE html>",
            '<html><head><meta charset="utf-8"><title>govkg</title></head><body>',
            '<article class="guide"><carousel class="deck container-fluid">',
            *slides,
            "</carousel></article>",
            "</body></html>",
        ]
    )
    return page.replace(html.escape(style_url("BROWSER")), html.escape(style_url(browser_url)))


def _browser_jar(classpath: str) -> Path:
    for entry in classpath.split(os.pathsep):
        if Path(entry).name.startswith("neo4j-browser-") and entry.endswith(".jar"):
            return Path(entry)
    raise StoreError("the Neo4j classpath has no neo4j-browser jar (graph/server/pom.xml)")


def install_web_bundle(state_dir: Path, classpath: str, browser_url: str) -> Path:
    """Write ``state_dir/web/neo4j-browser.zip``: the classpath's Browser plus the govkg guide and style.

    Neo4j extracts the zip at start and serves its first folder at ``/browser``. The zip
    is rebuilt only when the Browser jar, the guide or the style changed, and is
    written through a temporary file, so a failed build leaves the previous one.

    Args:
        state_dir: The server's state (home) directory.
        classpath: The server's classpath, holding the neo4j-browser jar.
        browser_url: Where Browser will be served (the guide's style command points there).

    Returns:
        The zip's path.

    Raises:
        StoreError: The classpath has no Browser jar, or the zip could not be written.
    """
    jar = _browser_jar(classpath)
    extra = {f"{GUIDE_FOLDER}/{GUIDE_FILE}": guide_html(browser_url), f"{GUIDE_FOLDER}/{STYLE_FILE}": grass_style()}
    digest = hashlib.sha256(str(jar).encode() + json.dumps(extra, sort_keys=True).encode()).hexdigest()
    web = state_dir / "web"
    target = web / BUNDLE_NAME
    stamp = web / f"{BUNDLE_NAME}.sha256"
    if target.exists() and stamp.exists() and stamp.read_text(encoding="utf-8").strip() == digest:
        return target
    web.mkdir(parents=True, exist_ok=True)
    os.chmod(web, 0o700)
    scratch = web / f".{BUNDLE_NAME}.tmp"
    try:
        with zipfile.ZipFile(jar) as source, zipfile.ZipFile(scratch, "w", zipfile.ZIP_STORED) as bundle:  # stored: built in a second, extracted once
            bundle.writestr(_BROWSER_ROOT, b"")  # the first entry is the folder Neo4j serves
            for info in source.infolist():
                if info.filename.startswith(_BROWSER_ROOT) and info.filename != _BROWSER_ROOT:
                    bundle.writestr(info.filename, source.read(info.filename))
            bundle.writestr(f"{_BROWSER_ROOT}{GUIDE_FOLDER}/", b"")
            for name, text in extra.items():
                bundle.writestr(_BROWSER_ROOT + name, text.encode("utf-8"))
        os.chmod(scratch, 0o600)
        scratch.replace(target)
    except (OSError, zipfile.BadZipFile) as error:
        scratch.unlink(missing_ok=True)
        raise StoreError(f"could not write the Browser bundle {target}: {error}") from error
    stamp.write_text(digest + "\n", encoding="utf-8")
    os.chmod(stamp, 0o600)
    return target


STYLE_COPY = "govkg.grass"
"""The style's file name in a folder written for another Neo4j (drag it onto Browser)."""


def write_browser_files(folder: Path, browser_url: str | None) -> tuple[Path, Path]:
    """Write the GraSS style and the guide page into ``folder`` (for a Neo4j that is not the local one).

    The folder appears whole or not at all; an earlier one of these two files is replaced,
    a folder holding anything else is refused.

    Returns:
        The paths of the style file and the guide page.
    """
    from govkg.files import atomic_folder

    names = {STYLE_COPY, GUIDE_FILE}
    with atomic_folder(folder, replaceable=lambda earlier: {p.name for p in earlier.iterdir()} <= names) as scratch:
        (scratch / STYLE_COPY).write_text(grass_style(), encoding="utf-8")
        (scratch / GUIDE_FILE).write_text(guide_html(browser_url or "http://127.0.0.1:7474/browser/"), encoding="utf-8")
    return Path(folder) / STYLE_COPY, Path(folder) / GUIDE_FILE
