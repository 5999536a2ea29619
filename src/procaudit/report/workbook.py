"""Writing the workbooks procaudit hands to officials: the fix-list and `procaudit diff`'s.

Both follow the same habits, kept here once: text is always written as text (never run as
a formula, characters XML forbids dropped) and row numbers and counts as numbers (so that they
sort as numbers), a bold heading row, columns as wide as their longest text within bounds,
the heading frozen with a filter on it, sheets that print landscape, one page wide, with
the heading on every page, and bytes that depend only on the content (fixed document times
and zip timestamps). Each is marked as procaudit's in its document properties (`OWN_MARK`,
its creator and keywords), so that a folder scan can leave it out without loading it
(`procaudit.app.own_outputs`).

The workbooks are written in openpyxl's write-only mode, row by row: a fix-list of 85,000
findings took over a minute cell by cell (issue 19). A write-only sheet writes its columns'
widths and frozen panes before its first row, so a sheet's layout (`set_widths`,
`filtered_table`) is set before its rows are appended; each row is a list of plain values
(`row_values`) with a styled cell (`styled`) where a cell needs a font, fill or comment.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, cast

from openpyxl import Workbook
from openpyxl.cell.cell import Cell, WriteOnlyCell
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.writer.excel import ExcelWriter

from procaudit.core.text_safety import neutralise, xml_safe

if TYPE_CHECKING:
    from openpyxl.worksheet._write_only import WriteOnlyWorksheet
    from openpyxl.worksheet.worksheet import Worksheet

HEADING_FONT = Font(bold=True)
# Fixed so that identical input gives an identical file (no "now" in docProps or the zip).
FIXED_TIME = datetime(2000, 1, 1)
ZIP_TIME = (1980, 1, 1, 0, 0, 0)
# In docProps/core.xml: the creator and a keyword, cheap to read from the zip.
OWN_MARK = "procaudit"
MIN_WIDTH, MAX_WIDTH = 8, 60  # a column's width in characters, whatever its texts

Value = str | int | None  # a cell's value as a report gives it: text, a number, nothing
Entry = str | int | None | Cell  # what a write-only row holds: a value or a styled cell


def new_workbook(title: str) -> tuple[Workbook, WriteOnlyWorksheet]:
    """A new write-only workbook and its first sheet, named `title`."""
    workbook = Workbook(write_only=True)
    return workbook, workbook.create_sheet(title)


def as_text(sheet: WriteOnlyWorksheet, text: str) -> str | Cell:
    """`text` as it goes into a cell: as text, never a formula, whatever the text says."""
    # Characters XML cannot hold (control characters, U+FFFE, U+FFFF) would make the file
    # unreadable; a catalogue cell may hold them.
    safe = xml_safe(neutralise(text), "")
    if not safe.startswith("="):
        return safe
    # Only when a dropped control character uncovered a '=': openpyxl would take the bare
    # text for a formula, so the cell is told that it holds a string.
    cell = WriteOnlyCell(sheet, safe)
    cell.data_type = "s"
    return cell


def row_values(sheet: WriteOnlyWorksheet, values: Iterable[Value]) -> list[Entry]:
    """A row to append: text as text (`as_text`), numbers as numbers (a row or a count sorts
    as one), nothing as no cell."""
    return [as_text(sheet, value) if isinstance(value, str) else value for value in values]


def styled(
    sheet: WriteOnlyWorksheet,
    value: Value,
    *,
    font: Font | None = None,
    fill: PatternFill | None = None,
    alignment: Alignment | None = None,
    comment: Comment | None = None,
) -> Cell:
    """A cell holding `value` (written as `row_values` writes it) with a style or a comment."""
    entry = as_text(sheet, value) if isinstance(value, str) else value
    cell = entry if isinstance(entry, Cell) else WriteOnlyCell(sheet, entry)
    if font is not None:
        cell.font = font
    if fill is not None:
        cell.fill = fill
    if alignment is not None:
        cell.alignment = alignment
    if comment is not None:
        cell.comment = comment
    return cell


def heading_row(sheet: WriteOnlyWorksheet, headings: Iterable[str]) -> None:
    """Append the headings, in bold, from the first column."""
    sheet.append([styled(sheet, heading, font=HEADING_FONT) for heading in headings])


def fitted_width(longest: int) -> int:
    """The width of a column whose longest text has `longest` characters."""
    return min(max(longest + 2, MIN_WIDTH), MAX_WIDTH)


def layout(sheet: WriteOnlyWorksheet) -> Worksheet:
    """The sheet's layout (widths, panes, filter, printing): a write-only sheet has a
    worksheet's, which the type stubs leave out."""
    return cast("Worksheet", sheet)


def set_widths(sheet: WriteOnlyWorksheet, longest: Mapping[int, int]) -> None:
    """Fit each column (numbered from 1) to its longest text, `longest[column]` characters;
    before the sheet's first row."""
    for column, length in longest.items():
        layout(sheet).column_dimensions[get_column_letter(column)].width = fitted_width(length)


def set_column_widths(sheet: WriteOnlyWorksheet, widths: Sequence[int]) -> None:
    """Give the columns, from the first, these widths in characters; before the first row."""
    for position, width in enumerate(widths, start=1):
        layout(sheet).column_dimensions[get_column_letter(position)].width = width


def filtered_table(sheet: WriteOnlyWorksheet, columns: int, rows: int) -> None:
    """A heading row and `rows` rows under it: the heading stays in view and filters them.
    Set before the sheet's first row (a write-only sheet writes its panes first)."""
    sheet.freeze_panes = "A2"
    layout(sheet).auto_filter.ref = f"A1:{get_column_letter(columns)}{rows + 1}"
    printable(sheet)


def printable(sheet: WriteOnlyWorksheet) -> None:
    """Print landscape and one page wide (as many pages long as it takes), with the heading
    row at the top of every page: a worklist is often handed over on paper."""
    setup = layout(sheet).page_setup
    setup.orientation = "landscape"
    setup.fitToWidth = 1
    setup.fitToHeight = 0  # 0: no limit on the number of pages down
    layout(sheet).sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.print_title_rows = "1:1"


def workbook_bytes(workbook: Workbook) -> bytes:
    """The workbook's bytes, the same for the same content: fixed document times and zip
    timestamps (save_workbook would stamp 'now'); marked as procaudit's own output."""
    workbook.properties.created = FIXED_TIME
    workbook.properties.modified = FIXED_TIME
    workbook.properties.creator = OWN_MARK
    workbook.properties.keywords = OWN_MARK
    # Stored, not compressed, by openpyxl: the copy with fixed times compresses it once.
    raw = io.BytesIO()
    with zipfile.ZipFile(raw, "w", zipfile.ZIP_STORED) as archive:
        ExcelWriter(workbook, archive).write_data()
    stable = io.BytesIO()
    with zipfile.ZipFile(raw) as source, zipfile.ZipFile(stable, "w") as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(entry, source.read(info.filename))
    return stable.getvalue()
