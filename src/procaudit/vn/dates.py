"""Read the dates catalogues write: "15/8/2025", "15.08.2025", "2025-08-15",
"ngày 15 tháng 8 năm 2025"; tell a date that does not exist from text that is not a date."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

_DAY_FIRST = re.compile(
    r"^(?:ngày\s*)?(?P<day>\d{1,2})(?:\s*tháng\s*|\s*[/.-]\s*)(?P<month>\d{1,2})"
    r"(?:\s*năm\s*|\s*[/.-]\s*)(?P<year>\d{4}|\d{2})(?:\s+0?0:00(?::00)?)?\.?$",
    re.IGNORECASE,
)
# A date cell that lost its format shows Excel's day count: 45884 is 15/08/2025. Only
# counts between 1982 and 2064 are read that way; other numbers are not dates.
_SERIAL = re.compile(r"^(?P<days>[3-5]\d{4})(?:\.0+)?$")
_EXCEL_EPOCH = date(1899, 12, 30)
_ISO = re.compile(r"^(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})(?:[ T]0?0:00(?::00)?)?$")


@dataclass(frozen=True)
class ReadDate:
    """A date cell as read: `value` when it is a real date; `problem` says why it is not."""

    value: date | None
    problem: str | None = None  # "unreadable", "two-digit year", "no such day", "serial"
    written: str | None = None  # what the author meant, where that is evident


def read_date(text: str) -> ReadDate:
    cleaned = " ".join(text.split())
    serial = _SERIAL.match(cleaned)
    if serial:
        meant = _EXCEL_EPOCH + timedelta(days=int(serial.group("days")))
        return ReadDate(None, "serial", meant.strftime("%d/%m/%Y"))
    match = _DAY_FIRST.match(cleaned) or _ISO.match(cleaned)
    if match is None:
        return ReadDate(None, "unreadable")
    day, month, year = (int(match.group(part)) for part in ("day", "month", "year"))
    if len(match.group("year")) == 2:
        full = f"{day:02d}/{month:02d}/{2000 + year}"
        return ReadDate(None, "two-digit year", full)
    try:
        return ReadDate(date(year, month, day))
    except ValueError:
        return ReadDate(None, "no such day")
