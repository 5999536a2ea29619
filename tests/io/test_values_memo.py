"""A small column's profile, read from what its distinct cells gave, is the profile the
kernels give the column as a whole, whatever the memo holds."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from procaudit.io import value_profile as values
from procaudit.io.grid import NumberText
from procaudit.io.value_profile import profile

COLUMNS = {
    "national codes": ["1.000178", " 1.000494.000.00.00.H29 ", "2.001", "1.00398", None],
    "local codes": ["2018.HT.14", "BHXH.TBHXH.02.", "2020STTTT_PTTT06", "2020.PCCC 012", "ABC"],
    "whole numbers": ["23604", "41432", "2000648", " 7 ", "1890/QĐ-UBND", "   "],
    "names": ["Cấp giấy phép", "Đăng ký khai sinh", "Cấp giấy phép", "", None, "\t"],
    "empty": [None, None],
    "spaces": ["  ", "\u3000", "\n"],
    "repeats": ["1.000178"] * 60 + ["2.000648", "23604"] * 30,
    "guids": ["019d2bfc-a30f-73eb-814a-a16c263c42f5", "{019D2BFA-AE0D-70CB-AD3D-2AF2523E8B9E}"],
    "agencies": ["Sở Tư pháp", "UBND cấp xã", "Cục Thuế", "Bổ sung", "Ban hành quy chế"],
    "cut names": ["Cấp giấy phép…", "Đăng ký khai...", "Cấp lại", " Gia hạn… "],
}


def _column(cells: list[str | None], arrow: bool) -> pd.Series:
    if arrow:
        return pd.Series(cells, dtype="str")
    # A workbook's column holding numbers: objects, numbers kept as NumberText.
    return pd.Series([NumberText(c) if c and c.strip().isdigit() else c for c in cells])


@pytest.mark.parametrize("arrow", [True, False], ids=["arrow text", "objects"])
@pytest.mark.parametrize("name", COLUMNS)
def test_small_profile_is_the_kernels_profile(
    name: str, arrow: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    column = _column(COLUMNS[name], arrow)
    monkeypatch.setattr(values, "SMALL_COLUMN", -1)  # every column through the kernels
    expected = profile(column)
    monkeypatch.setattr(values, "SMALL_COLUMN", 1_000)
    monkeypatch.setattr(values, "_KNOWN", {})
    assert profile(column) == expected  # every cell new
    assert profile(column) == expected  # every cell known
    for cells in COLUMNS.values():  # known from other columns
        profile(_column(cells, arrow))
    assert profile(column) == expected


def test_the_memo_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(values, "_KNOWN", {})
    monkeypatch.setattr(values, "_KNOWN_LIMIT", 5)
    first = pd.Series([f"1.00{i:04d}" for i in range(4)], dtype="str")
    second = pd.Series([f"2.00{i:04d}" for i in range(4)], dtype="str")
    assert profile(first).code == profile(second).code == 1.0
    assert set(values._KNOWN) == set(second)  # the first column's cells forgotten


# Characters that the shapes' patterns tell apart, and some they must not take for theirs:
# other digits and capitals, "đ", spaces inside and around (the cells are trimmed first).
_PIECES = [
    "0",
    "1",
    "2",
    "9",
    "٣",
    "A",
    "Z",
    "Đ",
    "đ",
    "a",
    "É",
    ".",
    "_",
    "-",
    "/",
    " ",
    "\t",
    "\u00a0",
    "f",
    "…",
    "Sở",
    "SỞ",
    "{",
]


# Cells at the edges of the shapes: lengths 3-4 and 32-33 of a local code, a space inside,
# lowercase after a national code's dot, a dotless code's zero, Đ and đ.
EDGES = [
    "1A.", "1A.B", "A1-" + "B" * 29, "A1-" + "B" * 30, "2020.PCCC 012", "2020 .PCCC",
    "1.0001a", "1.00010.a", "1.000100.", "1.000100..", "2000648", "1000648", "20006480",
    "0", "123456789012", "1234567890123", "Đ1.", "đ1.", "1.000178 ", "٣.000178",
    "000.00.15.H44", "000.00.00.G09", "000.00.15.H4", "000.00.15.H44.1",
    "1.000178.H44", "1.00017", "1.0001789", "1.000178.", "1.000178.000.00.00.h29",
    "019d2bfc-a30f-73eb-814a-a16c263c42f5", "019D2BFC-A30F-73EB-814A-A16C263C42F5",
    "{019d2bfc-a30f-73eb-814a-a16c263c42f5}", "019d2bfc-a30f-73eb-814a-a16c263c42f",
    "0123456789abcdef01234567", "0123456789abcdef0123456789abcdef",
    "0123456789ABCDEF0123456789ABCDEF", "Sở Tư pháp", "SỞ TƯ PHÁP", "sở", "Sởi", "Sở,",
    "Sở\xa0Y tế", "Bổ sung", "Ban hành", "Ban quản lý", "Bộ phận một cửa", "Uỷ ban nhân dân",
    "Cấp…", "Cấp...", "Cấp..", "…", "Cấp… ",
]  # fmt: skip


@pytest.mark.parametrize("cell", EDGES)
def test_an_edge_cell_is_shaped_by_python_as_by_the_kernels(cell: str) -> None:
    column = pd.Series([cell] * 3, dtype="str")  # enough cells to profile
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(values, "SMALL_COLUMN", -1)  # through the kernels
        expected = profile(column)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(values, "_KNOWN", {})  # classified in Python
        assert profile(column) == expected


@given(
    st.lists(st.lists(st.sampled_from(_PIECES), max_size=14).map("".join), min_size=1, max_size=8)
)
def test_cells_are_shaped_by_python_as_by_the_kernels(
    cells: list[str],
) -> None:
    column = pd.Series(cells, dtype="str")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(values, "SMALL_COLUMN", -1)  # through the kernels
        expected = profile(column)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(values, "_KNOWN", {})  # every cell classified in Python
        assert profile(column) == expected
