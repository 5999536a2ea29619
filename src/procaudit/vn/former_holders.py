"""Transition notes: the part of a level or agency cell that names who held a task before.

Lists published during the 2025 reform say where a task came from: "Cấp xã (trước đây cấp
huyện)", "UBND cấp xã (tiếp nhận nhiệm vụ từ UBND cấp huyện)", "Sở Nội vụ (thay thế Phòng
Nội vụ cấp huyện)". The district named there is the former holder, not the level or agency
that does the procedure now, so every reading of levels and agencies (`levels.level_ids`,
`levels.name_tag`, the agency readings of `agencies`) drops such a note first, here, in one
place.
"""

from __future__ import annotations

import re
import unicodedata

# The words that introduce the former holder, with and without diacritics. "tiếp nhận …
# từ" only with a few words between ("tiếp nhận nhiệm vụ từ"): "Bộ phận tiếp nhận và trả
# kết quả" is an office. "nguyên là" not after "tài" ("Tài nguyên là …" is no note).
_MARKER = (
    r"(?<!\w)(?:trước\s+đây|truoc\s+day|trước\s+là|truoc\s+la|thay\s+thế|thay\s+the"
    r"|thay\s+cho|chuyển\s+từ|chuyen\s+tu|(?<!tài\s)(?<!tai\s)(?:nguyên|nguyen)\s+là"
    r"|(?:tiếp\s+nhận|tiep\s+nhan)(?:\s+[^\s()]+){0,4}?\s+(?:từ|tu))(?!\w)"
)
# The note runs to the end of its parenthesis, line or ";", and stops before "sang" ("chuyển
# từ cấp huyện sang cấp xã": what follows "sang" is the new holder).
_NOTE = re.compile(rf"{_MARKER}(?:(?!(?<!\w)sang(?!\w))[^()\n;])*", re.IGNORECASE)


def without_former(text: str) -> str:
    """`text` (NFC) without its notes on the former holder: "Cấp xã (trước đây cấp huyện)"
    -> "Cấp xã ()"."""
    text = unicodedata.normalize("NFC", text)
    return _NOTE.sub("", text)
