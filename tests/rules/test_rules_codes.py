"""PA101 invalid-code, PA102 missing-code, PA103 missing-name: rows in, findings out."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import findings_of, hits_of, sheet_table, write_workbook
from procaudit.core.findings import Finding
from procaudit.core.i18n import speaking
from procaudit.core.text_safety import shown as shown_cell
from procaudit.engine.audit import audit
from procaudit.engine.schema import load_schema
from procaudit.engine.table_hits import audit_table
from procaudit.io.grid import text_grid
from procaudit.io.read import read_grid
from procaudit.rules import all_rules
from procaudit.rules.code_problems import invalid_codes
from procaudit.rules.code_repairs import number_code_repair, repaired_code
from procaudit.rules.codes import invalid_code

CODE_CASES = [
    # (case, code, PA101 expected)
    ("national code", "1.000178", False),
    ("leading digit 2", "2.001263", False),
    ("local code, full suffix", "1.000494.000.00.00.H29", False),
    ("local code, short suffix", "1.012753.H19", False),
    ("five digits", "1.00123", True),
    ("seven digits", "1.0012345", True),
    ("comma for dot", "1,001234", True),
    ("leading zero", "01.001234", True),
    ("letter O for zero", "1.0O1234", True),
    ("trailing space", "1.001234 ", True),
    ("bad suffix", "1.001234.H2", True),
    ("words", "xem chi tiết", True),
    ("no code yet: PA102's", "chưa có mã", False),
    ("number that lost its dot", "2000648", True),
    ("number that lost its trailing zero", "1.00398", True),
    ("local code of a one-stop system", "2018.HT.14", True),
    ("internal numeric id", "23604", True),
    # Python's \d takes any script's digits: the schema's pattern takes ASCII ones only.
    ("full-width digits", "\uff11.\uff10\uff10\uff18\uff15\uff17\uff12", True),
    ("full-width digit among ASCII ones", "1.00857\uff12", True),
]


@pytest.mark.parametrize(("case", "code", "flagged"), CODE_CASES, ids=[c[0] for c in CODE_CASES])
def test_pa101_invalid_code(case: str, code: str, flagged: bool) -> None:
    rows = [{"code": code, "name": "Đăng ký khai sinh"}]
    assert hits_of("PA101", rows) == ([(2, "code")] if flagged else [])


@pytest.mark.parametrize(
    ("code", "message", "fix"),
    [
        ("1,001234", "uses a comma where the dot belongs", "Write the code as 1.001234."),
        ("01.001234", "has a leading zero", "Write the code as 1.001234."),
        ("1.0O1234", "has a letter where a digit belongs", "Write the code as 1.001234."),
        ("1.00120", "has 5 digits after the dot", "Copy the procedure's code from"),
        (" 1.001234", "has spaces around it", "Write the code as 1.001234."),
        # A space typed inside a national code, by hand or by a line break in a narrow cell.
        ("1. 001234", "has a space inside it", "Write the code as 1.001234."),
        ("1.001 234", "has a space inside it", "Write the code as 1.001234."),
        ("1.\u00a0001234", "has a space inside it", "Write the code as 1.001234."),
        ("1.001234.000.00.00. H29", "has a space inside it", "Write the code as 1.001234.000"),
        # Spaces around a broken code: the broken code's finding.
        (" 1. 001234", "has a space inside it", "Write the code as 1.001234."),
        ("1.0O1234   ", "has a letter where a digit belongs", "Write the code as 1.001234."),
        ("01.001234 ", "has a leading zero", "Write the code as 1.001234."),
        ("1. 00123", "is not a national code", "Copy the procedure's code from"),
        ("'1.001234", "1.001234' starts with an apostrophe", "Write the code as 1.001234."),
        (" '1.001234", "1.001234' starts with an apostrophe", "Write the code as 1.001234."),
        ("''1.001234", "1.001234' starts with an apostrophe", "Copy the procedure's code"),
        # A code broken behind the mark: its own defect first, then the mark.
        (
            "'1.0O4512",
            "has a letter where a digit belongs, and starts with an apostrophe",
            "Write the code as 1.004512.",
        ),
        (
            "'1,001234",
            "uses a comma where the dot belongs, and starts with an apostrophe",
            "Write the code as 1.001234.",
        ),
        ("'1.00120", "has 5 digits after the dot", "Copy the procedure's code from"),
        ("'1.00120", "6, and starts with an apostrophe", "Copy the procedure's code from"),
        # Text behind the mark is no number that lost its zeros.
        ("'1.00398", "6, and starts with an apostrophe", "Copy the procedure's code from"),
        ("'Mã số", "is not a national code", "Copy the procedure's code from"),
        ("'Mã số", "and starts with an apostrophe", "Copy the procedure's code from"),
        ("1.008125.", "ends with a stray dot", "Write the code as 1.008125."),
        ("1.000494.000.00.00.H29.", "ends with a stray dot", "Write the code as 1.000494."),
        ("1.00812.", "has 5 digits after the dot", "Copy the procedure's code from"),
        # A code a spreadsheet wrote back in scientific notation (a CSV saved from Excel).
        ("1.00012E+00", "is in scientific notation", "Copy the procedure's code from"),
        ("1.00E+00", "is in scientific notation", "Copy the procedure's code from"),
        (" 1,00012e+00", "is in scientific notation", "Copy the procedure's code from"),
        # An agency's electronic id in a code cell: no code with a leading zero.
        ("000.00.01.H44", "is an agency's electronic id", "Copy the procedure's code from"),
        # A code wrapped in its cell (a copy from a PDF's narrow column): a line break.
        ("1.00\n0656", "has a line break inside it", "Write the code as 1.000656."),
        ("1.000 656", "has a space inside it", "Write the code as 1.000656."),
        # Several codes in one cell: each is well formed, the row holds more than one.
        ("1.000178; 1.000179", "holds 2 codes, where a row is one procedure", "Keep the code"),
        ("1.000178,1.000179", "holds 2 codes", "Keep the code of this row's procedure"),
        ("1.000178.000.00.00.H29\n1.000179.H29 / 2.000001", "holds 3 codes", "Keep the code"),
        ("1.000178; 1.00179", "is not a national code", "Copy the procedure's"),
        # A link to the procedure's page: the code it names is said, to be checked.
        (
            "https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html"
            "?ma_thu_tuc=1.000178",
            "is a web address (a link to a page), not a code",
            "The link names 1.000178: check it in",
        ),
        ("https://dichvucong.gov.vn/p/home/chi-tiet.html?id=2519", "is a web address", "Copy"),
        ("www.dichvucong.gov.vn/tthc/1.0001781", "is a web address", "Copy the procedure's"),
    ],
)
def test_pa101_explains_and_suggests_repair(code: str, message: str, fix: str) -> None:
    [finding] = [f for f in findings_of([{"code": code, "name": "X"}]) if f.rule == "PA101"]
    assert message in finding.message
    assert finding.fix.startswith(fix)
    assert finding.value == code


# A group of procedures done together (thủ tục liên thông) lists each member's code.
GROUP_CASES = [
    # (code, name, PA101 expected)
    (
        "1.001612; 2.000286; 1.000656",
        "Liên thông các thủ tục hành chính về đăng ký khai sinh, đăng ký thường trú, cấp thẻ "
        "bảo hiểm y tế cho trẻ em dưới 6 tuổi",
        False,
    ),
    ("1.000656\n2.000286", "Liên thông đăng ký khai tử, xóa đăng ký thường trú", False),
    ("1.004227, 1.005398", "Nhóm thủ tục hành chính cấp phép xây dựng", False),
    ("1.004227, 1.005398", "Lien thong tham dinh va cap phep xay dung", False),
    ("1.004227; 1.005398", "Lie\u0302n thông thẩm định và cấp phép", False),  # NFD
    # Any other row holds one procedure; a malformed code of a group is still one.
    ("1.004227, 1.005398", "Cấp giấy phép xây dựng", True),
    ("1.004227, 1.00539", "Liên thông thẩm định và cấp phép xây dựng", True),
    ("1.00422", "Liên thông thẩm định và cấp phép xây dựng", True),
    ("1.004227, 1.005398", None, True),
]


@pytest.mark.parametrize(("code", "name", "expected"), GROUP_CASES)
def test_pa101_a_group_of_procedures_done_together_lists_each_code(
    code: str, name: str | None, expected: bool
) -> None:
    found = [f for f in findings_of([{"code": code, "name": name}]) if f.rule == "PA101"]
    assert bool(found) is expected


# A national code written with more than the code: a label, a look-alike, a stray mark.
WRITTEN_CASES = [
    # (code, message after "The code '<code>' ", fix: the bare code, or None: today's words)
    ("Mã: 1.014686", "has a label before it: the code is '1.014686'.", "1.014686"),
    ("Mã TTHC 2.000123", "has a label before it: the code is '2.000123'.", "2.000123"),
    ("Mã số: 1.001234", "has a label before it: the code is '1.001234'.", "1.001234"),
    ("Mã TTHC:1.001234", "has a label before it: the code is '1.001234'.", "1.001234"),
    ("MÃ THỦ TỤC: 1.001234", "has a label before it: the code is '1.001234'.", "1.001234"),
    ("Code: 1.000123", "has a label before it: the code is '1.000123'.", "1.000123"),
    ("Mã TTHC\n1.000123", "has a label before it: the code is '1.000123'.", "1.000123"),
    (
        "Mã TTHC: 1.001234.000.00.00.H29",
        "has a label before it: the code is '1.001234.000.00.00.H29'.",
        "1.001234.000.00.00.H29",
    ),
    (
        "1\u2024008572",
        "writes the dot as '\u2024' (U+2024, a one dot leader): the code is '1.008572'.",
        "1.008572",
    ),
    ("1·008572", "writes the dot as '·' (U+00B7, a middle dot): the code is", "1.008572"),
    ("1。008572", "writes the dot as '。' (U+3002, an ideographic full stop)", "1.008572"),
    ("1．008572", "writes the dot as '．' (U+FF0E, a full-width full stop)", "1.008572"),
    (
        "\uff11.\uff10\uff10\uff18\uff15\uff17\uff12",
        "writes the digits in full width (U+FF10-U+FF19): the code is '1.008572'.",
        "1.008572",
    ),
    # A digit or a suffix's letter of another alphabet, from a Russian or Greek layout.
    (
        "1.\u041e01193",
        "writes the Cyrillic letter \u041e (U+041E), which looks like 0: the code is '1.001193'.",
        "1.001193",
    ),
    ("\u0406.003596", "writes the Cyrillic letter \u0406 (U+0406), which looks like 1", "1.003596"),
    ("1.00\u03bf178", "writes the Greek letter \u03bf (U+03BF), which looks like 0", "1.000178"),
    (
        "1.001612.000.00.00.\u041d40",
        "writes the Cyrillic letter \u041d (U+041D), which looks like H: the code is "
        "'1.001612.000.00.00.H40'.",
        "1.001612.000.00.00.H40",
    ),
    (
        "1.012753.\u039719",
        "writes the Greek letter \u0397 (U+0397), which looks like H",
        "1.012753.H19",
    ),
    (
        "Mã: 1.\u041e\u041e0178",
        "has a label before it and writes the Cyrillic letter \u041e (U+041E), which looks like 0",
        "1.000178",
    ),
    # Not a code so written: a look-alike of a letter where a digit belongs, or of a digit
    # in the suffix's letter.
    ("1.\u041d00178", "is not a national code", None),
    ("1.001612.\u041e40", "is not a national code", None),
    ("1.001234;", "ends with a stray ';': the code is '1.001234'.", "1.001234"),
    ("1.001234,", "ends with a stray ','", "1.001234"),
    ("1.001234 :", "ends with a stray ':'", "1.001234"),
    (
        "Mã: 1\u2024008572;",
        "has a label before it and writes the dot as '\u2024' (U+2024, a one dot leader) and "
        "ends with a stray ';': the code is '1.008572'.",
        "1.008572",
    ),
    ("Mã: 1.001234.", "has a label before it and ends with a stray '.'", "1.001234"),
    # Copied from a web page: characters that show nothing.
    (
        "\u200b1.001234",
        "holds an invisible character (a zero-width space or the like): the code is '1.001234'.",
        "1.001234",
    ),
    ("1.001234\ufeff", "holds an invisible character", "1.001234"),
    ("1.00\u00ad1234", "holds an invisible character", "1.001234"),
    ("Mã:\u200b 1.001234", "has a label before it and holds an invisible character", "1.001234"),
    ("\u200b1.00123", "is not a national code", None),
    # Not a code so written: what PA101 said before.
    ("1.008125.", "ends with a stray dot.", "1.008125"),
    ("Mã: 1,014686", "uses a comma where the dot belongs.", None),
    ("Mã: 1.01468", "is not a national code", None),
    ("Mã TTHC cũ: 1.001234", "is not a national code", None),  # another procedure's code
    ("Mã TTHC bị thay thế: 1.001234", "is not a national code", None),
    ("Thay thế 1.001234", "is not a national code", None),
    ("ID: 1.001234", "is not a national code", None),
    ("Mã:", "is not a national code", None),
    ("1.000178; 1.000179", "holds 2 codes", None),
]


@pytest.mark.parametrize(("code", "message", "fix"), WRITTEN_CASES)
def test_pa101_a_code_written_with_a_label_or_a_lookalike(
    code: str, message: str, fix: str | None
) -> None:
    [finding] = [f for f in findings_of([{"code": code, "name": "X"}]) if f.rule == "PA101"]
    assert finding.message.startswith(f"The code '{shown_cell(code)}' {message}")
    assert finding.value == code
    if fix is None:
        assert not finding.fix.startswith("Write the code as")
    else:
        assert finding.fix == f"Write the code as {fix}."
        assert repaired_code(code) == fix


def test_pa101_a_labelled_code_in_vietnamese() -> None:
    with speaking("vi"):
        [finding] = [
            f
            for f in findings_of([{"code": "Mã: 1\u2024014686", "name": "X"}])
            if f.rule == "PA101"
        ]
    assert finding.message == (
        "Mã thủ tục 'Mã: 1\u2024014686' có nhãn ghi trước mã và viết dấu chấm bằng '\u2024' "
        "(U+2024, dấu chấm dẫn): mã thủ tục là '1.014686'."
    )
    assert finding.fix == "Sửa mã thành 1.014686."


# Codes that went through a number cell: the repair is a guess, so the fix says "Probably".
NUMBER_CODE_CASES = [
    # (case, code, message fragment, fix fragment: the repaired code, or None for no repair)
    (
        "seven digits: the dot lost",
        "2000648",
        "looks like a code stored as a number, which lost its dot",
        "Probably 2.000648:",
    ),
    (
        "leading digit 1, national number above 100000",
        "1115155",
        "lost its dot",
        "Probably 1.115155:",
    ),
    (
        "one trailing zero lost",
        "1.00398",
        "has 5 digits after the dot where a national code has 6: it looks like a code stored as "
        "a number, which lost its trailing zero",
        "Probably 1.003980:",
    ),
    ("two trailing zeros lost", "1.0039", "lost its 2 trailing zeros", "Probably 1.003900:"),
    ("three trailing zeros lost", "2.001", "lost its 3 trailing zeros", "Probably 2.001000:"),
    (
        "decimal comma of a Vietnamese Excel",
        "1,00398",
        "5 digits after the comma",
        "Probably 1.003980:",
    ),
    ("spaces around the number", " 2000648 ", "lost its dot", "Probably 2.000648:"),
    # Not numbers that lost a digit: no guess.
    (
        "ends in 0: a number never shows a trailing zero",
        "1.00120",
        "has 5 digits after the dot where a national code has 6.",
        None,
    ),
    ("two digits left: section numbering", "2.10", "has 2 digits after the dot", None),
    ("one digit left", "1.1", "has 1 digits after the dot", None),
    ("five digits: an internal id", "23604", "is not a national code", None),
    ("six digits", "200648", "is not a national code", None),
    ("eight digits", "20006481", "is not a national code", None),
    ("seven digits beyond national numbering", "2345678", "is not a national code", None),
    ("leading zero: not what a number shows", "0.00398", "has 5 digits after the dot", None),
    # A code of its own shape is no mistyped national code: no letter "where a digit belongs".
    ("a one-stop system's local code", "2018.HT.14", "is an agency's or a one-stop", None),
    (
        "a one-stop system's local code with a dot at the end",
        "BHXH.TBHXH.02.",
        "is an agency's or a one-stop system's own code, not a national code",
        None,
    ),
    ("a local code without dots", "2021BQLKCN_DTVN_04", "one-stop system's own code", None),
    ("a ministry's own code", "NB-BTC-05", "one-stop system's own code", None),
    ("letters alone", "abc", "is not a national code (D.DDDDDD", None),
    ("a typed code missing a digit, with a letter", "1.0O398", "has a letter", None),
]


@pytest.mark.parametrize(
    ("case", "code", "message", "fix"), NUMBER_CODE_CASES, ids=[c[0] for c in NUMBER_CODE_CASES]
)
def test_pa101_codes_changed_by_a_number_cell(
    case: str, code: str, message: str, fix: str | None
) -> None:
    [finding] = [f for f in findings_of([{"code": code, "name": "X"}]) if f.rule == "PA101"]
    assert finding.severity == "error"
    assert message in finding.message
    if fix is None:
        assert finding.fix.startswith("Copy the procedure's code from")
        assert repaired_code(code) is None and number_code_repair(code) is None
    else:
        assert finding.fix.startswith(fix)
        assert "check it in the national procedure database" in finding.fix
        assert repaired_code(code) == number_code_repair(code) == fix.split()[1].rstrip(":")


@pytest.mark.parametrize(
    ("code", "repaired"),
    [
        # Certain repairs: one reading, no guess.
        ("1,001234", "1.001234"),
        ("01.001234", "1.001234"),
        ("1.0O1234", "1.001234"),
        (" 1.001234", "1.001234"),
        ("1. 001234", "1.001234"),
        ("'1.001234", "1.001234"),
        ("1.008125.", "1.008125"),
        ("1.001234", "1.001234"),
        # Guesses about a number cell.
        ("2000648", "2.000648"),
        ("1.00398", "1.003980"),
        ("1.0039", "1.003900"),
        # Nothing to repair.
        ("23604", None),
        ("2018.HT.14", None),
        ("1.00120", None),
        ("chưa có mã", None),
    ],
)
def test_repaired_code(code: str, repaired: str | None) -> None:
    assert repaired_code(code) == repaired
    certain = repaired is not None and number_code_repair(code) is None
    assert certain == (
        code
        in {"1,001234", "01.001234", "1.0O1234", " 1.001234", "1. 001234", "'1.001234"}
        | {"1.008125.", "1.001234"}
    )


def test_pa101_number_cell_in_vietnamese() -> None:
    with speaking("vi"):
        [finding] = [
            f for f in findings_of([{"code": "2000648", "name": "X"}]) if f.rule == "PA101"
        ]
    assert finding.message == (
        "Mã thủ tục '2000648' có vẻ là mã bị lưu dưới dạng số nên mất dấu chấm."
    )
    assert finding.fix.startswith("Có lẽ là 2.000648: kiểm tra lại trong Cơ sở dữ liệu quốc gia")


def test_pa102_missing_code() -> None:
    rows = [
        {"code": "1.000178", "name": "A"},
        {"code": None, "name": "B"},
        {"code": "   ", "name": "C"},
    ]
    assert hits_of("PA102", rows) == [(3, "code"), (4, "code")]
    assert hits_of("PA101", rows) == []  # a missing code is not also an invalid one


NO_CODE_CASES = [
    # (case, code, status, rule expected or None)
    ("no code, in force", None, "Đang áp dụng", "PA102"),
    ("no code, no status", None, None, "PA102"),
    ("no code, amended", None, "Sửa đổi, bổ sung", "PA102"),
    ("no code, newly published", None, "Ban hành mới", None),
    ("no code, new", None, "Mới", None),
    ("no code, published anew", None, "Công bố mới", None),
    ("no code, TTHC mới", None, "TTHC mới", None),
    ("no code, abolished", None, "Bãi bỏ", None),
    ("no code, suspended", None, "Tạm dừng", None),
    ("no code, closed", None, "Đóng", None),
    ("no code, proposed for abolition: in force", None, "Đề nghị bãi bỏ", "PA102"),
    # A replacement: the new procedure, naming the one it replaces, may have no code yet;
    # one replaced by another is out of force; "Thay thế" alone does not say which it is.
    ("no code, replacing one named", None, "Thay thế TTHC số 1.001234", None),
    ("no code, replaced by another", None, "Đã được thay thế bởi TTHC 1.001235", None),
    ("no code, 'Thay thế' alone: either side", None, "Thay thế", "PA102"),
    ("no code, a document replaced: amended", None, "Thay thế thành phần hồ sơ", "PA102"),
    ("'Chưa có mã' says no code", "Chưa có mã", "Đang áp dụng", "PA102"),
    ("'Đang cập nhật' says no code", "Đang cập nhật", None, "PA102"),
    ("'Chưa cấp mã số' says no code", "Chưa cấp mã số", None, "PA102"),
    ("'Chưa có mã' of a new procedure", "Chưa có mã", "Ban hành mới", None),
    ("a lone dash says no code", "-", None, "PA102"),
    ("'Mới' in the code cell says no code yet", "Mới", None, "PA102"),
    ("'TTHC mới' in the code cell says no code yet", "TTHC mới", "Đang áp dụng", "PA102"),
    ("a malformed code stays PA101", "1.00x123", "Ban hành mới", "PA101"),
    ("words that are no such phrase", "Xem chi tiết", None, "PA101"),
]


@pytest.mark.parametrize(
    ("case", "code", "status", "rule"), NO_CODE_CASES, ids=[c[0] for c in NO_CODE_CASES]
)
def test_pa102_reads_the_code_words_and_the_status(
    case: str, code: str | None, status: str | None, rule: str | None
) -> None:
    rows = [
        {"code": "1.000178", "name": "A", "status": "Đang áp dụng"},
        {"code": code, "name": "B", "status": status},
    ]
    found = [(f.rule, f.row) for f in findings_of(rows) if f.rule in ("PA101", "PA102")]
    assert found == ([(rule, 3)] if rule else [])


def test_no_code_words_are_no_code_to_compare() -> None:
    """Two procedures "Chưa có mã" share no code: no PA202 code-conflict, no PA201."""
    rows = [
        {"code": "Chưa có mã", "name": "Thủ tục A"},
        {"code": "chưa có mã", "name": "Thủ tục B"},
        {"code": "Chưa có mã", "name": "Thủ tục B"},
    ]
    rules = sorted({f.rule for f in findings_of(rows)})
    assert "PA202" not in rules and "PA101" not in rules
    assert rules.count("PA102") == 1


def test_a_new_part_of_an_annex_asks_no_code() -> None:
    """The part "MỚI BAN HÀNH" gives its rows their status: its procedures have no code yet."""
    table = sheet_table(
        [
            ["STT", "Mã số TTHC", "Tên thủ tục hành chính", "Cấp thực hiện"],
            ["I. DANH MỤC THỦ TỤC HÀNH CHÍNH MỚI BAN HÀNH", "", "", ""],
            ["1", "", "Thủ tục liên thông đăng ký khai sinh", "Cấp xã"],
            ["2", "", "Thủ tục liên thông đăng ký khai tử", "Cấp xã"],
            ["II. DANH MỤC THỦ TỤC HÀNH CHÍNH ĐƯỢC SỬA ĐỔI, BỔ SUNG", "", "", ""],
            ["1", "1.000894", "Thủ tục đăng ký kết hôn", "Cấp xã"],
            ["2", "", "Thủ tục đăng ký giám hộ", "Cấp xã"],
        ]
    )
    found = audit_table("list.csv", table, load_schema(), all_rules())
    # The amended procedure without a code is reported; the new ones are not.
    assert [(f.rule, f.row) for f in found if f.rule == "PA102"] == [("PA102", 7)]


INTERNAL_ROWS = [
    ["1", "TTHCNB.01", "Thủ tục tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh"],
    ["2", "", "Thủ tục thẩm định đề án thành lập đơn vị sự nghiệp công lập"],
    ["3", "1.00089", "Thủ tục quyết định thanh lý tài sản công"],
]


@pytest.mark.parametrize(
    ("above", "header", "codes"),
    [
        # A list of internal procedures (Decision 1085/QĐ-TTg) says so in its title or its
        # name's header: no national code is asked of them.
        (
            ["DANH MỤC THỦ TỤC HÀNH CHÍNH NỘI BỘ GIỮA CÁC CƠ QUAN HÀNH CHÍNH NHÀ NƯỚC"],
            "Tên TTHC",
            [],
        ),
        ([], "Tên thủ tục hành chính nội bộ", []),
        # A ministry's own code beside a list of procedures is no internal procedure.
        ([], "Tên TTHC", [("PA101", 2), ("PA101", 4), ("PA102", 3)]),
    ],
)
def test_a_list_of_internal_procedures_asks_no_national_code(
    above: list[str], header: str, codes: list[tuple[str, int]]
) -> None:
    title = [[text, "", ""] for text in above]
    table = sheet_table([*title, ["STT", "Mã TTHC nội bộ", header], *INTERNAL_ROWS])
    found = audit_table("list.csv", table, load_schema(), all_rules())
    shift = len(title)
    assert sorted((f.rule, f.row) for f in found if f.rule in ("PA101", "PA102")) == sorted(
        (rule, row + shift) for rule, row in codes
    )


def test_pa103_missing_name() -> None:
    rows = [
        {"code": "1.000178", "name": "Đăng ký khai sinh"},
        {"code": "1.000179", "name": None},
        {"code": "1.000180", "name": " \t"},
    ]
    assert hits_of("PA103", rows) == [(3, "name"), (4, "name")]


def test_findings_carry_location_code_and_severity() -> None:
    [finding] = [
        f for f in findings_of([{"code": "1,001234", "name": "A"}], sheet="DM") if f.rule == "PA101"
    ]
    assert (finding.file, finding.sheet, finding.row, finding.column) == ("t.xlsx", "DM", 2, "code")
    assert (finding.name, finding.severity, finding.code) == ("invalid-code", "error", "1,001234")


def test_pa101_a_padded_national_code_is_a_warning_and_a_broken_one_an_error() -> None:
    rows = [{"code": "1.001234  ", "name": "A"}, {"code": "1.0O1234  ", "name": "B"}]
    found = [(f.code, f.severity) for f in findings_of(rows) if f.rule == "PA101"]
    assert found == [("1.001234", "warning"), ("1.0O1234", "error")]


def test_pa101_an_apostrophe_before_a_national_code_is_a_warning() -> None:
    """Excel's text mark written out by an export ("'1.001234"): the code is certain."""
    rows = [
        {"code": "'1.001234", "name": "A"},
        {"code": " '1.001235 ", "name": "B"},
        {"code": "'1.0O1234", "name": "C"},
        {"code": "''1.001236", "name": "D"},
    ]
    found = [(f.row, f.severity) for f in findings_of(rows) if f.rule == "PA101"]
    assert found == [(2, "warning"), (3, "warning"), (4, "error"), (5, "error")]


LINE_BREAK_CASES = [
    # (case, code cell, severity of PA101 on it, or None)
    ("a national code before a line break", "1.013224\n", "warning"),
    ("a local code before a line break", "1.000494.000.00.00.H29\n", "warning"),
    ("two line breaks", "1.013224\n\n", "warning"),
    ("a Windows line break", "1.013224\r\n", "warning"),
    ("a broken code before a line break", "1.0O3224\n", "error"),
    # A PDF's column wrapped the code: the code is certain, the break is to be taken out.
    ("a line break inside", "1.013\n224", "warning"),
    ("a line break inside, spaces around it", "1.013 \r\n 224", "warning"),
    ("a line break inside a local code", "1.000494.000.00\n.00.H29", "warning"),
    ("line breaks inside and after", "'1.013\n224\n", "warning"),
    ("a space inside, typed by hand", "1.013 224", "error"),
    ("a line break inside a broken code", "1.0O3\n224", "error"),
    ("two codes a line each", "1.013224\n1.013225", "error"),
    ("a plain code", "1.013224", None),
]


@pytest.mark.parametrize(
    ("case", "code", "severity"), LINE_BREAK_CASES, ids=[c[0] for c in LINE_BREAK_CASES]
)
def test_pa101_a_code_before_a_line_break(case: str, code: str, severity: str | None) -> None:
    """A regular expression's "$" matches before a final line break: the schema's pattern
    let "1.013224\n" through (each cell of a Word table pasted into Excel ends so)."""
    found = [f for f in findings_of([{"code": code, "name": "A"}]) if f.rule == "PA101"]
    assert [f.severity for f in found] == ([severity] if severity else [])


def test_pa101_a_code_before_a_line_break_is_said_and_repaired() -> None:
    [found] = [f for f in findings_of([{"code": "1.013224\n", "name": "A"}]) if f.rule == "PA101"]
    assert found.message == "The code '1.013224\\n' has a line break after it."
    assert found.fix == "Write the code as 1.013224."


AROUND_CASES = [
    # (code cell, language, PA101's message: what is around the code, the code shown so)
    ("1.004921\n", "en", "The code '1.004921\\n' has a line break after it."),
    ("1.004921\r\n", "en", "The code '1.004921\\r\\n' has a line break after it."),
    ("1.004921\xa0", "en", "The code '1.004921\\xa0' has a non-breaking space after it."),
    ("\t1.004921", "en", "The code '\\t1.004921' has a tab before it."),
    (
        "\n1.004921 \xa0",
        "en",
        "The code '\\n1.004921 \\xa0' has a line break and a non-breaking space around it.",
    ),
    ("1.004921\u3000", "en", "The code '1.004921\\u3000' has an unusual space character after it."),
    # Plain spaces are said as they were; beside a line break they are not named.
    (" 1.004921  ", "en", "The code ' 1.004921  ' has spaces around it."),
    ("1.004921 \n", "en", "The code '1.004921 \\n' has a line break after it."),
    ("1.00\n4921", "en", "The code '1.00\\n4921' has a line break inside it."),
    ("1.004921\n", "vi", "Mã thủ tục '1.004921\\n' có dấu xuống dòng ở cuối."),
    (
        "\xa01.004921\t",
        "vi",
        "Mã thủ tục '\\xa01.004921\\t' có dấu cách không ngắt dòng và ký tự tab ở đầu và cuối.",
    ),
    # A zero-width space (`code_writing`) is shown too.
    (
        "1.000\u200b123",
        "en",
        "The code '1.000\\u200b123' holds an invisible character (a zero-width space or the "
        "like): the code is '1.000123'.",
    ),
]


@pytest.mark.parametrize(("code", "lang", "message"), AROUND_CASES)
def test_pa101_says_what_is_around_a_code_and_shows_it(code: str, lang: str, message: str) -> None:
    with speaking(lang):
        found = [f for f in findings_of([{"code": code, "name": "A"}]) if f.rule == "PA101"]
    assert [f.message for f in found] == [message]


def test_pa101_a_users_schema_keeps_its_own_pattern(tmp_path: Path) -> None:
    """A schema of the user's own is read as Pandera reads it: procaudit adds nothing."""
    schema = tmp_path / "mine.yaml"
    schema.write_text(
        (Path(__file__).parents[2] / "schemas" / "catalogue.yaml")
        .read_text(encoding="utf-8")
        .replace("[A-Z][0-9]{2})?$'", "[A-Z][0-9]{2})?$|^TEST$'"),
        encoding="utf-8",
    )
    path = write_workbook(
        tmp_path / "a.xlsx", {"S": [["Mã TTHC", "Tên thủ tục"], ["1.013224\n", "Thủ tục A"]]}
    )
    assert [f.rule for f in audit([str(path)]).findings if f.rule == "PA101"] == ["PA101"]
    mine = audit([str(path)], schema_path=str(schema)).findings
    assert [f.rule for f in mine if f.rule == "PA101"] == []


def test_pa101_a_padded_export_keeps_its_broken_codes_out_of_the_column_finding(
    tmp_path: Path,
) -> None:
    """Every code padded (a database's CHAR column): one column finding of warnings, and the
    broken code's error on its row."""
    rows: list[list[object]] = [["Mã TTHC", "Tên thủ tục"]]
    rows += [[f"1.{number:06d}   ", f"Thủ tục số {number}"] for number in range(1, 40)]
    rows[6][0] = "1.0O1234   "
    path = write_workbook(tmp_path / "padded.xlsx", {"S": rows})
    found = [(f.severity, f.row) for f in audit([str(path)]).findings if f.rule == "PA101"]
    assert sorted(found, key=str) == [("error", 7), ("warning", None)]


# Codes whose every step of `invalid_code` differs: its column kernels must say the same.
ODD_CODES = [
    *(case[1] for case in CODE_CASES),
    *(case[1] for case in NUMBER_CODE_CASES),
    *["", ".123456", "000", "0.5", "00.001234", "O1.001234", "1.00l234", "I.001234", "1.2"],
    *["1.001234.000.00.00.h29", "12.1234567", "1..", ".", " ", "\t1,0039\n", "1.00398 "],
    *["1.0.0", "a.b.c", "1,0,0", "\x1c1.001234", "2,00040", "9100000", "1.00000", "10.00001"],
    *["'1.001234", " '1,001234", "'2000648", "''1.001234", "'", "1.001234'", "'O1.001234"],
    *["1.00012E+00", "1,0e5", "1E+05", " 2.02401E+13", "1.001234E", "E+00", "1.00012E+1234"],
    *["1.008125.", "1.008125..", "1,008125.", "1.000494.000.00.00.H29.", "1.00398.", "'1.0081.."],
    *["'1.008125.", "1.008125. ", "1.0081250.", "1.", "BHXH.TBHXH.02.", "1.00812.", "1.008125,"],
    *["'1.0O4512", "'1.00398", "'01.001234", "' 1.001234", "'1.00E+00", ",  , 2018.HT.14"],
    *["000.00.01.H44", "000.00.01.H4", " 000.00.01.H44", "000.00.01.h44", "100.00.01.H44"],
    # Beyond ASCII: Python's digits and spaces, which RE2 does not know
    *["1.0012٣4", "１.001234", "\u20001.001234", "1.00398\u3000", "Mã 1.001234"],
    *["1.000178; 1.000179", " 1.000178,1.000179 ", "1.000178 /1.000179/ 2.000001", "1.1; 1.2"],
    *["1.000178.H29\n1.000179.000.00.00.H29", "1.000178;;1.000179", "1.000178; 1.000179."],
    *["1. 001234", "1.001 234", " 1. 001234 ", "1.\t001234", "1 . 001234", "1. 00123", "1.001234"],
    *["1.001234 1.001235", "'1. 001234", "1.\x1c001234", "1.\u00a0001234", "1, 001234"],
    *["1.0O1234   ", " 01.001234", "1,001234 ", " 1.00120 ", "1.001234.H29 ", "  ", "1.0081. "],
    # Written with a label, a look-alike or a stray mark (`code_writing`), and near misses
    *(case[0] for case in WRITTEN_CASES),
    *["Code: 1.000123", "CODE 1.000123;", "Ma TTHC: 1.000123", "\x1cCode: 1.000123\x1c", "Id: 1.0"],
    *["1.000123\x1c;", "Code:: 1.000123", "Code 1.000123 .", "Code: 1.000123.H29,", "1.00012;"],
    *["Mã\u00a0số:\u20031.000123", "Mã: 1.000123\u3000", "Mã: ١.000123", "Mã: 1.0001234"],
    *["\u200bCode: 1.000123", "1.000\u200c123;", "\ufeff\u200b", "1\u2060.000123\u3000"],
    *["1.00\n0656", " 1.00\r\n0656 ", "1.000\n 656", "1.00\n0656\n1.000178"],
    *["1.013 \r\n 224", "1.000494.000.00\n.00.H29", "'1.013\n224\n", "1.0O3\n224"],
    *[
        "1.001234\t",
        "\n1.001234 ",
        " \t1.001234\r\n",
        "1.001234 \x0b",
        "\x1c 1.001234",
        "1.0O1234\n",
    ],
    *["1.001234\xa0", "\xa01.001234\n", "1.001234\u2028", "1.0O1234\xa0", "\xa0 1.001234 "],
    *["1.\u041e01193 ", "\u0406.003596;", "1.0\u043e1193.\u041d40", "1.\u041d00178", "\u0417.1"],
    # Links, with a code in them or none, and one beyond ASCII
    *["https://a.vn/x?ma=1.000178", "http://a.vn/1.000178/2.000001", " www.a.vn/?m=1.0001781"],
    *["https://dịchvụcông.vn/?ma=1.000178", "https://a.vn/?ma=1.000178.H29", "www.", "http:/"],
]


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_pa101_explains_many_codes_as_it_explains_one(lang: str) -> None:
    with speaking(lang):
        messages, fixes = invalid_codes([*ODD_CODES, None])
        assert list(zip(messages, fixes, strict=True)) == [
            invalid_code(code) for code in [*ODD_CODES, None]
        ]


def _number_codes(tmp_path: Path, codes: list[object]) -> list[Finding]:
    rows: list[list[object]] = [["Mã TTHC", "Tên thủ tục"]]
    rows += [[code, f"Thủ tục số {number}"] for number, code in enumerate(codes)]
    path = write_workbook(tmp_path / "codes.xlsx", {"S": rows})
    return [f for f in audit([str(path)]).findings if f.rule == "PA101"]


def test_pa101_a_code_cell_holding_a_number_that_lost_its_zeros(tmp_path: Path) -> None:
    found = _number_codes(tmp_path, [1.00415, "1.013808", 1.014129, 2.00089])
    # The number 1.014129 shows as its code in a General cell: a lone one is not reported.
    assert [(f.row, f.value, f.code, f.severity) for f in found] == [
        (2, "1.00415", "1.004150", "error"),
        (5, "2.00089", "2.000890", "error"),
    ]
    assert found[0].message == (
        "The code is stored as the number 1.00415: Excel shows it so unless the cell's format "
        "pads it, and an export, a look-up or an upload reads 1.00415."
    )
    assert found[0].fix.startswith("Probably 1.004150: check it in the national procedure")


def test_pa101_a_column_of_numbers_is_one_finding(tmp_path: Path) -> None:
    codes: list[object] = [round(1.001 + n / 1e6, 6) for n in range(1, 40) if n % 10]
    codes[5] = 1.00415  # one lost its zero
    (found,) = _number_codes(tmp_path, codes)
    assert found.row is None and found.severity == "error"
    assert "36 of 36 rows" in found.message
    assert "holds the codes as numbers, not as text" in found.fix


def test_pa101_a_few_numbers_with_all_their_digits_are_not_reported(tmp_path: Path) -> None:
    assert _number_codes(tmp_path, [round(1.001 + n / 1e6, 6) for n in range(1, 10)]) == []


def test_pa101_a_number_its_format_shows_as_another_code(tmp_path: Path) -> None:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Mã TTHC", "Tên thủ tục"])
    formats = ["0.00", "0.000000", "General", "@", "#,##0.0000", "0.00%"]
    for number, shown in enumerate(formats):
        sheet.append([round(1.013801 + number / 1e6, 6), f"Thủ tục số {number}"])
        sheet.cell(number + 2, 1).number_format = shown
    workbook.save(tmp_path / "formats.xlsx")
    found = [f for f in audit([str(tmp_path / "formats.xlsx")]).findings if f.rule == "PA101"]
    # Its code is certain, every digit being there: a warning, and fix writes it as text.
    assert [(f.row, f.severity, f.value) for f in found] == [
        (2, "warning", "1.013801"),
        (6, "warning", "1.013805"),
    ]
    assert found[0].message.startswith(
        "The code 1.013801 is stored as a number, which the cell's format shows as 1.01:"
    )
    assert "shows as 1.0138:" in found[1].message
    assert found[0].fix.startswith("Format the cell as Text and type the code 1.013801 again")


def test_a_list_of_internal_procedures_says_its_codes_are_not_checked() -> None:
    rows = [["STT", "Mã số", "Tên thủ tục hành chính nội bộ"], *INTERNAL_ROWS]
    (said,) = read_grid("list.xlsx", text_grid("NB", rows)).notes
    assert said == (
        "sheet 'NB': it lists internal procedures (thủ tục hành chính nội bộ), which have no "
        "national code: their codes are not checked (PA101, PA102)"
    )


def _public(number: int) -> list[str]:
    return [str(number), f"1.00{number:04d}", f"Thủ tục công bố số {number}"]


def _internal(number: int) -> list[str]:
    return [str(number), f"TTHCNB.{number:02d}", f"Thủ tục nội bộ số {number}"]


# A catalogue's parts of internal procedures, headed inside one table: (rows under the
# header, the rows whose codes PA101 reports). Row 1 is the header.
INTERNAL_PARTS = {
    "a part after the public procedures": (
        [
            ["PHẦN I. THỦ TỤC HÀNH CHÍNH", "", ""],
            _public(1),
            ["PHẦN II. THỦ TỤC HÀNH CHÍNH NỘI BỘ", "", ""],
            _internal(1),
            _internal(2),
        ],
        [],
    ),
    "fields inside the internal part stay in it": (
        [
            ["PHẦN II. TTHC NỘI BỘ GIỮA CÁC CƠ QUAN HÀNH CHÍNH NHÀ NƯỚC", "", ""],
            ["1. Lĩnh vực Tư pháp", "", ""],
            _internal(1),
            ["2. Lĩnh vực Nội vụ", "", ""],
            _internal(2),
        ],
        [],
    ),
    "the next part of the same rank ends it": (
        [
            ["I. THỦ TỤC HÀNH CHÍNH NỘI BỘ", "", ""],
            _internal(1),
            ["II. THỦ TỤC HÀNH CHÍNH CẤP TỈNH", "", ""],
            ["1", "TTHCNB.09", "Thủ tục công bố có mã sai"],
        ],
        [5],
    ),
    "a letter's part holds its Roman numerals, up to the next letter": (
        [
            ["A. THỦ TỤC HÀNH CHÍNH CẤP TỈNH", "", ""],
            _public(1),
            ["B. THỦ TỤC HÀNH CHÍNH NỘI BỘ", "", ""],
            ["I. Lĩnh vực Tư pháp", "", ""],
            _internal(1),
            ["II. Lĩnh vực Nội vụ", "", ""],
            _internal(2),
            ["C. THỦ TỤC HÀNH CHÍNH CẤP XÃ", "", ""],
            ["1", "TTHCNB.09", "Thủ tục công bố có mã sai"],
        ],
        [10],
    ),
    "a field heading after an unnumbered internal part does not end it": (
        [
            ["Thủ tục hành chính nội bộ", "", ""],
            ["Lĩnh vực Tư pháp", "", ""],
            _internal(1),
            ["Danh mục thủ tục hành chính cấp xã", "", ""],
            ["1", "TTHCNB.09", "Thủ tục công bố có mã sai"],
        ],
        [6],
    ),
    "a ministry's own codes outside any internal part are checked": (
        [["I. Lĩnh vực Tư pháp", "", ""], _internal(1)],
        [3],
    ),
}


@pytest.mark.parametrize(("rows", "reported"), INTERNAL_PARTS.values(), ids=INTERNAL_PARTS.keys())
def test_a_part_of_internal_procedures_asks_no_national_code(
    rows: list[list[str]], reported: list[int]
) -> None:
    table = sheet_table([["STT", "Mã TTHC", "Tên thủ tục hành chính"], *rows])
    found = audit_table("list.xlsx", table, load_schema(), all_rules())
    assert [f.row for f in found if f.rule == "PA101"] == reported


def test_a_part_of_internal_procedures_is_noted_with_its_heading() -> None:
    rows = [
        ["STT", "Mã số", "Tên thủ tục hành chính"],
        ["PHẦN I. THỦ TỤC HÀNH CHÍNH", "", ""],
        _public(1),
        ["PHẦN II. THỦ TỤC HÀNH CHÍNH NỘI BỘ", "", ""],
        _internal(1),
        _internal(2),
    ]
    (said,) = read_grid("list.xlsx", text_grid("DM", rows)).notes
    assert said == (
        "sheet 'DM': the 2 procedures under 'PHẦN II. THỦ TỤC HÀNH CHÍNH NỘI BỘ' are internal "
        "procedures (thủ tục hành chính nội bộ), which have no national code: their codes are "
        "not checked (PA101, PA102)"
    )
