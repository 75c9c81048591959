"""The canned queries: one ``NAME.cypher`` per question, its SPARQL twin ``NAME.rq`` beside it.

Each file starts with a header of comment lines::

    // title: Partners of a region
    // description: ...
    // param region: 青浦区          (one line per parameter, with its default)
    // lists: chain                  (columns whose values are sets joined by 、)

The catalogue is built by reading this folder; nothing else lists the queries.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from typing import Any

from govkg.errors import QueryError

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
            if isinstance(values[key], int) and not -(2**63) <= values[key] < 2**63:  # what Neo4j and SPARQL engines hold
                raise QueryError(f"parameter {key!r} of {self.name!r} is out of range (a 64-bit whole number): {raw}")
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
        if not resource.name.endswith(".cypher"):
            continue
        name = resource.name[: -len(".cypher")]
        cypher = resource.read_text(encoding="utf-8")
        defaults, title, description, lists = _parse(resource.name, cypher)
        twin = folder / f"{name}.rq"
        sparql = twin.read_text(encoding="utf-8") if twin.is_file() else None
        out[name] = CannedQuery(name, title, description, cypher, sparql, defaults, lists)
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


_PLACEHOLDER = re.compile(r"\$(\w+)(?:@([A-Za-z]+(?:-[A-Za-z0-9]+)*)|\^\^xsd:([A-Za-z]+))?")
"""``$name``, ``$name@zh`` (a language-tagged literal) or ``$name^^xsd:gYear`` (a typed one)."""

_XSD = "http://www.w3.org/2001/XMLSchema#"


def sparql_with_parameters(query: CannedQuery, values: dict[str, Any]) -> str:
    """The SPARQL text with each ``$name`` replaced by its value written as an RDF literal.

    ``$name`` becomes a plain string (an integer, e.g. ``42``, for whole-number parameters),
    ``$name@zh`` a literal tagged ``zh`` and ``$name^^xsd:gYear`` a literal of that
    datatype. The tagged and typed forms equal the stored terms exactly, so a pattern
    such as ``?x gkg:name $name@zh`` is one index lookup instead of a scan with
    ``FILTER(STR(?n) = $name)``.

    Values are written by Oxigraph's term serialiser (escaped N-Triples literals), so no
    value can change the query's structure.
    """
    import pyoxigraph

    if query.sparql is None:
        raise QueryError(f"query {query.name!r} has no SPARQL twin")

    def literal(value: Any, language: str | None, datatype: str | None) -> str:
        if language:
            return str(pyoxigraph.Literal(str(value), language=language))
        if datatype:
            return str(pyoxigraph.Literal(str(value), datatype=pyoxigraph.NamedNode(_XSD + datatype)))
        if isinstance(value, int) and not isinstance(value, bool):
            return str(int(value))  # SPARQL's integer syntax, so ``LIMIT $limit`` works too
        return str(pyoxigraph.Literal(str(value)))

    def replace(match: re.Match[str]) -> str:
        key = match.group(1)
        if key not in values:
            raise QueryError(f"query {query.name!r} uses ${key} but declares no such parameter")
        return literal(values[key], match.group(2), match.group(3))

    body = "\n".join(line for line in query.sparql.splitlines() if not _HEADER.match(line.strip()))
    return _PLACEHOLDER.sub(replace, body)


def read_query_file(path: str | Path) -> str:
    """The text of a query file (``govkg sparql @file.rq``).

    Raises:
        QueryError: the file is missing, a folder, unreadable or not UTF-8 text.
    """
    try:
        return Path(path).read_text(encoding="utf-8")
    except OSError as error:
        raise QueryError(f"{path}: cannot read the query file ({error.strerror or error})") from None
    except UnicodeDecodeError:
        raise QueryError(f"{path}: the query file is not UTF-8 text") from None
