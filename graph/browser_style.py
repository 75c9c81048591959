"""One colour per Neo4j node label, shared by Neo4j Browser's GraSS style and the viz pages.

The labels come from the ontology (the classes marked ``gkg:topClass``), so a new top
class gets a colour and a Browser style without retyping anything; the shipped
``browser/style.grass`` is ``grass_style()`` written out (a test keeps them equal).
"""

from __future__ import annotations

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
    """Neo4j Browser GraSS: each top-class label its own colour, captioned by ``name``."""
    lines = [
        "node {",
        "  diameter: 50px;",
        "  color: #A5ABB6;",
        "  border-color: #9AA1AC;",
        "  border-width: 2px;",
        "  text-color-internal: #FFFFFF;",
        "  font-size: 10px;",
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
    for label, colour in label_colours().items():
        lines += [
            f"node.{label} {{",
            f"  color: {colour};",
            f"  border-color: {border_colour(colour)};",
            f"  text-color-internal: {text_colour(colour)};",
            "  defaultCaption: <id>;",
            '  caption: "{name}";',
            "}",
        ]
    return "\n".join(lines) + "\n"


def style_path() -> Path:
    """The shipped GraSS file, for ``:style`` in Neo4j Browser (drag it onto the Browser)."""
    return Path(str(files("govkg.graph") / STYLE_RESOURCE))
