"""Agency cells (cơ quan thực hiện): the agencies one cell names, the level each works at,
and the agencies the 2025 reform dissolved or renamed."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from procaudit.levels import CENTRAL, COMMUNE, DISTRICT, PROVINCE
from procaudit.text import comparison_key

# One cell names several agencies, one per line or separated by commas and semicolons.
_SEPARATORS = re.compile(r"[\n,;]+")
_PUNCTUATION = re.compile(r"[^\w]+")

_DISTRICT_PLACE = r"(?:huyện|quận|thị xã)(?!\w)(?!\s+nghèo)"  # "huyện nghèo" is a poverty class
# Offices of the district tier: "UBND huyện X", "Phòng Tư pháp huyện", "Công an huyện",
# anything "cấp huyện". A court is its own case (see DISTRICT_COURT).
_DISTRICT_AGENCY = re.compile(
    r"(?<!\w)cấp\s+huyện(?!\w)(?!\s+nghèo)"
    r"|(?<!\w)(?:ubnd|ủy ban nhân dân|hđnd|hội đồng nhân dân|phòng|công an|chi cục|"
    r"văn phòng|trung tâm|ban|bảo hiểm xã hội|chi nhánh|bộ phận)(?!\w)[^,;\n]*?(?<!\w)"
    + _DISTRICT_PLACE
)
# District courts became regional courts (Tòa án nhân dân khu vực) on 1 July 2025.
_DISTRICT_COURT = re.compile(r"(?:tòa án nhân dân|tand)\s+(?:cấp\s+)?" + _DISTRICT_PLACE)

_LEVEL_OF_OFFICE = (
    # A ministry, or one of its departments ("Cục Quản lý tài nguyên nước - Bộ NN và MT");
    # "Bộ phận một cửa" is a desk, not a ministry.
    (re.compile(r"(?<!\w)cấp\s+(?:bộ|trung ương|tw)(?!\w)|^(?:tổng\s+)?cục(?!\w)"
                r"|(?:^|-\s*|thuộc\s+)bộ(?!\w)(?!\s+phận)"), CENTRAL),
    (re.compile(r"(?<!\w)cấp\s+(?:tỉnh|tinh)(?!\w)|^sở(?!\w)|(?<!\w)tỉnh(?!\w)"), PROVINCE),
    (re.compile(r"(?<!\w)cấp\s+xã(?!\w)|(?<!\w)(?:ubnd|ủy ban nhân dân|công an)\s+"
                r"(?:xã|phường|đặc khu)(?!\w)"), COMMUNE),
)

DISTRICT_COURT = "court"


def agency_lines(cell: str) -> list[str]:
    """The agencies of one cell, each as its comparison key."""
    return [key for part in _SEPARATORS.split(cell) if (key := comparison_key(part))]


def district_kind(cell: str) -> str | None:
    """DISTRICT_COURT, DISTRICT (another district-tier office) or None, for one agency cell."""
    lines = agency_lines(cell)
    if any(_DISTRICT_COURT.search(line) for line in lines):
        return DISTRICT_COURT
    if any(_DISTRICT_AGENCY.search(line) for line in lines):
        return DISTRICT
    return None


def agency_levels(cell: str) -> frozenset[str]:
    """The levels the agencies of a cell work at, where their names say it."""
    levels: set[str] = set()
    for line in agency_lines(cell):
        if _DISTRICT_COURT.search(line) or _DISTRICT_AGENCY.search(line):
            levels.add(DISTRICT)
            continue
        for pattern, level in _LEVEL_OF_OFFICE:
            if pattern.search(line):
                levels.add(level)
                break
    return frozenset(levels)


@dataclass(frozen=True)
class Defunct:
    """An agency dissolved or merged by the 2025 reorganisation, and who took it over."""

    old_name: str
    successor: str
    since: str
    note: str
    pattern: re.Pattern[str]
    successor_pattern: re.Pattern[str]


def _words(text: str) -> str:
    return " ".join(_PUNCTUATION.sub(" ", comparison_key(text)).split())


@cache
def defunct_agencies() -> tuple[Defunct, ...]:
    """The list kept in data/defunct_agencies.csv (edit it there, not here)."""
    source = resources.files("procaudit").joinpath("data/defunct_agencies.csv")
    with source.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    agencies = []
    for row in rows:
        names = [row["old_name"], *filter(None, row["short_names"].split("|"))]
        alternatives = "|".join(re.escape(_words(name)) for name in names)
        # "Bộ TTTT cũ": an old name marked as the former one is history, not a mistake.
        pattern = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)(?!\s*cũ)")
        successor = re.sub(r"\s*\(.*\)", "", row["successor"])  # "Cục Thuế (Bộ Tài chính)"
        successor_pattern = re.compile(rf"(?<!\w){re.escape(_words(successor))}(?!\w)")
        agencies.append(Defunct(
            row["old_name"], row["successor"], row["since"], row["note"], pattern,
            successor_pattern,
        ))
    return tuple(agencies)


def defunct_in(cell: str) -> tuple[Defunct, ...]:
    """The defunct agencies an agency cell names, unless it names the successor too ("Bộ
    Khoa học và Công nghệ (Bộ TTTT cũ)" says where the task went)."""
    words = _words(cell)
    return tuple(
        agency
        for agency in defunct_agencies()
        if agency.pattern.search(words) and not agency.successor_pattern.search(words)
    )
