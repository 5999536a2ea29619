"""Decision cells saying the decision is not recorded yet ("Đang cập nhật", "Chưa có", "-"):
one finding a row, PA401's on the number's cell, never PA402 and PA403 beside it."""

from __future__ import annotations

import pandas as pd
import pytest

from conftest import findings_of
from procaudit.rules.decision_pending import not_recorded, not_recorded_rows

NOT_RECORDED_CASES = [
    # (case, decision_no, decision_date, the rules' findings as (rule, column))
    ("being updated, both", "Đang cập nhật", "Đang cập nhật", [("PA401", "decision_no")]),
    ("not yet, both", "Chưa có", "Chưa có", [("PA401", "decision_no")]),
    ("the decision being updated", "Đang cập nhật QĐ", "Đang cập nhật", [("PA401", "decision_no")]),
    ("awaiting announcement", "Chờ công bố", "Chờ công bố", [("PA401", "decision_no")]),
    ("dashes", "-", "-", [("PA401", "decision_no")]),
    ("a cross", "x", "x", [("PA401", "decision_no")]),
    ("not yet, date empty", "Chưa có", None, [("PA401", "decision_no")]),
    ("not yet, a date", "Chưa có", "15/08/2025", [("PA401", "decision_no")]),
    ("no number, date not yet", None, "Đang cập nhật", [("PA401", "decision_no")]),
    ("a number, date not yet", "1890/QĐ-UBND", "Đang cập nhật", [("PA403", "decision_date")]),
    ("a wrong number, date not yet", "Quyết định số 4777", "-", [("PA402", "decision_no")]),
    ("not yet, a wrong date", "Chưa có", "31/02/2025",
     [("PA401", "decision_no"), ("PA403", "decision_date")]),
    ("published", "1890/QĐ-UBND", "15/08/2025", []),
    ("a placeholder number stays PA402", "QĐ/0001-BCA", "15/08/2025", [("PA402", "decision_no")]),
]  # fmt: skip


@pytest.mark.parametrize(
    ("case", "number", "day", "expected"),
    NOT_RECORDED_CASES,
    ids=[c[0] for c in NOT_RECORDED_CASES],
)
def test_a_decision_not_recorded_is_one_finding(
    case: str, number: str | None, day: str | None, expected: list[tuple[str, str]]
) -> None:
    rows = [{"name": "Đăng ký khai sinh", "decision_no": number, "decision_date": day}]
    found = sorted(
        (f.rule, f.column) for f in findings_of(rows) if f.rule in ("PA401", "PA402", "PA403")
    )
    assert found == expected


def test_the_finding_says_the_decision_is_not_recorded() -> None:
    rows = [{"name": "A", "decision_no": "Đang cập nhật", "decision_date": "Đang cập nhật"}]
    [finding] = [f for f in findings_of(rows) if f.rule.startswith("PA4")]
    assert "not recorded yet" in finding.message and "'Đang cập nhật'" in finding.message
    assert finding.fix.startswith("Fill in the number and date of the decision")


def test_a_procedure_out_of_force_is_not_asked() -> None:
    rows = [{"name": "A", "decision_no": "Chưa có", "decision_date": "Chưa có", "status": "Bãi bỏ"}]
    assert [f.rule for f in findings_of(rows) if f.rule in ("PA401", "PA402", "PA403")] == []


@pytest.mark.parametrize(
    ("cell", "said"),
    [
        ("Đang cập nhật", True),
        ("ĐANG CẬP NHẬT...", True),
        ("(Chưa có)", True),
        ("Chưa công bố", True),
        ("chưa ban hành quyết định", True),
        ("—", True),
        ("X", True),
        ("N/A", True),
        ("Quyết định số 4777", False),
        ("QĐ/0001-BCA", False),
        ("xx/QĐ-UBND", False),
        ("Xem phụ lục", False),
        ("Đang cập nhật theo Quyết định số 1890/QĐ-UBND của Chủ tịch UBND tỉnh", False),
    ],
)
def test_words_saying_not_recorded(cell: str, said: bool) -> None:
    assert not_recorded(cell) is said


INCOMPLETE_CASES = [
    # (case, the decision cell, the start of PA402's message, its fix)
    ("QĐ and a number", "QĐ số 123", "The decision number 'QĐ số 123' has no issuer",
     "Complete it with the issuer, e.g. 123/QĐ-BTP"),
    ("QĐ, a number and its date", "QĐ số 123 ngày 12/3/2024",
     "The decision number 'QĐ số 123' has no issuer",
     "Complete it with the issuer, e.g. 123/QĐ-BTP"),
    ("in words, with its date", "Quyết định số 4777 ngày 12/3/2024",
     "The decision number 'Quyết định số 4777' has no issuer",
     "Complete it with the issuer, e.g. 4777/QĐ-BTP"),
    ("Số and a number", "Số 1234", "The decision number 'Số 1234' lacks the document type and",
     "Complete it with the type and issuer, e.g. 1234/QĐ-BTP"),
    ("a bare number and its date", "1234 ngày 12/3/2024",
     "The decision number '1234' lacks the document type and issuer",
     "Complete it with the type and issuer, e.g. 1234/QĐ-BTP"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("case", "cell", "message", "fix"), INCOMPLETE_CASES, ids=[c[0] for c in INCOMPLETE_CASES]
)
def test_a_number_without_its_symbol_says_what_it_lacks(
    case: str, cell: str, message: str, fix: str
) -> None:
    # The full form borrows the issuer of the list's valid numbers ("QĐ-BTP"); a valid number
    # with its date is silent.
    rows = [
        {"name": "A", "decision_no": "1890/QĐ-BTP ngày 15/8/2025"},
        {"name": "B", "decision_no": "1891/QĐ-BTP"},
        {"name": "C", "decision_no": cell},
    ]
    [finding] = [f for f in findings_of(rows) if f.rule == "PA402"]
    assert (finding.row, finding.severity) == (4, "error")
    assert finding.message.startswith(message)
    assert finding.fix.startswith(fix)


NOT_RECORDED_ROWS_CASES = [
    # (case, a column's cells, which say the decision is not recorded)
    ("words, numbers and gaps", ["Chưa có", "1890/QĐ-UBND", None, "-", "Chưa có"],
     [True, False, False, True, True]),
    ("no cell says it", ["1890/QĐ-UBND", "15/08/2025"], [False, False]),
    ("every cell missing", [None, None, None], [False, False, False]),
    ("no cells", [], []),
]  # fmt: skip


@pytest.mark.parametrize("dtype", ["str", "object"])
@pytest.mark.parametrize(
    ("case", "cells", "said"), NOT_RECORDED_ROWS_CASES, ids=[c[0] for c in NOT_RECORDED_ROWS_CASES]
)
def test_not_recorded_rows_reads_each_cell(
    case: str, cells: list[str | None], said: list[bool], dtype: str
) -> None:
    # Labelled as a table's rows are after its header: the mask keeps the column's labels.
    values = pd.Series(cells, index=pd.RangeIndex(7, 7 + len(cells)), dtype=dtype)
    found = not_recorded_rows(values)
    assert found.dtype == bool
    assert found.index.equals(values.index)
    assert found.tolist() == said
