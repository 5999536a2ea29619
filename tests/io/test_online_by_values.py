"""Where the column a header prefers as the online level holds no levels ("Có") and another
column headed so holds them ("Toàn trình", "Một phần"), that one is read."""

from __future__ import annotations

import pytest

from conftest import sheet_table
from procaudit.core.i18n import speaking
from procaudit.io.value_words import note

LEVELS = ["Toàn trình", "Một phần", "Toàn trình", "Một phần", ""]
CASES = {
    "flags beside levels": (["Có", "Có", "Có", "Có", "Có"], LEVELS, "Mức độ"),
    "the preferred column holds levels": (LEVELS, ["Có"] * 5, "DVC trực tuyến"),
    "neither holds levels": (["Có"] * 5, ["x", "x", "", "x", "x"], "DVC trực tuyến"),
    "old degrees beside flags": (["Có"] * 5, ["Mức độ 4", "Mức độ 3", "4", "3", "2"], "Mức độ"),
    "too few levels to say": (["Có"] * 5, ["Toàn trình", "", "", "", ""], "DVC trực tuyến"),
}


@pytest.mark.parametrize(("preferred", "other", "read"), CASES.values(), ids=CASES)
def test_the_online_level_is_read_from_the_column_of_levels(
    preferred: list[str], other: list[str], read: str
) -> None:
    header = ["STT", "Mã TTHC", "Tên thủ tục", "DVC trực tuyến", "Mức độ"]
    rows = [
        [str(n), f"1.00{n:04d}", f"Thủ tục {n}", first, second]
        for n, (first, second) in enumerate(zip(preferred, other, strict=True), 1)
    ]
    table = sheet_table([header, *rows])
    assert header[table.header_map.columns["online_level"]] == read


def test_the_choice_is_said_in_both_languages() -> None:
    header = ["Tên thủ tục", "DVC trực tuyến", "Mức độ"]
    rows = [[f"Thủ tục {n}", "Có", level] for n, level in enumerate(LEVELS)]
    table = sheet_table([header, *rows])
    said = [note(choice, f"'{header[choice.position]}'") for choice in table.account.by_values]
    assert said == [
        "column 'DVC trực tuyến' is not read as the online_level: its values name no online "
        "level (Có, …): the column of levels is read instead",
        "column 'Mức độ' is read as the online_level because its values are online levels "
        "(Toàn trình, Một phần, …)",
    ]
    with speaking("vi"):
        assert note(table.account.by_values[1], "'Mức độ'").endswith(
            "vì giá trị là mức độ dịch vụ công trực tuyến (Toàn trình, Một phần, …)"
        )


UNNAMED = {
    "levels under a header naming none": ("Hình thức DVCTT", LEVELS, "Hình thức DVCTT"),
    "levels in words": (
        "Cung cấp DVCTT",
        ["DVC trực tuyến toàn trình", "DVCTT một phần", "Toàn trình", "Một phần"],
        "Cung cấp DVCTT",
    ),
    "a database's": ("hinh_thuc_dvc", ["toan_trinh", "mot_phan", "mot_phan", ""], "hinh_thuc_dvc"),
    # Cells that say only "not online", or a number, name no column: a "Cách thức thực hiện"
    # of "Trực tiếp", a yes/no column of "Không", a count.
    "ways to submit": ("Cách thức", ["Trực tiếp", "Trực tiếp", "Trực tiếp", "Bưu chính"], None),
    "noes": ("Liên thông", ["Không", "Không", "Không", "Không"], None),
    "numbers": ("Số bộ hồ sơ", ["4", "3", "4", "2"], None),
    "flags": ("Trực tuyến", ["Có", "Có", "x", "Có"], None),
}


@pytest.mark.parametrize(("header", "cells", "read"), UNNAMED.values(), ids=UNNAMED)
def test_a_column_no_header_names_is_the_online_level_by_its_values(
    header: str, cells: list[str], read: str | None
) -> None:
    labels = ["STT", "Mã TTHC", "Tên thủ tục", header]
    rows = [[str(n), f"1.00{n:04d}", f"Thủ tục {n}", cell] for n, cell in enumerate(cells, 1)]
    position = sheet_table([labels, *rows]).header_map.columns.get("online_level")
    assert (None if position is None else labels[position]) == read
