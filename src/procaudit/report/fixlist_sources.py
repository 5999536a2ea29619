"""The rows a fix-list's findings point at, found a table at a time (issue 19).

Each finding on a row is matched to the source table that holds its row (a procedure table
before a dossier-component sheet of the same name) and the row's cells are kept as text, a
column at a time, for the flagged rows only: a catalogue may have a million rows and the
fix-list 35,000 findings. The findings come as columns (`FindingColumns`), sorted by file.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import cast

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from procaudit.catalogue.columns import ROW, SHEET
from procaudit.core.errors import ProcauditError
from procaudit.core.findings import Finding
from procaudit.core.paths import real_path, reported_path
from procaudit.engine.inspection import column_label
from procaudit.io.grid import arrow_chunks, take_rows
from procaudit.io.hidden_rows import hidden_rows, in_runs
from procaudit.io.read import (
    Catalogue,
    PerFile,
    ReadOptions,
    Table,
    options_for,
    read_catalogue,
)

NO_SHEET = "\0csv"  # a CSV file's sheet (None) where sheets are compared: no name holds "\0"


class FindingColumns:
    """The fields of the findings (sorted by file) as columns, one entry per finding."""

    def __init__(self, findings: Sequence[Finding]) -> None:
        self.findings = findings
        fields = list(zip(*findings, strict=True)) if findings else [()] * len(Finding._fields)
        named = dict(zip(Finding._fields, fields, strict=True))
        self.rule: Sequence[str] = named["rule"]
        self.severity = named["severity"]
        self.file: Sequence[str] = named["file"]
        self.sheet: Sequence[str | None] = named["sheet"]
        self.row: Sequence[int | None] = named["row"]
        self.column: Sequence[str | None] = named["column"]
        self.code: Sequence[str | None] = named["code"]
        self.value: Sequence[str | None] = named["value"]
        self.message: Sequence[str] = named["message"]
        self.fix: Sequence[str] = named["fix"]
        self.examples: Sequence[tuple[str, ...]] = named["examples"]
        # -1 for a finding on no row (no row number 0 or below is ever written)
        self.rows = np.array([-1 if row is None else row for row in self.row], np.int64)


@dataclass
class Flagged:
    """Where each finding's row is: the number of its table (-1: none found) and the row's
    place among that table's flagged rows, whose cells are kept as text by column."""

    tables: list[Table]
    texts: list[dict[str, np.ndarray]]
    table: np.ndarray
    position: np.ndarray

    def groups(self, columns: Sequence[str | None]) -> dict[tuple[int, str | None], np.ndarray]:
        """The located findings by (table, the column each names), in findings order."""
        located = np.flatnonzero(self.table >= 0)
        codes, names = pd.factorize(np.asarray(columns, dtype=object)[located])  # None: -1
        keys = pd.DataFrame({"table": self.table[located], "column": codes})
        groups: dict[tuple[int, str | None], np.ndarray] = {}
        for key, at in keys.groupby(["table", "column"], sort=False).indices.items():
            table, code = cast(tuple[int, int], key)
            groups[int(table), None if code < 0 else str(names[code])] = located[at]
        return groups

    def cell_texts(self, column: str, at: np.ndarray, table: int) -> np.ndarray:
        """The texts of `column` on the rows of the findings `at`, all in `table`."""
        texts = self.texts[table].get(column)
        if texts is None:
            return np.full(len(at), "", object)
        return texts[self.position[at]]


def locate(
    columns: FindingColumns, read_options: PerFile, read: Mapping[str, Catalogue]
) -> Flagged:
    """Each finding's row, from its file's catalogue as the audit read it or else read again
    once; a file that cannot be read any more locates nothing."""
    count = len(columns.file)
    flagged = Flagged([], [], np.full(count, -1, np.int64), np.zeros(count, np.int64))
    files = np.array(columns.file, dtype=object)
    sheets = np.array([NO_SHEET if s is None else s for s in columns.sheet], dtype=object)
    if not count:  # a clean run: its fix-list has the headings alone
        return flagged
    starts = np.flatnonzero(np.r_[True, files[1:] != files[:-1]])
    read_options = _by_reported_path(read_options)
    for start, end in zip(starts, [*starts[1:], count], strict=True):
        catalogue = read.get(files[start])
        if catalogue is None:
            try:
                catalogue = read_catalogue(
                    real_path(files[start]), options_for(read_options, files[start])
                )
            except ProcauditError:
                continue
        # Procedure tables win over dossier-component sheets for the same (sheet, row).
        for table in (*catalogue.components, *catalogue.tables):
            sheet = NO_SHEET if table.sheet is None else table.sheet
            mine = start + np.flatnonzero(
                (sheets[start:end] == sheet) & (columns.rows[start:end] >= 0)
            )
            if len(mine):
                _place(flagged, table, mine, columns.rows[mine])
    return flagged


def _by_reported_path(options: PerFile) -> PerFile:
    """Per-file options keyed as the findings name their files (`reported_path`), not as
    the command line gave them."""
    if options is None or isinstance(options, ReadOptions):
        return options
    return {reported_path(path): given for path, given in options.items()}


def _place(flagged: Flagged, table: Table, mine: np.ndarray, numbers: np.ndarray) -> None:
    """Point the findings `mine` at the rows of `table` numbered `numbers`, those it has."""
    frame = table.frame
    rows = pd.Index(frame[ROW])
    last = ~rows.duplicated(keep="last")  # a number seen twice: its last row, as a dict would
    at = _found_at(rows[last].get_indexer(numbers), np.flatnonzero(last))  # frame positions
    if (at < 0).any() and table.parts:  # a cell on a row under its procedure's
        at = np.where(at >= 0, at, _continued(table, numbers))
    if not (at >= 0).any():
        return
    chosen, position = np.unique(at[at >= 0], return_inverse=True)
    number = len(flagged.tables)
    flagged.tables.append(table)
    flagged.texts.append(_texts_at(frame, chosen))
    flagged.table[mine[at >= 0]] = number
    flagged.position[mine[at >= 0]] = position


def _continued(table: Table, numbers: np.ndarray) -> np.ndarray:
    """The frame position of the procedure each row continues (`Table.parts`), -1 for a row
    that continues none."""
    rows = np.concatenate([parts.row for parts in table.parts.values()])
    owners = np.concatenate([parts.at for parts in table.parts.values()])
    rows, first = np.unique(rows, return_index=True)
    return _found_at(pd.Index(rows).get_indexer(numbers), owners[first])


def _found_at(found: np.ndarray, values: np.ndarray) -> np.ndarray:
    """`values` at the positions `found`, -1 where it is -1 (nothing found); `values` may be
    empty (a table of no rows: a header repeated at the end of a sheet)."""
    at = np.full(len(found), -1, np.int64)
    hit = found >= 0
    at[hit] = values[found[hit]]
    return at


def _texts_at(frame: pd.DataFrame, chosen: np.ndarray) -> dict[str, np.ndarray]:
    """The cells of the rows at the positions `chosen` (increasing) as text ("" where
    empty), by column; the provenance columns, which no finding names, left out. A text
    column is taken in Arrow: pandas' row selection and conversion cost a small table's
    fix-list 1.5 ms."""
    texts: dict[str, np.ndarray] = {}
    at = pa.array(chosen)
    for column, values in frame.items():
        if column in (ROW, SHEET):
            continue
        chunks = arrow_chunks(values)
        if chunks is None:
            texts[str(column)] = values.iloc[chosen].astype("str").fillna("").to_numpy(object)
        elif chunks.num_chunks == 1:
            taken = pc.fill_null(chunks.chunk(0).take(at), "")
            texts[str(column)] = taken.to_numpy(zero_copy_only=False)
        else:  # a large table's blocks, taken block by block (a take would join them first)
            texts[str(column)] = take_rows(values, chosen).fillna("").to_numpy(object)
    return texts


def on_hidden_rows(columns: FindingColumns) -> np.ndarray:
    """Whether each finding's row is hidden in its workbook (`io.hidden_rows`): read once
    per file, and only the files whose findings name a row."""
    hidden = np.zeros(len(columns.file), bool)
    files = np.asarray(columns.file, dtype=object)
    sheets = np.asarray(columns.sheet, dtype=object)
    for file in dict.fromkeys(files[columns.rows >= 0]):
        for sheet, rows in hidden_rows(Path(real_path(file))).items():
            at = np.flatnonzero((files == file) & (sheets == sheet) & (columns.rows >= 0))
            hidden[at] = in_runs(rows, columns.rows[at])
    return hidden


def letters(table: Table, column: str | None) -> str | None:
    """The letter of the column `column` of `table` in a workbook (of the column whose cells
    hold it, for the codes written in the names' cells and the dates written beside the
    decisions' numbers), None if it has none."""
    columns = table.header_map.columns
    if column == "code" and table.codes_from_names:
        column = "name"
    elif column == "decision_date" and column not in columns and table.decisions_split:
        column = "decision_no"
    if column is None or column not in columns:
        return None
    return column_label(columns[column], workbook=True)
