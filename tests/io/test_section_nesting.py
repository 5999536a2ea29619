"""How sections nest: an annex heads its levels first and its fields within them, or its
fields first and its levels within them; each row takes what the headings above it say."""

from __future__ import annotations

import pandas as pd
import pytest

from conftest import sheet_table
from procaudit.catalogue.columns import ROW

HEADER = ["STT", "Mã TTHC", "Tên thủ tục hành chính", "Cơ quan thực hiện"]


def p(number: int, name: str) -> list[str]:
    return [str(number), f"1.00000{number}", name, "Sở Tư pháp"]


CASES = {
    "levels outside, fields within": (
        [
            ["A. THỦ TỤC HÀNH CHÍNH CẤP TỈNH", "", "", ""],
            ["I. Lĩnh vực Chứng thực", "", "", ""],
            p(1, "Chứng thực bản sao"),
            ["II. Lĩnh vực Hộ tịch", "", "", ""],
            p(2, "Đăng ký khai sinh"),
            ["B. THỦ TỤC HÀNH CHÍNH CẤP XÃ", "", "", ""],
            p(3, "Đăng ký kết hôn"),  # a new level: no field yet
        ],
        [("Cấp tỉnh", "Chứng thực"), ("Cấp tỉnh", "Hộ tịch"), ("Cấp xã", None)],
    ),
    "fields outside, levels within": (
        [
            ["I. LĨNH VỰC CHỨNG THỰC", "", "", ""],
            ["a) Thủ tục hành chính cấp tỉnh", "", "", ""],
            p(1, "Chứng thực bản sao"),
            ["b) Thủ tục hành chính cấp xã", "", "", ""],
            p(2, "Chứng thực chữ ký"),
            ["II. HỘ TỊCH", "", "", ""],
            p(3, "Đăng ký khai sinh"),  # a new field: no level yet
            ["a) Thủ tục hành chính cấp tỉnh", "", "", ""],
            p(4, "Đăng ký khai sinh có yếu tố nước ngoài"),
        ],
        [
            ("Cấp tỉnh", "Chứng thực"),
            ("Cấp xã", "Chứng thực"),
            (None, "Hộ tịch"),
            ("Cấp tỉnh", "Hộ tịch"),
        ],
    ),
}


@pytest.mark.parametrize(("rows", "read"), CASES.values(), ids=CASES.keys())
def test_sections_nest(rows: list[list[str]], read: list[tuple[str | None, str | None]]) -> None:
    table = sheet_table([HEADER, *rows])
    frame = table.frame
    assert len(frame[ROW]) == len(read)
    assert [
        tuple(None if pd.isna(value) else value for value in pair)
        for pair in zip(frame["level"], frame["field"], strict=True)
    ] == read


TRANSFER_HEADINGS = [
    # (heading, the level its rows take): a task moved from one level to another gives the
    # level it moved to, as a level cell saying so does.
    ("B. THỦ TỤC HÀNH CHÍNH CẤP HUYỆN CHUYỂN GIAO VỀ CẤP XÃ THỰC HIỆN", "Cấp xã"),
    ("B. THỦ TỤC HÀNH CHÍNH CHUYỂN TỪ CẤP HUYỆN VỀ CẤP XÃ", "Cấp xã"),
    ("B. THỦ TỤC HÀNH CHÍNH CẤP XÃ (TIẾP NHẬN TỪ CẤP HUYỆN)", "Cấp xã"),
    ("B. DANH MỤC TTHC CẤP HUYỆN ĐIỀU CHỈNH THÀNH CẤP XÃ", "Cấp xã"),
    ("B. TTHC DO CẤP HUYỆN THỰC HIỆN TRƯỚC ĐÂY, NAY CHUYỂN VỀ CẤP XÃ", "Cấp xã"),
    ("B. THỦ TỤC HÀNH CHÍNH CẤP TỈNH (TRƯỚC ĐÂY LÀ CẤP HUYỆN)", "Cấp tỉnh"),
    # What moves no task leaves the levels it names.
    ("B. THỦ TỤC HÀNH CHÍNH CẤP HUYỆN", "Cấp huyện"),
    ("B. THỦ TỤC HÀNH CHÍNH CẤP TỈNH, CẤP XÃ", "Cấp tỉnh, Cấp xã"),
]


@pytest.mark.parametrize(
    ("heading", "level"), TRANSFER_HEADINGS, ids=[c[0] for c in TRANSFER_HEADINGS]
)
def test_a_transfer_heading_gives_the_level_moved_to(heading: str, level: str) -> None:
    table = sheet_table(
        [HEADER, ["A. THỦ TỤC HÀNH CHÍNH CẤP XÃ", "", "", ""], p(1, "Đăng ký khai sinh"),
         [heading, "", "", ""], p(2, "Đăng ký lại khai sinh"), p(3, "Đăng ký lại kết hôn")]
    )  # fmt: skip
    assert list(table.frame["level"]) == ["Cấp xã", level, level]


ONLINE_PARTS = {
    # (rows under the header, each procedure's (online level, field)): a list of online
    # services heads its parts by the online level, not by a field named so.
    "online parts, fields within": (
        [
            ["I. DỊCH VỤ CÔNG TRỰC TUYẾN TOÀN TRÌNH", "", "", ""],
            ["1. Lĩnh vực Hộ tịch", "", "", ""],
            p(1, "Đăng ký khai sinh"),
            ["2. Lĩnh vực Chứng thực", "", "", ""],
            p(2, "Chứng thực bản sao"),
            ["II. DỊCH VỤ CÔNG TRỰC TUYẾN MỘT PHẦN", "", "", ""],
            p(3, "Đăng ký kết hôn"),  # a new part: no field yet
        ],
        [("Toàn trình", "Hộ tịch"), ("Toàn trình", "Chứng thực"), ("Một phần", None)],
    ),
    "fields outside, online parts within": (
        [
            ["I. LĨNH VỰC HỘ TỊCH", "", "", ""],
            ["a) DVC trực tuyến toàn trình", "", "", ""],
            p(1, "Đăng ký khai sinh"),
            ["b) DVC trực tuyến một phần", "", "", ""],
            p(2, "Đăng ký kết hôn"),
        ],
        [("Toàn trình", "Hộ tịch"), ("Một phần", "Hộ tịch")],
    ),
    # A part of the procedures not yet fully online says only that.
    "not yet fully online": (
        [
            ["I. TTHC ĐỦ ĐIỀU KIỆN CUNG CẤP DVC TRỰC TUYẾN TOÀN TRÌNH", "", "", ""],
            ["1. Lĩnh vực Hộ tịch", "", "", ""],
            p(1, "Đăng ký khai sinh"),
            ["II. TTHC CHƯA ĐỦ ĐIỀU KIỆN CUNG CẤP DỊCH VỤ CÔNG TRỰC TUYẾN TOÀN TRÌNH", "", "", ""],
            p(2, "Đăng ký kết hôn"),
        ],
        [("Toàn trình", "Hộ tịch"), ("Chưa toàn trình", None)],
    ),
}


@pytest.mark.parametrize(("rows", "read"), ONLINE_PARTS.values(), ids=ONLINE_PARTS.keys())
def test_an_online_part_gives_its_level_not_a_field(
    rows: list[list[str]], read: list[tuple[str | None, str | None]]
) -> None:
    frame = sheet_table([HEADER, *rows]).frame
    assert [
        tuple(None if pd.isna(value) else value for value in pair)
        for pair in zip(frame["online_level"], frame["field"], strict=True)
    ] == read


def test_a_rows_own_online_level_wins_over_its_part() -> None:
    frame = sheet_table(
        [[*HEADER, "Mức độ DVC"], ["I. DVC TOÀN TRÌNH", "", "", "", ""],
         [*p(1, "Đăng ký khai sinh"), "Một phần"], [*p(2, "Đăng ký kết hôn"), ""]]
    ).frame  # fmt: skip
    assert list(frame["online_level"]) == ["Một phần", "Toàn trình"]
