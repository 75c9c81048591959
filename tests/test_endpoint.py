"""The SPARQL endpoint: the protocol, canned questions by name, and what it refuses (issue 14, item 2)."""

from __future__ import annotations

import json
import socket
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest
from click.testing import CliRunner
from rdflib import Graph, Namespace, URIRef

from govkg.cli import cli
from govkg.errors import StoreError
from govkg.graph.endpoint import Limits, calls_a_service, serve
from govkg.graph.rdf import serialize
from govkg.graph.sparql import open_store, query_store
from govkg.queries.catalog import get, sparql_with_parameters
from reports import FIXTURE_NAMES, fixture, seed

GKG = "PREFIX gkg: <https://w3id.org/govkg/ontology#> "
SD = Namespace("http://www.w3.org/ns/sparql-service-description#")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    path = tmp_path_factory.mktemp("endpoint") / "corpus.nq"
    path.write_text(serialize([seed(), *(fixture(n) for n in FIXTURE_NAMES)], "nquads"), encoding="utf-8")
    return path


def _start(server):
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_port}"


@pytest.fixture(scope="module")
def endpoint(corpus):
    server = serve([corpus], "127.0.0.1", 0, limits=Limits(timeout=3.0, max_rows=50))
    base = _start(server)
    yield base
    server.shutdown()
    server.server_close()


def _get(url, accept="application/sparql-results+json"):
    with urllib.request.urlopen(urllib.request.Request(url, headers={"Accept": accept}), timeout=30) as response:
        return response.status, dict(response.headers), response.read()


def _error(request):
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=30)
    body = refused.value.read().decode()
    assert body.strip() and len(body.strip().splitlines()) == 1 and "Traceback" not in body
    return refused.value.code, body


def _raw(base, request: bytes) -> tuple[int, str]:
    """Send raw bytes (a malformed request a library would not send); the status and body of the answer."""
    port = int(base.rsplit(":", 1)[1])
    with socket.create_connection(("127.0.0.1", port), timeout=30) as sock:
        sock.sendall(request)
        sock.shutdown(socket.SHUT_WR)
        data = b""
        while chunk := sock.recv(65536):
            data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    return int(head.split()[1]), body.decode("utf-8", errors="replace")


def _rows(payload: bytes) -> list[dict[str, str]]:
    return [{k: v["value"] for k, v in b.items()} for b in json.loads(payload)["results"]["bindings"]]


def test_service_is_refused_and_nobody_is_called(endpoint):
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    listener.settimeout(1.0)
    target = f"http://127.0.0.1:{listener.getsockname()[1]}/sparql"
    try:
        for query in (f"SELECT * WHERE {{ SERVICE <{target}> {{ ?s ?p ?o }} }}",
                      f"SELECT * WHERE {{ \\u0053ERVICE <{target}> {{ ?s ?p ?o }} }}",
                      f"select * where {{ service silent <{target}> {{ ?s ?p ?o }} }}"):
            code, body = _error(urllib.request.Request(f"{endpoint}/sparql?" + urllib.parse.urlencode({"query": query})))
            assert code == 400 and "SERVICE" in body
        with pytest.raises(socket.timeout):
            listener.accept()  # the endpoint never connected
    finally:
        listener.close()
    assert not calls_a_service('SELECT * WHERE { ?s ?p "SERVICE <http://x/>" } # SERVICE')
    assert not calls_a_service("PREFIX ex: <http://x/SERVICE> SELECT ?SERVICE WHERE { ?SERVICE ex:SERVICE ?o }")


def test_no_cors_header_unless_an_origin_is_given(endpoint, corpus):
    query = urllib.parse.urlencode({"query": "ASK { ?s ?p ?o }"})
    _, headers, _ = _get(f"{endpoint}/sparql?{query}")
    assert "Access-Control-Allow-Origin" not in headers
    server = serve([corpus], "127.0.0.1", 0, cors="http://localhost:3000")
    base = _start(server)
    try:
        _, headers, _ = _get(f"{base}/sparql?{query}")
        assert headers["Access-Control-Allow-Origin"] == "http://localhost:3000"
    finally:
        server.shutdown()
        server.server_close()
    with pytest.raises(StoreError, match="one origin"):
        serve([corpus], "127.0.0.1", 0, cors="*")


@pytest.mark.parametrize(("request_bytes", "status"), [
    (b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\nContent-Length: abc\r\n\r\nASK {}", 400),
    (b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\nContent-Length: -5\r\n\r\nASK {}", 400),
    (b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\n\r\nASK {}", 411),
    (b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\nContent-Length: 99999999999\r\n\r\n", 413),
    (b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\nContent-Length: 40\r\n\r\nASK {}", 400),
    (b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: image/png\r\nContent-Length: 6\r\n\r\nASK {}", 415),
    (b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\nContent-Length: 2\r\n\r\n\xff\xfe", 400),
    (b"GET /sparql?query=%ff%fe HTTP/1.1\r\nHost: x\r\n\r\n", 400),
    (b"GET /sparql?query=ASK%7B%7D&query=ASK%7B%7D HTTP/1.1\r\nHost: x\r\n\r\n", 400),
    (b"GET /sparql?query=SELEKT HTTP/1.1\r\nHost: x\r\n\r\n", 400),
    (b"GET /sparql?query=ASK%7B%7D&format=pdf HTTP/1.1\r\nHost: x\r\n\r\n", 406),
    (b"PUT /sparql HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n", 405),
    (b"DELETE /sparql HTTP/1.1\r\nHost: x\r\n\r\n", 405),
    (b"GET /etc/passwd HTTP/1.1\r\nHost: x\r\n\r\n", 404),
    (b"GARBAGE\r\n\r\n", 400),
    (b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-update\r\nContent-Length: 22\r\n\r\nDROP ALL ; CLEAR ALL ;", 403),
])
def test_every_malformed_request_gets_a_4xx_and_a_reason(endpoint, request_bytes, status):
    got, body = _raw(endpoint, request_bytes)
    assert got == status and body.strip() and "Traceback" not in body


def test_a_slow_query_is_stopped_and_the_server_goes_on(endpoint):
    slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    began = time.monotonic()
    code, body = _error(urllib.request.Request(f"{endpoint}/sparql?" + urllib.parse.urlencode({"query": slow})))
    assert code == 503 and "3 s" in body and time.monotonic() - began < 20
    status, _, payload = _get(f"{endpoint}/sparql?" + urllib.parse.urlencode({"query": GKG + "SELECT ?p WHERE { ?p a gkg:ObservationPoint } LIMIT 3"}))
    assert status == 200 and len(_rows(payload)) == 3  # a new worker answers


def test_an_answer_longer_than_the_row_limit_is_refused(endpoint):
    code, body = _error(urllib.request.Request(f"{endpoint}/sparql?" + urllib.parse.urlencode({"query": "SELECT * WHERE { ?s ?p ?o }"})))
    assert code == 422 and "50" in body
    code, _ = _error(urllib.request.Request(f"{endpoint}/sparql?" + urllib.parse.urlencode({"query": "CONSTRUCT WHERE { ?s ?p ?o }"})))
    assert code == 422
    status, _, payload = _get(f"{endpoint}/sparql?" + urllib.parse.urlencode({"query": "SELECT * WHERE { ?s ?p ?o } LIMIT 50"}))
    assert status == 200 and len(_rows(payload)) == 50


def test_a_busy_port_is_one_line(corpus):
    taken = socket.socket()
    taken.bind(("127.0.0.1", 0))
    taken.listen(1)
    port = taken.getsockname()[1]
    try:
        with pytest.raises(StoreError, match="cannot listen on 127.0.0.1"):
            serve([corpus], "127.0.0.1", port)
        result = CliRunner().invoke(cli, ["sparql", "serve", "--data", str(corpus), "--port", str(port)])
        assert result.exit_code == 1 and "Traceback" not in result.output
        assert result.output.startswith("Error: cannot listen") and len(result.output.strip().splitlines()) == 1
    finally:
        taken.close()


def test_canned_questions_by_name_with_parameters(endpoint, corpus):
    _, _, listing = _get(f"{endpoint}/queries", "application/json")
    names = {q["name"]: q for q in json.loads(listing)}
    assert names["region_partners"]["parameters"] == {"region": "青浦区"}
    query = get("region_partners")
    expected = query_store(open_store([corpus]), sparql_with_parameters(query, query.parameters({"region": "吴江区"})))[1]
    _, _, payload = _get(f"{endpoint}/queries/region_partners?" + urllib.parse.urlencode({"region": "吴江区"}))
    assert sorted(map(repr, _rows(payload))) == sorted(map(repr, expected)) and expected
    _, _, default = _get(f"{endpoint}/queries/region_partners")
    assert _rows(default) != _rows(payload)
    _, _, csv = _get(f"{endpoint}/queries/region_partners?format=csv", "*/*")
    assert csv.decode().splitlines()[0] == "partner,link,via"
    assert _error(urllib.request.Request(f"{endpoint}/queries/region_partners?nope=1"))[0] == 400
    assert _error(urllib.request.Request(f"{endpoint}/queries/dispute_network?limit=many"))[0] == 400
    assert _error(urllib.request.Request(f"{endpoint}/queries/no_such_question"))[0] == 404


def test_sparqlwrapper_runs_a_canned_query_with_parameters(endpoint, corpus):
    from SPARQLWrapper import JSON, POST, SPARQLWrapper

    query = get("new_since")
    text = sparql_with_parameters(query, query.parameters({"year": "2023", "previous": "2024"}))
    expected = {row["name"] for row in query_store(open_store([corpus]), text)[1]}
    for method in ("GET", POST):
        client = SPARQLWrapper(f"{endpoint}/sparql")
        client.setQuery(text)
        client.setMethod(method)
        client.setReturnFormat(JSON)
        answer = client.query().convert()
        assert {b["name"]["value"] for b in answer["results"]["bindings"]} == expected and expected


def test_service_description_and_query_page(endpoint):
    status, headers, turtle = _get(f"{endpoint}/sparql", "text/turtle")
    assert status == 200 and headers["Content-Type"].startswith("text/turtle")
    description = Graph().parse(data=turtle.decode(), format="turtle")
    service = URIRef(f"{endpoint}/sparql")
    assert (service, SD.endpoint, service) in description
    assert (service, SD.supportedLanguage, SD.SPARQL11Query) in description
    status, headers, page = _get(f"{endpoint}/sparql", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8")
    assert headers["Content-Type"].startswith("text/html") and "default-src 'none'" in headers["Content-Security-Policy"]
    assert b'<form method="get" action="/sparql">' in page and b"region_partners" in page
    query = urllib.parse.urlencode({"query": GKG + 'SELECT ?n WHERE { ?p a gkg:ObservationPoint ; gkg:name ?n } LIMIT 2', "format": "html"})
    _, headers, table = _get(f"{endpoint}/sparql?{query}", "*/*")
    assert headers["Content-Type"].startswith("text/html") and table.count(b"<tr>") == 3


def test_result_formats(endpoint):
    query = urllib.parse.urlencode({"query": GKG + "SELECT ?n WHERE { ?p a gkg:ObservationPoint ; gkg:name ?n } ORDER BY ?n LIMIT 2"})
    _, _, xml = _get(f"{endpoint}/sparql?{query}", "application/sparql-results+xml")
    _, _, tsv = _get(f"{endpoint}/sparql?{query}", "text/tab-separated-values")
    _, _, payload = _get(f"{endpoint}/sparql?{query}")
    names = [row["n"] for row in _rows(payload)]
    assert all(f"<literal xml:lang=\"zh\">{n}</literal>".encode() in xml for n in names)
    assert tsv.decode().splitlines() == ["?n", *(f'"{n}"@zh' for n in names)]
