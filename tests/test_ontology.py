from __future__ import annotations

import pytest
from rdflib import RDFS, Graph, Literal

from govkg.ontology.schema import GKG, load_schema, ontology_turtle
from govkg.ontology.shapes import shapes_turtle, shipped_shapes

TOP = {"Institution", "Place", "Agreement", "Document", "Mechanism", "ObservationPoint", "MediationCentre", "Event", "Statistic", "Report"}
RELATIONS = {"PART_OF", "LOCATED_IN", "ESTABLISHED", "ISSUED", "PARTY_TO", "COVERS", "SERVES", "IMPLEMENTS", "MENTIONS"}


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


def test_shipped_terms_module_is_the_derived_one():
    from govkg.ontology.terms_source import shipped_terms_module, terms_module

    assert shipped_terms_module() == terms_module()


def test_terms_are_the_ontologys_names():
    from govkg.ontology.terms import TOP_CLASS, Class, RelationType

    schema = load_schema()
    assert {c.value for c in Class} == set(schema.classes)
    assert {r.value for r in RelationType} == set(schema.relation_types)
    assert all(TOP_CLASS[Class(name)] == cls.top for name, cls in schema.classes.items())
    with pytest.raises(AttributeError):
        Class.Plaec  # noqa: B018
    assert f"{Class.Place}" == str(Class.Place) == "Place" and type(str(Class.Place)) is str


def _names_in(value, path=""):
    """Every string in a vocabulary file that is written like a class (CamelCase) or a relation type (UPPER_CASE)."""
    import re

    if isinstance(value, dict):
        for key, item in value.items():
            yield from _names_in(key, path)
            yield from _names_in(item, f"{path}.{key}")
    elif isinstance(value, list):
        rows = all(isinstance(item, list) for item in value)
        for item in value:
            yield from _names_in(item[1:] if rows and item else item, path)  # a row's first item is its word (e.g. App)
    elif isinstance(value, str) and re.fullmatch(r"[A-Z][a-z]+(?:[A-Z][a-z]*)*|[A-Z]+(?:_[A-Z]+)+", value):
        yield path, value


def test_every_class_and_relation_type_in_the_vocabulary_files_is_in_the_ontology():
    import json
    from importlib.resources import files

    schema = load_schema()
    known = set(schema.classes) | set(schema.relation_types)
    for name in ("vocabulary.json", "gazetteer.json"):
        data = json.loads((files("govkg.loaders") / "data" / name).read_text(encoding="utf-8"))
        named = list(_names_in(data))
        unknown = {(path, value) for path, value in named if value not in known}
        assert not unknown, f"{name}: {sorted(unknown)}"
    assert len(list(_names_in(json.loads((files("govkg.loaders") / "data" / "vocabulary.json").read_text(encoding="utf-8"))))) > 100


def test_every_rule_familys_vocabulary_slice_reads_the_shipped_file():
    """Each slice types its keys: classes and relation types load as ontology terms, or fail."""
    from govkg.loaders.pipeline import build_pipeline
    from govkg.loaders.rules.component import RuleComponent

    for _, component in build_pipeline().pipeline:
        assert isinstance(component, RuleComponent)
        vocabulary = component.Vocabulary.shipped()
        assert component.Vocabulary.from_data(vocabulary.to_data()) == vocabulary
