"""Writing the workbooks procaudit hands to officials: the fix-list and `procaudit diff`'s.

Both follow the same habits, kept here once: text is always written as text (never run as
a formula, characters XML forbids dropped) and row numbers and counts as numbers (so that they
sort as numbers), a bold heading row, columns as wide as their longest text within bounds,
the heading frozen with a filter on it, sheets that print landscape, one page wide, with
the heading on every page, and bytes that depend only on the content (fixed document times
and zip timestamps). Each is marked as procaudit's in its document properties (`OWN_MARK`,
its creator and keywords), so that a folder scan can leave it out without loading it
(`procaudit.app.own_outputs`).
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import cast

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

from procaudit.core.text_safety import neutralise, xml_safe

HEADING_FONT = Font(bold=True)
# Fixed so that identical input gives an identical file (no "now" in docProps or the zip).
FIXED_TIME = datetime(2000, 1, 1)
ZIP_TIME = (1980, 1, 1, 0, 0, 0)
# In docProps/core.xml: the creator and a keyword, cheap to read from the zip.
OWN_MARK = "procaudit"
MIN_WIDTH, MAX_WIDTH = 8, 60  # a column's width in characters, whatever its texts


def new_workbook(title: str) -> tuple[Workbook, Worksheet]:
    """A new workbook and its one sheet, named `title`."""
    workbook = Workbook()
    sheet = workbook.worksheets[0]  # the active sheet of a new workbook
    sheet.title = title
    return workbook, sheet


def put_text(sheet: Worksheet, row: int, column: int, text: str) -> Cell:
    """Write `text` at `row`, `column` as text: never a formula, whatever the text says."""
    cell = cast(Cell, sheet.cell(row, column))  # a sheet procaudit writes merges no cells
    # Characters XML cannot hold (control characters, U+FFFE, U+FFFF) would make the file
    # unreadable; a catalogue cell may hold them.
    cell.value = xml_safe(neutralise(text), "")
    cell.data_type = "s"
    return cell


def put_number(sheet: Worksheet, row: int, column: int, number: int) -> Cell:
    """Write `number` at `row`, `column` as a number: a row or a count that sorts as one."""
    cell = cast(Cell, sheet.cell(row, column))
    cell.value = number
    cell.data_type = "n"
    return cell


def heading_row(sheet: Worksheet, headings: Iterable[str], row: int = 1) -> None:
    """The headings, in bold, across `row` from the first column."""
    for column, heading in enumerate(headings, start=1):
        put_text(sheet, row, column, heading).font = HEADING_FONT


def fitted_width(longest: int) -> int:
    """The width of a column whose longest text has `longest` characters."""
    return min(max(longest + 2, MIN_WIDTH), MAX_WIDTH)


def set_widths(sheet: Worksheet, longest: Mapping[int, int]) -> None:
    """Fit each column (numbered from 1) to its longest text, `longest[column]` characters."""
    for column, length in longest.items():
        sheet.column_dimensions[get_column_letter(column)].width = fitted_width(length)


def filtered_table(sheet: Worksheet, columns: int, rows: int) -> None:
    """A heading row and `rows` rows under it: the heading stays in view and filters them."""
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(columns)}{rows + 1}"
    printable(sheet)


def printable(sheet: Worksheet) -> None:
    """Print landscape and one page wide (as many pages long as it takes), with the heading
    row at the top of every page: a worklist is often handed over on paper."""
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0  # 0: no limit on the number of pages down
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.print_title_rows = "1:1"


def workbook_bytes(workbook: Workbook) -> bytes:
    """The workbook's bytes, the same for the same content: fixed document times and zip
    timestamps (save_workbook would stamp 'now'); marked as procaudit's own output."""
    workbook.properties.created = FIXED_TIME
    workbook.properties.modified = FIXED_TIME
    workbook.properties.creator = OWN_MARK
    workbook.properties.keywords = OWN_MARK
    raw = io.BytesIO()
    with zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(workbook, archive).write_data()
    stable = io.BytesIO()
    with zipfile.ZipFile(raw) as source, zipfile.ZipFile(stable, "w") as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(entry, source.read(info.filename))
    return stable.getvalue()
