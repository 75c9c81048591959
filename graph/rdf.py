"""Extraction → RDF (rdflib): ontology classes, SKOS labels, Web Annotation provenance, Data Cube statistics.

Every node is an IRI (no blank nodes), so the same report always serialises to the
same bytes. Each report's triples also form one named graph (its report IRI) for
N-Quads and TriG.
"""

from __future__ import annotations

from rdflib import RDF, RDFS, XSD, Dataset, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, PROV, SKOS

from govkg.errors import StoreError
from govkg.graph.mapping import entity_iri, report_iri, statistic_iri
from govkg.loaders.extract import entity_id
from govkg.loaders.model import Extraction, Mention
from govkg.ontology.schema import GKG, load_schema

OA = Namespace("http://www.w3.org/ns/oa#")
QB = Namespace("http://purl.org/linked-data/cube#")

PREFIXES = {
    "gkg": str(GKG),
    "id": "https://w3id.org/govkg/id/",
    "skos": str(SKOS),
    "dcterms": str(DCTERMS),
    "prov": str(PROV),
    "oa": str(OA),
    "qb": str(QB),
    "xsd": str(XSD),
    "rdfs": str(RDFS),
}

FORMATS = {"turtle": "turtle", "ttl": "turtle", "nt": "nt", "ntriples": "nt", "jsonld": "json-ld", "json-ld": "json-ld", "nquads": "nquads", "trig": "trig"}
"""Output formats accepted by :func:`serialize`, with rdflib's name for each."""


def _bind(graph: Graph) -> None:
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, Namespace(namespace), override=True)


def _selector(graph: Graph, report: URIRef, anchor: str, mention: Mention) -> URIRef:
    """A Web Annotation target: the report, narrowed to a character range and its text."""
    target = URIRef(f"{report}#{anchor}-target")
    position = URIRef(f"{report}#{anchor}-position")
    quote = URIRef(f"{report}#{anchor}-quote")
    graph.add((target, RDF.type, OA.SpecificResource))
    graph.add((target, OA.hasSource, report))
    graph.add((target, OA.hasSelector, position))
    graph.add((target, OA.hasSelector, quote))
    graph.add((position, RDF.type, OA.TextPositionSelector))
    graph.add((position, OA.start, Literal(mention.start, datatype=XSD.nonNegativeInteger)))
    graph.add((position, OA.end, Literal(mention.end, datatype=XSD.nonNegativeInteger)))
    graph.add((quote, RDF.type, OA.TextQuoteSelector))
    graph.add((quote, OA.exact, Literal(mention.text)))
    return target


def to_graph(extraction: Extraction, graph: Graph | None = None) -> Graph:
    """Add one report's triples to ``graph`` (a new one by default) and return it."""
    schema = load_schema()
    graph = graph if graph is not None else Graph()
    _bind(graph)
    meta = extraction.report
    report = URIRef(report_iri(meta.id))
    graph.add((report, RDF.type, GKG.Report))
    for label in (Literal(meta.title, lang="zh"), Literal(f"{meta.year} rule-of-law government report of {meta.region}", lang="en")):
        graph.add((report, RDFS.label, label))
    graph.add((report, GKG.name, Literal(meta.title, lang="zh")))
    graph.add((report, GKG.year, Literal(str(meta.year), datatype=XSD.gYear)))
    if meta.published:
        graph.add((report, GKG.published, Literal(meta.published, datatype=XSD.date)))
    graph.add((report, GKG.sha256, Literal(meta.sha256)))
    graph.add((report, DCTERMS.source, Literal(meta.source)))
    graph.add((report, DCTERMS.identifier, Literal(meta.id)))
    graph.add((report, GKG.region, Literal(meta.region)))
    graph.add((report, GKG.bodyKind, Literal(meta.body_kind)))
    graph.add((report, DCTERMS.spatial, URIRef(entity_iri(entity_id("Place", meta.region)))))

    for entity in extraction.entities:
        node = URIRef(entity_iri(entity.id))
        cls = schema.classes[entity.cls]
        graph.add((node, RDF.type, cls.iri))
        graph.add((node, RDF.type, schema.classes[cls.top].iri))
        graph.add((node, GKG.name, Literal(entity.name, lang="zh")))
        graph.add((node, GKG.nameEn, Literal(entity.name_en, lang="en")))
        graph.add((node, SKOS.prefLabel, Literal(entity.name, lang="zh")))
        graph.add((node, SKOS.prefLabel, Literal(entity.name_en, lang="en")))
        graph.add((node, RDFS.label, Literal(entity.name, lang="zh")))
        for alias in entity.aliases:
            graph.add((node, GKG.alias, Literal(alias, lang="zh")))
        for key in ("code", "province"):
            if key in entity.attributes:
                graph.add((node, GKG[key], Literal(entity.attributes[key])))
        if entity.mentions:
            graph.add((report, GKG.mentions, node))
        for mention in entity.mentions:
            anchor = f"m{mention.start}-{mention.end}"
            annotation = URIRef(f"{report}#{anchor}")
            graph.add((annotation, RDF.type, GKG.Mention))
            graph.add((annotation, RDF.type, OA.Annotation))
            graph.add((annotation, OA.hasBody, node))
            graph.add((annotation, OA.hasTarget, _selector(graph, report, anchor, mention)))
            if mention.sentence:
                graph.add((annotation, GKG.sentence, Literal(mention.sentence)))

    for index, relation in enumerate(extraction.relations):
        source, target = URIRef(entity_iri(relation.source)), URIRef(entity_iri(relation.target))
        predicate = schema.relation_by_type(relation.type).iri
        graph.add((source, predicate, target))
        statement = URIRef(f"{report}#r{index}")
        graph.add((statement, RDF.type, RDF.Statement))
        graph.add((statement, RDF.type, GKG.Mention))
        graph.add((statement, RDF.subject, source))
        graph.add((statement, RDF.predicate, predicate))
        graph.add((statement, RDF.object, target))
        graph.add((statement, GKG.implicit, Literal(relation.implicit)))
        graph.add((statement, PROV.wasDerivedFrom, report))
        if relation.evidence is not None:
            graph.add((statement, OA.hasTarget, _selector(graph, report, f"r{index}", relation.evidence)))

    dataset = URIRef(f"{report}#statistics")
    if extraction.statistics:
        graph.add((dataset, RDF.type, QB.DataSet))
        graph.add((dataset, PROV.wasDerivedFrom, report))
    for statistic in extraction.statistics:
        node = URIRef(statistic_iri(statistic.id))
        graph.add((node, RDF.type, GKG.Statistic))
        graph.add((node, QB.dataSet, dataset))
        graph.add((report, GKG.states, node))
        graph.add((node, GKG.name, Literal(statistic.text, lang="zh")))
        graph.add((node, GKG.measure, Literal(statistic.measure)))
        graph.add((node, GKG.value, Literal(str(statistic.value), datatype=XSD.decimal)))
        graph.add((node, GKG.unit, Literal(statistic.unit)))
        graph.add((node, GKG.approximate, Literal(statistic.approximate)))
        if statistic.consistent is not None:
            graph.add((node, GKG.consistent, Literal(statistic.consistent)))
        if statistic.check:
            graph.add((node, GKG.check, Literal(statistic.check)))
        mention = Mention(statistic.text, statistic.start, statistic.end)
        anchor = f"s{statistic.start}-{statistic.end}"
        graph.add((node, OA.hasTarget, _selector(graph, report, anchor, mention)))
    return graph


def to_dataset(extractions: list[Extraction]) -> Dataset:
    """One named graph per report, named by the report's IRI."""
    dataset = Dataset()
    _bind(dataset)
    for extraction in extractions:
        to_graph(extraction, dataset.graph(URIRef(report_iri(extraction.report.id))))
    return dataset


def jsonld_context() -> dict[str, object]:
    """The JSON-LD context: the prefixes, and the ontology's relations as ``@id``-valued terms."""
    schema = load_schema()
    context: dict[str, object] = dict(PREFIXES)
    for relation in schema.relations.values():
        context[relation.name] = {"@id": f"gkg:{relation.name}", "@type": "@id"}
    return {"@context": context}


def serialize(extractions: list[Extraction], fmt: str) -> str:
    """All reports in one RDF serialisation (``turtle``, ``nt``, ``jsonld``, ``nquads``, ``trig``)."""
    try:
        rdflib_format = FORMATS[fmt]
    except KeyError:
        raise StoreError(f"unknown RDF format {fmt!r}; choose one of {', '.join(sorted(FORMATS))}") from None
    if rdflib_format in ("nquads", "trig"):
        return to_dataset(extractions).serialize(format=rdflib_format)
    graph = Graph()
    for extraction in extractions:
        to_graph(extraction, graph)
    if rdflib_format == "nt":
        return "".join(sorted(line + "\n" for line in graph.serialize(format="nt").splitlines() if line.strip()))
    if rdflib_format == "json-ld":
        return graph.serialize(format="json-ld", context=jsonld_context()["@context"], auto_compact=True)
    return graph.serialize(format=rdflib_format)


def load_rdf(path: str) -> Graph:
    """Parse an exported RDF file (format from its extension).

    Raises:
        StoreError: the file is missing or not valid RDF.
    """
    from pathlib import Path

    from rdflib.util import guess_format

    file = Path(path)
    if not file.is_file():
        raise StoreError(f"{path}: no such RDF file")
    fmt = guess_format(str(file)) or "turtle"
    graph = Dataset() if fmt in ("nquads", "trig") else Graph()
    try:
        graph.parse(str(file), format=fmt)
    except Exception as error:  # rdflib raises many parser-specific types
        raise StoreError(f"{path}: not valid {fmt} RDF ({str(error).splitlines()[0][:120]})") from None
    return graph
