"""A real, local Neo4j Community server that govkg brings along.

The server's jars come from Maven Central (``server/pom.xml`` beside this
module, resolved with ``mvn``) and run as a background JVM on the loopback
interface only. Everything the server writes (configuration, data, logs, the
password, the pid file) lives in a state directory, never in the source tree.
The state directory is 0700 and what is written in it 0600 (0700 for folders;
the server and the admin tool run with umask 077), so other local users can read
neither the graph nor the password.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import secrets
import signal
import socket
import stat
import subprocess
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from string import Template

from neo4j import GraphDatabase
from neo4j.exceptions import AuthError, Neo4jError, ServiceUnavailable, SessionExpired

from govkg.errors import StoreError
from govkg.graph import jvm
from govkg.graph.jvm import (  # free_port: callers pick the server's ports with it
    HOST, UMASK, classpath_argfile, free_port, java, make_private_dir, write_private,  # noqa: F401
)

USERNAME = "neo4j"
"""The Neo4j user the server's password belongs to."""

MAIN_CLASS = "org.neo4j.server.CommunityEntryPoint"
HEAP_INITIAL = "256m"
HEAP_MAX = "1g"
PAGE_CACHE = "256m"
MIN_PASSWORD_LENGTH = 8  # Neo4j 5 refuses shorter passwords.

# Neo4j 5's own neo4j.conf flags for Java 17 (less -XX:+AlwaysPreTouch, which
# would commit the whole heap at once), plus a bounded heap.
JVM_FLAGS: tuple[str, ...] = (
    f"-Xms{HEAP_INITIAL}",
    f"-Xmx{HEAP_MAX}",
    "-XX:+UseG1GC",
    "-XX:-OmitStackTraceInFastThrow",
    "-XX:+UnlockExperimentalVMOptions",
    "-XX:+TrustFinalNonStaticFields",
    "-XX:+DisableExplicitGC",
    "-XX:+ExitOnOutOfMemoryError",
    "-Djdk.nio.maxCachedBufferSize=1024",
    "-Dio.netty.tryReflectionSetAccessible=true",
    "-Djdk.tls.ephemeralDHKeySize=2048",
    "-Djdk.tls.rejectClientInitiatedRenegotiation=true",
    "-XX:FlightRecorderOptions=stackdepth=256",
    "-XX:+UnlockDiagnosticVMOptions",
    "-XX:+DebugNonSafepoints",
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "--enable-native-access=ALL-UNNAMED",
    "-Dlog4j2.disable.jmx=true",
    "-Dlog4j.layout.jsonTemplate.maxStringLength=32768",
    "-Dfile.encoding=UTF-8",
)

_INITIAL_PASSWORD = "neo4j"  # what a fresh Neo4j store accepts, once
_PID_FILE = "server.json"
_CONSOLE_LOG = "console.log"
_PASSWORD_FILE = "password"
ADMIN_MAIN_CLASS = "org.neo4j.cli.AdminTool"
"""Entry point of ``neo4j-admin`` in Neo4j 5 (in ``neo4j-command-line``, with the import tool beside it)."""


@dataclass(frozen=True)
class LocalNeo4j:
    """A running local Neo4j server.

    Attributes:
        state_dir: Directory holding its configuration, data, logs and password.
        bolt_port: Bolt port on 127.0.0.1.
        http_port: HTTP port on 127.0.0.1 (Browser, HTTP API).
        pid: Process id of the server's JVM, if known.
    """

    state_dir: Path
    bolt_port: int
    http_port: int
    pid: int | None

    @property
    def bolt_uri(self) -> str:
        """Bolt URI to hand to the Neo4j driver."""
        return f"bolt://{HOST}:{self.bolt_port}"

    @property
    def browser_url(self) -> str:
        """URL of Neo4j Browser."""
        return f"http://{HOST}:{self.http_port}/browser/"


def default_state_dir() -> Path:
    """Return the default state directory of the local server.

    Returns:
        ``$GOVKG_HOME/neo4j`` if ``GOVKG_HOME`` is set, else
        ``$XDG_STATE_HOME/govkg/neo4j`` (``~/.local/state/govkg/neo4j``).
    """
    home = os.environ.get("GOVKG_HOME")
    if home:
        return Path(home).expanduser() / "neo4j"
    state = os.environ.get("XDG_STATE_HOME") or str(Path.home() / ".local" / "state")
    return Path(state).expanduser() / "govkg" / "neo4j"


def password(state_dir: Path) -> str:
    """Return the server's password, creating it on first use.

    ``NEO4J_PASSWORD`` wins if set; otherwise the password kept in
    ``state_dir/password`` (mode 0600), generated at random when the server has
    never run. A server whose password was set from ``NEO4J_PASSWORD`` has no such
    file, and none is made up later: that would not match.

    Args:
        state_dir: The server's state directory.

    Returns:
        The password of the ``neo4j`` user.

    Raises:
        StoreError: The password is shorter than Neo4j allows, or the server was
            started with ``NEO4J_PASSWORD`` and the variable is not set now.
    """
    from_env = os.environ.get("NEO4J_PASSWORD")
    if from_env:
        if len(from_env) < MIN_PASSWORD_LENGTH:
            raise StoreError(
                f"NEO4J_PASSWORD must have at least {MIN_PASSWORD_LENGTH} characters"
            )
        return from_env
    state_dir = Path(state_dir)
    path = state_dir / _PASSWORD_FILE
    if not path.exists():
        if _has_users(state_dir):
            raise StoreError(
                f"the Neo4j server in {state_dir} was given its password with NEO4J_PASSWORD "
                f"(there is no {path}): set NEO4J_PASSWORD to that password"
            )
        make_private_dir(state_dir)
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            pass  # another process created it just now
        else:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(secrets.token_urlsafe(24) + "\n")
    os.chmod(path, 0o600)
    secret = path.read_text(encoding="utf-8").strip()
    if len(secret) < MIN_PASSWORD_LENGTH:
        raise StoreError(f"{path} holds a password shorter than {MIN_PASSWORD_LENGTH} characters")
    return secret


def password_source(state_dir: Path) -> str:
    """Where :func:`password` takes the password from, to tell the user ("NEO4J_PASSWORD" or the file)."""
    if os.environ.get("NEO4J_PASSWORD"):
        return "NEO4J_PASSWORD"
    return str(Path(state_dir) / _PASSWORD_FILE)


def _has_users(state_dir: Path) -> bool:
    """Whether the server has run here (its system database, which holds the password, exists)."""
    return (state_dir / "data" / "databases" / "system").exists()


def _make_private(state_dir: Path) -> None:
    """Take group and other permissions off everything in the state directory (stores from before 0600)."""
    os.chmod(state_dir, 0o700)
    for root, dirs, files in os.walk(state_dir):
        for name in dirs + files:
            target = Path(root) / name
            with contextlib.suppress(OSError):
                mode = target.lstat().st_mode
                if not stat.S_ISLNK(mode) and mode & 0o077:
                    os.chmod(target, stat.S_IMODE(mode) & 0o700)


def resolve_classpath(
    progress: Callable[[str], None] | None = None, state_dir: Path | None = None
) -> str:
    """Return the server's Java classpath (cached in ``STATE_DIR/maven``), resolving it with Maven if needed.

    Raises:
        StoreError: Maven is missing or could not resolve the server.
    """
    state_dir = make_private_dir(Path(state_dir) if state_dir else default_state_dir())
    return jvm.resolve_classpath("server", state_dir / "maven", "the local Neo4j server", progress)


def status(state_dir: Path | None = None) -> LocalNeo4j | None:
    """Return the server running from a state directory, if any.

    Args:
        state_dir: The server's state directory; the default one if None.

    Returns:
        The server if its process is alive and its Bolt port accepts
        connections, else None.
    """
    state_dir = (Path(state_dir) if state_dir else default_state_dir()).resolve()
    info = _read_pid_file(state_dir)
    if info is None or not _is_our_server(info.pid, state_dir):
        return None
    return info if _port_open(info.bolt_port) else None


def start(
    state_dir: Path | None = None,
    bolt_port: int = 7687,
    http_port: int = 7474,
    timeout: float = 180.0,
    progress: Callable[[str], None] | None = None,
) -> LocalNeo4j:
    """Start the local server in the background, or return the running one.

    Args:
        state_dir: The server's state directory; the default one if None.
        bolt_port: Bolt port on 127.0.0.1.
        http_port: HTTP port on 127.0.0.1.
        timeout: Seconds to wait for Bolt to answer (Maven's resolve excluded).
        progress: Called with a short message before a slow step.

    Returns:
        The running server, answering Bolt with :func:`password`.

    Raises:
        StoreError: A port is taken, the password does not match the store,
            or the server died or did not answer in time.
    """
    state_dir = make_private_dir((Path(state_dir) if state_dir else default_state_dir()).resolve())
    with _locked(state_dir):
        secret = password(state_dir)
        running = _read_pid_file(state_dir)
        if running is not None and _is_our_server(running.pid, state_dir):
            _wait_ready(running, secret, time.monotonic() + timeout, None, progress)
            return running
        _remove_pid_file(state_dir)
        if bolt_port == http_port:
            raise StoreError("the Bolt and HTTP ports must differ")
        for port in (bolt_port, http_port):
            if not _port_free(port):
                raise StoreError(f"port {HOST}:{port} is already in use; choose another port")
        classpath = resolve_classpath(progress, state_dir)
        from govkg.graph.browser_guide import install_web_bundle  # Browser + the govkg guide, served at /browser

        install_web_bundle(state_dir, classpath, f"http://{HOST}:{http_port}/browser/")
        process = _launch(state_dir, classpath, bolt_port, http_port)
        server = LocalNeo4j(state_dir, bolt_port, http_port, process.pid)
        _write_pid_file(server)
        if progress:
            progress(f"Starting Neo4j on {server.bolt_uri}")
        try:
            _wait_ready(server, secret, time.monotonic() + timeout, process, progress)
        except BaseException:
            _terminate(process.pid, 30.0)
            _remove_pid_file(state_dir)
            raise
        return server


def stop(state_dir: Path | None = None, timeout: float = 60.0) -> bool:
    """Stop the server running from a state directory.

    Sends SIGTERM, waits for a clean shutdown and sends SIGKILL only after
    ``timeout`` seconds.

    Args:
        state_dir: The server's state directory; the default one if None.
        timeout: Seconds to wait for a clean shutdown.

    Returns:
        Whether a server was running.
    """
    state_dir = (Path(state_dir) if state_dir else default_state_dir()).resolve()
    if not state_dir.exists():
        return False
    with _locked(state_dir):
        info = _read_pid_file(state_dir)
        was_running = info is not None and _is_our_server(info.pid, state_dir)
        if was_running and info is not None and info.pid is not None:
            _terminate(info.pid, timeout)
        _remove_pid_file(state_dir)
        return was_running


# -- internals ---------------------------------------------------------------


@contextlib.contextmanager
def _locked(state_dir: Path) -> Iterator[None]:
    """Hold an exclusive lock on the state directory (start/stop exclusion)."""
    fd = os.open(state_dir / ".lock", os.O_RDWR | os.O_CREAT, 0o600)
    with os.fdopen(fd, "r+b") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def run_admin(state_dir: Path, arguments: list[str], timeout: float = 3600.0) -> subprocess.CompletedProcess[str]:
    """Run ``neo4j-admin ARGUMENTS`` on the store of ``state_dir`` (its server stopped), from the server's jars.

    Returns:
        The finished process, its output captured as text.

    Raises:
        StoreError: Java or Maven is missing, or the tool ran longer than ``timeout`` seconds.
    """
    state_dir = make_private_dir(Path(state_dir).resolve())
    conf = _write_config(state_dir, 7687, 7474)  # ports are rewritten by the next start
    classpath = resolve_classpath(state_dir=state_dir)
    run_dir = state_dir / "run"
    make_private_dir(run_dir)
    argfile = classpath_argfile(run_dir / "admin-classpath.args", classpath)
    env = {**os.environ, "NEO4J_HOME": str(state_dir), "NEO4J_CONF": str(conf)}
    command = [java("the local Neo4j server"), f"-Xmx{HEAP_MAX}", f"@{argfile}", ADMIN_MAIN_CLASS, *arguments]
    try:
        return subprocess.run(command, cwd=state_dir, env=env, stdin=subprocess.DEVNULL, capture_output=True,
                              text=True, timeout=timeout, check=False, umask=UMASK)
    except subprocess.TimeoutExpired:
        raise StoreError(f"neo4j-admin did not finish in {timeout:.0f} s") from None


def _write_config(state_dir: Path, bolt_port: int, http_port: int) -> Path:
    """Write ``conf/neo4j.conf`` from the packaged template."""
    template = (resources.files("govkg.graph") / "server" / "neo4j.conf").read_text("utf-8")
    conf_dir = state_dir / "conf"
    make_private_dir(conf_dir)
    text = Template(template).substitute(
        bolt_port=bolt_port, http_port=http_port, page_cache=PAGE_CACHE
    )
    write_private(conf_dir / "neo4j.conf", text)
    return conf_dir


def _launch(
    state_dir: Path, classpath: str, bolt_port: int, http_port: int
) -> subprocess.Popen[bytes]:
    """Start the server's JVM, detached, logging to ``logs/console.log``."""
    conf_dir = _write_config(state_dir, bolt_port, http_port)
    logs = state_dir / "logs"
    make_private_dir(logs)
    run_dir = state_dir / "run"
    make_private_dir(run_dir)
    argfile = classpath_argfile(run_dir / "classpath.args", classpath)
    command = [
        java("the local Neo4j server"), *JVM_FLAGS, f"@{argfile}", MAIN_CLASS,
        f"--home-dir={state_dir}", f"--config-dir={conf_dir}",
    ]
    fd = os.open(logs / _CONSOLE_LOG, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as console:
        return subprocess.Popen(
            command, cwd=state_dir, stdin=subprocess.DEVNULL, stdout=console,
            stderr=subprocess.STDOUT, start_new_session=True, close_fds=True, umask=UMASK,
        )


def _wait_ready(
    server: LocalNeo4j,
    secret: str,
    deadline: float,
    process: subprocess.Popen[bytes] | None,
    progress: Callable[[str], None] | None,
) -> None:
    """Wait until the server answers Bolt with ``secret``; set it on a fresh store."""
    while True:
        if process is not None and process.poll() is not None:
            raise StoreError(
                f"Neo4j exited with code {process.returncode} while starting\n"
                + _log_tail(server.state_dir)
            )
        if process is None and not _is_our_server(server.pid, server.state_dir):
            raise StoreError("Neo4j stopped while starting\n" + _log_tail(server.state_dir))
        if time.monotonic() > deadline:
            raise StoreError(
                f"Neo4j did not answer on {server.bolt_uri} in time\n" + _log_tail(server.state_dir)
            )
        if _port_open(server.bolt_port):
            try:
                with GraphDatabase.driver(
                    server.bolt_uri, auth=(USERNAME, secret), connection_timeout=5.0
                ) as driver:
                    driver.execute_query("RETURN 1")
                return
            except AuthError:
                # A fresh store only knows the initial password: replace it.
                if not _set_initial_password(server, secret, progress):
                    raise StoreError(
                        f"Neo4j in {server.state_dir} refused the password (it was set "
                        "earlier with another one: restore it or set NEO4J_PASSWORD)"
                    ) from None
                continue
            except (ServiceUnavailable, SessionExpired, OSError, Neo4jError):
                pass  # still starting
        time.sleep(0.25)


def _set_initial_password(
    server: LocalNeo4j, secret: str, progress: Callable[[str], None] | None = None
) -> bool:
    """Replace a fresh store's initial password; return False if not fresh."""
    if progress:
        progress("Setting the password of the new Neo4j store")
    try:
        with GraphDatabase.driver(
            server.bolt_uri, auth=(USERNAME, _INITIAL_PASSWORD), connection_timeout=5.0
        ) as driver:
            with driver.session(database="system") as session:
                session.run(
                    "ALTER CURRENT USER SET PASSWORD FROM $old TO $new",
                    old=_INITIAL_PASSWORD, new=secret,
                ).consume()
    except AuthError:
        return False
    return True


def _log_tail(state_dir: Path, lines: int = 25) -> str:
    """Return the last lines of the server's logs, for error messages."""
    parts = []
    for name in (_CONSOLE_LOG, "neo4j.log"):
        path = state_dir / "logs" / name
        if path.exists():
            text = path.read_text(encoding="utf-8", errors="replace").strip().splitlines()
            if text:
                parts.append(f"--- {path} (last lines) ---\n" + "\n".join(text[-lines:]))
    return "\n".join(parts) or f"(no log in {state_dir / 'logs'})"


def _read_pid_file(state_dir: Path) -> LocalNeo4j | None:
    """Read the pid file, or None if missing or unreadable."""
    try:
        data = json.loads((state_dir / _PID_FILE).read_text(encoding="utf-8"))
        return LocalNeo4j(
            state_dir=state_dir,
            bolt_port=int(data["bolt_port"]),
            http_port=int(data["http_port"]),
            pid=int(data["pid"]) if data.get("pid") is not None else None,
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _write_pid_file(server: LocalNeo4j) -> None:
    """Write the pid file atomically."""
    path = server.state_dir / _PID_FILE
    scratch = path.with_suffix(".tmp")
    write_private(scratch, json.dumps({"pid": server.pid, "bolt_port": server.bolt_port,
                                        "http_port": server.http_port, "started": time.time()}))
    scratch.replace(path)


def _remove_pid_file(state_dir: Path) -> None:
    """Remove the pid file if present."""
    with contextlib.suppress(FileNotFoundError):
        (state_dir / _PID_FILE).unlink()


def _alive(pid: int) -> bool:
    """Whether ``pid`` is a live (not zombie) process; reaps it if our child."""
    with contextlib.suppress(ChildProcessError, OSError):
        done, _ = os.waitpid(pid, os.WNOHANG)
        if done == pid:
            return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return True
    if stat.rpartition(")")[2].split()[0] != "Z":
        return True
    with contextlib.suppress(ChildProcessError, OSError):
        os.waitpid(pid, 0)  # a zombie child of ours: reap it now
    return False


def _is_our_server(pid: int | None, state_dir: Path) -> bool:
    """Whether ``pid`` is alive and is the server of ``state_dir``."""
    if pid is None or not _alive(pid):
        return False
    try:
        args = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    except OSError:
        return True  # no /proc: trust the pid file
    return MAIN_CLASS.encode() in args and f"--home-dir={state_dir}".encode() in args


def _terminate(pid: int, timeout: float) -> None:
    """SIGTERM ``pid``, then SIGKILL it if it outlives ``timeout`` seconds."""
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGTERM)
    deadline = time.monotonic() + timeout
    while _alive(pid):
        if time.monotonic() > deadline:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
            kill_deadline = time.monotonic() + 10.0
            while _alive(pid) and time.monotonic() < kill_deadline:
                time.sleep(0.1)
            return
        time.sleep(0.1)


def _port_open(port: int) -> bool:
    """Whether something accepts TCP connections on 127.0.0.1:port."""
    try:
        with socket.create_connection((HOST, port), timeout=1.0):
            return True
    except OSError:
        return False


def _port_free(port: int) -> bool:
    """Whether 127.0.0.1:port can be bound (no listener there)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((HOST, port))
        except OSError:
            return False
    return True
