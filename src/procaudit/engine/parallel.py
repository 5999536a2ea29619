"""Audit many files in worker processes (`check --jobs N`), with the same result as one process.

Each worker is spawned (no fork: the parent may hold pyarrow's threads and the rules' worker
thread, which a fork would copy half-way) and started once (`procaudit.engine.audit` gives it
the run's plan, and it loads the schema and the rules once), then audits the files it is
given one by one and sends back each file's findings and report: plain, picklable values.
`in_pool` puts them back in the input order, so that the findings' stable sort, the skipped
rules and the failures come out exactly as one process gives them.

A pool costs each worker a Python start with pandas, pandera and the rules imported: about
1 s of CPU on the benchmark machine (400 small files: -j2 took 1.9 s more CPU than -j1),
the workers starting side by side, against ~10 ms of CPU to audit a commune's file of
20-50 rows (400 such files: 4.4-4.6 s -j1, ~0.45 s of it the start) and ~4 s for a
100k-row CSV. Two workers save half the work and cost one start's time: a pool pays from
~2.2 s of work (about 200 small files: 150 took 2.3 s in a pool, 2.1 s without; 250 took
2.85 s and 3.05 s). `pool_size` asks for 3 s (`POOL_PAYS_AFTER`, ~290 small files), a
margin for an estimate made from sizes.
"""

from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, TypeVar

from procaudit.core.atomic import TERMINATED_EXIT
from procaudit.core.i18n import language, set_language

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor

    from procaudit.io import Catalogue

Done = TypeVar("Done")  # what the workers send back for one item
Item = TypeVar("Item")  # what a worker is given at a time: a file's path, or a batch of them

# The audit's cost, estimated from the files' sizes (measured in benchmarks/many_files.py and
# benchmarks/run.py on 2 cores): the fixed cost of a file (reading, the header search, ~40
# rules' pandas calls on a small frame), then seconds per megabyte of CSV and of workbook.
SECONDS_PER_FILE = 0.010  # 400 small files (3.1 MB): ~4 s of CPU after the start
SECONDS_PER_CSV_MB = 0.2
SECONDS_PER_WORKBOOK_MB = 1.2
# A pool pays once the work would take this long in one process: two worker starts (~3 s
# of CPU on 2 cores) and the results' trip back are then a fraction of what it saves.
POOL_PAYS_AFTER = 3.0  # seconds


def default_jobs() -> int:
    """The cores this process may run on (`--jobs`' default)."""
    counted = getattr(os, "process_cpu_count", None)  # Python 3.13+
    if counted is not None:
        return counted() or 1
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


def estimated_seconds(paths: Sequence[str]) -> float:
    """Roughly how long the files take to audit in one process, from their sizes."""
    total = 0.0
    for path in paths:
        try:
            megabytes = os.stat(path).st_size / 1_000_000
        except (OSError, ValueError):
            megabytes = 0.0  # the audit says why it cannot be read
        per_mb = SECONDS_PER_CSV_MB if path.lower().endswith(".csv") else SECONDS_PER_WORKBOOK_MB
        total += SECONDS_PER_FILE + megabytes * per_mb
    return total


def pool_size(sources: Sequence[str | Catalogue], jobs: int) -> int:
    """How many worker processes to audit `sources` with; 1: in this process (one job asked
    for, fewer than two files, catalogues already read in memory, or too little work)."""
    if jobs < 2 or len(sources) < 2 or not all(isinstance(s, str) for s in sources):
        return 1
    paths = [s for s in sources if isinstance(s, str)]
    if estimated_seconds(paths) < POOL_PAYS_AFTER:
        return 1
    return min(jobs, len(paths))


def batches(count: int, workers: int, most: int) -> list[range]:
    """`count` files cut into runs of consecutive files, at most `most` each, for `workers`
    workers: a worker audits a run's small tables as stacks (`engine.stacked`), and about
    eight runs a worker keep them busy to the end (the last run is short work)."""
    size = max(1, min(most, -(-count // (workers * 8))))
    return [range(first, min(first + size, count)) for first in range(0, count, size)]


def in_pool(
    paths: Sequence[Item],
    workers: int,
    start: Callable[..., None],
    start_args: tuple[object, ...],
    call: Callable[[Item], Done],
    done: Callable[[int, int, Done], None] | None = None,
) -> list[Done]:
    """`call(path)` for every path (or batch of paths) in `workers` spawned processes, each
    started once with `start(*start_args)` in the parent's language; the results in the order
    of `paths`. `done` hears (items done, index of the item, its result) as each finishes.
    `start` and `call` are module-level functions: the workers import them by name."""
    # Here, not at the top: every run asks `pool_size`, few start a pool (multiprocessing and
    # the process pool cost a run of one file 10-70 ms to import).
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor, as_completed

    pool = ProcessPoolExecutor(
        max_workers=workers,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=_start_worker,
        initargs=(start, start_args, language()),
    )
    results: list[Done | None] = [None] * len(paths)
    try:
        stop_on_sigterm()
        futures = [pool.submit(call, path) for path in paths]
        order: dict[Future[Done], int] = {future: i for i, future in enumerate(futures)}
        for finished, future in enumerate(as_completed(futures), start=1):
            index = order[future]
            result = results[index] = future.result()
            if done is not None:
                done(finished, index, result)
    except BaseException:
        # Ctrl-C, SIGTERM or a worker's internal error: stop at once, not after the queue.
        _stop(pool)
        raise
    finally:
        _default_sigterm()
    pool.shutdown()
    return [result for result in results if result is not None]


def _stop(pool: ProcessPoolExecutor) -> None:
    """End the pool without waiting for the files in progress: the workers are ended first,
    so that neither the executor nor its exit hook waits for them."""
    terminate = getattr(pool, "terminate_workers", None)  # Python 3.14+
    if terminate is not None:
        terminate()
    else:
        # Before 3.14 the executor keeps its processes in `_processes` (pid -> Process),
        # until shutdown sets it to None.
        for process in list((getattr(pool, "_processes", None) or {}).values()):
            process.terminate()
    pool.shutdown(wait=False, cancel_futures=True)


def stop_on_sigterm() -> None:
    """SIGTERM (what cron, systemd and CI send) raises SystemExit(143) in the parent, so that
    the pool's workers are ended with it; only where SIGTERM still has its default action,
    on the main thread (a program embedding procaudit keeps its own handler)."""
    if threading.current_thread() is not threading.main_thread():
        return
    if signal.getsignal(signal.SIGTERM) is signal.SIG_DFL:
        signal.signal(signal.SIGTERM, _terminated)


def _default_sigterm() -> None:
    on_main = threading.current_thread() is threading.main_thread()
    if on_main and signal.getsignal(signal.SIGTERM) is _terminated:
        signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _terminated(signum: int, frame: object) -> None:
    raise SystemExit(TERMINATED_EXIT)


def _start_worker(start: Callable[..., None], start_args: tuple[object, ...], lang: str) -> None:
    """A fresh worker speaks the parent's language (from --lang, the configuration or
    PROCAUDIT_LANG, settled in the parent) and leaves Ctrl-C to the parent; it ends itself
    when the parent is gone (SIGKILL leaves the parent no time to end it); then `start`."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    set_language(lang)
    threading.Thread(target=_end_with, args=(os.getppid(),), daemon=True).start()
    start(*start_args)


def _end_with(parent: int) -> None:
    """End this worker once `parent` is gone (the worker is then another process's child)."""
    while os.getppid() == parent:
        time.sleep(1.0)
    os._exit(1)
