"""The agencies the 2025 reform dissolved or merged, and the provinces it merged, as one cell
of agencies names them (`defunct_in`, PA504's reading).

Merged ministries and departments are listed in data/defunct_agencies.csv with their
successors (and who took some subjects instead), merged provinces in
data/merged_provinces.csv. Names are matched as `agency_words` (abbreviations written out);
an old name is history beside its successor or a note saying it is the former one ("Bộ
TTTT cũ"), and a province named after a commune or a district is an address."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from procaudit.vn.agencies import COMMUNE_PLACE, district_place, plain_words
from procaudit.vn.agency_words import agency_words
from procaudit.vn.data_files import data_rows
from procaudit.vn.former_holders import without_former
from procaudit.vn.text import comparison_key


@dataclass(frozen=True)
class Defunct:
    """An agency dissolved or merged by the 2025 reorganisation, and who took it over; or a
    province merged into another (`kind` PROVINCE: `old_name` "tỉnh Kiên Giang")."""

    old_name: str
    successor: str
    since: str
    note: str
    pattern: re.Pattern[str]
    successor_pattern: re.Pattern[str]
    kind: str = "agency"
    # Who took the tasks of some subjects instead ("press and publishing went to Sở Văn hóa,
    # Thể thao và Du lịch"): the agency, and the words of a procedure's name that say them.
    by_subject: tuple[tuple[str, re.Pattern[str]], ...] = ()
    # Reorganised under a new name ("Tổng cục Thuế" is "Cục Thuế"), not merged into another
    # agency: data/defunct_agencies.csv's change "renamed". PA504 says it is called so now.
    renamed: bool = False

    def successor_for(self, name: object) -> str | None:
        """The agency that took over the procedure named `name` where it was not the
        `successor` ("Cấp giấy phép xuất bản bản tin": Sở Văn hóa, Thể thao và Du lịch)."""
        if not self.by_subject or not isinstance(name, str):
            return None
        key = comparison_key(name)
        return next((agency for agency, words in self.by_subject if words.search(key)), None)


@cache
def defunct_agencies() -> tuple[Defunct, ...]:
    """The list kept in data/defunct_agencies.csv (edit it there, not here)."""
    rows = data_rows("defunct_agencies.csv")
    agencies = []
    for row in rows:
        names = [row["old_name"], *filter(None, row["short_names"].split("|"))]
        alternatives = "|".join(sorted({re.escape(agency_words(name)) for name in names}))
        # "Bộ TTTT cũ": an old name marked as the former one is history, not a mistake.
        pattern = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)(?!\s*cũ)")
        successor = re.sub(r"\s*\(.*\)", "", row["successor"])  # "Cục Thuế (Bộ Tài chính)"
        successor_pattern = re.compile(rf"(?<!\w){re.escape(agency_words(successor))}(?!\w)")
        agencies.append(
            Defunct(
                row["old_name"],
                row["successor"],
                row["since"],
                row["note"],
                pattern,
                successor_pattern,
                by_subject=_by_subject(row.get("by_subject") or ""),
                renamed=row.get("change") == "renamed",
            )
        )
    return tuple(agencies)


def _by_subject(cell: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """data/defunct_agencies.csv's by_subject: "Sở Y tế: trẻ em|cai nghiện; Sở …: …"."""
    found = []
    for part in filter(None, (p.strip() for p in cell.split(";"))):
        agency, words = part.split(":", 1)
        alternatives = "|".join(re.escape(comparison_key(w)) for w in words.split("|"))
        found.append((agency.strip(), re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")))
    return tuple(found)


PROVINCE_MERGED = "province"  # a `Defunct` that is a province merged into another
_NEVER = re.compile(r"(?!)")
# Where an office names its province: "tỉnh Kiên Giang", "UBND Kiên Giang".
_PROVINCE_NAMED = re.compile(r"(?<!\w)(?:tỉnh|tinh|ubnd|ủy ban nhân dân|uy ban nhan dan)\s+")
# The tier words (plain) a place name may follow: "phường Thái Bình" is a ward.
_TIER_BEFORE = frozenset(("xa", "phuong", "tran", "huyen", "quan", "khu", "pho", "tp", "tx"))


@cache
def merged_provinces() -> tuple[tuple[str, Defunct], ...]:
    """The provinces merged into others (data/merged_provinces.csv; edit it there), each
    under every name it is written by, as plain words ("ba ria vung tau", "br vt")."""
    named = []
    for row in data_rows("merged_provinces.csv"):
        province = Defunct(
            f"tỉnh {row['old_name']}",
            row["successor"],
            row["since"],
            row["act"],
            _NEVER,
            _NEVER,
            PROVINCE_MERGED,
        )
        for name in (row["old_name"], *filter(None, row["other_names"].split("|"))):
            named.append((plain_words(name), province))
    return tuple(named)


def _province_named(words: str) -> Defunct | None:
    """The merged province whose name `words` (plain words) begin with."""
    for name, province in merged_provinces():
        if words == name or words.startswith(name + " "):
            return province
    return None


def merged_province_in(key: str) -> Defunct | None:
    """The merged province an agency (its comparison key) belongs to: "Sở Tư pháp tỉnh Vĩnh
    Phúc", "UBND tỉnh Kiên Giang", "UBND Kiên Giang", "Sở Tư pháp Vĩnh Phúc". Named after a
    commune or a district ("UBND xã X tỉnh Thái Bình") the province is an address; a bare
    place name is never enough: wards took the old provinces' names ("phường Thái Bình")."""
    for found in _PROVINCE_NAMED.finditer(key):
        before = key[: found.start()]
        if COMMUNE_PLACE.search(before) or district_place(before) is not None:
            return None
        province = _province_named(plain_words(key[found.end() :]))
        if province is not None:
            return province
    if key.startswith(("sở ", "so ")):  # "Sở Tư pháp Vĩnh Phúc": the name ends the line
        plain = f" {plain_words(key)}"
        for name, province in merged_provinces():
            ahead = plain[: -len(name) - 1].split()
            if plain.endswith(f" {name}") and len(ahead) > 1 and ahead[-1] not in _TIER_BEFORE:
                return province
    return None


# The agencies of one cell as PA504 reads them: one a line, or separated by ";", or by a
# comma before the head of another agency ("Sở Tài chính, Sở KH&ĐT"); a comma inside a name
# ("Sở Lao động, Thương binh và XH") or between places ("Cục Hải quan tỉnh, thành phố")
# separates nothing.
AGENCY_BREAK = re.compile(
    r"\s*[\n;]+\s*|\s*,\s*(?=(?:sở|so|bộ|ubnd|ủy ban|uỷ ban|uy ban|tổng cục|cục|chi cục|ban"
    r"|phòng|trung tâm|công an|văn phòng|thủ tướng|chính phủ|ngân hàng|kho bạc|bảo hiểm"
    r"|tòa án|toà án|viện|hội đồng|chủ tịch|đài|thuế|hải quan)(?!\w))",
    re.IGNORECASE,
)


def defunct_in(cell: str) -> tuple[Defunct, ...]:
    """The defunct agencies and merged provinces an agency cell names, each agency of the
    cell read alone: an old name is history only beside its successor or a note in its own
    line ("Bộ Khoa học và Công nghệ (Bộ TTTT cũ)"); on a line of its own it is stale, whatever
    the other lines name ("Sở Tài chính\nSở Kế hoạch và Đầu tư")."""
    found: dict[str, Defunct] = {}
    for line in AGENCY_BREAK.split(without_former(cell)):
        words = agency_words(line)
        if not words:
            continue
        for agency in defunct_agencies():
            # The successor is looked for outside the old name: "Tổng cục Thuế" holds "Cục
            # Thuế".
            if agency.pattern.search(words) and not agency.successor_pattern.search(
                agency.pattern.sub(" ", words)
            ):
                found.setdefault(agency.old_name, agency)
        province = merged_province_in(comparison_key(line))
        if province is not None:
            found.setdefault(province.old_name, province)
    return tuple(found.values())
