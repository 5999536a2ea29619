"""Write a repaired copy of an xls, xlsb or ods workbook as xlsx.

procaudit cannot write those formats, so the copy is a new xlsx: the same sheets in the
same order, every value where it was (numbers stay numbers, dates stay dates), the merged
cells where python-calamine reports them (xls, not ods), and the repairs applied.
Formatting, formulas (their values are kept) and widths of the original are not: a note
says so.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, MergedCell
from openpyxl.worksheet.worksheet import Worksheet
from python_calamine import CalamineSheet, CalamineWorkbook

from procaudit.core.atomic import write_atomically
from procaudit.core.changes import CellChange
from procaudit.core.i18n import t
from procaudit.io.excel_reader import read_workbook
from procaudit.io.patch_cells import Outcome, PatchResult, changed_since, no_such_sheet
from procaudit.io.patch_workbook import set_text, shown_text

DATE_FORMAT = "dd/mm/yyyy"  # as a Vietnamese Excel shows a date, and procaudit reads it


def write_converted_copy(source: Path, changes: Sequence[CellChange], target: Path) -> PatchResult:
    kind = source.suffix.lower().lstrip(".")
    for _ in read_workbook(source):  # the reader's checks and one-sentence errors first
        pass
    workbook = Workbook()
    for blank in workbook.worksheets:  # the sheet a new workbook starts with
        workbook.remove(blank)
    sheets: dict[str, Worksheet] = {}
    cleaned = 0
    reader = CalamineWorkbook.from_path(str(source))
    try:
        for name in reader.sheet_names:
            sheet = reader.get_sheet_by_name(name)
            sheets[name] = worksheet = workbook.create_sheet(name)
            cleaned += _copy_values(sheet, worksheet)
            _copy_merges(sheet, worksheet)
    finally:
        reader.close()
    outcome = Outcome()
    for change in changes:
        if not outcome.claim(change):
            continue
        if change.sheet is None or change.sheet not in sheets:
            outcome.skip(change, no_such_sheet(change.sheet))
            continue
        cell = sheets[change.sheet].cell(row=change.row, column=change.column + 1)
        current = shown_text(cell.value)
        if isinstance(cell, MergedCell) or current != change.before:
            outcome.skip(change, changed_since(current))
            continue
        set_text(cell, change.after)
        outcome.written.append(change)
    buffer = io.BytesIO()
    workbook.save(buffer)
    body = buffer.getvalue()
    write_atomically(target, lambda stream: stream.write(body))
    notes = [_converted_note(kind)]
    if cleaned:
        notes.append(
            t(
                "{count} cells held control characters that xlsx cannot store; the copy "
                "leaves them out",
                "{count} ô chứa ký tự điều khiển mà xlsx không lưu được; bản sao bỏ các ký tự đó",
                count=cleaned,
            )
        )
    return outcome.result(changes, converted_from=kind, notes=notes)


def _copy_values(sheet: CalamineSheet, worksheet: Worksheet) -> int:
    """Each value into its cell (row i of calamine is Excel row i + 1); the number of cells
    whose text lost characters xlsx cannot hold."""
    cleaned = 0
    for number, row in enumerate(sheet.to_python(skip_empty_area=False), start=1):
        for column, value in enumerate(row, start=1):
            if value is None or value == "":
                continue
            if isinstance(value, str) and ILLEGAL_CHARACTERS_RE.search(value):
                value = ILLEGAL_CHARACTERS_RE.sub("", value)
                cleaned += 1
            cell = worksheet.cell(row=number, column=column, value=value)
            if isinstance(value, str):
                cell.data_type = "s"  # text that starts with "=" was never a formula here
            elif isinstance(value, dt.datetime | dt.date) and not isinstance(value, dt.time):
                has_time = isinstance(value, dt.datetime) and value.time() != dt.time()
                cell.number_format = f"{DATE_FORMAT} hh:mm" if has_time else DATE_FORMAT
    return cleaned


def _copy_merges(sheet: CalamineSheet, worksheet: Worksheet) -> None:
    for (first_row, first_column), (last_row, last_column) in sheet.merged_cell_ranges or ():
        worksheet.merge_cells(
            start_row=first_row + 1,
            start_column=first_column + 1,
            end_row=last_row + 1,
            end_column=last_column + 1,
        )


def _converted_note(kind: str) -> str:
    return t(
        "procaudit cannot write {kind} files, so the copy is an xlsx workbook: its sheets "
        "and values are the original's, its formatting and column widths are not, and "
        "formulas are kept as their values",
        "procaudit không ghi được tệp {kind} nên bản sao là sổ tính xlsx: các trang tính "
        "và giá trị giữ như tệp gốc, còn định dạng và độ rộng cột thì không, công thức "
        "được giữ dưới dạng giá trị",
        kind=kind,
    )
