"""Extraction of many reports on several cores (a process pool) or machines (Dask).

Both functions yield :class:`~govkg.loaders.batch.Outcome` objects like
:func:`~govkg.loaders.batch.extract_many`, and never raise for one bad file: its error
(``InputError`` or anything else a worker raised, even a crashed worker) becomes that
file's ``Outcome.error`` and the batch goes on.

* :func:`extract_parallel` runs a ``ProcessPoolExecutor`` and yields in **input order**
  (a bounded window of files is in flight, so memory stays flat for any number of files).
* :func:`extract_distributed` submits one task per report to a Dask cluster and yields
  **as completed** (order is not kept: use ``Outcome.path``), so that one batched writer
  on the client (``Neo4jStore.load``, an N-Quads file) can consume results as they land.

Every worker process builds the spaCy pipeline once (``build_pipeline`` is cached per
process; the pool's initializer builds it up front). Results travel back pickled:
:class:`~govkg.loaders.model.Extraction` is a tree of frozen dataclasses, tuples, dicts
and plain values, which pickles losslessly.
"""

from __future__ import annotations

import multiprocessing
import os
import select
import signal
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any

from govkg.errors import ExtractionError, GovKGError
from govkg.loaders.batch import Outcome
from govkg.loaders.text import Hints

MAX_WORKERS = 1024
"""More worker processes than this is a typing error, not a machine."""

WINDOW_PER_WORKER = 32
"""Files in flight per worker: enough to keep workers busy, few enough to bound memory.

While ``govkg load``'s writer sends one transaction (~30 reports at the default batch of
10,000 rows) the workers go on with the next ones; with 8 a worker idled once it had
finished its share of the window, so the writer and the extraction took turns."""


def extract_one(path: str | Path, model: str | None = None, hints: Hints | None = None) -> Outcome:
    """Extract one file, turning any failure into ``Outcome.error`` (the task every worker runs)."""
    from govkg.loaders.extract import extract_file, extract_report
    from govkg.loaders.text import read_report

    path = Path(path)
    try:
        extraction = extract_report(read_report(path, hints), model) if hints else extract_file(path, model)
        return Outcome(path, extraction=extraction)
    except GovKGError as error:
        return Outcome(path, error=str(error))
    except Exception as error:  # noqa: BLE001 - one file's bug must not stop the batch
        return Outcome(path, error=f"{path}: {type(error).__name__}: {error}")


WRITER_FIRST_NICENESS = 5
"""Added to the workers' nice value when one writer consumes their results (``govkg load``).

The writer and the Neo4j server it waits on are the slowest stage: the workers run ahead
by a window of files, so the cores they take from the writer only delay the load. At +5
a worker gets about a third of a core's share against the writer's, and still every idle
cycle."""


def _start_worker(parent: int, model: str | None, niceness: int = 0) -> None:
    """Pool initializer: end with the parent, leave Ctrl-C to it, build the pipeline once per worker process."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole process group; the parent stops the pool
    _end_with(parent)
    if niceness:
        try:
            os.nice(niceness)
        except OSError:
            pass  # not allowed here: run at the parent's priority
    from govkg.loaders.pipeline import build_pipeline

    try:
        build_pipeline(model)  # jieba's dictionary loads once
    except GovKGError:
        pass  # each file will report the error itself


def _end_with(parent: int) -> None:
    """Exit this worker as soon as process ``parent`` ends, however it ends (kill -9 included).

    A pool worker waits on a queue whose write end it holds itself, so it would never see
    its parent go; the forkserver and the resource tracker live as long as any worker
    does. A daemon thread waits on a pidfd of the parent (or polls it where there is none).
    """
    try:
        watched: int | None = os.pidfd_open(parent)
    except ProcessLookupError:
        os._exit(1)
    except (AttributeError, OSError):  # no pidfd (not Linux 5.3+): poll
        watched = None

    def watch() -> None:
        if watched is not None:
            select.select([watched], [], [])
        else:
            while _alive(parent):
                time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, name="govkg-end-with-parent", daemon=True).start()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass
    return True


def _forkserver_context(model: str | None = None) -> multiprocessing.context.BaseContext:
    """The forkserver context (spawn where there is none), its server started with SIGINT blocked.

    Workers are forked by the forkserver and inherit its signal mask, so a Ctrl-C
    sent to the process group cannot interrupt a worker before its initializer runs.
    Without a ``model`` the server first imports :mod:`~govkg.loaders.worker_preload`
    (:func:`~govkg.loaders.batch.warm_up`): the pipeline, the gazetteer and pypinyin's
    tables are loaded once, there, and every worker forked from it starts warm. The server loads in
    the background: the caller goes on (connects to Neo4j) and the first worker waits.
    """
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    from multiprocessing import forkserver

    context = multiprocessing.get_context("forkserver")
    if model is None:
        context.set_forkserver_preload(["__main__", "govkg.loaders.worker_preload"])  # "__main__": the default
    blocked = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        forkserver.ensure_running()
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, blocked)
    return context


def default_workers() -> int:
    """The cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def extract_parallel(paths: Iterable[str | Path], workers: int | None = None, model: str | None = None,
                     hints: Hints | None = None, niceness: int = 0) -> Iterator[Outcome]:
    """Extract files on ``workers`` processes; yields one Outcome per file, in input order.

    Args:
        paths: Report files (expand folders first with :func:`~govkg.loaders.batch.report_files`).
        workers: Worker processes (default: the usable cores). ``1`` still uses one worker process.
        model: A trained spaCy pipeline to start from, as in :func:`~govkg.loaders.extract.extract_file`.
        hints: ``--region/--year/--title`` overrides, for every file.
        niceness: Added to the workers' nice value (:data:`WRITER_FIRST_NICENESS` behind a writer).

    The fork server starts at the call (and loads the pipeline, see :func:`_forkserver_context`),
    the workers when the first Outcome is asked for.

    Raises:
        ExtractionError: ``workers`` is less than 1 or more than :data:`MAX_WORKERS`.
    """
    workers = default_workers() if workers is None else workers
    if not 1 <= workers <= MAX_WORKERS:
        raise ExtractionError(f"workers must be between 1 and {MAX_WORKERS}, not {workers}")
    return _extract_in_pool(paths, workers, model, hints, niceness, _forkserver_context(model))


def _extract_in_pool(paths: Iterable[str | Path], workers: int, model: str | None, hints: Hints | None, niceness: int,
                     context: multiprocessing.context.BaseContext) -> Iterator[Outcome]:
    window = workers * WINDOW_PER_WORKER
    pending: deque[tuple[Path, Future[Outcome]]] = deque()
    executor: ProcessPoolExecutor | None = None

    def new_executor() -> ProcessPoolExecutor:
        return ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_start_worker, initargs=(os.getpid(), model, niceness))

    def result(path: Path, future: Future[Outcome]) -> Outcome:
        nonlocal executor
        try:
            return future.result()
        except BrokenProcessPool as error:
            # A worker died (killed, out of memory): the files in flight fail, the rest go on in a new pool.
            if executor is not None:
                executor.shutdown(wait=False, cancel_futures=True)
                executor = None
            return Outcome(path, error=f"{path}: a worker process died ({error})")
        except Exception as error:  # noqa: BLE001 - e.g. an unpicklable result
            return Outcome(path, error=f"{path}: {type(error).__name__}: {error}")

    try:
        for raw in paths:
            path = Path(raw)
            if executor is None:
                executor = new_executor()
            try:
                pending.append((path, executor.submit(extract_one, path, model, hints)))
            except BrokenProcessPool:
                executor = new_executor()
                pending.append((path, executor.submit(extract_one, path, model, hints)))
            while len(pending) >= window:
                yield result(*pending.popleft())
        while pending:
            yield result(*pending.popleft())
    except BaseException:  # interrupted, or the consumer stopped early: the work in flight is not wanted
        if executor is not None:
            _terminate(executor)
        raise
    finally:
        if executor is not None:
            executor.shutdown(wait=True, cancel_futures=True)


def _terminate(executor: ProcessPoolExecutor) -> None:
    """Stop the pool's workers now instead of letting them finish the files queued to them.

    A worker stopped while it writes a result leaves half of it in the results pipe, and the pool's
    manager thread would wait for the rest for ever (and the interpreter, at exit, for that thread):
    once the workers are gone, our end of the pipe's write side is closed too, so the thread reads
    the end of the pipe, takes the pool for broken and ends.
    """
    processes = list((getattr(executor, "_processes", None) or {}).values())  # shutdown() forgets them
    results = getattr(executor, "_result_queue", None)
    executor.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        process.terminate()
    for process in processes:
        process.join(timeout=_STOP_WAIT)
    writer = getattr(results, "_writer", None)
    if writer is not None and not any(process.is_alive() for process in processes):
        writer.close()


_STOP_WAIT = 5.0
"""Seconds to wait for a terminated worker to end."""


def _client(scheduler: str) -> tuple[Any, Any]:
    """A Dask client for ``scheduler`` (an address, or ``local`` for a 2-process cluster here)."""
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        raise ExtractionError("Dask is needed for --scheduler: pip install 'dask[distributed]'") from None
    if scheduler == "local":
        cluster = LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
            dashboard_address=None, silence_logs=40,
        )
        return Client(cluster), cluster
    try:
        return Client(scheduler, timeout="30s"), None
    except (OSError, TimeoutError) as error:
        raise ExtractionError(f"cannot reach the Dask scheduler at {scheduler}: {error}") from None


def extract_distributed(
    paths: Iterable[str | Path], scheduler: str = "local", model: str | None = None, window: int | None = None,
    hints: Hints | None = None,
) -> Iterator[Outcome]:
    """Extract files as Dask tasks, one per report; yields Outcomes as they complete (not in input order).

    Workers read the files themselves, so on a real cluster the paths must be on storage
    every worker sees (a shared file system). At most ``window`` tasks are in flight
    (default: 8 per worker thread), so a 300,000-file run keeps the client's memory flat.

    Args:
        paths: Report files.
        scheduler: ``tcp://host:8786`` of a running scheduler, or ``local`` to start a
            ``LocalCluster`` of 2 single-threaded worker processes for this call.
        model: A trained spaCy pipeline, as in :func:`~govkg.loaders.extract.extract_file`.
        window: Tasks in flight.
        hints: ``--region/--year/--title`` overrides, for every file.

    Raises:
        ExtractionError: Dask is not installed or the scheduler cannot be reached.
    """
    from dask.distributed import as_completed

    client, cluster = _client(scheduler)
    try:
        if window is None:
            threads = sum(client.nthreads().values()) or 1
            window = threads * WINDOW_PER_WORKER
        iterator = iter(paths)
        submitted: dict[str, Path] = {}

        def submit() -> Any | None:
            raw = next(iterator, None)
            if raw is None:
                return None
            path = Path(raw)
            future = client.submit(extract_one, path, model, hints, pure=False)
            submitted[future.key] = path
            return future

        first = [f for f in (submit() for _ in range(window)) if f is not None]
        stream = as_completed(first)
        for future in stream:
            path = submitted.pop(future.key)
            try:
                outcome = future.result()
            except Exception as error:  # noqa: BLE001 - a worker died or the task failed
                outcome = Outcome(path, error=f"{path}: {type(error).__name__}: {error}")
            future.release()
            nxt = submit()
            if nxt is not None:
                stream.add(nxt)
            yield outcome
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
