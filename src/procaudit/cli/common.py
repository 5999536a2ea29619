"""What every command does around its one call into `procaudit.app`: speak the language asked
for, check what was typed, settle the settings, name the files, and say a failure in one
sentence (exit 2).

Free of pandas at import: a bad flag is reported before anything heavy is imported.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, TextIO, TypeVar, cast

import typer

from procaudit.cli.overrides import parse_header_rows, parse_mapping
from procaudit.core.errors import ProcauditError
from procaudit.core.findings import FailOn
from procaudit.core.i18n import t
from procaudit.core.paths import shown_path

if TYPE_CHECKING:
    from rich.console import Console

    from procaudit.app.settings import CommandLine, Settings
    from procaudit.io import ReadOptions
    from procaudit.io.limits import Limits

Result = TypeVar("Result")


_root_language: str | None = None  # the --lang given before the command (procaudit --lang vi …)


def remember_root_language(lang: str | None) -> None:
    """Keep the --lang given before the command, for the command that follows."""
    global _root_language
    _root_language = lang


def fail(message: str) -> typer.Exit:
    """Say `message` as procaudit's one-sentence error; raise what this returns (exit 2)."""
    error(message)
    return typer.Exit(2)


def error(message: str) -> None:
    # shown_path: a file name that is not UTF-8, wherever the message names it, as `\xff`
    typer.echo(f"procaudit: error: {shown_path(message)}", err=True)


def note(message: str) -> None:
    typer.echo(f"procaudit: note: {shown_path(message)}", err=True)


def warning(message: str) -> None:
    """What even a quiet run says (content of the user's file a copy could not keep)."""
    typer.echo(f"procaudit: warning: {shown_path(message)}", err=True)


def attempt(call: Callable[[], Result]) -> Result:
    """What `call` returns; a ProcauditError it raises is said in one sentence (exit 2)."""
    try:
        return call()
    except ProcauditError as exc:
        raise fail(str(exc)) from None


def stderr_is_terminal() -> bool:
    """Whether a person watches stderr (the seam the tests force): a dumb terminal cannot
    redraw a line, so it gets no progress display."""
    return sys.stderr.isatty() and os.environ.get("TERM", "") not in ("dumb", "unknown")


def stdout_is_terminal() -> bool:
    """Whether a person watches stdout (the seam the tests force): the terminal report then
    fits its width and has colour; a file or a pipe gets whole lines and no colour codes,
    whatever COLUMNS and FORCE_COLOR say."""
    return sys.stdout.isatty()


def stdout_console() -> Console:
    """The console of a command's view on stdout. A terminal's fits its width; a file or a
    pipe gets no colour and whole lines, whatever COLUMNS says (80 columns folded a path or
    a rule's sentence mid-word for grep and cron mail), as the reports do."""
    if stdout_is_terminal():
        from rich.console import Console

        return Console(highlight=False)
    from procaudit.report.console_lines import WHOLE_WIDTH, plain_console

    # Lines as wide as they need; rich pads a table's cells and a rule's example blocks to
    # the width, and those spaces are taken off the line ends.
    return plain_console(cast(TextIO, _TrimmedStdout()), WHOLE_WIDTH, soft_wrap=True)


class _TrimmedStdout:
    """sys.stdout (as it is when written to), each line without the spaces at its end."""

    def __init__(self) -> None:
        self._pending = ""  # the start of a line not ended yet

    @property
    def encoding(self) -> str:  # rich picks its box characters by it
        return getattr(sys.stdout, "encoding", None) or "utf-8"

    def isatty(self) -> bool:
        return False

    def write(self, text: str) -> int:
        *ended, self._pending = (self._pending + text).split("\n")
        if ended:
            sys.stdout.write("".join(line.rstrip(" ") + "\n" for line in ended))
        return len(text)

    def flush(self) -> None:
        if self._pending:  # a print without its line end: written as it is
            sys.stdout.write(self._pending)
            self._pending = ""
        sys.stdout.flush()


def speak_early(lang: str | None) -> None:
    """Speak the --lang given (to the command, or before it), else PROCAUDIT_LANG's, from the
    start: reader notes and errors too. The configuration's lang comes with the settings."""
    from procaudit.core.i18n import ENVIRONMENT, language_from_environment

    flag = lang if lang is not None else _root_language
    if flag is not None:
        _speak(flag, "--lang")
    elif (environment := language_from_environment()) is not None:
        _speak(environment, ENVIRONMENT)


def asked_for_a_language(lang: str | None) -> bool:
    """Whether --lang (to the command, or before it) or PROCAUDIT_LANG named a language."""
    from procaudit.core.i18n import language_from_environment

    return lang is not None or _root_language is not None or language_from_environment() is not None


def _speak(lang: str, source: str) -> None:
    from procaudit.core.i18n import set_language

    try:
        set_language(lang)
    except ValueError:
        raise fail(
            t(
                "{source} '{lang}' is not a language procaudit speaks: use vi "
                "(Vietnamese) or en (English)",
                "{source} '{lang}' không phải ngôn ngữ procaudit hỗ trợ: dùng vi "
                "(tiếng Việt) hoặc en (tiếng Anh)",
                source=source,
                lang=lang,
            )
        ) from None


def command_line(
    select: list[str] | None = None,
    ignore: list[str] | None = None,
    fail_on: FailOn | None = None,
    mapping: list[str] | None = None,
    sheet: str | None = None,
    header_row: str | None = None,
    reference: Path | None = None,
    forms_dir: Path | None = None,
    online_target: float | None = None,
    group_by: str | None = None,
) -> CommandLine:
    """What was typed, checked before pandas is imported: a bad value is a usage error."""
    from procaudit.app.config import GROUP_BY
    from procaudit.app.settings import CommandLine

    if select is not None and not any(part.strip() for v in select for part in v.split(",")):
        raise fail(
            t(
                "--select names no rule (an empty value): give rule ids or prefixes "
                "(--select PA2,PA301), or leave --select out to run every rule",
                "--select không nêu quy tắc nào (giá trị rỗng): hãy ghi mã hoặc tiền tố mã "
                "quy tắc (--select PA2,PA301), hoặc bỏ --select để chạy mọi quy tắc",
            )
        )
    try:
        parse_header_rows(header_row)
        columns = parse_mapping(mapping)
    except ProcauditError as exc:
        raise fail(str(exc)) from None
    if group_by is not None and group_by.lower() not in GROUP_BY:
        raise fail(
            t(
                "--group-by '{value}' is not a grouping procaudit knows: use catalogue "
                "(the default) or agency",
                "--group-by '{value}' không phải cách nhóm procaudit hỗ trợ: dùng "
                "catalogue (mặc định) hoặc agency",
                value=group_by,
            )
        )
    return CommandLine(
        select=tuple(select or ()),
        ignore=tuple(ignore or ()),
        fail_on=fail_on.value if fail_on else None,
        mapping=columns,
        sheet=sheet,
        header_row=header_row,
        reference=reference,
        forms_dir=forms_dir,
        online_target=online_target,
        group_by=group_by.lower() if group_by else None,
    )


def settings(config_path: Path | None, line: CommandLine, lang: str | None = None) -> Settings:
    """The command line over the configuration file (--config, or the nearest one); from
    here on procaudit speaks the language they settle on (`lang`: the command's --lang)."""
    from procaudit.app.settings import load_settings
    from procaudit.core.i18n import set_language

    line = replace(line, lang=lang if lang is not None else _root_language)
    settled = attempt(lambda: load_settings(config_path, line))
    set_language(settled.lang.value)
    return settled


def limits(max_file_size: int, max_cells: int, max_cell_length: int) -> Limits:
    """The readers' limits from the --max-* flags (the file size in megabytes)."""
    from procaudit.core.limits import MB
    from procaudit.io.limits import Limits

    return Limits(
        max_file_size=max_file_size * MB, max_cells=max_cells, max_cell_length=max_cell_length
    )


def per_file_options(
    settled: Settings, paths: Sequence[str], limits: Limits
) -> dict[str, ReadOptions]:
    """How to read each file: --sheet and --header-row, else its [[files]] entry's, the
    settings' aliases and --map, and the limits."""
    from procaudit.io import ReadOptions

    options = {}
    for path in paths:
        sheet, header_row = settled.file_overrides(path)
        try:
            header_rows = parse_header_rows(header_row)
        except ProcauditError as exc:
            raise fail(str(exc)) from None
        options[path] = ReadOptions(
            sheet=sheet, header_rows=header_rows, mapping=settled.mapping.value, limits=limits
        )
    return options
