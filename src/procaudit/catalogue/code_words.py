"""Words a code cell holds in place of a code: "Chưa có mã", "Đang cập nhật" say the
procedure has no code yet (a newly published one may have none: DOMAIN.md), and so do "Mới",
"TTHC mới" (a new procedure, not coded yet) and a cell of dashes or dots alone ("-", "…",
Excel's way of writing "nothing here"). The rules read such a cell as no code (PA102), not as
a malformed code (PA101), and never compare it with another row's as a code (PA201, PA202)."""

from __future__ import annotations

import re

import pandas as pd

from procaudit.catalogue.text_columns import (
    SMALL_COLUMN,
    arrow_text,
    map_distinct,
    matches,
    starting_with,
)
from procaudit.vn.text import fold

# Matched on the whole folded cell, its dots, dashes and brackets trimmed (nothing left: a
# cell of dashes or dots alone).
_NO_CODE_YET = re.compile(
    r"(?:chưa (?:có|cấp|được cấp|cập nhật)|đang (?:cập nhật|chờ cấp|chờ)|không có)"
    r"(?: mã(?: số)?(?: (?:tthc|thủ tục(?: hành chính)?))?)?|n/?a"
    r"|(?:(?:tthc|thủ tục(?: hành chính)?) )?mới(?: ban hành)?|"
)
_TRIMMED = " .…-–—_:;()"
# The words such a cell begins with (RE2, any case): the cells to look at in Python.
_FIRST_WORDS = r"(?i)^[\s(]*(?:chưa|đang|không|n/?a|mới|tthc|thủ tục|[-.…–—_:;]+\s*$)"
# The bytes such a cell begins with: RE2's \s, "(", "c", "đ", "k", "n", "m", "t" in any case,
# a dash or a dot ("Đ" and "đ" begin with C4; the Kelvin sign that "k" matches in any case,
# "…", "–" and "—" with E2).
_FIRST_BYTES = b"\t\n\x0b\x0c\r (-.:;_cCkKnNmMtT\xc4\xe2"
_LONGEST_NO_CODE = 40  # characters: a longer cell is no such words


def no_code_yet(value: str) -> bool:
    """Whether a code cell says the procedure has no code yet."""
    if len(value) > _LONGEST_NO_CODE:
        return False
    return _NO_CODE_YET.fullmatch(fold(value).strip(_TRIMMED)) is not None


def without_no_code_words(codes: pd.Series) -> pd.Series:
    """`codes` with the cells that say there is no code yet made missing (the column itself
    where none does)."""
    texts = arrow_text(codes)
    if len(texts) <= SMALL_COLUMN:
        candidates = matches(texts, _FIRST_WORDS).to_numpy(zero_copy_only=False)
    else:  # a million codes: the regex on the few cells that may begin with the words
        candidates = starting_with(texts, _FIRST_BYTES)
        if candidates.any():
            found = matches(texts.filter(candidates), _FIRST_WORDS)
            candidates[candidates] = found.to_numpy(zero_copy_only=False)
    if not candidates.any():
        return codes
    said = map_distinct(codes[candidates], no_code_yet, dtype="bool")
    if not said.any():
        return codes
    return codes.mask(said.reindex(codes.index, fill_value=False).astype(bool))
