"""What a row's status says (`catalogue.status`): read by comparison key, per distinct
status, the same for the rules and the diff."""

from __future__ import annotations

import pandas as pd
import pytest

from procaudit.catalogue.status import abolished_rows, out_of_force


@pytest.mark.parametrize(
    ("status", "out"),
    [
        ("Bãi bỏ", True),
        ("  bị   BÃI BỎ ", True),
        ("Hết hiệu lực từ 01/7/2025", True),
        ("Không còn hiệu lực", True),
        ("Abolished", True),
        ("repealed.", True),
        ("Ba\u0303i bo\u0309", True),  # decomposed (NFD)
        ("Còn hiệu lực", False),
        ("Sửa đổi, bổ sung", False),
        ("", False),
        (None, False),
    ],
)
def test_out_of_force(status: str | None, out: bool) -> None:
    values = pd.Series([status], dtype="str")
    assert out_of_force(values).tolist() == [out]


def test_abolished_rows_follow_the_frame() -> None:
    frame = pd.DataFrame(
        {"status": ["Bãi bỏ", None, "Còn hiệu lực", "bãi bỏ"]}, index=[10, 11, 12, 13]
    )
    assert abolished_rows(frame).to_dict() == {10: True, 11: False, 12: False, 13: True}


def test_a_table_without_status_has_none_abolished() -> None:
    frame = pd.DataFrame({"name": ["a", "b"]}, index=[3, 4])
    rows = abolished_rows(frame)
    assert rows.to_dict() == {3: False, 4: False}
    assert rows.dtype == bool
