"""A cell merged down over several procedures holds the value of each of them; a merge
within one procedure's rows, or over the header, fills nothing."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from conftest import write_workbook
from procaudit.cli import app
from procaudit.engine.audit import audit
from procaudit.io.read import read_catalogue

HEADER = ["STT", "Đơn vị", "Mã TTHC", "Tên thủ tục hành chính", "Lĩnh vực"]
PROCEDURES = [("1.000001", "Đăng ký khai sinh"), ("1.000002", "Đăng ký kết hôn")]
UNITS = ["UBND xã Tân Lập", "UBND xã Hùng Sơn", "UBND phường Nông Trang"]


def _per_unit(units: list[str]) -> list[list[object]]:
    """Each unit's block of the same procedures, the unit on every row (merged or not)."""
    rows: list[list[object]] = [HEADER]
    for unit in units:
        for code, name in PROCEDURES:
            rows.append([len(rows), unit, code, name, "Hộ tịch"])
    return rows


def _column(path: Path, column: str) -> list[object]:
    (table,) = read_catalogue(str(path)).tables
    return [None if pd.isna(value) else value for value in table.frame[column]]


@pytest.mark.parametrize(
    ("rows", "merged", "column", "read"),
    [
        pytest.param(
            _per_unit(UNITS),
            ["B2:B3", "B4:B5", "B6:B7"],
            "agency",
            [unit for unit in UNITS for _ in PROCEDURES],
            id="a unit merged down its block",
        ),
        pytest.param(
            _per_unit(UNITS[:1]),
            ["E2:E3"],
            "field",
            ["Hộ tịch", "Hộ tịch"],
            id="a field merged over its procedures",
        ),
        pytest.param(
            [
                HEADER,
                [1, "UBND xã Tân Lập", "1.000001", "Đăng ký khai sinh", "Hộ tịch"],
                [2, None, "1.000002", "Đăng ký kết hôn", None],
            ],
            ["C2:C3"],
            "field",
            ["Hộ tịch", None],
            id="another column's merge fills nothing here",
        ),
        pytest.param(
            [
                ["STT", "Đơn vị", "Thủ tục hành chính", None, "Lĩnh vực"],
                [None, None, "Mã TTHC", "Tên thủ tục", None],
                *_per_unit(UNITS[:1])[1:],
            ],
            ["A1:A2", "B1:B2", "C1:D1", "E1:E2"],
            "agency",
            [UNITS[0], UNITS[0]],
            id="a header merged over two rows",
        ),
        pytest.param(
            [
                HEADER,
                [1, "UBND xã Tân Lập", "1.000001", "Đăng ký khai sinh", "Hộ tịch"],
                [None, None, None, None, "Chứng thực"],
                [2, "UBND xã Tân Lập", "1.000002", "Đăng ký kết hôn", "Hộ tịch"],
            ],
            ["A2:A3", "B2:B3", "C2:C3", "D2:D3"],
            "name",
            ["Đăng ký khai sinh", "Đăng ký kết hôn"],
            id="one procedure laid out over two rows stays one",
        ),
    ],
)
@pytest.mark.parametrize("suffix", [".xlsx", ".ods"])
def test_merged_cells(
    tmp_path: Path,
    rows: list[list[object]],
    merged: list[str],
    column: str,
    read: list[object],
    suffix: str,
) -> None:
    path = tmp_path / f"list{suffix}"
    if suffix == ".ods":
        _write_ods(path, rows, merged)
    else:
        write_workbook(path, {"Danh mục": rows}, merged={"Danh mục": merged})
    assert _column(path, column) == read


def _write_ods(path: Path, rows: list[list[object]], merged: list[str]) -> None:
    """An ods of one sheet 'Danh mục', the ranges `merged` merged as LibreOffice writes
    them: the first cell spans its rows and columns, the others are covered cells."""
    pytest.importorskip("odf", reason="odfpy is not installed to write an ods")
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import CoveredTableCell, Table, TableCell, TableRow
    from odf.text import P
    from openpyxl.utils.cell import range_boundaries

    spans, covered = {}, set()
    for cells in merged:
        first_column, first_row, last_column, last_row = range_boundaries(cells)
        spans[first_row, first_column] = (last_row - first_row + 1, last_column - first_column + 1)
        covered |= {
            (row, column)
            for row in range(first_row, last_row + 1)
            for column in range(first_column, last_column + 1)
        } - {(first_row, first_column)}
    document = OpenDocumentSpreadsheet()
    table = Table(name="Danh mục")
    width = max(len(row) for row in rows)
    for row_number, row in enumerate(rows, 1):
        table_row = TableRow()
        for column_number, value in enumerate([*row, *[None] * (width - len(row))], 1):
            if (row_number, column_number) in covered:
                table_row.addElement(CoveredTableCell())
                continue
            spanned = spans.get((row_number, column_number))
            attributes = (
                {"numberrowsspanned": spanned[0], "numbercolumnsspanned": spanned[1]}
                if spanned
                else {}
            )
            if isinstance(value, int):
                cell = TableCell(valuetype="float", value=value, **attributes)
            else:
                cell = TableCell(valuetype="string", **attributes)
            if value is not None:
                cell.addElement(P(text=str(value)))
            table_row.addElement(cell)
        table.addElement(table_row)
    document.spreadsheet.addElement(table)
    document.save(str(path))


def test_procedures_of_units_merged_down_their_blocks_are_no_duplicates(tmp_path: Path) -> None:
    merged = {"Danh mục": ["B2:B3", "B4:B5", "B6:B7"]}
    path = write_workbook(tmp_path / "list.xlsx", {"Danh mục": _per_unit(UNITS)}, merged=merged)
    found = [f.rule for f in audit([str(path)]).findings]
    assert "PA201" not in found and "PA202" not in found
    (table,) = read_catalogue(str(path)).tables
    assert table.from_merged == {"agency": 3}


def test_inspect_says_which_rows_took_a_merged_cells_value(tmp_path: Path) -> None:
    merged = {"Danh mục": ["B2:B3", "B4:B5", "B6:B7"]}
    path = write_workbook(tmp_path / "list.xlsx", {"Danh mục": _per_unit(UNITS)}, merged=merged)
    result = CliRunner().invoke(app, ["inspect", str(path)], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    assert "  agency: 3 rows took it from a cell merged down over them" in result.stdout
