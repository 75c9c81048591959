"""A read-only SPARQL 1.1 Protocol endpoint over exported RDF, served by Oxigraph's engine.

Only queries are answered (GET ``?query=`` or POST form/``application/sparql-query``);
updates are refused with 403, and the server binds to loopback unless told otherwise.
"""

from __future__ import annotations

from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlparse

from govkg.graph.sparql import open_store

_RESULT_TYPES = {
    "application/sparql-results+json": "JSON",
    "application/json": "JSON",
    "application/sparql-results+xml": "XML",
    "text/csv": "CSV",
    "text/tab-separated-values": "TSV",
}
_GRAPH_TYPES = {"text/turtle": "TURTLE", "application/n-triples": "N_TRIPLES", "application/rdf+xml": "RDF_XML"}


def _choose(accept: str, table: dict[str, str], default: str) -> str:
    for part in accept.split(","):
        mime = part.split(";")[0].strip()
        if mime in table:
            return mime
    return default


def make_handler(store: Any) -> type[BaseHTTPRequestHandler]:
    """A request handler answering SPARQL queries over ``store``."""
    import pyoxigraph

    class Handler(BaseHTTPRequestHandler):
        server_version = "govkg-sparql"

        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the stdlib's name
            return None

        def _reply(self, status: int, body: bytes, mime: str) -> None:
            self.send_response(status)
            self.send_header("Content-Type", mime)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Access-Control-Allow-Origin", "*")
            self.end_headers()
            self.wfile.write(body)

        def _answer(self, query: str | None) -> None:
            if not query:
                self._reply(400, b"missing 'query' parameter\n", "text/plain; charset=utf-8")
                return
            try:
                result = store.query(query)
            except SyntaxError as error:
                self._reply(400, f"invalid SPARQL: {error}\n".encode(), "text/plain; charset=utf-8")
                return
            accept = self.headers.get("Accept", "")
            if isinstance(result, pyoxigraph.QueryTriples):
                mime = _choose(accept, _GRAPH_TYPES, "text/turtle")
                body = result.serialize(format=getattr(pyoxigraph.RdfFormat, _GRAPH_TYPES[mime]))
            else:
                mime = _choose(accept, _RESULT_TYPES, "application/sparql-results+json")
                fmt = getattr(pyoxigraph.QueryResultsFormat, _RESULT_TYPES[mime])
                body = result.serialize(format=fmt)
            self._reply(200, body or b"", f"{mime}; charset=utf-8")

        def do_GET(self) -> None:  # noqa: N802 - http.server's name
            url = urlparse(self.path)
            if url.path != "/sparql":
                self._reply(404, b"the endpoint is /sparql\n", "text/plain; charset=utf-8")
                return
            params = parse_qs(url.query)
            if "update" in params:
                self._reply(403, b"this endpoint is read-only\n", "text/plain; charset=utf-8")
                return
            self._answer(params.get("query", [None])[0])

        def do_POST(self) -> None:  # noqa: N802
            if urlparse(self.path).path != "/sparql":
                self._reply(404, b"the endpoint is /sparql\n", "text/plain; charset=utf-8")
                return
            length = int(self.headers.get("Content-Length", "0") or 0)
            body = self.rfile.read(min(length, 1_000_000)).decode("utf-8", errors="replace")
            kind = self.headers.get("Content-Type", "").split(";")[0].strip()
            if kind == "application/sparql-update":
                self._reply(403, b"this endpoint is read-only\n", "text/plain; charset=utf-8")
                return
            if kind == "application/sparql-query":
                self._answer(body)
                return
            form = parse_qs(body)
            if "update" in form:
                self._reply(403, b"this endpoint is read-only\n", "text/plain; charset=utf-8")
                return
            self._answer(form.get("query", [None])[0])

    return Handler


def serve(files: list[str | Path], host: str = "127.0.0.1", port: int = 7878, store: str | Path | None = None) -> ThreadingHTTPServer:
    """A server ready to ``serve_forever`` (port 0 picks a free one).

    Args:
        files: RDF files loaded into memory (with ``store`` unset).
        store: an on-disk store built by :func:`govkg.graph.sparql.build_store`, opened
            read-only, so a corpus too big for memory can be served.

    Raises:
        StoreError: a file is missing or not RDF, or ``store`` holds no store.
    """
    opened = open_store(path=store) if store is not None else open_store(files)
    return ThreadingHTTPServer((host, port), make_handler(opened))
