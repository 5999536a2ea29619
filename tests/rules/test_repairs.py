"""The repairs of `procaudit fix` (issue 18): a table of cases per repair, each checked
against its rule (the rule finds the cell before, not after), and idempotence."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import findings_of, hits_of
from procaudit.rules import all_repairs, get_repair
from procaudit.rules.repairs import repair_text
from procaudit.vn.legacy_fonts import TCVN3, VNI, encode

NAME = "Đăng ký khai sinh"
# A row every rule accepts but for the cell of a case.
ROW = {"code": "1.000001", "name": "Cấp giấy phép xây dựng", "decision_no": "1890/QĐ-UBND"}

CASES = [
    # (rule, column, the cell, what the repair writes; None: nothing)
    ("PA601", "name", encode(NAME, TCVN3), NAME),
    ("PA601", "name", encode(NAME, VNI), NAME),
    ("PA601", "name", "B¶o Th¾ng", "Bảo Thắng"),
    ("PA601", "name", NAME, None),
    ("PA601", "name", "Müller GmbH", None),
    ("PA601", "name", "Thaø B¶", None),  # VNI then TCVN3 in one cell: no font is certain
    # VNI reads only the first word ("ñy" as "đy"), TCVN3 reads them all: TCVN3 is certain
    ("PA601", "agency", "ñy ban nh©n d©n cÊp x·", "ủy ban nhân dân cấp xã"),
    ("PA601", "name", "ñy", None),  # "ủy" in TCVN3, "đy" in VNI: neither is certain
    ("PA602", "name", unicodedata.normalize("NFD", NAME), NAME),
    ("PA602", "name", NAME, None),
    ("PA603", "name", " Đăng ký  khai sinh ", NAME),
    ("PA603", "name", "Đăng ký\tkhai\xa0sinh", NAME),
    ("PA603", "name", "\ufeffĐăng ký\u200b khai sinh", NAME),
    ("PA603", "agency", "Sở Tư pháp \n\nUBND cấp xã", "Sở Tư pháp\nUBND cấp xã"),
    ("PA603", "agency", "Sở Tư pháp \r\nUBND cấp xã", "Sở Tư pháp\r\nUBND cấp xã"),
    ("PA603", "agency", "Sở Tư pháp\rUBND cấp xã", "Sở Tư pháp\nUBND cấp xã"),
    ("PA603", "agency", "Sở Tư pháp\nUBND cấp xã", None),  # a line break between agencies
    ("PA603", "agency", "Sở Tư pháp\r\nUBND cấp xã", None),  # and a Windows one
    ("PA603", "name", NAME, None),
    # A name is one value: its lines are joined, a name written twice is written once.
    ("PA603", "name", "Đăng ký\nkhai sinh", NAME),
    ("PA603", "name", "Đăng ký \r\n khai sinh\n", NAME),
    ("PA603", "name", "Đăng ký khai sinh\nĐăng ký khai sinh", NAME),
    # wrapped after a linking word, before a capital: the sentence goes on
    (
        "PA603",
        "name",
        "Cấp phép thuộc thẩm quyền của\nỦy ban nhân dân",
        "Cấp phép thuộc thẩm quyền của Ủy ban nhân dân",
    ),
    (
        "PA603",
        "name",
        "Đăng ký theo Nghị định số\n95/2024/NĐ-CP",
        "Đăng ký theo Nghị định số 95/2024/NĐ-CP",
    ),
    ("PA604", "name", "Cấp lại thẻ &#40;do mất&#41;", "Cấp lại thẻ (do mất)"),
    ("PA604", "name", "Sở Tài nguyên &amp; Môi trường", "Sở Tài nguyên & Môi trường"),
    ("PA604", "name", "Thẻ&nbsp;bảo hiểm", "Thẻ bảo hiểm"),
    ("PA604", "name", "Thẻ &amp;#40;mới&amp;#41;", "Thẻ (mới)"),  # escaped twice
    ("PA604", "name", "Sở TT&TT Lào Cai", None),
    ("PA604", "name", "Sở TT&TT &amp; Sở Nội vụ", "Sở TT&TT & Sở Nội vụ"),
    # An invisible character is written as nothing, another space as a plain one: decoded as
    # it stands, "&#8203;Không" would become a "Không" that equals no "Không".
    ("PA604", "fee", "&#8203;Không", "Không"),
    ("PA604", "name", "Cấp giấy phép&#xFEFF;", "Cấp giấy phép"),
    ("PA604", "name", "Cấp&thinsp;thẻ&#8201;mới", "Cấp thẻ mới"),
    ("PA604", "fee", "&#8203;", None),  # nothing but whitespace left: a person's
    ("PA604", "fee", "&nbsp;", None),
    ("PA605", "name", "<p>Đăng ký<br/>kết hôn</p>", "Đăng ký kết hôn"),
    ("PA605", "forms", '<a href="x/m1.docx">Mẫu 01</a>', "Mẫu 01"),
    ("PA605", "name", "Cấp phép cho <tên tổ chức>", None),
    ("PA606", "name", "Cấp giấy phép хây dựng", "Cấp giấy phép xây dựng"),
    ("PA606", "name", "Hợp tác với Москва", None),
    ("PA402", "decision_no", "1890/QD-UBND", "1890/QĐ-UBND"),
    ("PA402", "decision_no", "Quyết định số 6225/QĐ-BQP", "6225/QĐ-BQP"),
    ("PA402", "decision_no", "Số: 64/QĐ-NHNN", "64/QĐ-NHNN"),
    ("PA402", "decision_no", "3980 /QĐ-BQP", "3980/QĐ-BQP"),
    ("PA402", "decision_no", "1521/QĐ-UBND.", "1521/QĐ-UBND"),
    ("PA402", "decision_no", "1890/QD-UBND ngày 15/8/2025", "1890/QĐ-UBND ngày 15/8/2025"),
    # A number with its date, in words: read as both, valid, so PA402 reports nothing.
    ("PA402", "decision_no", "Quyết định số 1890/QĐ-UBND ngày 15/8/2025", None),
    ("PA402", "decision_no", "Số 1890/QD-UBND ngày 15/8/2025", "1890/QĐ-UBND ngày 15/8/2025"),
    ("PA402", "decision_no", "Thay thế Quyết định số 123/QĐ-UBND", None),  # a person decides
    ("PA402", "decision_no", "Quyết định số 4777", None),  # no issuer to recover
    ("PA402", "decision_no", "QĐ/0001-BCA", None),
    ("PA402", "decision_no", "1890/QĐ-UBND", None),
    ("PA101", "code", "1,003980", "1.003980"),
    ("PA101", "code", "1.0O1234", "1.001234"),
    ("PA101", "code", "01.001234", "1.001234"),
    ("PA101", "code", "1.00398", "1.003980"),  # a number cell's lost zero
    ("PA101", "code", "2000648", "2.000648"),  # a number cell's lost dot
    ("PA101", "code", "1.001234", None),
    ("PA101", "code", "chưa có", None),
    # A national code written with a label, a look-alike character or a stray mark.
    ("PA101", "code", "Mã: 1.014686", "1.014686"),
    ("PA101", "code", "\u200b1.014686\ufeff", "1.014686"),
    ("PA101", "code", "Mã TTHC 2.000123", "2.000123"),
    ("PA101", "code", "Code: 1.000123", "1.000123"),
    ("PA101", "code", "Mã TTHC: 1.001234.000.00.00.H29", "1.001234.000.00.00.H29"),
    ("PA101", "code", "1\u2024008572", "1.008572"),
    ("PA101", "code", "1·008572", "1.008572"),
    ("PA101", "code", "1。008572", "1.008572"),
    ("PA101", "code", "\uff11.\uff10\uff10\uff18\uff15\uff17\uff12", "1.008572"),
    ("PA101", "code", "1.001234;", "1.001234"),
    ("PA101", "code", "Mã: 1\u2024008572;", "1.008572"),
    ("PA101", "code", "Mã TTHC cũ: 1.001234", None),  # another procedure's code
    ("PA101", "code", "ID: 1.001234", None),
    ("PA101", "code", "Mã: 1.01468", None),
]


@pytest.mark.parametrize(("rule", "column", "before", "after"), CASES)
def test_repair(rule: str, column: str, before: str, after: str | None) -> None:
    repair = get_repair(rule)
    assert repair is not None and repair.applies_to(column)
    assert repair.for_column(column).function(before) == after
    if after is not None:  # the rule finds the cell, and finds nothing in its repair
        assert (2, column) in hits_of(rule, [{**ROW, column: before}])
        assert (2, column) not in hits_of(rule, [{**ROW, column: after}])


MEANT_BREAKS = [
    # A name's cell with a line break that may be meant: the repair leaves the whole cell
    # (its stray spaces too) and PA603's finding to a person, whose fix says the joined text.
    "Cấp giấy phép:\n- a) cấp mới;\n- b) cấp lại",  # a list of cases
    "Cấp giấy phép\na) cấp mới\nb) cấp lại",
    "Cấp giấy phép \n(áp dụng cho doanh nghiệp)",  # a note below the name
    "Đăng ký khai sinh\nĐăng ký kết hôn",  # two names
    "Công nhận đăng kiểm viên bậc cao:\nđường sắt bậc cao",  # after a colon
    "Cấp phép;\ncấp lại",
    "Đăng ký\nkhai  sinh\n(áp dụng cho trẻ em)",  # one wrap, one note
]


@pytest.mark.parametrize("before", MEANT_BREAKS)
def test_a_line_break_that_may_be_meant_leaves_the_name_to_a_person(before: str) -> None:
    repair = get_repair("PA603")
    assert repair is not None
    assert repair.for_column("name").function(before) is None
    [finding] = [f for f in findings_of([{**ROW, "name": before}]) if f.rule == "PA603"]
    assert "line break inside it" in finding.message
    assert "\n" not in (finding.fix or "")  # the suggestion: the name on one line


def test_which_rules_repair_and_how_safely() -> None:
    found = {repair.rule_id: repair.safe for repair in all_repairs()}
    safe = {
        "PA601": True,
        "PA602": True,
        "PA603": True,
        "PA604": True,
        "PA402": True,
        "PA606": True,
    }
    assert found == {**safe, "PA101": False, "PA605": False}
    # Legacy font, NFC, references and markup, whitespace, then the repairs of one column.
    order = ["PA601", "PA602", "PA604", "PA605", "PA603"]
    assert [r.rule_id for r in all_repairs()][:5] == order


def test_whitespace_is_not_cleaned_in_codes() -> None:
    """Spaces around a code are PA101's: its repair strips them (an unsafe fix)."""
    assert not get_repair("PA603").applies_to("code")  # type: ignore[union-attr]
    assert get_repair("PA101").function(" 1.001234 ") == "1.001234"  # type: ignore[union-attr]


def test_whitespace_is_not_cleaned_in_a_legal_basis() -> None:
    """A legal basis is prose, which PA603 does not check: its repair leaves it as it is."""
    assert not get_repair("PA603").applies_to("legal_basis")  # type: ignore[union-attr]
    assert not get_repair("PA603").applies_to("fee")  # type: ignore[union-attr]
    assert not get_repair("PA603").applies_to("processing_time")  # type: ignore[union-attr]
    assert get_repair("PA603").applies_to("agency")  # type: ignore[union-attr]


def test_repairs_run_in_order_to_a_fixed_point() -> None:
    legacy = " " + encode(NAME, TCVN3) + "  &amp;#40;"
    assert repair_text(legacy, all_repairs()) == (NAME + " (", ("PA601", "PA604", "PA603"))
    assert repair_text(NAME, all_repairs()) == (NAME, ())


# --- Idempotence ------------------------------------------------------------------------------
# Pieces of the cells the repairs work on, joined at random.
_PIECES = [" ", "\n", "\r", "\t", "\xa0", "\u200b", "\ufeff", "\u2003", "a", "B", "ế", "e\u0301"]
_PIECES += ["&", "#", ";", "amp", "&#40;", "&nbsp;", "Đ", "Q", "/", "-", ".", ",", "1", "0"]
_PIECES += ["¶", "¾", "Th", "ñ", "aø", "QD", "QĐ-UBND", "Số: ", "Quyết định số ", " ngày 1/2/2025"]
_PIECES += ["Mã: ", "Code ", "1.000123", "\u2024", "\uff11", "\u3002", ":", ".H29"]
_TEXT = st.lists(st.sampled_from(_PIECES), max_size=10).map("".join)


@settings(max_examples=400, deadline=None)
@given(_TEXT)
def test_every_repair_is_idempotent(text: str) -> None:
    for repair in all_repairs():
        for function in (repair.function, *(own for _, own in repair.own)):
            once = function(text)
            if once is not None:
                assert function(once) in (None, once), repair.rule_id


@settings(max_examples=300, deadline=None)
@given(_TEXT, st.sampled_from(["name", "agency", "code", "decision_no"]))
def test_the_chain_is_idempotent(text: str, column: str) -> None:
    chain = [repair.for_column(column) for repair in all_repairs() if repair.applies_to(column)]
    fixed, _ = repair_text(text, chain)
    assert repair_text(fixed, chain) == (fixed, ())
