"""SHACL shapes derived from the ontology, never written by hand.

``shapes.ttl`` beside this module is this function's output, kept in the repository
so users can read it; a test checks the two stay equal (``govkg schema --shapes``
regenerates it).
"""

from __future__ import annotations

from importlib.resources import files

from rdflib import RDF, BNode, Graph, Literal, Namespace, URIRef

from govkg.ontology.schema import GKG_IRI, load_schema

SH = Namespace("http://www.w3.org/ns/shacl#")
_SHAPE = Namespace("https://w3id.org/govkg/shapes#")
_NAMED = {"Report", "Institution", "Place", "Agreement", "Document", "Mechanism", "ObservationPoint", "MediationCentre", "Event", "Statistic"}


def build_shapes() -> Graph:
    """Node shapes per top class and property shapes per ontology property."""
    schema = load_schema()
    shapes = Graph()
    shapes.bind("sh", SH)
    shapes.bind("gkg", Namespace(GKG_IRI))
    shapes.bind("shape", _SHAPE)

    def property_shape(shape: URIRef, path: URIRef, **constraints: object) -> None:
        node = BNode(f"{shape.split('#')[-1]}-{path.split('#')[-1]}")
        shapes.add((shape, SH.property, node))
        shapes.add((node, SH.path, path))
        for name, value in constraints.items():
            shapes.add((node, SH[name], value if isinstance(value, URIRef) else Literal(value)))

    for name in schema.top_classes:
        if name not in _NAMED:
            continue
        cls = schema.classes[name]
        shape = _SHAPE[f"{name}Shape"]
        shapes.add((shape, RDF.type, SH.NodeShape))
        shapes.add((shape, SH.targetClass, cls.iri))
        property_shape(shape, schema.attributes["name"].iri, minCount=1, datatype=RDF.langString)
        if name == "Statistic":
            property_shape(shape, schema.attributes["value"].iri, minCount=1, maxCount=1)
    for attribute in schema.attributes.values():
        if attribute.range is None:
            continue
        shape = _SHAPE[f"{attribute.name}Values"]
        shapes.add((shape, RDF.type, SH.NodeShape))
        shapes.add((shape, SH.targetSubjectsOf, attribute.iri))
        property_shape(shape, attribute.iri, datatype=attribute.range)
    for relation in schema.relations.values():
        shape = _SHAPE[f"{relation.name}Ends"]
        shapes.add((shape, RDF.type, SH.NodeShape))
        shapes.add((shape, SH.targetSubjectsOf, relation.iri))
        if relation.domain:
            shapes.add((shape, SH["class"], schema.classes[relation.domain].iri))
        if relation.range:
            property_shape(shape, relation.iri, **{"class": schema.classes[relation.range].iri, "nodeKind": SH.IRI})
        else:
            property_shape(shape, relation.iri, nodeKind=SH.IRI)
    return shapes


def shapes_turtle() -> str:
    """The derived shapes as Turtle (what ``shapes.ttl`` holds)."""
    return build_shapes().serialize(format="turtle")


def shipped_shapes() -> str:
    """The ``shapes.ttl`` file shipped with the package."""
    return (files("govkg.ontology") / "shapes.ttl").read_text(encoding="utf-8")

