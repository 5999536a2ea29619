"""Where no header names the code, the column whose values are procedure codes is read as
it; never a column of an agency's electronic ids ("000.00.15.H44") or one whose header names
another thing's code ("Mã đơn vị", MA_LINH_VUC, "Mã hồ sơ")."""

from __future__ import annotations

import pytest

from conftest import sheet_table

NAMES = ["Đăng ký khai sinh", "Đăng ký khai tử", "Đăng ký kết hôn", "Cấp bản sao trích lục"]
CODES = ["2021.TP.00", "2021.TP.01", "2021.TP.02", "2021.TP.03"]
UNITS = ["000.00.15.H44", "000.01.15.H44", "000.02.15.H44", "000.03.15.H44"]
FIELDS = ["G09-NV01", "G09-NV02", "G09-NV03", "G09-NV04"]

CASES = {
    # (header, each column's cells, the header of the column read as the code, or None)
    "local codes beside a unit's ids": (
        ["Mã đơn vị", "Ký hiệu", "Tên thủ tục"],
        [UNITS, CODES, NAMES],
        "Ký hiệu",
    ),
    "a unit's ids under a header naming nothing": (["Mã ĐV", "Tên thủ tục"], [UNITS, NAMES], None),
    "a field's codes": (["MA_LINH_VUC", "TEN_THU_TUC"], [FIELDS, NAMES], None),
    "a field's codes left of the local codes": (
        ["Mã lĩnh vực", "Số hiệu", "Tên thủ tục"],
        [FIELDS, CODES, NAMES],
        "Số hiệu",
    ),
    "local codes alone": (["Ký hiệu", "Tên thủ tục"], [CODES, NAMES], "Ký hiệu"),
}


@pytest.mark.parametrize(("header", "columns", "read"), CASES.values(), ids=CASES.keys())
def test_the_code_column_chosen_by_its_values(
    header: list[str], columns: list[list[str]], read: str | None
) -> None:
    table = sheet_table([header, *map(list, zip(*columns, strict=True))])
    chosen = table.header_map.columns.get("code")
    assert (None if chosen is None else header[chosen]) == read
