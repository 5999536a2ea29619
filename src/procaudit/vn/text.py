"""Vietnamese-aware text normalisation, the one place where text is made comparable.

Two keys are built here:
- `comparison_key` keeps every diacritic ("Cấp" and "Cáp" stay different words) but folds
  Unicode form, old/new tone placement, case, spacing, invisible characters, trailing
  punctuation and a leading list number;
- `header_key` is only for matching column headers against aliases: it also drops
  diacritics, because headers are often typed without them ("Ma TTHC", "ten_thu_tuc"), and
  reads a header typed in a legacy font as its Unicode text.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from procaudit.vn.legacy_fonts import convert, detect_legacy

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
# where "u" belongs to the consonant ("quý" keeps its mark on "y"). Character classes scan
# faster than an alternation of the fifteen pairs; `_new_pair` keeps only the real pairs.
# The parts are shared with `text_columns`, which finds the pairs with pyarrow's RE2.
TONED_SECONDS = "".join(_TONED.values())
OLD_TONE_PAIR = f"[ou][{TONED_SECONDS}]"
WORD_LETTERS = "a-zà-ỹđ"
_OLD_TONE = re.compile(f"(?<!q){OLD_TONE_PAIR}(?![{WORD_LETTERS}])")
TRAILING = " .,;:"  # punctuation a key drops at its end
# Characters that show nothing: zero-width spaces and joiners, a byte-order mark, the soft
# hyphen that Word's hyphenation and web pages leave inside words ("Đăng ký­ tập sự"). A key
# drops them: two names that read the same are one name.
INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u180e\u00ad"
_INVISIBLE = dict.fromkeys(map(ord, INVISIBLE))
# A list number typed into the cell ("1. Đăng ký khai sinh", "2.3) Cấp ..."): it numbers the
# row, not the procedure, and two copies of one name carry two numbers. Only before a word,
# so that a code or an amount ("1.000178", "2.000 đồng") keeps its digits. `text_columns`
# finds the same numbers with RE2: the two patterns are written from these parts.
LIST_NUMBER = "(?:[0-9]{1,4}(?:[.][0-9]{1,3})* ?[.)] ?)+"
_LIST_NUMBER = re.compile(f"^{LIST_NUMBER}(?=[{WORD_LETTERS}])")
_NON_ALNUM = re.compile(r"[^0-9a-z]+")
# Where a camelCase database name starts a word: "TenThuTuc", "MaTTHC", "TTHCName".
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z]{2})")


def _new_pair(match: re.Match[str]) -> str:
    pair = match.group(0)
    return _OLD_TO_NEW.get(pair, pair)


def new_tone(text: str) -> str:
    """`text` (lowercase) with old-style tone placement written in the new style."""
    return _OLD_TONE.sub(_new_pair, text)


def as_unicode(text: str) -> str:
    """`text` typed in a legacy font ("CÊp x·", TCVN3) as its Unicode conversion ("Cấp xã"),
    where `detect_legacy` tells the font; any other text as it is. What a cell says is read
    from it: a level, an agency (PA601 reports the cell itself)."""
    if text.isascii() or (encoding := detect_legacy(text)) is None:
        return text
    return convert(text, encoding)


def fold(text: str) -> str:
    """Text as words and phrases are matched in it (a heading, a level, a status): NFC,
    lowercase, single spaces; diacritics and tone placement as written."""
    return " ".join(unicodedata.normalize("NFC", text).lower().split())


def comparison_key(text: str) -> str:
    """The form under which two names, levels or agencies are the same text."""
    text = unicodedata.normalize("NFC", text).lower().translate(_INVISIBLE)
    text = " ".join(text.split()).rstrip(TRAILING)  # spacing, then trailing punctuation
    if text[:1].isdigit():
        text = _LIST_NUMBER.sub("", text)
    return new_tone(text)


def strip_diacritics(text: str) -> str:
    """Drop tone and vowel marks, and write "đ" as "d"."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    # Vietnamese marks are all in the Combining Diacritical Marks block: one `translate`
    # drops them, and only text left with other letters is looked at a character at a time.
    stripped = decomposed.translate(_COMBINING_BLOCK)
    if stripped.isascii():
        return stripped
    return "".join(ch for ch in stripped if not unicodedata.combining(ch))


_COMBINING_BLOCK = {code: None for code in range(0x300, 0x370) if unicodedata.combining(chr(code))}


# Cached: the reader folds every cell of a sheet's first rows while looking for its header,
# and a folder of communes' lists repeats the same few dozen headers in every file.
@lru_cache(maxsize=4096)
def header_key(header: str) -> str:
    """Fold a column header to lowercase ASCII words: "Mã số TTHC" -> "ma so tthc",
    `TEN_THU_TUC` and "TenThuTuc" -> "ten thu tuc". A header typed in a legacy font is
    folded as its conversion: "Tªn thñ tôc" (TCVN3) as "Tên thủ tục" (`detect_legacy` tells
    it by characters Unicode Vietnamese never has)."""
    text = unicodedata.normalize("NFC", header)
    if not text.isascii() and (encoding := detect_legacy(text)) is not None:
        text = convert(text, encoding)
    folded = _CAMEL.sub(" ", strip_diacritics(text)).lower()
    return _NON_ALNUM.sub(" ", folded).strip()
