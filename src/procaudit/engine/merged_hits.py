"""A value a merged cell spreads down fails once, at the cell.

An annex merges an agency over the eleven procedures it handles (F27:F37), or a decision
over the whole list (I2:I49); the reader gives each row the merged cell's value
(`io.merged`), and a rule failing on the value failed on every row: ten errors pointing at
cells the official cannot even select, and a column "flood" of 46 rows that was one cell.
So before a table's floods are found (`engine.hit_floods`), the hits on rows that took a
value from a merged cell, that fail one rule the same way (the same value, severity and
message) as the hit on the cell's own row, are dropped; that hit's finding names the rows
the cell covers. Rules comparing rows with each other (`Rule.table_local`) are left alone:
their hits are about rows, not about one cell. Grouped with numpy over integer codes, as
the floods are; `check --every-row` keeps every row's finding.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np
import pandas as pd

from procaudit.core.findings import Finding
from procaudit.core.i18n import t
from procaudit.engine.hit_floods import Hits
from procaudit.io import Table
from procaudit.rules import get_rule


@dataclass(frozen=True)
class MergedCells:
    """The hits that stay (positions, in order), and for each kept hit of a merged cell's
    own row (by rule, column, row and value) the last row the cell covers and how many
    rows of the table it gave the value."""

    kept: np.ndarray
    spans: dict[tuple[str, str, int, str | None], tuple[int, int]]


def merged_cells(table: Table, hits: Hits, positions: np.ndarray) -> MergedCells | None:
    """The hits of `table` with those a merged cell's own hit stands for left out; None
    where none is. `positions`: each hit's position in the table's frame, -1 for a hit
    without a row."""
    if not table.merged_from or not len(hits.row):
        return None
    drop = np.zeros(len(hits.row), dtype=bool)
    spans: dict[tuple[str, str, int, str | None], tuple[int, int]] = {}
    cell_level = _cell_level(hits.rule)
    for column, sources in table.merged_from.items():
        chosen = np.flatnonzero((hits.column == column) & (positions >= 0) & cell_level)
        if not len(chosen):
            continue
        source = sources[positions[chosen]]
        covered = source > 0
        if not covered.any():
            continue
        rows = hits.row[chosen].astype(np.int64)
        # One code per (rule, severity, value, message), then per that and the cell's row.
        alike = _codes(hits.rule[chosen], hits.severity[chosen])
        alike = _codes(alike, hits.value[chosen])
        alike = _codes(alike, hits.message[chosen])
        group = _codes(alike, np.where(covered, source, rows))
        # A group stands for one cell where its cell's own row failed the same way.
        own = np.full(int(group.max()) + 1, -1, dtype=np.int64)
        tops = np.flatnonzero(~covered)
        own[group[tops]] = tops
        has_own = own[group] >= 0
        gone = covered & has_own
        if not gone.any():
            continue
        drop[chosen[gone]] = True
        last = np.zeros(len(own), dtype=np.int64)
        np.maximum.at(last, group[gone], rows[gone])
        count = np.bincount(group[gone], minlength=len(own)) + 1
        for number in np.unique(group[gone]).tolist():
            top = chosen[own[number]]
            key = (str(hits.rule[top]), column, int(hits.row[top]), _text(hits.value[top]))
            spans[key] = (int(last[number]), int(count[number]))
    if not drop.any():
        return None
    return MergedCells(np.flatnonzero(~drop), spans)


def kept_hits(hits: Hits, kept: np.ndarray) -> Hits:
    return replace(
        hits,
        row=hits.row[kept],
        rule=hits.rule[kept],
        column=hits.column[kept],
        severity=hits.severity[kept],
        value=hits.value[kept],
        message=hits.message[kept],
    )


def said_merged(findings: list[Finding], merged: MergedCells, table: Table) -> list[Finding]:
    """The findings, each standing for a merged cell naming the cell and the rows it covers."""
    out = []
    for finding in findings:
        span = None
        if finding.row is not None and finding.column is not None:
            key = (finding.rule, finding.column, finding.row, finding.value)
            span = merged.spans.get(key)
        out.append(finding if span is None else _at_cell(finding, span, table))
    return out


def _at_cell(finding: Finding, span: tuple[int, int], table: Table) -> Finding:
    last, count = span
    position = table.header_map.columns.get(str(finding.column))
    cell = f"{_letters(position)}{finding.row}" if position is not None else None
    on_line = table.sheet is None
    if cell is None or on_line:
        where = t(
            "The cell merged over rows {first}-{last} ({count} procedures)",
            "Ô được gộp qua các dòng {first}-{last} ({count} thủ tục)",
            first=finding.row,
            last=last,
            count=count,
        )
    else:
        where = t(
            "Cell {cell}, merged over rows {first}-{last} ({count} procedures)",
            "Ô {cell}, được gộp qua các dòng {first}-{last} ({count} thủ tục)",
            cell=cell,
            first=finding.row,
            last=last,
            count=count,
        )
    return finding._replace(message=f"{where}: {finding.message}")


def _cell_level(rules: np.ndarray) -> np.ndarray:
    """Whether each hit's rule looks at a cell, not at rows compared with each other."""
    codes, ids = pd.factorize(rules)
    level = [not (rule is not None and rule.table_local) for rule in map(get_rule, ids)]
    return np.asarray(level, dtype=bool)[codes] if len(ids) else np.zeros(0, dtype=bool)


def _codes(first: np.ndarray, second: np.ndarray) -> np.ndarray:
    """One code per distinct pair of `first` (codes or values) and `second`."""
    left, _ = pd.factorize(first, use_na_sentinel=False)
    right, _ = pd.factorize(second, use_na_sentinel=False)
    codes, _ = pd.factorize(left.astype(np.int64) * (int(right.max()) + 1) + right)
    return codes


def _text(value: object) -> str | None:
    return value if isinstance(value, str) else None


def _letters(position: int) -> str:
    letters, number = "", position + 1
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters
