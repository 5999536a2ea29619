"""The 34 provinces and centrally-run cities since 12 June 2025 (Resolution 202/2025/QH15),
and how a catalogue is told to belong to one: its title block, else its file name.

Names are compared as words without diacritics, case or separators: "catalogue-lao-cai.xlsx",
"DanhMuc_LaoCai.xlsx", "laocai.csv" and "ỦY BAN NHÂN DÂN TỈNH LÀO CAI" all name Lào Cai,
while "thue" (thuế, tax) does not name Huế: a name must cover whole words (`NameIndex`,
which `ministries` uses for the ministries too). Pure Python, so that the configuration can
check a province's name without loading pandas.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator


PROVINCES: Final = (
    "Hà Nội",
    "Huế",
    "Lai Châu",
    "Điện Biên",
    "Sơn La",
    "Lạng Sơn",
    "Quảng Ninh",
    "Thanh Hóa",
    "Nghệ An",
    "Hà Tĩnh",
    "Cao Bằng",
    "Tuyên Quang",
    "Lào Cai",
    "Thái Nguyên",
    "Phú Thọ",
    "Bắc Ninh",
    "Hưng Yên",
    "Hải Phòng",
    "Ninh Bình",
    "Quảng Trị",
    "Đà Nẵng",
    "Quảng Ngãi",
    "Gia Lai",
    "Khánh Hòa",
    "Lâm Đồng",
    "Đắk Lắk",
    "TP. Hồ Chí Minh",
    "Đồng Nai",
    "Tây Ninh",
    "Cần Thơ",
    "Vĩnh Long",
    "Đồng Tháp",
    "Cà Mau",
    "An Giang",
)
# Other ways the lists write a province's name, beside the name itself.
_OTHER_NAMES: Final = {
    "TP. Hồ Chí Minh": ("Hồ Chí Minh", "TP HCM", "HCM"),
}
# Words that may precede a name the user writes in the configuration ("Tỉnh Lào Cai").
_PREFIXES: Final = ("tinh", "thanh pho", "tp")

_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
_NOT_ALNUM = re.compile(r"[^a-z0-9]+")
# "…, ngày 15 tháng 8 năm 2025" (or "ngày …/…/…") once folded: the line of a decision's date.
_PLACE_AND_DATE = re.compile(r"\bngay (?:\d|thang\b)")  # "ngày … tháng" when left blank
# Tokens a name may be spread over ("t p ho chi minh" is five, "bo van hoa the thao va du
# lich" eight).
_LONGEST_RUN = 10


def words(text: str) -> list[str]:
    """Lower-case ASCII words: "DanhMuc_LàoCai" -> ["danh", "muc", "lao", "cai"]."""
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return [word for word in _NOT_ALNUM.split(_CAMEL.sub(" ", text).lower()) if word]


def folded_name(text: str) -> str:
    """A name as compared and sorted: "Đắk Lắk" -> "dak lak"."""
    return " ".join(words(text))


def name_key(name: str) -> str:
    """A name's words run together: "Lào Cai" -> "laocai", as `NameIndex` looks it up."""
    return "".join(words(name))


def is_place_and_date(line: str) -> bool:
    """Whether a title line is where and when a decision was signed ("Hà Nội, ngày 15
    tháng 8 năm 2025"): it names a place that is not the catalogue's."""
    return _PLACE_AND_DATE.search(folded_name(line)) is not None


@dataclass(frozen=True)
class Found:
    """A name found in a text, and where: `words[start:end]` spell it."""

    name: str
    start: int
    end: int


class NameIndex:
    """Names (with their other spellings) found in text as runs of whole words: a run of
    words whose letters, run together, are a name's ("lao cai", "LaoCai", "laocai")."""

    def __init__(self, spellings: Iterable[tuple[str, str]]) -> None:
        """`spellings`: (a spelling, the name it stands for)."""
        self.by_key = {name_key(spelling): name for spelling, name in spellings}
        self.longest = max(map(len, self.by_key), default=0)

    def find(self, text_words: list[str], start: int = 0) -> Found | None:
        """The first name spelled by a run of `text_words` from `start` on."""
        for first in range(start, len(text_words)):
            joined = ""
            for last in range(first, min(first + _LONGEST_RUN, len(text_words))):
                joined += text_words[last]
                if len(joined) > self.longest:
                    break
                if joined in self.by_key:
                    return Found(self.by_key[joined], first, last + 1)
        return None

    def all(self, text_words: list[str]) -> Iterator[Found]:
        """Every name spelled in `text_words`, left to right, none overlapping."""
        start = 0
        while (found := self.find(text_words, start)) is not None:
            yield found
            start = found.end


_INDEX: Final = NameIndex(
    (alias, province)
    for province in PROVINCES
    for alias in (province, *_OTHER_NAMES.get(province, ()))
)


def province_in(text: str) -> str | None:
    """The first province named in `text`: a run of its whole words that spells the name."""
    found = _INDEX.find(words(text))
    return None if found is None else found.name


def province_named(name: str) -> str | None:
    """The province a name written by the user means ("lao cai", "Tỉnh Lào Cai", "TP HCM"),
    or None when it names none: the whole text must be the name."""
    given = words(name)
    for prefix in _PREFIXES:
        if given[: len(prefix.split())] == prefix.split() and name_key(name) not in (_INDEX.by_key):
            given = given[len(prefix.split()) :]
            break
    return _INDEX.by_key.get("".join(given))


def province_of(path: str, title: Iterable[str] = ()) -> str | None:
    """The province of a catalogue: the first named in its title block, else in its file
    name. A place-and-date line ("Hà Nội, ngày 15 tháng 8 năm 2025") names where a decision
    was signed, which for a ministry is Hà Nội: it is not read."""
    for line in title:
        found = None if is_place_and_date(line) else province_in(line)
        if found is not None:
            return found
    return province_in(Path(path).stem)
