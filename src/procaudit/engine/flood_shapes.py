"""A column flood whose cause is numbers stands only for the values that are numbers.

A WPS or Google Sheets export keeps a list's codes as numbers (1.00012 for 1.000120): PA101
fails on nearly every row, and one finding says so with one repair, "format the column as
Text" (`engine.floods`). A handful of codes among them are text that fails for its own
reason: a letter O typed for a zero ("1.0O1234"), a leading zero ("01.001234"). Formatting
the column mends none of them; swallowed by the flood, they surface only after the repair,
as new errors. Likewise a column of dates that lost their format (Excel's day numbers) with
one date typed as text that is no date ("31/09/2025").

So a column flood of a rule whose cause is told by one shape of value (`SHAPES`: a code as a
number cell shows it, Excel's day number for a date) stands for the values of that shape
alone when they are a flood by themselves (`SHARE` of the column's values, `MIN_ROWS` rows):
the others keep their row findings. Otherwise (a column of local codes, of anything) the
flood is as before. The values are matched once each, not once per row.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np
import pandas as pd

from procaudit.engine.code_floods import NUMBER_CODE

# A date cell that lost its format shows Excel's day number: 45884 is 15/08/2025.
DAY_NUMBER = re.compile(r"[3-5]\d{4}(?:\.0+)?")  # as `vn.dates` reads them: 1982-2064

# Rule -> the shape of the values its number-cell cause is told by.
SHAPES: dict[str, re.Pattern[str]] = {"PA101": NUMBER_CODE, "PA403": DAY_NUMBER}


def off_shape(rule: str, values: Sequence[str | None], needed: float) -> np.ndarray | None:
    """Per value of a column flood of `rule`, whether it lies off the shape of the flood's
    cause (`SHAPES`); None when nothing is to be left out: the rule has no such cause, every
    value has the shape, or those that have it are fewer than `needed` (a flood's rows: its
    share of the column, `MIN_ROWS` at least)."""
    shape = SHAPES.get(rule)
    if shape is None:
        return None
    codes, distinct = pd.factorize(np.asarray(values, dtype=object), use_na_sentinel=False)
    fits = np.fromiter(
        (isinstance(v, str) and shape.fullmatch(v.strip()) is not None for v in distinct),
        dtype=bool,
        count=len(distinct),
    )[codes]
    kept = int(fits.sum())
    if kept == len(fits) or kept < needed:
        return None
    return ~fits
