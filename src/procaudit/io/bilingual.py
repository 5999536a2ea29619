"""Headers written in two languages, and columns that say they hold a translation.

Lists made for investors head each column in Vietnamese and English: on two lines of one
cell ("Tên thủ tục⏎Procedure name"), or joined by a slash or a dash ("Tên thủ tục /
Procedure name"). Read whole, such a header names nothing; read part by part, each part
names the same column, and the Vietnamese part is the one read (io/header_aliases.py). A column
whose header says it holds a translation ("Procedure name (EN)", "Tên thủ tục - tiếng Anh")
gives way to the column it translates.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from procaudit.vn.text import header_key

# Between the parts: a line break, or a slash, bar or dash with spaces around it (a dash
# inside a word, "Lao động-Thương binh", or a slash between two words, "toàn trình/một
# phần", joins them).
_SEPARATOR = re.compile(r"\s*[\r\n]+\s*|\s+[/|\-–—]\s+")
# What a translation's header says it is, folded (`text.header_key`).
TRANSLATION_KEYS = frozenset(
    {"en", "eng", "english", "tieng anh", "ban tieng anh", "ban dich", "translation"}
)


@lru_cache(maxsize=8192)  # the header search reads the same cells in every file
def language_parts(header: str) -> tuple[str, ...]:
    """The parts of a header written in parts ("Tên thủ tục", "Procedure name"), the
    Vietnamese ones first (those with a letter beyond ASCII), else in the order written;
    () for a header of one part."""
    if _SEPARATOR.search(header) is None:
        return ()
    parts = [part.strip() for part in _SEPARATOR.split(header) if part.strip()]
    if len(parts) < 2:
        return ()
    return tuple(sorted(parts, key=lambda part: _is_ascii(part)))


def is_translation_mark(text: str) -> bool:
    """Whether a header's part or bracketed note says the column is a translation: "EN",
    "English", "tiếng Anh"."""
    return header_key(text) in TRANSLATION_KEYS


def _is_ascii(text: str) -> bool:
    return unicodedata.normalize("NFD", text).isascii()
