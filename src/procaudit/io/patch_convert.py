"""Write a repaired copy of an xls, xlsb or ods workbook as xlsx.

procaudit cannot write those formats, so the copy is a new xlsx: the same sheets in the
same order, hidden ones hidden, every value where it was (numbers stay numbers, dates stay
dates), the merged cells where python-calamine reports them (xls) or the document says so
(ods, with its hidden rows and columns, widths, frozen panes and autofilter: `ods_layout`),
and the repairs applied.
A code kept as a number shows as its format made it (1.004150 under "0.000000"): calamine
gives no number format, so a code cell the check reads otherwise than the number's plain
text is written as the code the check read, as text (as a repaired one is, `set_text`); an xls
file's number formats, column widths, frozen panes, autofilter and hidden rows and columns
are read from its records (`xls_layout`), and kept. What the copy cannot keep is said in its notes:
formatting, and where they could not be read, widths and which rows and columns were
hidden.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, MergedCell
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet
from python_calamine import CalamineSheet, CalamineWorkbook, SheetTypeEnum, SheetVisibleEnum

from procaudit.catalogue.columns import ROW
from procaudit.core.atomic import write_atomically
from procaudit.core.changes import CellChange
from procaudit.core.errors import ProcauditError
from procaudit.core.i18n import t
from procaudit.io.excel_reader import read_workbook
from procaudit.io.grid import cell_text
from procaudit.io.ods_layout import OdsSheet, ods_frozen, ods_layout
from procaudit.io.patch_cells import Outcome, PatchResult, changed_since, no_such_sheet
from procaudit.io.patch_workbook import set_text, shown_text
from procaudit.io.read import ReadOptions, read_catalogue
from procaudit.io.xls_layout import XlsSheet, xls_layout

DATE_FORMAT = "dd/mm/yyyy"  # as a Vietnamese Excel shows a date, and procaudit reads it

# (sheet, row as Excel numbers it, 0-based column) -> the code the check read there
Codes = dict[tuple[str | None, int, int], str]


def write_converted_copy(
    source: Path,
    changes: Sequence[CellChange],
    target: Path,
    read_options: ReadOptions | None = None,
    kind: str | None = None,
) -> PatchResult:
    """`kind`: what the source is called in the notes, by default its name's suffix."""
    kind = kind or source.suffix.lower().lstrip(".")
    for _ in read_workbook(source):  # the reader's checks and one-sentence errors first
        pass
    workbook = Workbook()
    for blank in workbook.worksheets:  # the sheet a new workbook starts with
        workbook.remove(blank)
    sheets: dict[str, Worksheet] = {}
    cleaned = 0
    charts: list[str] = []
    layouts = _layouts(source, kind)
    reader = CalamineWorkbook.from_path(str(source))
    try:
        for meta in reader.sheets_metadata:
            sheet = reader.get_sheet_by_name(meta.name)
            sheets[meta.name] = worksheet = workbook.create_sheet(meta.name)
            cleaned += _copy_values(sheet, worksheet)
            _copy_merges(sheet, worksheet)
            if layouts is not None and meta.name in layouts:
                _copy_layout(layouts[meta.name], worksheet)
            if meta.typ == SheetTypeEnum.ChartSheet:
                charts.append(meta.name)
            worksheet.sheet_state = _state(meta.visible)
    finally:
        reader.close()
    if sheets and all(ws.sheet_state != "visible" for ws in sheets.values()):
        next(iter(sheets.values())).sheet_state = "visible"  # a workbook shows one sheet
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
    repaired = {(change.sheet, change.row, change.column) for change in outcome.written}
    # A code cell of an xls file keeps its number format; elsewhere it is not known.
    formatted = set(layouts or {}) if kind == "xls" else set()
    codes = _write_codes(sheets, _codes_read(source, read_options), repaired | formatted)
    buffer = io.BytesIO()
    workbook.save(buffer)
    body = buffer.getvalue()
    write_atomically(target, lambda stream: stream.write(body))
    losses, notes = _notes(kind, cleaned, codes, charts, layouts is not None)
    return outcome.result(changes, converted_from=kind, notes=notes, losses=losses)


def _state(visible: SheetVisibleEnum) -> str:
    """openpyxl's sheet state of calamine's visibility (whose values cannot be hashed)."""
    if visible == SheetVisibleEnum.Hidden:
        return "hidden"
    return "veryHidden" if visible == SheetVisibleEnum.VeryHidden else "visible"


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


def _layouts(source: Path, kind: str) -> dict[str, OdsSheet | XlsSheet] | None:
    """Each sheet's hidden rows and columns, merged cells (ods) and number formats (xls);
    None where they cannot be read."""
    if kind == "ods":
        sheets = ods_layout(source)
        ods_frozen(source, sheets)  # read for the copy alone: the check needs no panes
        return dict(sheets) or None
    if kind == "xls":
        found = xls_layout(source)
        return dict(found) if found is not None else None
    return None


def _copy_layout(layout: OdsSheet | XlsSheet, worksheet: Worksheet) -> None:
    """A sheet's hidden rows and columns within its values (the empty rest of a sheet is
    often one hidden block of a million rows), its merged cells and its number cells'
    formats (xls), column widths, frozen panes and autofilter."""
    rows, columns = worksheet.max_row, worksheet.max_column
    if layout.frozen is not None:
        frozen_rows, frozen_columns = layout.frozen
        worksheet.freeze_panes = f"{get_column_letter(frozen_columns + 1)}{frozen_rows + 1}"
    if layout.filtered is not None:
        first_row, first_column, last_row, last_column = layout.filtered
        worksheet.auto_filter.ref = (
            f"{get_column_letter(first_column + 1)}{first_row}:"
            f"{get_column_letter(last_column + 1)}{last_row}"
        )
    for first, last, width in layout.widths:  # within the values: the rest is one range
        for column in range(first, min(last, columns - 1) + 1):
            worksheet.column_dimensions[get_column_letter(column + 1)].width = width
    for first, last in layout.hidden_rows:
        for row in range(first, min(last, rows) + 1):
            worksheet.row_dimensions[row].hidden = True
    for first, last in layout.hidden_columns:
        if first < columns:
            worksheet.column_dimensions.group(
                get_column_letter(first + 1),
                get_column_letter(min(last, columns - 1) + 1),
                hidden=True,
            )
    if isinstance(layout, OdsSheet):
        for first_row, first_column, last_row, last_column in layout.merged:
            worksheet.merge_cells(
                start_row=first_row,
                start_column=first_column + 1,
                end_row=last_row,
                end_column=last_column + 1,
            )
        return
    for (row, column), shown in layout.formats.items():
        if row > rows or column >= columns:
            continue
        cell = worksheet.cell(row=row, column=column + 1)
        if isinstance(cell.value, int | float) and not isinstance(cell.value, bool):
            cell.number_format = shown  # a date is a date already, in its own format


def _codes_read(source: Path, read_options: ReadOptions | None) -> Codes:
    """The codes the check reads in each table's code column, by cell."""
    try:
        catalogue = read_catalogue(str(source), read_options)
    except ProcauditError:  # the copy is still written; its check will say what is wrong
        return {}
    codes: Codes = {}
    for table in catalogue.tables:
        position = table.header_map.columns.get("code")
        if position is None or table.codes_from_names:
            continue
        values = table.frame["code"]
        read = values.notna().to_numpy()
        for row, code in zip(table.frame[ROW][read].tolist(), values[read].tolist(), strict=True):
            codes[table.sheet, int(row), int(position)] = str(code)
    return codes


def _write_codes(sheets: dict[str, Worksheet], codes: Codes, left: set) -> int:
    """Write as text each code cell holding a number whose plain text is not the code the
    check read (1.00415 read as 1.004150), but those `left` (cells, or sheets whose number
    formats the copy keeps): how many."""
    written = 0
    for (sheet, row, column), code in codes.items():
        if sheet not in sheets or sheet in left or (sheet, row, column) in left:
            continue
        cell = sheets[sheet].cell(row=row, column=column + 1)
        value = cell.value
        if isinstance(cell, MergedCell) or isinstance(value, bool):
            continue
        if isinstance(value, int | float) and value == value and cell_text(value) != code:
            set_text(cell, code)  # `value == value`: not NaN
            written += 1
    return written


def _notes(
    kind: str, cleaned: int, codes: int, charts: list[str], layout: bool
) -> tuple[list[str], list[str]]:
    """What the copy could not keep of the original, and the other notes."""
    losses, notes = [_converted_note(kind, layout)], []
    if cleaned:
        losses.append(
            t(
                "{count} cells held control characters that xlsx cannot store; the copy "
                "leaves them out",
                "{count} ô chứa ký tự điều khiển mà xlsx không lưu được; bản sao bỏ các ký tự đó",
                count=cleaned,
            )
        )
    if codes == 1:
        notes.append(
            t(
                "1 code kept as a number is written as the code read (1.004150, not "
                "1.00415), as text: the copy cannot keep the number format that showed it",
                "1 mã lưu dạng số được ghi thành mã như đã đọc (1.004150, không phải "
                "1.00415), dạng văn bản: bản sao không giữ được định dạng số đã hiển thị mã",
            )
        )
    elif codes:
        notes.append(
            t(
                "{count} codes kept as numbers are written as the codes read (1.004150, not "
                "1.00415), as text: the copy cannot keep the number format that showed them",
                "{count} mã lưu dạng số được ghi thành mã như đã đọc (1.004150, không phải "
                "1.00415), dạng văn bản: bản sao không giữ được định dạng số đã hiển thị chúng",
                count=codes,
            )
        )
    for chart in charts:
        losses.append(
            t(
                "the chart sheet '{sheet}' is an empty sheet in the copy",
                "trang biểu đồ '{sheet}' là trang trống trong bản sao",
                sheet=chart,
            )
        )
    return losses, notes


def _converted_note(kind: str, layout: bool) -> str:
    if layout and kind == "xls":  # its hidden rows and columns, widths, panes, formats kept
        return t(
            "procaudit cannot write {kind} files, so the copy is an xlsx workbook: its "
            "sheets, values, merged cells, number formats, column widths, frozen panes, "
            "autofilters and hidden rows and columns are the original's, its other "
            "formatting is not, and formulas are kept as their values",
            "procaudit không ghi được tệp {kind} nên bản sao là sổ tính xlsx: các trang tính, "
            "giá trị, ô gộp, định dạng số, độ rộng cột, vùng cố định, bộ lọc tự động và các "
            "dòng, cột bị ẩn giữ như tệp gốc, còn định dạng khác thì không, công thức được giữ "
            "dưới dạng giá trị",
            kind=kind,
        )
    if layout:  # an ods file: its hidden rows and columns, widths and merged cells are kept
        return t(
            "procaudit cannot write {kind} files, so the copy is an xlsx workbook: its "
            "sheets, values, merged cells, column widths, frozen panes, autofilters and hidden "
            "rows and columns are the original's, its formatting is not, and formulas are "
            "kept as their values",
            "procaudit không ghi được tệp {kind} nên bản sao là sổ tính xlsx: các trang tính, "
            "giá trị, ô gộp, độ rộng cột, vùng cố định, bộ lọc tự động và các dòng, cột bị ẩn "
            "giữ như tệp gốc, còn định dạng thì không, công thức được giữ dưới dạng giá trị",
            kind=kind,
        )
    return t(
        "procaudit cannot write {kind} files, so the copy is an xlsx workbook: its sheets, "
        "values and merged cells are the original's; its formatting and column widths are "
        "not, nor which rows and columns were hidden (every one is shown: hide them again), "
        "and formulas are kept as their values",
        "procaudit không ghi được tệp {kind} nên bản sao là sổ tính xlsx: các trang tính, "
        "giá trị và ô gộp giữ như tệp gốc; định dạng, độ rộng cột và việc dòng, cột nào bị "
        "ẩn thì không (mọi dòng, cột đều hiện: hãy ẩn lại), công thức được giữ dưới dạng "
        "giá trị",
        kind=kind,
    )
