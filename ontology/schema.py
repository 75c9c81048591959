"""The schema as Python sees it, read from ``govkg.ttl``: the one source of truth.

Neo4j labels, relationship types, property names, constraints, SHACL shapes and
the ``GKG`` term namespace are all derived from the ontology here, never retyped.
"""

from __future__ import annotations

from dataclasses import dataclass
from collections.abc import Iterable
from functools import lru_cache
from importlib.resources import files

from rdflib import OWL, RDF, RDFS, Graph, Literal, Namespace, URIRef
from rdflib.term import Node
from rdflib.namespace import ClosedNamespace

GKG_IRI = "https://w3id.org/govkg/ontology#"
ID_BASE = "https://w3id.org/govkg/id/"
_GKG = Namespace(GKG_IRI)


@dataclass(frozen=True)
class OntologyClass:
    """One class: its IRI, Neo4j label, top class and bilingual label."""

    name: str
    iri: URIRef
    cypher_name: str
    top: str
    label_zh: str
    label_en: str


@dataclass(frozen=True)
class OntologyRelation:
    """One object property with its Neo4j relationship type."""

    name: str
    iri: URIRef
    cypher_name: str
    domain: str | None
    range: str | None
    label_zh: str
    label_en: str


@dataclass(frozen=True)
class OntologyAttribute:
    """One datatype property with its Neo4j property name and XSD range."""

    name: str
    iri: URIRef
    neo4j_property: str
    range: URIRef | None


@dataclass(frozen=True)
class Schema:
    """Everything the code needs to know about the ontology."""

    graph: Graph
    classes: dict[str, OntologyClass]
    relations: dict[str, OntologyRelation]
    attributes: dict[str, OntologyAttribute]

    @property
    def top_classes(self) -> list[str]:
        """Names of the classes marked ``gkg:topClass`` (one Neo4j label each)."""
        marker = URIRef(f"{GKG_IRI}topClass")
        return [c.name for c in self.classes.values() if c.top == c.name and (c.iri, marker, Literal(True)) in self.graph]

    def relation_by_type(self, cypher_name: str) -> OntologyRelation:
        """The relation whose Neo4j type is ``cypher_name`` (e.g. ``PART_OF``)."""
        for relation in self.relations.values():
            if relation.cypher_name == cypher_name:
                return relation
        raise KeyError(cypher_name)

    @property
    def relation_types(self) -> list[str]:
        return [r.cypher_name for r in self.relations.values()]

    def labels_for(self, class_name: str) -> list[str]:
        """Neo4j labels of a node of ``class_name``: its top class, then the class itself."""
        cls = self.classes[class_name]
        top = self.classes[cls.top].cypher_name
        return [top] if cls.top == cls.name else [top, cls.cypher_name]


def _label(graph: Graph, subject: URIRef, lang: str) -> str:
    for value in graph.objects(subject, RDFS.label):
        if isinstance(value, Literal) and value.language == lang:
            return str(value)
    return ""


def _local(iri: URIRef) -> str:
    return str(iri)[len(GKG_IRI):]


def _iris(nodes: Iterable[Node]) -> list[URIRef]:
    return [n for n in nodes if isinstance(n, URIRef)]


def ontology_turtle() -> str:
    """The ontology file's text."""
    return (files("govkg.ontology") / "govkg.ttl").read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def load_schema() -> Schema:
    """Parse the shipped ontology once per process."""
    graph = Graph()
    graph.parse(data=ontology_turtle(), format="turtle")

    def parent_in_gkg(cls: URIRef) -> URIRef | None:
        for parent in graph.objects(cls, RDFS.subClassOf):
            if isinstance(parent, URIRef) and str(parent).startswith(GKG_IRI):
                return parent
        return None

    classes: dict[str, OntologyClass] = {}
    for cls in graph.subjects(RDF.type, OWL.Class):
        if not (isinstance(cls, URIRef) and str(cls).startswith(GKG_IRI)):
            continue
        top = cls
        while (parent := parent_in_gkg(top)) is not None:
            top = parent
        classes[_local(cls)] = OntologyClass(
            name=_local(cls),
            iri=cls,
            cypher_name=str(graph.value(cls, _GKG.cypherName)),
            top=_local(top),
            label_zh=_label(graph, cls, "zh"),
            label_en=_label(graph, cls, "en"),
        )
    relations: dict[str, OntologyRelation] = {}
    for prop in _iris(graph.subjects(RDF.type, OWL.ObjectProperty)):
        domain, range_ = graph.value(prop, RDFS.domain), graph.value(prop, RDFS.range)
        relations[_local(prop)] = OntologyRelation(
            name=_local(prop),
            iri=prop,
            cypher_name=str(graph.value(prop, _GKG.cypherName)),
            domain=_local(domain) if isinstance(domain, URIRef) else None,
            range=_local(range_) if isinstance(range_, URIRef) else None,
            label_zh=_label(graph, prop, "zh"),
            label_en=_label(graph, prop, "en"),
        )
    attributes: dict[str, OntologyAttribute] = {}
    for prop in _iris(graph.subjects(RDF.type, OWL.DatatypeProperty)):
        range_ = graph.value(prop, RDFS.range)
        attributes[_local(prop)] = OntologyAttribute(
            name=_local(prop),
            iri=prop,
            neo4j_property=str(graph.value(prop, _GKG.neo4jProperty)),
            range=range_ if isinstance(range_, URIRef) else None,
        )
    order = {name: i for i, name in enumerate(sorted(classes))}
    tops = [c for c in classes.values() if c.top == c.name]
    classes = {c.name: c for c in sorted(classes.values(), key=lambda c: (order[c.top], c.top != c.name, c.name))}
    assert len(tops) >= 10, "ontology lost its top classes"
    return Schema(graph=graph, classes=classes, relations=dict(sorted(relations.items())), attributes=dict(sorted(attributes.items())))


def _term_names() -> list[str]:
    schema = load_schema()
    return [*schema.classes, *schema.relations, *schema.attributes]


GKG = ClosedNamespace(GKG_IRI, _term_names())
"""The ontology's terms; an unknown name raises ``AttributeError``."""
