"""PA201 duplicate-entry, PA202 code-conflict, PA203 duplicate-name: rows in, findings out."""

from __future__ import annotations

import re
from collections import Counter
from unicodedata import normalize

import pytest

from conftest import findings_of, hits_of
from procaudit.catalogue.columns import SERVICE
from procaudit.io import read_catalogue

Row = dict[str, str | None]


def r(code: str | None, name: str | None, level: str | None = "Cấp xã") -> Row:
    return {"code": code, "name": name, "level": level}


PA201_CASES = [
    (
        "exact copy",
        [r("1.000001", "Đăng ký khai sinh"), r("1.000001", "Đăng ký khai sinh")],
        [2, 3],
    ),
    (
        "case, spaces and trailing dot",
        [r("1.000001", "Đăng ký khai sinh"), r("1.000001", "ĐĂNG KÝ  khai sinh.")],
        [2, 3],
    ),
    ("old and new tone placement", [r("1.000001", "Hoà giải"), r("1.000001", "Hòa giải")], [2, 3]),
    ("NFD and NFC", [r("1.000001", "Đăng ký"), r("1.000001", normalize("NFD", "Đăng ký"))], [2, 3]),
    (
        "a soft hyphen and a zero-width space inside",
        [r("1.000001", "Đăng ký\u00ad tập sự"), r("1.000001", "Đăng ký tập\u200b sự")],
        [2, 3],
    ),
    (
        "three copies",
        [r("1.000001", "A"), r("1.000002", "B"), r("1.000001", "A"), r("1.000001", "A")],
        [2, 4, 5],
    ),
    (
        "levels in another order",
        [r("1.000001", "A", "Cấp tỉnh, Cấp xã"), r("1.000001", "A", "cấp xã; Cấp tỉnh")],
        [2, 3],
    ),
    (
        "levels on two lines",
        [r("1.000001", "A", "Cấp tỉnh\nCấp xã"), r("1.000001", "A", "Cấp xã, Cấp tỉnh")],
        [2, 3],
    ),
    ("different level", [r("1.000001", "A", "Cấp tỉnh"), r("1.000001", "A", "Cấp xã")], []),
    ("different name", [r("1.000001", "Cấp giấy phép"), r("1.000001", "Cáp giấy phép")], []),
    ("different code", [r("1.000001", "A"), r("1.000002", "A")], []),
    ("no codes", [r(None, "A"), r(None, "A")], []),
    (
        "one agency written out and abbreviated",
        [
            {**r("1.000001", "A", "Cấp tỉnh"), "agency": "Sở TN&MT"},
            {**r("1.000001", "A", "Cấp tỉnh"), "agency": "Sở Tài nguyên và Môi trường"},
        ],
        [2, 3],
    ),
    (
        "two agencies, one abbreviated",
        [
            {**r("1.000001", "A", "Cấp tỉnh"), "agency": "Sở TN&MT"},
            {**r("1.000001", "A", "Cấp tỉnh"), "agency": "Sở Kế hoạch và Đầu tư"},
        ],
        [],
    ),
    # A procedure read over one row per agency names them all in one cell: listed again
    # under one of them it is listed twice; under others, once per agency.
    (
        "again under one of a cell's agencies",
        [
            {**r("1.000001", "A", "Cấp tỉnh"), "agency": "Sở Tài chính\nSở Nội vụ\nSở Y tế"},
            {**r("1.000002", "B", "Cấp tỉnh"), "agency": "Sở Tài chính"},
            {**r("1.000001", "A", "Cấp tỉnh"), "agency": "Sở Nội vụ"},
        ],
        [2, 4],
    ),
    (
        "again under other agencies",
        [
            {**r("1.000001", "A", "Cấp tỉnh"), "agency": "Sở Tài chính; Sở Nội vụ"},
            {**r("1.000001", "A", "Cấp tỉnh"), "agency": "Sở Y tế"},
            {**r("1.000001", "A", "Cấp tỉnh"), "agency": "Sở Xây dựng"},
        ],
        [],
    ),
    # A national code and its local form (the unit's electronic id appended) are one code.
    ("a code and its local form", [r("1.000001", "A"), r("1.000001.000.00.00.H12", "A")], [2, 3]),
    ("a code and its short local form", [r("1.000001", "A"), r("1.000001.H12", "A")], [2, 3]),
    (
        "a code and its local form at two levels",
        [r("1.000001", "A", "Cấp tỉnh"), r("1.000001.000.00.00.H12", "A", "Cấp xã")],
        [],
    ),
    (
        "two local forms: two units' copies",
        [r("1.000001.000.00.00.H12", "A"), r("1.000001.000.00.00.H29", "A")],
        [],
    ),
    (
        "a code beside two local forms: whose copy is not told",
        [r("1.000001", "A"), r("1.000001.000.00.00.H12", "A"), r("1.000001.000.00.00.H29", "A")],
        [],
    ),
    ("a broken code and a local form", [r("1.00001", "A"), r("1.00001.000.00.00.H12", "A")], []),
    # A mark of what changed is no part of the name: the procedure is listed again.
    ("marked amended", [r("1.000001", "A"), r("1.000001", "A (sửa đổi, bổ sung)")], [2, 3]),
    ("marked new, both", [r("1.000001", "A (Mới)"), r("1.000001", "A (mới ban hành)")], [2, 3]),
    ("a star and a footnote", [r("1.000001", "A *"), r("1.000001", "A¹")], [2, 3]),
    ("a mark and a level tag", [r("1.000001", "A (cấp tỉnh)"), r("1.000001", "A (sửa đổi)")], []),
    # A list of online services: one procedure offered as two services is two entries.
    (
        "one procedure, two services",
        [{**r("1.000001", "A"), SERVICE: "A"}, {**r("1.000001", "A"), SERVICE: "A (trực tuyến)"}],
        [],
    ),
    (
        "one procedure, the same service twice",
        [{**r("1.000001", "A"), SERVICE: "A"}, {**r("1.000001", "A"), SERVICE: "A"}],
        [2, 3],
    ),
    (
        "one procedure, no service named on either row",
        [{**r("1.000001", "A"), SERVICE: None}, {**r("1.000001", "A"), SERVICE: None}],
        [2, 3],
    ),
]


@pytest.mark.parametrize(("case", "rows", "flagged"), PA201_CASES, ids=[c[0] for c in PA201_CASES])
def test_pa201_duplicate_entry(case: str, rows: list[Row], flagged: list[int]) -> None:
    assert hits_of("PA201", rows) == [(row, "name") for row in flagged]


def test_pa201_message_names_the_other_rows() -> None:
    rows = [r("1.000001", "A"), r("1.000002", "B"), r("1.000001", "A"), r("1.000001", "A")]
    messages = {f.row: f.message for f in findings_of(rows, sheet="S") if f.rule == "PA201"}
    assert messages == {
        2: "The same procedure is also listed on rows 4 and 5.",
        4: "The same procedure is also listed on rows 2 and 5.",
        5: "The same procedure is also listed on rows 2 and 4.",
    }


def test_long_groups_name_five_rows_and_count_the_rest() -> None:
    rows = [r("1.000001", "A") for _ in range(8)]
    messages = {f.row: f.message for f in findings_of(rows, sheet="S") if f.rule == "PA201"}
    assert messages[2] == "The same procedure is also listed on rows 3, 4, 5, 6, 7 and 2 more."
    assert messages[9] == "The same procedure is also listed on rows 2, 3, 4, 5, 6 and 2 more."


def test_messages_count_the_other_names_and_codes() -> None:
    rows = [r("1.000001", "A"), r("1.000001", "B"), r("1.000001", "C"), r("1.000001", "C")]
    pa202 = {f.row: f.message for f in findings_of(rows, sheet="S") if f.rule == "PA202"}
    assert pa202[2] == "The code 1.000001 is also used for 'B' and 1 other name on rows 3, 4 and 5."
    assert pa202[4] == "The code 1.000001 is also used for 'A' and 1 other name on rows 2 and 3."
    rows = [r("1.000001", "A"), r("1.000002", "A"), r("1.000003", "A"), r(None, "A")]
    pa203 = {f.row: f.message for f in findings_of(rows, sheet="S") if f.rule == "PA203"}
    assert pa203[5] == (
        "The same name is also listed on rows 2, 3 and 4 (under code 1.000001 and 2 other codes)."
    )


PA202_CASES = [
    (
        "one code, two names",
        [r("1.000001", "Cấp giấy phép xây dựng"), r("1.000001", "Cấp giấy phép di dời")],
        [2, 3],
    ),
    ("one code, one name typed twice", [r("1.000001", "Hoà giải"), r("1.000001", "hòa giải.")], []),
    (
        "one code, one name with an invisible character",
        [r("1.000001", "Đăng ký\u00ad tập sự"), r("1.000001", "Đăng ký tập sự")],
        [],
    ),
    (
        "one code, same name at two levels",
        [r("1.000001", "A", "Cấp tỉnh"), r("1.000001", "A", "Cấp xã")],
        [],
    ),
    (
        "one code, the name with and without its level tag",
        [
            r("1.000001", "Đăng ký khai sinh", "Cấp xã"),
            r("1.000001", "Đăng ký khai sinh (thực hiện tại cấp xã)", "Cấp tỉnh"),
        ],
        [],
    ),
    (
        "one code, the name with a leading 'Thủ tục'",
        [r("1.000001", "Thủ tục cấp giấy phép xây dựng"), r("1.000001", "Cấp giấy phép xây dựng")],
        [],
    ),
    (
        "one code, the name with a label 'TTHC:' before it",
        [r("1.000001", "TTHC: Đăng ký khai sinh"), r("1.000001", "Đăng ký khai sinh")],
        [],
    ),
    (
        "one code, the name with a label 'Thủ tục:' before it",
        [r("1.000001", "Thủ tục: Đăng ký khai sinh"), r("1.000001", "Đăng ký khai sinh")],
        [],
    ),
    (
        "one code, the name with a label 'Thủ tục hành chính -' before it",
        [
            r("1.000001", "Thủ tục hành chính - Đăng ký khai sinh"),
            r("1.000001", "ĐĂNG KÝ KHAI SINH"),
        ],
        [],
    ),
    (
        "one code, a label before another procedure's name: two procedures",
        [r("1.000001", "TTHC: Đăng ký khai sinh"), r("1.000001", "Đăng ký kết hôn")],
        [2, 3],
    ),
    (
        "one code, the label alone beside a name: two names",
        [r("1.000001", "TTHC"), r("1.000001", "Đăng ký khai sinh")],
        [2, 3],
    ),
    (
        "one code, 'TTHC' glued to a word is no label",
        [r("1.000001", "TTHCĐăng ký khai sinh"), r("1.000001", "Đăng ký khai sinh")],
        [2, 3],
    ),
    (
        "one code, the name spaced and punctuated otherwise",
        [
            r("1.000001", "Đăng ký/Thay đổi thông tin"),
            r("1.000001", "Đăng ký / Thay đổi thông tin;"),
        ],
        [],
    ),
    (
        "one code, names a word apart: two procedures",
        [r("1.000001", "Cấp giấy phép lao động"), r("1.000001", "Cấp lại giấy phép lao động")],
        [2, 3],
    ),
    (
        "one code, the name spelt 'kí' and 'ký': one procedure (PA204's)",
        [r("1.000001", "Đăng ký khai sinh"), r("1.000001", "Đăng kí khai sinh")],
        [],
    ),
    (
        "one code, a diacritic left out: one procedure (PA204's)",
        [
            r("1.000001", "Xác nhận tình trạng hôn nhân"),
            r("1.000001", "Xác nhận tình trang hôn nhân"),
        ],
        [],
    ),
    (
        "one code, a filler word more: one procedure (PA204's)",
        [r("1.000001", "Cấp giấy phép của Sở"), r("1.000001", "Cấp giấy phép Sở")],
        [],
    ),
    (
        "one code, two words apart: two procedures",
        [r("1.000001", "Cấp giấy phép cho tổ chức"), r("1.000001", "Cấp giấy phép cho cá nhân")],
        [2, 3],
    ),
    (
        "one code, names one real word apart (thuê / thuế): two procedures",
        [r("1.000001", "Miễn tiền thuê đất"), r("1.000001", "Miễn tiền thuế đất")],
        [2, 3],
    ),
    (
        "one code, names a number apart: two procedures",
        [r("1.000001", "Cấp chứng chỉ hạng 1"), r("1.000001", "Cấp chứng chỉ hạng 2")],
        [2, 3],
    ),
    (
        "one code, a typo and another name: the other conflicts with both",
        [
            r("1.000001", "Đăng ký khai sinh"),
            r("1.000001", "Đăng kí khai sinh"),
            r("1.000001", "B"),
        ],
        [2, 3, 4],
    ),
    (
        "one code, three names, two of them one written two ways",
        [r("1.000001", "A"), r("1.000001", "A (cấp tỉnh)"), r("1.000001", "B")],
        [2, 3, 4],
    ),
    ("code with spaces", [r("1.000001", "A"), r(" 1.000001", "B"), r("1.000002", "C")], [2, 3]),
    ("missing codes are not one code", [r(None, "A"), r(None, "B")], []),
    ("a name and its copy marked amended", [r("1.000001", "A"), r("1.000001", "A (sửa đổi)")], []),
    ("a name and another marked", [r("1.000001", "A"), r("1.000001", "B (sửa đổi)")], [2, 3]),
    (
        "a code and its local form, two names",
        [r("1.000001", "Đăng ký khai sinh"), r("1.000001.000.00.00.H12", "Đăng ký kết hôn")],
        [2, 3],
    ),
    (
        "two local forms of one code, two names",
        [r("1.000001.000.00.00.H12", "Đăng ký khai sinh"), r("1.000001.H29", "Đăng ký kết hôn")],
        [2, 3],
    ),
    (
        "local forms of two codes, two names",
        [r("1.000001.000.00.00.H12", "A"), r("1.000002.000.00.00.H12", "B")],
        [],
    ),
]


@pytest.mark.parametrize(("case", "rows", "flagged"), PA202_CASES, ids=[c[0] for c in PA202_CASES])
def test_pa202_code_conflict(case: str, rows: list[Row], flagged: list[int]) -> None:
    assert hits_of("PA202", rows) == [(row, "code") for row in flagged]


def test_pa202_names_only_the_names_that_conflict() -> None:
    rows = [
        r("1.000001", "Cấp phép"),
        r("1.000001", "Cấp phép (cấp tỉnh)"),
        r("1.000001", "Gia hạn"),
    ]
    messages = {f.row: f.message for f in findings_of(rows, sheet="S") if f.rule == "PA202"}
    assert messages[2] == "The code 1.000001 is also used for 'Gia hạn' on row 4."
    assert messages[4] == "The code 1.000001 is also used for 'Cấp phép' on rows 2 and 3."


def test_pa202_message_names_the_other_procedure() -> None:
    rows = [r("1.000001", "Cấp phép"), r("1.000001", "Gia hạn giấy phép")]
    messages = {f.row: f.message for f in findings_of(rows, sheet="S") if f.rule == "PA202"}
    assert messages[2] == "The code 1.000001 is also used for 'Gia hạn giấy phép' on row 3."


PA203_CASES = [
    (
        "same name, two codes",
        [r("1.000001", "Công nhận hòa giải viên"), r("2.000002", "Công nhận hòa giải viên")],
        [2, 3],
    ),
    (
        "old and new tone placement",
        [r("1.000001", "Thu hồi uỷ quyền"), r("2.000002", "Thu hồi ủy quyền")],
        [2, 3],
    ),
    ("one without a code", [r("1.000001", "A"), r(None, "A")], [2, 3]),
    ("both without a code", [r(None, "A"), r(None, "a.")], [2, 3]),
    ("same name at two levels", [r("1.000001", "A", "Cấp tỉnh"), r("2.000002", "A", "Cấp xã")], []),
    ("same code is PA201, not PA203", [r("1.000001", "A"), r("1.000001", "A")], []),
    ("a code and its local form are PA201's", [r("1.000001", "A"), r("1.000001.H12", "A")], []),
    (
        "a code beside two local forms",
        [r("1.000001", "A"), r("1.000001.000.00.00.H12", "A"), r("1.000001.000.00.00.H29", "A")],
        [2, 3, 4],
    ),
    ("diacritics differ", [r("1.000001", "Cấp phép"), r("2.000002", "Cáp phép")], []),
    # The list number typed into the name cell numbers the row, not the procedure.
    (
        "list numbers in the names",
        [r(None, "12. Đăng ký khai sinh"), r(None, "1034. Đăng ký khai sinh")],
        [2, 3],
    ),
    ("a number that is a code", [r(None, "1.000001 Cấp phép"), r(None, "2.000002 Cấp phép")], []),
    ("replaced under a new code", [r("1.000001", "A"), r("2.000002", "A (thay thế)")], [2, 3]),
    ("a name that is only a mark", [r("1.000001", "(*)"), r("2.000002", "*")], []),
]


@pytest.mark.parametrize(("case", "rows", "flagged"), PA203_CASES, ids=[c[0] for c in PA203_CASES])
def test_pa203_duplicate_name(case: str, rows: list[Row], flagged: list[int]) -> None:
    assert hits_of("PA203", rows) == [(row, "name") for row in flagged]


def test_pa203_without_level_or_code_columns() -> None:
    rows = [{"name": "Đăng ký kết hôn"}, {"name": "Đăng ký khai tử"}, {"name": "đăng ký kết hôn"}]
    assert hits_of("PA203", rows) == [(2, "name"), (4, "name")]


def test_pa203_in_a_list_without_codes_speaks_of_no_code() -> None:
    """A list with no code column (internal procedures'): its rows are not "without a code"."""
    rows = [{"name": "Thủ tục quyết định thanh lý tài sản công"}] * 2
    found = [(f.row, f.message, f.fix) for f in findings_of(rows, sheet="S") if f.rule == "PA203"]
    keep = (
        "If the rows are one procedure, keep one; if they are different procedures, make their "
        "names say how they differ."
    )
    assert found == [
        (2, "The same name is also listed on row 3.", keep),
        (3, "The same name is also listed on row 2.", keep),
    ]


def a(code: str | None, name: str, agency: str | None, level: str | None = None) -> Row:
    return {"code": code, "name": name, "agency": agency, "level": level}


# A list with no level column (the portal's): the agencies say each row's level.
AGENCY_LEVEL_CASES = [
    # (case, rule, rows, rows flagged)
    (
        "province and commune agencies: two levels",
        "PA203",
        [
            a("1.000001", "Chứng thực bản sao", "Sở Tư pháp"),
            a("2.000002", "Chứng thực bản sao", "UBND cấp xã"),
        ],
        [],
    ),
    (
        "a ministry's department and a province's",
        "PA203",
        [
            a("1.000001", "Cấp phép", "Cục Quản lý tài nguyên nước"),
            a("2.000002", "Cấp phép", "Sở Nông nghiệp và Môi trường"),
        ],
        [],
    ),
    (
        "two province departments: one level",
        "PA203",
        [a("1.000001", "Cấp phép", "Sở Tư pháp"), a("2.000002", "Cấp phép", "Sở Nội vụ")],
        [2, 3],
    ),
    # No level anywhere: two codes of one name are most likely its levels' (the portal's
    # Bộ Công an list: 2.000281 at Cấp bộ, 1.002359 at Cấp tỉnh, no agency named).
    (
        "agencies naming no level: two codes, no copy",
        "PA203",
        [
            a("1.000001", "Cấp phép", "Phòng quản lý xuất nhập cảnh"),
            a("2.000002", "Cấp phép", None),
        ],
        [],
    ),
    (
        "agencies naming no level: a row without a code is still a copy",
        "PA203",
        [
            a("1.000001", "Cấp phép", None),
            a("2.000002", "Cấp phép", None),
            a(None, "Cấp phép", None),
        ],
        [2, 3, 4],
    ),
    (
        "one level known, the other not: not compared",
        "PA203",
        [a("1.000001", "Cấp phép", "UBND cấp xã"), a("2.000002", "Cấp phép", None)],
        [],
    ),
    (
        "a level cell outranks the agency",
        "PA203",
        [
            a("1.000001", "Cấp phép", "Sở Tư pháp", "Cấp xã"),
            a("2.000002", "Cấp phép", "UBND cấp xã", "Cấp xã"),
        ],
        [2, 3],
    ),
    (
        "an empty level cell beside a filled one: not compared, as before",
        "PA203",
        [
            a("1.000001", "Cấp phép", "Sở Tư pháp", "Cấp tỉnh"),
            a("2.000002", "Cấp phép", "Sở Tư pháp"),
        ],
        [],
    ),
    (
        "one code at two agencies' levels: listed once under each",
        "PA201",
        [a("1.000001", "Cấp phép", "Sở Tư pháp"), a("1.000001", "Cấp phép", "UBND cấp xã")],
        [],
    ),
    # An export sorted by procedure lists each procedure once per unit, row by row.
    (
        "one procedure under two units, row by row",
        "PA201",
        [
            a("1.000001", "Cấp giấy phép lao động", "Sở Nội vụ", "Cấp tỉnh"),
            a(
                "1.000001",
                "Cấp giấy phép lao động",
                "Ban Quản lý các khu công nghiệp tỉnh",
                "Cấp tỉnh",
            ),
            a("1.000002", "Gia hạn giấy phép lao động", "Sở Nội vụ", "Cấp tỉnh"),
            a(
                "1.000002",
                "Gia hạn giấy phép lao động",
                "Ban Quản lý các khu công nghiệp tỉnh",
                "Cấp tỉnh",
            ),
        ],
        [],
    ),
    (
        "one procedure twice under one of two units",
        "PA201",
        [
            a("1.000001", "Cấp phép", "Sở Nội vụ", "Cấp tỉnh"),
            a("1.000001", "Cấp phép", "Ban Quản lý các khu công nghiệp", "Cấp tỉnh"),
            a("1.000001", "CẤP PHÉP", "Sở Nội vụ", "Cấp tỉnh"),
        ],
        [2, 4],
    ),
    (
        "a copy naming no agency",
        "PA201",
        [
            a("1.000001", "Cấp phép", "Sở Nội vụ", "Cấp tỉnh"),
            a("1.000001", "Cấp phép", None, "Cấp tỉnh"),
        ],
        [2, 3],
    ),
    (
        "the same entry, one agency",
        "PA201",
        [a("1.000001", "Cấp phép", "Sở Tư pháp"), a("1.000001", "Cấp phép", "Sở Tư pháp")],
        [2, 3],
    ),
    (
        "a leading 'Thủ tục', two levels",
        "PA204",
        [
            a("1.000001", "Thủ tục gia hạn nộp thuế", "Cục Hải quan"),
            a("2.000002", "Gia hạn nộp thuế", "Chi cục Thuế huyện Tam Nông"),
        ],
        [],
    ),
    (
        "a leading 'Thủ tục', one level",
        "PA204",
        [
            a("1.000001", "Thủ tục gia hạn nộp thuế", "Sở Tài chính"),
            a("2.000002", "Gia hạn nộp thuế", "Sở Tài chính"),
        ],
        [2, 3],
    ),
    # A district's one-stop list holds its communes' procedures: the tag outranks the agency.
    (
        "a level tag beside an untagged name, one district agency",
        "PA204",
        [
            a(None, "Tặng giấy khen (cấp xã)", "UBND huyện Hạ Hòa"),
            a(None, "Tặng giấy khen", "UBND huyện Hạ Hòa"),
        ],
        [],
    ),
    # So does a local code's level mark ("CX", cấp xã): the district's own procedure and
    # its communes' of the same name, one after the other in the district's list.
    (
        "a commune's mark in one local code, one district agency",
        "PA203",
        [
            a("2018.BTXH.02", "Trợ cấp xã hội hàng tháng", "UBND huyện Hạ Hòa"),
            a("2018.BTXH.CX.06", "Trợ cấp xã hội hàng tháng", "UBND huyện Hạ Hòa"),
        ],
        [],
    ),
    (
        "a commune's mark, a leading 'Thủ tục'",
        "PA204",
        [
            a("2018.HT.16", "Cấp bản sao trích lục hộ tịch", "UBND huyện Lâm Thao"),
            a("2019.TP.CX.014", "Thủ tục cấp bản sao trích lục hộ tịch", "UBND huyện Lâm Thao"),
        ],
        [],
    ),
    (
        "the mark in both codes: one level",
        "PA203",
        [
            a("2018.NCC.CX.03", "Trợ cấp tuất hàng tháng", "UBND huyện Hạ Hòa"),
            a("2020.NCC.CX.12", "Trợ cấp tuất hàng tháng", "UBND huyện Hạ Hòa"),
        ],
        [2, 3],
    ),
    (
        "CX inside a segment is no mark",
        "PA203",
        [
            a("2018.BTXH.02", "Trợ cấp xã hội hàng tháng", "UBND huyện Hạ Hòa"),
            a("2018.BTXHCX.06", "Trợ cấp xã hội hàng tháng", "UBND huyện Hạ Hòa"),
        ],
        [2, 3],
    ),
    (
        "a level cell outranks the mark",
        "PA203",
        [
            {**a("2018.BTXH.02", "Trợ cấp xã hội", "UBND huyện Hạ Hòa"), "level": "Cấp xã"},
            {**a("2018.BTXH.CX.06", "Trợ cấp xã hội", "UBND huyện Hạ Hòa"), "level": "Cấp xã"},
        ],
        [2, 3],
    ),
]


@pytest.mark.parametrize(
    ("case", "rule", "rows", "flagged"),
    AGENCY_LEVEL_CASES,
    ids=[c[0] for c in AGENCY_LEVEL_CASES],
)
def test_levels_read_from_the_agencies(
    case: str, rule: str, rows: list[Row], flagged: list[int]
) -> None:
    rows = [{k: v for k, v in row.items() if v is not None or k != "level"} for row in rows]
    assert [row for row, _ in hits_of(rule, rows)] == flagged


def test_pa203_message_names_the_other_code() -> None:
    rows = [r("1.000001", "A"), r(None, "A")]
    messages = {f.row: f.message for f in findings_of(rows, sheet="S") if f.rule == "PA203"}
    assert messages == {
        2: "The same name is also listed on row 3 (without a code).",
        3: "The same name is also listed on row 2 (under code 1.000001).",
    }


# The other rows' codes as PA203 words them: rows without a code are one "without a code",
# however many (each is its own sub-key inside the rule).
# (case, rows' codes, the row asked about, English words, Vietnamese words)
PA203_WORDS_CASES = [
    ("two rows, no codes", [None, None], 2, "row 3 (without a code)", "dòng 3 (không có mã)"),
    (
        "three rows, no codes",
        [None, None, None],
        2,
        "rows 3 and 4 (without a code)",
        "các dòng 3 và 4 (không có mã)",
    ),
    (
        "a code and two without, asked of one without",
        ["1.000001", None, None],
        3,
        "rows 2 and 4 (under code 1.000001, or without a code)",
        "các dòng 2 và 4 (mã 1.000001, hoặc không có mã)",
    ),
    (
        "a code and two without, asked of the coded row",
        ["1.000001", None, None],
        2,
        "rows 3 and 4 (without a code)",
        "các dòng 3 và 4 (không có mã)",
    ),
    (
        "two codes and one without, asked of a coded row",
        ["1.000001", None, "1.000002"],
        2,
        "rows 3 and 4 (under code 1.000002, or without a code)",
        "các dòng 3 và 4 (mã 1.000002, hoặc không có mã)",
    ),
    (
        "three codes, the row's own code twice",
        ["1.000001", "1.000002", "1.000001", "1.000003"],
        2,
        "rows 3 and 5 (under code 1.000002 and 1 other code)",
        "các dòng 3 và 5 (mã 1.000002 và 1 mã khác)",
    ),
    (
        "the row's own code third in order",
        ["1.000001", "1.000002", "1.000003", None],
        4,
        "rows 2, 3 and 5 (under code 1.000001 and 1 other code, or without a code)",
        "các dòng 2, 3 và 5 (mã 1.000001 và 1 mã khác, hoặc không có mã)",
    ),
    (
        "no code, three codes besides",
        [None, "1.000001", "1.000002", "1.000003"],
        2,
        "rows 3, 4 and 5 (under code 1.000001 and 2 other codes)",
        "các dòng 3, 4 và 5 (mã 1.000001 và 2 mã khác)",
    ),
]


@pytest.mark.parametrize(
    ("case", "codes", "row", "english", "vietnamese"),
    PA203_WORDS_CASES,
    ids=[c[0] for c in PA203_WORDS_CASES],
)
def test_pa203_counts_the_other_codes(
    case: str, codes: list[str | None], row: int, english: str, vietnamese: str
) -> None:
    from procaudit.core.i18n import speaking

    rows = [r(code, "Đăng ký khai sinh") for code in codes]
    said = {}
    for lang in ("en", "vi"):
        with speaking(lang):
            found = findings_of(rows, sheet="S")
        said[lang] = next(f.message for f in found if f.rule == "PA203" and f.row == row)
    assert said["en"] == f"The same name is also listed on {english}."
    assert said["vi"] == f"Tên này cũng có tại {vietnamese}."


# --- per-unit (stacked) lists: duplicates within one unit only ------------------------------

PHU_NINH, TAM_NONG, PHU_THO = "UBND Huyện Phù Ninh", "UBND Huyện Tam Nông", "UBND Thị xã Phú Thọ"


def u(agency: str | None, code: str | None, name: str) -> Row:
    return {"agency": agency, "code": code, "name": name}


# Three districts' lists, one after another: the same procedures once per district.
DISTRICT_LISTS = [u(unit, code, name) for unit in (PHU_NINH, TAM_NONG, PHU_THO)
                  for code, name in (("2018.HT.14", "Đăng ký khai sinh"),
                                     ("2018.HT.15", "Đăng ký kết hôn"))]  # fmt: skip

STACKED_CASES = [
    # case, rows, rule, flagged rows
    ("one procedure per district is no duplicate", DISTRICT_LISTS, "PA201", []),
    ("nor a name under two codes", [
        *DISTRICT_LISTS[:2], u(TAM_NONG, "2019.HT.CX.01", "Đăng ký khai sinh")], "PA203", []),
    ("nor a code for two names", [u(PHU_NINH, "2018.HT.14", "Đăng ký khai sinh"),
                                  u(TAM_NONG, "2018.HT.14", "Đăng ký khai tử")], "PA202", []),
    ("a copy within one district is", [*DISTRICT_LISTS,
                                       u(PHU_THO, "2018.HT.14", "ĐĂNG KÝ KHAI SINH.")],
     "PA201", [6, 8]),
    ("a name under two codes in one district is", [
        *DISTRICT_LISTS, u(TAM_NONG, "2019.HT.01", "Đăng ký khai sinh")], "PA203", [4, 8]),
    ("a code for two names in one district is", [
        *DISTRICT_LISTS, u(PHU_NINH, "2018.HT.14", "Đăng ký khai tử")], "PA202", [2, 8]),
    ("spellings of one unit are one unit", [
        u(PHU_NINH, "2018.HT.14", "Đăng ký khai sinh"),
        u(TAM_NONG, "2018.HT.14", "Đăng ký khai sinh"),
        u("Ủy ban nhân dân huyện Tam Nông", "2018.HT.14", "Đăng ký khai sinh")], "PA201", [3, 4]),
    ("rows naming no unit are compared among themselves", [
        *DISTRICT_LISTS, u(None, "2018.HT.14", "Đăng ký khai sinh"),
        u(None, "2018.HT.14", "Đăng ký khai sinh")], "PA201", [8, 9]),
    # Not per unit: roles, and agencies interleaved as a province's list has them. A
    # procedure under two agencies, row by row, is listed once under each (`_by_agency`);
    # twice under one is a copy.
    ("a role is no unit", [u("Ủy ban nhân dân cấp xã", "1.000001", "A"),
                           u("UBND cấp huyện", "1.000001", "A"),
                           u("UBND cấp huyện", "1.000001", "A")], "PA201", [3, 4]),
    ("departments interleaved are no units", [
        u("Sở Y tế", "1.000001", "A"), u("Sở Xây dựng", "1.000002", "B"),
        u("Sở Xây dựng", "1.000001", "A"), u("Sở Y tế", "1.000003", "C"),
        u("Sở Y tế", "1.000001", "A")], "PA201", [2, 6]),
    ("agencies several to a cell are no units", [
        u(PHU_NINH, "1.000001", "A"), u(TAM_NONG, "1.000001", "A"),
        u("Sở Tư pháp\nỦy ban nhân dân cấp xã", "1.000002", "B"),
        u(PHU_NINH, "1.000001", "A")], "PA201", [2, 5]),
]  # fmt: skip


@pytest.mark.parametrize(
    ("case", "rows", "rule", "flagged"), STACKED_CASES, ids=[c[0] for c in STACKED_CASES]
)
def test_stacked_lists(case: str, rows: list[Row], rule: str, flagged: list[int]) -> None:
    column = "code" if rule == "PA202" else "name"
    assert hits_of(rule, rows) == [(row, column) for row in flagged]


def test_stacked_messages_name_the_unit() -> None:
    rows = [*DISTRICT_LISTS, u(PHU_THO, "2018.HT.14", "Đăng ký khai sinh"),
            u(TAM_NONG, "2019.HT.01", "Đăng ký khai sinh"),
            u(PHU_NINH, "2018.HT.14", "Đăng ký khai tử")]  # fmt: skip
    messages = {(f.rule, f.row): f.message for f in findings_of(rows, sheet="S")
                if f.rule.startswith("PA20")}  # fmt: skip
    assert messages[("PA201", 6)] == (
        "The same procedure is also listed under UBND Thị xã Phú Thọ on row 8."
    )
    assert messages[("PA203", 9)] == (
        "The same name is also listed under UBND Huyện Tam Nông on row 4 (under code 2018.HT.14)."
    )
    assert messages[("PA202", 10)] == (
        "The code 2018.HT.14 is also used under UBND Huyện Phù "
        "Ninh for 'Đăng ký khai sinh' on row 2."
    )


def test_stacked_messages_in_vietnamese() -> None:
    from procaudit.core.i18n import speaking

    rows = [*DISTRICT_LISTS, u(PHU_THO, "2018.HT.14", "Đăng ký khai sinh")]
    with speaking("vi"):
        messages = {f.row: f.message for f in findings_of(rows, sheet="S") if f.rule == "PA201"}
    assert messages[8] == (
        "Thủ tục này cũng được liệt kê trong danh mục của UBND Thị xã Phú Thọ tại dòng 6."
    )


# --- codes compared after their mechanical repair -------------------------------------------

REPAIRED_CASES = [
    # case, the other row's code: with "1.003980" and the same name, one procedure twice
    ("a comma for the dot", "1,003980"),
    ("a letter O for a zero", "1.0O3980"),
    ("a leading zero", "01.003980"),
    ("spaces around it", " 1.003980 "),
    ("lost trailing zero", "1.00398"),
    ("lost dot", "1003980"),
]


@pytest.mark.parametrize(("case", "code"), REPAIRED_CASES, ids=[c[0] for c in REPAIRED_CASES])
def test_repaired_codes_make_one_entry(case: str, code: str) -> None:
    from procaudit.rules.code_repairs import repaired_code

    if repaired_code(code) != "1.003980":
        pytest.skip(f"repaired_code does not repair {code!r} (yet)")
    rows = [r("1.003980", "Cấp giấy phép lái xe"), r(code, "Cấp giấy phép lái xe"),
            r("1.000001", "Đăng ký khai sinh")]  # fmt: skip
    assert hits_of("PA201", rows) == [(2, "name"), (3, "name")]
    assert hits_of("PA203", rows) == []
    assert hits_of("PA202", rows) == []


# A code written with a label, a look-alike or a stray mark is the code: PA201 compares it
# so (PA202 compares codes as written, as it does "1,003980": PA101 reports the spelling).
WRITTEN_CASES = ["Mã: 1.003980", "Mã TTHC 1.003980", "1\u2024003980", "1.003980;", "Code: 1.003980"]


@pytest.mark.parametrize("code", WRITTEN_CASES)
def test_codes_written_with_a_label_or_a_lookalike_make_one_entry(code: str) -> None:
    rows = [r("1.003980", "Cấp giấy phép lái xe"), r(code, "Cấp giấy phép lái xe"),
            r("1.000001", "Đăng ký khai sinh")]  # fmt: skip
    assert hits_of("PA201", rows) == [(2, "name"), (3, "name")]
    assert hits_of("PA203", rows) == []


def test_codes_repaired_alike_are_no_code_conflict() -> None:
    # Two broken spellings of one code on different procedures are each PA101's finding:
    # PA202 compares codes as written.
    rows = [r("1,001234", "Giải thể doanh nghiệp"), r("01.001234", "Xét tuyển sinh")]
    assert hits_of("PA202", rows) == []


def test_unrepairable_codes_are_compared_as_written() -> None:
    rows = [r("2018.HT.14", "Đăng ký khai sinh"), r("2018.HT.14", "Đăng ký khai sinh"),
            r("2018.HT.15", "Đăng ký khai sinh")]  # fmt: skip
    assert hits_of("PA201", rows) == [(2, "name"), (3, "name")]
    assert hits_of("PA203", rows) == [(2, "name"), (3, "name"), (4, "name")]


# --- the Phú Thọ one-stop export (../shared/data/real; skipped where it is absent) -----------

_ROWS_NAMED = re.compile(r"\b(?:rows?|lines?) ([\d, and]+?)(?: and \d+ more)?(?: \(|\.|$)")


def _phu_tho_duplicates(real_data, code: str) -> tuple[list, dict]:
    from procaudit.engine.audit import audit
    from procaudit.io.read import ReadOptions
    from procaudit.rules.selection import RuleSelection

    path = real_data / "phutho-motcua-2022" / "PTO.xls"
    options = ReadOptions(mapping={"TEN_CO_QUAN": "agency", code: "code"})
    [table] = read_catalogue(str(path), options).tables
    unit_of_row = dict(zip(table.frame["_row"], table.frame["agency"], strict=True))
    result = audit(
        [str(path)],
        read_options=options,
        selection=RuleSelection(select=("PA201", "PA202", "PA203", "PA204")),
    )
    found = [f for f in result.findings if f.rule in {"PA201", "PA202", "PA203", "PA204"}]
    return found, unit_of_row


def test_phu_tho_duplicates_stay_within_units(real_data) -> None:
    # The system's internal ids as codes: no level marks, so a district's own procedure and
    # its communes' of the same name are paired, within their district only.
    found, unit_of_row = _phu_tho_duplicates(real_data, "MA_THU_TUC")
    assert found
    for finding in found:
        named = _ROWS_NAMED.findall(finding.message)
        assert named, finding.message
        others = {int(n) for group in named for n in re.findall(r"\d+", group)}
        units = {unit_of_row[row] for row in others}
        assert units == {unit_of_row[finding.row]}, finding.message
    # Before per-unit lists: 699 PA201, 43 PA202, 257 PA203, 145 PA204, nearly all one
    # procedure offered by several districts.
    counts = Counter(f.rule for f in found)
    assert counts["PA201"] == counts["PA202"] == 0
    assert counts["PA203"] < 50 and counts["PA204"] < 50


def test_phu_tho_communes_procedures_are_no_copies_of_the_districts(real_data) -> None:
    # Every pair left within one district was its own procedure beside its communes' of the
    # same name, the local code marked "CX" (cấp xã): "2018.BTXH.02", "2018.BTXH.CX.06".
    found, _ = _phu_tho_duplicates(real_data, "TEN_TAT")
    assert [(f.rule, f.row) for f in found] == []
