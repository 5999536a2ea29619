"""Cells holding a database's or a program's mark of an empty value, read as empty.

A list exported from a database or written by a script keeps its empty values as text:
"NULL" (SQL Server, Oracle), "\\N" (MySQL's dump), "None" (Python), "nan" / "NaN" / "<NA>" /
"NaT" (pandas' to_csv without `na_rep`). Read as written, "\\N" is a malformed code, two of
them one code given to two procedures, "NULL" a malformed decision number and date. The
official's list has no value there, which the rules' own findings of an empty cell say
(PA102, PA401). The cell is marked (`Table.unread`) so that the finding says what the cell
holds (`engine.unread_hits`).

In the forms column "None" is read as empty only where the list is a program's export
(`_exported_forms`): an English list's "None" there says no form is required.
A record whose every cell holds a marker (pandas' export of an empty row: "nan" in each
column) is an empty row, not a procedure missing its code and name (`null_rows`).
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from procaudit.io.grid import cells_in

# Only whole cells, as written: no Vietnamese text is one of these.
NULL_MARKERS = frozenset({"NULL", "null", "Null", "\\N", "None", "nan", "NaN", "<NA>", "NaT"})
_FORMS = "forms"
_NO_FORM = "None"  # in the forms column, maybe an English list's "no form required"
_SMALL_ROWS = 2_000  # up to this many rows a column's cells are looked at in Python


def blank_null_cells(
    frame: pd.DataFrame, columns: Mapping[str, int], headers: Mapping[str, str] | None = None
) -> dict[str, np.ndarray]:
    """Make empty each cell of the frame's canonical `columns` holding a null marker (in
    place); return, per column where some cell did, each row's marker (None elsewhere).
    `headers`: each column's header in the file, which tells a Vietnamese list's forms
    column (`_exported_forms`)."""
    marks: dict[str, np.ndarray] = {}
    small = len(frame) <= _SMALL_ROWS
    for column in columns:
        if column != _FORMS and column in frame:
            _blank(frame, column, NULL_MARKERS, marks, small)
    if _FORMS in columns and _FORMS in frame:
        # A commune's forms column holds no marker: not looked at further (pandas' `==` on
        # it cost 0.3 ms a file).
        if small and NULL_MARKERS.isdisjoint(frame[_FORMS].tolist()):
            return marks
        header = (headers or {}).get(_FORMS, "")
        exported = _exported_forms(frame[_FORMS], marks, header)
        _blank(frame, _FORMS, NULL_MARKERS if exported else NULL_MARKERS - {_NO_FORM}, marks, small)
    return marks


def _blank(
    frame: pd.DataFrame,
    column: str,
    markers: frozenset[str],
    marks: dict[str, np.ndarray],
    small: bool,
) -> None:
    values = frame[column]
    # A commune's list of 30 rows: its cells looked up in a set, a fifth of what pandas'
    # `isin` costs on a small column (0.15 ms each, a millisecond a file).
    if small and markers.isdisjoint(values.tolist()):
        return
    held = values.isin(markers).to_numpy(dtype=bool)
    if held.any():
        shown = np.full(len(values), None, dtype=object)
        shown[held] = values.to_numpy(dtype=object)[held]
        marks[column] = shown
        frame[column] = values.where(~held)


def _exported_forms(forms: pd.Series, marks: dict[str, np.ndarray], header: str) -> bool:
    """Whether a "None" in the forms column is a program's empty value, not an English
    list's "no form required": another column holds a program's mark that is no English word
    ("nan", "NULL", "\\N"), or the list is Vietnamese (its forms header has Vietnamese
    letters) and another column holds "None" too or the forms column holds form names in
    Vietnamese beside it. An official writes "Không" for no form; Python writes "None"."""
    if not (forms == _NO_FORM).any():
        return False
    seen = {marker for shown in marks.values() for marker in shown[pd.notna(shown)]}
    if seen - {_NO_FORM}:
        return True
    if header.isascii():  # "Forms", "MAU_DON": an English list's, or a database's own name
        return False
    if _NO_FORM in seen:
        return True
    named = forms.dropna()
    named = named[~named.isin(NULL_MARKERS)]
    return bool((~named.map(str.isascii, na_action="ignore").astype(bool)).any())


def null_rows(body: pd.DataFrame, count: np.ndarray, name: int) -> np.ndarray:
    """Which rows of `body` (a grid's cells under the header; `count`: each row's cells
    filled) have cells filled and each of them a null marker. Such a row's name cell is
    empty or a marker: only those rows (few: most rows name a procedure) are looked at."""
    found = np.zeros(len(body), dtype=bool)
    if name not in body:
        return found
    names = body[name]
    maybe = (names.isna().to_numpy(dtype=bool) | cells_in(names, NULL_MARKERS)) & (count > 0)
    if not maybe.any():
        return found
    at = np.flatnonzero(maybe)
    rows = body.iloc[at]
    markers = np.zeros(len(at), dtype=np.int64)
    for _, column in rows.items():
        markers += column.isin(NULL_MARKERS).to_numpy(dtype=bool)
    found[at] = markers == count[at]
    return found


def with_null_marks(
    unread: dict[str, np.ndarray], marks: dict[str, np.ndarray]
) -> dict[str, np.ndarray]:
    """The table's marks of cells read as empty (`unread_cells.unread_columns`) with the null
    markers' added; a cell's own Excel mark wins."""
    joined = dict(unread)
    for column, held in marks.items():
        own = joined.get(column)
        joined[column] = held if own is None else np.where(pd.isna(own), held, own)
    return joined
