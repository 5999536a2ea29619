"""A list going on over sheets is one list to PA201-PA204 (`engine.lists_over_sheets`): rows
on two sheets are compared as rows of one sheet, and a message names the other sheet; PA205
leaves them to those rules."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from conftest import SAMPLES, write_workbook
from procaudit.core.findings import FileFailure, Finding
from procaudit.engine import audit as engine
from procaudit.engine import lists_over_sheets
from procaudit.engine.audit import AuditPlan, active_rules, audit_batches, audit_source
from procaudit.engine.lists_over_sheets import COMPARED_OVER_SHEETS
from procaudit.engine.schema import load_schema
from procaudit.io import read_catalogue
from procaudit.rules.context import RuleContext

HEADER = ["STT", "Mã TTHC", "Tên thủ tục hành chính", "Cấp thực hiện"]
BIRTH, DEATH, MARRIAGE = "Đăng ký khai sinh", "Đăng ký khai tử", "Đăng ký kết hôn"
BUILD, CERTIFY = "Cấp giấy phép xây dựng", "Chứng thực bản sao từ bản chính"
X = "Cấp xã"
FIRST = [HEADER, [1, "1.000001", BIRTH, X], [2, "1.000002", DEATH, X]]


def _codes(first: int, count: int) -> list[list[object]]:
    return [[n, f"1.{n:06d}", f"Thủ tục số {n} về hộ tịch", X] for n in range(first, first + count)]


def _local_codes(first: int, count: int) -> list[list[object]]:
    return [
        [n, f"2019.TP.CX.{n:03d}", f"Thủ tục số {n} về hộ tịch", X]
        for n in range(first, first + count)
    ]


def _first(*rows: list[object]) -> list[list[object]]:
    return [HEADER, *rows]


def _findings(tmp_path: Path, sheets: dict[str, list[list[object]]]) -> list[Finding]:
    path = write_workbook(tmp_path / "list.xlsx", sheets)
    plan = AuditPlan()
    audited = audit_source(
        str(path), plan, load_schema(), active_rules(plan.options, plan.selection)
    )
    assert not isinstance(audited, FileFailure)
    return audited[0]


_COMPARING = ("PA201", "PA202", "PA203", "PA204", "PA205")


def _compared(findings: list[Finding]) -> list[tuple[str, str | None, int | None]]:
    return sorted((f.rule, f.sheet, f.row) for f in findings if f.rule in _COMPARING)


@pytest.mark.parametrize(
    ("sheets", "found"),
    [
        # One code given to two procedures, one on each sheet.
        (
            {
                "Trang 1": FIRST,
                "Trang 2": [[3, "1.000001", BUILD, X], [4, "1.000004", CERTIFY, X]],
            },
            [("PA202", "Trang 1", 2), ("PA202", "Trang 2", 1)],
        ),
        # One name at one level under two codes, one on each sheet.
        (
            {
                "Trang 1": FIRST,
                "Trang 2": [[3, "1.000009", BIRTH, X], [4, "1.000004", CERTIFY, X]],
            },
            [("PA203", "Trang 1", 2), ("PA203", "Trang 2", 1)],
        ),
        # One code, its name written with a slip on the next sheet: PA204's, not PA202's.
        (
            {
                "Trang 1": FIRST,
                "Trang 2": [[3, "1.000001", "Đăng kí khai sinh", X], [4, "1.000004", CERTIFY, X]],
            },
            [("PA204", "Trang 1", 2), ("PA204", "Trang 2", 1)],
        ),
        # A procedure copied from one sheet to the next: the same entry twice (PA201).
        (
            {
                "Trang 1": FIRST,
                "Trang 2": [[3, "1.000001", BIRTH, X], [4, "1.000004", CERTIFY, X]],
            },
            [("PA201", "Trang 1", 2), ("PA201", "Trang 2", 1)],
        ),
        # The same name at two levels: two procedures, on whichever sheet.
        (
            {
                "Trang 1": FIRST,
                "Trang 2": [[3, "1.000009", BIRTH, "Cấp tỉnh"], [4, "1.000004", CERTIFY, X]],
            },
            [],
        ),
        # A conflict on the second sheet alone is found as before.
        (
            {
                "Trang 1": FIRST,
                "Trang 2": [[3, "1.000005", BUILD, X], [4, "1.000005", CERTIFY, X]],
            },
            [("PA202", "Trang 2", 1), ("PA202", "Trang 2", 2)],
        ),
        # A third sheet goes on with the second: its rows are compared with the first's.
        (
            {
                "Trang 1": FIRST,
                "Trang 2": [[3, "1.000003", MARRIAGE, X], [4, "1.000004", CERTIFY, X]],
                "Trang 3": [[5, "1.000002", BUILD, X], [6, "1.000006", "Đăng ký giám hộ", X]],
            },
            [("PA202", "Trang 1", 3), ("PA202", "Trang 3", 1)],
        ),
        # A sheet per unit, the later ones without a header (and not named after their
        # unit): the same list again, no copies.
        (
            {"1": [HEADER, *_codes(1, 4)], "2": _codes(1, 4), "3": _codes(1, 4)},
            [],
        ),
        # Two lists, each under its own header: a sheet per field is not compared so; a
        # copy in both is PA205's.
        (
            {
                "Hộ tịch": FIRST,
                "Xây dựng": _first([1, "1.000001", BUILD, X], [2, "1.000004", CERTIFY, X]),
            },
            [],
        ),
        (
            {
                "Hộ tịch": FIRST,
                "Xây dựng": _first([1, "1.000001", BIRTH, X], [2, "1.000004", CERTIFY, X]),
            },
            [("PA205", "Hộ tịch", 2), ("PA205", "Xây dựng", 2)],
        ),
    ],
)  # fmt: skip
def test_rows_of_a_list_over_sheets_are_compared(
    tmp_path: Path,
    sheets: dict[str, list[list[object]]],
    found: list[tuple[str, str, int]],
) -> None:
    assert _compared(_findings(tmp_path, sheets)) == found


def test_a_message_names_the_other_sheet_of_a_row(tmp_path: Path) -> None:
    sheets = {
        "Trang 1": _first([1, "1.000001", BIRTH, X], [2, "1.000007", DEATH, X]),
        "Trang 2": [[3, "1.000001", BUILD, X], [4, "1.000007", CERTIFY, X]],
    }
    messages = {
        (f.sheet, f.row): f.message for f in _findings(tmp_path, sheets) if f.rule == "PA202"
    }
    assert "on row 1 of sheet 'Trang 2'" in messages[("Trang 1", 2)]
    assert "on row 2 of sheet 'Trang 1'" in messages[("Trang 2", 1)]


def _split(source: Path, target: Path, at: int) -> Path:
    """The workbook's list sheet cut after its row `at`: the rows below on a second sheet,
    without the header, as a list printed over two sheets is."""
    book = openpyxl.load_workbook(source)
    sheet = book.worksheets[0]
    rows = [list(row) for row in sheet.iter_rows(min_row=at + 1, values_only=True)]
    sheet.delete_rows(at + 1, sheet.max_row - at)
    second = book.create_sheet("Trang 2")
    for row in rows:
        second.append(row)
    book.save(target)
    return target


def test_the_sample_split_over_two_sheets_finds_what_it_finds_on_one(tmp_path: Path) -> None:
    """The sample cut in two: every rule finds on its two sheets what it finds on one, the
    duplicates' rules included (the rows, as the user numbers them, aside)."""
    whole = tmp_path / "whole.xlsx"
    whole.write_bytes((SAMPLES / "catalogue-lao-cai.xlsx").read_bytes())
    split = _split(whole, tmp_path / "split.xlsx", 60)  # rows 23-134 hold its pairs
    assert [t.continues for t in read_catalogue(str(split)).tables] == [False, True]
    plan = AuditPlan()
    rules = active_rules(plan.options, plan.selection)

    def found(path: Path) -> list[tuple[str, str, str, str]]:
        audited = audit_source(str(path), plan, load_schema(), rules)
        assert not isinstance(audited, FileFailure)
        return sorted((f.rule, f.severity, str(f.column), str(f.value)) for f in audited[0])

    on_one = found(whole)
    assert sum(rule in _COMPARING for rule, *_ in on_one) == 10  # 4 PA201, 2 PA202, 4 PA203
    assert found(split) == on_one


def _found(path: Path) -> list[tuple[str, str, str, str]]:
    plan = AuditPlan()
    audited = audit_source(
        str(path), plan, load_schema(), active_rules(plan.options, plan.selection)
    )
    assert not isinstance(audited, FileFailure)
    return sorted((f.rule, f.severity, str(f.column), str(f.value)) for f in audited[0])


@pytest.mark.parametrize("at", [2, 27, 88, 150])
def test_the_sample_cut_anywhere_finds_what_it_finds_on_one(tmp_path: Path, at: int) -> None:
    """Cut after its first row, around its level mismatch (row 26), its abolished procedure
    (row 88), before its last row."""
    whole = tmp_path / "whole.xlsx"
    whole.write_bytes((SAMPLES / "catalogue-lao-cai.xlsx").read_bytes())
    split = _split(whole, tmp_path / "split.xlsx", at)
    assert [t.continues for t in read_catalogue(str(split)).tables] == [False, True]
    assert _found(split) == _found(whole)


def test_abolished_procedures_alone_on_a_list_last_sheet_are_in_the_list(tmp_path: Path) -> None:
    """PA404: a table of abolished procedures only is an annex; the abolished procedures at
    the end of a list in force, cut onto a sheet of their own, are not."""
    book = openpyxl.load_workbook(SAMPLES / "catalogue-lao-cai.xlsx")
    sheet = book.worksheets[0]
    header, *rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    status = header.index("Tình trạng")
    rows.sort(key=lambda row: row[status] == "Bãi bỏ")  # the abolished one last
    last = write_workbook(tmp_path / "last.xlsx", {"Danh mục": [header, *rows]})
    split = write_workbook(
        tmp_path / "split.xlsx", {"Danh mục": [header, *rows[:-1]], "Trang 2": rows[-1:]}
    )
    abolished = [("PA404", "error", "status", "Bãi bỏ")]
    assert [f for f in _found(last) if f[0] == "PA404"] == abolished
    assert _found(split) == _found(last)


def _unit_rows(units: list[str], first: int = 1) -> list[list[object]]:
    return [
        [n, f"1.{n:06d}", f"Thủ tục số {n} về chứng thực (cấp xã)", unit]
        for n, unit in enumerate((unit for unit in units for _ in range(4)), start=first)
    ]


def test_a_list_per_unit_whose_last_unit_is_alone_on_a_sheet_is_still_per_unit(
    tmp_path: Path,
) -> None:
    """PA502: a list stacked per unit names its unit in the agency column, not the office
    doing the procedure; its last unit alone on a sheet is no list of one agency."""
    agency = ["STT", "Mã TTHC", "Tên thủ tục hành chính", "Cơ quan thực hiện"]
    rows = _unit_rows(["UBND xã Thanh Ba", "UBND xã Hạ Hòa", "UBND xã Lâm Thao", "Sở Tư pháp"])
    whole = write_workbook(tmp_path / "whole.xlsx", {"DS": [agency, *rows]})
    split = write_workbook(tmp_path / "split.xlsx", {"DS": [agency, *rows[:12]], "2": rows[12:]})
    assert [f for f in _found(whole) if f[0] == "PA502"] == []
    assert _found(split) == _found(whole)


def test_a_status_in_the_names_of_one_sheet_only(tmp_path: Path) -> None:
    """The reader's flag of a status marked in a name, on one sheet of the list only."""
    rows = [[n, f"1.{n:06d}", f"Thủ tục số {n} về hộ tịch", X] for n in range(1, 9)]
    rows[6][2] = "Cấp giấy phép X (đã bãi bỏ)"
    sheets = {"Trang 1": [HEADER, *rows[:4]], "Trang 2": rows[4:]}
    [found] = [f for f in _findings(tmp_path, sheets) if f.rule == "PA404"]
    assert (found.sheet, found.row, found.column) == ("Trang 2", 3, "name")


@pytest.mark.parametrize(("together_rows", "floods"), [(50_000, [None]), (10, ["A", "B"])])
def test_a_column_failing_over_a_list_sheets_is_one_finding(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, together_rows: int, floods: list[str | None]
) -> None:
    """A code column of local codes on both sheets of a list is one finding naming both
    sheets' rows, as on one sheet; a list too large for that says so sheet by sheet."""
    monkeypatch.setattr(lists_over_sheets, "TOGETHER_ROWS", together_rows)
    sheets = {"A": [HEADER, *_local_codes(1, 25)], "B": _local_codes(26, 25)}
    flagged = [f for f in _findings(tmp_path, sheets) if f.rule == "PA101"]
    assert [f.sheet for f in flagged] == floods
    assert sum(f.rows or 0 for f in flagged) == 50
    if floods == [None]:
        assert "sheet 'A' rows 2-26; sheet 'B' rows 1-25" in flagged[0].message


def test_a_list_over_sheets_stacked_with_others_finds_what_it_finds_alone(tmp_path: Path) -> None:
    """Small tables of a batch of files are stacked (`engine.stacked`): a list's sheets
    stacked with other files' tables are still compared together, as alone."""
    whole = tmp_path / "whole.xlsx"
    whole.write_bytes((SAMPLES / "catalogue-lao-cai.xlsx").read_bytes())
    split = _split(whole, tmp_path / "split.xlsx", 60)
    again = tmp_path / "again.xlsx"
    again.write_bytes(split.read_bytes())
    sources = [str(split), str(whole), str(again)]
    plan = AuditPlan()
    schema, rules = load_schema(), active_rules(plan.options, plan.selection)
    alone = [audit_source(source, plan, schema, rules) for source in sources]
    batched = list(audit_batches(sources, plan, schema, rules))
    assert repr(batched) == repr(alone)
    assert any(f.rule == "PA202" and f.sheet == "Trang 2" for f in batched[0][0])  # type: ignore[index]


def test_a_merged_cell_of_a_list_over_sheets_fails_once_at_the_cell(tmp_path: Path) -> None:
    agency = ["STT", "Mã TTHC", "Tên thủ tục hành chính", "Cơ quan thực hiện"]
    first = [[n, f"1.00{n:04d}", f"Thủ tục số {n}", None] for n in range(1, 7)]
    first[0][3] = "UBND huyện Tam Nông"
    second = [[n, f"1.00{n:04d}", f"Thủ tục số {n}", "Sở Tư pháp"] for n in range(7, 12)]
    path = write_workbook(
        tmp_path / "list.xlsx", {"A": [agency, *first], "B": second}, merged={"A": ["D2:D7"]}
    )
    plan = AuditPlan()
    audited = audit_source(
        str(path), plan, load_schema(), active_rules(plan.options, plan.selection)
    )
    assert not isinstance(audited, FileFailure)
    [district] = [f for f in audited[0] if f.rule == "PA501"]
    assert (district.sheet, district.row) == ("A", 2)
    assert district.message.startswith("Cell D2, merged over rows 2-7")


def test_the_sheets_of_a_list_do_not_build_the_duplicates_work_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A large table's rules' shared work is built ahead on a worker thread; for a sheet of a
    list over sheets, not that of the duplicates' rules, which ran on the list."""
    monkeypatch.setattr(engine, "PREFETCH_ROWS", 1)
    asked: list[tuple[str, int]] = []
    real = RuleContext.prefetch_for

    def prefetch_for(self: RuleContext, rule_id: str, build: object) -> None:
        asked.append((rule_id, len(self.frame)))
        real(self, rule_id, build)  # type: ignore[arg-type]

    monkeypatch.setattr(RuleContext, "prefetch_for", prefetch_for)
    sheets = {"Trang 1": FIRST, "Trang 2": [[3, "1.000003", MARRIAGE, X], [4, "1.0004", BUILD, X]]}
    _findings(tmp_path, sheets)
    assert asked  # other rules' work is built ahead
    assert not [rule for rule, _ in asked if rule in COMPARED_OVER_SHEETS]
