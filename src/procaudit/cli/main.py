"""The app: the root options and the seven commands, with their help in the help's language,
and the console entry point.

Every module that holds a help text is imported inside `speaking_the_help_language()`, here
and nowhere before (`procaudit.cli` imports this module first): see `procaudit.cli.help`.
"""

from __future__ import annotations

import os
import sys
import threading
from typing import NoReturn

import typer

from procaudit.cli.early_input import single_input
from procaudit.cli.help import Group, read_annotations, speaking_the_help_language
from procaudit.core import collector
from procaudit.core.i18n import t
from procaudit.core.limits import MAX_FILE_SIZE_MB, MB


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

# Arrow's memory from the C allocator, not from mimalloc (pyarrow's default), unless the user
# chose: mimalloc keeps pages the kernels freed, and a 1M-row check peaked ~90 MB higher with
# it. Read by pyarrow when first imported, which is after this, inside a command.
ARROW_POOL = "system"

# numpy's OpenBLAS starts a thread per core as numpy is imported, and each spins ~0.1 s
# waiting for work that never comes (procaudit does no linear algebra): on 2 cores, a core
# taken from the first file's parse, in every process of a run. One thread (none started)
# unless the user chose. Read by OpenBLAS when numpy is first imported, after this.
BLAS_THREADS = "1"


def main() -> None:
    """The app, its own failures ended in one sentence and exit 2 (the console script is
    `run`)."""
    collector.loading()  # the engine says `loaded` when the work begins
    os.environ.setdefault("ARROW_DEFAULT_MEMORY_POOL", ARROW_POOL)
    os.environ.setdefault("OPENBLAS_NUM_THREADS", BLAS_THREADS)
    parse_ahead(sys.argv[1:])
    try:
        app()
    except Exception as exc:  # a bug in procaudit: say so briefly unless asked for details
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


def parse_ahead(args: list[str]) -> None:
    """A check of one CSV file has it parsed from here on, not only once typer has converted
    every argument (`cli.early_input`), within the default size limit. With a
    --max-file-size of the user's, it is parsed once the command runs, as before: a file
    over a lower limit must be refused unread."""
    from procaudit.app.check import start_reading_early  # imported by the app already

    if any(arg.startswith("--max-file-size") for arg in args):
        return

    root = app.registered_callback.callback if app.registered_callback else None
    for command in app.registered_commands:
        check = command.callback
        if root is None or check is None or (command.name or check.__name__) != "check":
            continue
        path = single_input(root, "check", check, args)
        if path is not None:
            start_reading_early(path, MAX_FILE_SIZE_MB * MB)


def run() -> None:
    """The console script and `python -m procaudit`: `main`, ended without the interpreter's
    teardown where nothing needs it (`main` itself returns, for a caller that goes on)."""
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
