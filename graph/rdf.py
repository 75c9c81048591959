"""Extraction → RDF (rdflib): ontology classes, SKOS labels, Web Annotation provenance, Data Cube statistics.

Every node is an IRI (no blank nodes), so the same report always serialises to the
same bytes. Each report's triples also form one named graph (its report IRI) for
N-Quads and TriG.

Linked data a researcher recognises: every node also states the standard classes its
ontology class is a subclass of (org:Organization, cv:PublicOrganisation, org:Site,
eli:LegalResource, skos:Concept, qb:Observation, …, read from the ontology's axioms);
divisions with a GB/T 2260 code are named by it (``id:place/310118``) and linked to
their province and prefecture-level city (``schema:containedInPlace``); names carry a
romanised label (``@zh-Latn-pinyin``); each report's statistics are a ``qb:DataSet``
of ``gkg:StatisticsStructure``, whose definition travels with the data.

:func:`report_triples` is the one mapping. An rdflib ``Graph`` (:func:`to_graph`,
:func:`serialize`) serves Turtle, JSON-LD, TriG, SHACL and small graphs; a corpus goes
through :class:`RDFStreamWriter`, which writes N-Triples/N-Quads report by report and
never holds more than one report (an rdflib ``Graph`` costs ~5× the extraction itself).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Protocol, TextIO, TypeVar

from rdflib import RDF, RDFS, XSD, Dataset, Graph, Literal, Namespace, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import DCTERMS, PROV, SKOS
from rdflib.plugins.serializers.nt import _quoteLiteral

from govkg.errors import StoreError
from govkg.graph.mapping import ENTITY_ATTRIBUTES, containing_places, entity_iri, node_iris, report_iri, statistic_iri
from govkg.loaders.model import Extraction, Mention, ReportMeta, entity_id
from govkg.ontology.schema import GKG, load_schema

OA = Namespace("http://www.w3.org/ns/oa#")
QB = Namespace("http://purl.org/linked-data/cube#")
SCHEMA = Namespace("https://schema.org/")

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
    "schema": str(SCHEMA),
    "org": "http://www.w3.org/ns/org#",
    "cv": "http://data.europa.eu/m8g/",
    "eli": "http://data.europa.eu/eli/ontology#",
    "void": "http://rdfs.org/ns/void#",
    "dcat": "http://www.w3.org/ns/dcat#",
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
_QB_DATASET_CLASS, _QB_DATASET, _QB_STRUCTURE = QB.DataSet, QB.dataSet, QB.structure
_CONTAINED_IN = SCHEMA.containedInPlace
_STRUCTURE = URIRef(f"{GKG}StatisticsStructure")
_REF_AREA, _REF_PERIOD, _STATED_AT = URIRef(f"{GKG}refArea"), URIRef(f"{GKG}refPeriod"), URIRef(f"{GKG}statedAt")
_PINYIN = "zh-Latn-pinyin"
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


@lru_cache(maxsize=None)
def standard_types(class_name: str) -> tuple[URIRef, ...]:
    """Every class ``class_name`` is a subclass of, by the ontology's axioms (transitively), sorted."""
    schema = load_schema()
    found: set[URIRef] = set()
    stack = [schema.classes[class_name].iri]
    while stack:
        for parent in schema.graph.objects(stack.pop(), RDFS.subClassOf):
            if isinstance(parent, URIRef) and parent not in found:
                found.add(parent)
                stack.append(parent)
    return tuple(sorted(found))


@lru_cache(maxsize=65536)
def pinyin(text: str) -> str:
    """Hanyu Pinyin with tone marks, a space between syllables: 青浦区 → ``Qīng pǔ qū``; other characters kept."""
    from pypinyin import Style, lazy_pinyin

    parts = lazy_pinyin(text, style=Style.TONE, errors="default")
    romanised = " ".join(part.strip() for part in parts if part.strip())
    return romanised[:1].upper() + romanised[1:]


@lru_cache(maxsize=1)
def structure_triples() -> tuple[Triple, ...]:
    """The Data Cube structure of the statistics, from the ontology: the DSD, its components and their properties."""
    graph = load_schema().graph
    subjects = [_STRUCTURE, *graph.objects(_STRUCTURE, QB.component)]
    for spec in list(subjects[1:]):
        for key in (QB.dimension, QB.measure, QB.attribute):
            subjects.extend(graph.objects(spec, key))
    out: list[Triple] = []
    for subject in dict.fromkeys(subjects):
        for predicate, obj in sorted(graph.predicate_objects(subject)):
            if isinstance(subject, URIRef) and isinstance(obj, URIRef | Literal) and not str(predicate).startswith(str(GKG)):
                out.append((subject, predicate, obj))
    return tuple(out)


def _region_iri(extraction: Extraction, iris: dict[str, str]) -> URIRef:
    """The reporting region's IRI: as the report's own entities name it, else from the gazetteer's code."""
    region_id = entity_id("Place", extraction.report.region)
    if region_id in iris:
        return URIRef(iris[region_id])
    from govkg.graph.mapping import place_iri
    from govkg.loaders.gazetteer import load_gazetteer

    gazetteer = load_gazetteer()
    if extraction.report.region in gazetteer and gazetteer.place(extraction.report.region).code:
        return URIRef(place_iri(str(gazetteer.place(extraction.report.region).code)))
    return URIRef(entity_iri(region_id))


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
    iris = node_iris(extraction)
    area = _region_iri(extraction, iris)
    yield report, _TYPE, g["Report"]
    for standard in standard_types("Report"):
        yield report, _TYPE, standard
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
    yield report, _SPATIAL, area

    for entity in extraction.entities:
        node = URIRef(iris[entity.id])
        cls = schema.classes[entity.cls]
        name_zh, name_en = Literal(entity.name, lang="zh"), Literal(entity.name_en, lang="en")
        yield node, _TYPE, cls.iri
        for standard in standard_types(entity.cls):
            yield node, _TYPE, standard
        yield node, g["name"], name_zh
        yield node, g["nameEn"], name_en
        yield node, _PREF_LABEL, name_zh
        yield node, _PREF_LABEL, name_en
        yield node, _LABEL, name_zh
        yield node, _LABEL, Literal(pinyin(entity.name), lang=_PINYIN)
        for alias in entity.aliases:
            yield node, g["alias"], Literal(alias, lang="zh")
        for key, term in attribute_terms:
            if key in entity.attributes:
                yield node, term, Literal(entity.attributes[key])
        if entity.type == "Place" and entity.attributes.get("code"):
            for container in containing_places(str(entity.attributes["code"])):
                yield node, _CONTAINED_IN, URIRef(container)
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
        source = URIRef(iris.get(relation.source, entity_iri(relation.source)))
        target = URIRef(iris.get(relation.target, entity_iri(relation.target)))
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
        yield dataset, _QB_STRUCTURE, _STRUCTURE
        yield dataset, _LABEL, Literal(f"{meta.title}：统计数据", lang="zh")
        yield dataset, _DERIVED_FROM, report
        yield from structure_triples()
    period = Literal(str(meta.year), datatype=_GYEAR)
    for statistic in extraction.statistics:
        node = URIRef(statistic_iri(statistic.id))
        anchor = f"s{statistic.start}-{statistic.end}"
        yield node, _TYPE, g["Statistic"]
        for standard in standard_types("Statistic"):
            yield node, _TYPE, standard
        yield node, _QB_DATASET, dataset
        yield node, _REF_AREA, area
        yield node, _REF_PERIOD, period
        yield node, _STATED_AT, URIRef(f"{report}#{anchor}-target")
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
        yield node, _HAS_TARGET, URIRef(f"{report}#{anchor}-target")
        yield from _selector(report, anchor, Mention(statistic.text, statistic.start, statistic.end))


VOID = Namespace("http://rdfs.org/ns/void#")
DCAT = Namespace("http://www.w3.org/ns/dcat#")


def dataset_iri(reports: list[ReportMeta]) -> URIRef:
    """The export's IRI, from what it holds (its reports' ids and texts): the same reports, the same IRI."""
    digest = hashlib.sha256("\n".join(sorted(f"{r.id} {r.sha256}" for r in reports)).encode()).hexdigest()[:16]
    return URIRef(f"{report_iri('')[:-len('report/')]}dataset/{digest}")


def describe(reports: list[ReportMeta], triples: int, classes: set[URIRef]) -> list[Triple]:
    """A VoID and DCAT description of an export: its triples and classes, its reports (sources) and their dates.

    No wall-clock time goes in, so the same reports always give the same bytes; the
    dates are the years reported on and the latest publication date.
    """
    dataset = dataset_iri(reports)
    period = URIRef(f"{dataset}#period")
    out: list[Triple] = [
        (dataset, _TYPE, VOID.Dataset),
        (dataset, _TYPE, DCAT.Dataset),
        (dataset, DCTERMS.title, Literal(f"govkg: {len(reports)} rule-of-law government report(s) as a knowledge graph", lang="en")),
        (dataset, DCTERMS.title, Literal(f"法治政府建设情况报告知识图谱（{len(reports)}份报告）", lang="zh")),
        (dataset, DCTERMS.conformsTo, URIRef("https://w3id.org/govkg/ontology")),
        (dataset, VOID.uriSpace, Literal(report_iri("")[: -len("report/")])),
        (dataset, VOID.triples, Literal(triples, datatype=XSD.integer)),
        (dataset, VOID.classes, Literal(len(classes), datatype=XSD.integer)),
        (dataset, VOID.documents, Literal(len(reports), datatype=XSD.integer)),
    ]
    out += [(dataset, VOID.vocabulary, URIRef(v)) for v in sorted({str(GKG), str(OA), str(QB), str(SKOS), str(PROV), str(DCTERMS)})]
    out += [(dataset, VOID["class"], cls) for cls in sorted(classes)]
    out += [(dataset, DCTERMS.source, URIRef(report_iri(r.id))) for r in sorted(reports, key=lambda r: r.id)]
    years = sorted(r.year for r in reports)
    if years:
        out += [(dataset, DCTERMS.temporal, period), (period, _TYPE, DCTERMS.PeriodOfTime),
                (period, DCAT.startDate, Literal(str(years[0]), datatype=_GYEAR)), (period, DCAT.endDate, Literal(str(years[-1]), datatype=_GYEAR))]
    published = sorted(r.published for r in reports if r.published)
    if published:
        out.append((dataset, DCTERMS.issued, Literal(published[-1], datatype=_DATE)))
    return out


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
        self._shared: set[bytes] = set()
        self._metas: list[ReportMeta] = []
        self._classes: set[URIRef] = set()
        self.reports = 0
        self.triples = 0
        self.written = 0

    def lines(self, extraction: Extraction) -> list[str]:
        """The report's distinct lines, in :func:`report_triples` order."""
        end = f" {URIRef(report_iri(extraction.report.id)).n3()} .\n" if self.format == "nquads" else " .\n"
        classes = self._classes
        lines: dict[str, None] = {}
        for s, p, o in report_triples(extraction):
            if p == _TYPE:
                classes.add(o)  # type: ignore[arg-type]
            lines[f"{s.n3()} {p.n3()} {_object_text(o)}{end}"] = None
        return list(lines)

    def write(self, extraction: Extraction) -> int:
        """Write one report; returns the number of lines (triples or quads) written.

        In N-Triples a line another report already wrote (an entity's type or name, the
        statistics' structure) is not written again: the writer remembers a 12-byte digest
        of each line about a shared resource (not those about the report's own
        annotations and statistics), so memory grows with the distinct entities, not
        with the reports.
        """
        lines = self.lines(extraction)
        if self.format == "nt":
            own = (f"<{report_iri(extraction.report.id)}", f"<{statistic_iri('')}")
            fresh = []
            for line in lines:
                if not line.startswith(own):
                    digest = hashlib.blake2b(line.encode("utf-8"), digest_size=12).digest()
                    if digest in self._shared:
                        continue
                    self._shared.add(digest)
                fresh.append(line)
            lines = fresh
        self._stream.write("".join(lines))
        self._metas.append(extraction.report)
        self.reports += 1
        self.triples += len(lines)
        self.written = self.triples
        return len(lines)

    def finish(self) -> int:
        """Write the export's VoID/DCAT description (:func:`describe`, in the default graph); returns its lines.

        ``triples`` counts the reports' lines, which is what the description states;
        ``written`` counts every line of the file (what an index of it reads).
        """
        lines = [f"{s.n3()} {p.n3()} {_object_text(o)} .\n" for s, p, o in describe(self._metas, self.triples, self._classes)]
        self._stream.write("".join(lines))
        self.written = self.triples + len(lines)
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
            writer.finish()
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
    metas = [x.report for x in extractions]
    if rdflib_format in ("nquads", "trig"):
        dataset = to_dataset(extractions)
        data_triples = sum(len(g) for g in dataset.graphs() if g.identifier != DATASET_DEFAULT_GRAPH_ID)
        classes = {o for _, _, o, _ in dataset.quads((None, _TYPE, None, None)) if isinstance(o, URIRef)}
        default = dataset.default_graph if hasattr(dataset, "default_graph") else dataset.graph(DATASET_DEFAULT_GRAPH_ID)
        for triple in describe(metas, data_triples, classes):
            default.add(triple)
        return dataset.serialize(format=rdflib_format)
    graph = Graph()
    for extraction in extractions:
        to_graph(extraction, graph)
    classes = {o for o in graph.objects(None, _TYPE) if isinstance(o, URIRef)}
    for triple in describe(metas, len(graph), classes):
        graph.add(triple)
    if rdflib_format == "nt":
        # split("\n"), not splitlines(): that also splits at U+2028 and the like, which N-Triples keeps raw in literals.
        return "".join(sorted(line + "\n" for line in graph.serialize(format="nt").split("\n") if line.strip()))
    if rdflib_format == "json-ld":
        return graph.serialize(format="json-ld", context=jsonld_context()["@context"], auto_compact=True)
    return graph.serialize(format=rdflib_format)


def load_rdf(path: str) -> Graph:
    """Parse an exported RDF file (format from its extension) into one graph; N-Quads and TriG give the union of their graphs.

    Raises:
        StoreError: the file is missing or not valid RDF.
    """
    from rdflib.util import guess_format

    file = Path(path)
    if not file.is_file():
        raise StoreError(f"{path}: no such RDF file")
    fmt = guess_format(str(file)) or "turtle"
    graph = Graph()
    try:
        if fmt in ("nquads", "trig"):
            # One graph whatever the format: the union of the named graphs (and the default
            # one), so validation gives the same verdict for N-Quads as for N-Triples.
            dataset = Dataset()
            dataset.parse(str(file), format=fmt)
            for s, p, o, _ in dataset.quads((None, None, None, None)):
                graph.add((s, p, o))
        else:
            graph.parse(str(file), format=fmt)
    except Exception as error:  # rdflib raises many parser-specific types
        raise StoreError(f"{path}: not valid {fmt} RDF ({str(error).splitlines()[0][:120]})") from None
    _bind(graph)
    return graph
