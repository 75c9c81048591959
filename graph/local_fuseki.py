"""A real, local Apache Jena Fuseki server: the second SPARQL engine the twins run on.

Like the local Neo4j (:mod:`govkg.graph.local_neo4j`), the server's jar comes from Maven
Central (``fuseki/pom.xml`` beside this module, :mod:`govkg.graph.jvm`) and runs as a JVM
on the loopback interface only, its state folder private to the user. It serves one read-only,
in-memory dataset loaded from an RDF file at start, with SERVICE (outbound requests)
switched off. Researchers can start it to check a query on a second engine; the tests
start it once per session.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from govkg.errors import StoreError
from govkg.graph.jvm import HOST, UMASK, classpath_argfile, free_port, java, make_private_dir, resolve_classpath

MAIN_CLASS = "org.apache.jena.fuseki.main.cmds.FusekiServerCmd"
DATASET = "govkg"
HEAP_MAX = "512m"


@dataclass(frozen=True)
class LocalFuseki:
    """A running local Fuseki: its process, port and the dataset's query endpoint."""

    process: subprocess.Popen[bytes]
    port: int
    state_dir: Path

    @property
    def endpoint(self) -> str:
        """The SPARQL 1.1 Protocol query endpoint of the dataset."""
        return f"http://{HOST}:{self.port}/{DATASET}/sparql"

    def stop(self, timeout: float = 30.0) -> None:
        """SIGTERM the server's JVM, SIGKILL it after ``timeout`` seconds."""
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(10)


def start(data: Path, state_dir: Path, port: int | None = None, timeout: float = 120.0) -> LocalFuseki:
    """Start Fuseki on loopback serving ``data`` (Turtle, N-Triples, N-Quads, TriG) read-only.

    The dataset is in memory; SERVICE is refused (``arq:httpServiceAllowed=false``) and
    each query is stopped after 60 s.

    Raises:
        StoreError: Java or Maven is missing, or the server did not answer in time.
    """
    state_dir = make_private_dir(Path(state_dir))
    classpath = resolve_classpath("fuseki", state_dir, "Apache Jena Fuseki")
    port = port or free_port()
    argfile = classpath_argfile(state_dir / "classpath.args", classpath)
    command = [
        java("Apache Jena Fuseki"), f"-Xmx{HEAP_MAX}", f"@{argfile}", MAIN_CLASS,
        "--localhost", f"--port={port}", f"--file={Path(data).resolve()}", "--timeout=60000",
        "--set", "arq:httpServiceAllowed=false", "--no-cors", "--ping", f"/{DATASET}",
    ]
    fd = os.open(state_dir / "fuseki.log", os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as log:  # the server's stdout for its lifetime
        process = subprocess.Popen(command, cwd=state_dir, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
                                   start_new_session=True, umask=UMASK)
    server = LocalFuseki(process, port, state_dir)
    deadline = time.monotonic() + timeout
    while True:
        if process.poll() is not None:
            raise StoreError(f"Fuseki exited with code {process.returncode} while starting:\n{_log_tail(state_dir)}")
        try:
            with urllib.request.urlopen(f"http://{HOST}:{port}/$/ping", timeout=2):
                return server
        except (urllib.error.URLError, OSError):
            pass
        if time.monotonic() > deadline:
            server.stop()
            raise StoreError(f"Fuseki did not answer on port {port} in time:\n{_log_tail(state_dir)}")
        time.sleep(0.3)


def _log_tail(state_dir: Path, lines: int = 20) -> str:
    path = state_dir / "fuseki.log"
    text = path.read_text(encoding="utf-8", errors="replace").strip().splitlines() if path.exists() else []
    return "\n".join(text[-lines:]) or "(no log)"
