"""Build the canonical frame of one source table: mapped columns, blanks as missing, provenance."""

from __future__ import annotations

import pandas as pd

from procaudit.columns import ROW, SHEET
from procaudit.io.headers import HeaderMap
from procaudit.text import map_distinct


def canonical_frame(
    body: pd.DataFrame, header_map: HeaderMap, rows: pd.Series, sheet: str | None
) -> pd.DataFrame:
    """Select and rename the mapped columns of `body` (positional columns, text cells).

    `rows` gives, for each body row, its number as the user sees it (Excel row or CSV line).
    """
    frame = pd.DataFrame(
        {
            column: _blank_to_missing(body.iloc[:, position])
            for column, position in header_map.columns.items()
        },
        index=body.index,
    )
    frame[ROW] = pd.Series(rows.to_numpy(), index=body.index, dtype="int64")
    frame[SHEET] = pd.Series(sheet, index=body.index, dtype="object")
    return frame.reset_index(drop=True)


def _blank_to_missing(column: pd.Series) -> pd.Series:
    text = column.astype("str")
    blank = map_distinct(text, lambda value: not value.strip(), dtype="boolean")
    return text.mask(blank.fillna(True).astype(bool))
