"""Online public-service levels (mức độ dịch vụ công trực tuyến) read from the cells lists write.

Decree 42/2022 has two levels: "Toàn trình" (fully online) and "Một phần" (partly online). A
procedure that is no online service is "DVC cung cấp thông tin" (information only), done in
person ("Trực tiếp") or left blank. Decree 43/2011's scale of four came before: "Mức độ 3" is
about "Một phần", "Mức độ 4" about "Toàn trình", levels 1 and 2 no online service. Lists
write all of these many ways: "DVC trực tuyến toàn trình", "Trực tuyến một phần", "Một phần
(nộp trực tuyến)", "Toàn trình (mức độ 4)", "DVCTT mức độ 4", "Level 4", "Chưa cung cấp",
"TTHC không đủ điều kiện cung cấp DVCTT", and a bare "4" under "Mức độ DVC"; exports that lost
their diacritics write "Toan trinh", "Muc do 4", a database "TOAN_TRINH".

A bare number is read here as the old level it would be; whether a column's numbers are
levels at all (not counts of dossiers) is for the caller to decide from the whole column.
Left unread, because they do not say the level: "Có", "x" (there is a service) and "Trực
tuyến" alone. The two levels' initials "TT" and "MP" are read by `abbreviated_level`, for the
caller to take only from a column that holds both: "TT" alone may as well be trực tuyến or
trực tiếp.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from procaudit.vn.levels import level_ids
from procaudit.vn.text import comparison_key, strip_diacritics

FULL, PARTLY, NOT_ONLINE = "full", "partly", "not online"


@dataclass(frozen=True)
class _Words:
    """The words a cell says its level with, as patterns."""

    # Said of the level itself, on the new scale ("chưa toàn trình": not yet fully online).
    not_full: re.Pattern[str]
    full: re.Pattern[str]
    partly: re.Pattern[str]
    # "DVC cung cấp thông tin", "Dịch vụ cung cấp thông tin trực tuyến": information only.
    information: re.Pattern[str]
    # The old scale: "Mức độ 3", "mức 4", "DVCTT mức độ 4", "Mức độ: 2", "Level 4".
    old: re.Pattern[str]
    # Done in person only: "Trực tiếp", "Nộp trực tiếp" (not "Trực tiếp; Trực tuyến").
    in_person: re.Pattern[str]
    online: re.Pattern[str]
    # No service: "Không", "Chưa cung cấp", "TTHC không đủ điều kiện cung cấp DVCTT", "-".
    none: re.Pattern[str]


def _words(spelled: Callable[[str], str]) -> _Words:
    def pattern(text: str) -> re.Pattern[str]:
        return re.compile(spelled(text))

    return _Words(
        not_full=pattern(r"(?<!\w)(?:chưa|không)(?:\s+(?:đạt|được|phải))?\s+toàn trình"),
        full=pattern(r"toàn trình|(?<!\w)(?:fully|full)(?!\w)|end.to.end"),
        partly=pattern(r"một phần|(?<!\w)(?:partly|partial|partially|part)(?!\w)"),
        information=pattern(r"cung cấp thông tin|(?<!\w)information(?!\w)"),
        old=pattern(r"(?<!\w)(?:mức(?:\s+độ)?|level)\s*:?\s*([1-4])(?!\d)"),
        in_person=pattern(r"trực tiếp|(?<!\w)(?:in person|offline)(?!\w)"),
        online=pattern(r"trực tuyến|online|dvctt"),
        none=pattern(r"^(?:không|chưa|no|none|n/a)(?!\w)|^[-–—]$|không đủ điều kiện"),
    )


_MARKED = _words(lambda text: text)
# The same words typed without diacritics ("Toan trinh", "Muc do 4", a database's
# "TOAN_TRINH"): read so only in a cell that has none, where "muc" cannot be "mục".
_BARE = _words(strip_diacritics)
_LEVEL_NUMBER = re.compile(r"[1-4]")
# A count or a share ("0", "12", "40,88", "75%"): a column holding one is no column of levels.
_NUMBER = re.compile(r"\d+(?:[.,]\d+)?\s*%?")
_NEW_TO_OLD = {"4": FULL, "3": PARTLY, "2": NOT_ONLINE, "1": NOT_ONLINE}
# The initials of "Toàn trình" and "Một phần", dots and case aside ("TT", "T.T", "mp").
_ABBREVIATIONS = {"tt": FULL, "mp": PARTLY}


@lru_cache(maxsize=1024)  # an online-level column holds a few values, in file after file
def online_level(text: str) -> str | None:
    """`FULL`, `PARTLY` or `NOT_ONLINE`: the level a cell says, on the new scale or the old
    (a bare "4" read as "Mức độ 4"); None where it does not say one ("Có", "x")."""
    key, words = _read(text)
    if words.not_full.search(key):
        return NOT_ONLINE if words.information.search(key) else PARTLY
    if words.full.search(key):
        return FULL
    if words.partly.search(key):
        return PARTLY
    if words.information.search(key):
        return NOT_ONLINE
    degree = old_degree(text) or level_number(text)
    if degree is not None:
        return _NEW_TO_OLD[degree]
    if words.in_person.search(key) and not words.online.search(key):
        return NOT_ONLINE
    if words.none.search(key):
        return NOT_ONLINE
    return None


def _read(text: str) -> tuple[str, _Words]:
    """A cell's text as its words are looked for, and the words to look for: the bare ones
    in a cell with no diacritics, its underscores read as spaces ("TOAN_TRINH")."""
    key = comparison_key(text)
    if key.isascii():
        return key.replace("_", " "), _BARE
    return key, _MARKED


@lru_cache(maxsize=1024)
def old_degree(text: str) -> str | None:
    """The level of the old scale a cell is written on ("Mức độ 4", "DVCTT mức 3", "Level 2"):
    "1" to "4"; None where the cell names no old level, or names the new one too ("Toàn
    trình (mức độ 4)", "Một phần (Mức độ 3)"): that cell says its level as the reform asks.
    A bare number is `level_number`'s."""
    key, words = _read(text)
    if words.full.search(key) or words.partly.search(key) or words.information.search(key):
        return None
    match = words.old.search(key)
    return match.group(1) if match else None


def level_number(text: str) -> str | None:
    """A bare "1" to "4": the old level it is, under an online-level header."""
    stripped = text.strip()
    return stripped if _LEVEL_NUMBER.fullmatch(stripped) else None


def other_number(text: str) -> bool:
    """A bare number that is no level ("0", "12", "40,88", "75%"): a count or a share."""
    stripped = text.strip()
    return bool(_NUMBER.fullmatch(stripped)) and level_number(stripped) is None


def abbreviated_level(text: str) -> str | None:
    """`FULL` for "TT", `PARTLY` for "MP" (dots and case aside); None for anything else. Read
    only where a column holds both: "TT" alone may be trực tuyến or trực tiếp."""
    return _ABBREVIATIONS.get(comparison_key(text).replace(".", "").replace(" ", ""))


# What joins two values in one cell: "Toàn trình, Một phần", "Toàn trình/Một phần", a line
# break, "và" (and), "hoặc" (or); the headings of sub-columns a row marks both of are joined
# by ", " (io/marks.py).
_JOINED = re.compile(r"[,;/+\n]|\s(?:và|hoặc|and|or)\s", re.IGNORECASE)


@lru_cache(maxsize=1024)
def both_levels(text: str) -> bool:
    """Whether a cell gives a procedure both levels of Decree 42/2022, and nothing else:
    "Toàn trình, Một phần", "DVC toàn trình / DVC một phần". A level glossed in brackets
    ("Một phần (toàn trình với trường hợp cấp lại)") says one level, not two; so does the old
    scale ("Mức độ 3, Mức độ 4"), which PA503 reports; and so does a cell that gives each
    administrative level its own ("Cấp tỉnh: Toàn trình; Cấp xã: Một phần")."""
    parts = [part for part in _JOINED.split(text) if part.strip()]
    if len(parts) < 2 or "(" in text:
        return False
    where = [level_ids(part) for part in parts]
    if all(where) and len(set(where)) == len(where):
        return False
    if any(old_degree(part) or level_number(part) for part in parts):
        return False
    levels = [online_level(part) for part in parts]
    return set(levels) == {FULL, PARTLY}
