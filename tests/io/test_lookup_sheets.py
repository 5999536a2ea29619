"""A workbook's lookup sheet (codes and names the list on another sheet looks up, of its
procedures or of its fields) is left out of the audit with one sentence; a sheet per field, a
list per level, an annex of abolished procedures are read."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import write_workbook
from procaudit.io.read import ReadOptions, read_catalogue

NAMES = ["Đăng ký khai sinh", "Đăng ký kết hôn", "Đăng ký khai tử", "Đăng ký giám hộ"]
CODES = [f"1.00{i:04d}" for i in range(178, 182)]
FIELDS = ["Hộ tịch", "Hộ tịch", "Chứng thực", "Nuôi con nuôi"]
LIST = [
    ["STT", "Mã TTHC", "Tên thủ tục", "Lĩnh vực", "Cơ quan thực hiện"],
    *[
        [i, c, n, f, "UBND cấp xã"]
        for i, (c, n, f) in enumerate(zip(CODES, NAMES, FIELDS, strict=True), 1)
    ],
]
CODE_NAME = ["Mã TTHC", "Tên thủ tục"]


def _rows(codes: list[str]) -> list[list[object]]:
    """The list's codes `codes` beside their names."""
    return [[code, NAMES[CODES.index(code)]] for code in codes]


OTHERS = [("2.000815", "Chứng thực bản sao"), ("2.000843", "Chứng thực chữ ký")]

CASES: dict[str, tuple[list[list[object]], bool]] = {
    # sheet 2's rows, whether it is left out as a lookup list
    "the list's codes and names": ([CODE_NAME, *_rows(CODES)], True),
    "some of them, typed otherwise": (
        [CODE_NAME, *[[c, n.upper() + "."] for c, n in zip(CODES[:3], NAMES, strict=False)]],
        True,
    ),
    "the fields' codes and names": (
        [["Mã", "Tên"], ["HT", "Hộ tịch"], ["CT", "Chứng thực"], ["NCN", "Nuôi con nuôi"]],
        True,
    ),
    "all fields, the list's among them": (
        [
            ["Mã", "Tên"],
            ["HT", "Hộ tịch"],
            ["CT", "Chứng thực"],
            ["NCN", "Nuôi con nuôi"],
            ["DD", "Đất"],
        ],
        True,
    ),
    # Real second lists.
    "another field's procedures": ([CODE_NAME, *map(list, OTHERS), ["2.000884", "X"]], False),
    "one code of another procedure": (
        [CODE_NAME, *_rows(CODES[:3]), list(OTHERS[0])],
        False,
    ),
    "the codes under other names": (
        [CODE_NAME, *[[c, f"Cấp giấy phép {n}"] for c, n in zip(CODES, NAMES, strict=True)]],
        False,
    ),
    "a column of their own": (
        [
            [*CODE_NAME, "Cấp thực hiện"],
            *[[c, n, "Cấp xã"] for c, n in zip(CODES, NAMES, strict=True)],
        ],
        False,
    ),
    "abolished, said by the header": (
        [["Mã TTHC", "Tên TTHC bị bãi bỏ"], *_rows(CODES)],
        False,
    ),
    "a row without a code": ([CODE_NAME, *_rows(CODES), [None, "Z"]], False),
    "too few rows to tell": ([CODE_NAME, *_rows(CODES[:2])], False),
    "fields with procedure codes": (
        [["Mã", "Tên"], ["1.000001", "Hộ tịch"], ["1.000002", "Chứng thực"], ["1.000003", "A"]],
        False,
    ),
    "a procedure's name among fields": (
        [["Mã", "Tên"], ["HT", "Hộ tịch"], ["CT", "Chứng thực"], ["DK", NAMES[0]]],
        False,
    ),
}


# A sheet of the whole catalogue (the national database's codes, names and fields): more
# procedures than the list, the list's among them.
CATALOGUE = ["Mã TTHC", "Tên thủ tục", "Lĩnh vực"]
NATIONAL = [[f"2.{n:06d}", f"Thủ tục số {n} của danh mục quốc gia", "Khác"] for n in range(8)]
THE_LISTS = [[c, n, f] for c, n, f in zip(CODES, NAMES, FIELDS, strict=True)]
AGENCY_ONLY = [
    ["Mã TTHC", "Tên thủ tục", "Lĩnh vực", "Số quyết định"],
    *([*r, "1/QĐ-UBND"] for r in THE_LISTS),
]

WHOLE_CASES: dict[str, tuple[dict[str, list[list[object]]], bool]] = {
    # the workbook's sheets, whether sheet "CSDL" is left out as a lookup of the whole catalogue
    "the catalogue, the list's procedures among them": (
        {"Danh mục": LIST, "CSDL": [CATALOGUE, *NATIONAL[:4], *THE_LISTS, *NATIONAL[4:]]},
        True,
    ),
    "before the list": ({"CSDL": [CATALOGUE, *THE_LISTS, *NATIONAL], "Danh mục": LIST}, True),
    "codes and names only": (
        {"Danh mục": LIST, "CSDL": [CODE_NAME, *(r[:2] for r in THE_LISTS + NATIONAL)]},
        True,
    ),
    "the list's names are its look-ups, saved without values": (
        {
            "Danh mục": [LIST[0], *([i, c, None, f, "UBND cấp xã"] for i, c, _, f, _ in LIST[1:])],
            "CSDL": [CATALOGUE, *THE_LISTS, *NATIONAL],
        },
        True,
    ),
    # Real lists.
    "the list's codes under other names": (
        {
            "Danh mục": LIST,
            "CSDL": [CATALOGUE, *([c, f"Cấp phép {n}", f] for c, n, f in THE_LISTS), *NATIONAL],
        },
        False,
    ),
    "half of the list's codes": (
        {"Danh mục": LIST, "CSDL": [CATALOGUE, *THE_LISTS[:2], *NATIONAL]},
        False,
    ),
    "no more rows than the list (its fields too: read)": (
        {"Danh mục": LIST, "CSDL": [CATALOGUE, *THE_LISTS]},
        False,
    ),
    "a list whose fields head its sections": (
        {
            "Danh mục": LIST,
            "CSDL": [
                CODE_NAME,
                ["I. Lĩnh vực Hộ tịch", None],
                *(r[:2] for r in THE_LISTS),
                ["II. Lĩnh vực Khác", None],
                *(r[:2] for r in NATIONAL),
            ],
        },
        False,
    ),
    "a row without a code": (
        {
            "Danh mục": LIST,
            "CSDL": [CATALOGUE, *THE_LISTS, *NATIONAL, [None, "Thủ tục mới", "Khác"]],
        },
        False,
    ),
    "local codes": (
        {
            "Danh mục": LIST,
            "CSDL": [
                CATALOGUE,
                *THE_LISTS,
                *([f"HT.{at:02d}", n, f] for at, (_, n, f) in enumerate(NATIONAL)),
            ],
        },
        False,
    ),
    "beside a list that says nothing of who does its procedures or how": (
        {"Danh mục": AGENCY_ONLY, "CSDL": [CATALOGUE, *THE_LISTS, *NATIONAL]},
        False,
    ),
    "a level of its own": (
        {
            "Danh mục": LIST,
            "CSDL": [
                [*CATALOGUE, "Cấp thực hiện"],
                *([*r, "Cấp xã"] for r in THE_LISTS + NATIONAL),
            ],
        },
        False,
    ),
}


@pytest.mark.parametrize(("sheets", "aside"), WHOLE_CASES.values(), ids=WHOLE_CASES.keys())
def test_a_lookup_of_the_whole_catalogue_is_left_out(
    tmp_path: Path, sheets: dict[str, list[list[object]]], aside: bool
) -> None:
    path = write_workbook(tmp_path / "dm.xlsx", sheets)
    catalogue = read_catalogue(str(path))
    read = [table.sheet for table in catalogue.tables]
    if aside:
        assert read == ["Danh mục"]
        assert catalogue.skipped_sheets["CSDL"].startswith(
            f"holds only the codes and names ({len(sheets['CSDL']) - 1} rows) of a"
        )
    else:
        assert sorted(read) == ["CSDL", "Danh mục"]


@pytest.mark.parametrize(("rows", "aside"), CASES.values(), ids=CASES.keys())
def test_a_lookup_sheet_is_left_out(tmp_path: Path, rows: list[list[object]], aside: bool) -> None:
    path = write_workbook(tmp_path / "dm.xlsx", {"Danh mục": LIST, "DM": rows})
    catalogue = read_catalogue(str(path))
    read = [table.sheet for table in catalogue.tables]
    if aside:
        assert read == ["Danh mục"]
        assert catalogue.skipped_sheets["DM"].startswith(
            f"holds only the codes and names ({len(rows) - 1} rows) of what sheet 'Danh mục'"
        )
    else:
        assert read == ["Danh mục", "DM"]


def test_a_lookup_sheet_before_the_list_is_left_out(tmp_path: Path) -> None:
    lookup = [CODE_NAME, *_rows(CODES)]
    path = write_workbook(tmp_path / "dm.xlsx", {"DM": lookup, "Danh mục": LIST})
    assert [table.sheet for table in read_catalogue(str(path)).tables] == ["Danh mục"]


def test_two_lists_of_codes_and_names_are_both_read(tmp_path: Path) -> None:
    # Neither reads more than the other: no list to serve.
    lookup = [CODE_NAME, *_rows(CODES)]
    path = write_workbook(tmp_path / "dm.xlsx", {"A": lookup, "B": lookup})
    assert [table.sheet for table in read_catalogue(str(path)).tables] == ["A", "B"]


def test_a_lookup_sheet_asked_for_is_read(tmp_path: Path) -> None:
    lookup = [CODE_NAME, *_rows(CODES)]
    path = write_workbook(tmp_path / "dm.xlsx", {"Danh mục": LIST, "DM": lookup})
    catalogue = read_catalogue(str(path), ReadOptions(sheet="DM"))
    assert [table.sheet for table in catalogue.tables] == ["DM"]


def test_a_sheet_of_steps_beside_the_list_says_its_own_columns(tmp_path: Path) -> None:
    # An internal process: each procedure's code and name on its step rows. "Only the codes
    # and names" would be untrue of it, and its rows are no procedures.
    steps = [
        ["STT", "Tên thủ tục", "Mã TTHC", "Bước", "Nội dung", "Thời gian"],
        *[
            [number, name, code, f"Bước {step}", "Tiếp nhận hồ sơ", "1 ngày"]
            for number, (code, name) in enumerate(zip(CODES, NAMES, strict=True), 1)
            for step in (1, 2, 3)
        ],
    ]
    path = write_workbook(tmp_path / "dm.xlsx", {"Danh mục": LIST, "Quy trình": steps})
    catalogue = read_catalogue(str(path))
    assert [table.sheet for table in catalogue.tables] == ["Danh mục"]
    assert catalogue.skipped_sheets["Quy trình"] == (
        "reads, of a catalogue's columns, only the codes and names of what sheet 'Danh mục' "
        "lists, beside columns of its own ('Bước', 'Nội dung', 'Thời gian'): not a list of "
        "procedures; sheet 'Danh mục' is audited (--sheet reads this one)"
    )
