"""The scorecard in the terminal report: one line per ministry, province or file (or per unit,
grouped by agency), the total, the headlines and the notes, when a run audits two catalogues
or more or groups by agency (one catalogue's report says it all)."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from procaudit.core.findings import AuditResult
from procaudit.core.i18n import t
from procaudit.engine.scorecard import table, worth_showing

_LABEL_WIDTH = 12  # the label column is kept at least this wide (or as its longest label)
_PADDING = 2  # between two columns


def print_scorecard(console: Console, result: AuditResult) -> None:
    """The scorecard of `result` (made by `procaudit check`), if it has one worth showing."""
    scorecard = result.scorecard
    if scorecard is None or not worth_showing(scorecard, len(result.files)):
        return
    headings, rows = table(scorecard)
    grid = Table(show_edge=False, pad_edge=False, box=None)
    for number, (heading, width) in enumerate(
        zip(headings, _widths(console, headings, rows), strict=True)
    ):
        # A label (a province, or a path) is folded onto more lines, never cut.
        grid.add_column(
            heading,
            header_style="bold",
            min_width=width,
            justify="left" if number == 0 else "right",
            overflow="fold" if number == 0 else "ellipsis",
        )
    for number, cells in enumerate(rows):
        grid.add_row(*cells, style="bold" if number == len(rows) - 1 else None)  # the total
    console.print()
    console.print(Text(t("Scorecard", "Bảng tổng hợp"), style="bold"))
    console.print(grid)
    for headline in scorecard.headlines:
        console.print(f"  {headline}")
    for note in scorecard.notes:
        console.print(Text(t("  note: {note}", "  lưu ý: {note}", note=note), style="dim"))


def _widths(console: Console, headings: list[str], rows: list[list[str]]) -> list[int]:
    """The narrowest each column may be: its numbers whole, and, where the console is wide
    enough for it, each word of its heading (which then wraps at its spaces instead of
    being cut short)."""
    cells = [max(len(row[number]) for row in rows) for number in range(len(headings))]
    words = [
        max(cell, *(len(word) for word in heading.split()))
        for cell, heading in zip(cells, headings, strict=True)
    ]
    if _fits(console, words):  # the labels whole too
        return words
    cells[0] = words[0] = min(cells[0], _LABEL_WIDTH)
    return words if _fits(console, words) else cells


def _fits(console: Console, widths: list[int]) -> bool:
    return sum(widths) + _PADDING * (len(widths) - 1) <= console.width
