"""Read the dates catalogues write: "15/8/2025", "15.08.2025", "2025-08-15", "2025/08/15",
"ngày 15 tháng 8 năm 2025", "20250815", also after a weekday ("Thứ Sáu, 15/08/2025",
"T6 15/8/2025", "Chủ nhật - 17/8/2025", as offices type a day); tell a date that does not
exist, or a month with no day ("08/2025"), from text that is not a date.

A database's export writes its DATETIME columns with their time ("2025-08-15 00:00:00.000",
"15/08/2025 10:22", "2025-08-15T08:00:00Z"): the time is not part of a decision's date, so
it is read past. A time of day "AM"/"PM" is .NET's en-US text, which writes the month
first ("8/15/2025 12:00:00 AM"); a Vietnamese one writes "SA"/"CH" and the day first.

A cell may list the dates of several decisions ("15/08/2025; 20/09/2025", one a line) or add
a note in brackets ("15/8/2025 (hiệu lực 1/9/2025)"): `date_parts` gives the dates it lists,
each to be read by `read_date`, which reads one date only.

A weekday the date is not ("Thứ Hai, 15/8/2025": a Friday) leaves the cell without a date:
one of the two is typed wrong, and only the decision says which."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

# A date in figures, day first, as a cell writes it beside other text ("1890/QĐ-UBND,
# 15/8/2025"): the pattern's text, for readers that look for it inside a cell.
DAY_MONTH_YEAR = r"\d{1,2}[/.-]\d{1,2}[/.-]\d{4}"
# A time of day after the date: "10:22", "00:00:00.000", "T08:00:00Z", "12:00:00 AM".
_TIME = (
    r"(?:(?:\s+|T)\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?"
    r"(?:\s*(?P<half>[AaPp]\.?[Mm]\.?|SA|CH))?(?:Z|[+-]\d{2}:?\d{2})?)?"
)
_DAY_FIRST = re.compile(
    r"^(?:ngày\s*)?(?P<day>\d{1,2})(?:\s*tháng\s*|\s*[/.-]\s*)(?P<month>\d{1,2})"
    rf"(?:\s*năm\s*|\s*[/.-]\s*)(?P<year>\d{{4}}|\d{{2}}){_TIME}\.?$",
    re.IGNORECASE,
)
# A date cell that lost its format shows Excel's day count: 45884 is 15/08/2025. Only
# counts between 1982 and 2064 are read that way; other numbers are not dates.
_SERIAL = re.compile(r"^(?P<days>[3-5]\d{4})(?:\.0+)?$")
# A month and a year without the day: "08/2025", "tháng 8/2025", "tháng 8 năm 2025".
_MONTH_ONLY = re.compile(
    r"^(?:tháng\s*)?(?P<month>\d{1,2})(?:\s*năm\s*|\s*[/.-]\s*)(?P<year>\d{4})\.?$",
    re.IGNORECASE,
)
# A database's compact date, "20250815" (years 1945-2099 only: other numbers are not dates).
_COMPACT = re.compile(r"^(?P<year>19[4-9]\d|20\d\d)(?P<month>[01]\d)(?P<day>[0-3]\d)$")
_EXCEL_EPOCH = date(1899, 12, 30)
_MAC_EPOCH = date(1904, 1, 1)  # a workbook of the 1904 date system counts from here
# A weekday before the date, Vietnamese (with or without diacritics, in words or figures:
# "Thứ Sáu", "Thu 6", "T6", "Chủ nhật", "CN") or English; then a comma, a dash or a space.
# Never part of a longer word or number ("Thu 25/8/2025" is no "Thứ 2").
_WEEKDAY = re.compile(
    r"^(?:(?:thứ|thu)\s*(?P<th>hai|ba|tư|tu|năm|nam|sáu|sau|bảy|bẩy|bay|[2-7])"
    r"|t(?P<t>[2-7])|(?P<cn>chủ\s*nhật|chu\s*nhat|cn)"
    r"|(?P<en>monday|tuesday|wednesday|thursday|friday|saturday|sunday))"
    r"(?!\w)(?:\s*[,:;–-]\s*|\s+)(?=\S)",
    re.IGNORECASE,
)
# The same weekday and what parts it from its date, to stand before `DAY_MONTH_YEAR` in
# another pattern ("1890/QĐ-UBND, Thứ Sáu 15/8/2025"); without groups, case-blind where used.
WEEKDAY_BEFORE = re.sub(r"\?P<\w+>", "?:", _WEEKDAY.pattern[1:]).removesuffix(r"(?=\S)")
# Python's weekday() of each: Monday is 0 and "Thứ Hai"; Sunday 6 and "Chủ nhật".
_WEEKDAY_NUMBER = {
    "hai": 0, "ba": 1, "tư": 2, "tu": 2, "năm": 3, "nam": 3, "sáu": 4, "sau": 4, "bảy": 5,
    "bẩy": 5, "bay": 5, "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3,
    "friday": 4, "saturday": 5, "sunday": 6,
}  # fmt: skip
# A weekday's Vietnamese name, for the message that a date is another day.
WEEKDAY_NAMES = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật")
_ISO = re.compile(rf"^(?P<year>\d{{4}})([-/.])(?P<month>\d{{1,2}})\2(?P<day>\d{{1,2}}){_TIME}$")

# A note in brackets: "(hiệu lực 1/9/2025)"; the date before it is the decision's.
_NOTE = re.compile(r"\s*[(\[][^()\[\]]*[)\]]")
# Between the dates of several decisions: ";", ",", a line break, "và".
_BETWEEN_DATES = re.compile(r"\s*(?:[;,\n]|\bvà\b)\s*", re.IGNORECASE)


@dataclass(frozen=True)
class ReadDate:
    """A date cell as read: `value` when it is a real date; `problem` says why it is not."""

    value: date | None
    # "unreadable", "two-digit year", "no such day", "serial", "month only", "weekday"
    problem: str | None = None
    written: str | None = None  # what the author meant, where that is evident
    meant: date | None = None  # the date a day number stands for, or a weekday's date


def read_date(text: str, date1904: bool = False) -> ReadDate:
    """`text` read as one date. `date1904`: the cell is from a workbook that counts its days
    from 1904 (Excel for Mac's date system), where a day number stands for a date four years
    later than in the usual system."""
    cleaned = " ".join(text.split())
    weekday = _WEEKDAY.match(cleaned)
    if weekday is not None:
        read = read_date(cleaned[weekday.end() :], date1904)
        if read.value is not None and read.value.weekday() != _weekday_number(weekday):
            return ReadDate(None, "weekday", read.value.strftime("%d/%m/%Y"), read.value)
        return read
    serial = _SERIAL.match(cleaned)
    if serial:
        epoch = _MAC_EPOCH if date1904 else _EXCEL_EPOCH
        meant = epoch + timedelta(days=int(serial.group("days")))
        return ReadDate(None, "serial", meant.strftime("%d/%m/%Y"), meant)
    match = _DAY_FIRST.match(cleaned) or _ISO.match(cleaned) or _COMPACT.match(cleaned)
    if match is None:
        month_only = _MONTH_ONLY.match(cleaned)
        if month_only and 1 <= int(month_only.group("month")) <= 12:
            return ReadDate(None, "month only")
        return ReadDate(None, "unreadable")
    day, month, year = (int(match.group(part)) for part in ("day", "month", "year"))
    en_us = (match.groupdict().get("half") or "").lower().startswith(("a", "p"))
    if en_us and match.re is _DAY_FIRST and day <= 12:
        day, month = month, day  # the month first, unless it cannot be ("15/08/2025 … AM")
    if len(match.group("year")) == 2:
        full = f"{day:02d}/{month:02d}/{2000 + year}"
        return ReadDate(None, "two-digit year", full)
    try:
        return ReadDate(date(year, month, day))
    except ValueError:
        return ReadDate(None, "no such day")


def _weekday_number(match: re.Match[str]) -> int:
    """The weekday (Monday 0) a `_WEEKDAY` match names."""
    if match.group("cn"):
        return 6
    if figure := match.group("th") if match.group("th") in tuple("234567") else match.group("t"):
        return int(figure) - 2  # "Thứ 2" is Monday
    return _WEEKDAY_NUMBER[(match.group("th") or match.group("en")).lower()]


# A database's timestamp: seconds or milliseconds since 1970, bare or as .NET's JSON writes it
# ("/Date(1755216000000)/", "/Date(1755216000000+0700)/"). A number is read so only in a
# date column all of whose values are such numbers (`epoch_column`): alone, it is a number.
_EPOCH = re.compile(r"^(?:/Date\()?(?P<number>\d{9,13})(?:[+-]\d{4})?(?:\)/)?$")
_EPOCH_FIRST, _EPOCH_LAST = date(1990, 1, 1), date(2100, 1, 1)
# Read in Vietnam's time: a system that stores local midnight stores 17:00 of the day before
# in UTC, and one that stores UTC midnight is 07:00 of the same day here.
_VIETNAM = timezone(timedelta(hours=7))
_SECONDS_BELOW = 10**11  # more is milliseconds: the two ranges of 1990-2100 do not meet


def epoch_date(text: str) -> date | None:
    """The day a timestamp of seconds or milliseconds since 1970 names, in Vietnam, if it
    is one between 1990 and 2100; None for anything else."""
    match = _EPOCH.match(text.strip())
    if match is None:
        return None
    number = int(match.group("number"))
    seconds = number if number < _SECONDS_BELOW else number / 1000
    try:
        day = datetime.fromtimestamp(seconds, _VIETNAM).date()
    except (OverflowError, OSError, ValueError):
        return None
    return day if _EPOCH_FIRST <= day < _EPOCH_LAST else None


def date_parts(text: str) -> list[str]:
    """The dates a cell lists, without its notes in brackets: ["15/08/2025", "20/09/2025"]
    for "15/08/2025; 20/09/2025", ["15/8/2025"] for "15/8/2025 (hiệu lực 1/9/2025)"; a cell
    of one date gives that date. Only the separators are looked at: a part may not be a date.
    """
    unnoted = _NOTE.sub("", text).strip() or text
    return [part for part in _BETWEEN_DATES.split(unnoted) if part.strip()]
