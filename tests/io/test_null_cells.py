"""procaudit.io.null_cells: a database's or a program's mark of no value ("NULL", "\\N",
"None", "nan") is an empty cell, whose findings say what the cell holds."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from procaudit.cli import app
from tests.conftest import column_read, sheet_table

_HEADER = ["STT", "Mã TTHC", "Tên thủ tục", "Cơ quan thực hiện", "Số quyết định", "Mẫu đơn"]
_GOOD = ["1.000001", "Đăng ký khai sinh", "UBND cấp xã", "1520/QĐ-UBND", "Tờ khai"]


def _rows(column: int, marker: str) -> list[list[str]]:
    rows = [_HEADER]
    for number in range(1, 5):
        row = list(_GOOD)
        row[0] = f"1.00000{number}"
        row[1] = f"{row[1]} lần {number}"
        if number in (2, 3):
            row[column] = marker
        rows.append([str(number), *row])
    return rows


def _findings(tmp_path: Path, rows: list[list[str]]) -> list[tuple[str, int, str, str]]:
    """Each finding of the CLI's check of the rows written as a CSV file, row by row."""
    path = tmp_path / "list.csv"
    with path.open("w", encoding="utf-8", newline="") as file:
        csv.writer(file).writerows(rows)
    result = CliRunner().invoke(app, ["check", str(path), "-f", "json", "--max-per-rule", "0"])
    assert result.exit_code in (0, 1), result.output
    found = json.loads(result.stdout)["findings"]
    return sorted((f["rule"], f["row"], f["column"], f["message"]) for f in found)


@pytest.mark.parametrize("marker", ["NULL", "\\N", "None", "nan", "NaN", "null", "<NA>"])
@pytest.mark.parametrize(
    ("column", "canonical", "rule"),
    [(0, "code", "PA102"), (3, "decision_no", "PA401"), (1, "name", "PA103")],
)
def test_a_null_marker_is_an_empty_cell(
    tmp_path: Path, marker: str, column: int, canonical: str, rule: str
):
    rows = _rows(column, marker)
    assert [value for _, value in column_read(sheet_table(rows), canonical)][1:3] == [None, None]
    found = _findings(tmp_path, rows)
    # The empty cell's own finding, and no other: not a malformed code or decision number,
    # not one code given to two procedures.
    hits = [(r, row, col) for r, row, col, _ in found]
    assert hits == [(rule, 3, canonical), (rule, 4, canonical)]
    assert all(f"holds {marker}" in message for *_, message in found)


def test_none_in_the_forms_column_is_kept(tmp_path: Path):
    # An English list's "None" there says no form is required: not a missing form.
    found = _findings(tmp_path, _rows(4, "None"))
    assert [rule for rule, *_ in found] == []


@pytest.mark.parametrize("value", ["Nonexistent", "NULL ", "N", "Không", "nan-1"])
def test_text_that_only_looks_like_a_marker_is_read(value: str):
    rows = _rows(3, value)
    assert column_read(sheet_table(rows), "decision_no")[1][1] == value


def _procedures(rows: list[list[str]]) -> list[str]:
    return [value for _, value in column_read(sheet_table(rows), "name")]


@pytest.mark.parametrize(
    ("row", "procedures"),
    [
        # pandas' export of an empty row: every cell a marker, a blank row, no procedure.
        (["nan"] * 6, 2),
        (["NULL"] * 6, 2),
        (["", "nan", "nan", "", "nan", "None"], 2),  # markers and empty cells
        (["None", "\\N", "NaN", "nan", "<NA>", "NaT"], 2),
        # A cell of its own makes the row a procedure (its name missing, which is reported).
        (["3", "nan", "nan", "nan", "nan", "nan"], 3),
        (["nan", "1.000003", "nan", "nan", "nan", "nan"], 3),
        (["nan", "nan", "Đăng ký kết hôn", "nan", "nan", "nan"], 3),
        (["nan", "nan", "nan", "UBND cấp xã", "nan", "nan"], 3),
    ],
)
def test_a_row_of_null_markers_is_empty(row: list[str], procedures: int):
    first = ["1", "1.000001", "Đăng ký khai sinh", "UBND cấp xã", "1520/QĐ-UBND", "Tờ khai"]
    last = ["2", "1.000002", "Đăng ký khai tử", "UBND cấp xã", "1520/QĐ-UBND", "Tờ khai"]
    assert len(_procedures([_HEADER, first, row, last])) == procedures


def test_a_row_of_null_markers_gives_no_finding(tmp_path: Path):
    rows = _rows(0, "1.000001")  # four good rows, codes rewritten below
    for number, row in enumerate(rows[1:], 1):
        row[1] = f"1.00000{number}"
    rows.insert(3, ["nan"] * 6)
    assert _findings(tmp_path, rows) == []
