"""Total and subtotal rows are no procedures, and no line of the name above them: "Tổng
cộng: 150", "Cộng lĩnh vực: 5", "Cộng mục I", "Tổng II", "Có 5 thủ tục", "Sub-total: 3",
a breakdown "Trong đó: cấp tỉnh 100; cấp xã 50";
a procedure whose name begins with "Tổng" is still one."""

from __future__ import annotations

import pytest

from conftest import column_read, sheet_table
from procaudit.catalogue.columns import ROW
from procaudit.io.layout import TOTAL

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
    "Trong đó: cấp tỉnh 0; cấp xã 2",
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


# A table counting each procedure's dossiers in columns procaudit does not read: a total
# row has more than three cells.
COUNTED = ["STT", "Tên thủ tục hành chính", "Năm 2023", "Năm 2024", "Năm 2025"]
COUNTED_ROWS = [
    ["1", "Đăng ký khai sinh", "9", "12", "10"],
    ["2", "Đăng ký khai tử", "4", "3", "3"],
]


@pytest.mark.parametrize(
    "total", ["Cộng", "TỔNG CỘNG", "Tổng số", "Cộng lĩnh vực Hộ tịch", "Tổng cộng: 2 thủ tục"]
)
def test_a_total_carrying_its_sums_is_no_line_of_the_name_above(total: str) -> None:
    table = sheet_table(
        [COUNTED, *COUNTED_ROWS, ["", total, "13", "15", "13"], ["3", "Kết hôn", "1", "", ""]]
    )
    assert column_read(table, "name") == [
        (2, "Đăng ký khai sinh"),
        (3, "Đăng ký khai tử"),
        (5, "Kết hôn"),
    ]
    assert table.account is not None
    assert table.account.skipped[TOTAL] == (4,)


@pytest.mark.parametrize("name", ["Tổng giám đốc", "Cộng đồng dân cư"])
def test_a_name_going_on_with_counts_beside_is_no_total(name: str) -> None:
    # Read as a procedure of its own (its counts are its own), never as a total.
    table = sheet_table([COUNTED, *COUNTED_ROWS, ["", name, "1", "1", "1"]])
    assert column_read(table, "name")[-1] == (4, name)
    assert table.account is not None
    assert TOTAL not in table.account.skipped


@pytest.mark.parametrize(
    ("beside", "read"),
    [
        # Counts of its own: a procedure the table left unnumbered.
        (
            ["2", "1", "0"],
            [(2, "Đăng ký khai sinh"), (3, "Đăng ký khai tử"), (4, "Đăng ký kết hôn")],
        ),
        (
            ["85,7%", "", ""],
            [(2, "Đăng ký khai sinh"), (3, "Đăng ký khai tử"), (4, "Đăng ký kết hôn")],
        ),
        # Nothing beside, or text: a line of the name above.
        (["", "", ""], [(2, "Đăng ký khai sinh"), (3, "Đăng ký khai tử Đăng ký kết hôn")]),
        (["xem", "2", ""], [(2, "Đăng ký khai sinh"), (3, "Đăng ký khai tử Đăng ký kết hôn")]),
    ],
)
def test_an_unnumbered_row_with_counts_beside_is_no_line_of_the_name_above(
    beside: list[str], read: list[tuple[int, str]]
) -> None:
    table = sheet_table([COUNTED, *COUNTED_ROWS, ["", "Đăng ký kết hôn", *beside]])
    assert column_read(table, "name") == read
