"""The project's own local Neo4j server, tested for real (no mocks)."""

from __future__ import annotations

import socket
import stat
import time
import urllib.request
from pathlib import Path
from types import SimpleNamespace

import pytest
from neo4j import GraphDatabase
from neo4j.exceptions import AuthError

from govkg.errors import StoreError
from govkg.graph import local_neo4j

LOOPBACK_HEX = {"0100007F", "0000000000000000FFFF00000100007F", "00000000000000000000000001000000"}


def _listening_addresses(port: int) -> set[str]:
    """Local addresses (hex, as in /proc/net/tcp*) of sockets listening on ``port``."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        path = Path(table)
        if not path.exists():
            continue
        for line in path.read_text().splitlines()[1:]:
            fields = line.split()
            address, port_hex = fields[1].split(":")
            if fields[3] == "0A" and int(port_hex, 16) == port:  # 0A = LISTEN
                found.add(address)
    return found


@pytest.mark.neo4j
def test_bolt_answers_with_the_password(neo4j_server: SimpleNamespace) -> None:
    with GraphDatabase.driver(neo4j_server.uri, auth=neo4j_server.auth) as driver:
        records, _, _ = driver.execute_query("RETURN 1 AS one", database_=neo4j_server.database)
    assert records[0]["one"] == 1


@pytest.mark.neo4j
def test_listens_on_loopback_only(neo4j_server: SimpleNamespace) -> None:
    server = neo4j_server.server
    for port in (server.bolt_port, server.http_port):
        with socket.create_connection(("127.0.0.1", port), timeout=5):
            pass
        addresses = _listening_addresses(port)
        if Path("/proc/net/tcp").exists():
            assert addresses and addresses <= LOOPBACK_HEX, addresses
    with GraphDatabase.driver(neo4j_server.uri, auth=neo4j_server.auth) as driver:
        records, _, _ = driver.execute_query(
            "SHOW SETTINGS YIELD name, value WHERE name IN $names RETURN name, value",
            names=["server.default_listen_address", "server.bolt.listen_address",
                   "server.http.listen_address", "server.https.enabled",
                   "dbms.security.auth_enabled", "dbms.usage_report.enabled"],
            database_=neo4j_server.database,
        )
    settings = {record["name"]: record["value"] for record in records}
    assert settings["server.default_listen_address"] == "127.0.0.1"
    assert settings["server.bolt.listen_address"] == f"127.0.0.1:{server.bolt_port}"
    assert settings["server.http.listen_address"] == f"127.0.0.1:{server.http_port}"
    assert settings["server.https.enabled"] == "false"
    assert settings["dbms.security.auth_enabled"] == "true"
    assert settings["dbms.usage_report.enabled"] == "false"


@pytest.mark.neo4j
def test_browser_is_served(neo4j_server: SimpleNamespace) -> None:
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    with opener.open(neo4j_server.server.browser_url, timeout=10) as response:
        assert response.status == 200
        assert "text/html" in response.headers.get("Content-Type", "")
        body = response.read().decode("utf-8", errors="replace")
    assert "<title>Neo4j Browser</title>" in body


@pytest.mark.neo4j
def test_wrong_password_is_refused(neo4j_server: SimpleNamespace) -> None:
    wrong = (neo4j_server.username, "not-the-password")
    with GraphDatabase.driver(neo4j_server.uri, auth=wrong) as driver:
        with pytest.raises(AuthError):
            driver.verify_connectivity()


@pytest.mark.neo4j
def test_status_and_second_start_return_the_running_server(neo4j_server: SimpleNamespace) -> None:
    server = neo4j_server.server
    assert local_neo4j.status(server.state_dir) == server
    begun = time.monotonic()
    again = local_neo4j.start(
        server.state_dir, bolt_port=server.bolt_port, http_port=server.http_port
    )
    assert again == server
    assert time.monotonic() - begun < 10


@pytest.mark.neo4j
def test_server_files_stay_in_the_state_dir(neo4j_server: SimpleNamespace) -> None:
    state_dir = neo4j_server.server.state_dir
    for name in ("conf/neo4j.conf", "data", "logs/neo4j.log", "server.json"):
        assert (state_dir / name).exists(), name
    password_file = state_dir / "password"
    if password_file.exists():
        assert stat.S_IMODE(password_file.stat().st_mode) == 0o600
    for log in (state_dir / "logs").glob("*.log"):
        assert neo4j_server.password not in log.read_text(errors="replace"), log


@pytest.mark.neo4j
def test_stop_ends_the_process_and_a_wrong_password_store_is_refused(
    neo4j_server: SimpleNamespace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("NEO4J_PASSWORD", raising=False)
    ports = {"bolt_port": local_neo4j.free_port(), "http_port": local_neo4j.free_port()}
    server = local_neo4j.start(tmp_path, **ports)
    try:
        assert server.pid is not None and server.pid != neo4j_server.server.pid
    finally:
        assert local_neo4j.stop(tmp_path) is True
    assert not Path(f"/proc/{server.pid}").exists()
    assert local_neo4j.status(tmp_path) is None
    assert local_neo4j.stop(tmp_path) is False
    assert not (tmp_path / "server.json").exists()

    monkeypatch.setenv("NEO4J_PASSWORD", "another-password")
    with pytest.raises(StoreError, match="refused the password"):
        local_neo4j.start(tmp_path, **ports)
    assert local_neo4j.status(tmp_path) is None
    assert not (tmp_path / "server.json").exists()


def test_port_in_use_is_a_clear_error(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with pytest.raises(StoreError, match=f"127.0.0.1:{port} is already in use"):
            local_neo4j.start(tmp_path, bolt_port=port, http_port=local_neo4j.free_port())
    assert not (tmp_path / "server.json").exists()


def test_password_is_generated_once_with_mode_0600(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("NEO4J_PASSWORD", raising=False)
    first = local_neo4j.password(tmp_path)
    assert len(first) >= 8
    assert stat.S_IMODE((tmp_path / "password").stat().st_mode) == 0o600
    assert local_neo4j.password(tmp_path) == first
    monkeypatch.setenv("NEO4J_PASSWORD", "from-the-environment")
    assert local_neo4j.password(tmp_path) == "from-the-environment"
    monkeypatch.setenv("NEO4J_PASSWORD", "short")
    with pytest.raises(StoreError):
        local_neo4j.password(tmp_path)


def test_no_password_is_made_up_for_a_store_that_has_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A server first started with NEO4J_PASSWORD has users but no password file: a new random one would not match."""
    monkeypatch.delenv("NEO4J_PASSWORD", raising=False)
    (tmp_path / "data" / "databases" / "system").mkdir(parents=True)
    with pytest.raises(StoreError, match="set NEO4J_PASSWORD"):
        local_neo4j.password(tmp_path)
    assert not (tmp_path / "password").exists()
    assert local_neo4j.password_source(tmp_path) == str(tmp_path / "password")
    monkeypatch.setenv("NEO4J_PASSWORD", "the-one-it-was-given")
    assert local_neo4j.password(tmp_path) == "the-one-it-was-given"
    assert local_neo4j.password_source(tmp_path) == "NEO4J_PASSWORD"


def test_default_state_dir_honours_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GOVKG_HOME", str(tmp_path / "home"))
    assert local_neo4j.default_state_dir() == tmp_path / "home" / "neo4j"
    monkeypatch.delenv("GOVKG_HOME")
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    assert local_neo4j.default_state_dir() == tmp_path / "state" / "govkg" / "neo4j"
    monkeypatch.delenv("XDG_STATE_HOME")
    assert local_neo4j.default_state_dir() == Path.home() / ".local" / "state" / "govkg" / "neo4j"


def test_uris_point_at_loopback() -> None:
    server = local_neo4j.LocalNeo4j(Path("/nowhere"), 7687, 7474, None)
    assert server.bolt_uri == "bolt://127.0.0.1:7687"
    assert server.browser_url == "http://127.0.0.1:7474/browser/"
