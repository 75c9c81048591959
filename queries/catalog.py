"""The canned queries: one ``NAME.cypher`` per question, its SPARQL twin ``NAME.rq`` beside it.

Each file starts with a header of comment lines::

    // title: Partners of a region
    // description: ...
    // param region: 青浦区          (one line per parameter, with its default)
    // lists: chain                  (columns whose values are lists, in the same order in both twins)

A question about a network may have a graph form beside it, ``NAME.graph.cypher``, with
the same parameters, returning paths or nodes and relationships so that Neo4j Browser
draws the answer; the CLI prints the table form. The catalogue is built by reading this
folder; nothing else lists the queries.

A ``.rq`` twin is standard SPARQL 1.1 that any engine runs as it stands (Oxigraph, Jena
Fuseki and rdflib give the same answers: tests/test_engines.py): each parameter NAME is a
``VALUES ?param_NAME { default }`` clause and a ``limit`` is the ``LIMIT`` itself;
:func:`sparql_with_parameters` writes a caller's values into them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.resources import files
from typing import Any

from govkg.errors import QueryError

LIST_SEPARATOR = "、"
"""Separator of a list column's values in a SPARQL twin's ``GROUP_CONCAT``."""

_HEADER = re.compile(r"^(?://|#)\s*(?P<key>title|description|param|lists)(?:\s+(?P<name>\w+))?:\s?(?P<value>.*)$")


@dataclass(frozen=True)
class CannedQuery:
    """One question with its Cypher text, its SPARQL twin and its parameters' defaults."""

    name: str
    title: str
    description: str
    cypher: str
    sparql: str | None
    defaults: dict[str, Any] = field(default_factory=dict)
    list_columns: tuple[str, ...] = ()
    graph_cypher: str | None = None

    def with_lists(self, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """Rows with each list column (``lists:`` header) as a list.

        Cypher returns lists already; SPARQL has no list values, so its twin writes them
        with ``GROUP_CONCAT(...; separator="、")`` in the same order, and they are split here.
        """
        if not self.list_columns:
            return rows
        out = []
        for row in rows:
            row = dict(row)
            for column in self.list_columns:
                value = row.get(column)
                if value is None or value == "":
                    row[column] = []
                elif isinstance(value, str):
                    row[column] = value.split(LIST_SEPARATOR)
            out.append(row)
        return out

    def parameters(self, overrides: dict[str, str] | None = None) -> dict[str, Any]:
        """Defaults updated with ``overrides`` (strings, cast to each default's type).

        Raises:
            QueryError: an unknown parameter or a value of the wrong type.
        """
        values = dict(self.defaults)
        for key, raw in (overrides or {}).items():
            if key not in self.defaults:
                known = ", ".join(self.defaults) or "none"
                raise QueryError(f"query {self.name!r} has no parameter {key!r} (parameters: {known})")
            default = self.defaults[key]
            try:
                values[key] = int(raw) if isinstance(default, int) and not isinstance(default, bool) else raw
            except ValueError:
                raise QueryError(f"parameter {key!r} of {self.name!r} must be a whole number, not {raw!r}") from None
        return values


def _parse(name: str, text: str) -> tuple[dict[str, Any], str, str, tuple[str, ...]]:
    defaults: dict[str, Any] = {}
    title = description = ""
    lists: tuple[str, ...] = ()
    for line in text.splitlines():
        match = _HEADER.match(line.strip())
        if not match:
            continue
        key, value = match["key"], match["value"].strip()
        if key == "title":
            title = value
        elif key == "description":
            description = value
        elif key == "lists":
            lists = tuple(v.strip() for v in value.split(",") if v.strip())
        elif match["name"]:
            defaults[match["name"]] = int(value) if re.fullmatch(r"-?\d+", value) else value
    if not title:
        raise QueryError(f"query file {name} has no '// title:' header")
    return defaults, title, description, lists


@lru_cache(maxsize=1)
def catalog() -> dict[str, CannedQuery]:
    """All canned queries, by name, read from the package folder."""
    folder = files("govkg.queries")
    out: dict[str, CannedQuery] = {}
    for resource in sorted(folder.iterdir(), key=lambda r: r.name):
        name = resource.name[: -len(".cypher")]
        if not resource.name.endswith(".cypher") or "." in name:
            continue
        cypher = resource.read_text(encoding="utf-8")
        defaults, title, description, lists = _parse(resource.name, cypher)
        twin = folder / f"{name}.rq"
        sparql = twin.read_text(encoding="utf-8") if twin.is_file() else None
        drawn = folder / f"{name}.graph.cypher"
        graph = drawn.read_text(encoding="utf-8") if drawn.is_file() else None
        out[name] = CannedQuery(name, title, description, cypher, sparql, defaults, lists, graph)
    return out


def get(name: str) -> CannedQuery:
    """The canned query called ``name``.

    Raises:
        QueryError: no such query.
    """
    try:
        return catalog()[name]
    except KeyError:
        raise QueryError(f"no canned query {name!r}; `govkg queries` lists them") from None


_VALUES = re.compile(r"VALUES\s+\?param_(?P<name>\w+)\s*\{\s*(?P<term>[^{}]*?)\s*\}")
"""``VALUES ?param_NAME { default }``: where a ``.rq`` file binds the parameter NAME."""

_TERM = re.compile(r'^(?:(?P<integer>[+-]?\d+)|"(?P<text>(?:[^"\\]|\\.)*)"(?:@(?P<language>[A-Za-z]+(?:-[A-Za-z0-9]+)*)|\^\^(?:xsd:(?P<xsd>\w+)|<(?P<iri>[^<>\s]*)>))?)$')
"""The default term of a ``VALUES`` row: an integer, or a string literal with an optional language tag or datatype."""

_LIMIT = re.compile(r"\bLIMIT\s+(\d+)\b")

_XSD = "http://www.w3.org/2001/XMLSchema#"


def _unescape(text: str) -> str:
    return re.sub(r"\\(.)", lambda m: {"n": "\n", "r": "\r", "t": "\t"}.get(m.group(1), m.group(1)), text)


def _bindings(query: CannedQuery) -> dict[str, list[re.Match[str]]]:
    """Each parameter's ``VALUES`` clauses in the SPARQL text, checked against the header's defaults.

    Raises:
        QueryError: the twin binds a parameter the header does not declare, writes a
            default other than the header's, or leaves a declared parameter unbound
            (a whole-number parameter may instead be every ``LIMIT`` equal to its default).
    """
    assert query.sparql is not None
    found: dict[str, list[re.Match[str]]] = {}
    for match in _VALUES.finditer(query.sparql):
        name, term = match["name"], _TERM.match(match["term"])
        if name not in query.defaults:
            raise QueryError(f"{query.name}.rq binds ?param_{name}, which its header does not declare")
        if term is None:
            raise QueryError(f"{query.name}.rq: VALUES ?param_{name} must hold one literal, not {match['term']!r}")
        written = int(term["integer"]) if term["integer"] is not None else _unescape(term["text"])
        if str(written) != str(query.defaults[name]):
            raise QueryError(f"{query.name}.rq binds ?param_{name} to {written!r}, but its header's default is {query.defaults[name]!r}")
        found.setdefault(name, []).append(match)
    for name, default in query.defaults.items():
        if name in found:
            continue
        is_limit = isinstance(default, int) and any(int(m.group(1)) == default for m in _LIMIT.finditer(query.sparql))
        if not is_limit:
            raise QueryError(f"{query.name}.rq does not bind parameter {name!r} (VALUES ?param_{name} {{ ... }} or LIMIT {default})")
    return found


def sparql_with_parameters(query: CannedQuery, values: dict[str, Any]) -> str:
    """The twin's standard SPARQL text with each parameter's value written into its ``VALUES`` rows.

    A ``.rq`` file is a query any SPARQL 1.1 engine runs as it stands: each parameter is a
    ``VALUES ?param_NAME { default }`` clause (one in every block that needs it, so
    subqueries and ``MINUS`` are selective on their own), and a whole-number parameter of a
    ``LIMIT`` is the number itself. Binding replaces the default by the value written as
    the same kind of term: tagged ``@zh`` when the default is, typed ``xsd:gYear`` when
    the default is, an integer for an integer. Values go through Oxigraph's term
    serialiser (escaped literals), so no value can change the query's structure.

    Raises:
        QueryError: the query has no twin, or a value is not a whole number where the
            parameter needs one.
    """
    import pyoxigraph

    if query.sparql is None:
        raise QueryError(f"query {query.name!r} has no SPARQL twin")
    bindings = _bindings(query)

    def integer(name: str) -> int:
        try:
            return int(values[name])
        except (TypeError, ValueError):
            raise QueryError(f"parameter {name!r} of {query.name!r} must be a whole number, not {values[name]!r}") from None

    def term(name: str, default: str) -> str:
        parsed = _TERM.match(default)
        assert parsed is not None  # checked by _bindings
        value = values.get(name, query.defaults[name])
        if parsed["integer"] is not None:
            return str(integer(name)) if name in values else parsed["integer"]
        if parsed["language"]:
            return str(pyoxigraph.Literal(str(value), language=parsed["language"]))
        datatype = _XSD + parsed["xsd"] if parsed["xsd"] else parsed["iri"]
        if datatype:
            return str(pyoxigraph.Literal(str(value), datatype=pyoxigraph.NamedNode(datatype)))
        return str(pyoxigraph.Literal(str(value)))

    text = _VALUES.sub(lambda m: f"VALUES ?param_{m['name']} {{ {term(m['name'], m['term'])} }}", query.sparql)
    for name, default in query.defaults.items():
        if name not in bindings and name in values and values[name] != default:
            text = _rewrite_limits(text, default, integer(name))
    return text


def _rewrite_limits(text: str, default: int, value: int) -> str:
    """Every ``LIMIT default`` of ``text`` as ``LIMIT value``."""
    return _LIMIT.sub(lambda m: f"LIMIT {value}" if int(m.group(1)) == default else m.group(0), text)
