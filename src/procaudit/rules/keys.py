"""Comparison keys shared by the rules that compare rows with each other."""

from __future__ import annotations

import pandas as pd

from procaudit.columns import ROW, SHEET
from procaudit.text import comparison_keys

# Several levels in one cell are separated by commas, semicolons or line breaks; the
# line breaks go before `comparison_keys`, which folds them into spaces.
_LEVEL_BREAKS = r"\s*[;\n]\s*"
_LEVEL_SEPARATORS = r"\s*,\s*"


def name_keys(frame: pd.DataFrame) -> pd.Series:
    return comparison_keys(frame["name"])


def level_keys(frame: pd.DataFrame) -> pd.Series:
    """One key per set of levels: "Cấp xã, Cấp tỉnh" and "cấp tỉnh; Cấp xã" are the same."""
    if "level" not in frame:
        return pd.Series("", index=frame.index, dtype="str")
    levels = frame["level"].str.replace(_LEVEL_BREAKS, ", ", regex=True)
    keys = comparison_keys(levels).fillna("")
    several = keys.str.contains(",")
    keys[several] = keys[several].str.split(_LEVEL_SEPARATORS).map(
        lambda parts: ", ".join(sorted(filter(None, parts)))
    )
    return keys


def code_keys(frame: pd.DataFrame) -> pd.Series:
    """The code as compared between rows; missing where there is no code."""
    if "code" not in frame:
        return pd.Series(pd.NA, index=frame.index, dtype="str")
    return frame["code"].str.strip()


def row_list(frame: pd.DataFrame, index: list, limit: int = 5) -> str:
    """Where the rows at `index` are, as the user numbers them: "row 17", "lines 3 and 9",
    "rows 3, 9, 17, 20, 31 and 6 more" (CSV records are numbered by line)."""
    rows = frame.loc[index, ROW].tolist()
    unit = "row" if pd.notna(frame.loc[index[0], SHEET]) else "line"
    shown = [str(row) for row in rows[:limit]]
    if len(rows) > limit:
        return f"{unit}s {', '.join(shown)} and {len(rows) - limit} more"
    if len(shown) == 1:
        return f"{unit} {shown[0]}"
    return f"{unit}s {', '.join(shown[:-1])} and {shown[-1]}"
