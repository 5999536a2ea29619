"""Agency names as PA504 and the units compare them: lower-case words without punctuation,
"và" dropped, and the abbreviations officials use written out (data/agency_abbreviations.csv):
they write "Sở TN&MT", "Sở Nông nghiệp và PTNT" and "Sở Lao động, Thương binh và XH" as
often as the names."""

from __future__ import annotations

import re
from functools import cache

from procaudit.vn.data_files import data_rows
from procaudit.vn.text import comparison_key

_PUNCTUATION = re.compile(r"[^\w]+")


def _words(text: str) -> str:
    """Lower-case words without punctuation and without "và" (written "và", "&", "," or not
    at all between the parts of one name)."""
    return " ".join(w for w in _PUNCTUATION.sub(" ", comparison_key(text)).split() if w != "và")


@cache
def _abbreviations() -> tuple[re.Pattern[str], dict[str, str]]:
    """data/agency_abbreviations.csv as one pattern over `_words` and what each match stands
    for: "tn mt" -> "tài nguyên môi trường"."""
    rows = data_rows("agency_abbreviations.csv")
    expansions = {_words(row["abbreviation"]): _words(row["expansion"]) for row in rows}
    # The longest first, so that "lđ tb xh" wins over "xh".
    alternatives = "|".join(re.escape(a) for a in sorted(expansions, key=len, reverse=True))
    return re.compile(rf"(?<!\S)(?:{alternatives})(?!\S)"), expansions


def agency_words(text: str) -> str:
    """An agency name as PA504 compares it: `_words` with the abbreviations officials use
    written out ("Sở TN&MT", "Sở Tài nguyên và Môi trường" -> "sở tài nguyên môi trường")."""
    pattern, expansions = _abbreviations()
    return pattern.sub(lambda match: expansions[match.group(0)], _words(text))
