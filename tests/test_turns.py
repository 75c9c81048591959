"""Overlapping transactions commit in stream order (`Turn`), without a server: the waits and their failures."""

from __future__ import annotations

import threading

import pytest

from govkg.graph.neo4j_transaction import Abandoned, Conflict, Turn


def _in_thread(target) -> tuple[threading.Thread, list[object]]:
    outcome: list[object] = []

    def run() -> None:
        try:
            outcome.append(target())
        except Exception as error:  # noqa: BLE001 - the test inspects it
            outcome.append(error)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread, outcome


def test_the_next_writes_only_after_the_previous_commit_and_takes_its_node_ids() -> None:
    first = Turn()
    first._before_attempt(0)
    first.remember({"iri:a": "4:x:1"})
    first._before_commit(whole=True)  # its statements have run: the next may read
    first.wait_open()
    second = Turn(first)
    second._before_attempt(0)
    assert second.known_before() == {"iri:a": "4:x:1"}
    thread, outcome = _in_thread(second.wait_previous)
    thread.join(0.2)
    assert thread.is_alive()  # waits for the commit
    first._after_commit(whole=True, committed=True)
    thread.join(5)
    assert outcome == [None]


def test_a_failed_previous_commit_rolls_the_next_back_and_runs_it_again_after_without_ids() -> None:
    first = Turn()
    first.remember({"iri:a": "4:x:1"})
    first._before_commit(whole=True)
    second = Turn(first)
    second._before_attempt(0)
    first._after_commit(whole=True, committed=False)  # will be run again
    with pytest.raises(Conflict):
        second.wait_previous()
    thread, outcome = _in_thread(lambda: second._before_attempt(1))
    thread.join(0.2)
    assert thread.is_alive()  # the retry waits until the previous is finished
    first.finish()
    thread.join(5)
    assert outcome == [None]
    assert second.known_before() == {}  # the find sees the committed nodes now
    second.wait_previous()


def test_nothing_commits_after_a_transaction_that_failed_for_good() -> None:
    first = Turn()
    second = Turn(first)
    first.finish(failed=True)
    with pytest.raises(Abandoned):
        second.wait_previous()
