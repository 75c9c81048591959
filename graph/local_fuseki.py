"""A real, local Apache Jena Fuseki server: the second SPARQL engine the twins run on.

Like the local Neo4j (:mod:`govkg.graph.local_neo4j`), the server's jar comes from Maven
Central (``fuseki/pom.xml`` beside this module, resolved with ``mvn``, cached in
``~/.m2``) and runs as a JVM on the loopback interface only. It serves one read-only,
in-memory dataset loaded from an RDF file at start, with SERVICE (outbound requests)
switched off. Researchers can start it to check a query on a second engine; the tests
start it once per session.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from govkg.errors import StoreError

HOST = "127.0.0.1"
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


def classpath(state_dir: Path) -> str:
    """The server's classpath, resolved with Maven once and cached under a hash of the pom.

    Raises:
        StoreError: Maven is missing or could not resolve the server.
    """
    pom_bytes = (resources.files("govkg.graph") / "fuseki" / "pom.xml").read_bytes()
    digest = hashlib.sha256(pom_bytes).hexdigest()[:16]
    cache = state_dir / f"classpath-{digest}.txt"
    if cache.exists():
        found = cache.read_text(encoding="utf-8").strip()
        if found and all(Path(jar).exists() for jar in found.split(os.pathsep)):
            return found
    mvn = shutil.which("mvn")
    if mvn is None:
        raise StoreError("Maven (mvn) is needed to fetch Apache Jena Fuseki; install maven")
    state_dir.mkdir(parents=True, exist_ok=True)
    pom = state_dir / "pom.xml"  # a copy: Maven never writes next to the package
    pom.write_bytes(pom_bytes)
    scratch = state_dir / f"classpath-{digest}.tmp"
    result = subprocess.run(
        [mvn, "-q", "-B", "-f", str(pom), "dependency:build-classpath", f"-Dmdep.outputFile={scratch}", "-Dmdep.includeScope=runtime"],
        cwd=state_dir, stdin=subprocess.DEVNULL, capture_output=True, text=True, check=False,
    )
    if result.returncode != 0 or not scratch.exists():
        tail = "\n".join((result.stdout + result.stderr).strip().splitlines()[-15:])
        raise StoreError(f"Maven could not resolve Apache Jena Fuseki:\n{tail}")
    found = scratch.read_text(encoding="utf-8").strip()
    scratch.replace(cache)
    return found


def free_port() -> int:
    """A TCP port on 127.0.0.1 that is free right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


def start(data: Path, state_dir: Path, port: int | None = None, timeout: float = 120.0) -> LocalFuseki:
    """Start Fuseki on loopback serving ``data`` (Turtle, N-Triples, N-Quads, TriG) read-only.

    The dataset is in memory; SERVICE is refused (``arq:httpServiceAllowed=false``) and
    each query is stopped after 60 s.

    Raises:
        StoreError: Java or Maven is missing, or the server did not answer in time.
    """
    state_dir = Path(state_dir)
    state_dir.mkdir(parents=True, exist_ok=True)
    java = shutil.which("java")
    if java is None:
        raise StoreError("Java 17 or later is needed to run Apache Jena Fuseki; install a JDK")
    port = port or free_port()
    argfile = state_dir / "classpath.args"
    argfile.write_text('-cp "' + classpath(state_dir).replace("\\", "\\\\").replace('"', '\\"') + '"\n', encoding="utf-8")
    command = [
        java, f"-Xmx{HEAP_MAX}", f"@{argfile}", MAIN_CLASS,
        "--localhost", f"--port={port}", f"--file={Path(data).resolve()}", "--timeout=60000",
        "--set", "arq:httpServiceAllowed=false", "--no-cors", "--ping", f"/{DATASET}",
    ]
    log = open(state_dir / "fuseki.log", "wb")  # noqa: SIM115 - the server's stdout for its lifetime
    process = subprocess.Popen(command, cwd=state_dir, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    log.close()
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
