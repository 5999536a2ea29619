"""Administrative levels (cấp thực hiện) read from level cells, name tags, agency names and
the level marks of local codes.

Catalogues write one level many ways ("Cấp bộ", "cấp TW", "Trung ương"; "Cấp tỉnh", "tỉnh";
"cấp Xã") and join several in one cell; rules compare the level *ids* below instead.
"""

from __future__ import annotations

import re
import unicodedata

from procaudit.vn.former_holders import without_former
from procaudit.vn.text import as_unicode, comparison_key, fold, header_key

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

# The tag some names end with, in brackets: "(thực hiện tại cấp tỉnh)", "(cấp Bộ)", "(thực
# hiện ở cấp xã)", "(cấp TW)", "(TTHC cấp huyện)", "(thực hiện tại UBND cấp huyện)", "[cấp
# huyện]", "(thuc hien tai cap huyen)"; the closing bracket is sometimes missing. After a
# dash: "… - cấp huyện". Or the competence the name ends with: "… thuộc thẩm quyền của UBND
# cấp huyện", or where it is done: "… tại cấp huyện" (`_AT_RE`). What comes before "cấp"
# is a lead ("thực hiện tại", "TTHC") and an office ("UBND", "Chủ tịch Ủy ban nhân dân");
# what comes after it is read by `name_tag`.
_LEAD = (
    r"(?:(?:thực hiện|thuc hien|áp dụng|ap dung)(?:\s+(?:tại|ở|tai|o|cho))?"
    r"|tthc|thủ tục(?:\s+hành chính)?|thu tuc(?:\s+hanh chinh)?"
    r"|(?:thuộc\s+)?thẩm quyền(?:\s+[^\s()\[\]]+){0,3}?(?:\s+của)?"
    r"|(?:thuoc\s+)?tham quyen(?:\s+[^\s()\[\]]+){0,3}?(?:\s+cua)?)\s+"
)
_OFFICE = (
    r"(?:(?:chủ tịch|chu tich)\s+)?"
    r"(?:ubnd|ủy ban nhân dân|uỷ ban nhân dân|uy ban nhan dan|hđnd|hdnd)\s+"
)
# "cấp phép" (a licence) is no level: "thuộc thẩm quyền cấp phép của Chủ tịch UBND cấp tỉnh".
_LEVEL = r"((?:cấp|cap)\s+(?!phép|phep)[^()\[\]]{1,40}?)\s*"
_END = r"\s*\.?\s*$"
_TAG_RE = re.compile(rf"[(\[]\s*(?:{_LEAD})?(?:{_OFFICE})?{_LEVEL}[)\]]?{_END}", re.IGNORECASE)
_DASH_TAG_RE = re.compile(rf"\s[-–]\s*(?:{_LEAD})?(?:{_OFFICE})?{_LEVEL}{_END}", re.IGNORECASE)
_COMPETENCE_RE = re.compile(
    rf"(?<!\w)(?:thuộc|thuoc)\s+(?:thẩm|tham)\s+(?:quyền|quyen)(?:\s+[^\s()\[\]]+){{0,3}}?"
    rf"(?:\s+(?:của|cua))?\s+(?:{_OFFICE})?{_LEVEL}{_END}",
    re.IGNORECASE,
)
# Where the name ends saying where it is done, unbracketed: "Giải quyết khiếu nại lần đầu tại
# cấp huyện", "… thực hiện tại UBND cấp xã". Only "tại": "ở" is also a word of names ("nhà ở
# cấp tỉnh", housing).
_AT_RE = re.compile(
    rf"\s(?:(?:thực hiện|thuc hien)\s+)?(?:tại|tai)\s+(?:{_OFFICE})?{_LEVEL}{_END}", re.IGNORECASE
)
_TAG_WORDS = re.compile(r"(?<!\w)(?:cấp|cap|và|va|hoặc|hoac)(?!\w)|[,;/&]")

# An English list's tag: "(district level)", "(implemented at the provincial level)", "[commune
# level]", "- district-level", "(provincial and commune levels)"; where it is done, at its end:
# "… at district level". Only the level words `level_ids` reads, then "level": "(Level 3)",
# an online service's, and "(high level)" are no tags.
_EN_LEVEL_WORD = r"(?:the\s+)?(?:central|ministry|provincial|province|district|commune|ward)"
_EN_LEVEL = rf"({_EN_LEVEL_WORD}(?:\s*(?:,|/|&|\band\b|\bor\b)\s*{_EN_LEVEL_WORD})*[\s-]+levels?)"
_EN_LEAD = (
    r"(?:(?:implemented|carried\s+out|performed|done|handled|settled|conducted|processed)\s+)?"
    r"(?:at|by|on|in)\s+"
)
_EN_TAG_RE = re.compile(rf"[(\[]\s*(?:{_EN_LEAD})?{_EN_LEVEL}\s*[)\]]?{_END}", re.IGNORECASE)
_EN_DASH_TAG_RE = re.compile(rf"\s[-–]\s*(?:{_EN_LEAD})?{_EN_LEVEL}{_END}", re.IGNORECASE)
_EN_AT_RE = re.compile(rf"\s(?:{_EN_LEAD}){_EN_LEVEL}{_END}", re.IGNORECASE)
# What an English tag holds besides its level words (its structure the patterns check).
_EN_TAG_WORDS = re.compile(r"(?<!\w)(?:the|and|or|levels?)(?!\w)|[,/&-]")
_PATTERNS = (
    (_TAG_RE, True),
    (_DASH_TAG_RE, True),
    (_COMPETENCE_RE, False),
    (_AT_RE, False),
)
_EN_PATTERNS = ((_EN_TAG_RE, True), (_EN_DASH_TAG_RE, True), (_EN_AT_RE, False))


def _tag(name: str) -> tuple[re.Match[str], frozenset[str], bool] | None:
    """The level tag `name` (NFC) ends with, the levels it names, and whether it was added
    to the name (a bracket or a dash) rather than said by it (the competence)."""
    # An English tag ends with "level": the other names pay one substring test.
    patterns = (*_PATTERNS, *_EN_PATTERNS) if "level" in name.lower() else _PATTERNS
    for pattern, added in patterns:
        match = pattern.search(name)
        if match is None:
            continue
        inside = match.group(1)
        # A bracket is read whole: "(cấp huyện cũ)" is a note on the former holder.
        if pattern is _TAG_RE:
            inside = without_former(f"({inside})").strip("()")
        inside = fold(without_former(inside))
        words = (
            (_EN_TAG_WORDS if (pattern, added) in _EN_PATTERNS else _TAG_WORDS)
            .sub(" ", inside)
            .split()
        )
        levels = level_ids(inside)
        # Only tags made of level words count: "(trừ vùng an toàn dịch bệnh cấp tỉnh …)"
        # is a qualification of the procedure, not a level tag.
        if levels and len(words) <= 2 * len(levels) + 1:
            return match, levels, added
    return None


def level_ids(text: str) -> frozenset[str]:
    """The levels a level cell names: "Cấp bộ, Cấp tỉnh" -> {central, province}; a note on
    the former holder does not count ("Cấp xã (trước đây cấp huyện)" -> {commune}); a cell
    typed in a legacy font is read as its conversion ("CÊp huyÖn" -> {district})."""
    folded = fold(without_former(as_unicode(text)))
    return frozenset(match.lastgroup for match in _LEVEL_RE.finditer(folded))  # type: ignore[misc]


# What a cell of levels holds besides the level words: "cấp", the words and marks that join
# several ("Cấp tỉnh, Cấp xã", "Tỉnh/Xã", "Provincial and Commune") and the brackets a note
# on the former holder leaves ("Cấp xã ()").
_LEVEL_CELL_WORDS = re.compile(
    r"(?<!\w)(?:cấp|cap|level|và|va|hoặc|hoac|and|or)(?!\w)|[\s,;/&+.()\[\]–-]"
)


def names_only_levels(text: str) -> bool:
    """Whether `text` is a level cell and nothing else: "Cấp tỉnh", "Tỉnh/Xã", "Trung ương,
    Cấp tỉnh", "Provincial, Commune", "TINH, XA"; not an agency that names a level ("UBND
    cấp xã", "Công an tỉnh") nor a sentence ("thực hiện tại cấp tỉnh")."""
    if code_levels(text):
        return True
    folded = fold(without_former(text))
    if not _LEVEL_RE.search(folded):
        return False
    return not _LEVEL_CELL_WORDS.sub("", _LEVEL_RE.sub("", folded))


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


# A one-stop system's local code may mark the level with a segment of its own: a district's
# list holds its communes' procedures too, "2018.BTXH.CX.06" (CX: cấp xã) beside the
# district's own "2018.BTXH.02" of the same name. Only marks no field abbreviation shares:
# "CT" is also "chứng thực" (2018.CT.01), "CH" a branch's code (BHXH.CH.07).
_CODE_LEVEL_MARKS = {"CX": COMMUNE}
# For a column of codes, `re` and RE2 alike: a mark between separators, any case.
CODE_LEVEL_MARK = r"(?i)(?:^|[._/ -])(?:cx)(?:[._/ -]|$)"
_CODE_SEGMENTS = re.compile(r"[._/ -]+")


def local_code_levels(code: str) -> frozenset[str]:
    """The level a local code's mark names ("2018.TP.CX.014" -> {commune}); none without."""
    marks = {_CODE_LEVEL_MARKS.get(part.upper()) for part in _CODE_SEGMENTS.split(code)}
    return frozenset(mark for mark in marks if mark is not None)


def name_tag(name: str) -> tuple[str, frozenset[str]] | None:
    """The level tag a name ends with, as written, and the levels it names; None without one
    ("(thực hiện tại cấp tỉnh)", "- cấp huyện", "thuộc thẩm quyền của UBND cấp xã"). A note
    on the former holder in it does not count ("(cấp xã; trước 01/7/2025 là cấp huyện)")."""
    found = _tag(unicodedata.normalize("NFC", name))
    if found is None:
        return None
    match, levels, _ = found
    return match.group(0).strip(), levels


def describe(levels: frozenset[str]) -> str:
    """Levels as the catalogues write them: "Cấp tỉnh, Cấp xã"."""
    return ", ".join(LABELS[level] for level in LABELS if level in levels)


def untagged_key(name: str) -> str:
    """The comparison key of a name without the level tag added to it: a catalogue may tag a
    name "(thực hiện tại cấp xã)" or "- cấp xã" where the national list does not. The
    competence a name ends with ("… thuộc thẩm quyền của UBND cấp tỉnh") is kept: the
    national list names one procedure so at each level."""
    name = unicodedata.normalize("NFC", name)
    found = _tag(name)
    if found is not None and found[2]:  # the competence is part of the name
        name = name[: found[0].start()]
    return comparison_key(name)
