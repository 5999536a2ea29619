"""Writing the workbooks procaudit hands to officials: the fix-list and `procaudit diff`'s.

Both follow the same habits, kept here once: text is always written as text (never run as
a formula, characters XML forbids dropped) and row numbers and counts as numbers (so that they
sort as numbers), a bold heading row, columns as wide as their longest text within bounds,
the heading frozen with a filter on it, sheets that print landscape, one page wide, with
the heading on every page, and bytes that depend only on the content (fixed document times
and zip timestamps). Each is marked as procaudit's in its document properties (`OWN_MARK`,
its creator and keywords), so that a folder scan can leave it out without loading it
(`procaudit.app.own_outputs`).

openpyxl lays out each workbook (styles, sheets' widths, panes, filters and printing, print
titles, document properties) in write-only mode; the rows and the comments on their cells are
written as XML text (`procaudit.report.sheet_xml`, or a column at a time by
`procaudit.report.sheet_columns`) and put in the sheets' places when the
bytes are made: a fix-list of 85,000 findings took over a minute through openpyxl's cells,
in write-only mode as cell by cell (issue 19). A sheet's layout (`set_widths`,
`filtered_table`) is set before its rows, as a write-only sheet needs; each row is a list of
plain values (`row_values`) with a styled cell (`styled`) where a cell needs a font, fill or
comment.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, cast

from openpyxl import Workbook
from openpyxl.cell.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.writer.excel import ExcelWriter

from procaudit.core.text_safety import FORMULA_STARTS, NOT_XML, neutralise, xml_safe
from procaudit.report.own_mark import OWN_MARK
from procaudit.report.sheet_xml import (
    Entry,
    Note,
    SheetRows,
    Styled,
    comments_rels,
    comments_vml,
    comments_xml,
    content_types,
    legacy_drawing,
)

if TYPE_CHECKING:
    from openpyxl.worksheet._write_only import WriteOnlyWorksheet
    from openpyxl.worksheet.worksheet import Worksheet

HEADING_FONT = Font(bold=True)
# Fixed so that identical input gives an identical file (no "now" in docProps or the zip).
FIXED_TIME = datetime(2000, 1, 1)
ZIP_TIME = (1980, 1, 1, 0, 0, 0)
MIN_WIDTH, MAX_WIDTH = 8, 60  # a column's width in characters, whatever its texts
# The rows' place in a sheet openpyxl wrote without rows: `<sheetData></sheetData>`, or
# `<sheetData/>` where openpyxl writes through lxml.
EMPTY_SHEET_DATA = re.compile(rb"<sheetData\s*/>|<sheetData>\s*</sheetData>")

Value = str | int | None  # a cell's value as a report gives it: text, a number, nothing
StyleKey = tuple[int, int, int]  # ids of the font, fill and alignment objects of a style


class Sheet:
    """One sheet: its layout kept by openpyxl, its rows and comments as XML text."""

    def __init__(self, book: Book, title: str) -> None:
        self.book = book
        self.openpyxl: WriteOnlyWorksheet = book.workbook.create_sheet(title)
        self.rows = SheetRows()

    @property
    def layout(self) -> Worksheet:
        """The sheet's layout (widths, panes, filter, printing): a write-only sheet has a
        worksheet's, which the type stubs leave out."""
        return cast("Worksheet", self.openpyxl)

    def freeze(self, cell: str) -> None:
        """Keep the rows above and the columns left of `cell` in view; before the first row."""
        self.layout.freeze_panes = cell

    def append(self, entries: Sequence[Entry]) -> None:
        self.rows.append(entries)


class Book:
    """A workbook procaudit writes: openpyxl's, with sheets whose rows are written here."""

    def __init__(self) -> None:
        self.workbook = Workbook(write_only=True)
        self.sheets: list[Sheet] = []
        # openpyxl's number of each style in use, by the ids of its parts (module constants,
        # kept alive below): hashing a style's parts for every cell would cost seconds.
        self.styles: dict[StyleKey, tuple[int, tuple[object, ...]]] = {}

    def create_sheet(self, title: str) -> Sheet:
        sheet = Sheet(self, title)
        self.sheets.append(sheet)
        return sheet

    def style(
        self, font: Font | None, fill: PatternFill | None, alignment: Alignment | None
    ) -> int:
        """openpyxl's number for this style, which it then writes among the workbook's."""
        key = (id(font), id(fill), id(alignment))
        if key not in self.styles:
            cell = WriteOnlyCell(self.sheets[0].openpyxl)
            if font is not None:
                cell.font = font
            if fill is not None:
                cell.fill = fill
            if alignment is not None:
                cell.alignment = alignment
            self.styles[key] = (cell.style_id, (font, fill, alignment))
        return self.styles[key][0]


def new_workbook(title: str) -> tuple[Book, Sheet]:
    """A new workbook and its first sheet, named `title`."""
    book = Book()
    return book, book.create_sheet(title)


def as_text(text: str) -> str:
    """`text` as it goes into a cell: never run as a formula, whatever the text says (a
    string cell never is, but a copy pasted elsewhere could be); characters XML cannot hold
    (control characters, U+FFFE, U+FFFF), which a catalogue cell may hold, dropped."""
    return xml_safe(neutralise(text), "")


def row_values(values: Sequence[Value]) -> list[Entry]:
    """A row to append: text as text (`as_text`), numbers as numbers (a row or a count sorts
    as one), nothing as no cell."""
    # A fix-list has a million cells: the row's texts are looked at together and only a
    # text that may start a formula goes through `as_text` (the same result, much faster).
    texts = [value for value in values if isinstance(value, str)]
    if NOT_XML.search("".join(texts)):
        return [as_text(value) if isinstance(value, str) else value for value in values]
    return [
        neutralise(value) if isinstance(value, str) and _may_run(value) else value
        for value in values
    ]


def _may_run(text: str) -> bool:
    """Whether `neutralise` may change `text`: it starts with a formula's sign or a space."""
    first = text[:1]
    return first in FORMULA_STARTS or first.isspace()


def styled(
    sheet: Sheet,
    value: Value,
    *,
    font: Font | None = None,
    fill: PatternFill | None = None,
    alignment: Alignment | None = None,
    note: Note | None = None,
) -> Styled:
    """A cell holding `value` (written as `row_values` writes it) with a style or a note."""
    text = as_text(value) if isinstance(value, str) else value
    if note is not None:
        note = note._replace(text=xml_safe(note.text, ""))
    return Styled(text, sheet.book.style(font, fill, alignment), note)


def heading_row(sheet: Sheet, headings: Iterable[str]) -> None:
    """Append the headings, in bold, from the first column."""
    sheet.append([styled(sheet, heading, font=HEADING_FONT) for heading in headings])


def fitted_width(longest: int) -> int:
    """The width of a column whose longest text has `longest` characters."""
    return min(max(longest + 2, MIN_WIDTH), MAX_WIDTH)


def set_widths(sheet: Sheet, longest: Mapping[int, int]) -> None:
    """Fit each column (numbered from 1) to its longest text, `longest[column]` characters;
    before the sheet's first row."""
    for column, length in longest.items():
        sheet.layout.column_dimensions[get_column_letter(column)].width = fitted_width(length)


def set_column_widths(sheet: Sheet, widths: Sequence[int]) -> None:
    """Give the columns, from the first, these widths in characters; before the first row."""
    for position, width in enumerate(widths, start=1):
        sheet.layout.column_dimensions[get_column_letter(position)].width = width


def filtered_table(sheet: Sheet, columns: int, rows: int) -> None:
    """A heading row and `rows` rows under it: the heading stays in view and filters them.
    Set before the sheet's first row (a write-only sheet writes its panes first)."""
    sheet.freeze("A2")
    sheet.layout.auto_filter.ref = f"A1:{get_column_letter(columns)}{rows + 1}"
    printable(sheet)


def printable(sheet: Sheet) -> None:
    """Print landscape and one page wide (as many pages long as it takes), with the heading
    row at the top of every page: a worklist is often handed over on paper."""
    setup = sheet.layout.page_setup
    setup.orientation = "landscape"
    setup.fitToWidth = 1
    setup.fitToHeight = 0  # 0: no limit on the number of pages down
    sheet.layout.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.layout.print_title_rows = "1:1"


def workbook_bytes(book: Book) -> bytes:
    """The workbook's bytes, the same for the same content: fixed document times and zip
    timestamps (save_workbook would stamp 'now'); marked as procaudit's own output."""
    workbook = book.workbook
    workbook.properties.created = FIXED_TIME
    workbook.properties.modified = FIXED_TIME
    workbook.properties.creator = OWN_MARK
    workbook.properties.keywords = OWN_MARK
    # Stored, not compressed, by openpyxl: the copy with fixed times compresses it once.
    raw = io.BytesIO()
    with zipfile.ZipFile(raw, "w", zipfile.ZIP_STORED) as archive:
        ExcelWriter(workbook, archive).write_data()
    parts = _with_rows(book, raw)
    stable = io.BytesIO()
    # The fastest compression: a fix-list's sheets run to a hundred megabytes of XML, which
    # the default level takes seconds to squeeze a quarter smaller.
    with zipfile.ZipFile(stable, "w") as target:
        for name, data in parts.items():
            entry = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(entry, data, compresslevel=1)
    return stable.getvalue()


def _with_rows(book: Book, raw: io.BytesIO) -> dict[str, bytes]:
    """The package's parts, by name, with each sheet's rows in its place and its comments
    (their part, drawing and relationships) added."""
    with zipfile.ZipFile(raw) as source:
        parts = {info.filename: source.read(info.filename) for info in source.infolist()}
    commented: list[int] = []
    for number, sheet in enumerate(book.sheets, start=1):
        name = f"xl/worksheets/sheet{number}.xml"
        xml = parts[name]
        place = EMPTY_SHEET_DATA.search(xml)
        if place is None:  # never with openpyxl as it is: a sheet without its rows is no output
            raise RuntimeError(f"openpyxl wrote {name} without an empty sheetData")
        xml = xml[: place.start()] + sheet.rows.sheet_data() + xml[place.end() :]
        notes = sheet.rows.all_notes()
        if notes:
            commented.append(number)
            xml = xml.replace(b"</worksheet>", legacy_drawing().encode() + b"</worksheet>")
            parts[f"xl/comments/comment{number}.xml"] = comments_xml(notes)
            parts[f"xl/drawings/commentsDrawing{number}.vml"] = comments_vml(notes)
            parts[f"xl/worksheets/_rels/sheet{number}.xml.rels"] = comments_rels(number).encode()
        parts[name] = xml
    types = parts["[Content_Types].xml"].decode("utf-8")
    parts["[Content_Types].xml"] = content_types(types, commented).encode("utf-8")
    return parts
