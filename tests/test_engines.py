"""The SPARQL twins are standard SPARQL 1.1: the same answers on Oxigraph, rdflib and a real Apache Jena Fuseki."""

from __future__ import annotations

import json
import os
import socket
import stat
import urllib.error
import urllib.parse
import urllib.request
from decimal import Decimal

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.plugins.sparql import prepareQuery

from govkg.graph.rdf import serialize
from govkg.graph.sparql import open_store, query_store
from govkg.ontology.schema import ontology_turtle
from govkg.queries.catalog import catalog, get, sparql_with_parameters
from reports import FIXTURE_NAMES, fixture, seed

_XSD = "http://www.w3.org/2001/XMLSchema#"
_NUMBERS = {_XSD + t for t in ("integer", "decimal", "double", "float", "int", "long", "nonNegativeInteger")}


def _value(kind: str, text: str, datatype: str | None) -> object:
    """One cell as a plain value, the same for every engine: numbers by value, booleans, text."""
    if kind == "literal" and datatype in _NUMBERS:
        return round(float(Decimal(text)), 6)
    if kind == "literal" and datatype == _XSD + "boolean":
        return text in ("true", "1")
    return text


def _rows(rows: list[dict[str, object]], lists: tuple[str, ...]) -> list[str]:
    """Rows as sorted comparable text; list columns (sets joined by 、) as sorted sets."""
    out = []
    for row in rows:
        cells = {k: (sorted(str(v).split("、")) if k in lists and v else v) for k, v in row.items() if v is not None}
        out.append(json.dumps(cells, sort_keys=True, ensure_ascii=False))
    return sorted(out)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """The test corpus as N-Quads (one graph per report) and as N-Triples with the ontology (one default graph)."""
    folder = tmp_path_factory.mktemp("engines")
    extractions = [seed(), *(fixture(n) for n in FIXTURE_NAMES)]
    quads = folder / "corpus.nq"
    quads.write_text(serialize(extractions, "nquads"), encoding="utf-8")
    graph = Graph()
    graph.parse(data=serialize(extractions, "nt"), format="nt")
    graph.parse(data=ontology_turtle(), format="turtle")
    triples = folder / "corpus.nt"
    triples.write_text(graph.serialize(format="nt"), encoding="utf-8")
    return {"quads": quads, "triples": triples, "graph": graph}


@pytest.fixture(scope="module")
def fuseki(corpus, tmp_path_factory):
    """Apache Jena Fuseki from Maven Central on loopback, serving the corpus read-only."""
    from govkg.graph import local_fuseki

    try:
        server = local_fuseki.start(corpus["triples"], tmp_path_factory.mktemp("fuseki"))
    except Exception as error:  # noqa: BLE001 - any failure means "no server"
        if os.environ.get("CI") == "true":
            pytest.fail(f"Fuseki could not start: {error}", pytrace=False)
        pytest.skip(f"Fuseki could not start: {error}")
    yield server
    server.stop()


def _on_oxigraph(store, text: str) -> list[dict[str, object]]:
    import pyoxigraph

    result = store.query(text)
    names = [v.value for v in result.variables]
    rows = []
    for solution in result:
        row: dict[str, object] = {}
        for name in names:
            term = solution[name]
            if isinstance(term, pyoxigraph.Literal):
                row[name] = _value("literal", term.value, term.datatype.value)
            elif term is not None:
                row[name] = _value("uri", term.value, None)
        rows.append(row)
    return rows


def _on_rdflib(graph: Graph, text: str) -> list[dict[str, object]]:
    result = graph.query(text)
    names = [str(v) for v in result.vars]
    rows = []
    for solution in result:
        row: dict[str, object] = {}
        for name, term in zip(names, solution):
            if isinstance(term, Literal):
                row[name] = _value("literal", str(term), str(term.datatype) if term.datatype else None)
            elif isinstance(term, URIRef):
                row[name] = _value("uri", str(term), None)
        rows.append(row)
    return rows


def _on_fuseki(endpoint: str, text: str) -> list[dict[str, object]]:
    body = urllib.parse.urlencode({"query": text}).encode()
    request = urllib.request.Request(endpoint, data=body, headers={"Accept": "application/sparql-results+json",
                                                                    "Content-Type": "application/x-www-form-urlencoded"})
    with urllib.request.urlopen(request, timeout=120) as response:
        data = json.loads(response.read())
    rows = []
    for binding in data["results"]["bindings"]:
        rows.append({name: _value(cell["type"], cell["value"], cell.get("datatype")) for name, cell in binding.items()})
    return rows


@pytest.mark.parametrize("name", sorted(catalog()))
def test_every_twin_is_standard_sparql_that_rdflib_parses(name):
    query = get(name)
    assert query.sparql and "LATERAL" not in query.sparql.upper() and "$" not in query.sparql
    prepareQuery(query.sparql)  # the file as it stands, with its defaults
    prepareQuery(sparql_with_parameters(query, query.parameters()))


RDFLIB_TOO_SLOW = {"shortest_connection"}
"""rdflib evaluates joins of unions bottom-up in Python: this twin takes minutes there (it is checked on Fuseki)."""


@pytest.mark.parametrize("name", sorted(set(catalog()) - RDFLIB_TOO_SLOW))
def test_oxigraph_and_rdflib_give_the_same_values(corpus, name):
    query = get(name)
    text = sparql_with_parameters(query, query.parameters())
    oxigraph = _on_oxigraph(open_store([corpus["quads"]]), text)
    assert oxigraph, f"{name} answers nothing on the test corpus"
    assert _rows(oxigraph, query.list_columns) == _rows(_on_rdflib(corpus["graph"], text), query.list_columns)


@pytest.mark.fuseki
@pytest.mark.parametrize("name", sorted(catalog()))
def test_oxigraph_and_fuseki_give_the_same_values(corpus, fuseki, name):
    query = get(name)
    text = sparql_with_parameters(query, query.parameters())
    oxigraph = _on_oxigraph(open_store([corpus["quads"]]), text)
    assert oxigraph, f"{name} answers nothing on the test corpus"
    assert _rows(oxigraph, query.list_columns) == _rows(_on_fuseki(fuseki.endpoint, text), query.list_columns)


@pytest.mark.fuseki
@pytest.mark.parametrize(("name", "overrides"), [
    ("region_partners", {"region": "吴江区"}),
    ("agreements_across_provinces", {"limit": "7", "min_provinces": "3"}),
    ("new_since", {"year": "2023", "previous": "2024"}),
    ("statistics_by_measure", {"limit": "5"}),
])
def test_bound_parameters_give_the_same_values_on_every_engine(corpus, fuseki, name, overrides):
    query = get(name)
    text = sparql_with_parameters(query, query.parameters(overrides))
    oxigraph = _rows(_on_oxigraph(open_store([corpus["quads"]]), text), query.list_columns)
    assert oxigraph == _rows(_on_fuseki(fuseki.endpoint, text), query.list_columns)
    assert oxigraph == _rows(_on_rdflib(corpus["graph"], text), query.list_columns)
    default = _rows(_on_oxigraph(open_store([corpus["quads"]]), sparql_with_parameters(query, query.parameters())), query.list_columns)
    assert oxigraph != default  # the parameters changed the answer


def test_fuseki_refuses_service(fuseki):
    text = "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"
    with pytest.raises(urllib.error.HTTPError):
        _on_fuseki(fuseki.endpoint, text)


def test_what_fuseki_keeps_is_private_to_the_user(fuseki):
    """The state folder, the classpath cache, the log and whatever the server writes: no group or other access."""
    open_to_others = [path for path in [fuseki.state_dir, *fuseki.state_dir.rglob("*")]
                      if not path.is_symlink() and stat.S_IMODE(path.stat().st_mode) & 0o077]
    assert (fuseki.state_dir / "fuseki.log").exists()
    assert open_to_others == []


def test_fuseki_listens_on_loopback_only(fuseki):
    with pytest.raises(OSError):
        socket.create_connection((_outward_address(), fuseki.port), timeout=2).close()


def _outward_address() -> str:
    """This machine's address on its default route (no packet is sent: a UDP connect only picks the route)."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("192.0.2.1", 9))  # TEST-NET-1: never routed anywhere
        except OSError:
            pytest.skip("no network interface besides loopback")
        address = probe.getsockname()[0]
    if address.startswith("127."):
        pytest.skip("no network interface besides loopback")
    return address
