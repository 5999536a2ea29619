"""Sheets named as an old copy of the list: "DM 2024 (cũ)", "Danh mục cũ", "DM cu", "Old",
"Backup". An official keeps the list as it was beside the one in force; its rows are not
the catalogue's procedures now, and its defects (the district level it still names) are
not the catalogue's. Such a sheet is set aside, as a hidden one is, unless no other sheet
holds a list: a workbook holding only "Danh mục cũ" is read.
"""

from __future__ import annotations

import re
import unicodedata

from procaudit.vn.text import header_key

# "cũ" (old) as a word of the name, its diacritics kept: folded, it is "cu", which "cư"
# (dân cư, Cư trú) also gives.
_OLD_WORD = re.compile(r"(?<!\w)cũ(?!\w)")
# A name typed without diacritics says "cu" after a word naming the list ("DM cu", "Danh muc
# cu 2024"); alone, "cu" may be "Cư", "Củ" (Củ Chi), a unit's name.
_LIST_WORDS = frozenset({"dm", "danh", "ds", "tthc", "ban", "bang", "list", "sheet"})
_ENGLISH = frozenset({"old", "backup", "bak", "archive", "archived"})


def is_old_copy_sheet(sheet: object) -> bool:
    """Whether a sheet's name says it holds an old copy of the list."""
    name = unicodedata.normalize("NFC", str(sheet)).casefold()
    if _OLD_WORD.search(name):
        return True
    words = header_key(name).split()
    if _ENGLISH.intersection(words):
        return True
    while words and words[-1].isdigit():  # "DM cu 2024"
        words.pop()
    return name.isascii() and len(words) >= 2 and words[-1] == "cu" and words[0] in _LIST_WORDS
