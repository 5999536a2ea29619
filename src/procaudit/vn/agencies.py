"""Agency cells (cơ quan thực hiện): the agencies one cell names, and the level each works at.

District-tier offices are read from the words of one agency: an office ("UBND", "Phòng …",
"Công an", …) of a place of the district tier ("huyện", "quận", "thị xã", or "thành phố X"
where X is a city under a province; the centrally-run cities of data/central_cities.csv are
provinces), anything "cấp huyện", or an office only the district tier had ("Phòng Lao động -
Thương binh và Xã hội", "Phòng Tài nguyên và Môi trường"). A commune, ward or township named
between the office and the district makes the office the commune's and the district its
address ("UBND xã Hương Nộn - huyện Tam Nông"). District courts and procuracies are their
own cases, and so are the units of a department or a national system named after the
district they served ("Chi nhánh Văn phòng đăng ký đất đai huyện X"). A note on who held
the task before ("(thay thế Phòng Nội vụ cấp huyện)") is dropped first (`former_holders`).
A cell typed in a legacy font ("UBND cÊp huyÖn", .VnTime) is read as its conversion
(`text.as_unicode`). The agencies the reform dissolved or renamed, and the provinces it
merged, are `defunct_agencies`'s.
"""

from __future__ import annotations

import re
from functools import cache

from procaudit.vn.agency_words import agency_words
from procaudit.vn.data_files import data_rows
from procaudit.vn.former_holders import without_former
from procaudit.vn.levels import CENTRAL, COMMUNE, DISTRICT, PROVINCE
from procaudit.vn.text import as_unicode, comparison_key, strip_diacritics

_PUNCTUATION = re.compile(r"[^\w]+")

DISTRICT_COURT = "court"
DISTRICT_PROCURACY = "procuracy"
DISTRICT_POLICE = "police"
DISTRICT_BRANCH = "branch"

# An agency's electronic id (mã định danh điện tử, Decision 20/2020/QĐ-TTg): 000.00.15.H44,
# 000.00.00.G09. Shaped like a procedure's local code, never one. Plain classes and counts,
# read alike by Python's `re` and by Arrow's RE2.
AGENCY_ID = r"[0-9]{3}\.[0-9]{2}\.[0-9]{2}\.[A-Z][0-9]{2}"
# How an agency's name begins, an office or an authority ("Sở Tư pháp", "Cục Hàng không Việt
# Nam", "UBND cấp xã", "Chủ tịch UBND tỉnh"); a procedure's name begins with what is done
# ("Cấp", "Đăng ký", "Thủ tục …"), so none of the portal's 2,642 names begins so. Not "Ban"
# alone ("Ban hành …" is done) nor "Thanh tra" or "Viện" alone. The tax offices since 2025
# are "Thuế tỉnh …", "Thuế cơ sở …"; a fund is "Quỹ …", a civil judgment office "Thi hành án
# dân sự …" (the portal's agencies; none of its names begins so).
_AGENCY_WORDS = (
    "sở", "bộ", "bộ phận", "cục", "tổng cục", "chi cục", "chi nhánh", "vụ", "ủy ban", "uỷ ban",
    "ubnd", "hđnd", "hội đồng", "văn phòng", "phòng", "trung tâm", "ban quản lý", "công an",
    "ngân hàng nhà nước", "kho bạc", "bảo hiểm xã hội", "cảng vụ", "tòa án", "toà án",
    "viện kiểm sát", "chủ tịch", "thủ tướng", "chính phủ", "đài", "hạt", "trạm", "đội",
    "cơ quan", "quỹ", "thuế", "thi hành án",
)  # fmt: skip
# For `re` and RE2 alike: any case, no look-around, the word's end spelled as a class.
AGENCY_NAME_START = rf"(?i)^(?:{'|'.join(_AGENCY_WORDS)})(?:[ \t\n\r\xa0,;:(.&/-]|$)"
_AGENCY_NAME_START = re.compile(AGENCY_NAME_START)
# The first two letters of those words: most texts are told apart by theirs, folded, without
# the pattern (a procedure's "Cấp", "Đăng ký"), which costs ten times more.
_AGENCY_HEADS = frozenset(word[:2] for word in _AGENCY_WORDS)


def names_an_agency(text: str) -> bool:
    """Whether a text (trimmed) begins as an agency's name does (`AGENCY_NAME_START`)."""
    return text[:2].casefold() in _AGENCY_HEADS and _AGENCY_NAME_START.match(text) is not None


# A place of the district tier, as written with or without diacritics (a key is lower case);
# "quan" without marks is not read: it is also "quản" (quản lý) typed bare. "Thành phố" needs
# the name after it (see _district_city); "huyện nghèo" is a poverty class.
_PLACE = (
    r"(?<!\w)(?:(?P<county>(?:huyện|huyen|quận)(?!\w)(?!\s+(?:nghèo|ngheo)(?!\w)))"
    r"|(?P<town>(?:thị xã|thi xa)(?!\w))"
    r"|(?P<city>(?:thành phố|thanh pho)(?!\w)|tp(?:\s*\.|(?!\w))))"
)
_PLACE_RE = re.compile(_PLACE)
# Offices of the district tier: "UBND huyện X", "Phòng Tư pháp huyện", "Công an huyện".
_OFFICE = re.compile(
    r"(?<!\w)(?:ubnd|ủy ban nhân dân|uy ban nhan dan|hđnd|hdnd|hội đồng nhân dân|phòng|phong|"
    r"công an|cong an|chi cục|chi cuc|văn phòng|van phong|trung tâm|trung tam|ban|"
    r"bảo hiểm xã hội|bao hiem xa hoi|chi nhánh|chi nhanh|bộ phận|bo phan|kho bạc|kho bac|"
    r"hạt|trạm|đội)(?!\w)"
)
# Units of a province's department or of a national system that were named after the
# district they served ("Chi nhánh Văn phòng đăng ký đất đai huyện X", "Trung tâm Y tế huyện
# X", "Kho bạc Nhà nước huyện X", "Chi cục Thuế huyện X"): not offices of the district tier,
# but named after a place that ended, and renamed since (most now serve an area, "khu vực").
# Not a team ("Đội"): a district had its own (Đội Kiểm tra trật tự đô thị).
_BRANCH = re.compile(
    r"(?<!\w)(?:chi nhánh|chi nhanh|chi cục|chi cuc|kho bạc|kho bac|bảo hiểm xã hội|"
    r"bao hiem xa hoi|hạt|trạm|trung tâm y tế|trung tam y te)(?!\w)"
)
_ANY_LEVEL_DISTRICT = re.compile(
    r"(?<!\w)(?:cấp|cap)\s+(?:huyện|huyen|quận)(?!\w)(?!\s+(?:nghèo|ngheo)(?!\w))"
)
# District courts became regional courts (Tòa án nhân dân khu vực) on 1 July 2025, and
# district procuracies regional procuracies (Viện kiểm sát nhân dân khu vực).
_COURT = re.compile(r"(?<!\w)(?:tòa án nhân dân|toa an nhan dan|tand)\s+(?:(?:cấp|cap)\s+)?")
_PROCURACY = re.compile(
    r"(?<!\w)(?:viện kiểm sát nhân dân|vien kiem sat nhan dan|viện ksnd|vien ksnd|vksnd)\s+"
    r"(?:(?:cấp|cap)\s+)?"
)
# District police (Công an cấp huyện) ended on 1 March 2025, before the district tier: their
# tasks went to the province's police and the communes' police, not to a commune's People's
# Committee as the other district offices' did.
_POLICE = re.compile(r"(?<!\w)(?:công an|cong an)\s+(?:(?:cấp|cap)\s+)?")
# A commune, ward, township or special zone between an office and a district place makes
# the office the commune's and the district its address: "UBND xã Hương Nộn - huyện Tam
# Nông", "Trung tâm phục vụ hành chính công xã X huyện Y". Not "xã hội" (Phòng Lao động -
# Thương binh và Xã hội), "thị xã" (a town) or "hợp tác xã" (a cooperative).
COMMUNE_PLACE = re.compile(
    r"(?<!\w)(?<!thị )(?<!thi )(?<!tác )(?<!tac )"
    r"(?:xã|xa|phường|phuong|thị trấn|thi tran|đặc khu|dac khu)(?!\w)(?!\s+(?:hội|hoi)(?!\w))"
)
# Offices that only the district tier had, named without their place ("Phòng Lao động -
# Thương binh và Xã hội", "Phòng TN&MT", "Phòng GD&ĐT", "Phòng Văn hóa và Thông tin",
# "Phòng Tài chính - Kế hoạch"): the province had departments (Sở) instead, and the
# communes' offices since July 2025 have other names ("Phòng Văn hóa - Xã hội", "Phòng
# Kinh tế"). Not "Phòng Nội vụ", "Phòng Tư pháp": names other tiers' offices carry too
# (but see `_BARE_DISTRICT_OFFICE`).
# Matched on `agency_words`.
_DISTRICT_ONLY_OFFICE = re.compile(
    r"(?<!\w)phòng (?:lao động thương binh xã hội|tài nguyên môi trường|giáo dục đào tạo"
    r"|văn hóa thông tin|tài chính kế hoạch)(?!\w)(?!\s*cũ)"
)
# "Phòng Tư pháp" is the district's only where it is named bare, nothing else on its line
# ("UBND cấp xã; Phòng Tư pháp"): another body's office of that name says whose it is
# ("Phòng Tư pháp Quân khu 7"). The communes' offices since July 2025 have other names.
_BARE_DISTRICT_OFFICE = re.compile(r"^phòng tư pháp$")
# A district named bare, as a unit column or a unit's heading names it ("Huyện Thanh Ba",
# "Thị xã Phú Thọ", "Quận 1", "TP Việt Trì", "H. Lâm Thao", "Q. Hoàn Kiếm"): the whole line
# is the tier word (or its abbreviation) and a place's name. A district after an office is
# `_OFFICE`'s case; "Huyện ủy", "Huyện đoàn" are the party's and the youth union's.
_BARE_DISTRICT = re.compile(
    r"^(?:(?P<county>huyện|huyen|quận|h\s*\.|q\s*\.)|(?P<town>thị xã|thi xa|tx\s*\.?)"
    r"|(?P<city>thành phố|thanh pho|tp\s*\.?))\s*(?P<place>\w.*)$"
)
_NOT_A_PLACE = frozenset(("uy", "doan", "ngheo", "tuong"))
_PLACE_WORDS = 5  # "Phù Ninh", "Nông Trang", "Phan Rang - Tháp Chàm" fit
# A line that names a department or ministry too is its unit, not the district's office.
_PROVINCE_OR_MINISTRY = re.compile(r"(?<!\w)(?:sở|bộ)(?!\w)(?!\s+phận)")

# What may follow "thành phố" without naming a city: "thành phố trực thuộc trung ương" is a
# province, "các tỉnh, thành phố", "thành phố nơi …" name none; "thành phố thuộc tỉnh" is
# the district tier itself.
_CITY_UNDER_PROVINCE = re.compile(r"thuoc (?:tinh|thanh pho)(?!\w)")
_NOT_A_CITY_NAME = frozenset(
    (
        "truc",
        "thuoc",
        "trung",
        "tw",
        "va",
        "hoac",
        "noi",
        "co",
        "do",
        "tren",
        "tai",
        "cac",
        "nay",
        "so",
        "duoc",
        "cap",
        "tinh",
        "khac",
        "moi",
        "lien",
        "voi",
        "cua",
        "theo",
        "quan",
        "huyen",
        "xa",
        "phuong",
    )
)


@cache
def central_cities() -> tuple[str, ...]:
    """The names of the centrally-run cities, as words without diacritics ("ho chi minh",
    "hcm"): data/central_cities.csv (edit it there)."""
    rows = data_rows("central_cities.csv")
    names = []
    for row in rows:
        for name in (row["name"], *filter(None, row["other_names"].split("|"))):
            names.append(plain_words(name))
    return tuple(names)


def is_central_city(place: str) -> bool:
    """Whether `place` ("Hà Nội", "TP. Hồ Chí Minh", "Huế") names a centrally-run city."""
    words = plain_words(place)
    return bool(words) and any(f"{words} ".startswith(f"{city} ") for city in central_cities())


def plain_words(text: str) -> str:
    """Lower-case words without diacritics or punctuation: "TP. Hồ Chí Minh" -> "tp ho chi
    minh"."""
    return " ".join(_PUNCTUATION.sub(" ", strip_diacritics(comparison_key(text))).split())


def _district_city(after: str) -> bool | None:
    """Whether the words after "thành phố" make it a city of the district tier: True for a
    named city under a province ("Việt Trì") or "thuộc tỉnh", False for a centrally-run city
    or a province ("trực thuộc trung ương"), None where no city is named."""
    words = plain_words(after)
    if not words:
        return None
    if _CITY_UNDER_PROVINCE.match(words):
        return True
    if words.split()[0] in _NOT_A_CITY_NAME:
        return None
    return not any(f"{words} ".startswith(f"{city} ") for city in central_cities())


def district_place(key: str, start: int = 0, *, adjacent: bool = False) -> int | None:
    """Where `key` names a place of the district tier from `start` on (right at `start`
    when `adjacent`); None where it names none."""
    for match in _PLACE_RE.finditer(key, start):
        if adjacent and match.start() != start:
            return None
        if match.lastgroup != "city" or _district_city(key[match.end() :]):
            return match.start()
        if adjacent:
            return None
    return None


def _bare_district(key: str) -> bool:
    """Whether one agency line (a comparison key) is a district named bare: "huyện thanh
    ba", "quận 1", "tp việt trì" (not "thành phố hà nội", a province)."""
    found = _BARE_DISTRICT.match(key)
    if found is None:
        return False
    words = plain_words(found.group("place")).split()
    if not words or len(words) > _PLACE_WORDS or words[0] in _NOT_A_PLACE:
        return False
    if words[0] in _NOT_A_CITY_NAME:
        return False
    if words[0].isdigit():
        return len(words) == 1 and found.group("town") is None  # "Quận 1", not "TX 3"
    if any(word.isdigit() for word in words):
        return False
    return found.group("city") is None or _district_city(found.group("place")) is True


# An English list's district offices ("District People's Committee", "Division of Justice of
# Tam Nong District", "District 1 Police"): the word "district" with an office's word, or
# alone where it begins its line ("Tam Nong District"). A commune's, ward's or township's
# office names its district as its address; a military region is no district.
_EN_DISTRICT = re.compile(r"(?<!\w)districts?(?!\w)")
_EN_OFFICE = re.compile(
    r"(?<!\w)(?:committee|council|division|office|department|police|branch|bureau|board|"
    r"cent(?:re|er)|court|procuracy|treasury|social security|unit|team|station)(?!\w)"
)
_EN_BRANCH = re.compile(r"(?<!\w)(?:branch|treasury|social security)(?!\w)")
_EN_NOT_DISTRICT = re.compile(
    r"(?<!\w)(?:communes?|wards?|townships?|special zones?|military|province|provincial)(?!\w)"
)


def _english_kind(key: str, first: bool) -> str | None:
    """The kind of an English list's district office (`_line_kind`), or None."""
    if _EN_DISTRICT.search(key) is None or _EN_NOT_DISTRICT.search(key) is not None:
        return None
    if _EN_OFFICE.search(key) is None:
        return DISTRICT if first else None
    if "court" in key:
        return DISTRICT_COURT
    if "procuracy" in key:
        return DISTRICT_PROCURACY
    if "police" in key:
        return DISTRICT_POLICE
    return DISTRICT_BRANCH if _EN_BRANCH.search(key) else DISTRICT


def _line_kind(key: str, first: bool = True) -> str | None:
    """DISTRICT_COURT, DISTRICT_PROCURACY, DISTRICT_POLICE, DISTRICT_BRANCH, DISTRICT or None
    for one agency,
    given as its comparison key; a district named bare counts only where it begins its line
    (`first`)."""
    for body, kind in ((_COURT, DISTRICT_COURT), (_PROCURACY, DISTRICT_PROCURACY)):
        found = body.search(key)
        if found is not None:
            # Courts and procuracies are their own cases, never another district office.
            place = district_place(key, found.end(), adjacent=True)
            return kind if place is not None else None
    if (
        ("công an" in key or "cong an" in key)
        and (police := _POLICE.search(key)) is not None
        and (district_place(key, police.end(), adjacent=True) is not None)
    ):  # "Công an huyện X", "Công an cấp huyện"; "Công an xã X, huyện Y" is the commune's
        return DISTRICT_POLICE
    if (level := _ANY_LEVEL_DISTRICT.search(key)) is not None:
        return DISTRICT_BRANCH if _BRANCH.search(key, 0, level.start()) else DISTRICT
    office = _OFFICE.search(key)
    if office is not None:
        place = district_place(key, office.end())
        if place is not None and not COMMUNE_PLACE.search(key, office.end(), place):
            return DISTRICT_BRANCH if _BRANCH.search(key, 0, place) else DISTRICT
    elif first and _bare_district(key):
        return DISTRICT
    if "phòng" in key:  # most agencies name no office of the list below
        words = agency_words(key)
        if _DISTRICT_ONLY_OFFICE.search(words) and not _PROVINCE_OR_MINISTRY.search(words):
            return DISTRICT
        if _BARE_DISTRICT_OFFICE.match(words):
            return DISTRICT
    if "district" in key:
        return _english_kind(key, first)
    return None


_LEVEL_OF_OFFICE = (
    # A ministry, or one of its departments ("Cục Quản lý tài nguyên nước - Bộ NN và MT");
    # "Bộ phận một cửa" is a desk, not a ministry.
    (
        re.compile(
            # A "Cục" of a province ("Cục Thống kê tỉnh Thanh Hóa") is the province's.
            r"(?<!\w)cấp\s+(?:bộ|trung ương|tw)(?!\w)"
            r"|^(?:tổng\s+)?cục(?!\w)(?!.*(?<!\w)(?:tỉnh|thành phố)(?!\w))"
            r"|(?:^|-\s*|thuộc\s+)bộ(?!\w)(?!\s+phận)"
        ),
        CENTRAL,
    ),
    (re.compile(r"(?<!\w)cấp\s+(?:tỉnh|tinh)(?!\w)|^sở(?!\w)|(?<!\w)tỉnh(?!\w)"), PROVINCE),
    (
        re.compile(
            r"(?<!\w)cấp\s+xã(?!\w)|(?<!\w)(?:ubnd|ủy ban nhân dân|công an)\s+"
            r"(?:xã|phường|thị trấn|đặc khu)(?!\w)"
        ),
        COMMUNE,
    ),
)
# Systems with units at every level (the State Treasury, taxes, customs, social insurance):
# named without a place ("Kho bạc Nhà nước - Bộ tài chính", "Cục Thuế"), they say which
# ministry they belong to, not the level that does the procedure.
_SYSTEM = re.compile(r"^(?:kho bạc nhà nước|cục thuế|cục hải quan|bảo hiểm xã hội)(?!\w)")


def _agency_parts(cell: str) -> list[tuple[str, str, bool]]:
    """The agencies of one cell, each as written, as its comparison key, and whether it
    begins its line (a part after a comma may be a place of the agency before it: "UBND xã
    Tân Phú, huyện Tân Sơn"), without the notes on who held the task before."""
    parts = []
    # A cell typed in a legacy font ("UBND cÊp huyÖn", .VnTime) is read as its conversion.
    for line in re.split(r"[\n;]+", without_former(as_unicode(cell))):
        for at, part in enumerate(line.split(",")):
            if key := comparison_key(part):
                parts.append((" ".join(part.split()), key, at == 0))
    return parts


def agency_lines(cell: str) -> list[str]:
    """The agencies of one cell, each as its comparison key, without the notes on who held
    the task before ("Sở Nội vụ (thay thế Phòng Nội vụ cấp huyện)" -> "sở nội vụ ()")."""
    return [key for _, key, _ in _agency_parts(cell)]


def district_agency(cell: str) -> tuple[str, str] | None:
    """The district-tier agency of an agency cell, as its kind (DISTRICT_COURT,
    DISTRICT_PROCURACY, DISTRICT_POLICE, DISTRICT_BRANCH for a unit named after a district, or
    DISTRICT for
    another district-tier office) and its words as the
    cell writes them ("Phòng Tư pháp huyện Thanh Ba"); a court or a procuracy before another
    office, as its own case. None where the cell names none."""
    found: dict[str, str] = {}
    for part, key, first in _agency_parts(cell):
        kind = _line_kind(key, first)
        if kind is not None:
            found.setdefault(kind, part)
    for kind in (DISTRICT_COURT, DISTRICT_PROCURACY, DISTRICT_POLICE, DISTRICT, DISTRICT_BRANCH):
        if kind in found:
            return kind, found[kind]
    return None


def district_kind(cell: str) -> str | None:
    """DISTRICT_COURT, DISTRICT_PROCURACY, DISTRICT_POLICE, DISTRICT_BRANCH, DISTRICT (another
    district-tier
    office) or None, for one agency cell."""
    found = district_agency(cell)
    return None if found is None else found[0]


def _central_city(key: str) -> bool:
    """Whether an agency belongs to a centrally-run city ("Công an thành phố Hà Nội")."""
    return any(
        match.lastgroup == "city" and _district_city(key[match.end() :]) is False
        for match in _PLACE_RE.finditer(key)
    )


def agency_levels(cell: str) -> frozenset[str]:
    """The levels the agencies of a cell work at, where their names say it."""
    levels: set[str] = set()
    for _, line, first in _agency_parts(cell):
        if _line_kind(line, first) is not None:
            levels.add(DISTRICT)
        elif (level := _office_level(line)) is not None:
            levels.add(level)
        elif _central_city(line):
            levels.add(PROVINCE)
    return frozenset(levels)


def _office_level(key: str) -> str | None:
    """The level the words of one agency name first: "Công an xã Tân Phú huyện Tân Sơn tỉnh
    Phú Thọ" is the commune's police, the places after it are its address."""
    system = _SYSTEM.match(key) is not None
    found = [
        (match.start(), level)
        for pattern, level in _LEVEL_OF_OFFICE
        if not (system and level == CENTRAL) and (match := pattern.search(key))
    ]
    return min(found)[1] if found else None
