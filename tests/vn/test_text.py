"""Vietnamese-aware normalisation: what compares equal and what must not."""

from __future__ import annotations

from unicodedata import normalize

import pandas as pd
import pytest

from procaudit.catalogue.text_columns import comparison_keys
from procaudit.vn.text import comparison_key, header_key

SAME = [
    ("old and new tone placement: oa", "hoà giải", "hòa giải"),
    ("old and new tone placement: uy", "uỷ quyền", "ủy quyền"),
    ("old and new tone placement: thuy", "thuỷ lợi", "thủy lợi"),
    ("old and new tone placement: oe", "sức khoẻ", "sức khỏe"),
    ("case", "ĐĂNG KÝ KHAI SINH", "đăng ký khai sinh"),
    ("spaces", "  Đăng   ký\tkhai sinh ", "Đăng ký khai sinh"),
    ("trailing punctuation", "Đăng ký khai sinh.", "Đăng ký khai sinh"),
    ("NFD", normalize("NFD", "Đăng ký khai sinh"), "Đăng ký khai sinh"),
    ("a list number", "1. Đăng ký khai sinh", "Đăng ký khai sinh"),
    ("a list number in parts, no space", "2.3)Đăng ký khai sinh", "đăng ký khai sinh"),
    ("list numbers", " 4. 5. Đăng ký khai sinh", "Đăng ký khai sinh"),
]
DIFFERENT = [
    ("diacritics are kept", "Cấp giấy phép", "Cáp giấy phép"),
    ("tone inside a closed syllable is not moved", "hoàn thành", "hòan thành"),
    ("qu keeps its mark on y", "quý", "qúy"),
    ("a different word", "Đăng ký kết hôn", "Đăng ký khai tử"),
    ("a code is no list number", "1.000178 Đăng ký", "Đăng ký"),
    ("an amount is no list number", "2.000 đồng", "đồng"),
    ("a number before no word", "1. 2026", "2026"),
]


@pytest.mark.parametrize(("case", "a", "b"), SAME, ids=[c[0] for c in SAME])
def test_equal_after_normalisation(case: str, a: str, b: str) -> None:
    assert comparison_key(a) == comparison_key(b)


@pytest.mark.parametrize(("case", "a", "b"), DIFFERENT, ids=[c[0] for c in DIFFERENT])
def test_different_after_normalisation(case: str, a: str, b: str) -> None:
    assert comparison_key(a) != comparison_key(b)


def test_vectorised_form_agrees_with_scalar_form() -> None:
    texts = [a for _, a, _ in SAME + DIFFERENT] + [b for _, _, b in SAME + DIFFERENT]
    keys = comparison_keys(pd.Series([*texts, None], dtype="str"))
    assert keys.iloc[:-1].tolist() == [comparison_key(t) for t in texts]
    assert pd.isna(keys.iloc[-1])


@pytest.mark.parametrize(
    ("header", "key"),
    [
        ("Mã số TTHC", "ma so tthc"),
        ("ten_thu_tuc", "ten thu tuc"),
        ("Phí, lệ phí", "phi le phi"),
        ("ĐƠN VỊ", "don vi"),
        (normalize("NFD", "Lĩnh vực"), "linh vuc"),
    ],
)
def test_header_key(header: str, key: str) -> None:
    assert header_key(header) == key
