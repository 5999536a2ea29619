"""vn.online: the online level a cell says, and the old scale it is written on."""

from __future__ import annotations

import pytest

from procaudit.vn.online import (
    FULL,
    NOT_ONLINE,
    PARTLY,
    abbreviated_level,
    level_number,
    old_degree,
    online_level,
    other_number,
)

LEVEL_CASES = [
    # (value, level read, old degree written)
    ("Toàn trình", FULL, None),
    ("TOÀN TRÌNH ", FULL, None),
    ("DVC trực tuyến toàn trình", FULL, None),
    ("DVCTT toàn trình", FULL, None),
    ("Trực tuyến toàn trình", FULL, None),
    ("Toàn trình (mức độ 4)", FULL, None),  # the new value, glossed with the old one
    ("Toàn trình (mức 4)", FULL, None),
    ("Mức độ 4 (toàn trình)", FULL, None),
    ("Một phần", PARTLY, None),
    ("DVC trực tuyến một phần", PARTLY, None),
    ("Một phần (nộp trực tuyến)", PARTLY, None),
    ("Một phần (Mức độ 3)", PARTLY, None),
    ("Chưa toàn trình", PARTLY, None),
    ("DVC cung cấp thông tin", NOT_ONLINE, None),
    ("Dịch vụ công cung cấp thông tin", NOT_ONLINE, None),
    ("Dịch vụ cung cấp thông tin trực tuyến", NOT_ONLINE, None),
    ("Cung cấp thông tin", NOT_ONLINE, None),
    ("Mức độ 2 (cung cấp thông tin)", NOT_ONLINE, None),
    ("Trực tiếp", NOT_ONLINE, None),
    ("Nộp trực tiếp", NOT_ONLINE, None),
    ("Không", NOT_ONLINE, None),
    ("Chưa cung cấp", NOT_ONLINE, None),
    ("TTHC không đủ điều kiện cung cấp DVCTT", NOT_ONLINE, None),
    ("-", NOT_ONLINE, None),
    ("Mức độ 4", FULL, "4"),
    ("DVCTT mức độ 4", FULL, "4"),
    ("Mức độ: 3", PARTLY, "3"),
    ("Mức 2", NOT_ONLINE, "2"),
    ("Mức độ 1", NOT_ONLINE, "1"),
    ("Level 4", FULL, "4"),
    ("4", FULL, None),  # a bare number: `level_number`'s, not written on the scale
    ("3", PARTLY, None),
    ("2", NOT_ONLINE, None),
    # Typed without diacritics, or a database's names for them.
    ("Toan trinh", FULL, None),
    ("TOAN_TRINH", FULL, None),
    ("mot_phan", PARTLY, None),
    ("DVC cung cap thong tin", NOT_ONLINE, None),
    ("Chua toan trinh", PARTLY, None),
    ("Muc do 4", FULL, "4"),
    ("MUC_DO_3", PARTLY, "3"),
    ("Truc tiep", NOT_ONLINE, None),
    ("Khong", NOT_ONLINE, None),
    ("Mục 4", None, None),  # an item's number, with its marks: no old level
    ("Co", None, None),
    # They say there is a service, or may mean several things: not read.
    ("Có", None, None),
    ("x", None, None),
    ("Trực tuyến", None, None),
    ("Trực tiếp; Trực tuyến", None, None),
    ("TT", None, None),
    ("MP", None, None),
    ("12", None, None),
    ("Mức độ 5", None, None),
]


@pytest.mark.parametrize(("value", "level", "degree"), LEVEL_CASES, ids=[c[0] for c in LEVEL_CASES])
def test_online_level(value: str, level: str | None, degree: str | None) -> None:
    assert (online_level(value), old_degree(value)) == (level, degree)


NUMBER_CASES = [
    # (value, old level, count or share)
    ("4", "4", False),
    (" 1 ", "1", False),
    ("0", None, True),
    ("12", None, True),
    ("40,88", None, True),
    ("75%", None, True),
    ("Mức độ 4", None, False),
    ("4a", None, False),
]


@pytest.mark.parametrize(
    ("value", "level", "count"), NUMBER_CASES, ids=[c[0] for c in NUMBER_CASES]
)
def test_numbers(value: str, level: str | None, count: bool) -> None:
    assert (level_number(value), other_number(value)) == (level, count)


@pytest.mark.parametrize(
    ("value", "level"),
    [("TT", FULL), ("t.t", FULL), (" MP ", PARTLY), ("M.P.", PARTLY), ("TTr", None), ("Có", None)],
)
def test_abbreviated_level(value: str, level: str | None) -> None:
    assert abbreviated_level(value) == level
