"""A decision's detail sheet (its list's procedures again, with their content in columns and
no code) is left out of the audit with one sentence; a second list is read."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import write_workbook
from procaudit.io.read import ReadOptions, read_catalogue

NAMES = [
    "Đăng ký khai sinh",
    "Đăng ký kết hôn",
    "Đăng ký khai tử",
    "Chứng thực bản sao từ bản chính",
]
LIST = [
    ["STT", "Mã TTHC", "Tên thủ tục hành chính", "Cơ quan thực hiện"],
    *[[i, f"1.00{i:04d}", name, "UBND cấp xã"] for i, name in enumerate(NAMES, 1)],
]


def _detail(names: list[str], code: bool = False, content: bool = True) -> list[list[object]]:
    header = ["STT", "Tên thủ tục hành chính", "Trình tự thực hiện", "Cơ quan thực hiện"]
    header += ["Thời hạn giải quyết", "Phí, lệ phí"] if content else []
    header += ["Mã TTHC"] if code else []
    rows: list[list[object]] = [header]
    for i, name in enumerate(names, 1):
        row: list[object] = [i, name, "Bước 1: nộp hồ sơ", "UBND cấp xã"]
        row += ["5 ngày làm việc", "Không"] if content else []
        row += [f"1.00{i:04d}"] if code else []
        rows.append(row)
    return rows


CASES = {
    # The detail's names typed otherwise (case, spaces) are the list's all the same.
    "a detail sheet": ([n.upper() + " " for n in NAMES], {}, ["Phần I"]),
    "a detail of most of the list": (NAMES[:3], {}, ["Phần I"]),
    "a second list sharing few names": (["Cấp giấy phép xây dựng", *NAMES[:1], "A", "B"], {}, None),
    "the same names with codes: a list": (NAMES, {"code": True}, None),
    "the same names, no content column: a list": (NAMES, {"content": False}, None),
    "too few rows to tell": (NAMES[:2], {}, None),
}


@pytest.mark.parametrize(("names", "shape", "read"), CASES.values(), ids=CASES.keys())
def test_a_detail_sheet_is_left_out(
    tmp_path: Path, names: list[str], shape: dict[str, bool], read: list[str] | None
) -> None:
    path = write_workbook(
        tmp_path / "qd.xlsx", {"Phần I": LIST, "Phần II": _detail(names, **shape)}
    )
    catalogue = read_catalogue(str(path))
    assert [table.sheet for table in catalogue.tables] == (read or ["Phần I", "Phần II"])
    if read:
        assert catalogue.skipped_sheets["Phần II"].startswith(
            f"details the {len(names)} procedures of sheet 'Phần I' with their content"
        )
    else:
        assert "Phần II" not in catalogue.skipped_sheets


def test_a_detail_sheet_asked_for_is_read(tmp_path: Path) -> None:
    path = write_workbook(tmp_path / "qd.xlsx", {"Phần I": LIST, "Phần II": _detail(NAMES)})
    catalogue = read_catalogue(str(path), ReadOptions(sheet="Phần II"))
    assert [table.sheet for table in catalogue.tables] == ["Phần II"]
