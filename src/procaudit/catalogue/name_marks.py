"""Marks an official adds at the end of a name to say what changed, not what the procedure
is: "(sửa đổi)", "(sửa đổi, bổ sung)", "(mới)", "(thay thế)", a star or a footnote's
superscript ("Cấp bản sao (mới)", "Đăng ký khai sinh *", "Cấp giấy phép¹"); and the
status a name marks ("Cấp bản sao (đã bãi bỏ)", "[BÃI BỎ] Cấp bản sao": `name_status`).

A list that holds a procedure twice, once marked, holds one procedure twice: the duplicate
rules compare names without these marks (`unmarked_codes`), so the pair is a duplicate
entry, not one code for two names. So is a procedure listed in force and again marked
abolished, as it would be with the status in its own column (PA404 says which to take out).
A level tag ("(cấp tỉnh)") is no such mark: it names
another procedure. Found by column kernels; a Python call per distinct marked name only.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from procaudit.catalogue.name_status import name_statuses, without_status_mark
from procaudit.catalogue.text_columns import arrow_text, matches, starting_with

_SUPERSCRIPTS = "¹²³⁴⁵⁶⁷⁸⁹⁰"
# One mark, on a comparison key (lower case, single spaces); read alike by `re` and RE2.
_ONE_MARK = (
    r"\((?:(?:đã|được)\s)?(?:sửa đổi(?:,?\s?bổ sung)?|bổ sung|sđ,?\s?bs|sđbs|mới(?:\sban hành)?"
    rf"|ban hành mới|tthc mới|thay thế|\*+)\)|\*+|[{_SUPERSCRIPTS}]+"
)
_MARKS = rf"(?:\s?(?:{_ONE_MARK}))+$"
_MARKS_RE = re.compile(_MARKS)
_MARKED = f"\\S{_MARKS}"  # marks after the name, not a name that is only marks
# The last byte of what a marked key ends with: most names end otherwise and are passed over
# without the regex (a superscript's last byte ends some letters too: "ư").
_LAST = bytes(sorted({mark.encode()[-1] for mark in (")", "*", *_SUPERSCRIPTS)}))


def unmarked(key: str) -> str:
    """A name's comparison key without the marks at its end, nor the status it marks."""
    return _MARKS_RE.sub("", without_status_mark(_MARKS_RE.sub("", key)))


def unmarked_codes(keys: pd.Series, codes: np.ndarray) -> np.ndarray:
    """The numbers of the names' comparison `keys` (`codes`, equal keys equal numbers), with
    a marked name given the number of its name without the marks: of that name where the
    list holds it, else a new one, shared by the names marked otherwise."""
    texts = arrow_text(keys)
    found = starting_with(texts, _LAST, end=True)
    if found.any():
        hinted = matches(texts.filter(pa.array(found)), _MARKED)
        found[found] = hinted.to_numpy(zero_copy_only=False)
    statuses = name_statuses(keys)
    if statuses is not None:
        found |= statuses.notna().to_numpy()
    if not found.any():
        return codes
    rows = np.flatnonzero(found)
    marked = texts.take(pa.array(rows)).to_pylist()
    bare = {key: unmarked(key) for key in set(marked)}
    names = pa.array(sorted(set(bare.values())))
    holding = pc.fill_null(pc.is_in(texts, value_set=names), False).to_numpy(zero_copy_only=False)
    number = dict(zip(texts.filter(pa.array(holding)).to_pylist(), codes[holding], strict=True))
    fresh = int(codes.max(initial=-1)) + 1
    for name in names.to_pylist():
        if name not in number:
            number[name] = fresh
            fresh += 1
    unified = codes.copy()
    unified[rows] = [number[bare[key]] for key in marked]
    return unified
