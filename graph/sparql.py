"""SPARQL over exported RDF files with Oxigraph (a real SPARQL 1.1 engine, read-only here)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from govkg.errors import QueryError, StoreError

_FORMATS = {".ttl": "text/turtle", ".nt": "application/n-triples", ".nq": "application/n-quads",
            ".trig": "application/trig", ".jsonld": "application/ld+json", ".json": "application/ld+json", ".rdf": "application/rdf+xml"}


def open_store(files: Iterable[str | Path]) -> Any:
    """An in-memory Oxigraph store holding the given RDF files (named graphs kept) and the ontology.

    The ontology is loaded too, so queries can read Neo4j names (``gkg:cypherName``) and
    top classes (``gkg:topClass``) from the one source of truth.
    """
    import pyoxigraph

    from govkg.ontology.schema import ontology_turtle

    store = pyoxigraph.Store()
    store.load(ontology_turtle().encode("utf-8"), format=pyoxigraph.RdfFormat.TURTLE)
    for raw in files:
        path = Path(raw)
        if not path.is_file():
            raise StoreError(f"{path}: no such RDF file")
        mime = _FORMATS.get(path.suffix.lower())
        if mime is None:
            raise StoreError(f"{path}: unknown RDF file type (use .ttl, .nt, .nq, .trig or .jsonld)")
        try:
            store.bulk_load(path=str(path), format=pyoxigraph.RdfFormat.from_media_type(mime))
        except (SyntaxError, ValueError, OSError) as error:
            raise StoreError(f"{path}: not valid RDF ({str(error).splitlines()[0][:120]})") from None
    # Queries read the default graph: the union of the reports' named graphs, each triple once.
    store.update("INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")
    return store


def _plain(term: Any) -> Any:
    import pyoxigraph

    if term is None:
        return None
    if isinstance(term, pyoxigraph.Literal):
        datatype = term.datatype.value
        if datatype.endswith(("#integer", "#nonNegativeInteger", "#int", "#long")):
            return int(term.value)
        if datatype.endswith(("#decimal", "#double", "#float")):
            return float(term.value)
        if datatype.endswith("#boolean"):
            return term.value == "true"
        return term.value
    return term.value


def query_store(store: Any, query: str, parameters: dict[str, Any] | None = None) -> tuple[list[str], list[dict[str, Any]]]:
    """Run a SELECT (or ASK) query; parameters are bound as literals with ``substitutions``.

    Raises:
        QueryError: the query is not valid SPARQL, or is an update (this is read-only).
    """
    import pyoxigraph

    substitutions = {pyoxigraph.Variable(k): _literal(v) for k, v in (parameters or {}).items()}
    try:
        result = store.query(query, substitutions=substitutions)
    except SyntaxError as error:
        raise QueryError(f"invalid SPARQL: {str(error).splitlines()[0][:160]}") from None
    if isinstance(result, pyoxigraph.QueryBoolean):
        return ["answer"], [{"answer": bool(result)}]
    if isinstance(result, pyoxigraph.QueryTriples):
        rows = [{"subject": t.subject.value, "predicate": t.predicate.value, "object": _plain(t.object)} for t in result]
        return ["subject", "predicate", "object"], rows
    columns = [v.value for v in result.variables]
    return columns, [{c: _plain(solution[c]) for c in columns} for solution in result]


def _literal(value: Any) -> Any:
    import pyoxigraph

    if isinstance(value, bool):
        return pyoxigraph.Literal(str(value).lower(), datatype=pyoxigraph.NamedNode("http://www.w3.org/2001/XMLSchema#boolean"))
    if isinstance(value, int):
        return pyoxigraph.Literal(str(value), datatype=pyoxigraph.NamedNode("http://www.w3.org/2001/XMLSchema#integer"))
    if isinstance(value, float):
        return pyoxigraph.Literal(str(value), datatype=pyoxigraph.NamedNode("http://www.w3.org/2001/XMLSchema#decimal"))
    return pyoxigraph.Literal(str(value))


def run_sparql(query: str, files: Iterable[str | Path], parameters: dict[str, Any] | None = None) -> tuple[list[str], list[dict[str, Any]]]:
    """Load ``files`` and run ``query`` over them."""
    return query_store(open_store(files), query, parameters)
