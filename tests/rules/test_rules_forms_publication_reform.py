"""PA301 missing-form, PA401 unpublished, PA402 invalid-decision, PA501 district-level."""

from __future__ import annotations

import pytest

from conftest import findings_of, hits_of

FORM_CASES = [
    ("form named", "Tờ khai đăng ký khai sinh (Mẫu TP/HT-2020-KS.1)", False),
    ("file name", "mau-01-gpxd.docx", False),
    ("explicit Không", "Không", False),
    ("explicit Không có", "Không có", False),
    ("empty", None, True),
    ("blanks", "   ", True),
    ("a dash", "-", True),
    ("an ellipsis", "…", True),
    ("three dots", "...", True),
    ("being updated", "Đang cập nhật", True),
    ("being updated, dots", "Đang cập nhật...", True),
    ("not yet", "Chưa có", True),
    ("no form yet", "Chưa có mẫu", True),
    ("the portal's placeholder", "Không có thông tin", True),
    ("N/A", "N/A", True),
    ("a formula's empty cell", "0", True),
    ("explicit Không quy định", "Không quy định", False),
    ("explicit KHÔNG, caps", "KHÔNG", False),
    ("a tick", "x", False),
    ("a form that begins like a placeholder", "Chưa có mẫu thì dùng Tờ khai mẫu 01", False),
]


@pytest.mark.parametrize(("case", "forms", "flagged"), FORM_CASES, ids=[c[0] for c in FORM_CASES])
def test_pa301_missing_form(case: str, forms: str | None, flagged: bool) -> None:
    rows = [{"name": "Đăng ký khai sinh", "forms": forms}]
    assert hits_of("PA301", rows) == ([(2, "forms")] if flagged else [])


DECISION_CASES = [
    # (case, decision_no, PA401, PA402)
    ("province decision", "1890/QĐ-UBND", False, False),
    ("normative decision with year", "12/2025/QĐ-UBND", False, False),
    ("issuer with unit", "885/QĐ-BCA-C06", False, False),
    ("number with letter", "1075a/QĐ-NHNN", False, False),
    ("number and date in one cell", "1890/QĐ-UBND ngày 15/8/2025", False, False),
    ("missing", None, True, False),
    ("placeholder", "QĐ/0001-BCA", False, True),
    ("not yet: no number either", "chưa có", True, False),
    ("xx for the number", "xx/QĐ-UBND", False, True),
    ("QD without Đ", "1890/QD-UBND", False, True),
    ("number only", "1681", False, True),
    ("zero number", "0/QĐ-UBND", False, True),
]


@pytest.mark.parametrize(
    ("case", "number", "unpublished", "invalid"), DECISION_CASES, ids=[c[0] for c in DECISION_CASES]
)
def test_pa401_pa402_decisions(
    case: str, number: str | None, unpublished: bool, invalid: bool
) -> None:
    rows = [{"name": "Đăng ký khai sinh", "decision_no": number}]
    assert hits_of("PA401", rows) == ([(2, "decision_no")] if unpublished else [])
    assert hits_of("PA402", rows) == ([(2, "decision_no")] if invalid else [])


@pytest.mark.parametrize(
    ("number", "message", "fix"),
    [
        ("1890/QD-UBND", "writes 'QD' for 'QĐ'", "Write it as 1890/QĐ-UBND."),
        ("SỐ 64/QĐ-NHNN", "has words around it", "Write it as 64/QĐ-NHNN."),
        ("2267./QĐ-BXD", "is not written in the standard form", "Write it as 2267/QĐ-BXD."),
        ("QĐ2338-BTP", "is not written in the standard form", "Write it as 2338/QĐ-BTP."),
        ("QĐ/0001-BCA", "is a placeholder", "Replace it with the number of the decision"),
        ("Xem phụ lục", "is not a decision number", "Replace it with the number of the decision"),
        ("1681", "lacks the document type and issuer", "Complete it with the type and issuer"),
    ],
)
def test_pa402_explains_and_suggests_repair(number: str, message: str, fix: str) -> None:
    [finding] = [
        f for f in findings_of([{"name": "A", "decision_no": number}]) if f.rule == "PA402"
    ]
    assert message in finding.message
    assert finding.fix.startswith(fix)


LEVEL_CASES = [
    ("province", "Cấp tỉnh", False),
    ("commune", "Cấp xã", False),
    ("several", "Cấp bộ, Cấp tỉnh, Cấp xã", False),
    ("district", "Cấp huyện", True),
    ("district, lower case", "cấp huyện", True),
    ("district among others", "Cấp tỉnh, Cấp huyện", True),
    ("district first, newline", "Cấp huyện\nCấp xã", True),
    ("bare word", "Huyện", True),
    ("poor district is not a level", "Cấp xã thuộc huyện nghèo", False),
]


@pytest.mark.parametrize(("case", "level", "flagged"), LEVEL_CASES, ids=[c[0] for c in LEVEL_CASES])
def test_pa501_district_level(case: str, level: str, flagged: bool) -> None:
    rows = [{"name": "Đăng ký khai sinh", "level": level}]
    assert hits_of("PA501", rows) == ([(2, "level")] if flagged else [])


def test_pa501_fix_keeps_the_other_levels() -> None:
    [finding] = [
        f for f in findings_of([{"name": "A", "level": "Cấp tỉnh, Cấp huyện"}]) if f.rule == "PA501"
    ]
    assert "leaving 'Cấp tỉnh'" in finding.fix
