"""A status written in a procedure's name instead of a status column: a mark at the end of
the name, in brackets or after a dash ("Cấp giấy phép X (đã bãi bỏ)", "… (Hết hiệu lực)",
"… (tạm dừng)", "… - Đã bãi bỏ theo QĐ 123/QĐ-UBND"), or in brackets before it ("[BÃI BỎ]
Cấp giấy phép X"), as officials keeping a list in Excel write it.

Only a mark that says the procedure is out of force or suspended counts, read as a status
cell is read (`status.status_kind`: "Bãi bỏ một phần" is not abolished), and only a mark
made of the status alone or with a reference to its decision or date ("theo QĐ
123/QĐ-UBND", "từ 01/7/2025"). A status word inside the name is part of the name ("Cấp
giấy phép bãi bỏ …", "Thủ tục hủy bỏ quyết định …", "… sau khi bãi bỏ …"), and so is a
bracket that says more ("(bãi bỏ thành phần hồ sơ)": the procedure is amended).

The reader gives a row the status its name marks where its own cell gives none and its
section or title none out of force (`take_name_statuses`), so that every rule reads it as a
status cell; PA404 reports it on the name. Found by column kernels; a Python call per
distinct candidate name only.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from procaudit.catalogue.columns import NAME_STATUS, SECTION_STATUS
from procaudit.catalogue.status import ABOLISHED, SUSPENDED, status_kind, status_kinds
from procaudit.catalogue.text_columns import (
    NFC_STABLE,
    arrow_chunks,
    holding_bytes,
    matches,
    re2_class,
)
from procaudit.vn.text import comparison_key

# A mark follows a bracket or a dash: the names holding none of these bytes (or the first
# byte of an en or em dash, of a full-width bracket) are passed over before the regex.
_BEFORE_MARK = b"([-\xe2\xe3\xef"
# What a mark may say, read loosely on the raw names (RE2, any case, words apart by any
# space: a no-break space is common in names copied from a web page); a name that NFC may
# change is looked at whatever it shows.
_GAP = r"[\s\x{a0}]"
_LOOSE = (
    rf"(?i)[(\[（【\-–—][^()\[\]（）【】]*?(?:bãi{_GAP}*bỏ|hủy|huỷ|hiệu{_GAP}+lực|dừng|ngừng|ngưng"
    rf"|đình{_GAP}+chỉ|không{_GAP}+(?:còn{_GAP}+)?(?:áp|sử|hoạt|thực)|abolish|repeal|revok"
    rf"|suspend)|[^{re2_class(NFC_STABLE)}]"
)
# A mark, on its comparison key: words before the status ("đã", "TTHC này đã bị"), the
# status, and at most a reference after it. Not the one-word statuses of a one-stop system
# ("Đóng", "Khóa"): in a name's brackets they say other things.
_MARK = re.compile(
    r"(?:(?:tthc|thủ tục(?: hành chính)?)(?: này)?\s+)?(?:(?:đã|bị)\s+)*"
    r"(?:bãi bỏ|hủy bỏ|hủy|hết hiệu lực|không còn hiệu lực|abolished|repealed|revoked|suspended"
    r"|(?:tạm )?(?:dừng|ngừng|ngưng|đình chỉ)(?: (?:thực hiện|áp dụng|tiếp nhận|giải quyết))?"
    r"|không (?:còn )?(?:áp dụng|sử dụng|thực hiện))"
    r"(?:\s*[,:;]?\s*(?:(?:theo|tại|từ|kể từ|do|bởi|ngày|năm|qđ|quyết định|nghị quyết|nghị định"
    r"|thông tư|số)\b.*|\d.*))?"
)
# A bracket (full-width ones too, as a name typed with a Chinese or Japanese input method
# has them); one at the end may lack its closing one, and a name may be broken over lines
# in its cell. A mark at the end may be followed by other tags ("… (bãi bỏ) (cấp tỉnh)").
_BRACKET = re.compile(r"[(\[（【]\s*(?P<status>[^()\[\]（）【】]+?)\s*(?:[)\]）】]|\Z)")
_TAGS_AFTER = re.compile(r"(?:\s*[(\[（【][^()\[\]（）【】]*[)\]）】])*[\s.]*")
_AFTER_HEAD = re.compile(r"\s*[-:–]?\s*\S.*", re.S)
_DASH = re.compile(r"\s[-–—]+\s*|[-–—]+\s")
_KINDS = (ABOLISHED, SUSPENDED)


def name_status(name: str) -> tuple[str, str, str] | None:
    """The status a name marks: the mark as the name writes it, where it stands ("… (đã bãi
    bỏ)", "[BÃI BỎ] …"), the status it says, as its comparison key ("đã bãi bỏ": no stray
    space or invisible character of the name's is copied into a status cell that the file
    does not have) and its kind (`status.ABOLISHED` or `status.SUSPENDED`); None where the
    name marks none."""
    read = _read(name)
    return None if read is None else read[:3]


def without_status_mark(name: str) -> str:
    """The name without the status it marks ("Cấp giấy phép X (đã bãi bỏ)" -> "Cấp giấy
    phép X"), NFC; the name itself where it marks none."""
    read = _read(name)
    return name if read is None else read[3]


def _read(name: str) -> tuple[str, str, str, str] | None:
    """`name_status`, and the name without its mark."""
    name = unicodedata.normalize("NFC", name).strip()
    for status, mark, bare in _marks(name):
        key = comparison_key(status)
        kind = status_kind(key) if _MARK.fullmatch(key) else None
        if kind in _KINDS:
            return mark, key, kind, bare
    return None


def _marks(name: str) -> Iterator[tuple[str, str, str]]:
    """Each place a mark may stand in the name: what it says, the mark as the name writes it
    where it stands, and the name without it."""
    for bracket in _BRACKET.finditer(name):
        before, after = name[: bracket.start()].strip(), name[bracket.end() :]
        head = not before and _AFTER_HEAD.fullmatch(after) is not None
        if head or (before and _TAGS_AFTER.fullmatch(after)):
            mark = bracket.group(0).strip()
            bare = after.strip().lstrip("-:–") if head else f"{before} {after.strip().rstrip('.')}"
            yield bracket.group("status"), f"{mark} …" if head else f"… {mark}", bare.strip()
    for dash in _DASH.finditer(name):
        before, after = name[: dash.start()].strip(), name[dash.end() :].strip()
        if dash.start() > 0 and before and after:
            yield after, "… " + name[dash.start() :].strip(), before


def name_statuses(names: pd.Series) -> pd.Series | None:
    """The status each name marks, as `name_status` gives it ("đã bãi bỏ"), by row, missing
    where none; None where no name marks one (most lists)."""
    texts = arrow_chunks(names)
    found = holding_bytes(texts, _BEFORE_MARK)
    if not found.any():
        return None
    found[found] = matches(texts.filter(pa.array(found)), _LOOSE).to_numpy(zero_copy_only=False)
    if not found.any():
        return None
    rows = np.flatnonzero(found)
    candidates = pc.take(texts, pa.array(rows)).to_pylist()
    said = {name: status[1] if (status := name_status(name)) else None for name in set(candidates)}
    statuses = [said[name] for name in candidates]
    if all(status is None for status in statuses):
        return None
    marked = pd.Series(None, index=names.index, dtype="object")
    marked.iloc[rows] = statuses
    return marked


def take_name_statuses(frame: pd.DataFrame, marked: pd.Series) -> None:
    """Give the rows of a canonical table the status their names mark (`name_statuses`) and
    flag them (`NAME_STATUS`), where the row's own cell says none. A status a section or the
    title passed down gives way to the name's: a row's own word wins over its part's ("Cấp
    giấy phép X (đã bãi bỏ)" in the part of procedures amended), except a part out of force,
    which says as much of its rows already."""
    own = frame["status"] if "status" in frame else pd.Series(pd.NA, index=frame.index)
    taken = own.isna() & marked.notna()
    if SECTION_STATUS in frame:
        passed = frame[SECTION_STATUS].astype(bool) & marked.notna()
        if passed.any():
            kinds = status_kinds(own[passed])
            taken[passed] = ~kinds.isin((ABOLISHED, SUSPENDED))
        frame[SECTION_STATUS] = frame[SECTION_STATUS].astype(bool) & ~taken
    frame[NAME_STATUS] = taken
    frame["status"] = own.mask(taken, marked).astype("str")
