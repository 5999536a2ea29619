"""Ctrl-C (SIGINT) for a run from the console script: whenever it comes, the run ends with exit
code 130 (128 + 2, what a shell reports) and one line, never a traceback, and a run's outputs
are all written or none.

- `install` puts `_on_interrupt` in place of Python's handler as the console script starts,
  before typer, pandas and the commands are imported. It raises KeyboardInterrupt, as
  Python's does, and remembers that it did (`interrupted`): an interrupt can come in the
  middle of an import or of a library's code, which may wrap it in another exception
  (Python 3.11 turns one raised inside a class's creation into "RuntimeError: Error
  calling __set_name__"); the command line ends any run that was interrupted as interrupted.
  Where Python cannot raise it at all (a weakref callback of the import system, a `__del__`),
  it would print "Exception ignored in" and a traceback: `install` quiets those of ours, and
  the run still ends as interrupted, at the latest before its first output is written.
- `writing_outputs` holds an interrupt back while a run writes its outputs (baseline,
  history, report, fix-list): it takes effect when the last is written. An interrupt during
  the audit comes before the first: nothing is written. Each output is atomic already; this
  makes the set of them so.
- A second Ctrl-C stops the run at once (one line, exit 130), for a run that does not end
  fast enough: the one escape from a write that hangs.
- `ending` wraps the run's last act, the log's line, which says how the run ended: an
  interrupt that comes while it is written, or after (the process still flushing and
  exiting), is too late to stop the run and changes nothing, so that the exit code is the
  one the line says. A second one still ends the process at once.

Only on the main thread, and only where SIGINT still has Python's own handler: a program
embedding procaudit, or a shell that started it with SIGINT ignored (`nohup`, `&`), keeps
its own.
"""

from __future__ import annotations

# Only modules Python has loaded before any of procaudit's: this module is imported, and the
# handler installed, within the first milliseconds of the run (typing alone takes ~20 ms).
import os
import signal
import sys
from contextlib import contextmanager

TYPE_CHECKING = False  # not typing's, which is not loaded yet: type checkers take it alike
if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from sys import UnraisableHookArgs
    from types import FrameType

INTERRUPTED_EXIT = 128 + signal.SIGINT  # 130, as a shell reports a run Ctrl-C ended

# The run's state (one run per process: the console script's).
_received = False  # an interrupt came: the run ends as interrupted
_holding = 0  # depth of `writing_outputs` blocks: an interrupt waits for them
_said = False  # the one line has been written
_ended = False  # the run's last act is done: a first interrupt is too late to change it
_late = False  # an interrupt came after that


def install() -> None:
    """Handle SIGINT as the module's docstring says, where Python's own handler is in place
    (on the main thread: Python lets no other set a handler)."""
    if signal.getsignal(signal.SIGINT) is not signal.default_int_handler:
        return
    try:
        signal.signal(signal.SIGINT, _on_interrupt)
    except ValueError:  # not the main thread
        return
    sys.unraisablehook = _unless_our_interrupt(sys.unraisablehook)


def interrupted() -> bool:
    """Whether Ctrl-C came during this run (installed runs only)."""
    return _received


def interrupted_line() -> str | None:
    """The one line an interrupted run ends with, the first time it is asked for; None
    after that, or when no interrupt came."""
    global _said
    if not _received or _said:
        return None
    _said = True
    from procaudit.core.i18n import t

    return t("procaudit: interrupted", "procaudit: đã dừng (Ctrl-C)")


def _on_interrupt(signum: int, frame: FrameType | None) -> None:
    global _received, _late
    if _ended and not _late:  # too late to stop the run: it ends as its log says
        _late = True
        return
    if _received or _late:  # a second Ctrl-C: at once
        line = interrupted_line()
        if line is not None:
            os.write(2, (line + "\n").encode("utf-8", "replace"))
        os._exit(INTERRUPTED_EXIT)
    _received = True
    if _holding:
        return  # the outputs being written are finished first (`writing_outputs`)
    raise KeyboardInterrupt


def _unless_our_interrupt(
    hook: Callable[[UnraisableHookArgs], object],
) -> Callable[[UnraisableHookArgs], None]:
    """`hook`, silent for the KeyboardInterrupt `_on_interrupt` raised where Python could
    only print it (the run ends as interrupted all the same)."""

    def unraisable(args: UnraisableHookArgs) -> None:
        if _received and isinstance(args.exc_value, KeyboardInterrupt):
            return
        hook(args)

    return unraisable


@contextmanager
def ending() -> Iterator[None]:
    """The run's last act, the log's line: an interrupt that came before it stops the run
    before it (nothing written); one that comes while it is done, or after, is too late and
    changes nothing (see the module's docstring)."""
    global _holding, _received, _ended
    if _received and not _holding:
        raise KeyboardInterrupt
    _holding += 1
    try:
        yield
    finally:
        _holding -= 1
        if not _holding:
            _received, _ended = False, True


@contextmanager
def writing_outputs() -> Iterator[None]:
    """While the block writes the run's outputs, an interrupt waits; it is raised when the
    block has written them all. An interrupt that came before the block stops the run
    before anything is written."""
    global _holding
    if _received and not _holding:
        raise KeyboardInterrupt
    _holding += 1
    try:
        yield
    finally:
        _holding -= 1
    if _received and not _holding:
        raise KeyboardInterrupt
