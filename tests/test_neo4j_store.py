"""The Neo4j store against the real local server (no mocks): loads, reloads, rollback, errors."""

from __future__ import annotations

import dataclasses
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace

import pytest

from govkg.errors import QueryError, StoreError
from govkg.graph import local_neo4j
from govkg.graph.mapping import node_iri, report_iri, to_rows
from govkg.graph.neo4j_store import Connection, Neo4jStore, open_store
from govkg.loaders.extract import extract_file, extract_report
from govkg.loaders.model import Extraction
from govkg.loaders.text import parse_report
from govkg.ontology.schema import load_schema
from govkg.queries.catalog import get

ROOT = Path(__file__).resolve().parents[1]
BUNDLED = ROOT / "data" / "reports" / "qingpu-2024.txt"
WUJIANG = ROOT / "tests" / "data" / "reports" / "wujiang-2024.txt"
DEMO_ZONE = "长三角生态绿色一体化发展示范区"
REMOVED_PARAGRAPH = "进一步加强权力制约机制。"  # its paragraph states entities and statistics no other does
INJECTION = "x'}) DETACH DELETE n //"

pytestmark = pytest.mark.neo4j


@pytest.fixture(scope="session")
def connection(neo4j_server: SimpleNamespace) -> Connection:
    return Connection(neo4j_server.uri, neo4j_server.username, neo4j_server.password, neo4j_server.database)


@pytest.fixture
def store(connection: Connection) -> Iterator[Neo4jStore]:
    """An open store on an empty database."""
    with open_store(connection) as opened:
        opened._driver.execute_query("MATCH (n) DETACH DELETE n", database_=connection.database)
        yield opened


@pytest.fixture(scope="session")
def qingpu() -> Extraction:
    return extract_file(BUNDLED)


@pytest.fixture(scope="session")
def wujiang() -> Extraction:
    return extract_file(WUJIANG)


def _report_ids(store: Neo4jStore, report_id: str) -> dict[str, int]:
    """What the graph holds of one report: what it states, its mentions/statements, what it alone states."""
    rows = store.run(
        "MATCH (r:Report {id: $rid}) "
        "RETURN size(r.stated_nodes) AS nodes, size(r.stated_relationships) AS rels, "
        "COUNT { (r)-[:MENTIONS]->() } AS mentions, COUNT { (r)-[:STATES]->() } AS states, "
        "COUNT { MATCH (n) WHERE n.report_count = 1 AND (labels(n)[0] + ' ' + n.iri) IN r.stated_nodes } AS only",
        rid=report_id,
    )
    return rows[0] if rows else {"nodes": 0, "rels": 0, "mentions": 0, "states": 0, "only": 0}


def _assert_counts_agree(store: Neo4jStore) -> None:
    """Every count is the number of Report nodes listing the node or relationship; nothing is left at zero."""
    nodes = store.run(
        "MATCH (r:Report) UNWIND r.stated_nodes AS key WITH key, count(*) AS listed "
        "RETURN key, listed ORDER BY key"
    )
    counted = store.run(
        "MATCH (n) RETURN labels(n)[0] + ' ' + n.iri AS key, n.report_count AS listed ORDER BY key"
    )
    assert nodes == counted
    rels = store.run(
        "MATCH (r:Report) UNWIND r.stated_relationships AS key WITH key, count(*) AS listed "
        "RETURN key, listed ORDER BY key"
    )
    counted_rels = store.run(
        "MATCH (a)-[r]->(b) WHERE NOT type(r) IN ['MENTIONS', 'STATES'] "
        "RETURN type(r) + ' ' + labels(a)[0] + ' ' + a.iri + ' ' + labels(b)[0] + ' ' + b.iri AS key, "
        "r.report_count AS listed ORDER BY key"
    )
    assert rels == counted_rels


def _poisoned(extraction: Extraction) -> Extraction:
    """The extraction with a last statistic Neo4j cannot store (a map property): fails late in the load."""
    statistics = list(extraction.statistics)
    statistics[-1] = dataclasses.replace(statistics[-1], check={"not": "storable"})  # type: ignore[arg-type]
    return dataclasses.replace(extraction, statistics=tuple(statistics))


def _snapshot(store: Neo4jStore) -> tuple[dict[str, int], dict[str, int], list[dict]]:
    props = store.run("MATCH (n) RETURN n.iri AS iri, n.report_count AS reports, n.name AS name ORDER BY iri")
    return store.count_nodes_by_label(), store.count_relationships_by_type(), props


def test_load_matches_extraction(store: Neo4jStore, qingpu: Extraction) -> None:
    rows = to_rows(qingpu)
    summary = store.load(qingpu)

    expected = Counter(label for node in rows.nodes for label in node.labels)
    assert store.count_nodes_by_label() == dict(expected)
    observation_points = sum(1 for e in qingpu.entities if e.cls == "ObservationPoint")
    assert store.run("MATCH (n:ObservationPoint) RETURN count(n) AS n")[0]["n"] == observation_points == 3
    assert store.run("MATCH (n:Statistic) RETURN count(n) AS n")[0]["n"] == len(qingpu.statistics)
    by_type = store.count_relationships_by_type()
    assert by_type["MENTIONS"] == sum(len(e.mentions) for e in qingpu.entities)
    assert by_type["STATES"] == len(qingpu.statistics)
    assert set(by_type) <= set(load_schema().relation_types)
    assert summary.nodes_created == len(rows.nodes)
    assert summary.relationships_created == sum(by_type.values())
    assert summary.nodes_deleted == summary.relationships_deleted == 0

    constrained = {
        row["labels"][0]
        for row in store.run(
            "SHOW CONSTRAINTS YIELD labelsOrTypes AS labels, properties WHERE properties = ['iri'] RETURN labels"
        )
    }
    tops = {load_schema().classes[name].cypher_name for name in load_schema().top_classes}
    assert tops <= constrained
    indexed = store.run("SHOW INDEXES YIELD labelsOrTypes, properties WHERE labelsOrTypes = ['Report'] RETURN properties")
    assert ["id"] in [row["properties"] for row in indexed]


def test_cross_border_observation_points_reach_two_provinces(store: Neo4jStore, qingpu: Extraction) -> None:
    store.load(qingpu)
    rows = store.run(
        "MATCH (p:ObservationPoint) WHERE p.name CONTAINS '跨域' "
        "MATCH (p)-[:LOCATED_IN]->(x)-[:PART_OF*0..]->(prov:Province) "
        "RETURN p.name AS point, collect(DISTINCT prov.name) AS provinces"
    )
    assert len(rows) == 2
    assert {province for row in rows for province in row["provinces"]} == {"江苏省", "上海市"}
    assert all(len(row["provinces"]) == 1 for row in rows)


def test_agreements_cover_the_demo_zone(store: Neo4jStore, qingpu: Extraction) -> None:
    store.load(qingpu)
    rows = store.run(
        "MATCH (a:Agreement)-[:COVERS]->(:Place {name: $zone}) RETURN count(DISTINCT a) AS n", zone=DEMO_ZONE
    )
    assert rows[0]["n"] >= 4


def test_reload_is_idempotent(store: Neo4jStore, qingpu: Extraction) -> None:
    store.load(qingpu)
    before = _snapshot(store)
    again = store.load(qingpu, batch_size=7)  # other batch boundaries, same graph
    assert _snapshot(store) == before
    assert (again.nodes_created, again.nodes_deleted) == (0, 0)
    # Only the report's own MENTIONS/STATES are made afresh.
    mentions = sum(len(e.mentions) for e in qingpu.entities) + len(qingpu.statistics)
    assert again.relationships_created == again.relationships_deleted == mentions
    _assert_counts_agree(store)


def test_reloading_a_changed_report_touches_only_its_facts(
    store: Neo4jStore, qingpu: Extraction, wujiang: Extraction, tmp_path: Path
) -> None:
    store.load(qingpu)
    store.load(wujiang)
    wujiang_before = _report_ids(store, wujiang.report.id)
    assert wujiang_before["only"] > 0 and wujiang_before["mentions"] > 0 and wujiang_before["states"] > 0

    text = BUNDLED.read_text(encoding="utf-8")
    paragraph = next(p for p in text.split("\n\n") if p.startswith(REMOVED_PARAGRAPH))
    changed_file = tmp_path / "qingpu-2024-changed.txt"
    changed_file.write_text(text.replace(paragraph + "\n\n", "", 1), encoding="utf-8")
    changed = extract_report(parse_report(changed_file.read_text(encoding="utf-8"), changed_file.name))
    assert changed.report.id == qingpu.report.id

    summary = store.load(changed)

    assert _report_ids(store, wujiang.report.id) == wujiang_before
    qingpu_now = _report_ids(store, qingpu.report.id)
    assert qingpu_now["mentions"] == sum(len(e.mentions) for e in changed.entities)
    assert qingpu_now["states"] == len(changed.statistics)
    # Entities only the removed paragraph named are gone; those Wujiang also names stay, now Wujiang's alone.
    still_named = {e.id for e in changed.entities} | {e.id for e in wujiang.entities}
    gone = [e for e in qingpu.entities if e.id not in still_named]
    assert gone, "the removed paragraph should name something no other text does"
    found = store.run("MATCH (n) WHERE n.iri IN $iris RETURN n.name AS name", iris=[node_iri(e) for e in gone])
    assert found == []
    assert summary.nodes_deleted >= len(gone)
    # Statistic nodes: exactly the changed report's (offsets moved, so ids changed too).
    stats = store.run("MATCH (:Report {id: $rid})-[:STATES]->(s:Statistic) RETURN s.id AS id", rid=qingpu.report.id)
    assert sorted(row["id"] for row in stats) == sorted(s.id for s in changed.statistics)
    orphans = store.run("MATCH (s:Statistic) WHERE NOT (s)<-[:STATES]-() RETURN count(s) AS n")
    assert orphans[0]["n"] == 0
    # Entity relations only the removed paragraph stated are gone.
    kept = {(r.type, r.source, r.target) for x in (changed, wujiang) for r in x.relations}
    dropped = {(r.type, r.source, r.target) for r in qingpu.relations} - kept
    iri_of = {e.id: node_iri(e) for x in (qingpu, changed, wujiang) for e in x.entities}
    for type_, source, target in dropped:
        rows = store.run(
            "MATCH ({iri: $s})-[r]->({iri: $t}) WHERE type(r) = $type RETURN count(r) AS n",
            s=iri_of[source], t=iri_of[target], type=type_,
        )
        assert rows[0]["n"] == 0, (type_, source, target)
    _assert_counts_agree(store)


def test_failed_first_load_leaves_nothing(store: Neo4jStore, qingpu: Extraction) -> None:
    with pytest.raises(StoreError, match="rolled back"):
        store.load(_poisoned(qingpu), batch_size=5)
    assert _report_ids(store, qingpu.report.id)["nodes"] == 0
    assert store.run("MATCH (r:Report {id: $rid}) RETURN count(r) AS n", rid=qingpu.report.id)[0]["n"] == 0
    assert store.count_nodes_by_label() == {}


def test_failed_reload_keeps_the_previous_load(store: Neo4jStore, qingpu: Extraction, wujiang: Extraction) -> None:
    store.load(qingpu)
    store.load(wujiang)
    before = _snapshot(store)
    with pytest.raises(StoreError, match="rolled back"):
        store.load(_poisoned(qingpu), batch_size=5)
    assert _snapshot(store) == before


def test_every_value_is_a_parameter(store: Neo4jStore, qingpu: Extraction, wujiang: Extraction) -> None:
    store.load(wujiang)
    before = _snapshot(store)
    wujiang_before = _report_ids(store, wujiang.report.id)
    entities = list(qingpu.entities)
    entities[0] = dataclasses.replace(entities[0], name=INJECTION, aliases=(INJECTION,))
    report = dataclasses.replace(qingpu.report, id="evil' }) MATCH (m) DETACH DELETE m //", title=INJECTION)
    evil = dataclasses.replace(qingpu, report=report, entities=tuple(entities))

    store.load(evil)

    stored = store.run("MATCH (n {iri: $iri}) RETURN n.name AS name, n.aliases AS aliases", iri=node_iri(entities[0]))
    assert stored == [{"name": INJECTION, "aliases": [INJECTION]}]
    titled = store.run("MATCH (r:Report {iri: $iri}) RETURN r.name AS name, r.id AS id", iri=report_iri(report.id))
    assert titled == [{"name": INJECTION, "id": report.id}]
    assert {k: v for k, v in _report_ids(store, wujiang.report.id).items() if k != "only"} == {
        k: v for k, v in wujiang_before.items() if k != "only"
    }
    labels, _, _ = before
    after = store.count_nodes_by_label()
    assert all(after.get(label, 0) >= n for label, n in labels.items()), "a load deleted nodes"
    assert after["Report"] == 2


def test_labels_outside_the_ontology_are_refused(store: Neo4jStore, qingpu: Extraction) -> None:
    store.load(qingpu)
    before = _snapshot(store)
    entities = list(qingpu.entities)
    entities[0] = dataclasses.replace(entities[0], cls="Place`) DETACH DELETE n //")
    with pytest.raises(StoreError, match="not in the ontology"):
        store.load(dataclasses.replace(qingpu, entities=tuple(entities)))
    relations = list(qingpu.relations)
    relations[0] = dataclasses.replace(relations[0], type="PART_OF]->() DETACH DELETE n //")
    with pytest.raises(StoreError, match="not in the ontology"):
        store.load(dataclasses.replace(qingpu, relations=tuple(relations)))
    relations[0] = dataclasses.replace(qingpu.relations[0], target="place-not-in-the-report")
    with pytest.raises(StoreError, match="not among the report's nodes"):
        store.load(dataclasses.replace(qingpu, relations=tuple(relations)))
    assert _snapshot(store) == before


def test_run_rejects_writes_and_bad_cypher(store: Neo4jStore) -> None:
    with pytest.raises(QueryError):
        store.run("CREATE (:Report {id: 'x'})")
    with pytest.raises(QueryError):
        store.run("MATC (n) RETURN n")
    assert store.run("RETURN $value AS value", value=INJECTION) == [{"value": INJECTION}]


def test_run_returns_the_columns_also_without_rows(store: Neo4jStore) -> None:
    rows = store.run("MATCH (n:Report) WHERE n.id = $id RETURN n.name AS name, count(*) + 1 AS `total, with comma`", id="none")
    assert rows == [] and rows.columns == ("name", "total, with comma")
    assert store.run("UNWIND [2, 1] AS b RETURN b, b * 10 AS a").columns == ("b", "a")


def test_connect_falls_back_to_the_local_server(neo4j_server: SimpleNamespace, monkeypatch: pytest.MonkeyPatch) -> None:
    from govkg.graph.neo4j_store import connect

    for name in ("NEO4J_URI", "NEO4J_USERNAME", "NEO4J_DATABASE"):
        monkeypatch.delenv(name, raising=False)
    if (neo4j_server.server.state_dir / "password").exists():
        monkeypatch.delenv("NEO4J_PASSWORD", raising=False)  # the server's own password file
    else:
        monkeypatch.setenv("NEO4J_PASSWORD", neo4j_server.password)
    with connect(state_dir=neo4j_server.server.state_dir) as store:
        assert store.connection.uri == neo4j_server.uri
        assert store.run("RETURN 1 AS one") == [{"one": 1}]
    with pytest.raises(StoreError, match="govkg neo4j start"):
        connect(state_dir=neo4j_server.server.state_dir / "nothing-runs-here")


def test_server_down_names_the_uri() -> None:
    uri = f"bolt://127.0.0.1:{local_neo4j.free_port()}"
    with pytest.raises(StoreError, match="cannot reach Neo4j at " + uri.replace(".", r"\.")) as caught:
        open_store(Connection(uri, "neo4j", "not-the-password"))
    message = str(caught.value)
    assert "\n" not in message and "not-the-password" not in message and "govkg neo4j start" in message


def test_wrong_password_fails_fast_without_retries(connection: Connection) -> None:
    # The only wrong-password attempt of this file: Neo4j locks the user after 3.
    wrong = dataclasses.replace(connection, password="wrong-" + connection.password[::-1])
    began = time.perf_counter()
    with pytest.raises(StoreError, match="refused the credentials of user 'neo4j'") as caught:
        open_store(wrong)
    assert time.perf_counter() - began < 5
    assert wrong.password not in str(caught.value) and connection.password not in str(caught.value)
    with open_store(connection) as store:  # the right password still works: the user is not locked
        assert store.run("RETURN 1 AS one") == [{"one": 1}]


def test_connection_hides_the_password(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEO4J_URI", "neo4j+s://example.org")
    monkeypatch.setenv("NEO4J_PASSWORD", "s3cret-value")
    monkeypatch.delenv("NEO4J_USERNAME", raising=False)
    monkeypatch.delenv("NEO4J_DATABASE", raising=False)
    conn = Connection.from_env()
    assert (conn.uri, conn.username, conn.password, conn.database) == ("neo4j+s://example.org", "neo4j", "s3cret-value", None)
    assert "s3cret-value" not in repr(conn)
    assert Connection.from_env(uri="bolt://h:1", database="kg").uri == "bolt://h:1"
    monkeypatch.delenv("NEO4J_URI")
    with pytest.raises(StoreError, match="NEO4J_URI"):
        open_store(Connection.from_env())
    with pytest.raises(StoreError, match="unsupported"):
        open_store(Connection("http://127.0.0.1:7474", "neo4j", "s3cret-value"))


# -- several reports per transaction ------------------------------------------------

FIXTURES = sorted((ROOT / "tests" / "data" / "reports").glob("*.txt"))


def _full_snapshot(store: Neo4jStore) -> tuple[list[dict], list[dict]]:
    """Every node (labels, properties) and relationship (type, ends, properties), in a stable order."""
    nodes = store.run("MATCH (n) RETURN n.iri AS iri, labels(n) AS labels, properties(n) AS props ORDER BY iri")
    rels = store.run(
        "MATCH (a)-[r]->(b) RETURN a.iri AS a, type(r) AS type, b.iri AS b, properties(r) AS props "
        "ORDER BY a, type, b, r.start"
    )
    for node in nodes:
        node["labels"] = sorted(node["labels"])
    return nodes, rels


@pytest.fixture(scope="session")
def fixtures() -> list[Extraction]:
    return [extract_file(path) for path in FIXTURES]


def _reclassed(extraction: Extraction, other: Extraction) -> Extraction:
    """``extraction`` as another report that gives a shared entity another finer class and new evidence."""
    shared = {e.id for e in other.entities}
    schema = load_schema()
    entities = list(extraction.entities)
    for i, entity in enumerate(entities):
        siblings = [c for c, k in schema.classes.items() if k.top == schema.classes[entity.cls].top and c not in (entity.cls, k.top)]
        if entity.id in shared and siblings:
            entities[i] = dataclasses.replace(entity, cls=siblings[0], aliases=(*entity.aliases, "别名"))
            break
    else:
        raise AssertionError("no shared entity with a sibling class")
    report = dataclasses.replace(extraction.report, id=extraction.report.id + "-v2")
    relations = tuple(dataclasses.replace(r, evidence=None) for r in extraction.relations)
    return dataclasses.replace(extraction, report=report, entities=tuple(entities), relations=relations)


@pytest.mark.parametrize("batch_size", [1, 700, 100_000])
def test_grouped_loads_equal_one_by_one(
    store: Neo4jStore, qingpu: Extraction, fixtures: list[Extraction], batch_size: int
) -> None:
    stream = [qingpu, *fixtures, _reclassed(qingpu, fixtures[-1]), qingpu]  # a shared entity changes class; a reload
    for extraction in stream:
        store.load(extraction)
    one_by_one = _full_snapshot(store)
    store._driver.execute_query("MATCH (n) DETACH DELETE n")

    results = list(store.load_all(stream, batch_size=batch_size))

    assert [(r.report_id, r.error) for r in results] == [(x.report.id, None) for x in stream]
    assert _full_snapshot(store) == one_by_one


def test_a_bad_report_fails_alone_in_its_group(store: Neo4jStore, qingpu: Extraction, fixtures: list[Extraction]) -> None:
    for extraction in fixtures:
        store.load(extraction)
    expected = _full_snapshot(store)
    store._driver.execute_query("MATCH (n) DETACH DELETE n")

    results = list(store.load_all([fixtures[0], _poisoned(qingpu), *fixtures[1:]], batch_size=100_000))

    failed = [r for r in results if r.error is not None]
    assert [r.report_id for r in failed] == [qingpu.report.id]
    assert "rolled back" in str(failed[0].error)
    assert len(results) == len(fixtures) + 1
    assert _full_snapshot(store) == expected


def test_a_routing_uri_loads_through_managed_transactions(neo4j_server: SimpleNamespace, qingpu: Extraction) -> None:
    """``neo4j://`` (what a cluster or Aura needs) works against the single local server too."""
    routed = Connection(neo4j_server.uri.replace("bolt://", "neo4j://"), neo4j_server.username, neo4j_server.password)
    with open_store(routed) as store:
        store._driver.execute_query("MATCH (n) DETACH DELETE n")
        results = list(store.load_all([qingpu]))
        assert [r.error for r in results] == [None]
        assert store.run("MATCH (r:Report {id: $rid}) RETURN count(r) AS n", rid=qingpu.report.id) == [{"n": 1}]


def _indexed_names(store: Neo4jStore) -> set[str]:
    """The names (two characters or more) of the nodes the full-text index covers, read from the graph itself."""
    (index,) = store.run("SHOW FULLTEXT INDEXES YIELD name, labelsOrTypes WHERE name = 'entity_names' RETURN labelsOrTypes")
    rows = store.run("MATCH (n) WHERE any(l IN labels(n) WHERE l IN $labels) AND size(n.name) >= 2 RETURN n.name AS name",
                     labels=index["labelsOrTypes"])
    return {row["name"] for row in rows}


def _missed_by_find(store: Neo4jStore, names: list[str]) -> list[str]:
    find = get("find")
    return [name for name in names
            if name not in {r["name"] for r in store.run(find.cypher, **find.parameters({"fragment": name, "limit": 1000}))}]


def test_find_sees_every_name_as_soon_as_a_load_returns(store: Neo4jStore, qingpu: Extraction, fixtures: list[Extraction]) -> None:
    """The full-text index is updated after the commit, on a server thread; a load returns once it holds the names."""
    seen: set[str] = set()
    for extraction in (qingpu, fixtures[0]):
        store.load(extraction)
        names = _indexed_names(store)
        assert names - seen and _missed_by_find(store, sorted(names - seen)) == []  # the new names, asked at once
        seen = names

    results = list(store.load_all(fixtures[1:], batch_size=100))  # one transaction a report

    assert [r.error for r in results] == [None] * len(fixtures[1:])
    names = _indexed_names(store)
    assert names - seen and _missed_by_find(store, sorted(names - seen)) == []
