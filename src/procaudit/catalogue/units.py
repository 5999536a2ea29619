"""Per-unit ("stacked") lists: one-stop systems export their configuration per unit
("theo đơn vị"), every unit's list one after another, so the same procedure appears once
per district, commune or department. In such a list the agency column names the unit a
row belongs to, and a duplicate is a duplicate only within one unit.

A table is taken for a stacked list when its agency column
- names one agency per cell: at most 1% of the filled rows list several (separated by
  line breaks or ";", as the national portal's "Cơ quan thực hiện" does); and
- names at least two particular units of one kind, either
  - local units named with their place: two district-tier offices of one kind ("UBND
    Huyện Phù Ninh", "UBND Thị xã Phú Thọ", "UBND Thành phố Việt Trì") or two
    commune-tier ones ("UBND xã Tiên Kiên", "UBND phường Nông Trang"); or
  - two units of one kind without a place ("Sở Xây dựng", "Sở Y tế"; "Ban quản lý ...",
    "Công an ...") when the rows come unit by unit, each unit's rows together and two or
    more rows a unit on average (the portal's lists name departments too, but
    interleaved, a procedure at a time).

A role is not a unit: "Ủy ban nhân dân cấp xã", "UBND huyện", "Sở Tài chính các tỉnh,
thành phố", "Tòa án nhân dân cấp huyện, quận, thị xã ..." describe whoever holds the
office everywhere. Cells are folded with `text.comparison_key` ("UBND Huyện Phù Ninh" and "Ủy
ban nhân dân huyện Phù Ninh" are one unit), and every step works on the column's distinct
values.

`find_units` gives each row's unit; `RuleContext.units` holds it for a table's rules.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np
import pandas as pd

from procaudit.vn.agencies import is_central_city
from procaudit.vn.agency_words import agency_words
from procaudit.vn.levels import COMMUNE, DISTRICT, PROVINCE
from procaudit.vn.text import comparison_key

# One cell naming several agencies: the portal puts one per line, some lists use ";". A
# comma is no separator here: it is inside names ("Sở Lao động, Thương binh và XH").
_SEVERAL = re.compile(r"\S\s*[\n;]\s*\S")
# Rows listing several agencies a stacked list may hold (a stray cell or two), as a share
# of the filled rows.
SEVERAL_SHARE = 0.01
# How many more runs of one unit than units a list "unit by unit" may have (a tenth).
BLOCK_SLACK = 0.1

# The tier each tier word names; abbreviations as in one-stop exports ("UBND TX Phú Thọ").
# The pattern tries the longer words first ("thị xã" before "xã").
_TIER_WORDS = {
    "thị xã": DISTRICT, "tx": DISTRICT, "thành phố": DISTRICT, "tp": DISTRICT,
    "huyện": DISTRICT, "quận": DISTRICT,
    "thị trấn": COMMUNE, "xã": COMMUNE, "phường": COMMUNE, "đặc khu": COMMUNE,
    "tỉnh": PROVINCE,
}  # fmt: skip
_TIER = re.compile(
    r"(?<!\w)(thị xã|thị trấn|thành phố|đặc khu|huyện|quận|phường|tỉnh|xã|tp|tx)(?!\w)\.?",
    re.IGNORECASE,
)
# Words that make a name a role, not one unit ("cấp xã", "các tỉnh", "nơi cư trú", "có
# thẩm quyền", "liên quan", "và tương đương", "trực thuộc"); "Ban Quản lý các KCN" is one.
_ROLE = re.compile(
    r"(?<!\w)(?:cấp|nơi|có thẩm quyền|liên quan|tương đương|trực thuộc"
    r"|các (?:tỉnh|thành phố|huyện|quận|thị xã|xã|phường|địa phương|cơ quan|bộ|sở))(?!\w)"
)
# A district or commune tier word ending the name with no place after it: "UBND huyện",
# "Công an xã" are every district's and every commune's ("Công an tỉnh" in a province's
# list is the province's own).
_LOCAL_ROLE = re.compile(r"(?<!\w)(?:thị xã|thị trấn|thành phố|đặc khu|huyện|quận|phường|xã)$")
# What may not follow a tier word in a place name: another tier, a list, a clause.
_NOT_PLACE = re.compile(r"[,;/()\n]|(?<!\w)(?:và|hoặc|thuộc|trực|nơi|có|khác|đó|này|cũ)(?!\w)")
_PLACE_WORDS = 5  # "Phù Ninh", "Nông Trang", "Phan Rang - Tháp Chàm" fit
# The heads of units without a place, by their first words.
_HEADS = (
    "ubnd",
    "sở",
    "ban quản lý",
    "công an",
    "bảo hiểm xã hội",
    "văn phòng",
    "chi cục",
    "cục",
    "phòng",
    "trung tâm",
)
OTHER = "other"
# The heads a section heading names a unit by without its place ("Sở Tư pháp"); "Phòng" and
# "Văn phòng" are left out, as field headings begin with them ("Phòng cháy, chữa cháy").
_HEADING_HEADS = frozenset(_HEADS) - {"phòng", "văn phòng"}
# A heading's numbering ("II.", "A)", "3.") and its "Đơn vị:" / "Cơ quan:" before the unit.
_HEADING_LEAD = re.compile(
    r"^(?:(?:[IVXLC]+|[A-Za-z]|\d{1,3})\s*[.):-]?\s+)?((?:tên\s+)?(?:đơn vị|cơ quan)\s*:\s*)?",
    re.IGNORECASE,
)


class UnitName(NamedTuple):
    """What an agency cell says about the unit it names."""

    key: str  # the unit's key: folded, "Ủy ban nhân dân" written "ubnd"
    kind: str  # "ubnd district", "sở", "công an commune", ... ; "" for a role
    place: bool  # named with its place at the district or commune tier
    several: bool  # the cell lists several agencies


def unit_key(cell: str) -> str:
    """The key under which two spellings of one unit are equal."""
    key = comparison_key(cell)
    key = re.sub(r"(?<!\w)ủy ban nhân dân(?!\w)", "ubnd", key)
    key = re.sub(r"(?<!\w)tp\.?\s*(?=\w)", "thành phố ", key)
    return re.sub(r"(?<!\w)tx\.?\s*(?=\w)", "thị xã ", key)


def agency_key(cell: str) -> str:
    """The key under which two spellings of one agency are equal: `unit_key` of its words
    with the abbreviations officials use written out (`agency_words.agency_words`: "Sở TN&MT"
    is "Sở Tài nguyên và Môi trường"), for comparing rows' agencies, not finding units."""
    return unit_key(agency_words(cell))


def unit_name(cell: str) -> UnitName:
    """The unit one agency cell names (see the module's docstring)."""
    several = _SEVERAL.search(cell.strip()) is not None
    text = " ".join(unicodedata.normalize("NFC", cell).split())
    key = unit_key(text)
    if several or not key or _ROLE.search(key):
        return UnitName(key, "", False, several)
    placed = _placed(text)
    if placed is not None:
        return UnitName(key, placed, placed.endswith((DISTRICT, COMMUNE)), False)
    if _LOCAL_ROLE.search(key):
        return UnitName(key, "", False, False)  # "UBND huyện": every district's
    head = next((start for start in _HEADS if key == start or key.startswith(start + " ")), OTHER)
    return UnitName(key, head, False, False)


def _placed(text: str) -> str | None:
    """ "<head> <tier>" when `text` ends with a tier word and a place name ("UBND Huyện Phù
    Ninh" -> "ubnd district"); None when it names no place."""
    tiers = [
        m
        for m in _TIER.finditer(text)
        if not (m.group(1).lower() == "xã" and text[m.end() :].lower().startswith(" hội"))
    ]
    if not tiers:
        return None
    tier = tiers[-1]
    place = text[tier.end() :].strip(" -:")
    words = place.split()
    if not words or len(words) > _PLACE_WORDS or _NOT_PLACE.search(place.lower()):
        return None
    mixed_case = text != text.upper() and text != text.lower()
    if mixed_case and not (place[0].isupper() or place[0].isdigit()):
        return None  # "Bảo hiểm xã hội huyện" names no place; "UBND huyện nơi..." neither
    level = _TIER_WORDS[tier.group(1).lower()]
    if level == DISTRICT and is_central_city(place):
        level = PROVINCE  # "UBND Thành phố Hà Nội" is no district
    head = unit_key(text[: tier.start()]).rstrip(" -")
    return f"{head} {level}"


@dataclass(frozen=True)
class Units:
    """The units of a stacked list: each row's unit id (-1 where the row names none), and
    each unit's label (as first written, spaces collapsed) and kind."""

    ids: np.ndarray
    labels: list[str]
    kinds: list[str]

    def __len__(self) -> int:
        return len(self.labels)


def find_units(agency: pd.Series) -> Units | None:
    """The units of a table whose agency column makes it a stacked list; None otherwise."""
    return units_of(pd.factorize(agency))


def units_of(factorized: tuple[np.ndarray, pd.Index]) -> Units | None:
    """`find_units` of an agency column already factorised: codes (-1 where missing) and
    distinct values. Each distinct value is looked at once; the rows are touched only by
    a count, a take and (where the kinds leave it open) a count of runs."""
    codes, uniques = factorized
    if len(uniques) < 2:
        return None
    names = [unit_name(str(value)) for value in uniques]
    rows = np.bincount(codes + 1, minlength=len(uniques) + 1)  # [0]: missing
    several = np.array([name.several for name in names], dtype=bool)
    if rows[1:][several].sum() > SEVERAL_SHARE * (len(codes) - rows[0]):
        return None
    unit_of_value, keys = pd.factorize(np.array([name.key for name in names], dtype=object))
    of_kind: dict[str, set[int]] = {}
    placed: dict[str, set[int]] = {}
    for unit, name in zip(unit_of_value.tolist(), names, strict=True):
        if name.kind:
            of_kind.setdefault(name.kind, set()).add(unit)
            if name.place:
                placed.setdefault(name.kind, set()).add(unit)
    if not any(len(units) >= 2 for units in placed.values()):
        if not any(len(units) >= 2 for units in of_kind.values()):
            return None
        if not _in_blocks(codes, unit_of_value):
            return None
    labels = [""] * len(keys)
    unit_kinds = [""] * len(keys)
    for value, unit, name in zip(uniques, unit_of_value.tolist(), names, strict=True):
        if not labels[unit]:
            labels[unit] = " ".join(str(value).split())
            unit_kinds[unit] = name.kind
    ids = np.append(unit_of_value, -1).astype(np.int64)[codes]  # code -1: the last
    return Units(ids, labels, unit_kinds)


# How many procedures a heading heads: "(5 TTHC)", "(03 thủ tục)", "(3)".
_COUNT = re.compile(r"\s*\(\s*\d+\s*(?:tthc|thủ tục(?: hành chính)?)?\s*\)\s*$", re.IGNORECASE)


def without_count(text: str) -> str:
    """A heading without the count of the procedures it heads: "Sở Tư pháp (15 thủ tục)" ->
    "Sở Tư pháp"."""
    return _COUNT.sub("", text)


def heading_unit(text: str, apart: bool = True) -> str | None:
    """The unit a section heading names ("UBND xã Tân Lập", "II. Đơn vị: Sở Tư pháp"),
    written as the heading writes it without its numbering, "Đơn vị:" or count; None for a heading
    that names no particular unit (a level, a field, a part, a role such as "UBND cấp xã").
    A row not set `apart` from the names (typed in the name column, unnumbered) names a unit
    only with its place or after "Đơn vị:": "Công an nhân dân ..." or "Trung tâm ..." there
    may be a line of a long name."""
    text = without_count(" ".join(text.split()))
    lead = _HEADING_LEAD.match(text)
    said = lead is not None and lead.group(1) is not None  # "Đơn vị: ..."
    unit = text[lead.end() :] if lead else text
    name = unit_name(unit)
    if not name.kind or name.several:
        return None
    return unit if said or name.place or (apart and name.kind in _HEADING_HEADS) else None


def section_units(labels: pd.Series) -> Units | None:
    """The units of a list whose sections name them (`heading_unit`): `labels` holds each
    row's unit as its section wrote it, missing where none; None unless two or more."""
    codes, uniques = pd.factorize(labels)
    if len(uniques) < 2:
        return None
    names = [unit_name(str(value)) for value in uniques]
    unit_of_value, keys = pd.factorize(np.array([name.key for name in names], dtype=object))
    if len(keys) < 2:
        return None
    labels_of = [""] * len(keys)
    kinds = [""] * len(keys)
    for value, unit, name in zip(uniques, unit_of_value.tolist(), names, strict=True):
        if not labels_of[unit]:
            labels_of[unit], kinds[unit] = str(value), name.kind
    ids = np.append(unit_of_value, -1).astype(np.int64)[codes]  # code -1: the last
    return Units(ids, labels_of, kinds)


def _in_blocks(codes: np.ndarray, unit_of_value: np.ndarray) -> bool:
    """Whether the rows come unit by unit: about one run of rows per unit, and units of
    several rows (a unit a row is any short list)."""
    named = unit_of_value[codes[codes >= 0]]  # rows naming no unit are passed over
    units = int(np.count_nonzero(np.bincount(named)))
    runs = 1 + int(np.count_nonzero(named[1:] != named[:-1])) if len(named) else 0
    return len(named) >= 2 * units and runs <= units + int(BLOCK_SLACK * units)
