"""The code of the procedure a decision replaces, in an annex of replaced procedures.

Circular 02/2017's annex "Danh mục thủ tục hành chính được thay thế" heads its columns "STT
| Số hồ sơ TTHC | Tên TTHC được thay thế | Tên TTHC thay thế | …": the code is the replaced
procedure's (the replacing one is new, with no code yet), while the name read is the
replacing one's (`headers`: the replaced one's name is read only where no other column names
the name). Read together they would give the new procedure the old one's code, and PA202
would see one code under two names. A code column that does not say whose it is, left of
the replaced procedure's name, is that procedure's: not read. One naming the replacing
procedure ("Mã số TTHC thay thế") is read, and so is a code right of the replaced name.

The replacing procedure is a new one, which the national database gives its code after the
decision: its code cell is often empty. The rows that name the procedure they replace are
marked (`replacing_rows`, `REPLACING`) and PA102 does not ask them for a code, as it does not
ask a newly published procedure.
"""

from __future__ import annotations

import re
from dataclasses import replace

import numpy as np
import pandas as pd

from procaudit.io.headers import HeaderMap
from procaudit.vn.text import header_key

_REPLACED = (("duoc", "thay", "the"), ("bi", "thay", "the"))
# A header naming the replaced procedure's code or name, or the procedure itself ("Mã TTHC
# được thay thế", "Tên TTHC bị thay thế", "TTHC bị thay thế"), not another thing of it ("Quyết
# định bị thay thế"); and the cells under it that name none ("Không", "x").
_OF_PROCEDURE = re.compile(r"^(?:ma|so ho so|(?:ten )?(?:tthc|thu tuc))\b")
_NOTHING = ("không", "không có", "khong", "khong co", "x", "0")


def _names_replaced(label: str) -> bool:
    return (
        "thay" in label.lower()
        and _replaced(label)
        and _OF_PROCEDURE.match(header_key(label)) is not None
    )


def _replaced(label: str) -> bool:
    words = tuple(header_key(label).split())
    return any(words[-len(tail) :] == tail for tail in _REPLACED)


def without_replaced_code(header_map: HeaderMap, labels: list[str]) -> HeaderMap:
    """The header map without its code column where that column is the replaced
    procedure's (see the module's docstring); unchanged otherwise (most tables)."""
    code, name = header_map.columns.get("code"), header_map.columns.get("name")
    if code is None or name is None or "code" in header_map.given:
        return header_map
    if "thay the" in header_key(labels[code]) or _replaced(labels[name]):
        return header_map
    if not any(code < at < name and _replaced(labels[at]) for at in range(len(labels))):
        return header_map
    columns = {column: at for column, at in header_map.columns.items() if column != "code"}
    sources = {label: column for label, column in header_map.sources.items() if column != "code"}
    return replace(header_map, columns=columns, sources=sources)


def replacing_rows(
    header_map: HeaderMap,
    labels: list[str] | tuple[str, ...],
    body: pd.DataFrame,
    rows: pd.Series,
    merged: tuple[tuple[int, int, int], ...] = (),
) -> np.ndarray | None:
    """Which body rows name the procedure they replace: a cell filled in a column not read
    whose header is the replaced procedure's ("Mã TTHC được thay thế", "Tên TTHC bị thay
    thế"; a cell merged down over the row counts), where the name read is not that
    procedure's. None where the table has no such column. The replacing procedure is
    newly published: it may have no code yet (PA102 leaves it alone), as the annexes of new
    procedures often give none."""
    name = header_map.columns.get("name")
    if name is None or _replaced(labels[name]):
        return None
    read = set(header_map.columns.values()) | {header_map.stt}
    sides = [
        at
        for at, label in enumerate(labels)
        if at not in read and at < body.shape[1] and _names_replaced(label)
    ]
    if not sides:
        return None
    filled = np.zeros(len(body), dtype=bool)
    numbers = rows.to_numpy()
    for at in sides:
        texts = body.iloc[:, at].astype("string").str.strip().str.lower().fillna("")
        said = texts.str.contains(r"\w", regex=True) & ~texts.isin(_NOTHING)
        own = said.to_numpy(dtype=bool)
        for column, first, last in merged:
            if column == at and own[numbers == first].any():
                own |= (numbers > first) & (numbers <= last)
        filled |= own
    return filled
