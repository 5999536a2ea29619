"""What both CSV readers share: the dialect a file is in and the line each record starts on
(the delimiter is sniffed by csv_sniff.py, which needs no pandas)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import cast

import numpy as np
import pandas as pd

from procaudit.core.errors import InputError
from procaudit.core.i18n import number, t
from procaudit.io.csv_sniff import LINE_BREAK

# A table narrower than this has too few delimiters on a line to tell a row from a cell's
# text that happens to hold commas ("Mẫu 01, Mẫu 02").
_ROW_WIDTH_TOLD = 3


@dataclass(frozen=True)
class CsvDialect:
    encoding: str
    delimiter: str


def only_delimiters() -> str:
    """What is wrong with a file whose every cell is empty, as both readers say it."""
    return t(
        "is empty (it holds only blank lines and delimiters)",
        "là tệp trống (chỉ có dòng trống và dấu phân cách)",
    )


def physical_lines(pieces: Iterable[str] | Iterable[bytes]) -> int:
    """How many lines a text has, given whole or in consecutive pieces: every kind of line
    end counts once, a CR LF cut between two pieces too."""
    ends = 0
    last: str | bytes = ""
    for piece in pieces:
        newline = "\n" if isinstance(piece, str) else b"\n"
        ends += _line_ends(piece)
        if last in ("\r", b"\r") and piece[:1] == newline:
            ends -= 1
        last = piece[-1:] or last
    return ends + (last not in ("\n", "\r", b"\n", b"\r"))


def _line_ends(piece: str | bytes) -> int:
    if isinstance(piece, str):
        return piece.count("\n") + piece.count("\r") - piece.count("\r\n")
    # Bytes: each CR LF is found by looking after each CR, twice as fast as count(b"\r\n").
    codes = np.frombuffer(piece, dtype=np.uint8)
    returns = codes[:-1] == 13
    pairs = int(np.count_nonzero(codes[1:][returns] == 10))
    return piece.count(b"\n") + piece.count(b"\r") - pairs


def start_lines(
    records: pd.DataFrame, lines: int | None, blank_breaks: np.ndarray | None = None
) -> pd.Series:
    """The line on which each record starts (the first record starts on line 1), in a text
    of `lines` physical lines (None: more than one per record). `blank_breaks`: per record,
    the line breaks of its cells that were made empty (a cell of "\\n" alone)."""
    if lines == len(records):  # no cell holds a line break: one line per record
        return pd.Series(range(1, len(records) + 1), index=records.index)
    # A record spans one line plus one per line break inside its quoted cells.
    # A sum of columns: a frame of records has at least one, so never the start value 0.
    breaks = cast(
        "pd.Series[int]",
        sum(records[column].str.count(LINE_BREAK.pattern).fillna(0) for column in records.columns),
    )
    if blank_breaks is not None:
        breaks = breaks + blank_breaks
    return ((1 + breaks).cumsum().shift(1, fill_value=0) + 1).astype("int64")


def check_rows_in_one_cell(
    path: str, records: pd.DataFrame, starts: pd.Series, delimiter: str
) -> None:
    """Refuse a file where a quote opened in a cell closes only lines later, around whole
    rows of the table: the parser reads them as that cell's text, and the rows vanish from
    the audit without a word ("... "Cấp phép số 5,Cấp xã" on line 6, the stray closing
    quote on line 20). Both readers call it when some cell holds a line break."""
    found = rows_in_one_cell(records, starts, delimiter)
    if found is None:
        return
    opened, closed, rows = found
    raise InputError(
        path,
        t(
            "has a quote opened on line {opened} that closes only on line {closed}, which "
            "makes {rows} of the list part of one cell: close the quote where its cell ends, "
            "or remove it, and run procaudit again",
            "có dấu ngoặc kép mở ở dòng {opened} mà đến dòng {closed} mới đóng, khiến "
            "{rows_vi} của danh sách bị đọc thành một ô: hãy đóng dấu ngoặc kép ở cuối ô đó "
            "hoặc xóa nó, rồi chạy lại procaudit",
            opened=opened,
            closed=closed,
            rows="a row" if rows == 1 else f"{number(rows)} rows",
            rows_vi=f"{number(rows)} hàng",
        ),
    )


def _longest(records: pd.DataFrame) -> np.ndarray:
    """Each column's longest cell, in characters (0 for a column of empty cells)."""
    return np.array(
        [records[column].astype("string").str.len().fillna(0).max() for column in records],
        dtype=float,
    )


def _fit(lines: pd.Series, delimiter: str, longest: np.ndarray) -> np.ndarray:
    """Whether each line, split at the delimiter, has no field longer than its column's
    longest cell: a row swallowed by a quote holds a code where the codes are, a name
    where the names are. A legal text's line with as many commas as the table has fields
    ("… quản lý phí, lệ phí trong công tác thú y …") puts a sentence where a code is."""
    fields = lines.str.split(delimiter, regex=False, expand=True)
    lengths = fields.apply(lambda column: column.str.len()).to_numpy(dtype=float)
    return np.asarray((lengths <= longest[: lengths.shape[1]]).all(axis=1))


def rows_in_one_cell(
    records: pd.DataFrame, starts: pd.Series, delimiter: str
) -> tuple[int, int, int] | None:
    """The first cell that holds whole rows of the table: the line its quote opens on, the
    line it closes on, and how many of its lines are rows; None for none.

    A cell holds rows when its first line ends the record as a row would (the fields after
    it are on that line: the quote swallowed them) and a line inside it, neither its first
    nor its last, splits into as many fields as the table has. A cell of text with line
    breaks meets both only by chance: the real catalogues' 479 such cells meet neither. So
    that chance refuses no file, a row's every field must also be no longer than the longest
    cell of its column (`_fit`)."""
    width = records.shape[1]
    if width < _ROW_WIDTH_TOLD or records.empty:
        return None
    # The records over three lines or more (a first line, a row, a last line), told by
    # where the next one starts (the last one may be, too): only their cells are looked at.
    lines = starts.to_numpy()
    spanning = np.flatnonzero(np.append(np.diff(lines) > 2, True))
    candidates = records.iloc[spanning].astype(object).set_axis(spanning)
    separator = re.escape(delimiter)
    first: tuple[int, int, pd.Series] | None = None  # (record, column, its lines that are rows)
    longest: np.ndarray | None = None  # each column's longest cell, counted when first needed
    for position in range(width):
        cells = candidates.iloc[:, position]
        broken = cells[cells.str.contains(LINE_BREAK.pattern, regex=True, na=False)]
        if broken.empty:
            continue
        cell_lines = broken.str.split(LINE_BREAK.pattern, regex=True)
        ends_record = position + cell_lines.str[0].str.count(separator) + 1 == width
        inner = cell_lines[ends_record].str[1:-1].explode().dropna()
        rows = inner[inner.str.count(separator) + 1 == width]
        if rows.empty:
            continue
        longest = _longest(records) if longest is None else longest
        rows = rows[rows.index.isin(rows.index[_fit(rows, delimiter, longest)])]
        if rows.empty:
            continue
        record = int(rows.index[0])
        if first is None or record < first[0]:
            first = (record, position, rows[rows.index == record])
    if first is None:
        return None
    record, position, rows = first
    cells = records.iloc[record, :position].dropna().astype(str)
    opened = int(lines[record]) + sum(len(LINE_BREAK.findall(cell)) for cell in cells)
    cell = str(records.iloc[record, position])
    return opened, opened + len(LINE_BREAK.findall(cell)), len(rows)
