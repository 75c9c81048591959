"""Linked data a researcher recognises: standard types, readable place IRIs, romanised labels, a valid RDF Data Cube."""

from __future__ import annotations

import dataclasses

import pyoxigraph
import pytest

from govkg.graph.mapping import to_rows
from govkg.graph.rdf import serialize, standard_types
from govkg.ontology.schema import ID_BASE
from reports import FIXTURE_NAMES, fixture, seed

PREFIXES = """PREFIX qb: <http://purl.org/linked-data/cube#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX gkg: <https://w3id.org/govkg/ontology#>
PREFIX schema: <https://schema.org/>
"""

# The integrity constraints of the W3C RDF Data Cube Vocabulary (section 11.1), each an ASK
# that is true when the constraint is violated. Written here with property paths over
# qb:dimension|qb:measure|qb:attribute, so no normalisation step is needed first.
COMPONENT = "(qb:dimension|qb:measure|qb:attribute)"
INTEGRITY = {
    "IC-1 unique data set": """ASK { { ?o a qb:Observation . FILTER NOT EXISTS { ?o qb:dataSet ?d } }
        UNION { ?o a qb:Observation ; qb:dataSet ?d1, ?d2 . FILTER(?d1 != ?d2) } }""",
    "IC-2 unique DSD": """ASK { { ?d a qb:DataSet . FILTER NOT EXISTS { ?d qb:structure ?s . ?s a qb:DataStructureDefinition } }
        UNION { ?d a qb:DataSet ; qb:structure ?s1, ?s2 . FILTER(?s1 != ?s2) } }""",
    "IC-3 DSD includes a measure": """ASK { ?s a qb:DataStructureDefinition .
        FILTER NOT EXISTS { ?s qb:component/qb:measure ?m . ?m a qb:MeasureProperty } }""",
    "IC-4 dimensions have a range": """ASK { ?dim a qb:DimensionProperty . FILTER NOT EXISTS { ?dim rdfs:range ?r } }""",
    "IC-5 concept dimensions have code lists": """ASK { ?dim a qb:DimensionProperty ; rdfs:range skos:Concept .
        FILTER NOT EXISTS { ?dim qb:codeList ?list } }""",
    "IC-6 only attributes may be optional": f"""ASK {{ ?s qb:component ?c . ?c qb:componentRequired false ; {COMPONENT} ?p .
        FILTER NOT EXISTS {{ ?p a qb:AttributeProperty }} }}""",
    "IC-7..10 no slices to check": """ASK { { ?x qb:sliceKey ?k } UNION { ?x qb:slice ?sl } UNION { ?x a qb:Slice } }""",
    "IC-11 all dimensions present": """ASK { ?o qb:dataSet/qb:structure/qb:component/qb:dimension ?dim .
        FILTER NOT EXISTS { ?o ?dim ?v } }""",
    "IC-12 no duplicate observations": """ASK { ?o1 qb:dataSet ?d . ?o2 qb:dataSet ?d . FILTER(STR(?o1) < STR(?o2))
        FILTER NOT EXISTS { ?d qb:structure/qb:component/qb:dimension ?dim . ?o1 ?dim ?v1 . ?o2 ?dim ?v2 . FILTER(?v1 != ?v2) } }""",
    "IC-13 required attributes present": """ASK { ?o qb:dataSet/qb:structure/qb:component ?c .
        ?c qb:componentRequired true ; qb:attribute ?a . FILTER NOT EXISTS { ?o ?a ?v } }""",
    "IC-14 all measures present": """ASK { ?o qb:dataSet/qb:structure/qb:component/qb:measure ?m .
        FILTER NOT EXISTS { ?o ?m ?v } }""",
    "IC-15..18 no measure dimension to check": """ASK { { ?c qb:dimension qb:measureType } UNION { ?o qb:measureType ?m } }""",
    "IC-19..21 no code lists to check": """ASK { ?dim qb:codeList ?list }""",
}


def _store(extractions) -> pyoxigraph.Store:
    store = pyoxigraph.Store()  # the export alone: the cube's structure must travel with the data
    store.load(serialize(extractions, "turtle").encode(), format=pyoxigraph.RdfFormat.TURTLE)
    return store


@pytest.fixture(scope="module")
def corpus():
    return [seed(), *(fixture(n) for n in FIXTURE_NAMES)]


@pytest.fixture(scope="module")
def exported(corpus):
    return _store(corpus)


@pytest.mark.parametrize("name", sorted(INTEGRITY))
def test_the_statistics_pass_the_data_cube_integrity_constraints(exported, name):
    assert not bool(exported.query(PREFIXES + INTEGRITY[name])), name


def test_a_broken_cube_fails_them(corpus):
    x = corpus[0]
    twice = dataclasses.replace(x.statistics[1], id=x.statistics[0].id + "-again", start=x.statistics[0].start, end=x.statistics[0].end,
                                measure=x.statistics[0].measure)
    store = _store([dataclasses.replace(x, statistics=(*x.statistics, twice))])
    assert bool(store.query(PREFIXES + INTEGRITY["IC-12 no duplicate observations"]))
    store.update(PREFIXES + "DELETE WHERE { ?o gkg:refArea ?area }")
    assert bool(store.query(PREFIXES + INTEGRITY["IC-11 all dimensions present"]))


def test_every_report_is_a_data_set_of_the_one_structure(exported, corpus):
    rows = list(exported.query(PREFIXES + "SELECT ?d (COUNT(?o) AS ?n) WHERE { ?d a qb:DataSet ; qb:structure gkg:StatisticsStructure . ?o qb:dataSet ?d } GROUP BY ?d"))
    assert sorted(int(r["n"].value) for r in rows) == sorted(len(x.statistics) for x in corpus if x.statistics)


@pytest.mark.parametrize(("cls", "standard"), [
    ("Institution", "http://www.w3.org/ns/org#Organization"),
    ("Institution", "http://data.europa.eu/m8g/PublicOrganisation"),
    ("ObservationPoint", "http://www.w3.org/ns/org#Site"),
    ("Agreement", "http://data.europa.eu/eli/ontology#LegalResource"),
    ("Document", "http://data.europa.eu/eli/ontology#LegalResource"),
    ("Mechanism", "http://www.w3.org/2004/02/skos/core#Concept"),
    ("Place", "https://schema.org/Place"),
    ("Statistic", "http://purl.org/linked-data/cube#Observation"),
])
def test_exports_state_the_standard_types_of_the_ontology(exported, cls, standard):
    count = "SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE {{ ?x a <{}> }}"
    ours = int(next(iter(exported.query(count.format(f"https://w3id.org/govkg/ontology#{cls}"))))["n"].value)
    theirs = int(next(iter(exported.query(count.format(standard))))["n"].value)
    assert ours > 0 and theirs >= ours
    assert standard in {str(t) for t in standard_types(cls)}


def test_places_are_named_by_their_division_code_and_linked_to_province_and_city(exported):
    def objects(iri, predicate):
        return {q.object.value if isinstance(q.object, pyoxigraph.NamedNode) else (q.object.value, q.object.language)
                for q in exported.quads_for_pattern(pyoxigraph.NamedNode(iri), pyoxigraph.NamedNode(predicate), None)}

    qingpu, kunshan, baihe = (f"{ID_BASE}place/{code}" for code in ("310118", "320583", "310118110"))
    assert ("青浦区", "zh") in objects(qingpu, "https://w3id.org/govkg/ontology#name")
    assert objects(qingpu, "https://schema.org/containedInPlace") == {f"{ID_BASE}place/310000"}
    assert objects(kunshan, "https://schema.org/containedInPlace") == {f"{ID_BASE}place/320000", f"{ID_BASE}place/320500"}
    assert objects(baihe, "https://schema.org/containedInPlace") == {f"{ID_BASE}place/310000"}
    assert ("Qīng pǔ qū", "zh-latn-pinyin") in objects(qingpu, "http://www.w3.org/2000/01/rdf-schema#label")  # tags are case-insensitive
    zone = next(iter(exported.query(PREFIXES + 'SELECT ?z WHERE { ?z gkg:name "长三角生态绿色一体化发展示范区"@zh }')))["z"].value
    assert zone.startswith(f"{ID_BASE}place-")  # no code: a stable hash
    assert any(q.object.value == zone for q in exported.quads_for_pattern(None, pyoxigraph.NamedNode("https://w3id.org/govkg/ontology#partOf"), None))


def test_neo4j_nodes_carry_the_same_readable_iris(corpus):
    rows = to_rows(corpus[0])
    by_name = {n.properties["name"]: n.iri for n in rows.nodes}
    assert by_name["青浦区"] == f"{ID_BASE}place/310118"
    assert f"{ID_BASE}place/310118" in {e.source for e in rows.edges} | {e.target for e in rows.edges}
