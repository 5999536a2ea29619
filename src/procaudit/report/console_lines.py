"""Lines for the terminal: the console the human report prints on, and text folded at words
to its width, each piece indented under the one before.

The terminal would otherwise break a long line wherever it reaches the edge, in the middle of
a Vietnamese word, and a fix written on several lines would start its later lines at the left
margin. Here a line is split at its own line breaks, then folded at spaces (a word longer than
the whole width is the only thing ever cut), and every line after the first takes a hanging
indent. A report not for a terminal (`fold=False`: a file, a pipe) keeps each line whole,
greppable, and has no colour; only its line breaks are indented.
"""

from __future__ import annotations

from typing import TextIO

from rich.cells import cell_len
from rich.console import Console
from rich.text import Text

_NARROWEST = 20  # the least room a folded line gets, however deep its indent


# The width of a report that is not for a terminal: its tables as wide as they need.
WHOLE_WIDTH = 10_000


def make_console(out: TextIO, width: int | None, terminal: bool = True) -> Console:
    """The console of a human report on `out`: `width` columns, else the terminal's (or
    COLUMNS, else 80). Soft wrap, because the report folds its lines itself (`Folder`): rich
    would break them at the edge with no indent. Not for a terminal (a file, a pipe): no
    colour and room for whole lines, whatever COLUMNS and FORCE_COLOR say."""
    if terminal:
        return Console(file=out, width=width, highlight=False, soft_wrap=True)
    return plain_console(out, width or WHOLE_WIDTH, soft_wrap=True)


def plain_console(out: TextIO | None, width: int | None, soft_wrap: bool = False) -> Console:
    """A console writing text without colour or other escape codes, whatever FORCE_COLOR
    says: for a file, or a stdout that is no terminal."""
    return Console(
        file=out,
        width=width,
        highlight=False,
        soft_wrap=soft_wrap,
        color_system=None,
        force_terminal=False,
    )


class Folder:
    """Folds text to the console's width, or (`fold=False`) leaves lines whole."""

    def __init__(self, console: Console, fold: bool = True) -> None:
        self.console = console
        self.width: int | None = console.width if fold else None

    def lines(self, body: Text | str, first: str = "", rest: str | None = None) -> list[Text]:
        """`body`'s lines, `first` before the first (an indent, or a label such as "fix: ")
        and `rest` (by default as many spaces as `first` is wide) before each other one, so
        that the text after `first` stays in one column. The prefixes take `body`'s style."""
        text = body if isinstance(body, Text) else Text(body)
        rest = " " * cell_len(first) if rest is None else rest
        # Room for the wider prefix on every line: rich folds a line to one width.
        wider = first if cell_len(first) >= cell_len(rest) else rest
        lines: list[Text] = []
        for line in text.split("\n", allow_blank=True):
            for piece in self._folded(line, wider if not lines else rest):
                lines.append(Text(first if not lines else rest, style=text.style) + piece)
        return lines

    def _folded(self, line: Text, prefix: str) -> list[Text]:
        if self.width is None:
            return [line]
        room = max(self.width - cell_len(prefix), _NARROWEST)
        if line.cell_len <= room:  # most lines: no wrapping to pay for
            return [line]
        pieces = line.wrap(self.console, room, overflow="fold")
        for piece in pieces:
            piece.rstrip()  # the space a line was broken at
        return list(pieces)

    def print(self, body: Text | str, first: str = "", rest: str | None = None) -> None:
        """Print `body` folded (see `lines`), in one call to rich."""
        self.console.print(Text("\n").join(self.lines(body, first, rest)))
