"""The status a procedure's name marks (`name_status`): a mark at its end or bracketed at
its head, never a word of the name."""

from __future__ import annotations

import unicodedata

import pandas as pd
import pytest

from conftest import text_blocks
from procaudit.catalogue.name_status import name_status, name_statuses, without_status_mark
from procaudit.catalogue.status import ABOLISHED, SUSPENDED

NAMES = [
    # (name, (the mark where it stands, the status, its kind) or None)
    ("Cấp giấy phép X (đã bãi bỏ)", ("… (đã bãi bỏ)", "đã bãi bỏ", ABOLISHED)),
    ("Cấp giấy phép X (Bãi bỏ).", ("… (Bãi bỏ)", "bãi bỏ", ABOLISHED)),
    ("Cấp giấy phép X  ( Hết hiệu lực )", ("… ( Hết hiệu lực )", "hết hiệu lực", ABOLISHED)),
    ("Cấp giấy phép X (tạm dừng)", ("… (tạm dừng)", "tạm dừng", SUSPENDED)),
    ("Cấp giấy phép X (Ngừng thực hiện)", ("… (Ngừng thực hiện)", "ngừng thực hiện", SUSPENDED)),
    (
        "Cấp giấy phép X (TTHC này đã bị bãi bỏ)",
        ("… (TTHC này đã bị bãi bỏ)", "tthc này đã bị bãi bỏ", ABOLISHED),
    ),
    (
        "Cấp giấy phép X - Đã bãi bỏ theo QĐ 123/QĐ-UBND",
        ("… - Đã bãi bỏ theo QĐ 123/QĐ-UBND", "đã bãi bỏ theo qđ 123/qđ-ubnd", ABOLISHED),
    ),
    (
        "Cấp giấy phép X – hết hiệu lực từ 01/7/2025",
        ("… – hết hiệu lực từ 01/7/2025", "hết hiệu lực từ 01/7/2025", ABOLISHED),
    ),
    ("[BÃI BỎ] Cấp giấy phép X", ("[BÃI BỎ] …", "bãi bỏ", ABOLISHED)),
    ("Thủ tục chấm dứt tham gi\na trợ giúp (bãi bỏ)", ("… (bãi bỏ)", "bãi bỏ", ABOLISHED)),
    ("(Đã bãi bỏ) - Cấp giấy phép X", ("(Đã bãi bỏ) …", "đã bãi bỏ", ABOLISHED)),
    # A level tag after the mark, or before it; full-width brackets.
    ("Cấp giấy phép X (bãi bỏ) (cấp tỉnh)", ("… (bãi bỏ)", "bãi bỏ", ABOLISHED)),
    ("Cấp giấy phép X (Cấp xã) (Tạm dừng).", ("… (Tạm dừng)", "tạm dừng", SUSPENDED)),
    ("Cấp giấy phép X（đã bãi bỏ）", ("… （đã bãi bỏ）", "đã bãi bỏ", ABOLISHED)),
    ("【BÃI BỎ】 Cấp giấy phép X", ("【BÃI BỎ】 …", "bãi bỏ", ABOLISHED)),
    # Words of the name, or a bracket saying more: no mark.
    ("Cấp giấy phép bãi bỏ hoạt động X", None),
    ("Thủ tục hủy bỏ quyết định cưỡng chế", None),
    ("Cấp giấy phép X (bãi bỏ thành phần hồ sơ)", None),
    ("Cấp lại giấy phép sau khi bãi bỏ quyết định", None),
    ("Cấp giấy phép X (sau khi bãi bỏ Y)", None),
    ("Cấp giấy phép X (Bãi bỏ một phần)", None),
    ("Cấp giấy phép X (Không bãi bỏ)", None),
    ("Cấp giấy phép X (Đề nghị bãi bỏ)", None),
    ("Cấp lại giấy phép (trường hợp bị hủy bỏ)", None),
    ("Đăng ký thế chấp - Hủy đăng ký thế chấp", None),
    ("Đăng ký hộ kinh doanh - Tạm ngừng kinh doanh", None),
    ("Cấp phép đỗ - dừng xe", None),
    ("Cấp giấy phép X (đóng)", None),  # a one-stop system's word: not in a name
    ("Cấp giấy phép X (sửa đổi)", None),
    ("(Bãi bỏ)", None),  # no name
    ("Cấp giấy phép X (bãi bỏ) cho hộ kinh doanh", None),  # words after: part of the name
]


@pytest.mark.parametrize(("name", "said"), NAMES, ids=[n for n, _ in NAMES])
def test_name_status(name: str, said: tuple[str, str, str] | None) -> None:
    assert name_status(name) == said


def test_name_statuses_read_a_column_in_blocks() -> None:
    names = [name for name, _ in NAMES] * 50  # past the small column's path
    names[1] = unicodedata.normalize("NFD", "Cấp giấy phép Y (BÃI BỎ)")
    names[2] = None  # type: ignore[call-overload]
    names[3] = "Cấp giấy phép Z (không\xa0còn áp\xa0dụng)"  # no-break spaces
    names[4] = "Cấp giấy phép Z (Bãi\xa0bỏ)"
    found = name_statuses(text_blocks(names, 64))
    assert found is not None
    expected = [None if n is None else (s[1] if (s := name_status(n)) else None) for n in names]
    assert [None if pd.isna(v) else v for v in found] == expected
    assert found.iloc[[1, 3, 4]].tolist() == ["bãi bỏ", "không còn áp dụng", "bãi bỏ"]


@pytest.mark.parametrize(
    ("name", "bare"),
    [
        ("Cấp giấy phép X (đã bãi bỏ)", "Cấp giấy phép X"),
        ("Cấp giấy phép X (Bãi bỏ).", "Cấp giấy phép X"),
        ("Cấp giấy phép X (bãi bỏ) (cấp tỉnh).", "Cấp giấy phép X (cấp tỉnh)"),
        ("[BÃI BỎ] - Cấp giấy phép X", "Cấp giấy phép X"),
        ("Cấp giấy phép X (sửa đổi)", "Cấp giấy phép X (sửa đổi)"),
    ],
)
def test_the_name_without_its_mark_keeps_its_other_tags(name: str, bare: str) -> None:
    assert without_status_mark(name) == bare


def test_names_without_marks_give_none() -> None:
    assert name_statuses(pd.Series(["Cấp giấy phép X (sửa đổi)", "Đăng ký - cấp xã"])) is None
