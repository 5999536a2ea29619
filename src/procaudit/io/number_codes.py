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
that such a column is reported once, as a column of numbers, and a lone number is not;
elsewhere, only where the cell's format shows it with fewer decimals ("1.01" for 1.013807,
`io.number_formats`): the text Excel shows is given with it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from procaudit.io.grid import NumberText

_SHORT_CODE = re.compile(r"\d\.\d{1,5}")
_NATIONAL = re.compile(r"\d\.\d{6}")
_DECIMALS = 6
# The thresholds of a column finding (engine.floods): the same, so that the rows marked for
# a column of numbers become one finding.
SHARE = 0.9
MIN_ROWS = 20


@dataclass(frozen=True)
class NumberCodes:
    """A code column read: its codes, numbers padded; how many were; the number each row to
    report held and the text its format shows where that differs (None where there is
    nothing to report, None for the whole column where no row has it)."""

    column: pd.Series
    restored: int = 0
    numbers: pd.Series | None = None
    shown: pd.Series | None = None


def restore_number_codes(column: pd.Series, shown: pd.Series | None = None) -> NumberCodes:
    """The column with number codes padded, and the rows to report (see the module).
    `shown`: the text Excel shows of each cell, where its format shows fewer decimals."""
    if column.dtype != object:  # a column of text alone (see grid.text_grid) holds no number
        return NumberCodes(column)
    numbers = column.map(lambda value: isinstance(value, NumberText)).astype(bool)
    if not numbers.any():
        return NumberCodes(column)
    texts = column.where(numbers, "")
    short = numbers & texts.str.fullmatch(_SHORT_CODE).fillna(False).astype(bool)
    whole = numbers & texts.str.fullmatch(_NATIONAL).fillna(False).astype(bool)
    coded = int((short | whole).sum())
    a_column = coded >= MIN_ROWS and coded >= SHARE * int(column.notna().sum())
    misshown: pd.Series | None = None
    if a_column:  # said of the whole column: what one cell shows is beside the point
        reported = short | whole
    else:
        reported = short
        if shown is not None:
            misshown = whole & shown.set_axis(column.index).notna().to_numpy()
            reported = reported | misshown
    if not reported.any():
        return NumberCodes(column)
    said = pd.Series(None, index=column.index, dtype=object)
    said[reported] = column[reported].map(str)  # plain text: the frame's cells are str
    shown_texts: pd.Series | None = None
    if misshown is not None and misshown.any() and shown is not None:
        shown_texts = pd.Series(None, index=column.index, dtype=object)
        shown_texts[misshown] = shown.set_axis(column.index)[misshown]
    if not short.any():
        return NumberCodes(column, 0, said, shown_texts)
    restored = column.copy()
    restored[short] = column[short].map(lambda code: f"{float(code):.{_DECIMALS}f}")
    return NumberCodes(restored, int(short.sum()), said, shown_texts)
