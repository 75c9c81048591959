"""Load extractions into Neo4j in all-or-nothing transactions.

Nodes and relationships carry ``report_count``: how many loaded reports state them. A
Report node lists the keys of what its report states (``stated_nodes``,
``stated_relationships``, label + IRI), and its MENTIONS/STATES edges belong to it alone.
Reloading a report deletes those edges, takes one off the count of everything it stated
before, merges the new rows (adding one back) and deletes what no report states any more,
all in one managed transaction. So a reload is idempotent, touches no other report's
facts, and a failure part-way leaves the graph exactly as it was. Counts rather than
lists of report ids keep the cost of a load independent of how many reports came before:
a mechanism every district names would otherwise carry, and rewrite, a list as long as
the corpus.

A report's rows are few (~300) and spread over ~40 label groups, so one transaction per
report would spend its time on round trips. :meth:`Neo4jStore.load_all` therefore merges
several reports' rows into one transaction of about ``batch_size`` rows (one ``UNWIND``
per label group), with exactly the result successive single loads would give; if such a
transaction fails, its reports are retried one by one, so one bad report fails alone.

Labels and relationship types come from the ontology and are the only things ever
spliced into Cypher (after a check); every value travels as a query parameter.
"""

from __future__ import annotations

import logging
import os
import re
import time
from functools import lru_cache
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from neo4j import Driver, GraphDatabase, ManagedTransaction, RoutingControl
from neo4j.exceptions import AuthError, DriverError, Neo4jError, ServiceUnavailable, SessionExpired

from govkg.errors import QueryError, StoreError, StoreUnavailable
from govkg.graph.mapping import EdgeRow, GraphRows, NodeRow, to_rows
from govkg.loaders.model import Extraction
from govkg.ontology.schema import load_schema

DEFAULT_USERNAME = "neo4j"
"""User name when neither the caller nor ``NEO4J_USERNAME`` gives one."""

PER_MENTION_TYPES = frozenset({"MENTIONS", "STATES"})
"""Relationship types kept once per offset (report → thing, keyed on ``start``), not once per pair."""

SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")
"""URI schemes accepted: Bolt, direct or routed, plain or encrypted."""

_EVIDENCE_KEYS = ("implicit", "start", "end", "text", "sentence")

DEFAULT_BATCH_SIZE = 10_000
"""Rows per transaction (and per ``UNWIND``) of :meth:`Neo4jStore.load_all`: reports are added
to a transaction until it holds this many rows (a report is never split)."""
_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9_]*$")

# The driver logs connection failures itself; without this, Python's last-resort
# handler would print them to stderr next to our one-line StoreError. Applications
# that configure logging still receive the records (they propagate to the root).
logging.getLogger("neo4j").addHandler(logging.NullHandler())


@dataclass(frozen=True)
class Connection:
    """Where and as whom to connect; the password never shows in ``repr``."""

    uri: str | None
    username: str = DEFAULT_USERNAME
    password: str | None = field(default=None, repr=False)
    database: str | None = None

    @classmethod
    def from_env(
        cls,
        uri: str | None = None,
        username: str | None = None,
        password: str | None = None,
        database: str | None = None,
    ) -> Connection:
        """Fill what the caller left out from ``NEO4J_URI/USERNAME/PASSWORD/DATABASE``.

        A missing URI stays None so the caller can fall back to the local server;
        a missing database means the server's default one.
        """
        return cls(
            uri=uri or os.environ.get("NEO4J_URI") or None,
            username=username or os.environ.get("NEO4J_USERNAME") or DEFAULT_USERNAME,
            password=password if password is not None else os.environ.get("NEO4J_PASSWORD"),
            database=database or os.environ.get("NEO4J_DATABASE") or None,
        )


@dataclass(frozen=True)
class LoadResult:
    """One report's outcome in :meth:`Neo4jStore.load_all`: loaded, or the error that stopped it."""

    report_id: str
    source: str
    error: StoreError | None = None


@dataclass(frozen=True)
class LoadSummary:
    """What one transaction's load changed, from the server's own counters."""

    report_ids: tuple[str, ...]
    nodes: int
    relationships: int
    nodes_created: int = 0
    nodes_deleted: int = 0
    relationships_created: int = 0
    relationships_deleted: int = 0
    properties_set: int = 0
    labels_added: int = 0
    labels_removed: int = 0
    seconds: float = 0.0


def open_store(conn: Connection) -> Neo4jStore:
    """Connect and check the server answers, so errors surface here, not mid-load.

    Raises:
        StoreError: no URI, the server is unreachable, or it refused the credentials.
    """
    if not conn.uri:
        raise StoreError("no Neo4j URI: start the local server with `govkg neo4j start` or set NEO4J_URI")
    scheme = conn.uri.partition("://")[0].lower()
    if scheme not in SCHEMES:
        raise StoreError(f"unsupported Neo4j URI {conn.uri!r}: use one of {', '.join(s + '://' for s in SCHEMES)}")
    auth = (conn.username, conn.password) if conn.password is not None else None
    try:
        driver = GraphDatabase.driver(conn.uri, auth=auth, connection_timeout=15.0)
    except (ValueError, DriverError) as error:
        raise StoreError(f"invalid Neo4j URI {conn.uri!r}: {_first_line(error)}") from error
    try:
        driver.verify_connectivity()  # one attempt: an auth failure is never retried
    except (Neo4jError, DriverError, OSError) as error:
        driver.close()
        raise _connection_error(conn, error) from error
    except BaseException:
        driver.close()
        raise
    return Neo4jStore(driver, conn)


class Neo4jStore:
    """A connected Neo4j database holding govkg's graph; use :func:`open_store`."""

    def __init__(self, driver: Driver, conn: Connection) -> None:
        self._driver = driver
        self._conn = conn
        self._schema_ready = False

    def __enter__(self) -> Neo4jStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Neo4jStore(uri={self._conn.uri!r}, database={self._conn.database!r})"

    @property
    def connection(self) -> Connection:
        """The connection this store was opened with."""
        return self._conn

    def close(self) -> None:
        """Release the driver's connections."""
        self._driver.close()

    def ensure_schema(self) -> None:
        """Create the IRI uniqueness constraints and name indexes MERGE relies on.

        Idempotent (``IF NOT EXISTS``); waits until the indexes are online so the
        first load already uses them.
        """
        statements = []
        for top in load_schema().top_classes:
            label = _label(load_schema().classes[top].cypher_name)
            snake = _snake(label)
            statements.append(
                f"CREATE CONSTRAINT {snake}_iri IF NOT EXISTS FOR (n:`{label}`) REQUIRE n.iri IS UNIQUE"
            )
            statements.append(f"CREATE INDEX {snake}_name IF NOT EXISTS FOR (n:`{label}`) ON (n.name)")
        report = _label("Report")
        statements.append(f"CREATE INDEX report_id IF NOT EXISTS FOR (n:`{report}`) ON (n.id)")
        statements.append(_full_text_index_statement())
        try:
            for statement in statements:
                self._driver.execute_query(statement, database_=self._conn.database)
            self._driver.execute_query("CALL db.awaitIndexes(300)", database_=self._conn.database)
        except (Neo4jError, DriverError) as error:
            raise self._error("could not create the schema", error) from error
        self._schema_ready = True

    def load(self, extraction: Extraction, batch_size: int = DEFAULT_BATCH_SIZE) -> LoadSummary:
        """Replace one report's facts in the graph, all or nothing (see :meth:`load_reports`)."""
        return self.load_reports([extraction], batch_size)

    def load_reports(self, extractions: Sequence[Extraction], batch_size: int = DEFAULT_BATCH_SIZE) -> LoadSummary:
        """Replace these reports' facts in the graph in one transaction, all or nothing.

        One managed write transaction (transient errors are retried by the driver):
        takes the reports' ids off everything they stated before, merges the new rows,
        then deletes what no report states any more. Other reports' facts stay. The
        result is the graph that loading the reports one after another would leave.

        Args:
            extractions: The reports' extractions, each report id at most once.
            batch_size: Rows per ``UNWIND`` query.

        Raises:
            StoreUnavailable: The server cannot be reached or refused the credentials.
            StoreError: The rows are inconsistent or the server refused them; the
                transaction was rolled back, so the graph is unchanged.
        """
        if batch_size < 1:
            raise StoreError(f"batch_size must be at least 1, not {batch_size}")
        plans = []
        for extraction in extractions:
            _check_vocabulary(extraction)
            plans.append(_plan(to_rows(extraction)))
        plan = _combine(plans)
        if not self._schema_ready:
            self.ensure_schema()
        began = time.perf_counter()
        try:
            with self._driver.session(database=self._conn.database) as session:
                counters = session.execute_write(_write, plan, batch_size)
        except (Neo4jError, DriverError, OSError) as error:
            which = "report " + plan.report_ids[0] if len(plan.report_ids) == 1 else f"{len(plan.report_ids)} reports"
            raise self._error(f"loading {which} failed and was rolled back", error) from error
        return LoadSummary(
            report_ids=tuple(plan.report_ids),
            nodes=plan.node_rows,
            relationships=plan.edge_rows,
            seconds=time.perf_counter() - began,
            **counters,
        )

    def load_all(self, extractions: Iterable[Extraction], batch_size: int = DEFAULT_BATCH_SIZE) -> Iterator[LoadResult]:
        """Load a stream of reports, several per transaction, yielding each report's outcome.

        Reports are grouped until a transaction holds about ``batch_size`` rows. A group
        whose transaction fails is retried report by report, so each report still loads
        whole or not at all and a bad one fails alone. A report id repeated in the stream
        is loaded again (a reload), in order.

        Raises:
            StoreUnavailable: The server went away or refused the credentials; the
                reports already yielded as loaded stay loaded.
        """
        group: list[Extraction] = []
        ids: set[str] = set()
        rows = 0
        for extraction in extractions:
            size = _row_count(extraction)
            if group and (rows + size > batch_size or extraction.report.id in ids):
                yield from self._load_group(group, batch_size)
                group, ids, rows = [], set(), 0
            group.append(extraction)
            ids.add(extraction.report.id)
            rows += size
        if group:
            yield from self._load_group(group, batch_size)

    def _load_group(self, group: list[Extraction], batch_size: int) -> list[LoadResult]:
        if len(group) > 1:
            try:
                self.load_reports(group, batch_size)
                return [LoadResult(x.report.id, x.report.source) for x in group]
            except StoreUnavailable:
                raise
            except StoreError:
                pass  # find the bad report(s): retry one by one
        results = []
        for extraction in group:
            try:
                self.load_reports([extraction], batch_size)
                results.append(LoadResult(extraction.report.id, extraction.report.source))
            except StoreUnavailable:
                raise
            except StoreError as error:
                results.append(LoadResult(extraction.report.id, extraction.report.source, error))
        return results

    def run(self, query: str, **params: Any) -> list[dict[str, Any]]:
        """Run a read-only Cypher query; values go in ``params``, never in ``query``.

        Raises:
            QueryError: The server rejected the query (syntax, a write in read mode…).
            StoreError: The server could not be reached.
        """
        try:
            records, _, _ = self._driver.execute_query(
                query, params, routing_=RoutingControl.READ, database_=self._conn.database
            )
        except (ServiceUnavailable, SessionExpired, OSError) as error:
            raise self._error("query failed", error) from error
        except (Neo4jError, DriverError) as error:
            raise QueryError(f"query failed: {_first_line(error)}") from error
        return [record.data() for record in records]

    def explain(self, query: str, **params: Any) -> list[str]:
        """The planner's notifications (warnings) for ``query``, without running it."""
        try:
            _, summary, _ = self._driver.execute_query(
                "EXPLAIN " + query, params, routing_=RoutingControl.READ, database_=self._conn.database
            )
        except (Neo4jError, DriverError) as error:
            raise QueryError(f"query failed: {_first_line(error)}") from error
        return [f"{o.gql_status}: {o.status_description}" for o in summary.gql_status_objects if o.is_notification]

    def count_nodes_by_label(self) -> dict[str, int]:
        """How many nodes carry each label (a node with two labels counts twice)."""
        rows = self.run("MATCH (n) UNWIND labels(n) AS label RETURN label, count(*) AS n ORDER BY label")
        return {row["label"]: row["n"] for row in rows}

    def count_relationships_by_type(self) -> dict[str, int]:
        """How many relationships there are of each type."""
        rows = self.run("MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS n ORDER BY type")
        return {row["type"]: row["n"] for row in rows}

    def _error(self, what: str, error: BaseException) -> StoreError:
        if isinstance(error, (ServiceUnavailable, SessionExpired, OSError, AuthError)):
            return _connection_error(self._conn, error)
        return StoreError(f"{what}: {_first_line(error)}")


# -- the write transaction ------------------------------------------------------


@dataclass(frozen=True)
class _NodeGroup:
    top: str
    finer: str | None
    others: tuple[str, ...]  # finer labels of the same top to take off (class changed)
    rows: list[dict[str, Any]]  # {"iri", "props", "rids"}


@dataclass(frozen=True)
class _EdgeGroup:
    type: str
    source: str
    target: str
    rows: list[dict[str, Any]]  # {"source", "target", "props", "rids"}


@dataclass(frozen=True)
class _Plan:
    report_ids: list[str]
    nodes: list[_NodeGroup]
    edges: list[_EdgeGroup]
    node_rows: int
    edge_rows: int


def _check_vocabulary(extraction: Extraction) -> None:
    """Refuse classes and relation types outside the ontology before mapping the rows."""
    schema = load_schema()
    for entity in extraction.entities:
        if entity.cls not in schema.classes:
            raise StoreError(f"entity {entity.id} has class {entity.cls!r}, which is not in the ontology")
    for relation in extraction.relations:
        if relation.type not in schema.relation_types:
            raise StoreError(f"relation type {relation.type!r} is not in the ontology")


def _row_count(extraction: Extraction) -> int:
    """Node + relationship rows of a report, counted without mapping it."""
    mentions = sum(len(entity.mentions) for entity in extraction.entities)
    return 1 + len(extraction.entities) + mentions + len(extraction.relations) + 2 * len(extraction.statistics)


@lru_cache(maxsize=1)
def _finer_labels() -> dict[str, list[str]]:
    schema = load_schema()
    finer_of: dict[str, list[str]] = defaultdict(list)
    for cls in schema.classes.values():
        if cls.top != cls.name:
            finer_of[schema.classes[cls.top].cypher_name].append(cls.cypher_name)
    return finer_of


def _plan(rows: GraphRows) -> _Plan:
    """Group one report's rows by label/type, check every label and endpoint before any write.

    The Report node's row gets the keys of everything else the report states
    (``stated_nodes``, ``stated_relationships``): a reload reads them to know what to
    take its count off, without scanning the graph.
    """
    schema = load_schema()
    finer_of = _finer_labels()
    rid = rows.report_id
    top_of: dict[str, str] = {}
    class_of: dict[str, str] = {}
    node_groups: dict[tuple[str, ...], list[dict[str, Any]]] = defaultdict(list)
    report_row: dict[str, Any] | None = None
    for node in rows.nodes:
        if node.cls not in schema.classes:
            raise StoreError(f"node {node.iri} has class {node.cls!r}, which is not in the ontology")
        labels = tuple(_label(label) for label in node.labels)
        if not labels or labels != tuple(schema.labels_for(node.cls)):
            raise StoreError(f"node {node.iri} has labels {list(node.labels)}, not those of class {node.cls}")
        if class_of.setdefault(node.iri, node.cls) != node.cls:
            raise StoreError(f"IRI {node.iri} is given two classes, {class_of[node.iri]} and {node.cls}")
        if node.iri in top_of:
            continue
        top_of[node.iri] = labels[0]
        row = {"iri": node.iri, "props": _node_props(node), "rids": [rid]}
        if node.cls == "Report":
            report_row = row
        node_groups[labels].append(row)
    if report_row is None:
        raise StoreError(f"report {rid} has no Report node")
    edge_rows: dict[tuple[Any, ...], dict[str, Any]] = {}
    for edge in rows.edges:
        type_ = _relationship_type(edge.type)
        for end in (edge.source, edge.target):
            if end not in top_of:
                raise StoreError(f"{edge.type} relationship points at {end}, which is not among the report's nodes")
        props = _edge_props(edge)
        key = (type_, top_of[edge.source], top_of[edge.target], edge.source, edge.target,
               props.get("start") if type_ in PER_MENTION_TYPES else None)
        known = edge_rows.get(key)
        if known is None:
            edge_rows[key] = {"source": edge.source, "target": edge.target, "props": props, "rids": [rid]}
        else:  # stated twice: one relationship, the later statement's properties (as SET += would)
            known["props"] = {**known["props"], **props}
    edge_groups: dict[tuple[str, str, str], list[dict[str, Any]]] = defaultdict(list)
    for key, row in edge_rows.items():
        edge_groups[key[:3]].append(row)
    report_row["props"]["stated_nodes"] = [_node_key(top, iri) for iri, top in top_of.items()]
    report_row["props"]["stated_relationships"] = [
        _edge_key(t, s, source, d, target) for (t, s, d, source, target, _) in edge_rows if t not in PER_MENTION_TYPES
    ]
    nodes = [
        _NodeGroup(
            top=labels[0],
            finer=labels[1] if len(labels) > 1 else None,
            others=tuple(f for f in finer_of[labels[0]] if f not in labels),
            rows=group,
        )
        for labels, group in node_groups.items()
    ]
    edges = [_EdgeGroup(t, s, e, group) for (t, s, e), group in edge_groups.items()]
    return _Plan([rid], nodes, edges, len(rows.nodes), len(rows.edges))


def _node_key(top: str, iri: str) -> str:
    return f"{top} {iri}"


def _edge_key(type_: str, source_top: str, source: str, target_top: str, target: str) -> str:
    return f"{type_} {source_top} {source} {target_top} {target}"


def _combine(plans: Sequence[_Plan]) -> _Plan:
    """One plan for several reports, leaving the graph successive loads would leave.

    A node or relationship stated by several reports becomes one row: later reports'
    properties and class win (``SET +=`` in order, a null removes), aliases and report
    ids accumulate in order of first appearance.
    """
    if len(plans) == 1:
        return plans[0]
    finer_of = _finer_labels()
    nodes: dict[str, tuple[tuple[str, ...], dict[str, Any]]] = {}
    edges: dict[tuple[Any, ...], tuple[tuple[str, str, str], dict[str, Any]]] = {}
    report_ids: list[str] = []
    for plan in plans:
        if plan.report_ids[0] in report_ids:
            raise StoreError(f"report {plan.report_ids[0]} is given twice in one transaction")
        report_ids += plan.report_ids
        for group in plan.nodes:
            labels: tuple[str, ...] = (group.top, group.finer) if group.finer else (group.top,)
            for row in group.rows:
                known = nodes.get(row["iri"])
                if known is None:
                    nodes[row["iri"]] = (labels, {**row, "rids": list(row["rids"])})
                    continue
                if known[0][0] != labels[0]:
                    raise StoreError(f"IRI {row['iri']} is given two top classes, {known[0][0]} and {labels[0]}")
                merged = known[1]
                aliases = merged["props"].get("aliases")
                merged["props"] = {**merged["props"], **row["props"]}
                if aliases is not None:
                    merged["props"]["aliases"] = aliases + [a for a in row["props"].get("aliases") or [] if a not in aliases]
                merged["rids"] += [r for r in row["rids"] if r not in merged["rids"]]
                nodes[row["iri"]] = (labels, merged)
        for edge_group in plan.edges:
            group_key = (edge_group.type, edge_group.source, edge_group.target)
            for row in edge_group.rows:
                start = row["props"].get("start") if edge_group.type in PER_MENTION_TYPES else None
                key = (*group_key, row["source"], row["target"], start)
                found = edges.get(key)
                if found is None:
                    edges[key] = (group_key, {**row, "rids": list(row["rids"])})
                else:
                    found[1]["props"] = {**found[1]["props"], **row["props"]}
                    found[1]["rids"] += [r for r in row["rids"] if r not in found[1]["rids"]]
    node_groups: dict[tuple[str, ...], list[dict[str, Any]]] = defaultdict(list)
    for labels, row in nodes.values():
        node_groups[labels].append(row)
    edge_groups: dict[tuple[str, str, str], list[dict[str, Any]]] = defaultdict(list)
    for group_key, row in edges.values():
        edge_groups[group_key].append(row)
    return _Plan(
        report_ids,
        [
            _NodeGroup(labels[0], labels[1] if len(labels) > 1 else None,
                       tuple(f for f in finer_of[labels[0]] if f not in labels), rows)
            for labels, rows in node_groups.items()
        ],
        [_EdgeGroup(t, s, e, rows) for (t, s, e), rows in edge_groups.items()],
        sum(plan.node_rows for plan in plans),
        sum(plan.edge_rows for plan in plans),
    )


def _node_props(node: NodeRow) -> dict[str, Any]:
    # Neo4j stores no nulls.
    return {k: v for k, v in node.properties.items() if v is not None}


def _edge_props(edge: EdgeRow) -> dict[str, Any]:
    props = dict(edge.properties)
    if edge.type not in PER_MENTION_TYPES:
        # Explicit nulls make the merge drop the previous load's evidence.
        for key in _EVIDENCE_KEYS:
            props.setdefault(key, None)
    return props


def _write(tx: ManagedTransaction, plan: _Plan, batch_size: int) -> dict[str, int]:
    """The whole load of a plan's reports; runs inside ``execute_write`` (may be retried)."""
    totals: dict[str, int] = defaultdict(int)

    def run(query: str, **params: Any) -> list[Any]:
        result = tx.run(query, params)
        records = list(result)
        counters = result.consume().counters
        for name in ("nodes_created", "nodes_deleted", "relationships_created", "relationships_deleted",
                     "properties_set", "labels_added", "labels_removed"):
            totals[name] += getattr(counters, name)
        return records

    # 1. Reports loaded before: delete their MENTIONS/STATES and take one off the count of
    #    everything else they stated (its keys are on the Report node: no scan).
    previous = run(
        "MATCH (r:Report) WHERE r.id IN $rids "
        "OPTIONAL MATCH (r)-[m]->() WHERE type(m) IN $owned DELETE m "
        "RETURN DISTINCT r.id AS id, r.stated_nodes AS nodes, r.stated_relationships AS rels",
        rids=plan.report_ids, owned=sorted(PER_MENTION_TYPES),
    )
    stale_nodes: dict[str, Counter[str]] = defaultdict(Counter)
    stale_edges: dict[tuple[str, str, str], Counter[tuple[str, str]]] = defaultdict(Counter)
    for record in previous:
        for key in record["nodes"] or []:
            top, _, iri = key.partition(" ")
            stale_nodes[_label(top)][iri] += 1
        for key in record["rels"] or []:
            type_, source_top, source, target_top, target = key.split(" ")
            stale_edges[(_relationship_type(type_), _label(source_top), _label(target_top))][(source, target)] += 1
    for top, counts in stale_nodes.items():
        rows = [{"iri": iri, "times": n} for iri, n in counts.items()]
        for batch in _batches(rows, batch_size):
            run(f"UNWIND $rows AS row MATCH (n:`{top}` {{iri: row.iri}}) SET n.report_count = n.report_count - row.times",
                rows=batch)
    for (type_, source_top, target_top), pairs in stale_edges.items():
        rows = [{"source": s, "target": t, "times": n} for (s, t), n in pairs.items()]
        for batch in _batches(rows, batch_size):
            run(f"UNWIND $rows AS row MATCH (:`{source_top}` {{iri: row.source}})-[r:`{type_}`]->(:`{target_top}` {{iri: row.target}}) "
                f"SET r.report_count = r.report_count - row.times", rows=batch)
    # 2. Merge nodes, by label set; the unique IRI constraint of the top label backs MERGE.
    for group in plan.nodes:
        query = (
            f"UNWIND $rows AS row MERGE (n:`{group.top}` {{iri: row.iri}}) "
            f"SET {_assignments('n', group.rows, 'n.report_count = coalesce(n.report_count, 0) + size(row.rids)', keep_absent=True)}"
        )
        if any("aliases" in row["props"] for row in group.rows):
            # in the same SET as the read: a separate WITH would make the planner add an Eager barrier
            query += (", n.aliases = coalesce(n.aliases, []) + "
                      "[a IN coalesce(row.props.aliases, []) WHERE NOT a IN coalesce(n.aliases, [])]")
        if group.finer:
            query += f" SET n:`{group.finer}`"
        if group.others:
            query += " REMOVE n" + "".join(f":`{label}`" for label in group.others)
        for batch in _batches(group.rows, batch_size):
            run(query, rows=batch)
    # 3. Relationships, matching endpoints by label + IRI (index seeks). A report's own
    #    MENTIONS/STATES are created afresh (step 1 deleted the old ones); the rest are merged.
    for edge_group in plan.edges:
        match = (
            f"UNWIND $rows AS row "
            f"MATCH (a:`{edge_group.source}` {{iri: row.source}}) MATCH (b:`{edge_group.target}` {{iri: row.target}}) "
        )
        if edge_group.type in PER_MENTION_TYPES:
            query = f"{match}CREATE (a)-[r:`{edge_group.type}`]->(b) SET {_assignments('r', edge_group.rows, 'r.start = row.props.start')} RETURN count(*) AS n"
        else:
            query = (f"{match}MERGE (a)-[r:`{edge_group.type}`]->(b) "
                     f"SET {_assignments('r', edge_group.rows, 'r.report_count = coalesce(r.report_count, 0) + size(row.rids)')} "
                     f"RETURN count(*) AS n")
        for batch in _batches(edge_group.rows, batch_size):
            merged = run(query, rows=batch)[0]["n"]
            if merged != len(batch):
                raise StoreError(f"{len(batch) - merged} {edge_group.type} relationships found no endpoint node")
    # 4. Delete what no report states any more: first relationships, then nodes.
    for (type_, source_top, target_top), pairs in stale_edges.items():
        rows = [{"source": s, "target": t} for s, t in pairs]
        for batch in _batches(rows, batch_size):
            run(f"UNWIND $rows AS row MATCH (:`{source_top}` {{iri: row.source}})-[r:`{type_}`]->(:`{target_top}` {{iri: row.target}}) "
                f"WHERE r.report_count <= 0 DELETE r", rows=batch)
    for top, counts in stale_nodes.items():
        for batch in _batches(list(counts), batch_size):
            run(f"UNWIND $iris AS iri MATCH (n:`{top}` {{iri: iri}}) WHERE n.report_count <= 0 DETACH DELETE n", iris=batch)
    return dict(totals)


# -- helpers --------------------------------------------------------------------------


def _assignments(var: str, rows: list[dict[str, Any]], *more: str, keep_absent: bool = False) -> str:
    """``var.key = row.props.key`` for every property key of ``rows`` (but ``iri`` and ``aliases``), then ``more``.

    Named properties rather than ``SET var += row.props``: a map write may touch any key,
    so the planner would put an Eager barrier (materialise every row) between the index
    seeks that read ``iri`` and the write. With ``keep_absent`` a row without the key (or
    with a null) leaves the stored value, as ``+=`` does; otherwise a null removes it.
    """
    keys = sorted({key for row in rows for key in row["props"]} - {"iri", "aliases"})
    parts = []
    for key in map(_property, keys):
        value = f"coalesce(row.props.`{key}`, {var}.`{key}`)" if keep_absent else f"row.props.`{key}`"
        parts.append(f"{var}.`{key}` = {value}")
    return ", ".join([*parts, *more])


@lru_cache(maxsize=1)
def _vocabulary() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """The ontology's node labels, relationship types and property names that may be spliced into Cypher."""
    schema = load_schema()

    def safe(names: Iterable[str]) -> frozenset[str]:
        return frozenset(name for name in names if _NAME.match(name))

    return (
        safe(c.cypher_name for c in schema.classes.values()),
        safe(schema.relation_types),
        safe(a.neo4j_property for a in schema.attributes.values()),
    )


def _property(name: str) -> str:
    """``name`` if it is a Neo4j property name of the ontology."""
    if name not in _vocabulary()[2]:
        raise StoreError(f"{name!r} is not a property of the ontology")
    return name


def _batches(items: list[Any], size: int) -> Iterator[list[Any]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


def _label(name: str) -> str:
    """``name`` if it is a label of the ontology: the only text spliced into Cypher."""
    if name not in _vocabulary()[0]:
        raise StoreError(f"{name!r} is not a node label of the ontology")
    return name


def _relationship_type(name: str) -> str:
    """``name`` if it is a relationship type of the ontology."""
    if name not in _vocabulary()[1]:
        raise StoreError(f"{name!r} is not a relationship type of the ontology")
    return name


def _snake(label: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", label).lower()


def _first_line(error: BaseException) -> str:
    message = getattr(error, "message", None) or str(error) or type(error).__name__
    return message.strip().splitlines()[0] if message.strip() else type(error).__name__


def _causes(error: BaseException) -> Iterable[BaseException]:
    """``error`` and everything it was raised from, including exception groups' members."""
    seen: set[int] = set()
    stack = [error]
    while stack:
        current = stack.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        stack.extend(getattr(current, "exceptions", ()) or ())
        for nxt in (current.__cause__, current.__context__):
            if nxt is not None:
                stack.append(nxt)


def _short_reason(error: BaseException) -> str:
    """The operating system's reason if there is one ("Connection refused"), else the first line."""
    for cause in _causes(error):
        if isinstance(cause, OSError) and cause.strerror:
            return cause.strerror
    return _first_line(error)


def _connection_error(conn: Connection, error: BaseException) -> StoreUnavailable:
    if any(isinstance(cause, AuthError) for cause in _causes(error)):
        return StoreUnavailable(
            f"Neo4j at {conn.uri} refused the credentials of user {conn.username!r} (set NEO4J_PASSWORD)"
        )
    return StoreUnavailable(
        f"cannot reach Neo4j at {conn.uri}: {_short_reason(error)}. "
        "Start the local server with `govkg neo4j start` or set NEO4J_URI."
    )


FULL_TEXT_INDEX = "entity_names"
"""Full-text index over entities' names and aliases (the canned ``find`` question reads it)."""

FULL_TEXT_ANALYZER = "cjk"
"""Lucene's CJK analyzer, shipped with Neo4j: bigrams of Chinese characters, so a fragment matches inside a name."""


def _full_text_index_statement() -> str:
    """``CREATE FULLTEXT INDEX`` over ``name`` and ``aliases`` of every entity label (not reports or statistics)."""
    schema = load_schema()
    labels = "|".join(
        f"`{_label(schema.classes[top].cypher_name)}`" for top in schema.top_classes if top not in ("Report", "Statistic")
    )
    name, aliases = _property("name"), _property("aliases")
    return (
        f"CREATE FULLTEXT INDEX {FULL_TEXT_INDEX} IF NOT EXISTS FOR (n:{labels}) ON EACH [n.`{name}`, n.`{aliases}`] "
        f"OPTIONS {{indexConfig: {{`fulltext.analyzer`: '{FULL_TEXT_ANALYZER}'}}}}"
    )
