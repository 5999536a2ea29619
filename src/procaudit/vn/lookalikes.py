"""Characters that look like the ones a decision number is written with, but are not.

"1890/QÐ-UBND" writes the Latin letter Eth (Ð, U+00D0, from Icelandic fonts and some
Vietnamese keyboards) where Vietnamese has Đ (U+0110); Word's autocorrect turns a hyphen into
an en dash ("1890/QĐ–UBND"); copies from PDFs bring a minus sign or a non-breaking hyphen.
The eye cannot tell them apart, but a search for the number, or a program reading it, does.
Each is replaced by the character it imitates, and named so that the message can say which.
"""

from __future__ import annotations

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
_TABLE: Final = str.maketrans({char: lookalike.meant for char, lookalike in LOOKALIKES.items()})


def lookalikes_in(text: str) -> tuple[Lookalike, ...]:
    """The look-alike characters `text` holds, each once, in the order they first appear."""
    return tuple(LOOKALIKES[char] for char in dict.fromkeys(text) if char in LOOKALIKES)


def replace_lookalikes(text: str) -> str:
    """`text` with every look-alike character replaced by the one it imitates."""
    return text.translate(_TABLE)
