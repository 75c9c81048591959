"""Where govkg's Neo4j is, how the driver talks to it, and what its failures mean.

Driver timeouts are set here on purpose, for a server that is local or on the same
network: a connection attempt gives up after :data:`CONNECTION_TIMEOUT` seconds and a
read query's retries after :data:`READ_RETRY_SECONDS`, so a dead server is reported in
seconds, not after the driver's defaults (30 s, then 30 s of retries). Write
transactions have their own policy (:mod:`govkg.graph.neo4j_transaction`).

Failures are translated into one-line :class:`~govkg.errors.StoreError` messages that
say what happened: the server is not there, it refused the password, or it has locked
the user after too many wrong passwords.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from neo4j import Driver, GraphDatabase
from neo4j.exceptions import AuthError, DriverError, Neo4jError

from govkg.errors import StoreError, StoreUnavailable

DEFAULT_USERNAME = "neo4j"
"""User name when neither the caller nor ``NEO4J_USERNAME`` gives one."""

SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")
"""URI schemes accepted: Bolt, direct or routed, plain or encrypted."""

CONNECTION_TIMEOUT = 5.0
"""Seconds to open a TCP connection (and finish the handshake) before the server counts as unreachable."""

ACQUISITION_TIMEOUT = 15.0
"""Seconds to wait for a pooled connection, the connection attempt included."""

READ_RETRY_SECONDS = 3.0
"""Seconds the driver retries a read query (``execute_query``) that lost its connection."""

RATE_LIMIT_CODE = "Neo.ClientError.Security.AuthenticationRateLimit"
"""The server's answer once a user has given a wrong password too many times in a row."""

# The driver logs connection failures itself; without this, Python's last-resort
# handler would print them to stderr next to our one-line StoreError. Applications
# that configure logging still receive the records (they propagate to the root).
logging.getLogger("neo4j").addHandler(logging.NullHandler())


@dataclass(frozen=True)
class Connection:
    """Where and as whom to connect; the password never shows in ``repr``."""

    uri: str | None
    username: str = DEFAULT_USERNAME
    password: str | None = field(default=None, repr=False)
    database: str | None = None

    @classmethod
    def from_env(
        cls,
        uri: str | None = None,
        username: str | None = None,
        password: str | None = None,
        database: str | None = None,
    ) -> Connection:
        """Fill what the caller left out from ``NEO4J_URI/USERNAME/PASSWORD/DATABASE``.

        A missing URI stays None so the caller can fall back to the local server;
        a missing database means the server's default one.
        """
        return cls(
            uri=uri or os.environ.get("NEO4J_URI") or None,
            username=username or os.environ.get("NEO4J_USERNAME") or DEFAULT_USERNAME,
            password=password if password is not None else os.environ.get("NEO4J_PASSWORD"),
            database=database or os.environ.get("NEO4J_DATABASE") or None,
        )


def with_local_fallback(conn: Connection, state_dir: str | Path | None = None) -> Connection:
    """``conn``, or, when it names no URI, the project's local server (``govkg neo4j start``).

    The local server's password is ``conn.password`` if given, else the server's own
    (:func:`govkg.graph.local_neo4j.password`).

    Raises:
        StoreUnavailable: no URI and no local server running.
        StoreError: the local server's password cannot be known.
    """
    if conn.uri:
        return conn
    from govkg.graph import local_neo4j

    server = local_neo4j.status(Path(state_dir) if state_dir else None)
    if server is None:
        raise StoreUnavailable("no Neo4j to talk to: start the local one with `govkg neo4j start`, or set NEO4J_URI")
    secret = conn.password or local_neo4j.password(server.state_dir)
    return replace(conn, uri=server.bolt_uri, password=secret)


def open_driver(conn: Connection) -> Driver:
    """A driver for ``conn`` that has answered once, so errors surface here, not mid-load.

    Raises:
        StoreError: no or a bad URI.
        StoreUnavailable: the server is unreachable, refused the credentials or locked the user.
    """
    if not conn.uri:
        raise StoreError("no Neo4j URI: start the local server with `govkg neo4j start` or set NEO4J_URI")
    scheme = conn.uri.partition("://")[0].lower()
    if scheme not in SCHEMES:
        raise StoreError(f"unsupported Neo4j URI {conn.uri!r}: use one of {', '.join(s + '://' for s in SCHEMES)}")
    auth = (conn.username, conn.password) if conn.password is not None else None
    try:
        driver = GraphDatabase.driver(
            conn.uri, auth=auth, connection_timeout=CONNECTION_TIMEOUT,
            connection_acquisition_timeout=ACQUISITION_TIMEOUT, max_transaction_retry_time=READ_RETRY_SECONDS,
        )
    except (ValueError, DriverError) as error:
        raise StoreError(f"invalid Neo4j URI {conn.uri!r}: {first_line(error)}") from error
    try:
        driver.verify_connectivity()  # one attempt: an auth failure is never retried
    except (Neo4jError, DriverError, OSError) as error:
        driver.close()
        raise connection_error(conn, error) from error
    except BaseException:
        driver.close()
        raise
    return driver


def is_connection_failure(error: BaseException) -> bool:
    """Whether ``error`` means no further statement can succeed (server gone, credentials refused, user locked)."""
    from neo4j.exceptions import ServiceUnavailable, SessionExpired

    return any(isinstance(cause, (ServiceUnavailable, SessionExpired, OSError, AuthError)) or _rate_limited(cause)
               for cause in causes(error))


def connection_error(conn: Connection, error: BaseException) -> StoreUnavailable:
    """One line saying why ``conn`` cannot be used: locked user, refused credentials, or no server."""
    found = list(causes(error))
    if any(_rate_limited(cause) for cause in found):
        return StoreUnavailable(
            f"Neo4j at {conn.uri} has locked user {conn.username!r} after too many wrong passwords: "
            "wait a few seconds (dbms.security.auth_lock_time) and check NEO4J_PASSWORD"
        )
    if any(isinstance(cause, AuthError) for cause in found):
        return StoreUnavailable(
            f"Neo4j at {conn.uri} refused the credentials of user {conn.username!r} (set NEO4J_PASSWORD)"
        )
    return StoreUnavailable(
        f"cannot reach Neo4j at {conn.uri}: {_short_reason(error)}. "
        "Start the local server with `govkg neo4j start` or set NEO4J_URI."
    )


def first_line(error: BaseException) -> str:
    """The first line of an error's message (the server's, if it sent one)."""
    message = getattr(error, "message", None) or str(error) or type(error).__name__
    return message.strip().splitlines()[0] if message.strip() else type(error).__name__


def causes(error: BaseException) -> Iterable[BaseException]:
    """``error`` and everything it was raised from, including exception groups' members."""
    seen: set[int] = set()
    stack = [error]
    while stack:
        current = stack.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        stack.extend(getattr(current, "exceptions", ()) or ())
        for nxt in (current.__cause__, current.__context__):
            if nxt is not None:
                stack.append(nxt)


def _rate_limited(error: BaseException) -> bool:
    return isinstance(error, Neo4jError) and error.code == RATE_LIMIT_CODE


def _short_reason(error: BaseException) -> str:
    """The operating system's reason if there is one ("Connection refused"), else the first line."""
    for cause in causes(error):
        if isinstance(cause, OSError) and cause.strerror:
            return cause.strerror
    return first_line(error)
