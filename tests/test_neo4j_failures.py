"""Failures of a real local Neo4j reported as what they are, within seconds (a server of this file's own).

The password set from NEO4J_PASSWORD, a user locked after wrong passwords and a server
killed mid-load all need a server the other tests do not share.
"""

from __future__ import annotations

import os
import signal
import stat
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace

import pytest
from click.testing import CliRunner

from govkg.cli import cli
from govkg.errors import StoreError, StoreUnavailable
from govkg.graph import local_neo4j
from govkg.graph.neo4j_store import Connection, open_store
from reports import SEED, seed

pytestmark = pytest.mark.neo4j

SECRET = "from-the-environment-1"


@pytest.fixture(scope="module")
def own_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SimpleNamespace]:
    """A server started by `govkg neo4j start` with NEO4J_PASSWORD set; stopped (or found dead) at the end."""
    state = tmp_path_factory.mktemp("own-neo4j")
    os.chmod(state, 0o755)  # as an older govkg left it
    bolt, http = local_neo4j.free_port(), local_neo4j.free_port()
    while http == bolt:
        http = local_neo4j.free_port()
    started = CliRunner().invoke(cli, ["neo4j", "start", "--state-dir", str(state), "--bolt-port", str(bolt),
                                       "--http-port", str(http)], env={"NEO4J_PASSWORD": SECRET})
    try:
        if started.exit_code != 0:
            if os.environ.get("CI") == "true":
                pytest.fail(started.output, pytrace=False)
            pytest.skip(f"the local Neo4j server could not start: {started.output}")
        server = local_neo4j.status(state)
        assert server is not None
        yield SimpleNamespace(state=state, server=server, output=started.output,
                              connection=Connection(server.bolt_uri, "neo4j", SECRET, "neo4j"))
    finally:
        local_neo4j.stop(state)


def test_start_names_where_the_password_is(own_server: SimpleNamespace) -> None:
    assert "password: NEO4J_PASSWORD" in own_server.output
    assert "password in" not in own_server.output
    assert not (own_server.state / "password").exists()


def test_without_the_variable_no_password_is_made_up(own_server: SimpleNamespace, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NEO4J_PASSWORD", raising=False)
    with pytest.raises(StoreError, match="NEO4J_PASSWORD"):
        local_neo4j.password(own_server.state)
    assert not (own_server.state / "password").exists()
    env = {"NEO4J_PASSWORD": None, "NEO4J_URI": None}
    result = CliRunner().invoke(cli, ["query", "cross_border_points", "--state-dir", str(own_server.state)], env=env)
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert result.output.count("\n") == 1 and "set NEO4J_PASSWORD" in result.output
    assert not (own_server.state / "password").exists()
    monkeypatch.setenv("NEO4J_PASSWORD", SECRET)
    with open_store(own_server.connection) as store:  # the server still has the password it was given
        assert store.run("RETURN 1 AS one") == [{"one": 1}]


def test_state_dir_is_0700_and_what_the_server_writes_is_private(own_server: SimpleNamespace) -> None:
    with open_store(own_server.connection) as store:
        store.load(seed())  # the store files exist and have been written
    assert stat.S_IMODE(own_server.state.stat().st_mode) == 0o700
    checked = 0
    for root, dirs, files in os.walk(own_server.state):
        for name in dirs + files:
            mode = (Path(root) / name).lstat().st_mode
            if stat.S_ISLNK(mode):
                continue
            assert stat.S_IMODE(mode) & 0o077 == 0, (Path(root) / name, oct(mode))
            checked += 1
    assert checked > 20
    store_files = list((own_server.state / "data" / "databases" / "neo4j").iterdir())
    assert store_files and all(stat.S_IMODE(p.stat().st_mode) in (0o600, 0o700) for p in store_files)


def test_a_locked_user_is_reported_as_locked(own_server: SimpleNamespace) -> None:
    wrong = Connection(own_server.server.bolt_uri, "neo4j", "not-" + SECRET, "neo4j")
    messages = []
    for _ in range(4):
        with pytest.raises(StoreUnavailable) as caught:
            open_store(wrong)
        messages.append(str(caught.value))
    assert "refused the credentials" in messages[0]
    assert "locked user 'neo4j' after too many wrong passwords" in messages[-1]
    assert all("cannot reach" not in m and SECRET not in m for m in messages)
    with pytest.raises(StoreUnavailable, match="locked user"):  # even with the right password, for a few seconds
        open_store(own_server.connection)
    time.sleep(6)  # dbms.security.auth_lock_time: 5 s by default
    with open_store(own_server.connection) as store:
        assert store.run("RETURN 1 AS one") == [{"one": 1}]


def test_a_server_killed_mid_load_is_reported_within_seconds(own_server: SimpleNamespace) -> None:
    """Runs last: it kills the module's server."""
    report = seed()
    outcome: dict[str, object] = {}

    def keep_loading() -> None:
        try:
            with open_store(own_server.connection) as store:
                while True:
                    store.load(report, batch_size=20)  # many statements per transaction
                    outcome.setdefault("loaded", True)
        except StoreError as error:
            outcome["error"], outcome["at"] = error, time.monotonic()

    loader = threading.Thread(target=keep_loading, daemon=True)
    loader.start()
    deadline = time.monotonic() + 120
    while "loaded" not in outcome and "error" not in outcome and time.monotonic() < deadline:
        time.sleep(0.2)
    assert outcome.get("loaded"), outcome
    time.sleep(0.5)
    assert own_server.server.pid is not None
    os.kill(own_server.server.pid, signal.SIGKILL)
    killed = time.monotonic()
    loader.join(30)
    assert not loader.is_alive()
    assert isinstance(outcome["error"], StoreUnavailable)
    assert "cannot reach Neo4j" in str(outcome["error"]) and "\n" not in str(outcome["error"])
    assert float(outcome["at"]) - killed < 10  # type: ignore[arg-type]
    # A command run now says so at once too.
    began = time.monotonic()
    result = CliRunner().invoke(cli, ["load", str(SEED), "--uri", own_server.server.bolt_uri], env={"NEO4J_PASSWORD": SECRET})
    assert result.exit_code == 1 and "cannot reach Neo4j" in result.output and "Traceback" not in result.output
    assert time.monotonic() - began < 10
