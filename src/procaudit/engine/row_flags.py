"""The scorecard's flags that each row's own cells decide: a code of PA101's pattern, a forms
cell PA301 leaves alone, a level or an agency of the district tier, a fully online service
(PA505's), a decision cell PA402 reports as an error or PA401 as saying the decision is not
recorded yet ("Đang cập nhật"; read so where PA402 did not run).
Each is read from one column (most of them a flag per distinct value, spread to the rows)
and kept in the table's context under its key, so that the scorecard
(`engine.catalogue_stats`) and the rules read one.

Being a function of each row alone (the fully online one, of the row and its own table's
column: a bare "4" is a level only where that column holds no count, which a stack's context
tells per table), a flag made once on a stack of small tables is each table's part of it:
`flag_parts` cuts them for the tables' contexts (`RuleContext.seed`), as the rules' per-row
work is cut (`RuleContext.per_row_parts`). On a folder of communes' lists
the five took ~1.1 ms a file, made table by table; PA402's own check, for a run that left
it out (`--select PA2`), 1.5 ms.
"""

from __future__ import annotations

from collections.abc import Callable, Collection

import numpy as np
import pandas as pd
import pyarrow.compute as pc

from procaudit.catalogue.text_columns import (
    SMALL_COLUMN,
    SPACES,
    arrow_text,
    matches,
    re2_class,
)
from procaudit.core.findings import Severity
from procaudit.rules import get_rule
from procaudit.rules.code_repairs import CODE_PATTERN
from procaudit.rules.context import RuleContext
from procaudit.rules.decision_pending import not_recorded_rows
from procaudit.rules.forms import LONGEST_FORM_PLACEHOLDER, no_form_named
from procaudit.rules.reform_online import FULLY_ONLINE, fully_online_rows
from procaudit.vn.agencies import district_kind
from procaudit.vn.levels import DISTRICT, level_ids

# PA101's pattern for RE2. The schema checks it with Python's `re.match`, whose "$" also
# matches before a final line break: RE2's does not, so it is allowed for here. Groups that
# capture nothing are a third faster.
_NATIONAL_CODE = CODE_PATTERN.replace("(", "(?:").removesuffix("$") + r"\n?$"  # no captures
NATIONAL_CODE = "national code"  # the key of `national_codes` in a table's shared work

# A forms cell PA301 may flag as punctuation alone holds only these characters (its
# `FORM_PLACEHOLDERS`, with the spaces Python's \s matches spelled out for RE2): a cell with
# any other is filled, unless it is short enough to be a placeholder's words.
_NOT_PLACEHOLDER = f"[^{re2_class(SPACES)}{re2_class('_.…/–—')}\\-]"


def _spread(
    ctx: RuleContext, column: str, flags_of: Callable[[pd.Index], np.ndarray]
) -> np.ndarray:
    """A flag per row from a flag per distinct value of `column` (False where missing)."""
    codes, uniques = ctx.distinct(column)
    flags = np.append(np.asarray(flags_of(uniques), dtype=bool), False)
    return flags[codes]  # the code of a missing value is -1: the last, False


def _each(func: Callable[[str], object]) -> Callable[[pd.Index], np.ndarray]:
    """`func` (a truth) on each distinct value, in Python: for the rules' Python helpers."""
    return lambda uniques: np.fromiter(
        (bool(func(value)) for value in uniques), dtype=bool, count=len(uniques)
    )


def _filled_forms(uniques: pd.Index) -> np.ndarray:
    """Which distinct forms cells PA301 leaves alone (`no_form_named`): those with a
    character a placeholder has not, and longer than a placeholder's words; the few others
    are judged by PA301's own helper."""
    if len(uniques) <= SMALL_COLUMN:  # a few dozen: PA301's own helper on each, in Python
        return _each(lambda forms: not no_form_named(str(forms)))(uniques)
    texts = arrow_text(pd.Series(uniques, dtype="str"))
    filled = matches(texts, _NOT_PLACEHOLDER).to_numpy(zero_copy_only=False).copy()
    short = pc.utf8_length(texts).to_numpy(zero_copy_only=False) <= LONGEST_FORM_PLACEHOLDER
    for position in np.flatnonzero(~filled | short).tolist():  # Python ints, as an Index is read
        filled[position] = not no_form_named(uniques[position])
    return filled


def national_codes(ctx: RuleContext) -> np.ndarray:
    """Which of the table's codes have PA101's pattern (the table has a code column): made
    here, not kept (`row_flag(ctx, NATIONAL_CODE)` keeps them)."""
    valid = matches(arrow_text(ctx.frame["code"]), _NATIONAL_CODE)
    flags: np.ndarray = valid.to_numpy(zero_copy_only=False)
    return flags


def _error_rows(ctx: RuleContext, rule_id: str) -> np.ndarray:
    """The rows a frame rule's own check reports at its error severity."""
    rule = get_rule(rule_id)
    rows = np.zeros(len(ctx.frame), dtype=bool)
    if rule is None or rule.check is None:
        return rows
    found = rule.check(ctx)
    if found.empty:
        return rows
    severity = (
        found["severity"].fillna(rule.severity)
        if "severity" in found
        else pd.Series(rule.severity, index=found.index)
    )
    errors = found.index[severity.eq(Severity.ERROR).to_numpy(dtype=bool)]
    rows[ctx.frame.index.get_indexer(errors)] = True
    return rows


# The key of PA402's error rows and of the cells PA401 reads as not recorded, which the
# scorecard's count of published procedures reads from their hits where both ran, else from
# PA402's check (a row-local rule) and the same reading as PA401's.
DECISION_ERRORS = "decision errors"
INVALID_DECISION = "PA402"


def _decision_errors(ctx: RuleContext) -> np.ndarray:
    errors = _error_rows(ctx, INVALID_DECISION)
    said: np.ndarray = not_recorded_rows(ctx.frame["decision_no"]).to_numpy(dtype=bool)
    return errors | said


Flag = Callable[[RuleContext], np.ndarray]  # a table's flags, kept in its context by key


def _spread_once(key: str, column: str, flags_of: Callable[[pd.Index], np.ndarray]) -> Flag:
    return lambda ctx: ctx.shared(key, lambda: _spread(ctx, column, flags_of))


# Each flag's key in the context (the key its maker keeps it under), the column it is read
# from, and its maker. PA505's flag is the rule's own shared work.
FLAGS: dict[str, tuple[str, Flag]] = {
    "forms filled": ("forms", _spread_once("forms filled", "forms", _filled_forms)),
    "district level": (
        "level",
        _spread_once("district level", "level", _each(lambda v: DISTRICT in level_ids(v))),
    ),
    "district agency": (
        "agency",
        _spread_once("district agency", "agency", _each(lambda v: district_kind(v) is not None)),
    ),
    FULLY_ONLINE: ("online_level", fully_online_rows),
    NATIONAL_CODE: ("code", lambda ctx: ctx.shared(NATIONAL_CODE, lambda: national_codes(ctx))),
    DECISION_ERRORS: (
        "decision_no",
        lambda ctx: ctx.shared(DECISION_ERRORS, lambda: _decision_errors(ctx)),
    ),
}
# The flags the scorecard needs only where a rule did not run: it reads that rule's hits.
_UNLESS_RAN = {DECISION_ERRORS: INVALID_DECISION}


def row_flag(ctx: RuleContext, key: str) -> np.ndarray:
    """The table's flag `key` (of `FLAGS`), made once per table, or given from its stack.
    The table must have the flag's column."""
    return FLAGS[key][1](ctx)


def flag_parts(
    ctx: RuleContext, bounds: np.ndarray, tables: list[pd.DataFrame], ran: Collection[str] = ()
) -> list[dict[str, np.ndarray]]:
    """The flags of a stack of `tables` (table i holds its rows bounds[i] to bounds[i + 1]),
    made on the stack's context and cut into each table's, for its context's `seed`; none
    that the hits of a rule in `ran` (the rules run on the stack) give. A flag of a column
    that is a category in the tables is left out, as `per_row_parts` leaves out work made of
    one."""
    parts: list[dict[str, np.ndarray]] = [{} for _ in tables]
    for key, (column, _) in FLAGS.items():
        if column not in ctx.frame or isinstance(tables[0][column].dtype, pd.CategoricalDtype):
            continue
        if _UNLESS_RAN.get(key) in ran:
            continue
        flags = row_flag(ctx, key)
        for part, start, stop in zip(parts, bounds, bounds[1:], strict=False):
            part[key] = flags[start:stop]
    return parts
