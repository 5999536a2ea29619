"""The RE2 patterns of the text-cell survey (PA601-PA606): stray whitespace, text NFC may
change, legacy-font text, HTML references and markup, look-alike letters, and `CELL_SUSPECT`,
their union, which one scan of a column runs. Here, below the rules, so that the names' one
shared scan (`name_scan`, made with their comparison keys) can hold them too.
"""

from __future__ import annotations

from procaudit.catalogue.text_columns import NFC_STABLE, re2_class
from procaudit.vn.legacy_fonts import UNICODE_ONLY
from procaudit.vn.lookalikes import NAME_LOOKALIKE_CLASS
from procaudit.vn.text import INVISIBLE

# Written as the insides of regex character classes.
ZERO_WIDTH = INVISIBLE  # zero-width characters and the soft hyphen: `text.INVISIBLE`
# Spaces other than the plain one: the non-breaking space that web pages and Word paste,
# and the typographic spaces. Like tabs, none belongs in a catalogue cell.
OTHER_SPACES = "\x0b\x0c\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
INVISIBLE_CLASS = f"\t\xa0{OTHER_SPACES}{ZERO_WIDTH}"
EDGE_CLASS = f" \n\r{INVISIBLE_CLASS}"
# A line break separates agencies or levels; spaces around it, blank lines and a lone
# carriage return do not. (RE2, which has no lookahead: "\r" not before "\n" is spelt out.)
STRAY = (
    f"^[{re2_class(EDGE_CLASS)}]|[{re2_class(EDGE_CLASS)}]$|[{re2_class(INVISIBLE_CLASS)}]"
    r"|  | \r?\n|\n |\n\r?\n|\r(?:[^\n]|$)"
)
# A line break anywhere: in a column of one value a cell (`whitespace.ONE_LINE`), PA603
# reports it.
BREAK = r"[\r\n]"
# A value with a part (between NUL characters, if it has any) that holds a character beyond
# ASCII and no letter that only Unicode has: what legacy-font text looks like.
NO_UNICODE_LETTER = (
    f"(?:^|\\x00)[^\\x00{re2_class(UNICODE_ONLY)}]*[^\\x00-\\x7f{re2_class(UNICODE_ONLY)}]"
    f"[^\\x00{re2_class(UNICODE_ONLY)}]*(?:\\x00|$)"
)
# Values that may not be NFC: those with a character NFC can change or merge.
MAY_NOT_BE_NFC = f"[^{re2_class(NFC_STABLE)}]"
# HTML character references, numeric ("&#40;", "&#x28;") or named ("&amp;"): PA604's.
HTML_REFERENCE = "&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,30});"
# HTML tags of the text formatting a web editor writes ("<br/>", "<p>", "<a href=…>"), by
# name: a placeholder such as "<tên cơ quan>" or "<18>" is none. PA605's (`html_markup`).
HTML_MARKUP = (
    r"<\s*/?\s*(?i:br|p|div|span|a|b|i|u|s|em|strong|font|sup|sub|ul|ol|li|table|tbody|thead"
    r"|tr|td|th|h[1-6]|hr|center|strike|del|ins|blockquote|pre|img)(?:\s[^<>]*)?/?\s*>"
)
# A letter of another alphabet that looks like a Latin one: PA606's (`name_lookalikes`).
LOOKALIKE_LETTER = f"[{re2_class(NAME_LOOKALIKE_CLASS)}]"
# One scan of a column finds the values any of the rules may flag (a few, in most columns).
CELL_SUSPECT = (
    "|".join((STRAY, MAY_NOT_BE_NFC, NO_UNICODE_LETTER, HTML_REFERENCE, HTML_MARKUP, BREAK))
    + f"|{LOOKALIKE_LETTER}"
)
