"""The canned queries: catalogue, answers on the bundled report, parity between Cypher and SPARQL."""

from __future__ import annotations

import json
import re
import threading
import urllib.parse
import urllib.request

import pytest

from govkg.graph.endpoint import serve
from govkg.graph.neo4j_store import Connection, open_store
from govkg.graph.rdf import serialize
from govkg.graph.sparql import run_sparql
from govkg.queries.catalog import catalog, get, sparql_with_parameters
from reports import FIXTURE_NAMES, fixture, seed

EXPECTED = {
    "agreements_across_provinces", "cross_border_points", "region_partners", "zone_coverage", "shortest_connection",
    "event_support", "dispute_network", "institution_profile", "statistics_by_measure", "provenance",
    "implementing_documents", "region_yearly", "find", "event_organisers",
}
NETWORK_QUESTIONS = {
    "agreements_across_provinces", "agreements_named_by_all_members", "cross_border_points", "dispute_network",
    "event_organisers", "event_support", "find", "implementing_documents", "institution_profile", "new_since", "provenance",
    "region_partners", "shortest_connection", "zone_coverage",
}


def test_every_question_has_a_documented_cypher_query_and_a_sparql_twin():
    assert EXPECTED <= set(catalog())
    for query in catalog().values():
        assert query.title and query.description and query.sparql, query.name
        for name, default in query.defaults.items():
            assert f"${name}" in query.cypher, (query.name, name)
            assert f"?param_{name}" in query.sparql or f"LIMIT {default}" in query.sparql, (query.name, name)


def test_parameters_are_cast_and_checked():
    from govkg.errors import QueryError

    assert get("agreements_across_provinces").parameters({"min_provinces": "3"})["min_provinces"] == 3
    with pytest.raises(QueryError, match="no parameter"):
        get("region_partners").parameters({"nope": "1"})
    with pytest.raises(QueryError, match="whole number"):
        get("agreements_across_provinces").parameters({"min_provinces": "two"})


def test_sparql_parameters_cannot_change_the_query():
    from rdflib.plugins.sparql import prepareQuery

    text = sparql_with_parameters(get("region_partners"), {"region": '青浦区"@zh } ?s ?p ?o } DELETE WHERE { ?s ?p ?o } #'})
    assert 'DELETE WHERE' in text and '\\"' in text  # the value stays inside one escaped literal
    prepareQuery(text)  # still one SELECT query
    assert sparql_with_parameters(get("dispute_network"), {"limit": 7}).count("LIMIT 7") == 2


def test_a_twin_that_binds_an_undeclared_or_different_default_is_refused():
    import dataclasses

    from govkg.errors import QueryError

    query = get("region_partners")
    with pytest.raises(QueryError, match="header's default"):
        sparql_with_parameters(dataclasses.replace(query, sparql=query.sparql.replace('"青浦区"@zh', '"吴江区"@zh')), {})
    with pytest.raises(QueryError, match="does not declare"):
        sparql_with_parameters(dataclasses.replace(query, defaults={}), {})
    with pytest.raises(QueryError, match="does not bind"):
        sparql_with_parameters(dataclasses.replace(query, defaults={**query.defaults, "extra": "x"}), {})


@pytest.fixture(scope="module")
def rdf_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("rdf") / "corpus.nq"
    path.write_text(serialize([seed(), *(fixture(n) for n in FIXTURE_NAMES)], "nquads"), encoding="utf-8")
    return path


def _sparql(name, rdf_file, **overrides):
    query = get(name)
    return query.with_lists(run_sparql(sparql_with_parameters(query, query.parameters(overrides)), [rdf_file])[1])


def test_cross_border_points_answer_on_the_bundled_report(tmp_path):
    path = tmp_path / "seed.ttl"
    path.write_text(serialize([seed()], "turtle"), encoding="utf-8")
    rows = {r["point"]: r for r in _sparql("cross_border_points", path)}
    assert set(rows) == {"昆山市淀山湖镇跨域基层法治观察点", "白鹤镇胜新村跨域基层法治观察点"}
    kunshan, baihe = rows["昆山市淀山湖镇跨域基层法治观察点"], rows["白鹤镇胜新村跨域基层法治观察点"]
    assert kunshan["located_in"] == "淀山湖镇" and kunshan["province"] == "江苏省" and kunshan["outside"] is True
    assert kunshan["chain"] == ["昆山市", "苏州市", "江苏省"]  # nearest first, up to the province
    assert baihe["located_in"] == "胜新村" and baihe["chain"] == ["青浦区白鹤镇", "青浦区", "上海市"] and baihe["outside"] is False


def test_other_answers_on_the_bundled_report(tmp_path):
    path = tmp_path / "seed.ttl"
    path.write_text(serialize([seed()], "turtle"), encoding="utf-8")
    covering = {r["name"] for r in _sparql("zone_coverage", path) if r["relation"] == "COVERS"}
    assert {"长三角生态绿色一体化发展示范区劳动保障监察协作框架协议", "示范区知识产权发展与保护一体化工作战略合作协议"} <= covering
    partners = {r["partner"] for r in _sparql("region_partners", path)}
    assert {"吴江区", "嘉善县", "昆山市"} <= partners
    (connection,) = _sparql("shortest_connection", path)
    assert connection["hops"] == 3 and connection["path"].startswith("青浦区") and connection["path"].endswith("昆山市")
    serving = {r["name"] for r in _sparql("event_support", path)}
    assert "青浦区“3*3+N”多链条联合服务保障进博会团队" in serving and "青浦区进博会基层法治观察点" in serving
    assert {r["implements"] for r in _sparql("implementing_documents", path)} == {"提升行政执法质量三年行动计划(2023-2025年)"}
    centres = {r["centre"] for r in _sparql("dispute_network", path)}
    assert "青浦区行政争议联合调处中心" in centres
    stats = _sparql("statistics_by_measure", path)
    assert len(stats) == len(seed().statistics) and not any(r["flagged"] for r in stats)
    (where,) = _sparql("provenance", path)
    assert "设立两家跨域基层法治观察点" in where["sentence"]


def test_event_organisers_answer_who_held_a_course_and_who_held_one_jointly(tmp_path):
    from pathlib import Path

    from govkg.loaders.extract import extract_file

    path = tmp_path / "nanle.ttl"
    path.write_text(serialize([extract_file(Path(__file__).parent / "data" / "national" / "nanle-2024.txt")], "turtle"), encoding="utf-8")
    rows = {(r["event"], r["organiser"]) for r in _sparql("event_organisers", path)}
    assert ("南乐县行政执法人员能力提升培训班", "南乐县司法局") in rows
    assert {("“宪法宣传周”集中宣传活动", "南乐县司法局"), ("“宪法宣传周”集中宣传活动", "南乐县普法办公室")} <= rows


def test_questions_across_reports_and_years(rdf_file):
    (shared,) = _sparql("agreements_named_by_all_members", rdf_file)
    assert shared["agreement"] == "长三角生态绿色一体化发展示范区行政复议工作协作框架协议" and shared["members"] == 3
    new = {r["name"] for r in _sparql("new_since", rdf_file)}
    old = {r["name"] for r in _sparql("new_since", rdf_file, year="2023", previous="2024")}
    assert "青浦区行政争议联合调处中心" not in new | old  # named in both years
    assert "长三角一体化示范区违反治安管理行为处罚裁量基准" in new and not new & old
    years = {r["year"] for r in _sparql("region_yearly", rdf_file)}
    assert years == {2023, 2024}


def test_inconsistent_statistics_are_flagged(rdf_file):
    flagged = [r for r in _sparql("statistics_by_measure", rdf_file) if r["flagged"]]
    assert flagged and all(r["unit"] == "%" for r in flagged)


def test_the_endpoint_answers_standard_clients_and_refuses_updates(rdf_file):
    server = serve([rdf_file], "127.0.0.1", 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{server.server_port}/sparql"
    try:
        query = "PREFIX gkg: <https://w3id.org/govkg/ontology#> SELECT (COUNT(?p) AS ?n) WHERE { ?p a gkg:ObservationPoint }"
        request = urllib.request.Request(base + "?" + urllib.parse.urlencode({"query": query}), headers={"Accept": "application/sparql-results+json"})
        with urllib.request.urlopen(request, timeout=10) as response:
            assert response.headers["Content-Type"].startswith("application/sparql-results+json")
            data = json.loads(response.read())
        assert int(data["results"]["bindings"][0]["n"]["value"]) >= 3
        post = urllib.request.Request(base, data=query.encode(), headers={"Content-Type": "application/sparql-query", "Accept": "text/csv"})
        with urllib.request.urlopen(post, timeout=10) as response:
            assert response.read().decode().startswith("n")
        update = urllib.request.Request(base, data=b"DELETE WHERE { ?s ?p ?o }", headers={"Content-Type": "application/sparql-update"})
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(update, timeout=10)
        assert refused.value.code == 403
        from SPARQLWrapper import JSON, SPARQLWrapper

        client = SPARQLWrapper(base)
        client.setQuery(query)
        client.setReturnFormat(JSON)
        assert int(client.query().convert()["results"]["bindings"][0]["n"]["value"]) >= 3
    finally:
        server.shutdown()
        server.server_close()


# ---------------------------------------------------------------- against the real Neo4j


def _normalise(rows, lists):
    """Rows as comparable tuples: list columns keep their order (they must agree on it)."""
    out = []
    for row in rows:
        cells = []
        for key, value in sorted(row.items()):
            if key in lists:
                assert isinstance(value, list), (key, value)
                value = tuple(value)
            elif isinstance(value, float):
                value = round(value, 6)
            cells.append((key, value))
        out.append(tuple(cells))
    return sorted(out, key=repr)


@pytest.fixture(scope="module")
def loaded_store(neo4j_server):
    store = open_store(Connection(neo4j_server.uri, neo4j_server.username, neo4j_server.password, neo4j_server.database))
    with store:
        store.ensure_schema()
        with store._driver.session(database=neo4j_server.database) as session:
            session.run("MATCH (n) DETACH DELETE n").consume()
        for x in (seed(), *(fixture(n) for n in FIXTURE_NAMES)):
            store.load(x)
        yield store


@pytest.mark.neo4j
@pytest.mark.parametrize("name", sorted(catalog()))
def test_cypher_and_sparql_give_the_same_answers(loaded_store, rdf_file, name):
    query = get(name)
    values = query.parameters()
    cypher_rows = loaded_store.run(query.cypher, **values)
    sparql_rows = query.with_lists(run_sparql(sparql_with_parameters(query, values), [rdf_file])[1])
    assert cypher_rows, f"{name} answers nothing on the test corpus"
    assert _normalise(cypher_rows, query.list_columns) == _normalise(sparql_rows, query.list_columns)


@pytest.mark.neo4j
@pytest.mark.parametrize("name", sorted(catalog()))
def test_explain_raises_no_warnings(loaded_store, name):
    query = get(name)
    assert loaded_store.explain(query.cypher, **query.parameters()) == []


@pytest.mark.neo4j
@pytest.mark.parametrize("name", ["agreements_across_provinces", "dispute_network", "statistics_by_measure"])
def test_a_small_limit_cuts_both_twins_at_the_same_row(loaded_store, rdf_file, name):
    query = get(name)
    values = query.parameters({"limit": "7"})
    cypher_rows = loaded_store.run(query.cypher, **values)
    sparql_rows = query.with_lists(run_sparql(sparql_with_parameters(query, values), [rdf_file])[1])
    assert len(cypher_rows) == 7
    assert _normalise(cypher_rows, query.list_columns) == _normalise(sparql_rows, query.list_columns)


def test_every_network_question_has_a_graph_form_with_the_same_parameters():
    assert {q.name for q in catalog().values() if q.graph_cypher} == NETWORK_QUESTIONS
    for name in NETWORK_QUESTIONS:
        query = get(name)
        used = set(re.findall(r"\$(\w+)", query.graph_cypher))
        assert used <= set(query.defaults), (name, used - set(query.defaults))


NAME_COLUMNS = {
    "agreements_across_provinces": "agreement", "agreements_named_by_all_members": "agreement", "cross_border_points": "point",
    "dispute_network": "centre", "event_organisers": "event", "event_support": "name", "find": "name", "implementing_documents": "document",
    "institution_profile": "other", "new_since": "name", "region_partners": "partner", "zone_coverage": "name",
}
"""The table column holding the names of nodes the graph form must draw (provenance and
shortest_connection print offsets and chains instead)."""


def _graph_names(value, names):
    from neo4j.graph import Node, Path, Relationship

    if isinstance(value, Path):
        for node in value.nodes:
            names.add(node.get("name"))
        return True
    if isinstance(value, Node):
        names.add(value.get("name"))
        return True
    if isinstance(value, Relationship):
        names.update({value.start_node.get("name"), value.end_node.get("name")})
        return True
    if isinstance(value, list):
        return any([_graph_names(v, names) for v in value])
    return False


@pytest.mark.neo4j
@pytest.mark.parametrize("name", sorted(NETWORK_QUESTIONS))
def test_graph_forms_draw_what_the_table_answers(loaded_store, neo4j_server, name):
    query = get(name)
    values = query.parameters()
    table = loaded_store.run(query.cypher, **values)
    records, _, _ = loaded_store._driver.execute_query(query.graph_cypher, values, database_=neo4j_server.database)
    names: set = set()
    drawn = [any([_graph_names(v, names) for v in record.values()]) for record in records]
    assert records and all(drawn), f"{name}: the graph form returns no paths, nodes or relationships"
    assert len(names - {None}) >= 2
    key = NAME_COLUMNS.get(name)
    if key:  # every node the table names is drawn
        wanted = {row[key] for row in table}
        assert wanted <= names, (name, key, wanted - names)
    assert loaded_store.explain(query.graph_cypher, **values) == []


@pytest.mark.neo4j
def test_find_reads_the_full_text_index_with_the_cjk_analyzer(loaded_store, neo4j_server):
    records, _, _ = loaded_store._driver.execute_query(
        "SHOW FULLTEXT INDEXES YIELD name, labelsOrTypes, properties, options WHERE name = 'entity_names' RETURN *",
        database_=neo4j_server.database,
    )
    (index,) = records
    assert set(index["properties"]) == {"name", "aliases"} and "Institution" in index["labelsOrTypes"]
    assert "Report" not in index["labelsOrTypes"]
    assert index["options"]["indexConfig"]["fulltext.analyzer"] == "cjk"
    assert index["options"]["indexConfig"]["fulltext.eventually_consistent"] is True
    query = get("find")
    rows = loaded_store.run(query.cypher, **query.parameters({"fragment": "淀山湖"}))
    assert {r["name"] for r in rows} >= {"淀山湖镇", "昆山市淀山湖镇跨域基层法治观察点"}
    point = next(r for r in rows if r["name"] == "昆山市淀山湖镇跨域基层法治观察点")
    assert point["class"] == "ObservationPoint" and point["places"] == ["淀山湖镇"] and point["reports"] == sorted(point["reports"])
    # An alias finds its entity too, and a fragment with Lucene syntax is taken literally.
    entity, alias = next((e, a) for e in seed().entities if e.type != "Statistic" for a in e.aliases if len(a) >= 2 and a not in e.name)
    assert entity.name in {r["name"] for r in loaded_store.run(query.cypher, **query.parameters({"fragment": alias}))}
    assert loaded_store.run(query.cypher, **query.parameters({"fragment": '示范区" OR "x'})) == []


@pytest.mark.neo4j
def test_a_full_text_index_of_an_older_database_is_made_again_eventually_consistent(loaded_store, neo4j_server):
    from govkg.graph import neo4j_cypher

    def config() -> dict:
        records, _, _ = loaded_store._driver.execute_query(
            "SHOW FULLTEXT INDEXES YIELD name, options WHERE name = 'entity_names' RETURN options.indexConfig AS c",
            database_=neo4j_server.database)
        return records[0]["c"]

    old = neo4j_cypher.full_text_index_statement().replace(", `fulltext.eventually_consistent`: true", "")
    assert "eventually" not in old
    for statement in ("DROP INDEX entity_names", old, "CALL db.awaitIndexes(300)"):
        loaded_store._driver.execute_query(statement, database_=neo4j_server.database)
    assert config()["fulltext.eventually_consistent"] is False
    query = get("find")
    before = loaded_store.run(query.cypher, **query.parameters({"fragment": "淀山湖"}))

    with open_store(loaded_store.connection) as store:  # as a load against that database starts
        store.ensure_schema()

    assert config()["fulltext.eventually_consistent"] is True and config()["fulltext.analyzer"] == "cjk"
    assert before and loaded_store.run(query.cypher, **query.parameters({"fragment": "淀山湖"})) == before
