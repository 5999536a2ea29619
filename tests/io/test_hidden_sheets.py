"""A workbook's hidden sheets (a lookup list for drop-downs, an old copy of the list), its
guides ("Hướng dẫn": how to fill the list in, with made-up example rows) and the sheets
named as an old copy ("DM 2024 (cũ)") are not read as procedure lists, unless no other sheet
holds one or the user asks for the sheet."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import write_workbook
from procaudit.core.errors import InputError
from procaudit.io.read import ReadOptions, read_catalogue

HEADER = ["STT", "Mã TTHC", "Tên thủ tục hành chính", "Cấp thực hiện"]
LIST = [
    HEADER,
    [1, "1.000001", "Đăng ký khai sinh", "Cấp xã"],
    [2, "1.000002", "Đăng ký kết hôn", "Cấp xã"],
    [3, "1.000003", "Cấp giấy phép xây dựng", "Cấp tỉnh"],
]
OLD_COPY = LIST[:3]
LOOKUP = [["Cấp tỉnh"], ["Cấp xã"]]
COVER = [["QUYẾT ĐỊNH"], ["Về việc công bố danh mục thủ tục hành chính"]]
HIDDEN = "hidden in the workbook (--sheet reads it)"
EXAMPLE = [
    HEADER,
    [1, "1.000XXX", "Tên thủ tục theo Quyết định công bố", "Cấp tỉnh / Cấp xã"],
    [2, "2.00XXXX", "Ví dụ: Đăng ký khai sinh", "Cấp huyện (không dùng)"],
]
GUIDE = "a guide to filling the list in (--sheet reads it)"
OLD = "named as an old copy of the list (--sheet reads it)"


def _read(path: Path, sheet: str | None = None) -> tuple[dict[str | None, int], dict[str, str]]:
    catalogue = read_catalogue(str(path), ReadOptions(sheet=sheet))
    rows = {table.sheet: len(table.frame) for table in catalogue.tables}
    return rows, dict(catalogue.skipped_sheets)


@pytest.mark.parametrize(
    ("sheets", "hidden", "sheet", "read", "skipped"),
    [
        pytest.param(
            {"Danh mục": LIST, "Cũ": OLD_COPY, "DM": LOOKUP},
            ("Cũ", "DM"),
            None,
            {"Danh mục": 3},
            {"Cũ": HIDDEN, "DM": HIDDEN},
            id="an old copy and a lookup list hidden",
        ),
        pytest.param(
            {"Cũ": OLD_COPY, "Danh mục": LIST},
            ("Cũ",),
            None,
            {"Danh mục": 3},
            {"Cũ": HIDDEN},
            id="a hidden sheet before the list",
        ),
        pytest.param(
            {"Danh mục": LIST, "Cũ": OLD_COPY},
            ("Cũ",),
            "Cũ",
            {"Cũ": 2},
            {"Danh mục": "not the sheet asked for"},
            id="--sheet reads a hidden sheet",
        ),
        pytest.param(
            {"Bìa": COVER, "Danh mục": LIST},
            ("Danh mục",),
            None,
            {"Danh mục": 3},
            {"Bìa": None},
            id="only a hidden sheet holds the list",
        ),
        pytest.param(
            {"Danh mục": LIST, "Cư trú": OLD_COPY, "Cu Chi": OLD_COPY},
            (),
            None,
            {"Danh mục": 3, "Cư trú": 2, "Cu Chi": 2},
            {},
            id="sheets shown are all read",
        ),
        # An official keeps the list as it was beside the one in force: its district level
        # is not the catalogue's defect now. "cu" typed without diacritics counts after a
        # word naming the list only ("Cư trú", "Củ Chi" fold to it too).
        pytest.param(
            {"Danh mục": LIST, "DM 2024 (cũ)": OLD_COPY, "DANH MỤC CŨ": OLD_COPY},
            (),
            None,
            {"Danh mục": 3},
            {"DM 2024 (cũ)": OLD, "DANH MỤC CŨ": OLD},
            id="sheets named as old copies",
        ),
        pytest.param(
            {"DM cu 2024": OLD_COPY, "Danh muc": LIST, "Old": OLD_COPY, "Backup": OLD_COPY},
            (),
            None,
            {"Danh muc": 3},
            {"DM cu 2024": OLD, "Old": OLD, "Backup": OLD},
            id="old copies named without diacritics and in English",
        ),
        pytest.param(
            {"Danh mục cũ": LIST},
            (),
            None,
            {"Danh mục cũ": 3},
            {},
            id="an old copy's name on the only sheet: the list is there",
        ),
        pytest.param(
            {"Danh mục": LIST, "Cũ": OLD_COPY},
            (),
            "Cũ",
            {"Cũ": 2},
            {"Danh mục": "not the sheet asked for"},
            id="--sheet reads an old copy",
        ),
        # A sheet named as a guide shows how to fill the list in; its example rows are made
        # up ("1.000XXX", "Cấp tỉnh / Cấp xã"), so it is set aside as a hidden sheet is.
        pytest.param(
            {"Hướng dẫn": EXAMPLE, "Data": LIST},
            (),
            None,
            {"Data": 3},
            {"Hướng dẫn": GUIDE},
            id="an instructions sheet with an example table before the list",
        ),
        pytest.param(
            {"Danh mục": LIST, "HUONG_DAN_NHAP_LIEU": EXAMPLE, "Read me": EXAMPLE},
            (),
            None,
            {"Danh mục": 3},
            {"HUONG_DAN_NHAP_LIEU": GUIDE, "Read me": GUIDE},
            id="guides named in capitals and in English",
        ),
        pytest.param(
            {"Hướng dẫn": LIST},
            (),
            None,
            {"Hướng dẫn": 3},
            {},
            id="a guide's name on the only sheet: the list is there",
        ),
        pytest.param(
            {"Hướng dẫn": EXAMPLE, "Data": LIST},
            (),
            "Hướng dẫn",
            {"Hướng dẫn": 2},
            {"Data": "not the sheet asked for"},
            id="--sheet reads a guide",
        ),
    ],
)
def test_hidden_sheets(
    tmp_path: Path,
    sheets: dict[str, list[list[object]]],
    hidden: tuple[str, ...],
    sheet: str | None,
    read: dict[str, int],
    skipped: dict[str, str | None],
) -> None:
    path = write_workbook(tmp_path / "list.xlsx", sheets, hidden)
    rows, why = _read(path, sheet)
    assert rows == read
    assert set(why) == set(skipped)
    for name, reason in skipped.items():
        if reason is not None:
            assert why[name] == reason


def test_a_workbook_whose_hidden_sheets_hold_no_list_says_why_for_each(tmp_path: Path) -> None:
    path = write_workbook(tmp_path / "list.xlsx", {"Bìa": COVER, "DM": LOOKUP}, ("DM",))
    with pytest.raises(InputError) as raised:
        read_catalogue(str(path))
    assert "has no sheet with a procedure list ('Bìa' " in raised.value.problem
    assert "'DM' has no column for the procedure name" in raised.value.problem


def test_a_chart_sheet_is_said_to_be_one_not_empty(tmp_path: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.chart import BarChart

    path = tmp_path / "chart.xlsx"
    book = Workbook()
    sheet = book.active
    sheet.title = "Danh mục"
    for row in LIST:
        sheet.append(row)
    book.create_chartsheet("Biểu đồ").add_chart(BarChart())
    book.create_sheet("Trống")
    book.save(path)
    rows, skipped = _read(path)
    assert rows == {"Danh mục": 3}
    assert skipped == {"Biểu đồ": "a chart sheet", "Trống": "empty"}


AGENCIES = [
    ["STT", "Tên thủ tục hành chính", "Cơ quan thực hiện", "Cơ quan thực hiện (mới)"],
    [1, "Đăng ký khai sinh", "UBND cấp huyện", "UBND cấp xã"],
    [2, "Đăng ký kết hôn", "UBND cấp huyện", "UBND cấp xã"],
    [3, "Cấp giấy phép xây dựng", "Sở Xây dựng", "Sở Xây dựng"],
]


@pytest.mark.parametrize(
    ("hidden", "agency", "said"),
    [
        pytest.param(
            ("C",),
            "Cơ quan thực hiện (mới)",
            "column 'Cơ quan thực hiện' is hidden in the sheet: the visible column",
            id="the old column hidden: the visible one is read",
        ),
        pytest.param(
            ("C", "D"),
            "Cơ quan thực hiện",
            "column 'Cơ quan thực hiện' is hidden in the sheet; it is read as the agency",
            id="both hidden: the header's is read, and said hidden",
        ),
        pytest.param((), "Cơ quan thực hiện", None, id="nothing hidden"),
    ],
)
def test_a_hidden_column_gives_way_to_a_shown_one(
    tmp_path: Path, hidden: tuple[str, ...], agency: str, said: str | None
) -> None:
    from openpyxl import load_workbook

    path = write_workbook(tmp_path / "list.xlsx", {"Danh mục": AGENCIES})
    workbook = load_workbook(path)
    for letter in hidden:
        workbook["Danh mục"].column_dimensions[letter].hidden = True
    workbook.save(path)
    catalogue = read_catalogue(str(path))
    [table] = catalogue.tables
    assert table.account.labels[table.header_map.columns["agency"]] == agency
    notes = [note for note in catalogue.notes if "hidden" in note]
    if said is None:
        assert notes == []
    else:
        assert [said in note for note in notes] == [True]


@pytest.mark.parametrize(
    ("sheets", "hidden", "said"),
    [
        pytest.param(
            {"Bìa": COVER, "DM": LIST},
            ("DM",),
            ["sheet 'DM' is hidden in the workbook: it was read because no other sheet holds"],
            id="the list only on a hidden sheet",
        ),
        pytest.param(
            {"Bìa": COVER, "DM 2024 (cũ)": LIST},
            (),
            ["sheet 'DM 2024 (cũ)' is named as an old copy of the list: it was read because"],
            id="the list only on a sheet named as an old copy",
        ),
        pytest.param({"Hướng dẫn": LIST}, (), [], id="a guide's name on the only sheet"),
        pytest.param({"Danh mục": LIST, "DM": LOOKUP}, ("DM",), [], id="the list shown"),
    ],
)
def test_a_sheet_set_aside_and_read_all_the_same_is_said(
    tmp_path: Path, sheets: dict[str, list[list[object]]], hidden: tuple[str, ...], said: list[str]
) -> None:
    path = write_workbook(tmp_path / "list.xlsx", sheets, hidden)
    notes = [note for note in read_catalogue(str(path)).notes if "it was read because" in note]
    assert len(notes) == len(said)
    for note, start in zip(notes, said, strict=True):
        assert note.startswith(start)
