"""Read a regular UTF-8 CSV file with pyarrow's parser, on every core.

A national list is a million records; pandas' parser takes 2.7 s over it and Python strings
take 660 MB, pyarrow 1.2 s and 470 MB, and its text columns run pandas' string methods in
C++. It keeps blank lines as blank records, as the careful reader does, but is strict: a
record narrower or wider than the first ones, bytes that are not UTF-8, a NUL byte or a quote
never closed make it refuse, and the file goes to the careful reader (csv_reader.py), which
handles them all and says where the fault is (tests/io/test_arrow_csv.py holds the two alike).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pyarrow as pa

from procaudit.core.errors import InputError
from procaudit.core.limits import MAX_CELLS
from procaudit.io.arrow_parse import csv_plan
from procaudit.io.csv_dialect import CsvDialect, only_delimiters, start_lines
from procaudit.io.grid import Grid, blank_as_missing, text_column
from procaudit.io.limits import check_csv_extent
from procaudit.io.read_ahead import parsed


def read_regular_csv(path: Path, max_cells: int = MAX_CELLS) -> tuple[Grid, CsvDialect] | None:
    """The grid of a regular UTF-8 file, or None when the careful reader must take it.
    The file is parsed from disk, once (or ahead, see read_ahead.py): it is never held whole
    as bytes. More than `max_cells` records x columns is refused before pandas holds them."""
    plan = csv_plan(path)
    if plan is None:
        return None
    table = parsed(path, plan)
    if table is None:
        return None
    held = _bytes_held(table, b"\0\r\n")
    if b"\0" in held:  # damage that the careful reader reports with its line
        return None
    # Columns empty to the right edge (a line of commas) are left out before pandas builds
    # one Series per column.
    used = _used_width(table)
    if used == 0:
        raise InputError(str(path), only_delimiters())
    check_csv_extent(str(path), table.num_rows, used, max_cells)
    columns = [blank_as_missing(table.column(position)) for position in range(used)]
    if all(column.null_count == len(column) for column in columns):  # cells of spaces only
        raise InputError(str(path), only_delimiters())
    records = pd.DataFrame(
        {position: text_column(column) for position, column in enumerate(columns)}
    )
    # With no line break inside a cell, each record is one line of the file.
    lines = None if held & {b"\r", b"\n"} else len(records)
    grid = Grid(None, records, start_lines(records, lines))
    return grid, CsvDialect(plan.encoding, plan.delimiter)


def _used_width(table: pa.Table) -> int:
    """The table's width without the columns on its right that are empty in every record."""
    width = table.num_columns
    while width and table.column(width - 1).null_count == table.num_rows:
        width -= 1
    return width


def _bytes_held(table: pa.Table, wanted: bytes) -> set[bytes]:
    """Which of the `wanted` bytes some cell of the table holds: a search of each block's
    text, at memchr's speed (a block is a megabyte or so, copied once to be searched)."""
    held: set[bytes] = set()
    for column in table.columns:
        for chunk in column.chunks:
            data = chunk.buffers()[2]
            if data is None or not data.size:
                continue
            text = data.to_pybytes()
            held.update(
                byte for byte in (wanted[i : i + 1] for i in range(len(wanted))) if byte in text
            )
            if len(held) == len(wanted):
                return held
    return held
