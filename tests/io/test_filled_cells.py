"""A grid's filled cells (`Grid.filled_from`, read by the layout) are pandas' `notna()`,
whatever holds the columns: Arrow blocks with or without nulls, a workbook's objects."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest

from procaudit.io.grid import Grid


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


def _grid(names: list[str]) -> Grid:
    cells = pd.DataFrame({p: COLUMNS[name] for p, name in enumerate(names)}, index=range(ROWS))
    return Grid(None, cells, pd.Series(range(1, ROWS + 1)))


@pytest.mark.parametrize("start", [0, 4, ROWS])
@pytest.mark.parametrize(
    "names",
    [[], ["text with nulls"], ["text full", "objects"], list(COLUMNS), list(COLUMNS)[::-1]],
    ids=["no column", "nulls", "full and objects", "all", "all reversed"],
)
def test_filled_counts_what_notna_counts(names: list[str], start: int) -> None:
    grid = _grid(names)
    expected = grid.cells.iloc[start:].notna().sum(axis=1).to_numpy()
    assert grid.filled_from(start).counts().tolist() == expected.tolist()


@pytest.mark.parametrize("start", [0, 2])
@pytest.mark.parametrize("columns", [[], [0], [3, 0], [2, 0], [1, 2]], ids=str)
def test_filled_in_some_columns_of_some_rows(columns: list[int], start: int) -> None:
    grid = _grid(list(COLUMNS))
    rows = np.array([0, 3, 4, 5, 9, 17], dtype=np.int64)
    expected = grid.cells.iloc[start:, columns].notna().any(axis=1).to_numpy()[rows]
    assert grid.filled_from(start).any_in(columns, rows).tolist() == expected.tolist()
