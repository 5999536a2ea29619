"""A finding on a value made of the cells of rows under a procedure points at the cell that
holds the defect, with the repair of that cell's own text, and `fix` repairs that cell: a name
broken over C2 and C3 with a doubled space in C3 was "row 2 › name … Write it as <the joined
text>", and nothing was repaired."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from conftest import write_workbook
from procaudit.engine.audit import audit
from procaudit.engine.repairs import plan_repairs
from procaudit.report.fixlist import write_fix_list

HEADER = ["STT", "Mã TTHC", "Tên thủ tục hành chính", "Cấp thực hiện", "Mẫu đơn, tờ khai"]
ROWS = [
    HEADER,
    [1, "1.000001", "Bổ nhiệm lại ", "Cấp tỉnh", "Tờ khai"],  # C2: a trailing space
    [None, None, "Thừa  phát lại", None, None],  # C3: the name goes on, a doubled space
    [2, "1.000002", "Đăng ký khai sinh", "Cấp xã", None],
    [None, None, None, None, "Tờ  khai"],  # E5: the forms of row 4, a doubled space
    [3, "1.000003", "Cấp bản sao", "Cấp xã", "Tờ khai"],
]
# (row, column, value, fix, code) of each PA603 finding
EXPECTED = [
    (2, "name", "Bổ nhiệm lại ", "Write it as 'Bổ nhiệm lại'.", "1.000001"),
    (3, "name", "Thừa  phát lại", "Write it as 'Thừa phát lại'.", "1.000001"),
    (5, "forms", "Tờ  khai", "Write it as 'Tờ khai'.", "1.000002"),
]


@pytest.fixture
def workbook(tmp_path: Path) -> Path:
    return write_workbook(tmp_path / "list.xlsx", {"DM": ROWS})


@pytest.mark.parametrize("every_row", [False, True])
def test_the_finding_points_at_the_cell_with_its_own_repair(
    workbook: Path, every_row: bool
) -> None:
    result = audit([str(workbook)], every_row=every_row)
    found = [
        (f.row, f.column, f.value, f.fix, f.code) for f in result.findings if f.rule == "PA603"
    ]
    assert found == EXPECTED
    stats = result.files[0].stats
    assert stats is not None and stats.procedures == 3


def test_fix_repairs_those_cells(workbook: Path) -> None:
    changes = {(c.cell, c.before, c.after) for c in plan_repairs(str(workbook)).changes}
    assert changes == {
        ("C2", "Bổ nhiệm lại ", "Bổ nhiệm lại"),
        ("C3", "Thừa  phát lại", "Thừa phát lại"),
        ("E5", "Tờ  khai", "Tờ khai"),
    }


def test_the_fix_list_names_the_cell_and_its_procedure(workbook: Path, tmp_path: Path) -> None:
    out = tmp_path / "fix-list.xlsx"
    write_fix_list(audit([str(workbook)]), out)
    sheet = openpyxl.load_workbook(out).worksheets[0]
    rows = [row for row in sheet.iter_rows(min_row=2, values_only=True) if row[6] == "PA603"]
    assert [(row[2], row[4], row[5]) for row in rows] == [
        ("C2", "1.000001", "Bổ nhiệm lại  Thừa  phát lại"),
        ("C3", "1.000001", "Bổ nhiệm lại  Thừa  phát lại"),
        ("E5", "1.000002", "Đăng ký khai sinh"),
    ]


def test_every_rule_repairing_any_text_cell_reads_one_text() -> None:
    """A rule on every text cell must say what it finds in one cell's text, or its finding
    on a joined value would propose the joined text as the repair of the first cell."""
    from procaudit.rules import all_repairs, get_rule

    on_any_text = [repair.rule_id for repair in all_repairs() if not repair.columns]
    assert on_any_text
    for rule_id in on_any_text:
        rule = get_rule(rule_id)
        assert rule is not None and rule.describe_text is not None, rule_id


# A procedure with a sub-row per level, its agencies a line each (io.continuations' listing):
# a rule judging the whole joined value names the office it faults, and the finding points
# at the sub-row holding it, not at the procedure's row.
LEVEL_ROWS = [
    ["STT", "Mã TTHC", "Tên thủ tục hành chính / Cấp thực hiện", "Cơ quan thực hiện"],
    [1, "2.000635", "Cấp bản sao Trích lục hộ tịch", None],
    [None, None, "- Cấp tỉnh", "Sở Tư pháp"],
    [None, None, "- Cấp xã", "UBND cấp xã"],
    [2, "2.002516", "Xác nhận thông tin hộ tịch", None],
    [None, None, "- Cấp tỉnh", "Sở Giao thông vận tải"],
    [None, None, "- Cấp huyện", "UBND cấp huyện"],
    [None, None, "- Cấp xã", "UBND cấp xã"],
    [3, "1.002693", "Cấp giấy phép chặt hạ cây xanh", "UBND huyện"],
]


@pytest.mark.parametrize(
    ("rule", "row", "office"),
    [
        ("PA501", 7, "UBND cấp huyện"),  # the third of three sub-rows
        ("PA504", 6, "Sở Giao thông vận tải"),  # the first
        ("PA501", 9, "UBND huyện"),  # a value of one cell on the procedure's own row
    ],
)
def test_a_finding_on_joined_agencies_points_at_the_sub_row_it_quotes(
    tmp_path: Path, rule: str, row: int, office: str
) -> None:
    path = write_workbook(tmp_path / "levels.xlsx", {"DM": LEVEL_ROWS})
    found = [
        f.row
        for f in audit([str(path)]).findings
        if f.rule == rule and f.column == "agency" and f"'{office}'" in f.message
    ]
    assert found == [row]
