"""A column a header names whose values say nothing of it gives way to one whose values do.

One-stop systems and ministries' databases head a column of flags as the status
(`TRANG_THAI`: 1, 0) beside one of statuses in words (`HIEU_LUC`: "Còn hiệu lực", "Hết hiệu
lực"), their levels' ids as the level (`CAP_TH`: 2, 3) beside the levels' names (`TEN_CAP`:
"Cấp tỉnh"), and keep the online level on the scale Decree 42/2022 replaced ("Mức độ": "Mức
độ 3", "4") beside the current one ("DVC toàn trình/một phần": "Toàn trình", "Một phần").
Read by the header, the status column said nothing (a procedure "Hết hiệu lực" passed as in
force), the level column nothing (a note said so and the level rules were blind), and the
old scale was a warning on every row of a list that holds its current levels. So where no
value of the column a header chose says what the column says (`unheaded_columns.UNHEADED`'s
test), or, for the online level, nearly all say it on the old scale, the next column its
header names the same, or a column no header names, whose values nearly all say it is read
instead. Precision first: the column chosen so must be filled on most rows where no header
names it, and a column of many distinct values (text, not a few codes) is never passed over.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

import pyarrow as pa
import pyarrow.compute as pc

from procaudit.catalogue.status import status_kind
from procaudit.io.unheaded_columns import FILLED, UNHEADED, Unheaded, column_saying
from procaudit.io.value_profile import CLEAR, MIN_CELLS, SHOWN
from procaudit.vn.online import FULL, PARTLY, level_number, old_degree, online_level
from procaudit.vn.text import comparison_key

# Why a column was passed over (`values.ValueChoice.reason`).
SAYS_NOTHING = "values saying nothing of the column"
OLD_SCALE = "online levels on the old scale"

_COLUMNS = ("status", "level", "online_level")  # what a column's few values say
_MOST_DISTINCT = 50  # distinct values a column passed over holds at most


@dataclass(frozen=True)
class SaidInstead:
    """A column passed over (`passed`, for `reason`) for one whose values say `column`."""

    column: str
    passed: int
    reason: str
    passed_examples: tuple[str, ...]
    chosen: int
    chosen_reason: str
    chosen_examples: tuple[str, ...]


def said_instead(
    columns: Mapping[str, int],
    candidates: Mapping[str, tuple[int, ...]],
    given: Collection[str],
    unread: Sequence[int],
    labels: Sequence[str],
    texts_of: Callable[[int], pa.Array],
    rows: int,
    first_of: Callable[[int], list[str]],
) -> list[SaidInstead]:
    """For each of the status, level and online level columns a header chose (not `--map`'s)
    whose values say nothing of it, or the online level only on the old scale, the column
    read instead, if one says it: another of its header's `candidates`, else one of the
    `unread` columns filled on most of the `rows`. `first_of`: a column's first filled
    cells, trimmed, which settle most columns (they say it, on the new scale) at no cost."""
    found: list[SaidInstead] = []
    for kind in UNHEADED:
        if kind.column not in _COLUMNS or kind.column not in columns or kind.column in given:
            continue
        chosen = columns[kind.column]
        if _settled(kind, first_of(chosen)):
            continue
        distinct = _distinct(texts_of(chosen))
        if distinct is None:
            continue
        # The old scale first: bare "2", "3", "4" say no level in words, yet they are the
        # old scale's levels, and the note must say so, not that they are none.
        if kind.column == "online_level" and _old_scale(texts_of(chosen)):
            reason, says = OLD_SCALE, replace(kind, says=_current_level)
        elif not any(_says(kind.column, value) for value in distinct):
            reason, says = SAYS_NOTHING, kind
        else:
            continue
        others = [p for p in candidates.get(kind.column, ()) if p != chosen]
        instead = column_saying(says, others, labels, texts_of, rows) or column_saying(
            replace(says, filled=max(says.filled, FILLED)), unread, labels, texts_of, rows
        )
        if instead is not None:
            shown = tuple(distinct[:SHOWN])
            found.append(
                SaidInstead(
                    kind.column, chosen, reason, shown, *instead[:1], kind.reason, instead[1]
                )
            )
    return found


def _settled(kind: Unheaded, first: list[str]) -> bool:
    """Whether a column's first cells show it says what `kind`'s column says, on the new
    scale for the online level (half of them on the old one would not be)."""
    if not any(_says(kind.column, value) for value in set(first)):
        return False
    if kind.column != "online_level":
        return True
    old = sum(1 for value in first if old_degree(value) or level_number(value))
    return old < len(first) / 2


_KINDS = {kind.column: kind for kind in UNHEADED}


@lru_cache(maxsize=4096)  # a folder of communes' lists repeats its few statuses and levels
def _says(column: str, value: str) -> bool:
    """Whether a value says what the column says: a status also where it only stops the
    procedure ("Đóng", "Ngừng hoạt động": a one-stop system's, read as suspended)."""
    if _KINDS[column].says(value):
        return True
    return column == "status" and status_kind(comparison_key(value)) is not None


def _distinct(texts: pa.Array) -> list[str] | None:
    """A column's distinct (trimmed, filled, sampled) values, most frequent first; None
    where they are too few to judge by or too many to be a column of a few values."""
    if len(texts) < MIN_CELLS:
        return None
    counts = pc.value_counts(pc.utf8_trim_whitespace(texts))
    if len(counts) > _MOST_DISTINCT:
        return None
    order = sorted(
        zip(counts.field("counts").to_pylist(), counts.field("values").to_pylist(), strict=True),
        key=lambda pair: -pair[0],
    )
    return [str(value) for _, value in order]


def _old_scale(texts: pa.Array) -> bool:
    """Whether nearly all of a column's cells give an online level on the old scale only
    ("Mức độ 3", a bare "4")."""
    counts = pc.value_counts(texts)
    old = sum(
        item["counts"]
        for item in counts.to_pylist()
        if old_degree(str(item["values"])) or level_number(str(item["values"]))
    )
    return old >= CLEAR * len(texts)


def _current_level(text: str) -> bool:
    """Whether a cell names an online level in the reform's words ("Toàn trình", "DVC một
    phần"), not on the old scale nor by a bare number."""
    if text.strip().isdigit() or old_degree(text) is not None:
        return False
    return online_level(text) in (FULL, PARTLY)
