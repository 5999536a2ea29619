"""The cells of a table Excel shows a value in that the reader read as empty.

An xlsx a program wrote keeps its formulas without their values, and a failed look-up shows
"#N/A": calamine reads both as empty cells, which `io.formula_texts` marks on the grid
(`Grid.unread`). Here each canonical column's marks are taken for the table's rows, as the
rules see them: a merged cell marks the rows under it it covers, which show its value. The
engine reads them so that no finding tells the official to fill in a cell he sees full
(`engine.unread_hits`).
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from procaudit.catalogue.columns import ROW
from procaudit.io.grid import Grid


def unread_columns(
    grid: Grid, frame: pd.DataFrame, columns: Mapping[str, int]
) -> dict[str, np.ndarray]:
    """Canonical column -> for each frame row, what its cell shows that was read as empty:
    `grid.NO_VALUE` (a formula saved without its value), an Excel error's text ("#N/A"),
    or None for a cell read as it is; only the columns where some row's cell is marked.
    `columns`: canonical column -> position in the grid."""
    if not grid.unread or frame.empty:
        return {}
    cells = _spread_down(grid.unread, grid.merged)
    rows = np.fromiter((row for row, _ in cells), dtype=np.int64, count=len(cells))
    places = np.fromiter((place for _, place in cells), dtype=np.int64, count=len(cells))
    shown = np.asarray(list(cells.values()), dtype=object)
    at = row_positions(frame[ROW].to_numpy(dtype=np.int64), rows)
    found: dict[str, np.ndarray] = {}
    for column, position in columns.items():
        chosen = (places == position) & (at >= 0)
        if chosen.any():
            marks = np.full(len(frame), None, dtype=object)
            marks[at[chosen]] = shown[chosen]
            found[column] = marks
    return found


def _spread_down(
    unread: dict[tuple[int, int], str], merged: tuple[tuple[int, int, int], ...]
) -> dict[tuple[int, int], str]:
    """The marks with each merged cell's spread over the rows under it that it covers."""
    spread = dict(unread)
    for column, first, last in merged:
        shown = unread.get((first, column))
        if shown is not None:
            for row in range(first + 1, last + 1):
                spread.setdefault((row, column), shown)
    return spread


def row_positions(frame_rows: np.ndarray, rows: np.ndarray) -> np.ndarray:
    """The position among `frame_rows` (a frame's row numbers) of each of `rows`, -1 for a
    row not among them."""
    if not len(frame_rows):
        return np.full(len(rows), -1, dtype=np.int64)
    order = np.argsort(frame_rows, kind="stable")
    ordered = frame_rows[order]
    place = np.searchsorted(ordered, rows).clip(0, len(ordered) - 1)
    return np.where(ordered[place] == rows, order[place], -1)
