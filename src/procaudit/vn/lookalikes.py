"""Characters that look like the ones a decision number or a procedure code is written with,
but are not.

"1890/QÐ-UBND" writes the Latin letter Eth (Ð, U+00D0, from Icelandic fonts and some
Vietnamese keyboards) where Vietnamese has Đ (U+0110); Word's autocorrect turns a hyphen into
an en dash ("1890/QĐ–UBND"); copies from PDFs bring a minus sign or a non-breaking hyphen.
A code copied from a PDF or typed with an East Asian input method writes its dot as a one dot
leader, a middle dot or an ideographic full stop ("1․008572", "1。008572"), or its digits in
full width ("１.００８５７２"), or a digit as a Cyrillic or Greek letter ("1.О01193") and a
local suffix's letter so (".Н40"). The eye cannot tell them apart, but a search for the number or
the code, or a program reading it, does. Each is replaced by the character it imitates, and
named so that the message can say which. A procedure's name may hold such a letter inside a
word ("Cấp giấy phép хây dựng", a Cyrillic х): a word mixing the alphabets is no word of any
(`mixed_words`); a word wholly in another alphabet (a foreign name, "tia α") is left alone.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Final


@dataclass(frozen=True)
class Lookalike:
    """A character that imitates `meant`; `name` and `name_vi` say what it is."""

    char: str
    meant: str
    name: str
    name_vi: str


_LETTER = "the letter {char} (U+{code:04X}), which looks like {meant}"
_LETTER_VI = "chữ {char} (U+{code:04X}), trông giống chữ {meant} nhưng là ký tự khác"
_DASH = "{what} ({char}, U+{code:04X}), which looks like a hyphen (-)"
_DASH_VI = "{what_vi} ({char}, U+{code:04X}), trông giống dấu gạch nối (-) nhưng là ký tự khác"
_SLASH = "{what} ({char}, U+{code:04X}), which looks like a slash (/)"
_SLASH_VI = "{what_vi} ({char}, U+{code:04X}), trông giống dấu gạch chéo (/) nhưng là ký tự khác"


def _letter(char: str, meant: str) -> Lookalike:
    fields = {"char": char, "code": ord(char), "meant": meant}
    return Lookalike(char, meant, _LETTER.format(**fields), _LETTER_VI.format(**fields))


def _mark(char: str, meant: str, what: str, what_vi: str) -> Lookalike:
    en, vi = (_DASH, _DASH_VI) if meant == "-" else (_SLASH, _SLASH_VI)
    fields = {"char": char, "code": ord(char), "what": what, "what_vi": what_vi}
    return Lookalike(char, meant, en.format(**fields), vi.format(**fields))


LOOKALIKES: Final = {
    lookalike.char: lookalike
    for lookalike in (
        _letter("\u00d0", "Đ"),  # Ð Latin capital Eth
        _letter("\u0189", "Đ"),  # Ɖ Latin capital African D
        _letter("\u00f0", "đ"),  # ð Latin small eth
        _mark("\u2010", "-", "a Unicode hyphen", "dấu gạch nối Unicode"),
        _mark("\u2011", "-", "a non-breaking hyphen", "dấu gạch nối không ngắt dòng"),
        _mark("\u2012", "-", "a figure dash", "dấu gạch ngang chữ số"),
        _mark("\u2013", "-", "an en dash", "dấu gạch ngang ngắn (en dash)"),
        _mark("\u2014", "-", "an em dash", "dấu gạch ngang dài (em dash)"),
        _mark("\u2015", "-", "a horizontal bar", "dấu gạch ngang"),
        _mark("\u2212", "-", "a minus sign", "dấu trừ"),
        _mark("\ufe63", "-", "a small hyphen", "dấu gạch nối nhỏ"),
        _mark("\uff0d", "-", "a full-width hyphen", "dấu gạch nối toàn khổ"),
        _mark("\u2044", "/", "a fraction slash", "dấu gạch chéo phân số"),
        _mark("\u2215", "/", "a division slash", "dấu chia"),
        _mark("\uff0f", "/", "a full-width slash", "dấu gạch chéo toàn khổ"),
    )
}
_DOT = "the dot as '{char}' (U+{code:04X}, {what})"
_DOT_VI = "dấu chấm bằng '{char}' (U+{code:04X}, {what_vi})"
# One name for the ten digits: "１.００８５７２" is said once, not digit by digit.
_FULL_WIDTH_DIGITS = "the digits in full width (U+FF10-U+FF19)"
_FULL_WIDTH_DIGITS_VI = "chữ số toàn khổ (U+FF10-U+FF19)"


_SCRIPT = "the {script} letter {char} (U+{code:04X}), which looks like {meant}"
_SCRIPT_VI = "chữ {script_vi} {char} (U+{code:04X}), trông giống {meant} nhưng là ký tự khác"
_CYRILLIC_DIGITS = tuple(zip("ОоІіЗ", "00113", strict=True))
_GREEK_DIGITS = tuple(zip("ΟοΙ", "001", strict=True))
# Capitals that look like the Latin letters a local suffix may begin with (.H29, .G12).
_CYRILLIC_CAPITALS = tuple(zip("АВЕКМНРСТХ", "ABEKMHPCTX", strict=True))
_GREEK_CAPITALS = tuple(zip("ΑΒΕΖΗΚΜΝΡΤΥΧ", "ABEZHKMNPTYX", strict=True))


def _script(script: str, script_vi: str, char: str, meant: str) -> Lookalike:
    fields = {"script": script, "script_vi": script_vi, "char": char, "code": ord(char)}
    fields["meant"] = meant
    return Lookalike(char, meant, _SCRIPT.format(**fields), _SCRIPT_VI.format(**fields))


def _dot(char: str, what: str, what_vi: str) -> Lookalike:
    fields = {"char": char, "code": ord(char), "what": what, "what_vi": what_vi}
    return Lookalike(char, ".", _DOT.format(**fields), _DOT_VI.format(**fields))


# The characters a procedure code (D.DDDDDD) is written with by mistake: its dot's look-alikes
# and the full-width digits. Kept apart from LOOKALIKES: a decision number's dots and digits
# are not judged.
CODE_LOOKALIKES: Final = {
    lookalike.char: lookalike
    for lookalike in (
        _dot("․", "a one dot leader", "dấu chấm dẫn"),
        _dot("·", "a middle dot", "dấu chấm giữa"),
        _dot("‧", "a hyphenation point", "dấu chấm ngắt từ"),
        _dot("∙", "a bullet operator", "toán tử chấm tròn"),
        _dot("⋅", "a dot operator", "toán tử chấm"),
        _dot("。", "an ideographic full stop", "dấu chấm câu chữ Hán"),
        _dot("．", "a full-width full stop", "dấu chấm toàn khổ"),
        _dot("｡", "a half-width ideographic full stop", "dấu chấm câu chữ Hán nửa khổ"),
        *(
            Lookalike(chr(0xFF10 + digit), str(digit), _FULL_WIDTH_DIGITS, _FULL_WIDTH_DIGITS_VI)
            for digit in range(10)
        ),
        # Letters of another alphabet where a digit belongs ("1.О01193", Cyrillic O), or
        # where the Latin letter of a local suffix does (".Н40", Cyrillic En): a copy from a
        # document typed with a Russian or Greek keyboard layout on.
        *(_script("Cyrillic", "Kirin", char, digit) for char, digit in _CYRILLIC_DIGITS),
        *(_script("Greek", "Hy Lạp", char, digit) for char, digit in _GREEK_DIGITS),
        *(_script("Cyrillic", "Kirin", char, char_) for char, char_ in _CYRILLIC_CAPITALS),
        *(_script("Greek", "Hy Lạp", char, char_) for char, char_ in _GREEK_CAPITALS),
    )
}
# What each look-alike of a local suffix's letter imitates: "ΑΒΕΗ…" write "ABEH…".
SUFFIX_LETTER_LOOKALIKES: Final = "".join(
    char for char, lookalike in CODE_LOOKALIKES.items() if lookalike.meant.isalpha()
)
# Those of a digit: the full-width digits and the letters of another alphabet.
DIGIT_LOOKALIKES: Final = "".join(
    char for char, lookalike in CODE_LOOKALIKES.items() if lookalike.meant.isdigit()
)
_TABLE: Final = str.maketrans({char: lookalike.meant for char, lookalike in LOOKALIKES.items()})
_CODE_TABLE: Final = str.maketrans(
    {char: lookalike.meant for char, lookalike in CODE_LOOKALIKES.items()}
)


def lookalikes_in(text: str, table: dict[str, Lookalike] = LOOKALIKES) -> tuple[Lookalike, ...]:
    """The look-alike characters `text` holds, each once, in the order they first appear
    (`table`: those of a decision number, or `CODE_LOOKALIKES`)."""
    return tuple(table[char] for char in dict.fromkeys(text) if char in table)


def replace_lookalikes(text: str) -> str:
    """`text` with every look-alike character replaced by the one it imitates."""
    return text.translate(_TABLE)


def replace_code_lookalikes(text: str) -> str:
    """`text` with every character of `CODE_LOOKALIKES` replaced by the one it imitates."""
    return text.translate(_CODE_TABLE)


# The letters of another alphabet that look like a Latin letter, as a name's word may hold
# them (capitals and small letters), and the Latin letter Eth for Đ.
_CYRILLIC_LETTERS = tuple(
    zip("АВЕЅІЈКМНОРСТУХаеѕіјорсухԁһӏ", "ABESIJKMHOPCTYXaesijopcyxdhl", strict=True)
)
_GREEK_LETTERS = tuple(zip("ΑΒΕΖΗΙΚΜΝΟΡΤΥΧαιονρυ", "ABEZHIKMNOPTYXaiovpu", strict=True))
NAME_LOOKALIKES: Final = {
    lookalike.char: lookalike
    for lookalike in (
        *(_script("Cyrillic", "Kirin", char, meant) for char, meant in _CYRILLIC_LETTERS),
        *(_script("Greek", "Hy Lạp", char, meant) for char, meant in _GREEK_LETTERS),
        *(LOOKALIKES[char] for char in "\u00d0\u0189\u00f0"),
    )
}
# What a text must hold to have a word of `mixed_words` (a regex character class).
NAME_LOOKALIKE_CLASS: Final = "".join(NAME_LOOKALIKES)
_NAME_TABLE: Final = str.maketrans({c: lookalike.meant for c, lookalike in NAME_LOOKALIKES.items()})
# A word: letters and their combining marks ("хây", "Сấp").
_WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|[\u0300-\u036f])*")
_OTHER_ALPHABETS = re.compile(r"[\u0370-\u03ff\u0400-\u052f\u1f00-\u1fff]")


def mixed_words(text: str) -> list[tuple[str, str]]:
    """The words of `text` that mix a look-alike letter of another alphabet (or Eth) with
    Latin letters, each with its Latin spelling ("хây" -> "xây"): a word wholly Cyrillic or
    Greek is a foreign word, and one holding a letter of those alphabets that looks like no
    Latin one ("хлеб") is no look-alike."""
    found = []
    for word in dict.fromkeys(_WORD.findall(text)):
        if not any(char in NAME_LOOKALIKES for char in word):
            continue
        latin = word.translate(_NAME_TABLE)
        if _OTHER_ALPHABETS.search(latin) or not any(
            char.isalpha() and char not in NAME_LOOKALIKES for char in word
        ):
            continue
        found.append((word, unicodedata.normalize("NFC", latin)))
    return found


def repair_mixed_words(text: str) -> str | None:
    """`text` with each word of `mixed_words` written in Latin letters; None where none is."""
    words = mixed_words(text)
    if not words:
        return None
    return _WORD.sub(lambda match: dict(words).get(match.group(), match.group()), text)
