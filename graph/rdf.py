"""Extraction → RDF (rdflib): ontology classes, SKOS labels, Web Annotation provenance, Data Cube statistics.

Every node is an IRI (no blank nodes), so the same report always serialises to the
same bytes. Each report's triples also form one named graph (its report IRI) for
N-Quads and TriG.

:func:`report_triples` is the one mapping. An rdflib ``Graph`` (:func:`to_graph`,
:func:`serialize`) serves Turtle, JSON-LD, TriG, SHACL and small graphs; a corpus goes
through :class:`RDFStreamWriter`, which writes N-Triples/N-Quads report by report and
never holds more than one report (an rdflib ``Graph`` costs ~5× the extraction itself).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Protocol, TextIO, TypeVar

from rdflib import RDF, RDFS, XSD, Dataset, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, PROV, SKOS
from rdflib.plugins.serializers.nt import _quoteLiteral

from govkg.errors import StoreError
from govkg.graph.mapping import ENTITY_ATTRIBUTES, entity_iri, report_iri, statistic_iri
from govkg.loaders.model import Extraction, Mention, entity_id
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


Triple = tuple[URIRef, URIRef, URIRef | Literal]
"""One RDF triple as rdflib terms (no blank nodes: every subject is an IRI)."""


class TripleSink(Protocol):
    """Anything triples can be added to: an rdflib ``Graph``, a list wrapper, a writer."""

    def add(self, triple: Triple, /) -> object: ...


_Sink = TypeVar("_Sink", bound=TripleSink)

# Terms used on every report, made once: a namespace attribute builds a new URIRef on each access.
_TYPE, _LABEL = RDF.type, RDFS.label
_STATEMENT, _SUBJECT, _PREDICATE, _OBJECT = RDF.Statement, RDF.subject, RDF.predicate, RDF.object
_PREF_LABEL = SKOS.prefLabel
_SOURCE, _IDENTIFIER, _SPATIAL = DCTERMS.source, DCTERMS.identifier, DCTERMS.spatial
_DERIVED_FROM = PROV.wasDerivedFrom
_OA_ANNOTATION, _OA_SPECIFIC, _OA_POSITION, _OA_QUOTE = OA.Annotation, OA.SpecificResource, OA.TextPositionSelector, OA.TextQuoteSelector
_HAS_BODY, _HAS_TARGET, _HAS_SOURCE, _HAS_SELECTOR = OA.hasBody, OA.hasTarget, OA.hasSource, OA.hasSelector
_START, _END, _EXACT = OA.start, OA.end, OA.exact
_QB_DATASET_CLASS, _QB_DATASET = QB.DataSet, QB.dataSet
_G = {name: GKG[name] for name in (
    "Report", "Mention", "Statistic", "name", "nameEn", "alias", "year", "published", "sha256", "region", "bodyKind",
    "mentions", "states", "sentence", "implicit", "measure", "value", "unit", "approximate", "consistent", "check",
)}
_NON_NEGATIVE, _GYEAR, _DATE, _DECIMAL = XSD.nonNegativeInteger, XSD.gYear, XSD.date, XSD.decimal


@lru_cache(maxsize=1)
def _attribute_terms() -> tuple[tuple[str, URIRef], ...]:
    """The entity attributes (:data:`~govkg.graph.mapping.ENTITY_ATTRIBUTES`) with their ontology properties."""
    by_property = {a.neo4j_property: a.iri for a in load_schema().attributes.values()}
    return tuple((key, by_property[key]) for key in ENTITY_ATTRIBUTES)


def _selector(report: URIRef, anchor: str, mention: Mention) -> Iterator[Triple]:
    """A Web Annotation target (``{report}#{anchor}-target``): the report, narrowed to a character range and its text."""
    target = URIRef(f"{report}#{anchor}-target")
    position = URIRef(f"{report}#{anchor}-position")
    quote = URIRef(f"{report}#{anchor}-quote")
    yield target, _TYPE, _OA_SPECIFIC
    yield target, _HAS_SOURCE, report
    yield target, _HAS_SELECTOR, position
    yield target, _HAS_SELECTOR, quote
    yield position, _TYPE, _OA_POSITION
    yield position, _START, Literal(mention.start, datatype=_NON_NEGATIVE)
    yield position, _END, Literal(mention.end, datatype=_NON_NEGATIVE)
    yield quote, _TYPE, _OA_QUOTE
    yield quote, _EXACT, Literal(mention.text)


def report_triples(extraction: Extraction) -> Iterator[Triple]:
    """One report's triples, in a fixed order, without building a graph.

    The one definition of the RDF mapping: :func:`to_graph` adds these to an rdflib
    ``Graph`` and :class:`RDFStreamWriter` writes them as N-Triples or N-Quads. A triple
    can repeat (e.g. an entity's Chinese name is both its ``gkg:name`` subject and another
    entity's alias); sinks with set semantics drop the repeats.
    """
    schema = load_schema()
    g = _G
    attribute_terms = _attribute_terms()
    meta = extraction.report
    report = URIRef(report_iri(meta.id))
    yield report, _TYPE, g["Report"]
    yield report, _LABEL, Literal(meta.title, lang="zh")
    yield report, _LABEL, Literal(f"{meta.year} rule-of-law government report of {meta.region}", lang="en")
    yield report, g["name"], Literal(meta.title, lang="zh")
    yield report, g["year"], Literal(str(meta.year), datatype=_GYEAR)
    if meta.published:
        yield report, g["published"], Literal(meta.published, datatype=_DATE)
    yield report, g["sha256"], Literal(meta.sha256)
    yield report, _SOURCE, Literal(meta.source)
    yield report, _IDENTIFIER, Literal(meta.id)
    yield report, g["region"], Literal(meta.region)
    yield report, g["bodyKind"], Literal(meta.body_kind)
    yield report, _SPATIAL, URIRef(entity_iri(entity_id("Place", meta.region)))

    for entity in extraction.entities:
        node = URIRef(entity_iri(entity.id))
        cls = schema.classes[entity.cls]
        name_zh, name_en = Literal(entity.name, lang="zh"), Literal(entity.name_en, lang="en")
        yield node, _TYPE, cls.iri
        yield node, _TYPE, schema.classes[cls.top].iri
        yield node, g["name"], name_zh
        yield node, g["nameEn"], name_en
        yield node, _PREF_LABEL, name_zh
        yield node, _PREF_LABEL, name_en
        yield node, _LABEL, name_zh
        for alias in entity.aliases:
            yield node, g["alias"], Literal(alias, lang="zh")
        for key, term in attribute_terms:
            if key in entity.attributes:
                yield node, term, Literal(entity.attributes[key])
        if entity.mentions:
            yield report, g["mentions"], node
        for mention in entity.mentions:
            anchor = f"m{mention.start}-{mention.end}"
            annotation = URIRef(f"{report}#{anchor}")
            yield annotation, _TYPE, g["Mention"]
            yield annotation, _TYPE, _OA_ANNOTATION
            yield annotation, _HAS_BODY, node
            yield annotation, _HAS_TARGET, URIRef(f"{report}#{anchor}-target")
            yield from _selector(report, anchor, mention)
            if mention.sentence:
                yield annotation, g["sentence"], Literal(mention.sentence)

    for index, relation in enumerate(extraction.relations):
        source, target = URIRef(entity_iri(relation.source)), URIRef(entity_iri(relation.target))
        predicate = schema.relation_by_type(relation.type).iri
        yield source, predicate, target
        statement = URIRef(f"{report}#r{index}")
        yield statement, _TYPE, _STATEMENT
        yield statement, _TYPE, g["Mention"]
        yield statement, _SUBJECT, source
        yield statement, _PREDICATE, predicate
        yield statement, _OBJECT, target
        yield statement, g["implicit"], Literal(relation.implicit)
        yield statement, _DERIVED_FROM, report
        if relation.evidence is not None:
            yield statement, _HAS_TARGET, URIRef(f"{report}#r{index}-target")
            yield from _selector(report, f"r{index}", relation.evidence)

    dataset = URIRef(f"{report}#statistics")
    if extraction.statistics:
        yield dataset, _TYPE, _QB_DATASET_CLASS
        yield dataset, _DERIVED_FROM, report
    for statistic in extraction.statistics:
        node = URIRef(statistic_iri(statistic.id))
        yield node, _TYPE, g["Statistic"]
        yield node, _QB_DATASET, dataset
        yield report, g["states"], node
        yield node, g["name"], Literal(statistic.text, lang="zh")
        yield node, g["measure"], Literal(statistic.measure)
        yield node, g["value"], Literal(str(statistic.value), datatype=_DECIMAL)
        yield node, g["unit"], Literal(statistic.unit)
        yield node, g["approximate"], Literal(statistic.approximate)
        if statistic.consistent is not None:
            yield node, g["consistent"], Literal(statistic.consistent)
        if statistic.check:
            yield node, g["check"], Literal(statistic.check)
        anchor = f"s{statistic.start}-{statistic.end}"
        yield node, _HAS_TARGET, URIRef(f"{report}#{anchor}-target")
        yield from _selector(report, anchor, Mention(statistic.text, statistic.start, statistic.end))


def add_triples(extraction: Extraction, sink: _Sink) -> _Sink:
    """Add one report's triples to ``sink`` (anything with ``add``) and return it."""
    add = sink.add
    for triple in report_triples(extraction):
        add(triple)
    return sink


def to_graph(extraction: Extraction, graph: Graph | None = None) -> Graph:
    """Add one report's triples to ``graph`` (a new one by default) and return it.

    An rdflib ``Graph`` indexes every triple three ways, which costs several times the
    extraction itself; use it for Turtle, JSON-LD, SHACL and small graphs, and
    :class:`RDFStreamWriter` for N-Triples/N-Quads of many reports.
    """
    graph = graph if graph is not None else Graph()
    _bind(graph)
    return add_triples(extraction, graph)


STREAM_FORMATS = {"nt": "nt", "ntriples": "nt", "nquads": "nquads"}
"""Formats :class:`RDFStreamWriter` writes line by line (one report at a time, no graph in memory)."""


def _object_text(term: URIRef | Literal) -> str:
    # rdflib's own N-Triples escaping: Literal.n3() would write a value with a newline as a
    # Turtle """long string""", which N-Triples does not allow.
    return _quoteLiteral(term) if isinstance(term, Literal) else term.n3()


class RDFStreamWriter:
    """Writes reports one at a time as N-Triples or N-Quads lines to a text stream.

    Nothing is kept between reports, so memory does not grow with the corpus. Each
    report's triples are written once (repeats within the report dropped); a triple two
    reports both state (an entity's type and names) is written by each, which N-Triples
    readers merge. In N-Quads every triple is in the named graph of its report's IRI,
    as :func:`to_dataset` does.

    Example:
        >>> with open("kg.nq", "w", encoding="utf-8") as out:  # doctest: +SKIP
        ...     writer = RDFStreamWriter(out, "nquads")
        ...     for extraction in extractions:
        ...         writer.write(extraction)
    """

    def __init__(self, stream: TextIO, fmt: str = "nquads") -> None:
        try:
            self.format = STREAM_FORMATS[fmt]
        except KeyError:
            raise StoreError(f"cannot stream RDF as {fmt!r}; choose one of {', '.join(sorted(STREAM_FORMATS))}") from None
        self._stream = stream
        self.reports = 0
        self.triples = 0

    def lines(self, extraction: Extraction) -> list[str]:
        """The report's distinct lines, in :func:`report_triples` order."""
        end = f" {URIRef(report_iri(extraction.report.id)).n3()} .\n" if self.format == "nquads" else " .\n"
        lines = dict.fromkeys(f"{s.n3()} {p.n3()} {_object_text(o)}{end}" for s, p, o in report_triples(extraction))
        return list(lines)

    def write(self, extraction: Extraction) -> int:
        """Write one report; returns the number of lines (triples or quads) written."""
        lines = self.lines(extraction)
        self._stream.write("".join(lines))
        self.reports += 1
        self.triples += len(lines)
        return len(lines)


@contextmanager
def open_rdf_stream(path: str | Path, fmt: str = "nquads") -> Iterator[RDFStreamWriter]:
    """An :class:`RDFStreamWriter` on a temporary file beside ``path``, renamed to ``path`` at the end.

    If the block raises (a bad report, Ctrl-C), the temporary file is removed and ``path``
    is left as it was: a reader never sees half an export.

    Raises:
        StoreError: ``fmt`` is not a streaming format, or the file cannot be written.
    """
    from govkg.files import atomic_text_file

    in_block = False  # an error of the caller's own work is not a write error
    try:
        with atomic_text_file(path) as stream:
            writer = RDFStreamWriter(stream, fmt)
            in_block = True
            yield writer
            in_block = False
    except OSError as error:
        if in_block:
            raise
        raise StoreError(f"{path}: cannot write ({error.strerror or error})") from None


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
        # split("\n"), not splitlines(): that also splits at U+2028 and the like, which N-Triples keeps raw in literals.
        return "".join(sorted(line + "\n" for line in graph.serialize(format="nt").split("\n") if line.strip()))
    if rdflib_format == "json-ld":
        return graph.serialize(format="json-ld", context=jsonld_context()["@context"], auto_compact=True)
    return graph.serialize(format=rdflib_format)


def load_rdf(path: str) -> Graph:
    """Parse an exported RDF file (format from its extension).

    Raises:
        StoreError: the file is missing or not valid RDF.
    """
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
