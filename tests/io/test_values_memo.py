"""A small column's profile, read from what its distinct cells gave, is the profile the
kernels give the column as a whole, whatever the memo holds."""

from __future__ import annotations

import pandas as pd
import pytest

from procaudit.io import values
from procaudit.io.grid import NumberText
from procaudit.io.values import learn, profile

COLUMNS = {
    "national codes": ["1.000178", " 1.000494.000.00.00.H29 ", "2.001", "1.00398", None],
    "local codes": ["2018.HT.14", "BHXH.TBHXH.02.", "2020STTTT_PTTT06", "2020.PCCC 012", "ABC"],
    "whole numbers": ["23604", "41432", "2000648", " 7 ", "1890/QĐ-UBND", "   "],
    "names": ["Cấp giấy phép", "Đăng ký khai sinh", "Cấp giấy phép", "", None, "\t"],
    "empty": [None, None],
    "spaces": ["  ", "\u3000", "\n"],
    "repeats": ["1.000178"] * 60 + ["2.000648", "23604"] * 30,
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
    learn([_column(cells, arrow) for cells in COLUMNS.values()])  # known from other columns
    assert profile(column) == expected


def test_the_memo_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(values, "_KNOWN", {})
    monkeypatch.setattr(values, "_KNOWN_LIMIT", 5)
    first = pd.Series([f"1.00{i:04d}" for i in range(4)], dtype="str")
    second = pd.Series([f"2.00{i:04d}" for i in range(4)], dtype="str")
    assert profile(first).code == profile(second).code == 1.0
    assert set(values._KNOWN) == set(second)  # the first column's cells forgotten
