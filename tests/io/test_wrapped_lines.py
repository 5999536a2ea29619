"""A table converted from a PDF breaks long texts over lines, each line a row: the lines under
a procedure's first row are part of it, joined to the text they go on with, and are never
read as procedures, section headings or totals, however they begin."""

from __future__ import annotations

import pytest

from conftest import column_read, sheet_table
from procaudit.io.grid import text_grid
from procaudit.io.layout import CONTINUATION, NO_DATA, PAGE_NUMBER, REPEATED_HEADER, TOTAL
from procaudit.io.read import Table, read_grid

HEADER = ["STT", "Mã TTHC", "Tên thủ tục", "Căn cứ pháp lý", "Cơ quan thực hiện"]
FOREIGN = ["1", "1.001193", "Đăng ký khai sinh có yếu tố nước", "Luật Hộ tịch", "UBND cấp xã"]
MARRIAGE = ["2", "1.000894", "Đăng ký kết hôn", "Luật Hộ tịch 2014", "UBND cấp xã"]


def line(name: str = "", basis: str = "", agency: str = "") -> list[str]:
    return ["", "", name, basis, agency]


def _table(rows: list[list[str]], header: list[str] = HEADER) -> Table:
    return sheet_table([header, *rows])


CASES = {
    "a name over two lines": (
        [FOREIGN, line("ngoài"), MARRIAGE],
        "name",
        [(2, "Đăng ký khai sinh có yếu tố nước ngoài"), (4, "Đăng ký kết hôn")],
    ),
    # Under a numbered procedure a line may begin with a capital ("Việt Nam").
    "a line beginning with a capital": (
        [["1", "", "Cấp giấy phép cho tổ chức nước ngoài tại", "", ""], line("Việt Nam")],
        "name",
        [(2, "Cấp giấy phép cho tổ chức nước ngoài tại Việt Nam")],
    ),
    "lines in two columns": (
        [FOREIGN, line("ngoài", "năm 2014"), line("(thực hiện tại cấp xã)")],
        "legal_basis",
        [(2, "Luật Hộ tịch năm 2014")],
    ),
    "a name wrapped as a level heading reads": (
        [["1", "", "Thủ tục công nhận báo cáo viên pháp luật", "", ""], line("cấp tỉnh")],
        "name",
        [(2, "Thủ tục công nhận báo cáo viên pháp luật cấp tỉnh")],
    ),
    "a name wrapped as a total reads": (
        [
            ["1", "", "Chấp thuận thay đổi Chủ tịch Hội đồng quản trị,", "", ""],
            line("Tổng giám đốc"),
        ],
        "name",
        [(2, "Chấp thuận thay đổi Chủ tịch Hội đồng quản trị, Tổng giám đốc")],
    ),
    # A heading is followed by a procedure or a heading, never by a line going on.
    "a line reading as a heading, a line going on under it": (
        [
            ["1", "", "Cấp giấy phép xuất khẩu giống vật nuôi trong", "", ""],
            line("Danh mục giống"),
            line("cấm xuất khẩu"),
        ],
        "name",
        [(2, "Cấp giấy phép xuất khẩu giống vật nuôi trong Danh mục giống cấm xuất khẩu")],
    ),
    # A value of its own on each line (items of a list) is not joined as text; agencies one
    # per row are the procedure's too, a line each, the text going on joined to its own.
    "an agency a line": (
        [FOREIGN, line(agency="Sở Tư pháp"), line(agency="và các cơ quan liên quan")],
        "agency",
        [(2, "UBND cấp xã\nSở Tư pháp và các cơ quan liên quan")],
    ),
    "an item of a list": (
        [FOREIGN, line(basis="b) Nghị định 123/2015/NĐ-CP")],
        "legal_basis",
        [(2, "Luật Hộ tịch")],
    ),
    "a line going on after the first value filling a blank": (
        [
            ["1", "1.001193", "Đăng ký khai sinh", "", ""],
            line(agency="Ủy ban nhân dân"),
            line(agency="cấp xã"),
        ],
        "agency",
        [(2, "Ủy ban nhân dân cấp xã")],
    ),
}


@pytest.mark.parametrize(("rows", "column", "read"), CASES.values(), ids=CASES.keys())
def test_lines_under_a_procedure_are_joined_to_the_text_they_go_on_with(
    rows: list[list[str]], column: str, read: list[tuple[int, str | None]]
) -> None:
    table = _table(rows)
    assert column_read(table, column) == read
    assert table.account is not None
    assert table.account.sections == ()
    continuing = tuple(number for number, row in enumerate(rows, start=2) if not row[0])
    assert table.account.skipped.get(CONTINUATION, ()) == continuing


def test_without_row_numbers_only_a_lowercase_line_goes_on() -> None:
    # With codes and no STT, a row with a name and no code may be a new procedure.
    header = HEADER[1:]
    rows = [FOREIGN[1:], ["", "ngoài", "", ""], ["", "Đăng ký kết hôn", "", ""]]
    assert column_read(_table(rows, header), "name") == [
        (2, "Đăng ký khai sinh có yếu tố nước ngoài"),
        (4, "Đăng ký kết hôn"),
    ]


def test_a_line_under_a_section_heading_is_a_procedure() -> None:
    # A line goes on only with the row right above it: after a heading it names a procedure.
    rows = [FOREIGN, ["II", "Lĩnh vực Đất đai", "", "", ""], line("ngoài")]
    assert column_read(_table(rows), "name") == [(2, FOREIGN[2]), (4, "ngoài")]


@pytest.mark.parametrize(
    ("text", "total"),
    [
        ("Tổng cộng", True),
        ("Tổng số: 150 thủ tục", True),
        ("Cộng: 15 thủ tục", True),
        ("Tổng (150 thủ tục)", True),
        ("Tổng giám đốc doanh nghiệp", False),
        ("Cộng đồng dân cư", False),
    ],
)
def test_a_total_row(text: str, total: bool) -> None:
    table = _table([MARRIAGE, ["", "", text, "", ""]], HEADER)
    assert (TOTAL in table.account.skipped) is total


def test_a_header_wrapped_over_two_lines_is_read_in_order() -> None:
    top = ["STT", "Mã", "Tên thủ tục", "Căn cứ", "Cơ quan thực"]
    under = ["", "TTHC", "hành chính", "pháp lý", "hiện"]
    (table,) = read_grid("list.csv", text_grid(None, [top, under, MARRIAGE])).tables
    assert table.account.labels == (
        "STT", "Mã TTHC", "Tên thủ tục hành chính", "Căn cứ pháp lý", "Cơ quan thực hiện",
    )  # fmt: skip


@pytest.mark.parametrize("number", ["- 2 -", "2", "Trang 2", "Trang 2/45"])
@pytest.mark.parametrize("header_rows", [1, 2], ids=["one-row header", "two-row header"])
def test_a_procedure_runs_on_over_a_page_break(number: str, header_rows: int) -> None:
    # Each page: its lines, its number, a blank line, then the header again.
    header = (
        [HEADER]
        if header_rows == 1
        else [
            ["STT", "Mã", "Tên thủ tục", "Căn cứ", "Cơ quan thực"],
            ["", "TTHC", "hành chính", "pháp lý", "hiện"],
        ]
    )
    rows = [
        *header,
        FOREIGN,
        line("", "", number),
        line(),
        *header,
        line("ngoài"),
        MARRIAGE,
        line("3"),
    ]
    grid = text_grid(None, rows)
    (table,) = read_grid("list.csv", grid).tables
    first = 1 + header_rows
    assert column_read(table, "name") == [
        (first, "Đăng ký khai sinh có yếu tố nước ngoài"),
        (first + 4 + header_rows, "Đăng ký kết hôn"),
    ]
    skipped = table.account.skipped
    assert skipped[PAGE_NUMBER] == (first + 1, first + 5 + header_rows)
    assert skipped[REPEATED_HEADER] == tuple(range(first + 3, first + 3 + header_rows))
    assert skipped[CONTINUATION] == (first + 3 + header_rows,)


def test_rows_numbered_and_left_empty_are_no_page_numbers() -> None:
    # A template's rows numbered ahead in the STT column: nothing to read, no page's number.
    table = _table([MARRIAGE, ["3", "", "", "", ""], ["4", "", "", "", ""]])
    assert PAGE_NUMBER not in table.account.skipped
    assert table.account.skipped[NO_DATA] == (3, 4)
