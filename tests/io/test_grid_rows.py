"""Rows taken from a grid's columns block by block are the rows pandas takes."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest

from conftest import text_blocks
from procaudit.io import grid
from procaudit.io.grid import any_cell_in, arrow_chunks, rows_where, take_rows


def _grid(rows: int) -> pd.DataFrame:
    names = [None if i % 7 == 3 else f"Thủ tục {i}" for i in range(rows)]
    numbers = [float(i) if i % 5 else None for i in range(rows)]  # a column of objects
    frame = pd.DataFrame(
        {
            0: text_blocks(names, 97),
            1: pd.Series(numbers, dtype=object),
            2: text_blocks(names, 1000),
        }
    )
    return frame.iloc[5:].set_axis(pd.RangeIndex(10, rows + 5))  # sliced, labels not positions


KEPT = {
    "all": lambda n: np.ones(n, dtype=bool),
    "none": lambda n: np.zeros(n, dtype=bool),
    "all but a few": lambda n: ~np.isin(np.arange(n), [0, 96, 97, 500, n - 1]),
    "a few": lambda n: np.isin(np.arange(n), [0, 96, 97, 500, n - 1]),
    "every other (many runs)": lambda n: np.arange(n) % 2 == 0,
    "random": lambda n: np.random.default_rng(7).random(n) < 0.3,
}


@pytest.mark.parametrize("kept", KEPT.values(), ids=KEPT.keys())
@pytest.mark.parametrize("rows", [40, 5000])
@pytest.mark.parametrize("small_frame", [0, grid._SMALL_FRAME], ids=["by blocks", "by pandas"])
def test_rows_where_keeps_what_a_mask_keeps(  # type: ignore[no-untyped-def]
    kept, rows: int, small_frame: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(grid, "_SMALL_FRAME", small_frame)  # a frame this short goes to pandas
    frame = _grid(rows)
    keep = kept(len(frame))
    pd.testing.assert_frame_equal(rows_where(frame, keep), frame[keep])
    pd.testing.assert_frame_equal(
        rows_where(frame, pd.Series(keep, index=frame.index)), frame[keep]
    )


@pytest.mark.parametrize("step", [1, 3, 96, 97, 1000, 4999])
def test_take_rows_takes_what_iloc_takes(step: int) -> None:
    frame = _grid(5000)
    positions = np.arange(0, len(frame), step)
    for label in frame.columns:
        column = frame[label]
        pd.testing.assert_series_equal(take_rows(column, positions), column.iloc[positions])


def test_any_cell_in_finds_each_row_with_one_of_the_texts_in_any_column() -> None:
    # Two columns in blocks of different sizes, laid end to end for one look-up.
    texts = {"STT", "Tên thủ tục"}
    first = [None if i % 7 == 3 else f"Thủ tục {i}" for i in range(300)]
    second = list(first)
    first[0] = first[299] = "STT"
    second[150] = second[299] = "Tên thủ tục"
    columns = [arrow_chunks(text_blocks(first, 97)), arrow_chunks(text_blocks(second, 40))]
    assert all(column is not None for column in columns)
    values = pa.array(sorted(texts), type=pa.large_string())
    found = any_cell_in([c for c in columns if c is not None], texts, values)
    assert found.dtype == bool and len(found) == 300
    assert np.flatnonzero(found).tolist() == [0, 150, 299]


HELD = {
    # cells -> whether one of them is a null marker
    "a marker alone in a cell": ([["1.001", "NULL"], ["1.002", "Sở Tư pháp"]], True),
    "markers only inside other text": ([["Department of Finance", "NULLA"], ["x", "Nonet"]], False),
    "no marker at all": ([["1.001", "Cấp xã"], ["1.002", None]], False),
    "a column of nothing beside one with a marker": ([[None, "nan"], [None, "Cấp tỉnh"]], True),
    "a column of nothing alone": ([[None], [None]], False),
    "a marker's letters across two columns": ([["NU", "LL"], ["Na", "N"]], False),
    "a marker in the last column's last cell": ([["1.001", "x"], ["1.002", "NaT"]], True),
}


@pytest.mark.parametrize(("raw", "held"), HELD.values(), ids=HELD.keys())
@pytest.mark.parametrize("searched", [grid._SEARCHED_ROWS, 0], ids=["bytes first", "look-up"])
def test_holds_any_finds_a_cell_that_is_one_of_the_texts_not_one_holding_it(
    raw: list[list[str | None]], held: bool, searched: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    from procaudit.io.null_cells import NULL_MARKERS

    monkeypatch.setattr(grid, "_SEARCHED_ROWS", searched)  # a larger grid skips the search
    assert grid.text_grid("Sheet1", raw).holds_any(NULL_MARKERS) is held
