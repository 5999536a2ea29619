"""Build the canonical frame of one source table: mapped columns as text, and provenance."""

from __future__ import annotations

import pandas as pd

from procaudit.catalogue.columns import ROW, SHEET
from procaudit.io.grid import TEXT_DTYPE
from procaudit.io.headers import HeaderMap


def canonical_frame(
    body: pd.DataFrame, header_map: HeaderMap, rows: pd.Series, sheet: str | None
) -> pd.DataFrame:
    """Select and rename the mapped columns of `body` (positional columns, text cells).

    `rows` gives, for each body row, its number as the user sees it (Excel row or CSV line).
    The frame is built in one step from the columns' arrays: selecting, converting and
    adding columns one by one cost more than the rest of reading a small file.
    """
    index = pd.RangeIndex(len(body))
    cells = [column for _, column in body.items()]  # by position
    frame: dict[str, pd.Series] = {
        # Grid cells are text, or None where blank (see grid.py): nothing to clean here.
        column: _text(cells[position], index)
        for column, position in header_map.columns.items()
    }
    frame[ROW] = pd.Series(rows.to_numpy(), index=index, dtype="int64")
    # One value on every row: a category, a byte a row, not a pointer (8 MB a million rows).
    frame[SHEET] = pd.Series(sheet, index=index, dtype="category")
    return pd.DataFrame(frame, index=index, copy=False)


def _text(column: pd.Series, index: pd.RangeIndex) -> pd.Series:
    """`column.astype("str")` on `index`; a column of text already is shared (copied on
    write, as pandas' lazy copies are), not converted."""
    if column.dtype != TEXT_DTYPE:  # a workbook's column holding numbers, dates
        column = column.astype("str")
    return column.set_axis(index)
