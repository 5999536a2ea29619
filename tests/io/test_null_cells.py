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


_ENGLISH = ["No", "Code", "Procedure name", "Agency", "Decision", "Forms"]


def _forms_rows(header: list[str], forms: list[str], decision: str = "1520/QĐ-UBND"):
    """Four procedures, their forms `forms`, the second's decision `decision`."""
    rows = [header]
    for number, form in enumerate(forms, 1):
        held = decision if number == 2 else "1520/QĐ-UBND"
        rows.append([str(number), f"1.00000{number}", f"Thủ tục {number}", "UBND", held, form])
    return rows


@pytest.mark.parametrize(
    ("header", "forms", "decision", "missing"),
    [
        # An English list's "None" says no form is required: not a missing form.
        (_ENGLISH, ["Form A", "None", "Form B", "None"], "1520/QĐ-UBND", []),
        # A Vietnamese list alone with "None" in it, no Vietnamese form beside: left as is.
        (_HEADER, ["None", "None", "None", "None"], "1520/QĐ-UBND", []),
        (_HEADER, ["Form A", "None", "Form B", "None"], "1520/QĐ-UBND", []),
        # Beside Vietnamese form names under a Vietnamese header: Python's None.
        (_HEADER, ["Tờ khai", "None", "Đơn đề nghị", "None"], "1520/QĐ-UBND", [3, 5]),
        # Another column holds a program's empty value: the file is a program's export.
        (_HEADER, ["Form A", "None", "Form B", "None"], "None", [3, 5]),
        (_ENGLISH, ["Form A", "None", "Form B", "None"], "nan", [3, 5]),
        (_ENGLISH, ["Form A", "None", "Form B", "None"], "NULL", [3, 5]),
        # An English list's "None" in another column says nothing of its forms.
        (_ENGLISH, ["Form A", "None", "Form B", "None"], "None", []),
        # No English list writes "nan" or "NULL" for "no form required".
        (_ENGLISH, ["Form A", "nan", "Form B", "NULL"], "1520/QĐ-UBND", [3, 5]),
        (_HEADER, ["Tờ khai", "nan", "Đơn", "\\N"], "1520/QĐ-UBND", [3, 5]),
    ],
)
def test_none_in_the_forms_column_is_told_by_the_values(
    tmp_path: Path, header: list[str], forms: list[str], decision: str, missing: list[int]
):
    found = _findings(tmp_path, _forms_rows(header, forms, decision))
    assert [row for rule, row, *_ in found if rule == "PA301"] == missing
    assert all("a database's or a program's mark" in m for r, _, _, m in found if r == "PA301")


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
