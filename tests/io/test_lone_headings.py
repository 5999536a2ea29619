"""A row of one text naming an agency left of an empty name cell, in a list with a code
column, heads the rows under it ("Vụ Các định chế tài chính - Bộ Tài chính" over a unit's
block): it is no procedure with no name and a code of words. It gives the rows nothing, but
ends the block of a unit heading above it."""

from __future__ import annotations

import pytest

from conftest import column_read, sheet_table
from procaudit.catalogue.columns import ROW, SECTION_UNIT

HEADER = ["Mã số", "Tên", "Lĩnh vực"]
BIRTH = ["1.001193", "Đăng ký khai sinh", "Hộ tịch"]
DEATH = ["1.000656", "Đăng ký khai tử", "Hộ tịch"]
LAND = ["1.000123", "Đăng ký đất đai", "Đất đai"]

# Case -> (rows under the header, the rows read as procedures).
CASES = {
    "a unit's heading in the code column": (
        [["Vụ Các định chế tài chính - Bộ Tài chính", "", ""], BIRTH, DEATH],
        [3, 4],
    ),
    # Few words, as a field's group heading has, but an agency's: no field "Bộ Tài chính".
    "an agency's name of few words": ([["Bộ Tài chính", "", ""], BIRTH], [3]),
    "two headings, of two words and more": (
        [["Kho bạc Nhà nước các cấp", "", ""], BIRTH, ["Cục Thuế", "", ""], LAND],
        [3, 5],
    ),
    # Units named without an office's word, as the portal writes them: a fund, the tax
    # offices since 2025, civil judgment.
    "a fund, the tax offices, a judgment office": (
        [
            ["Quỹ Bảo vệ và Phát triển rừng Việt Nam - Bộ NN và MT", "", ""],
            BIRTH,
            ["Thuế cơ sở, Cục Thuế - Bộ tài chính, Thuế tỉnh, thành phố", "", ""],
            LAND,
            ["Thi hành án dân sự tỉnh, thành phố", "", ""],
            DEATH,
        ],
        [3, 5, 7],
    ),
    # A procedure's own row: its name is in the name column, or typed in the code column.
    "a name alone in the name column": ([["", "Đăng ký kết hôn", ""], BIRTH], [2, 3]),
    "a name typed in the code column": ([["Thủ tục đăng ký kết hôn", "", ""], BIRTH], [2, 3]),
}


@pytest.mark.parametrize(("rows", "read"), CASES.values(), ids=CASES.keys())
def test_a_lone_text_left_of_the_name_heads_its_rows(
    rows: list[list[str]], read: list[int]
) -> None:
    table = sheet_table([HEADER, *rows])
    assert table.frame[ROW].tolist() == read


def test_a_lone_heading_ends_the_unit_block_above_it() -> None:
    table = sheet_table(
        [
            HEADER,
            ["Sở Giao thông vận tải", "", ""],
            LAND,
            ["Kho bạc Nhà nước các cấp", "", ""],
            BIRTH,
            ["Sở Tư pháp", "", ""],
            DEATH,
        ]
    )
    assert column_read(table, SECTION_UNIT) == [
        (3, "Sở Giao thông vận tải"),
        (5, None),
        (7, "Sở Tư pháp"),
    ]


def test_an_agency_heading_of_few_words_gives_no_field() -> None:
    table = sheet_table([["Mã số", "Tên"], ["Cơ quan đại diện chủ sở hữu", ""], BIRTH[:2]])
    assert "field" not in table.frame or column_read(table, "field") == [(3, None)]
