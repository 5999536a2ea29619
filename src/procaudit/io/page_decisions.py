"""The decision a list's rows take from a title: the list's own, or that of the list a sheet
goes on with (a PDF converted a sheet per page quotes "(Kèm theo Quyết định số …)" on page 1
only).

A sheet read under the header of the list before it (`io.continued_sheets`) always takes
that list's decision. A sheet repeating the header takes it only where that header reads the
same columns at the same places, nothing but page numbers stands above it ("2", "- 2 -",
"Trang 2", "Page 2 of 3") and nothing else gives it a decision: a second list with its own
title or header keeps its own. Whether it repeats the list's procedures (a sheet per unit,
the same list again, which takes none) is told after the reading (`workbook_read`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from procaudit.io.decisions import part_decision
from procaudit.io.grid import Grid

# A title block of page numbers only: "2", "- 2 -", "Trang 2", "Page 2 of 3", "2/5".
_PAGE_MARK = re.compile(
    r"^\s*(?:(?:trang|page)\s*)?[-–(]?\s*\d{1,3}\s*[-–)]?\s*(?:(?:/|of|trên)\s*\d{1,3})?\s*$",
    re.IGNORECASE,
)


def title_decision_of(
    grid: Grid, columns: Mapping[str, int], title: Iterable[str], given: Mapping[str, str]
) -> tuple[str, str | None] | None:
    """The decision a table's title quotes, or the one `grid.list_decision` offers where it
    takes it, with the sheet whose title quotes it when not this one; None if neither."""
    title = tuple(title)
    own = part_decision(title, grid.sheet_title)
    if own is not None:
        return own, None
    offered = grid.list_decision
    if offered is None:
        return None
    if offered.columns is not None and (
        offered.columns != dict(columns)
        or "decision_no" in given
        or not all(_PAGE_MARK.match(text) for text in title)
    ):
        return None
    return offered.number, offered.sheet
