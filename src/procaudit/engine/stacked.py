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
for it. So the engine (`engine.audit`, which reads a batch of files before it audits them)
stacks the small tables of the batch that have the same columns, dtypes and source columns,
runs those rules once on each stack, and each table then runs only the other rules.

Tables of `STACK_ROWS` rows or more are audited alone, as before: stacking them would save
nothing and hold a copy of them.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, field
from functools import cached_property, partial
from typing import Any

import numpy as np
import pandas as pd

from procaudit.catalogue.columns import SHEET
from procaudit.engine.row_flags import flag_parts
from procaudit.engine.schema import LoadedSchema, schema_hits
from procaudit.engine.skipped_rules import applicable
from procaudit.engine.stack_findings import TableColumns, stack_columns
from procaudit.io import Table
from procaudit.rules import Rule
from procaudit.rules.context import RuleContext
from procaudit.rules.options import RuleOptions
from procaudit.rules.reform_online import ONLINE_READ, online_levels_read_parts
from procaudit.rules.selection import RuleSelection

# A table this small is stacked; below the engine's PREFETCH_ROWS, so that no table stacked
# would have had its shared work built on a worker thread (the same hits either way, but a
# stack is meant to be many small tables).
STACK_ROWS = 5_000


# The schema among the rules a stack ran (`StackedHits.ran`; rule ids are upper case).
SCHEMA = "schema"

_NONE = pd.DataFrame()  # no hits for a table: `table_hits` skips an empty frame


@dataclass(eq=False)
class StackedHits:
    """What a table's stack found for it: the ids of the rules run on the stack (and
    `SCHEMA`, if the schema was), their `hits` on this table in one frame (the schema's
    first, then each rule's in rule order, as `table_hits` puts them: the columns index, the
    table's row labels, then column, value, message, fix, maybe severity, and rule), and its
    `seeds`: its rows' part of the per-row work made on the stack (`RuleContext.
    per_row_parts`, the scorecard's `row_flags` and PA505's `online_levels_read`) and its own
    units, by shared key, for its own context's `seed`, so that PA505 and the scorecard do
    not make them again. A table that was not stacked has no rule: it runs them all itself."""

    ran: frozenset[str] = frozenset()
    # Its hits, or how to cut them from the stack's when asked (`StackHits.of`): a table
    # whose findings come from `columns` never asks.
    given: pd.DataFrame | Callable[[], pd.DataFrame] = field(default_factory=lambda: _NONE)
    seeds: dict[str, Any] = field(default_factory=dict)
    schema_hits: int = 0  # how many of `hits` are the schema's
    # Its hits' fields read with the whole stack's, when the schema ran there too
    # (`engine.stack_findings`).
    columns: TableColumns | None = None

    @cached_property
    def hits(self) -> pd.DataFrame:
        return self.given if isinstance(self.given, pd.DataFrame) else self.given()

    def of(self, rule_id: str) -> pd.DataFrame:
        """The hits of one rule (or of the schema, `SCHEMA`) among `hits`."""
        if rule_id == SCHEMA:
            return self.hits.iloc[: self.schema_hits]
        rules = self.hits.iloc[self.schema_hits :]
        return rules[rules["rule"] == rule_id] if not rules.empty else rules


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
        for dtype in frame.dtypes.tolist()
    )
    # A sheet's rows and a CSV's lines: the messages naming other rows say "row" or "line"
    # for the whole stack (`RuleContext.row_list`).
    columns = tuple(frame.columns.tolist())  # `tolist`: half the cost of iterating the Index
    return (columns, dtypes, frozenset(table.header_map.columns), _of_sheet(frame))


def _of_sheet(frame: pd.DataFrame) -> bool:
    """Whether a row of the frame names its sheet. A category's codes are read where the
    column is one (the reader's: a CSV's has no category at all), not a column of flags
    built by `notna`: a third of the key's cost on a small table."""
    if SHEET not in frame:
        return False
    column = frame[SHEET]
    if isinstance(column.dtype, pd.CategoricalDtype):
        if column.dtype.categories.empty:
            return False
        return bool((column.array.codes >= 0).any())
    return bool(column.notna().any())


def stacked_hits(
    tables: Sequence[Table],
    rules: Sequence[Rule],
    options: RuleOptions,
    schema: LoadedSchema | None = None,
    selection: RuleSelection | None = None,
) -> list[StackedHits]:
    """For each table, the hits of the row-local and table-local rules that apply to it (and
    of the schema, if it checks rows alone: its hits that `selection` allows), found on the
    stack of the tables like it; nothing run for a table that has no other like it: it runs
    them itself. `rules` are the run's active rules (their options given)."""
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
        of_stack = _run_stacked(frames, checked, options, source_columns, stack_schema, selection)
        for at, of_table in zip(members, of_stack, strict=True):
            found[at] = of_table
    return found


def _stacks(tables: Sequence[Table]) -> list[list[int]]:
    """The positions of the tables to stack together: alike, at most `MOST_STACKED` rows."""
    # key -> [positions, rows]: looked up once a table, the key's dtypes hashed and compared
    # in Python (pandas' string dtype), and changed in place.
    open_stacks: dict[Hashable, list[Any]] = {}
    stacks: list[list[int]] = []
    for at, table in enumerate(tables):
        key = stack_key(table)
        if key is None:
            continue
        size = len(table.frame)
        found = open_stacks.get(key)
        if found is None or found[1] + size > MOST_STACKED:
            found = [[], 0]
            stacks.append(found[0])
            open_stacks[key] = found
        found[0].append(at)
        found[1] += size
    return stacks


def _run_stacked(
    frames: list[pd.DataFrame],
    rules: list[Rule],
    options: RuleOptions,
    source_columns: frozenset[str],
    schema: LoadedSchema | None,
    selection: RuleSelection | None,
) -> list[StackedHits]:
    """What the stack of `frames` finds for each: the hits of the rules (and the schema),
    found once on the frames stacked and put in one frame first, which is then cut once
    (not a frame per rule and table, joined again for each table: 0.6 ms a small file);
    and each frame's part of the stack's per-row work."""
    stack = pd.concat(frames, ignore_index=True)  # labels: positions in the stack
    starts = np.cumsum([0, *(len(frame) for frame in frames)])
    parts: list[pd.DataFrame] = []
    ran: set[str] = set()
    schema_hits_of = np.zeros(len(frames), dtype=np.int64)
    if schema is not None:
        failed = schema_hits(schema, stack)
        # A failure of the whole table (a column required, a dtype) has no row: each table
        # then validates itself, as it would alone.
        if not failed["index"].isna().any():
            ran.add(SCHEMA)
            if selection is not None and not failed.empty:
                failed = failed[failed["rule"].map(selection.allows).astype(bool)]
            if not failed.empty:
                parts.append(failed)
                owners = _owners(failed, starts)
                schema_hits_of = np.bincount(owners, minlength=len(frames))
    context = RuleContext(stack, options, source_columns, frames)
    try:
        for rule in rules:
            assert rule.check is not None
            hits = rule.check(context)
            ran.add(rule.id)
            if not hits.empty:  # as `table_hits` frames them
                parts.append(hits.assign(rule=rule.id).rename_axis("index").reset_index())
        seeds = context.per_row_parts(starts, frames)
        flags_of = flag_parts(context, starts, frames, ran)
        for seeded, flags in zip(seeds, flags_of, strict=True):
            seeded.update(flags)  # the scorecard's, made once too
        if "online_level" in stack and isinstance(frames[0]["online_level"].dtype, pd.StringDtype):
            read = online_levels_read_parts(context, starts)  # PA505's and the scorecard's
            for seeded, of_table in zip(seeds, read, strict=True):
                seeded[ONLINE_READ] = of_table
    finally:
        context.close()
    every = pd.concat(parts, ignore_index=True) if parts else _NONE
    labels = stack_labels(frames)
    done = frozenset(ran)
    if labels is None:
        return [
            StackedHits(done, hits, seeded, int(count))
            for hits, seeded, count in zip(
                split_hits(every, frames, starts), seeds, schema_hits_of, strict=True
            )
        ]
    by_frame = StackHits(every, starts, labels, len(frames))
    columns = None
    if SCHEMA in ran:  # each table's hits a slice of the stack's
        columns = stack_columns(by_frame.hits, by_frame.owners, stack, len(frames))
    return [
        StackedHits(
            done,
            partial(by_frame.of, at),
            seeded,
            int(count),
            None if columns is None else TableColumns(columns, at),
        )
        for at, (seeded, count) in enumerate(zip(seeds, schema_hits_of, strict=True))
    ]


class StackHits:
    """A stack's hits put in frame order (by one stable sort, if they are not), each frame's
    in their order, and cut for a frame when asked: relabelled (their column `index`, the
    positions in the stack, made the frames' own row `labels`, `stack_labels`) once for all,
    then one slice a frame."""

    def __init__(
        self, hits: pd.DataFrame, starts: np.ndarray, labels: np.ndarray, frames: int
    ) -> None:
        owners = _owners(hits, starts) if not hits.empty else np.zeros(0, dtype=np.int64)
        if not bool((owners[1:] >= owners[:-1]).all()):
            order = np.argsort(owners, kind="stable")
            hits, owners = hits.iloc[order], owners[order]
        self.hits, self.owners, self.labels = hits, owners, labels
        self.cuts = np.searchsorted(owners, np.arange(frames + 1)).tolist()

    @cached_property
    def _relabelled(self) -> pd.DataFrame:
        positions = self.hits["index"].to_numpy(dtype=np.int64)
        return self.hits.assign(index=self.labels[positions])

    def of(self, at: int) -> pd.DataFrame:
        """The hits of the frame at `at`, labelled as it labels its rows."""
        begin, end = self.cuts[at], self.cuts[at + 1]
        return _NONE if begin == end else self._relabelled.iloc[begin:end]


def _owners(hits: pd.DataFrame, starts: np.ndarray) -> np.ndarray:
    """The frame each hit of a stack is on (its column `index`: positions in the stack)."""
    positions = hits["index"].to_numpy(dtype=np.int64)
    owners: np.ndarray = np.searchsorted(starts, positions, side="right") - 1
    return owners


def split_hits(
    hits: pd.DataFrame,
    frames: list[pd.DataFrame],
    starts: np.ndarray,
    labels: np.ndarray | None = None,
) -> list[pd.DataFrame]:
    """A stack's hits cut back into each frame's: their column `index` holds positions in the
    stack; each part keeps its hits' order, and its frame's own row labels in `index`.
    `labels`: the frames' row labels one after another (`stack_labels`), if they have one
    dtype: the hits are then relabelled at once, put in frame order by one stable sort if
    they are not, and cut in slices, one pandas call a frame with hits."""
    parts = [_NONE] * len(frames)
    if hits.empty:
        return parts
    if labels is not None:
        by_frame = StackHits(hits, starts, labels, len(frames))
        return [by_frame.of(at) for at in range(len(frames))]
    positions, owners = hits["index"].to_numpy(dtype=np.int64), _owners(hits, starts)
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
