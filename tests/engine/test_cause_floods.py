"""Cells failing a safely repaired check the same way say so once per column
(`engine.cause_floods`); a few, one value, a cause of each cell's own, or a rule whose fix
is no mechanical repair keep their findings."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from conftest import write_workbook
from procaudit.core.findings import Finding
from procaudit.core.i18n import speaking
from procaudit.engine.audit import audit

HEADER = ["STT", "Mã TTHC", "Tên thủ tục hành chính", "Cơ quan thực hiện"]
NAMES = [
    "Đăng ký khai sinh",
    "Đăng ký kết hôn",
    "Đăng ký khai tử",
    "Cấp bản sao trích lục hộ tịch",
    "Công nhận hòa giải viên",
    "Chứng thực chữ ký",
    "Đăng ký giám hộ",
    "Cấp giấy phép xây dựng",
]


def _rows(names: list[str], agencies: list[str] | None = None) -> list[list[object]]:
    agencies = agencies or ["UBND cấp xã"] * len(names)
    return [
        [n + 1, f"1.{n + 1:06d}", name, agency]
        for n, (name, agency) in enumerate(zip(names, agencies, strict=True))
    ]


def _nfd(count: int) -> list[str]:
    """Names whose marks are stored decomposed: one mark in the first, two in the second…"""
    return [unicodedata.normalize("NFD", name) for name in NAMES[:count]]


def _shape(findings: list[Finding], rule: str) -> tuple[int, int]:
    """(findings for many rows, row findings) of `rule`."""
    found = [f for f in findings if f.rule == rule]
    many = sum(1 for f in found if f.row is None)
    return many, len(found) - many


def _audit(tmp_path: Path, rows: list[list[object]], every_row: bool = False) -> list[Finding]:
    path = write_workbook(tmp_path / "bo.xlsx", {"Danh sách": [HEADER, *rows]})
    return audit([str(path)], every_row=every_row).findings


@pytest.mark.parametrize(
    ("names", "agencies", "rule", "shape"),
    [
        pytest.param(
            [f"{name} " for name in NAMES[:6]], None, "PA603", (1, 0), id="6 trailing spaces"
        ),
        pytest.param(
            [f"{name} " for name in NAMES[:4]] + NAMES[4:6],
            None,
            "PA603",
            (0, 4),
            id="4 trailing spaces: listed",
        ),
        pytest.param(
            [f"{name} " for name in NAMES[:3]] + [n.replace(" ", "  ", 1) for n in NAMES[3:6]],
            None,
            "PA603",
            (0, 6),
            id="two causes, 3 cells each: listed",
        ),
        pytest.param(
            [f"{name} " for name in NAMES[:5]] + [f"{NAMES[5]}  x "],
            None,
            "PA603",
            (1, 1),
            id="5 of one cause, 1 of two",
        ),
        pytest.param(
            NAMES[:6],
            [f"\nSở số {n}" for n in range(6)],
            "PA603",
            (1, 0),
            id="agencies after a line break",
        ),
        pytest.param(_nfd(7), None, "PA602", (1, 0), id="not NFC, a count of marks each"),
        pytest.param(
            [f"{name} &#40;x&#41;" for name in NAMES[:6]],
            None,
            "PA604",
            (1, 0),
            id="HTML entities",
        ),
        pytest.param(
            [f"{name}\n(áp dụng cho cá nhân)" for name in NAMES[:6]],
            None,
            "PA603",
            (0, 6),
            id="names whose line break may be meant: fix leaves them, listed",
        ),
        pytest.param(
            [f"{name}\n(áp dụng cho cá nhân)" for name in NAMES[:3]]
            + [name.replace(" ", "\n", 1) for name in NAMES[3:8]],
            None,
            "PA603",
            (1, 3),
            id="5 wrapped names grouped, 3 meant breaks listed",
        ),
        pytest.param(
            NAMES[:6],
            [f"UBND huyện {letter}" for letter in "ABCDEF"],
            "PA501",
            (0, 6),
            id="no mechanical repair: listed",
        ),
    ],
)
def test_cells_failing_one_way(
    tmp_path: Path, names: list[str], agencies: list[str] | None, rule: str, shape: tuple[int, int]
) -> None:
    # Clean rows after them: no column flood (nearly every value failing) takes them first.
    filler = NAMES * 3
    agencies = (agencies or ["UBND cấp xã"] * len(names)) + ["UBND cấp xã"] * len(filler)
    assert _shape(_audit(tmp_path, _rows(names + filler, agencies)), rule) == shape


def test_one_value_repeated_stays_the_value_floods(tmp_path: Path) -> None:
    """One value on six rows is quoted: its one repair is the finding's fix."""
    rows = _rows([f"{NAMES[0]} "] * 6 + NAMES[1:] * 3)
    [found] = [f for f in _audit(tmp_path, rows) if f.rule == "PA603"]
    assert found.message.startswith(f"'{NAMES[0]} ' fails this check on 6 rows")


def test_a_value_floods_quote_shows_its_line_breaks(tmp_path: Path) -> None:
    """The line breaks are PA603's defect: a sentence quoting the value shows them."""
    rows = _rows(NAMES[:6] + NAMES * 3, ["\nSở Tư pháp\n\n"] * 6 + ["UBND cấp xã"] * 24)
    [found] = [f for f in _audit(tmp_path, rows) if f.rule == "PA603"]
    assert found.message.startswith("'↵Sở Tư pháp↵↵' fails this check on 6 rows (rows 2-7)")
    assert found.value == "\nSở Tư pháp\n\n"


@pytest.mark.parametrize(
    ("agency", "quoted"),
    [
        ("UBND\xa0cấp xã", "'UBND\\xa0cấp xã'"),  # else it reads the same as its fix
        ("UBND cấp xã\t", "'UBND cấp xã\\t'"),
        ("\u200bUBND cấp xã", "'\\u200bUBND cấp xã'"),
    ],
)
def test_a_value_floods_quote_shows_its_unseen_characters(
    tmp_path: Path, agency: str, quoted: str
) -> None:
    rows = _rows(NAMES[:6] + NAMES * 3, [agency] * 6 + ["UBND cấp xã"] * 24)
    [found] = [f for f in _audit(tmp_path, rows) if f.rule == "PA603"]
    assert found.message.startswith(f"{quoted} fails this check on 6 rows (rows 2-7)")
    assert found.value == agency


def test_the_finding_names_the_cause_rows_and_an_example(tmp_path: Path) -> None:
    rows = _rows([f"{name} " for name in NAMES[:6]] + NAMES * 3)
    [found] = [f for f in _audit(tmp_path, rows) if f.rule == "PA603"]
    assert (found.sheet, found.row, found.column, found.rows) == ("Danh sách", None, "name", 6)
    assert found.message == (
        "6 cells of column 'Tên thủ tục hành chính' fail this check the same way (rows 2-7): "
        "The cell has a trailing space."
    )
    assert found.fix.startswith(
        f"Repair each of these cells the same way; row 2, for instance: Write it as "
        f"'{NAMES[0]}'. procaudit fix repairs them all"
    )
    assert found.examples == tuple(f"{name}" for name in NAMES[:3])
    assert found.value is None and found.code is None


def test_vietnamese(tmp_path: Path) -> None:
    rows = _rows([f"{name} " for name in NAMES[:6]] + NAMES * 3)
    with speaking("vi"):
        [found] = [f for f in _audit(tmp_path, rows) if f.rule == "PA603"]
    assert found.message.startswith(
        "6 ô của cột 'Tên thủ tục hành chính' mắc cùng một lỗi (các dòng 2-7): Ô có"
    )
    assert found.fix.startswith("Sửa từng ô này theo cùng một cách; ví dụ dòng 2: Sửa thành")


def test_every_row_keeps_the_row_findings(tmp_path: Path) -> None:
    rows = _rows([f"{name} " for name in NAMES[:6]] + NAMES * 3)
    assert _shape(_audit(tmp_path, rows, every_row=True), "PA603") == (0, 6)
