"""The pattern of a national procedure code, and the mechanical repairs of a code typed
otherwise: what PA101 suggests, what `procaudit fix` writes and what the duplicate rules
compare (`compared_codes`).
"""

from __future__ import annotations

import re

from procaudit.rules.code_writing import written_code

# Kept equal to the pattern in schemas/catalogue.yaml (a test holds them together). Its digits
# are ASCII: Python's \d would take a full-width "１.００８５７２" for a code, RE2's does not.
# A national code is D.DDDDDD; a local code appends the agency's electronic ID in full
# (`.000.00.00.H29`) or short (`.H19`).
CODE_PATTERN = r"^[0-9]\.[0-9]{6}((\.[0-9]{3}\.[0-9]{2}\.[0-9]{2})?\.[A-Z][0-9]{2})?$"
_CODE = re.compile(CODE_PATTERN)
DIGIT_LOOKALIKES = str.maketrans({"O": "0", "o": "0", "l": "1", "I": "1"})
# Codes that went through a number cell. Where the dot is the thousands separator (a
# Vietnamese Excel), "2.000648" is read as 2000648: seven digits, a leading digit and the six
# of a national number, which national numbering has so far kept below 200000 (1.0xxxxx,
# 1.1xxxxx), so an id such as 2345678 is not taken for a code. A number drops its trailing
# zeros ("1.003980" shows as 1.00398, or 1,00398 in a Vietnamese Excel), so what remains
# never ends in 0; fewer than three digits left ("1.1", "2.10") reads as section numbering.
LOST_DOT = re.compile(r"[1-9][01]\d{5}")
LOST_ZEROS = re.compile(r"[1-9][.,]\d{2,4}[1-9]")
NATIONAL_DIGITS = 6
# A web address in the code column (a link to the procedure's page on a portal), and a
# national code inside one ("…?ma_thu_tuc=1.000178"), which only the database can confirm.
LINK = r"^(?:https?://|www\.)"
CODE_IN_LINK = r"(?:^|[^0-9.])(?P<code>[0-9]\.[0-9]{6})(?:[^0-9.]|$)"


def repaired_code(code: str) -> str | None:
    """The code the author most likely meant, if a mechanical repair makes it valid.

    Typing slips (a comma for the dot, the letter O for a zero, a leading zero, a space typed
    inside: "1. 000178") have one
    reading; a code that a number cell changed (see `number_code_repair`) only probably
    means the code returned, and a person should check it. A code written with a label,
    a look-alike character or a stray mark (`code_writing`) is the code without them."""
    written = written_code(code)
    if written is not None:
        return written.code
    candidate = "".join(code.split()).removeprefix("'").removesuffix(".")
    candidate = candidate.replace(",", ".").translate(DIGIT_LOOKALIKES)
    head, dot, tail = candidate.partition(".")
    candidate = (head.lstrip("0") or "0") + dot + tail
    if _CODE.match(candidate):
        return candidate
    return number_code_repair(code)


def number_code_repair(code: str) -> str | None:
    """The national code a spreadsheet's number cell most likely turned into `code`: its dot
    ("2000648" for 2.000648) or its trailing zeros ("1.00398" for 1.003980) lost. None for
    anything else. A guess to review, unlike the other repairs of `repaired_code`."""
    text = code.strip()
    if LOST_DOT.fullmatch(text):
        return f"{text[0]}.{text[1:]}"
    if LOST_ZEROS.fullmatch(text):
        return text.replace(",", ".").ljust(2 + NATIONAL_DIGITS, "0")
    return None
