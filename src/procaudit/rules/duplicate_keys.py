"""What PA201, PA202 and PA203 compare (`rules.duplicates`): the keys of a table's rows as
numbers, shared between the three rules and built ahead on the rules' worker thread; groups
of rows, the rows of a group that differ from one row, and the entries a per-agency export
lists once per unit."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from itertools import islice, pairwise
from typing import Any

import numpy as np
import pandas as pd

from procaudit.catalogue.name_marks import unmarked_codes
from procaudit.catalogue.text_columns import text_codes
from procaudit.catalogue.units import agency_key
from procaudit.rules.agency_sets import joined_by_cells
from procaudit.rules.compared_codes import bare_as_local, repaired_code_keys
from procaudit.rules.compared_levels import BY_AGENCY
from procaudit.rules.context import RuleContext
from procaudit.rules.row_names import SHOWN_ROWS


@dataclass(frozen=True)
class Keys:
    """The compared keys as numbers (equal keys, equal numbers; -1 where missing): a million
    rows are grouped on integers, not on text."""

    code: np.ndarray  # the code as repaired (PA201, PA203)
    written_code: np.ndarray  # the code as written, stripped (PA202)
    name: np.ndarray
    level: np.ndarray  # never missing: a row without a level has the level "" (PA203)
    entry_level: np.ndarray  # the level its cell writes, not its agencies' (PA201)
    unit: np.ndarray  # never missing: 0 for every row of a list that is not per unit
    unknown_level: int = -1  # the `level` of a row neither its cell nor its agencies place


def build_keys(ctx: RuleContext) -> Keys:
    written = text_codes(ctx.code_keys)
    name = unmarked_codes(ctx.name_keys, ctx.name_codes)  # "X (sửa đổi)" is X listed again
    # PA201 and PA203 compare codes only between rows of one name, so the codes are
    # repaired only where a name repeats; elsewhere any number does (the one as written).
    code = written
    twice = (name >= 0) & repeated(name)
    if twice.any():
        codes = ctx.code_keys[twice]
        repaired = bare_as_local(repaired_code_keys(codes), name[twice])
        if repaired is not codes:
            numbers = text_codes(repaired)
            code = written.copy()
            code[twice] = np.where(numbers >= 0, numbers + written.max(initial=0) + 1, -1)
    levels = ctx.level_keys  # a category: its codes
    level = levels.cat.codes.to_numpy(dtype=np.int64)
    # One code is one procedure of the national database at one level: an entry is
    # compared at the level its cell writes, not the one its agencies work at.
    kinds = levels.cat.categories
    by_agency = np.array([key.startswith(BY_AGENCY) for key in kinds], dtype=bool)
    entry_level = level
    empty = int(np.flatnonzero(kinds == "")[0]) if "" in kinds else -1
    if by_agency.any():
        entry_level = np.where(by_agency[level], empty, level)
    return Keys(code, written, name, level, entry_level, ctx.unit_ids(), empty)


def duplicate_keys(ctx: RuleContext) -> Keys:
    return ctx.shared("duplicates", lambda: build_keys(ctx))


def prefetch_keys(ctx: RuleContext) -> None:
    # The name keys are the first step of PA204's build on the worker thread: the rules'
    # thread runs the other rules meanwhile instead of waiting for them here.
    ctx.prefetch_name_keys()
    ctx.prefetch("duplicates", lambda: build_keys(ctx))


def pair_numbers(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """One number per distinct pair (a, b) of numbers from -1 up, from 0 up."""
    numbers: np.ndarray = pd.factorize(a * (int(b.max(initial=0)) + 2) + (b + 1))[0]
    return numbers


def repeated(numbers: np.ndarray) -> np.ndarray:
    """Where a number (from -1 up) occurs more than once: only such rows can be in a group,
    and they are few, so the pairing is done on them alone."""
    shifted = numbers + 1
    # Counts compared once, then looked up: a table of bools, not of counts, gathered.
    repeated: np.ndarray = (np.bincount(shifted) > 1)[shifted]
    return repeated


def variety(groups: np.ndarray, values: np.ndarray) -> np.ndarray:
    """For each row, how many distinct values its group holds (groups from 0 up)."""
    pairs = pair_numbers(groups, values)
    group_of_pair = np.zeros(pairs.max(initial=-1) + 1, dtype=np.int64)
    group_of_pair[pairs] = groups
    variety: np.ndarray = np.bincount(group_of_pair, minlength=groups.max(initial=-1) + 1)[groups]
    return variety


@dataclass(frozen=True)
class Others:
    """The rows of a group that differ from one row: the first few, and how many in all."""

    first: list[Any]  # frame index labels, at most SHOWN_ROWS of them
    rows: int
    variants: int  # distinct sub-keys among them (names for PA202, codes for PA203)
    # Where sub-keys from `others_in_groups`' `lone` on stand for rows with no value (PA203's rows
    # without a code, each a sub-key of its own): how many such rows there are, not counted
    # in `variants`, and the first of the others that has a value (None: none has).
    lone: int = 0
    valued: Any = None


def others_in_groups(
    labels: pd.Index,
    groups: np.ndarray,
    subkeys: np.ndarray,
    describe: Callable[[object, Others], str],
    lone: int | None = None,
) -> pd.Series:
    """For each grouped row (`labels`, in frame order), a text naming the rows of its group
    whose sub-key differs. Sub-keys from `lone` on (if given) stand for rows without a value,
    each its own: they are counted apart from the values (`Others.lone`).

    Loops over the rows already found duplicated, never over the whole frame, and looks at
    most a few rows past each sub-key, so one name repeated 100,000 times stays linear.
    """
    order = np.argsort(groups, kind="stable")  # each group together, in frame order
    members_of = np.asarray(labels, dtype=object)[order].tolist()
    subkeys_of = subkeys[order].tolist()
    bounds = [0, *(np.flatnonzero(np.diff(groups[order])) + 1).tolist(), len(order)]
    texts: list[str] = []
    for start, end in pairwise(bounds):
        members, sub = members_of[start:end], subkeys_of[start:end]
        sizes = Counter(sub)
        # The values in their first row's order, and the first two values' first rows.
        values = [key for key in sizes if lone is None or key < lone]
        lone_rows = len(members) - sum(sizes[key] for key in values)
        firsts = {key: members[sub.index(key)] for key in values[:2]}
        found: dict[object, Others] = {}
        for i, key in zip(members, sub, strict=True):
            if key not in found:
                others = (j for j, k in zip(members, sub, strict=True) if k != key)
                valued = lone is None or key < lone
                other_value = next((v for v in values[:2] if v != key), None)
                found[key] = Others(
                    list(islice(others, SHOWN_ROWS)),
                    len(members) - sizes[key],
                    len(values) - valued,
                    lone_rows - (not valued),
                    None if other_value is None else firsts[other_value],
                )
            texts.append(describe(i, found[key]))
    return pd.Series(texts, index=members_of, dtype="object")


def told_by_agency(ctx: RuleContext, rows: np.ndarray, entry: np.ndarray) -> np.ndarray:
    """The entries of `rows` told apart by their agency where an entry's rows name several:
    one procedure under each of its units, row by row (an export sorted by procedure, not by
    unit), is listed once per unit, not twice. A row naming no agency is compared with the
    rest where they name one agency, else with the rows naming none."""
    # One number per agency key ("UBND huyện X" is "Ủy ban nhân dân huyện X", "Sở TN&MT" is
    # "Sở Tài nguyên và Môi trường") of each distinct agency, then of no agency (-1, the
    # last): the rows take theirs by their agency's code.
    codes, uniques = ctx.distinct("agency")
    key_of_value = pd.factorize(pd.Series([agency_key(str(value)) for value in uniques]))[0]
    agency = np.append(key_of_value, -1).astype(np.int64)[np.asarray(codes)[rows]]
    named = agency >= 0
    groups = pd.factorize(entry)[0]
    several = np.zeros(len(rows), dtype=bool)
    several[named] = variety(groups[named], agency[named]) > 1
    split = np.zeros(groups.max(initial=-1) + 1, dtype=bool)
    split[groups[several]] = True
    # Rows are told apart only where their agencies do not overlap (`agency_sets`).
    at = np.flatnonzero(split[groups] & named)
    agency[at] = joined_by_cells(groups[at], np.asarray(codes)[rows[at]], uniques, agency[at])
    told: np.ndarray = pd.factorize(
        np.where(split[groups], pair_numbers(groups, agency), -1 - groups)
    )[0]
    return told


def lookup(column: pd.Series, mask: np.ndarray) -> dict[object, object]:
    """The values of `column` at the rows `mask` holds, by index label."""
    return dict(zip(column.index[mask], column[mask].tolist(), strict=True))


def units_of(ctx: RuleContext, mask: np.ndarray) -> dict[object, str]:
    """The unit each row `mask` holds belongs to, by index label, in a per-unit list; ""
    for a row naming no unit, and no rows at all in a list that is not per unit."""
    units = ctx.units
    if units is None:
        return {}
    labels = np.array([*units.labels, ""], dtype=object)[units.ids[mask]]  # -1: the last
    return dict(zip(ctx.frame.index[mask], labels.tolist(), strict=True))
