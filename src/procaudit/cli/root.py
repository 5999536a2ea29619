"""The options before the command: --version, and a --lang for the command that follows.

Imported inside `speaking_the_help_language()` (see `procaudit.cli.help`).
"""

from __future__ import annotations

from typing import Annotated

import typer

from procaudit import __version__
from procaudit.cli.common import remember_root_language
from procaudit.cli.options import LangOption
from procaudit.core.i18n import t


def _version(value: bool) -> None:
    if value:
        typer.echo(f"procaudit {__version__}")
        raise typer.Exit()


def root(
    ctx: typer.Context,
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            callback=_version,
            is_eager=True,
            help=t("Print the version and exit.", "Hiển thị phiên bản rồi thoát."),
        ),
    ] = False,
    lang: LangOption = None,
) -> None:
    """Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage or input error."""
    from procaudit.core.i18n import language, set_language

    remember_root_language(lang)
    # A run leaves the process speaking as it found it: tests invoke the app many times.
    before = language()
    ctx.call_on_close(lambda: set_language(before))
    set_language("en")  # until the command has read its --lang, PROCAUDIT_LANG or config


def register(app: typer.Typer) -> None:
    app.callback()(root)
