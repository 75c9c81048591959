"""One colour per Neo4j node label, shared by Neo4j Browser's GraSS style and the viz pages.

Every label comes from the ontology: each top class (``gkg:topClass``) has its own colour,
and each finer class a shade of it (same hue and saturation, its own lightness), so a
``:Place:Township`` node reads as a place and no finer label is left for Browser to colour
by itself. A new class gets a colour and a Browser style without retyping anything; the
shipped ``browser/style.grass`` is ``grass_style()`` written out (a test keeps them equal).
"""

from __future__ import annotations

import colorsys
from importlib.resources import files
from pathlib import Path

from rdflib import Literal, URIRef

from govkg.ontology.schema import GKG_IRI, load_schema

PALETTE: dict[str, str] = {
    "Institution": "#4C8EDA",
    "Place": "#57C7E3",
    "Agreement": "#F79767",
    "Document": "#8DCC93",
    "Mechanism": "#C990C0",
    "ObservationPoint": "#F16667",
    "MediationCentre": "#FFC454",
    "Event": "#D9C8AE",
    "Statistic": "#A5ABB6",
    "Report": "#569480",
}
"""Fixed colours for the known top classes (Neo4j Browser's own palette), so pictures stay stable."""

SPARE_COLOURS: tuple[str, ...] = ("#ECB5C9", "#6DCE9E", "#DA7194", "#B2A1D8", "#FF756E", "#8FB3FF", "#C2B280", "#7FB7BE")
"""Colours handed, in order, to top classes the palette does not know yet."""

STYLE_RESOURCE = "browser/style.grass"
_TOP_CLASS = URIRef(f"{GKG_IRI}topClass")


def node_labels() -> list[str]:
    """Neo4j labels of the ontology's top classes (one per node), in ontology order."""
    schema = load_schema()
    flagged = {str(s)[len(GKG_IRI):] for s, o in schema.graph.subject_objects(_TOP_CLASS) if o == Literal(True)}
    return [schema.classes[name].cypher_name for name in schema.top_classes if name in flagged]


def label_colours() -> dict[str, str]:
    """Fill colour of every node label: the palette's, else the next spare colour."""
    spare = iter(SPARE_COLOURS * (1 + len(node_labels()) // len(SPARE_COLOURS)))
    return {label: PALETTE.get(label) or next(spare) for label in node_labels()}


SHADE_STEP = 0.06
"""Lightness between neighbouring shades of a family (HLS, 0..1)."""


def _lightened(colour: str, delta: float) -> str:
    red, green, blue = (int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
    hue, lightness, saturation = colorsys.rgb_to_hls(red, green, blue)
    r, g, b = colorsys.hls_to_rgb(hue, max(0.12, min(0.9, lightness + delta)), saturation)
    return "#" + "".join(f"{round(c * 255):02X}" for c in (r, g, b))


def class_colours() -> dict[str, str]:
    """Fill colour of every Neo4j label of the ontology: top classes first, then finer ones.

    A top class keeps its colour from :func:`label_colours`; its finer classes, in
    ontology order, get shades alternately darker and lighter by :data:`SHADE_STEP`.
    """
    schema = load_schema()
    tops = label_colours()
    colours = dict(tops)
    for top in schema.top_classes:
        base = tops.get(schema.classes[top].cypher_name)
        if base is None:
            continue
        finer = [c for c in schema.classes.values() if c.top == top and c.name != top]
        for index, cls in enumerate(finer):
            step = index // 2 + 1
            colours[cls.cypher_name] = _lightened(base, SHADE_STEP * step * (-1 if index % 2 == 0 else 1))
    return colours


def family(label: str) -> str:
    """The top-class label whose colour family ``label`` belongs to."""
    schema = load_schema()
    for cls in schema.classes.values():
        if cls.cypher_name == label:
            return schema.classes[cls.top].cypher_name
    raise KeyError(label)


def _shade(colour: str, factor: float) -> str:
    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return "#" + "".join(f"{max(0, min(255, round(c * factor))):02X}" for c in (red, green, blue))


def text_colour(colour: str) -> str:
    """White or near-black, whichever reads better on ``colour`` (WCAG relative luminance)."""

    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    red, green, blue = (channel(int(colour[i : i + 2], 16)) for i in (1, 3, 5))
    luminance = 0.2126 * red + 0.7152 * green + 0.0722 * blue
    return "#FFFFFF" if (1.05 / (luminance + 0.05)) >= ((luminance + 0.05) / 0.05) else "#2A2C34"


def border_colour(colour: str) -> str:
    """A darker shade of a fill colour, for node borders."""
    return _shade(colour, 0.82)


def grass_style() -> str:
    """Neo4j Browser GraSS: every ontology label its colour, captioned by the short ``caption``.

    Browser applies the rules of all a node's labels in file order, so the finer labels
    come after the top ones and win. Nodes are drawn a little larger than Browser's
    default so that a caption of three short lines fits.
    """
    lines = [
        "node {",
        "  diameter: 60px;",
        "  color: #A5ABB6;",
        "  border-color: #9AA1AC;",
        "  border-width: 2px;",
        "  text-color-internal: #FFFFFF;",
        "  font-size: 9px;",
        "}",
        "relationship {",
        "  color: #A5ABB6;",
        "  shaft-width: 1px;",
        "  font-size: 8px;",
        "  padding: 3px;",
        "  text-color-external: #000000;",
        "  text-color-internal: #FFFFFF;",
        '  caption: "<type>";',
        "}",
    ]
    for label, colour in class_colours().items():
        lines += [
            f"node.{label} {{",
            f"  color: {colour};",
            f"  border-color: {border_colour(colour)};",
            f"  text-color-internal: {text_colour(colour)};",
            "  defaultCaption: <id>;",
            '  caption: "{caption}";',
            "}",
        ]
    return "\n".join(lines) + "\n"


def style_path() -> Path:
    """The shipped GraSS file, for ``:style`` in Neo4j Browser (drag it onto the Browser)."""
    return Path(str(files("govkg.graph") / STYLE_RESOURCE))
