"""The help in the help's language (issue 8): the --lang, else the PROCAUDIT_LANG, of the
command line being run (`procaudit.core.i18n.help_language`).

Typer builds the help when the command line is imported, before it parses anything: every
help text is a `t(...)` evaluated then. `procaudit.cli.main` therefore builds the app inside
`speaking_the_help_language()`, which also fixes click's own words around the help texts
(usage line, headings, the notes after an option's help) in that language: they are printed
after the root callback has gone back to English. The configuration file's lang is not read
for the help: reading TOML here would slow every start.

The app's group (`Group`) also says click's usage errors (an unknown option, a bad value, a
missing argument) as procaudit says every other error: one line, `procaudit: error: …`, with
the --help to read, and exit 2; in the command line's language, click's usual words
translated.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from inspect import get_annotations
from typing import Any, ClassVar

import typer
from typer._click.exceptions import ClickException, NoArgsIsHelpError, UsageError
from typer.exceptions import Abort

from procaudit.core.i18n import help_language, language, set_language, speaking, t


@dataclass(frozen=True)
class ClickWords:
    """Click's words around the help texts, in one language."""

    usage: str
    headings: dict[str, str]
    # In a parameter's help: the --help option's, and the [default: …; required] after it.
    notes: dict[str, str]

    @classmethod
    def now(cls) -> ClickWords:
        """The words in the language spoken now."""
        return cls(
            usage=t("Usage: ", "Cách dùng: "),
            headings={
                "Arguments": t("Arguments", "Tham số"),
                "Options": t("Options", "Tùy chọn"),
                "Commands": t("Commands", "Các lệnh"),
            },
            notes={
                "Show this message and exit.": t(
                    "Show this message and exit.", "Hiển thị trợ giúp này rồi thoát."
                ),
                "  [default: ": t("  [default: ", "  [mặc định: "),
                "[required]": t("[required]", "[bắt buộc]"),
                "; required]": t("; required]", "; bắt buộc]"),
            },
        )

    def noted(self, text: str) -> str:
        for english, translated in self.notes.items():
            text = text.replace(english, translated)
        return text


class HelpFormatter(typer.Context.formatter_class):  # type: ignore[misc,valid-type]
    """Click's help formatter saying its usage line, headings and notes in the help's
    language; the notes are translated before wrapping, so the columns still line up."""

    words: ClassVar[ClickWords] = ClickWords.now()  # fixed again by speaking_the_help_language

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, self.words.usage if prefix is None else prefix)

    def section(self, name: str) -> AbstractContextManager[None]:
        return super().section(self.words.headings.get(name, name))

    def write_dl(
        self, rows: list[tuple[str, str]], col_max: int = 30, col_spacing: int = 2
    ) -> None:
        rows = [(term, self.words.noted(text)) for term, text in rows]
        super().write_dl(rows, col_max, col_spacing)


class HelpContext(typer.Context):
    formatter_class = HelpFormatter


class Command(typer.core.TyperCommand):
    """A command whose help speaks the help's language."""

    context_class = HelpContext


class Group(typer.core.TyperGroup):
    """The app's group, whose help speaks the help's language, and whose usage errors (an
    unknown option, a bad value, a missing argument) are one sentence and exit 2, as every
    other error of procaudit is, instead of click's usage block."""

    context_class = HelpContext

    def main(  # type: ignore[override]
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        if not standalone_mode:  # the caller handles click's exceptions itself
            return super().main(args, prog_name, complete_var, False, **extra)
        try:
            done = super().main(args, prog_name, complete_var, False, **extra)
        except NoArgsIsHelpError as exc:  # the help, as click shows it
            exc.show()
            sys.exit(exc.exit_code)
        except UsageError as exc:
            # Parsing failed before the command could set the run's language: the sentence
            # speaks the --lang or PROCAUDIT_LANG of the command line, as its help would.
            lang = help_language(sys.argv[1:] if args is None else args, os.environ)
            with speaking(lang):
                typer.echo(f"procaudit: error: {usage_sentence(exc)}", err=True)
            sys.exit(exc.exit_code)
        except ClickException as exc:
            exc.show()
            sys.exit(exc.exit_code)
        except Abort:
            typer.echo("Aborted!", err=True)
            sys.exit(1)
        # Not standalone, click returns what ends the run: an Exit's code, or the command's
        # value (None: success).
        sys.exit(done if isinstance(done, int) else 0)


# Click says its usage errors in English: in Vietnamese, its usual words are replaced
# (the values and option names between them stay as typed).
_CLICK_ERRORS_VI = (
    ("Missing argument", "Thiếu tham số"),
    ("Missing option", "Thiếu tùy chọn"),
    ("Missing parameter", "Thiếu tham số"),
    ("No such option:", "Không có tùy chọn"),
    ("No such command", "Không có lệnh"),
    ("Possible options:", "có thể là"),
    ("Did you mean", "Có phải là"),
    ("Invalid value for", "Giá trị không hợp lệ cho"),
    ("is not one of", "không phải một trong các giá trị"),
    ("is not a valid integer", "không phải số nguyên"),
    ("Input should be a valid integer, unable to parse string as an integer", "cần là số nguyên"),
    ("is not a valid float", "không phải số"),
    ("requires an argument", "cần một giá trị"),
    ("Got unexpected extra arguments", "Thừa các tham số"),
    ("Got unexpected extra argument", "Thừa tham số"),
    ("Option '", "Tùy chọn '"),
)


def usage_sentence(exc: UsageError) -> str:
    """Click's message for a usage error as one sentence, with where to read more."""
    message = exc.format_message().replace("Value error, ", "").strip().rstrip(".")
    if language() == "vi":
        for english, vietnamese in _CLICK_ERRORS_VI:
            message = message.replace(english, vietnamese)
    if exc.ctx is None:
        return message
    return message + t(
        " (see '{command} --help')", " (xem '{command} --help')", command=exc.ctx.command_path
    )


@contextmanager
def speaking_the_help_language() -> Iterator[None]:
    """Speak the help's language inside the block, with click's words fixed in it; then
    speak again as before (a test's process goes on in its own language)."""
    before = language()
    set_language(help_language(sys.argv[1:], os.environ))
    HelpFormatter.words = ClickWords.now()
    try:
        yield
    finally:
        set_language(before)


def read_annotations(app: typer.Typer) -> None:
    """Typer reads the commands' annotations only when the app runs (`from __future__ import
    annotations` keeps them as text): read them now, inside `speaking_the_help_language`, so
    that a help text written in a signature speaks the help's language too."""
    for command in (app.registered_callback, *app.registered_commands):
        if command is not None and command.callback is not None:
            command.callback.__annotations__ = get_annotations(command.callback, eval_str=True)
