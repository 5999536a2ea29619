"""Build the canonical frame of one source table: mapped columns as text, and provenance."""

from __future__ import annotations

from typing import cast

import numpy as np
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
    adding columns one by one cost more than the rest of reading a small file, and Series
    set on a new index cost half of that step again (0.5 -> 0.3 ms a commune's list).
    """
    if body.empty:  # pandas' own categories of no value: as it types them
        return _frame_of_series(body, header_map, rows, sheet)
    index = pd.RangeIndex(len(body))
    frame: dict[str, object] = {
        # Grid cells are text, or None where blank (see grid.py): nothing to clean here. A
        # column of text already is not converted: its Arrow array is shared by a new
        # wrapper, which an edit of the frame replaces, not the body's.
        column: _as_text(body[position]).array.copy()  # positional labels: `iloc` costs 3x
        for column, position in header_map.columns.items()
    }
    frame[ROW] = rows.to_numpy().astype("int64", copy=False)
    # One value on every row: a category, a byte a row, not a pointer (8 MB a million rows).
    if sheet is None:
        codes, dtype = np.full(len(index), -1, dtype=np.int8), _NO_SHEET
    else:
        codes, dtype = np.zeros(len(index), dtype=np.int8), pd.CategoricalDtype([sheet])
    frame[SHEET] = pd.Categorical.from_codes(codes, dtype=dtype, validate=False)
    return pd.DataFrame(frame, index=index, copy=False)


# The sheet column of a CSV file (no sheet): the dtype pandas gives a category of None.
_NO_SHEET = cast(
    pd.CategoricalDtype, pd.Series(None, index=pd.RangeIndex(1), dtype="category").dtype
)


def _frame_of_series(
    body: pd.DataFrame, header_map: HeaderMap, rows: pd.Series, sheet: str | None
) -> pd.DataFrame:
    """`canonical_frame` built from Series, for a body of no row."""
    index = pd.RangeIndex(len(body))
    frame: dict[str, pd.Series] = {
        column: _as_text(body.iloc[:, position]).set_axis(index)
        for column, position in header_map.columns.items()
    }
    frame[ROW] = pd.Series(rows.to_numpy(), index=index, dtype="int64")
    frame[SHEET] = pd.Series(sheet, index=index, dtype="category")
    return pd.DataFrame(frame, index=index, copy=False)


def _as_text(column: pd.Series) -> pd.Series:
    """`column.astype("str")`, or the column itself where it is text already."""
    return column if column.dtype == TEXT_DTYPE else column.astype("str")
