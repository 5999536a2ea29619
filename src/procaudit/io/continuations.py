"""Rows that continue the procedure above them: a procedure laid out over several rows.

Annexes often give a procedure one row per legal document, form or agency, its STT, code and
name merged down over those rows (or left blank under them, as a CSV export of such a sheet
has them). Such a row names no procedure: read as one, it would be a procedure "with no name"
(PA103) and no code (PA102), a whole page of false errors. A row with no row number, no code
and no name right under a procedure is read as part of it instead: a cell the procedure's
row leaves empty is taken from the first row under it that fills it (forms listed under
the name). Further values are not joined to the first: a fix for the joined text would be
no text of any one cell. A blank row, a section heading or a row skipped for another reason
in between ends a procedure. A table whose only identity is the name cannot tell a
continuation from a procedure missing its name, so there nothing is taken.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd


def continuation_rows(identity: np.ndarray, labels: pd.Index) -> np.ndarray:
    """Which rows (at grid positions `labels`, increasing) continue the procedure row above
    them: rows with no identity cell filled (`identity`: whether each has one) that lie
    right under it, or under rows that continue it. A blank row, a section heading or
    anything else skipped in between ends the procedure: a note under the table after a
    blank line is no part of its last procedure."""
    if identity.all():
        return np.zeros(len(labels), dtype=bool)
    rows = np.arange(len(identity))
    owner = np.maximum.accumulate(np.where(identity, rows, -1))
    positions = np.asarray(labels, dtype=np.int64)
    apart = np.r_[True, np.diff(positions) != 1]  # not right under the row before it
    last_apart = np.maximum.accumulate(np.where(apart, rows, -1))
    return ~identity & (owner >= 0) & (last_apart <= owner)


def join_continuations(
    live: pd.DataFrame, continues: np.ndarray, columns: Iterable[int]
) -> pd.DataFrame:
    """The procedure rows of `live`, each of its cells in `columns` (positions) left empty
    filled from the first row continuing it that has one; the continuing rows left out."""
    rows = np.arange(len(continues))
    owner = np.maximum.accumulate(np.where(continues, -1, rows))  # a procedure's: itself
    kept = live.iloc[~continues].copy(deep=False)  # the grid's columns stay as they were
    place = np.cumsum(~continues) - 1  # a procedure row's place among those kept
    for position in columns:
        cells = live[position]
        filled = cells.notna().to_numpy()
        lacking = (continues & filled) & ~filled[owner]  # rows filling a procedure's blank
        if not lacking.any():
            continue
        taken = np.flatnonzero(lacking)
        taken = taken[_firsts(owner[taken])]  # the first row filling each procedure's blank
        values = kept[position].to_numpy(dtype=object, copy=True)
        values[place[owner[taken]]] = cells.iloc[taken].to_numpy(dtype=object)
        kept[position] = pd.Series(values, index=kept.index, dtype=cells.dtype)
    return kept


def _firsts(groups: np.ndarray) -> np.ndarray:
    """Where each run of equal values in `groups` begins."""
    return np.r_[True, groups[1:] != groups[:-1]]
