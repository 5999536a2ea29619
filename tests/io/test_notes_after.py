"""Notes after a table ("Ghi chú:" over numbered lines) are no procedures, and no line of the
last procedure's name; in a list of numbers and names alone, a row reading "Ghi chú" over
more numbered names does not end it."""

from __future__ import annotations

import pytest

from conftest import sheet_table
from procaudit.catalogue.columns import ROW

HEADER = ["STT", "Mã TTHC", "Tên thủ tục hành chính", "Cơ quan thực hiện"]
LIST = [
    ["1", "1.001193", "Đăng ký khai sinh", "UBND cấp xã"],
    ["2", "1.000656", "Đăng ký khai tử", "UBND cấp xã"],
]
NOTES = {
    "in the name column": [
        ["", "", "Ghi chú:", ""],
        ["1", "", "Thủ tục tại mục I được thực hiện tại Trung tâm Phục vụ hành chính công", ""],
        ["2", "", "Các thủ tục có dấu (*) được tiếp nhận không phụ thuộc địa giới hành chính", ""],
    ],
    "under the row numbers": [
        ["Ghi chú:", "", "", ""],
        ["1", "(*) Thủ tục hành chính tiếp nhận trực tuyến toàn trình", "", ""],
        ["2", "Mã TTHC theo Cơ sở dữ liệu quốc gia về thủ tục hành chính", "", ""],
    ],
    "a starred footnote in the name column": [
        ["", "", "(*) Thực hiện tiếp nhận hồ sơ không phụ thuộc địa giới hành chính", ""],
    ],
    "a footnote behind a star": [["", "", "* TTHC in nghiêng là thủ tục liên thông", ""]],
}


@pytest.mark.parametrize("notes", NOTES.values(), ids=NOTES.keys())
def test_numbered_notes_after_the_table_are_no_procedures(notes: list[list[str]]) -> None:
    table = sheet_table([HEADER, *LIST, *notes])
    assert list(zip(table.frame[ROW], table.frame["name"], strict=True)) == [
        (2, "Đăng ký khai sinh"),
        (3, "Đăng ký khai tử"),
    ]


def test_a_numbered_procedure_marked_with_a_star_last_is_read() -> None:
    starred = ["3", "", "(*) Đăng ký lại khai sinh", ""]
    table = sheet_table([HEADER, *LIST, starred])
    assert table.frame["name"].tolist()[-1] == starred[2]


def test_a_list_of_names_alone_goes_on_after_a_row_reading_ghi_chu() -> None:
    rows = [["STT", "Tên thủ tục hành chính"], ["1", "Đăng ký khai sinh"], ["", "Ghi chú"]]
    table = sheet_table([*rows, ["2", "Đăng ký khai tử"], ["3", "Đăng ký kết hôn"]])
    assert table.frame["name"].tolist()[-2:] == ["Đăng ký khai tử", "Đăng ký kết hôn"]
