"""Audit many files in worker processes (`check --jobs N`), with the same result as one process.

The parent is one of the N: it audits runs of files from the back of the list while N - 1
spawned workers take theirs from the front (`in_pool`, `Runs`). Each worker is spawned (no
fork: the parent may hold pyarrow's threads and the rules' worker thread, which a fork would
copy half-way), as the command starts where it can (`workers_ahead`: it imports pandas and
the rules while the parent does), and started once (`procaudit.engine.audit` gives it the
run's plan, and it loads the schema and the rules once), then audits the runs it is given
and sends back each file's findings and report: plain, picklable values. `in_pool` puts them
back in the input order, so that the findings' stable sort, the skipped rules and the
failures come out exactly as one process gives them.

A worker's start is a Python start with pandas, pandera and the rules imported: about 1 s of
CPU on the benchmark machine, against ~9 ms of CPU to audit a commune's file of 20-50 rows
and ~4 s for a 100k-row CSV. The parent has made that start already, so it audits from the
first moment; a worker is given runs only once started, and a run too short to wait for one
is the parent's alone (the worker still starting is ended). With the parent at work,
400 small files took 3.2 s on 2 cores (5.1 s of CPU), against 3.55 s (5.9 s) with two
workers and an idle parent; spawned ahead, 2.8-2.9 s (300 files: 2.5 s against 2.6-2.8 s). A
pool still slows the parent's first runs, which are shorter (fewer tables per stack) and
share the machine with the worker's start: it pays from ~2.2 s of work (about 220 small
files: 200 took 2.23 s in a pool, 2.13 s without; 250 took 2.5 s and 2.74 s; 300 took 2.88 s
and 3.2 s). `pool_size` asks for 2.5 s (`POOL_PAYS_AFTER`), a margin for an estimate made
from sizes.
"""

from __future__ import annotations

import importlib
import os
import signal
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

from procaudit.core import collector
from procaudit.core.atomic import TERMINATED_EXIT
from procaudit.core.i18n import language, set_language
from procaudit.engine.container_limits import jobs_allowed

if TYPE_CHECKING:
    import queue
    from concurrent.futures import Future, ProcessPoolExecutor

    from procaudit.io import Catalogue

Done = TypeVar("Done")  # what the workers send back for one path
Item = TypeVar("Item")  # a path, as the workers are given it

# The audit's cost, estimated from the files' sizes (measured in benchmarks/many_files.py and
# benchmarks/run.py on 2 cores): the fixed cost of a file (reading, the header search, ~40
# rules' pandas calls on a small frame), then seconds per megabyte of CSV and of workbook.
SECONDS_PER_FILE = 0.010  # 400 small files (3.1 MB): ~4 s of CPU after the start
SECONDS_PER_CSV_MB = 0.2
SECONDS_PER_WORKBOOK_MB = 1.2
# A pool pays once the work would take this long in one process: a worker's start (~1 s of
# CPU, on another core) and the results' trip back are then a fraction of what it saves.
POOL_PAYS_AFTER = 2.5  # seconds


def default_jobs() -> int:
    """The cores this process may run on (`--jobs`' default), as few as its container's CPU
    quota and the memory left allow (`container_limits`)."""
    return jobs_allowed(_cores())


def _cores() -> int:
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


class Runs:
    """The files not handed out yet, as runs of consecutive files: the workers take theirs
    from the front, this process from the back. A worker audits a run's small tables as
    stacks (`engine.stacked`): a run is at most `most` files, and a share of those left, so
    that the runs shrink as the end nears and the processes end together (guided
    scheduling: a last run of a hundred small files would keep one core busy for a second
    while the others wait)."""

    def __init__(self, count: int, workers: int, most: int) -> None:
        self._front, self._back = 0, count
        self._share = 2 * workers  # each run at most 1/share of the files left
        self._most = most
        self._lock = threading.Lock()  # the parent's thread and the workers' feeder take runs
        self._fronts = 0  # runs taken from the front

    def _size(self) -> int:
        left = self._back - self._front
        return min(left, self._most, max(1, -(-left // self._share)))

    def front(self) -> range | None:
        """The next run from the front, or None when every file is handed out."""
        with self._lock:
            size = self._size()
            if not size:
                return None
            self._front += size
            self._fronts += 1
            return range(self._front - size, self._front)

    def back(self) -> range | None:
        """The next run from the back, or None when every file is handed out."""
        with self._lock:
            size = self._size()
            if not size:
                return None
            self._back -= size
            return range(self._back, self._back + size)

    def fronts_when_done(self) -> int | None:
        """How many runs were taken from the front, once every file is handed out (no more
        can be then); None before."""
        with self._lock:
            return self._fronts if self._front == self._back else None


@dataclass
class _Ahead:
    """Workers spawned ahead of a run (`workers_ahead`), waiting for its start."""

    workers: int  # the run's, this process included
    pool: ProcessPoolExecutor
    starts: Any  # a multiprocessing SimpleQueue: one (start, start_args, language) a worker
    starting: list[Future[Any]]  # each worker's first task (`_ready`)
    taken: bool = False  # by `in_pool`, which ends the pool


_ahead: ContextVar[_Ahead | None] = ContextVar("procaudit_workers_ahead", default=None)


@contextmanager
def workers_ahead(workers: int, warm: str) -> Iterator[None]:
    """Spawn the workers of a run of `workers` processes (this one among them: `in_pool`
    given `here`) now, before this process imports pandas and the rules: they import the
    module `warm` (the audit's) meanwhile, then wait for the run's start, which the
    block's `in_pool` gives them (~0.5 s of a worker's start no longer added to the run's).
    A pool no `in_pool` took (a run that failed first) is ended with the block."""
    if workers < 2:
        yield
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context("spawn")
    starts = context.SimpleQueue()
    pool = ProcessPoolExecutor(
        max_workers=workers - 1,
        mp_context=context,
        initializer=_start_later,
        initargs=(starts, warm),
    )
    # Submitted now, the first tasks spawn the processes (`in_pool` waits for their answers).
    ahead = _Ahead(workers, pool, starts, [pool.submit(_ready) for _ in range(workers - 1)])
    token = _ahead.set(ahead)
    try:
        yield
    finally:
        _ahead.reset(token)
        if not ahead.taken:
            _stop(pool)


def in_pool(
    paths: Sequence[Item],
    workers: int,
    start: Callable[..., None],
    start_args: tuple[object, ...],
    call: Callable[[list[Item]], list[Done]],
    done: Callable[[int, int, Done], None] | None = None,
    here: Callable[[list[Item]], list[Done]] | None = None,
    most: int = 1,
) -> list[Done]:
    """The result of every path, in the order of `paths`, found by `workers` processes:
    `call(run)` gives the results of a run of consecutive paths (`Runs`, at most `most`) in
    a spawned process, started once with `start(*start_args)` in the parent's language.
    `done` hears (results so far, index of the path, its result) as they come back.
    `start` and `call` are module-level functions: the workers import them by name.

    `here`: what `call` does, done in this process, which is then one of the `workers`,
    taking its runs from the back while `workers - 1` spawned processes take theirs from
    the front. It has imported pandas and the rules already: it starts at once, one process
    fewer is started (see the module's docstring), and a worker is given a run only once
    it has started, so that a short run never waits for a worker's imports: the parent
    does all of it, and ends the workers still starting."""
    # Here, not at the top: every run asks `pool_size`, few start a pool (multiprocessing and
    # the process pool cost a run of one file 10-70 ms to import).
    import multiprocessing
    import queue
    from concurrent.futures import ProcessPoolExecutor

    processes = workers - 1 if here is not None else workers
    ahead = _ahead.get()
    if ahead is None or ahead.taken or ahead.workers != workers or here is None:
        ahead = None  # the workers are spawned here
        pool = ProcessPoolExecutor(
            max_workers=processes,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_start_worker,
            initargs=(start, start_args, language()),
        )
    else:
        ahead.taken = True  # its pool is this run's, ended here
        pool = ahead.pool
    runs = Runs(len(paths), workers, most)
    back: queue.SimpleQueue[tuple[range, Future[list[Done]]]] = queue.SimpleQueue()
    stopping = threading.Event()
    results: list[Done | None] = [None] * len(paths)
    finished = taken_back = 0

    def record(run: range, found: list[Done]) -> None:
        nonlocal finished
        for index, result in zip(run, found, strict=True):
            finished += 1
            results[index] = result
            if done is not None:
                done(finished, index, result)

    def take_back() -> None:
        nonlocal taken_back
        run, future = back.get()
        taken_back += 1
        record(run, future.result())  # a worker's error is raised here

    try:
        stop_on_sigterm()
        if ahead is None:
            # Each worker's first task, given here: the processes are spawned by the time it
            # returns, so that an end that comes first (a short run, an error) can end them.
            starting = [pool.submit(_ready) for _ in range(processes)]
        else:  # the workers spawned ahead are given the run's start
            starting = ahead.starting
            for _ in range(processes):
                ahead.starts.put((start, start_args, language()))
        feeder = threading.Thread(
            target=_feed,
            args=(pool, starting, runs, paths, call, back, stopping),
            name="procaudit-pool-feeder",
            daemon=True,  # never keeps a failed run waiting
        )
        feeder.start()
        if here is not None:
            while (run := runs.back()) is not None:
                record(run, here([paths[index] for index in run]))
                while not back.empty():  # the workers' runs ended meanwhile
                    take_back()
        # Until every file is handed out, a run is still to come back; then, those handed.
        while (given := runs.fronts_when_done()) is None or taken_back < given:
            take_back()
    except BaseException:
        # Ctrl-C, SIGTERM or an internal error: stop at once, not after the queue.
        stopping.set()
        _stop(pool)
        raise
    finally:
        _default_sigterm()
    stopping.set()
    if feeder.is_alive():  # a worker still starting: it is given nothing now
        _stop(pool)
    else:
        pool.shutdown()
    return [result for result in results if result is not None]


def _ready() -> None:
    """A worker's first task: its answer says the worker has started."""


def _feed(
    pool: ProcessPoolExecutor,
    starting: list[Future[Any]],
    runs: Runs,
    paths: Sequence[Item],
    call: Callable[[list[Item]], list[Done]],
    back: queue.SimpleQueue[tuple[range, Future[list[Done]]]],
    stopping: threading.Event,
) -> None:
    """The workers' side of `in_pool`, on a thread of the parent (the parent's own runs
    would keep a worker waiting otherwise): each worker says it has started, then is given
    a run, and another as each comes back; each run ended goes `back`. It ends once no
    worker has a run and every file is handed out."""
    from concurrent.futures import FIRST_COMPLETED, Future, wait

    busy: dict[Future[Any], range | None] = dict.fromkeys(starting)  # None: starting

    def give() -> None:
        run = None if stopping.is_set() else runs.front()
        if run is not None:
            busy[pool.submit(call, [paths[index] for index in run])] = run

    try:
        while busy:
            ended, _ = wait(busy, return_when=FIRST_COMPLETED)
            for future in ended:
                run = busy.pop(future)
                if run is not None:
                    back.put((run, future))
                elif not stopping.is_set():
                    future.result()  # a worker that could not start: the run fails
                give()  # to the worker that ended it
            if stopping.is_set() and all(run is None for run in busy.values()):
                return  # only workers still starting: the parent ends them
    except BaseException as exc:  # the parent raises it
        if not stopping.is_set():
            failed: Future[list[Done]] = Future()
            failed.set_exception(exc)
            back.put((range(0), failed))


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
    _follow_parent()
    collector.loading()  # as the command line's start (`procaudit.core.collector`)
    set_language(lang)
    start(*start_args)
    collector.loaded()


def _start_later(starts: Any, warm: str) -> None:
    """A worker spawned ahead (`workers_ahead`): `_start_worker`, once it has imported `warm`
    and been given the run's start (the parent ends it if that never comes)."""
    _follow_parent()
    collector.loading()  # as the command line's start (`procaudit.core.collector`)
    importlib.import_module(warm)
    start, start_args, lang = starts.get()
    set_language(lang)
    start(*start_args)
    collector.loaded()


def _follow_parent() -> None:
    """Leave Ctrl-C to the parent, and end with it (see `_start_worker`)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_end_with, args=(os.getppid(),), daemon=True).start()


def _end_with(parent: int) -> None:
    """End this worker once `parent` is gone (the worker is then another process's child)."""
    while os.getppid() == parent:
        time.sleep(1.0)
    os._exit(1)
