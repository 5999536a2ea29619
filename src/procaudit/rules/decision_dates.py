"""What is wrong with a publishing decision's date cell, in words, for PA403
(rules/publication.py): unreadable, impossible, a month without its day, in the future,
before 1945, a day number that lost its date format, a good date behind an apostrophe
stored in the cell, or a date after a weekday it is not ("Thứ Hai, 15/8/2025")."""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from procaudit.core.i18n import t
from procaudit.vn.dates import WEEKDAY_NAMES, date_parts, read_date

_EARLIEST_YEAR = 1945


class DateProblem(NamedTuple):
    """What is wrong with a decision date cell: its message and fix, and whether the date
    reads all the same (`readable`: a good date behind the apostrophe Excel hides, a mark
    on the cell, not a wrong date; a date after a weekday it is not, where the weekday may
    be the typo: PA403 says it as a warning)."""

    message: str
    fix: str
    readable: bool = False


def date_problem(text: str, today: date, date1904: bool = False) -> DateProblem | None:
    """Message and fix for a decision date cell that is wrong; None for a good one.

    A cell that is not one date may list several, one per decision ("15/08/2025;
    20/09/2025"), or add a note in brackets ("15/8/2025 (hiệu lực 1/9/2025)"): each date it
    lists is checked, and the first wrong one reported. A cell none of whose parts reads as
    a date is reported whole ("Aug 15, 2025" is not the dates "Aug 15" and "2025").
    `date1904`: the cell is from a workbook counting its days from 1904."""
    problem = _one_date_problem(text, today, date1904)
    if problem is None or read_date(text).problem != "unreadable":
        return problem
    parts = date_parts(text)
    if parts == [text.strip()] or all(read_date(part).problem == "unreadable" for part in parts):
        return problem
    for part in parts:
        found = _one_date_problem(part, today, date1904)
        if found is not None:
            return found
    return None


def _one_date_problem(text: str, today: date, date1904: bool = False) -> DateProblem | None:
    """Message and fix for one decision date that is wrong; None for a good one."""
    found = _wrong_date(text, today, date1904)
    return found if found is None or isinstance(found, DateProblem) else DateProblem(*found)


def _wrong_date(
    text: str, today: date, date1904: bool = False
) -> tuple[str, str] | DateProblem | None:
    """`_one_date_problem`'s message and fix, as a pair where the date is wrong."""
    read = read_date(text, date1904)
    shown = text.strip()
    copy = t("Copy the date from the decision itself.", "Ghi lại ngày theo đúng quyết định.")
    if read.problem == "two-digit year":
        return (
            t(
                "The decision date '{shown}' has a two-digit year.",
                "Ngày quyết định '{shown}' ghi năm bằng hai chữ số.",
                shown=shown,
            ),
            t(
                "Write the year in full: {date}.",
                "Ghi năm đủ bốn chữ số: {date}.",
                date=read.written,
            ),
        )
    if read.problem == "serial" and read.meant is not None and read.meant > today:
        return (
            t(
                "The decision date '{shown}' is a date cell that lost its format (Excel's day "
                "number for {date}), and that date is in the future.",
                "Ngày quyết định '{shown}' là ô ngày tháng đã mất định dạng (số thứ tự ngày của "
                "Excel, tương ứng ngày {date}), và đó là một ngày trong tương lai.",
                shown=shown,
                date=read.written,
            ),
            t(
                "Correct the date (a decision is announced on or before the day the list is "
                "checked) and format the cell as a date.",
                "Sửa lại ngày (quyết định phải được công bố vào hoặc trước ngày kiểm tra danh "
                "mục) và định dạng ô theo kiểu ngày tháng.",
            ),
        )
    if read.problem == "serial":
        return (
            t(
                "The decision date '{shown}' is a date cell that lost its format (Excel's day "
                "number for {date}).",
                "Ngày quyết định '{shown}' là ô ngày tháng đã mất định dạng (số thứ tự ngày của "
                "Excel, tương ứng ngày {date}).",
                shown=shown,
                date=read.written,
            ),
            t(
                "Format the cell as a date, or write {date}.",
                "Định dạng ô theo kiểu ngày tháng, hoặc ghi {date}.",
                date=read.written,
            ),
        )
    if read.problem == "month only":
        return (
            t(
                "The decision date '{shown}' gives a month and a year, not the day.",
                "Ngày quyết định '{shown}' chỉ ghi tháng và năm, không ghi ngày.",
                shown=shown,
            ),
            t(
                "Write the day the decision was signed, as dd/mm/yyyy.",
                "Ghi đủ ngày ký quyết định theo định dạng dd/mm/yyyy.",
            ),
        )
    if read.problem == "no such day":
        return (
            t(
                "The decision date '{shown}' is not a real date.",
                "Ngày quyết định '{shown}' là ngày không có thật.",
                shown=shown,
            ),
            copy,
        )
    if read.problem == "weekday" and read.meant is not None:
        return DateProblem(
            t(
                "The decision date '{shown}' names another weekday: {date} is a {weekday}.",
                "Ngày quyết định '{shown}' ghi sai thứ: ngày {date} là {weekday}.",
                shown=shown,
                date=read.written,
                weekday=WEEKDAY_NAMES[read.meant.weekday()],
            ),
            t(
                "Check the date against the decision, and write it as dd/mm/yyyy.",
                "Đối chiếu ngày với quyết định, và ghi ngày theo định dạng dd/mm/yyyy.",
            ),
            readable=True,
        )
    if read.value is None and shown.startswith("'"):
        marked = _marked_date(shown[1:], today, date1904)
        if marked is not None:
            return marked
    if read.value is None:
        return (
            t(
                "'{shown}' is not a date (expected dd/mm/yyyy, e.g. 15/08/2025).",
                "'{shown}' không phải là ngày tháng (định dạng đúng: dd/mm/yyyy, ví dụ "
                "15/08/2025).",
                shown=shown,
            ),
            t(
                "Write the date the decision was signed as dd/mm/yyyy.",
                "Ghi ngày ký quyết định theo định dạng dd/mm/yyyy.",
            ),
        )
    if read.value > today:
        return (
            t(
                "The decision date {shown} is in the future.",
                "Ngày quyết định {shown} là một ngày trong tương lai.",
                shown=shown,
            ),
            t(
                "Correct the date: a decision is announced on or before the day the list is "
                "checked.",
                "Sửa lại ngày: quyết định phải được công bố vào hoặc trước ngày kiểm tra danh mục.",
            ),
        )
    if read.value.year < _EARLIEST_YEAR:
        return (
            t(
                "The decision date {shown} is before {year}, too early to be real (often an "
                "empty date cell formatted as a date).",
                "Ngày quyết định {shown} trước năm {year}, quá sớm để là ngày thật (thường là ô "
                "ngày để trống nhưng được định dạng ngày tháng).",
                shown=shown,
                year=_EARLIEST_YEAR,
            ),
            copy,
        )
    return None


def _marked_date(text: str, today: date, date1904: bool) -> DateProblem | None:
    """A date cell holding the apostrophe Excel takes for "this is text" before a date
    ("'20/08/2025", as an export to CSV writes it out): said as the mark it is, where the
    rest is a good date; None otherwise (the rest's own problem is the cell's)."""
    if read_date(text, date1904).value is None or _one_date_problem(text, today, date1904):
        return None
    return DateProblem(
        t(
            "The decision date ''{text}' starts with an apostrophe, stored in the cell (a "
            "mark some exports write to keep a value as text).",
            "Ngày quyết định ''{text}' bắt đầu bằng dấu nháy đơn được lưu trong ô (dấu mà một "
            "số phần mềm xuất dữ liệu thêm vào để giữ giá trị ở dạng văn bản).",
            text=text.strip(),
        ),
        t("Write the date as {text}.", "Ghi ngày thành {text}.", text=text.strip()),
        readable=True,
    )
