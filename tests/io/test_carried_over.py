"""A list converted from a PDF a sheet per page, or cut from a longer one, begins with the tail
of a name broken over the page: lines going on (no STT, no code, lowercase) above a table's
first procedure name none, and are not read as procedures "with no code" (PA102)."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import column_read, sheet_table, write_workbook
from procaudit.io.layout import CARRIED_OVER
from procaudit.io.read import read_catalogue

HEADER = ["STT", "Mã TTHC", "Tên thủ tục", "Cơ quan thực hiện"]
LICENCE = ["10", "1.001193", "Cấp giấy phép thành lập văn phòng đại diện", "Sở Công Thương"]
MARRIAGE = ["11", "1.000894", "Đăng ký kết hôn", "UBND cấp xã"]


def tail(name: str = "", agency: str = "") -> list[str]:
    return ["", "", name, agency]


# rows under the header -> (the rows read as procedures, the rows carried over)
CASES = {
    "a name's tail above the first procedure": (
        [tail("của thương nhân nước ngoài"), LICENCE, MARRIAGE],
        [3, 4],
        (2,),
    ),
    "tails in two columns": (
        [tail("đối với tổ chức tín dụng", "cấp xã"), LICENCE],
        [3],
        (2,),
    ),
    "two lines of a tail": (
        [tail("của thương nhân"), tail("nước ngoài tại Việt Nam"), LICENCE],
        [4],
        (2, 3),
    ),
    # Not a line going on: a capital, after a parenthesis too, names something.
    "a name beginning with a capital is a procedure": (
        [tail("Đăng ký khai tử"), LICENCE],
        [2, 3],
        (),
    ),
    "a capital after a parenthesis is a procedure": (
        [tail("(Đăng ký lại) khai sinh"), LICENCE],
        [2, 3],
        (),
    ),
    # Under a procedure it is that procedure's line, as before.
    "a tail under a procedure continues it": (
        [LICENCE, tail("của thương nhân nước ngoài"), MARRIAGE],
        [2, 4],
        (),
    ),
    # With no procedure named outside such lines there is nothing to go on from.
    "lowercase names alone": (
        [tail("đăng ký khai sinh"), tail("đăng ký kết hôn")],
        [2, 3],
        (),
    ),
}


@pytest.mark.parametrize(("rows", "read", "carried"), CASES.values(), ids=CASES.keys())
def test_lines_above_the_first_procedure_go_on_from_the_page_before(
    rows: list[list[str]], read: list[int], carried: tuple[int, ...]
) -> None:
    table = sheet_table([HEADER, *rows])
    assert [row for row, _ in column_read(table, "name")] == read
    assert table.account is not None
    assert table.account.skipped.get(CARRIED_OVER, ()) == carried


def test_a_sheet_per_page_begins_with_the_tail_of_the_page_before(tmp_path: Path) -> None:
    path = write_workbook(
        tmp_path / "pdf.xlsx",
        {
            "Page 1": [HEADER, ["9", "1.002359", "Cấp giấy phép", "Sở Công Thương"], LICENCE],
            "Page 2": [HEADER, tail("của thương nhân nước ngoài"), MARRIAGE],
        },
    )
    tables = read_catalogue(str(path)).tables
    assert [column_read(table, "code") for table in tables] == [
        [(2, "1.002359"), (3, "1.001193")],
        [(3, "1.000894")],
    ]
