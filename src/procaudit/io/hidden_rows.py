"""Which rows of a workbook's sheets are out of sight: hidden by hand, grouped and collapsed,
or filtered out. The readers read them as any row (a hidden procedure is still listed), so a
finding may point at one; the fix-list says so, and so does a note of the check where a
sheet's procedure rows include hidden ones (`hidden_row_notes`), or an official sent to row
11 sees rows 10 and 12 side by side and takes the finding for a mistake.

python-calamine does not tell which rows are hidden: an xlsx or xlsm sheet's `<row>`
elements say it, an xls file's records (`xls_layout`) and an ods file's content
(`ods_layout`) too. Only the row elements are looked at, not the cells between them.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterable
from pathlib import Path

import numpy as np

from procaudit.core.i18n import number, t
from procaudit.io.ods_layout import ods_layout
from procaudit.io.table import Table
from procaudit.io.xls_layout import xls_layout
from procaudit.io.xlsx_parts import sheet_parts

_ROW = re.compile(rb"<(?:\w+:)?row\b([^>]*)>")
_NUMBER = re.compile(rb'\br="(\d+)"')
_HIDDEN = re.compile(rb'\bhidden="(?:1|true)"')


Rows = list[tuple[int, int]]  # (first, last) runs of row numbers from 1, in order


def hidden_rows(path: Path) -> dict[str, Rows]:
    """Sheet name -> the runs of its hidden rows, for the sheets that have any (the empty
    rest of a sheet may be one run of a million rows); empty for a file of another kind or
    one that cannot be read."""
    suffix = path.suffix.lower()
    try:
        if suffix in (".xlsx", ".xlsm"):
            return _xlsx(path)
        if suffix in (".xls", ".ods"):
            layout = xls_layout(path) if suffix == ".xls" else ods_layout(path)
            return {
                name: sorted(sheet.hidden_rows)
                for name, sheet in (layout or {}).items()
                if sheet.hidden_rows
            }
    except (OSError, zipfile.BadZipFile, ValueError):
        return {}
    return {}


def told_by_layout(path: Path) -> bool:
    """Whether a workbook's hidden rows are read from its layout (an xls's records, an ods's
    content), not seen by the scan of an xlsx's sheets (`limits.check_workbook`)."""
    return path.suffix.lower() in (".xls", ".ods")


def _xlsx(path: Path) -> dict[str, Rows]:
    found: dict[str, Rows] = {}
    with zipfile.ZipFile(path) as archive:
        for name, part in sheet_parts(archive).items():
            data = archive.read(part)
            if not _HIDDEN.search(data):
                continue
            runs: Rows = []
            number = 0
            for match in _ROW.finditer(data):
                given = _NUMBER.search(match.group(1))
                number = int(given.group(1)) if given else number + 1  # r may be left out
                if not _HIDDEN.search(match.group(1)):
                    continue
                if runs and runs[-1][1] == number - 1:
                    runs[-1] = (runs[-1][0], number)
                else:
                    runs.append((number, number))
            if runs:
                found[name] = runs
    return found


def in_runs(rows: Rows, numbers: np.ndarray) -> np.ndarray:
    """Whether each of the row `numbers` falls in one of the sorted, disjoint `rows`."""
    if not rows:
        return np.zeros(len(numbers), bool)
    firsts = np.array([first for first, _ in rows], np.int64)
    lasts = np.array([last for _, last in rows], np.int64)
    at = np.searchsorted(firsts, numbers, side="right") - 1
    return (at >= 0) & (numbers <= lasts[at.clip(0)])


def hidden_row_notes(path: Path, tables: Iterable[Table]) -> list[str]:
    """A note per sheet whose procedure rows include hidden ones: they are read as any row,
    and an official sent to one would see the rows around it side by side."""
    runs = hidden_rows(path)
    notes = []
    for table in tables:
        sheet_runs = runs.get(str(table.sheet))
        if not sheet_runs or "_row" not in table.frame:
            continue
        rows = table.frame["_row"].to_numpy(np.int64)
        hidden = rows[in_runs(sheet_runs, rows)].tolist()
        if hidden:
            shown = ", ".join(map(str, hidden[:_SHOWN])) + (", …" if len(hidden) > _SHOWN else "")
            count = len(hidden)
            rows_are = (
                t("1 procedure row is", "1 dòng thủ tục")
                if count == 1
                else t("{count} procedure rows are", "{count} dòng thủ tục", count=number(count))
            )
            notes.append(
                t(
                    "sheet '{sheet}': {rows_are} hidden in the workbook ({rows}) and read as "
                    "any row: a hidden procedure is still listed; unhide them to see what "
                    "their findings say",
                    "trang tính '{sheet}': {rows_are} bị ẩn trong sổ tính ({rows}) và được "
                    "đọc như mọi dòng khác: thủ tục bị ẩn vẫn nằm trong danh mục; bỏ ẩn để "
                    "xem các phát hiện ở đó",
                    sheet=table.sheet,
                    rows_are=rows_are,
                    rows=shown,
                )
            )
    return notes


_SHOWN = 5  # row numbers a note names
