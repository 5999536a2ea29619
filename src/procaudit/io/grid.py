"""A sheet as read, before its layout is understood: text cells and the user's row numbers."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd


@dataclass(frozen=True)
class Grid:
    """All cells of one sheet (or CSV file) as text, missing (None or NaN) where empty.

    `rows` holds, for each grid row, the number the user sees: the Excel row, or the CSV line
    on which the record starts. Columns are positions (0, 1, ...).
    """

    sheet: str | None
    cells: pd.DataFrame
    rows: pd.Series
    typed: bool = False  # cells came from typed values (a workbook): some were numbers


class NumberText(str):
    """The text of a cell that held a number, so that a column that should hold text (the
    code) can tell a number that lost its trailing zeros from text typed that way."""

    __slots__ = ()


def cell_text(value: object) -> str | None:
    """A cell's value as the text the user typed; numbers keep no spurious ".0"."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        return value if value.strip() else None
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return NumberText(int(value) if value.is_integer() else repr(value))
    if isinstance(value, int):
        return NumberText(value)
    # Dates as a Vietnamese Excel shows them, the way text dates in catalogues are typed.
    if isinstance(value, dt.datetime):
        return f"{value:%d/%m/%Y}" if value.time() == dt.time() else f"{value:%d/%m/%Y %H:%M}"
    if isinstance(value, dt.date):
        return f"{value:%d/%m/%Y}"
    if isinstance(value, dt.time):
        return value.isoformat()
    return str(value)


def text_grid(sheet: str | None, raw: list[list[object]], first_row: int = 1) -> Grid:
    """A grid from rows of raw cell values; grid row i is the user's row `first_row + i`."""
    cells = pd.DataFrame(raw, dtype=object)
    cells = cells.apply(lambda column: column.map(cell_text)) if not cells.empty else cells
    rows = pd.Series(range(first_row, first_row + len(cells)), index=cells.index)
    return Grid(sheet, cells, rows, typed=True)
