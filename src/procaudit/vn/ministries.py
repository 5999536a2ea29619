"""The ministries, ministry-level agencies and other national bodies that publish procedures
(the government of 1 March 2025, after the merges), and how a catalogue is told to belong to
one: its title block, else its file name, matched like the provinces (`provinces.NameIndex`).

The list is kept in data/ministries.csv: a name, its kind, other ways a title writes it
("Bộ NN và MT"), and the shorter forms a file name may use ("NongNghiepvaMoiTruong",
"toa-an-nhan-dan"). A title is matched on the names and other names only: "Sở Nông nghiệp và
Môi trường tỉnh X" is a province's department, not the ministry. A file name's short form
counts only where the rest of the name is catalogue words and numbers
("danh-sach-tthc-NongNghiepvaMoiTruong"): "linh-vuc-khoa-hoc-va-cong-nghe" or
"so-nong-nghiep-va-moi-truong" name a field and a department, not a ministry. Short forms
that are also common words ("Tư pháp", "Xây dựng", "Y tế") are not kept: "giay-phep-xay-dung"
is a building permit.

A catalogue names a province or a ministry, not both: in a title line naming both
("... của Bộ Tư pháp áp dụng tại tỉnh Lào Cai") the province wins, as it does in a file name;
the first title line naming either decides. Pure Python, like `provinces`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Final

from procaudit.vn.data_files import data_rows
from procaudit.vn.provinces import NameIndex, is_place_and_date, province_in, words

if TYPE_CHECKING:
    from collections.abc import Iterable


# Words a file name adds to the name of whose catalogue it is: "danh-sach-tthc-…",
# "DM_TTHC_…_2026"; numbers are such words too.
_CATALOGUE_WORDS: Final = frozenset(
    (
        "danh",
        "sach",
        "muc",
        "ds",
        "dm",
        "tthc",
        "thu",
        "tuc",
        "hanh",
        "chinh",
        "list",
        "of",
        "catalogue",
        "catalog",
        "procedures",
        "export",
        "xuat",
        "file",
        "data",
        "du",
        "lieu",
    )
)


@dataclass(frozen=True)
class Ministry:
    name: str
    kind: str  # "ministry", "ministry-level agency", "other national body"
    other_names: tuple[str, ...]
    file_names: tuple[str, ...]


@cache
def ministries() -> tuple[Ministry, ...]:
    """The list kept in data/ministries.csv (edit it there, not here)."""
    return tuple(
        Ministry(row["name"], row["kind"], _split(row["other_names"]), _split(row["file_names"]))
        for row in data_rows("ministries.csv")
    )


def _split(cell: str) -> tuple[str, ...]:
    return tuple(filter(None, (name.strip() for name in cell.split("|"))))


@cache
def _names() -> NameIndex:
    """The names and other names: what a title or a file name may say anywhere."""
    return NameIndex(
        (spelling, m.name) for m in ministries() for spelling in (m.name, *m.other_names)
    )


@cache
def _short_names() -> NameIndex:
    return NameIndex((spelling, m.name) for m in ministries() for spelling in m.file_names)


def ministry_in(text: str) -> str | None:
    """The first ministry (or national body) `text` names by its name or another name."""
    found = _names().find(words(text))
    return None if found is None else found.name


def ministry_in_file_name(path: str) -> str | None:
    """The ministry a file's name names: by its name anywhere, or by a short form where
    the rest of the name is catalogue words and numbers."""
    stem = words(Path(path).stem)
    found = _names().find(stem)
    if found is not None:
        return found.name
    for short in _short_names().all(stem):
        rest = stem[: short.start] + stem[short.end :]
        if all(word in _CATALOGUE_WORDS or word.isdigit() for word in rest):
            return short.name
    return None


def owner_of(path: str, title: Iterable[str] = ()) -> tuple[str | None, str | None]:
    """(province, ministry) of a catalogue, at most one of them: the first title line that
    names either (a place-and-date line is not read: a ministry signs in Hà Nội), else the
    file name."""
    for line in title:
        if is_place_and_date(line):
            continue
        province = province_in(line)
        if province is not None:
            return province, None
        ministry = ministry_in(line)
        if ministry is not None:
            return None, ministry
    province = province_in(Path(path).stem)
    if province is not None:
        return province, None
    return None, ministry_in_file_name(path)
