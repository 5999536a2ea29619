"""Parse a regular UTF-8 CSV file into Arrow columns: the part of the pyarrow reader
(arrow_csv.py) that needs neither pandas nor the careful reader.

Free of pandas, so that the first file of a run can be parsed, and its columns' blank cells
made missing, on pyarrow's threads while pandas and the rules are still being imported
(read_ahead.py).
"""

from __future__ import annotations

import codecs
import csv
import io
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
from pyarrow import csv as arrow_csv

from procaudit.io.csv_sniff import SNIFFED_LINES, sniff_delimiter
from procaudit.io.encoding import looks_twice_encoded
from procaudit.io.excel_text import unwrapped
from procaudit.io.native_path import native_source

_HEAD_LINES = 50  # lines that give the table's width; a wider record later is refused
_HEAD_BYTES = 1024 * 1024  # a head longer than this holds scraped text: leave it to pandas
_WIDE = 1000  # columns; a catalogue has a few dozen, and the careful reader skips empty ones


@dataclass(frozen=True)
class CsvPlan:
    """How pyarrow is to parse a file, from its first lines."""

    encoding: str  # "utf-8" or "utf-8-sig"
    delimiter: str
    width: int  # columns; a record wider than this makes pyarrow refuse the file


def csv_plan(path: Path) -> CsvPlan | None:
    """How to parse the file, or None when its head shows that the careful reader must take
    it (not UTF-8, a line of a megabyte, a NUL byte or a stray quote, too wide)."""
    with path.open("rb") as stream:
        start = stream.read(_HEAD_BYTES)
    encoding = "utf-8-sig" if start.startswith(codecs.BOM_UTF8) else "utf-8"
    head = _head(start.removeprefix(codecs.BOM_UTF8), whole=len(start) < _HEAD_BYTES)
    # Text twice encoded is read by the careful reader, which decodes it once more.
    if head is None or not head.strip() or looks_twice_encoded(head):
        return None
    delimiter = sniff_delimiter(head)
    try:
        width = max(map(len, csv.reader(io.StringIO(head, newline=""), delimiter=delimiter)))
    except csv.Error:  # a NUL byte or a stray quote: the careful reader tells which
        return None
    if width > _WIDE:  # pyarrow keeps a builder per column: a line of commas costs gigabytes
        return None
    return CsvPlan(encoding, delimiter, width)


@dataclass(frozen=True)
class ParsedCsv:
    """A file's records as pyarrow parsed them, and what the reader asks of them first."""

    rows: int
    held: frozenset[bytes]  # which of NUL, CR, LF and "=" some cell holds
    used: int  # the columns up to the last that holds a cell (none counted past a NUL)
    columns: tuple[pa.ChunkedArray, ...]  # the used ones, cells of spaces made null
    # per record, the line breaks in its cells made null (None where there are none)
    blank_breaks: np.ndarray | None = None


def parse_csv(path: Path, plan: CsvPlan) -> ParsedCsv | None:
    """The file's records, a column of text per position, empty cells and cells of spaces
    null; None when pyarrow refuses the file (ragged or damaged: the careful reader says
    where)."""
    table = _parse(path, plan)
    if table is None:
        return None
    cells = _cells(table)
    held = frozenset(bytes_held(cells, b"\0\r\n="))
    if b"\0" in held:  # damage that the careful reader reports with its line
        return ParsedCsv(table.num_rows, held, 0, ())
    # Columns empty to the right edge (a line of commas) are left out before pandas builds
    # one Series per column.
    used = used_width(table)
    columns = tuple(table.column(position) for position in range(used))
    blank_breaks = None
    if len(cells) > 1 or any(pc.any(pc.utf8_is_space(array)).as_py() for array in cells):
        # A cell of line breaks alone ("\n", a portal export's agency) is blank, but its
        # lines still count in the records' line numbers.
        if held & {b"\r", b"\n"}:
            blank_breaks = _blank_breaks(columns)
        columns = tuple(map(blank_as_missing, columns))
    if b"=" in held:  # some cell may be Excel's text formula (="1.000178")
        columns = tuple(map(unwrapped, columns))
    return ParsedCsv(table.num_rows, held, used, columns, blank_breaks)


# Up to this many records a table's cells are searched as one array: a small file's dozen
# columns cost more in kernel calls (two a column) than in copying their text once (a
# megabyte or so at most; counted in records: a table's `nbytes` costs as much as a kernel).
ONE_ARRAY_ROWS = 2_000


def _cells(table: pa.Table) -> list[pa.Array]:
    """The table's cells as arrays to search: its columns' chunks, or, for a small table,
    one array of them all."""
    chunks = [chunk for column in table.columns for chunk in column.chunks]
    if len(chunks) > 1 and table.num_rows <= ONE_ARRAY_ROWS:
        return [pa.concat_arrays(chunks)]
    return chunks


def _blank_breaks(columns: tuple[pa.ChunkedArray, ...]) -> np.ndarray | None:
    """Per record, the line breaks in its cells of spaces alone; None where none holds one."""
    found = None
    for column in columns:
        blank = pc.fill_null(pc.utf8_is_space(column), False)
        if not pc.any(blank).as_py():
            continue
        breaks = pc.count_substring_regex(pc.if_else(blank, column, ""), "\r\n|\r|\n")
        counted = breaks.to_numpy(zero_copy_only=False)
        if counted.any():
            found = counted if found is None else found + counted
    return found


def blank_as_missing(column: pa.Array | pa.ChunkedArray) -> pa.Array | pa.ChunkedArray:
    """The column with each cell holding only spaces made null (utf8_is_space knows the
    spaces str.isspace() knows)."""
    blank = pc.utf8_is_space(column)
    if pc.any(blank).as_py():
        column = pc.if_else(blank, pa.scalar(None, column.type), column)
    return column


def used_width(table: pa.Table) -> int:
    """The table's width without the columns on its right that are empty in every record."""
    width = table.num_columns
    while width and table.column(width - 1).null_count == table.num_rows:
        width -= 1
    return width


def bytes_held(cells: list[pa.Array], wanted: bytes) -> set[bytes]:
    """Which of the `wanted` bytes some cell holds: a search of each array's text, at
    memchr's speed (a block of the parser is a megabyte or so, copied once to be searched)."""
    held: set[bytes] = set()
    for array in cells:
        data = array.buffers()[2]
        if data is None or not data.size:
            continue
        text = data.to_pybytes()
        held.update(
            byte for byte in (wanted[i : i + 1] for i in range(len(wanted))) if byte in text
        )
        if len(held) == len(wanted):
            return held
    return held


def _parse(path: Path, plan: CsvPlan) -> pa.Table | None:
    columns = [str(position) for position in range(plan.width)]
    # pyarrow parses a block per thread: a file of one block gains nothing from its pool but
    # the cost of handing the block over (a fifth of a small file's parse, in CPU).
    try:
        threads = path.stat().st_size > _BLOCK_BYTES
    except OSError:  # opened below, which says what is wrong
        threads = True
    try:
        with native_source(path) as source:
            return arrow_csv.read_csv(  # it skips a byte-order mark itself
                source,
                read_options=arrow_csv.ReadOptions(column_names=columns, use_threads=threads),
                parse_options=arrow_csv.ParseOptions(
                    delimiter=plan.delimiter, newlines_in_values=True, ignore_empty_lines=False
                ),
                convert_options=arrow_csv.ConvertOptions(
                    column_types=dict.fromkeys(columns, pa.large_string()),  # as pandas keeps it
                    strings_can_be_null=True,  # an empty cell is missing, quoted or not
                    null_values=[""],  # and only that: "NA" or "NULL" is text, as typed
                ),
            )
    except pa.ArrowInvalid:
        return None


_BLOCK_BYTES = arrow_csv.ReadOptions().block_size  # what pyarrow parses at a time


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
