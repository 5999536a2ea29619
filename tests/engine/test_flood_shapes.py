"""A column flood whose cause is numbers (codes kept as numbers, dates as Excel's day numbers)
stands only for the values that are numbers: the others keep their own row findings, on the
hits' path and the findings' path alike (engine.flood_shapes)."""

from __future__ import annotations

import pytest

from conftest import table_of
from procaudit.core.findings import Finding
from procaudit.engine.floods import collapse_floods
from procaudit.engine.hit_findings import table_findings
from procaudit.engine.schema import load_schema
from procaudit.engine.table_hits import table_hits
from procaudit.rules import all_rules

SIZE = 40
# Codes as a number cell shows them, their trailing zero lost: 1.00001 for 1.000010.
NUMBERS = [f"1.{n + 1:05d}" for n in range(SIZE)]
DAYS = [str(45800 + n) for n in range(SIZE)]


def _findings(column: str, values: list[str]) -> list[Finding]:
    rows = [
        {"code": f"1.{n:06d}", "name": f"Thủ tục số {n}", column: value}
        for n, value in enumerate(values)
    ]
    table = table_of(rows, sheet="S")
    found = table_hits(table, load_schema(), all_rules())
    assert found is not None
    new, _ = table_findings("t.xlsx", table, found, collapse=True)
    every, _ = table_findings("t.xlsx", table, found, collapse=False)
    assert new == collapse_floods(every, table.frame, table.header_map.headers)
    return new


CASES = [
    # (case, column, values, rule, the values kept as row findings, the flood's rows)
    (
        "codes: a letter O and a leading zero among numbers",
        "code",
        [*NUMBERS[:38], "1.0O1234", "01.001234"],
        "PA101",
        ["1.0O1234", "01.001234"],
        38,
    ),
    ("codes: every one a number", "code", NUMBERS, "PA101", [], SIZE),
    (
        "dates: a date that does not exist among day numbers",
        "decision_date",
        [*DAYS[:39], "31/09/2025"],
        "PA403",
        ["31/09/2025"],
        39,
    ),
    # Too few numbers to be a flood by themselves: the column is one thing, as before.
    (
        "codes: numbers under the share",
        "code",
        [*NUMBERS[:34], *(f"2018.HT.{n}" for n in range(6))],
        "PA101",
        [],
        SIZE,
    ),
]


@pytest.mark.parametrize(
    ("case", "column", "values", "rule", "kept", "flooded"), CASES, ids=[c[0] for c in CASES]
)
def test_a_number_flood_leaves_the_other_values_their_findings(
    case: str, column: str, values: list[str], rule: str, kept: list[str], flooded: int
) -> None:
    found = [f for f in _findings(column, values) if f.rule == rule and f.column == column]
    [flood] = [f for f in found if f.row is None]
    assert flood.rows == flooded
    assert [f.value for f in found if f.row is not None] == kept
