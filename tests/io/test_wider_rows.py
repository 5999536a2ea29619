"""CSV records with more fields than the header (a comma inside a value not quoted) have
their values shifted: they are left out with a note naming them, and a file where they are
most of the lines is refused. Trailing delimiters, quoted commas, a header's own empty last
field and a workbook's cells right of the header shift nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import write_workbook
from procaudit.core.errors import InputError
from procaudit.io.read import read_catalogue
from procaudit.io.wider import WIDER

HEADER = "STT,Mã TTHC,Tên thủ tục,Cấp thực hiện,Số quyết định\n"
GOOD = [
    "1,1.000001,Đăng ký khai sinh,Cấp xã,1890/QĐ-UBND\n",
    "2,1.000002,Đăng ký kết hôn,Cấp xã,1890/QĐ-UBND\n",
    "3,1.000003,Đăng ký khai tử,Cấp xã,1890/QĐ-UBND\n",
]
SHIFTED = "4,1.000004,Cấp, đổi giấy phép,Cấp tỉnh,1890/QĐ-UBND\n"  # 6 fields for 5


def _read(tmp_path: Path, text: str) -> tuple[list[int], tuple[int, ...], tuple[str, ...]]:
    path = tmp_path / "c.csv"
    path.write_text(text, encoding="utf-8")
    catalogue = read_catalogue(str(path))
    (table,) = catalogue.tables
    assert table.account is not None
    return list(table.frame["_row"]), table.account.skipped.get(WIDER, ()), catalogue.notes


@pytest.mark.parametrize(
    ("text", "read", "left_out"),
    [
        pytest.param(HEADER + "".join(GOOD), [2, 3, 4], (), id="regular"),
        pytest.param(HEADER + "".join(GOOD) + SHIFTED, [2, 3, 4], (5,), id="one-shifted"),
        pytest.param(
            HEADER + GOOD[0] + SHIFTED + GOOD[1] + SHIFTED.replace("4,", "5,", 1) + GOOD[2],
            [2, 4, 6],
            (3, 5),
            id="two-shifted-among-five",
        ),
        pytest.param(
            "DANH MỤC THỦ TỤC\n" + HEADER + "".join(GOOD) + SHIFTED,
            [3, 4, 5],
            (6,),
            id="under-a-title-line",
        ),
        pytest.param(
            HEADER + "".join(line.replace("\n", ",\n") for line in GOOD),
            [2, 3, 4],
            (),
            id="a-delimiter-ending-each-line-shifts-nothing",
        ),
        pytest.param(
            HEADER + "".join(GOOD) + SHIFTED.replace("Cấp, đổi giấy phép", '"Cấp, đổi giấy phép"'),
            [2, 3, 4, 5],
            (),
            id="a-quoted-comma-is-no-field",
        ),
        pytest.param(
            "DANH MỤC\n" + HEADER.replace("\n", ",\n") + GOOD[0].replace("\n", ",ghi chú\n"),
            [3],
            (),
            id="the-headers-own-empty-last-field-holds-a-column",
        ),
        pytest.param(
            HEADER + "".join(GOOD) + "4,1.000004,Cấp giấy phép\n",
            [2, 3, 4, 5],
            (),
            id="a-short-line-is-no-shift",
        ),
    ],
)
def test_records_wider_than_the_header_are_left_out(
    tmp_path: Path, text: str, read: list[int], left_out: tuple[int, ...]
) -> None:
    rows, skipped, notes = _read(tmp_path, text)
    assert rows == read
    assert skipped == left_out
    said = [note for note in notes if "more fields than the header" in note]
    assert len(said) == (1 if left_out else 0)


def test_the_note_names_the_lines_and_their_fields(tmp_path: Path) -> None:
    text = HEADER + "".join(GOOD) + SHIFTED
    _, _, (note,) = _read(tmp_path, text)
    assert note.startswith(
        "1 of 4 lines have more fields than the header (line 5: 6 fields for 5): a comma "
    )
    assert note.endswith("Lines not checked: 5; put such values in double quotes")


def test_a_file_mostly_shifted_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    shifted = [SHIFTED.replace("4,", f"{n},", 1) for n in range(4, 7)]
    path.write_text(HEADER + GOOD[0] + "".join(shifted), encoding="utf-8")
    with pytest.raises(InputError) as raised:
        read_catalogue(str(path))
    assert str(raised.value).startswith(
        f"{path}: cannot be read: 3 of its 4 lines have more fields than the header (line 3: "
        "6 fields for 5)"
    )


def test_a_workbooks_cells_right_of_the_header_are_read(tmp_path: Path) -> None:
    rows: list[list[object]] = [
        ["STT", "Mã TTHC", "Tên thủ tục"],
        [1, "1.000001", "Đăng ký khai sinh", "ghi chú"],
        [2, "1.000002", "Đăng ký kết hôn"],
    ]
    path = write_workbook(tmp_path / "c.xlsx", {"DS": rows})
    (table,) = read_catalogue(str(path)).tables
    assert list(table.frame["_row"]) == [2, 3]
    assert table.account is not None and WIDER not in table.account.skipped
