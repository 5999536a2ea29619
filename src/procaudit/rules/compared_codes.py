"""Codes as the duplicate rules compare them (PA201-PA203, PA205): repaired, and a national
code with its local form as one code.

A code is compared after its mechanical repair (`code_repairs.repaired_code`: "1,003980" is the
code 1.003980).

A province's or a one-stop system's list writes a procedure's code as the national database
gives it (`1.001234`) or with the electronic id of the unit carrying it out appended
(`1.001234.000.00.00.H12`, short `1.001234.H12`): the national part is the procedure. So a
row `1.001234` and a row `1.001234.000.00.00.H12` of one name list one procedure twice
(PA201), not two procedures of one name (PA203); and two names under one national part are
a code conflict (PA202) whatever unit each row's suffix names. Two different suffixes name
two units, each carrying the procedure out: no copies of each other. Only codes of the
national pattern (`code_repairs.CODE_PATTERN`) are folded: a broken code is PA101's.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow.compute as pc

from procaudit.catalogue.text_columns import (
    arrow_text,
    map_distinct,
    matches,
    text_codes,
    text_series,
)
from procaudit.rules.code_repairs import CODE_PATTERN, repaired_code

# The national part of a code of the pattern; the pattern itself is checked beside it.
_NATIONAL = r"^(?P<national>[0-9]\.[0-9]{6})"
_NATIONAL_LENGTH = len("1.000000")


def repaired_code_keys(codes: pd.Series) -> pd.Series:
    """Codes (stripped) as compared between rows: each as `code_repairs.repaired_code` repairs it
    ("1,003980" and "1.003980" are one code), or as it is where it is valid or cannot be
    repaired; `codes` itself where no code changes. Only the invalid codes' distinct values
    are looked at: most codes are valid."""
    valid = matches(arrow_text(codes), CODE_PATTERN).to_numpy(zero_copy_only=False)
    invalid = codes.notna().to_numpy() & ~valid.astype(bool)
    if not invalid.any():
        return codes
    repaired = map_distinct(codes[invalid], lambda code: repaired_code(code) or code)
    if repaired.equals(codes[invalid]):
        return codes
    codes = codes.copy()
    codes[invalid] = repaired
    return codes


def _national(codes: pd.Series) -> tuple[pd.Series, np.ndarray]:
    """The national part of each code, and whether the code has the national pattern."""
    texts = arrow_text(codes)
    valid = pc.fill_null(pc.match_substring_regex(texts, CODE_PATTERN), False)
    national = pc.struct_field(pc.extract_regex(texts, _NATIONAL), [0])
    return text_series(national, codes.index), valid.to_numpy(zero_copy_only=False)


def _local(codes: pd.Series) -> bool:
    """Whether some code is longer than a national code: most lists have none."""
    return bool(pc.any(pc.greater(pc.utf8_length(arrow_text(codes)), _NATIONAL_LENGTH)).as_py())


def national_parts(codes: pd.Series) -> pd.Series:
    """The national part of each code of the national pattern ("1.001234" of
    "1.001234.000.00.00.H12"); the code as it is where it has not that pattern."""
    national, valid = _national(codes)
    return national.where(valid, codes)


def bare_as_local(codes: pd.Series, names: np.ndarray) -> pd.Series:
    """`codes` with each bare national code ("1.001234") written as the one local form of it
    ("1.001234.000.00.00.H12") that rows of its name (`names`, a number per row) carry, where
    they carry exactly one: then the two rows are one code. A bare code beside two local
    forms of it stays bare (which unit's copy it is cannot be told). `codes` itself where
    nothing changes."""
    if not _local(codes):
        return codes
    national, valid = _national(codes)
    same = national.eq(codes).fillna(False).to_numpy(dtype=bool)
    bare, local = valid & same, valid & ~same
    if not (bare.any() and local.any()):
        return codes
    forms = pd.DataFrame({"name": names[local], "national": national[local], "code": codes[local]})
    forms = forms.drop_duplicates()
    forms = forms[~forms.duplicated(["name", "national"], keep=False)]  # one local form only
    if forms.empty:
        return codes
    one_form = forms.set_index(["name", "national"])["code"]
    wanted = pd.MultiIndex.from_arrays([names[bare], codes[bare].to_numpy(dtype=object)])
    found = one_form.reindex(wanted).to_numpy(dtype=object)
    if pd.isna(found).all():
        return codes
    folded = codes.copy()
    at = np.flatnonzero(bare)[~pd.isna(found)]
    folded.iloc[at] = found[~pd.isna(found)]
    return folded


def national_codes(codes: pd.Series, written: np.ndarray) -> np.ndarray:
    """A number per code (`written`: the codes as written, numbered), equal for codes of one
    national part; `written` itself where no code is longer than a national code."""
    if not _local(codes):
        return written
    return text_codes(national_parts(codes))
