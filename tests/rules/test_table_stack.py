"""A stack's rows numbered by table and by unit within their table (`rules.table_stack`)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from procaudit.catalogue.units import Units
from procaudit.rules.context import RuleContext
from procaudit.rules.reform_online import online_levels_read, online_levels_read_parts
from procaudit.rules.table_stack import TableStack, each_factorized, small_factorized

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


# Each table's values (None: missing), in a stack: what `each_factorized` cuts for each must
# be what `small_factorized` gives the table alone (codes by first appearance, -1 missing).
FACTORIZED = {
    "values shared and own": [["b", "a", "b"], ["a", "c"], ["c", "c", "b"]],
    "missing first and between": [[None, "x", None, "y"], ["y", None], [None]],
    "a table of one value": [["z"], ["z", "z"]],
    "blank and spaced apart": [["", " ", ""], [" ", "a"]],
    "many values": [[f"v{i}" for i in range(300)], [f"v{i}" for i in range(299, -1, -2)]],
}


@pytest.mark.parametrize("case", list(FACTORIZED))
@pytest.mark.parametrize("dtype", ["str", "string", "object"])
def test_each_table_factorized_as_alone(case: str, dtype: str) -> None:
    tables = [
        pd.DataFrame({"agency": pd.Series(values, dtype=dtype)}) for values in FACTORIZED[case]
    ]
    stack = pd.concat(tables, ignore_index=True)
    bounds = np.cumsum([0, *(len(table) for table in tables)])
    cut = each_factorized(tables, "agency", bounds, lambda: small_factorized(stack["agency"]))
    for table, (codes, uniques) in zip(tables, cut, strict=True):
        alone_codes, alone_uniques = small_factorized(table["agency"])
        assert codes.dtype == alone_codes.dtype
        assert codes.tolist() == alone_codes.tolist()
        assert uniques.dtype == alone_uniques.dtype
        assert uniques.tolist() == alone_uniques.tolist()


def test_other_dtypes_factorized_a_table_at_a_time() -> None:
    """1 and 1.0 are one value of a stack: each table keeps its own as it wrote it."""
    tables = [pd.DataFrame({"agency": [1.0, 2]}, dtype=object), pd.DataFrame({"agency": [1]})]
    tables[1] = tables[1].astype(object)
    stack = pd.concat(tables, ignore_index=True)
    bounds = np.cumsum([0, 2, 1])
    cut = each_factorized(tables, "agency", bounds, lambda: small_factorized(stack["agency"]))
    assert [type(value) for value in cut[1][1].tolist()] == [int]


# Each table's online levels (None: empty) -> what PA505 reads of it alone: (filled, read).
ONLINE = {
    "levels": (["Toàn trình", "Một phần", None], (2, 2)),
    "initials with both": (["TT", "MP", "TT"], (3, 3)),
    "initials without the other": (["TT", "Toàn trình"], (2, 1)),
    "a count among numbers": (["4", "12", "Mức độ 4"], (3, 1)),
    "numbers alone": (["4", "3"], (2, 2)),
    "no level named": (["Có", "x", None], (2, 0)),
    "all empty": ([None, None], (0, 0)),
}


@pytest.mark.parametrize("order", [list(ONLINE), list(ONLINE)[::-1]])
def test_online_levels_read_on_a_stack_as_alone(order: list[str]) -> None:
    """The stack's count for each table is the table's own: a reading that depends on the
    other values (a count, an initial) looks at its own table's alone."""
    tables = [pd.DataFrame({"online_level": pd.Series(ONLINE[c][0], dtype="str")}) for c in order]
    stack = pd.concat(tables, ignore_index=True)
    bounds = np.cumsum([0, *(len(table) for table in tables)])
    read = online_levels_read_parts(RuleContext(stack), bounds)
    alone = [online_levels_read(RuleContext(table)) for table in tables]
    assert read == alone == [ONLINE[case][1] for case in order]
