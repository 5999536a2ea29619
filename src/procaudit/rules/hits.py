"""What a frame rule returns: the offending rows of the frame, with a message and a fix each."""

from __future__ import annotations

import string
from typing import Any, cast

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from procaudit.catalogue.text_columns import arrow_text, text_series

HIT_COLUMNS = ("column", "value", "message", "fix")


def hits(
    frame: pd.DataFrame,
    mask: pd.Series,
    column: str,
    message: str | pd.Series,
    fix: str | pd.Series,
    severity: str | None = None,
) -> pd.DataFrame:
    """Hits for the rows where `mask` holds; `message` and `fix` may vary per row.

    `severity` overrides the rule's own for these hits (a milder case of the same defect)."""
    # One constructor call rather than a column set at a time: on the 20 to 50 rows of a
    # commune's list, pandas' fixed cost per operation is the whole cost (issue 19).
    selected = mask.to_numpy(dtype=bool, na_value=False)
    if not selected.any():  # most masks of a small list: the frame would only be dropped
        return no_hits()
    index = frame.index[selected]
    data: dict[str, object] = {
        "column": column,
        "value": frame[column].array[selected] if column in frame else None,
        "message": message if isinstance(message, str) else message.loc[index],
        "fix": fix if isinstance(fix, str) else fix.loc[index],
    }
    if severity is not None:
        data["severity"] = severity
    return pd.DataFrame(data, index=index)


def no_hits() -> pd.DataFrame:
    return _NO_HITS.copy()  # a copy: a caller may add columns; building one costs 10x more


_NO_HITS = pd.DataFrame(columns=list(HIT_COLUMNS))


FILE_HIT_COLUMNS = ("sheet", "row", "code", "column", "value", "message", "fix")


def file_hits(records: list[dict[str, object]]) -> pd.DataFrame:
    """Hits of a file rule: each record names its own sheet, row and code (None where the
    finding is about the whole file or about a procedure the file lacks)."""
    if not records:  # the usual case, and pandas' records path costs a millisecond
        return _NO_FILE_HITS.copy()
    # One block of objects, missing values (absent, NaN) as None: what pandas' records path,
    # `astype` and `where` made of them, at a thirtieth of their 1.4 ms (PA505 gives most
    # small files one finding), read back at once (`to_numpy`, no copy). Rows stay ints (the
    # records path gave floats where one was absent: the findings take ints either way).
    cells = np.empty((len(records), len(FILE_HIT_COLUMNS)), dtype=object)
    for at, record in enumerate(records):
        for place, name in enumerate(FILE_HIT_COLUMNS):
            value = record.get(name)
            cells[at, place] = None if value is None or _missing(value) else value
    return pd.DataFrame(cells, columns=_FILE_HIT_INDEX, dtype=object, copy=False)


def _missing(value: object) -> bool:
    """A scalar pandas takes as missing (NaN, NA, NaT)."""
    return not isinstance(value, str) and bool(pd.isna(cast(Any, value)))


_NO_FILE_HITS = pd.DataFrame(columns=list(FILE_HIT_COLUMNS), dtype=object)
# The columns' labels made once: pandas infers an Index's dtype from a list of labels each
# time, 65 us of the 85 us a frame of one hit cost.
_FILE_HIT_INDEX = _NO_FILE_HITS.columns


def formatted(template: str, index: pd.Index, **values: str | pd.Series) -> pd.Series:
    """`template.format(**values)` for every row of `index`, where a value is one text for
    all rows or a column of texts (aligned on `index`, none missing): a message of its own
    for each of a million rows without a Python call per row."""
    parts: list[str | pa.Array] = []
    for literal, field, spec, conversion in string.Formatter().parse(template):
        parts.append(literal)
        if field is None:
            continue
        if spec or conversion:
            raise ValueError(f"{template!r}: only plain fields can be filled per row")
        value = values[field]
        if not isinstance(value, str) and not value.index.equals(index):
            value = value.loc[index]
        parts.append(value if isinstance(value, str) else arrow_text(value))
    texts = [part for part in parts if not isinstance(part, str) or part]
    if not any(isinstance(part, pa.Array) for part in texts):
        return pd.Series("".join(cast(list[str], texts)), index=index, dtype="str")
    large = [
        pa.scalar(part, pa.large_string()) if isinstance(part, str) else part for part in texts
    ]
    joined = pc.binary_join_element_wise(*large, pa.scalar("", pa.large_string()))
    return text_series(joined, index)
