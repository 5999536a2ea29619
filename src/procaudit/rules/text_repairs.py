"""The repairs of what PA601-PA603 find in text cells: legacy-font text, text not in NFC,
stray whitespace (`procaudit fix`, issue 18).

Each repair changes exactly what its rule reports and returns None where the rule finds
nothing, so a cell the rules accept is never rewritten: line breaks between agencies stay,
and so do a cell's CRLF line ends. A name's line break is taken out only where it wrapped
the text; a cell with one that may be meant is left, its finding with it, to a person. All three are
safe; a legacy-font conversion is made only where it is certain (see `repair_legacy_font`).
"""

from __future__ import annotations

import re
import unicodedata

from procaudit.catalogue.cell_patterns import INVISIBLE_CLASS, ZERO_WIDTH
from procaudit.rules.repairs import LEGACY_FONT, NFC, WHITESPACE, repairs, repairs_in
from procaudit.rules.whitespace import ONE_LINE, PROSE_COLUMNS, STRAY_WHITESPACE
from procaudit.vn.legacy_fonts import TCVN3, VNI, convert, detect_legacy, is_syllable

# Words as legacy_fonts counts them: runs of anything but spaces, digits, ASCII punctuation.
_WORD = re.compile(r"[^\s0-9!-/:-@\[-`{-~]+")


@repairs("PA601", safe=True, stage=LEGACY_FONT)
def repair_legacy_font(text: str) -> str | None:
    """The Unicode text of a cell typed in a TCVN3 or VNI font, when the conversion is
    certain: every word it changes becomes a Vietnamese syllable, none is left in a legacy
    font (a cell mixing the two), and the other font does not read the whole cell as well. PA601
    reports a cell when most of its words convert; the rest is left to a person (its
    finding stays)."""
    encoding = detect_legacy(text)
    if encoding is None:
        return None
    converted = convert(text, encoding)
    if detect_legacy(converted) is not None:  # words of both fonts: neither is certain
        return None
    other = VNI if encoding == TCVN3 else TCVN3
    if not _all_syllables(text, converted) or _reads_as_well(text, converted, other):
        return None
    return converted


def _reads_as_well(text: str, converted: str, other: str) -> bool:
    """Whether the `other` font reads the cell as well as its `converted` text does: every
    word it changes a syllable, and none of the words `converted` changes left as typed
    ("ñy ban nh©n d©n" read in VNI changes "ñy" alone, to "đy")."""
    theirs = convert(text, other)
    if not _all_syllables(text, theirs):
        return False
    words = zip(_WORD.findall(text), _WORD.findall(converted), _WORD.findall(theirs), strict=True)
    return not any(old != mine and old == their for old, mine, their in words)


def _all_syllables(text: str, converted: str) -> bool:
    """Whether the conversion changes some word and every word it changes is a syllable."""
    before, after = _WORD.findall(text), _WORD.findall(converted)
    if len(before) != len(after):
        return False
    changed = [new for old, new in zip(before, after, strict=True) if old != new]
    return bool(changed) and all(is_syllable(word) for word in changed)


@repairs("PA602", safe=True, stage=NFC)
def repair_nfc(text: str) -> str | None:
    """The cell in Unicode NFC; None when it is already."""
    return None if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


_ZERO_WIDTH_CHARS = re.compile(f"[{ZERO_WIDTH}]")
_VISIBLE_SPACES = re.compile(f"[{INVISIBLE_CLASS.replace(ZERO_WIDTH, '')}]")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_SPACES = re.compile(" +")


# Spaces around a code are PA101's, whose repair strips them; prose is left alone.
@repairs("PA603", safe=True, stage=WHITESPACE, skip=("code", *PROSE_COLUMNS))
def repair_whitespace(text: str) -> str | None:
    """The cell without what PA603 finds: zero-width characters dropped, tabs and unusual
    spaces made plain ones, single spaces, no space at the ends of a line, no blank line. A
    lone carriage return is a line break; CRLF line ends stay CRLF. None when PA603 finds
    nothing, or when nothing but whitespace would be left."""
    if not STRAY_WHITESPACE.search(text):
        return None
    plain = _VISIBLE_SPACES.sub(" ", _ZERO_WIDTH_CHARS.sub("", text))
    lines = [_SPACES.sub(" ", line).strip(" ") for line in _LINE_BREAK.split(plain)]
    kept = [line for line in lines if line]
    if not kept:
        return None
    crlf = "\r\n" in text and not re.search(r"\r(?!\n)|(?<!\r)\n", text)
    return ("\r\n" if crlf else "\n").join(kept)


def repair_one_line(text: str) -> str | None:
    """`repair_whitespace` of a cell holding one value (a name): its lines made one where
    a line break only wrapped the text (`wrapped_lines_joined`), a name written twice, a line
    each, written once. A cell with a line break that may be meant (a list of cases, a note
    in brackets, a second name) is left whole to a person, with PA603's finding, whose fix
    says the joined text: so that the copy's check loses exactly the findings repaired.
    None when there is nothing to change."""
    plain = _VISIBLE_SPACES.sub(" ", _ZERO_WIDTH_CHARS.sub("", text))
    lines = [_SPACES.sub(" ", line).strip(" ") for line in _LINE_BREAK.split(plain)]
    kept = [line for line in lines if line]
    if not kept:
        return None
    repaired = kept[0] if len(set(kept)) == 1 else wrapped_lines_joined(kept)
    if "\n" in repaired:  # a break that may be meant: the whole cell is a person's
        return None
    return repaired if repaired != text else None


# A line starting a list: a dash or bullet, "a)", "đ.", "ii)", "1.", "2)".
_LIST_ITEM = re.compile(r"^(?:[-+*•–—]|(?:[a-zđ]|[ivx]{1,4}|\d{1,2})[).](?:\s|$))")
# Words a name never ends with: a line ending so was wrapped in the middle of its sentence.
_LINKING_WORDS = frozenset(
    {"của", "và", "cho", "tại", "với", "theo", "thuộc", "trong", "về", "đến", "từ", "các"}
    | {"những", "là", "được", "bị", "để", "hoặc", "số", "ngày", "trên", "dưới", "giữa"}
    | {"khi", "do", "bằng"}
)


def wrapped_lines_joined(lines: list[str]) -> str:
    """The lines of a name joined with a space where the break only wrapped the text: the
    next line goes on in lower case, or the line ends with a linking word ("của", "và"), and
    neither is the end of a clause (":", ";", ".") nor a list's item. Every other break is
    kept (a case a line, "(áp dụng cho ...)" below the name, two names), and so are all of
    them in a cell whose lines are a list."""
    if any(_LIST_ITEM.match(line) for line in lines):
        return "\n".join(lines)
    joined = [lines[0]]
    for line in lines[1:]:
        last = joined[-1]
        wrapped = line[:1].islower() or last.rsplit(" ", 1)[-1].lower() in _LINKING_WORDS
        if wrapped and last[-1:] not in ":;." and line[:1] not in "([":
            joined[-1] = f"{last} {line}"
        else:
            joined.append(line)
    return "\n".join(joined)


for _column in ONE_LINE:
    repairs_in("PA603", _column)(repair_one_line)
