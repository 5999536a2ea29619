"""Parse a regular UTF-8 CSV file into an Arrow table: the part of the pyarrow reader
(arrow_csv.py) that needs neither pandas nor the careful reader.

Free of pandas, so that the first file of a run can be parsed on pyarrow's threads while
pandas and the rules are still being imported (read_ahead.py).
"""

from __future__ import annotations

import codecs
import csv
import io
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
from pyarrow import csv as arrow_csv

from procaudit.io.csv_sniff import SNIFFED_LINES, sniff_delimiter
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
    if head is None or not head.strip():
        return None
    delimiter = sniff_delimiter(head)
    try:
        width = max(map(len, csv.reader(io.StringIO(head, newline=""), delimiter=delimiter)))
    except csv.Error:  # a NUL byte or a stray quote: the careful reader tells which
        return None
    if width > _WIDE:  # pyarrow keeps a builder per column: a line of commas costs gigabytes
        return None
    return CsvPlan(encoding, delimiter, width)


def parse_csv(path: Path, plan: CsvPlan) -> pa.Table | None:
    """The file's records, a column of text per position, empty cells null; None when
    pyarrow refuses the file (ragged or damaged: the careful reader says where)."""
    columns = [str(position) for position in range(plan.width)]
    try:
        with native_source(path) as source:
            return arrow_csv.read_csv(  # it skips a byte-order mark itself
                source,
                read_options=arrow_csv.ReadOptions(column_names=columns),
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
