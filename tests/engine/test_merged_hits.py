"""A value a merged cell spreads down its procedures fails once, at the cell: ten errors
pointed at cells the official cannot select, and a column "flood" was one cell."""

from __future__ import annotations

from pathlib import Path

from conftest import write_workbook
from procaudit.core.findings import Finding
from procaudit.engine.audit import audit

HEADER = ["STT", "Mã TTHC", "Tên thủ tục hành chính", "Cơ quan thực hiện", "Số quyết định"]
DISTRICT = "Phòng Tư pháp huyện Bảo Thắng"
QD = "1890/QD-UBND"


def _rows(count: int, agency: str = "Sở Tư pháp", decision: str = "1890/QĐ-UBND") -> list:
    return [
        [n, f"1.{n:06d}", f"Thủ tục số {n} về chứng thực", agency, decision]
        for n in range(1, count + 1)
    ]


def _findings(
    tmp_path: Path, rows: list, merged: list[str], rule: str, every_row: bool = False
) -> list[Finding]:
    path = write_workbook(
        tmp_path / "list.xlsx", {"Danh mục": [HEADER, *rows]}, merged={"Danh mục": merged}
    )
    result = audit([str(path)], every_row=every_row)
    return [finding for finding in result.findings if finding.rule == rule]


def test_a_merged_agency_fails_once_at_its_cell(tmp_path: Path) -> None:
    rows = _rows(8)
    rows[2][3] = DISTRICT  # D4, merged over rows 4-8
    for row in rows[3:7]:
        row[3] = None
    (finding,) = _findings(tmp_path, rows, ["D4:D8"], "PA501")
    assert finding.row == 4
    assert finding.message.startswith("Cell D4, merged over rows 4-8 (5 procedures): ")


def test_every_row_keeps_each_rows_finding(tmp_path: Path) -> None:
    rows = _rows(8)
    rows[2][3] = DISTRICT
    for row in rows[3:7]:
        row[3] = None
    found = _findings(tmp_path, rows, ["D4:D8"], "PA501", every_row=True)
    assert [finding.row for finding in found] == [4, 5, 6, 7, 8]


def test_the_same_value_typed_on_each_row_is_a_value_flood_not_a_merged_cell(
    tmp_path: Path,
) -> None:
    rows = _rows(6, agency=DISTRICT)
    (finding,) = _findings(tmp_path, rows, [], "PA501")
    assert finding.row is None and finding.rows == 6
    assert finding.message.startswith(f"'{DISTRICT}' fails this check on 6 rows (rows 2-7): ")
    assert "merged" not in finding.message
    found = _findings(tmp_path, rows, [], "PA501", every_row=True)
    assert [finding.row for finding in found] == [2, 3, 4, 5, 6, 7]


def test_a_decision_merged_over_the_list_is_one_cell_not_a_flood(tmp_path: Path) -> None:
    rows = _rows(30, decision=QD)
    for row in rows[1:]:
        row[4] = None
    (finding,) = _findings(tmp_path, rows, ["E2:E31"], "PA402")
    assert finding.row == 2 and finding.rows is None
    assert finding.message.startswith("Cell E2, merged over rows 2-31 (30 procedures): ")


def test_a_flood_counts_a_columns_cells(tmp_path: Path) -> None:
    """22 decisions typed on their rows and one merged over 10 more: 23 cells, all failing."""
    rows = _rows(32, decision=QD)
    for row in rows[23:]:
        row[4] = None
    (finding,) = _findings(tmp_path, rows, ["E24:E33"], "PA402")
    assert finding.row is None and finding.rows == 23
    assert "23 of 23 cells" in finding.message


def test_the_scorecard_still_counts_each_procedure(tmp_path: Path) -> None:
    rows = _rows(8)
    rows[2][3] = DISTRICT
    for row in rows[3:7]:
        row[3] = None
    path = write_workbook(
        tmp_path / "list.xlsx", {"Danh mục": [HEADER, *rows]}, merged={"Danh mục": ["D4:D8"]}
    )
    stats = audit([str(path)]).files[0].stats
    assert stats is not None and stats.district_level == 5


def test_a_flood_over_sheets_counts_cells_too(tmp_path: Path) -> None:
    """Sheet A: 8 decisions typed and one merged over 5 more; sheet B: 14 typed. 23 cells
    fail of 23: a flood, though 27 rows hold the decision and 23 are reported."""
    first = _rows(13, decision=QD)
    for row in first[9:]:
        row[4] = None
    path = write_workbook(
        tmp_path / "list.xlsx",
        {"A": [HEADER, *first], "B": [HEADER, *_rows(14, decision=QD)]},
        merged={"A": ["E10:E14"]},
    )
    (finding,) = [f for f in audit([str(path)]).findings if f.rule == "PA402"]
    assert finding.row is None and finding.rows == 23
    assert "23 of 23 cells" in finding.message
