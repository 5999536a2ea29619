"""The console script `procaudit` (and `python -m procaudit`): a check's file starts its
parse before the command line is imported (`cli.early_input`), then the app runs
(`cli.main.run`).

Free of typer at import: the package `procaudit.cli` imports nothing on its own, so that
reaching this module costs no more than Python's start.
"""

from __future__ import annotations

import sys


def run() -> None:
    """The console script: the standard streams made safe (`cli.streams`), the run prepared
    (`early_input.prepare`), then the app, ended without the interpreter's teardown where
    nothing needs it (`cli.main.run`)."""
    from procaudit.cli.streams import prepare as prepare_streams

    prepare_streams()
    from procaudit.cli.early_input import prepare

    prepare(sys.argv[1:])
    from procaudit.cli.main import run as run_app

    run_app()
