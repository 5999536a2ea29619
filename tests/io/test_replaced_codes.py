"""An annex of replaced procedures: the code left of the replaced procedure's name is that
procedure's, not the replacing one's the reader takes the name from."""

from __future__ import annotations

import pytest

from conftest import column_read, sheet_table

OLD, NEW = "Cấp giấy phép hoạt động in", "Cấp giấy phép hoạt động in xuất bản phẩm"

CASES = {
    # Circular 02/2017's annex: the one code is the replaced procedure's.
    "Số hồ sơ | replaced name | replacing name": (
        ["STT", "Số hồ sơ TTHC", "Tên TTHC được thay thế", "Tên TTHC thay thế"],
        ["1", "1.003622", OLD, NEW],
        None,
    ),
    "Mã TTHC | name replaced ('bị thay thế') | replacing name": (
        ["STT", "Mã TTHC", "Tên thủ tục hành chính bị thay thế", "Tên thủ tục hành chính thay thế"],
        ["1", "1.003622", OLD, NEW],
        None,
    ),
    # Codes that say whose they are, or stand by the replacing name, are read.
    "each name with its code": (
        ["STT", "Mã số TTHC được thay thế", "Tên TTHC được thay thế", "Mã số TTHC thay thế",
         "Tên TTHC thay thế"],
        ["1", "1.003622", OLD, "1.013001", NEW],
        "1.013001",
    ),
    "the code right of the replaced name": (
        ["STT", "Tên TTHC được thay thế", "Mã TTHC", "Tên TTHC thay thế"],
        ["1", OLD, "1.013001", NEW],
        "1.013001",
    ),
    "no replaced name: an annex of amended procedures": (
        ["STT", "Số hồ sơ TTHC", "Tên TTHC được sửa đổi, bổ sung", "Lĩnh vực"],
        ["1", "1.003622", OLD, "Xuất bản"],
        "1.003622",
    ),
}  # fmt: skip


@pytest.mark.parametrize(("header", "row", "code"), CASES.values(), ids=CASES.keys())
def test_the_replaced_procedures_code_is_not_the_replacing_ones(
    header: list[str], row: list[str], code: str | None
) -> None:
    table = sheet_table([header, row])
    assert column_read(table, "name") == [(2, NEW if "thay thế" in " ".join(header) else OLD)]
    if code is None:
        assert "code" not in table.frame
    else:
        assert column_read(table, "code") == [(2, code)]
