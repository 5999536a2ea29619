"""A level column written as a database's codes (HUYEN, CAP_TINH) is read as the levels they
name, in a column of them only; a level column of which no value names a level is said in a
note."""

from __future__ import annotations

from pathlib import Path

import pytest

from procaudit.engine.audit import audit
from procaudit.io.grid import text_grid
from procaudit.io.read import read_grid
from procaudit.vn.levels import CENTRAL, COMMUNE, DISTRICT, PROVINCE, code_levels

NAMES = ["Cấp giấy phép xây dựng", "Đăng ký khai sinh", "Cấp phép khai thác", "Đăng ký kết hôn"]


@pytest.mark.parametrize(
    ("text", "levels"),
    [
        ("HUYEN", {DISTRICT}),
        ("CAP_HUYEN", {DISTRICT}),
        ("cap_xa", {COMMUNE}),
        ("TINH,XA", {PROVINCE, COMMUNE}),
        ("BO", {CENTRAL}),
        ("TW", {CENTRAL}),
        ("Cap huyen", {DISTRICT}),
        # Not codes: numbers, words, a code among other words.
        ("1", None),
        ("CAP", None),
        ("XA_PHUONG_KHAC", None),
        ("Cấp huyện nghèo", None),
        ("Huyện", None),  # a word: level_ids reads it
        ("District", None),
    ],
)
def test_code_levels(text: str, levels: set[str] | None) -> None:
    assert code_levels(text) == (None if levels is None else frozenset(levels))


def _read(levels: list[str]) -> tuple[list[str], tuple[str, ...]]:
    rows = [["Mã TTHC", "Tên thủ tục", "CAP_THUC_HIEN"]]
    rows += [[f"1.00{n:04d}", NAMES[n % 4], level] for n, level in enumerate(levels, 1)]
    catalogue = read_grid("list.csv", text_grid(None, rows))
    (table,) = catalogue.tables
    return table.frame["level"].tolist(), catalogue.notes


def test_a_column_of_level_codes_is_read_as_the_levels() -> None:
    levels, notes = _read(["HUYEN", "TINH", "XA", "CAP_HUYEN", "BO", "TINH"])
    assert levels == ["Cấp huyện", "TINH", "Cấp xã", "Cấp huyện", "Cấp bộ", "TINH"]
    assert notes == (
        "column 'CAP_THUC_HIEN' holds levels as codes, read as the levels they name "
        "(HUYEN = Cấp huyện, XA = Cấp xã, CAP_HUYEN = Cấp huyện)",
    )


def test_a_few_codes_among_levels_are_read_as_written() -> None:
    written = ["Cấp tỉnh", "Cấp xã", "Cấp tỉnh", "Cấp xã", "XA", "Cấp tỉnh"]
    assert _read(written) == (written, ())


def test_a_level_column_of_numbers_is_not_guessed_but_said() -> None:
    levels, notes = _read(["1", "2", "1", "3"])
    assert levels == ["1", "2", "1", "3"]
    assert len(notes) == 1
    assert notes[0].startswith(
        "column 'CAP_THUC_HIEN' is read as the level, but none of its values names a level "
        "('1', '2', '3', …)"
    )


def test_pa501_reports_the_district_codes(tmp_path: Path) -> None:
    path = tmp_path / "levels.csv"
    lines = ["MA_TTHC,TEN_THU_TUC,CAP_THUC_HIEN"]
    lines += [
        f"1.00{n:04d},{NAMES[n % 4]} số {n},{level}"
        for n, level in enumerate(["HUYEN", "TINH", "XA", "HUYEN", "TINH"], 1)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    found = [(f.rule, f.row) for f in audit([str(path)]).findings if f.rule == "PA501"]
    assert found == [("PA501", 2), ("PA501", 5)]
