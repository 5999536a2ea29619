"""Read a CSV catalogue into a grid: detected encoding and delimiter, start line of each record,
and each record's field count where they differ (`io.wider` finds the shifted ones).

A regular UTF-8 file (every record as wide as the table) is parsed by pyarrow
(see arrow_csv.py); any other, or one pyarrow refuses, by pandas' parser from the decoded text,
which pads short lines and keeps blank ones, and says where a quote is never closed.
"""

from __future__ import annotations

import io
import json
import re
from itertools import accumulate
from pathlib import Path

import numpy as np
import pandas as pd

from procaudit.core.errors import InputError
from procaudit.core.i18n import t
from procaudit.core.limits import MAX_CELLS
from procaudit.io.arrow_csv import read_regular_csv
from procaudit.io.csv_dialect import (
    CsvDialect,
    check_rows_in_one_cell,
    only_delimiters,
    physical_lines,
    start_lines,
)
from procaudit.io.csv_sniff import LINE_BREAK, sniff_delimiter
from procaudit.io.encoding import UTF16_BOMS, decode
from procaudit.io.excel_text import OPENING, unwrapped_cells
from procaudit.io.grid import Grid, file_head
from procaudit.io.limits import check_csv_extent

_NOT_TEXT = (
    (
        b"PK\x03\x04",
        "is an Excel workbook (or another zip file), not CSV text: give it the .xlsx name",
    ),
    (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
        "is an Excel 97-2003 workbook (or another "
        "Office file), not CSV text: give it the .xls name",
    ),
    (b"%PDF", "is a PDF document, not CSV text"),
)
_NOT_TEXT_VI = {
    b"PK\x03\x04": "là sổ tính Excel (hoặc tệp zip khác), không phải văn bản CSV: hãy đổi "
    "đuôi tệp thành .xlsx",
    b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1": "là sổ tính Excel 97-2003 (hoặc tệp Office khác), "
    "không phải văn bản CSV: hãy đổi đuôi tệp thành .xls",
    b"%PDF": "là tài liệu PDF, không phải văn bản CSV",
}
_CONTROL_BYTES = bytes(sorted(frozenset(range(32)) - {9, 10, 12, 13}))
_BINARY_SHARE = 0.05  # text files hold next to no control bytes; binary files hold ~10 %


def read_csv_grid(path: Path, max_cells: int = MAX_CELLS) -> tuple[Grid, CsvDialect]:
    """The grid of a CSV file; one of more than `max_cells` lines x columns is refused before
    it is allocated."""
    _check_is_text(path, file_head(path))
    try:
        fast = read_regular_csv(path, max_cells)
        if fast is not None:
            return fast
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(
            str(path),
            t("cannot be read ({reason})", "không đọc được ({reason})", reason=exc.strerror or exc),
        ) from exc
    return read_carefully(path, data, max_cells)


def read_carefully(path: Path, data: bytes, max_cells: int = MAX_CELLS) -> tuple[Grid, CsvDialect]:
    """The grid of any CSV text, by pandas' parser: short lines padded, blank lines kept."""
    text, encoding = decode(data, str(path))
    if not text.strip():
        raise InputError(str(path), t("is empty", "là tệp trống"))
    if "\0" in text:  # pandas would keep them inside cells, or cut the cell at them
        line = _line_of(text, text.index("\0"))
        raise InputError(
            str(path),
            t(
                "contains NUL bytes (line {line}), which CSV text never "
                "holds: the file may be damaged; save it again as "
                "'CSV UTF-8'",
                "chứa byte NUL (dòng {line}), điều không bao giờ có trong "
                "văn bản CSV: tệp có thể bị hỏng; hãy lưu lại dưới dạng "
                "'CSV UTF-8'",
                line=line,
            ),
        )
    delimiter = sniff_delimiter(text)
    # Nothing but delimiters and spaces: said before pandas makes a column of each delimiter.
    if re.fullmatch(rf"[\s{re.escape(delimiter)}]*", text):
        raise InputError(str(path), only_delimiters())
    lines = physical_lines([text])
    width, used, line_fields = _widths(text, delimiter)
    check_csv_extent(str(path), lines, used, max_cells)
    try:
        records = _records(text, delimiter, width, used)
    except (pd.errors.ParserError, ValueError) as exc:
        raise _parse_error(str(path), text, delimiter, exc) from None
    cells = records.astype(object)
    if _has_space_only_cells(text, delimiter):  # rare: the per-cell pass is paid only then
        cells = cells.where(~records.apply(lambda column: column.str.strip().eq("")), None)
    if OPENING in text:  # some cell may be Excel's text formula (="1.000178")
        cells = unwrapped_cells(cells)
    if not cells.notna().any().any():
        raise InputError(str(path), only_delimiters())
    # As the pyarrow reader does: no columns empty in every record at the right edge.
    filled = np.flatnonzero(records.notna().any(axis=0).to_numpy())
    cells = cells.iloc[:, : int(filled[-1]) + 1]
    starts = start_lines(records, lines)
    if lines != len(records):  # some cell holds a line break
        check_rows_in_one_cell(str(path), cells, starts, delimiter)
    grid = Grid(None, cells, starts, fields=_record_fields(line_fields, starts))
    return grid, CsvDialect(encoding, delimiter)


def _records(text: str, delimiter: str, width: int, used: int) -> pd.DataFrame:
    """The records of `text`, `width` columns named, the first `used` of them parsed: the
    parser skips the empty columns at the right cheaply (a line of 200,000 commas)."""

    def parse(width: int, columns: range | None) -> pd.DataFrame:
        return pd.read_csv(
            io.StringIO(text),
            sep=delimiter,
            header=None,
            dtype=str,
            keep_default_na=False,
            na_values=[""],  # empty cells are missing, marked by the parser itself
            skip_blank_lines=False,  # blank lines still take a line number
            # Title lines above the header are narrower than the table, and the parser would
            # take the width from the first line; naming the columns pads the short lines.
            names=range(width),
            usecols=columns,
        )

    if used < width:
        try:
            return parse(width, range(used))
        except (pd.errors.ParserError, ValueError):
            pass  # named wider than any record (quoted line breaks): parse every column
    records = parse(width, None)
    if not isinstance(records.index, pd.RangeIndex):
        # Every record wider than the widest line (each broken over lines by a quoted line
        # break): the parser took the first fields as the index. Named as wide as they are.
        records = parse(width + records.index.nlevels, None)
    return records


def _check_is_text(path: Path, head: bytes) -> None:
    """Refuse a workbook, a PDF or binary garbage given as CSV, before decoding it as text."""
    if not head:
        raise InputError(str(path), t("is empty", "là tệp trống"))
    for signature, problem in _NOT_TEXT:
        if head.startswith(signature):
            raise InputError(str(path), t(problem, _NOT_TEXT_VI[signature]))
    if head.startswith(UTF16_BOMS):  # UTF-16 text is half NUL bytes
        return
    if head.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] in (b"{", b"[") and looks_like_json(
        head.decode("utf-8", errors="replace")
    ):
        raise InputError(str(path), _json_records())
    # Counted by deleting them (in C): a loop over the head's 8 KB took 0.4 ms a file.
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
    if controls > _BINARY_SHARE * len(head):
        raise InputError(
            str(path),
            t(
                "is not a CSV text file (it may be damaged or another kind of file)",
                "không phải tệp văn bản CSV (tệp có thể bị hỏng hoặc là loại tệp khác)",
            ),
        )


def _parse_error(path: str, text: str, delimiter: str, exc: Exception) -> InputError:
    if looks_like_json(text):
        return InputError(path, _json_records())
    line = _unclosed_quote(text, delimiter)
    if line is not None:
        return InputError(
            path,
            t(
                "has a quote that is never closed (line {line}): close it "
                "or remove it, and run procaudit again",
                "có dấu ngoặc kép không được đóng (dòng {line}): hãy đóng "
                "hoặc xóa dấu ngoặc kép đó rồi chạy lại procaudit",
                line=line,
            ),
        )
    fields = _FIELDS.search(str(exc))
    if fields is not None:
        expected, at, saw = fields.groups()
        return InputError(
            path,
            t(
                "is not a well-formed CSV file: line {line} has {saw} fields where the "
                "lines before it have {expected}",
                "không phải tệp CSV đúng cấu trúc: dòng {line} có {saw} trường trong khi "
                "các dòng trước có {expected}",
                line=at,
                saw=saw,
                expected=expected,
            ),
        )
    problem = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    problem = problem.removeprefix("Error tokenizing data. ").removeprefix("C error: ")
    return InputError(
        path,
        t(
            "is not a well-formed CSV file ({problem})",
            "không phải tệp CSV đúng cấu trúc ({problem})",
            problem=problem.rstrip("."),
        ),
    )


def _json_records() -> str:
    return t(
        "holds JSON records, not a table: export the list as CSV or Excel",
        "chứa các bản ghi JSON, không phải bảng: hãy xuất danh mục dưới dạng CSV hoặc Excel",
    )


_FIELDS = re.compile(r"Expected (\d+) fields in line (\d+), saw (\d+)")


def looks_like_json(text: str) -> bool:
    """Whether the text is JSON (an array, or one object per line, as databases export):
    its first line is a JSON object or array, or opens one."""
    first = text.lstrip("\ufeff \t\r\n").split("\n", 1)[0].strip()
    if not first.startswith(("{", "[")):
        return False
    try:
        json.loads(first)
    except ValueError:
        return first in ("{", "[") or first.startswith(('{"', "[{", '["'))
    return True


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
    return len(LINE_BREAK.findall(text, 0, index)) + 1


def _has_space_only_cells(text: str, delimiter: str) -> bool:
    """Whether some cell holds only spaces: one regular-expression pass over the text. A
    quoted one may hold line breaks too ("\\n" alone, a portal's agency cell)."""
    d = re.escape(delimiter)
    pattern = rf'(?:^|{d})(?:"\s+"|"?[^\S\n]+"?)(?={d}|\r?$)'
    return re.search(pattern, text, re.MULTILINE) is not None


def _widths(text: str, delimiter: str) -> tuple[int, int, list[int]]:
    """How many columns the widest line splits into, how many of them hold a cell (the
    delimiters ending a line are not counted), and how many fields each line has (-1 for
    a line that a quoted cell runs over). A line within one record has the delimiters
    in its quoted cells left out; one that starts or ends inside a quoted cell is counted
    whole (its record goes on over several lines): at worst a few empty columns more."""
    # Split at every kind of line end: a file of lone \r would be one line, and that many
    # columns.
    lines = text.split("\n") if "\r" not in text else LINE_BREAK.split(text)
    # An odd number of quotes so far: inside a quoted cell ("" inside one counts twice).
    inside = [count % 2 for count in accumulate(line.count('"') for line in lines)]
    width = used = 1
    counts: list[int] = []
    for line, opens, closes in zip(lines, [0, *inside], inside, strict=False):
        if opens or closes:
            fields = 1 + line.count(delimiter)
            width, used = max(width, fields), max(used, fields)
            counts.append(-1)
            continue
        if '"' in line:
            line = _QUOTED.sub("", line)
        fields = 1 + line.count(delimiter)
        counts.append(fields)
        width = max(width, fields)
        used = max(used, 1 + line.rstrip(delimiter).count(delimiter))
    return width, used, counts


def _record_fields(line_fields: list[int], starts: pd.Series) -> np.ndarray | None:
    """How many fields each record has, by the line it starts on; None when they all
    have as many (nothing can be shifted)."""
    counts = np.asarray(line_fields, dtype=np.int64)
    at = starts.to_numpy() - 1
    fields = counts[at.clip(0, len(counts) - 1)] if len(counts) else np.zeros(len(at), np.int64)
    known = fields[fields > 0]
    return fields if len(known) and known.min() != known.max() else None


_QUOTED = re.compile(r'"[^"]*"')
