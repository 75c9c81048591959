"""What the two local JVM servers (Neo4j and Fuseki) share: jars from Maven, private folders, loopback ports.

Both servers' jars come from Maven Central through a pom beside this module; the classpath
Maven resolves is cached under a hash of the pom, so only a first start (or a changed pom,
or a wiped ``~/.m2``) runs Maven. What govkg writes for a server is private to the user:
folders 0700, files 0600 (Maven and the servers run with umask 077).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import socket
import subprocess
from collections.abc import Callable
from importlib import resources
from pathlib import Path

from govkg.errors import StoreError

HOST = "127.0.0.1"
"""The only interface the servers govkg starts listen on."""

UMASK = 0o077
"""The umask of Maven and of the servers' processes: what they write only the user may read."""


def make_private_dir(path: Path) -> Path:
    """Create ``path`` (and parents) if needed and make it 0700: only its owner may enter."""
    path.mkdir(parents=True, exist_ok=True)
    os.chmod(path, 0o700)
    return path


def write_private(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` as a 0600 file, never readable by others in between."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.fchmod(fd, 0o600)  # also when the file existed with another mode
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(text)


def free_port() -> int:
    """Return a TCP port on the loopback interface that is free right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


def java(server: str) -> str:
    """Return the java executable (``$JAVA_HOME/bin/java`` first) to run ``server`` with.

    Raises:
        StoreError: no Java is installed.
    """
    java_home = os.environ.get("JAVA_HOME")
    if java_home and (Path(java_home) / "bin" / "java").exists():
        return str(Path(java_home) / "bin" / "java")
    found = shutil.which("java")
    if found is None:
        raise StoreError(f"Java 17 or later is needed to run {server}; install a JDK")
    return found


def classpath_argfile(path: Path, classpath: str) -> Path:
    """Write the classpath as a private Java ``@argfile`` (which keeps ``ps`` readable) and return its path."""
    quoted = classpath.replace("\\", "\\\\").replace('"', '\\"')
    write_private(path, f'-cp "{quoted}"\n')
    return path


def resolve_classpath(
    pom_folder: str, cache_dir: Path, server: str, progress: Callable[[str], None] | None = None
) -> str:
    """Return the classpath of the pom in ``govkg.graph/<pom_folder>``, resolving it with Maven if needed.

    Args:
        pom_folder: The package folder holding ``pom.xml`` (``server``, ``fuseki``).
        cache_dir: Where the pom's copy and the cached classpath live (made private).
        server: The server's name, for messages.
        progress: Called with a short message before Maven runs.

    Returns:
        The classpath (jar paths joined by ``os.pathsep``).

    Raises:
        StoreError: Maven is missing or could not resolve the server.
    """
    pom_bytes = (resources.files("govkg.graph") / pom_folder / "pom.xml").read_bytes()
    digest = hashlib.sha256(pom_bytes).hexdigest()[:16]
    cache = cache_dir / f"classpath-{digest}.txt"
    if cache.exists():
        cached = cache.read_text(encoding="utf-8").strip()
        if cached and all(Path(jar).exists() for jar in cached.split(os.pathsep)):
            return cached
    mvn = shutil.which("mvn")
    if mvn is None:
        raise StoreError(f"Maven (mvn) is needed to fetch {server}; install maven")
    make_private_dir(cache_dir)
    pom = cache_dir / "pom.xml"  # a copy: Maven never writes next to the package
    pom.write_bytes(pom_bytes)
    os.chmod(pom, 0o600)
    if progress:
        progress(f"Resolving {server} with Maven (the first time may take minutes)")
    scratch = cache_dir / f"classpath-{digest}.tmp"
    result = subprocess.run(
        [mvn, "-q", "-B", "-f", str(pom), "dependency:build-classpath",
         f"-Dmdep.outputFile={scratch}", "-Dmdep.includeScope=runtime"],
        cwd=cache_dir, stdin=subprocess.DEVNULL, capture_output=True, text=True, check=False, umask=UMASK,
    )
    if result.returncode != 0 or not scratch.exists():
        tail = "\n".join((result.stdout + result.stderr).strip().splitlines()[-15:])
        raise StoreError(f"Maven could not resolve {server}:\n{tail}")
    classpath = scratch.read_text(encoding="utf-8").strip()
    scratch.replace(cache)
    return classpath
