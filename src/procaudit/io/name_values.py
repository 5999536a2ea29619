"""The column of procedures' names told by its values, where no header names it.

A header row may name every column of a catalogue but the name: "STT | Mã số | Thủ tục |
Lĩnh vực | Cơ quan thực hiện", "TTHC", "Nội dung", "Danh mục TTHC", "Tên gọi". Listing
those words as the name's aliases reads other headers wrongly ("Mã" over "TTHC" is the
code wrapped over two lines; "Danh mục thủ tục hành chính" is most annexes' title), so the
values decide instead: of the columns the header leaves unread, the one whose cells read
as procedures' names (`reads_as_name`: four words or more, in sentence case, neither an
agency, a document, a status nor a level), nearly all different and filled on nearly every
row where the columns the header names are.

Precision first: only a header naming two columns or more is searched so; a column whose
header names another thing holding long text (notes, a legal basis, an amendment, an
address, a person, a unit) is never chosen; and where two unread columns read as names,
none is. Only sheets that name no name column, or whose every name column holds something
else (io/values.py), are read so: the cells are read once per distinct text.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Sequence
from functools import lru_cache

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from procaudit.catalogue.status import is_status
from procaudit.io.value_profile import CLEAR, MIN_CELLS, SHOWN, filled_texts
from procaudit.vn.agencies import names_an_agency
from procaudit.vn.levels import names_only_levels
from procaudit.vn.text import header_key

# Columns a header row names besides the name (the row number not counted) for its other
# columns to be searched for the names: one known header may be a title's or a note's.
FEWEST_NAMED = 2
# Words a procedure's name has at least: the shortest seen read "Đăng ký giám hộ",
# "Đăng ký khai sinh" (5% of real names have fewer than six); a field ("Hộ tịch"), a
# level, a person's name ("Nguyễn Văn A") or a short note ("Không") has fewer.
_FEWEST_WORDS = 4
# Headers (`header_key`) that name another thing a column may hold long text of: notes,
# a description, a reason, a legal basis or a document, what an amendment changed, a
# requirement, the steps, the dossier or a form, a result, who applies, an address, a time,
# a fee, a unit, an agency or a person.
_OTHER_THING = re.compile(
    r"\b(?:ghi chu|chu thich|luu y|notes?|remarks?|comments?|mo ta|descriptions?|ly do"
    r"|reasons?|can cu|phap ly|legal|van ban|sua doi|bo sung|thay the|bai bo|dieu chinh"
    r"|thay doi|yeu cau|dieu kien|trinh tu|cach thuc|quy trinh|thanh phan|ho so|giay to"
    r"|mau|to khai|ket qua|doi tuong|dia chi|address|thoi gian|thoi han|time|phi|fees?"
    r"|don vi|co quan|ho ten|ho va ten|nguoi)\b"
)
# A document's number ("68/2013/TT-BCA", "1890/QĐ-UBND") and a document's kind opening a
# text: a legal basis, not a name.
_DOCUMENT_NUMBER = re.compile(r"\d+\s*/\s*(?:\d{4}\s*/\s*)?[A-ZĐ]")
_DOCUMENT = re.compile(
    r"^(?:luat|bo luat|nghi dinh|nghi quyet|thong tu|phap lenh|cong van|chi thi|van ban)\b"
)
_CUT_ENDS = ("…", "...")


@lru_cache(maxsize=8192)  # a sheet's names are read once each, a folder's fields too
def reads_as_name(text: str) -> bool:
    """Whether a cell reads as a procedure's name: four words or more, opening with a
    letter, in sentence case (most words after the first in lower case: not a heading in
    capitals, an agency's or a person's name in title case), not cut short, and neither an
    agency, a document, a status nor a level."""
    words = text.split()
    if len(words) < _FEWEST_WORDS or not words[0][0].isalpha() or text.endswith(_CUT_ENDS):
        return False
    later = [word for word in words[1:] if word[0].isalpha()]
    if 2 * sum(word[0].islower() for word in later) < len(later):
        return False
    trimmed = " ".join(words)
    return not (
        names_an_agency(trimmed)
        or _DOCUMENT_NUMBER.search(trimmed)
        or _DOCUMENT.match(header_key(trimmed))
        or is_status(trimmed)
        or names_only_levels(trimmed)
    )


def may_hold_names(header: str) -> bool:
    """Whether a column headed so may hold the names: its header names no other thing
    whose cells are long text (`_OTHER_THING`)."""
    return _OTHER_THING.search(header_key(header)) is None


def name_by_values(
    labels: Sequence[str], named: Collection[int], unread: Iterable[int], body: pd.DataFrame
) -> tuple[int, tuple[str, ...]] | None:
    """Of the `unread` columns of `body` (the rows under a header labelled `labels`, which
    reads the columns at `named` but not the name), the one whose values are procedures'
    names, with a few of them; None where the header reads too few columns, or no unread
    column, or more than one, reads so."""
    if len(named) < FEWEST_NAMED:
        return None
    most = max((len(_filled(body, p)) for p in named if p in body), default=0)
    found = [
        position
        for position in unread
        if position in body
        and may_hold_names(labels[position])
        and len(texts := _filled(body, position)) >= max(MIN_CELLS, CLEAR * most)
        and _names(texts)
    ]
    if len(found) != 1:
        return None
    (position,) = found
    return position, tuple(_filled(body, position).slice(0, SHOWN).to_pylist())


def _filled(body: pd.DataFrame, position: int) -> pa.Array:
    """The filled texts of a sample of a column, trimmed."""
    return _trimmed(filled_texts(body[position]))


def _trimmed(texts: pa.Array) -> pa.Array:
    """The texts trimmed, the empty ones left out."""
    trimmed = pc.utf8_trim_whitespace(texts)
    return trimmed.filter(pc.greater(pc.utf8_length(trimmed), 0))


def _names(texts: pa.Array) -> bool:
    """Whether a clear majority of these texts read as names, nearly all different: a
    column repeating a few long texts (a form's, a time's, a status's) names no procedure."""
    counts = pc.value_counts(texts)
    if len(counts) < CLEAR * len(texts):
        return False
    values = counts.field("values").to_pylist()
    weights = counts.field("counts").to_pylist()
    said = sum(w for value, w in zip(values, weights, strict=True) if reads_as_name(value))
    return said >= CLEAR * len(texts)
