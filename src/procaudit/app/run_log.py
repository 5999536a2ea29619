"""The run log (`--log FILE`, or `log` in the configuration): one line per `procaudit check`
run, appended, so that a nightly job leaves one line a night to read or to grep.

    2025-08-15T02:15:04+07:00 files=9 errors=12 warnings=3 infos=858 unread=0 exit=1

The time is local, with its offset (`PROCAUDIT_NOW` stands for the clock, as for the
history); `new=N` follows `infos` with a baseline. The fields are fixed words, whatever the
language of the run, so that a script can read them. A line is appended with one write to
a file opened for appending: lines of runs writing at once never interleave.
"""

from __future__ import annotations

import contextlib
import errno
import os
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from procaudit.app.outputs import CannotWrite
from procaudit.core.findings import Severity
from procaudit.history.store import NOW_ENVIRONMENT  # one clock for the log and the history

if TYPE_CHECKING:
    from procaudit.core.findings import AuditResult


def run_line(result: AuditResult | None, exit_code: int, now: datetime | None = None) -> str:
    """The log line of a run that found `result` (None: it stopped before the audit ended)
    and ends with `exit_code`."""
    fields = [_local_time(now)]
    if result is not None:
        counts = result.count_by_severity()
        fields += [
            f"files={len(result.files)}",
            f"errors={counts[Severity.ERROR]}",
            f"warnings={counts[Severity.WARNING]}",
            f"infos={counts[Severity.INFO]}",
        ]
        if result.baseline is not None:
            fields.append(f"new={len(result.baseline.new)}")
        fields.append(f"unread={len(result.failures)}")
    fields.append(f"exit={exit_code}")
    return " ".join(fields) + "\n"


def append_line(path: Path, line: str) -> None:
    """Append `line` to the log at `path` (created if missing) in one write; a CannotWrite
    when it cannot be. A line the disk had no room for is taken back whole, and a log this
    run created is removed: a half line would read as a damaged log (issue 20)."""
    data = line.encode("utf-8")
    try:
        existed = os.path.lexists(path)
        handle = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o666)
        try:
            size = os.fstat(handle).st_size
            try:
                if os.write(handle, data) != len(data):  # a short write: the disk is full
                    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))
            except OSError:
                _take_back(handle, size, path, created=not existed)
                raise
        finally:
            os.close(handle)
    except OSError as exc:
        raise CannotWrite(path, exc) from None


def _take_back(handle: int, size: int, path: Path, created: bool) -> None:
    """Cut the log back to `size` and remove it if this run created it empty; a log that
    cannot be cut (a device such as /dev/full) is left: the write's own error is the one
    to tell, not the cut's "Invalid argument"."""
    with contextlib.suppress(OSError):
        os.ftruncate(handle, size)
        if created and size == 0:
            os.unlink(path)


def _local_time(now: datetime | None) -> str:
    if now is None:
        given = os.environ.get(NOW_ENVIRONMENT)
        now = _parsed(given) if given else None
    moment = (now or datetime.now()).astimezone()
    return moment.isoformat(timespec="seconds")


def _parsed(text: str) -> datetime | None:
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None  # the history says so; the log keeps the clock
    # Without a zone it is UTC, as for the history.
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
