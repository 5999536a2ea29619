"""Codes written in the names' cells: "1.004629 - Điều chỉnh nội dung Thư phê duyệt".

A list without a code column sometimes writes each procedure's code into its name's cell,
before the name ("1.004629 - …", "[1.004629] …", "1.004629. …") or after it in brackets
("… (1.004629)", "… (Mã: 1.004629)"). Read as names, they hide what the rules look for: one
name under two codes (PA203) is two different names, two names a code apart look alike
(PA204), and the code rules have no column to check. Where most names of a table carry a
well-formed code in one of those two places, the code becomes the table's code column and
the name the rest of the cell; a name whose code is malformed ("2000648 - …") gives it to
the code rules all the same. `fix` still repairs the cell as the file holds it.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

# A national code, or a local one with the agency's suffix ("1.000494.000.00.00.H29",
# "1.012753.H19"): what tells that a table writes its codes in its names.
_WELL_FORMED = r"\d\.\d{6}(?:\.\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}|\.[A-Z]\d{2})?"
# Any code once a table is known to write them so: digits with dots or commas and a suffix,
# or a long run of digits ("2000648", a code kept as a number); not "2" or "15 ngày".
ANY_CODE = r"(?:\d+(?:[.,]\d+)+(?:\.[0-9A-Za-z]+)*|\d{5,})"
_LABEL = r"(?:mã(?:\s+(?:số|tthc|thủ tục))?\s*:?\s*)?"


def _before(code: str) -> re.Pattern[str]:
    return re.compile(
        rf"^\s*[\[(]?{_LABEL}(?P<code>{code})[\])]?\s*[-–—:;,.)]?\s+(?P<name>\S.*)$",
        re.IGNORECASE | re.DOTALL,
    )


def _after(code: str) -> re.Pattern[str]:
    return re.compile(
        rf"^(?P<name>.*?\S)\s*[-–—]?\s*[\[(]{_LABEL}(?P<code>{code})[\])]\s*$",
        re.IGNORECASE | re.DOTALL,
    )


_BEFORE, _AFTER = _before(ANY_CODE), _after(ANY_CODE)
_CARRYING = (_before(_WELL_FORMED), _after(_WELL_FORMED))
_SHARE = 0.5  # of a table's names, carrying a well-formed code in one place


def split_name_codes(frame: pd.DataFrame) -> int:
    """Move the codes a table writes in its names' cells into its `code` column (`frame` is
    changed in place); how many names gave one. Nothing is moved where the table has a code
    column, or where fewer than half its names carry a well-formed code in the same place.
    Once one place holds them, a name may still carry its code in the other (a list typed
    by several hands): each name's code is taken from before it, else from after it. Each
    distinct name is matched once: a stacked list repeats its names."""
    if "code" in frame or "name" not in frame:
        return 0
    codes, names = pd.factorize(frame["name"])
    distinct = pd.Series(names, dtype="str")
    if distinct.empty:
        return 0
    weights = np.bincount(codes[codes >= 0], minlength=len(distinct))  # each name's rows
    if all(
        weights[distinct.str.match(strict).fillna(False).to_numpy(dtype=bool)].sum()
        < _SHARE * weights.sum()
        for strict in _CARRYING
    ):
        return 0
    parts = distinct.str.extract(_BEFORE)
    after = parts["code"].isna()
    if after.any():
        later = distinct[after].str.extract(_AFTER)
        parts.loc[after, "code"], parts.loc[after, "name"] = later["code"], later["name"]
    found = parts["code"].notna()
    code = parts["code"].where(found).to_numpy()[codes]
    name = parts["name"].where(found, distinct).to_numpy()[codes]
    missing = codes < 0
    frame["code"] = pd.Series(code, index=frame.index, dtype="str").mask(missing)
    frame["name"] = pd.Series(name, index=frame.index, dtype="str").mask(missing)
    return int(weights[found.to_numpy()].sum())
