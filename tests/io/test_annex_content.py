"""A decision's annex goes on after its list with each procedure's content ("PHẦN II. NỘI DUNG
CỤ THỂ CỦA TỪNG THỦ TỤC HÀNH CHÍNH"): its lines of steps and documents are no procedures."""

from __future__ import annotations

import pytest

from conftest import column_read, sheet_table
from procaudit.io.layout import CONTENT

HEADER = ["STT", "Mã TTHC", "Tên thủ tục hành chính", "Cơ quan thực hiện"]
LIST = [
    ["1", "1.001193", "Đăng ký khai sinh", "UBND cấp xã"],
    ["2", "1.000894", "Đăng ký kết hôn", "UBND cấp xã"],
]
STEPS = [
    ["", "", "1. Đăng ký khai sinh", ""],
    ["", "", "- Trình tự thực hiện:", ""],
    ["", "", "Bước 1: Nộp hồ sơ tại Bộ phận một cửa.", ""],
    ["", "", "- Thời hạn giải quyết: Trong ngày.", ""],
]
NAMES = [(2, "Đăng ký khai sinh"), (3, "Đăng ký kết hôn")]
PART_TWO = "PHẦN II. NỘI DUNG CỤ THỂ CỦA TỪNG THỦ TỤC HÀNH CHÍNH"
CUT = (4, 5, 6, 7, 8)  # the heading and the content's lines


@pytest.mark.parametrize(
    ("heading", "names", "content"),
    [
        (["", "", PART_TWO, ""], NAMES, CUT),
        (["Phần II. Nội dung chi tiết của từng TTHC", "", "", ""], NAMES, CUT),
        (["", "", "NỘI DUNG CỤ THỂ", ""], NAMES, CUT),
        (["PHẦN II", "NỘI DUNG CỤ THỂ CỦA TỪNG THỦ TỤC HÀNH CHÍNH", "", ""], NAMES, CUT),
        # Another part of the list is no content: its rows are read (here as procedures
        # without a code, the list's own defect).
        (
            ["", "", "PHẦN II. DANH MỤC THỦ TỤC SỬA ĐỔI", ""],
            [*NAMES, (5, "1. Đăng ký khai sinh"), (6, "- Trình tự thực hiện:")],
            (),
        ),
    ],
    ids=[
        "in the name's column",
        "in the first column",
        "without its part's number",
        "its part's number in a cell of its own",
        "a list",
    ],
)
def test_the_procedures_content_after_the_list_is_no_procedure(
    heading: list[str], names: list, content: tuple
) -> None:
    table = sheet_table([HEADER, *LIST, heading, *STEPS])
    assert column_read(table, "name")[: len(names)] == names
    assert table.account.skipped.get(CONTENT, ()) == content


def test_a_line_of_a_procedure_right_of_its_name_is_no_content_heading() -> None:
    basis = ["", "", "", "Nội dung chi tiết tại Quyết định 12/QĐ-UBND"]
    table = sheet_table([HEADER, LIST[0], basis, LIST[1]])
    assert column_read(table, "name") == [(2, LIST[0][2]), (4, LIST[1][2])]
    assert CONTENT not in table.account.skipped


def test_a_procedure_named_so_is_read() -> None:
    named = ["3", "1.000656", "Nội dung chi tiết quy hoạch phân khu", "UBND cấp tỉnh"]
    table = sheet_table([HEADER, *LIST, named])
    assert column_read(table, "name") == [*NAMES, (4, named[2])]
    assert CONTENT not in table.account.skipped
