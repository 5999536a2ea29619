"""Give back the zeros a national code lost when a spreadsheet stored it as a number.

Excel turns the code "1.001230" typed into a General cell into the number 1.00123, and the
cell then shows "1.00123". A national code has one digit, a dot and six digits, so such a
number is padded back to six decimals. Text typed as "1.00123" is left alone: that is a bad
code for the rules to report.
"""

from __future__ import annotations

import re

import pandas as pd

from procaudit.io.grid import NumberText

_SHORT_CODE = re.compile(r"\d\.\d{1,5}")
_DECIMALS = 6


def restore_number_codes(column: pd.Series) -> tuple[pd.Series, int]:
    """The column with number codes padded, and how many were."""
    if column.dtype != object:  # a column of text alone (see grid.text_grid) holds no number
        return column, 0
    numbers = column.map(lambda value: isinstance(value, NumberText))
    if not numbers.any():
        return column, 0
    short = numbers & column.where(numbers, "").str.fullmatch(_SHORT_CODE).fillna(False)
    if not short.any():
        return column, 0
    restored = column.copy()
    restored[short] = column[short].map(lambda code: f"{float(code):.{_DECIMALS}f}")
    return restored, int(short.sum())
