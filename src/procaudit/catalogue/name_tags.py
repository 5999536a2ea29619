"""Which names of a column may end with a level tag, told by column kernels before a Python
call per name: a tag added in brackets or after a dash ("(cấp tỉnh)", "- cấp xã"), a
competence ("thuộc thẩm quyền của UBND cấp xã"), or where the procedure is done ("… tại cấp
huyện"). `vn.levels` reads the tags themselves, once per distinct name let through.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from procaudit.catalogue.text_columns import (
    NFC_STABLE,
    arrow_text,
    comparison_key_array,
    holding_bytes,
    map_texts,
    matches,
    re2_class,
    text_series,
)
from procaudit.vn.levels import untagged_key

_COMPOSABLE = f"[^{re2_class(NFC_STABLE)}]"  # a character NFC may change or merge


# A name may end with a level tag added to it only if "cấp" (any case, or "cap"), or an
# English list's "level", follows a bracket or a dash in it; one NFC may change is looked at
# whatever it shows. The others' untagged key is their comparison key. (One pattern: the
# English words cost the names no second pass.)
_ADDED_TAG = "[(\\[].*(?:c[ấa]p|level)|[-–].*(?:c[ấa]p|level)"
_MAY_BE_TAGGED = f"(?is){_ADDED_TAG}|{_COMPOSABLE}"
# A name may end with a level tag (`levels.name_tag`) only if it holds one added to it, or
# names a competence ("thuộc thẩm quyền của UBND cấp xã").
_MAY_END_WITH_ADDED_TAG = f"(?is){_ADDED_TAG}|{_COMPOSABLE}"
_COMPETENCE = "(?i)quy[ềe]n"
# Or says where it is done, at its end ("… tại cấp huyện", `levels._AT_RE` read loosely): one
# kernel over the names, ~70 ms a million (nearly every name holds a "t").
DONE_AT = r"(?i)\st[ạa]i\s+(?:\S+\s+){0,6}c[ấa]p\s+\S+(?:\s+\S+)?\s*\.?\s*$"
# An English list's "… at district level" (`levels._EN_AT_RE` read loosely): as an alternative
# of `DONE_AT` it tripled that kernel's time on every list, so it runs apart, on a list
# whose first names look English (ASCII), and there on the names holding "level" only.
_EN_DONE_AT = r"(?i)\s(?:at|by|on|in)\s+(?:\S+\s+){0,6}\S*levels?\s*\.?\s*$"
_HEAD = 20  # the first names, which say whether a list may be English


def may_end_with_tag(texts: pa.ChunkedArray, scan: np.ndarray | None = None) -> np.ndarray:
    """Which names may end with a level tag: a mask that `levels.name_tag` narrows. A tag
    added to a name needs a bracket or a dash before it: the names holding none of those
    bytes (or the first byte of "–") are passed over before the regex; a competence needs
    "quyền", so a "q" or "Q" (the only letters "q" matches in any case); where it is done,
    "tại … cấp" at its end, or in a list that looks English, "at … level". Given the names'
    `name_scan` (a mask of the names its union flags), "tại … cấp" is looked for in those
    only."""
    found = (
        _holding_match(texts, b"([-\xe2", _MAY_END_WITH_ADDED_TAG)
        | _holding_match(texts, b"qQ", _COMPETENCE)
        | (
            matches(texts, DONE_AT).to_numpy(zero_copy_only=False)
            if scan is None
            else narrowed(texts, scan.copy(), DONE_AT)
        )
    )
    if _looks_english(texts):
        level = pc.fill_null(pc.match_substring(texts, "level", ignore_case=True), False)
        found |= narrowed(texts, np.array(level, dtype=bool), _EN_DONE_AT)
    return found


def _looks_english(texts: pa.ChunkedArray) -> bool:
    """Whether one of the first names is written in ASCII words: an English list's (or one
    typed without diacritics, which the English pass then finds nothing in)."""
    head = texts.slice(0, _HEAD).to_pylist()
    return any(name.isascii() and " " in name for name in head if name)


def _holding_match(texts: pa.ChunkedArray, characters: bytes, pattern: str) -> np.ndarray:
    """`matches(texts, pattern)` for a pattern that needs one of the bytes `characters`: the
    regex runs on the texts holding one (`holding_bytes`) only."""
    return narrowed(texts, holding_bytes(texts, characters), pattern)


def narrowed(texts: pa.ChunkedArray, found: np.ndarray, pattern: str) -> np.ndarray:
    """`matches(texts, pattern)` where `found` (a mask a cheaper kernel made) holds, False
    elsewhere; `found` is narrowed in place. The few texts kept are joined: the kernel
    compiles its regex once a block (0.3 ms for the survey's; a million names are read in
    178 blocks)."""
    if found.any():
        kept = texts.filter(found)
        if isinstance(kept, pa.ChunkedArray):
            kept = kept.combine_chunks()
        hinted = matches(kept, pattern)
        found[found] = hinted.to_numpy(zero_copy_only=False)
    return found


def untagged_keys(names: pd.Series) -> pd.Series:
    """`levels.untagged_key` of every name: the comparison keys of the column's kernels, and
    one Python call per distinct name that may have a level tag."""
    texts = arrow_text(names)
    keys = comparison_key_array(texts)
    tagged = matches(texts, _MAY_BE_TAGGED)
    if pc.any(tagged).as_py():
        keys = pc.replace_with_mask(keys, tagged, map_texts(texts.filter(tagged), untagged_key))
    return text_series(keys, names.index)
