"""Pair each procedure of the old version with at most one of the new version.

Stages, each among the rows no earlier stage paired:
1. the same code and the same name, then the same code (a code written twice keeps its
   right name on each row where it can);
2. the same national code: a local code such as 1.000494.000.00.00.H29 is the national
   code 1.000494 plus the agency's ID, so the two are one procedure (the pair reports its
   code as changed);
3. where a code is missing on one side or both, the same normalised name;
4. last, two rows with different codes but the same name at the same level (both without a
   level where neither file has one): the procedure's code changed, and the pair reports it
   as a code change, not as one procedure removed and another added.

A procedure whose code changed and that was renamed or moved is removed and added: nothing
is left to know it by. Nor is a procedure without a code that was renamed.

Within a stage the k-th row of a key in the old version is paired with the k-th row of that
key in the new one, so a key written twice pairs what it can one-to-one and leaves the rest
unpaired: they are reported as removed or added, never paired twice.
"""

from __future__ import annotations

from typing import Final, NamedTuple

import numpy as np
import pandas as pd

from procaudit.diff.model import MatchedBy
from procaudit.diff.versions import NATIONAL, key

CODE, NAME = key("code"), key("name")
NAME_AND_LEVEL = "key:name_and_level"  # built by `match`: the name, then the level or ""
_SEPARATOR = "\x1f"
OLD, NEW, BY = "old", "new", "matched_by"
_NTH = "_nth"


class Stage(NamedTuple):
    keys: tuple[str, ...]
    matched_by: MatchedBy
    old_without_code: bool = False  # only rows with no code take part on that side
    new_without_code: bool = False
    with_codes: bool = False  # only rows with a code take part, on both sides


STAGES: Final = (
    Stage((CODE, NAME), MatchedBy.CODE),
    Stage((CODE,), MatchedBy.CODE),
    Stage((NATIONAL, NAME), MatchedBy.NATIONAL_CODE),
    Stage((NATIONAL,), MatchedBy.NATIONAL_CODE),
    # A procedure that had no code in either version, then one that got or lost its code.
    Stage((NAME,), MatchedBy.NAME, old_without_code=True, new_without_code=True),
    Stage((NAME,), MatchedBy.NAME, old_without_code=True),
    Stage((NAME,), MatchedBy.NAME, new_without_code=True),
    # What is left with a code on both sides: a code that changed under the same procedure.
    Stage((NAME_AND_LEVEL,), MatchedBy.NAME_AND_LEVEL, with_codes=True),
)


def match(old: pd.DataFrame, new: pd.DataFrame) -> pd.DataFrame:
    """The pairs: positions `old` and `new` in the two frames and how they were matched,
    in the new version's order."""
    old, new = _with_name_and_level(old), _with_name_and_level(new)
    old_free = np.ones(len(old), dtype=bool)
    new_free = np.ones(len(new), dtype=bool)
    old_coded = old[CODE].notna().to_numpy()
    new_coded = new[CODE].notna().to_numpy()
    found = []
    for stage in STAGES:
        old_rows = old_free & ~old_coded if stage.old_without_code else old_free
        new_rows = new_free & ~new_coded if stage.new_without_code else new_free
        if stage.with_codes:
            old_rows, new_rows = old_rows & old_coded, new_rows & new_coded
        if not old_rows.any() or not new_rows.any():
            continue
        pairs = _pairs(old[old_rows], new[new_rows], list(stage.keys))
        old_free[pairs[OLD].to_numpy()] = False
        new_free[pairs[NEW].to_numpy()] = False
        found.append(pairs.assign(**{BY: stage.matched_by.value}))
    if not found:
        return pd.DataFrame(
            {
                OLD: pd.Series(dtype="int64"),
                NEW: pd.Series(dtype="int64"),
                BY: pd.Series(dtype="object"),
            }
        )
    pairs = pd.concat(found, ignore_index=True)
    return pairs.sort_values(NEW, ignore_index=True)


def _with_name_and_level(frame: pd.DataFrame) -> pd.DataFrame:
    """The frame with its name-and-level key: missing where the name is; a missing level
    is "", so that two rows without a level still match on their names."""
    level = frame[key("level")].fillna("")
    return frame.assign(**{NAME_AND_LEVEL: frame[NAME] + _SEPARATOR + level})


def _pairs(old: pd.DataFrame, new: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """The k-th old row of each key with the k-th new row of that key (rows in file order)."""
    left = _numbered(old, keys).rename_axis(OLD).reset_index()
    right = _numbered(new, keys).rename_axis(NEW).reset_index()
    pairs = left.merge(right, on=[*keys, _NTH], how="inner")
    return pairs[[OLD, NEW]]


def _numbered(frame: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """The rows that have every key, each numbered among the rows of its key from 0."""
    rows = frame[keys].dropna()
    return rows.assign(**{_NTH: rows.groupby(keys, sort=False).cumcount()})
