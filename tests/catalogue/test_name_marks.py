"""procaudit.catalogue.name_marks: the marks of what changed at the end of a name, and the
names' numbers with a marked name numbered as its bare one."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from procaudit.catalogue.name_marks import unmarked, unmarked_codes
from procaudit.catalogue.text_columns import comparison_keys, text_codes

MARKS = {
    # (name, without its marks)
    "amended": ("Cấp bản sao (Sửa đổi)", "cấp bản sao"),
    "amended and supplemented": ("Cấp bản sao (sửa đổi, bổ sung)", "cấp bản sao"),
    "abbreviated": ("Cấp bản sao (SĐ, BS)", "cấp bản sao"),
    "new": ("Cấp bản sao (mới)", "cấp bản sao"),
    "newly published": ("Cấp bản sao (mới ban hành)", "cấp bản sao"),
    "replaced": ("Cấp bản sao (được thay thế)", "cấp bản sao"),
    "replacing": ("Cấp bản sao (thay thế)", "cấp bản sao"),
    "stars": ("Cấp bản sao **", "cấp bản sao"),
    "a star in brackets": ("Cấp bản sao (*)", "cấp bản sao"),
    "a footnote": ("Cấp bản sao²", "cấp bản sao"),
    "two marks": ("Cấp bản sao (sửa đổi) *", "cấp bản sao"),
    "a level tag stays": ("Cấp bản sao (cấp tỉnh)", "cấp bản sao (cấp tỉnh)"),
    "a tag before a mark": ("Cấp bản sao (cấp xã) (mới)", "cấp bản sao (cấp xã)"),
    "a mark inside stays": ("Cấp (mới) bản sao", "cấp (mới) bản sao"),
    "a word in brackets": ("Cấp phép (bổ sung ngành)", "cấp phép (bổ sung ngành)"),
    "abolished": ("Cấp bản sao (đã bãi bỏ)", "cấp bản sao"),
    "abolished, at the head": ("[BÃI BỎ] Cấp bản sao", "cấp bản sao"),
    "suspended, after a dash": ("Cấp bản sao - Tạm dừng", "cấp bản sao"),
    "amended, then abolished": ("Cấp bản sao (sửa đổi) (bãi bỏ)", "cấp bản sao"),
    "abolished with a tag before": ("Cấp bản sao (cấp xã) (bãi bỏ)", "cấp bản sao (cấp xã)"),
    "part dropped": ("Cấp X (bãi bỏ thành phần hồ sơ)", "cấp x (bãi bỏ thành phần hồ sơ)"),
    "a word of the name stays": ("Cấp phép bãi bỏ hoạt động", "cấp phép bãi bỏ hoạt động"),
}  # fmt: skip


@pytest.mark.parametrize(("name", "bare"), MARKS.values(), ids=MARKS)
def test_marks_at_the_end_of_a_name(name: str, bare: str) -> None:
    [key] = comparison_keys(pd.Series([name], dtype="str")).tolist()
    assert unmarked(key) == bare
    # The kernels let through exactly the names the pattern changes.
    keys = comparison_keys(pd.Series([name, "Đăng ký khai sinh"], dtype="str"))
    codes = text_codes(keys)
    assert (unmarked_codes(keys, codes)[0] != codes[0]) == (bare != key)


def test_a_marked_name_takes_its_bare_names_number() -> None:
    names = ["A", "B (mới)", "A (sửa đổi)", "C *", "C (mới)", None, "B"]
    keys = comparison_keys(pd.Series(names, dtype="str"))
    codes = unmarked_codes(keys, text_codes(keys))
    assert codes[0] == codes[2]  # A, and A marked
    assert codes[1] == codes[6]  # B marked, and B
    assert codes[3] == codes[4] and codes[3] not in codes[[0, 1, 2, 5, 6]]  # C, marked twice
    assert codes[5] == -1


def test_names_without_marks_keep_their_numbers() -> None:
    keys = comparison_keys(pd.Series(["A (cấp tỉnh)", "B", "A"], dtype="str"))
    codes = text_codes(keys)
    assert unmarked_codes(keys, codes) is codes
    assert np.unique(codes).size == 3
