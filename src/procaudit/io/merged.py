"""A cell merged down over several procedures holds the value of each of them.

Lists kept per unit merge the unit's cell down its block ("UBND xã Tân Lập" once, beside 40
procedures); annexes merge a field, a level or a decision over the procedures it covers.
A workbook keeps the value in the merge's first cell only, so every other row read as
having no unit: the four communes' 160 procedures were compared as one unit's, and 156
were called duplicates. Here each procedure row a merge spans, and that has no value of
its own there, takes the value of the merge's first row, when that row is a procedure too
(a header merged over two rows is not). The rows of one procedure laid out over several
(`io.continuations`) are joined before: a merge within one procedure fills nothing.
The cells as the file holds them are untouched: `fix` repairs the merge's first cell, and
the findings on a value a merge spread are one finding at that cell (`engine.merged_hits`),
which is why each row's source is kept.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from procaudit.catalogue.columns import ROW


def fill_merged(
    frame: pd.DataFrame, merged: tuple[tuple[int, int, int], ...], columns: Mapping[str, int]
) -> dict[str, np.ndarray]:
    """Fill, in place, each empty cell of the frame that a merge of the grid spans below its
    first row; `merged` holds (column position, first row, last row) in the frame's row
    numbers, `columns` canonical column -> position. Returns, for each column some of whose
    cells were filled, each frame row's source: the row number of the merge's first row it
    took its value from, 0 for a value of its own."""
    if not merged or frame.empty:
        return {}
    column_of = {position: column for column, position in columns.items()}
    rows = frame[ROW].to_numpy()
    place = pd.Index(rows)
    filled: dict[str, np.ndarray] = {}
    for position, spans in _spans_by_column(merged, column_of).items():
        column = column_of[position]
        first, last = spans[:, 0], spans[:, 1]
        top = place.get_indexer(first)
        # Each frame row's merge in this column: the last one starting at or above it.
        which = np.searchsorted(first, rows, side="right") - 1
        inside = (which >= 0) & (rows > first[which.clip(0)]) & (rows <= last[which.clip(0)])
        source = np.where(inside, top[which.clip(0)], -1)
        values = frame[column]
        empty = values.isna().to_numpy()
        take = (source >= 0) & empty
        take[take] = ~empty[source[take]]
        if not take.any():
            continue
        taken = values.iloc[source[take]].to_numpy()
        frame.loc[take, column] = taken
        filled[column] = np.where(take, first[which.clip(0)], 0).astype(np.int64)
    return filled


def filled_down(
    cells: pd.DataFrame,
    merged: tuple[tuple[int, int, int], ...],
    positions: list[int],
    rows: np.ndarray,
) -> pd.DataFrame:
    """`cells` (a grid's rows, numbered `rows` as the user numbers them) with each empty cell
    of the columns at `positions` that a merge spans below its first row given that row's
    value, where that row is among them; `cells` itself where no merge spans them. The
    layout sees so a name merged down over a procedure's rows, the code written on each
    (an internal process's steps), as the procedure repeated (`continuations.repeated_rows`)."""
    spans = _spans_by_column(merged, dict.fromkeys(positions, ""))
    if not spans:
        return cells
    out, place = cells.copy(deep=False), pd.Index(rows)
    for position, found in spans.items():
        first, last = found[:, 0], found[:, 1]
        top = place.get_indexer(first)
        which = (np.searchsorted(first, rows, side="right") - 1).clip(0)
        values = out[position].to_numpy(dtype=object, copy=True)
        take = (rows > first[which]) & (rows <= last[which]) & (top[which] >= 0)
        take &= pd.isna(values)
        if take.any():
            values[take] = values[top[which][take]]
            out[position] = pd.Series(values, index=out.index, dtype=object)
    return out


def _spans_by_column(
    merged: tuple[tuple[int, int, int], ...], column_of: Mapping[int, str]
) -> dict[int, np.ndarray]:
    """The merges of each mapped column as rows of (first row, last row), sorted."""
    spans: dict[int, list[tuple[int, int]]] = {}
    for position, first, last in merged:
        if position in column_of:
            spans.setdefault(position, []).append((first, last))
    return {position: np.array(sorted(found), dtype=np.int64) for position, found in spans.items()}
