"""Vietnamese typed in legacy 8-bit fonts, found in a Unicode cell, and brought back to Unicode.

Before Unicode, Vietnamese was typed with fonts whose 8-bit codes were redrawn as Vietnamese
letters. When such a spreadsheet is opened today, each code becomes the Windows-1252 character
of the same number and the text turns into "B¶o Th¾ng" (TCVN3) or "Xin chaøo" (VNI). Python
has no codec for either, so the tables are here:

- TCVN3 (TCVN 5712:1993 VN3, typed with the ABC keyboard in fonts such as .VnTime): one code
  per toned lower-case letter. Only Ă Â Ê Ô Ơ Ư Đ have upper-case codes; capitals with a tone
  were typed in the matching upper-case font (.VnTimeH), which draws the *lower-case* codes as
  capitals. `convert` therefore decides the case of those letters from the letters around them.
- VNI (VNI-Windows, fonts such as VNI-Times): a base letter followed by a mark character
  ("a" + "ø" = "à", "a" + "á" = "ấ"); ơ, ư, đ, the toned i and ỵ have a code of their own.

Tables: from the VN3 rows of TCVN 5712 and the VNI-Windows font layout, cross-checked against
three public converters (see tests/vn/test_legacy_fonts.py, which pins every code).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Final

TCVN3: Final = "TCVN3"
VNI: Final = "VNI"
ENCODINGS: Final = (TCVN3, VNI)

# The twelve Vietnamese vowels and, per vowel, its forms: no tone, huyền (grave), sắc (acute),
# hỏi (hook above), ngã (tilde), nặng (dot below).
VOWELS: Final = "aăâeêioôơuưy"
_TONE_MARKS: Final = ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")


def _forms(vowel: str) -> list[str]:
    return [unicodedata.normalize("NFC", vowel + mark) for mark in _TONE_MARKS]


# The 134 letters of Vietnamese beyond ASCII: 67 lower-case, 67 upper-case.
LOWER_LETTERS: Final = (
    *(letter for vowel in VOWELS for letter in _forms(vowel) if not letter.isascii()),
    "đ",
)
LETTERS: Final = LOWER_LETTERS + tuple(letter.upper() for letter in LOWER_LETTERS)

# --- TCVN3 ----------------------------------------------------------------------------------
# Per vowel, the codes of its six forms in the order of _TONE_MARKS (written as the
# Windows-1252 characters they show as).
_TCVN3_VOWELS: Final = {
    "a": "aµ¸¶·¹",
    "ă": "¨»¾¼½Æ",
    "â": "©ÇÊÈÉË",
    "e": "eÌÐÎÏÑ",
    "ê": "ªÒÕÓÔÖ",
    "i": "i×ÝØÜÞ",
    "o": "oßãáâä",
    "ô": "«åèæçé",
    "ơ": "¬êíëìî",
    "u": "uïóñòô",
    "ư": "\xadõøö÷ù",  # ư is U+00AD, the soft hyphen
    "y": "yúýûüþ",
}
# The only capitals with a code of their own.
_TCVN3_CAPITALS: Final = {"Ă": "¡", "Â": "¢", "Ê": "£", "Ô": "¤", "Ơ": "¥", "Ư": "¦", "Đ": "§"}

TCVN3_OF: Final[dict[str, str]] = {"đ": "®", **_TCVN3_CAPITALS}
for _vowel, _codes in _TCVN3_VOWELS.items():
    for _letter, _code in zip(_forms(_vowel), _codes, strict=True):
        if not _letter.isascii():
            TCVN3_OF[_letter] = _code
            # A capital without a code of its own is the lower-case code in the capitals font.
            TCVN3_OF.setdefault(_letter.upper(), _code)

_FROM_TCVN3: Final = {
    code: letter for letter, code in TCVN3_OF.items() if letter.islower() or code in "¡¢£¤¥¦§"
}
_TCVN3_TRANSLATION: Final = str.maketrans(_FROM_TCVN3)
# Codes whose case the text does not tell (the capitals font draws them as capitals).
_TCVN3_CASELESS: Final = frozenset(_FROM_TCVN3) - frozenset("¡¢£¤¥¦§")

# --- VNI --------------------------------------------------------------------------------------
_VNI_TONES: Final = "øùûõï"  # huyền, sắc, hỏi, ngã, nặng after a, e, o, u, y, ơ, ư
_VNI_CIRCUMFLEX: Final = "âàáåãä"  # ^, then ^ with each tone, after a, e, o
_VNI_BREVE: Final = "êèéúüë"  # breve, then breve with each tone, after a
_VNI_I: Final = "iìíæóò"  # the toned i are letters of their own
_VNI_SINGLE: Final = {"ơ": "ô", "ư": "ö", "đ": "ñ", "ỵ": "î"}


def _vni_lower() -> dict[str, str]:
    table: dict[str, str] = {}
    for base in "aeouy":
        for letter, mark in zip(_forms(base)[1:], _VNI_TONES, strict=True):
            table[letter] = base + mark
    for base in "aeo":
        shaped = unicodedata.normalize("NFC", base + "\u0302")
        for letter, mark in zip(_forms(shaped), _VNI_CIRCUMFLEX, strict=True):
            table[letter] = base + mark
    for letter, mark in zip(_forms("ă"), _VNI_BREVE, strict=True):
        table[letter] = "a" + mark
    for vowel, code in (("ơ", "ô"), ("ư", "ö")):
        for letter, mark in zip(_forms(vowel)[1:], _VNI_TONES, strict=True):
            table[letter] = code + mark
    for letter, code in zip(_forms("i")[1:], _VNI_I[1:], strict=True):
        table[letter] = code
    table.update(_VNI_SINGLE)  # ỵ replaces "yï": VNI has a letter for it
    return table


# Capitals are the capital base with the capital of each mark character ("AØ" = "À").
VNI_OF: Final[dict[str, str]] = {
    **_vni_lower(),
    **{letter.upper(): code.upper() for letter, code in _vni_lower().items()},
}


def _vni_two_marks(single: dict[str, str]) -> dict[str, str]:
    """A shape mark and a tone typed as two characters ("aâø" for "ầ"), read leniently as
    the one combined mark the font has for them."""
    table: dict[str, str] = {}
    for base, marks in (
        ("a", _VNI_CIRCUMFLEX),
        ("e", _VNI_CIRCUMFLEX),
        ("o", _VNI_CIRCUMFLEX),
        ("a", _VNI_BREVE),
    ):
        for tone, combined in zip(_VNI_TONES, marks[1:], strict=True):
            letter = single[base + combined]
            table[base + marks[0] + tone] = letter
            table[(base + marks[0] + tone).upper()] = letter.upper()
    return table


_FROM_VNI: Final = {code: letter for letter, code in VNI_OF.items()}
_FROM_VNI.update(_vni_two_marks(_FROM_VNI))
# A single "ì" or "í" reads the same in VNI and in Unicode: leave them out of the pattern.
_VNI_PATTERN: Final = re.compile(
    "|".join(
        re.escape(code)
        for code in sorted(_FROM_VNI, key=len, reverse=True)
        if code != _FROM_VNI[code]
    )
)

# --- Detection --------------------------------------------------------------------------------
# Characters that Vietnamese typed in Unicode never holds but legacy text is full of.
_TCVN3_ONLY: Final = "".join(sorted(set(_FROM_TCVN3) - set("àáâãèéêìíòóôõùúýÈÉÊÌÒÓÔÕÝ")))
_VNI_ONLY: Final = "øûïåäëüæîöñØÛÏÅÄËÜÆÎÖÑ"
# VNI marks after a vowel where Unicode Vietnamese has no such pair ("Caáp xaõ" = "Cấp xã").
_VNI_PAIRS: Final = r"[aeAE][âàáãêèéúùõÂÀÁÃÊÈÉÚÙÕ]|[oO][âùõúÂÙÕÚ]|[uyôUYÔ][ùõÙÕ]"
# A cheap first test, also usable by pandas' `str.contains`.
LEGACY_CHARACTERS: Final = f"[{re.escape(_TCVN3_ONLY + _VNI_ONLY)}]|{_VNI_PAIRS}"
_CANDIDATE: Final = re.compile(LEGACY_CHARACTERS)
_TCVN3_SIGN: Final = re.compile(f"[{re.escape(_TCVN3_ONLY)}]")
_VNI_SIGN: Final = re.compile(f"[{re.escape(_VNI_ONLY)}]|{_VNI_PAIRS}")
# Letters only Unicode has (ă đ ĩ ũ ơ ư, ạ … ỹ) and combining marks: the cell was typed in
# Unicode, whatever else it holds. The inside of a regex character class.
UNICODE_ONLY: Final = (
    "\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169\u01a0\u01a1\u01af\u01b0"
    "\u1ea0-\u1ef9\u0300-\u036f"
)
_UNICODE_TYPED: Final = re.compile(f"[{UNICODE_ONLY}]")


def convert(text: str, encoding: str) -> str:
    """`text` typed in a legacy font (`TCVN3` or `VNI`) as Unicode NFC."""
    if encoding == TCVN3:
        converted = _tcvn3_case(text, text.translate(_TCVN3_TRANSLATION))
    elif encoding == VNI:
        converted = _VNI_PATTERN.sub(lambda match: _FROM_VNI[match.group(0)], text)
    else:
        raise ValueError(f"unknown legacy encoding {encoding!r}; expected one of {ENCODINGS}")
    return unicodedata.normalize("NFC", converted)


def encode(text: str, encoding: str) -> str:
    """Unicode `text` as typed in a legacy font: the inverse of `convert`, for tests and docs."""
    table = TCVN3_OF if encoding == TCVN3 else VNI_OF if encoding == VNI else None
    if table is None:
        raise ValueError(f"unknown legacy encoding {encoding!r}; expected one of {ENCODINGS}")
    return "".join(table.get(char, char) for char in unicodedata.normalize("NFC", text))


def detect_legacy(text: str) -> str | None:
    """`TCVN3` or `VNI` when `text` is Vietnamese typed in that legacy font, else None.

    A cell is legacy text only when it holds characters that Unicode Vietnamese never has,
    holds no letter that only Unicode has, and converting it turns its odd words into
    Vietnamese syllables. Each test alone would flag English, codes or names such as "Müller".
    """
    # Cheapest first: Unicode Vietnamese shows a letter like "ư" or "ạ" within a few characters.
    if text.isascii() or _UNICODE_TYPED.search(text) or not _CANDIDATE.search(text):
        return None
    best, best_gain = None, 0
    for encoding, sign in ((TCVN3, _TCVN3_SIGN), (VNI, _VNI_SIGN)):
        if sign.search(text):
            gain = _gain(text, convert(text, encoding))
            if gain > best_gain:
                best, best_gain = encoding, gain
    return best


# --- Case of TCVN3 capitals ---------------------------------------------------------------------
# Words: runs of anything but spaces, digits and ASCII punctuation (legacy codes are letters).
_WORD: Final = re.compile(r"[^\s0-9!-/:-@\[-`{-~]+")


def _tcvn3_case(original: str, converted: str) -> str:
    """Capitalise the letters of words typed in a capitals font ("B¶O" is "BẢO", not "BảO").

    A caseless code is a capital when the rest of its word is in capitals: two capitals at
    least, or any in a cell with no lower-case letter at all whose words of legacy codes
    hold two capitals ("Bé" in "Bé T¦ PH¸P"). "§µ" in "§µ N½ng" stays "Đà": one capital
    and a lower-case cell; so does "M·" in "M· TTHC" ("Mã TTHC"): an abbreviation in ASCII
    capitals is typed so in any font.
    """
    if not _TCVN3_CASELESS.intersection(original):
        return converted
    # Capitals in words of legacy codes: an abbreviation in ASCII capitals shows no font.
    legacy = [word for word in _WORD.findall(original) if not word.isascii()]
    all_caps_cell = _capitals(original)[1] == 0 and _capitals("".join(legacy))[0] >= 2
    pieces, last = [], 0
    for match in _WORD.finditer(original):
        word = match.group(0)
        if not _TCVN3_CASELESS.intersection(word):
            continue
        upper, lower = _capitals(word)
        if lower == 0 and (upper >= 2 or all_caps_cell):
            start, end = match.span()
            pieces.append(converted[last:start])
            pieces.append(converted[start:end].upper())
            last = end
    pieces.append(converted[last:])
    return "".join(pieces)


def _capitals(text: str) -> tuple[int, int]:
    """(capitals, lower-case letters) among the letters whose case the legacy text shows."""
    upper = sum(1 for char in text if ("A" <= char <= "Z") or char in "¡¢£¤¥¦§")
    lower = sum(1 for char in text if "a" <= char <= "z")
    return upper, lower


# --- Vietnamese syllables -------------------------------------------------------------------------
_TONES: Final = frozenset("\u0300\u0301\u0303\u0309\u0323")
_STOP_TONES: Final = frozenset("\u0301\u0323")  # the only tones of a syllable ending in c, ch, p, t
_SYLLABLE: Final = re.compile(
    r"(?P<initial>ngh|ng|gh|gi|kh|nh|ph|th|tr|ch|qu|[bcdđghklmnprstvx])?"
    r"(?:"
    r"(?:a|e|ê|i|o|ô|ơ|u|ư|y|ai|ao|au|ay|âu|ây|eo|êu|ia|iu|oi|ôi|ơi|ua|ui|ưa|ưi|ưu|iêu|yêu"
    r"|uôi|ươi|ươu|oa|oai|oao|oay|oe|oeo|uê|uơ|uy|uya|uyu|uây)"
    r"|(?:a|ă|â|e|ê|i|o|ô|ơ|u|ư|iê|yê|uô|ươ|oa|oă|oe|uâ|uê|uy|uyê|oo)(?P<final>c|m|n|ng|p|t)"
    r"|(?:a|ê|i|oa|uê|uy)(?P<final2>ch|nh)"
    r")"
)


@lru_cache(maxsize=4096)
def is_syllable(word: str) -> bool:
    """Whether `word` is one written Vietnamese syllable: an initial, a vowel cluster and a final
    that Vietnamese allows, with at most one tone (only sắc or nặng before c, ch, p, t)."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    tones = [char for char in decomposed if char in _TONES]
    if len(tones) > 1:
        return False
    bare = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONES))
    match = _SYLLABLE.fullmatch(bare)
    if match is None:
        return False
    stops = match.group("final") in ("c", "p", "t") or match.group("final2") == "ch"
    return not (stops and tones and tones[0] not in _STOP_TONES)


def _gain(text: str, converted: str) -> int:
    """How many more Vietnamese syllables the conversion gives, or 0 when it is not convincing:
    most words it changes must become syllables, and one of them a word of two letters or more
    (a lone "©" becoming "â" proves nothing)."""
    before, after = _WORD.findall(text), _WORD.findall(converted)
    if len(before) != len(after):
        return 0
    changed = [(old, new) for old, new in zip(before, after, strict=True) if old != new]
    if not changed:
        return 0
    made = [new for _, new in changed if is_syllable(new)]
    if len(made) * 3 < len(changed) * 2 or not any(len(word) >= 2 for word in made):
        return 0
    return max(0, len(made) - sum(1 for old, _ in changed if is_syllable(old)))


# The legacy fonts' families and the Unicode font a converted cell is shown in: a cell left
# in .VnTime draws the converted letters that share a code with Windows-1252 as other
# letters ("thú" as "thỳ"). Times New Roman is the font of administrative documents (Decree
# 30/2020); a sans-serif or fixed-width legacy font gets its Unicode counterpart.
_UNICODE_FONTS = (
    (re.compile(r"^(?:\.vn|vni[- ])(?:arial|helve|univer|avant|swiss)", re.IGNORECASE), "Arial"),
    (re.compile(r"^(?:\.vn|vni[- ])(?:courier|couri)", re.IGNORECASE), "Courier New"),
    (re.compile(r"^(?:\.vn|vni[- ])", re.IGNORECASE), "Times New Roman"),
)


def unicode_font(name: str | None) -> str | None:
    """The Unicode font to show text converted from a legacy font in, where `name` is a
    legacy font's (".VnTime", ".VnTimeH", ".VnArial", "VNI-Times"); None for any other."""
    if not name:
        return None
    for pattern, font in _UNICODE_FONTS:
        if pattern.match(name.strip()):
            return font
    return None
