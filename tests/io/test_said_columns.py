"""A column a header names as the status, the level or the online level whose values say
nothing of it (flags, ids) or, for the online level, say it on the old scale, gives way to a
column whose values say it (io/said_columns.py)."""

from __future__ import annotations

import pytest

from conftest import sheet_table
from procaudit.core.i18n import speaking
from procaudit.io.grid import text_grid
from procaudit.io.read import ReadOptions, read_grid

NAMES = [f"Thủ tục hành chính số {n}" for n in range(6)]


def _read(header: list[str], columns: list[list[str]], column: str) -> str | None:
    rows = [
        [f"1.00{n:04d}", NAMES[n], *(values[n] for values in columns)] for n in range(len(NAMES))
    ]
    table = sheet_table([["Mã TTHC", "Tên TTHC", *header], *rows])
    position = table.header_map.columns.get(column)
    return None if position is None else ["Mã TTHC", "Tên TTHC", *header][position]


FLAGS = ["1", "0", "1", "1", "0", "1"]
IN_FORCE = ["Còn hiệu lực", "Còn hiệu lực", "Hết hiệu lực", "Còn hiệu lực", "", "Còn hiệu lực"]
LEVEL_IDS = ["2", "3", "3", "2", "3", "3"]
LEVELS = ["Cấp tỉnh", "Cấp xã", "Cấp xã", "Cấp tỉnh", "Cấp xã", "Cấp xã"]
OLD = ["Mức độ 4", "Mức độ 3", "Mức độ 4", "Mức độ 3", "Mức độ 4", "Mức độ 4"]
CURRENT = ["Toàn trình", "Một phần", "Toàn trình", "Một phần", "Toàn trình", "Toàn trình"]
NOTES = ["Liên thông", "", "", "Thực hiện tại xã", "", ""]

CASES = {
    # The status: flags beside statuses in words, under headers both naming the status.
    "flags, then statuses": (["TRANG_THAI", "HIEU_LUC"], [FLAGS, IN_FORCE], "status", "HIEU_LUC"),
    # "Đóng" (closed) says the procedure is suspended: the column says a status.
    "open and closed, then statuses": (
        ["TRANG_THAI", "HIEU_LUC"],
        [["Mở", "Mở", "Đóng", "Mở", "Mở", "Mở"], IN_FORCE],
        "status",
        "TRANG_THAI",
    ),
    "flags alone": (["TRANG_THAI"], [FLAGS], "status", "TRANG_THAI"),
    "statuses, then flags": (["HIEU_LUC", "TRANG_THAI"], [IN_FORCE, FLAGS], "status", "HIEU_LUC"),
    # A column no header names, of statuses filled on most rows.
    "flags, then unheaded statuses": (
        ["TRANG_THAI", "GHI_CHU"],
        [FLAGS, ["Còn hiệu lực"] * 5 + ["Hết hiệu lực"]],
        "status",
        "GHI_CHU",
    ),
    "flags, then sparse notes": (["TRANG_THAI", "GHI_CHU"], [FLAGS, NOTES], "status", "TRANG_THAI"),
    # The level: ids beside names.
    "level ids, then levels": (["CAP_TH", "TEN_CAP"], [LEVEL_IDS, LEVELS], "level", "TEN_CAP"),
    "levels, then ids": (["TEN_CAP", "CAP_TH"], [LEVELS, LEVEL_IDS], "level", "TEN_CAP"),
    "level ids alone": (["CAP_TH"], [LEVEL_IDS], "level", "CAP_TH"),
    # The online level: the old scale beside the current one.
    "old scale, then current": (
        ["Mức độ", "DVC toàn trình/một phần"],
        [OLD, CURRENT],
        "online_level",
        "DVC toàn trình/một phần",
    ),
    "bare old numbers, then current": (
        ["MUC_DO", "HINH_THUC"],
        [["4", "3", "4", "3", "4", "4"], CURRENT],
        "online_level",
        "HINH_THUC",
    ),
    "old scale alone": (["Mức độ"], [OLD], "online_level", "Mức độ"),
    "current, then old scale": (
        ["Mức độ DVC", "Ghi chú"],
        [CURRENT, OLD],
        "online_level",
        "Mức độ DVC",
    ),
    # Some values on the new scale: the column says its levels, and PA503 reports the rest.
    "old scale mixed with current": (
        ["Mức độ", "HINH_THUC"],
        [["Mức độ 4", "Toàn trình", "Một phần", "Mức độ 3", "Toàn trình", "Toàn trình"], CURRENT],
        "online_level",
        "Mức độ",
    ),
}


@pytest.mark.parametrize(("header", "columns", "column", "read"), CASES.values(), ids=CASES)
def test_the_column_whose_values_say_it_is_read(
    header: list[str], columns: list[list[str]], column: str, read: str | None
) -> None:
    assert _read(header, columns, column) == read


def test_a_mapped_column_is_never_passed_over() -> None:
    rows = [[f"1.00{n:04d}", NAMES[n], FLAGS[n], IN_FORCE[n]] for n in range(len(NAMES))]
    grid = text_grid(None, [["Mã TTHC", "Tên TTHC", "TRANG_THAI", "HIEU_LUC"], *rows])
    options = ReadOptions(mapping={"TRANG_THAI": "status"})
    (table,) = read_grid("list.csv", grid, options).tables
    assert table.header_map.columns["status"] == 2


@pytest.mark.parametrize(
    "old", [["4", "3", "4", "2", "4", "4"], ["Mức độ 4", "Mức độ 3", "4", "3", "Mức độ 2", "4"]]
)
def test_the_note_says_a_column_of_old_levels_is_on_the_old_scale(old: list[str]) -> None:
    # Bare 2/3/4 under "Mức độ DVC" are levels of the old scale, not values that are none.
    rows = [[f"1.00{n:04d}", NAMES[n], old[n], CURRENT[n]] for n in range(len(NAMES))]
    grid = text_grid("DM", [["Mã TTHC", "Tên TTHC", "Mức độ DVC", "Hình thức DVC"], *rows])
    catalogue = read_grid("list.xlsx", grid)
    (table,) = catalogue.tables
    assert table.header_map.columns["online_level"] == 3
    (note,) = catalogue.notes
    assert "is not read as the online_level: its values are on the scale Decree 42/2022" in note
    assert "none of its values" not in note


def test_the_vietnamese_note_on_a_column_headed_as_usual_does_not_name_it_twice() -> None:
    rows = [[f"1.00{n:04d}", NAMES[n], FLAGS[n], IN_FORCE[n]] for n in range(len(NAMES))]
    grid = text_grid("DM", [["Mã TTHC", "Tên TTHC", "Tình trạng", "HIEU_LUC"], *rows])
    with speaking("vi"):
        (note,) = read_grid("list.xlsx", grid).notes
    assert note.startswith("trang tính 'DM': cột 'Tình trạng' không được đọc theo tiêu đề: ")
    assert "không được đọc là cột 'Tình trạng'" not in note
