"""Total and subtotal rows are no procedures, and no line of the name above them: "Tổng
cộng: 150", "Cộng lĩnh vực: 5", "Cộng mục I", "Tổng II", "Có 5 thủ tục", "Sub-total: 3";
a procedure whose name begins with "Tổng" is still one."""

from __future__ import annotations

import pytest

from conftest import sheet_table
from procaudit.catalogue.columns import ROW

HEADER = ["STT", "Mã TTHC", "Tên thủ tục hành chính", "Cơ quan thực hiện"]
BIRTH = ["1", "1.001193", "Đăng ký khai sinh", "UBND cấp xã"]
DEATH = ["2", "1.000656", "Đăng ký khai tử", "UBND cấp xã"]

TOTALS = [
    "Tổng cộng: 2 thủ tục",
    "Cộng lĩnh vực: 2",
    "Cộng lĩnh vực Hộ tịch: 2 TTHC",
    "Cộng mục I",
    "Tổng II",
    "(Tổng cộng: 2 thủ tục)",
    "Có 2 thủ tục",
    "Sub-total: 2",
]


@pytest.mark.parametrize("column", [1, 2], ids=["in the code column", "in the name column"])
@pytest.mark.parametrize("total", TOTALS)
def test_a_subtotal_is_no_procedure_nor_a_line_of_one(total: str, column: int) -> None:
    row = [""] * len(HEADER)
    row[column] = total
    table = sheet_table([HEADER, BIRTH, DEATH, row, ["3", "1.000689", "Đăng ký kết hôn", "UBND"]])
    assert list(zip(table.frame[ROW], table.frame["name"], strict=True)) == [
        (2, "Đăng ký khai sinh"),
        (3, "Đăng ký khai tử"),
        (5, "Đăng ký kết hôn"),
    ]


@pytest.mark.parametrize("name", ["Tổng hợp báo cáo thống kê", "Tổng cục Thuế cấp phép"])
def test_a_procedure_named_so_is_read(name: str) -> None:
    table = sheet_table([HEADER, BIRTH, ["2", "", name, ""], DEATH])
    assert table.frame["name"].tolist() == ["Đăng ký khai sinh", name, "Đăng ký khai tử"]


@pytest.mark.parametrize("total", ["Cộng", "Tổng cộng: 2 thủ tục"])
def test_a_total_with_its_count_in_the_stt_column_is_no_procedure(total: str) -> None:
    table = sheet_table([HEADER, BIRTH, DEATH, ["2", "", total, ""]])
    assert table.frame["name"].tolist() == ["Đăng ký khai sinh", "Đăng ký khai tử"]
