"""A summary laid under the list on the same sheet ("STT | Cấp thực hiện | Số lượng") is no
procedures; a list continued under a header typed otherwise, or over codes, still is."""

from __future__ import annotations

import pytest

from conftest import sheet_table
from procaudit.catalogue.columns import ROW
from procaudit.io.layout import OTHER_TABLE

HEADER = ["STT", "Mã TTHC", "Tên thủ tục hành chính", "Cấp thực hiện"]
LIST = [
    ["1", "1.001193", "Đăng ký khai sinh", "Cấp xã"],
    ["2", "1.000656", "Đăng ký khai tử", "Cấp xã"],
]
BELOW = {
    "a summary per level under its heading": (
        [
            ["", "TỔNG HỢP THEO CẤP", "", ""],
            ["STT", "Cấp thực hiện", "Số lượng", ""],
            ["1", "Cấp tỉnh", "0", ""],
            ["2", "Cấp xã", "2", ""],
            ["", "Tổng cộng", "2", ""],
        ],
        [2, 3],
        [4, 5, 6, 7, 8],
    ),
    "a summary per field, no heading": (
        [["TT", "Lĩnh vực", "Số TTHC", "Ghi chú"], ["1", "Hộ tịch", "2", ""]],
        [2, 3],
        [4, 5],
    ),
    "the list continued under a header typed otherwise": (
        [
            ["STT", "", "Danh mục thủ tục", "Cấp thực hiện"],
            ["3", "", "Đăng ký kết hôn", "Cấp xã"],
        ],
        [2, 3, 4, 5],  # the header typed otherwise is read as a procedure too (PA101's)
        [],
    ),
    "a table of changes, its header naming no column read": (
        [
            ["", "BẢNG TỔNG HỢP NỘI DUNG SỬA ĐỔI", "", ""],
            ["STT", "Nội dung sửa đổi, bổ sung", "Lý do", "Ghi chú"],
            ["1", "Rút ngắn thời hạn giải quyết", "Cắt giảm thời gian", ""],
            ["2", "Bỏ yêu cầu nộp bản sao", "Giảm giấy tờ", ""],
        ],
        [2, 3],
        [4, 5, 6, 7],
    ),
    "a fee schedule, no heading, amounts with their unit": (
        [["STT", "Nội dung thu", "Mức thu", "Ghi chú"], ["1", "Cấp mới", "500.000 đồng", ""]],
        [2, 3],
        [4, 5],
    ),
    "the list continued under a header labelling the code column otherwise": (
        [
            ["STT", "Số hiệu", "Danh mục thủ tục", "Cấp thực hiện"],
            ["3", "1.000894", "Đăng ký kết hôn", "Cấp xã"],
        ],
        [2, 3, 4, 5],
        [],
    ),
    "the list continued with local codes under a header typed otherwise": (
        [
            ["STT", "Ký hiệu riêng", "Danh mục thủ tục", "Cấp thực hiện"],
            ["3", "2018.HT.14", "Đăng ký kết hôn", "Cấp xã"],
        ],
        [2, 3, 4, 5],
        [],
    ),
    "a header over codes, no counts": (
        [["STT", "Cấp thực hiện", "Ghi chú", ""], ["3", "1.000894", "Đăng ký kết hôn", "Cấp xã"]],
        [2, 3, 4, 5],
        [],
    ),
}


@pytest.mark.parametrize(("below", "read", "skipped"), BELOW.values(), ids=BELOW)
def test_a_table_of_another_kind_under_the_list(
    below: list[list[str]], read: list[int], skipped: list[int]
) -> None:
    table = sheet_table([HEADER, *LIST, *below])
    assert table.frame[ROW].tolist() == read
    assert list(table.account.skipped.get(OTHER_TABLE, ())) == skipped
