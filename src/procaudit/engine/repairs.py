"""Plan `procaudit fix`'s repairs of one file: which cells change, from what, to what (issue 18).

The file is read as `procaudit check` reads it (the same tables, header maps and data rows),
but a repair starts from a cell's text as the file holds it: the canonical frame has some
cells changed already (a code given back the zeros a number cell lost, a decision's date cut
off into its own column, a level inherited from a section), so the sheets' grids are read
again and each mapped cell of a data row is looked up in them. Title, header and section rows,
and the columns no catalogue column maps, are never touched.

Each column's distinct values are repaired once (`map_distinct`), by the rules' repairs that
apply to it, in their fixed order and to a fixed point (`rules.repairs.repair_text`).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from pathlib import Path

import numpy as np
import pandas as pd

from procaudit.catalogue.columns import CODE_NUMBER, ROW
from procaudit.catalogue.text_columns import map_distinct
from procaudit.core.changes import CellChange
from procaudit.core.i18n import t
from procaudit.io import ReadOptions, read_catalogue
from procaudit.io.by_content import read_sheets, reader_of
from procaudit.io.csv_reader import read_csv_grid
from procaudit.io.grid import Grid
from procaudit.io.read import Table
from procaudit.rules import Repair, all_repairs
from procaudit.rules.codes import INVALID_CODE
from procaudit.rules.repairs import repair_text
from procaudit.rules.selection import RuleSelection


@dataclass(frozen=True)
class RepairPlan:
    changes: tuple[CellChange, ...]  # sorted by sheet order, row, column
    skipped: tuple[str, ...] = ()  # notes on what was left alone


def selected_repairs(selection: RuleSelection | None = None, unsafe: bool = False) -> list[Repair]:
    """The repairs that run: those of the selected rules, the unsafe ones only if asked for."""
    selection = selection or RuleSelection()
    return [
        repair
        for repair in all_repairs()
        if selection.allows(repair.rule_id) and (repair.safe or unsafe)
    ]


def plan_repairs(
    path: str,
    *,
    read_options: ReadOptions | None = None,
    selection: RuleSelection | None = None,
    unsafe: bool = False,
) -> RepairPlan:
    """The changes `procaudit fix` makes to the file at `path` (which it never writes)."""
    catalogue = read_catalogue(path, read_options)
    repairs = selected_repairs(selection, unsafe)
    if not repairs:
        return RepairPlan(())
    grids = _grids(path, catalogue.format)
    order = {sheet: number for number, sheet in enumerate(grids)}
    # A code cell holding a number with every digit of its code is written as text, by
    # PA101 however unsafe its other repairs: the text is the number's, nothing changes but
    # the cell's type (io.number_codes marks such cells where the column holds numbers).
    as_text = (selection or RuleSelection()).allows(INVALID_CODE)
    changes = [
        change
        for table in catalogue.tables
        for change in _table_changes(path, table, grids[table.sheet], repairs, as_text)
    ]
    changes.sort(key=lambda c: (order[c.sheet], c.row, c.column))
    skipped: tuple[str, ...] = ()
    if catalogue.format == "csv":
        changes, skipped = _keeping_csv_lines(changes)
    return RepairPlan(tuple(changes), skipped)


def _keeping_csv_lines(changes: list[CellChange]) -> tuple[list[CellChange], tuple[str, ...]]:
    """A CSV's rows are its lines: a repair that takes a line break out of a cell (or adds one)
    would move every later record to another line, and the findings, the fix-list and the
    official's notes would no longer point at the right rows. Such cells are left to a person."""
    kept = [c for c in changes if c.before.count("\n") == c.after.count("\n")]
    left = len(changes) - len(kept)
    if not left:
        return changes, ()
    return kept, (
        t(
            "{count} cells keep their line breaks: removing them would move every later line "
            "of the CSV file",
            "{count} ô giữ nguyên dấu xuống dòng: bỏ đi sẽ làm lệch số dòng của mọi dòng sau "
            "trong tệp CSV",
            count=left,
        ),
    )


def _grids(path: str, kind: str) -> dict[str | None, Grid]:
    """Every sheet's cells as read, by sheet name (None: a CSV file's one grid)."""
    if kind == "csv":
        grid, _ = read_csv_grid(Path(path))
        return {None: grid}
    reader, _ = reader_of(Path(path))  # as the catalogue was read: by the file's bytes
    grids = read_sheets(Path(path), "workbook" if reader in (None, "csv") else reader)
    return {grid.sheet: grid for grid in grids}


def _table_changes(
    path: str, table: Table, grid: Grid, repairs: list[Repair], as_text: bool = False
) -> list[CellChange]:
    # The grid row of each of the table's data rows: the user's row numbers are unique in a
    # grid (Excel rows, or the CSV line a record starts on).
    at = pd.Series(grid.rows.index, index=grid.rows.to_numpy())
    rows = table.frame[ROW].to_numpy()
    positions = at.loc[rows].to_numpy()
    changes: list[CellChange] = []
    # A column read from marks holds "x"s, not the values the rules saw: nothing to repair.
    marked = {found.column for found in table.account.marks} if table.account else set()
    for column, position in table.header_map.columns.items():
        chain = [repair.for_column(column) for repair in repairs if repair.applies_to(column)]
        if not chain or column in marked or position not in grid.cells:
            continue
        cells = grid.cells[position]
        changes.extend(_changes(path, table, column, cells, rows, positions, chain, repairs))
        parts = table.parts.get(column)
        if parts is None:
            continue
        # The cells of the rows under a procedure its value came from (`io.continuations`):
        # a value taken whole from one is that cell's, repaired as any; a text joined from
        # several is repaired cell by cell, by the repairs of a text cell's own text alone.
        owners, count = np.unique(parts.at, return_counts=True)
        single = np.isin(parts.at, owners[count == 1])
        under = parts.row != rows[parts.at]  # the procedure's own cell is planned above
        for which, links in (
            (single & under, chain),
            (~single & under, [repair for repair in chain if not repair.columns]),
        ):
            if which.any() and links:
                found = parts.row[which]
                places = at.loc[found].to_numpy()
                changes.extend(_changes(path, table, column, cells, found, places, links, repairs))
    if as_text and CODE_NUMBER in table.frame and "code" in table.header_map.columns:
        changes.extend(_numbers_as_text(path, table, rows, changes))
    return changes


def _changes(
    path: str,
    table: Table,
    column: str,
    cells: pd.Series,
    rows: np.ndarray,
    positions: np.ndarray,
    chain: list[Repair],
    repairs: list[Repair],
) -> list[CellChange]:
    """The changes of a column's cells at grid `positions` (the user's `rows`), each distinct
    text repaired once by `chain`."""
    raw = cells.iloc[positions].reset_index(drop=True)
    raw = raw.map(lambda value: None if value is None or pd.isna(value) else str(value))
    repaired = map_distinct(raw, partial(_repaired, chain=chain), dtype="object")
    changed = repaired.notna()
    position = table.header_map.columns[column]
    header = table.header_map.headers.get(column)
    changes = []
    for index in changed[changed].index:
        after, rules = repaired[index]
        changes.append(
            CellChange(
                path=path,
                sheet=table.sheet,
                row=int(rows[index]),
                column=int(position),
                header=header,
                before=raw[index],
                after=after,
                rules=tuple(rules),
                safe=all(_safe(rule, repairs) for rule in rules),
            )
        )
    return changes


def _numbers_as_text(
    path: str, table: Table, rows: np.ndarray, planned: list[CellChange]
) -> list[CellChange]:
    """The code cells holding a number with all of its code's digits, written as the same
    text: the cells of a column of numbers whose codes no repair changes."""
    position = table.header_map.columns["code"]
    numbers, codes = table.frame[CODE_NUMBER], table.frame["code"]
    taken = {change.row for change in planned if change.column == position}
    return [
        CellChange(
            path=path,
            sheet=table.sheet,
            row=int(rows[at]),
            column=int(position),
            header=table.header_map.headers.get("code"),
            before=number,
            after=number,
            rules=(INVALID_CODE,),
            safe=True,
        )
        for at in np.flatnonzero(numbers.notna().to_numpy(dtype=bool) & (numbers == codes))
        if int(rows[at]) not in taken and (number := str(numbers.iloc[at]))
    ]


def _repaired(text: str, chain: list[Repair]) -> tuple[str, tuple[str, ...]] | None:
    """The repaired text and the rules that made it; None when nothing changes."""
    after, rules = repair_text(text, chain)
    return (after, rules) if rules and after != text else None


def _safe(rule_id: str, repairs: list[Repair]) -> bool:
    return next(repair.safe for repair in repairs if repair.rule_id == rule_id)
