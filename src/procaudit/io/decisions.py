"""Split a cell that names a decision and its date into `decision_no` and `decision_date`.

Annexes often write both in one cell: "1890/QĐ-UBND ngày 15/8/2025", or in words "số
1890/QĐ-UBND ngày 15 tháng 8 năm 2025". The number goes to `decision_no`; the date goes to
`decision_date` where that is empty, written dd/mm/yyyy.
"""

from __future__ import annotations

import re

import pandas as pd

_COMBINED = re.compile(
    r"^\s*(?:số\s*:?\s*)?(?P<number>\S+?)\s*,?\s+ngày\s*:?\s*(?P<date>.+?)\s*$",
    re.IGNORECASE | re.DOTALL,
)
_WORDS_DATE = re.compile(
    r"^(?P<day>\d{1,2})\s+tháng\s+(?P<month>\d{1,2})\s+năm\s+(?P<year>\d{4})$", re.IGNORECASE
)
_SLASH_DATE = re.compile(r"^(?P<day>\d{1,2})[/.-](?P<month>\d{1,2})[/.-](?P<year>\d{4})$")


def _date_text(text: str) -> str:
    for pattern in (_WORDS_DATE, _SLASH_DATE):
        match = pattern.match(text.strip())
        if match:
            return f"{int(match['day']):02d}/{int(match['month']):02d}/{match['year']}"
    return text.strip()


def split_decisions(frame: pd.DataFrame) -> int:
    """Split combined cells in place; returns how many were split."""
    if "decision_no" not in frame:
        return 0
    parts = frame["decision_no"].str.extract(_COMBINED)
    combined = parts["number"].notna()
    if not combined.any():
        return 0
    frame.loc[combined, "decision_no"] = parts.loc[combined, "number"]
    dates = parts.loc[combined, "date"].map(_date_text)
    if "decision_date" not in frame:
        frame["decision_date"] = pd.Series(pd.NA, index=frame.index, dtype="str")
    empty = frame["decision_date"].isna() & combined
    frame.loc[empty, "decision_date"] = dates.loc[empty[empty].index]
    return int(combined.sum())
