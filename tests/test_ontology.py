from __future__ import annotations

import pytest
from rdflib import RDFS, Graph, Literal

from govkg.ontology.schema import GKG, load_schema, ontology_turtle
from govkg.ontology.shapes import shapes_turtle, shipped_shapes

TOP = {"Institution", "Place", "Agreement", "Document", "Mechanism", "ObservationPoint", "MediationCentre", "Event", "Statistic", "Report"}
RELATIONS = {"PART_OF", "LOCATED_IN", "ESTABLISHED", "ISSUED", "PARTY_TO", "COVERS", "SERVES", "ORGANIZED", "IMPLEMENTS", "MENTIONS"}


def test_top_classes_and_relations_are_in_the_ontology():
    schema = load_schema()
    assert TOP <= set(schema.top_classes)
    assert RELATIONS <= set(schema.relation_types)


def test_every_class_maps_onto_exactly_one_top_class():
    schema = load_schema()
    for cls in schema.classes.values():
        if cls.name == "Mention":  # provenance bookkeeping, never a node
            continue
        assert cls.top in schema.top_classes
        assert schema.labels_for(cls.name)[0] == schema.classes[cls.top].cypher_name


def test_every_class_and_relation_has_chinese_and_english_labels():
    graph = Graph().parse(data=ontology_turtle(), format="turtle")
    schema = load_schema()
    for term in [*schema.classes.values(), *schema.relations.values()]:
        languages = {label.language for label in graph.objects(term.iri, RDFS.label) if isinstance(label, Literal)}
        assert {"zh", "en"} <= languages, term.name


def test_top_classes_reuse_standard_vocabularies():
    graph = load_schema().graph
    parents = {str(o) for c in TOP for o in graph.objects(GKG[c], RDFS.subClassOf)}
    for vocabulary in ("http://www.w3.org/ns/org#", "http://purl.org/linked-data/cube#", "http://www.w3.org/ns/prov#"):
        assert any(p.startswith(vocabulary) for p in parents), vocabulary


def test_term_namespace_is_closed():
    assert str(GKG.ObservationPoint).endswith("#ObservationPoint")
    with pytest.raises(AttributeError):
        GKG.NotATerm  # noqa: B018


def test_shipped_shapes_file_is_the_derived_one():
    assert shipped_shapes() == shapes_turtle()


def test_shapes_cover_every_relation():
    shapes = Graph().parse(data=shapes_turtle(), format="turtle")
    targets = {str(o) for _, p, o in shapes if str(p) == "http://www.w3.org/ns/shacl#targetSubjectsOf"}
    for relation in load_schema().relations.values():
        assert str(relation.iri) in targets
