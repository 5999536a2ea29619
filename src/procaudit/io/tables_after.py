"""A table of another kind under the list, on the same sheet: a summary of the procedures
per level or per field ("STT | Cấp thực hiện | Số lượng", "STT | Lĩnh vực | Số TTHC") put
after the last procedure, under its own heading ("TỔNG HỢP THEO CẤP").

Its rows are no procedures: read under the list's header, a level landed in the code column
and a count in the name's ("Cấp tỉnh" an invalid code, a heading a row without a name). Its
header is told by the row numbers' "STT" typed again in the list's STT column, over headers
naming at least one column, but neither the procedure's name nor its code (a header naming
them is another part of the list, `io.parts`, or the header repeated, `layout`), over rows
that count (a column of whole numbers) and hold no procedure code: a list continued under
a header typed otherwise ("STT | Danh mục thủ tục | Cấp thực hiện") is still read.

A table of another kind may have no header procaudit reads, only "STT" and its own words (a
table of changes "STT | Nội dung sửa đổi | Lý do", a fee schedule "STT | Nội dung thu | Mức
thu"). Under a list with codes it is told by the list's code column: its header labels that
column with words of its own, and its rows write words there, never a code. A list
continued under another header leaves that column empty or writes codes in it. The STT
cells are found by one hash look-up, so a long list costs nothing more.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from procaudit.io.grid import cells_in, labels_of
from procaudit.io.header_cells import STT_FORMS, STT_VALUES
from procaudit.io.headers import HeaderMap, map_headers

# 1.000178, 1.000494.000.00.00.H29, 2.001. Spelled without \s and \d, which pandas would run
# in Python on every cell; with plain classes it runs in Arrow.
CODE_LIKE = "[ \t\r\n\xa0]*[0-9]+[.][0-9]{3}"
_HEADING_CELLS = 2  # a heading over the table: its text, maybe repeated by a merge


def table_after(
    live: pd.DataFrame, header_map: HeaderMap, required: tuple[str, ...], extra: dict[str, str]
) -> pd.Index:
    """The rows of `live` (the list's rows, top to bottom) from the heading and header of a
    table of another kind laid under the list on to the end; none where there is none."""
    stt = header_map.stt
    if stt is None or live.empty:
        return live.index[:0]
    for at in np.flatnonzero(cells_in(live[stt], STT_FORMS, STT_VALUES)).tolist():
        found = map_headers(labels_of(live.iloc[at]), extra)
        if found.stt is None:
            continue
        if any(column in found.columns for column in (*required, "code")):
            continue
        code = header_map.columns.get("code")
        below = live.iloc[at + 1 :]
        if found.score >= 2 and _counts(below, stt, code):
            return live.index[_heading_above(live, at, stt) :]
        if code is not None and _words_for_codes(live, at, code):
            return live.index[_heading_above(live, at, stt) :]
    return live.index[:0]


# Words, not a code: a letter, a space, a letter ("Cấp mới", "Rút ngắn thời hạn"); a code,
# a local one ("2018.HT.14") too, holds no space between letters.
_WORDS = r".*[^\W\d_][ \t\xa0]+[^\W\d_]"


def _words_for_codes(live: pd.DataFrame, at: int, code: int) -> bool:
    """Whether the header at `at` labels the list's code column with words, the rows under
    it write words there and no code, and the list above it has codes: another table's
    column in the place of the code."""
    label = labels_of([live.iloc[at, code]])[0]
    if not re.match(_WORDS, label):
        return False
    above, below = live.iloc[:at, code], live.iloc[at + 1 :, code].dropna()
    if below.empty or not above.str.match(CODE_LIKE).fillna(False).astype(bool).any():
        return False
    return bool(below.astype("str").str.match(_WORDS).all())


def _counts(below: pd.DataFrame, stt: int, code: int | None) -> bool:
    """Whether the rows under another table's header count things: a column of whole
    numbers beside the row numbers, and no procedure code in the list's code column."""
    if code is not None and below[code].str.match(CODE_LIKE).fillna(False).astype(bool).any():
        return False
    for position, column in below.items():
        if position == stt:
            continue
        cells = column.dropna().astype("str").str.strip()
        if len(cells) and bool(cells.str.fullmatch(r"[0-9]+").all()):
            return True
    return False


def _heading_above(live: pd.DataFrame, at: int, stt: int) -> int:
    """Where the other table begins: at the headings right above its header, rows of a cell
    or two with no row number ("TỔNG HỢP THEO CẤP"), which belong to it, not to the list."""
    top = at
    while top > 0:
        row = live.iloc[top - 1]
        if int(row.notna().sum()) > _HEADING_CELLS or pd.notna(row.iloc[stt]):
            break
        top -= 1
    return top
