"""The custom schema check `present`."""

from __future__ import annotations

import sys

import numpy as np
import pandas as pd
import pyarrow as pa

from procaudit.engine.schema_checks import present


def test_present_is_not_blank_after_strip() -> None:
    characters = [chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF]
    values = pd.Series(
        [*characters, "", " ", " a ", "\xa0\u3000", "\t\n", None],
        dtype="str",
        index=range(5, len(characters) + 11),
    )
    expected = values.notna() & values.str.strip().ne("")
    found = present(values)
    assert found.dtype == bool
    assert found.equals(expected.astype(bool))


def test_present_reads_other_columns_as_text() -> None:
    assert present(pd.Series([1, None, " "], dtype="object")).tolist() == [True, False, False]


def test_present_reads_a_column_in_blocks() -> None:
    blocks = pa.chunked_array([["a", " "], [None, "", "b"]], type=pa.large_string())
    values = pd.Series(
        pd.arrays.ArrowStringArray(blocks, dtype=pd.StringDtype("pyarrow", na_value=np.nan))
    )
    assert present(values).tolist() == [True, False, False, False, True]
