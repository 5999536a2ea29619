"""A reader's Arrow text becomes the pandas column pandas' own constructor makes of it."""

from __future__ import annotations

import pandas as pd
import pyarrow as pa
import pytest

from procaudit.io.grid import text_column

VALUES = ["Tên thủ tục", None, "", "1.000178", None]
COLUMNS = {
    "array": pa.array(VALUES, pa.large_string()),
    "one block": pa.chunked_array([pa.array(VALUES, pa.large_string())]),
    "blocks": pa.chunked_array(
        [pa.array(VALUES[:2], pa.large_string()), pa.array(VALUES[2:], pa.large_string())]
    ),
    "no block": pa.chunked_array([], pa.large_string()),
    "empty": pa.array([], pa.large_string()),
    "sliced": pa.array(VALUES, pa.large_string()).slice(1, 3),
    "string, not large": pa.array(VALUES, pa.string()),
}


@pytest.mark.parametrize("column", COLUMNS.values(), ids=COLUMNS.keys())
def test_text_column_is_what_pandas_makes(column: pa.Array | pa.ChunkedArray) -> None:
    made = text_column(column)
    expected = pd.Series(column, dtype="str")
    pd.testing.assert_series_equal(made, expected)
    assert made.dtype == expected.dtype
    assert pa.array(made.array).type == pa.array(expected.array).type
