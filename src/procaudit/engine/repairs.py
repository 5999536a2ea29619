"""Plan `procaudit fix`'s repairs of one file: which cells change, from what, to what (issue 18).

The file is read as `procaudit check` reads it (the same tables, header maps and data rows),
but a repair starts from a cell's text as the file holds it: the canonical frame has some
cells changed already (a code given back the zeros a number cell lost, a decision's date cut
off into its own column, a level inherited from a section), so the sheets' grids are read
again and each mapped cell of a data row is looked up in them. Title and section rows, and
the columns no catalogue column maps, are never touched; of the header rows, only a cell
typed in a legacy font is, converted by PA601's repair (a sheet typed in .VnTime has its
header so too, and the copy would keep "Tªn thñ tôc" over the list's Unicode).

Each column's distinct values are repaired once (`map_distinct`), by the rules' repairs that
apply to it, in their fixed order and to a fixed point (`rules.repairs.repair_text`).

A procedure repeated on the rows under it (one row per document of its dossier: the reader
skips them as `layout.REPEATED`) holds its name and code on each of them: a cell there
holding the procedure's own text gets the procedure's repair too, or the copy would hold two
spellings of one name, and a second `fix` would find the rows no longer repeating it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import Any

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
from procaudit.io.layout import REPEATED
from procaudit.io.read import Table, with_procedures
from procaudit.rules import Repair, all_repairs
from procaudit.rules.code_hits import INVALID_CODE
from procaudit.rules.repairs import repair_text
from procaudit.rules.selection import RuleSelection

_LINE_BREAKS = re.compile(r"(\r\n|\r|\n)")
LEGACY_FONT_RULE = "PA601"  # the one repair a header cell gets: from a legacy font


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
    """The changes `procaudit fix` makes to the file at `path` (which it never writes); a
    list with no procedure rows is refused as `check` refuses it, before a copy is written."""
    catalogue = with_procedures(read_catalogue(path, read_options))
    repairs = selected_repairs(selection, unsafe)
    if not repairs:
        return RepairPlan(())
    grids = _grids(path, catalogue.format)
    order = {sheet: number for number, sheet in enumerate(grids)}
    # A code cell holding a number with every digit of its code is written as text, by
    # PA101 however unsafe its other repairs: the text is the number's, nothing changes but
    # the cell's type (io.number_codes marks such cells where the column holds numbers).
    as_text = (selection or RuleSelection()).allows(INVALID_CODE)
    # A CSV's rows are its lines: a repair that takes a line break out of a cell (or adds one)
    # would move every later record to another line, and the findings, the fix-list and the
    # official's notes would no longer point at the right rows. Such a cell is repaired line
    # by line, its line breaks left to a person (`_Cells.held`).
    cells = _Cells(path, repairs, keep_lines=catalogue.format == "csv")
    for table in catalogue.tables:
        cells.add_table(table, grids[table.sheet], as_text)
        cells.add_header(table, grids[table.sheet])
    changes = sorted(cells.changes, key=lambda c: (order[c.sheet], c.row, c.column))
    return RepairPlan(tuple(changes), _lines_kept(cells.held))


def _lines_kept(held: int) -> tuple[str, ...]:
    """The note on the CSV cells whose line breaks a repair would have taken out: the rest of
    such a cell is repaired line by line."""
    if not held:
        return ()
    english = (
        "1 cell keeps its line breaks" if held == 1 else "{count} cells keep their line breaks"
    )
    return (
        t(
            english + " (the rest is repaired line by line): taking them out would move every "
            "later line of the CSV file",
            "{count} ô giữ nguyên dấu xuống dòng (phần còn lại được sửa từng dòng): bỏ đi sẽ "
            "làm lệch số dòng của mọi dòng sau trong tệp CSV",
            count=held,
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


@dataclass
class _Cells:
    """The changes planned in a file's tables, and how many cells kept line breaks that
    their repair would have taken out (`keep_lines`: a CSV's)."""

    path: str
    repairs: list[Repair]
    keep_lines: bool = False
    changes: list[CellChange] = field(default_factory=list)
    held: int = 0

    def add_table(self, table: Table, grid: Grid, as_text: bool = False) -> None:
        # The grid row of each of the table's data rows: the user's row numbers are unique in
        # a grid (Excel rows, or the CSV line a record starts on).
        at = pd.Series(grid.rows.index, index=grid.rows.to_numpy())
        rows = table.frame[ROW].to_numpy()
        positions = at.loc[rows].to_numpy()
        planned = len(self.changes)
        # A column read from marks holds "x"s, not the values the rules saw: nothing to repair.
        marked = {found.column for found in table.account.marks} if table.account else set()
        for column, position in table.header_map.columns.items():
            chain = [r.for_column(column) for r in self.repairs if r.applies_to(column)]
            if not chain or column in marked or position not in grid.cells:
                continue
            cells = grid.cells[position]
            self._add_column(table, column, cells, rows, positions, chain)
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
                    self._add_column(table, column, cells, found, places, links)
        if as_text and CODE_NUMBER in table.frame and "code" in table.header_map.columns:
            self.changes.extend(_numbers_as_text(self.path, table, rows, self.changes[planned:]))
        repeated = table.account.skipped.get(REPEATED, ()) if table.account else ()
        if repeated and len(self.changes) > planned:
            self.changes.extend(_on_repeats(table, grid, at, repeated, self.changes[planned:]))

    def add_header(self, table: Table, grid: Grid) -> None:
        """The changes of the table's header cells typed in a legacy font, by PA601's repair
        (each cell once: the parts of a sheet may share a header row)."""
        chain = [repair for repair in self.repairs if repair.rule_id == LEGACY_FONT_RULE]
        if not chain or table.account is None or table.continues:
            return
        at = dict(zip(grid.rows.tolist(), grid.rows.index.tolist(), strict=True))
        done = {(c.sheet, c.row, c.column) for c in self.changes}
        for row in table.account.header_rows:
            if row not in at:
                continue
            cells = grid.cells.iloc[[at[row]]].to_numpy(dtype=object)[0].tolist()
            for position, value in zip(grid.cells.columns.tolist(), cells, strict=True):
                text = _text(value)
                if text is None or text.isascii() or (table.sheet, row, position) in done:
                    continue
                repaired = _repaired(text, chain, keep_lines=self.keep_lines)
                if repaired is None or not repaired[1]:
                    continue
                self.changes.append(
                    CellChange(
                        path=self.path,
                        sheet=table.sheet,
                        row=int(row),
                        column=int(position),
                        header=text,
                        before=text,
                        after=repaired[0],
                        rules=repaired[1],
                        safe=_safe(LEGACY_FONT_RULE, self.repairs),
                    )
                )

    def _add_column(
        self,
        table: Table,
        column: str,
        cells: pd.Series,
        rows: np.ndarray,
        positions: np.ndarray,
        chain: list[Repair],
    ) -> None:
        """The changes of a column's cells at grid `positions` (the user's `rows`), each
        distinct text repaired once by `chain`."""
        raw = cells.iloc[positions].reset_index(drop=True)
        raw = raw.map(_text)
        repair = partial(_repaired, chain=chain, keep_lines=self.keep_lines)
        repaired = map_distinct(raw, repair, dtype="object")
        changed = repaired.notna()
        position = table.header_map.columns[column]
        header = table.header_map.headers.get(column)
        for index in changed[changed].index:
            after, rules, held = repaired[index]
            self.held += held
            if not rules:
                continue
            self.changes.append(
                CellChange(
                    path=self.path,
                    sheet=table.sheet,
                    row=int(rows[index]),
                    column=int(position),
                    header=header,
                    before=raw[index],
                    after=after,
                    rules=tuple(rules),
                    safe=all(_safe(rule, self.repairs) for rule in rules),
                )
            )


def _on_repeats(
    table: Table,
    grid: Grid,
    at: pd.Series,
    repeated: tuple[int, ...],
    planned: list[CellChange],
) -> list[CellChange]:
    """The changes `planned` on procedures' rows made again on the rows repeating them (the
    user's row numbers `repeated`) where such a row's cell holds the text changed. `at`: the
    grid row of each user row number."""
    procedures = np.sort(table.frame[ROW].to_numpy(dtype=np.int64))
    repeats = np.asarray(repeated, dtype=np.int64)
    above = np.searchsorted(procedures, repeats) - 1  # a repeated row's procedure: the one above
    owned = above >= 0
    under: dict[int, list[int]] = {}
    for owner, row in zip(procedures[above[owned]].tolist(), repeats[owned].tolist(), strict=True):
        under.setdefault(owner, []).append(row)
    made = []
    for change in planned:
        rows = under.get(change.row)
        if not rows or change.column not in grid.cells:
            continue
        cells = grid.cells[change.column]
        made += [
            replace(change, row=row)
            for row in rows
            if row in at.index and _text(cells.iloc[at[row]]) == change.before
        ]
    return made


def _text(value: Any) -> str | None:
    """A cell's text as a repair reads it."""
    return None if value is None or pd.isna(value) else str(value)


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


def _repaired(
    text: str, chain: list[Repair], keep_lines: bool = False
) -> tuple[str, tuple[str, ...], bool] | None:
    """The repaired text, the rules that made it, and whether the text kept line breaks its
    repair would have taken out (`keep_lines`: then each line is repaired alone, and the
    rules are empty where nothing else changes); None when nothing changes."""
    after, rules = repair_text(text, chain)
    if keep_lines and _LINE_BREAKS.findall(after) != _LINE_BREAKS.findall(text):
        parts = _LINE_BREAKS.split(text)  # lines, and the line breaks between them
        applied: dict[str, None] = {}
        for at in range(0, len(parts), 2):
            parts[at], line_rules = repair_text(parts[at], chain)
            applied.update(dict.fromkeys(line_rules))
        after = "".join(parts)
        return (after, tuple(applied) if after != text else (), True)
    return (after, rules, False) if rules and after != text else None


def _safe(rule_id: str, repairs: list[Repair]) -> bool:
    return next(repair.safe for repair in repairs if repair.rule_id == rule_id)
