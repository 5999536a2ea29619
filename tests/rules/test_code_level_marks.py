"""A local code's level mark, as the duplicate rules' level keys read it (`compared_levels`):
the codes holding an "x" are searched, and only they can hold a mark."""

from __future__ import annotations

import pandas as pd
import pytest

from procaudit.rules.compared_levels import BY_AGENCY, compared_levels


@pytest.mark.parametrize(
    ("codes", "marked"),
    [
        (["2018.TP.CX.014", "1.000001"], [True, False]),
        (["2018.tp.cx.014", None], [True, False]),
        (["BTXH/Cx/06", "1.x00001"], [True, False]),  # an "x" that is no mark
        (["1.x00001", "XCX.01", "CXA.2"], [False, False, False]),
        (["1.000001", None], [False, False]),  # no "x" at all: no search
        ([None, None], [False, False]),
    ],
)
def test_a_code_marks_its_level_only_between_separators(
    codes: list[str | None], marked: list[bool]
) -> None:
    index = pd.RangeIndex(len(codes))
    keys = compared_levels(None, None, index, pd.Series(codes, index=index, dtype="str"))
    assert [key.startswith(BY_AGENCY) for key in keys.astype(str)] == marked
