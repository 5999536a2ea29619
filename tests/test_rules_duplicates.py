"""PA201 duplicate-entry, PA202 code-conflict, PA203 duplicate-name: rows in, findings out."""

from __future__ import annotations

from unicodedata import normalize

import pytest

from conftest import findings_of, hits_of

Row = dict[str, str | None]


def r(code: str | None, name: str | None, level: str | None = "Cấp xã") -> Row:
    return {"code": code, "name": name, "level": level}


PA201_CASES = [
    ("exact copy", [r("1.000001", "Đăng ký khai sinh"), r("1.000001", "Đăng ký khai sinh")],
     [2, 3]),
    ("case, spaces and trailing dot", [r("1.000001", "Đăng ký khai sinh"),
                                       r("1.000001", "ĐĂNG KÝ  khai sinh.")], [2, 3]),
    ("old and new tone placement", [r("1.000001", "Hoà giải"), r("1.000001", "Hòa giải")],
     [2, 3]),
    ("NFD and NFC", [r("1.000001", "Đăng ký"), r("1.000001", normalize("NFD", "Đăng ký"))],
     [2, 3]),
    ("three copies", [r("1.000001", "A"), r("1.000002", "B"), r("1.000001", "A"),
                      r("1.000001", "A")], [2, 4, 5]),
    ("levels in another order", [r("1.000001", "A", "Cấp tỉnh, Cấp xã"),
                                 r("1.000001", "A", "cấp xã; Cấp tỉnh")], [2, 3]),
    ("levels on two lines", [r("1.000001", "A", "Cấp tỉnh\nCấp xã"),
                             r("1.000001", "A", "Cấp xã, Cấp tỉnh")], [2, 3]),
    ("different level", [r("1.000001", "A", "Cấp tỉnh"), r("1.000001", "A", "Cấp xã")], []),
    ("different name", [r("1.000001", "Cấp giấy phép"), r("1.000001", "Cáp giấy phép")], []),
    ("different code", [r("1.000001", "A"), r("1.000002", "A")], []),
    ("no codes", [r(None, "A"), r(None, "A")], []),
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
    ("one code, two names", [r("1.000001", "Cấp giấy phép xây dựng"),
                             r("1.000001", "Cấp giấy phép di dời")], [2, 3]),
    ("one code, one name typed twice", [r("1.000001", "Hoà giải"), r("1.000001", "hòa giải.")],
     []),
    ("one code, same name at two levels", [r("1.000001", "A", "Cấp tỉnh"),
                                           r("1.000001", "A", "Cấp xã")], []),
    ("code with spaces", [r("1.000001", "A"), r(" 1.000001", "B"), r("1.000002", "C")], [2, 3]),
    ("missing codes are not one code", [r(None, "A"), r(None, "B")], []),
]


@pytest.mark.parametrize(("case", "rows", "flagged"), PA202_CASES, ids=[c[0] for c in PA202_CASES])
def test_pa202_code_conflict(case: str, rows: list[Row], flagged: list[int]) -> None:
    assert hits_of("PA202", rows) == [(row, "code") for row in flagged]


def test_pa202_message_names_the_other_procedure() -> None:
    rows = [r("1.000001", "Cấp phép"), r("1.000001", "Gia hạn giấy phép")]
    messages = {f.row: f.message for f in findings_of(rows, sheet="S") if f.rule == "PA202"}
    assert messages[2] == "The code 1.000001 is also used for 'Gia hạn giấy phép' on row 3."


PA203_CASES = [
    ("same name, two codes", [r("1.000001", "Công nhận hòa giải viên"),
                              r("2.000002", "Công nhận hòa giải viên")], [2, 3]),
    ("old and new tone placement", [r("1.000001", "Thu hồi uỷ quyền"),
                                    r("2.000002", "Thu hồi ủy quyền")], [2, 3]),
    ("one without a code", [r("1.000001", "A"), r(None, "A")], [2, 3]),
    ("both without a code", [r(None, "A"), r(None, "a.")], [2, 3]),
    ("same name at two levels", [r("1.000001", "A", "Cấp tỉnh"), r("2.000002", "A", "Cấp xã")],
     []),
    ("same code is PA201, not PA203", [r("1.000001", "A"), r("1.000001", "A")], []),
    ("diacritics differ", [r("1.000001", "Cấp phép"), r("2.000002", "Cáp phép")], []),
]


@pytest.mark.parametrize(("case", "rows", "flagged"), PA203_CASES, ids=[c[0] for c in PA203_CASES])
def test_pa203_duplicate_name(case: str, rows: list[Row], flagged: list[int]) -> None:
    assert hits_of("PA203", rows) == [(row, "name") for row in flagged]


def test_pa203_without_level_or_code_columns() -> None:
    rows = [{"name": "Đăng ký kết hôn"}, {"name": "Đăng ký khai tử"}, {"name": "đăng ký kết hôn"}]
    assert hits_of("PA203", rows) == [(2, "name"), (4, "name")]


def test_pa203_message_names_the_other_code() -> None:
    rows = [r("1.000001", "A"), r(None, "A")]
    messages = {f.row: f.message for f in findings_of(rows, sheet="S") if f.rule == "PA203"}
    assert messages == {
        2: "The same name is also listed on row 3 (without a code).",
        3: "The same name is also listed on row 2 (under code 1.000001).",
    }
