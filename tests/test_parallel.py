"""Parallel extraction (process pool, Dask) gives exactly the serial extractions."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from govkg.errors import ExtractionError
from govkg.loaders.batch import Outcome, extract_many
from govkg.loaders.parallel import extract_distributed, extract_one, extract_parallel
from reports import FIXTURES, SEED


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """The bundled and fixture reports, with a binary file and a missing file among them."""
    folder = tmp_path_factory.mktemp("bad")
    binary = folder / "binary.txt"
    binary.write_bytes(b"\x00\x01\x02 not a report")
    return [SEED, *sorted(FIXTURES.glob("*.txt")), binary, folder / "missing.txt"]


@pytest.fixture(scope="module")
def serial(inputs: list[Path]) -> list[Outcome]:
    return list(extract_many(inputs))


def test_extractions_survive_pickling(serial: list[Outcome]) -> None:
    for outcome in serial:
        if outcome.extraction is not None:
            assert pickle.loads(pickle.dumps(outcome.extraction)) == outcome.extraction


def test_process_pool_gives_the_serial_extractions_in_input_order(inputs: list[Path], serial: list[Outcome]) -> None:
    parallel = list(extract_parallel(inputs, workers=2))
    assert [o.path for o in parallel] == inputs
    assert parallel == serial
    assert sum(o.extraction is not None for o in parallel) == 4


def test_bad_files_are_error_outcomes_not_exceptions(inputs: list[Path]) -> None:
    outcomes = {o.path.name: o for o in extract_parallel(inputs[-2:], workers=1)}
    assert outcomes["binary.txt"].extraction is None and "binary" in outcomes["binary.txt"].error
    assert outcomes["missing.txt"].extraction is None and "no such file" in outcomes["missing.txt"].error


def test_an_unexpected_failure_is_an_error_outcome(monkeypatch: pytest.MonkeyPatch) -> None:
    import govkg.loaders.extract as extract

    def boom(path, model=None):  # noqa: ANN001, ANN202
        raise RuntimeError("bug")

    monkeypatch.setattr(extract, "extract_file", boom)
    outcome = extract_one(SEED)
    assert outcome.extraction is None and "RuntimeError: bug" in outcome.error


def test_workers_must_be_positive() -> None:
    with pytest.raises(ExtractionError):
        list(extract_parallel([SEED], workers=0))


def test_a_local_dask_cluster_gives_the_serial_extractions(inputs: list[Path], serial: list[Outcome]) -> None:
    pytest.importorskip("dask.distributed")
    outcomes = list(extract_distributed(inputs, scheduler="local", window=3))
    assert sorted(outcomes, key=lambda o: str(o.path)) == sorted(serial, key=lambda o: str(o.path))
    assert sum(o.error is not None for o in outcomes) == 2


def _sleep(seconds: float) -> float:
    import time

    time.sleep(seconds)
    return seconds


def test_stopping_a_pool_with_half_a_result_in_its_pipe_lets_its_manager_thread_end() -> None:
    """A worker stopped while it writes a result leaves part of a message in the results pipe; stopping the
    pool must not leave its manager thread (and so the interpreter at exit) waiting for the rest."""
    import multiprocessing
    import os
    import struct
    from concurrent.futures import ProcessPoolExecutor

    from govkg.loaders.parallel import _terminate

    executor = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("fork"))
    executor.submit(_sleep, 30)
    manager = executor._executor_manager_thread  # started by the first submission
    assert manager is not None and manager.is_alive()
    # what a worker killed in the middle of sending leaves: a header announcing 100 bytes, and 3 of them
    os.write(executor._result_queue._writer.fileno(), struct.pack("!i", 100) + b"abc")
    _terminate(executor)
    manager.join(timeout=20)
    assert not manager.is_alive()
