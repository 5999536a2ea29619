"""Read one version of a catalogue into the frame a diff works on.

One row per procedure row of the file, every table of it one under another in file order:
each field's value as written, its comparison key (`key:<field>`), whether the row's table
has that column at all (`has:<field>`: a column one table lacks is not a change), and where
the row is.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from procaudit.catalogue.columns import ROW, SHEET
from procaudit.catalogue.status import abolished_rows
from procaudit.diff.keys import national_keys, value_keys
from procaudit.diff.model import FIELDS, Version
from procaudit.io import ReadOptions, Table, read_catalogue

NATIONAL = "key:national"
DUPLICATE = "duplicate_code"


def key(field: str) -> str:
    return f"key:{field}"


def has(field: str) -> str:
    return f"has:{field}"


def read_version(path: str, options: ReadOptions | None) -> tuple[Version, pd.DataFrame]:
    """The version's account and its frame (indexed 0..n-1 in file order)."""
    catalogue = read_catalogue(path, options)
    parts, abolished = [], 0
    for table in catalogue.tables:
        # A row out of force (its status, or its annex part, says "bãi bỏ") is not in the
        # list: a procedure the new version abolishes is removed.
        out = abolished_rows(table.frame).to_numpy(dtype=bool)
        abolished += int(out.sum())
        parts.append(_part(table, ~out))
    frame = pd.concat(parts, ignore_index=True) if parts else _part(None)
    for field in FIELDS:
        frame[key(field)] = value_keys(field, frame[field])
    frame[NATIONAL] = national_keys(frame[key("code")])
    codes = frame[key("code")]
    frame[DUPLICATE] = codes.duplicated(keep=False) & codes.notna()
    columns = frozenset(
        field for table in catalogue.tables for field in FIELDS if field in table.frame
    )
    repeated = int(codes[frame[DUPLICATE]].nunique())
    sheets = tuple(dict.fromkeys(t.sheet for t in catalogue.tables if t.sheet is not None))
    version = Version(
        catalogue.path,  # as the reader shows it (a name that is not UTF-8 escaped)
        len(frame),
        columns,
        duplicate_codes=repeated,
        sheets=sheets,
        abolished=abolished,
        notes=catalogue.notes,
    )
    return version, frame


def _part(table: Table | None, kept: np.ndarray | None = None) -> pd.DataFrame:
    """One table's rows (those `kept`) with every field (missing where the table lacks it)."""
    source = table.frame if table is not None else pd.DataFrame({ROW: [], SHEET: []})
    if kept is not None:
        source = source[kept]
    empty = pd.Series(pd.NA, index=source.index, dtype="str")
    part = pd.DataFrame(
        {field: source.get(field, empty) for field in FIELDS},
        index=source.index,
    )
    for field in FIELDS:
        part[has(field)] = field in source
    part[SHEET] = source[SHEET].astype("object")
    part[ROW] = source[ROW].astype("int64")
    return part
