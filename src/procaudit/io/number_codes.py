"""Give back the zeros a national code lost when a spreadsheet stored it as a number, and
say which code cells held numbers.

Excel turns the code "1.001230" typed into a General cell into the number 1.00123, and the
cell then shows "1.00123". A national code has one digit, a dot and six digits, so such a
number is padded back to six decimals, for the rules that compare codes. Text typed as
"1.00123" is left alone: that is a bad code for the rules to report.

The cell still holds the number: an export, a look-up or an upload reads "1.00123". So the
rows whose code was padded are marked with the number (`CODE_NUMBER`) for PA101 to report.
A number that kept its six decimals (1.014129) is the code's every digit and shows as the
code in a General cell: it is marked only where nearly the whole column holds numbers
(`SHARE` of its codes, on `MIN_ROWS` rows or more, the thresholds of a column finding), so
that such a column is reported once, as a column of numbers, and a lone number is not.
"""

from __future__ import annotations

import re

import pandas as pd

from procaudit.io.grid import NumberText

_SHORT_CODE = re.compile(r"\d\.\d{1,5}")
_NATIONAL = re.compile(r"\d\.\d{6}")
_DECIMALS = 6
# The thresholds of a column finding (engine.floods): the same, so that the rows marked for
# a column of numbers become one finding.
SHARE = 0.9
MIN_ROWS = 20


def restore_number_codes(column: pd.Series) -> tuple[pd.Series, int, pd.Series | None]:
    """The column with number codes padded, how many were, and the number each row to
    report held (None elsewhere; None for the whole when there is none: see the module)."""
    if column.dtype != object:  # a column of text alone (see grid.text_grid) holds no number
        return column, 0, None
    numbers = column.map(lambda value: isinstance(value, NumberText)).astype(bool)
    if not numbers.any():
        return column, 0, None
    texts = column.where(numbers, "")
    short = numbers & texts.str.fullmatch(_SHORT_CODE).fillna(False).astype(bool)
    whole = numbers & texts.str.fullmatch(_NATIONAL).fillna(False).astype(bool)
    coded = int((short | whole).sum())
    if coded >= MIN_ROWS and coded >= SHARE * int(column.notna().sum()):
        reported = short | whole
    else:
        reported = short
    if not reported.any():
        return column, 0, None
    shown = pd.Series(None, index=column.index, dtype=object)
    shown[reported] = column[reported].map(str)  # plain text: the frame's cells are str
    if not short.any():
        return column, 0, shown
    restored = column.copy()
    restored[short] = column[short].map(lambda code: f"{float(code):.{_DECIMALS}f}")
    return restored, int(short.sum()), shown
