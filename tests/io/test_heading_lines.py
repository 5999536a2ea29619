"""A PDF centres a procedure's cells over the lines of its name: the name's first line stands
on the row above its number and code, the rest under it. That first line begins the
procedure below it; it is not a line of the procedure above."""

from __future__ import annotations

import pytest

from conftest import column_read, sheet_table

HEADER = ["STT", "Mã TTHC", "Tên thủ tục", "Cơ quan thực hiện"]
DRIVING = ["4", "3.000358", "Chấp thuận hoạt động của sân tập lái", "Sở Xây dựng"]
LICENCE = ["6", "3.000361", "Cấp giấy phép cho trung tâm sát hạch", "Sở Xây dựng"]


def line(name: str, agency: str = "") -> list[str]:
    return ["", "", name, agency]


# rows under the header -> (row number, name) of each procedure read
CASES = {
    "a name centred over three rows": (
        [
            DRIVING,
            line("Chấp thuận lại hoạt"),
            ["5", "3.000359", "động của sân tập lái", "Sở Xây dựng"],
            line("để sát hạch lái xe"),
            LICENCE,
        ],
        [
            (2, "Chấp thuận hoạt động của sân tập lái"),
            (3, "Chấp thuận lại hoạt động của sân tập lái để sát hạch lái xe"),
            (6, "Cấp giấy phép cho trung tâm sát hạch"),
        ],
    ),
    "a name's first line above the last": (
        [DRIVING, line("Chấp thuận lại hoạt động"), ["5", "3.000359", "của sân tập lái", ""]],
        [
            (2, "Chấp thuận hoạt động của sân tập lái"),
            (3, "Chấp thuận lại hoạt động của sân tập lái"),
        ],
    ),
    # A line under a procedure whose next procedure begins with a capital stays its line.
    "a capitalised line of the name above": (
        [DRIVING, line("Việt Nam"), LICENCE],
        [(2, "Chấp thuận hoạt động của sân tập lái Việt Nam"), (4, LICENCE[2])],
    ),
    # A row with more than the name (an agency of its own) is a sub-row of the one above, as
    # before: not the first line of the procedure under it.
    "an agency beside the line": (
        [DRIVING, line("Cấp lại", "UBND cấp xã"), ["5", "3.000359", "giấy phép", ""]],
        [(2, "Chấp thuận hoạt động của sân tập lái Cấp lại"), (4, "giấy phép")],
    ),
    # Where names are typed in lowercase, a lowercase name is no line of another.
    "a list of lowercase names": (
        [
            ["4", "3.000358", "chấp thuận hoạt động", ""],
            line("Sân tập lái"),
            ["5", "3.000359", "cấp giấy phép", ""],
            ["6", "3.000361", "thu hồi giấy phép", ""],
        ],
        [(2, "chấp thuận hoạt động Sân tập lái"), (4, "cấp giấy phép"), (5, "thu hồi giấy phép")],
    ),
}


@pytest.mark.parametrize(("rows", "read"), CASES.values(), ids=CASES.keys())
def test_a_line_above_a_procedure_going_on_begins_it(
    rows: list[list[str]], read: list[tuple[int, str]]
) -> None:
    table = sheet_table([HEADER, *rows])
    assert column_read(table, "name") == read


def test_the_code_is_the_procedure_row_s() -> None:
    rows = [DRIVING, line("Chấp thuận lại hoạt"), ["5", "3.000359", "động của sân tập lái", ""]]
    assert column_read(sheet_table([HEADER, *rows]), "code") == [(2, "3.000358"), (3, "3.000359")]
