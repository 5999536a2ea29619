"""The console script `procaudit` (and `python -m procaudit`): a check's file starts its
parse before the command line is imported (`cli.early_input`), then the app runs
(`cli.main.run`).

Free of typer at import: the package `procaudit.cli` imports nothing on its own, so that
reaching this module costs no more than Python's start.
"""

from __future__ import annotations

import contextlib
import os
import sys


def run() -> None:
    """The console script: Ctrl-C handled from the first moment (`core.interrupts`), the
    standard streams made safe (`cli.streams`), the run prepared (`early_input.prepare`),
    then the app, ended without the interpreter's teardown where nothing needs it
    (`cli.main.run`). Ctrl-C before the app runs ends the run as the app would."""
    from procaudit.core import interrupts

    interrupts.install()
    try:
        from procaudit.cli.streams import prepare as prepare_streams

        prepare_streams()
        from procaudit.cli.early_input import prepare

        prepare(sys.argv[1:])
        from procaudit.cli.main import run as run_app

        run_app()
    except KeyboardInterrupt:
        _stopped()
    except Exception:
        if not interrupts.interrupted():  # an interrupt wrapped by a library: see there
            raise
        _stopped()


def _stopped() -> None:
    """The end of a run Ctrl-C interrupted: its one line, exit 130, no teardown."""
    from procaudit.core.interrupts import INTERRUPTED_EXIT, interrupted_line

    line = interrupted_line()
    with contextlib.suppress(Exception):
        if line is not None:
            sys.stderr.write(line + "\n")
        sys.stderr.flush()
    os._exit(INTERRUPTED_EXIT)
