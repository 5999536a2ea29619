"""A cell naming a decision with its date is split into `decision_no` and `decision_date`
(`io.decisions`); a cell naming several, each with its date, gives each of them, not the
first alone."""

from __future__ import annotations

import pytest

from conftest import sheet_table

HEADER = ["STT", "Mã TTHC", "Tên thủ tục hành chính", "Quyết định công bố"]

CASES = {
    "one decision and its date": (
        "1890/QĐ-UBND ngày 15/8/2025",
        ("1890/QĐ-UBND", "15/08/2025"),
    ),
    "one decision cited in words": (
        "Quyết định số 1890/QĐ-UBND ngày 15 tháng 8 năm 2025 của Chủ tịch UBND tỉnh",
        ("1890/QĐ-UBND", "15/08/2025"),
    ),
    "two decisions, one a line": (
        "Quyết định số 1890/QĐ-UBND ngày 15/8/2025;\nQuyết định số 2231/QĐ-UBND ngày 30/9/2025",
        ("1890/QĐ-UBND; 2231/QĐ-UBND", "15/08/2025; 30/09/2025"),
    ),
    "two decisions after a semicolon": (
        "1890/QĐ-UBND ngày 15/8/2025; 2231/QĐ-UBND, 30/9/2025",
        ("1890/QĐ-UBND; 2231/QĐ-UBND", "15/08/2025; 30/09/2025"),
    ),
    "two numbers without dates": (
        "1890/QĐ-UBND; 2231/QĐ-UBND",
        ("1890/QĐ-UBND; 2231/QĐ-UBND", None),
    ),
    # A number without its symbol keeps the words that say what part of it there is, so
    # PA402 says what it lacks (the issuer, not the document type).
    "a number without its symbol, with QĐ": (
        "QĐ số 123 ngày 12/3/2024",
        ("QĐ số 123", "12/03/2024"),
    ),
    "a number without its symbol, in words": (
        "Quyết định số 1234 ngày 12/3/2024",
        ("Quyết định số 1234", "12/03/2024"),
    ),
    "a bare number and its date": ("1234 ngày 12/3/2024", ("1234", "12/03/2024")),
    "a valid number cited in words": (
        "Quyết định số 1890/QĐ-UBND, 15/8/2025",
        ("1890/QĐ-UBND", "15/08/2025"),
    ),
    # The weekday stays with its date, for PA403 to read both.
    "a bare date after its weekday": (
        "1890/QĐ-UBND, Thứ Sáu 15/8/2025",
        ("1890/QĐ-UBND", "Thứ Sáu 15/8/2025"),
    ),
    "a decision and a line that is none": (
        "1890/QĐ-UBND ngày 15/8/2025;\nsửa đổi ngày 30/9/2025",
        ("1890/QĐ-UBND", "15/08/2025"),
    ),
}


@pytest.mark.parametrize(("cell", "read"), CASES.values(), ids=CASES.keys())
def test_a_decision_cell_is_split(cell: str, read: tuple[str, str | None]) -> None:
    table = sheet_table([HEADER, ["1", "1.001193", "Đăng ký khai sinh", cell]])
    frame = table.frame
    date = frame["decision_date"].iloc[0] if "decision_date" in frame else None
    assert (frame["decision_no"].iloc[0], None if date is None or date != date else date) == read
