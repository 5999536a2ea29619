"""A layout's count of filled cells per row is pandas' `notna().sum(axis=1)`, whatever holds
the columns: Arrow blocks with or without nulls, a workbook's objects."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest

from procaudit.io.layout import filled_cells


def _text(values: list[str | None], size: int) -> pd.Series:
    chunks = [
        pa.array(values[at : at + size], type=pa.large_string())
        for at in range(0, len(values), size)
    ]
    return pd.Series(pa.chunked_array(chunks, type=pa.large_string()), dtype="str")


ROWS = 23
COLUMNS = {
    "text with nulls": _text([None if i % 3 else f"Ô {i}" for i in range(ROWS)], 5),
    "text full": _text([f"Ô {i}" for i in range(ROWS)], 7),
    "text empty": _text([None] * ROWS, 10),
    "objects": pd.Series(
        [[None, np.nan, "1", 2.0, pd.NA][i % 5] for i in range(ROWS)], dtype=object
    ),
}


@pytest.mark.parametrize(
    "names",
    [[], ["text with nulls"], ["text full", "objects"], list(COLUMNS), list(COLUMNS)[::-1]],
    ids=["no column", "nulls", "full and objects", "all", "all reversed"],
)
def test_filled_cells_counts_what_notna_counts(names: list[str]) -> None:
    frame = pd.DataFrame({p: COLUMNS[name] for p, name in enumerate(names)}, index=range(ROWS))
    frame = frame.iloc[4:].set_axis(pd.RangeIndex(10, ROWS + 6))  # labels are not positions
    expected = frame.notna().sum(axis=1).astype("int64")
    pd.testing.assert_series_equal(filled_cells(frame), expected)


@pytest.mark.parametrize("labels", [[], [0], [3, 1], [2, 0, 3]], ids=str)
def test_filled_cells_of_some_columns(labels: list[int]) -> None:
    frame = pd.DataFrame({p: COLUMNS[name] for p, name in enumerate(COLUMNS)}).iloc[2:]
    expected = frame[labels].notna().sum(axis=1).astype("int64")
    pd.testing.assert_series_equal(filled_cells(frame, labels), expected)
