"""Split a sheet that holds several tables, each under its own header, into one grid each.

Annexes paste their parts one under another: "Phần I. Thủ tục ban hành mới" with one header
and no code column, then "Phần II. Thủ tục sửa đổi, bổ sung" with another. Reading the
sheet under one header would drop the first part as a title block, or read the second with
the first one's columns. A part whose header repeats the first one's layout is no new part:
`layout` skips that header row.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import numpy as np
import pandas as pd

from procaudit.catalogue.columns import REQUIRED
from procaudit.io.decisions import quotes_attachment
from procaudit.io.grid import Grid
from procaudit.io.header_aliases import is_row_number
from procaudit.io.header_cells import header_cells
from procaudit.io.header_search import Header, NoHeader, find_header, row_texts
from procaudit.io.headers import HeaderMap, HeaderReader, map_headers
from procaudit.io.sections import is_heading


def split_parts(
    grid: Grid, extra: dict[str, str], found: Callable[[Grid, Header], None] | None = None
) -> list[tuple[Grid, Header | None]]:
    """The grid's tables, top to bottom, each with its header where it was found already;
    the grid itself where it holds one table (or none). `found` is told the header found
    first, before the grid is searched for others. The parts under the first are given the
    title block above the first (`Grid.sheet_title`)."""
    parts = _split(grid, extra, found)
    if len(parts) < 2:
        return parts
    title = _title_above(*parts[0], extra)
    if not title:
        return parts
    return [parts[0], *((replace(part, sheet_title=title), header) for part, header in parts[1:])]


def _title_above(grid: Grid, header: Header | None, extra: dict[str, str]) -> tuple[str, ...]:
    """The texts of the title block above the first part's header, a row's cells joined
    (as `layout` joins its own title's)."""
    if header is None:
        try:
            header = find_header(grid, extra)
        except NoHeader:
            return ()
    texts, filled = grid.head(header[0][0])
    return tuple(
        " ".join(dict.fromkeys(text for text in texts[at] if text.strip()))
        for at in range(header[0][0])
        if filled[at]
    )


def _split(
    grid: Grid, extra: dict[str, str], found: Callable[[Grid, Header], None] | None = None
) -> list[tuple[Grid, Header | None]]:
    try:
        header = find_header(grid, extra)
    except NoHeader:
        return [(grid, None)]
    if found is not None:
        found(grid, header)
    positions, _, header_map = header
    side = _beside(grid, positions, header_map)
    if side is not None:  # a second table laid beside the first: each read alone
        return [*_split(_left_of(grid, side), extra), *_split(_from(grid, side), extra)]
    above = _header_above(grid, positions[0], extra)
    below = None if above is not None else _header_below(grid, positions, header_map, extra)
    # A header above: the first part's header is still to find. One below: it is this one.
    first: Header | None
    if above is not None:
        split, first = above, None
    elif below is not None:
        split, first = below, header
    else:
        return [(grid, header)]
    split = _headed_from(grid, split)
    rest = _split(_rows(grid, split, len(grid.cells)), extra)
    return [(_rows(grid, 0, split), first), *rest]


def _beside(grid: Grid, positions: list[int], header_map: HeaderMap) -> int | None:
    """The first column of a second table laid beside the first on its header's rows (a
    province's list on the left, the communes' on the right): right of every column the
    header reads, the name's header and two more of its columns' headers again, and the
    row numbers' "STT" before them; None where there is none."""
    right_of = max(header_map.columns.values())
    again = {
        column: min(later)
        for column in header_map.columns
        if (later := [p for p in header_map.candidates.get(column, ()) if p > right_of])
    }
    if REQUIRED[0] not in again or len(again) < _SIDE_COLUMNS:
        return None
    start = min(again.values())
    labels = [row_texts(grid.cells, at) for at in positions]
    numbered = [p for p in range(right_of + 1, start) if any(is_row_number(r[p]) for r in labels)]
    return numbered[-1] if numbered else start


_SIDE_COLUMNS = 3  # the name and two more columns, named again beside the table


def _left_of(grid: Grid, column: int) -> Grid:
    """The grid's columns left of `column`."""
    merged = tuple(merge for merge in grid.merged if merge[0] < column)
    return replace(grid, cells=grid.cells.iloc[:, :column], merged=merged)


def _from(grid: Grid, column: int) -> Grid:
    """The grid with its columns left of `column` emptied: the columns keep their places,
    so that a finding names the cell the user sees."""
    cells = grid.cells.copy()
    for position in range(column):
        cells[cells.columns[position]] = pd.Series(
            pd.NA, index=cells.index, dtype=cells.dtypes.iloc[position]
        )
    merged = tuple(merge for merge in grid.merged if merge[0] >= column)
    return replace(grid, cells=cells, merged=merged)


def _headed_from(grid: Grid, header: int) -> int:
    """Where the part whose header is at `header` begins: at its headings right above it
    ("3. Danh mục thủ tục hành chính bị bãi bỏ", "PHẦN II. …"), which are its title, not
    the end of the part before (its title gives its rows their status or level)."""
    top = header
    while top > 0:
        row = grid.cells.iloc[top - 1 : top]
        filled = int(row.notna().to_numpy().sum())
        if filled > _HEADING_CELLS or (filled and not _titles_part(row)):
            break
        top -= 1
    while top < header and not grid.cells.iloc[top].notna().any():
        top += 1  # blank rows between the parts stay with the part above
    return top


_HEADING_CELLS = 2  # a heading's text in one cell, or repeated by a merge over two


def _titles_part(row: pd.DataFrame) -> bool:
    """Whether a row of few cells above a part's header is of its title: a heading, or the
    line quoting the decision the part comes with ("(Kèm theo Quyết định số …)")."""
    if bool(is_heading(row, None).iloc[0]):
        return True
    return any(quotes_attachment(str(text)) for text in row.iloc[0].dropna())


def _is_header(header_map: HeaderMap) -> bool:
    return all(column in header_map.columns for column in REQUIRED) and header_map.score >= 2


def _header_above(grid: Grid, top: int, extra: dict[str, str]) -> int | None:
    """Where the chosen header starts, when another table's header is above it."""
    reader = HeaderReader(extra)
    texts, _ = grid.head(top)  # the rows above, taken at once
    if any(_is_header(reader.map(labels)) for labels in texts):
        return top
    return None


def _header_below(
    grid: Grid, positions: list[int], header_map: HeaderMap, extra: dict[str, str]
) -> int | None:
    """The first row under the header (at `positions`) that heads a table laid out
    differently. The header's rows typed again (a PDF repeats a table's header on every
    page, over two lines as the first) are no other table, whatever their first row reads
    as alone."""
    start = positions[-1] + 1
    # A header whose name cell is typed otherwise ("Tên thủ tục⏎hành chính", "Tên TTHC bị
    # bãi bỏ") is found by its "STT" in the row numbers' column.
    named = header_cells(grid, start, header_map.stt)
    for position in (np.flatnonzero(named) + start).tolist():
        found = map_headers(row_texts(grid.cells, position), extra)
        if _is_header(found) and found.columns != header_map.columns:
            rows = range(len(positions))
            again = [
                row_texts(grid.cells, position + i) for i in rows if position + i < len(grid.cells)
            ]
            if again != [row_texts(grid.cells, at) for at in positions]:
                return int(position)
    return None


def _rows(grid: Grid, start: int, end: int) -> Grid:
    cells = grid.cells.iloc[start:end].reset_index(drop=True)
    rows = pd.Series(grid.rows.iloc[start:end].to_numpy(), index=cells.index)
    fields = None if grid.fields is None else grid.fields[start:end]
    return replace(grid, cells=cells, rows=rows, fields=fields)
