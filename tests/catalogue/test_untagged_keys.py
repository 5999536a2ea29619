"""The column form of the untagged name key (kernels, Python only for names that may carry a
level tag) equals `levels.untagged_key`, always."""

from __future__ import annotations

import unicodedata

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from procaudit.catalogue.name_tags import untagged_keys
from procaudit.vn.levels import untagged_key

TAGGED = [
    "Đăng ký khai sinh (thực hiện tại cấp xã)",
    "Đăng ký khai sinh (thực hiện ở Cấp Tỉnh).",
    "Cấp giấy phép (CẤP BỘ)",
    "Cấp giấy phép (cấp tỉnh",
    "Cấp giấy phép (\ncấp\txã)",
    "Cấp giấy phép (trừ vùng an toàn dịch bệnh cấp tỉnh và cấp huyện, cấp xã nghèo)",
    unicodedata.normalize("NFD", "Đăng ký khai sinh (thực hiện tại cấp xã)"),
    unicodedata.normalize("NFD", "Chứng thực (Cấp Xã)"),
    "Chứng thực (ca\u0302\u0301p xã)",
    "Chứng thực (cấp xã) (cấp tỉnh)",
    "Chứng thực (cấp)",
    "Chứng thực cấp xã",
    "(cấp xã)",
    "Hoà giải   viên.",
    "İstanbul (cấp xã)",
    "Đăng ký khai tử - cấp huyện",
    "Đăng ký khai tử – Cấp Xã.",
    "Đăng ký lại kết hôn [cấp huyện]",
    "Cấp bản sao (thuc hien tai cap huyen)",
    "Chứng thực chữ ký thuộc thẩm quyền của UBND cấp huyện",
    "Cấp giấy phép - cấp lại",
    # An English list's tags
    "Birth registration (district level)",
    "Birth registration (implemented at the Provincial Level).",
    "Birth registration - commune-level",
    "Birth registration [provincial and commune levels]",
    "Settlement of complaints at district level",
    "Online public service (Level 3)",
    "Approval of plans (district level and below)",
    "",
]


def _scalar(values: list[str | None]) -> list[str | None]:
    return [None if v is None else untagged_key(v) for v in values]


def _column(values: list[str | None]) -> list[str | None]:
    keys = untagged_keys(pd.Series(values, dtype="str", index=range(10, 10 + len(values))))
    assert keys.dtype == "str" and list(keys.index) == list(range(10, 10 + len(values)))
    return [None if pd.isna(k) else k for k in keys]


def test_tagged_names() -> None:
    values = [*TAGGED, None]
    assert _column(values) == _scalar(values)
    assert _column(values * 3) == _scalar(values * 3)


_WORDS = st.sampled_from(
    ["(", ")", "[", "]", "-", "–", " ", "\n", ".", "cấp", "CẤP", "Cấp", "cap", "ca\u0302\u0301p",
     "xã", "tỉnh", "huyện", "huyen", "bộ", "thực hiện", "tại", "ở", "và", "UBND",
     "thuộc thẩm quyền của", "Đăng ký", "hoà", "İ", "\u0301", "a", "level", "Levels",
     "district", "provincial", "implemented at", "at", "the", "and"]
)  # fmt: skip


@settings(max_examples=100, deadline=None)
@given(st.lists(st.lists(_WORDS, max_size=10).map("".join), min_size=1, max_size=20))
def test_column_form_equals_scalar_form(values: list[str]) -> None:
    assert _column(values) == _scalar(values)
