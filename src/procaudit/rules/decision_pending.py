"""Words a publishing decision's cells hold in place of the decision: "Đang cập nhật",
"Chưa có", "Chờ công bố", "Đang cập nhật QĐ", a dash or an "x" say the decision is not
recorded yet, in the number's cell and the date's alike.

Such a row is one fact, a procedure whose announcement is not recorded, and it is reported
once: by PA401 on the number's cell, as an empty one is (PA102 reads "Chưa có mã" in a code
cell as no code likewise), never by PA402 as a malformed number nor, beside it, by PA403 as
an unreadable date. A date cell saying so beside a real number is PA403's, in those words.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import numpy as np
import pandas as pd

from procaudit.core.i18n import t
from procaudit.rules.context import RuleContext
from procaudit.rules.decision_numbers import read_decision
from procaudit.rules.hits import hits
from procaudit.vn.text import fold

# Matched on the whole folded cell, its dots, dashes and brackets trimmed (nothing left: a
# cell of dashes or dots alone, Excel's way of writing "nothing here").
_NOT_YET = re.compile(
    r"(?:(?:đang|chưa|chờ|đang chờ)\s+(?:cập nhật|có|công bố|ban hành|phê duyệt|có quyết định)"
    r"(?:\s+(?:số\s+)?(?:qđ|quyết định|số|ngày|công bố|ban hành))*"
    r"|không có(?:\s+(?:qđ|quyết định))?|x|n/?a|\?+|)"
)
_TRIMMED = " .…-–—_:;()*"
_LONGEST = 40  # characters: a longer cell is no such words


def not_recorded(value: str) -> bool:
    """Whether a decision number's or date's cell says the decision is not recorded yet."""
    if len(value) > _LONGEST:
        return False
    return _NOT_YET.fullmatch(fold(value).strip(_TRIMMED)) is not None


def not_recorded_rows(values: pd.Series) -> pd.Series:
    """`not_recorded` of each cell of `values` (a few wrong cells: read once per distinct
    value); False for an empty one."""
    if values.empty:
        return pd.Series(False, index=values.index, dtype=bool)
    # One hash of the column, spread back by its codes (-1, a missing value: the last,
    # False): a `map` by a dict of them took 0.1 s at a million rows, its result cast twice.
    codes, uniques = pd.factorize(values)
    said = np.array([*map(not_recorded, uniques.tolist()), False], dtype=bool)
    return pd.Series(said[codes], index=values.index)


def number_not_recorded(value: str) -> tuple[str, str]:
    """PA401's message and fix for a number's cell `value` saying the decision is not
    recorded."""
    return (
        t(
            "The procedure's publishing decision is not recorded yet: its number's cell "
            "says '{value}'.",
            "Quyết định công bố thủ tục chưa được ghi nhận: ô số quyết định ghi '{value}'.",
            value=value.strip(),
        ),
        t(
            "Fill in the number and date of the decision that announced the procedure (e.g. "
            "1890/QĐ-UBND, 15/08/2025); if none has, it must be announced.",
            "Điền số và ngày của quyết định đã công bố thủ tục (ví dụ 1890/QĐ-UBND, "
            "15/08/2025); nếu thủ tục chưa được công bố thì phải công bố.",
        ),
    )


def date_not_recorded(value: str) -> tuple[str, str]:
    """PA403's message and fix for a date's cell `value` saying the decision's date is not
    recorded, beside a number."""
    return (
        t(
            "The publishing decision's date is not recorded yet: its cell says '{value}'.",
            "Ngày của quyết định công bố chưa được ghi nhận: ô ngày ghi '{value}'.",
            value=value.strip(),
        ),
        t(
            "Fill in the date the decision was signed (dd/mm/yyyy).",
            "Điền ngày ký quyết định (dd/mm/yyyy).",
        ),
    )


def not_recorded_hits(
    frame: pd.DataFrame, mask: pd.Series, column: str, explain: Callable[[str], tuple[str, str]]
) -> pd.DataFrame:
    """Hits on the rows of `mask` whose `column` says the decision is not recorded, each
    explained by `explain` (once per distinct value)."""
    values = frame.loc[mask.to_numpy(dtype=bool, na_value=False), column]
    said = {value: explain(value) for value in values.unique().tolist()}
    messages = values.map({value: pair[0] for value, pair in said.items()})
    fixes = values.map({value: pair[1] for value, pair in said.items()})
    return hits(frame, mask, column, messages, fixes)


def decision_statuses(ctx: RuleContext) -> pd.Series:
    """What every row's decision cell holds: "valid", "repaired" or "wrong" (see
    `read_decision`), missing where it is empty. Read once per distinct value, for PA401-PA403
    alike; three words a row kept as a category (a byte a row, not 12 MB of text at a
    million rows, held until the table's rules are done)."""
    return ctx.shared(
        "decision_status",
        lambda: ctx.map_distinct(
            "decision_no", lambda value: read_decision(value).status, dtype="category"
        ),
    )


def not_recorded_numbers(ctx: RuleContext) -> pd.Series:
    """Rows whose decision number's cell says the decision is not recorded yet: PA401's,
    neither PA402's nor, for the date beside it, PA403's (read once, for the three)."""
    return ctx.shared(
        "decision_not_recorded",
        lambda: not_recorded_rows(
            ctx.frame["decision_no"].where(decision_statuses(ctx).eq("wrong"))
        ),
    )
