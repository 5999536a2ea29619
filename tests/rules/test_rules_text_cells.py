"""PA601 legacy-encoding, PA602 not-nfc, PA603 stray-whitespace: every text column, one
finding per cell."""

from __future__ import annotations

import unicodedata
from collections import Counter
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pytest

from conftest import findings_of, hits_of
from procaudit.catalogue.columns import ROW, SHEET
from procaudit.core.i18n import speaking
from procaudit.rules import get_rule
from procaudit.rules.context import RuleContext
from procaudit.rules.whitespace import stray_said, strays_said

NAME = "Đăng ký khai sinh"
NFD = unicodedata.normalize("NFD", NAME)
TWO_AGENCIES = "Sở Tư pháp\nỦy ban nhân dân cấp xã"
RULES = ("PA601", "PA602", "PA603")

CASES = [
    # (case, one row, the (rule, column) findings expected on it)
    ("correct name", {"name": NAME}, []),
    ("all-caps name", {"name": "ĐĂNG KÝ KHAI SINH"}, []),
    ("old tone placement", {"name": "Hoà giải ở cơ sở"}, []),
    ("NFD name", {"name": NFD}, [("PA602", "name")]),
    (
        "NFD field",
        {"name": NAME, "field": unicodedata.normalize("NFD", "Hộ tịch")},
        [("PA602", "field")],
    ),
    ("double spaces", {"name": "Đăng ký  khai sinh"}, [("PA603", "name")]),
    ("trailing space", {"name": "Đăng ký khai sinh "}, [("PA603", "name")]),
    ("leading space", {"name": " Đăng ký khai sinh"}, [("PA603", "name")]),
    ("non-breaking space", {"name": "Đăng ký\xa0khai sinh"}, [("PA603", "name")]),
    ("tab", {"name": "Đăng ký\tkhai sinh"}, [("PA603", "name")]),
    ("zero-width space", {"name": "Đăng ký\u200b khai sinh"}, [("PA603", "name")]),
    ("soft hyphen", {"name": "Đăng ký\u00ad khai sinh"}, [("PA603", "name")]),
    ("byte-order mark", {"name": "\ufeffĐăng ký khai sinh"}, [("PA603", "name")]),
    ("two agencies on two lines", {"name": NAME, "agency": TWO_AGENCIES}, []),
    (
        "two agencies, Windows line break",
        {"name": NAME, "agency": "Sở Tư pháp\r\nỦy ban nhân dân cấp xã"},
        [],
    ),
    (
        "space before the line break",
        {"name": NAME, "agency": "Sở Tư pháp \nỦy ban nhân dân cấp xã"},
        [("PA603", "agency")],
    ),
    (
        "blank line between agencies",
        {"name": NAME, "agency": "Sở Tư pháp\n\nỦy ban nhân dân cấp xã"},
        [("PA603", "agency")],
    ),
    ("trailing line break", {"name": NAME, "agency": TWO_AGENCIES + "\n"}, [("PA603", "agency")]),
    ("levels on two lines", {"name": NAME, "level": "Cấp tỉnh\nCấp xã"}, []),
    ("fields on two lines", {"name": NAME, "field": "Trồng trọt\nBảo vệ thực vật"}, []),
    # The legal basis is prose: its spaces are nobody's key; its Unicode form still counts.
    (
        "a legal basis with doubled spaces and a tab",
        {"name": NAME, "legal_basis": "Luật Khiếu nại  năm 2011\t02/2011/QH13 "},
        [],
    ),
    # So are a fee's and a processing time's cases, a line each, bulleted and indented.
    (
        "a fee with indented sub-bullets",
        {"name": NAME, "fee": "- Lệ phí:\n  + Trực tiếp: 100.000 đồng\n  + Trực tuyến: Không"},
        [],
    ),
    (
        "a processing time with a space after its bullets",
        {"name": NAME, "processing_time": "•  15 ngày làm việc \n•  Bưu chính: 20 ngày"},
        [],
    ),
    (
        "an NFD fee",
        {"name": NAME, "fee": unicodedata.normalize("NFD", "Lệ phí:  50.000 đồng")},
        [("PA602", "fee")],
    ),
    (
        "an NFD legal basis",
        {"name": NAME, "legal_basis": unicodedata.normalize("NFD", "Luật Hộ tịch  năm 2014")},
        [("PA602", "legal_basis")],
    ),
    # A name is one value: a line break inside it is stray.
    ("a name wrapped by hand", {"name": "Đăng\nký khai sinh"}, [("PA603", "name")]),
    ("a name on two lines, Windows", {"name": "Đăng ký\r\nkhai sinh"}, [("PA603", "name")]),
    ("TCVN3 name", {"name": "Thñ tôc hµnh chÝnh"}, [("PA601", "name")]),
    ("TCVN3 capitals", {"name": "§¡NG Ký KHAI SINH"}, [("PA601", "name")]),
    ("VNI name", {"name": "Thuû tuïc haønh chính"}, [("PA601", "name")]),
    ("VNI agency", {"name": NAME, "agency": "Sôû Tö phaùp"}, [("PA601", "agency")]),
    # A legacy cell is reported once: converting it also fixes its spaces.
    ("TCVN3 with a trailing space", {"name": "B¶o Th¾ng "}, [("PA601", "name")]),
    ("NFD with a trailing space", {"name": NFD + " "}, [("PA602", "name"), ("PA603", "name")]),
    (
        "English and codes",
        {
            "name": "Register a birth",
            "code": "1.000178",
            "legal_basis": "68/2013/TT-BCA",
            "decision_no": "1890/QĐ-UBND",
        },
        [],
    ),
    ("Latin-1 symbols", {"name": "Ảnh 4cm×6cm, © Bộ Tư pháp, 5 µg"}, []),
]


@pytest.mark.parametrize(("case", "row", "expected"), CASES, ids=[c[0] for c in CASES])
def test_findings(case: str, row: dict[str, str], expected: list[tuple[str, str]]) -> None:
    rows = [{"code": "1.000178", **row}]
    found = sorted((rule, column) for rule in RULES for _, column in hits_of(rule, rows))
    assert found == sorted(expected)


def test_each_cell_is_reported_on_its_own_row() -> None:
    rows = [
        {"name": NAME, "agency": "Sở Tư pháp "},
        {"name": "Đăng ký  kết hôn", "agency": "Sở Tư pháp "},
        {"name": NAME, "agency": None},
        {"name": "Đăng ký  kết hôn", "agency": TWO_AGENCIES},
    ]
    assert hits_of("PA603", rows) == [(2, "agency"), (3, "agency"), (3, "name"), (5, "name")]


@pytest.mark.parametrize(
    ("value", "message", "fix"),
    [
        ("B¶o Th¾ng", "legacy TCVN3 (ABC) encoding", "Retype the cell in Unicode: 'Bảo Thắng'."),
        ("Xin chaøo", "legacy VNI encoding", "Retype the cell in Unicode: 'Xin chào'."),
        ("TØNH B¾C GIANG", "TCVN3", "Retype the cell in Unicode: 'TỈNH BẮC GIANG'."),
    ],
)
def test_pa601_names_the_encoding_and_gives_the_unicode_text(
    value: str, message: str, fix: str
) -> None:
    [finding] = [f for f in findings_of([{"name": value}]) if f.rule == "PA601"]
    assert message in finding.message
    assert finding.fix == fix
    assert finding.value == value


def test_pa602_fix_is_the_nfc_text() -> None:
    [finding] = [f for f in findings_of([{"name": NFD}]) if f.rule == "PA602"]
    assert finding.fix == f"Convert it to NFC: '{NAME}'."
    assert unicodedata.is_normalized("NFC", finding.fix)
    # The breve of ă and the acute of ý; the message is the same for any count of them.
    assert "tone or vowel marks are stored as separate" in finding.message


LEGAL_BASIS = (
    "Tên văn bản pháp lýMã văn bảnNghị định quy định chi tiết thi hành một số điều của Luật "
    "Phòng, chống thiên tai và Luật sửa đổi, bổ sung một số điều của Luật Phòng, chống thiên "
    "tai và Luật Đê điều.66/2021/NĐ-CP"
)


@pytest.mark.parametrize(
    ("value", "fix"),
    [
        # A short cell: the text as NFC writes it.
        (unicodedata.normalize("NFD", "Hộ tịch"), "Convert it to NFC: 'Hộ tịch'."),
        # A long one (the portal's legal basis): not the thousand characters again, which
        # look the same once converted, but the words that change.
        (
            LEGAL_BASIS.replace("thiên", unicodedata.normalize("NFD", "thiên")).replace(
                "Đê", unicodedata.normalize("NFD", "Đê")
            ),
            "Convert it to NFC (procaudit fix does it); the words stored decomposed: 'thiên', "
            "'Đê'.",
        ),
        (
            unicodedata.normalize("NFD", LEGAL_BASIS),
            "Convert it to NFC (procaudit fix does it); the words stored decomposed: 'Tên', "
            "'văn', 'bản' and 19 more.",
        ),
    ],
    ids=["short", "two words", "every word"],
)
def test_pa602_fix_of_a_long_cell_names_its_words(value: str, fix: str) -> None:
    [finding] = [f for f in findings_of([{"name": "A", "legal_basis": value}]) if f.rule == "PA602"]
    assert finding.fix == fix


@pytest.mark.parametrize(
    ("value", "message", "cleaned"),
    [
        ("Đăng ký  khai sinh", "doubled spaces", "Đăng ký khai sinh"),
        ("Đăng ký khai sinh ", "a trailing space", "Đăng ký khai sinh"),
        ("\u00a0Đăng ký khai sinh", "a leading non-breaking space", "Đăng ký khai sinh"),
        ("Đăng\u200bký khai sinh", "a zero-width character", "Đăngký khai sinh"),
        ("Đăng ký\u00ad khai sinh", "a zero-width character", "Đăng ký khai sinh"),
        (
            "Sở Tư pháp \n\nUBND cấp xã",
            "spaces around a line break, a blank line",
            "Sở Tư pháp\nUBND cấp xã",
        ),
        ("  Sở Tư pháp\t\tUBND  ", "a leading space, a trailing space, a tab", "Sở Tư pháp UBND"),
        ("Đăng\nký khai sinh", "a line break inside it", "Đăng ký khai sinh"),
        (
            "Đăng ký khai sinh \nĐăng ký khai sinh",
            "spaces around a line break, a line break inside it",
            "Đăng ký khai sinh",
        ),
    ],
)
def test_pa603_says_what_is_stray_and_quotes_the_cleaned_text(
    value: str, message: str, cleaned: str
) -> None:
    # Agencies are listed a line each; a name is one line.
    column = "agency" if value.startswith("Sở Tư pháp \n") else "name"
    row = {"name": NAME, column: value}
    [finding] = [f for f in findings_of([row]) if f.rule == "PA603"]
    assert message in finding.message
    assert finding.fix == f"Write it as '{cleaned}'."


STRAYS = [
    "Đăng ký  khai sinh",
    " Đăng ký khai sinh\u200b",
    "Đăng\xa0ký\t\tkhai   sinh ",
    "Đăng ký {khai} sinh ",
    "\u3000\ufeff",
    "Đăng ký khai sinh \nĐăng ký khai sinh",
    "Sở Tư pháp \n\nUBND cấp xã",
    "Đăng ky\u0301  khai sinh",
    "Ð\u2028x\x85y ",
]


@pytest.mark.parametrize("lang", ["en", "vi"])
@pytest.mark.parametrize("one_line", [False, True])
def test_pa603_says_a_column_of_cells_as_it_says_each(lang: str, one_line: bool) -> None:
    with speaking(lang):
        messages, fixes = strays_said(pa.array(STRAYS, pa.large_string()), one_line)
        said = [stray_said(value, one_line) for value in STRAYS]
    assert list(zip(messages, fixes, strict=True)) == said


def _frame(**columns: list[str | None]) -> pd.DataFrame:
    frame = pd.DataFrame({name: pd.Series(values, dtype="str") for name, values in columns.items()})
    frame[ROW] = range(2, len(frame) + 2)
    frame[SHEET] = "S"
    return frame


def test_provenance_and_unknown_columns_are_not_read() -> None:
    frame = _frame(name=[NAME], _note=["  B¶o Th¾ng  "])
    frame[SHEET] = " S "
    context = RuleContext(frame)
    for rule in RULES:
        check = get_rule(rule).check
        assert check is not None
        assert check(context).empty


def test_one_survey_serves_the_three_rules_on_a_large_table() -> None:
    # Values repeat: the hits are spread to every row holding the defective value.
    rows = 30_000
    names = pd.Series([NAME, "Đăng ký  kết hôn", NFD, "Thñ tôc hµnh chÝnh"] * (rows // 4))
    frame = _frame(name=names.tolist(), agency=[TWO_AGENCIES] * rows)
    context = RuleContext(frame)
    counts = {rule: len(get_rule(rule).check(context)) for rule in RULES}  # type: ignore[misc]
    assert counts == {"PA601": rows // 4, "PA602": rows // 4, "PA603": rows // 4}


def test_portal_exports(real_data: Path) -> None:
    """The data's README counts 55 cells not in NFC and 81 names with leading, trailing or
    doubled spaces in the portal's workbooks; PA603 adds the names with a line break inside
    them, a name being one value."""
    from procaudit.engine.audit import audit

    paths = sorted((real_data / "national-portal-2026").glob("*.xlsx"))
    result = audit([str(path) for path in paths], every_row=True)
    by_rule = Counter((f.rule, f.column) for f in result.findings if f.rule in RULES)
    assert sum(n for (rule, _), n in by_rule.items() if rule == "PA602") == 55
    assert by_rule["PA601", "name"] == 0
    names = [f.value for f in result.findings if f.rule == "PA603" and f.column == "name"]
    spaced = [v for v in names if v != v.strip() or "  " in v]
    assert len(spaced) == 81
    assert all("\n" in v for v in names if v not in spaced)
