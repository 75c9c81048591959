"""A read-only SPARQL 1.1 Protocol endpoint over exported RDF, answered by Oxigraph in worker processes.

What it serves, on loopback unless told otherwise:

* ``/sparql``: queries by GET ``?query=`` or POST (form or ``application/sparql-query``);
  without a query, the SPARQL 1.1 service description (RDF) or, for a browser, a query page;
* ``/queries``: the canned questions (JSON), and ``/queries/NAME?param=value`` runs one with
  its parameters bound by the catalogue (escaped literals in its ``VALUES`` rows).

What it refuses: updates (403), ``SERVICE`` (400: the server calls nobody), malformed
requests (4xx with a one-line reason). Each query runs in a worker process that opens the
store read-only; a query still running after ``timeout`` seconds is stopped by killing
its worker (503) and an answer longer than ``max_rows`` rows is refused (422), so one
request cannot hold the server. No CORS header is sent unless an origin is given.
"""

from __future__ import annotations

import html
import io
import itertools
import json
import multiprocessing
import queue
import re
import signal
import socket
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlparse

from govkg.errors import QueryError, StoreError

_RESULT_TYPES = {
    "application/sparql-results+json": "json",
    "application/json": "json",
    "application/sparql-results+xml": "xml",
    "application/xml": "xml",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
    "text/html": "html",
}
_GRAPH_TYPES = {"text/turtle": "TURTLE", "application/n-triples": "N_TRIPLES", "application/rdf+xml": "RDF_XML", "application/ld+json": "JSON_LD"}
_FORMAT_PARAMETER = {"json": "application/sparql-results+json", "xml": "application/sparql-results+xml", "csv": "text/csv",
                     "tsv": "text/tab-separated-values", "html": "text/html", "turtle": "text/turtle", "ntriples": "application/n-triples"}
"""``?format=`` values, for clients (and HTML forms) that cannot set ``Accept``."""

MAX_BODY = 1_000_000
"""Largest request body accepted, in bytes."""

_TEXT = "text/plain; charset=utf-8"
_STRINGS_IRIS_COMMENTS = re.compile(r'"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|<[^<>"{}|^`\\\x00-\x20]*>|#[^\n]*')
_SERVICE = re.compile(r"(?<![\w:?$])SERVICE(?![\w:-])", re.IGNORECASE)


def calls_a_service(query: str) -> bool:
    """Whether ``query`` holds the ``SERVICE`` keyword (a federated call), outside strings, IRIs and comments.

    ``\\u`` escapes are undone first, as SPARQL does before parsing, so an escaped keyword
    is found too.
    """
    text = re.sub(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})", lambda m: chr(int(m.group(1) or m.group(2), 16)), query)
    return bool(_SERVICE.search(_STRINGS_IRIS_COMMENTS.sub(" ", text)))


@dataclass(frozen=True)
class Limits:
    """What one request may cost: seconds of evaluation, rows (or triples) of answer, bytes of body."""

    timeout: float = 30.0
    max_rows: int = 100_000
    max_body: int = MAX_BODY


class _Refused(Exception):
    """A request answered with an error status and a one-line reason."""

    def __init__(self, status: int, reason: str) -> None:
        super().__init__(reason)
        self.status = status
        self.reason = reason


# ---------------------------------------------------------------- workers


def _worker_main(connection: Any, files: list[str], path: str | None) -> None:
    """A worker process: open the store once, then answer one query at a time until the pipe closes."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C stops the server, which stops its workers
    from govkg.graph.sparql import open_store

    try:
        store = open_store(files, path)
    except Exception as error:  # noqa: BLE001 - reported to the parent as one line
        connection.send(("error", 500, str(error).splitlines()[0]))
        return
    connection.send(("ready",))
    while True:
        try:
            query, mime, max_rows = connection.recv()
        except (EOFError, OSError):
            return  # the server is gone
        try:
            connection.send(("ok", *_evaluate(store, query, mime, max_rows)))
        except _Refused as refused:
            connection.send(("error", refused.status, refused.reason))
        except SyntaxError as error:
            connection.send(("error", 400, f"invalid SPARQL: {str(error).splitlines()[0][:300]}"))
        except Exception as error:  # noqa: BLE001 - an evaluation error is the query's, not the server's
            connection.send(("error", 400, f"the query failed: {str(error).splitlines()[0][:300] if str(error) else type(error).__name__}"))


class _Worker:
    """One worker process and the parent's end of its pipe."""

    def __init__(self, files: list[str], path: str | None) -> None:
        context = multiprocessing.get_context("spawn")
        self.connection, child = context.Pipe()
        self.process = context.Process(target=_worker_main, args=(child, files, path), daemon=True)
        self.process.start()
        child.close()

    def wait_ready(self) -> None:
        try:
            message = self.connection.recv()
        except EOFError:
            raise StoreError("the SPARQL worker process died while opening the store") from None
        if message[0] != "ready":
            self.stop()
            raise StoreError(message[2])

    def ask(self, query: str, mime: str, max_rows: int, timeout: float) -> tuple[Any, ...] | None:
        """The worker's answer, or None if it took longer than ``timeout`` (the worker is then killed)."""
        self.connection.send((query, mime, max_rows))
        if self.connection.poll(timeout):
            try:
                answer: tuple[Any, ...] = self.connection.recv()
                return answer
            except EOFError:
                pass
        self.stop()
        return None

    def stop(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(10)
        self.connection.close()


class _Pool:
    """Idle workers; a worker killed for a timeout is replaced in the background."""

    def __init__(self, files: list[str], path: str | None, size: int) -> None:
        self._files, self._path = files, path
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._all: list[_Worker] = []
        self._lock = threading.Lock()
        self._closed = False
        self._starting = 0
        """Replacements still opening the store."""
        workers = [_Worker(files, path) for _ in range(size)]
        try:
            for worker in workers:
                worker.wait_ready()
        except StoreError:
            for worker in workers:
                worker.stop()
            raise
        for worker in workers:
            self._keep(worker)

    def _keep(self, worker: _Worker) -> None:
        with self._lock:
            if self._closed:
                worker.stop()
                return
            self._all.append(worker)
        self._idle.put(worker)

    def _replace(self) -> None:
        try:
            worker = _Worker(self._files, self._path)
            try:
                worker.wait_ready()
            except StoreError:
                return
            self._keep(worker)
        finally:
            with self._lock:
                self._starting -= 1

    def _idle_worker(self, limits: Limits) -> _Worker | None:
        """An idle worker within the timeout, or, while a replacement opens the store, once it is ready."""
        try:
            return self._idle.get(timeout=limits.timeout)
        except queue.Empty:
            pass
        while True:  # a query just after a timeout waits for the new worker, not a 503 (opening the store may be slow)
            with self._lock:
                starting = self._starting
            if not starting:
                return None
            try:
                return self._idle.get(timeout=0.5)
            except queue.Empty:
                continue

    def run(self, query: str, mime: str, limits: Limits) -> tuple[Any, ...]:
        worker = self._idle_worker(limits)
        if worker is None:
            raise _Refused(503, f"the endpoint is busy (every worker has been busy for {limits.timeout:g} s); try again")
        answer = worker.ask(query, mime, limits.max_rows, limits.timeout)
        if answer is None:
            with self._lock:
                self._all.remove(worker)
                self._starting += 1
            threading.Thread(target=self._replace, daemon=True).start()
            raise _Refused(503, f"the query ran longer than {limits.timeout:g} s (the endpoint's timeout) and was stopped")
        self._idle.put(worker)
        return answer

    def close(self) -> None:
        with self._lock:
            self._closed = True
            workers, self._all = self._all, []
        for worker in workers:
            worker.stop()


# ---------------------------------------------------------------- answers (in the worker)


def _json_term(term: Any) -> dict[str, str]:
    import pyoxigraph

    if isinstance(term, pyoxigraph.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, pyoxigraph.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, pyoxigraph.Literal):
        cell = {"type": "literal", "value": term.value}
        if term.language:
            cell["xml:lang"] = term.language
        elif term.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
            cell["datatype"] = term.datatype.value
        return cell
    return {"type": "literal", "value": str(term)}


def _xml_term(term: Any) -> str:
    import pyoxigraph

    if isinstance(term, pyoxigraph.NamedNode):
        return f"<uri>{html.escape(term.value)}</uri>"
    if isinstance(term, pyoxigraph.BlankNode):
        return f"<bnode>{html.escape(term.value)}</bnode>"
    if isinstance(term, pyoxigraph.Literal):
        if term.language:
            return f'<literal xml:lang="{html.escape(term.language)}">{html.escape(term.value)}</literal>'
        if term.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
            return f'<literal datatype="{html.escape(term.datatype.value)}">{html.escape(term.value)}</literal>'
        return f"<literal>{html.escape(term.value)}</literal>"
    return f"<literal>{html.escape(str(term))}</literal>"


def _plain(term: Any) -> str:
    import pyoxigraph

    if term is None:
        return ""
    return f"_:{term.value}" if isinstance(term, pyoxigraph.BlankNode) else term.value


def write_solutions(variables: list[str], rows: Iterable[list[Any]], kind: str) -> bytes:
    """SELECT results in one of the SPARQL 1.1 result formats (``json``, ``xml``, ``csv``, ``tsv``) or an HTML table."""
    import csv

    rows = list(rows)
    if kind == "json":
        bindings = [{name: _json_term(term) for name, term in zip(variables, row) if term is not None} for row in rows]
        return json.dumps({"head": {"vars": variables}, "results": {"bindings": bindings}}, ensure_ascii=False).encode()
    if kind == "xml":
        out = ['<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">\n<head>']
        out += [f'<variable name="{html.escape(name)}"/>' for name in variables]
        out.append("</head>\n<results>")
        for row in rows:
            cells = "".join(f'<binding name="{html.escape(n)}">{_xml_term(t)}</binding>' for n, t in zip(variables, row) if t is not None)
            out.append(f"<result>{cells}</result>")
        out.append("</results>\n</sparql>\n")
        return "\n".join(out).encode()
    if kind == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(variables)
        writer.writerows([_plain(term) for term in row] for row in rows)
        return buffer.getvalue().encode()
    if kind == "tsv":
        lines = ["\t".join(f"?{name}" for name in variables)]
        lines += ["\t".join("" if term is None else str(term) for term in row) for row in rows]
        return ("\n".join(lines) + "\n").encode()
    head = "".join(f"<th>{html.escape(name)}</th>" for name in variables)
    body = "".join("<tr>" + "".join(f"<td>{html.escape(_plain(term))}</td>" for term in row) + "</tr>" for row in rows)
    return _page("Results", f"<p>{len(rows)} row(s)</p><table><tr>{head}</tr>{body}</table>").encode()


def _evaluate(store: Any, query: str, mime: str, max_rows: int) -> tuple[int, str, bytes]:
    """Run ``query`` and write its answer as ``mime`` (or the nearest the result kind allows)."""
    import pyoxigraph

    result = store.query(query)
    too_many = f"the answer has more than {max_rows:,} rows (the endpoint's limit); add a LIMIT or narrow the query"
    if isinstance(result, pyoxigraph.QueryBoolean):
        kind = _RESULT_TYPES.get(mime, "json")
        if kind == "json":
            return 200, "application/sparql-results+json", json.dumps({"head": {}, "boolean": bool(result)}).encode()
        if kind == "xml":
            body = f'<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#"><head/><boolean>{str(bool(result)).lower()}</boolean></sparql>\n'
            return 200, "application/sparql-results+xml", body.encode()
        return 200, _TEXT, f"{str(bool(result)).lower()}\n".encode()
    if isinstance(result, pyoxigraph.QueryTriples):
        triples = list(itertools.islice(result, max_rows + 1))
        if len(triples) > max_rows:
            raise _Refused(422, too_many)
        mime = mime if mime in _GRAPH_TYPES else "text/turtle"
        return 200, mime, pyoxigraph.serialize(triples, format=getattr(pyoxigraph.RdfFormat, _GRAPH_TYPES[mime])) or b""
    variables = [v.value for v in result.variables]
    rows = [[solution[name] for name in variables] for solution in itertools.islice(result, max_rows + 1)]
    if len(rows) > max_rows:
        raise _Refused(422, too_many)
    mime = mime if mime in _RESULT_TYPES else "application/sparql-results+json"
    return 200, mime, write_solutions(variables, rows, _RESULT_TYPES[mime])


# ---------------------------------------------------------------- pages and descriptions


def _page(title: str, body: str) -> str:
    style = ("body{font-family:sans-serif;margin:2em;max-width:70em}textarea{width:100%;font-family:monospace}"
             "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2em .5em;text-align:left}")
    return (f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)}</title>'
            f"<style>{style}</style></head><body>{body}</body></html>\n")


def query_page() -> str:
    """The page a browser gets at GET /sparql: a query form with the canned questions to start from."""
    from govkg.queries.catalog import catalog, sparql_with_parameters

    canned = {q.name: sparql_with_parameters(q, q.parameters()) for q in catalog().values() if q.sparql}
    options = "".join(f'<option value="{html.escape(name)}">{html.escape(name)}: {html.escape(catalog()[name].title)}</option>'
                      for name in canned)
    formats = "".join(f'<option value="{f}">{f}</option>' for f in ("html", "json", "xml", "csv", "tsv", "turtle"))
    first = html.escape(next(iter(canned.values()), "SELECT * WHERE { ?s ?p ?o } LIMIT 10"))
    data = html.escape(json.dumps(canned, ensure_ascii=False))
    body = (
        "<h1>govkg SPARQL endpoint</h1>"
        "<p>Read-only SPARQL 1.1 over the reports' knowledge graph. The canned questions are also at "
        '<a href="/queries">/queries</a> (run one with <code>/queries/NAME?param=value</code>).</p>'
        f'<form method="get" action="/sparql"><p><label>Start from <select id="canned">{options}</select></label></p>'
        f'<p><textarea name="query" id="query" rows="24">{first}</textarea></p>'
        f'<p><label>Answer as <select name="format">{formats}</select></label> <button type="submit">Run</button></p></form>'
        f'<script type="application/json" id="canned-text">{data}</script>'
        "<script>const t=JSON.parse(document.getElementById('canned-text').textContent);"
        "document.getElementById('canned').onchange=e=>{document.getElementById('query').value=t[e.target.value]};</script>"
    )
    return _page("govkg SPARQL endpoint", body)


def service_description(endpoint: str) -> str:
    """The SPARQL 1.1 Service Description of the endpoint (Turtle)."""
    formats = ", ".join(f"<http://www.w3.org/ns/formats/{f}>" for f in
                        ("SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV", "SPARQL_Results_TSV", "Turtle", "N-Triples", "RDF_XML", "JSON-LD"))
    return f"""@prefix sd: <http://www.w3.org/ns/sparql-service-description#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix dcterms: <http://purl.org/dc/terms/> .

<{endpoint}> a sd:Service ;
    sd:endpoint <{endpoint}> ;
    sd:supportedLanguage sd:SPARQL11Query ;
    sd:resultFormat {formats} ;
    sd:defaultEntailmentRegime <http://www.w3.org/ns/entailment/Simple> ;
    sd:defaultDataset <{endpoint}#dataset> ;
    dcterms:title "govkg: knowledge graph of Chinese rule-of-law government reports"@en ;
    rdfs:comment "Read-only: updates are refused, and so is SERVICE (the endpoint calls nobody)."@en .

<{endpoint}#dataset> a sd:Dataset ;
    sd:defaultGraph <{endpoint}#default-graph> ;
    rdfs:comment "Each report is a named graph (its report IRI); the default graph holds every report's triples once, and the govkg ontology."@en .

<{endpoint}#default-graph> a sd:Graph .
"""


def _choose(accept: str, table: Iterable[str]) -> str | None:
    """The first type of ``accept`` (in the client's order of preference) that ``table`` holds."""
    ranked = []
    for index, part in enumerate(accept.split(",")):
        pieces = [p.strip() for p in part.split(";")]
        weight = 1.0
        for piece in pieces[1:]:
            if piece.startswith("q="):
                try:
                    weight = float(piece[2:])
                except ValueError:
                    weight = 0.0
        ranked.append((-weight, index, pieces[0].lower()))
    for _, _, mime in sorted(ranked):
        if mime in table:
            return mime
    return None


# ---------------------------------------------------------------- HTTP


def make_handler(pool: Any, limits: Limits = Limits(), cors: str | None = None) -> type[BaseHTTPRequestHandler]:
    """A request handler answering SPARQL queries with ``pool`` (anything with ``run(query, mime, limits)``)."""

    class Handler(BaseHTTPRequestHandler):
        server_version = "govkg-sparql"
        protocol_version = "HTTP/1.1"
        default_request_version = "HTTP/1.0"  # a garbled request line still gets a status line
        timeout = 30  # seconds a client may take to send its request

        def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
            """The stdlib's own refusals (bad request line, headers too long): one plain line, like ours."""
            self.close_connection = True
            reason = message or self.responses.get(code, ("error",))[0]
            self._reply(code, f"{reason}\n".encode(), _TEXT)

        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the stdlib's name
            return None

        def _reply(self, status: int, body: bytes, mime: str, extra: dict[str, str] | None = None) -> None:
            self.send_response(status)
            self.send_header("Content-Type", mime if "charset" in mime or not mime.startswith(("text/", "application/")) else f"{mime}; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("X-Content-Type-Options", "nosniff")
            if mime.startswith("text/html"):
                self.send_header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; form-action 'self'")
            if cors:
                self.send_header("Access-Control-Allow-Origin", cors)
                self.send_header("Vary", "Origin")
            for key, value in (extra or {}).items():
                self.send_header(key, value)
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)

        def _refuse(self, status: int, reason: str, extra: dict[str, str] | None = None) -> None:
            self._reply(status, f"{reason}\n".encode(), _TEXT, extra)

        def _handle(self, work: Any) -> None:
            try:
                work()
            except _Refused as refused:
                self.close_connection = True
                self._refuse(refused.status, refused.reason)
            except (socket.timeout, TimeoutError):
                self.close_connection = True
                self._refuse(408, "the request was not sent in time")
            except (ConnectionError, BrokenPipeError):
                self.close_connection = True

        def _params(self, text: str) -> dict[str, list[str]]:
            try:
                return parse_qs(text, keep_blank_values=True, errors="strict", max_num_fields=100)
            except (UnicodeDecodeError, ValueError) as error:
                raise _Refused(400, f"malformed parameters ({str(error).splitlines()[0][:120]})") from None

        def _mime(self, params: dict[str, list[str]], table: Iterable[str], default: str) -> str:
            wanted = params.get("format", params.get("output", [None]))[0]
            if wanted:
                mime = _FORMAT_PARAMETER.get(wanted, wanted)
                if mime not in table:
                    raise _Refused(406, f"unknown format {wanted!r} (choose one of {', '.join(_FORMAT_PARAMETER)})")
                return mime
            accept = self.headers.get("Accept", "") or "*/*"
            return _choose(accept, table) or default

        def _run(self, query: str, params: dict[str, list[str]]) -> None:
            if calls_a_service(query):
                raise _Refused(400, "SERVICE is not allowed: this endpoint makes no outbound requests")
            mime = self._mime(params, {**_RESULT_TYPES, **_GRAPH_TYPES}, "application/sparql-results+json")
            answer = pool.run(query, mime, limits)
            if answer[0] == "ok":
                _, status, mime, body = answer
                self._reply(status, body, mime)
            else:
                raise _Refused(answer[1], answer[2])

        def _query(self, params: dict[str, list[str]]) -> None:
            if "update" in params:
                raise _Refused(403, "this endpoint is read-only")
            queries = params.get("query", [])
            if len(queries) > 1:
                raise _Refused(400, "one query per request")
            if not queries or not queries[0].strip():
                raise _Refused(400, "missing 'query' parameter")
            self._run(queries[0], params)

        def _describe(self, params: dict[str, list[str]]) -> None:
            """GET /sparql without a query: the page for browsers, the service description for the rest."""
            mime = self._mime(params, {"text/html", *_GRAPH_TYPES}, "text/turtle")
            if mime == "text/html":
                self._reply(200, query_page().encode(), "text/html")
                return
            host = self.headers.get("Host") or f"127.0.0.1:{self.server.server_port}"  # type: ignore[attr-defined]
            if not re.fullmatch(r"[\w.\-:\[\]]+", host):
                raise _Refused(400, "malformed Host header")
            turtle = service_description(f"http://{host}/sparql")
            if mime == "text/turtle":
                self._reply(200, turtle.encode(), mime)
                return
            import pyoxigraph

            triples = pyoxigraph.parse(turtle, format=pyoxigraph.RdfFormat.TURTLE)
            self._reply(200, pyoxigraph.serialize(triples, format=getattr(pyoxigraph.RdfFormat, _GRAPH_TYPES[mime])) or b"", mime)

        def _canned(self, name: str, params: dict[str, list[str]]) -> None:
            from govkg.queries.catalog import catalog, sparql_with_parameters

            if not name:
                listing = [{"name": q.name, "title": q.title, "description": q.description, "parameters": q.defaults,
                            "url": f"/queries/{q.name}"} for q in catalog().values() if q.sparql]
                self._reply(200, json.dumps(listing, ensure_ascii=False, indent=1).encode(), "application/json")
                return
            query = catalog().get(name)
            if query is None or query.sparql is None:
                raise _Refused(404, f"no canned query {name!r}; /queries lists them")
            values = {k: v[-1] for k, v in params.items() if k not in ("format", "output")}
            try:
                text = sparql_with_parameters(query, query.parameters(values))
            except QueryError as error:
                raise _Refused(400, str(error)) from None
            self._run(text, params)

        def _route(self, params: dict[str, list[str]], body_query: str | None = None) -> None:
            path = urlparse(self.path).path
            if path == "/sparql":
                if body_query is not None:
                    self._run(body_query, params)
                elif self.command in ("GET", "HEAD") and not ({"query", "update"} & params.keys()):
                    self._describe(params)
                else:
                    self._query(params)
            elif path == "/queries" or path.startswith("/queries/"):
                if self.command == "POST":
                    raise _Refused(405, "canned queries are read with GET")
                self._canned(path[len("/queries/"):] if path.startswith("/queries/") else "", params)
            elif path == "/":
                self._reply(200, query_page().encode(), "text/html")
            else:
                raise _Refused(404, "no such page: the endpoint is /sparql, the canned queries are at /queries")

        def do_GET(self) -> None:  # noqa: N802 - http.server's name
            self._handle(lambda: self._route(self._params(urlparse(self.path).query)))

        do_HEAD = do_GET  # noqa: N815

        def _body(self) -> bytes:
            if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
                raise _Refused(411, "send the body with a Content-Length, not chunked")
            raw = self.headers.get("Content-Length")
            if raw is None:
                raise _Refused(411, "a POST needs a Content-Length header")
            if not raw.strip().isdigit():
                raise _Refused(400, f"Content-Length must be a whole number of bytes, not {raw[:40]!r}")
            length = int(raw)
            if length > limits.max_body:
                raise _Refused(413, f"the body is larger than {limits.max_body:,} bytes")
            body = self.rfile.read(length)
            if len(body) < length:
                raise _Refused(400, "the body is shorter than its Content-Length")
            return body

        def do_POST(self) -> None:  # noqa: N802
            def work() -> None:
                params = self._params(urlparse(self.path).query)
                body = self._body()
                kind = self.headers.get("Content-Type", "").split(";")[0].strip().lower()
                if kind == "application/sparql-update":
                    raise _Refused(403, "this endpoint is read-only")
                try:
                    text = body.decode("utf-8")
                except UnicodeDecodeError:
                    raise _Refused(400, "the body is not UTF-8") from None
                if kind == "application/sparql-query":
                    if not text.strip():
                        raise _Refused(400, "the body holds no query")
                    self._route(params, text)
                elif kind in ("application/x-www-form-urlencoded", ""):
                    form = self._params(text)
                    self._route({**params, **form})
                else:
                    raise _Refused(415, f"unsupported Content-Type {kind!r} (use application/sparql-query or a form)")

            self._handle(work)

        def do_OPTIONS(self) -> None:  # noqa: N802
            extra = {"Allow": "GET, HEAD, POST, OPTIONS"}
            if cors:
                extra |= {"Access-Control-Allow-Methods": "GET, POST, OPTIONS", "Access-Control-Allow-Headers": "Accept, Content-Type",
                          "Access-Control-Max-Age": "600"}
            self._reply(204, b"", _TEXT, extra)

        def _not_allowed(self) -> None:
            self._handle(lambda: self._refuse(405, f"{self.command} is not allowed: this endpoint is read-only", {"Allow": "GET, HEAD, POST, OPTIONS"}))

        do_PUT = do_DELETE = do_PATCH = _not_allowed  # noqa: N815

    return Handler


class SparqlServer(ThreadingHTTPServer):
    """The HTTP server and its query workers; closing it stops them."""

    daemon_threads = True
    block_on_close = False

    def __init__(self, address: tuple[str, int], handler: type[BaseHTTPRequestHandler], pool: _Pool) -> None:
        self.pool = pool
        super().__init__(address, handler)

    def server_close(self) -> None:
        super().server_close()
        self.pool.close()


def serve(
    files: list[str | Path],
    host: str = "127.0.0.1",
    port: int = 7878,
    store: str | Path | None = None,
    *,
    limits: Limits = Limits(),
    cors: str | None = None,
    workers: int = 1,
) -> SparqlServer:
    """A server ready to ``serve_forever`` (port 0 picks a free one).

    Args:
        files: RDF files loaded into memory (with ``store`` unset), by each worker.
        store: an on-disk store built by :func:`govkg.graph.sparql.build_store`, opened
            read-only by each worker, so a corpus too big for memory can be served.
        limits: the timeout, row limit and body limit of one request.
        cors: the one origin allowed to read answers from a browser (no CORS header without it).
        workers: query worker processes (queries beyond this many wait their turn).

    Raises:
        StoreError: the address cannot be bound (e.g. the port is in use), a file is
            missing or not RDF, or ``store`` holds no store.
    """
    from govkg.graph.sparql import rdf_files

    if store is None:
        paths, path = [str(p) for p in rdf_files(files)], None
    else:
        folder = Path(store)
        if not (folder / "CURRENT").is_file():
            raise StoreError(f"{folder}: no Oxigraph store here (build one with `govkg sparql index FILES --store {folder}`)")
        paths, path = [], str(folder)
    if cors is not None and (cors == "*" or not re.fullmatch(r"https?://[\w.\-]+(:\d+)?", cors)):
        raise StoreError(f"--cors takes one origin such as http://localhost:3000, not {cors!r}")
    try:
        probe = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET)
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        probe.bind((host, port))
        probe.close()
    except OSError as error:
        raise StoreError(f"cannot listen on {host}:{port}: {error.strerror or error}") from None
    pool = _Pool(paths, path, workers)
    try:
        return SparqlServer((host, port), make_handler(pool, limits, cors), pool)
    except OSError as error:
        pool.close()
        raise StoreError(f"cannot listen on {host}:{port}: {error.strerror or error}") from None
