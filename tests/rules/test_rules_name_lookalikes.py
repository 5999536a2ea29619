"""PA606 lookalike-letters: a Cyrillic or Greek letter (or Eth) inside a name's word."""

from __future__ import annotations

import pytest

from conftest import findings_of
from procaudit.rules.catalog import registered_repair

CASES = [
    # (case, name, the words reported, the repaired name) or None where nothing is
    ("Cyrillic х in xây", "Cấp giấy phép хây dựng", "'хây'", "Cấp giấy phép xây dựng"),
    ("Cyrillic С beginning a word", "Сấp phép lái xe", "'Сấp'", "Cấp phép lái xe"),
    ("Cyrillic р at a word's end", "Cấp phéр lái xe", "'phéр'", "Cấp phép lái xe"),
    ("Greek ο inside a word", "Đăng ký hộ kinh dοanh", "'dοanh'", "Đăng ký hộ kinh doanh"),
    ("Eth for Đ", "Ðăng ký khai sinh", "'Ðăng'", "Đăng ký khai sinh"),
    ("two words", "Сấp giấy phép хây dựng", "'Сấp', 'хây'", "Cấp giấy phép xây dựng"),
    ("Vietnamese letters alone", "Đăng ký kết hôn có yếu tố nước ngoài", None, None),
    ("a Greek letter as a word", "Cấp phép sử dụng thiết bị phát tia α", None, None),
    ("a Russian word", "Hợp tác với Москва", None, None),
    ("a Russian word of look-alikes", "Hợp tác với ТАСС", None, None),
    ("a Greek letter no Latin looks like", "Cấp phép (Ωmega)", None, None),
    # TCVN3's Ð is its é: PA601's, whose conversion gives "Cấp giấy phép xây dựng".
    ("a legacy font's text", "CÊp giÊy phÐp x©y dùng", None, None),
]


@pytest.mark.parametrize(("case", "name", "words", "fixed"), CASES, ids=[c[0] for c in CASES])
def test_pa606_lookalike_letters(
    case: str, name: str, words: str | None, fixed: str | None
) -> None:
    found = [f for f in findings_of([{"code": "1.000001", "name": name}]) if f.rule == "PA606"]
    repair = registered_repair("PA606")
    assert repair is not None
    if words is None:
        assert found == []
        assert repair.function(name) is None
        return
    [finding] = found
    assert (finding.row, finding.column, finding.severity) == (2, "name", "warning")
    assert finding.message.startswith(f"The name writes {words} with the ")
    assert finding.fix == f"Retype it in Latin letters: '{fixed}' (procaudit fix does it)."
    assert repair.function(name) == fixed
    assert repair.safe


def test_pa606_reads_names_only() -> None:
    rows = [{"code": "1.000001", "name": "Đăng ký khai sinh", "agency": "UBND хã Tân Lập"}]
    assert [f for f in findings_of(rows) if f.rule == "PA606"] == []


def test_pa606_a_column_of_them_is_one_finding() -> None:
    from conftest import table_of
    from procaudit.engine.floods import collapse_floods

    rows = [{"code": f"1.{n:06d}", "name": f"Cấp phép хây dựng loại {n}"} for n in range(25)]
    table = table_of(rows, sheet="S")
    found = collapse_floods(findings_of(rows, sheet="S"), table.frame, {"name": "Tên thủ tục"})
    [finding] = [f for f in found if f.rule == "PA606"]
    assert finding.rows == 25
