"""Read a level column written as a database's codes, and say when a level column cannot be
read at all.

One-stop systems export the level as codes: `CAP_THUC_HIEN` holding HUYEN, TINH, XA, BO, or
CAP_HUYEN. Bare, "xa" and "bo" are other words, so these are read only in a level column
whose values are mostly such codes (`CLEAR` of its filled cells, as io/values.py decides a
column by its values): there each code is read as the level it names, written as the
catalogues write it ("HUYEN" -> "Cấp huyện"), so that every level rule reads it. Numbers
(1/2/3/4) are not read: systems number their levels in different orders. A level column of
which no value names a level is said in a note, once, rather than left silent: the level
rules see none of it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import pandas as pd
import pyarrow.compute as pc

from procaudit.catalogue.text_columns import arrow_chunks
from procaudit.core.i18n import t
from procaudit.io.value_profile import CLEAR, MIN_CELLS, SHOWN
from procaudit.vn.levels import code_levels, describe, level_ids


@dataclass(frozen=True)
class LevelReading:
    """How a table's level column was read, where it was not read as written: the codes
    read as levels, or, where none of its values names a level, some of them."""

    codes: tuple[str, ...] = ()
    unread: tuple[str, ...] = ()


def read_level_codes(frame: pd.DataFrame) -> LevelReading | None:
    """The level column of `frame` read, its codes written as levels in place (see the
    module); how, where it was not read as written."""
    if "level" not in frame:
        return None
    # Its distinct values and how many cells hold each, nulls left out: Arrow's count is a
    # thirtieth of pandas' on a commune's list, and every table is read so.
    column = frame["level"]
    texts = column.array
    chunks = texts.__arrow_array__() if hasattr(texts, "__arrow_array__") else None
    counted = pc.value_counts(chunks if chunks is not None else arrow_chunks(column))
    pairs = [
        (value, count)
        for value, count in zip(
            counted.field("values").to_pylist(), counted.field("counts").to_pylist(), strict=True
        )
        if value is not None  # the empty cells
    ]
    values = [value for value, _ in pairs]
    counts = [count for _, count in pairs]
    filled = sum(counts)
    if filled < MIN_CELLS:
        return None
    read = [_reading(value) for value in values]
    coded = sum(count for count, (codes, _) in zip(counts, read, strict=True) if codes)
    written = {
        value: describe(codes)
        for value, (codes, as_written) in zip(values, read, strict=True)
        if codes is not None and codes != as_written
    }
    if coded >= CLEAR * filled and written:
        frame["level"] = column.replace(written).astype("str")
        return LevelReading(codes=tuple(written)[:SHOWN])
    if any(as_written for _, as_written in read):
        return None
    return LevelReading(unread=tuple(values)[:SHOWN])


# Memoised: a folder of communes' lists repeats the same few level values in every file.
@lru_cache(maxsize=4096)
def _reading(value: str) -> tuple[frozenset[str] | None, frozenset[str]]:
    """The levels a value names as a code (None if it is none), and as written."""
    return code_levels(value), level_ids(value)


def level_note(reading: LevelReading, header: str) -> str:
    """What the report says of a level column read otherwise than as written."""
    if reading.codes:
        return t(
            "column {header} holds levels as codes, read as the levels they name ({read})",
            "cột {header} ghi cấp thực hiện bằng mã, được đọc là cấp tương ứng ({read})",
            header=header,
            read=", ".join(
                f"{code} = {describe(code_levels(code) or frozenset())}" for code in reading.codes
            ),
        )
    return t(
        "column {header} is read as the level, but none of its values names a level "
        "({examples}, …): the level rules (PA501, PA502) cannot check it; write the levels "
        "as 'Cấp tỉnh', 'Cấp xã'",
        "cột {header} được đọc là cột cấp thực hiện, nhưng không giá trị nào chỉ một cấp "
        "({examples}, …): các quy tắc về cấp thực hiện (PA501, PA502) không kiểm tra được; "
        "hãy ghi cấp như 'Cấp tỉnh', 'Cấp xã'",
        header=header,
        examples=", ".join(f"'{value}'" for value in reading.unread),
    )
