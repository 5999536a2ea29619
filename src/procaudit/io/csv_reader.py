"""Read a CSV catalogue into a grid: detected encoding and delimiter, start line of each record."""

from __future__ import annotations

import io
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from procaudit.errors import InputError
from procaudit.io.encoding import UTF16_BOMS, decode
from procaudit.io.grid import Grid, file_head

_DELIMITERS = (",", ";", "\t", "|")
_SNIFFED_LINES = 20
# What a file given as CSV may really be, told by its first bytes.
_NOT_TEXT = (
    (b"PK\x03\x04", "is an Excel workbook (or another zip file), not CSV text: give it "
                     "the .xlsx name"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "is an Excel 97-2003 workbook (or another "
                                     "Office file), not CSV text: give it the .xls name"),
    (b"%PDF", "is a PDF document, not CSV text"),
)
_CONTROL_BYTES = frozenset(range(32)) - {9, 10, 12, 13}
_BINARY_SHARE = 0.05  # text files hold next to no control bytes; binary files hold ~10 %
_LINE_BREAK = re.compile(r"\r\n|\r|\n")  # Windows, Unix and old Mac line ends alike


@dataclass(frozen=True)
class CsvDialect:
    encoding: str
    delimiter: str


def sniff_delimiter(text: str) -> str:
    """The delimiter that splits the first lines most consistently into several cells."""
    lines = [line for line in _LINE_BREAK.split(text, _SNIFFED_LINES)[:_SNIFFED_LINES]
             if line.strip()]

    def score(delimiter: str) -> int:
        counts = Counter(line.count(delimiter) for line in lines)
        counts.pop(0, None)
        if not counts:
            return 0
        fields, lines_agreeing = counts.most_common(1)[0]
        return fields * lines_agreeing

    return max(_DELIMITERS, key=score)


def read_csv_grid(path: Path) -> tuple[Grid, CsvDialect]:
    _check_is_text(path, file_head(path))
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(str(path), f"cannot be read ({exc.strerror or exc})") from exc
    text, encoding = decode(data, str(path))
    if not text.strip():
        raise InputError(str(path), "is empty")
    if "\0" in text:  # pandas would keep them inside cells, or cut the cell at them
        line = _line_of(text, text.index("\0"))
        raise InputError(str(path), f"contains NUL bytes (line {line}), which CSV text never "
                                    "holds: the file may be damaged; save it again as "
                                    "'CSV UTF-8'")
    delimiter = sniff_delimiter(text)
    try:
        records = pd.read_csv(
            io.StringIO(text),
            sep=delimiter,
            header=None,
            dtype=str,
            keep_default_na=False,
            na_values=[""],  # empty cells are missing, marked by the parser itself
            skip_blank_lines=False,  # blank lines still take a line number
            # Title lines above the header are narrower than the table, and the parser would
            # take the width from the first line; naming the columns pads the short lines.
            names=range(_widest(text, delimiter)),
        )
    except (pd.errors.ParserError, ValueError) as exc:
        raise _parse_error(str(path), text, delimiter, exc) from None
    cells = records.astype(object)
    if _has_space_only_cells(text, delimiter):  # rare: the per-cell pass is paid only then
        cells = cells.where(~records.apply(lambda column: column.str.strip().eq("")), None)
    if not cells.notna().any().any():
        raise InputError(str(path), "is empty (it holds only blank lines and delimiters)")
    return Grid(None, cells, _start_lines(records, text)), CsvDialect(encoding, delimiter)


def _check_is_text(path: Path, head: bytes) -> None:
    """Refuse a workbook, a PDF or binary garbage given as CSV, before decoding it as text."""
    if not head:
        raise InputError(str(path), "is empty")
    for signature, problem in _NOT_TEXT:
        if head.startswith(signature):
            raise InputError(str(path), problem)
    if head.startswith(UTF16_BOMS):  # UTF-16 text is half NUL bytes
        return
    controls = sum(byte in _CONTROL_BYTES for byte in head)
    if controls > _BINARY_SHARE * len(head):
        raise InputError(str(path), "is not a CSV text file (it may be damaged or another "
                                    "kind of file)")


def _parse_error(path: str, text: str, delimiter: str, exc: Exception) -> InputError:
    line = _unclosed_quote(text, delimiter)
    if line is not None:
        return InputError(path, f"has a quote that is never closed (line {line}): close it "
                                "or remove it, and run procaudit again")
    return InputError(path, f"is not a well-formed CSV file ({exc})")


def _unclosed_quote(text: str, delimiter: str) -> int | None:
    """The line of a quote that opens a cell and is never closed, as the parser reads quotes:
    one opens a cell only at its start, and two in a row inside a quoted cell are one."""
    position = 0
    while (start := text.find('"', position)) != -1:
        if start > 0 and text[start - 1] not in (delimiter, "\n", "\r"):
            position = start + 1  # a quote inside a cell is an ordinary character
            continue
        end = start + 1
        while (end := text.find('"', end)) != -1 and text.startswith('""', end):
            end += 2
        if end == -1:
            return _line_of(text, start)
        position = end + 1
    return None


def _line_of(text: str, index: int) -> int:
    return len(_LINE_BREAK.findall(text, 0, index)) + 1


def _has_space_only_cells(text: str, delimiter: str) -> bool:
    """Whether some cell holds only spaces: one regular-expression pass over the text."""
    d = re.escape(delimiter)
    return re.search(rf'(?:^|{d})"?[^\S\n]+"?(?={d}|\r?$)', text, re.MULTILINE) is not None


def _widest(text: str, delimiter: str) -> int:
    # Counts delimiters inside quoted cells too: at worst a few empty columns more.
    # Split at every kind of line end: a file of lone \r would be one line, and that many
    # columns.
    lines = text.split("\n") if "\r" not in text else _LINE_BREAK.split(text)
    return 1 + max(line.count(delimiter) for line in lines)


def _start_lines(records: pd.DataFrame, text: str) -> pd.Series:
    """The line on which each record starts (the first record starts on line 1)."""
    ends = text.count("\n") + text.count("\r") - text.count("\r\n")  # every kind of line end
    physical_lines = ends + (not text.endswith(("\n", "\r")))
    if physical_lines == len(records):  # no cell holds a line break: one line per record
        return pd.Series(range(1, len(records) + 1), index=records.index)
    # A record spans one line plus one per line break inside its quoted cells.
    breaks = sum(records[column].str.count(_LINE_BREAK.pattern).fillna(0)
                 for column in records.columns)
    lines = 1 + breaks
    return (lines.cumsum().shift(1, fill_value=0) + 1).astype("int64")
