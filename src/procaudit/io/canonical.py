"""Build the canonical frame of one source table: mapped columns as text, and provenance."""

from __future__ import annotations

import pandas as pd

from procaudit.catalogue.columns import ROW, SHEET
from procaudit.io.headers import HeaderMap


def canonical_frame(
    body: pd.DataFrame, header_map: HeaderMap, rows: pd.Series, sheet: str | None
) -> pd.DataFrame:
    """Select and rename the mapped columns of `body` (positional columns, text cells).

    `rows` gives, for each body row, its number as the user sees it (Excel row or CSV line).
    """
    frame = pd.DataFrame(
        {
            # Grid cells are text, or None where blank (see grid.py): nothing to clean here.
            column: body.iloc[:, position].astype("str")
            for column, position in header_map.columns.items()
        },
        index=body.index,
    )
    frame[ROW] = pd.Series(rows.to_numpy(), index=body.index, dtype="int64")
    # One value on every row: a category, a byte a row, not a pointer (8 MB a million rows).
    frame[SHEET] = pd.Series(sheet, index=body.index, dtype="category")
    return frame.reset_index(drop=True)
