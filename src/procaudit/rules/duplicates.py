"""Procedures listed more than once: the same entry twice, one code for two names, one name
under two codes. Names and levels are compared with `text.comparison_key`."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from itertools import islice

import pandas as pd

from procaudit.model import Severity
from procaudit.rules.context import SHOWN_ROWS, RuleContext
from procaudit.rules.hits import hits, no_hits
from procaudit.rules.registry import frame_rule


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" + ("" if number == 1 else "s")


@dataclass(frozen=True)
class Others:
    """The rows of a group that differ from one row: the first few, and how many in all."""

    first: list  # frame index labels, at most SHOWN_ROWS of them
    rows: int
    variants: int  # distinct sub-keys among them (names for PA202, codes for PA203)


def _others(
    groups: pd.Series, subkeys: pd.Series, describe: Callable[[object, Others], str]
) -> pd.Series:
    """For each grouped row, a text naming the rows of its group whose sub-key differs.

    Loops over the rows already found duplicated, never over the whole frame, and looks at
    most a few rows past each sub-key, so one name repeated 100,000 times stays linear.
    """
    texts: dict[object, str] = {}
    for _, members_series in groups.groupby(groups, sort=False):
        members = list(members_series.index)
        sub = dict(zip(members, subkeys.loc[members], strict=True))
        sizes = Counter(sub.values())
        found: dict[object, Others] = {}
        for i in members:
            key = sub[i]
            if key not in found:
                first = list(islice((j for j in members if sub[j] != key), SHOWN_ROWS))
                found[key] = Others(first, len(members) - sizes[key], len(sizes) - 1)
            texts[i] = describe(i, found[key])
    return pd.Series(texts, dtype="object")


@frame_rule("PA201", "duplicate-entry", Severity.ERROR, columns=("code", "name"))
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
    key = pd.DataFrame({"code": ctx.code_keys, "name": ctx.name_keys, "level": ctx.level_keys})
    candidate = key["code"].notna() & key["name"].notna()
    duplicated = candidate & key.duplicated(keep=False)
    if not duplicated.any():
        return no_hits()
    groups = key[duplicated].groupby(["code", "name", "level"], sort=False).ngroup()

    def describe(_: object, others: Others) -> str:
        return f"The same procedure is also listed on {ctx.row_list(others.first, others.rows)}."

    rows_themselves = pd.Series(groups.index, index=groups.index)
    return hits(
        ctx.frame,
        duplicated,
        "name",
        _others(groups, rows_themselves, describe),
        "Keep one of the rows (the one that matches the publishing decision) and delete the "
        "others.",
    )


@frame_rule("PA202", "code-conflict", Severity.ERROR, columns=("code", "name"))
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
    frame = ctx.frame
    key = pd.DataFrame({"code": ctx.code_keys, "name": ctx.name_keys}).dropna()
    names_per_code = key.groupby("code")["name"].transform("nunique")
    conflicted = names_per_code[names_per_code > 1].index
    if conflicted.empty:
        return no_hits()
    groups = key.loc[conflicted, "code"]

    def describe(i: object, others: Others) -> str:
        first = frame.at[others.first[0], "name"]
        also = f" and {_count(others.variants - 1, 'other name')}" if others.variants > 1 else ""
        return (
            f"The code {frame.at[i, 'code'].strip()} is also used for '{first}'{also} "
            f"on {ctx.row_list(others.first, others.rows)}."
        )

    mask = frame.index.isin(conflicted)
    return hits(
        frame,
        pd.Series(mask, index=frame.index),
        "code",
        _others(groups, key.loc[conflicted, "name"], describe),
        "Look the code up in the national procedure database and correct the row it does not "
        "belong to.",
    )


@frame_rule("PA203", "duplicate-name", Severity.WARNING, columns=("name",))
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
    frame, codes = ctx.frame, ctx.code_keys
    # A row without a code differs from every other row's code.
    code_key = codes.fillna(pd.Series("\0row" + frame.index.astype(str), index=frame.index))
    key = pd.DataFrame(
        {"name": ctx.name_keys, "level": ctx.level_keys, "code": code_key}
    ).dropna(subset=["name"])
    codes_per_name = key.groupby(["name", "level"])["code"].transform("nunique")
    shared = key[codes_per_name > 1]
    if shared.empty:
        return no_hits()
    groups = shared.groupby(["name", "level"], sort=False).ngroup()

    def describe(_: object, others: Others) -> str:
        code = codes[others.first[0]]
        under = f"under code {code}" if isinstance(code, str) else "without a code"
        if others.variants > 1:
            under += f" and {_count(others.variants - 1, 'other code')}"
        return (
            f"The same name is also listed on {ctx.row_list(others.first, others.rows)} "
            f"({under})."
        )

    mask = pd.Series(frame.index.isin(shared.index), index=frame.index)
    return hits(
        frame,
        mask,
        "name",
        _others(groups, shared["code"], describe),
        "If the rows are one procedure, keep one with the right code; if they are different "
        "procedures, make their names say how they differ.",
    )
