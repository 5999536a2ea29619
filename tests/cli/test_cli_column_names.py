"""With --lang vi every human report names a finding's column by the file's own header; the
English reports and the machine formats keep the canonical id (issue 17)."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from procaudit.cli import app
from procaudit.core.findings import Finding, Severity
from procaudit.core.i18n import speaking
from procaudit.engine.column_names import column_names, file_column_names
from procaudit.io.headers import map_headers
from procaudit.io.read import Table, read_catalogue

runner = CliRunner()

# Row 3 writes "QD" for "QĐ" (PA402 on decision_no); the header breaks its line, as Excel
# headers often do, and the report folds it.
HEADER = ["Mã TTHC", "Tên thủ tục", "Cấp thực hiện", "Số\nquyết định"]
ROWS = [
    ["1.000001", "Đăng ký khai sinh", "Cấp xã", "1890/QĐ-UBND"],
    ["1.000002", "Đăng ký kết hôn", "Cấp xã", "1890/QD-UBND"],
]


@pytest.fixture
def workbook(tmp_path: Path) -> Path:
    path = tmp_path / "danh-muc.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "DS"
    for row in (HEADER, *ROWS):
        sheet.append(row)
    book.save(path)
    return path


def check(path: Path, *args: str) -> str:
    result = runner.invoke(
        app,
        ["check", str(path), "--select", "PA402", "--exit-zero", "--max-per-rule", "0", *args],
        env={"COLUMNS": "200"},  # the terminal report on one line per location
    )
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.mark.parametrize(
    ("fmt", "shown"),
    [
        ("rich", "dòng 3 › Số quyết định"),
        ("markdown", "| DS | 3 | Số quyết định |"),
        ("html", "<td>Số quyết định</td>"),
        ("github", "trang tính 'DS', cột 'Số quyết định': Số quyết định '1890/QD-UBND'"),
    ],
)
def test_the_vietnamese_human_reports_name_the_column_by_its_header(
    workbook: Path, fmt: str, shown: str
) -> None:
    out = check(workbook, "--lang", "vi", "--format", fmt)
    assert shown in out
    assert "decision_no" not in out


@pytest.mark.parametrize(
    ("fmt", "shown"),
    [
        ("rich", "row 3 › decision_no"),
        ("markdown", "| DS | 3 | decision_no |"),
        ("html", "<td>decision_no</td>"),
        ("github", "sheet 'DS', column decision_no: "),
    ],
)
def test_the_english_reports_keep_the_canonical_id(workbook: Path, fmt: str, shown: str) -> None:
    assert shown in check(workbook, "--lang", "en", "--format", fmt)


def test_the_machine_formats_keep_the_canonical_id_in_vietnamese(workbook: Path) -> None:
    report = json.loads(check(workbook, "--lang", "vi", "--format", "json"))
    assert [finding["column"] for finding in report["findings"]] == ["decision_no"]
    sarif = check(workbook, "--lang", "vi", "--format", "sarif")
    assert '"column": "decision_no"' in sarif and 'Số quyết định"' not in sarif
    rows = list(csv.DictReader(check(workbook, "--lang", "vi", "--format", "csv").splitlines()))
    assert [row["column"] for row in rows] == ["decision_no"]


def test_the_vietnamese_fix_list_names_the_cell_by_its_letter(
    workbook: Path, tmp_path: Path
) -> None:
    fix_list = tmp_path / "sua.csv"
    check(workbook, "--lang", "vi", "--fix-list", str(fix_list))
    rows = list(csv.reader(fix_list.read_text(encoding="utf-8-sig").splitlines()))
    assert rows[1][:3] == [str(workbook), "DS", "D3"]


def test_a_column_with_a_blank_header_is_named_by_its_letter() -> None:
    header_map = map_headers(["Mã TTHC", "Tên thủ tục", ""])
    header_map.columns["decision_no"] = 2  # chosen by its values, as io/values.py may
    table = Table("DS", None, header_map)  # type: ignore[arg-type]  # the frame is not read
    assert column_names(table) == {"code": "Mã TTHC", "name": "Tên thủ tục", "decision_no": "C"}
    names = file_column_names([table])
    assert names[("DS", "decision_no")] == names[(None, "decision_no")] == "C"


def test_column_name_falls_back_to_the_id_where_the_header_is_unknown() -> None:
    finding = Finding(
        "PA402", "invalid-decision", Severity.WARNING, "a.csv", None, 2, "decision_no",
        None, None, "m", "f",
    )  # fmt: skip
    with speaking("vi"):
        assert finding.column_name == "decision_no"
        assert finding._replace(header="Số QĐ").column_name == "Số QĐ"
    with speaking("en"):
        assert finding._replace(header="Số QĐ").column_name == "decision_no"


@pytest.mark.parametrize(
    ("rows", "level"),
    [
        # Sub-columns under a heading that names the level: the heading.
        (
            [
                ["Tên thủ tục", "Cấp thực hiện", None],
                [None, "Tỉnh", "Xã"],
                *[[name, "x", None] for name in ("A", "B", "C")],
            ],
            "Cấp thực hiện",
        ),
        # Headers that each name a level: all of them, not the first alone.
        (
            [["Tên thủ tục", "Cấp tỉnh", "Cấp xã"], *[[name, None, "x"] for name in "ABC"]],
            "Cấp tỉnh / Cấp xã",
        ),
    ],
    ids=["under a heading", "headers naming values"],
)
def test_a_column_read_from_marks_is_named_by_its_headers(
    tmp_path: Path, rows: list[list[str | None]], level: str
) -> None:
    path = tmp_path / "marks.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    if rows[1][0] is None:
        sheet.merge_cells("B1:C1")
        sheet.merge_cells("A1:A2")
    book.save(path)
    (table,) = read_catalogue(str(path)).tables
    assert column_names(table)["level"] == level
