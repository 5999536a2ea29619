"""From the pairs and the unpaired rows to the changes, and the diff of two files.

Differences are found column by column over all pairs at once; Python runs only to build
the changes found, one object each.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from procaudit.catalogue.columns import ROW, SHEET
from procaudit.diff.match import BY, NEW, OLD, match
from procaudit.diff.model import (
    FIELDS,
    FIELDS_OF,
    Change,
    DiffResult,
    Kind,
    Location,
    MatchedBy,
)
from procaudit.diff.versions import DUPLICATE, has, key, read_version
from procaudit.io import ReadOptions

_RECORD_FIELDS = tuple(field for field in FIELDS if field != "code")  # the code leads a change


def diff_files(
    old_path: str,
    new_path: str,
    old_options: ReadOptions | None = None,
    new_options: ReadOptions | None = None,
) -> DiffResult:
    """Read both versions and say what changed; InputError when one cannot be read."""
    old_version, old = read_version(old_path, old_options)
    new_version, new = read_version(new_path, new_options)
    changes, unchanged = find_changes(old, new, match(old, new))
    compared = tuple(
        field for field in FIELDS if field in old_version.columns and field in new_version.columns
    )
    return DiffResult(old_version, new_version, compared, changes, unchanged)


def find_changes(
    old: pd.DataFrame, new: pd.DataFrame, pairs: pd.DataFrame
) -> tuple[tuple[Change, ...], int]:
    """Every change, by kind and in file order, and how many pairs did not change at all."""
    old_rows, new_rows = pairs[OLD].to_numpy(), pairs[NEW].to_numpy()
    compared = [column for field in FIELDS for column in (key(field), has(field))]
    before = old[compared].take(old_rows).reset_index(drop=True)
    after = new[compared].take(new_rows).reset_index(drop=True)
    differs = pd.DataFrame({field: _differs(before, after, field) for field in FIELDS})
    changes = _unpaired(Kind.ADDED, new, new_rows)
    changes += _unpaired(Kind.REMOVED, old, old_rows)
    matched_by = pairs[BY].to_numpy()
    for kind in (Kind.RENAMED, Kind.MOVED, Kind.CHANGED):
        flags = differs[list(FIELDS_OF[kind])].to_numpy()
        at = np.flatnonzero(flags.any(axis=1))  # the pairs that changed in this kind
        changes += _paired(
            kind, old.iloc[old_rows[at]], new.iloc[new_rows[at]], flags[at], matched_by[at]
        )
    return tuple(changes), int((~differs.any(axis=1)).sum())


def _differs(before: pd.DataFrame, after: pd.DataFrame, field: str) -> np.ndarray:
    """Where the field's keys differ, on pairs whose tables both have the field."""
    old_keys, new_keys = before[key(field)], after[key(field)]
    same = old_keys.eq(new_keys).fillna(False) | (old_keys.isna() & new_keys.isna())
    comparable = (before[has(field)] & after[has(field)]).to_numpy(dtype=bool)
    return ~same.to_numpy(dtype=bool) & comparable


def _texts(frame: pd.DataFrame, column: str) -> list[Any]:
    """The column's values as Python values, None where missing."""
    # pandas-stubs leave None out of na_value's types; pandas takes it (and means it here).
    return frame[column].to_numpy(dtype=object, na_value=None).tolist()  # type: ignore[call-overload]


def _locations(frame: pd.DataFrame) -> list[Location]:
    # A CSV file has no sheet: None, which concatenating tables may have made NaN.
    return [
        Location(sheet if isinstance(sheet, str) else None, int(row))
        for sheet, row in zip(frame[SHEET].tolist(), frame[ROW].tolist(), strict=True)
    ]


def _unpaired(kind: Kind, frame: pd.DataFrame, paired: np.ndarray) -> list[Change]:
    """A change per row no pair holds, with the row's values (for the record)."""
    rows = frame.iloc[np.flatnonzero(~np.isin(np.arange(len(frame)), paired))]
    values = {field: _texts(rows, field) for field in _RECORD_FIELDS}
    codes, places = _texts(rows, "code"), _locations(rows)
    duplicate = rows[DUPLICATE].tolist()
    changes = []
    for at, place in enumerate(places):
        record = {
            field: values[field][at] for field in _RECORD_FIELDS if values[field][at] is not None
        }
        empty: dict[str, str | None] = {}
        old, new = (empty, record) if kind is Kind.ADDED else (record, empty)
        changes.append(
            Change(
                kind,
                codes[at],
                values["name"][at],
                tuple(record),
                old,
                new,
                old_at=place if kind is Kind.REMOVED else None,
                new_at=place if kind is Kind.ADDED else None,
                duplicate_code=duplicate[at],
            )
        )
    return changes


def _paired(
    kind: Kind, before: pd.DataFrame, after: pd.DataFrame, flags: np.ndarray, matched_by: np.ndarray
) -> list[Change]:
    """A change of `kind` per pair: `before` and `after` hold the pairs' rows, `flags` which
    of the kind's fields differ."""
    fields = FIELDS_OF[kind]
    old = {field: _texts(before, field) for field in fields}
    new = {field: _texts(after, field) for field in fields}
    codes = [
        n if n is not None else o
        for o, n in zip(_texts(before, "code"), _texts(after, "code"), strict=True)
    ]
    names = [
        n if n is not None else o
        for o, n in zip(_texts(before, "name"), _texts(after, "name"), strict=True)
    ]
    duplicate = (before[DUPLICATE].to_numpy() | after[DUPLICATE].to_numpy()).tolist()
    old_places, new_places = _locations(before), _locations(after)
    changes = []
    for at, row_flags in enumerate(flags):
        changed = tuple(field for field, flag in zip(fields, row_flags, strict=True) if flag)
        changes.append(
            Change(
                kind,
                codes[at],
                names[at],
                changed,
                {field: old[field][at] for field in changed},
                {field: new[field][at] for field in changed},
                old_places[at],
                new_places[at],
                MatchedBy(matched_by[at]),
                duplicate[at],
            )
        )
    return changes
