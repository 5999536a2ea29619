"""`plan_repairs` on the Lào Cai sample: the changes `procaudit fix` makes, at the cells and
rows `procaudit check` reports, and none of the repaired defects left after them (issue 18)."""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

import pytest

from conftest import SAMPLES, write_workbook
from procaudit.core.changes import CellChange
from procaudit.engine.audit import audit
from procaudit.engine.repairs import plan_repairs
from procaudit.rules.selection import RuleSelection

XLSX = str(SAMPLES / "catalogue-lao-cai.xlsx")
CSV = str(SAMPLES / "catalogue-lao-cai.csv")
SAFE = {"PA601": 1, "PA602": 1, "PA603": 1, "PA402": 1}
SHEET = "Danh mục TTHC"


def _by_rule(changes: tuple[CellChange, ...]) -> Counter[str]:
    return Counter(rule for change in changes for rule in change.rules)


@pytest.mark.parametrize("path", [XLSX, CSV])
def test_safe_repairs_of_the_sample(path: str) -> None:
    plan = plan_repairs(path)
    assert _by_rule(plan.changes) == SAFE
    assert all(change.safe for change in plan.changes)
    sheet = SHEET if path == XLSX else None
    pairs = {(c.sheet, c.row, c.cell, c.before, c.after) for c in plan.changes}
    assert (sheet, 14, "C14", "§¨ng ký chÊm døt gi¸m hé", "Đăng ký chấm dứt giám hộ") in pairs
    assert (sheet, 29, "L29", "1890/QD-UBND", "1890/QĐ-UBND") in pairs
    assert (sheet, 68, "C68", "ĐĂNG KÝ  GIÁM HỘ.", "ĐĂNG KÝ GIÁM HỘ.") in pairs


@pytest.mark.parametrize("path", [XLSX, CSV])
def test_unsafe_repairs_need_asking_for(path: str) -> None:
    plan = plan_repairs(path, unsafe=True)
    assert _by_rule(plan.changes) == {**SAFE, "PA101": 4}
    codes = {(c.row, c.before, c.after) for c in plan.changes if c.rules == ("PA101",)}
    assert codes == {
        (37, "1.00123", "1.001230"),  # a number cell's lost zero (text in the CSV)
        (86, "01.001234", "1.001234"),
        (108, "1,001234", "1.001234"),
        (117, "1.0O1234", "1.001234"),
    }
    assert not any(c.safe for c in plan.changes if "PA101" in c.rules)
    # Sorted by sheet, row, column.
    assert [c.row for c in plan.changes] == sorted(c.row for c in plan.changes)


def test_the_changes_are_at_the_rows_check_reports() -> None:
    plan = plan_repairs(XLSX, unsafe=True)
    reported = {(f.rule, f.row) for f in audit([XLSX]).findings}
    planned = {(rule, c.row) for c in plan.changes for rule in c.rules}
    assert planned <= reported


def test_select_and_ignore() -> None:
    only_text = plan_repairs(XLSX, selection=RuleSelection(select=("PA6",)), unsafe=True)
    assert _by_rule(only_text.changes) == {"PA601": 1, "PA602": 1, "PA603": 1}
    ignored = plan_repairs(XLSX, selection=RuleSelection(ignore=("PA603", "PA4")))
    assert _by_rule(ignored.changes) == {"PA601": 1, "PA602": 1}
    assert plan_repairs(XLSX, selection=RuleSelection(select=("PA2",))).changes == ()


def _records(path: str) -> tuple[list[list[str]], dict[int, int]]:
    """The CSV's records, and the record starting on each line (a record's row)."""
    with open(path, encoding="utf-8-sig", newline="") as source:
        reader = csv.reader(source)
        records, starts, line = [], {}, 1
        for record in reader:
            starts[line] = len(records)
            records.append(record)
            line = reader.line_num + 1
    return records, starts


def _applied(path: str, changes: tuple[CellChange, ...], target: Path) -> Path:
    """A copy of the CSV `path` with the changes made, value by value (io/patch.py writes
    the real copies)."""
    records, starts = _records(path)
    for change in changes:
        record = records[starts[change.row]]
        assert record[change.column] == change.before
        record[change.column] = change.after
    with open(target, "w", encoding="utf-8", newline="") as copy:
        csv.writer(copy, lineterminator="\n").writerows(records)
    return target


def _round_trip(path: str, tmp_path: Path) -> None:
    """The plan's changes made, the repaired defects are gone, the plan of the copy is empty,
    and the findings of the records no change touched stay. (A blank line removed inside a
    cell moves the lines of the records under it: records are compared, not lines.)"""
    plan = plan_repairs(path, unsafe=True)
    fixed = str(_applied(path, plan.changes, tmp_path / "fixed.csv"))
    assert plan_repairs(fixed, unsafe=True).changes == ()  # idempotent
    record_before, record_after = _records(path)[1], _records(fixed)[1]
    # A cell is known by its record and its header (`Finding.header` names the file's own).
    # (A cell that keeps its line breaks is repaired but for them: PA603 still finds them.)
    repaired = {
        (rule, record_before[c.row], c.header)
        for c in plan.changes
        for rule in c.rules
        if "\n" not in c.after or rule != "PA603"
    }
    touched = {record_before[c.row] for c in plan.changes}
    before = {
        (f.rule, record_before[f.row], f.column)
        for f in audit([path], every_row=True).findings
        if f.row is not None
    }
    after = {
        (f.rule, record_after[f.row], f.column, f.header)
        for f in audit([fixed], every_row=True).findings
        if f.row is not None
    }
    assert not {(rule, record, header) for rule, record, _, header in after} & repaired
    assert {f for f in before if f[1] not in touched} <= {f[:3] for f in after}


def test_the_repaired_defects_are_gone_and_nothing_else_moves(tmp_path: Path) -> None:
    _round_trip(CSV, tmp_path)


def test_on_the_portal_export(real_data: Path, tmp_path: Path) -> None:
    path = str(real_data / "national-portal-2026" / "procedure-details.csv")
    plan = plan_repairs(path)
    # Two names wrapped with a space before the break would be joined: a CSV keeps its lines,
    # and the space is taken out line by line.
    # The legal basis is prose, whose whitespace PA603 leaves alone (475 cells of it).
    assert _by_rule(plan.changes) == {"PA603": 65, "PA602": 100, "PA402": 35}
    assert ("C3213", "thẩm\nquyền") in {(c.cell, c.after[58:68]) for c in plan.changes}
    pairs = {(c.cell, c.before, c.after) for c in plan.changes}
    assert ("D3814", "QĐ2338-BTP", "2338/QĐ-BTP") in pairs
    _round_trip(path, tmp_path)


@pytest.mark.parametrize(
    ("column", "cell", "planned", "held"),
    [
        # a doubled space inside one line: repaired
        ("forms", "Đăng ký  kết hôn", "Đăng ký kết hôn", False),
        ("forms", "Tờ khai\n\nGiấy tờ", None, True),  # a blank line inside the cell: it stays
        ("forms", "Tờ khai \nGiấy tờ", "Tờ khai\nGiấy tờ", False),  # the break stays anyway
        # the rest of a cell whose line breaks stay is repaired, line by line
        ("forms", "Tờ khai\n\nGiấy  tờ ", "Tờ khai\n\nGiấy tờ", True),
        ("name", "Cấp giấy phép\r\nxây  dựng", "Cấp giấy phép\r\nxây dựng", True),
        ("name", "Cấp giấy phép \nxây dựng", "Cấp giấy phép\nxây dựng", True),
        ("name", "Cấp giấy phép\nxây dựng", None, True),  # nothing else to repair
        ("name", "Cấp giấy phép\nxa\u0302y dựng", "Cấp giấy phép\nxây dựng", True),  # NFC
    ],
)
def test_a_csv_keeps_the_line_breaks_inside_its_cells(
    tmp_path: Path, column: str, cell: str, planned: str | None, held: bool
) -> None:
    path = tmp_path / "lines.csv"
    with open(path, "w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["Mã thủ tục", "Tên thủ tục", "Mẫu đơn, tờ khai"])
        name, forms = (cell, "Tờ khai") if column == "name" else ("Cấp giấy phép", cell)
        writer.writerow(["1.000001", name, forms])
        writer.writerow(["1.000002", "Đăng ký khai sinh", "Tờ khai"])
    plan = plan_repairs(str(path))
    assert [c.after for c in plan.changes if c.row == 2] == ([planned] if planned else [])
    assert bool(plan.skipped) == held
    assert all(c.after.count("\n") == c.before.count("\n") for c in plan.changes)


def test_a_column_of_number_codes_is_written_as_text(tmp_path: Path) -> None:
    rows: list[list[object]] = [["Mã TTHC", "Tên thủ tục"]]
    rows += [[round(1.001 + n / 1e6, 6), f"Thủ tục số {n}"] for n in range(1, 26) if n % 10]
    rows.append([1.00415, "Thủ tục có mã mất chữ số 0"])
    path = str(write_workbook(tmp_path / "codes.xlsx", {"S": rows}))
    safe = plan_repairs(path)
    # Every digit is the number's: the cell becomes text, safely, without --unsafe-fixes.
    assert len(safe.changes) == 23 and all(c.safe and c.before == c.after for c in safe.changes)
    unsafe = plan_repairs(path, unsafe=True)
    assert (25, "1.00415", "1.004150", False) in {
        (c.row, c.before, c.after, c.safe) for c in unsafe.changes
    }
    assert plan_repairs(path, selection=RuleSelection(ignore=("PA101",))).changes == ()


def test_a_procedure_repeated_on_its_document_rows_is_repaired_on_each(tmp_path: Path) -> None:
    # One row per document of the dossier: the reader reads the procedure once; its repair
    # went to its first row alone, and a second fix found the rows under it no longer alike.
    name = "Đăng  ký khai sinh "
    rows: list[list[object]] = [
        ["STT", "Mã TTHC", "Tên thủ tục", "Mẫu đơn, tờ khai"],
        [1, "1.000001", name, "Tờ khai 1"],
        [1, "1.000001", name, "Tờ khai 2"],
        [1, "1.000001", name, "Tờ khai 3"],
        [2, "1.000002", "Cấp  phép", "Đơn"],
    ]
    path = str(write_workbook(tmp_path / "documents.xlsx", {"S": rows}))
    found = audit([path])
    assert [f.row for f in found.findings if f.rule == "PA603"] == [2, 5]  # read once
    changes = plan_repairs(path).changes
    assert [(c.row, c.before, c.after) for c in changes if c.column == 2] == [
        (2, name, "Đăng ký khai sinh"),
        (3, name, "Đăng ký khai sinh"),
        (4, name, "Đăng ký khai sinh"),
        (5, "Cấp  phép", "Cấp phép"),
    ]


def _tcvn3(text: str) -> str:
    from procaudit.vn.legacy_fonts import encode

    return encode(text, "TCVN3")


HEADER = ["STT", "Mã TTHC", "Tên thủ tục", "Cấp thực hiện", "Ghi chú thêm"]


@pytest.mark.parametrize(
    ("header", "changed"),
    [
        # A sheet typed in .VnTime: its header too, each cell converted, mapped or not.
        (
            [_tcvn3(h) for h in HEADER],
            {1: "Mã TTHC", 2: "Tên thủ tục", 3: "Cấp thực hiện", 4: "Ghi chú thêm"},
        ),
        # A Unicode header, or one in ASCII, is left as it is.
        (HEADER, {}),
        (["STT", "Ma TTHC", "Ten thu tuc", "Cap thuc hien", "Ghi chu them"], {}),
        # A word the font does not read as Vietnamese is no certain conversion.
        ([*HEADER[:4], "Müller"], {}),
    ],
)
def test_header_cells_typed_in_a_legacy_font_are_converted(
    tmp_path: Path, header: list[str], changed: dict[int, str]
) -> None:
    rows: list[list[object]] = [header]
    rows += [[1, "1.000001", _tcvn3("Đăng ký khai sinh"), _tcvn3("Cấp xã"), None]]
    rows += [[2, "1.000002", _tcvn3("Đăng ký kết hôn"), _tcvn3("Cấp xã"), None]]
    path = str(write_workbook(tmp_path / "vntime.xlsx", {"S": rows}))
    plan = plan_repairs(path)
    headers = {c.column: c.after for c in plan.changes if c.row == 1}
    assert headers == changed
    assert all(c.rules == ("PA601",) and c.safe for c in plan.changes if c.row == 1)
    # The data cells are converted as before.
    data = {(c.row, c.column) for c in plan.changes if c.row > 1}
    assert data == {(2, 2), (2, 3), (3, 2), (3, 3)}
    ignored = plan_repairs(path, selection=RuleSelection(ignore=("PA601",)))
    assert not [c for c in ignored.changes if c.row == 1]
