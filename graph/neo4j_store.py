"""Load extractions into Neo4j in all-or-nothing transactions, and query it.

Nodes and relationships carry ``report_count``: how many loaded reports state them. A
Report node lists the keys of what its report states (``stated_nodes``,
``stated_relationships``, label + IRI), and its MENTIONS/STATES edges belong to it alone.
Reloading a report locks its Report node, deletes those edges, takes one off the count
of everything it stated before, merges the new rows (adding one back) and deletes what no
report states any more, all in one transaction. So a reload is idempotent, touches no
other report's facts, and a failure part-way leaves the graph exactly as it was. Counts
rather than lists of report ids keep the cost of a load independent of how many reports
came before: a mechanism every district names would otherwise carry, and rewrite, a list
as long as the corpus.

Concurrent loads (several processes, several analysts) leave the graph one sequential
load leaves: the Report lock makes two loads of one report run one after the other; the
unique IRI constraints make MERGE of a shared node wait for the other creator; counts and
aliases are read in the SET that writes them, under the node's write lock; deadlocks
between loads are retried (:mod:`govkg.graph.neo4j_transaction`).

A report's rows are few (~300) and spread over ~35 label groups and ~25 relationship
groups; each statement costs the server a few milliseconds whatever its rows, so a
transaction sends three or four statements whatever its reports: lock the reports and read
their previous state (with one report, also find which of the nodes exist; otherwise that is
its own statement); CREATE the new nodes with their labels as dynamic labels, update the old
ones by element id and find which relationships between old nodes exist; update those and
CREATE all others with a dynamic type (ends found by element id). ~65 statements at first,
~20, then 7 before this. :meth:`Neo4jStore.load_all` also merges several
reports' rows into one transaction of about ``batch_size`` rows, with exactly the result
successive single loads would give; if such a transaction fails, its reports are retried
one by one, so one bad report fails alone.

The parts: :mod:`~govkg.graph.neo4j_connection` (where, timeouts, error messages),
:mod:`~govkg.graph.neo4j_plan` (rows grouped per statement, shared with the CSV export),
:mod:`~govkg.graph.neo4j_cypher` (statement text), :mod:`~govkg.graph.neo4j_transaction`
(the retry policy); this module puts them in order.
"""

from __future__ import annotations

import gc
import time
from collections import Counter, defaultdict, deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from itertools import zip_longest
from pathlib import Path
from typing import Any

from neo4j import Driver, RoutingControl
from neo4j.exceptions import DriverError, Neo4jError

from govkg.errors import QueryError, StoreError, StoreUnavailable
from govkg.graph import neo4j_cypher as cypher
from govkg.graph.neo4j_connection import (
    DEFAULT_USERNAME,
    Connection,
    connection_error,
    first_line,
    is_connection_failure,
    open_driver,
    with_local_fallback,
)
from govkg.graph.neo4j_plan import PER_MENTION_TYPES, LoadPlan, combine_plans, plan_report, row_count
from govkg.graph.neo4j_transaction import Conflict, CountingTransaction, Turn, run_write
from govkg.loaders.model import Extraction

__all__ = ["DEFAULT_BATCH_SIZE", "DEFAULT_USERNAME", "Connection", "LoadResult", "LoadSummary", "Neo4jStore", "Rows",
           "connect", "open_store"]

DEFAULT_BATCH_SIZE = 10_000
"""Rows per transaction of :meth:`Neo4jStore.load_all`: reports are added to a transaction
until it holds this many rows (a report is never split)."""

STATEMENT_ROWS = 10_000
"""Rows per statement of :meth:`Neo4jStore.load_all` at smaller batch sizes.

A report is never split, so at batch 100 a transaction still holds a whole report (~300
rows); cutting its statements to 100 rows would only add statements, and each costs the
server a few milliseconds whatever its rows. Larger batch sizes keep one ``UNWIND`` per
batch size."""


WRITERS = 2
"""Transactions of :meth:`Neo4jStore.load_all` in flight: one commits while the next reads (a server
transaction runs on one thread, so one at a time left a core idle while the client waited)."""


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


class Rows(list[dict[str, Any]]):
    """A query's rows (one dict per record) and its column names in RETURN order, known even with no row."""

    def __init__(self, rows: Iterable[dict[str, Any]] = (), columns: Sequence[str] = ()) -> None:
        super().__init__(rows)
        self.columns: tuple[str, ...] = tuple(columns)


def open_store(conn: Connection) -> Neo4jStore:
    """Connect to ``conn`` and check the server answers, so errors surface here, not mid-load.

    Raises:
        StoreError: no or a bad URI.
        StoreUnavailable: the server is unreachable, refused the credentials or locked the user.
    """
    return Neo4jStore(open_driver(conn), conn)


def connect(
    uri: str | None = None,
    username: str | None = None,
    password: str | None = None,
    database: str | None = None,
    state_dir: str | Path | None = None,
) -> Neo4jStore:
    """Open the store at ``uri`` (or ``NEO4J_URI``), or on the local server when neither is given.

    Unset arguments come from ``NEO4J_USERNAME/PASSWORD/DATABASE``; the local server is
    the one of ``state_dir`` (default: :func:`govkg.graph.local_neo4j.default_state_dir`),
    with its own password unless one is given.

    Raises:
        StoreUnavailable: nothing to connect to, or the server refused us.
        StoreError: a bad URI, or the local server's password cannot be known.
    """
    return open_store(with_local_fallback(Connection.from_env(uri, username, password, database), state_dir))


class Neo4jStore:
    """A connected Neo4j database holding govkg's graph; use :func:`connect` or :func:`open_store`."""

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

        Idempotent (``IF NOT EXISTS``, safe when several loads start at once); waits
        until the indexes are online so the first load already uses them. A full-text index
        made with another configuration (a database from before the index was eventually
        consistent) is dropped and made again, which indexes the names already loaded anew.
        """
        try:
            for statement in cypher.schema_statements():
                self._schema_statement(statement)
            if not self._full_text_index_current():
                self._schema_statement(cypher.drop_full_text_index_statement())
                self._schema_statement(cypher.full_text_index_statement())
            self._driver.execute_query("CALL db.awaitIndexes(300)", database_=self._conn.database)
        except (Neo4jError, DriverError, OSError) as error:
            raise self._error("could not create the schema", error) from error
        self._schema_ready = True

    def _full_text_index_current(self) -> bool:
        records, _, _ = self._driver.execute_query(cypher.FULL_TEXT_OPTIONS, name=cypher.FULL_TEXT_INDEX,
                                                   database_=self._conn.database)
        config = records[0]["config"] if records else {}
        return all(config.get(key) == value for key, value in cypher.FULL_TEXT_CONFIG.items())

    def _await_full_text(self) -> None:
        """Return once the full-text index holds every committed name (it is updated after commit)."""
        try:
            self._driver.execute_query(cypher.AWAIT_FULL_TEXT, database_=self._conn.database)
        except (Neo4jError, DriverError, OSError) as error:
            raise self._error("waiting for the full-text index failed (the reports are loaded)", error) from error

    def _schema_statement(self, statement: str) -> None:
        for attempt in range(5):
            try:
                self._driver.execute_query(statement, database_=self._conn.database)
                return
            except Neo4jError as error:
                # Another process created the same constraint a moment ago: IF NOT EXISTS only
                # covers what was committed before this statement began.
                if "EquivalentSchemaRuleAlreadyExists" not in (error.code or "") and not error.is_retryable():
                    raise
                time.sleep(0.1 * (attempt + 1))
        self._driver.execute_query(statement, database_=self._conn.database)

    def load(self, extraction: Extraction, batch_size: int = DEFAULT_BATCH_SIZE) -> LoadSummary:
        """Replace one report's facts in the graph, all or nothing (see :meth:`load_reports`)."""
        return self.load_reports([extraction], batch_size)

    def load_reports(self, extractions: Sequence[Extraction], batch_size: int = DEFAULT_BATCH_SIZE) -> LoadSummary:
        """Replace these reports' facts in the graph in one transaction, all or nothing.

        Locks the reports' nodes, takes the reports off everything they stated before,
        merges the new rows, then deletes what no report states any more. Other reports'
        facts stay. The result is the graph that loading the reports one after another
        would leave, also while other processes load overlapping reports. Returns once the
        full-text index (updated after the commit) holds the names loaded.

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
        summary = self._load_plan(_planned(extractions), batch_size)
        self._await_full_text()
        return summary

    def _load_plan(self, plan: LoadPlan, batch_size: int, turn: Turn | None = None, whole: bool = True) -> LoadSummary:
        if not self._schema_ready:
            self.ensure_schema()
        began = time.perf_counter()
        try:
            _, counters = run_write(self._driver, self._conn.database, lambda tx: _write(tx, plan, batch_size, turn, whole),
                                    turn, whole)
        except (Neo4jError, DriverError, OSError, Conflict) as error:
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
        """Load a stream of reports, several per transaction, yielding each report's outcome (in order).

        Reports are grouped until a transaction holds about ``batch_size`` rows; each
        statement holds up to ``max(batch_size, STATEMENT_ROWS)`` of them. A group
        whose transaction fails is retried report by report, so each report still loads
        whole or not at all and a bad one fails alone. A report id repeated in the stream
        is loaded again (a reload), in order.

        The transactions run on two writer threads while this one gathers and plans the next
        group (pulling ``extractions``, which may extract them), and overlap: one commits
        while the next locks its reports and finds its nodes, then writes once the first has
        committed (a :class:`~govkg.graph.neo4j_transaction.Turn`). Commits keep stream order,
        so the graph is the one loading the groups one after another leaves. The full-text
        index ``find`` reads lags the commits; the stream ends once it holds every name loaded.

        Raises:
            StoreUnavailable: The server went away or refused the credentials; the
                reports already yielded as loaded stay loaded.
        """
        statement_rows = max(batch_size, STATEMENT_ROWS)
        if not self._schema_ready:
            self.ensure_schema()
        with ThreadPoolExecutor(max_workers=WRITERS, thread_name_prefix="govkg-writer") as writers:
            pending: deque[Future[list[LoadResult]]] = deque()
            previous: Turn | None = None
            try:
                for group in _groups(extractions, batch_size):
                    plan = _planned(group) if len(group) > 1 else None  # while the previous groups' transactions run
                    if previous is not None:
                        previous.wait_open()  # its statements have all run: it holds its locks and commits
                    while pending and (pending[0].done() or len(pending) >= WRITERS):
                        yield from pending.popleft().result()
                    turn = Turn(previous)
                    pending.append(writers.submit(self._load_group, group, statement_rows, plan, turn))
                    previous = turn
                while pending:
                    yield from pending.popleft().result()
                self._await_full_text()  # once, so names are found as soon as the stream ends
            finally:
                for future in pending:  # the consumer stopped or failed: a transaction not begun is not wanted
                    future.cancel()  # one that runs ends (commits whole or rolls back) before the pool closes

    def _load_group(self, group: list[Extraction], statement_rows: int, plan: LoadPlan | None = None,
                    turn: Turn | None = None) -> list[LoadResult]:
        failed = True
        try:
            results = self._group_results(group, statement_rows, plan, turn)
            failed = False
            return results
        finally:
            if turn is not None:
                turn.finish(failed)

    def _group_results(self, group: list[Extraction], statement_rows: int, plan: LoadPlan | None,
                       turn: Turn | None) -> list[LoadResult]:
        if len(group) > 1:
            try:
                self._load_plan(plan or _planned(group), statement_rows, turn)
                return [LoadResult(x.report.id, x.report.source) for x in group]
            except StoreUnavailable:
                raise
            except StoreError:
                pass  # find the bad report(s): retry one by one
        results = []
        for extraction in group:
            try:
                self._load_plan(_planned([extraction]), statement_rows, turn, whole=len(group) == 1)
                results.append(LoadResult(extraction.report.id, extraction.report.source))
            except StoreUnavailable:
                raise
            except StoreError as error:
                results.append(LoadResult(extraction.report.id, extraction.report.source, error))
        return results

    def run(self, query: str, **params: Any) -> Rows:
        """Run a read-only Cypher query; values go in ``params``, never in ``query``.

        Returns:
            The rows, which also carry the query's column names (``rows.columns``).

        Raises:
            QueryError: The server rejected the query (syntax, a write in read mode…).
            StoreUnavailable: The server could not be reached.
        """
        try:
            records, _, keys = self._driver.execute_query(
                query, params, routing_=RoutingControl.READ, database_=self._conn.database
            )
        except (Neo4jError, DriverError, OSError) as error:
            if is_connection_failure(error):
                raise connection_error(self._conn, error) from error
            raise QueryError(f"query failed: {first_line(error)}") from error
        return Rows((record.data() for record in records), keys)

    def explain(self, query: str, **params: Any) -> list[str]:
        """The planner's notifications (warnings) for ``query``, without running it."""
        try:
            _, summary, _ = self._driver.execute_query(
                "EXPLAIN " + query, params, routing_=RoutingControl.READ, database_=self._conn.database
            )
        except (Neo4jError, DriverError, OSError) as error:
            if is_connection_failure(error):
                raise connection_error(self._conn, error) from error
            raise QueryError(f"query failed: {first_line(error)}") from error
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
        if is_connection_failure(error):
            return connection_error(self._conn, error)
        return StoreError(f"{what}: {first_line(error)}")


def _write(tx: CountingTransaction, plan: LoadPlan, batch_size: int, turn: Turn | None = None, whole: bool = True) -> None:
    """The whole load of a plan's reports, in one transaction (run again from the start on a retry).

    With a ``turn`` the reads (lock, previous state, find) may run while the previous
    transaction commits; the nodes it wrote are not looked for but taken from it, and the
    writes wait for its commit (see :class:`~govkg.graph.neo4j_transaction.Turn`).

    Three statements for one report, four for more (more only where a part's rows exceed
    ``batch_size``, and the take-offs and deletions of a reload): lock the reports, read their
    previous state and find which nodes exist; create the new nodes, update the old ones and find which
    relationships between old nodes exist; update those and create all others. Each statement
    costs the server a few milliseconds, more than a few hundred rows do.
    """
    # 0. The nodes' rows, by IRI, and the lists to look for per top label.
    rows_of: dict[str, tuple[str, tuple[str, ...], tuple[str, ...], dict[str, Any]]] = {}
    for group in plan.nodes:
        labels = tuple(cypher.label(name) for name in group.labels)
        others = tuple(cypher.label(name) for name in group.others)
        for row in group.rows:
            rows_of[row["iri"]] = (labels[0], labels, others, row)
    _check_properties(row for *_, row in rows_of.values())
    before = turn.known_before() if turn is not None else {}
    element_ids: dict[str, str] = {iri: before[iri] for iri in rows_of if iri in before}
    lookups = []
    for batch in _batches([item for item in rows_of.items() if item[0] not in element_ids], batch_size):
        iris: dict[str, list[str]] = {top: [] for top in cypher.top_labels()}
        for iri, (top, *_) in batch:
            iris[top].append(iri)
        lookups.append(iris)
    # 1. Lock the reports (sorted: two loads of the same reports cannot deadlock on them); of
    #    those loaded before, delete their MENTIONS/STATES and read the keys of everything else
    #    they stated (on the Report node: no scan); find which of the nodes exist. Then take one
    #    off the count of what they stated before.
    #    The find joins the lock for one report a transaction, where a statement costs more than its
    #    rows; with more, its index seeks, locking in a write statement, cost more than the statement.
    together = len(plan.report_ids) == 1 and bool(lookups)
    first = tx.run(cypher.lock_and_find(together), report_iris=sorted(plan.report_iris), owned=sorted(PER_MENTION_TYPES),
                   iris=lookups[0] if together else {})[0]
    element_ids.update(first["found"])
    for iris in lookups[1 if together else 0:]:
        element_ids.update(tx.run(cypher.find_nodes(), iris=iris)[0]["found"])
    stale_nodes: dict[str, Counter[str]] = defaultdict(Counter)
    stale_edges: dict[tuple[str, str, str], Counter[tuple[str, str]]] = defaultdict(Counter)
    for record in first["previous"]:
        for key in record["nodes"] or []:
            top, _, iri = key.partition(" ")
            stale_nodes[top][iri] += 1
        for key in record["rels"] or []:
            type_, source_top, source, target_top, target = key.split(" ")
            stale_edges[(type_, source_top, target_top)][(source, target)] += 1
    if turn is not None:
        turn.wait_previous()  # what follows writes: after the previous transaction's commit
    for top, counts in stale_nodes.items():
        rows = [{"iri": iri, "times": n} for iri, n in counts.items()]
        for batch in _batches(rows, batch_size):
            tx.run(cypher.take_off_nodes(top), rows=batch)
    for (type_, source_top, target_top), pairs in stale_edges.items():
        rows = [{"source": s, "target": t, "times": n} for (s, t), n in pairs.items()]
        for batch in _batches(rows, batch_size):
            tx.run(cypher.take_off_relationships(type_, source_top, target_top), rows=batch)
    # 2. Nodes: create the ones not found with all their labels, update the others by element id
    #    (setting and removing finer labels). A CREATE after the check, not a MERGE per row: most of
    #    a new report's nodes are new, and a CREATE is cheaper and needs no label in the text. Both
    #    in IRI order: two loads lock shared nodes in the same order. In the same statement, after
    #    the update has locked both ends: which relationships between two old nodes exist.
    existing = set(element_ids)
    new_rows = [
        {"iri": iri, "labels": list(labels), "props": _created_props(row["props"], len(row["rids"]))}
        for iri, (_, labels, _, row) in sorted(rows_of.items()) if iri not in existing
    ]
    old_rows = [
        {**row, "id": element_ids[iri], "add": list(labels[1:]), "drop": list(others)}
        for iri, (_, labels, others, row) in sorted(rows_of.items()) if iri in existing
    ]
    relabel = any(row["add"] or row["drop"] for row in old_rows)
    created: list[dict[str, Any]] = []
    between_old: list[dict[str, Any]] = []
    for edge_group in plan.edges:
        type_ = cypher.relationship_type(edge_group.type)
        for row in edge_group.rows:
            edge = {"type": type_, "source": row["source"], "target": row["target"], "props": row["props"], "rids": row["rids"]}
            if type_ not in PER_MENTION_TYPES and row["source"] in existing and row["target"] in existing:
                between_old.append(edge)
            else:
                created.append(edge)
    _check_properties([*created, *between_old])
    lookup = [{"key": i, "type": e["type"], "s": element_ids.get(e["source"]), "t": element_ids.get(e["target"])}
              for i, e in enumerate(between_old)]
    found: dict[int, str] = {}
    node_parts: list[tuple[list[dict[str, Any]], list[dict[str, Any]]]] = list(zip_longest(_batches(new_rows, batch_size), _batches(old_rows, batch_size), fillvalue=[]))
    lookup_parts = list(_batches(lookup, batch_size)) or [[]]
    for i, (new, old) in enumerate(node_parts or [([], [])]):
        between = lookup_parts[0] if i == max(len(node_parts) - 1, 0) else []
        if not (new or old or between):
            continue
        record = tx.run(cypher.write_nodes(bool(new), old, relabel, bool(between)), new=new, old=old, between=between)[0]
        element_ids.update(record["created"])
        found.update(record["found"])
        if record["updated"] != len(old):
            raise Conflict(f"{len(old) - record['updated']} nodes were deleted by another load meanwhile")
    for between in lookup_parts[1:]:
        found.update(tx.run(cypher.write_nodes(False, [], False, True), new=[], old=[], between=between)[0]["found"])
    # 3. Relationships, finding both ends by element id: the found ones updated, all others created
    #    (a report's own MENTIONS/STATES, which step 1 deleted; any with an end created in step 2;
    #    those between old nodes not found), in one statement.
    updates = [{**edge, "id": found[i]} for i, edge in enumerate(between_old) if i in found]
    created += [edge for i, edge in enumerate(between_old) if i not in found]
    new_edges = []
    for e in created:
        source, target = element_ids.get(e["source"]), element_ids.get(e["target"])
        if source is None or target is None:
            raise StoreError(f"a {e['type']} relationship found no endpoint node")
        new_edges.append({"type": e["type"], "s": source, "t": target,
                          "props": _created_edge_props(e["type"], e["props"], len(e["rids"]))})
    edge_parts: list[tuple[list[dict[str, Any]], list[dict[str, Any]]]] = list(
        zip_longest(_batches(updates, batch_size), _batches(new_edges, batch_size), fillvalue=[]))
    for update, new in edge_parts:
        record = tx.run(cypher.write_relationships(update, bool(new)), updates=update, new=new)[0]
        if record["updated"] != len(update):
            raise Conflict("relationships were deleted by another load meanwhile")
        _expect_written(record["created"], new, "relationships")
    # 4. Delete what no report states any more: first relationships, then nodes.
    for (type_, source_top, target_top), pairs in stale_edges.items():
        rows = [{"source": s, "target": t} for s, t in pairs]
        for batch in _batches(rows, batch_size):
            tx.run(cypher.delete_stale_relationships(type_, source_top, target_top), rows=batch)
    for top, counts in stale_nodes.items():
        for batch in _batches(list(counts), batch_size):
            tx.run(cypher.delete_stale_nodes(top), iris=batch)
    if turn is not None and whole:
        turn.remember({iri: element_ids[iri] for iri in rows_of})


def _groups(extractions: Iterable[Extraction], batch_size: int) -> Iterator[list[Extraction]]:
    """Consecutive reports of about ``batch_size`` rows (a report is never split), each report id at most once a group."""
    group: list[Extraction] = []
    ids: set[str] = set()
    rows = 0
    for extraction in extractions:
        size = row_count(extraction)
        if group and (rows + size > batch_size or extraction.report.id in ids):
            yield group
            group, ids, rows = [], set(), 0
        group.append(extraction)
        ids.add(extraction.report.id)
        rows += size
    if group:
        yield group


def _planned(extractions: Sequence[Extraction]) -> LoadPlan:
    """The transaction's plan, built with the garbage collector paused.

    Planning allocates tens of thousands of row dicts that all live until the transaction
    ends; collections meanwhile find no garbage but traverse them, and everything else the
    process holds, again and again: 0.42 against 0.61–1.0 CPU-seconds for 100 reports.
    """
    collecting = gc.isenabled()
    gc.disable()
    try:
        return combine_plans([plan_report(extraction) for extraction in extractions])
    finally:
        if collecting:
            gc.enable()


def _created_props(props: dict[str, Any], reports: int) -> dict[str, Any]:
    """A new node's properties: the row's (no nulls) and its count."""
    return {**props, "report_count": reports}


def _created_edge_props(type_: str, props: dict[str, Any], reports: int) -> dict[str, Any]:
    """A new relationship's properties: the row's but nulls, and its count unless it is a report's own."""
    created = {k: v for k, v in props.items() if v is not None}
    if type_ not in PER_MENTION_TYPES:
        created["report_count"] = reports
    return created


def _check_properties(rows: Iterable[dict[str, Any]]) -> None:
    """Refuse property names outside the ontology (in a map they travel as data, never as query text)."""
    for key in {key for row in rows for key in row["props"]}:
        cypher.property_name(key)


def _expect_written(written: int, batch: list[Any], what: str) -> None:
    if written != len(batch):
        raise StoreError(f"{len(batch) - written} {what} found no endpoint node")


def _batches(items: list[Any], size: int) -> Iterator[list[Any]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]
