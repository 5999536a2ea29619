"""Columns no header names, told by what nearly all their values say.

The headers' vocabulary (catalogue/columns.py) cannot list every way a list heads a column:
"Cấp thẩm quyền" or "Government level" over "Cấp tỉnh", "Hình thức DVCTT" over "Toàn trình",
"Ghi chú" over "Bãi bỏ", "Văn bản" over "1890/QĐ-UBND". Where no header names a column, the
first column the header leaves unread whose filled values nearly all (`value_profile.CLEAR`)
say one thing is read as it (`UNHEADED`, in order). Only the sampled cells are read, each
distinct text once. Precision first: a column of levels or statuses holds few distinct
values; a column of levels gives nearly every row its level (a "Ghi chú" naming "Cấp huyện"
on some rows tells where they came from); a column of decisions must be filled on most rows
(a notes column citing a decision on a few rows is none, and read so would leave every other
row unpublished), under a header that does not call it old ("QĐ cũ", "trước sắp xếp", "bị
thay thế"). No column whose header dates it before a change ("Cấp thực hiện cũ", "… trước
01/7/2025", "… trước đây": `vocabulary.says_past`) is read so at all: the header search left
it unread because it shows what was, and its "Cấp huyện" or "Mức độ 3" judged as the list in
force would be false errors.

Agencies are chosen so only under a header saying where the procedure applies ("Áp dụng
cho", "Nơi áp dụng": the units that do it): a list's other unread columns of agencies are
the coordinating ones ("co_quan_phoi_hop"), the issuing body, or the agency before the 2025
reform ("Cơ quan có thẩm quyền trước khi phân cấp"), whose district offices are history,
not defects.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import pyarrow as pa
import pyarrow.compute as pc

from procaudit.catalogue.status import is_status
from procaudit.io.decisions import names_a_decision
from procaudit.io.value_profile import CLEAR, MIN_CELLS, SAMPLE_ROWS, SHOWN
from procaudit.io.vocabulary import says_past
from procaudit.vn.agencies import names_an_agency
from procaudit.vn.levels import names_only_levels
from procaudit.vn.online import FULL, PARTLY, online_level
from procaudit.vn.text import header_key

# Why a column was chosen (`values.ValueChoice.reason`).
ONLINE_LEVELS = "online levels"
STATUSES = "statuses"
DECISIONS = "publishing decisions"
LEVELS = "administrative levels"
AGENCIES = "agencies"

_MOST_STATUSES = 12  # distinct values a column of statuses holds at most
_MOST_LEVELS = 20  # distinct values a column of levels holds at most (their joins spelt apart)
FILLED = 0.5  # of the rows, filled at least in a column of decisions or agencies
# A list's level column gives every row its level: a column naming a level on some rows
# only is a notes column ("Ghi chú": "Cấp huyện" where a procedure came from the district),
# whose levels are history, and read as the level would be false PA501 errors.
_LEVELS_FILLED = 0.8
# A header calling its column old: the decisions before a reform or a replacement.
_FORMER = re.compile(r"\b(?:cu|truoc|thay the|bai bo|sap xep|phan cap)\b")
# A header saying where a procedure applies: "Áp dụng cho", "Nơi áp dụng", "Phạm vi áp dụng".
_APPLIES = re.compile(r"\bap dung\b")
_PARTS = re.compile(r"[;\n]+")


def _names_online_level(text: str) -> bool:
    """Whether a cell names a service online, fully or partly, in words ("Toàn trình", "DVC
    một phần", "Mức độ 4"). Not "Không", "Trực tiếp" (a "Cách thức thực hiện"), which say
    only "not online", nor a bare number: read so only under a header naming the level."""
    return not text.strip().isdigit() and online_level(text) in (FULL, PARTLY)


def _names_agencies(text: str) -> bool:
    """Whether every line or ";"-separated part of a cell names an agency ("UBND xã Hòa An;
    UBND phường Đông Hà"), not a place or a public ("Toàn tỉnh", "Công dân Việt Nam")."""
    parts = [part.strip() for part in _PARTS.split(text)]
    return any(parts) and all(names_an_agency(part) for part in parts if part)


@dataclass(frozen=True)
class Unheaded:
    """A column told by its values: what each cell must say, how many distinct values the
    column holds at most, the share of the rows it must be filled on, the headers it is
    never and those it is only (matched on the header's key)."""

    column: str
    reason: str
    says: Callable[[str], bool]
    most: int = SAMPLE_ROWS
    filled: float = 0.0
    never: re.Pattern[str] | None = None
    only: re.Pattern[str] | None = None


# In the order they are chosen: a cell "Bãi bỏ theo Quyết định 12/QĐ-UBND" is a status.
UNHEADED: tuple[Unheaded, ...] = (
    Unheaded("online_level", ONLINE_LEVELS, _names_online_level, _MOST_LEVELS),
    Unheaded("status", STATUSES, is_status, _MOST_STATUSES),
    Unheaded("decision_no", DECISIONS, names_a_decision, filled=FILLED, never=_FORMER),
    Unheaded("level", LEVELS, names_only_levels, _MOST_LEVELS, filled=_LEVELS_FILLED),
    Unheaded("agency", AGENCIES, _names_agencies, filled=FILLED, only=_APPLIES),
)


def column_saying(
    kind: Unheaded,
    positions: Sequence[int],
    labels: Sequence[str],
    texts_of: Callable[[int], pa.Array],
    rows: int,
) -> tuple[int, tuple[str, ...]] | None:
    """The first of the columns at `positions` (their headers `labels`, their sampled filled
    texts `texts_of`, sampled from `rows` rows) whose values say what `kind` needs, with a
    few of them."""
    for position in positions:
        key = header_key(str(labels[position]))
        if says_past(key):  # what was before a change, not what is in force
            continue
        if kind.never is not None and kind.never.search(key):
            continue
        if kind.only is not None and not kind.only.search(key):
            continue
        texts = texts_of(position)
        if len(texts) < MIN_CELLS or len(texts) < kind.filled * rows:
            continue
        said = _by_values(texts, kind.says, kind.most)
        if said is not None:
            return position, said
    return None


def _by_values(texts: pa.Array, says: Callable[[str], bool], most: int) -> tuple[str, ...] | None:
    """A few of the values of a column (its filled texts) that nearly all `says`, with at
    most `most` distinct values; None where they do not."""
    counts = pc.value_counts(pc.utf8_trim_whitespace(texts))
    if len(counts) > most:
        return None
    values = counts.field("values").to_pylist()
    weights = counts.field("counts").to_pylist()
    flags = [says(value) for value in values]
    named = [value for value, flag in zip(values, flags, strict=True) if flag]
    said = sum(weight for weight, flag in zip(weights, flags, strict=True) if flag)
    return tuple(named[:SHOWN]) if said >= CLEAR * sum(weights) else None


def sampled_rows(total: int) -> int:
    """The rows a column's texts are sampled from (`value_profile.sample`)."""
    return total if total <= SAMPLE_ROWS else len(range(0, total, -(-total // SAMPLE_ROWS)))
