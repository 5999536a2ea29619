"""The code of the procedure a decision replaces, in an annex of replaced procedures.

Circular 02/2017's annex "Danh mục thủ tục hành chính được thay thế" heads its columns "STT
| Số hồ sơ TTHC | Tên TTHC được thay thế | Tên TTHC thay thế | …": the code is the replaced
procedure's (the replacing one is new, with no code yet), while the name read is the
replacing one's (`headers`: the replaced one's name is read only where no other column names
the name). Read together they would give the new procedure the old one's code, and PA202
would see one code under two names. A code column that does not say whose it is, left of
the replaced procedure's name, is that procedure's: not read. One naming the replacing
procedure ("Mã số TTHC thay thế") is read, and so is a code right of the replaced name.
"""

from __future__ import annotations

from dataclasses import replace

from procaudit.io.headers import HeaderMap
from procaudit.vn.text import header_key

_REPLACED = (("duoc", "thay", "the"), ("bi", "thay", "the"))


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
