"""Parse a run's first CSV file on pyarrow's threads while the run is still importing.

A run spends its first second importing pandas, pandera and the rules on one core, then
parses its first file; pyarrow parses on C++ threads, without Python's lock, so the two can
overlap. `reading_ahead` starts the parse (`arrow_parse.parse_csv`, blank cells made
missing too) as soon as the run knows its files, before pandas is imported: this module and
those it imports need none. The pyarrow reader (arrow_csv.py) then asks `parsed_csv` for the
records, and gets those parsed ahead when they are of the same file, unchanged since (path,
device, inode, size, change time) and cut the same way.
Otherwise, and whenever the read-ahead failed, the reader parses the file itself, exactly as
without it: the faults and messages are the same. Work that needs only the records can
follow the parse on its thread (`when_parsed`): the names' keys, begun while the run still
imports its rules (`name_keys_ahead.start_keys_of_parse`).
"""

from __future__ import annotations

import os
import stat
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from procaudit.io.arrow_parse import CsvPlan, ParsedCsv, csv_plan, parse_csv
from procaudit.io.csv_sniff import CSV_SUFFIXES

_Identity = tuple[int, int, int, int]
_Result = tuple[CsvPlan, ParsedCsv | None]


class _Ahead:
    """The parse of one file on a thread of its own, and what it gave."""

    def __init__(self, path: Path, identity: _Identity) -> None:
        self.path = path
        self.identity = identity
        self.result: _Result | None = None
        self.ended = False  # under `_lock`, with `then`
        self.then: Callable[[ParsedCsv], None] | None = None  # see `when_parsed`
        # Not a daemon: a run that ends early waits for the parse rather than tear pyarrow
        # down under it.
        self.thread = threading.Thread(target=self._read, name="procaudit-read-ahead")

    def _read(self) -> None:
        try:
            plan = csv_plan(self.path)
            result = None if plan is None else (plan, parse_csv(self.path, plan))
        except Exception:  # whatever it was, the reader meets it again and says it as ever
            result = None
        if _identity(self.path) == self.identity:  # not changed while it was parsed
            self.result = result
        with _lock:
            self.ended = True
            then, self.then = self.then, None
        _follow(then, self.result)


_pending: _Ahead | None = None
_lock = threading.Lock()


@contextmanager
def reading_ahead(path: str, max_size: int) -> Iterator[bool]:
    """`path` parsed ahead while the block runs, when it is a CSV file of at most `max_size`
    bytes (a larger one is refused unread); a table nobody took is dropped at its end. The
    block is told whether a parse is under way (`when_parsed` can follow it then)."""
    start_reading(path, max_size)
    try:
        with _lock:
            parsing = _pending is not None
        yield parsing
    finally:
        _claim(None)


def start_reading(path: str, max_size: int) -> None:
    """Start parsing `path` on a thread (see `reading_ahead`), in place of any parse
    started before and not taken, unless that one is of this file as it is now (started
    from the command line, `cli.early_input`)."""
    global _pending
    file = Path(path)
    identity = _identity(file)
    if file.suffix.lower() not in CSV_SUFFIXES or identity is None:
        return
    if identity[2] > max_size:
        return
    ahead = _Ahead(file, identity)
    with _lock:
        if _pending is not None and (_pending.path, _pending.identity) == (file, identity):
            return
        _pending = ahead
    ahead.thread.start()


def when_parsed(then: Callable[[ParsedCsv], None]) -> None:
    """Give `then` the records parsed ahead as soon as they are: on the parse's thread when
    it is still parsing, here when it is done; never when no parse is pending or it gave no
    records. For work that only gets ahead of the reader: a fault in it is left for the
    reader to meet, as ever."""
    with _lock:
        ahead = _pending
        if ahead is None:
            return
        if not ahead.ended:
            ahead.then = then
            return
    _follow(then, ahead.result)


def _follow(then: Callable[[ParsedCsv], None] | None, result: _Result | None) -> None:
    if then is None or result is None or result[1] is None:
        return
    with suppress(Exception):  # work ahead only: the reader makes it again, meets the fault
        then(result[1])


def parsed_csv(path: Path, plan: CsvPlan) -> ParsedCsv | None:
    """The records of `path` cut by `plan` (`arrow_parse.parse_csv`): those parsed ahead
    when they are of this file as it is now, else parsed here; None when pyarrow refuses
    the file."""
    ahead = _claim(path)
    if ahead is not None:
        ahead.thread.join()
        if (
            ahead.result is not None
            and ahead.result[0] == plan
            and _identity(path) == ahead.identity
        ):
            return ahead.result[1]
    return parse_csv(path, plan)


def _claim(path: Path | None) -> _Ahead | None:
    """The parse started for `path` (None: for any file), no longer pending."""
    global _pending
    with _lock:
        ahead = _pending
        if ahead is None or (path is not None and ahead.path != path):
            return None
        _pending = None
    return ahead


def _identity(path: Path) -> _Identity | None:
    """What tells that a regular file is still the one it was; None for anything else."""
    try:
        status = os.stat(path)
    except (OSError, ValueError):
        return None
    if not stat.S_ISREG(status.st_mode):
        return None
    return status.st_dev, status.st_ino, status.st_size, status.st_mtime_ns
