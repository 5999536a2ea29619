"""The keys under which two versions' values are the same value.

Re-typed spacing, Unicode form, case, trailing punctuation and old/new tone placement are not
changes (`text.comparison_key`); levels are compared as the set of levels they name ("Cấp
tỉnh, Cấp xã" = "cấp xã, cấp Tỉnh"), and dates as the day they name ("15/8/2025" =
"15/08/2025" = "2025-08-15"). Codes and names are folded by pyarrow kernels; Python runs once
per distinct level or date, never per row.
"""

from __future__ import annotations

import pandas as pd
import pyarrow.compute as pc

from procaudit.catalogue.text_columns import (
    SPACES,
    arrow_text,
    comparison_keys,
    map_distinct,
    re2_class,
    text_series,
)
from procaudit.vn.dates import read_date
from procaudit.vn.levels import level_ids
from procaudit.vn.text import comparison_key

_SPACE_RUN = f"[{re2_class(SPACES)}]+"
# The national part of a code key: local codes append the agency's ID after a dot
# ("1.000494.000.00.00.H29", "1.012753.H19"); the same pattern as `reference.NATIONAL_CODE`
# on text that has no spaces left.
_NATIONAL = r"^(?P<national>\d\.\d{6})(?:\.|$)"


def code_keys(codes: pd.Series) -> pd.Series:
    """Codes without any spacing, in upper case (".h29" = ".H29"); blank is missing."""
    texts = pc.utf8_upper(pc.replace_substring_regex(arrow_text(codes), _SPACE_RUN, ""))
    keys = text_series(texts, codes.index)
    return keys.where(keys.ne(""))


def national_keys(code_keys: pd.Series) -> pd.Series:
    """The national part of each code key ("1.000494" of "1.000494.000.00.00.H29"); missing
    where a code has none."""
    found = pc.extract_regex(arrow_text(code_keys), _NATIONAL)
    return text_series(pc.struct_field(found, "national"), code_keys.index)


def level_key(text: str) -> str:
    """The levels a cell names, in a fixed order; text naming no level is kept as text."""
    levels = level_ids(text)
    return ",".join(sorted(levels)) if levels else comparison_key(text)


def date_key(text: str) -> str:
    """The day a date cell names (ISO), or the text itself where it names none."""
    read = read_date(text)
    return read.value.isoformat() if read.value is not None else comparison_key(text)


def value_keys(field: str, values: pd.Series) -> pd.Series:
    """The comparison keys of one field's values; missing and blank stay missing."""
    if field == "code":
        return code_keys(values)
    if field == "level":
        keys = map_distinct(values, level_key)
    elif field == "decision_date":
        keys = map_distinct(values, date_key)
    else:
        keys = comparison_keys(values)
    return keys.where(keys.ne(""))
