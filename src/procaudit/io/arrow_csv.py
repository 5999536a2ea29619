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

from procaudit.core.errors import InputError
from procaudit.core.limits import MAX_CELLS
from procaudit.io.arrow_parse import ParsedCsv, csv_plan
from procaudit.io.csv_dialect import (
    CsvDialect,
    check_rows_in_one_cell,
    only_delimiters,
    start_lines,
)
from procaudit.io.grid import Grid, array_chunks, text_array, with_arrow_columns
from procaudit.io.limits import check_csv_extent
from procaudit.io.read_ahead import parsed_csv


def read_regular_csv(path: Path, max_cells: int = MAX_CELLS) -> tuple[Grid, CsvDialect] | None:
    """The grid of a regular UTF-8 file, or None when the careful reader must take it.
    The file is parsed from disk, once (or ahead, see read_ahead.py): it is never held whole
    as bytes. More than `max_cells` records x columns is refused before pandas holds them."""
    plan = csv_plan(path)
    if plan is None:
        return None
    parsed = parsed_csv(path, plan)
    if parsed is None or b"\0" in parsed.held:  # NUL: damage the careful reader reports
        return None
    if parsed.used == 0:
        raise InputError(str(path), only_delimiters())
    check_csv_extent(str(path), parsed.rows, parsed.used, max_cells)
    if all(column.null_count == len(column) for column in parsed.columns):  # spaces only
        raise InputError(str(path), only_delimiters())
    if parsed.held & _LINE_BREAKS and _open_at_the_end(path, parsed):
        return None
    grid = parsed_grid(parsed)
    if parsed.held & _LINE_BREAKS:
        check_rows_in_one_cell(str(path), grid.cells, grid.rows, plan.delimiter)
    return grid, CsvDialect(plan.encoding, plan.delimiter)


def _open_at_the_end(path: Path, parsed: ParsedCsv) -> bool:
    """Whether the last record may end in a quote never closed. pyarrow takes the end of the
    file for the closing quote, and the lines after the opening one for the cell's text: a
    whole record swallowed. That cell is the last record's last one, it holds a line break,
    and the file does not end with a quote. Such a file goes to the careful reader, which
    says where the quote opens (or reads it, where a last cell was only followed by empty
    ones)."""
    last = parsed.columns[-1][parsed.rows - 1].as_py() if parsed.rows else None
    if not last or ("\n" not in last and "\r" not in last):
        return False
    with path.open("rb") as file:
        file.seek(max(path.stat().st_size - _TAIL, 0))
        return not file.read().rstrip(b"\r\n").endswith(b'"')


_TAIL = 64  # bytes read from the end of the file for its closing quote


def parsed_grid(parsed: ParsedCsv) -> Grid:
    """The grid of the records pyarrow parsed, their columns shared, not copied; each
    record's line counted past the line breaks inside cells, when some cell holds one."""
    arrays = [text_array(column) for column in parsed.columns]
    records = pd.DataFrame(dict(enumerate(arrays)), copy=False)  # fresh columns: no copy
    # With no line break inside a cell, each record is one line of the file.
    lines = None if parsed.held & _LINE_BREAKS else len(records)
    grid = Grid(None, records, start_lines(records, lines, parsed.blank_breaks))
    # The blocks behind the columns, known here: not found again from a Series per column.
    return with_arrow_columns(grid, [array_chunks(array) for array in arrays])


_LINE_BREAKS = frozenset({b"\r", b"\n"})
