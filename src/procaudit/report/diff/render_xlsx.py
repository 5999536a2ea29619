"""The diff as a workbook for officials: every change on one sheet (one row per changed
field, with a kind column to filter on), and a summary sheet.

Written as the fix-list is (`report.workbook`): rows and counts as numbers, sheets that print
landscape and one page wide, and the same two files give the same bytes.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import BinaryIO

from openpyxl.styles import Alignment

from procaudit.core.i18n import t
from procaudit.diff.model import Change, DiffResult, Kind, Location
from procaudit.report.diff.formats import DiffRenderer
from procaudit.report.diff.labels import field_label, kind_label, matched_label, notes
from procaudit.report.sheet_xml import Entry
from procaudit.report.workbook import (
    Sheet,
    Value,
    filtered_table,
    heading_row,
    new_workbook,
    printable,
    row_values,
    set_widths,
    styled,
    workbook_bytes,
)

WRAP = Alignment(wrap_text=True, vertical="top")


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


class XlsxRenderer(DiffRenderer[BinaryIO]):
    binary = True

    def render(self, result: DiffResult, out: BinaryIO) -> None:
        workbook, changes = new_workbook(t("Changes", "Thay đổi"))
        rows = [row for change in result.changes for row in change_rows(change)]
        filtered_table(changes, len(change_headings()), len(rows))
        _table(changes, change_headings(), rows)
        _summary(workbook.create_sheet(t("Summary", "Tổng hợp")), result)
        out.write(workbook_bytes(workbook))


def _summary(sheet: Sheet, result: DiffResult) -> None:
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
    sheet.freeze("A2")
    printable(sheet)
    _table(sheet, (t("Item", "Nội dung"), t("Value", "Số liệu")), rows)


def _table(sheet: Sheet, headings: Sequence[str], rows: list[list[Value]]) -> None:
    """The heading and the rows, each column as wide as its longest line (the heading's
    included): a write-only sheet takes its widths before its first row."""
    longest = {column: len(heading) for column, heading in enumerate(headings, start=1)}
    for row in rows:
        for column, value in enumerate(row, start=1):
            if value is not None:
                line = max(len(line) for line in str(value).split("\n"))
                longest[column] = max(longest[column], line)
    set_widths(sheet, longest)
    heading_row(sheet, headings)
    for row in rows:
        sheet.append(_cells(sheet, row))


def _cells(sheet: Sheet, row: list[Value]) -> list[Entry]:
    """Text of several lines wraps, at the top of its cell; the rest as `row_values` writes it."""
    cells = row_values(row)
    for column, value in enumerate(row):
        if isinstance(value, str) and "\n" in value:
            cells[column] = styled(sheet, value, alignment=WRAP)
    return cells
