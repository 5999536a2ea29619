"""`hits.formatted`: one message per row, filled from columns in Arrow, as `str.format` would."""

from __future__ import annotations

import pandas as pd
import pytest

from procaudit.rules.hits import formatted


def test_each_row_as_str_format_fills_it() -> None:
    index = pd.Index([7, 3])
    codes = pd.Series(["b", "a"], index=[3, 7], dtype="str")  # aligned by label, not place
    extras = pd.Series(["", " {x}"], index=index, dtype="str")
    template = "Mã {code} không có trong {source}.{extra}"
    found = formatted(template, index, code=codes, source="ds{1}.csv", extra=extras)
    assert found.dtype == "str" and list(found.index) == [7, 3]
    assert found.tolist() == [
        template.format(code="a", source="ds{1}.csv", extra=""),
        template.format(code="b", source="ds{1}.csv", extra=" {x}"),
    ]


def test_fields_in_any_order_and_texts_alone() -> None:
    index = pd.RangeIndex(2)
    names = pd.Series(["x", "y"], dtype="str")
    assert formatted("{name} then {code}", index, name=names, code="c").tolist() == [
        "x then c",
        "y then c",
    ]
    assert formatted("{a}-{b}", index, a="1", b="2").tolist() == ["1-2", "1-2"]
    assert formatted("{a}", pd.RangeIndex(0), a=pd.Series([], dtype="str")).tolist() == []


def test_a_field_with_a_format_is_refused() -> None:
    with pytest.raises(ValueError, match="plain fields"):
        formatted("{a:>5}", pd.RangeIndex(1), a="x")
