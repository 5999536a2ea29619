"""PA205 duplicate-across-tables: workbooks of several tables in, findings out."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import write_workbook
from procaudit.engine.audit import audit

BIRTH, DEATH, MARRIAGE = "Đăng ký khai sinh", "Đăng ký khai tử", "Đăng ký kết hôn"
HEADER = ["STT", "Mã TTHC", "Tên thủ tục", "Cấp thực hiện"]


def _list(*rows: tuple[str, str], level: str = "Cấp xã", title: str = "") -> list[list[object]]:
    head: list[list[object]] = [[title]] if title else []
    return [*head, HEADER, *([n, c, name, level] for n, (c, name) in enumerate(rows, 1))]


def _bare(*rows: tuple[str, str], header: list[str] | None = None) -> list[list[object]]:
    """A list with no level column: its level is the sheet's name, if that names one."""
    return [header or HEADER[:3], *([n, c, name] for n, (c, name) in enumerate(rows, 1))]


B, D, M = ("1.001193", BIRTH), ("1.000656", DEATH), ("1.000894", MARRIAGE)
SHEETS = {
    "a sheet per field, one procedure on two": (
        {"Hộ tịch": _list(B, D), "Chứng thực": _list(M, ("1.001193", "ĐĂNG KÝ KHAI SINH."))},
        [("Hộ tịch", 2, "sheet 'Chứng thực', row 3"), ("Chứng thực", 3, "sheet 'Hộ tịch', row 2")],
    ),
    "a code repaired the same": (
        {"A": _list(B), "B": _list(("1,001193", BIRTH))},
        [("A", 2, "sheet 'B', row 2"), ("B", 2, "sheet 'A', row 2")],
    ),
    "a sheet per level: one procedure at two levels": (
        {"TTHC cấp tỉnh": _bare(B, D), "TTHC cấp xã": _bare(B, M)},
        [],
    ),
    "a procedure of both levels on the province's sheet and the communes'": (
        {
            "TTHC cấp tỉnh": _list(B, D, level="Cấp tỉnh, Cấp xã"),
            "TTHC cấp xã": _list(B, M, level="Cấp tỉnh, Cấp xã"),
        },
        [],
    ),
    "two sheets titled with one level": (
        {
            "S1": _list(B, D, title="DANH MỤC TTHC CẤP XÃ"),
            "S2": _list(M, B, title="DANH MỤC TTHC CẤP XÃ (tiếp)"),
        },
        [("S1", 3, "sheet 'S2', row 4"), ("S2", 4, "sheet 'S1', row 3")],
    ),
    "a sheet per unit: every commune offers it": (
        {"UBND xã Tân Lập": _bare(B, D), "UBND xã Hà Thạch": _bare(B, M)},
        [],
    ),
    "different agencies on two sheets": (
        {
            "S1": [[*HEADER, "Cơ quan thực hiện"], [1, *B, "Cấp tỉnh", "Sở Tư pháp"]],
            "S2": [[*HEADER, "Cơ quan thực hiện"], [1, *B, "Cấp tỉnh", "Sở Nội vụ"]],
        },
        [],
    ),
    "one agency written out and abbreviated": (
        {
            "S1": [[*HEADER, "Cơ quan thực hiện"], [1, *B, "Cấp tỉnh", "Sở TN&MT"]],
            "S2": [
                [*HEADER, "Cơ quan thực hiện"],
                [1, *B, "Cấp tỉnh", "Sở Tài nguyên và Môi trường"],
            ],
        },
        [("S1", 2, "sheet 'S2', row 2"), ("S2", 2, "sheet 'S1', row 2")],
    ),
    "one agency, 'UBND' and 'Ủy ban nhân dân', 'TP.' and 'thành phố'": (
        {
            "S1": [[*HEADER, "Cơ quan thực hiện"], [1, *B, "Cấp xã", "UBND TP. Việt Trì"]],
            "S2": [
                [*HEADER, "Cơ quan thực hiện"],
                [1, *B, "Cấp xã", "Ủy ban nhân dân thành phố Việt Trì"],
            ],
        },
        [("S1", 2, "sheet 'S2', row 2"), ("S2", 2, "sheet 'S1', row 2")],
    ),
    "two districts' offices, one abbreviated": (
        {
            "S1": [[*HEADER, "Cơ quan thực hiện"], [1, *B, "Cấp xã", "Phòng TN&MT huyện Tam Nông"]],
            "S2": [
                [*HEADER, "Cơ quan thực hiện"],
                [1, *B, "Cấp xã", "Phòng Tài nguyên và Môi trường huyện Phù Ninh"],
            ],
        },
        [],
    ),
    "a table of new procedures beside one of abolished ones": (
        {
            "Mới": [[*HEADER, "Tình trạng"], [1, *B, "Cấp xã", "Ban hành mới"]],
            "Bãi bỏ": [[*HEADER, "Tình trạng"], [1, *B, "Cấp xã", "Bãi bỏ"]],
        },
        [],
    ),
    "one code under two names: PA202's matter, if any": (
        {"A": _list(B), "B": _list(("1.001193", DEATH))},
        [],
    ),
    "a copy within one sheet: PA201's": ({"A": _list(B, B), "B": _list(D)}, []),
    "the list, and each procedure's details on the next sheet": (
        {
            "Phần I": _list(B, D, M, ("1.000689", "Đăng ký lại khai sinh")),
            "Phần II": [
                [*HEADER, "Trình tự thực hiện", "Phí, lệ phí"],
                *([n, *p, "Cấp xã", "Bước 1: nộp hồ sơ", "Không"] for n, p in enumerate([B, D, M])),
            ],
        },
        [],
    ),
    "three copies of a longer list": (
        {
            "A": _list(B, D, M, *((f"1.0020{n:02d}", f"Thủ tục {n}") for n in range(4))),
            "B": _list(B, D, M, *((f"1.0030{n:02d}", f"Thủ tục khác {n}") for n in range(4))),
        },
        [
            ("A", 2, "sheet 'B', row 2"),
            ("A", 3, "sheet 'B', row 3"),
            ("A", 4, "sheet 'B', row 4"),
            ("B", 2, "sheet 'A', row 2"),
            ("B", 3, "sheet 'A', row 3"),
            ("B", 4, "sheet 'A', row 4"),
        ],
    ),
}


@pytest.mark.parametrize(("sheets", "expected"), SHEETS.values(), ids=SHEETS)
def test_pa205_one_procedure_in_two_tables(
    tmp_path: Path, sheets: dict[str, list[list[object]]], expected: list[tuple[str, int, str]]
) -> None:
    path = write_workbook(tmp_path / "book.xlsx", sheets)
    found = [f for f in audit([str(path)]).findings if f.rule == "PA205"]
    assert sorted((f.sheet, f.row, f.message) for f in found) == sorted(
        (
            sheet,
            row,
            f"The same procedure is also listed in another table of this file: {where}.",
        )
        for sheet, row, where in expected
    )


def test_pa205_two_tables_side_by_side_on_one_sheet(tmp_path: Path) -> None:
    left, right = _list(B, D, title="TTHC cấp xã"), _list(M, B, title="TTHC cấp xã (tiếp)")
    rows = [[*a, "", *b] for a, b in zip(left, right, strict=True)]
    found = [
        f
        for f in audit([str(write_workbook(tmp_path / "b.xlsx", {"DM": rows}))]).findings
        if f.rule == "PA205"
    ]
    assert [(f.row, f.code, f.message.split(": ", 1)[1]) for f in found] == [
        (3, "1.001193", "row 4 of another table on this sheet."),
        (4, "1.001193", "row 3 of another table on this sheet."),
    ]
