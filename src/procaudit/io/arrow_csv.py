"""Read a regular UTF-8 CSV file with pyarrow's parser, on every core.

A national list is a million records; pandas' parser takes 2.7 s over it and Python strings
take 660 MB, pyarrow 1.2 s and 470 MB, and its text columns run pandas' string methods in
C++. It keeps blank lines as blank records, as the careful reader does, but is strict: a
record narrower or wider than the first ones, bytes that are not UTF-8, a NUL byte or a quote
never closed make it refuse, and the file goes to the careful reader (csv_reader.py), which
handles them all and says where the fault is (tests/io/test_arrow_csv.py holds the two alike).
"""

from __future__ import annotations

import codecs
import csv
import io
from pathlib import Path

import pandas as pd
import pyarrow as pa
from pyarrow import csv as arrow_csv

from procaudit.core.errors import InputError
from procaudit.core.limits import MAX_CELLS
from procaudit.io.csv_dialect import (
    SNIFFED_LINES,
    CsvDialect,
    only_delimiters,
    sniff_delimiter,
    start_lines,
)
from procaudit.io.grid import Grid, blank_as_missing, native_source, text_column
from procaudit.io.limits import check_csv_extent

_HEAD_LINES = 50  # lines that give the table's width; a wider record later is refused
_HEAD_BYTES = 1024 * 1024  # a head longer than this holds scraped text: leave it to pandas
_WIDE = 1000  # columns; a catalogue has a few dozen, and the careful reader skips empty ones


def read_regular_csv(path: Path, max_cells: int = MAX_CELLS) -> tuple[Grid, CsvDialect] | None:
    """The grid of a regular UTF-8 file, or None when the careful reader must take it.
    The file is parsed from disk, once: it is never held whole as bytes.
    More than `max_cells` records x columns is refused before pandas holds them."""
    with path.open("rb") as stream:
        start = stream.read(_HEAD_BYTES)
    encoding = "utf-8-sig" if start.startswith(codecs.BOM_UTF8) else "utf-8"
    head = _head(start.removeprefix(codecs.BOM_UTF8), whole=len(start) < _HEAD_BYTES)
    if head is None or not head.strip():
        return None
    delimiter = sniff_delimiter(head)
    try:
        width = max(map(len, csv.reader(io.StringIO(head, newline=""), delimiter=delimiter)))
    except csv.Error:  # a NUL byte or a stray quote: the careful reader tells which
        return None
    if width > _WIDE:  # pyarrow keeps a builder per column: a line of commas costs gigabytes
        return None
    table = _parse(path, delimiter, width)
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
    return grid, CsvDialect(encoding, delimiter)


def _used_width(table: pa.Table) -> int:
    """The table's width without the columns on its right that are empty in every record."""
    width = table.num_columns
    while width and table.column(width - 1).null_count == table.num_rows:
        width -= 1
    return width


def _parse(path: Path, delimiter: str, width: int) -> pa.Table | None:
    columns = [str(position) for position in range(width)]
    try:
        with native_source(path) as source:
            return arrow_csv.read_csv(  # it skips a byte-order mark itself
                source,
                read_options=arrow_csv.ReadOptions(column_names=columns),
                parse_options=arrow_csv.ParseOptions(
                    delimiter=delimiter, newlines_in_values=True, ignore_empty_lines=False
                ),
                convert_options=arrow_csv.ConvertOptions(
                    column_types=dict.fromkeys(columns, pa.large_string()),  # as pandas keeps it
                    strings_can_be_null=True,  # an empty cell is missing, quoted or not
                    null_values=[""],  # and only that: "NA" or "NULL" is text, as typed
                ),
            )
    except pa.ArrowInvalid:  # ragged or damaged: the careful reader says where
        return None


def _head(start: bytes, whole: bool) -> str | None:
    """The first lines of the file that `start` begins (`whole`: is all of), as text; None
    when they do not decode or run too long."""
    end = 0
    for _ in range(max(_HEAD_LINES, SNIFFED_LINES)):
        found = start.find(b"\n", end)
        if found == -1:
            if not whole:
                return None  # a line of a megabyte: scraped text, not a table's head
            end = len(start)
            break
        end = found + 1
    try:
        return start[:end].decode("utf-8")
    except UnicodeDecodeError:
        return None


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
