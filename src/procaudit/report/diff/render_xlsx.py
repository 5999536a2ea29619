"""The diff as a workbook for officials: every change on one sheet (one row per changed
field, with a kind column to filter on), and a summary sheet.

The same two files give the same bytes: fixed document times and zip timestamps.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import BinaryIO

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from procaudit.core.i18n import t
from procaudit.diff.model import Change, DiffResult, Kind, Location
from procaudit.report.diff.formats import Renderer
from procaudit.report.diff.labels import field_label, kind_label, matched_label, notes
from procaudit.report.fixlist import FIXED_TIME, neutralise, stable_workbook_bytes

Value = str | int | None
BOLD = Font(bold=True)
WRAP = Alignment(wrap_text=True, vertical="top")
MIN_WIDTH, MAX_WIDTH = 8, 60


def change_headings() -> tuple[str, ...]:
    return (
        t("Change", "Loại thay đổi"),
        t("Code", "Mã thủ tục"),
        t("Name", "Tên thủ tục"),
        t("What", "Nội dung thay đổi"),
        t("Old value", "Giá trị cũ"),
        t("New value", "Giá trị mới"),
        t("Old sheet", "Trang tính bản cũ"),
        t("Old row", "Dòng bản cũ"),
        t("New sheet", "Trang tính bản mới"),
        t("New row", "Dòng bản mới"),
        t("Matched by", "Đối chiếu theo"),
        t("Code on several rows", "Mã trùng nhiều dòng"),
    )


def change_rows(change: Change) -> Iterator[list[Value]]:
    """One row per changed field; an added or removed procedure is one row."""
    lead: list[Value] = [kind_label(change.kind), change.code, change.name]
    tail = [
        *_where(change.old_at),
        *_where(change.new_at),
        matched_label(change.matched_by),
        "*" if change.duplicate_code else None,
    ]
    if change.kind in (Kind.ADDED, Kind.REMOVED):
        yield [*lead, None, None, None, *tail]
        return
    for field in change.fields:
        yield [*lead, field_label(field), change.old[field], change.new[field], *tail]


def _where(location: Location | None) -> tuple[Value, Value]:
    return (None, None) if location is None else (location.sheet, location.row)


class XlsxRenderer(Renderer):
    binary = True

    def render(self, result: DiffResult, out: BinaryIO) -> None:
        workbook = Workbook()
        changes = workbook.active
        changes.title = t("Changes", "Thay đổi")
        rows = [row for change in result.changes for row in change_rows(change)]
        _table(changes, change_headings(), rows)
        changes.freeze_panes = "A2"
        changes.auto_filter.ref = f"A1:{get_column_letter(len(change_headings()))}{len(rows) + 1}"
        _summary(workbook.create_sheet(t("Summary", "Tổng hợp")), result)
        workbook.properties.created = workbook.properties.modified = FIXED_TIME
        workbook.properties.creator = "procaudit"
        out.write(stable_workbook_bytes(workbook))


def _summary(sheet: Worksheet, result: DiffResult) -> None:
    rows: list[list[Value]] = [
        [t("Old version", "Bản cũ"), result.old.path],
        [t("New version", "Bản mới"), result.new.path],
        [t("Procedures in the old version", "Số thủ tục bản cũ"), result.old.procedures],
        [t("Procedures in the new version", "Số thủ tục bản mới"), result.new.procedures],
        [],
    ]
    rows += [[kind_label(kind), count] for kind, count in result.counts().items()]
    rows.append([t("Unchanged", "Giữ nguyên"), result.unchanged])
    rows.append([])
    rows.append(
        [
            t("Compared", "Các nội dung được đối chiếu"),
            ", ".join(field_label(field) for field in result.compared),
        ]
    )
    rows += [[line] for line in notes(result)]
    _table(sheet, (t("Item", "Nội dung"), t("Value", "Số liệu")), rows)
    sheet.freeze_panes = "A2"


def _table(sheet: Worksheet, headings: Sequence[str], rows: list[list[Value]]) -> None:
    widths = [len(heading) for heading in headings]
    for column, heading in enumerate(headings, start=1):
        _put(sheet, 1, column, heading).font = BOLD
    for number, row in enumerate(rows, start=2):
        for column, value in enumerate(row, start=1):
            if value is None:
                continue
            _put(sheet, number, column, value)
            longest = max(len(line) for line in str(value).split("\n"))
            widths[column - 1] = max(widths[column - 1], longest)
    for column, width in enumerate(widths, start=1):
        letter = get_column_letter(column)
        sheet.column_dimensions[letter].width = min(max(width + 2, MIN_WIDTH), MAX_WIDTH)


def _put(sheet: Worksheet, row: int, column: int, value: str | int) -> Cell:
    cell = sheet.cell(row, column)
    if isinstance(value, int):
        cell.value = value
        return cell
    # Never a formula, whatever the text; openpyxl refuses control characters.
    cell.value = ILLEGAL_CHARACTERS_RE.sub("", neutralise(value))
    cell.data_type = "s"
    if "\n" in value:
        cell.alignment = WRAP
    return cell
