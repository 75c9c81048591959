"""Python source of :mod:`govkg.ontology.terms`, derived from the ontology, never written by hand.

``terms.py`` beside this module is this function's output, kept in the repository so
that code can import the terms without parsing Turtle and type checkers can see them;
a test checks the two stay equal (``govkg schema --terms`` regenerates it).
"""

from __future__ import annotations

from importlib.resources import files

from govkg.ontology.schema import load_schema

_HEADER = '''"""The ontology's classes and relation types as code: generated from ``govkg.ttl``, do not edit.

Regenerate with ``govkg schema --terms > ontology/terms.py``; a test keeps this file equal
to the ontology. Members are strings (``Class.Place == "Place"``), so they serialise as
the names the JSON output, Neo4j and the vocabulary files use; an unknown name is an
``AttributeError`` (``Class.Plaec``) or a ``ValueError`` (``Class("Plaec")``).
"""

from __future__ import annotations

from enum import Enum


class _Term(str, Enum):
    """A name of the ontology; formats and prints as its plain name."""

    def __str__(self) -> str:
        return str.__str__(self)

    def __format__(self, format_spec: str) -> str:
        return str.__format__(self, format_spec)
'''


def terms_module() -> str:
    """The text of ``terms.py``: ``Class`` (every class, by local name) and ``RelationType`` (by Neo4j type)."""
    schema = load_schema()
    lines = [_HEADER, "", "class Class(_Term):", '    """Every class of the ontology, by its local name (``gkg:Place`` → ``Class.Place``)."""', ""]
    for cls in schema.classes.values():
        lines.append(f'    {cls.name} = "{cls.name}"  # {cls.label_en} / {cls.label_zh}')
    lines += ["", "", "class RelationType(_Term):", '    """Every object property, by its Neo4j relationship type (``gkg:partOf`` → ``RelationType.PART_OF``)."""', ""]
    for relation in sorted(schema.relations.values(), key=lambda r: r.cypher_name):
        lines.append(f'    {relation.cypher_name} = "{relation.cypher_name}"  # gkg:{relation.name}, {relation.label_en}')
    lines += ["", "", "TOP_CLASS: dict[Class, Class] = {"]
    for cls in schema.classes.values():
        lines.append(f"    Class.{cls.name}: Class.{cls.top},")
    lines += ["}", '"""Each class\'s top class (its first Neo4j label)."""', ""]
    return "\n".join(lines)


def shipped_terms_module() -> str:
    """The ``terms.py`` shipped beside the ontology."""
    return (files("govkg.ontology") / "terms.py").read_text(encoding="utf-8")
