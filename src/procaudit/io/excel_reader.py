"""Read an xlsx/xlsm workbook with openpyxl (values only: macros are never run or kept)."""

from __future__ import annotations

import datetime as dt
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from procaudit.errors import InputError


def cell_text(value: object) -> str | None:
    """A cell's value as the text the user typed; numbers keep no spurious ".0"."""
    if value is None:
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return str(value)


def read_sheets(path: Path) -> Iterator[tuple[str, pd.DataFrame]]:
    """Each sheet as a frame of raw cell values; frame row i is Excel row i + 1."""
    try:
        workbook = load_workbook(path, read_only=True, data_only=True, keep_links=False)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError) as exc:
        raise InputError(str(path), "is not a readable Excel workbook (xlsx/xlsm)") from exc
    try:
        for sheet in workbook.worksheets:
            rows = list(sheet.iter_rows(values_only=True))
            yield sheet.title, pd.DataFrame(rows, dtype=object)
    finally:
        workbook.close()
