"""A consolidated list grouped by the decisions that published its procedures ("I. Danh mục
TTHC công bố tại Quyết định số 1890/QĐ-UBND ngày 15/8/2025"): each section's decision, and
its date, reach the rows under it until the next section of its rank, as a title's decision
reaches a list's; a heading naming a law, a decree or no decision gives none."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from conftest import sheet_table, write_workbook
from procaudit.engine.audit import audit

HEADER = ["STT", "Mã TTHC", "Tên thủ tục hành chính", "Cấp thực hiện"]
FIRST = ["1", "1.009729", "Thủ tục góp vốn, mua cổ phần", "Cấp tỉnh"]
SECOND = ["2", "1.009731", "Thủ tục thành lập văn phòng điều hành", "Cấp tỉnh"]


def _heading(text: str) -> list[str]:
    return [text, "", "", ""]


def _read(rows: list[list[str]], header: list[str] = HEADER) -> list[tuple[object, object]]:
    frame = sheet_table([header, *rows]).frame
    numbers = frame.get("decision_no", pd.Series([None] * len(frame)))
    dates = frame.get("decision_date", pd.Series([None] * len(frame)))
    return [
        (None if pd.isna(n) else n, None if pd.isna(d) else d)
        for n, d in zip(numbers, dates, strict=True)
    ]


I_1890 = "I. Danh mục TTHC công bố tại Quyết định số 1890/QĐ-UBND ngày 15/8/2025"
II_2210 = "II. Danh mục TTHC công bố tại Quyết định số 2210/QĐ-UBND ngày 03/10/2025"
BY_1890 = ("1890/QĐ-UBND", "15/08/2025")
BY_2210 = ("2210/QĐ-UBND", "03/10/2025")
NONE = (None, None)

CASES = [
    # (the rows, what each procedure row takes)
    ([_heading(I_1890), FIRST, _heading(II_2210), SECOND], [BY_1890, BY_2210]),
    # No date; "QĐ" typed otherwise: the number as typed, for PA402 to read.
    ([_heading("I. TTHC công bố tại Quyết định số 1890/QĐ-UBND"), FIRST], [("1890/QĐ-UBND", None)]),
    (
        [_heading("I. Danh mục TTHC theo QĐ 1890/QD-UBND ngày 15/8/2025"), FIRST],
        [("1890/QD-UBND", "15/08/2025")],
    ),
    ([_heading("I. Danh mục TTHC theo QĐ số 1890/qđ-ubnd"), FIRST], [("1890/qđ-ubnd", None)]),
    (
        [_heading("I. Quyết định số 45/QÐ-UBND ngày 12 tháng 01 năm 2026"), FIRST],
        [("45/QÐ-UBND", "12/01/2026")],
    ),
    ([_heading("I. TTHC cấp tỉnh (Quyết định số 1890/QĐ-UBND, 15/8/2025)"), FIRST], [BY_1890]),
    # The decision after "kèm", "bởi", "thuộc", or the heading itself with a count after it.
    ([_heading("A. TTHC ban hành kèm Quyết định 1890/QĐ-UBND"), FIRST], [("1890/QĐ-UBND", None)]),
    ([_heading("I. TTHC công bố kèm QĐ 1890/QĐ-UBND ngày 15/8/2025"), FIRST], [BY_1890]),
    ([_heading("B. Thủ tục công bố bởi Quyết định 1890/QĐ-UBND"), FIRST], [("1890/QĐ-UBND", None)]),
    (
        [_heading("I. Danh mục TTHC thuộc Quyết định số 1890/QĐ-UBND"), FIRST],
        [("1890/QĐ-UBND", None)],
    ),
    ([_heading("I. Quyết định công bố số 1890/QĐ-UBND ngày 15/8/2025"), FIRST], [BY_1890]),
    ([_heading("I. Quyết định số 1890/QĐ-UBND ngày 15/8/2025 (15 thủ tục)"), FIRST], [BY_1890]),
    # ... but not a law, a legal document's decision, two decisions, or the decision whose
    # procedures the section's replace, amend or abolish.
    ([_heading("A. TTHC ban hành kèm Nghị định 63/2010/NĐ-CP"), FIRST], [NONE]),
    ([_heading("A. TTHC ban hành kèm Quyết định 22/2018/QĐ-TTg"), FIRST], [NONE]),
    ([_heading("A. TTHC kèm Quyết định 1/QĐ-UBND và Quyết định 2/QĐ-UBND"), FIRST], [NONE]),
    ([_heading("I. TTHC thay thế các TTHC ban hành kèm Quyết định 100/QĐ-UBND"), FIRST], [NONE]),
    ([_heading("I. TTHC sửa đổi, bổ sung thuộc Quyết định số 100/QĐ-UBND"), FIRST], [NONE]),
    ([_heading("I. TTHC Quyết định 1890/QĐ-UBND"), FIRST], [NONE]),
    ([_heading("A. Thủ tục thuộc thẩm quyền của UBND tỉnh"), FIRST], [NONE]),
    # A section naming none between two that do: its rows take none.
    (
        [
            _heading(I_1890),
            FIRST,
            _heading("II. Danh mục TTHC chưa công bố"),
            SECOND,
            _heading(II_2210.replace("II.", "III.")),
            FIRST,
        ],
        [BY_1890, NONE, BY_2210],
    ),
    # A law, a decree, a circular, a legal document's decision: no publishing decision.
    ([_heading("I. TTHC theo Nghị định 63/2010/NĐ-CP"), FIRST], [NONE]),
    ([_heading("I. TTHC quy định tại Thông tư 02/2017/TT-VPCP"), FIRST], [NONE]),
    ([_heading("I. TTHC theo Quyết định số 22/2018/QĐ-TTg"), FIRST], [NONE]),
    (
        [_heading(I_1890), FIRST, _heading("II. TTHC theo Nghị định 63/2010/NĐ-CP"), SECOND],
        [BY_1890, NONE],
    ),
    # Two decisions named, or one replaced: which one published the rows is not sure.
    ([_heading("I. TTHC theo QĐ 1/QĐ-UBND và QĐ 2/QĐ-UBND"), FIRST], [NONE]),
    ([_heading("I. TTHC thay thế Quyết định số 100/QĐ-UBND"), FIRST], [NONE]),
    ([_heading("I. TTHC theo QĐ 1890/QĐ-CT.UBND"), FIRST], [NONE]),
    # Fields inside a decision's section keep its decision; the next outer heading ends it.
    (
        [
            _heading(I_1890),
            _heading("1. Lĩnh vực Đầu tư"),
            FIRST,
            _heading("2. Lĩnh vực Bảo hiểm"),
            SECOND,
        ],
        [BY_1890, BY_1890],
    ),
    (
        [_heading("A. TTHC CẤP TỈNH"), _heading(I_1890), FIRST, _heading("B. TTHC CẤP XÃ"), SECOND],
        [BY_1890, NONE],
    ),
    # An unnumbered heading naming procedures ends it: whose part it is, is not sure.
    ([_heading(I_1890), FIRST, _heading("Thủ tục hành chính cấp xã"), SECOND], [BY_1890, NONE]),
]


@pytest.mark.parametrize(("rows", "taken"), CASES)
def test_a_sections_decision_reaches_its_rows(
    rows: list[list[str]], taken: list[tuple[object, object]]
) -> None:
    assert _read(rows) == taken


def test_a_part_of_abolished_procedures_takes_the_abolishing_decision() -> None:
    heading = _heading(
        "II. Thủ tục hành chính bị bãi bỏ theo Quyết định số 512/QĐ-UBND ngày 2/7/2025"
    )
    frame = sheet_table([HEADER, _heading(I_1890), FIRST, heading, SECOND]).frame
    assert list(frame["status"].fillna("-")) == ["-", "Bãi bỏ"]
    assert list(frame["decision_no"]) == ["1890/QĐ-UBND", "512/QĐ-UBND"]
    assert list(frame["decision_date"]) == ["15/08/2025", "02/07/2025"]


def test_a_rows_own_decision_wins_with_its_date() -> None:
    header = [*HEADER, "Quyết định công bố"]
    rows = [
        [*_heading(I_1890), ""],
        [*FIRST, "2210/QĐ-UBND"],  # its own number: not the section's date either
        [*SECOND, ""],
    ]
    assert _read(rows, header) == [("2210/QĐ-UBND", None), BY_1890]


def test_the_title_decision_fills_only_rows_no_section_gives_one() -> None:
    rows = [
        _heading("(Kèm theo Quyết định số 999/QĐ-UBND ngày 01/7/2025)"),
        HEADER,
        _heading("I. TTHC cấp tỉnh"),
        FIRST,
        _heading(II_2210),
        SECOND,
    ]
    frame = sheet_table(rows).frame
    assert list(frame["decision_no"]) == ["999/QĐ-UBND", "2210/QĐ-UBND"]


FINDINGS = [
    # (the sections' heading, the PA40x findings: rule, row, column)
    (I_1890, []),
    (I_1890.replace("15/8/2025", "31/02/2025"), [("PA403", 2, "decision_date")]),
    (I_1890.replace("QĐ-UBND", "QD-UBND"), [("PA402", 2, "decision_no")]),
]


@pytest.mark.parametrize(("heading", "found"), FINDINGS)
def test_a_sections_decision_is_checked_once_at_its_heading(
    tmp_path: Path, heading: str, found: list[tuple[str, int, str]]
) -> None:
    path = write_workbook(
        tmp_path / "list.xlsx", {"DM": [HEADER, _heading(heading), FIRST, SECOND]}
    )
    result = audit([str(path)])
    assert [
        (f.rule, f.row, f.column) for f in result.findings if f.rule in ("PA401", "PA402", "PA403")
    ] == found
    assert not any(s.rule in ("PA401", "PA402", "PA403") for s in result.skipped)
