"""The app: the root options and the seven commands, with their help in the help's language,
and its run for the console script (`cli.launch`, which prepares the run first).

Every module that holds a help text is imported inside `speaking_the_help_language()`, here
and nowhere before (the console script imports this module before any other that holds
one): see `procaudit.cli.help`.
"""

from __future__ import annotations

import os
import sys
import threading
from typing import NoReturn

import typer

from procaudit.cli.early_input import prepare
from procaudit.cli.help import Group, read_annotations, speaking_the_help_language
from procaudit.cli.streams import StdoutUnwritable, flush_stdout
from procaudit.core import interrupts
from procaudit.core.i18n import t


def build_app() -> typer.Typer:
    """The app, its help texts in the help's language."""
    with speaking_the_help_language():
        from procaudit.cli import check, config, diff, fix, history, inspect, root, rules

        app = typer.Typer(
            name="procaudit",
            cls=Group,
            help=t(
                "Audit administrative-procedure catalogues (thủ tục hành chính) for "
                "data-quality defects.",
                "Rà soát danh mục thủ tục hành chính để phát hiện sai sót về chất lượng dữ liệu.",
            ),
            no_args_is_help=True,
            add_completion=False,
            pretty_exceptions_enable=False,
            # Plain click help: typer's rich help imports rich.markdown and markdown-it
            # (0.13 s), and --help must stay well under the cost of importing pandas.
            rich_markup_mode=None,
        )
        root.register(app)
        for command in (check, fix, inspect, history, diff, config, rules):  # the help's order
            command.register(app)
        read_annotations(app)
    return app


app = build_app()


def main() -> None:
    """The app, its own failures ended in one sentence and exit 2 (the console script is
    `cli.launch.run`, which prepares the run before importing this module; prepared here
    too for a caller of `main`, it finds that done)."""
    prepare(sys.argv[1:])
    try:
        app()
    except StdoutUnwritable as exc:  # a full disk, a closed stdout: not procaudit's bug
        _cannot_write_stdout(str(exc))
        sys.exit(2)
    except Exception as exc:
        if interrupts.interrupted():  # Ctrl-C, wrapped by the code it stopped
            sys.exit(interrupts.INTERRUPTED_EXIT)
        # A bug in procaudit: say so briefly unless asked for details.
        if os.environ.get("PROCAUDIT_DEBUG"):
            raise
        typer.echo(
            f"procaudit: internal error: {exc.__class__.__name__}: {exc} "
            + t(
                "(set PROCAUDIT_DEBUG=1 for details and please report it)",
                "(đặt PROCAUDIT_DEBUG=1 để xem chi tiết và vui lòng báo lỗi này)",
            ),
            err=True,
        )
        sys.exit(2)


def run() -> None:
    """`main`, ended without the interpreter's teardown where nothing needs it, for the
    console script (`cli.launch`; `main` itself returns, for a caller that goes on)."""
    try:
        main()
    except SystemExit as done:
        _end(done)


def _end(done: SystemExit) -> NoReturn:
    """Exit as `done` says, without the interpreter's teardown where nothing needs it: after a
    1M-row check, freeing every object and module one by one took 0.3 s, and the system takes
    the memory back at once. Every file the run writes is closed by then; the streams are
    flushed here. A code that is a message, a run that started worker processes or left a
    thread running exit the usual way."""
    code = done.code
    if interrupts.interrupted():  # whatever the run was doing when it was stopped
        code = interrupts.INTERRUPTED_EXIT
        done = SystemExit(code)
        if (line := interrupts.interrupted_line()) is not None:
            typer.echo(line, err=True)
    elif (refused := flush_stdout()) is not None:  # said once; what is left is dropped
        _cannot_write_stdout(refused)
        code = 2 if isinstance(code, int | None) else code
        done = SystemExit(code)
    if not isinstance(code, int | None) or _others_running():
        raise done
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except OSError:  # a closed pipe: Python's own exit reports it as it always has
        raise done from None
    if "logging" in sys.modules:  # a library's handlers, flushed as at a usual exit
        sys.modules["logging"].shutdown()
    os._exit(code or 0)


def _others_running() -> bool:
    """Whether worker processes were started (their clean-up runs at exit) or a thread
    other than a daemon is still alive."""
    return "multiprocessing" in sys.modules or any(
        thread is not threading.main_thread() and not thread.daemon
        for thread in threading.enumerate()
    )


def _cannot_write_stdout(reason: str) -> None:
    typer.echo(
        "procaudit: error: "
        + t(
            "could not write to stdout: {reason}",
            "không ghi được ra stdout: {reason}",
            reason=reason,
        ),
        err=True,
    )
