"""Floods found on a table's hits (engine.hit_floods) give what `collapse_floods` gives on
its row findings: the same findings, in the same order, and the same scorecard counts."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from conftest import table_of
from procaudit.core.findings import Finding, Severity
from procaudit.engine.catalogue_stats import SEVERITIES, RowHits
from procaudit.engine.floods import MIN_ROWS, collapse_floods
from procaudit.engine.hit_findings import table_findings
from procaudit.engine.schema import load_schema
from procaudit.engine.table_hits import table_hits
from procaudit.rules import all_rules


def _both(table, found: pd.DataFrame) -> tuple[list[Finding], list[Finding]]:
    """(the new path's findings, the old path's: every row finding, then collapsed)."""
    new, _ = table_findings("t.csv", table, found, collapse=True)
    rows, _ = table_findings("t.csv", table, found, collapse=False)
    return new, collapse_floods(rows, table.frame, table.header_map.headers)


def _table(size: int, **columns: list[str | None]):
    rows = [
        {"code": f"1.{n:06d}", "name": f"Thủ tục số {n}", **{k: v[n] for k, v in columns.items()}}
        for n in range(size)
    ]
    return table_of(rows, sheet="S")


def _hits(entries: list[tuple[int | None, str, str | None, str | None, str, str | None]]):
    """A hits frame: (index, rule, column, value, message, severity) per hit."""
    return pd.DataFrame(
        {
            "index": pd.array([e[0] for e in entries], dtype="Int64"),
            "rule": [e[1] for e in entries],
            "column": [e[2] for e in entries],
            "value": [e[3] for e in entries],
            "message": [e[4] for e in entries],
            "fix": [f"fix {e[1]}" for e in entries],
            "severity": [e[5] for e in entries],
        }
    )


def _same(table, found: pd.DataFrame) -> list[Finding]:
    new, old = _both(table, found)
    assert new == old
    return new


SIZE = 40


@pytest.mark.parametrize(
    ("flooded", "columns"),
    [(SIZE, 1), (36, 1), (35, 0), (MIN_ROWS, 0)],
    ids=["every row", "at the share (90%)", "just under it", "few rows"],
)
def test_a_column_flood_at_and_under_the_threshold(flooded: int, columns: int) -> None:
    table = _table(SIZE, agency=[f"Sở số {n}" for n in range(SIZE)])
    found = _hits(
        [(n, "PA501", "agency", f" Sở số {n} ", f"row {n}", None) for n in range(flooded)]
    )
    new = _same(table, found)
    assert sum(f.row is None for f in new) == columns


def test_twenty_rows_of_a_short_column_are_a_flood() -> None:
    table = _table(MIN_ROWS, agency=[f"Sở số {n}" for n in range(MIN_ROWS)])
    found = _hits([(n, "PA501", "agency", f"Sở {n % 2}", "m", None) for n in range(MIN_ROWS)])
    [finding] = _same(table, found)
    assert finding.rows == MIN_ROWS and finding.examples == ("Sở 0", "Sở 1")


def test_value_floods_split_by_severity_and_message() -> None:
    agencies = ["UBND Huyện A"] * 25 + ["UBND Huyện B"] * 22 + ["UBND Huyện C"] * 20 + ["Sở"] * 60
    table = _table(len(agencies), agency=agencies)
    severities = [None] * 25 + ["warning", None] * 11 + ["warning"] * 20
    entries = [
        (n, "PA501", "agency", value, "district", severity)
        for n, (value, severity) in enumerate(zip(agencies[:67], severities, strict=True))
    ]
    entries += [(n, "PA501", "agency", "UBND Huyện A", "other message", None) for n in range(3)]
    new = _same(table, _hits(entries))
    # A's 25 rows at one severity and message, C's 20; B's split in two halves of 11.
    assert [(f.value, f.rows) for f in new if f.row is None] == [
        ("UBND Huyện A", 25),
        ("UBND Huyện C", 20),
    ]
    assert sum(f.row is not None for f in new) == 22 + 3


def test_empty_cell_floods_and_mixed_severities() -> None:
    table = _table(SIZE, forms=[None] * SIZE)
    entries = [(n, "PA301", "forms", None, "no form", None) for n in range(SIZE - 2)]
    entries += [(n, "PA301", "forms", "  ", "no form", "warning") for n in range(SIZE - 2, SIZE)]
    entries += [(None, "PA405", None, "1.000009", "not announced", None)]
    new = _same(table, _hits(entries))
    [column] = [f for f in new if f.row is None and f.column == "forms"]
    assert column.rows == SIZE - 2 and column.examples == ()
    assert column.severity is Severity.ERROR


def test_rows_out_of_order_and_repeated() -> None:
    table = _table(SIZE, agency=[f"Sở {n}" for n in range(SIZE)])
    order = [*range(SIZE - 1, -1, -1), 5, 5]
    entries = [(n, "PA501", "agency", f"Sở {n}", f"row {n}", None) for n in order]
    [finding] = _same(table, _hits(entries))
    assert "Row 2:" in finding.message


def test_the_rules_own_hits_on_a_whole_table() -> None:
    """The real rules' hits on a table where codes flood and names repeat in blocks."""
    rows = [
        {
            "code": f"2018.HT.{n}" if n % 10 else "",
            "name": f"Thủ tục số {n % 3}",
            "agency": "UBND Huyện Phù Ninh" if n < 60 else f"Sở số {n}",
            "decision_no": "QD 12" if n % 2 else "",
        }
        for n in range(90)
    ]
    table = table_of(rows, sheet="S")
    found = table_hits(table, load_schema(), all_rules())
    assert found is not None
    new = _same(table, found)
    assert any(f.rows for f in new)


def test_the_scorecard_counts_every_hit_on_a_row() -> None:
    table = _table(SIZE, agency=[f"Sở số {n}" for n in range(SIZE)])
    entries = [
        (n, "PA501", "agency", f"Sở {n}", "m", "warning" if n < 3 else None) for n in range(SIZE)
    ]
    entries.append((None, "PA405", None, "1.000009", "not announced", None))
    findings, part = table_findings("t.csv", table, _hits(entries), collapse=True)
    assert len(findings) == 1 + 3 + 1  # the flood at error, the 3 warnings, PA405
    hits = RowHits([part])
    expected = RowHits.of_findings(
        table_findings("t.csv", table, _hits(entries), collapse=False)[0]
    )
    assert hits.totals == expected.totals == {"PA501": SIZE, "PA405": 1}
    assert np.array_equal(hits.row, expected.row)
    assert np.array_equal(hits.severity, expected.severity)
    assert sorted(hits.severity.tolist()).count(SEVERITIES.index(Severity.WARNING)) == 3
