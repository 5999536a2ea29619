"""Administrative levels (cấp thực hiện) read from level cells, name tags and agency names.

Catalogues write one level many ways ("Cấp bộ", "cấp TW", "Trung ương"; "Cấp tỉnh", "tỉnh";
"cấp Xã") and join several in one cell; rules compare the level *ids* below instead.
"""

from __future__ import annotations

import re
import unicodedata

from procaudit.vn.former_holders import without_former
from procaudit.vn.text import comparison_key, fold, header_key

CENTRAL, PROVINCE, DISTRICT, COMMUNE, OTHER = "central", "province", "district", "commune", "other"
LABELS = {
    CENTRAL: "Cấp bộ",
    PROVINCE: "Cấp tỉnh",
    DISTRICT: "Cấp huyện",
    COMMUNE: "Cấp xã",
    OTHER: "Cơ quan khác",
}

# One level word each; "tinh" is the typo seen in real names ("thực hiện tại cấp tinh").
# Typed without diacritics, a level is read only after "cap" ("Cap huyen", "Cap xa"): bare,
# "xa" and "bo" are other words.
_LEVEL_WORDS = (
    (CENTRAL, r"bộ|trung ương|tw|central|ministry|cap bo|trung uong"),
    (PROVINCE, r"tỉnh|tinh|province|provincial"),
    # "huyện nghèo": a poverty class; "thị xã" (a town) is read before "xã" (a commune).
    (DISTRICT, r"huyện(?!\s+nghèo)|quận|thị xã|district|cap huyen(?!\s+ngheo)"),
    (COMMUNE, r"xã|phường|thị trấn|đặc khu|commune|ward|cap xa"),
    (OTHER, r"cơ quan khác|other"),
)
_LEVEL_RE = re.compile(
    "|".join(f"(?P<{level}>(?<!\\w)(?:{words})(?!\\w))" for level, words in _LEVEL_WORDS)
)

# The tag some names end with: "(thực hiện tại cấp tỉnh)", "(cấp Bộ)", "(thực hiện ở cấp xã)",
# "(cấp TW)"; the closing parenthesis is sometimes missing.
_TAG_RE = re.compile(
    r"\(\s*(?:thực hiện\s+(?:tại|ở)\s+)?(cấp\s+[^()]{1,40}?)\s*\)?\s*\.?\s*$", re.IGNORECASE
)


def level_ids(text: str) -> frozenset[str]:
    """The levels a level cell names: "Cấp bộ, Cấp tỉnh" -> {central, province}; a note on
    the former holder does not count ("Cấp xã (trước đây cấp huyện)" -> {commune})."""
    folded = fold(without_former(text))
    return frozenset(match.lastgroup for match in _LEVEL_RE.finditer(folded))  # type: ignore[misc]


# Levels written as a database's codes: a bare unaccented word ("HUYEN", "XA", "TW"), alone
# or after "CAP" ("CAP_HUYEN"), several joined ("TINH,XA"). Bare, "xa" and "bo" are other
# words too: `code_levels` is for a level column whose values are mostly such codes.
_CODES = {
    "bo": CENTRAL,
    "tw": CENTRAL,
    "trung uong": CENTRAL,
    "tinh": PROVINCE,
    "huyen": DISTRICT,
    "quan": DISTRICT,
    "xa": COMMUNE,
    "phuong": COMMUNE,
    "co quan khac": OTHER,
    "khac": OTHER,
}
_CODE_SEPARATORS = re.compile(r"[,;/+&|\n]")


def code_levels(text: str) -> frozenset[str] | None:
    """The levels a cell of level codes names ("HUYEN" -> {district}, "CAP_TINH, CAP_XA" ->
    {province, commune}); None unless every part of the cell is one. Codes are unaccented:
    "Huyện" is a word, which `level_ids` reads."""
    if not text.isascii():
        return None
    levels = set()
    for part in _CODE_SEPARATORS.split(text):
        key = header_key(part)
        if not key:
            continue
        level = _CODES.get(key.removeprefix("cap ")) if key != "cap" else None
        if level is None:
            return None
        levels.add(level)
    return frozenset(levels) if levels else None


def name_tag(name: str) -> tuple[str, frozenset[str]] | None:
    """The level tag a name ends with, as written, and the levels it names; None without one.

    Only tags made of level words count: "(trừ vùng an toàn dịch bệnh cấp tỉnh …)" is a
    qualification of the procedure, not a level tag."""
    match = _TAG_RE.search(unicodedata.normalize("NFC", name))
    if match is None:
        return None
    inside = fold(without_former(match.group(1)))
    words = re.sub(r"\b(cấp|và|hoặc)\b|[,;/&]", " ", inside).split()
    levels = level_ids(inside)
    if not levels or len(words) > 2 * len(levels) + 1:
        return None
    return match.group(0).strip(), levels


def describe(levels: frozenset[str]) -> str:
    """Levels as the catalogues write them: "Cấp tỉnh, Cấp xã"."""
    return ", ".join(LABELS[level] for level in LABELS if level in levels)


def untagged_key(name: str) -> str:
    """The comparison key of a name without its level tag: a catalogue may tag a name
    "(thực hiện tại cấp xã)" where the national list does not."""
    name = unicodedata.normalize("NFC", name)
    tag = name_tag(name)
    if tag is not None:
        name = name[: name.rfind(tag[0])]
    return comparison_key(name)
