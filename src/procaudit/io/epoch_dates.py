"""Read a date column that a database exported as timestamps: seconds or milliseconds since
1970 ("1755216000000", .NET's "/Date(1755216000000)/").

Such a number is a date only by where it stands: it is read so in a decision-date column all
of whose values are timestamps of 1990-2100 (`vn.dates.epoch_date`), on `MIN_CELLS` rows or
more, and never alone. Each is then written as the date it names (dd/mm/yyyy), so that the
date rules check the dates, not the numbers; a note says so, with an example.
"""

from __future__ import annotations

import pandas as pd
import pyarrow.compute as pc

from procaudit.catalogue.text_columns import arrow_chunks
from procaudit.core.i18n import t
from procaudit.io.value_profile import MIN_CELLS
from procaudit.vn.dates import epoch_date

_COLUMN = "decision_date"


def read_epoch_dates(frame: pd.DataFrame) -> str | None:
    """The decision dates of `frame` written as dates in place where they are all timestamps;
    one of them and its date ("1755216000000 = 15/08/2025"), or None where they are not."""
    if _COLUMN not in frame:
        return None
    column = frame[_COLUMN]
    # The first date tells the usual case (dates written as dates), read from Arrow: pandas'
    # dropna alone cost a tenth of reading a commune's list.
    texts = column.array
    filled = pc.drop_null(
        texts.__arrow_array__() if hasattr(texts, "__arrow_array__") else arrow_chunks(column)
    )
    if len(filled) < MIN_CELLS or epoch_date(filled[0].as_py()) is None:
        return None
    values = pc.unique(filled).to_pylist()
    dates = {value: epoch_date(value) for value in values}
    if any(day is None for day in dates.values()):
        return None
    written = {value: f"{day:%d/%m/%Y}" for value, day in dates.items() if day is not None}
    frame[_COLUMN] = column.replace(written).astype("str")
    first = filled[0].as_py()
    return f"{first} = {written[first]}"


def epoch_note(example: str, header: str) -> str:
    return t(
        "column {header} holds dates as timestamps (seconds or milliseconds since 1970), read "
        "as the dates they name ({example})",
        "cột {header} ghi ngày dưới dạng dấu thời gian (số giây hoặc mili giây tính từ năm "
        "1970), được đọc là ngày tương ứng ({example})",
        header=header,
        example=example,
    )
