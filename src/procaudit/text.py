"""Vietnamese-aware text normalisation, the one place where text is made comparable.

Two keys are built here:
- `comparison_key` keeps every diacritic ("Cấp" and "Cáp" stay different words) but folds
  Unicode form, old/new tone placement, case, spacing and trailing punctuation;
- `header_key` is only for matching column headers against aliases: it also drops
  diacritics, because headers are often typed without them ("Ma TTHC", "ten_thu_tuc").
"""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

# Old-style tone placement puts the mark on the second vowel of an open "oa", "oe" or "uy"
# syllable ("hoà", "khoẻ", "thuỷ"); the style taught since 1980s puts it on the first
# ("hòa", "khỏe", "thủy"). Both occur in one export, and NFC does not make them equal.
_TONED = {
    "a": "àáảãạ",
    "e": "èéẻẽẹ",
    "y": "ỳýỷỹỵ",
}
_BASE_TONED = {"o": "òóỏõọ", "u": "ùúủũụ"}
_OLD_TO_NEW: dict[str, str] = {}
for first, second in (("o", "a"), ("o", "e"), ("u", "y")):
    for tone, toned_second in enumerate(_TONED[second]):
        _OLD_TO_NEW[first + toned_second] = _BASE_TONED[first][tone] + second

# Only at the end of a syllable ("hoàn" is correct in both styles) and never after "q",
# where "u" belongs to the consonant ("quý" keeps its mark on "y").
_OLD_TONE = re.compile(
    "(?<!q)(" + "|".join(sorted(_OLD_TO_NEW)) + r")(?![a-zà-ỹđ])",
)
_SPACES = re.compile(r"\s+")
_TRAILING_PUNCT = re.compile(r"[\s.,;:]+$")
_NON_ALNUM = re.compile(r"[^0-9a-z]+")


def _new_tone(match: re.Match[str]) -> str:
    return _OLD_TO_NEW[match.group(1)]


def comparison_key(text: str) -> str:
    """The form under which two names, levels or agencies are the same text."""
    text = unicodedata.normalize("NFC", text).lower()
    text = _SPACES.sub(" ", text).strip()
    text = _TRAILING_PUNCT.sub("", text)
    return _OLD_TONE.sub(_new_tone, text)


def comparison_keys(values: pd.Series) -> pd.Series:
    """`comparison_key` over a column of text, vectorised; missing values stay missing."""
    keys = values.str.normalize("NFC").str.lower()
    keys = keys.str.replace(_SPACES, " ", regex=True).str.strip()
    keys = keys.str.replace(_TRAILING_PUNCT, "", regex=True)
    return keys.str.replace(_OLD_TONE, _new_tone, regex=True)


def strip_diacritics(text: str) -> str:
    """Drop tone and vowel marks, and write "đ" as "d"."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def header_key(header: str) -> str:
    """Fold a column header to lowercase ASCII words: "Mã số TTHC" -> "ma so tthc"."""
    folded = strip_diacritics(unicodedata.normalize("NFC", header)).lower()
    return _NON_ALNUM.sub(" ", folded).strip()
