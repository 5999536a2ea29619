"""PA101 invalid-code, PA102 missing-code, PA103 missing-name: rows in, findings out."""

from __future__ import annotations

import pytest

from conftest import findings_of, hits_of

CODE_CASES = [
    # (case, code, PA101 expected)
    ("national code", "1.000178", False),
    ("leading digit 2", "2.001263", False),
    ("local code, full suffix", "1.000494.000.00.00.H29", False),
    ("local code, short suffix", "1.012753.H19", False),
    ("five digits", "1.00123", True),
    ("seven digits", "1.0012345", True),
    ("comma for dot", "1,001234", True),
    ("leading zero", "01.001234", True),
    ("letter O for zero", "1.0O1234", True),
    ("trailing space", "1.001234 ", True),
    ("bad suffix", "1.001234.H2", True),
    ("words", "chưa có mã", True),
]


@pytest.mark.parametrize(("case", "code", "flagged"), CODE_CASES, ids=[c[0] for c in CODE_CASES])
def test_pa101_invalid_code(case: str, code: str, flagged: bool) -> None:
    rows = [{"code": code, "name": "Đăng ký khai sinh"}]
    assert hits_of("PA101", rows) == ([(2, "code")] if flagged else [])


@pytest.mark.parametrize(
    ("code", "message", "fix"),
    [
        ("1,001234", "uses a comma where the dot belongs", "Write the code as 1.001234."),
        ("01.001234", "has a leading zero", "Write the code as 1.001234."),
        ("1.0O1234", "has a letter where a digit belongs", "Write the code as 1.001234."),
        ("1.00123", "has 5 digits after the dot", "Copy the procedure's code from"),
        (" 1.001234", "has spaces around it", "Write the code as 1.001234."),
    ],
)
def test_pa101_explains_and_suggests_repair(code: str, message: str, fix: str) -> None:
    [finding] = [f for f in findings_of([{"code": code, "name": "X"}]) if f.rule == "PA101"]
    assert message in finding.message
    assert finding.fix.startswith(fix)
    assert finding.value == code


def test_pa102_missing_code() -> None:
    rows = [
        {"code": "1.000178", "name": "A"},
        {"code": None, "name": "B"},
        {"code": "   ", "name": "C"},
    ]
    assert hits_of("PA102", rows) == [(3, "code"), (4, "code")]
    assert hits_of("PA101", rows) == []  # a missing code is not also an invalid one


def test_pa103_missing_name() -> None:
    rows = [
        {"code": "1.000178", "name": "Đăng ký khai sinh"},
        {"code": "1.000179", "name": None},
        {"code": "1.000180", "name": " \t"},
    ]
    assert hits_of("PA103", rows) == [(3, "name"), (4, "name")]


def test_findings_carry_location_code_and_severity() -> None:
    [finding] = [
        f for f in findings_of([{"code": "1,001234", "name": "A"}], sheet="DM") if f.rule == "PA101"
    ]
    assert (finding.file, finding.sheet, finding.row, finding.column) == ("t.xlsx", "DM", 2, "code")
    assert (finding.name, finding.severity, finding.code) == ("invalid-code", "error", "1,001234")
