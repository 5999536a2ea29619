"""The column a header names that joins two alternatives: "Cơ quan/đơn vị thực hiện" is
"Cơ quan thực hiện" or "đơn vị thực hiện", "Tên TTHC/DVC" is "Tên TTHC" or "Tên DVC",
"Cơ quan, đơn vị giải quyết" is "Cơ quan giải quyết" or "đơn vị giải quyết", "Cơ quan thực
hiện/Cơ quan có thẩm quyền" either whole header.

The two are joined by a slash without spaces, or with a space on one side only ("Tên thủ
tục hành chính/ dịch vụ công", as typed; with a space on both sides, a slash parts two
languages: io/bilingual.py), or by a comma, and share the words on one side of the join.
io/header_aliases.py asks only where the header read whole names nothing; the column is the one
both readings name ("Lĩnh vực/Cấp thực hiện" heads two columns in one, and names neither).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TypeVar

_JOIN = re.compile(r"(?<=\w)/ ?(?=\w)|(?<=\w) /(?=\w)|,\s+")
# A header is a few words; a longer cell is a procedure's name or a note, read whole only.
# Each alternative is held to it, not the two together: "Cơ quan thực hiện/Cơ quan có thẩm
# quyền" joins two whole headers of 4 and 5 words.
_MOST_WORDS = 8

_Hit = TypeVar("_Hit", bound=tuple[str, int])


def either(header: str, read: Callable[[str], _Hit | None]) -> _Hit | None:
    """What `read` finds both alternatives of `header` name; None for any other text, and
    for one holding a digit (a decision number "1890/QĐ-UBND", a date)."""
    for first, second in _readings(header):
        hits = (read(first), read(second))
        if hits[0] is not None and hits[1] is not None and hits[0][0] == hits[1][0]:
            return hits[0]
    return None


def _readings(header: str) -> list[tuple[str, str]]:
    """The pairs of readings: the shorter alternative takes the other's words beyond the
    join, as many as the other leaves after one word, two... (the join's own words alone
    last)."""
    if any(char.isdigit() for char in header):
        return []
    pieces = _JOIN.split(" ".join(header.split()))
    if len(pieces) != 2:
        return []
    left, right = pieces[0].split(), pieces[1].split()
    if not left or not right or max(len(left), len(right)) > _MOST_WORDS:
        return []
    if len(left) < len(right):  # the words after the right one are shared
        pairs = [([*left, *right[k:]], right) for k in range(1, len(right) + 1)]
    else:  # the words before the left one are shared
        pairs = [(left, [*left[:k], *right]) for k in range(len(left) - 1, -1, -1)]
    return [(" ".join(first), " ".join(second)) for first, second in pairs]
