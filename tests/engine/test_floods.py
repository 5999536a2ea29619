"""Never flood: a rule failing on nearly every value of a column gives one column finding."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from conftest import findings_of, table_of, write_workbook
from procaudit.cli import app
from procaudit.core.findings import Finding, Severity
from procaudit.engine.audit import audit
from procaudit.engine.baseline import fingerprint
from procaudit.engine.floods import FloodRows, collapse_floods
from procaudit.engine.value_floods import collapse_values, value_min_rows


def _rows(codes: list[str | None]) -> list[dict[str, str | None]]:
    # Distinct names, so that only the code rules have something to say.
    return [{"code": code, "name": f"Thủ tục số {n}"} for n, code in enumerate(codes)]


def _collapsed(codes: list[str | None], rule: str) -> list:
    rows = _rows(codes)
    table = table_of(rows, sheet="S")
    found = findings_of(rows, sheet="S")
    return [f for f in collapse_floods(found, table.frame, {"code": "TEN_TAT"}) if f.rule == rule]


LOCAL = [f"2018.HT.{n}" for n in range(30)]
CASES = [
    # (case, codes, rule, column findings expected, row findings expected)
    ("every code local", LOCAL, "PA101", 1, 0),
    ("19 rows: too few to be a flood", LOCAL[:19], "PA101", 0, 19),
    ("20 rows: enough", LOCAL[:20], "PA101", 1, 0),
    ("91% of the values", [*LOCAL[:20], "1.000001", "1.000002"], "PA101", 1, 0),
    ("85% of the values", [*LOCAL[:17], "1.000001", "1.000002", "1.000003"], "PA101", 0, 17),
    # The share is taken of the filled cells: empty ones are PA102's.
    ("half empty, the rest local", LOCAL[:20] + [None] * 20, "PA101", 1, 0),
    ("every code empty", [None] * 25, "PA102", 1, 0),
    ("some codes empty", [None] * 20 + LOCAL[:5], "PA102", 0, 20),
]


@pytest.mark.parametrize(
    ("case", "codes", "rule", "columns", "rows"), CASES, ids=[c[0] for c in CASES]
)
def test_a_flood_becomes_one_column_finding(case, codes, rule, columns, rows) -> None:
    found = _collapsed(codes, rule)
    assert sum(f.row is None for f in found) == columns
    assert sum(f.row is not None for f in found) == rows


def test_the_column_finding_says_how_many_rows_examples_and_cause() -> None:
    [finding] = _collapsed([*LOCAL[:25], "1.000001"], "PA101")
    assert (finding.sheet, finding.row, finding.column, finding.value) == ("S", None, "code", None)
    assert finding.rows == 25
    assert finding.examples == ("2018.HT.0", "2018.HT.1", "2018.HT.2")
    assert "column 'TEN_TAT'" in finding.message
    assert "25 of 26 rows (rows 2-26)" in finding.message
    assert "Row 2: The code '2018.HT.0'" in finding.message
    assert "holds local codes, not national codes" in finding.fix
    assert "--every-row" in finding.fix


@pytest.mark.parametrize(
    ("codes", "cause"),
    [
        ([str(23600 + n) for n in range(25)], "holds whole numbers, not procedure codes"),
        (["BHXH.TBHXH.02.", "2020STTTT_PTTT06", "2020.PCCC 012"] * 8, "holds local codes"),
        (["xem chi tiết"] * 25, "Is this the right column?"),
        ([f"T-PTO-{250000 + n}-TT" for n in range(25)], "in the form used before 2017"),
        (
            [f"Mã: 1.0{n:05d}" for n in range(20)] + [f"1․0{n:05d}" for n in range(5)],
            "written with more than the code",
        ),
    ],
    ids=["internal ids", "one-stop local codes", "words", "codes of before 2017", "labelled"],
)
def test_the_cause_is_read_from_the_values(codes: list[str], cause: str) -> None:
    [finding] = _collapsed(codes, "PA101")
    assert cause in finding.fix


def test_an_empty_column_says_so() -> None:
    [finding] = _collapsed([None] * 25, "PA102")
    assert "Column 'TEN_TAT' is empty" in finding.fix
    assert finding.examples == ()


def test_a_column_saying_the_decisions_are_not_recorded_says_so_once() -> None:
    # "Chưa có" in every number's cell: the decisions are not recorded (PA401), no column of
    # malformed numbers (PA402), and the column is not empty.
    rows = [{"name": f"Thủ tục số {n}", "decision_no": "Chưa có"} for n in range(25)]
    table = table_of(rows, sheet="S")
    found = collapse_floods(findings_of(rows, sheet="S"), table.frame, {"decision_no": "Số QĐ"})
    [finding] = [f for f in found if f.rule.startswith("PA4")]
    assert (finding.rule, finding.rows) == ("PA401", 25)
    assert finding.fix.startswith("Column 'Số QĐ' holds no decision_no yet, only words saying so")
    assert "'Chưa có'" in finding.fix


def test_the_fingerprint_does_not_change_while_rows_are_fixed() -> None:
    [before] = _collapsed(LOCAL[:30], "PA101")
    [after] = _collapsed(LOCAL[2:30] + ["1.000001"] * 2, "PA101")
    assert before.rows != after.rows
    assert fingerprint(before) == fingerprint(after)


def _catalogue(tmp_path: Path) -> str:
    path = tmp_path / "motcua.csv"
    lines = ["Mã thủ tục,Tên thủ tục"] + [f"2018.HT.{n},Thủ tục số {n}" for n in range(30)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(path)


def test_the_audit_collapses_unless_every_row_is_asked(tmp_path: Path) -> None:
    path = _catalogue(tmp_path)
    collapsed = [f for f in audit([path]).findings if f.rule == "PA101"]
    every = [f for f in audit([path], every_row=True).findings if f.rule == "PA101"]
    assert [f.rows for f in collapsed] == [30]
    assert len(every) == 30 and all(f.rows is None for f in every)


def test_the_scorecard_counts_procedures_from_the_rows(tmp_path: Path) -> None:
    """The stats are taken before the collapse: 30 procedures, none with a valid code."""
    [report] = audit([_catalogue(tmp_path)]).files
    assert report.stats is not None and report.stats.procedures == 30


def test_cli_json_carries_rows_and_examples_and_every_row_gives_them_back(
    tmp_path: Path,
) -> None:
    path = _catalogue(tmp_path)
    runner = CliRunner()
    result = runner.invoke(app, ["check", path, "-f", "json", "--select", "PA101"])
    assert result.exit_code == 1
    [finding] = json.loads(result.stdout)["findings"]
    assert finding["row"] is None and finding["rows"] == 30
    assert finding["examples"] == ["2018.HT.0", "2018.HT.1", "2018.HT.2"]
    result = runner.invoke(app, ["check", path, "-f", "json", "--select", "PA101", "--every-row"])
    findings = json.loads(result.stdout)["findings"]
    assert len(findings) == 30 and "rows" not in findings[0]


def test_config_every_row(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _catalogue(tmp_path)
    (tmp_path / "procaudit.toml").write_text("every-row = true\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["check", path, "-f", "json", "--select", "PA101"])
    assert len(json.loads(result.stdout)["findings"]) == 30
    (tmp_path / "procaudit.toml").write_text("every-row = 'yes'\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["check", path])
    assert result.exit_code == 2
    assert "'every-row' must be true or false" in result.stderr


def _agencies(agencies: list[str]) -> list:
    rows = [
        {"code": f"1.{n:06d}", "name": f"Thủ tục số {n}", "agency": agency}
        for n, agency in enumerate(agencies)
    ]
    table = table_of(rows, sheet="S")
    found = findings_of(rows, sheet="S")
    collapsed = collapse_floods(found, table.frame, {"agency": "TEN_CO_QUAN"})
    return [f for f in collapse_values(collapsed) if f.rule == "PA501"]


PHU_NINH, TAM_NONG, SO = "UBND Huyện Phù Ninh", "UBND Huyện Tam Nông", "Sở Tư pháp"
VALUE_CASES = [
    # (case, agencies, value findings expected, row findings expected)
    ("one unit's block", [PHU_NINH] * 25 + [SO] * 10, 1, 0),
    ("two units' blocks", [PHU_NINH] * 20 + [TAM_NONG] * 20 + [SO] * 10, 2, 0),
    # A department's 8 rows in a list stacked per unit: one finding, not 8 of one sentence.
    ("a small unit's block", [PHU_NINH] * 8 + [SO] * 10, 1, 0),
    ("3 rows: enough", [PHU_NINH] * 3 + [SO] * 10, 1, 0),
    ("2 rows: too few", [PHU_NINH] * 2 + [SO] * 10, 0, 2),
    ("one block and two others", [PHU_NINH] * 20 + [TAM_NONG] * 2 + [SO] * 10, 1, 2),
]


@pytest.mark.parametrize(
    ("case", "agencies", "values", "rows"), VALUE_CASES, ids=[c[0] for c in VALUE_CASES]
)
def test_a_value_failing_on_many_rows_becomes_one_finding(case, agencies, values, rows) -> None:
    found = _agencies(agencies)
    assert sum(f.row is None for f in found) == values
    assert sum(f.row is not None for f in found) == rows


def test_the_value_finding_names_the_value_and_its_rows() -> None:
    [finding] = _agencies([PHU_NINH] * 25 + [SO] * 10)
    assert (finding.row, finding.column, finding.value, finding.rows) == (
        None,
        "agency",
        PHU_NINH,
        25,
    )
    assert finding.message.startswith(f"'{PHU_NINH}' fails this check on 25 rows (rows 2-26)")
    [scattered] = _agencies([PHU_NINH, SO] * 20)
    assert "(rows between 2 and 40)" in scattered.message
    assert fingerprint(finding) == fingerprint(_agencies([PHU_NINH] * 30 + [SO] * 10)[0])
    # A few rows with others among them are named one by one.
    [few] = _agencies([PHU_NINH, SO, SO] * 4)
    assert few.message.startswith(f"'{PHU_NINH}' fails this check on 4 rows (rows 2, 5, 8 and 11)")
    [eleven] = _agencies([PHU_NINH, SO] * 11)
    assert "on 11 rows (rows between 2 and 22)" in eleven.message


@pytest.mark.parametrize(
    ("rows", "on_line", "said"),
    [
        ([18], False, "row 18"),
        ([18], True, "line 18"),
        ([20, 21], False, "rows 20-21"),
        ([9, 4, 31], False, "rows 4, 9 and 31"),
        ([9, 4, 31], True, "lines 4, 9 and 31"),
        ([4, 9], False, "rows 4 and 9"),
        (list(range(2, 40, 3)), False, "rows between 2 and 38"),
    ],
)
def test_a_floods_rows_are_said_as_the_user_finds_them(rows, on_line, said) -> None:
    assert FloodRows.of(rows).said(on_line) == said


@pytest.mark.parametrize(
    ("rule", "least"),
    [
        ("PA501", 3),  # a value's finding says the same on each row
        ("PA101", 3),  # the schema's: likewise
        ("PA503", 3),  # judged on its table, but its message is the value's alone
        ("PA203", 20),  # compares names: "also listed on row 9" differs row by row
        ("PA204", 20),
    ],
)
def test_a_rule_that_compares_names_needs_a_flood_of_a_value(rule: str, least: int) -> None:
    assert value_min_rows(rule) == least


def test_a_csv_files_flood_names_lines(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    agencies = [PHU_NINH, SO, SO] * 3 + [SO] * 20
    lines = ["Mã,Tên,Cơ quan thực hiện"] + [
        f"1.{n:06d},Thủ tục số {n},{agency}" for n, agency in enumerate(agencies)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["check", str(path), "-f", "json", "--select", "PA501"])
    [finding] = json.loads(result.stdout)["findings"]
    assert f"'{PHU_NINH}' fails this check on 3 rows (lines 2, 5 and 8)" in finding["message"]


def test_units_count_rows_and_the_scorecard_says_so(tmp_path: Path) -> None:
    """Grouped by agency, units count row findings; the total counts a flood once."""
    path = tmp_path / "motcua.csv"
    lines = ["TEN_CO_QUAN,TEN_TAT,TEN_THU_TUC"] + [
        f"{unit},2018.HT.{n},Thủ tục số {n}" for unit in (PHU_NINH, TAM_NONG) for n in range(25)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["check", str(path), "-f", "json", "--group-by", "agency"])
    report = json.loads(result.stdout)
    rows = report["scorecard"]["rows"]
    assert [row["errors"] for row in rows] == [50, 50]  # PA101 and PA501 on each row
    # Two column findings: every code is local, every agency a district office.
    assert report["summary"]["error"] == 2
    [district] = [f for f in report["findings"] if f["rule"] == "PA501"]
    assert district["fix"].startswith("Every row needs the same repair: Name the office")
    [note] = [n for n in report["scorecard"]["notes"] if "Each unit" in n]
    assert "(100 in all)" in note and "one finding (2)" in note


def test_a_list_listed_again_asks_whether_it_stacks_units_lists() -> None:
    """PA201 on every row: the list is there twice, or it stacks units' lists unnamed."""
    names = [f"Thủ tục số {n}" for n in range(12)]
    rows = [{"code": f"1.{n:06d}", "name": name} for _ in range(2) for n, name in enumerate(names)]
    table = table_of(rows, sheet="S")
    found = findings_of(rows, sheet="S")
    (finding,) = [f for f in collapse_floods(found, table.frame, {}) if f.rule == "PA201"]
    assert finding.rows == 24
    assert finding.fix.startswith("Nearly every procedure is listed more than once. If the file")
    assert "name each row's unit in an agency column" in finding.fix


@pytest.mark.parametrize(
    ("decisions", "cause"),
    [
        # Every number written with the letter Eth: the column is right, each number needs the
        # same kind of repair.
        (
            [f"{n}/Q\u00d0-UBND" for n in range(1, 26)],
            "The column holds decision numbers, all written the same way; repair each one as "
            "row 2: Write it as 1/QĐ-UBND.",
        ),
        # Nothing a decision number: perhaps the wrong column.
        (["Xem phụ lục"] * 25, "Is this the right column?"),
    ],
    ids=["look-alike letters", "words"],
)
def test_a_decision_column_flood_says_its_cause(decisions: list[str], cause: str) -> None:
    rows = [{"name": f"Thủ tục số {n}", "decision_no": d} for n, d in enumerate(decisions)]
    found = findings_of(rows, sheet="S")
    table = table_of(rows, sheet="S")
    collapsed = collapse_floods(found, table.frame, {"decision_no": "Số quyết định"})
    [finding] = [f for f in collapsed if f.rule == "PA402"]
    assert finding.rows == 25
    assert finding.fix.startswith(cause)


@pytest.mark.parametrize("levels", [["4", "3", "2"], ["Mức độ 4", "Mức độ 3", "Mức độ 2"]])
def test_a_column_on_the_old_scale_names_each_levels_new_value(levels: list[str]) -> None:
    """PA503 on every row: one finding for the column, whose fix maps each old level (the
    first row's fix names one of them only)."""
    rows = [{"name": f"Thủ tục số {n}", "online_level": levels[n % 3]} for n in range(30)]
    table = table_of(rows, sheet="S")
    found = findings_of(rows, sheet="S")
    headers = {"online_level": "Mức độ DVC"}
    (finding,) = [f for f in collapse_floods(found, table.frame, headers) if f.rule == "PA503"]
    assert finding.rows == 30
    assert finding.fix.startswith(
        "Column 'Mức độ DVC' is written on the old scale: write 'Toàn trình' where it says "
        "Mức độ 4 and 'Một phần' where Mức độ 3"
    )


@pytest.mark.parametrize(
    ("headers", "marks", "said"),
    [
        # Read from marks under headers that each name a value: the flood names them all.
        (
            ["Mức độ 3", "Mức độ 4"],
            lambda n: ["x", ""] if n % 3 else ["", "x"],
            "Mức độ 3 / Mức độ 4",
        ),
        (["Mức độ DVC"], lambda n: ["Mức độ 4"], "Mức độ DVC"),
    ],
)
def test_a_column_flood_names_the_column_as_the_file_heads_it(
    tmp_path: Path, headers: list[str], marks: Callable[[int], list[str]], said: str
) -> None:
    path = tmp_path / "dvc.csv"
    lines = [",".join(["Mã TTHC", "Tên thủ tục", *headers])] + [
        ",".join([f"1.{n:06d}", f"Thủ tục số {n}", *marks(n)]) for n in range(25)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    (finding,) = [f for f in audit([str(path)]).findings if f.rule == "PA503"]
    assert finding.rows == 25
    assert finding.fix.startswith(f"Column '{said}' is written on the old scale")


# A workbook a program wrote: its formulas saved without their values (openpyxl saves none),
# cells showing an Excel error, and ordinary empty cells beside them.
_FORMS = "=VLOOKUP(B{row},DM!A:B,2,0)"  # Excel shows the form it looks up
_UNREAD_HEADER = ["STT", "Mã TTHC", "Tên thủ tục hành chính", "Cấp thực hiện", "Mẫu đơn, tờ khai"]


def _unread_findings(
    tmp_path: Path, forms: list[str | None], every_row: bool = False, **cells: str
) -> list[tuple[str, int | None, str | None, str | None, int | None]]:
    """(rule, row, column, value, rows) of each finding of a list whose forms cells are
    `forms`; `cells` puts a value in a cell ("B3": a formula in the code's)."""
    rows = [
        [n, f"1.{n:06d}", f"Thủ tục số {n} về chứng thực", "Cấp tỉnh", cell]
        for n, cell in enumerate(forms, start=1)
    ]
    path = tmp_path / "list.xlsx"
    write_workbook(path, {"Danh mục": [_UNREAD_HEADER, *rows]})
    book = load_workbook(path)
    for row, cells_of in enumerate(book["Danh mục"].iter_rows(min_row=2), start=2):
        for cell in cells_of:
            if isinstance(cell.value, str) and "{row}" in cell.value:
                cell.value = cell.value.format(row=row)
    for reference, value in cells.items():
        book["Danh mục"][reference] = value
    book.save(path)
    found = audit([str(path)], every_row=every_row).findings
    return [(f.rule, f.row, f.column, f.value, f.rows) for f in found]


UNREAD = {
    "a formula's cell is not called empty, an empty one is": (
        [_FORMS, None, '="Tờ khai"'], {}, [("PA301", 3, "forms", None, None)]
    ),
    "an error shown is said": (
        ["#N/A", "Tờ khai"], {}, [("PA301", 2, "forms", "#N/A", None)]
    ),
    "a code's formula is no missing code": (["Tờ khai"], {"B2": "=VLOOKUP(C2,DM!A:B,2,0)"}, []),
    "a code's error is a missing code that says so": (
        ["Tờ khai"], {"B2": "#REF!"}, [("PA102", 2, "code", "#REF!", None)]
    ),
    # The name beside a code left to its formula is still listed twice: its own value.
    "a finding on another cell of the row stays": (
        ["Tờ khai", "Tờ khai"],
        {"B2": "=B3", "C2": "Thủ tục số 2 về chứng thực"},
        [("PA203", 2, "name", "Thủ tục số 2 về chứng thực", None),
         ("PA203", 3, "name", "Thủ tục số 2 về chứng thực", None)],
    ),
    "a column of formulas is no empty column": ([_FORMS] * 25, {}, []),
    "a column of formulas and a few empty cells": (
        [_FORMS] * 22 + [None] * 3, {},
        [("PA301", row, "forms", None, None) for row in (24, 25, 26)],
    ),
    # Not one column finding on 25 empty cells: 22 errors shown (a value's finding) and 3.
    "errors and empty cells are told apart": (
        ["#N/A"] * 22 + [None] * 3, {},
        [("PA301", None, "forms", "#N/A", 22),
         *(("PA301", row, "forms", None, None) for row in (24, 25, 26))],
    ),
}  # fmt: skip


@pytest.mark.parametrize(("forms", "cells", "expected"), UNREAD.values(), ids=UNREAD)
def test_a_cell_excel_shows_a_value_in_is_not_called_empty(
    tmp_path: Path, forms: list[str | None], cells: dict[str, str], expected: list
) -> None:
    assert sorted(_unread_findings(tmp_path, forms, **cells), key=str) == sorted(expected, key=str)


def test_every_row_leaves_out_the_formulas_cells_too(tmp_path: Path) -> None:
    found = _unread_findings(tmp_path, [_FORMS] * 22 + ["#N/A"] * 3, every_row=True)
    assert found == [("PA301", row, "forms", "#N/A", None) for row in (24, 25, 26)]


def test_the_scorecard_counts_a_form_excel_shows_as_a_form(tmp_path: Path) -> None:
    """A formula saved without its value shows a form in Excel: PA301 leaves it alone, and
    the scorecard counts it; an error shown and an empty cell are no form."""
    path = tmp_path / "list.xlsx"
    rows = [
        [n, f"1.{n:06d}", f"Thủ tục số {n}", "Cấp tỉnh", cell]
        for n, cell in enumerate([_FORMS.format(row=2), "#N/A", None, "Tờ khai"], start=1)
    ]
    write_workbook(path, {"Danh mục": [_UNREAD_HEADER, *rows]})
    [report] = audit([str(path)]).files
    assert report.stats is not None
    assert (report.stats.procedures, report.stats.with_forms) == (4, 2)


@pytest.mark.parametrize(
    ("rows", "message", "fix"),
    [
        (1, "The cell shows the Excel error #N/A: ", "Correct the cell's formula, or type its"),
        (25, "Every value of column", "Column 'Mẫu đơn, tờ khai' shows Excel errors (#N/A)"),
    ],
)
def test_an_error_shown_says_so_and_how_to_repair_it(
    tmp_path: Path, rows: int, message: str, fix: str
) -> None:
    body = [[n, f"1.{n:06d}", f"Thủ tục số {n}", "Cấp tỉnh", "#N/A"] for n in range(1, rows + 1)]
    path = write_workbook(tmp_path / "list.xlsx", {"Danh mục": [_UNREAD_HEADER, *body]})
    [finding] = [f for f in audit([str(path)]).findings if f.rule == "PA301"]
    assert finding.message.startswith(message) and "Excel error #N/A" in finding.message
    assert finding.fix.startswith(fix)


def test_a_column_of_errors_says_so_not_that_it_is_empty() -> None:
    found = [
        Finding("PA301", "missing-form", Severity.ERROR, "f.xlsx", "S", row, "forms", None,
                "#N/A", "The cell shows the Excel error #N/A: …", "Correct …")
        for row in range(2, 27)
    ]  # fmt: skip
    table = table_of([{"name": f"Thủ tục số {n}", "forms": None} for n in range(25)], sheet="S")
    [flood] = collapse_floods(found, table.frame, {"forms": "Mẫu đơn"})
    assert flood.rows == 25 and flood.examples == ("#N/A",)
    assert flood.fix.startswith("Column 'Mẫu đơn' shows Excel errors (#N/A): correct its formulas")
