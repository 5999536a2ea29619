"""Limits that keep a run bounded, checked before the expensive work they guard.

A 5 KB workbook with one cell at XFD1048576 makes the reader allocate a grid of 17 billion
cells, and a zip bomb inflates to gigabytes: both are refused from the zip's directory and a
streamed scan of the cell references, before anything is inflated whole. Every limit has a
flag to raise it.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from procaudit.errors import InputError
from procaudit.io.grid import Grid

MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    max_file_size: int = 2048 * MB  # bytes on disk (a national 1M-row CSV is about 360 MB)
    max_cells: int = 50_000_000  # rows x columns of one sheet, as the reader allocates them
    # Characters; Excel stops at 32,767 but CSV does not: the portal's details CSV has a
    # scraped cell of 51,526.
    max_cell_length: int = 100_000
    max_unzipped: int = 4096 * MB  # the parts of a workbook, inflated
    max_ratio: int = 200  # inflated/compressed size of one large part; zip bombs go far above


# Parts under this size are never a bomb, whatever their ratio (shared strings compress well).
_SMALL_PART = 8 * MB
_CELL_REF = re.compile(rb"<(?:\w+:)?c\b[^>]*?\br=\"([A-Z]{1,3})([0-9]{1,7})\"")
_ROW_REF = re.compile(rb"<(?:\w+:)?row\b[^>]*?\br=\"([0-9]{1,7})\"")
_CHUNK = 4 * MB
_OVERLAP = 256  # a reference cut by a chunk's end is found in the next chunk


def check_file_size(path: Path, limits: Limits) -> None:
    size = path.stat().st_size
    if size > limits.max_file_size:
        raise InputError(str(path), f"is {_size(size)}, over the limit of "
                                    f"{_size(limits.max_file_size)} (raise it with "
                                    "--max-file-size)")


def check_workbook(path: Path, limits: Limits) -> None:
    """Refuse a zip-based workbook (xlsx, xlsm, ods) whose parts would inflate beyond the
    limits, or whose sheets reach further than `max_cells`; other files pass untouched."""
    if not zipfile.is_zipfile(path):
        return
    try:
        with zipfile.ZipFile(path) as archive:
            parts = archive.infolist()
            _check_inflation(path, parts, limits)
            for part in parts:
                if re.fullmatch(r"xl/worksheets/[^/]+\.xml", part.filename):
                    _check_extent(path, archive, part, limits)
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        raise InputError(str(path), f"is a damaged workbook ({exc})") from None


def _check_inflation(path: Path, parts: list[zipfile.ZipInfo], limits: Limits) -> None:
    total = sum(part.file_size for part in parts)
    if total > limits.max_unzipped:
        raise InputError(str(path), f"would inflate to {_size(total)}, over the limit of "
                                    f"{_size(limits.max_unzipped)}; refused before reading")
    for part in parts:
        ratio = part.file_size / max(part.compress_size, 1)
        if part.file_size > _SMALL_PART and ratio > limits.max_ratio:
            raise InputError(str(path), f"has a part ({part.filename}) that inflates "
                                        f"{ratio:,.0f} times, like a zip bomb; refused "
                                        "before reading")


def _check_extent(path: Path, archive: zipfile.ZipFile, part: zipfile.ZipInfo,
                  limits: Limits) -> None:
    """The reader allocates max row x max column cells for a sheet: scan the references."""
    rows = columns = 0
    tail = b""
    with archive.open(part) as stream:
        while chunk := stream.read(_CHUNK):
            data = tail + chunk
            for letters, number in _CELL_REF.findall(data):
                columns = max(columns, _column_number(letters))
                rows = max(rows, int(number))
            for number in _ROW_REF.findall(data):
                rows = max(rows, int(number))
            if rows * columns > limits.max_cells:
                sheet = Path(part.filename).stem
                raise InputError(str(path), f"has a sheet ({sheet}) reaching row {rows:,} and "
                                            f"column {columns:,}: {rows * columns:,} cells, "
                                            f"over the limit of {limits.max_cells:,} (raise it "
                                            "with --max-cells)")
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
    for position in range(cells.shape[1]):
        column = cells.iloc[:, position]
        if not (column.dtype == object or pd.api.types.is_string_dtype(column)):
            continue
        lengths = column.str.len()
        longest = lengths.max()
        if pd.notna(longest) and longest > limits.max_cell_length:
            where = "line" if grid.sheet is None else f"sheet '{grid.sheet}', row"
            row = grid.rows.iloc[cells.index.get_loc(lengths.idxmax())]
            raise InputError(path, f"has a cell of {int(longest):,} characters ({where} "
                                   f"{row}), over the limit of {limits.max_cell_length:,} "
                                   "(raise it with --max-cell-length)")


def _size(size: int) -> str:
    return f"{size / MB:,.0f} MB" if size >= MB else f"{size:,} bytes"
