"""Reporters against golden files. Set PROCAUDIT_UPDATE_GOLDEN=1 to rewrite them after a
deliberate change, and review the diff."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from procaudit import __version__
from procaudit.model import (
    AuditResult,
    FileFailure,
    FileReport,
    Finding,
    Severity,
    SkippedRule,
)
from procaudit.reporters import Format, ReportOptions, reporter_for

GOLDEN = Path(__file__).parent / "golden"


def _finding(rule: str, name: str, severity: Severity, file: str, sheet: str | None,
             row: int | None, column: str | None, code: str | None, value: str | None,
             message: str, fix: str) -> Finding:
    return Finding(rule, name, severity, file, sheet, row, column, code, value, message, fix)


RESULT = AuditResult(
    files=(
        FileReport("lao-cai.xlsx", ("Cấp tỉnh", "Cấp xã"), 120, {"Tên thủ tục": "name"}, ("STT",),
                   (("Ghi chú", "empty"),)),
        FileReport("ha-tinh.csv", None, 3),
    ),
    findings=(
        _finding("PA101", "invalid-code", Severity.ERROR, "ha-tinh.csv", None, 4, "code",
                 "1,001234", "1,001234", "The code '1,001234' uses a comma where the dot belongs.",
                 "Write the code as 1.001234."),
        _finding("PA102", "missing-code", Severity.WARNING, "lao-cai.xlsx", "Cấp tỉnh", 7, "code",
                 None, None, "The procedure has no code.", "Fill in the code."),
        *(
            _finding("PA501", "district-level", Severity.ERROR, "lao-cai.xlsx", "Cấp xã", row,
                     "level", f"1.00000{row}", "Cấp huyện",
                     "The district level (Cấp huyện) ended on 1 July 2025.", "Set Cấp xã.")
            for row in (3, 5, 8)
        ),
    ),
    skipped=(
        SkippedRule("PA301", "ha-tinh.csv", "the file has no forms ('Mẫu đơn, tờ khai') column"),
    ),
    failures=(FileFailure("broken.xlsx", "broken.xlsx: is not a readable Excel workbook"),),
)


def render(fmt: Format, **options: object) -> str:
    out = io.StringIO()
    reporter_for(fmt, ReportOptions(width=100, **options)).render(RESULT, out)
    return out.getvalue().replace(__version__, "VERSION")


@pytest.mark.parametrize(
    ("fmt", "options", "golden"),
    [
        (Format.JSON, {}, "report.json"),
        (Format.RICH, {}, "report.txt"),
        (Format.RICH, {"max_per_rule": 2}, "report-cut.txt"),
    ],
)
def test_report_matches_golden_file(fmt: Format, options: dict, golden: str) -> None:
    text = render(fmt, **options)
    path = GOLDEN / golden
    if os.environ.get("PROCAUDIT_UPDATE_GOLDEN"):
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8")
