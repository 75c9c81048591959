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

A :class:`Turn` lets a stream of transactions overlap and still leave the graph a serial load
in stream order leaves: the next one's reads run during this one's commit, its writes after it.
"""

from __future__ import annotations

import random
import threading
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


class Abandoned(Exception):
    """The transaction before this one in a :class:`Turn` chain failed for good: this one must not commit."""


class Turn:
    """One transaction's place in a chain of transactions that overlap but commit in stream order.

    The next transaction begins when :meth:`wait_open` returns: this one has run all its
    statements, holds every lock it will take, and is about to commit. The next runs its
    reads (lock its own reports, read their previous state, find which nodes exist) during
    that commit, then :meth:`wait_previous` until this one has committed, then writes: its
    writes to nodes this one wrote wait for this commit's locks anyway, and read what it
    wrote, as if the two had run one after the other. Its find cannot see the nodes this
    one created and has not committed yet, so it takes their element ids from this one
    (:meth:`remember`, :meth:`known_before`) instead of looking for them.

    If this commit fails (it will be run again), the next rolls back at :meth:`wait_previous`
    and starts again once this one is :meth:`finish`-ed, without the remembered ids, so the
    commits keep stream order then too.
    """

    def __init__(self, previous: Turn | None = None) -> None:
        self.previous = previous
        self.known: dict[str, str] = {}
        self._retry = False
        self._open = threading.Event()
        self._settled = threading.Event()
        self._committed = False
        self._finished = threading.Event()
        self._failed = False

    def wait_open(self) -> None:
        """Block until the next transaction may begin."""
        self._open.wait()

    def finish(self, failed: bool = False) -> None:
        """This turn's reports are all loaded or refused (``failed``: it raised, so the ones after must not commit)."""
        self._failed = failed
        if not self._committed:
            self.known = {}  # its reports went one by one (or failed): the ids of an uncommitted attempt are no one's
        self._settled.set()
        self._open.set()
        self._finished.set()
        self.previous = None  # a long stream must not keep a chain of every turn

    def known_before(self) -> dict[str, str]:
        """IRI → element id of the nodes the previous transaction wrote (empty on a retry: run after it, the find sees them)."""
        previous = self.previous
        return {} if self._retry or previous is None else previous.known

    def remember(self, known: dict[str, str]) -> None:
        """The element ids of the nodes this transaction wrote, for the next one's find."""
        self.known = known

    def wait_previous(self) -> None:
        """Block until the previous transaction has committed (or is finished), before this one writes.

        Raises:
            Abandoned: the previous one failed for good, so this one must not commit.
            Conflict: the previous commit failed and is being run again: roll back and start
                again after it.
        """
        previous = self.previous
        if previous is None:
            return
        previous._settled.wait()
        if previous._failed:
            raise Abandoned("the transaction before this one failed")
        if not (previous._committed or previous._finished.is_set()):
            raise Conflict("the transaction before this one did not commit; running this one again after it")

    def _before_attempt(self, attempt: int) -> None:
        self._retry = attempt > 0
        previous = self.previous
        if self._retry and previous is not None:
            previous._finished.wait()

    def _before_commit(self, whole: bool) -> None:
        self.wait_previous()
        if whole:
            self._open.set()

    def _after_commit(self, whole: bool, committed: bool) -> None:
        if whole and not self._settled.is_set():
            self._committed = committed
            self._settled.set()


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


def run_write(driver: Driver, database: str | None, work: Callable[[CountingTransaction], T],
              turn: Turn | None = None, whole: bool = True) -> tuple[T, dict[str, int]]:
    """Run ``work`` in one write transaction, committed whole or not at all.

    With a ``turn``, the transaction commits after the turn's previous one (see :class:`Turn`);
    ``whole``: it is the turn's transaction (all its reports), which opens the turn to the next
    one before its commit. A turn's other transactions (its reports one by one, after that one
    failed) only keep the order.

    Returns:
        What ``work`` returned and the summed counters of the committed attempt.

    Raises:
        TransientError: the transaction still met deadlocks after the retry budget.
        Conflict, ConstraintError: it still met concurrent loads after :data:`CONFLICT_ATTEMPTS`.
        Abandoned: the turn's previous transaction failed for good.
        ServiceUnavailable, SessionExpired: the server stayed unreachable.
        Neo4jError, DriverError: any other failure (not retried).
    """
    began = time.monotonic()
    delay = 0.05
    conflicts = 0
    attempt = 0
    while True:
        if turn is not None:
            turn._before_attempt(attempt)
        attempt += 1
        try:
            with driver.session(database=database) as session:
                with session.begin_transaction() as tx:
                    counting = CountingTransaction(tx)
                    result = work(counting)
                    if turn is not None:
                        turn._before_commit(whole)
                    try:
                        tx.commit()
                    except BaseException:
                        if turn is not None:
                            turn._after_commit(whole, committed=False)
                        raise
            if turn is not None:
                turn._after_commit(whole, committed=True)
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
