"""Shared fixtures: one real local Neo4j server for the whole test session."""

from __future__ import annotations

import os
from collections.abc import Iterator
from types import SimpleNamespace

import pytest


@pytest.fixture(scope="session")
def neo4j_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SimpleNamespace]:
    """Start the project's local Neo4j once, on free ports, in a temporary state dir.

    Yields a namespace with ``server`` (a ``LocalNeo4j``), ``uri``, ``username``,
    ``password``, ``database`` and ``auth`` (``(username, password)``). If the
    server cannot start, the dependent tests fail when ``CI=true`` and are
    skipped otherwise.
    """
    from govkg.graph import local_neo4j

    state_dir = tmp_path_factory.mktemp("neo4j")
    bolt_port = local_neo4j.free_port()
    http_port = local_neo4j.free_port()
    while http_port == bolt_port:
        http_port = local_neo4j.free_port()
    reason = None
    try:
        server = local_neo4j.start(state_dir, bolt_port=bolt_port, http_port=http_port)
        secret = local_neo4j.password(state_dir)
    except Exception as error:  # noqa: BLE001 - any failure means "no server"
        local_neo4j.stop(state_dir)
        reason = f"the local Neo4j server could not start: {error}"
    if reason is not None:
        if os.environ.get("CI") == "true":
            pytest.fail(reason, pytrace=False)
        pytest.skip(reason)
    try:
        yield SimpleNamespace(
            server=server,
            uri=server.bolt_uri,
            username=local_neo4j.USERNAME,
            password=secret,
            database="neo4j",
            auth=(local_neo4j.USERNAME, secret),
        )
    finally:
        local_neo4j.stop(state_dir)
