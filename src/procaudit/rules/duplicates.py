"""Procedures listed more than once: the same entry twice, one code for two names, one name
under two codes. Names and levels are compared with `text.comparison_key`."""

from __future__ import annotations

import pandas as pd

from procaudit.model import Severity
from procaudit.rules.context import RuleContext
from procaudit.rules.hits import hits, no_hits
from procaudit.rules.registry import frame_rule


def _others(groups: pd.Series, describe_other) -> pd.Series:
    """For each grouped row, a text naming the other rows of its group.

    Loops over the groups only: `groups` holds just the rows already found duplicated.
    """
    texts: dict[object, str] = {}
    for _, members in groups.groupby(groups, sort=False):
        index = list(members.index)
        for i in index:
            others = [j for j in index if j != i]
            texts[i] = describe_other(i, others)
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

    def describe(_: object, others: list) -> str:
        return f"The same procedure is also listed on {ctx.row_list(others)}."

    return hits(
        ctx.frame,
        duplicated,
        "name",
        _others(groups, describe),
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
    names = key["name"]

    def describe(i: object, others: list) -> str:
        different = [j for j in others if names[j] != names[i]]
        first = frame.at[different[0], "name"]
        also = f" and {len(different) - 1} other names" if len(different) > 1 else ""
        return (
            f"The code {frame.at[i, 'code'].strip()} is also used for '{first}'{also} "
            f"on {ctx.row_list(different)}."
        )

    mask = frame.index.isin(conflicted)
    return hits(
        frame,
        pd.Series(mask, index=frame.index),
        "code",
        _others(groups, describe),
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

    def describe(i: object, others: list) -> str:
        other_codes = [j for j in others if code_key[j] != code_key[i]]
        code = codes[other_codes[0]]
        under = f"under code {code}" if isinstance(code, str) else "without a code"
        return f"The same name is also listed on {ctx.row_list(other_codes)} ({under})."

    mask = pd.Series(frame.index.isin(shared.index), index=frame.index)
    return hits(
        frame,
        mask,
        "name",
        _others(groups, describe),
        "If the rows are one procedure, keep one with the right code; if they are different "
        "procedures, make their names say how they differ.",
    )
