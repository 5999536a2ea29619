"""PA605 html-markup: rows in, findings out; its repair, text in, text out."""

from __future__ import annotations

import pytest

from conftest import findings_of, hits_of
from procaudit.rules.html_markup import repair_html_markup

CASES = [
    # (case, name, forms, flagged (row, column) pairs)
    ("a line break after the name", "Đăng ký khai sinh<br/>", None, [(2, "name")]),
    ("paragraphs", "<p>Đăng ký kết hôn</p>", None, [(2, "name")]),
    ("upper case, spaces", "Đăng ký <BR >kết hôn", None, [(2, "name")]),
    ("a link in the forms", "Đăng ký khai tử", '<a href="x/m1.docx">Mẫu 01</a>', [(2, "forms")]),
    ("bold, with a style", "<strong style='color:red'>Cấp phép</strong>", None, [(2, "name")]),
    ("a closing tag alone", "Cấp giấy phép</span>", None, [(2, "name")]),
    # Angle brackets around words are text: placeholders, comparisons.
    ("a placeholder", "Cấp giấy phép cho <tên tổ chức>", None, []),
    ("an age", "Cấp thẻ cho trẻ em <6 tuổi> và người cao tuổi", None, []),
    ("a comparison", "Hỗ trợ hộ có thu nhập < 2 triệu đồng > mức chuẩn", None, []),
    ("a tag-like word", "Cấp phép <bản> sao", None, []),
    ("an entity, not a tag", "Cấp lại &lt;br&gt; thẻ", None, []),
    ("plain text", "Đăng ký khai sinh (bản sao)", "Mẫu 01", []),
]  # fmt: skip


@pytest.mark.parametrize(("case", "name", "forms", "flagged"), CASES, ids=[c[0] for c in CASES])
def test_pa605_html_markup(case, name, forms, flagged) -> None:
    rows = [{"code": "1.000001", "name": name, "forms": forms}]
    assert hits_of("PA605", rows) == flagged


def test_pa605_names_the_tags_and_gives_the_text() -> None:
    rows = [{"code": "1.000001", "name": "<p>Đăng ký<br>kết hôn</p>", "forms": None}]
    [finding] = [f for f in findings_of(rows) if f.rule == "PA605"]
    assert "(<p>, <br>, </p>)" in finding.message
    assert finding.fix == "Write it as 'Đăng ký kết hôn'."
    assert finding.severity == "warning"


def test_pa605_a_cell_of_tags_alone_is_to_be_emptied() -> None:
    rows = [{"code": "1.000001", "name": "Đăng ký khai sinh", "forms": "<br/><br/>"}]
    [finding] = [f for f in findings_of(rows) if f.rule == "PA605"]
    assert finding.fix == "Remove the markup: the cell holds no text."


@pytest.mark.parametrize(
    ("text", "repaired"),
    [
        ("Đăng ký khai sinh<br/>", "Đăng ký khai sinh"),
        ("Đăng ký<br>kết hôn", "Đăng ký kết hôn"),  # a line parted: two words
        ("Cấp <b>giấy</b> phép", "Cấp giấy phép"),  # formatting inside: the words as they were
        ("<p>Mẫu 01</p><p>Mẫu 02</p>", "Mẫu 01 Mẫu 02"),
        ('<a href="https://x/m1.docx">Mẫu 01</a>', "Mẫu 01"),
        ("<br/>", None),  # nothing but tags: no text to give
        ("Cấp giấy phép cho <tên tổ chức>", None),
        ("Đăng ký khai sinh", None),
    ],
)
def test_pa605_repair_takes_the_tags_out(text: str, repaired: str | None) -> None:
    assert repair_html_markup(text) == repaired


def test_pa605_repair_is_for_a_person_to_review() -> None:
    from procaudit.rules.catalog import get_repair

    repair = get_repair("PA605")
    assert repair is not None and not repair.safe
