"""Extractions → CSV files for ``neo4j-admin database import full`` (the initial bulk load).

The files hold the same graph that :meth:`~govkg.graph.neo4j_store.Neo4jStore.load` builds
report by report (the rows come from the loader's own plan,
:func:`~govkg.graph.neo4j_plan.plan_report`, so labels, types and properties are the
ontology's), written once instead of merged:

* one node file per label group (``nodes-Agreement-CooperationAgreement.csv``) with an
  ``iri:ID`` column (one global ID space: IRIs are unique), a ``:LABEL`` column and
  typed properties (``year:long``, ``value:double``, ``approximate:boolean``,
  ``aliases:string[]``, ``report_count:long``; the Report node's ``stated_nodes:string[]``);
* one relationship file per type (``rels-PARTY_TO.csv``) with ``:START_ID``, ``:END_ID``,
  ``:TYPE`` and typed properties.

A node or relationship named by several reports is written once, with the number of
reports in ``report_count``, the properties successive MERGEs would leave (Cypher's ``SET x += props``:
later reports overwrite, a null removes) and the aliases of all reports in order of
first appearance. Report and statistic nodes and the MENTIONS/STATES relationships belong
to one report each and are streamed to disk as they come; only entities and the
relations between them are held in memory until :meth:`Neo4jCsvWriter.close`. A report
id seen twice keeps its first extraction (later ones are counted in ``skipped``).

Arrays use :data:`ARRAY_DELIMITER` (U+001F), which no name contains; pass
:func:`import_arguments` to the import tool so it reads them that way.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from govkg.errors import StoreError
from govkg.graph.neo4j_plan import PER_MENTION_TYPES, plan_report
from govkg.loaders.model import Extraction
from govkg.ontology.schema import load_schema

ARRAY_DELIMITER = "\x1f"
"""Between array elements and between labels (``--array-delimiter=U+001F``)."""

REPORT_COLUMNS = ("iri", "id", "name", "caption", "name_en", "region", "year", "published", "source", "sha256", "body_kind", "class", "type",
                  "stated_nodes", "stated_relationships", "report_count")
ENTITY_COLUMNS = ("iri", "id", "name", "caption", "name_en", "aliases", "class", "type", "code", "province", "level", "series", "report_count")
STATISTIC_COLUMNS = ("iri", "id", "name", "caption", "measure", "value", "unit", "approximate", "consistent", "check", "class", "type", "report_count")
EDGE_COLUMNS = ("start", "end", "text", "sentence", "implicit", "report_count")

_XSD_TYPES = {
    "boolean": "boolean",
    "nonNegativeInteger": "long",
    "integer": "long",
    "int": "long",
    "long": "long",
    "gYear": "long",
    "decimal": "double",
    "double": "double",
    "float": "double",
}
_ARRAYS = {"aliases": "string[]", "stated_nodes": "string[]", "stated_relationships": "string[]"}


def property_type(name: str) -> str:
    """The import type of a Neo4j property, from its XSD range in the ontology.

    ``published`` (``xsd:date``) stays a string, as the Bolt loader stores it.
    """
    if name in _ARRAYS:
        return _ARRAYS[name]
    for attribute in load_schema().attributes.values():
        if attribute.neo4j_property == name:
            return _XSD_TYPES.get(str(attribute.range).rpartition("#")[2], "string")
    raise StoreError(f"{name!r} is not a property of the ontology")


def header(columns: Iterable[str], kind: str) -> list[str]:
    """The CSV header: ``iri:ID`` and ``:LABEL`` for nodes, ``:START_ID,:END_ID,:TYPE`` for relationships."""
    typed = []
    for column in columns:
        if kind == "node" and column == "iri":
            typed.append("iri:ID")
            continue
        kind_of = property_type(column)
        typed.append(column if kind_of == "string" else f"{column}:{kind_of}")
    return [*typed, ":LABEL"] if kind == "node" else [":START_ID", ":END_ID", ":TYPE", *typed]


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        for item in value:
            if ARRAY_DELIMITER in str(item):
                raise StoreError(f"array value {item!r} contains the array delimiter U+001F")
        return ARRAY_DELIMITER.join(str(item) for item in value)
    if isinstance(value, float):
        return repr(value)
    return value


def _set_plus(old: dict[str, Any], new: dict[str, Any]) -> dict[str, Any]:
    """Cypher's ``SET x += new``: keys of ``new`` overwrite, a null removes, other keys stay."""
    merged = {**old, **new}
    return {k: v for k, v in merged.items() if v is not None}


@dataclass
class _File:
    path: Path
    handle: IO[str]
    writer: Any
    columns: tuple[str, ...]
    rows: int = 0


@dataclass
class _Node:
    labels: tuple[str, ...]
    props: dict[str, Any]
    reports: list[str] = field(default_factory=list)


@dataclass
class _Edge:
    props: dict[str, Any]
    reports: list[str] = field(default_factory=list)


class Neo4jCsvWriter:
    """Writes import CSV files into ``folder`` as extractions are added; ``close()`` returns the files."""

    def __init__(self, folder: str | Path) -> None:
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.skipped = 0
        self._files: dict[str, _File] = {}
        self._reports: set[str] = set()
        self._entities: dict[str, _Node] = {}
        self._relations: dict[tuple[str, str, str], _Edge] = {}
        self._closed = False

    def __enter__(self) -> Neo4jCsvWriter:
        return self

    def __exit__(self, exc_type: object, *exc: object) -> None:
        if self._closed:
            return
        if exc_type is None:
            self.close()
        else:  # the files are incomplete: close them, write nothing more
            for out in self._files.values():
                out.handle.close()
            self._closed = True

    def _file(self, name: str, columns: tuple[str, ...], kind: str) -> _File:
        found = self._files.get(name)
        if found is None:
            path = self.folder / name
            handle = open(path, "w", encoding="utf-8", newline="")
            writer = csv.writer(handle, quoting=csv.QUOTE_MINIMAL, lineterminator="\n")
            writer.writerow(header(columns, kind))
            found = self._files[name] = _File(path, handle, writer, columns)
        return found

    def _write_node(self, labels: tuple[str, ...], props: dict[str, Any], reports: list[str], columns: tuple[str, ...]) -> None:
        unknown = set(props) - set(columns)
        if unknown:
            raise StoreError(f"node properties without a CSV column: {sorted(unknown)}")
        out = self._file("nodes-" + "-".join(labels) + ".csv", columns, "node")
        values = {**props, "report_count": len(reports)}
        out.writer.writerow([_cell(values.get(c)) for c in columns] + [ARRAY_DELIMITER.join(labels)])
        out.rows += 1

    def _write_edge(self, type_: str, source: str, target: str, props: dict[str, Any], reports: list[str]) -> None:
        unknown = set(props) - set(EDGE_COLUMNS)
        if unknown:
            raise StoreError(f"relationship properties without a CSV column: {sorted(unknown)}")
        out = self._file(f"rels-{type_}.csv", EDGE_COLUMNS, "edge")
        values = {**props, "report_count": len(reports) if reports else None}  # MENTIONS/STATES: no count
        out.writer.writerow([source, target, type_] + [_cell(values.get(c)) for c in EDGE_COLUMNS])
        out.rows += 1

    def add(self, extraction: Extraction) -> None:
        """Add one report's graph (checked against the ontology first, like the Bolt loader)."""
        if self._closed:
            raise StoreError("the CSV writer is closed")
        rid = extraction.report.id
        if rid in self._reports:
            self.skipped += 1
            return
        plan = plan_report(extraction)
        self._reports.add(rid)
        for group in plan.nodes:
            labels = group.labels
            for row in group.rows:
                if group.top == "Report":
                    self._write_node(labels, row["props"], [rid], REPORT_COLUMNS)
                elif group.top == "Statistic":
                    self._write_node(labels, row["props"], [rid], STATISTIC_COLUMNS)
                else:
                    node = self._entities.get(row["iri"])
                    if node is None:
                        node = self._entities[row["iri"]] = _Node(labels, {})
                    # The last report's class and properties win; aliases accumulate (as the loader's MERGE does).
                    aliases = list(node.props.get("aliases") or [])
                    aliases += [a for a in row["props"].get("aliases") or [] if a not in aliases]
                    node.labels, node.props = labels, {**_set_plus(node.props, row["props"]), "aliases": aliases}
                    if rid not in node.reports:
                        node.reports.append(rid)
        for edge_group in plan.edges:
            if edge_group.type in PER_MENTION_TYPES:
                seen: dict[tuple[str, str, Any], dict[str, Any]] = {}
                for row in edge_group.rows:  # MERGE keys these on their start offset
                    seen[(row["source"], row["target"], row["props"].get("start"))] = row
                for row in seen.values():
                    self._write_edge(edge_group.type, row["source"], row["target"], row["props"], [])
            else:
                for row in edge_group.rows:
                    key = (edge_group.type, row["source"], row["target"])
                    edge = self._relations.get(key)
                    if edge is None:
                        edge = self._relations[key] = _Edge({})
                    edge.props = _set_plus(edge.props, row["props"])
                    if rid not in edge.reports:
                        edge.reports.append(rid)

    def close(self) -> list[Path]:
        """Write the shared nodes and relations, close every file and return them (nodes first, sorted)."""
        if self._closed:
            raise StoreError("the CSV writer is already closed")
        for iri in sorted(self._entities):
            node = self._entities[iri]
            self._write_node(node.labels, node.props, node.reports, ENTITY_COLUMNS)
        for (type_, source, target) in sorted(self._relations):
            edge = self._relations[(type_, source, target)]
            self._write_edge(type_, source, target, edge.props, edge.reports)
        for out in self._files.values():
            out.handle.close()
        self._closed = True
        self._entities.clear()
        self._relations.clear()
        return self.files()

    def files(self) -> list[Path]:
        """The files written so far: node files, then relationship files, each sorted by name."""
        paths = [f.path for f in self._files.values()]
        return sorted(paths, key=lambda p: (not p.name.startswith("nodes-"), p.name))

    def counts(self) -> dict[str, int]:
        """Rows written per file name."""
        return {f.path.name: f.rows for f in self._files.values()}


def is_import_folder(folder: Path) -> bool:
    """Whether ``folder`` holds only import CSV files (an earlier export, which a new one may replace)."""
    return all(p.is_file() and p.suffix == ".csv" and p.name.startswith(("nodes-", "rels-")) for p in folder.iterdir())


def check_import_folder(folder: str | Path) -> None:
    """Refuse, before any work, a target that :func:`write_import_csv` could not fill.

    Raises:
        StoreError: ``folder`` is a file, or a folder holding other files.
    """
    from govkg.files import check_folder_target

    try:
        check_folder_target(Path(folder), is_import_folder)
    except OSError as error:
        raise StoreError(f"cannot write the CSV files to {folder}: {error.strerror or error}") from None


def write_import_csv(extractions: Iterable[Extraction], folder: str | Path) -> list[Path]:
    """Write the import CSV files of ``extractions`` into ``folder``; return them (nodes first).

    The folder appears whole or not at all: the files are written into a temporary
    sibling renamed into place at the end (an interrupted export leaves nothing). An
    existing ``folder`` must be empty or an earlier export, which is replaced.

    Raises:
        StoreError: a class, relation type or property outside the ontology; ``folder``
            is a file, holds other files, or cannot be written.
    """
    from govkg.files import atomic_folder

    target = Path(folder)
    try:
        with atomic_folder(target, replaceable=is_import_folder) as scratch:
            with Neo4jCsvWriter(scratch) as writer:
                for extraction in extractions:
                    writer.add(extraction)
                written = writer.close()
    except OSError as error:
        raise StoreError(f"cannot write the CSV files to {target}: {error.strerror or error}") from None
    return [target / path.name for path in written]


def import_arguments(files: Iterable[Path], database: str = "neo4j") -> list[str]:
    """Arguments of ``neo4j-admin`` (``database import full …``) that import ``files`` into ``database``.

    Run as ``neo4j-admin <arguments>`` with Neo4j stopped (or the database absent).
    """
    args = ["database", "import", "full"]
    for path in files:
        option = "--nodes" if path.name.startswith("nodes-") else "--relationships"
        args.append(f"{option}={path}")
    args += ["--array-delimiter=U+001F", "--multiline-fields=true", "--overwrite-destination=true", database]
    return args


def run_import(files: Iterable[Path], state_dir: str | Path | None = None, database: str = "neo4j", timeout: float = 3600.0) -> str:
    """Import ``files`` into the local server's store (``govkg neo4j``), replacing ``database``.

    Runs ``neo4j-admin database import full`` from the jars the local server uses
    (:func:`~govkg.graph.local_neo4j.run_admin`). The server of that state directory
    must be stopped.

    Returns:
        The import tool's report (its standard output).

    Raises:
        StoreError: the server is running, Java or Maven is missing, or the import failed.
    """
    from govkg.graph import local_neo4j

    state = (Path(state_dir) if state_dir else local_neo4j.default_state_dir()).resolve()
    if local_neo4j.status(state) is not None:
        raise StoreError(f"the Neo4j server of {state} is running: stop it (`govkg neo4j stop`) before a bulk import")
    result = local_neo4j.run_admin(state, import_arguments(files, database), timeout)
    if result.returncode != 0 or "IMPORT DONE" not in result.stdout:
        tail = "\n".join((result.stdout + result.stderr).strip().splitlines()[-15:])
        raise StoreError(f"the Neo4j import failed (exit {result.returncode}):\n{tail}")
    return result.stdout
