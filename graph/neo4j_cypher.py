"""The Cypher text of govkg's Neo4j writes, one builder per statement.

Labels, relationship types and property names are the only text ever spliced into a
query, and only after a check against the ontology (:func:`label`,
:func:`relationship_type`, :func:`property_name`); every value travels as a parameter.
The builders take the plan's groups (:mod:`govkg.graph.neo4j_plan`) and return query
text; :mod:`govkg.graph.neo4j_store` runs them in order inside one transaction.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from govkg.errors import StoreError
from govkg.ontology.schema import load_schema

_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9_]*$")


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


def label(name: str) -> str:
    """``name`` if it is a node label of the ontology.

    Raises:
        StoreError: it is not.
    """
    if name not in _vocabulary()[0]:
        raise StoreError(f"{name!r} is not a node label of the ontology")
    return name


def relationship_type(name: str) -> str:
    """``name`` if it is a relationship type of the ontology.

    Raises:
        StoreError: it is not.
    """
    if name not in _vocabulary()[1]:
        raise StoreError(f"{name!r} is not a relationship type of the ontology")
    return name


def property_name(name: str) -> str:
    """``name`` if it is a Neo4j property name of the ontology.

    Raises:
        StoreError: it is not.
    """
    if name not in _vocabulary()[2]:
        raise StoreError(f"{name!r} is not a property of the ontology")
    return name


def _snake(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def schema_statements() -> list[str]:
    """The IRI uniqueness constraints (one per top class) and name indexes MERGE relies on (idempotent)."""
    statements = []
    schema = load_schema()
    for top in schema.top_classes:
        name = label(schema.classes[top].cypher_name)
        snake = _snake(name)
        statements.append(f"CREATE CONSTRAINT {snake}_iri IF NOT EXISTS FOR (n:`{name}`) REQUIRE n.iri IS UNIQUE")
        statements.append(f"CREATE INDEX {snake}_name IF NOT EXISTS FOR (n:`{name}`) ON (n.name)")
    statements.append(f"CREATE INDEX report_id IF NOT EXISTS FOR (n:`{label('Report')}`) ON (n.id)")
    statements.append(full_text_index_statement())
    return statements


FULL_TEXT_INDEX = "entity_names"
"""Full-text index over entities' names and aliases (the canned ``find`` question reads it)."""

FULL_TEXT_ANALYZER = "cjk"
"""Lucene's CJK analyzer, shipped with Neo4j: bigrams of Chinese characters, so a fragment matches inside a name."""

FULL_TEXT_CONFIG: dict[str, object] = {"fulltext.analyzer": FULL_TEXT_ANALYZER, "fulltext.eventually_consistent": True}
"""The index's ``indexConfig``. Eventually consistent: commits queue the index's updates for a
server thread instead of applying them to Lucene themselves (two thirds of a one-report commit
was that work), and a load awaits the queue once at its end (:data:`AWAIT_FULL_TEXT`), so
``find`` right after a load sees every name it loaded."""

AWAIT_FULL_TEXT = "CALL db.index.fulltext.awaitEventuallyConsistentIndexRefresh()"
"""Wait until the eventually consistent full-text indexes hold every committed change."""

FULL_TEXT_OPTIONS = "SHOW FULLTEXT INDEXES YIELD name, options WHERE name = $name RETURN options.indexConfig AS config"
"""The ``indexConfig`` of the full-text index named ``$name`` (no row: there is none)."""


def full_text_index_statement() -> str:
    """``CREATE FULLTEXT INDEX`` over ``name`` and ``aliases`` of every entity label (not reports or statistics)."""
    schema = load_schema()
    labels = "|".join(
        f"`{label(schema.classes[top].cypher_name)}`" for top in schema.top_classes if top not in ("Report", "Statistic")
    )
    name, aliases = property_name("name"), property_name("aliases")
    config = ", ".join(f"`{key}`: {_literal(value)}" for key, value in FULL_TEXT_CONFIG.items())
    return (
        f"CREATE FULLTEXT INDEX {FULL_TEXT_INDEX} IF NOT EXISTS FOR (n:{labels}) ON EACH [n.`{name}`, n.`{aliases}`] "
        f"OPTIONS {{indexConfig: {{{config}}}}}"
    )


def drop_full_text_index_statement() -> str:
    """Drop the full-text index (an older database's, made with another configuration)."""
    return f"DROP INDEX {FULL_TEXT_INDEX} IF EXISTS"


def _literal(value: object) -> str:
    return ("true" if value else "false") if isinstance(value, bool) else f"'{value}'"


@lru_cache(maxsize=2)
def lock_and_find(find: bool = True) -> str:
    """Lock the reports, delete their own MENTIONS/STATES, read what they stated before, then find which nodes exist.

    ``$report_iris``: the reports' IRIs, sorted (two loads of the same reports cannot deadlock
    on them); ``$owned``: the per-mention types; ``$iris``: one list per top label for
    :func:`find_nodes`, the reports' own IRIs included. Writing a property of each report's
    node (MERGE creates a new one) takes its write lock until commit; under the unique IRI
    constraint a second transaction creating the same report waits and then finds it. So two
    loads of one report run one after the other, the second seeing what the first committed.
    The find comes after, so it returns a new report's node like any other. One record:
    ``previous`` (maps of ``nodes`` and ``rels``, the keys the reports stated before) and
    ``found``; fixed text, one statement where there were two (at one report a transaction,
    each statement costs the server more than its rows).
    """
    return (
        "UNWIND $report_iris AS iri MERGE (r:Report {iri: iri}) "
        "SET r.report_count = coalesce(r.report_count, 0) "
        "WITH r OPTIONAL MATCH (r)-[m]->() WHERE type(m) IN $owned DELETE m "
        "WITH DISTINCT r WITH collect({nodes: r.stated_nodes, rels: r.stated_relationships}) AS previous "
        + (f"CALL {{ {find_nodes()} }} RETURN previous, found" if find else "RETURN previous, [] AS found")
    )


def take_off_nodes(top: str) -> str:
    """Subtract ``row.times`` from the count of nodes a report stated before."""
    return (f"UNWIND $rows AS row MATCH (n:`{label(top)}` {{iri: row.iri}}) "
            "SET n.report_count = n.report_count - row.times")


def take_off_relationships(type_: str, source: str, target: str) -> str:
    """Subtract ``row.times`` from the count of relationships a report stated before."""
    return (f"UNWIND $rows AS row {_pattern(type_, source, target)} "
            "SET r.report_count = r.report_count - row.times")


@lru_cache(maxsize=1)
def find_nodes() -> str:
    """Find which nodes exist already; ``$iris`` maps every top label to the IRIs to look for; returns ``found``, [iri, id] pairs.

    One read-only ``UNION ALL`` branch per top label of the ontology, each unwinding its own
    list and seeking that label's unique IRI index, so the text never changes with the
    rows: the server plans it once. A node found under another top label counts as absent
    (a MERGE on the row's own label would not find it either). One record of pairs rather
    than a record per node: the driver reads each record as its own Bolt message.
    """
    schema = load_schema()
    branches = []
    for top in schema.top_classes:
        name = label(schema.classes[top].cypher_name)
        branches.append(f"UNWIND $iris.`{name}` AS iri MATCH (n:`{name}` {{iri: iri}}) RETURN iri, elementId(n) AS id")
    return f"CALL {{ {' UNION ALL '.join(branches)} }} RETURN collect([iri, id]) AS found"


@lru_cache(maxsize=1)
def top_labels() -> tuple[str, ...]:
    """The ontology's top labels, the keys of :func:`find_nodes`'s ``$iris``."""
    schema = load_schema()
    return tuple(label(schema.classes[top].cypher_name) for top in schema.top_classes)


CREATE_NODES = (
    "UNWIND $new AS row CREATE (n:$(row.labels)) SET n = row.props RETURN collect([row.iri, elementId(n)]) AS created"
)
"""Create the nodes :func:`find_nodes` did not find (``$new``), with all their labels (from the
ontology, checked by the caller) and properties (count and aliases included), in fixed text;
returns ``created``, [iri, element id] pairs. Two loads creating the same IRI at once: the unique
constraint makes the second fail, and its transaction runs again
(:mod:`govkg.graph.neo4j_transaction`), now finding it."""


def update_nodes(rows: list[dict[str, Any]], relabel: bool) -> str:
    """Update nodes that existed before (``$old``), found by element id: set properties, add to the count, merge aliases.

    Any top label in one statement (no label is needed to seek an element id). ``n.iri =
    row.iri`` checks the node is still the one found (a concurrent reload may have deleted
    it since); returns ``updated``, the rows updated. The count and aliases are read in the SET
    that writes them, after the first assignment has taken the node's write lock, so a
    concurrent load's addition is never lost. With ``relabel`` each row's ``add``/``drop``
    finer labels are set and removed.
    """
    query = (
        "UNWIND $old AS row MATCH (n) WHERE elementId(n) = row.id AND n.iri = row.iri "
        f"SET {_assignments('n', rows, 'n.report_count = coalesce(n.report_count, 0) + size(row.rids)', keep_absent=True)}"
    )
    if any("aliases" in row["props"] for row in rows):
        # in the same SET as the read: a separate WITH would make the planner add an Eager barrier;
        # a row without aliases (a report, a statistic) leaves the node without them
        query += (", n.aliases = CASE WHEN row.props.aliases IS NULL THEN n.aliases ELSE coalesce(n.aliases, []) + "
                  "[a IN row.props.aliases WHERE NOT a IN coalesce(n.aliases, [])] END")
    if relabel:
        query += ", n:$(row.add) REMOVE n:$(row.drop)"
    return query + " RETURN count(*) AS updated"


def _ends(rows: str) -> str:
    return f"UNWIND ${rows} AS row MATCH (a) WHERE elementId(a) = row.s MATCH (b) WHERE elementId(b) = row.t "


CREATE_RELATIONSHIPS = f"{_ends('new')}CREATE (a)-[r:$(row.type)]->(b) SET r = row.props RETURN count(*) AS created"
"""Create relationships that cannot exist yet (``$new``), of any type (from the ontology, checked
by the caller), in fixed text: a report's own MENTIONS/STATES (the lock statement deleted the
old ones), those with an end created in this transaction and those between old nodes that
:data:`FIND_RELATIONSHIPS` did not find. Returns ``created``, the rows that found both ends."""


FIND_RELATIONSHIPS = (
    f"{_ends('between')}MATCH (a)-[r]->(b) WHERE type(r) = row.type RETURN collect([row.key, elementId(r)]) AS found"
)
"""Find which relationships between two old nodes exist (``$between``, any type, in fixed
text); returns ``found``, [key, element id] pairs of the rows found. Both ends were
write-locked by :func:`update_nodes` earlier in the transaction, so no other load can add
the same relationship between the check and the CREATE."""


def update_relationships(rows: list[dict[str, Any]]) -> str:
    """Set the properties of relationships found by element id (``$updates``) and add to their count; returns ``updated``."""
    return ("UNWIND $updates AS row MATCH ()-[r]->() WHERE elementId(r) = row.id "
            f"SET {_assignments('r', rows, 'r.report_count = coalesce(r.report_count, 0) + size(row.rids)')} "
            "RETURN count(*) AS updated")


def write_nodes(new: bool, old: list[dict[str, Any]], relabel: bool, between: bool) -> str:
    """:data:`CREATE_NODES`, :func:`update_nodes` and :data:`FIND_RELATIONSHIPS` in one statement, in that order.

    Each is a ``CALL`` subquery, and only those with rows are in the text; the find comes after
    the update has write-locked both ends. Returns ``created``, ``updated`` and ``found``.
    """
    return _together([(new, CREATE_NODES, "[] AS created", "created"),
                      (bool(old), update_nodes(old, relabel) if old else "", "0 AS updated", "updated"),
                      (between, FIND_RELATIONSHIPS, "[] AS found", "found")])


def write_relationships(updates: list[dict[str, Any]], new: bool) -> str:
    """:func:`update_relationships` and :data:`CREATE_RELATIONSHIPS` in one statement; returns ``updated``, ``created``."""
    return _together([(bool(updates), update_relationships(updates) if updates else "", "0 AS updated", "updated"),
                      (new, CREATE_RELATIONSHIPS, "0 AS created", "created")])


def _together(parts: list[tuple[bool, str, str, str]]) -> str:
    """One statement of the wanted parts (each returning one row), a constant for each part left out.

    Each statement costs the server a few milliseconds whatever its rows; at one report a
    transaction (~300 rows) that is most of the load.
    """
    calls = " ".join(f"CALL {{ {query} }}" for wanted, query, _, _ in parts if wanted)
    returns = ", ".join(column if wanted else absent for wanted, _, absent, column in parts)
    return f"{calls} RETURN {returns}"


def delete_stale_relationships(type_: str, source: str, target: str) -> str:
    """Delete the listed relationships that no report states any more."""
    return f"UNWIND $rows AS row {_pattern(type_, source, target)} WHERE r.report_count <= 0 DELETE r"


def delete_stale_nodes(top: str) -> str:
    """Delete the listed nodes that no report states any more."""
    return f"UNWIND $iris AS iri MATCH (n:`{label(top)}` {{iri: iri}}) WHERE n.report_count <= 0 DETACH DELETE n"


def _pattern(type_: str, source: str, target: str) -> str:
    return (f"MATCH (:`{label(source)}` {{iri: row.source}})-[r:`{relationship_type(type_)}`]->"
            f"(:`{label(target)}` {{iri: row.target}})")


def _assignments(var: str, rows: list[dict[str, Any]], *more: str, keep_absent: bool = False) -> str:
    """``var.key = row.props.key`` for every property key of ``rows`` (but ``iri`` and ``aliases``), then ``more``.

    Named properties rather than ``SET var += row.props``: a map write may touch any key,
    so the planner would put an Eager barrier (materialise every row) between the index
    seeks that read ``iri`` and the write. With ``keep_absent`` a row without the key (or
    with a null) leaves the stored value, as ``+=`` does; otherwise a null removes it.
    """
    keys = sorted({key for row in rows for key in row["props"]} - {"iri", "aliases"})
    parts = []
    for key in map(property_name, keys):
        value = f"coalesce(row.props.`{key}`, {var}.`{key}`)" if keep_absent else f"row.props.`{key}`"
        parts.append(f"{var}.`{key}` = {value}")
    return ", ".join([*parts, *more])
