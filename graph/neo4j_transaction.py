"""Running a unit of work in one Neo4j write transaction, with govkg's retry policy.

Why not the driver's ``execute_write``: it retries every retryable error, a lost server
included, for ``max_transaction_retry_time``, so a server killed mid-load showed up half
a minute later. Here the two are told apart:

* transient errors (deadlocks between concurrent loads, lock timeouts) are retried with
  backoff for up to :data:`TRANSIENT_RETRY_SECONDS` — another load holding the locks is
  normal use and resolves itself;
* a conflict with a concurrent load that the work noticed itself (:class:`Conflict`: a
  node it found was deleted before it wrote it) or that the server reported as a
  uniqueness violation (two loads created the same new IRI at once: the second's CREATE
  waited for the first and then failed) is retried the same way, at most
  :data:`CONFLICT_ATTEMPTS` times: the next attempt finds what the other load committed;
* a lost connection is retried only for :data:`CONNECTION_RETRY_SECONDS` (a pooled
  connection may have died with an earlier server process; a fresh one answers at
  once), then raised, so a dead server is reported within seconds.

The work function runs from the start on each attempt, so it must not keep state between
attempts; the transaction either commits whole or is rolled back.
"""

from __future__ import annotations

import random
import time
from collections import defaultdict
from collections.abc import Callable
from typing import Any, TypeVar

from neo4j import Driver, Transaction
from neo4j.exceptions import ConstraintError, Neo4jError, ServiceUnavailable, SessionExpired, TransientError

T = TypeVar("T")

TRANSIENT_RETRY_SECONDS = 120.0
"""How long a transaction that meets deadlocks or lock timeouts is tried again."""

CONNECTION_RETRY_SECONDS = 3.0
"""How long a transaction whose connection broke is tried again before the server counts as gone."""

CONFLICT_ATTEMPTS = 8
"""How often a transaction that met a concurrent load's new or deleted node is tried again."""

COUNTERS = ("nodes_created", "nodes_deleted", "relationships_created", "relationships_deleted",
            "properties_set", "labels_added", "labels_removed")
"""The server's update counters summed over a transaction's statements."""


class Conflict(Exception):
    """A concurrent load changed what this transaction read before writing it; run it again."""


class CountingTransaction:
    """A transaction's ``run`` that returns the records and adds up the server's counters."""

    def __init__(self, tx: Transaction) -> None:
        self._tx = tx
        self.counters: dict[str, int] = defaultdict(int)

    def run(self, query: str, **params: Any) -> list[Any]:
        """Run one statement and return its records (all read before the next statement)."""
        result = self._tx.run(query, params)
        records = list(result)
        counters = result.consume().counters
        for name in COUNTERS:
            self.counters[name] += getattr(counters, name)
        return records


def run_write(driver: Driver, database: str | None, work: Callable[[CountingTransaction], T]) -> tuple[T, dict[str, int]]:
    """Run ``work`` in one write transaction, committed whole or not at all.

    Returns:
        What ``work`` returned and the summed counters of the committed attempt.

    Raises:
        TransientError: the transaction still met deadlocks after the retry budget.
        Conflict, ConstraintError: it still met concurrent loads after :data:`CONFLICT_ATTEMPTS`.
        ServiceUnavailable, SessionExpired: the server stayed unreachable.
        Neo4jError, DriverError: any other failure (not retried).
    """
    began = time.monotonic()
    delay = 0.05
    conflicts = 0
    while True:
        try:
            with driver.session(database=database) as session:
                with session.begin_transaction() as tx:
                    counting = CountingTransaction(tx)
                    result = work(counting)
                    tx.commit()
            return result, dict(counting.counters)
        except TransientError as error:
            if not _retryable(error) or time.monotonic() - began > TRANSIENT_RETRY_SECONDS:
                raise
        except (Conflict, Neo4jError) as error:
            if isinstance(error, Neo4jError) and not _conflict(error):
                raise
            conflicts += 1
            if conflicts >= CONFLICT_ATTEMPTS:
                raise
        except (ServiceUnavailable, SessionExpired):
            if time.monotonic() - began > CONNECTION_RETRY_SECONDS:
                raise
        # jitter: two loads that deadlocked do not come back in step
        time.sleep(delay * (0.5 + random.random()))
        delay = min(delay * 2, 2.0)


def _conflict(error: Neo4jError) -> bool:
    """A uniqueness violation (another load created the IRI meanwhile) or a node another load deleted."""
    return isinstance(error, ConstraintError) or (error.code or "").endswith("EntityNotFound")


def _retryable(error: Neo4jError) -> bool:
    # Terminated or stopped transactions are transient errors the server will not undo by itself.
    return error.is_retryable()
