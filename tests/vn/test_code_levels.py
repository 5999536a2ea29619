"""The level marks of local codes (`levels.local_code_levels`)."""

from __future__ import annotations

import pytest

from procaudit.vn.levels import COMMUNE, local_code_levels

CASES = [
    # (code, levels)
    ("2018.BTXH.CX.06", {COMMUNE}),
    ("2019.TP.CX.014", {COMMUNE}),
    ("2018_cx_01", {COMMUNE}),
    ("2018.BTXH.02", set()),
    ("2018.CT.01", set()),  # chứng thực, not cấp tỉnh
    ("BHXH.CH.07", set()),
    ("2018.BTXHCX.06", set()),  # inside a segment
    ("1.000178", set()),
    ("1.000494.000.00.00.H29", set()),
]


@pytest.mark.parametrize(("code", "levels"), CASES, ids=[c[0] for c in CASES])
def test_local_code_levels(code: str, levels: set[str]) -> None:
    assert local_code_levels(code) == levels
