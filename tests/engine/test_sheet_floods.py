"""Floods over a workbook's sheets: a column or a value that fails on many rows, spread over
sheets of a few rows each, gives one finding for the file, as it would in one sheet."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import write_workbook
from procaudit.core.findings import Finding
from procaudit.engine.audit import audit

HEADER = ["Mã TTHC", "Tên thủ tục hành chính", "Số quyết định"]
NATIONAL = "1.0{:05d}"
LOCAL = "2018.HT.{}"
DECISION = "1234/QĐ-UBND"
BAD_DECISION = "QĐ/0001-BCA"  # a placeholder, PA402's


def _sheets(plan: list[tuple[int, int, int]]) -> dict[str, list[list[object]]]:
    """One sheet per (rows, of them with a local code, of them with a placeholder decision)."""
    sheets: dict[str, list[list[object]]] = {}
    number = 0
    for index, (rows, local, placeholder) in enumerate(plan):
        body: list[list[object]] = [HEADER]
        for row in range(rows):
            number += 1
            code = (LOCAL if row < local else NATIONAL).format(number)
            decision = BAD_DECISION if row < placeholder else DECISION
            body.append([code, f"Thủ tục số {number}", decision])
        sheets[f"Lĩnh vực {index + 1}"] = body
    return sheets


def _findings(tmp_path: Path, plan: list[tuple[int, int, int]], rule: str, **options) -> list:
    path = write_workbook(tmp_path / "list.xlsx", _sheets(plan))
    return [f for f in audit([str(path)], **options).findings if f.rule == rule]


def _shape(findings: list[Finding]) -> tuple[int, int]:
    """(findings for many rows, row findings)."""
    many = sum(1 for f in findings if f.row is None)
    return many, len(findings) - many


@pytest.mark.parametrize(
    ("plan", "rule", "shape"),
    [
        pytest.param([(8, 8, 0)] * 12, "PA101", (1, 0), id="local codes in 12 sheets of 8 rows"),
        pytest.param([(8, 7, 0)] * 2, "PA101", (0, 14), id="14 rows: too few to be a flood"),
        # Every code of the column local: said once however few (engine.small_floods).
        pytest.param([(8, 8, 0)] * 2, "PA101", (1, 0), id="16 rows, every one local"),
        pytest.param([(10, 10, 0)] * 2, "PA101", (1, 0), id="20 rows over 2 sheets: enough"),
        pytest.param([(10, 5, 0)] * 6, "PA101", (0, 30), id="half the codes: no flood"),
        pytest.param(
            [(10, 10, 0)] * 3 + [(10, 0, 0)], "PA101", (3, 0), id="75%: each full sheet alone"
        ),
        # 33 of 35 codes local: one column that fails nearly everywhere, said once.
        pytest.param(
            [(25, 25, 0), (5, 4, 0), (5, 4, 0)], "PA101", (1, 0), id="a large sheet and two small"
        ),
        pytest.param(
            [(25, 25, 0), *[(5, 5, 0)] * 4], "PA101", (1, 0), id="the sheets flood together"
        ),
        # A one-stop export kept as a sheet per unit: each unit's sheet floods, one finding.
        pytest.param([(25, 25, 0)] * 6, "PA101", (1, 0), id="six sheets each flooding"),
        pytest.param(
            [(25, 25, 0), (25, 25, 0), (25, 0, 0)], "PA101", (1, 0), id="two of three sheets flood"
        ),
        pytest.param(
            [(25, 25, 0), (25, 0, 0), (25, 0, 0)], "PA101", (1, 0), id="one of three sheets floods"
        ),
        pytest.param([(10, 0, 7)] * 3, "PA402", (1, 0), id="one value on 21 rows of 3 sheets"),
        pytest.param([(10, 0, 6)] * 3, "PA402", (1, 0), id="one value on 18 rows: one finding"),
        pytest.param([(10, 0, 1)] * 2, "PA402", (0, 2), id="one value on 2 rows: no flood"),
        pytest.param([(30, 0, 0), (30, 0, 0)], "PA402", (0, 0), id="nothing to say"),
    ],
)
def test_floods_over_sheets(
    tmp_path: Path, plan: list[tuple[int, int, int]], rule: str, shape: tuple[int, int]
) -> None:
    assert _shape(_findings(tmp_path, plan, rule)) == shape


def test_every_row_keeps_the_row_findings(tmp_path: Path) -> None:
    found = _findings(tmp_path, [(8, 8, 0)] * 12, "PA101", every_row=True)
    assert _shape(found) == (0, 96)


def test_a_column_flood_over_sheets_names_its_sheets_and_their_rows(tmp_path: Path) -> None:
    (finding,) = _findings(tmp_path, [(8, 8, 0)] * 5, "PA101")
    assert (finding.sheet, finding.row, finding.column, finding.rows) == (None, None, "code", 40)
    assert finding.message.startswith(
        "Every value of column 'Mã TTHC' fails this check: 40 of 40 rows "
        "(sheet 'Lĩnh vực 1' rows 2-9; sheet 'Lĩnh vực 2' rows 2-9; sheet 'Lĩnh vực 3' "
        "rows 2-9 and 2 more sheets). Sheet 'Lĩnh vực 1' row 2: The code '2018.HT.1' "
    )
    assert finding.examples == ("2018.HT.1", "2018.HT.2", "2018.HT.3")
    assert finding.fix.startswith("Column 'Mã TTHC' holds local codes, not national codes")


def test_a_value_flood_over_sheets_names_its_sheets_and_their_rows(tmp_path: Path) -> None:
    (finding,) = _findings(tmp_path, [(10, 0, 7)] * 3, "PA402")
    assert (finding.sheet, finding.row, finding.value, finding.rows) == (
        None,
        None,
        BAD_DECISION,
        21,
    )
    assert finding.message.startswith(
        f"'{BAD_DECISION}' fails this check on 21 rows (sheet 'Lĩnh vực 1' rows "
        "2-8; sheet 'Lĩnh vực 2' rows 2-8; sheet 'Lĩnh vực 3' rows 2-8): The decision number"
    )
    assert finding.fix.endswith("(procaudit check --every-row lists each row.)")


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        pytest.param(
            "#N/A", [(None, 30, "Column 'Mã TTHC' shows Excel errors (#N/A)")], id="errors"
        ),
        # Excel shows the codes it computes: no sheet's code is missing.
        pytest.param("=VLOOKUP(B2,DM!A:B,2,0)", [], id="formulas without a saved value"),
    ],
)
def test_a_code_column_excel_fills_over_sheets(
    tmp_path: Path, code: str | None, expected: list[tuple[None, int, str]]
) -> None:
    sheets = {
        f"Lĩnh vực {sheet}": [
            HEADER,
            *([code, f"Thủ tục số {sheet}.{n}", DECISION] for n in range(10)),
        ]
        for sheet in range(3)
    }
    path = write_workbook(tmp_path / "list.xlsx", sheets)
    found = [f for f in audit([str(path)]).findings if f.rule == "PA102"]
    assert [(f.row, f.rows, f.fix.split(":")[0]) for f in found] == expected


def test_columns_flooding_on_several_sheets_are_one_finding_naming_them(tmp_path: Path) -> None:
    (finding,) = _findings(tmp_path, [(25, 25, 0), (25, 25, 0), (25, 0, 0)], "PA101")
    assert (finding.sheet, finding.row, finding.rows) == (None, None, 50)
    assert finding.message.startswith(
        "Every value of column 'Mã TTHC' fails this check: 50 of 50 rows "
        "(sheet 'Lĩnh vực 1' rows 2-26; sheet 'Lĩnh vực 2' rows 2-26). Sheet 'Lĩnh vực 1' row 2:"
    )
