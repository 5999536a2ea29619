"""A row numbered by a formula saved without its value ("=A5+1", "=ROW()-3": an xlsx a
program wrote) is numbered: a procedure of its own, not a line of the name above."""

from __future__ import annotations

from pathlib import Path

import pytest

from procaudit.catalogue.columns import ROW
from procaudit.io.read import read_catalogue
from tests.conftest import write_workbook

_HEADER = ["STT", "Mã TTHC", "Tên thủ tục hành chính", "Cơ quan thực hiện"]
_NAMES = ["Đăng ký khai sinh", "Đăng ký kết hôn", "Chứng thực bản sao", "Cấp phiếu lý lịch"]


def _read(tmp_path: Path, rows: list[list[object]]) -> list[tuple[int, str]]:
    path = write_workbook(tmp_path / "f.xlsx", {"DM": [_HEADER, *rows]})
    (table,) = read_catalogue(str(path)).tables
    return list(zip(table.frame[ROW].tolist(), table.frame["name"].tolist(), strict=True))


@pytest.mark.parametrize(
    ("numbers", "codes"),
    [
        (["1", "=A2+1", "=A3+1", "=A4+1"], [None, None, None, None]),  # a new list: no codes
        (["=ROW()-1", "=ROW()-1", "=ROW()-1", "=ROW()-1"], [None, "1.000001", None, None]),
        ([1, "=A2+1", 3, "=A4+1"], [None, None, None, None]),
    ],
)
def test_rows_numbered_by_a_formula_are_procedures(
    tmp_path: Path, numbers: list[object], codes: list[str | None]
):
    rows = [[n, c, name, "Sở Tư pháp"] for n, c, name in zip(numbers, codes, _NAMES, strict=True)]
    assert _read(tmp_path, rows) == list(zip(range(2, 6), _NAMES, strict=True))


def test_a_name_wrapped_under_a_numbered_row_still_goes_on(tmp_path: Path):
    rows = [
        [1, None, "Đăng ký khai sinh có yếu tố", "Sở Tư pháp"],
        [None, None, "nước ngoài", None],
        ["=A2+1", None, "Đăng ký kết hôn", "Sở Tư pháp"],
    ]
    assert _read(tmp_path, rows) == [
        (2, "Đăng ký khai sinh có yếu tố nước ngoài"),
        (4, "Đăng ký kết hôn"),
    ]
