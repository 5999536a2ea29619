"""Run the row-local rules, and those that compare rows of one table, once on many small
tables stacked, and give each table its hits.

A commune's list has 20-50 rows, and on such a frame a rule's cost is pandas' fixed cost per
call (~50-100 us each, whatever the rows): 400 small files spent ~34 ms each in the rules
(issue 19). A rule flagged `row_local` finds on a row what that row's own cells and the
options say, nothing else: its hits on a stack of tables, cut back at the tables' bounds and
given their own row labels again, are the hits it finds on each table alone, in the same
order. A rule flagged `table_local` (the duplicates PA201-PA204, PA404 and PA502) compares
rows of one table within its units, or looks at the table as a whole: the stack's context
knows each row's table and each table's own units (`rules.table_stack`), so the same holds
for it. So the engine (`engine.audit`,
which reads a batch of files before it audits them) stacks the small tables of the batch
that have the same columns, dtypes and source columns, runs those rules once on each stack,
and each table then runs only the other rules.

Tables of `STACK_ROWS` rows or more are audited alone, as before: stacking them would save
nothing and hold a copy of them.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from typing import Any

import numpy as np
import pandas as pd

from procaudit.catalogue.columns import SHEET
from procaudit.engine.row_flags import flag_parts
from procaudit.engine.schema import LoadedSchema, schema_hits
from procaudit.engine.skipped_rules import applicable
from procaudit.io import Table
from procaudit.rules import Rule
from procaudit.rules.context import RuleContext
from procaudit.rules.options import RuleOptions

# A table this small is stacked; below the engine's PREFETCH_ROWS, so that no table stacked
# would have had its shared work built on a worker thread (the same hits either way, but a
# stack is meant to be many small tables).
STACK_ROWS = 5_000


class StackedHits(dict[str, pd.DataFrame]):
    """A table's hits of the row-local and table-local rules found on its stack, by rule id
    (a rule missing from it runs on the table alone); and its `seeds`: its rows' part of
    the per-row work made on the stack (`RuleContext.per_row_parts`, and the scorecard's
    `row_flags`), and its own units, by shared key, for its own context's `seed`, so that
    PA505 and the scorecard do not make them again."""

    def __init__(self) -> None:
        super().__init__()
        self.seeds: dict[str, Any] = {}


# A stack holds at most this many rows: a workbook of many sheets is cut into several.
MOST_STACKED = 50_000


def stack_key(table: Table) -> Hashable | None:
    """What tables must share to be stacked (their columns, their dtypes and the columns
    their source had, which some rules read: PA403); None for a table audited alone. The
    sheet column is a category of one sheet's name: any sheet's is alike (the rules that
    run on a stack never read it; the stack holds it as text)."""
    frame = table.frame
    if len(frame) >= STACK_ROWS or frame.empty:
        return None
    dtypes = tuple(
        ("category", dtype.categories.dtype) if isinstance(dtype, pd.CategoricalDtype) else dtype
        for dtype in frame.dtypes
    )
    # A sheet's rows and a CSV's lines: the messages naming other rows say "row" or "line"
    # for the whole stack (`RuleContext.row_list`).
    of_sheet = bool(frame[SHEET].notna().any()) if SHEET in frame else False
    return (tuple(frame.columns), dtypes, frozenset(table.header_map.columns), of_sheet)


def stacked_hits(
    tables: Sequence[Table],
    rules: Sequence[Rule],
    options: RuleOptions,
    schema: LoadedSchema | None = None,
) -> list[StackedHits]:
    """For each table, the hits of the row-local and table-local rules that apply to it (and
    of the schema, under `SCHEMA`, if it checks rows alone), found on the stack of the tables
    like it; empty for a table that has no other like it: it runs them itself. `rules` are
    the run's active rules (their options given). Each table's hits are as `table_hits`
    puts a rule's in its frame: the columns index (the table's row labels), column, value,
    message, fix, maybe severity, and rule."""
    found = [StackedHits() for _ in tables]
    local = [
        rule for rule in rules if (rule.row_local or rule.table_local) and rule.check is not None
    ]
    stack_schema = schema if schema is not None and schema.per_row else None
    if (not local and stack_schema is None) or len(tables) < 2:
        return found
    for members in _stacks(tables):
        if len(members) < 2:
            continue
        frames = [tables[at].frame for at in members]
        checked = [rule for rule in local if applicable(rule, frames[0], options)]
        source_columns = frozenset(tables[members[0]].header_map.columns)
        of_stack, seeds = _run_stacked(frames, checked, options, source_columns, stack_schema)
        for key, parts in of_stack.items():
            for at, part in zip(members, parts, strict=True):
                found[at][key] = part
        for at, seeded in zip(members, seeds, strict=True):
            found[at].seeds = seeded
    return found


def _stacks(tables: Sequence[Table]) -> list[list[int]]:
    """The positions of the tables to stack together: alike, at most `MOST_STACKED` rows."""
    open_stacks: dict[Hashable, tuple[list[int], int]] = {}  # key -> (positions, rows)
    stacks: list[list[int]] = []
    for at, table in enumerate(tables):
        key = stack_key(table)
        if key is None:
            continue
        members, rows = open_stacks.get(key, ([], 0))
        if rows + len(table.frame) > MOST_STACKED:
            members, rows = [], 0
        if not members:
            stacks.append(members)
        members.append(at)
        open_stacks[key] = (members, rows + len(table.frame))
    return stacks


# The key of the schema's hits among a table's stacked hits (rule ids are upper case).
SCHEMA = "schema"


def _run_stacked(
    frames: list[pd.DataFrame],
    rules: list[Rule],
    options: RuleOptions,
    source_columns: frozenset[str],
    schema: LoadedSchema | None,
) -> tuple[dict[str, list[pd.DataFrame]], list[dict[str, Any]]]:
    """Each rule's hits on each frame (and the schema's), found once on the frames stacked,
    and each frame's part of the stack's per-row work."""
    stack = pd.concat(frames, ignore_index=True)  # labels: positions in the stack
    starts = np.cumsum([0, *(len(frame) for frame in frames)])
    labels = stack_labels(frames)
    by_rule: dict[str, list[pd.DataFrame]] = {}
    if schema is not None:
        failed = schema_hits(schema, stack)
        # A failure of the whole table (a column required, a dtype) has no row: each table
        # then validates itself, as it would alone.
        if not failed["index"].isna().any():
            by_rule[SCHEMA] = split_hits(failed, frames, starts, labels)
    context = RuleContext(stack, options, source_columns, frames)
    try:
        for rule in rules:
            assert rule.check is not None
            hits = rule.check(context)
            if not hits.empty:  # as `table_hits` frames them
                hits = hits.assign(rule=rule.id).rename_axis("index").reset_index()
            by_rule[rule.id] = split_hits(hits, frames, starts, labels)
        seeds = context.per_row_parts(starts, frames)
        for seeded, flags in zip(seeds, flag_parts(context, starts, frames), strict=True):
            seeded.update(flags)  # the scorecard's, made once too
    finally:
        context.close()
    return by_rule, seeds


_NONE = pd.DataFrame()  # no hits for a table: `table_hits` skips an empty frame


def split_hits(
    hits: pd.DataFrame,
    frames: list[pd.DataFrame],
    starts: np.ndarray,
    labels: np.ndarray | None = None,
) -> list[pd.DataFrame]:
    """A stack's hits cut back into each frame's: their column `index` holds positions in the
    stack; each part keeps its hits' order, and its frame's own row labels in `index`.
    `labels`: the frames' row labels one after another (`stack_labels`), if they have one
    dtype: the hits are then relabelled at once, and cut in slices where they are in row
    order (most rules'), one pandas call a frame with hits."""
    parts = [_NONE] * len(frames)
    if hits.empty:
        return parts
    positions = hits["index"].to_numpy(dtype=np.int64)
    owners = np.searchsorted(starts, positions, side="right") - 1
    if labels is not None and bool((owners[1:] >= owners[:-1]).all()):
        hits = hits.assign(index=labels[positions])
        cuts = np.searchsorted(owners, np.arange(len(frames) + 1))
        for owner in np.unique(owners).tolist():
            parts[owner] = hits.iloc[cuts[owner] : cuts[owner + 1]]
        return parts
    # Only the frames with hits are cut out: most of a batch's have none for a rule.
    for owner in np.unique(owners).tolist():
        rows = np.flatnonzero(owners == owner)
        of_owner = frames[owner].index[positions[rows] - starts[owner]]
        parts[owner] = hits.iloc[rows].assign(index=of_owner.to_numpy())
    return parts


def stack_labels(frames: list[pd.DataFrame]) -> np.ndarray | None:
    """The frames' row labels one after another, as `split_hits` gives them to the hits;
    None where the frames' labels differ in dtype (the array would not hold each as its
    frame does)."""
    dtypes = {frame.index.dtype for frame in frames}
    if len(dtypes) != 1:
        return None
    return np.concatenate([frame.index.to_numpy() for frame in frames])
