"""PA402's 'QD' warning, PA403 invalid-decision-date and PA404 abolished-listed."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from conftest import findings_of, hits_of, run_rules
from procaudit.core.findings import Severity
from procaudit.engine.audit import audit
from procaudit.rules.options import RuleOptions


def test_pa402_qd_for_qđ_is_a_warning_with_the_repair() -> None:
    rows = [{"name": "A", "decision_no": "1890/QD-UBND"}, {"name": "B", "decision_no": "xx/QĐ"}]
    found = {f.row: f for f in findings_of(rows) if f.rule == "PA402"}
    assert found[2].severity is Severity.WARNING
    assert found[2].fix == "Write it as 1890/QĐ-UBND."
    assert found[3].severity is Severity.ERROR


DATE_CASES = [
    # (case, decision_date, the start of the message, or None)
    ("dd/mm/yyyy", "15/08/2025", None),
    ("d/m/yyyy", "5/8/2025", None),
    ("dots", "15.08.2025", None),
    ("ISO", "2025-08-15", None),
    ("in words", "ngày 15 tháng 8 năm 2025", None),
    ("with a midnight time", "15/08/2025 00:00:00", None),
    ("with a time of day", "15/08/2025 10:22", None),
    ("a database's DATETIME", "2025-08-15 00:00:00.000", None),
    ("ISO with its zone", "2025-08-15T08:00:00Z", None),
    ("year first, slashes", "2025/08/15", None),
    ("en-US, the month first", "8/15/2025 12:00:00 AM", None),
    ("vi-VN, the day first", "15/8/2025 10:22:00 SA", None),
    ("AM, but the day first", "15/08/2025 00:00:00 AM", None),
    ("en-US, no such day", "2/30/2025 1:00 PM", "The decision date '2/30/2025 1:00 PM' is not a"),
    ("compact", "20250815", None),
    ("compact, no such month", "20251315", "The decision date '20251315' is not a real"),
    ("mixed separators", "2025-08/15", "'2025-08/15' is not a date"),
    ("two-digit year and a time", "15/8/25 10:00", "The decision date '15/8/25 10:00' has a"),
    ("no such day", "31/02/2025", "The decision date '31/02/2025' is not a real date."),
    ("month 13", "15/13/2025", "The decision date '15/13/2025' is not a real date."),
    ("two-digit year", "15/8/25", "The decision date '15/8/25' has a two-digit year."),
    ("a month, no day", "08/2025", "The decision date '08/2025' gives a month and a year, not"),
    ("a month in words", "tháng 8 năm 2025", "The decision date 'tháng 8 năm 2025' gives a"),
    ("a month and a slash", "Tháng 8/2025", "The decision date 'Tháng 8/2025' gives a month"),
    ("no month 13", "13/2025", "'13/2025' is not a date"),
    ("words", "xem quyết định", "'xem quyết định' is not a date"),
    ("not issued yet", "chưa ban hành", "The publishing decision's date is not recorded yet"),
    ("future", "15/08/2099", "The decision date 15/08/2099 is in the future."),
    ("tomorrow", "24/11/2026", "The decision date 24/11/2026 is in the future."),
    ("today", "23/11/2026", None),
    (
        "an empty date cell formatted as a date",
        "00/01/1900",
        "The decision date '00/01/1900' is not a real date.",
    ),
    ("too early", "01/01/1900", "The decision date 01/01/1900 is before 1945"),
    ("Excel day number", "45884", "The decision date '45884' is a date cell that lost its format"),
    (
        "Excel day number in the future",
        "46500",
        "The decision date '46500' is a date cell that lost its format (Excel's day number for "
        "23/04/2027), and that date is in the future.",
    ),
    # Several decisions' dates in one cell, one a part: each part is checked.
    ("two dates, ';'", "15/08/2025; 20/09/2025", None),
    ("two dates, ','", "15/08/2025, 20/09/2025", None),
    ("two dates, a line each", "15/08/2025\n20/09/2025", None),
    ("two dates, 'và'", "15/8/2025 và 20/9/2025", None),
    ("two dates in words", "ngày 15 tháng 8 năm 2025; ngày 20 tháng 9 năm 2025", None),
    ("two dates, a trailing ';'", "15/08/2025; 20/09/2025;", None),
    ("two dates, one with its time", "15/08/2025 10:22; 2025-09-20", None),
    (
        "two dates, one impossible",
        "15/08/2025; 31/02/2025",
        "The decision date '31/02/2025' is not",
    ),
    ("two dates, one not a date", "15/08/2025; chưa có", "'chưa có' is not a date"),
    ("two dates, one two-digit", "15/08/2025; 20/9/25", "The decision date '20/9/25' has a two"),
    (
        "two dates, one in the future",
        "15/08/2025; 20/09/2099",
        "The decision date 20/09/2099 is in",
    ),
    # A note in brackets after the date: the date before it is the decision's.
    ("a note in brackets", "15/8/2025 (hiệu lực 1/9/2025)", None),
    ("a note in square brackets", "15/08/2025 [bản sao]", None),
    ("a note after an impossible date", "31/02/2025 (ghi chú)", "The decision date '31/02/2025'"),
    ("a note alone", "(xem ghi chú)", "'(xem ghi chú)' is not a date"),
    ("not yet, in brackets", "(chưa có)", "The publishing decision's date is not recorded yet"),
    # No part is a date: the cell is reported whole, not cut at its comma.
    ("a month's name", "Aug 15, 2025", "'Aug 15, 2025' is not a date"),
    # Excel's text mark stored before a date (a CSV export writes it out): said as the mark.
    (
        "an apostrophe before a date",
        "'20/08/2025",
        "The decision date ''20/08/2025' starts with an apostrophe",
    ),
    ("an apostrophe before words", "'chưa có", "''chưa có' is not a date"),
    ("an apostrophe before no real date", "'31/02/2025", "''31/02/2025' is not a date"),
    ("an apostrophe before a future date", "'20/08/2099", "''20/08/2099' is not a date"),
    # A weekday before the date, as offices type a day: the date is read after it.
    ("a weekday in words", "Thứ Sáu, 15/08/2025", None),
    ("a weekday in capitals, the date in words", "THỨ SÁU, NGÀY 15 THÁNG 8 NĂM 2025", None),
    ("a weekday in figures", "Thứ 6 - 15.8.2025", None),
    ("a weekday, short", "T6 15/8/2025", None),
    ("a Sunday", "Chủ nhật, 17/8/2025", None),
    ("a weekday without diacritics", "Thu Sau, 15/08/2025", None),
    ("an English weekday", "Friday, 15/08/2025", None),
    ("a weekday and 'ngày'", "Thứ Hai, ngày 06/10/2025", None),
    (
        "another weekday",
        "Thứ Hai, 15/8/2025",
        "The decision date 'Thứ Hai, 15/8/2025' names another weekday: 15/08/2025 is a Thứ Sáu.",
    ),
    ("a weekday before no real date", "Thứ Sáu, 31/02/2025", "The decision date 'Thứ Sáu, 31/"),
    ("a weekday alone", "Thứ Sáu", "'Thứ Sáu' is not a date"),
    ("'Thu' before a number is no weekday", "Thu 25/8/2025", "'Thu 25/8/2025' is not a date"),
]


@pytest.mark.parametrize(("case", "value", "message"), DATE_CASES, ids=[c[0] for c in DATE_CASES])
def test_pa403_invalid_decision_date(case: str, value: str, message: str | None) -> None:
    rows = [{"name": "A", "decision_no": "1890/QĐ-UBND", "decision_date": value}]
    options = RuleOptions(today=date(2026, 11, 23))
    found = [f for f in run_rules(rows, options) if f.rule == "PA403"]
    assert [f.message.startswith(message) for f in found] == ([True] if message else [])
    assert all((f.row, f.column) == (2, "decision_date") for f in found)


def test_pa403_fixes_a_day_number_and_a_two_digit_year() -> None:
    rows = [
        {"name": "A", "decision_no": "1/QĐ-UBND", "decision_date": "45884"},
        {"name": "B", "decision_no": "1/QĐ-UBND", "decision_date": "15/8/25"},
    ]
    fixes = [f.fix for f in findings_of(rows) if f.rule == "PA403"]
    assert fixes == [
        "Format the cell as a date, or write 15/08/2025.",
        "Write the year in full: 15/08/2025.",
    ]


def test_pa403_an_apostrophe_before_a_date_is_repaired_to_the_date() -> None:
    rows = [{"name": "A", "decision_no": "1/QĐ-UBND", "decision_date": "'20/08/2025"}]
    assert [f.fix for f in findings_of(rows) if f.rule == "PA403"] == [
        "Write the date as 20/08/2025."
    ]


SEVERITY_CASES = [
    # (case, decision_date, PA403's severity, or None for no finding)
    ("a good date behind an apostrophe: it reads", "'20/08/2025", Severity.WARNING),
    ("a day number", "45884", Severity.ERROR),
    ("words behind an apostrophe", "'chưa có", Severity.ERROR),
    ("no real date behind an apostrophe", "'31/02/2025", Severity.ERROR),
    ("a future date behind an apostrophe", "'20/08/2099", Severity.ERROR),
    ("a two-digit year behind an apostrophe", "'15/8/25", Severity.ERROR),
    ("two apostrophes", "''20/08/2025", Severity.ERROR),
    ("one of two dates behind an apostrophe", "15/08/2025; '20/09/2025", Severity.WARNING),
    ("a good date", "20/08/2025", None),
    ("a date after its weekday", "Thứ Sáu, 15/08/2025", None),
    ("a date after another weekday: which is the typo?", "Thứ Hai, 15/08/2025", Severity.WARNING),
]


@pytest.mark.parametrize(
    ("case", "value", "severity"), SEVERITY_CASES, ids=[c[0] for c in SEVERITY_CASES]
)
def test_pa403_severity(case: str, value: str, severity: Severity | None) -> None:
    rows = [{"name": "A", "decision_no": "1890/QĐ-UBND", "decision_date": value}]
    options = RuleOptions(today=date(2026, 11, 23))
    found = [f.severity for f in run_rules(rows, options) if f.rule == "PA403"]
    assert found == ([severity] if severity else [])


def test_pa403_apostrophes_are_warnings_beside_errors_of_other_rows() -> None:
    rows = [
        {"name": "A", "decision_no": "1/QĐ-UBND", "decision_date": "'20/08/2025"},
        {"name": "B", "decision_no": "1/QĐ-UBND", "decision_date": "31/02/2025"},
        {"name": "C", "decision_no": "1/QĐ-UBND", "decision_date": "'20/08/2025"},
        {"name": "D", "decision_no": "1/QĐ-UBND", "decision_date": None},
    ]
    found = sorted((f.row, f.severity) for f in findings_of(rows) if f.rule == "PA403")
    assert found == [
        (2, Severity.WARNING),
        (3, Severity.ERROR),
        (4, Severity.WARNING),
        (5, Severity.ERROR),
    ]


def test_pa403_missing_date_only_beside_a_decision_number() -> None:
    rows = [
        {"name": "A", "decision_no": "1890/QĐ-UBND", "decision_date": None},
        {"name": "B", "decision_no": None, "decision_date": None},  # PA401 says it all
        {"name": "C", "decision_no": "1890/QĐ-UBND", "decision_date": "15/08/2025"},
        {"name": "D", "decision_no": "QĐ/0001-UBND", "decision_date": None},  # PA402's
        {"name": "E", "decision_no": "1890/QD-UBND", "decision_date": None},
    ]
    assert hits_of("PA403", rows) == [(2, "decision_date"), (6, "decision_date")]


ABOLISHED_CASES = [
    # (case, statuses, rows reported)
    ("in force with one abolished", ["Còn hiệu lực", "Bãi bỏ", "Còn hiệu lực"], [3]),
    ("abolished, other words", ["Đang áp dụng", "Hết hiệu lực", "Đã bị bãi bỏ"], [3, 4]),
    ("old tone placement, caps", ["Còn hiệu lực", "BÃI BỎ"], [3]),
    ("a table of abolitions only", ["Bãi bỏ", "Bãi bỏ"], []),
    ("amended is in force", ["Sửa đổi, bổ sung", "Ban hành mới"], []),
    ("not abolished", ["Còn hiệu lực", "Không bãi bỏ"], []),
    ("only proposed", ["Còn hiệu lực", "Đề nghị bãi bỏ", "Dự kiến bãi bỏ"], []),
    ("partly abolished", ["Còn hiệu lực", "Bãi bỏ một phần"], []),
    ("amended, one document dropped", ["Còn hiệu lực", "Sửa đổi (bãi bỏ thành phần hồ sơ)"], []),
    ("annulled", ["Đang áp dụng", "Hủy bỏ", "Đã hủy"], [3, 4]),
    ("suspended or closed is no abolition", ["Mở", "Tạm dừng", "Ngừng áp dụng", "Đóng"], []),
]


@pytest.mark.parametrize(
    ("case", "statuses", "rows"), ABOLISHED_CASES, ids=[c[0] for c in ABOLISHED_CASES]
)
def test_pa404_abolished_listed(case: str, statuses: list[str], rows: list[int]) -> None:
    table = [{"name": f"Thủ tục {i}", "status": s} for i, s in enumerate(statuses)]
    assert hits_of("PA404", table) == [(row, "status") for row in rows]


def test_pa403_reads_a_day_number_of_a_workbook_counting_from_1904(tmp_path: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.utils.datetime import CALENDAR_MAC_1904

    workbook = Workbook()
    workbook.epoch = CALENDAR_MAC_1904
    sheet = workbook.active
    sheet.append(["Tên thủ tục", "Số quyết định", "Ngày công bố"])
    sheet.append(["Đăng ký khai sinh", "1890/QĐ-UBND", datetime(2025, 8, 15)])  # a date cell
    sheet.append(["Đăng ký kết hôn", "1890/QĐ-UBND", 44422])  # General: 15/08/2025 from 1904
    sheet["C2"].number_format = "dd/mm/yyyy"
    workbook.save(tmp_path / "mac.xlsx")
    options = RuleOptions(today=date(2026, 11, 23))
    found = audit([str(tmp_path / "mac.xlsx")], rule_options=options).findings
    assert [(f.row, f.message) for f in found if f.rule == "PA403"] == [
        (
            3,
            "The decision date '44422' is a date cell that lost its format (Excel's day "
            "number for 15/08/2025).",
        )
    ]


CONFIGURED_CASES = [
    # (case, the units the rows are configured for, severity of each finding, its message)
    ("a one-stop system's units", ["UBND xã Tân Lập", "UBND xã Hà Thạch", "UBND phường Âu Cơ"],
     "warning", "The status cell says 'Hết hiệu lực', yet the unit's list in the one-stop"),
    ("one agency: a list in force", ["Sở Tư pháp"] * 3,
     "error", "The status cell says 'Hết hiệu lực', yet the procedure is in the list in force."),
]  # fmt: skip


@pytest.mark.parametrize(
    ("case", "units", "severity", "message"), CONFIGURED_CASES, ids=[c[0] for c in CONFIGURED_CASES]
)
def test_pa404_in_a_one_stop_configuration_is_a_warning_naming_the_status_cell(
    case: str, units: list[str], severity: str, message: str
) -> None:
    # Each unit's list one after another, as a one-stop system exports its configuration.
    names = ["Đăng ký khai sinh", "Đăng ký kết hôn", "Đăng ký khai tử", "Chứng thực bản sao"]
    rows = [
        {"agency": unit, "code": f"1.00000{i}", "name": name,
         "status": "Hết hiệu lực" if i == 1 else "Đang hoạt động"}
        for unit in units
        for i, name in enumerate(names)
    ]  # fmt: skip
    found = [f for f in findings_of(rows, sheet="S") if f.rule == "PA404"]
    assert [f.row for f in found] == [3 + 4 * n for n in range(len(units))]
    assert {(f.severity, f.column) for f in found} == {(severity, "status")}
    assert all(f.message.startswith(message) for f in found)
    if severity == "warning":
        assert found[0].fix.startswith("Delete the procedure from the unit's configuration")
