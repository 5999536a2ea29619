"""A workbook's sheets under one header decide their code column together: a unit's sheet
of two rows reads its code where its larger siblings do (io/codes_over_sheets.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import write_workbook
from procaudit.io import read_catalogue

HEADER = ["TEN_CO_QUAN", "MA_THU_TUC", "TEN_TAT", "TEN_THU_TUC"]
NAMES = ["Đăng ký khai sinh", "Đăng ký kết hôn", "Cấp bản sao trích lục", "Đăng ký khai tử",
         "Chứng thực chữ ký"]  # fmt: skip


def _unit(unit: str, ids: list[str], local: str = "2021.HT") -> list[list[object]]:
    return [
        HEADER,
        *([unit, id_, f"{local}.{n:02d}", NAMES[n]] for n, id_ in enumerate(ids)),
    ]


BIG = _unit("Sở Tư pháp", ["23604", "23602", "23580", "23577", "23571"])
SMALL = _unit("UBND xã Tân Lập", ["23490", "23491"])
CASES = {
    # The big sheet refuses MA_THU_TUC's ids and reads TEN_TAT: the small one too.
    "a small sheet beside a big one": ({"Đơn vị 1": BIG, "Đơn vị 2": SMALL}, "TEN_TAT"),
    "the small sheet first": ({"Đơn vị 1": SMALL, "Đơn vị 2": BIG}, "TEN_TAT"),
    # Small sheets alone: their ids judged together are refused; no code read.
    "small sheets alone": (
        {"Đơn vị 1": SMALL, "Đơn vị 2": _unit("UBND xã Tân Phú", ["23470", "23471"])},
        None,
    ),
    # A small sheet of national codes keeps them, whatever its siblings hold.
    "a small sheet of national codes": (
        {"Đơn vị 1": BIG, "Đơn vị 2": _unit("UBND xã Tân Lập", ["1.001193", "1.000894"])},
        "MA_THU_TUC",
    ),
    # A small sheet with no sibling keeps its own reading.
    "a small sheet alone": ({"Đơn vị 1": SMALL}, "MA_THU_TUC"),
    # Siblings reading national codes under MA_THU_TUC tell nothing.
    "national codes": (
        {"Đơn vị 1": _unit("Sở Tư pháp", ["1.001193", "1.000894", "2.000815", "1.000656"]),
         "Đơn vị 2": _unit("UBND xã Tân Lập", ["1.001193"])},
        "MA_THU_TUC",
    ),
}  # fmt: skip


@pytest.mark.parametrize(("sheets", "code"), CASES.values(), ids=CASES.keys())
def test_a_small_sheet_reads_its_code_as_its_siblings_do(
    tmp_path: Path, sheets: dict[str, list[list[object]]], code: str | None
) -> None:
    path = write_workbook(tmp_path / "units.xlsx", sheets)
    tables = read_catalogue(str(path)).tables
    small = [table for table in tables if len(table.frame) < 3] or tables
    for table in small:
        read = table.header_map.columns.get("code")
        assert (None if read is None else table.account.labels[read]) == code
