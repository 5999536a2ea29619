"""The level at which two rows are compared by the duplicate rules (PA201-PA204: "the same
procedure at the same level").

A row's level cell says it. Where a row has none (the national portal's lists have no level
column), the agencies its agency cell names may: "Sở Tư pháp" works at the province's level,
"UBND cấp xã" at the commune's, "Cục Quản lý xuất nhập cảnh" at the ministry's
(`agencies.agency_levels`). The national database gives a procedure carried out at several
levels one name and a code per level, so a name under two codes whose agencies work at two
levels is one procedure at two levels, not a name listed twice.

A level read from the agencies is weaker than one a cell writes, and kept apart (`BY_AGENCY`
before its key): a row whose level cell is empty is compared with rows whose cells are
empty too, as before, and PA204 lets a name's level tag outrank it (a district's one-stop
list holds its communes' procedures, tagged "(cấp xã)"). A local code's level mark
(`levels.local_code_levels`: "2018.BTXH.CX.06", cấp xã) outranks the agencies alike: in such
a list the agency is the district whose list it is, and the mark says the row is its
communes' procedure, not a copy of the district's own of the same name. A row whose level
none of these says is compared only with rows whose level is unknown alike.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from procaudit.catalogue.text_columns import (
    arrow_chunks,
    comparison_keys,
    elementwise,
    holding,
    transform_distinct,
)
from procaudit.io.grid import arrow_chunks as reader_chunks
from procaudit.vn.agencies import agency_levels
from procaudit.vn.levels import CODE_LEVEL_MARK, describe, local_code_levels

# Several levels in one cell are separated by commas, semicolons or line breaks; the line
# breaks become commas before `comparison_keys`, which would fold them into spaces.
_LEVEL_BREAKS = r"\s*[;\n]\s*"
_LEVEL_SEPARATORS = r"\s*,\s*"
BY_AGENCY = "agency: "  # before the key of a level read from the agencies


@elementwise
def level_cell_keys(levels: pd.Series) -> pd.Series:
    """One key per set of levels: "Cấp xã, Cấp tỉnh" and "cấp tỉnh; Cấp xã" are equal; ""
    where a cell is empty."""
    keys = comparison_keys(levels.str.replace(_LEVEL_BREAKS, ", ", regex=True)).fillna("")
    several = keys.str.contains(",")
    keys[several] = (
        keys[several]
        .str.split(_LEVEL_SEPARATORS)
        .map(lambda parts: ", ".join(sorted(filter(None, parts))))
    )
    return keys


@elementwise
def agency_level_keys(agencies: pd.Series) -> pd.Series:
    """The key of the levels an agency cell's agencies work at, as a level cell naming them
    has it, after `BY_AGENCY` ("Sở Tư pháp": "agency: cấp tỉnh"); "" where their names say
    none."""
    named = agencies.map(
        lambda cell: describe(agency_levels(cell)) if isinstance(cell, str) else ""
    )
    keys = level_cell_keys(named.astype("str"))
    return keys.where(keys == "", BY_AGENCY + keys)


def _any_marked(codes: pd.Series) -> bool:
    """Whether a code of the column has a level mark: one Arrow search on the reader's
    blocks, no factorising (that would cost a millisecond on every list, nearly all without
    marks)."""
    chunks = reader_chunks(codes)  # shared, not copied; None for a column of objects
    if chunks is None:
        try:
            chunks = arrow_chunks(codes)
        except (pa.ArrowInvalid, pa.ArrowTypeError):  # codes kept as numbers among texts
            chunks = arrow_chunks(codes.map(str, na_action="ignore"))
    if chunks.null_count == len(chunks):
        return False
    # A mark holds an "x" (any case, and no other character folds to it): the regex runs on
    # the few codes holding one (a byte scan, a tenth of RE2's 50 ms on a million codes).
    may = holding(chunks, _MARK_LETTERS)
    if not may.any():
        return False
    return bool(pc.any(pc.match_substring_regex(chunks.filter(may), CODE_LEVEL_MARK)).as_py())


_MARK_LETTERS = "xX"  # in every match of CODE_LEVEL_MARK


@elementwise
def code_level_keys(codes: pd.Series) -> pd.Series:
    """The key of the level a local code's mark names, after `BY_AGENCY` ("2018.TP.CX.014":
    "agency: cấp xã"); "" where a code has none (every national code)."""
    keys = pd.Series("", index=codes.index, dtype="object")
    if pd.api.types.is_numeric_dtype(codes):  # codes kept as numbers: no marks
        return keys
    marked = codes.str.contains(CODE_LEVEL_MARK, regex=True).fillna(False).astype(bool)
    if marked.any():
        named = codes[marked].map(lambda code: describe(local_code_levels(code)))
        keys[marked] = level_cell_keys(named.astype("str")).map(
            lambda key: BY_AGENCY + key if key else ""
        )
    return keys


def compared_levels(
    levels: tuple[np.ndarray, pd.Index] | None,
    agencies: tuple[np.ndarray, pd.Index] | None,
    index: pd.Index,
    procedure_codes: pd.Series | None = None,
) -> pd.Series:
    """Each row's level key (a category: a byte a row), of the factorised level and agency
    columns and the code column (None where a table has no such column): the level cell's,
    else the code's level mark's, else the agencies' (both after `BY_AGENCY`), else ""."""
    if levels is None:
        keys = pd.Series([""])
        of_row = np.zeros(len(index), dtype=np.int64)
    else:
        codes, uniques = levels
        keys = transform_distinct(uniques, level_cell_keys)
        of_row = np.asarray(codes, dtype=np.int64) % len(keys)  # -1, missing: the last
    if agencies is not None:
        unknown = (keys == "").to_numpy(dtype=bool)[of_row]  # on the few keys, then the rows
        if unknown.any():
            agency_codes, agency_uniques = agencies
            by_agency = transform_distinct(agency_uniques, agency_level_keys)
            known = len(keys)
            keys = pd.concat([keys, by_agency], ignore_index=True)
            taken = np.asarray(agency_codes, dtype=np.int64) % len(by_agency)
            of_row = np.where(unknown, known + taken, of_row)
    if procedure_codes is not None and _any_marked(procedure_codes):
        code_codes, code_uniques = pd.factorize(procedure_codes)
        by_code = transform_distinct(code_uniques, code_level_keys)
        marked = (by_code != "").to_numpy(dtype=bool)
        if marked.any():
            taken = np.asarray(code_codes, dtype=np.int64) % len(by_code)
            # The level cell outranks the mark; the agencies do not.
            cell = keys.str.startswith(BY_AGENCY).to_numpy(dtype=bool) | (keys == "").to_numpy(
                dtype=bool
            )
            use = cell[of_row] & marked[taken]
            known = len(keys)
            keys = pd.concat([keys, by_code], ignore_index=True)
            of_row = np.where(use, known + taken, of_row)
    key_of_value, distinct = pd.factorize(keys)
    return pd.Series(pd.Categorical.from_codes(key_of_value[of_row], distinct), index=index)
