"""A heading numbered in the STT column like a procedure ("1 | Lĩnh vực Hộ tịch", merged from
the column after STT) is a heading when it reads plainly as a field's or a level's; any other
numbered row stays a procedure."""

from __future__ import annotations

import pytest

from conftest import column_read, sheet_table
from procaudit.catalogue.columns import ROW

HEADER = ["STT", "Mã TTHC", "Tên thủ tục hành chính", "Cơ quan thực hiện"]
BIRTH = ["1", "1.001193", "Đăng ký khai sinh", "UBND cấp xã"]
DEATH = ["2", "1.000656", "Đăng ký khai tử", "UBND cấp xã"]
LAND = ["3", "1.000123", "Đăng ký đất đai", "Sở Nông nghiệp và Môi trường"]

CASES = {
    "a field heading merged from the code column": (
        [["1", "Lĩnh vực Hộ tịch", "", ""], BIRTH, DEATH, ["2", "Lĩnh vực Đất đai", "", ""], LAND],
        [(3, "Hộ tịch"), (4, "Hộ tịch"), (6, "Đất đai")],
    ),
    "a field heading in the name column, numbered '1.'": (
        [["1.", "", "LĨNH VỰC HỘ TỊCH", ""], BIRTH, DEATH],
        [(3, "Hộ tịch"), (4, "Hộ tịch")],
    ),
    "a level heading numbered": (
        [["1", "THỦ TỤC HÀNH CHÍNH CẤP XÃ", "", ""], BIRTH],
        [(3, "Cấp xã")],
    ),
    "level headings naming the committee whose competence it is": (
        [
            ["A", "THỦ TỤC HÀNH CHÍNH THUỘC THẨM QUYỀN GIẢI QUYẾT CỦA UBND TỈNH", "", ""],
            LAND,
            ["B", "TTHC thuộc thẩm quyền giải quyết của UBND các xã, phường", "", ""],
            BIRTH,
        ],
        [(3, "Cấp tỉnh"), (5, "Cấp xã")],
    ),
    "level headings lettered with a dash, across the row": (
        [["A- TTHC CẤP TỈNH", "", "", ""], LAND, ["B- TTHC CẤP XÃ", "", "", ""], BIRTH],
        [(3, "Cấp tỉnh"), (5, "Cấp xã")],
    ),
    "level headings numbered '1.', across the row": (
        [["1. TTHC cấp tỉnh", "", "", ""], LAND, ["2. TTHC cấp xã", "", "", ""], BIRTH],
        [(3, "Cấp tỉnh"), (5, "Cấp xã")],
    ),
    "the grassroots level is the commune's": (
        [["B. Thủ tục hành chính cấp cơ sở", "", "", ""], BIRTH],
        [(3, "Cấp xã")],
    ),
    # A group's heading with no word saying so: a few words alone, left of the name.
    "a group numbered over its rows' numbers": (
        [["1", "HỘ TỊCH", "", ""], ["1.1", *BIRTH[1:]], ["1.2", *DEATH[1:]]],
        [(3, "Hộ tịch"), (4, "Hộ tịch")],
    ),
    "sub-groups numbered '1.1' in an outline, the procedures numbered on": (
        [
            ["I", "Lĩnh vực Y tế", "", ""],
            ["1.1", "", "Dược phẩm", ""],
            BIRTH,
            ["1.2", "", "Khám bệnh, chữa bệnh", ""],
            DEATH,
        ],
        [(4, "Dược phẩm"), (6, "Khám bệnh, chữa bệnh")],
    ),
    "sub-groups numbered in their text, the STT cell empty": (
        [
            ["I", "Lĩnh vực Y tế", "", ""],
            ["", "", "1.1. Dược phẩm", ""],
            BIRTH,
            ["", "", "1.2. Khám bệnh, chữa bệnh", ""],
            DEATH,
        ],
        [(4, "Dược phẩm"), (6, "Khám bệnh, chữa bệnh")],
    ),
    "groups numbered apart from the procedures, in the STT column": (
        [
            ["I", "Lĩnh vực Y tế", "", ""],
            ["1", "", "Dược phẩm", ""],
            BIRTH,
            DEATH,
            ["2", "", "Khám bệnh, chữa bệnh", ""],
            LAND,
        ],
        [(4, "Dược phẩm"), (5, "Dược phẩm"), (7, "Khám bệnh, chữa bệnh")],
    ),
    "an unnumbered group in the code column": (
        [["", "Chứng thực", "", ""], BIRTH, DEATH, ["", "ĐẤT ĐAI", "", ""], LAND],
        [(3, "Chứng thực"), (4, "Chứng thực"), (6, "Đất đai")],
    ),
    "a group merged across the row from the STT column": (
        [["HỘ TỊCH", "", "", ""], BIRTH],
        [(3, "Hộ tịch")],
    ),
    "a field's long name, numbered in capitals, merged from the code column": (
        [["", "3. THÀNH LẬP VÀ HOẠT ĐỘNG CỦA HỘ KINH DOANH", "", ""], BIRTH],
        [(3, "Thành lập và hoạt động của hộ kinh doanh")],
    ),
    "a field's long name in capitals, merged from the code column": (
        [["", "QUẢN LÝ CHẤT LƯỢNG NÔNG LÂM SẢN VÀ THỦY SẢN", "", ""], LAND],
        [(3, "Quản lý chất lượng nông lâm sản và thủy sản")],
    ),
    "a Roman-numbered group in capitals, with its count": (
        [["I", "TÀI NGUYÊN NƯỚC (3 TTHC)", "", ""], LAND],
        [(3, "Tài nguyên nước")],
    ),
    "a procedure carried out as the cases lettered under it": (
        [
            ["2", "", "Đăng ký biến động đất đai", "Văn phòng đăng ký đất đai"],
            ["a)", "1.012766", "Trường hợp chuyển nhượng", "Văn phòng đăng ký đất đai"],
            ["b)", "1.012781", "Trường hợp thừa kế", "Văn phòng đăng ký đất đai"],
        ],
        [(3, None), (4, None)],
    ),
    # Not headings: a numbered row naming a procedure, whatever its first words.
    "a name typed in the code column": (
        [["", "Thủ tục đăng ký khai sinh có yếu tố nước ngoài", "", ""], BIRTH],
        [(2, None), (3, None)],
    ),
    "a long name typed in the code column, not in capitals": (
        [["", "Đăng ký kết hôn có yếu tố nước ngoài giữa hai công dân Việt Nam", "", ""], BIRTH],
        [(2, None), (3, None)],
    ),
    "a numbered procedure without a code": (
        [BIRTH, ["2", "", "Cấp giấy phép lĩnh vực dầu khí", ""]],
        [(2, None), (3, None)],
    ),
    "a list numbered '1.1', '1.2', '2' with names alone": (
        [
            ["1.1", "", "Đăng ký khai sinh", ""],
            ["1.2", "", "Khai tử", ""],
            ["2", "", "Kết hôn", ""],
        ],
        [(2, None), (3, None), (4, None)],
    ),
    "cases numbered under their procedure": (
        [
            ["1", "", "Cấp Giấy chứng nhận quyền sử dụng đất", "Văn phòng đăng ký đất đai"],
            ["1.1", "", "Cấp lần đầu", ""],
            ["1.2", "", "Cấp lại", ""],
            DEATH,
        ],
        [(3, None), (4, None), (5, None)],
    ),
    "a row numbered '1.1' naming a procedure over a plainly numbered row": (
        [["1.1", "", "Cấp giấy phép hoạt động khám bệnh, chữa bệnh cho cơ sở tư nhân", ""], BIRTH],
        [(2, None), (3, None)],
    ),
    "a procedure without a code, numbered on from the row above": (
        [
            ["I", "Lĩnh vực Hộ tịch", "", ""],
            BIRTH,
            ["2", "", "Đăng ký lại khai sinh", ""],
            LAND,
        ],
        [(3, "Hộ tịch"), (4, "Hộ tịch"), (5, "Hộ tịch")],
    ),
    "a list of names alone, numbered in their text": (
        [["", "", "1. Đăng ký khai sinh", ""], ["", "", "2. Đăng ký khai tử", ""]],
        [(2, None), (3, None)],
    ),
    "a numbered row with one text that is no heading": (
        [["1", "Hộ tịch", "", ""], BIRTH],
        [(2, None), (3, None)],
    ),
}


@pytest.mark.parametrize(("rows", "read"), CASES.values(), ids=CASES.keys())
def test_numbered_headings(rows: list[list[str]], read: list[tuple[int, str | None]]) -> None:
    """(row, the field or level its heading gave) of each procedure read."""
    table = sheet_table([HEADER, *rows])
    taken = [column for column in ("field", "level") if column in table.frame]
    if not taken:
        assert [(row, None) for row in table.frame[ROW]] == read
        return
    (column,) = taken
    assert column_read(table, column) == read


FIELD_HEADER = ["STT", "Mã TTHC", "Tên thủ tục hành chính", "Lĩnh vực", "Cấp thực hiện"]


def _procedure(number: int, name: str, field: str) -> list[str]:
    return [str(number), f"1.00{number:04d}", name, field, "Cấp xã"]


FIELD_CASES = {
    # "5 | Hộ tịch" numbered straight on between the procedures 4 and 6, over rows whose
    # field cell names it: the group's heading.
    "a group numbered on, naming its rows' field": ("Hộ tịch", "Hộ tịch", True),
    "in capitals": ("HỘ TỊCH", "Hộ tịch", True),
    "its rows' field with the word 'Lĩnh vực'": ("Hộ tịch", "Lĩnh vực Hộ tịch", True),
    # A procedure missing its code and its other cells has its own name, not its field's.
    "a procedure missing every cell but its name": ("Đăng ký nuôi con nuôi", "Hộ tịch", False),
    "a text naming another field than its rows'": ("Hộ tịch", "Tư pháp", False),
}


@pytest.mark.parametrize(("text", "below", "heading"), FIELD_CASES.values(), ids=FIELD_CASES.keys())
def test_a_group_numbered_on_with_the_procedures_heads_its_field(
    text: str, below: str, heading: bool
) -> None:
    rows = [
        _procedure(4, "Chứng thực bản sao", "Chứng thực"),
        ["5", "", text, "", ""],
        _procedure(6, "Đăng ký khai sinh", below),
        _procedure(7, "Đăng ký khai tử", below),
    ]
    table = sheet_table([FIELD_HEADER, *rows])
    read = list(table.frame[ROW])
    assert (3 not in read) is heading


def _numbered(number: int, procedure: list[str]) -> list[str]:
    return [str(number), *procedure[1:]]


CERTIFY = ["1", "2.000815", "Chứng thực bản sao từ bản chính", "UBND cấp xã"]
RESTART_CASES = {
    # Groups numbered 5 and 6 in a list with no field column, each over procedures numbered
    # afresh: the groups' headings, their fields given to their rows.
    "groups whose procedures are numbered afresh": (
        [["5", "", "Hộ tịch", ""], BIRTH, DEATH, ["6", "", "Chứng thực", ""], CERTIFY],
        [(3, "Hộ tịch"), (4, "Hộ tịch"), (6, "Chứng thực")],
    ),
    "... merged from the code column": (
        [["5", "Hộ tịch", "", ""], BIRTH, DEATH, ["6", "Chứng thực", "", ""], CERTIFY],
        [(3, "Hộ tịch"), (4, "Hộ tịch"), (6, "Chứng thực")],
    ),
    "one group, numbered apart from the row above": (
        [_numbered(7, LAND), ["5", "", "HỘ TỊCH", ""], BIRTH, DEATH],
        [(2, None), (4, "Hộ tịch"), (5, "Hộ tịch")],
    ),
    # Numbered on from the row above (3 after 2), one row alone: a procedure missing its
    # code is as likely, and stays one.
    "one row numbered on from the row above": (
        [BIRTH, DEATH, ["3", "", "Đăng ký giám hộ", ""], BIRTH],
        [(2, None), (3, None), (4, None), (5, None)],
    ),
    # ... unless the table heads another group so.
    "numbered on, and another group so headed": (
        [["1", "", "Hộ tịch", ""], BIRTH, ["2", "", "Chứng thực", ""], CERTIFY,
         _numbered(2, DEATH), ["3", "", "Đất đai", ""], _numbered(1, LAND)],
        [(3, "Hộ tịch"), (5, "Chứng thực"), (6, "Chứng thực"), (8, "Đất đai")],
    ),
    # A procedure missing its code, numbered on, the rows under it going on from it.
    "a procedure missing its code, the numbers going on": (
        [BIRTH, ["2", "", "Đăng ký giám hộ", ""], _numbered(3, DEATH)],
        [(2, None), (3, None), (4, None)],
    ),
    # A name too long for a field's, or an agency's, over rows numbered afresh.
    "a long name over rows numbered afresh": (
        [_numbered(7, LAND), ["8", "", "Cấp giấy phép hoạt động khám bệnh, chữa bệnh nhân đạo", ""],
         BIRTH],
        [(2, None), (3, None), (4, None)],
    ),
}  # fmt: skip


@pytest.mark.parametrize(("rows", "read"), RESTART_CASES.values(), ids=RESTART_CASES.keys())
def test_a_group_over_procedures_numbered_afresh_heads_its_field(
    rows: list[list[str]], read: list[tuple[int, str | None]]
) -> None:
    table = sheet_table([HEADER, *rows])
    if "field" not in table.frame:
        assert [(row, None) for row in table.frame[ROW]] == read
        return
    assert column_read(table, "field") == read
