"""Read a regular UTF-8 CSV file with pyarrow's parser, on every core.

A national list is a million records; pandas' parser takes 2.7 s over it and Python strings
take 660 MB, pyarrow 1.2 s and 470 MB, and its text columns run pandas' string methods in
C++. It is strict: a record narrower or wider than the first ones, a blank line, bytes that
are not UTF-8 or a quote never closed make it refuse, and the file goes to the careful reader
(csv_reader.py), which handles them all and says where the fault is.
"""

from __future__ import annotations

import codecs
import csv
import io

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
from pyarrow import csv as arrow_csv

from procaudit.errors import InputError
from procaudit.io.csv_dialect import (
    SNIFFED_LINES,
    CsvDialect,
    physical_lines,
    sniff_delimiter,
    start_lines,
)
from procaudit.io.grid import Grid

_HEAD_LINES = 50  # lines that give the table's width; a wider record later is refused
_HEAD_BYTES = 1024 * 1024  # a head longer than this holds scraped text: leave it to pandas
_BLOCK = 16 * 1024 * 1024  # bytes per parsing block; fewer, larger blocks parse faster
# What Python's str.isspace() calls a space: as characters, and in RE2's syntax (whose \\s
# knows ASCII only).
_SPACES = pa.array([chr(code) for code in range(0x3001) if chr(code).isspace()])  # to U+3000
_SPACE_CLASS = "\t-\r\x1c-\x1f\x85\\pZ"


def read_regular_csv(path: str, data: bytes) -> tuple[Grid, CsvDialect] | None:
    """The grid of a regular UTF-8 file, or None when the careful reader must take it."""
    encoding = "utf-8-sig" if data.startswith(codecs.BOM_UTF8) else "utf-8"
    body = data[len(codecs.BOM_UTF8):] if encoding == "utf-8-sig" else data
    head = _head(body)
    if head is None or b"\0" in body or not head.strip():
        return None
    delimiter = sniff_delimiter(head)
    try:
        width = max(map(len, csv.reader(io.StringIO(head, newline=""), delimiter=delimiter)))
    except csv.Error:  # a NUL byte or a stray quote: the careful reader tells which
        return None
    try:
        table = arrow_csv.read_csv(
            pa.py_buffer(body),
            read_options=arrow_csv.ReadOptions(column_names=[str(i) for i in range(width)],
                                         block_size=_BLOCK),
            parse_options=arrow_csv.ParseOptions(delimiter=delimiter, newlines_in_values=True,
                                           ignore_empty_lines=False),
            convert_options=arrow_csv.ConvertOptions(
                column_types=dict.fromkeys((str(i) for i in range(width)), pa.string()),
                strings_can_be_null=True,  # an empty cell is missing, quoted or not
            ),
        )
    except (pa.ArrowInvalid, pa.ArrowException):
        return None
    records = pd.DataFrame(
        {position: _without_blank_cells(table.column(position))
         for position in range(width)}
    )
    if not records.notna().any().any():
        raise InputError(path, "is empty (it holds only blank lines and delimiters)")
    grid = Grid(None, records, start_lines(records, physical_lines(body)))
    return grid, CsvDialect(encoding, delimiter)


def _head(body: bytes) -> str | None:
    """The first lines as text, or None when they do not decode or run too long."""
    end = 0
    for _ in range(max(_HEAD_LINES, SNIFFED_LINES)):
        end = body.find(b"\n", end) + 1
        if end == 0:
            end = len(body)
            break
    if end > _HEAD_BYTES:
        return None
    try:
        return body[:end].decode("utf-8")
    except UnicodeDecodeError:
        return None


def _without_blank_cells(column: pa.ChunkedArray) -> pd.Series:
    """The column as pandas text, a cell holding only spaces made missing like an empty one.
    Only a cell starting with a space can be blank: the whole cells are matched only then."""
    first = pc.utf8_slice_codeunits(column, 0, 1)
    if pc.any(pc.is_in(first, value_set=_SPACES)).as_py():
        blank = pc.match_substring_regex(column, f"^[{_SPACE_CLASS}]+$")
        column = pc.if_else(blank, pa.scalar(None, pa.string()), column)
    return pd.Series(column, dtype="str")
