"""PA204 near-duplicate-name: rows in, findings out."""

from __future__ import annotations

from unicodedata import normalize

import pytest

from conftest import findings_of, hits_of

Row = dict[str, str | None]


def r(name: str | None, level: str | None = "Cấp xã", code: str | None = None) -> Row:
    return {"code": code, "name": name, "level": level}


def pair(a: str, b: str, level: str | None = "Cấp xã") -> list[Row]:
    return [r(a, level), r(b, level)]


FLAGGED = [
    # a slip in one word
    ("letters swapped", pair("Đăng ký khai sinh", "Đăng ký khia sinh")),
    ("one wrong diacritic", pair("Cấp giấy phép xây dựng", "Cáp giấy phép xây dựng")),
    ("a letter missing", pair("Đăng ký kết hôn lưu động", "Đăng ký kết hôn lưu đông")),
    ("a long word, two slips", pair("Đăng ký thường trú", "Đăng ký thuờng trú")),
    (
        "a slip that spells another word, rare in its place",
        pair("Cấp bản sao trích lục hộ tịch", "Cấp bán sao trích lục hộ tịch"),
    ),
    ("a slip in a two-word name", pair("Cấp phép", "Cáp phép")),
    # a filler word more or less, or typed twice
    (
        "'việc' missing",
        pair("Đăng ký việc nuôi con nuôi trong nước", "Đăng ký nuôi con nuôi trong nước"),
    ),
    (
        "'của' missing",
        pair(
            "Cấp giấy phép thành lập văn phòng đại diện của thương nhân",
            "Cấp giấy phép thành lập văn phòng đại diện thương nhân",
        ),
    ),
    (
        "'và' missing",
        pair(
            "Cấp giấy phép xuất khẩu và nhập khẩu thuốc", "Cấp giấy phép xuất khẩu nhập khẩu thuốc"
        ),
    ),
    ("three words and a filler", pair("Đăng ký kết hôn", "Đăng ký việc kết hôn")),
    ("a word typed twice", pair("Đăng ký khai sinh lưu động", "Đăng ký khai khai sinh lưu động")),
    # the same letters or the same words
    ("two words run together", pair("Đăng ký kết hôn", "Đăngký kết hôn")),
    ("a comma", pair("Sửa đổi, bổ sung giấy phép", "Sửa đổi bổ sung giấy phép")),
    ("a slash spaced", pair("Đăng ký/Thay đổi thông tin", "Đăng ký/ Thay đổi thông tin")),
    ("a leading 'Thủ tục'", pair("Thủ tục gia hạn nộp thuế", "Gia hạn nộp thuế")),
    ("a leading label 'TTHC:'", pair("TTHC: Gia hạn nộp thuế", "Gia hạn nộp thuế")),
    (
        "a leading 'Thủ tục hành chính:'",
        pair("Thủ tục hành chính: Gia hạn nộp thuế", "Gia hạn nộp thuế"),
    ),
    ("'Thủ tục' typed twice", pair("Thủ tục thủ tục gia hạn nộp thuế", "Thủ tục gia hạn nộp thuế")),
    (
        "a level tag, the level cell the same",
        pair("Đăng ký kết hôn (thực hiện tại cấp xã)", "Đăng ký kết hôn"),
    ),
    ("a level tag with a slip in it", pair("Đăng ký kết hôn (cáp xã)", "Đăng ký kết hôn")),
    (
        "no level column: names compare with each other",
        [{"name": "Đăng ký khai sinh"}, {"name": "Đăng ký khia sinh"}],
    ),
    ("no level cell on either row", pair("Đăng ký khai sinh", "Đăng ký khia sinh", level=None)),
    (
        "levels written in another order",
        [r("Đăng ký khai sinh", "Cấp tỉnh, Cấp xã"), r("Đăng ký khia sinh", "cấp xã; Cấp tỉnh")],
    ),
]


@pytest.mark.parametrize(("case", "rows"), FLAGGED, ids=[c[0] for c in FLAGGED])
def test_pa204_flags_both_rows(case: str, rows: list[Row]) -> None:
    assert hits_of("PA204", rows) == [(2, "name"), (3, "name")]


NOT_FLAGGED = [
    # PA203's: the same name after normalisation
    ("old and new tone placement", pair("Công nhận hoà giải viên", "Công nhận hòa giải viên")),
    ("all caps", pair("Đăng ký khai sinh", "ĐĂNG KÝ KHAI SINH")),
    ("double spaces and a trailing dot", pair("Đăng ký khai sinh", "Đăng ký  khai sinh.")),
    ("NFD and NFC", pair("Đăng ký khai sinh", normalize("NFD", "Đăng ký khai sinh"))),
    # one real word apart: different procedures
    ("birth and death", pair("Đăng ký khai sinh", "Đăng ký khai tử")),
    ("import and export", pair("Cấp giấy phép nhập khẩu thuốc", "Cấp giấy phép xuất khẩu thuốc")),
    ("'cấp lại' and 'cấp'", pair("Cấp lại giấy phép xây dựng", "Cấp giấy phép xây dựng")),
    ("'cấp đổi' and 'cấp lại'", pair("Cấp đổi thẻ căn cước", "Cấp lại thẻ căn cước")),
    ("'cấp' and 'đổi'", pair("Cấp giấy phép lái xe", "Đổi giấy phép lái xe")),
    ("'xóa đăng ký' and 'đăng ký'", pair("Xóa đăng ký thường trú", "Đăng ký thường trú")),
    (
        "'không' more",
        pair(
            "Chuyển đổi công năng nhà ở không thuộc tài sản công",
            "Chuyển đổi công năng nhà ở thuộc tài sản công",
        ),
    ),
    (
        "a content word more",
        pair("Công nhận làng nghề truyền thống", "Công nhận nghề truyền thống"),
    ),
    (
        "'chi cục' and 'cục'",
        pair(
            "Giảm thuế thuộc thẩm quyền của chi cục hải quan",
            "Giảm thuế thuộc thẩm quyền của cục hải quan",
        ),
    ),
    ("'lần đầu' more", pair("Cấp chứng chỉ hành nghề lần đầu", "Cấp chứng chỉ hành nghề")),
    ("Roman numerals", pair("Cấp chứng chỉ hành nghề hạng I", "Cấp chứng chỉ hành nghề hạng II")),
    ("Roman numerals of two letters", pair("Cấp chứng chỉ hạng II", "Cấp chứng chỉ hạng III")),
    ("numbers", pair("Cấp giấy phép theo mẫu 1", "Cấp giấy phép theo mẫu 2")),
    ("numbers of two digits", pair("Cấp giấy phép theo mẫu 01", "Cấp giấy phép theo mẫu 02")),
    (
        "standard numbers",
        pair("Chứng nhận hợp chuẩn TCVN 10256", "Chứng nhận hợp chuẩn TCVN 10257"),
    ),
    ("letters", pair("Cấp giấy phép lái xe hạng A", "Cấp giấy phép lái xe hạng B")),
    ("acronyms", pair("Cấp giấy chứng nhận GMP", "Cấp giấy chứng nhận GSP")),
    ("two real words one letter apart", pair("Miễn tiền thuê đất", "Miễn tiền thuế đất")),
    ("two filler words", pair("Cấp phép và hướng dẫn", "Cấp phép về hướng dẫn")),
    (
        "a word doubled by a comma",
        pair("Cấp, cấp lại giấy phép liên vận", "Cấp lại giấy phép liên vận"),
    ),
    ("a filler word in a short name", pair("Kết hôn", "Việc kết hôn")),
    ("a filler syllable of a real word", pair("Hỗ trợ tìm việc làm", "Hỗ trợ tìm làm")),
    ("two words apart", pair("Đăng ký khai sinh", "Đăng ký khia sinh lại")),
    # levels
    (
        "the same slip at two levels",
        [r("Đăng ký khai sinh", "Cấp xã"), r("Đăng ký khia sinh", "Cấp tỉnh")],
    ),
    (
        "a level tag and no level column (two levels in the portal)",
        [
            {"name": "Cấp lại thẻ căn cước (thực hiện tại cấp tỉnh)"},
            {"name": "Cấp lại thẻ căn cước"},
        ],
    ),
    (
        "two level tags",
        pair("Cấp thẻ căn cước (cấp tỉnh)", "Cấp thẻ căn cước (cấp xã)", level="Cấp tỉnh, Cấp xã"),
    ),
    (
        "a tag and a slip without a level column",
        [{"name": "Đăng ký khai sinh (cấp xã)"}, {"name": "Đăng ký khia sinh"}],
    ),
    (
        "a parenthesis without 'cấp' is no level tag",
        pair("Cấp giấy phép khai thác tài nguyên (TC)", "Cấp giấy phép khai thác tài nguyên"),
    ),
    (
        "'(cấp lần đầu)' is no level tag",
        pair("Đăng ký hành nghề (cấp lần đầu)", "Đăng ký hành nghề"),
    ),
    # rows out of force or without a name
    (
        "an abolished row",
        [
            {"name": "Đăng ký khai sinh", "status": "Còn hiệu lực"},
            {"name": "Đăng ký khia sinh", "status": "Bãi bỏ"},
        ],
    ),
    ("a missing name", [r("Đăng ký khai sinh"), r(None)]),
    ("one row", [r("Đăng ký khai sinh")]),
]


# Rows that something besides the name tells apart as two procedures (the portal's data).
TOLD_APART = [
    # (case, rows, flagged rows)
    (
        "two fields: one name for tax and for customs",
        [
            {"code": "1.008588", "name": "Nộp dần tiền thuế nợ", "level": "Cấp tỉnh",
             "field": "Thuế"},
            {"code": "1.011636", "name": "Thủ tục nộp dần tiền thuế nợ", "level": "Cấp tỉnh",
             "field": "Hải quan"},
        ],
        [],
    ),
    (
        "one field",
        [
            {"name": "Nộp dần tiền thuế nợ", "level": "Cấp tỉnh", "field": "Thuế"},
            {"name": "Thủ tục nộp dần tiền thuế nợ", "level": "Cấp tỉnh", "field": "thuế"},
        ],
        [2, 3],
    ),
    (
        "a field on one row only",
        [
            {"name": "Đăng ký khai sinh", "level": "Cấp xã", "field": "Hộ tịch"},
            {"name": "Đăng ký khia sinh", "level": "Cấp xã", "field": None},
        ],
        [2, 3],
    ),
    (
        "a slip across fields: a typo to correct all the same",
        [
            {"name": "Đăng ký khai sinh", "level": "Cấp xã", "field": "Hộ tịch"},
            {"name": "Đăng ký khia sinh", "level": "Cấp xã", "field": "Tư pháp"},
        ],
        [2, 3],
    ),
    (
        "a filler word across fields",
        [
            {"name": "Đăng ký việc nuôi con nuôi", "level": "Cấp xã", "field": "Hộ tịch"},
            {"name": "Đăng ký nuôi con nuôi", "level": "Cấp xã", "field": "Nuôi con nuôi"},
        ],
        [],
    ),
    # A list without levels (a ministry's export): two codes of rows no agency places are,
    # as PA203 reads them, the codes of one procedure's levels, where only punctuation,
    # spacing or a leading "Thủ tục" differs; a slip is still reported.
    (
        "two codes, no level, punctuation",
        [
            {"code": "1.013239", "name": "Thẩm định Báo cáo/Báo cáo điều chỉnh", "agency": ""},
            {"code": "1.013216", "name": "Thẩm định Báo cáo/ Báo cáo điều chỉnh", "agency": ""},
        ],
        [],
    ),
    (
        "two codes, no level, a slip",
        [
            {"code": "1.013239", "name": "Đăng ký khai sinh", "agency": ""},
            {"code": "1.013216", "name": "Đăng ký khia sinh", "agency": ""},
        ],
        [2, 3],
    ),
    (
        "one code twice, no level, punctuation",
        [
            {"code": "1.013239", "name": "Thẩm định Báo cáo/Báo cáo điều chỉnh", "agency": ""},
            {"code": "1.013239", "name": "Thẩm định Báo cáo/ Báo cáo điều chỉnh", "agency": ""},
        ],
        [2, 3],
    ),
    (
        "two codes, agencies at one level, punctuation",
        [
            {"code": "1.013239", "name": "Thẩm định Báo cáo/Báo cáo điều chỉnh",
             "agency": "Sở Xây dựng"},
            {"code": "1.013216", "name": "Thẩm định Báo cáo/ Báo cáo điều chỉnh",
             "agency": "Sở Xây dựng"},
        ],
        [2, 3],
    ),
    (
        "two codes, a level column, punctuation",
        [
            {"code": "1.013239", "name": "Thẩm định Báo cáo/Báo cáo điều chỉnh",
             "level": "Cấp tỉnh"},
            {"code": "1.013216", "name": "Thẩm định Báo cáo/ Báo cáo điều chỉnh",
             "level": "Cấp tỉnh"},
        ],
        [2, 3],
    ),
]  # fmt: skip


@pytest.mark.parametrize(("case", "rows", "flagged"), TOLD_APART, ids=[c[0] for c in TOLD_APART])
def test_pa204_rows_told_apart(case: str, rows: list[Row], flagged: list[int]) -> None:
    assert [row for row, _ in hits_of("PA204", rows)] == flagged


@pytest.mark.parametrize(("case", "rows"), NOT_FLAGGED, ids=[c[0] for c in NOT_FLAGGED])
def test_pa204_leaves_alone(case: str, rows: list[Row]) -> None:
    assert hits_of("PA204", rows) == []


def test_pa204_reports_only_the_near_rows() -> None:
    rows = [r("Đăng ký khai sinh"), r("Đăng ký khai tử"), r("Đăng ký kết hôn"),
            r("Đăng ký khia sinh"), r("Đăng ký khai sinh", "Cấp tỉnh")]  # fmt: skip
    assert hits_of("PA204", rows) == [(2, "name"), (5, "name")]


def test_pa204_two_common_words_in_one_place_are_not_a_slip() -> None:
    # "sơn" (paint) and "sắn" (cassava) are one letter apart and both at home after "nhập
    # khẩu": in a list with many of each, the pairs are different procedures. A real slip
    # among them ("Văn bán" for "Văn bản") is still found.
    goods = ["sơn", "sắn"]
    rows = [r(f"Cấp giấy phép nhập khẩu {good} loại {kind}") for kind in "ABCDEFGHIJKL"
            for good in goods]  # fmt: skip
    rows += [r("Cấp văn bản chấp thuận nhập khẩu sơn"), r("Cấp văn bán chấp thuận nhập khẩu sơn")]
    assert hits_of("PA204", rows) == [(len(rows), "name"), (len(rows) + 1, "name")]


def messages_of(rows: list[Row]) -> dict[int | None, str]:
    return {f.row: f.message for f in findings_of(rows, sheet="S") if f.rule == "PA204"}


def test_pa204_message_quotes_the_other_name_and_the_difference() -> None:
    rows = [r("Đăng ký khai sinh"), r("Đăng ký khai tử"), r("Đăng ký khia sinh")]
    assert messages_of(rows) == {
        2: "The name is close to 'Đăng ký khia sinh' on row 4 (a different word: 'khia' / 'khai').",
        4: "The name is close to 'Đăng ký khai sinh' on row 2 (a different word: 'khai' / 'khia').",
    }


@pytest.mark.parametrize(
    ("names", "message"),
    [
        (
            ("Đăng ký việc kết hôn", "Đăng ký kết hôn"),
            "The name is close to 'Đăng ký kết hôn' on row 3 (this name has the extra word "
            "'việc').",
        ),
        (
            ("Đăng ký kết hôn", "Đăng ký việc kết hôn"),
            "The name is close to 'Đăng ký việc kết hôn' on row 3 (it has the extra word 'việc').",
        ),
        (
            ("Đăngký kết hôn", "Đăng ký kết hôn"),
            "The name is close to 'Đăng ký kết hôn' on row 3 (a word written together or apart: "
            "'đăng ký' / 'đăngký').",
        ),
        (
            ("Thủ tục gia hạn nộp thuế", "Gia hạn nộp thuế."),
            "The name is close to 'Gia hạn nộp thuế.' on row 3 (only a leading 'Thủ tục' differs).",
        ),
        (
            ("TTHC: Gia hạn nộp thuế", "Gia hạn nộp thuế"),
            "The name is close to 'Gia hạn nộp thuế' on row 3 (only a leading 'Thủ tục' differs).",
        ),
        (
            ("Sửa đổi, bổ sung giấy phép", "Sửa đổi bổ sung giấy phép (cấp xã)"),
            "The name is close to 'Sửa đổi bổ sung giấy phép (cấp xã)' on row 3 (only the level "
            "tag and punctuation differ).",
        ),
        (
            ("Đăng ký khai khai sinh lưu động", "Đăng ký khai sinh lưu động"),
            "The name is close to 'Đăng ký khai sinh lưu động' on row 3 (this name has the word "
            "'khai' twice in a row).",
        ),
    ],
)
def test_pa204_message_says_how_the_names_differ(names: tuple[str, str], message: str) -> None:
    assert messages_of(pair(*names))[2] == message


def test_pa204_message_names_the_copies_and_counts_the_other_names() -> None:
    # Row 2's name is close to three different names; the first is listed twice.
    rows = [r("Đăng ký khai sinh"), r("Đăng ký khia sinh"), r("Đăng ký khia sinh"),
            r("Đăng ký khai sinh.", "Cấp tỉnh"), r("Đăngký khai sinh"),
            r("Đăng ký việc khai sinh")]  # fmt: skip
    messages = messages_of(rows)
    assert messages[2] == (
        "The name is close to 'Đăng ký khia sinh' on rows 3 and 4 (a different word: 'khia' / "
        "'khai'), and to 2 other names on rows 6 and 7."
    )
    assert messages[3] == messages[4]
    assert 5 not in messages  # at another level


def test_pa204_message_caps_the_rows_it_names() -> None:
    rows = [r("Đăng ký khai sinh")] + [r("Đăng ký khia sinh") for _ in range(8)]
    assert messages_of(rows)[2] == (
        "The name is close to 'Đăng ký khia sinh' on rows 3, 4, 5, 6, 7 and 3 more "
        "(a different word: 'khia' / 'khai')."
    )


def test_pa204_fix_and_severity() -> None:
    found = [f for f in findings_of(pair("Đăng ký khai sinh", "Đăng ký khia sinh"), "S")
             if f.rule == "PA204"]  # fmt: skip
    assert {f.severity.value for f in found} == {"warning"}
    assert all("keep one" in f.fix and "say how they differ" in f.fix for f in found)


# --- per-unit (stacked) lists: near duplicates within one unit only -------------------------

PHU_NINH, TAM_NONG = "UBND Huyện Phù Ninh", "UBND Huyện Tam Nông"


def u(agency: str | None, name: str) -> Row:
    return {"agency": agency, "name": name}


STACKED_CASES = [
    # case, rows, flagged rows
    ("a slip in another district's list", [
        u(PHU_NINH, "Đăng ký khai sinh"), u(PHU_NINH, "Đăng ký kết hôn"),
        u(TAM_NONG, "Đăng ký khia sinh"), u(TAM_NONG, "Đăng ký kết hôn")], []),
    ("a leading 'Thủ tục' in another district's list", [
        u(PHU_NINH, "Cấp bản sao trích lục hộ tịch"),
        u(TAM_NONG, "Thủ tục cấp bản sao trích lục hộ tịch")], []),
    ("a slip within one district", [
        u(PHU_NINH, "Đăng ký khai sinh"), u(PHU_NINH, "Đăng ký khia sinh"),
        u(TAM_NONG, "Đăng ký khai sinh")], [2, 3]),
    ("a leading 'Thủ tục' within one district", [
        u(PHU_NINH, "Cấp bản sao trích lục hộ tịch"), u(TAM_NONG, "Cấp bản sao trích lục hộ tịch"),
        u(TAM_NONG, "Thủ tục cấp bản sao trích lục hộ tịch")], [3, 4]),
    ("not per unit: departments interleaved", [
        u("Sở Y tế", "Đăng ký khai sinh"), u("Sở Xây dựng", "Đăng ký khia sinh"),
        u("Sở Y tế", "Đăng ký kết hôn"), u("Sở Xây dựng", "Cấp phép")], [2, 3]),
]  # fmt: skip


@pytest.mark.parametrize(
    ("case", "rows", "flagged"), STACKED_CASES, ids=[c[0] for c in STACKED_CASES]
)
def test_stacked_lists(case: str, rows: list[Row], flagged: list[int]) -> None:
    assert hits_of("PA204", rows) == [(row, "name") for row in flagged]


def test_stacked_message_names_the_unit() -> None:
    rows = [u(PHU_NINH, "Đăng ký khai sinh"), u(TAM_NONG, "Đăng ký khai sinh"),
            u(TAM_NONG, "Đăng ký khia sinh")]  # fmt: skip
    messages = {f.row: f.message for f in findings_of(rows, sheet="S") if f.rule == "PA204"}
    assert messages == {
        3: "The name is close to 'Đăng ký khia sinh' under UBND Huyện Tam Nông on row 4 (a "
        "different word: 'khia' / 'khai').",
        4: "The name is close to 'Đăng ký khai sinh' under UBND Huyện Tam Nông on row 3 (a "
        "different word: 'khai' / 'khia').",
    }
