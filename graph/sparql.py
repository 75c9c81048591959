"""SPARQL over exported RDF files with Oxigraph (a real SPARQL 1.1 engine, read-only here).

Two kinds of store answer the same queries:

* :func:`open_store` with files only: an in-memory store, for a handful of reports
  (~420 bytes a triple: 1,000 reports take ~2.8 GiB);
* :func:`build_store` once, then :func:`open_store` with ``path``: an on-disk (RocksDB)
  store opened read-only, for a corpus that does not fit in memory.

Both keep each report's named graph and make the default graph, which the queries read,
the union of the named graphs with every triple once (a triple stated by two reports is
one triple). Oxigraph's ``use_default_graph_as_union`` option is not used for this: it
returns a triple once per graph that holds it, so counts and joins would multiply.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from govkg.errors import QueryError, StoreError

_FORMATS = {".ttl": "text/turtle", ".nt": "application/n-triples", ".nq": "application/n-quads",
            ".trig": "application/trig", ".jsonld": "application/ld+json", ".json": "application/ld+json", ".rdf": "application/rdf+xml"}

_BATCH = 200
"""Files per bulk-load call: bounds the loader's buffers (~3,600 quads a synthetic report)."""


def rdf_files(paths: Iterable[str | Path]) -> list[Path]:
    """The RDF files named by ``paths``; a folder stands for its RDF files (sorted, not recursive).

    Every file is checked before anything is loaded, so a typo fails at once, not after
    an hour of loading.

    Raises:
        StoreError: a path is missing or not an RDF file type.
    """
    out: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(p for p in path.iterdir() if p.is_file() and p.suffix.lower() in _FORMATS)
            if not found:
                raise StoreError(f"{path}: no RDF files in this folder")
            out.extend(found)
            continue
        if not path.is_file():
            raise StoreError(f"{path}: no such RDF file")
        if path.suffix.lower() not in _FORMATS:
            raise StoreError(f"{path}: unknown RDF file type (use .ttl, .nt, .nq, .trig or .jsonld)")
        out.append(path)
    return out


def _quads(files: list[Path], progress: Callable[[Path], None] | None, current: list[Path], read: list[int]) -> Iterator[Any]:
    """Each file's quads, and each named-graph triple once more in the default graph; ``read[0]`` counts the files' quads."""
    import pyoxigraph

    default = pyoxigraph.DefaultGraph()
    for path in files:
        current[0] = path
        fmt = pyoxigraph.RdfFormat.from_media_type(_FORMATS[path.suffix.lower()])
        for quad in pyoxigraph.parse(path=str(path), format=fmt):
            read[0] += 1
            yield quad
            if not isinstance(quad.graph_name, pyoxigraph.DefaultGraph):
                yield pyoxigraph.Quad(quad.subject, quad.predicate, quad.object, default)
        if progress is not None:
            progress(path)


def _load(store: Any, files: list[Path], progress: Callable[[Path], None] | None = None) -> int:
    """The ontology, then ``files`` in batches, into ``store``.

    The ontology is loaded too, so queries can read Neo4j names (``gkg:cypherName``) and
    top classes (``gkg:topClass``) from the one source of truth.
    """
    import pyoxigraph

    from govkg.ontology.schema import ontology_turtle

    store.bulk_load(ontology_turtle().encode("utf-8"), format=pyoxigraph.RdfFormat.TURTLE)
    current = [files[0]] if files else [Path()]
    read = [0]
    for start in range(0, len(files), _BATCH):
        try:
            store.bulk_extend(_quads(files[start:start + _BATCH], progress, current, read))
        except (SyntaxError, ValueError, OSError) as error:
            raise StoreError(f"{current[0]}: not valid RDF ({str(error).splitlines()[0][:120]})") from None
    return read[0]


def build_store(files: Iterable[str | Path], path: str | Path, progress: Callable[[Path], None] | None = None) -> int:
    """Bulk-load RDF files into a new on-disk Oxigraph store in the folder ``path``.

    The store is written once and then only read (:func:`open_store` opens it read-only):
    to add or correct reports, build a new one. Memory stays bounded by the loader's
    batches, not the corpus.

    Args:
        files: RDF files or folders of them (N-Quads, one named graph per report, is the
            export meant for this; triple formats go to the default graph).
        path: a folder that does not exist yet or is empty.
        progress: called with each file once it is read.

    Returns:
        The number of quads (or triples) read from the files: the number the export
        printed. The store holds more (each triple once more in the default graph, and
        the ontology), and fewer where files repeat a triple.

    Raises:
        StoreError: ``path`` is not empty, or a file is missing or not valid RDF (the
            half-built store is removed).
    """
    import pyoxigraph

    paths = rdf_files(files)
    target = Path(path)
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise StoreError(f"{target}: not an empty folder; a store is built once into a new folder")
    from govkg.files import atomic_folder

    try:  # built in a scratch folder renamed into place: Ctrl-C or a bad file leaves no half-built store
        with atomic_folder(target) as scratch:
            store = pyoxigraph.Store(str(scratch))
            size = _load(store, paths, progress)
            store.flush()
            store.optimize()
            del store  # closes RocksDB before the rename, so the folder can be opened read-only at once
    except OSError as error:
        raise StoreError(f"{target}: could not write the store ({str(error).splitlines()[0][:120]})") from None
    return size


def open_store(files: Iterable[str | Path] = (), path: str | Path | None = None) -> Any:
    """An Oxigraph store to query: in memory from ``files``, or the on-disk store in ``path``.

    With ``path`` and no files, the store :func:`build_store` wrote there is opened
    read-only (many processes may read it at once). With ``path`` and files, the store is
    built first. Without ``path``, the files are loaded into memory.

    Raises:
        StoreError: a file is missing or not valid RDF, or ``path`` holds no store.
    """
    import pyoxigraph

    paths = list(files)
    if path is None:
        store = pyoxigraph.Store()
        _load(store, rdf_files(paths))
        return store
    if paths:
        build_store(paths, path)
    folder = Path(path)
    if not (folder / "CURRENT").is_file():
        raise StoreError(f"{folder}: no Oxigraph store here (build one with `govkg sparql-index FILES --store {folder}`)")
    try:
        return pyoxigraph.Store.read_only(str(folder))
    except OSError as error:
        raise StoreError(f"{folder}: cannot open the store ({str(error).splitlines()[0][:120]})") from None


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


def run_sparql(
    query: str, files: Iterable[str | Path] = (), parameters: dict[str, Any] | None = None, path: str | Path | None = None
) -> tuple[list[str], list[dict[str, Any]]]:
    """Run ``query`` over ``files`` loaded into memory, or over the on-disk store in ``path``."""
    return query_store(open_store(files, path), query, parameters)
