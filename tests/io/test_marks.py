"""Columns given as marks: rows with an "x" under the sub-column of a heading that applies are
read as that sub-column's heading; a column of marks that nothing explains is not read."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from procaudit.core.i18n import speaking
from procaudit.engine.audit import audit
from procaudit.engine.repairs import plan_repairs
from procaudit.io.grid import text_grid
from procaudit.io.marks import MARKS
from procaudit.io.read import ReadOptions, Table, read_catalogue, read_grid
from procaudit.rules.selection import RuleSelection

NAMES = ["Đăng ký khai sinh", "Đăng ký kết hôn", "Cấp bản sao trích lục", "Đăng ký giám hộ"]
LEVELS_TOP = ["STT", "Tên thủ tục", "Cấp thực hiện", "", "", "Lĩnh vực"]
LEVELS_SUB = ["", "", "Tỉnh", "Huyện", "Xã", ""]
ONLINE_TOP = ["STT", "Tên thủ tục", "Mức độ DVC", "", "Lĩnh vực"]
ONLINE_SUB = ["", "", "Toàn trình", "Một phần", ""]


def _sheet(top: list[str], sub: list[str], marks: list[list[str]]) -> list[list[str]]:
    """A two-row header over one row a procedure, `marks` in the columns between the name
    and the field."""
    rows = [[str(n + 1), NAMES[n % len(NAMES)], *cells, "Hộ tịch"] for n, cells in enumerate(marks)]
    return [top, sub, *rows]


def _table(rows: list[list[str]]) -> Table:
    (table,) = read_grid("list.xlsx", text_grid("DM", rows)).tables
    return table


def _values(table: Table, column: str) -> list[str | None] | None:
    if column not in table.frame:
        return None
    return [None if pd.isna(value) else value for value in table.frame[column]]


CASES = {
    "levels marked x, X, with spaces, twice, none": (
        _sheet(
            LEVELS_TOP, LEVELS_SUB, [["", "", "x"], ["", "X ", " x"], ["x", "", ""], ["", "", ""]]
        ),
        "level",
        ["Xã", "Huyện, Xã", "Tỉnh", None],
    ),
    "online levels ticked": (
        _sheet(ONLINE_TOP, ONLINE_SUB, [["✓", ""], ["", "✓"], ["✓", ""], ["", "✓"]]),
        "online_level",
        ["Toàn trình", "Một phần", "Toàn trình", "Một phần"],
    ),
    "flags of 1 and 0": (
        _sheet(ONLINE_TOP, ONLINE_SUB, [["1", "0"], ["0", "1"], ["0", "1"], ["1", "0"]]),
        "online_level",
        ["Toàn trình", "Một phần", "Một phần", "Toàn trình"],
    ),
    # Excel's booleans (cells read as TRUE and FALSE), and a CSV's texts of them.
    "booleans": (
        [
            ONLINE_TOP,
            ONLINE_SUB,
            *[
                [n + 1, NAMES[n], on, not on, "Hộ tịch"]
                for n, on in enumerate([True, False, False, True])
            ],
        ],
        "online_level",
        ["Toàn trình", "Một phần", "Một phần", "Toàn trình"],
    ),
    "texts TRUE and FALSE": (
        _sheet(ONLINE_TOP, ONLINE_SUB, [["TRUE", "FALSE"], ["false", "true"], ["FALSE", "TRUE"]]),
        "online_level",
        ["Toàn trình", "Một phần", "Một phần"],
    ),
    "cells repeating their sub-heading": (
        _sheet(ONLINE_TOP, ONLINE_SUB, [["Toàn trình", ""], ["", "một phần"], ["Toàn trình", ""]]),
        "online_level",
        ["Toàn trình", "Một phần", "Toàn trình"],
    ),
    # "Ban hành mới" ends with "mới" but dates nothing: it is a kind, a mark's meaning.
    "statuses marked, one of them new": (
        _sheet(
            ["STT", "Tên thủ tục", "Tình trạng", "", "", "Lĩnh vực"],
            ["", "", "Ban hành mới", "Sửa đổi, bổ sung", "Bãi bỏ", ""],
            [["x", "", ""], ["", "x", ""], ["", "", "x"], ["x", "", ""]],
        ),
        "status",
        ["Ban hành mới", "Sửa đổi, bổ sung", "Bãi bỏ", "Ban hành mới"],
    ),
    # Not marks: the first sub-column is read as it is.
    "values, not marks": (
        _sheet(
            LEVELS_TOP, LEVELS_SUB, [["Cấp tỉnh", "", ""], ["Cấp xã", "", ""], ["Tỉnh", "", ""]]
        ),
        "level",
        ["Cấp tỉnh", "Cấp xã", "Tỉnh"],
    ),
    "a few marks among values": (
        _sheet(LEVELS_TOP, LEVELS_SUB, [["Cấp tỉnh", "", ""], ["Cấp xã", "", ""], ["x", "", ""]]),
        "level",
        ["Cấp tỉnh", "Cấp xã", "x"],
    ),
    "too few marks to tell": (
        _sheet(LEVELS_TOP, LEVELS_SUB, [["x", "", ""], ["", "x", ""]]),
        "level",
        ["x", None],
    ),
    # A time of one day is a number, not a flag.
    "days of processing time": (
        _sheet(
            ["STT", "Tên thủ tục", "Thời hạn giải quyết", "", "Lĩnh vực"],
            ["", "", "Trực tiếp", "Trực tuyến", ""],
            [["1", "1"], ["1", "0"], ["1", "1"], ["3", "1"]],
        ),
        "processing_time",
        ["1", "1", "1", "3"],
    ),
    # Marks with no sub-heading of their own to say what they mean: not read.
    "sub-columns of one name": (
        _sheet(LEVELS_TOP, ["", "", "Có", "Có", "Có", ""], [["x", "", ""], ["", "x", ""]] * 2),
        "level",
        None,
    ),
    "a lone column of marks": (
        [
            ["Tên thủ tục", "Cấp thực hiện", "Quyết định công bố", ""],
            ["", "Xã", "Số", "Ngày"],
            *[[name, "x", "12/QĐ-UBND", "01/02/2025"] for name in NAMES],
        ],
        "level",
        None,
    ),
    # Headers side by side that each name a value of a column no header names.
    "levels as headers of one row": (
        [
            ["STT", "Tên thủ tục", "Cấp tỉnh", "Cấp xã", "Cơ quan khác", "Lĩnh vực"],
            *[
                [str(n), NAMES[n], *cells, "Hộ tịch"]
                for n, cells in enumerate(["x  ", " x ", "xx ", "  x"])
            ],
        ],
        "level",
        ["Cấp tỉnh", "Cấp xã", "Cấp tỉnh, Cấp xã", "Cơ quan khác"],
    ),
    "online levels as headers under a heading naming none": (
        _sheet(
            ["STT", "Tên thủ tục", "Hình thức cung cấp", "", "Lĩnh vực"],
            ["", "", "DVC trực tuyến toàn trình", "DVCTT một phần", ""],
            [["x", ""], ["", "x"], ["x", ""]],
        ),
        "online_level",
        ["DVC trực tuyến toàn trình", "DVCTT một phần", "DVC trực tuyến toàn trình"],
    ),
    # A list of online services still on the scale Decree 42/2022 replaced (PA503 says so).
    "old online levels as headers of one row": (
        [
            ["STT", "Tên thủ tục", "Mức độ 3", "Mức độ 4", "Lĩnh vực"],
            *[[str(n), NAMES[n], *cells, "Hộ tịch"] for n, cells in enumerate(["x ", " x", " x"])],
        ],
        "online_level",
        ["Mức độ 3", "Mức độ 4", "Mức độ 4"],
    ),
    "a lone old online level": (
        [["Tên thủ tục", "Mức độ 4", "Lĩnh vực"], *[[name, "x", "Hộ tịch"] for name in NAMES]],
        "online_level",
        None,
    ),
    "statuses as headers of one row": (
        [
            ["Tên thủ tục", "Ban hành mới", "Sửa đổi, bổ sung", "Bãi bỏ"],
            *[
                [name, *cells]
                for name, cells in zip(NAMES, ["x  ", " x ", "  x", "x  "], strict=True)
            ],
        ],
        "status",
        ["Ban hành mới", "Sửa đổi, bổ sung", "Bãi bỏ", "Ban hành mới"],
    ),
    "value headers over names, not marks": (
        [
            ["Tên thủ tục", "Cấp tỉnh", "Cấp xã"],
            *[[name, "Sở Tư pháp", "UBND xã"] for name in NAMES],
        ],
        "level",
        None,
    ),
    # A lone column naming the fully online level says of each row whether it is: a row it
    # leaves unmarked is not (PA505's share). Another lone value says nothing of the rest.
    "a lone value header of the fully online level": (
        [
            ["Tên thủ tục", "DVC toàn trình", "Lĩnh vực"],
            *[[name, mark, "Hộ tịch"] for name, mark in zip(NAMES, "xx x", strict=True)],
        ],
        "online_level",
        ["DVC toàn trình", "DVC toàn trình", None, "DVC toàn trình"],
    ),
    "the fully online level as TRUE and FALSE": (
        [
            ["Tên thủ tục", "DVC trực tuyến toàn trình"],
            *[[name, flag] for name, flag in zip(NAMES, ["TRUE", "FALSE"] * 2, strict=True)],
        ],
        "online_level",
        ["DVC trực tuyến toàn trình", None, "DVC trực tuyến toàn trình", None],
    ),
    "a lone value header of another level": (
        [
            ["Tên thủ tục", "DVC một phần", "Lĩnh vực"],
            *[[name, "x", "Hộ tịch"] for name in NAMES],
        ],
        "online_level",
        None,
    ),
    "value headers beside a column of their own": (
        [
            ["Tên thủ tục", "Cấp thực hiện", "Cấp tỉnh", "Cấp xã"],
            *[[name, "Cấp xã", "", "x"] for name in NAMES],
        ],
        "level",
        ["Cấp xã"] * len(NAMES),
    ),
    # "Thông tin" over "Cấp thực hiện" over "Tỉnh | Huyện | Xã"; and the sub-headings in the
    # second row of three, the third empty under them (merged down).
    "levels in the third row of the header": (
        [
            ["STT", "Tên thủ tục", "Thông tin", "", "", "Lĩnh vực"],
            ["", "", "Cấp thực hiện", "", "", ""],
            LEVELS_SUB,
            ["1", NAMES[0], "", "", "x", "Hộ tịch"],
            ["2", NAMES[1], "x", "", "", "Hộ tịch"],
            ["3", NAMES[2], "", "x", "", "Hộ tịch"],
        ],
        "level",
        ["Xã", "Tỉnh", "Huyện"],
    ),
    "levels in the second row of three": (
        [
            ["STT", "Tên thủ tục", "Cấp thực hiện", "", "", "Thông tin công bố", ""],
            ["", "", "Tỉnh", "Huyện", "Xã", "Quyết định công bố", ""],
            ["", "", "", "", "", "Số", "Ngày"],
            ["1", NAMES[0], "", "", "x", "1890/QĐ-UBND", "15/08/2025"],
            ["2", NAMES[1], "x", "", "", "1890/QĐ-UBND", "15/08/2025"],
            ["3", NAMES[2], "", "x", "", "1890/QĐ-UBND", "15/08/2025"],
        ],
        "level",
        ["Xã", "Tỉnh", "Huyện"],
    ),
}


@pytest.mark.parametrize(("rows", "column", "expected"), CASES.values(), ids=CASES.keys())
def test_a_column_of_marks_reads_the_headings_marked(
    rows: list[list[str]], column: str, expected: list[str | None] | None
) -> None:
    assert _values(_table(rows), column) == expected


def test_a_row_marking_both_online_levels_is_reported_by_pa506(tmp_path: Path) -> None:
    rows = _sheet(ONLINE_TOP, ONLINE_SUB, [["x", ""], ["x", "x"], ["", "x"], ["x", ""]])
    path = tmp_path / "dvctt.csv"
    path.write_text("\n".join(",".join(row) for row in rows), encoding="utf-8")
    result = audit([str(path)], selection=RuleSelection(select=("PA506",)))
    assert [(f.rule, f.row, f.column) for f in result.findings] == [("PA506", 4, "online_level")]


def test_the_sub_columns_marked_are_read_and_said() -> None:
    table = _table(_sheet(LEVELS_TOP, LEVELS_SUB, [["", "", "x"], ["", "x", "x"], ["x", "", ""]]))
    assert table.account is not None
    (marked,) = table.account.marks
    assert (marked.column, marked.positions, marked.values) == (
        "level",
        (2, 3, 4),
        tuple(LEVELS_SUB[2:5]),
    )
    assert table.header_map.unmapped == ()  # the sub-columns are used, not left over
    catalogue = read_grid(
        "list.xlsx", text_grid("DM", _sheet(LEVELS_TOP, LEVELS_SUB, [["x", "", ""]] * 3))
    )
    assert catalogue.notes == (
        "sheet 'DM': a row's level is the sub-heading it marks under 'Cấp thực hiện' "
        "(Tỉnh, Huyện, Xã)",
    )


def test_a_lone_column_of_marks_is_refused_and_said() -> None:
    rows = CASES["a lone column of marks"][0]
    catalogue = read_grid("list.xlsx", text_grid("DM", rows))
    (table,) = catalogue.tables
    assert table.account is not None
    (choice,) = table.account.by_values
    assert (choice.position, choice.column, choice.chosen, choice.reason) == (
        1,
        "level",
        False,
        MARKS,
    )
    assert catalogue.notes == (
        "sheet 'DM': column 'Cấp thực hiện' is not read as the level: its values are marks "
        "(x) with no other sub-column to say what they mark",
    )


def test_a_column_the_user_mapped_is_kept_even_as_marks() -> None:
    rows = CASES["a lone column of marks"][0]
    options = ReadOptions(mapping={"Cấp thực hiện": "level"})
    (table,) = read_grid("list.xlsx", text_grid("DM", rows), options).tables
    assert _values(table, "level") == ["x"] * len(NAMES)


def test_fix_leaves_the_marks_alone(tmp_path: Path) -> None:
    # A mark with a space around it: PA603's whitespace repair is for values, not marks.
    rows = _sheet(LEVELS_TOP, LEVELS_SUB, [["", "", "x "], ["", " x", "x"], ["x ", "", ""]])
    path = tmp_path / "list.csv"
    path.write_text("\n".join(",".join(row) for row in rows) + "\n", encoding="utf-8")
    (table,) = read_catalogue(str(path)).tables
    assert _values(table, "level") == ["Xã", "Huyện, Xã", "Tỉnh"]
    assert plan_repairs(str(path)).changes == ()


def test_headers_naming_values_are_said_as_such() -> None:
    rows = CASES["levels as headers of one row"][0]
    catalogue = read_grid("list.xlsx", text_grid("DM", rows))
    assert catalogue.notes == (
        "sheet 'DM': a row's level is the header of the column it marks (Cấp tỉnh, Cấp xã, "
        "Cơ quan khác)",
    )
    with speaking("vi"):  # the column by its Vietnamese header, not the English id
        catalogue = read_grid("list.xlsx", text_grid("DM", rows))
    assert catalogue.notes == (
        "trang tính 'DM': giá trị 'Cấp thực hiện' của mỗi dòng là tiêu đề của cột được "
        "đánh dấu (Cấp tỉnh, Cấp xã, Cơ quan khác)",
    )
