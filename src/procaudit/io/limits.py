"""Limits that keep a run bounded, checked before the expensive work they guard.

A 5 KB workbook with one cell at XFD1048576 makes the reader allocate a grid of 17 billion
cells, and a zip bomb inflates to gigabytes: both are refused from the zip's directory and a
streamed scan of the cell references, before anything is inflated whole. Every limit has a
flag to raise it.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING
from xml.etree import ElementTree

from procaudit.core.errors import InputError
from procaudit.core.i18n import number, t
from procaudit.core.limits import MAX_CELL_LENGTH, MAX_CELLS, MAX_FILE_SIZE_MB, MB
from procaudit.io.grid import Grid
from procaudit.io.xlsx_parts import sheet_parts

if TYPE_CHECKING:
    import pyarrow as pa


@dataclass(frozen=True)
class Limits:
    """The limits of one run; the defaults, and why they are what they are, are in
    `procaudit.core.limits`."""

    max_file_size: int = MAX_FILE_SIZE_MB * MB  # bytes on disk
    max_cells: int = MAX_CELLS
    max_cell_length: int = MAX_CELL_LENGTH
    max_unzipped: int = 4096 * MB  # the parts of a workbook, inflated
    max_ratio: int = 200  # inflated/compressed size of one large part; zip bombs go far above


# Parts under this size are never a bomb, whatever their ratio (shared strings compress well).
_SMALL_PART = 8 * MB
# A cell that holds something: its start tag is not self-closing. A styled empty cell
# (<c r="A1048576" s="3"/>, borders painted down a whole column) and a <row> holding only
# such cells are no part of the grid the reader builds, so they do not count.
_FILLED_CELL = re.compile(rb'<(?:\w+:)?c\s[^>]*?\br="([A-Z]{1,3})([0-9]{1,7})"[^>]*(?<!/)>')
# A catalogue sheet stays within column Z and row 999,999: a scan without a match shows it.
_FAR_REF = re.compile(rb'r="(?:[A-Z]{2}|[A-Z]?[0-9]{7})')
_NARROW, _SHORT = 26, 999_999
_CHUNK = 4 * MB
_OVERLAP = 256  # a reference cut by a chunk's end is found in the next chunk


def check_file_size(path: Path, limits: Limits, size: int | None = None) -> None:
    """Refuse a file over --max-file-size; `size`: its size, where the caller has it."""
    if size is None:
        size = path.stat().st_size
    if size > limits.max_file_size:
        raise InputError(
            str(path),
            t(
                "is {size}, over the limit of {limit} (raise it with --max-file-size)",
                "có dung lượng {size}, vượt giới hạn {limit} (có thể nâng "
                "giới hạn bằng --max-file-size)",
                size=_size(size),
                limit=_size(limits.max_file_size),
            ),
        )


def check_csv_extent(path: str, records: int, columns: int, limit: int) -> None:
    """Refuse a CSV table of `records` x `columns` cells over `limit` (--max-cells), before
    the reader allocates them."""
    if records * columns > limit:
        raise InputError(
            path,
            t(
                "has {records} lines and {columns} columns: {cells} cells, over the limit "
                "of {limit} (raise it with --max-cells)",
                "có {records} dòng và {columns} cột: {cells} ô, vượt giới hạn {limit} (có "
                "thể nâng giới hạn bằng --max-cells)",
                records=number(records),
                columns=number(columns),
                cells=number(records * columns),
                limit=number(limit),
            ),
        )


@dataclass(frozen=True)
class WorkbookScan:
    """What the scan of a workbook's sheets saw on the way, by sheet part: the parts that
    hold a formula or an error value (see excel_reader), and the columns each hides, as
    ranges of column numbers from 1 (calamine reads hidden columns as any other)."""

    formulas: frozenset[str] = frozenset()
    hidden_columns: dict[str, tuple[tuple[int, int], ...]] = field(default_factory=dict)
    hidden_rows: frozenset[str] = frozenset()  # the parts with a hidden row


def check_workbook(path: Path, limits: Limits) -> WorkbookScan:
    """Refuse a zip-based workbook (xlsx, xlsm, ods) whose parts would inflate beyond the
    limits, or whose sheets reach further than `max_cells`; other files pass untouched.
    Returns what the scan saw on the way (`WorkbookScan`)."""
    if not zipfile.is_zipfile(path):
        return WorkbookScan()
    formulas: set[str] = set()
    hidden: dict[str, tuple[tuple[int, int], ...]] = {}
    rows_hidden: set[str] = set()
    try:
        with zipfile.ZipFile(path) as archive:
            parts = archive.infolist()
            _check_inflation(path, parts, limits)
            for part in parts:
                if not re.fullmatch(r"xl/worksheets/[^/]+\.xml", part.filename):
                    continue
                holds_formulas, hidden_columns, any_row_hidden = _scan_sheet(
                    path, archive, part, limits
                )
                if holds_formulas:
                    formulas.add(part.filename)
                if hidden_columns:
                    hidden[part.filename] = hidden_columns
                if any_row_hidden:
                    rows_hidden.add(part.filename)
            return WorkbookScan(frozenset(formulas), hidden, frozenset(rows_hidden))
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        raise InputError(
            str(path),
            t("is a damaged workbook ({problem})", "là sổ tính bị hỏng ({problem})", problem=exc),
        ) from None


def _check_inflation(path: Path, parts: list[zipfile.ZipInfo], limits: Limits) -> None:
    total = sum(part.file_size for part in parts)
    if total > limits.max_unzipped:
        raise InputError(
            str(path),
            t(
                "would inflate to {size}, over the limit of {limit}; refused before reading",
                "khi giải nén sẽ chiếm {size}, vượt giới hạn {limit}; đã từ chối trước khi đọc",
                size=_size(total),
                limit=_size(limits.max_unzipped),
            ),
        )
    for part in parts:
        ratio = part.file_size / max(part.compress_size, 1)
        if part.file_size > _SMALL_PART and ratio > limits.max_ratio:
            raise InputError(
                str(path),
                t(
                    "has a part ({part}) that inflates {ratio} times, "
                    "like a zip bomb; refused before reading",
                    "có thành phần ({part}) giải nén to gấp {ratio} lần, "
                    "giống bom zip; đã từ chối trước khi đọc",
                    part=part.filename,
                    ratio=number(round(ratio)),
                ),
            )


def _scan_sheet(
    path: Path, archive: zipfile.ZipFile, part: zipfile.ZipInfo, limits: Limits
) -> tuple[bool, tuple[tuple[int, int], ...], bool]:
    """Whether the sheet holds a formula or an error value (#N/A), the columns it hides and
    whether it hides a row, refusing it if it reaches too far: the reader allocates max row
    x max column cells. One quick scan bounds the references; only if the bounds allow too
    many cells are they counted exactly."""
    far = formulas = rows_hidden = False
    hidden: tuple[tuple[int, int], ...] = ()
    for at, data in enumerate(_chunks(archive, part)):
        if at == 0:
            hidden = _hidden_columns(data)
        rows_hidden = rows_hidden or (b'hidden="' in data and _HIDDEN_ROW.search(data) is not None)
        far = far or _FAR_REF.search(data) is not None
        # One search for "<f" rules out most sheets; "<family" (a font) holds it too.
        formulas = formulas or (b"<f" in data and (b"<f>" in data or b"<f " in data))
        formulas = formulas or b't="e"' in data  # pasted as values, an error keeps no formula
    if far or limits.max_cells < _NARROW * _SHORT:
        _check_extent(path, archive, part, limits)
    return formulas, hidden, rows_hidden


# A sheet's column widths, <cols><col min="6" max="6" hidden="1" .../></cols>, come before
# its cells (the schema's order), so the first piece read holds them.
_COLS = re.compile(rb"<(?:\w+:)?cols>(.*?)</(?:\w+:)?cols>", re.DOTALL)
_COL = re.compile(rb"<(?:\w+:)?col\s([^>]*)>")
_HIDDEN = re.compile(rb'\bhidden="(?:1|true)"')
_HIDDEN_ROW = re.compile(rb'<(?:\w+:)?row\s[^>]*\bhidden="(?:1|true)"')
_SPAN = (re.compile(rb'\bmin="([0-9]+)"'), re.compile(rb'\bmax="([0-9]+)"'))


def _hidden_columns(data: bytes) -> tuple[tuple[int, int], ...]:
    """The ranges of columns (first, last, from 1) a sheet's first piece says are hidden."""
    end = data.find(b"sheetData")
    found = _COLS.search(data, 0, end if end >= 0 else len(data))
    if found is None or b"hidden" not in found.group(1):
        return ()
    spans = []
    for col in _COL.finditer(found.group(1)):
        attributes = col.group(1)
        first, last = (pattern.search(attributes) for pattern in _SPAN)
        if _HIDDEN.search(attributes) and first is not None:
            spans.append((int(first.group(1)), int((last or first).group(1))))
    return tuple(spans)


def _check_extent(
    path: Path, archive: zipfile.ZipFile, part: zipfile.ZipInfo, limits: Limits
) -> None:
    rows = columns = 0
    for data in _chunks(archive, part):
        refs = _FILLED_CELL.findall(data)
        if refs:
            letters, numbers = zip(*refs, strict=True)
            rows = max(rows, max(map(int, numbers)))
            # A sheet's cells are in a few columns: each is numbered once.
            columns = max(columns, max(map(_column_number, set(letters))))
        if rows * columns > limits.max_cells:
            # Most often one stray value far beyond the list: the official deletes it.
            raise InputError(
                str(path),
                t(
                    "has a sheet '{sheet}' reaching row {rows} and "
                    "column {columns}: {cells} cells, over the limit of "
                    "{limit}: delete the stray values beyond the list (Ctrl+End in Excel "
                    "goes to the last one), or raise the limit with --max-cells",
                    "có trang tính '{sheet}' kéo dài đến dòng {rows} và "
                    "cột {columns}: {cells} ô, vượt giới hạn {limit}: hãy xóa các giá trị "
                    "thừa nằm ngoài danh mục (Ctrl+End trong Excel đi tới ô cuối cùng), hoặc "
                    "nâng giới hạn bằng --max-cells",
                    sheet=_sheet_name(archive, part),
                    rows=number(rows),
                    columns=number(columns),
                    cells=number(rows * columns),
                    limit=number(limits.max_cells),
                ),
            )


def _sheet_name(archive: zipfile.ZipFile, part: zipfile.ZipInfo) -> str:
    """The name the official sees on the sheet's tab; its part's ("sheet1") where the
    workbook does not say."""
    try:
        names = {part: name for name, part in sheet_parts(archive).items()}
    except (ElementTree.ParseError, KeyError, OSError, zipfile.BadZipFile):
        names = {}
    return names.get(part.filename, Path(part.filename).stem)


def _chunks(archive: zipfile.ZipFile, part: zipfile.ZipInfo) -> Iterator[bytes]:
    """The part inflated piece by piece, each piece starting with the end of the one before,
    so that a reference cut in two is whole in the next."""
    tail = b""
    with archive.open(part) as stream:
        while chunk := stream.read(_CHUNK):
            data = tail + chunk
            yield data
            tail = data[-_OVERLAP:]


def _column_number(letters: bytes) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + letter - 64
    return number


def check_cell_lengths(path: str, grid: Grid, limits: Limits) -> None:
    """Refuse a grid holding a cell longer than `max_cell_length`."""
    import pandas as pd

    cells = grid.cells
    limit = limits.max_cell_length
    for position, chunks in enumerate(grid.arrow_columns()):
        # A character takes at least a byte: no cell is longer than the column's bytes (a
        # small file's column, told without a kernel), nor than its largest cell's.
        if chunks is not None and (chunks.nbytes <= limit or _most_bytes(chunks) <= limit):
            continue
        column = cells.iloc[:, position]
        if not (column.dtype == object or pd.api.types.is_string_dtype(column)):
            continue
        lengths = column.str.len()
        longest = lengths.max()
        if pd.notna(longest) and longest > limit:
            where = (
                t("line", "dòng")
                if grid.sheet is None
                else t("sheet '{sheet}', row", "trang tính '{sheet}', dòng", sheet=grid.sheet)
            )
            row = grid.rows.iloc[cells.index.get_loc(lengths.idxmax())]
            raise InputError(
                path,
                t(
                    "has a cell of {length} characters ({where} {row}), over "
                    "the limit of {limit} (raise it with --max-cell-length)",
                    "có ô dài {length} ký tự ({where} {row}), vượt giới hạn "
                    "{limit} (có thể nâng giới hạn bằng --max-cell-length)",
                    length=number(int(longest)),
                    where=where,
                    row=row,
                    limit=number(limit),
                ),
            )


def _most_bytes(chunks: pa.ChunkedArray) -> int:
    """The UTF-8 size of the largest cell of Arrow text, read from its offsets."""
    import pyarrow.compute as pc

    longest = pc.max(pc.binary_length(chunks)).as_py()
    return longest or 0


def _size(size: int) -> str:
    if size >= MB:
        return f"{number(round(size / MB))} MB"
    return t("{size} bytes", "{size} byte", size=number(size))
