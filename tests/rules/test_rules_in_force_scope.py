"""The rules that ask a procedure in force for its form, decision and code (PA301, PA401,
PA403, PA102) leave alone a procedure whose status says it is out of force (PA404 says so)
or suspended/closed (nothing says so: it may open again). Rows in, findings out."""

from __future__ import annotations

from datetime import date

import pytest

from conftest import run_rules
from procaudit.rules.options import RuleOptions

IN_FORCE_RULES = ("PA102", "PA301", "PA401", "PA403", "PA404")

SCOPE_CASES = [
    # (case, status, the rules reporting the row that lacks everything)
    ("in force", "Đang áp dụng", ["PA102", "PA301", "PA401"]),
    ("no status", None, ["PA102", "PA301", "PA401"]),
    ("amended", "Sửa đổi, bổ sung", ["PA102", "PA301", "PA401"]),
    ("newly published: no code asked", "Ban hành mới", ["PA301", "PA401"]),
    ("abolished", "Bãi bỏ", ["PA404"]),
    ("expired", "Hết hiệu lực", ["PA404"]),
    ("annulled", "Hủy bỏ", ["PA404"]),
    ("suspended", "Tạm dừng", []),
    ("no longer applied", "Ngừng áp dụng", []),
    ("not applied", "Không áp dụng", []),
    ("closed in a one-stop system", "Đóng", []),
    ("not abolished: in force", "Không bãi bỏ", ["PA102", "PA301", "PA401"]),
    ("proposed for abolition: in force", "Đề nghị bãi bỏ", ["PA102", "PA301", "PA401"]),
    ("partly abolished: in force", "Bãi bỏ một phần", ["PA102", "PA301", "PA401"]),
    ("replacing one named: new", "Thay thế TTHC số 1.001234", ["PA301", "PA401"]),
    ("replaced by another: out of force", "Đã được thay thế bởi TTHC 1.001235", ["PA404"]),
    ("'Thay thế' alone: in force", "Thay thế", ["PA102", "PA301", "PA401"]),
]


@pytest.mark.parametrize(("case", "status", "rules"), SCOPE_CASES, ids=[c[0] for c in SCOPE_CASES])
def test_in_force_rules_follow_the_status(case: str, status: str | None, rules: list[str]) -> None:
    full = {
        "code": "1.000178",
        "name": "Đăng ký khai sinh",
        "forms": "Tờ khai (Mẫu 01)",
        "decision_no": "1890/QĐ-UBND",
        "decision_date": "15/08/2025",
        "status": "Đang áp dụng",
    }
    lacking = {"name": "Cấp giấy xác nhận X", "status": status}
    found = run_rules([full, lacking], RuleOptions(today=date(2026, 1, 1)))
    assert sorted(f.rule for f in found if f.rule in IN_FORCE_RULES and f.row == 3) == rules


def test_a_missing_date_is_asked_only_of_a_procedure_in_force() -> None:
    rows = [
        {"name": "A", "decision_no": "1/QĐ-UBND", "decision_date": None, "status": "Mở"},
        {"name": "B", "decision_no": "1/QĐ-UBND", "decision_date": None, "status": "Đóng"},
        {"name": "C", "decision_no": "1/QĐ-UBND", "decision_date": None, "status": "Hết hiệu lực"},
    ]
    found = run_rules(rows, RuleOptions(today=date(2026, 1, 1)))
    assert [f.row for f in found if f.rule == "PA403"] == [2]
