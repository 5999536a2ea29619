"""Read Excel 2003's XML workbook (SpreadsheetML), which web systems export as .xls.

A <Workbook> in the namespace urn:schemas-microsoft-com:office:spreadsheet holds
<Worksheet ss:Name> elements, each a <Table> of <Row> of <Cell><Data ss:Type>. A row or a
cell may give its place (ss:Index, counted from 1) and skip those before it; a cell spread
over columns (ss:MergeAcross) or rows (ss:MergeDown) keeps its value in its first cell, and
the cells it covers are left out of the rows below: a merge down is recorded as a
workbook's is (`io.merged`). Numbers, dates and booleans are read as the values they are,
as from a workbook (`grid.cell_text`).

The file is parsed by the standard library's expat, which fetches nothing from outside; a
file that declares a document type (where entities would be declared, and expanded) is
refused unread: SpreadsheetML never has one.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterator
from pathlib import Path
from xml.etree import ElementTree

from procaudit.core.errors import InputError
from procaudit.core.i18n import t
from procaudit.core.limits import MAX_CELLS
from procaudit.io.file_kind import SPREADSHEETML
from procaudit.io.grid import Grid, text_grid

_NS = "{" + SPREADSHEETML + "}"
_WORKBOOK, _WORKSHEET, _TABLE = f"{_NS}Workbook", f"{_NS}Worksheet", f"{_NS}Table"
_ROW, _CELL, _DATA = f"{_NS}Row", f"{_NS}Cell", f"{_NS}Data"
_NAME, _INDEX, _TYPE = f"{_NS}Name", f"{_NS}Index", f"{_NS}Type"
_ACROSS, _DOWN = f"{_NS}MergeAcross", f"{_NS}MergeDown"
_MAX_INDEX = 1_048_576  # Excel's rows; more is a damaged file
_MOST_COVERED = 100_000  # cells a merge covers that are tracked to place the cells below


def read_spreadsheetml(path: Path, max_cells: int = MAX_CELLS) -> list[Grid]:
    """Each worksheet as a grid, grid row i being the sheet's row i + 1."""
    data = path.read_bytes()
    if b"<!DOCTYPE" in data or b"<!doctype" in data:
        raise InputError(
            str(path),
            t(
                "is an XML file that declares a document type, which an Excel workbook never "
                "does: procaudit does not read it",
                "là tệp XML có khai báo kiểu tài liệu (DOCTYPE), điều sổ tính Excel không bao "
                "giờ có: procaudit không đọc tệp này",
            ),
        )
    try:
        grids = list(_sheets(data, path, max_cells))
    except ElementTree.ParseError as exc:
        raise InputError(
            str(path),
            t(
                "is damaged XML (line {line}): open it in Excel and save it as .xlsx",
                "là tệp XML bị hỏng (dòng {line}): hãy mở bằng Excel rồi lưu dưới dạng .xlsx",
                line=exc.position[0],
            ),
        ) from None
    if not any(grid.cells.notna().any().any() for grid in grids):
        raise InputError(
            str(path),
            t(
                "is empty (none of its sheets holds a value)",
                "là tệp trống (không trang tính nào có giá trị)",
            ),
        )
    return grids


def _not_spreadsheetml() -> str:
    return t(
        "is an XML file but not an Excel workbook (Excel 2003 XML): export the list as "
        "Excel or CSV",
        "là tệp XML nhưng không phải sổ tính Excel (Excel 2003 XML): hãy xuất danh mục "
        "dưới dạng Excel hoặc CSV",
    )


def _sheets(data: bytes, path: Path, max_cells: int) -> Iterator[Grid]:
    rows: list[list[object]] = []
    merged: list[tuple[int, int, int]] = []
    covered: set[tuple[int, int]] = set()
    row_number = cells = sheets = 0
    root = True
    for event, element in ElementTree.iterparse(io.BytesIO(data), events=("start", "end")):
        if event == "start":
            if root and element.tag != _WORKBOOK:
                raise InputError(str(path), _not_spreadsheetml())
            root = False
            if element.tag == _WORKSHEET:
                rows, merged, covered, row_number = [], [], set(), 0
            continue
        if element.tag == _ROW:
            row_number = _index(element, row_number + 1)
            row = _row(element, row_number, merged, covered)
            cells += len(row)
            if cells > max_cells:
                raise InputError(
                    str(path),
                    t(
                        "has sheets of more than {limit} cells: procaudit reads no more",
                        "có các trang tính hơn {limit} ô: procaudit không đọc nhiều hơn",
                        limit=max_cells,
                    ),
                )
            rows.extend([] for _ in range(row_number - 1 - len(rows)))
            rows.append(row)
            element.clear()
        elif element.tag == _WORKSHEET:
            sheets += 1
            name = element.get(_NAME) or f"Sheet{sheets}"
            yield text_grid(name, rows, first_row=1, merged=tuple(merged))
            element.clear()


def _index(element: ElementTree.Element, default: int) -> int:
    """An element's ss:Index (its place, from 1), or `default` where it gives none; one
    going backwards or beyond Excel's rows is taken as the default."""
    given = element.get(_INDEX)
    if given is None or not given.strip().isdigit():
        return default
    number = int(given)
    return number if default <= number <= _MAX_INDEX else default


def _row(
    element: ElementTree.Element,
    number: int,
    merged: list[tuple[int, int, int]],
    covered: set[tuple[int, int]],
) -> list[object]:
    """A row's values by column (None where empty); a cell merged down is recorded in
    `merged`, and the cells it covers below in `covered`, as (row, column) from 1."""
    row: list[object] = []
    column = 0
    for cell in element.iter(_CELL):
        column += 1
        while (number, column) in covered:
            column += 1
        column = _index(cell, column)
        across = _count(cell.get(_ACROSS))
        down = _count(cell.get(_DOWN))
        if len(row) < column:
            row.extend([None] * (column - len(row)))
        row[column - 1] = _value(cell.find(_DATA))
        if down:
            merged.append((column - 1, number, number + down))
        if down and down * (across + 1) <= _MOST_COVERED:  # larger: ss:Index places the rest
            covered.update(
                (number + below, column + right)
                for below in range(1, down + 1)
                for right in range(across + 1)
            )
        column += across
    return row


def _count(value: str | None) -> int:
    return min(int(value), _MAX_INDEX) if value and value.strip().isdigit() else 0


def _value(data: ElementTree.Element | None) -> object:
    """A cell's value as a workbook reader gives it: text, a number, a date or a boolean."""
    if data is None:
        return None
    text = "".join(data.itertext())  # rich text holds <Font> and <B> inside <Data>
    kind = data.get(_TYPE, "String")
    try:
        if kind == "Number":
            number = float(text)
            return int(number) if number.is_integer() and "." not in text else number
        if kind == "DateTime":
            return dt.datetime.fromisoformat(text.strip())
        if kind == "Boolean":
            return text.strip() == "1"
    except ValueError:
        pass  # read as the text it is
    return text
