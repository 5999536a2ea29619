"""A rule's hit on an empty cell that Excel shows a value in is not what the official sees.

An xlsx a program wrote (openpyxl, some portals' exports) keeps its formulas without their
values: Excel computes them on opening, calamine reads them as empty. A failed look-up shows
"#N/A", which calamine reads as empty too. The reader marks both (`io.unread_cells`), and
here the hits a rule made of such a cell being empty are put right before they become
findings, floods or the scorecard's counts:

- a formula saved without its value: the hit goes. The official sees a value there, so
  "fill it in" is wrong; what the value is nobody can tell until Excel saves it, and the
  reader's note names the sheet, the cells and that one fix ("open the file in Excel and
  save it"), which is the fix of every such cell at once. A finding per column would say
  it again, under a rule (a missing form) the file may not break.
- a cell showing an Excel error: the hit stays (the cell holds no form, no code), but its
  value is the error shown and its message says the cell shows it, and how to repair it:
  the official would look for an empty cell and find "#N/A".

A hit on a value the cell holds (a duplicate name beside an unread code) is left alone:
only hits on an empty value of a marked cell are about the cell being empty.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from procaudit.catalogue.columns import ROW
from procaudit.core.i18n import t
from procaudit.io import Table
from procaudit.io.grid import NO_VALUE
from procaudit.io.null_cells import NULL_MARKERS
from procaudit.io.unread_cells import row_positions


def unread_hits(table: Table, found: pd.DataFrame, positions: np.ndarray) -> pd.DataFrame:
    """A table's hits (`found`, each at its frame position in `positions`, -1 for a hit
    without a row) with those on an empty cell holding a formula saved without its value
    dropped, and those on an empty cell showing an Excel error said so."""
    if not table.unread or found.empty:
        return found
    return _put_right(found, _marks(table, found["column"], found["value"], positions))


def unread_file_hits(found: pd.DataFrame, tables: Sequence[Table]) -> pd.DataFrame:
    """A file rule's hits (with their sheet and row) put right as `unread_hits` puts a
    table's: a component's form link saved as a formula without its value is no missing
    file. Each hit is looked for in the table of its sheet that holds its row."""
    marked = [table for table in tables if table.unread]
    if not marked or found.empty or "row" not in found:
        return found
    shown = np.full(len(found), None, dtype=object)
    sheets = found["sheet"].to_numpy(dtype=object)
    rows = pd.to_numeric(found["row"], errors="coerce").to_numpy(dtype=np.float64)
    for table in marked:
        on_sheet = (sheets == table.sheet) & ~np.isnan(rows)
        if not on_sheet.any():
            continue
        frame_rows = table.frame[ROW].to_numpy(dtype=np.int64)
        at = np.full(len(found), -1, dtype=np.int64)
        at[on_sheet] = row_positions(frame_rows, rows[on_sheet].astype(np.int64))
        marks = _marks(table, found["column"], found["value"], at)
        shown = np.where(pd.isna(shown) & ~pd.isna(marks), marks, shown)
    return _put_right(found, shown)


def _marks(table: Table, columns: pd.Series, values: pd.Series, at: np.ndarray) -> np.ndarray:
    """For each hit, what its cell shows that was read as empty (`Table.unread`) where the
    hit is on an empty value of such a cell; None for any other hit."""
    marks = np.full(len(columns), None, dtype=object)
    column_of = columns.to_numpy(dtype=object)
    objects = values.to_numpy(dtype=object)
    for column, shown in table.unread.items():
        chosen = np.flatnonzero((column_of == column) & (at >= 0))
        chosen = chosen[_empty(objects[chosen])]
        if len(chosen):
            marks[chosen] = shown[at[chosen]]
    return marks


def _put_right(found: pd.DataFrame, marks: np.ndarray) -> pd.DataFrame:
    marked = ~pd.isna(marks)
    if not marked.any():
        return found
    no_value = marked & (marks == NO_VALUE)
    errors = np.flatnonzero(marked & ~no_value)
    if len(errors):
        found = found.copy()
        for field, said in (("message", _said_message), ("fix", _said_fix)):
            texts = found[field].to_numpy(dtype=object, copy=True)
            for position in errors.tolist():
                # A rule explaining its hits late fills in an empty message (`hit_explain`).
                if texts[position]:
                    texts[position] = said(str(marks[position]), str(texts[position]))
                    if marks[position] in NULL_MARKERS:  # a database's empty, not Excel's
                        texts[position] = _null_said[field](
                            str(marks[position]), str(found[field].iat[position])
                        )
            found[field] = _as_was(found[field], texts)
        values = found["value"].to_numpy(dtype=object, copy=True)
        values[errors] = marks[errors]
        found["value"] = _as_was(found["value"], values)
    if no_value.any():
        found = found[~no_value].reset_index(drop=True)
    return found


def _as_was(column: pd.Series, values: np.ndarray) -> pd.Series:
    """`values` in the column's place and of its dtype (a file rule's hits are objects, with
    None for missing: pandas would infer text and make them NaN)."""
    return pd.Series(values, index=column.index, dtype=column.dtype)


def _said_message(error: str, message: str) -> str:
    return t(
        "The cell shows the Excel error {error}: {message}",
        "Ô hiển thị lỗi Excel {error}: {message}",
        error=error,
        message=message,
    )


def _said_fix(error: str, fix: str) -> str:
    return t(
        "Correct the cell's formula, or type its value in place of the error. {fix}",
        "Sửa công thức của ô, hoặc nhập giá trị thay cho lỗi. {fix}",
        fix=fix,
    )


def _null_message(marker: str, message: str) -> str:
    return t(
        "The cell holds {marker}, a database's or a program's mark of no value: {message}",
        "Ô chứa {marker}, dấu hiệu không có giá trị của cơ sở dữ liệu hoặc phần mềm: {message}",
        marker=marker,
        message=message,
    )


def _null_fix(marker: str, fix: str) -> str:
    return t(
        "Type the value in place of {marker}. {fix}",
        "Nhập giá trị thay cho {marker}. {fix}",
        marker=marker,
        fix=fix,
    )


_null_said = {"message": _null_message, "fix": _null_fix}


def _empty(values: np.ndarray) -> np.ndarray:
    """Whether each hit's value is empty: missing, or only spaces (as the floods say)."""
    texts = pd.Series(values, dtype=object)
    return (texts.isna() | texts.astype(str).str.strip().eq("")).to_numpy(dtype=bool)
