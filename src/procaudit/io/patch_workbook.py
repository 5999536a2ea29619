"""Write a repaired copy of an xlsx or xlsm workbook: only the repaired cells change.

openpyxl loads the whole workbook (not read-only, which would drop the styles) and saves it
with its styles, merged cells, widths, heights, comments, data validation, other sheets,
defined names, freeze panes, pictures (read through Pillow, their bytes as they were), charts
and, for xlsm, its macros; its formulas get their saved values back from the original
(`patch_formulas`). It cannot keep everything (shapes and text boxes, slicers, threaded
comments, embedded documents, some charts, WMF and EMF pictures): the
parts of the copy are counted against the original's, and what went missing is said in a
note, never lost without a word.
"""

from __future__ import annotations

import io
import re
import warnings
import zipfile
from collections.abc import Sequence
from copy import copy
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.cell.cell import Cell, MergedCell
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.worksheet.formula import ArrayFormula, DataTableFormula

from procaudit.core.atomic import write_atomically
from procaudit.core.changes import CellChange
from procaudit.core.i18n import t
from procaudit.io.formula_cells import formula_source
from procaudit.io.grid import cell_text
from procaudit.io.patch_cells import (
    Outcome,
    PatchResult,
    changed_since,
    formula_cell,
    no_such_sheet,
)
from procaudit.io.patch_formulas import restore_formula_values
from procaudit.io.patch_rich import repaired_runs
from procaudit.vn.legacy_fonts import unicode_font

_SHOWN_CELLS = 5  # cells named in a note
TEXT_FORMAT = "@"  # Excel's "Text" number format: what a code that was a number becomes

# What openpyxl may drop, by the parts of the zip that hold it: (English, Vietnamese, pattern
# of the part's name, or of an element inside the drawings for shapes).
_KEPT_PARTS = (
    ("charts", "biểu đồ", re.compile(r"xl/charts/chart\d*\.xml")),
    ("pictures", "hình ảnh", re.compile(r"xl/media/")),
    ("pivot tables", "bảng tổng hợp (pivot)", re.compile(r"xl/pivotTables/")),
    ("slicers", "slicer", re.compile(r"xl/slicers/")),
    ("timelines", "timeline", re.compile(r"xl/timelines/")),
    ("threaded comments", "chuỗi bình luận", re.compile(r"xl/threadedComments/")),
    ("tables", "bảng (table)", re.compile(r"xl/tables/")),
    ("form controls", "điều khiển biểu mẫu", re.compile(r"xl/(?:activeX|ctrlProps)/")),
    # a document embedded in a sheet (a form's Word template, a PDF): its only copy may be here
    ("embedded objects", "đối tượng nhúng", re.compile(r"xl/embeddings/")),
    ("external links", "liên kết ngoài", re.compile(r"xl/externalLinks/externalLink")),
    ("macros", "macro", re.compile(r"xl/vbaProject\.bin")),
)
_SHAPE = re.compile(rb"<(?:\w+:)?sp[ >]")  # a shape or text box in a drawing part
_DRAWING = re.compile(r"xl/drawings/drawing\d*\.xml")
# What Excel 2010 and later write in a sheet's extension list and openpyxl drops: drop-down
# lists whose source is another sheet, newer conditional formats, sparklines.
_SHEET = re.compile(r"xl/worksheets/sheet\d*\.xml")
_EXTENSIONS = (
    (
        "drop-down lists of newer Excel",
        "danh sách thả xuống kiểu Excel mới",
        b"<x14:dataValidation ",
    ),
    (
        "conditional formats of newer Excel",
        "định dạng có điều kiện kiểu Excel mới",
        b"<x14:conditionalFormatting ",
    ),
    ("sparklines", "biểu đồ thu nhỏ (sparkline)", b"<x14:sparklineGroup "),
)


def write_workbook_copy(source: Path, changes: Sequence[CellChange], target: Path) -> PatchResult:
    macros = source.suffix.lower() == ".xlsm"
    with warnings.catch_warnings():  # openpyxl warns of each extension it does not read
        warnings.simplefilter("ignore")
        workbook = load_workbook(source, keep_vba=macros, keep_links=True, rich_text=True)
    outcome = Outcome()
    plain: list[CellChange] = []  # cells of formatted runs written as plain text
    refonted: list[CellChange] = []  # cells converted from a legacy font, shown in Unicode's
    for change in changes:
        if not outcome.claim(change):
            continue
        if change.sheet is None or change.sheet not in workbook.sheetnames:
            outcome.skip(change, no_such_sheet(change.sheet))
            continue
        cell = workbook[change.sheet].cell(row=change.row, column=change.column + 1)
        reason = _why_not(cell, change)
        if reason is not None:
            outcome.skip(change, reason)
            continue
        assert isinstance(cell, Cell)  # a merged cell's text is empty: _why_not said so
        if not _set_in_runs(cell, change.after):
            plain.append(change)
        if _LEGACY_FONT_RULE in change.rules and _unicode_fonts(cell):
            refonted.append(change)
        outcome.written.append(change)
    buffer = io.BytesIO()
    try:
        workbook.save(buffer)
    finally:
        if workbook.vba_archive is not None:  # the macros' zip, open since loading
            workbook.vba_archive.close()
    original = source.read_bytes()
    body = restore_formula_values(original, buffer.getvalue())
    losses = lost_parts(original, body)
    if plain:
        losses.append(_runs_replaced(plain))
    notes = [_fonts_replaced(refonted)] if refonted else []
    write_atomically(target, lambda stream: stream.write(body))
    return outcome.result(changes, notes=notes, losses=losses)


def _why_not(cell: Cell | MergedCell, change: CellChange) -> str | None:
    value = cell.value
    if isinstance(value, ArrayFormula | DataTableFormula):
        return formula_cell()
    if cell.data_type == "f":
        return formula_cell(formula_source(value) if isinstance(value, str) else None)
    current = shown_text(value)
    if isinstance(cell, MergedCell) or current != change.before:
        return changed_since(current)
    return None


def _set_in_runs(cell: Cell, text: str) -> bool:
    """Give the cell its repaired text, in its formatted runs where it has them and the
    repair falls within them (`patch_rich`); False where such runs were replaced by plain
    text."""
    if isinstance(cell.value, CellRichText):
        runs = repaired_runs(cell.value, text)
        if runs is not None:
            cell.value = runs
            return True
        set_text(cell, text)
        return False
    set_text(cell, text)
    return True


_LEGACY_FONT_RULE = "PA601"


def _unicode_fonts(cell: Cell) -> bool:
    """Show a cell converted from a legacy font in a Unicode font, where its font (or a
    formatted run's) is a legacy one: the legacy font would draw some converted letters as
    others. Whether any font was replaced."""
    replaced = False
    font = unicode_font(cell.font.name if cell.font is not None else None)
    if font is not None:
        shown = copy(cell.font)  # a StyleProxy's copy: a Font, its size and weight kept
        shown.name = font
        cell.font = shown  # type: ignore[assignment]
        replaced = True
    if isinstance(cell.value, CellRichText):
        for run in cell.value:
            if isinstance(run, TextBlock) and run.font is not None:
                font = unicode_font(run.font.rFont)
                if font is not None:
                    run.font.rFont = font
                    replaced = True
    return replaced


def _cells_named(changes: list[CellChange]) -> str:
    """The first cells changed, for a note ("Danh mục!C5, Danh mục!C9, …")."""
    cells = ", ".join(f"{change.sheet}!{change.cell}" for change in changes[:_SHOWN_CELLS])
    return cells + (", …" if len(changes) > _SHOWN_CELLS else "")


def _fonts_replaced(changes: list[CellChange]) -> str:
    cells = _cells_named(changes)
    return t(
        "{count} cells converted from a legacy font ({cells}) were set in that font, which "
        "draws some Unicode letters as others: the copy shows them in a Unicode font (Times "
        "New Roman, Arial)",
        "{count} ô được chuyển từ bảng mã cũ ({cells}) đang dùng phông chữ của bảng mã đó, "
        "phông này hiển thị sai một số chữ Unicode: bản sao hiển thị các ô này bằng phông "
        "chữ Unicode (Times New Roman, Arial)",
        count=len(changes),
        cells=cells,
    )


def _runs_replaced(changes: list[CellChange]) -> str:
    cells = _cells_named(changes)
    return t(
        "{count} repaired cells ({cells}) had parts of their text formatted apart (bold, a "
        "colour) and a repair that spans those parts: the copy holds their text plain; "
        "format those parts again",
        "{count} ô đã sửa ({cells}) có phần văn bản được định dạng riêng (in đậm, màu) và "
        "bản sửa trải qua các phần đó: bản sao ghi văn bản của các ô này không định dạng; "
        "hãy định dạng lại các phần đó",
        count=len(changes),
        cells=cells,
    )


def shown_text(value: object) -> str:
    """A cell's value as the readers give it (grid.cell_text), "" for an empty one."""
    if isinstance(value, CellRichText):
        value = str(value)
    return cell_text(value) or ""


def set_text(cell: Cell, text: str) -> None:
    """Give a cell the repaired text, as text: a number that becomes a code is formatted as
    text, so that Excel keeps its zeros; text starting with "=" stays text, not a formula."""
    was_number = isinstance(cell.value, int | float) and not isinstance(cell.value, bool)
    cell.value = text
    cell.data_type = "s"
    if was_number:
        cell.number_format = TEXT_FORMAT


def lost_parts(original: bytes, copy: bytes) -> list[str]:
    """A note for each kind of content the copy holds less of than the original."""
    before, after = _inventory(original), _inventory(copy)
    notes = []
    for (english, vietnamese), count in before.items():
        kept = after.get((english, vietnamese), 0)
        if kept < count:
            notes.append(
                t(
                    "the copy could not keep {lost} of the original's {count} {what} "
                    "(openpyxl does not write them); the cells are repaired, the rest is "
                    "as it was",
                    "bản sao không giữ được {lost} trong số {count} {what_vi} của tệp gốc "
                    "(openpyxl không ghi được); các ô đã được sửa, phần còn lại giữ nguyên",
                    lost=count - kept,
                    count=count,
                    what=english,
                    what_vi=vietnamese,
                )
            )
    return notes


def _inventory(workbook: bytes) -> dict[tuple[str, str], int]:
    counts: dict[tuple[str, str], int] = {}
    try:
        with zipfile.ZipFile(io.BytesIO(workbook)) as archive:
            for name in archive.namelist():
                for english, vietnamese, pattern in _KEPT_PARTS:
                    if pattern.match(name):
                        key = (english, vietnamese)
                        counts[key] = counts.get(key, 0) + 1
                if _SHEET.fullmatch(name):
                    data = archive.read(name)
                    for english, vietnamese, mark in _EXTENSIONS:
                        found = data.count(mark) if b"<x14:" in data else 0
                        if found:
                            counts[(english, vietnamese)] = (
                                counts.get((english, vietnamese), 0) + found
                            )
                if _DRAWING.fullmatch(name):
                    shapes = len(_SHAPE.findall(archive.read(name)))
                    if shapes:
                        key = ("shapes and text boxes", "hình vẽ và hộp văn bản")
                        counts[key] = counts.get(key, 0) + shapes
    except (zipfile.BadZipFile, OSError):
        return counts
    return counts
