"""A list kept per unit whose units head their blocks ("UBND xã Tân Lập" over its rows) and
no agency column names them: the headings are sections, not procedures, and a procedure once
per unit is no copy, while a copy within one unit still is."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from procaudit.catalogue.columns import SECTION_UNIT
from procaudit.cli import app
from procaudit.engine.audit import audit
from procaudit.io.grid import text_grid
from procaudit.io.read import Table, read_catalogue, read_grid

HEADER = ["STT", "Mã TTHC", "Tên thủ tục", "Lĩnh vực"]
BIRTH = ["1", "1.001193", "Đăng ký khai sinh", "Hộ tịch"]
DEATH = ["2", "1.000656", "Đăng ký khai tử", "Hộ tịch"]
TAN_LAP, HUNG_SON = "UBND xã Tân Lập", "UBND xã Hùng Sơn"


def _table(rows: list[list[str]], header: list[str] = HEADER) -> Table:
    (table,) = read_grid("list.csv", text_grid(None, [header, *rows])).tables
    return table


def _units(table: Table) -> list[tuple[int, str | None]]:
    if SECTION_UNIT not in table.frame:
        return [(int(row), None) for row in table.frame["_row"]]
    return [
        (int(row), None if not isinstance(unit, str) else unit)
        for row, unit in zip(table.frame["_row"], table.frame[SECTION_UNIT], strict=True)
    ]


CASES = {
    "in the first column": (
        [[TAN_LAP, "", "", ""], BIRTH, DEATH, [HUNG_SON, "", "", ""], BIRTH],
        [(3, TAN_LAP), (4, TAN_LAP), (6, HUNG_SON)],
    ),
    "numbered, in the name column": (
        [["I", "", f"Đơn vị: {TAN_LAP}", ""], BIRTH, ["II", "", f"Đơn vị: {HUNG_SON}", ""], BIRTH],
        [(3, TAN_LAP), (5, HUNG_SON)],
    ),
    # A level block begins again: its rows belong to no unit until the next one.
    "a level block ends the unit": (
        [[TAN_LAP, "", "", ""], BIRTH, ["B", "", "THỦ TỤC CẤP TỈNH", ""], DEATH],
        [(3, TAN_LAP), (5, None)],
    ),
    # Typed in the name column, a unit is told from a line of the name above by its place.
    "in the name column, with its place": (
        [BIRTH, ["", "", HUNG_SON, ""], DEATH],
        [(2, None), (4, HUNG_SON)],
    ),
    "in the name column, an office without a place: a line of the name": (
        [BIRTH, ["", "", "Sở Tư pháp", ""], DEATH],
        [(2, None), (4, None)],
    ),
    "in the first column, an office without a place": (
        [["Sở Tư pháp", "", "", ""], BIRTH, ["Sở Y tế", "", "", ""], BIRTH],
        [(3, "Sở Tư pháp"), (5, "Sở Y tế")],
    ),
    # A field heading beginning like an office is a field.
    "a field, not a unit": (
        [["I", "", "Phòng cháy, chữa cháy", ""], BIRTH],
        [(3, None)],
    ),
}


@pytest.mark.parametrize(("rows", "units"), CASES.values(), ids=CASES.keys())
def test_the_rows_under_a_units_heading_belong_to_it(
    rows: list[list[str]], units: list[tuple[int, str | None]]
) -> None:
    assert _units(_table(rows)) == units


def test_a_row_of_an_agency_and_a_procedure_is_no_heading() -> None:
    # A one-stop export with the agency first and three cells a row: procedures.
    header = ["TEN_CO_QUAN", "TEN_TAT", "TEN_THU_TUC"]
    rows = [["UBND Huyện Phù Ninh", "2018.HT.1", "Thủ tục số 1"]] * 2
    table = _table(rows, header)
    assert (len(table.frame), table.account.sections) == (2, ())


def test_an_agency_alone_under_a_procedure_is_no_heading() -> None:
    # Agencies one per row, in a column left of the name: the procedure's, not a unit.
    header = ["STT", "Cơ quan thực hiện", "Tên thủ tục", "Mã TTHC"]
    rows = [["1", "Sở Tư pháp", "Đăng ký khai sinh", "1.001193"], ["", TAN_LAP, "", ""]]
    assert _table(rows, header).account.sections == ()


def _stacked(path: Path, units: list[str], procedures: list[list[str]]) -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(HEADER)
    for unit in units:
        sheet.append([unit])
        sheet.merge_cells(
            start_row=sheet.max_row, start_column=1, end_row=sheet.max_row, end_column=4
        )
        for row in procedures:
            sheet.append(row)
    workbook.save(path)
    return path


def test_a_procedure_once_per_unit_is_no_copy(tmp_path: Path) -> None:
    path = _stacked(tmp_path / "units.xlsx", [TAN_LAP, HUNG_SON], [BIRTH, DEATH])
    found = audit([str(path)]).findings
    assert [f.rule for f in found if f.rule.startswith("PA20")] == []


def test_a_copy_within_a_unit_is_reported_with_its_unit(tmp_path: Path) -> None:
    path = _stacked(tmp_path / "units.xlsx", [TAN_LAP, HUNG_SON], [BIRTH, DEATH, BIRTH])
    result = CliRunner().invoke(app, ["check", str(path), "-f", "json", "--select", "PA2"])
    copies = [(f["row"], f["message"]) for f in json.loads(result.stdout)["findings"]]
    assert copies == [
        (3, f"The same procedure is also listed under {TAN_LAP} on row 5."),
        (5, f"The same procedure is also listed under {TAN_LAP} on row 3."),
        (7, f"The same procedure is also listed under {HUNG_SON} on row 9."),
        (9, f"The same procedure is also listed under {HUNG_SON} on row 7."),
    ]


def test_a_units_heading_is_checked_as_its_rows_agency(tmp_path: Path) -> None:
    """A district's office heading its block is the district level, as an agency column
    naming it on every row would be; a commune's is not."""
    district = "UBND huyện Phù Ninh"
    path = _stacked(tmp_path / "units.xlsx", [TAN_LAP, district], [BIRTH, DEATH])
    found = audit([str(path)]).findings
    flagged = [(f.rule, f.row, f.column, f.value) for f in found if f.rule in ("PA501", "PA504")]
    # One finding, on the heading's row (`engine.heading_floods`).
    assert flagged == [("PA501", 5, "agency", district)]


def test_inspect_names_each_units_heading(tmp_path: Path) -> None:
    path = _stacked(tmp_path / "units.xlsx", [TAN_LAP, HUNG_SON], [BIRTH])
    result = CliRunner().invoke(app, ["inspect", str(path)])
    assert result.exit_code == 0
    heading = next(line for line in result.stdout.splitlines() if line.split()[:1] == ["row"])
    assert heading.split() == ["row", "heading", "level", "field", "status", "unit"]
    assert f"2    {TAN_LAP}" in result.stdout and "unit: 2 rows took it from their section" in (
        result.stdout
    )
    sections = json.loads(CliRunner().invoke(app, ["inspect", str(path), "-f", "json"]).stdout)
    [table] = sections["files"][0]["tables"]
    assert [section["unit"] for section in table["sections"]] == [TAN_LAP, HUNG_SON]
    assert read_catalogue(str(path)).tables[0].account.inherited == {"unit": 2}


def test_the_scorecard_groups_by_the_units_heading_their_blocks(tmp_path: Path) -> None:
    path = _stacked(tmp_path / "units.xlsx", [TAN_LAP, HUNG_SON], [BIRTH, DEATH])
    args = ["check", str(path), "-f", "json", "--group-by", "agency"]
    rows = json.loads(CliRunner().invoke(app, args).stdout)["scorecard"]["rows"]
    assert [(row["label"], row["procedures"]) for row in rows] == [(TAN_LAP, 2), (HUNG_SON, 2)]
