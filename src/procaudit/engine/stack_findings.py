"""The findings of a stack's tables made from the stack's hits at once, not a table at a time.

A commune's list of 20-50 rows has some 30 hits, all found on the stack of its batch
(`engine.stacked`); turning them into findings table by table (`engine.hit_findings`) paid
pandas' fixed cost of a dozen column reads, factorisations and look-ups per table: 1.1 ms a
small file, a third of the engine's time. Most such tables need nothing of that machinery:
no flood is possible (no rule hits one column on `MIN_ROWS` rows), no value comes from a
merged cell or from cells under its procedure's row, no empty cell shows a value in Excel
(`engine.unread_hits`), no rule explains its hits late. For them the findings are what
`to_findings` gives on their hits as they are, so each field is read once for the whole
stack, as lists, and each table takes its slice (and a progress display is told the stages
the usual way tells: `table_hits.tell_stages`). Any other table
goes the usual way, on the stack's hits cut for it (`StackedHits.hits`): the same findings
either way.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import repeat

import numpy as np
import pandas as pd

from procaudit.catalogue.columns import ROW
from procaudit.core.findings import Finding, Severity
from procaudit.engine.catalogue_stats import SEVERITIES, HitPart
from procaudit.engine.column_names import column_names
from procaudit.engine.floods import MIN_ROWS
from procaudit.engine.hit_findings import at_positions, findings_of, texts
from procaudit.io import Table
from procaudit.rules import get_rule


@dataclass(frozen=True)
class StackColumns:
    """A stack's hits, in table order (each table's in the order of its `StackedHits.hits`),
    one list or array per field of a finding, and where each table's begin (`cuts`, one more
    than the tables). `crowded`: whether a table has `MIN_ROWS` hits of one rule on one
    column (or without one), where a flood may be; `late`: whether some hit is of a rule
    that explains its hits late (`engine.hit_explain`)."""

    cuts: list[int]
    crowded: list[bool]
    late: bool
    rule: list[str]
    name: list[str]
    severity: list[Severity]
    row: list
    column: list[str | None]
    code: list[str | None]
    value: list[str | None]
    message: list
    fix: list
    procedure: list[str | None]
    # As the scorecard reads them (`HitPart`): rows as floats, rule ids, severity places.
    row_numbers: np.ndarray
    rule_ids: np.ndarray
    severity_places: np.ndarray


def stack_columns(
    hits: pd.DataFrame, owners: np.ndarray, stack: pd.DataFrame, tables: int
) -> StackColumns:
    """The fields of a stack's hits (`hits`, sorted by their table: `owners`, and their column
    `index` the rows' positions in `stack`), as `to_findings` and `hit_arrays` read them."""
    if hits.empty:
        return _no_hits(tables)
    positions = hits["index"].to_numpy(dtype=np.int64)
    everywhere = np.ones(len(positions), dtype=bool)
    rule = hits["rule"].to_numpy(dtype=object)
    rule_code, rule_ids = pd.factorize(rule)
    known = [get_rule(rule_id) for rule_id in rule_ids.tolist()]
    defaults = [rule.severity if rule else Severity.ERROR for rule in known]
    # A rule may give some of its hits a milder severity than its own (see hits.hits).
    given = hits["severity"].tolist() if "severity" in hits else [None] * len(hits)
    severity = [
        Severity(said) if isinstance(said, str) else defaults[code]
        for code, said in zip(rule_code.tolist(), given, strict=True)
    ]
    places = np.asarray([_PLACES[said] for said in severity], dtype=np.int64)
    # As the floods read them (`hit_arrays`): anything but text is no column.
    column = texts(hits["column"].tolist())
    column_code, _ = pd.factorize(np.asarray(column, dtype=object))  # -1: none
    key = (owners * (len(rule_ids) + 1) + rule_code) * (int(column_code.max(initial=-1)) + 2)
    groups, _ = pd.factorize(key + column_code + 1)
    sizes = np.bincount(groups)
    crowded = np.zeros(tables, dtype=bool)
    crowded[owners[np.flatnonzero(sizes[groups] >= MIN_ROWS)]] = True
    names = [rule.name if rule else "schema-check" for rule in known]
    codes = at_positions(stack["code"], everywhere, positions) if "code" in stack else None
    return StackColumns(
        cuts=np.searchsorted(owners, np.arange(tables + 1)).tolist(),
        crowded=crowded.tolist(),
        late=any(rule is not None and rule.explain is not None for rule in known),
        rule=rule.tolist(),
        name=[names[code] for code in rule_code.tolist()],
        severity=severity,
        row=at_positions(stack[ROW], everywhere, positions),
        column=column,
        code=[None] * len(hits)
        if codes is None
        else [code.strip() if isinstance(code, str) else None for code in codes],
        value=texts(hits["value"].tolist()),
        message=hits["message"].tolist(),
        fix=hits["fix"].tolist(),
        procedure=texts(at_positions(stack["name"], everywhere, positions)),
        row_numbers=_floats(stack[ROW])[positions],
        rule_ids=rule,
        severity_places=places,
    )


def _no_hits(tables: int) -> StackColumns:
    nothing = np.zeros(0)
    return StackColumns(
        [0] * (tables + 1), [False] * tables, False, [], [], [], [], [], [], [], [], [], [],
        nothing, nothing, nothing,
    )  # fmt: skip


_PLACES = {severity: place for place, severity in enumerate(SEVERITIES)}


def _floats(column: pd.Series) -> np.ndarray:
    if column.dtype == np.int64:
        return column.to_numpy().astype(np.float64)
    return column.to_numpy(dtype=np.float64, na_value=np.nan)


@dataclass(frozen=True)
class TableColumns:
    """One table's place among its stack's hits (`StackColumns`)."""

    stack: StackColumns
    at: int  # the table's position in the stack

    def plain(self, table: Table, collapse: bool) -> bool:
        """Whether the table's findings are its hits made findings as they are: nothing to
        collapse, point at other cells, put right (`engine.unread_hits`) or explain late."""
        if self.stack.late or table.parts or table.unread:
            return False
        return not collapse or not (table.merged_from or self.stack.crowded[self.at])

    def findings(self, path: str, table: Table) -> tuple[list[Finding], HitPart] | None:
        """The table's findings (as `to_findings` makes them) and its hits as the scorecard
        counts them; None for a table without hits."""
        stack = self.stack
        begin, end = stack.cuts[self.at], stack.cuts[self.at + 1]
        if begin == end:
            return None
        cut = slice(begin, end)
        columns = stack.column[cut]
        headers = column_names(table)
        made = findings_of(
            {
                "rule": stack.rule[cut],
                "name": stack.name[cut],
                "severity": stack.severity[cut],
                "file": repeat(path),
                "sheet": repeat(table.sheet),
                "row": stack.row[cut],
                "column": columns,
                "code": stack.code[cut],
                "value": stack.value[cut],
                "message": stack.message[cut],
                "fix": stack.fix[cut],
                "procedure": stack.procedure[cut],
                "header": [headers.get(column) if column else None for column in columns],
            }
        )
        part = (
            table.sheet,
            stack.row_numbers[cut],
            stack.rule_ids[cut],
            stack.severity_places[cut],
        )
        return made, part
