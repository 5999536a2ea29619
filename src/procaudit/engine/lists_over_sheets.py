"""A list going on over sheets is one list to the rules that compare its rows by code and
name (PA201-PA204), and to those that look at the list as a whole (PA404, PA502).

A list split over sheets ("Trang 1", "Trang 2") gives its header once: a later sheet is read
under it, one table a sheet (`Table.continues`, `io.continued_sheets.continued_lists`). One
code given to two procedures, one on each sheet, or one name under two codes so, is the same
defect as on one sheet, yet each table's rules saw half of it: the Lào Cai sample split in
two lost two PA202 and four PA203 findings, and its two copies were PA205's "in another
table". So the tables of such a list are put one after another, PA201-PA204 run once on them
all, and each table is given its rows' part of their hits in place of its own (`StackedHits`,
as a stack of small tables gives it); PA205 leaves such tables to them. A table's rows are compared
with its own rows as before, and with the other sheets' too; a message names a row of
another sheet with its sheet (`RuleContext.row_list`). PA404 and PA502 ask what the list
is: a table of abolished procedures only is an annex, not a list in force (PA404), and a
list stacked per unit names its unit in the agency column (PA502). A sheet asked alone
answered for half a list: the abolished procedures at a list's end, alone on its last sheet,
were an annex, and the last unit of a per-unit export, alone on its sheet, no unit at all,
so its agency was compared with the names' tags.

Its floods are found so too (`ListFindings`): a code column of local codes on three sheets
of one list was three column findings, one a sheet, and a district's name on the rows
either side of a page break two. The tables' hits are made row findings, held until the
list's last, and its column floods found over its sheets together (`engine.sheet_floods`,
one finding naming each sheet's rows); its values' floods are the file's
(`engine.value_floods`). A list of more than `TOGETHER_ROWS` rows keeps its floods sheet
by sheet, found on the hits: a million hits made Findings first would take half a minute.
A workbook's other tables, each with its header (a one-stop export kept as a sheet per
unit, a list per level), are held so too, as one group: a column failing on every sheet is
one finding, not one a sheet.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from procaudit.core.findings import Finding
from procaudit.engine.sheet_floods import collapse_across_tables
from procaudit.engine.skipped_rules import applicable
from procaudit.engine.stacked import SCHEMA, StackedHits, split_hits, stack_labels
from procaudit.io import Table
from procaudit.io.continued_sheets import continued_lists
from procaudit.rules import Rule
from procaudit.rules.context import RuleContext
from procaudit.rules.options import RuleOptions

# The rules run on a list's sheets together: those comparing its rows, and those asking what
# the list is (an annex of abolitions, a list stacked per unit).
COMPARED_OVER_SHEETS = frozenset({"PA201", "PA202", "PA203", "PA204", "PA404", "PA502"})

# A list over sheets of up to this many rows has its floods found over its sheets together.
TOGETHER_ROWS = 50_000

_NONE = pd.DataFrame()


def with_lists_over_sheets(
    tables: Sequence[Table],
    done: Sequence[StackedHits],
    rules: Sequence[Rule],
    options: RuleOptions,
) -> list[StackedHits]:
    """`done` (what each table's stack found for it), the tables of a list going on over
    sheets given the hits of `COMPARED_OVER_SHEETS` found on the list's sheets together."""
    given = list(done)
    compared = [r for r in rules if r.id in COMPARED_OVER_SHEETS and r.check is not None]
    if not compared:
        return given
    for run in continued_lists(tables):
        frames = [tables[at].frame for at in run]
        checked = [r for r in compared if all(applicable(r, f, options) for f in frames)]
        if not checked:
            continue
        found = _found_together(frames, checked, options, tables[run[0]])
        for at, hits in zip(run, found, strict=True):
            given[at] = _given(given[at], hits, checked, rules)
    return given


def _found_together(
    frames: list[pd.DataFrame], rules: list[Rule], options: RuleOptions, first: Table
) -> list[pd.DataFrame]:
    """The hits of `rules` on the frames one after another, cut back into each frame's (its
    own row labels in column `index`), in rule order."""
    together = pd.concat(frames, ignore_index=True)  # labels: positions in the list
    # The rows of the list as one table: no stack of tables to keep apart.
    context = RuleContext(together, options, frozenset(first.header_map.columns))
    parts: list[pd.DataFrame] = []
    try:
        for rule in rules:
            assert rule.check is not None
            hits = rule.check(context)
            if not hits.empty:  # as `table_hits` frames them
                parts.append(hits.assign(rule=rule.id).rename_axis("index").reset_index())
    finally:
        context.close()
    every = pd.concat(parts, ignore_index=True) if parts else _NONE
    starts = np.cumsum([0, *(len(frame) for frame in frames)])
    return split_hits(every, frames, starts, stack_labels(frames))


def _given(
    before: StackedHits, hits: pd.DataFrame, checked: list[Rule], rules: Sequence[Rule]
) -> StackedHits:
    """`before` with the hits of the `checked` rules taken from `hits`: the schema's first,
    then those of each rule run, in rule order, as `table_hits` puts them."""
    ids = {rule.id for rule in checked}
    ran = before.ran | ids
    schema = before.of(SCHEMA) if SCHEMA in before.ran else _NONE
    parts = [schema]
    for rule in rules:
        if rule.id in ids:
            parts.append(hits[hits["rule"] == rule.id] if not hits.empty else _NONE)
        elif rule.id in before.ran:
            parts.append(before.of(rule.id))
    parts = [part for part in parts if not part.empty]
    joined = pd.concat(parts, ignore_index=True) if parts else _NONE
    # Not `columns`: the table's findings are made from these hits, not from its stack's.
    return StackedHits(ran, joined, before.seeds, len(schema))


class ListFindings:
    """The findings of the tables of lists over sheets (`continued_lists`), and of a
    workbook's other tables as one group, of up to `TOGETHER_ROWS` rows, held (`hold`) until
    all are made, then each group's column floods found over its sheets together, then
    table by table, a column flooding in several tables one finding (`collapsed`)."""

    def __init__(self, tables: Sequence[Table]) -> None:
        self._tables = tables
        runs = continued_lists(tables)
        listed = {at for run in runs for at in run}
        runs.append([at for at in range(len(tables)) if at not in listed])
        self._runs = [
            run
            for run in runs
            if len(run) > 1 and sum(len(tables[at].frame) for at in run) <= TOGETHER_ROWS
        ]
        self._list_of = {at: number for number, run in enumerate(self._runs) for at in run}
        self._held: dict[int, list[Finding]] = {}

    def together(self, at: int) -> bool:
        """Whether the table at `at` has its floods found with its list's other sheets: its
        hits are then made row findings and held."""
        return at in self._list_of

    def hold(self, at: int, findings: list[Finding]) -> None:
        self._held.setdefault(self._list_of[at], []).extend(findings)

    def collapsed(self) -> list[Finding]:
        """The findings held, each group's column floods made one finding over its sheets."""
        found: list[Finding] = []
        for number, run in enumerate(self._runs):
            held = self._held.get(number, [])
            tables = [self._tables[at] for at in run]
            found.extend(collapse_across_tables(held, tables, held=True))
        return found
