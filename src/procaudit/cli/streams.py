"""The standard streams of a run from the console script, made safe before anything writes.

- A descriptor the caller closed (`procaudit check … >&-`, a daemon started without
  streams) is held open on /dev/null, so that no file the run opens takes its number: a
  report or a library's warning would otherwise land in whatever file got descriptor 1 or 2.
  Output for a closed stdout is not written: the run says so (`StdoutUnwritable`).
- stdout writes through `_Descriptor`, which turns the system's refusal (a full disk, a
  closed stdout, a reader gone) into `StdoutUnwritable`, raised once: after it, what is
  left is dropped, so that no later flush, nor the interpreter's own at exit, fails again
  and prints a traceback. The command line says it in one sentence (exit 2).
- Text the console's encoding cannot show (PYTHONIOENCODING=cp1252, a Windows code page)
  is replaced rather than raised; the machine formats are written as UTF-8 bytes whatever
  the console's encoding (`procaudit.app.check`).

Free of typer and of pandas: the console script (`cli.launch`) calls `prepare` first.
"""

from __future__ import annotations

import contextlib
import errno
import io
import os
import select
import sys
from typing import Final

from procaudit.core.i18n import t

_STDOUT: Final = 1
_BUFFER: Final = 64 * 1024  # a report is written in large pieces: fewer system calls


class StdoutUnwritable(OSError):
    """stdout refused what the run wrote to it; the message says why, in one phrase. No
    errno of its own: typer takes an OSError with EPIPE for a pager that quit, and ends
    the run with exit 1 and no word."""


class _Descriptor(io.RawIOBase):
    """Writes to file descriptor 1; its first failure raises `StdoutUnwritable`, and every
    write after it is dropped."""

    def __init__(self, closed: bool) -> None:
        super().__init__()
        self.failed: str | None = t("stdout is closed", "stdout đã bị đóng") if closed else None
        self._told = False

    def writable(self) -> bool:
        return True

    def fileno(self) -> int:
        return _STDOUT

    def isatty(self) -> bool:
        return self.failed is None and os.isatty(_STDOUT)

    def write(self, data: bytes | bytearray | memoryview) -> int:  # type: ignore[override]
        size = len(data)
        while self.failed is None:
            try:
                return os.write(_STDOUT, data)
            except BlockingIOError:  # a stdout another program left non-blocking: wait
                select.select([], [_STDOUT], [])
            except OSError as exc:
                self.failed = _reason(exc)
        if self._told:
            return size  # dropped: the run has been told
        self._told = True
        raise StdoutUnwritable(self.failed)


def _reason(exc: OSError) -> str:
    if exc.errno == errno.EPIPE:
        return t(
            "the program reading it stopped reading (broken pipe)",
            "chương trình đọc đã ngừng đọc (broken pipe)",
        )
    if exc.errno == errno.EBADF:
        return t("stdout is closed", "stdout đã bị đóng")
    reason = exc.strerror or str(exc)
    return reason[:1].lower() + reason[1:]  # "no space left on device", inside a sentence


def prepare() -> None:
    """Hold closed standard descriptors open on /dev/null, and put stdout behind
    `_Descriptor` (see the module's docstring). A second call finds it done."""
    buffer = getattr(sys.stdout, "buffer", None)
    if isinstance(buffer, io.BufferedWriter) and isinstance(buffer.raw, _Descriptor):
        return
    closed = {number for number in (0, 1, 2) if not _is_open(number)}
    for number in sorted(closed):
        _hold_on_devnull(number)
    before = sys.stdout
    encoding = getattr(before, "encoding", None) or "utf-8"
    errors = getattr(before, "errors", None) or "strict"
    raw = _Descriptor(closed=_STDOUT in closed)
    if before is not None:
        with contextlib.suppress(OSError, ValueError):
            before.flush()
    sys.stdout = io.TextIOWrapper(
        io.BufferedWriter(raw, _BUFFER),
        encoding=encoding,
        # What the console cannot show is replaced, never raised (a lone surrogate kept as
        # the console would have kept it).
        errors="replace" if errors == "strict" else errors,
        line_buffering=raw.isatty(),
    )


def _is_open(number: int) -> bool:
    try:
        os.fstat(number)
    except OSError:
        return False
    return True


def _hold_on_devnull(number: int) -> None:
    opened = os.open(os.devnull, os.O_RDWR)
    if opened != number:
        os.dup2(opened, number)
        os.close(opened)


def flush_stdout() -> str | None:
    """Flush stdout; why it could not take what was written (once), else None."""
    try:
        if sys.stdout is not None:
            sys.stdout.flush()
    except StdoutUnwritable as exc:
        return str(exc)
    except (OSError, ValueError):  # a stream of the caller's (tests): its own business
        return None
    return None
