"""A stack's rows numbered by table and by unit within their table (`rules.table_stack`)."""

from __future__ import annotations

import numpy as np
import pytest

from procaudit.catalogue.units import Units
from procaudit.rules.table_stack import TableStack

A = Units(np.array([0, 0, 1, -1]), ["UBND xã A", "UBND xã B"], ["ubnd commune"] * 2)
B = Units(np.array([1, 0]), ["Sở Y tế", "Sở Xây dựng"], ["sở", "sở"])

# (each table's rows and units) -> (table ids, unit ids, joined ids, labels, in unit lists)
CASES = {
    "tables alone": (
        [(2, None), (3, None)],
        ([0, 0, 1, 1, 1], [0, 0, 1, 1, 1], None, None, [False] * 5),
    ),
    "per-unit lists among others": (
        [(1, None), (4, A), (2, None), (2, B)],
        (
            [0, 1, 1, 1, 1, 2, 2, 3, 3],
            [0, 2, 2, 3, 1, 4, 4, 7, 6],  # A's rows naming no unit: A's own 0
            [-1, 0, 0, 1, -1, -1, -1, 3, 2],
            ["UBND xã A", "UBND xã B", "Sở Y tế", "Sở Xây dựng"],
            [False, True, True, True, True, False, False, True, True],
        ),
    ),
    "no rows": ([], ([], [], None, None, [])),
}


@pytest.mark.parametrize("case", list(CASES))
def test_rows_numbered_by_table_and_unit(case: str) -> None:
    tables, (table_ids, unit_ids, joined_ids, labels, in_lists) = CASES[case]
    bounds = np.cumsum([0, *(rows for rows, _ in tables)])
    stack = TableStack(bounds, tuple(units for _, units in tables))
    assert stack.table_ids.tolist() == table_ids
    assert stack.unit_ids.tolist() == unit_ids
    assert stack.in_unit_lists.tolist() == in_lists
    joined = stack.joined_units
    if joined_ids is None:
        assert joined is None
        return
    assert joined is not None
    assert joined.ids.tolist() == joined_ids and joined.labels == labels
    assert joined.kinds == ["ubnd commune"] * 2 + ["sở"] * 2
