"""PA604 html-entity: rows in, findings out."""

from __future__ import annotations

import pytest

from conftest import findings_of, hits_of

CASES = [
    # (case, name, agency, flagged (row, column) pairs)
    ("numeric references", "Cấp lại thẻ BHYT &#40;do mất, hỏng&#41;", None, [(2, "name")]),
    ("a quote", "Cấp giấy phép &#34;loại A&#34;", None, [(2, "name")]),
    ("hexadecimal", "Cấp lại &#x28;bản sao&#x29;", None, [(2, "name")]),
    (
        "named, in the agency",
        "Đăng ký khai sinh",
        "Sở Tài nguyên &amp; Môi trường",
        [(2, "agency")],
    ),
    ("non-breaking space", "Đăng ký&nbsp;kết hôn", None, [(2, "name")]),
    ("an abbreviation with &", "Đăng ký khai sinh", "Sở TT&TT", []),
    ("an ampersand between words", "Cấp phép xây dựng & sửa chữa", None, []),
    ("an unknown name", "Cấp phép &abcxyz; thử", None, []),
    ("plain text", "Đăng ký khai sinh (bản sao)", "Sở Tư pháp", []),
]


@pytest.mark.parametrize(("case", "name", "agency", "flagged"), CASES, ids=[c[0] for c in CASES])
def test_pa604_html_entity(case, name, agency, flagged) -> None:
    rows = [{"code": "1.000001", "name": name, "agency": agency}]
    assert hits_of("PA604", rows) == flagged


def test_pa604_gives_the_text_with_the_characters() -> None:
    rows = [{"code": "1.000001", "name": "Cấp thẻ &#40;lần đầu&#41;", "agency": None}]
    [finding] = [f for f in findings_of(rows) if f.rule == "PA604"]
    assert "(&#40;, &#41;)" in finding.message
    assert finding.fix == "Write it as 'Cấp thẻ (lần đầu)'."
    assert finding.severity == "warning"


SUGGESTED = [
    # (name, the text the finding suggests): as `procaudit fix` writes it
    ("Cấp thẻ&nbsp;mới", "Cấp thẻ mới"),
    ("&#8203;Cấp thẻ mới", "Cấp thẻ mới"),  # an invisible character: nothing, not '\u200b'
    ("Cấp thẻ&#9;mới", "Cấp thẻ mới"),  # a tab: a plain space
    ("Cấp thẻ &#0;mới", "Cấp thẻ mới"),  # a reference to no character: left out, not '\ufffd'
    ("Cấp thẻ &#40;mới&#41; &abcxyz;", "Cấp thẻ (mới) &abcxyz;"),  # an unknown name stays
]


@pytest.mark.parametrize(("name", "suggested"), SUGGESTED)
def test_pa604_suggests_the_text_the_repair_writes(name, suggested) -> None:
    rows = [{"code": "1.000001", "name": name, "agency": None}]
    [finding] = [f for f in findings_of(rows) if f.rule == "PA604"]
    assert finding.fix == f"Write it as '{suggested}'."


def test_pa604_on_the_one_stop_export(real_data) -> None:
    from procaudit.engine.audit import audit
    from procaudit.rules.selection import RuleSelection

    path = real_data / "phutho-motcua-2022" / "PTO.xls"
    result = audit([str(path)], selection=RuleSelection.parse(["PA604"], [], ["PA604"]))
    # 22 names, and one local code read as the code ("2020.TNMT.08. &#40;CM&#41;"); the 20
    # names holding "&#40;, &#41;" are one finding for that cause (`engine.cause_floods`), the
    # two holding "&#34;" are listed.
    assert len(result.findings) == 4
    assert sum(f.rows or 1 for f in result.findings if f.column == "name") == 22
    assert [f.rows for f in result.findings if f.row is None] == [20]
    assert all("&#" not in f.fix for f in result.findings)
