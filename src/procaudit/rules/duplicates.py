"""Procedures listed more than once: the same entry twice, one code for two names, one name
under two codes. Names and levels are compared with `text.comparison_key`."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from itertools import islice, pairwise

import numpy as np
import pandas as pd

from procaudit.model import Severity
from procaudit.rules.context import SHOWN_ROWS, RuleContext
from procaudit.rules.hits import hits, no_hits
from procaudit.rules.registry import frame_rule
from procaudit.text_columns import text_codes


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" + ("" if number == 1 else "s")


@dataclass(frozen=True)
class Keys:
    """The compared keys as numbers (equal keys, equal numbers; -1 where missing): a million
    rows are grouped on integers, not on text."""

    code: np.ndarray
    name: np.ndarray
    level: np.ndarray  # never missing: a row without a level has the level ""


def _build_keys(ctx: RuleContext) -> Keys:
    return Keys(text_codes(ctx.code_keys), text_codes(ctx.name_keys), text_codes(ctx.level_keys))


def _keys(ctx: RuleContext) -> Keys:
    return ctx.shared("duplicates", lambda: _build_keys(ctx))


def _prefetch_keys(ctx: RuleContext) -> None:
    ctx.prefetch("duplicates", lambda: _build_keys(ctx))


def _pairs(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """One number per distinct pair (a, b) of numbers from -1 up, from 0 up."""
    return pd.factorize(a * (int(b.max(initial=0)) + 2) + (b + 1))[0]


def _repeated(numbers: np.ndarray) -> np.ndarray:
    """Where a number (from -1 up) occurs more than once: only such rows can be in a group,
    and they are few, so the pairing is done on them alone."""
    return np.bincount(numbers + 1)[numbers + 1] > 1


def _variety(groups: np.ndarray, values: np.ndarray) -> np.ndarray:
    """For each row, how many distinct values its group holds (groups from 0 up)."""
    pairs = _pairs(groups, values)
    group_of_pair = np.zeros(pairs.max(initial=-1) + 1, dtype=np.int64)
    group_of_pair[pairs] = groups
    return np.bincount(group_of_pair, minlength=groups.max(initial=-1) + 1)[groups]


@dataclass(frozen=True)
class Others:
    """The rows of a group that differ from one row: the first few, and how many in all."""

    first: list  # frame index labels, at most SHOWN_ROWS of them
    rows: int
    variants: int  # distinct sub-keys among them (names for PA202, codes for PA203)


def _others(
    labels: pd.Index,
    groups: np.ndarray,
    subkeys: np.ndarray,
    describe: Callable[[object, Others], str],
) -> pd.Series:
    """For each grouped row (`labels`, in frame order), a text naming the rows of its group
    whose sub-key differs.

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
        found: dict[object, Others] = {}
        for i, key in zip(members, sub, strict=True):
            if key not in found:
                others = (j for j, k in zip(members, sub, strict=True) if k != key)
                found[key] = Others(list(islice(others, SHOWN_ROWS)),
                                    len(members) - sizes[key], len(sizes) - 1)
            texts.append(describe(i, found[key]))
    return pd.Series(texts, index=members_of, dtype="object")


def _lookup(column: pd.Series, mask: np.ndarray) -> dict[object, object]:
    """The values of `column` at the rows `mask` holds, by index label."""
    return dict(zip(column.index[mask], column[mask].tolist(), strict=True))


@frame_rule("PA201", "duplicate-entry", Severity.ERROR, columns=("code", "name"),
            prefetch=_prefetch_keys)
def duplicate_entry(ctx: RuleContext) -> pd.DataFrame:
    """The same procedure listed twice: same code, same name, same level.

    A procedure listed twice is counted twice in every statistic built on the list, and the
    two copies drift apart as one is amended and the other is not. Names are compared after
    normalisation (Unicode form, case, spacing, trailing punctuation, old and new tone
    placement), so copies that differ only in typing are found too. Every row of the group
    is reported and names the others.

    **Bad**
    ```
    row 12 | 1.001193 | Đăng ký khai sinh   | Cấp xã
    row 87 | 1.001193 | ĐĂNG KÝ KHAI SINH.  | Cấp xã
    ```

    **Good**
    ```
    row 12 | 1.001193 | Đăng ký khai sinh   | Cấp xã
    ```

    **Fix**: keep one row (the one that matches the publishing decision) and delete the others.
    """
    keys = _keys(ctx)
    rows = np.flatnonzero((keys.code >= 0) & (keys.name >= 0) & _repeated(keys.code))
    entry = _pairs(_pairs(keys.code[rows], keys.name[rows]), keys.level[rows])
    again = _repeated(entry)
    duplicated = np.zeros(len(ctx.frame), dtype=bool)
    duplicated[rows[again]] = True
    if not duplicated.any():
        return no_hits()

    def describe(_: object, others: Others) -> str:
        return f"The same procedure is also listed on {ctx.row_list(others.first, others.rows)}."

    return hits(
        ctx.frame,
        pd.Series(duplicated, index=ctx.frame.index),
        "name",
        _others(ctx.frame.index[duplicated], entry[again], rows[again], describe),
        "Keep one of the rows (the one that matches the publishing decision) and delete the "
        "others.",
    )


@frame_rule("PA202", "code-conflict", Severity.ERROR, columns=("code", "name"),
            prefetch=_prefetch_keys)
def code_conflict(ctx: RuleContext) -> pd.DataFrame:
    """One code given to procedures with different names.

    A code identifies one procedure. When two differently named rows share it, at least one
    of them carries the wrong code, and every lookup by code finds the wrong procedure.

    **Bad**
    ```
    row 20 | 1.004227 | Cấp giấy phép xây dựng mới
    row 64 | 1.004227 | Cấp giấy phép di dời công trình
    ```

    **Good**
    ```
    row 20 | 1.004227 | Cấp giấy phép xây dựng mới
    row 64 | 1.009991 | Cấp giấy phép di dời công trình
    ```

    **Fix**: look the code up in the national procedure database and correct the code of the
    row it does not belong to.
    """
    frame, keys = ctx.frame, _keys(ctx)
    named = np.flatnonzero((keys.code >= 0) & (keys.name >= 0) & _repeated(keys.code))
    several = _variety(keys.code[named], keys.name[named]) > 1
    conflicted = np.zeros(len(frame), dtype=bool)
    conflicted[named[several]] = True
    if not conflicted.any():
        return no_hits()
    names, codes = _lookup(frame["name"], conflicted), _lookup(frame["code"], conflicted)

    def describe(i: object, others: Others) -> str:
        first = names[others.first[0]]
        also = f" and {_count(others.variants - 1, 'other name')}" if others.variants > 1 else ""
        return (
            f"The code {codes[i].strip()} is also used for '{first}'{also} "
            f"on {ctx.row_list(others.first, others.rows)}."
        )

    return hits(
        frame,
        pd.Series(conflicted, index=frame.index),
        "code",
        _others(frame.index[conflicted], keys.code[conflicted], keys.name[conflicted],
                describe),
        "Look the code up in the national procedure database and correct the row it does not "
        "belong to.",
    )


@frame_rule("PA203", "duplicate-name", Severity.WARNING, columns=("name",),
            prefetch=_prefetch_keys)
def duplicate_name(ctx: RuleContext) -> pd.DataFrame:
    """The same name at the same level under different codes (or without a code).

    Two procedures at one level should not share a name: either the list holds one procedure
    twice under two codes, or two different procedures whose names do not say how they
    differ. Names are compared after normalisation, so "Hoà giải" and "Hòa giải" are the
    same name, while "Cấp" and "Cáp" stay different words.

    **Bad**
    ```
    row 30 | 1.000775 | Công nhận hoà giải viên | Cấp xã
    row 91 | 2.001263 | Công nhận hòa giải viên | Cấp xã
    ```

    **Good**
    ```
    row 30 | 1.000775 | Công nhận hòa giải viên | Cấp xã
    ```

    **Fix**: if the rows are one procedure, keep one with the right code; if they are
    different procedures, make their names say how they differ.
    """
    frame, keys = ctx.frame, _keys(ctx)
    named = np.flatnonzero((keys.name >= 0) & _repeated(keys.name))
    # A row without a code differs from every other row's code.
    code = np.where(keys.code[named] >= 0, keys.code[named], len(frame) + named)
    groups = _pairs(keys.name[named], keys.level[named])
    several = _variety(groups, code) > 1
    shared = np.zeros(len(frame), dtype=bool)
    shared[named[several]] = True
    if not shared.any():
        return no_hits()
    codes = _lookup(ctx.code_keys, shared)

    def describe(_: object, others: Others) -> str:
        code = codes[others.first[0]]
        under = f"under code {code}" if isinstance(code, str) else "without a code"
        if others.variants > 1:
            under += f" and {_count(others.variants - 1, 'other code')}"
        return (
            f"The same name is also listed on {ctx.row_list(others.first, others.rows)} "
            f"({under})."
        )

    return hits(
        frame,
        pd.Series(shared, index=frame.index),
        "name",
        _others(frame.index[shared], groups[several], code[several], describe),
        "If the rows are one procedure, keep one with the right code; if they are different "
        "procedures, make their names say how they differ.",
    )
