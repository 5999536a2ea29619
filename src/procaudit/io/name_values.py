"""The column of procedures' names told by its values, where no header names it.

A header row may name every column of a catalogue but the name: "STT | Mã số | Thủ tục |
Lĩnh vực | Cơ quan thực hiện", "TTHC", "Nội dung", "Danh mục TTHC", "Tên gọi". Listing
those words as the name's aliases reads other headers wrongly ("Mã" over "TTHC" is the
code wrapped over two lines; "Danh mục thủ tục hành chính" is most annexes' title), so the
values decide instead: of the columns the header leaves unread, the one whose cells read
as procedures' names (`reads_as_name`: four words or more, in sentence case, neither an
agency, a document, a status nor a level), nearly all different and filled on nearly every
row where the columns the header names are.

Two kinds of list read so besides. A list written all in capitals ("ĐĂNG KÝ KHAI SINH CÓ
YẾU TỐ NƯỚC NGOÀI") is read in sentence case, a section's heading or a title's line ("I.
LĨNH VỰC HỘ TỊCH", "DANH MỤC THỦ TỤC …": `sections.is_heading`) never a name, nor a column
of texts mostly of four words or fewer (people's names, whose title case capitals hide). A
list stacked per unit (one-stop exports: each commune's or department's procedures one unit
after another) repeats its names once per unit: they are nearly all different within each
unit, which the agency column names (`units.find_units`, a unit merged down its block
read on each row of it) or rows heading each unit's block do ("UBND xã Tân Lập" over its
rows: `units.heading_unit`), with several rows a unit: the units the rules then know, so a
name is a duplicate only within one. A note or a legal basis repeated down the list
repeats within each unit too; a list repeating its names with no unit named is refused
(every name would be reported twice).

Precision first: only a header naming two columns or more is searched so; a column whose
header names another thing holding long text (notes, a legal basis, an amendment, an
address, a person, a unit) is never chosen; and where two unread columns read as names,
none is. Only sheets that name no name column, or whose every name column holds something
else (io/values.py), are read so: the cells are read once per distinct text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable, Sequence
from functools import lru_cache, partial

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from procaudit.catalogue.status import is_status
from procaudit.catalogue.units import find_units, heading_unit, section_units
from procaudit.io.sections import heading_text, is_heading
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


@lru_cache(maxsize=8192)
def reads_as_name_in_capitals(text: str) -> bool:
    """Whether a cell written in capitals reads as a procedure's name ("ĐĂNG KÝ KHAI SINH CÓ
    YẾU TỐ NƯỚC NGOÀI"): read in sentence case, it does (`reads_as_name`), and it bears no
    document's number. A heading is told apart by its words (`_in_capitals`)."""
    trimmed = " ".join(text.split())
    if not trimmed.isupper() or _DOCUMENT_NUMBER.search(trimmed):
        return False
    return reads_as_name(trimmed[0] + trimmed[1:].lower())


def _in_capitals(values: list[str], weights: list[int]) -> int:
    """How many of a column's texts in capitals (`values`, each `weights` times) read as
    names: neither a section's heading, a title's line nor a list's ("I. LĨNH VỰC HỘ TỊCH",
    "A. THỦ TỤC HÀNH CHÍNH CẤP TỈNH", "DANH MỤC THỦ TỤC …": `sections.is_heading`), nor an
    agency ("ỦY BAN NHÂN DÂN XÃ TÂN LẬP"). Capitals hide the title case a person's name is
    told by ("NGUYỄN THỊ MINH KHAI"): none where most have four words or fewer (most names
    have more; people's fewer)."""
    pairs = list(zip(values, weights, strict=True))
    longer = sum(weight for value, weight in pairs if len(value.split()) > _FEWEST_WORDS)
    if 2 * longer < sum(weights):
        return 0  # most of them of four words or fewer: people's names, as likely as not
    headings = is_heading(pd.DataFrame({0: pd.Series(values, dtype="object")}), None)
    return sum(
        weight
        for (value, weight), heading in zip(pairs, headings.tolist(), strict=True)
        if not heading and reads_as_name_in_capitals(value)
    )


def may_hold_names(header: str) -> bool:
    """Whether a column headed so may hold the names: its header names no other thing
    whose cells are long text (`_OTHER_THING`)."""
    return _OTHER_THING.search(header_key(header)) is None


def name_by_values(
    labels: Sequence[str],
    named: Collection[int],
    unread: Iterable[int],
    body: pd.DataFrame,
    agency: int | None = None,
) -> tuple[int, tuple[str, ...]] | None:
    """Of the `unread` columns of `body` (the rows under a header labelled `labels`, which
    reads the columns at `named` but not the name, and the agency at `agency`, if any), the
    one whose values are procedures' names, with a few of them; None where the header reads
    too few columns, or no unread column, or more than one, reads so."""
    if len(named) < FEWEST_NAMED:
        return None
    most = max((len(_filled(body, p)) for p in named if p in body), default=0)
    units = _Units(body, agency if agency in body else None)
    found = [
        position
        for position in unread
        if position in body
        and may_hold_names(labels[position])
        and len(texts := _filled(body, position)) >= max(MIN_CELLS, CLEAR * most)
        and _names(texts, partial(units.distinct_within, position))
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


def _names(texts: pa.Array, distinct_within_units: Callable[[], bool]) -> bool:
    """Whether a clear majority of these texts read as names (`reads_as_name`, or
    `reads_as_name_in_capitals` where a clear majority is in capitals), nearly all different,
    or nearly all different within each unit of a list stacked per unit: a column repeating
    a few long texts (a form's, a time's, a status's) names no procedure."""
    counts = pc.value_counts(texts)
    values = counts.field("values").to_pylist()
    weights = counts.field("counts").to_pylist()
    capitals = sum(w for value, w in zip(values, weights, strict=True) if value.isupper())
    if capitals >= CLEAR * len(texts):
        said = _in_capitals(values, weights)
    else:
        said = sum(w for value, w in zip(values, weights, strict=True) if reads_as_name(value))
    if said < CLEAR * len(texts):
        return False
    return len(counts) >= CLEAR * len(texts) or distinct_within_units()


class _Units:
    """The units of a list stacked per unit (each unit's procedures one unit after another,
    the same names once per unit), as its rows name them: a column the header reads
    naming units (`units.find_units`: "UBND xã Tân Lập", "Sở Tư pháp" block by block), else
    rows heading each unit's block ("UBND xã Tân Lập", "II. Đơn vị: Sở Tư pháp":
    `units.heading_unit`) over the rows down to the next, as the rules find them
    (`RuleContext.units`): names repeated in units the rules do not know would be reported
    as duplicates. Found once, when first asked."""

    def __init__(self, body: pd.DataFrame, agency: int | None) -> None:
        self.body = body
        self.agency = agency
        self._ids: np.ndarray | None = None
        self._found = False

    def ids(self) -> np.ndarray | None:
        """Each body row's unit (-1 where none), None where the list is not stacked."""
        if not self._found:
            self._found = True
            self._ids = self._by_column()
            if self._ids is None:
                self._ids = self._by_headings()
        return self._ids

    def _by_column(self) -> np.ndarray | None:
        """The units of the agency column, where its filled cells nearly all name agencies
        (not a column of codes with a unit's name on its heading rows)."""
        if self.agency is None:
            return None
        units = find_units(_trimmed_cells(self.body[self.agency]))
        if units is None:
            return None
        agencies = np.array([names_an_agency(label) for label in units.labels] + [False])
        named = units.ids[units.ids >= 0]
        if len(named) and np.count_nonzero(agencies[named]) >= CLEAR * len(named):
            return units.ids
        return None

    def _by_headings(self) -> np.ndarray | None:
        """The units the rows of a few cells (`_HEADING_CELLS` at most) head, down to the
        next such row; each distinct heading read once."""
        filled = self.body.notna().to_numpy()
        few = np.flatnonzero((filled.sum(axis=1) >= 1) & (filled.sum(axis=1) <= _HEADING_CELLS))
        if not len(few):
            return None
        texts = [heading_text(self.body.iloc[row]) for row in few.tolist()]
        named = {text: heading_unit(text) for text in dict.fromkeys(texts)}
        labels = pd.Series([named[text] for text in texts], index=few, dtype="object")
        rows = labels.dropna()
        if len(rows) < 2:
            return None
        each = pd.Series(None, index=range(len(self.body)), dtype="object")
        each.iloc[rows.index.to_numpy()] = rows.to_numpy()
        units = section_units(each.ffill())
        return None if units is None else units.ids

    def distinct_within(self, position: int) -> bool:
        """Whether the column at `position` is nearly all different within each unit, with
        several rows a unit (`MIN_CELLS` or more on average: a unit of a row or two is any
        text repeated)."""
        ids = self.ids()
        if ids is None:
            return False
        cells = _trimmed_cells(self.body[position])
        filled = cells.notna().to_numpy()
        pairs = pd.DataFrame({"unit": ids[filled], "text": cells.to_numpy()[filled]})
        units = pairs["unit"].nunique()
        if units < 2 or len(pairs) < MIN_CELLS * units:
            return False
        return len(pairs.drop_duplicates()) >= CLEAR * len(pairs)


# The cells a row heading a unit's block fills at most: its text, maybe merged across the
# row or beside its numbering ("II" | "Sở Tư pháp").
_HEADING_CELLS = 2


def _trimmed_cells(column: pd.Series) -> pd.Series:
    """A column's cells as trimmed text, missing where empty."""
    text = column.astype("string").str.strip()
    return text.mask(text.eq(""))
