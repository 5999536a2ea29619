"""Split a cell that names a decision and its date into `decision_no` and `decision_date`.

Annexes often write both in one cell: "1890/QĐ-UBND ngày 15/8/2025", in words "số
1890/QĐ-UBND ngày 15 tháng 8 năm 2025", or citing the decision "Quyết định số 1890/QĐ-UBND
ngày 15/8/2025 của Chủ tịch UBND tỉnh", or with the date alone after the number: "1890/QĐ-UBND,
15/8/2025", "1890/QĐ-UBND (15/8/2025)". The number goes to `decision_no` (with the words
before it where it lacks its symbol: "QĐ số 123", which PA402 reads); the date goes to
`decision_date` where that is empty, written dd/mm/yyyy; who issued or signed it, named
after the date ("… của UBND huyện Lâm Thao"), goes to the hidden column `DECISION_ISSUER`,
which PA402 reads (a district's decision dated after the district level ended).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import cache

import numpy as np
import pandas as pd
import pyarrow.compute as pc

from procaudit.catalogue.columns import DECISION_ISSUER
from procaudit.io.grid import arrow_chunks
from procaudit.vn.dates import DAY_MONTH_YEAR, WEEKDAY_BEFORE

# The date follows the word "ngày", or stands alone after a comma, a dash, a space or in
# brackets: "1890/QĐ-UBND, 15/8/2025", "1890/QĐ-UBND (15/8/2025)", after its weekday too
# ("1890/QĐ-UBND, Thứ Sáu 15/8/2025": PA403 reads the weekday with the date).
_COMBINED = re.compile(
    r"^\s*(?P<lead>(?:(?:quyết định|qđ)\s+)?(?:số\s*:?\s*)?)(?P<number>\S+?)"
    r"(?:(?:\s*,?\s+\(?|\s*\()\s*ngày\s*:?\s*(?P<date>.+?)"
    rf"|(?:\s*[,;(]\s*|\s+[-–]\s+|\s+)(?P<bare>(?:{WEEKDAY_BEFORE})?{DAY_MONTH_YEAR})\s*\)?\.?)\s*$",
    re.IGNORECASE | re.DOTALL,
)
# "15/8/2025", "15.08.2025", "15 tháng 8 năm 2025", and whatever follows it.
_DATE = re.compile(
    r"^(?P<day>\d{1,2})(?:\s+tháng\s+|[/.-])(?P<month>\d{1,2})(?:\s+năm\s+|[/.-])"
    r"(?P<year>\d{4})(?!\d)",
    re.IGNORECASE,
)
# Who issued or signed the decision, after its date: "… ngày 15/8/2025 của Chủ tịch UBND tỉnh".
_ISSUER = re.compile(
    r"(?:^|\s)(?:của|cua)\s+(?P<issuer>\S.*?)\s*[.;]?\s*$", re.IGNORECASE | re.DOTALL
)


def _date_texts(texts: pd.Series) -> pd.Series:
    """Dates written dd/mm/yyyy; text that does not start with a date is kept as it is."""
    parts = texts.str.strip().str.extract(_DATE)
    written = parts["day"].str.zfill(2) + "/" + parts["month"].str.zfill(2) + "/" + parts["year"]
    listed = texts.str.fullmatch(_DATES).fillna(False).astype(bool)  # several, written already
    return written.where(parts["day"].notna() & ~listed, texts.str.strip())


# What every combined cell holds (`_COMBINED` needs it, matched as it matches it): a list
# without it has nothing to split, and pandas' extract costs a few milliseconds even so.
_DATE_WORD = re.compile(rf"ngày|{DAY_MONTH_YEAR}", re.IGNORECASE)


def _may_combine(column: pd.Series) -> bool:
    """Whether a distinct cell of the column holds the date's word or a date: most lists' do
    not, and Arrow's distinct values of a small column cost a tenth of pandas' factorize."""
    chunks = arrow_chunks(column)
    values = column.unique() if chunks is None else pc.unique(chunks).to_pylist()
    return any(_DATE_WORD.search(str(value)) for value in values if isinstance(value, str))


# Between the decisions of a cell naming several, each with its date: a ";" or a line break.
_BETWEEN = re.compile(r"\s*(?:;|\n)\s*")
# The dates of several decisions, as `_several` writes them (`vn.dates.date_parts` reads them).
_DATES = re.compile(r"\d{2}/\d{2}/\d{4}(?:; \d{2}/\d{2}/\d{4})+")


def _several(text: str) -> tuple[str, str] | None:
    """The numbers and the dates of a cell naming several decisions, each with its date
    ("Quyết định số 1890/QĐ-UBND ngày 15/8/2025;\nQuyết định số 2231/QĐ-UBND ngày
    30/9/2025" -> "1890/QĐ-UBND; 2231/QĐ-UBND", "15/08/2025; 30/09/2025"); None for a cell
    that is not so, whose first decision alone `_COMBINED` reads."""
    parts = [part for part in _BETWEEN.split(text.strip()) if part]
    if len(parts) < 2:
        return None
    numbers, dates = [], []
    for part in parts:
        found = _COMBINED.match(part)
        day = _DATE.match((found["date"] or found["bare"] or "").strip()) if found else None
        if found is None or day is None:
            return None
        numbers.append(found["number"])
        dates.append(f"{int(day['day']):02d}/{int(day['month']):02d}/{day['year']}")
    return "; ".join(dict.fromkeys(numbers)), "; ".join(dict.fromkeys(dates))


def _extract_distinct(codes: np.ndarray, uniques: pd.Index, index: pd.Index) -> pd.DataFrame | None:
    """`str.extract(_COMBINED)`, run once per distinct value: one decision covers many rows;
    None when no value is combined (nothing is spread back over the rows). A value naming
    several decisions with their dates gives each (`_several`)."""
    values = pd.Series(uniques, dtype="str")
    found = values.str.extract(_COMBINED)
    found["date"] = found["date"].fillna(found["bare"])
    # A number without its symbol keeps the words before it ("QĐ số 123 ngày 15/8/2025" ->
    # "QĐ số 123"): they say which part of the reference it has (the type, not the issuer).
    short = found["lead"].str.strip().ne("") & ~found["number"].str.contains("/").astype(bool)
    found.loc[short, "number"] = found.loc[short, "lead"] + found.loc[short, "number"]
    for at, value in enumerate(values.tolist()):
        if isinstance(value, str) and len(_DATE_WORD.findall(value)) > 1:
            several = _several(value)
            if several is not None:
                found.loc[at, ["number", "date"]] = several
    if not found["number"].notna().any():
        return None
    taken = found.reindex(codes)  # code -1 (a missing value) finds no row: all missing
    return taken.set_axis(index)


# A publishing decision's number: "1890/QĐ-UBND", "12/QĐ-BTP", "64 /QD-NHNN", anywhere in the
# cell ("Quyết định số 1890/QĐ-UBND ngày 15/8/2025"). A legal document's decision carries its
# year ("22/2018/QĐ-TTg", a legal basis): the digits before "/QĐ" follow no slash.
_PUBLISHING = re.compile(r"(?<![\d/])\d{1,6}\s*/\s*Q[ĐD]\s*-?\s*[A-ZĐ]", re.IGNORECASE)
_MOST_WORDS = 25  # a cell citing a decision with its date and issuer; a legal basis runs longer


def names_a_decision(text: str) -> bool:
    """Whether a cell names a publishing decision, alone or with its date and issuer: what a
    column of decisions holds under a header that does not say so ("Văn bản", "Số hiệu")."""
    return bool(_PUBLISHING.search(text)) and len(text.split()) <= _MOST_WORDS


def combined_number(text: str) -> str | None:
    """The number a combined cell names, as `split_decisions` gives it to the rules ("Quyết
    định số 1890/QĐ-UBND ngày 15/8/2025" -> "1890/QĐ-UBND"); None for any other cell."""
    found = _COMBINED.match(text)
    return found.group("number") if found else None


def split_decisions(frame: pd.DataFrame) -> int:
    """Split combined cells in place; returns how many were split."""
    if "decision_no" not in frame or not _may_combine(frame["decision_no"]):
        return 0
    codes, uniques = pd.factorize(frame["decision_no"])
    parts = _extract_distinct(codes, uniques, frame.index)
    if parts is None:
        return 0
    combined = parts["number"].notna()
    frame.loc[combined, "decision_no"] = parts.loc[combined, "number"]
    dates = _date_texts(parts.loc[combined, "date"])
    if "decision_date" not in frame:
        frame["decision_date"] = pd.Series(pd.NA, index=frame.index, dtype="str")
    empty = frame["decision_date"].isna() & combined
    frame.loc[empty, "decision_date"] = dates.loc[empty[empty].index]
    issuers = parts.loc[combined, "date"].str.extract(_ISSUER)["issuer"]
    if issuers.notna().any():
        frame[DECISION_ISSUER] = issuers.reindex(frame.index).astype("str")
    return int(combined.sum())


# The decision a list is attached to, as its title quotes it: "(Kèm theo Quyết định số
# 1890/QĐ-UBND ngày 15/8/2025 của Chủ tịch UBND tỉnh)", "Ban hành kèm theo QĐ số 12/QĐ-BTP".
# Only a number written as a decision's ("QĐ", not "QD"; no blanks left for a draft's number).
_ATTACHED_TO = re.compile(
    r"(?i:kèm\s+theo\s+(?:quyết\s+định|qđ)(?:\s+số)?\s*:?\s*)"
    r"(?P<number>\d{1,6}/QĐ-[A-ZĐ][A-ZĐ0-9]*(?:-[A-ZĐ0-9]+)*)(?![\w/])"
)


def title_decision(texts: Iterable[str]) -> str | None:
    """The number of the one decision a list's title says the list is attached to
    ("… kèm theo Quyết định số 1890/QĐ-UBND …" -> "1890/QĐ-UBND"); None where the title
    quotes none, or more than one (a list replacing an older decision's names that one
    too, without "kèm theo")."""
    numbers = set()
    for text in texts:
        text = unicodedata.normalize("NFC", text)
        found = _ATTACHED_TO.search(text)
        if found is None:
            continue
        if len(_PUBLISHING.findall(text)) > 1:
            return None  # "kèm theo Quyết định số 12/QĐ-UBND và Quyết định số 15/QĐ-UBND"
        numbers.add(found.group("number"))
    return numbers.pop() if len(numbers) == 1 else None


def part_decision(own: Iterable[str], sheet: Iterable[str]) -> str | None:
    """`title_decision` of a part's own title; where that quotes no decision at all, of the
    title above the sheet's first part (`Grid.sheet_title`): an annex's parts (amended,
    then new procedures) are all attached to the decision its title names."""
    own = tuple(own)
    if any(_ATTACHED_TO.search(unicodedata.normalize("NFC", text)) for text in own):
        return title_decision(own)
    return title_decision(sheet)


# A title line quoting the decision a list comes with: "(Kèm theo Quyết định số …)", "Ban
# hành kèm theo QĐ số …", a draft's blank number too.
_QUOTING_LINE = re.compile(r"^[\s(]*(?:ban\s+hành\s+)?kèm\s+theo\b", re.IGNORECASE)


def quotes_attachment(text: str) -> bool:
    """Whether a title line quotes the decision its list comes with."""
    return _QUOTING_LINE.match(unicodedata.normalize("NFC", text)) is not None


# A section heading naming the decision its procedures were published (or abolished) by,
# after "tại", "theo", "kèm", "bởi", "thuộc", in brackets, or as the heading itself: "I. Danh
# mục TTHC công bố tại Quyết định số 1890/QĐ-UBND ngày 15/8/2025", "Thủ tục bị bãi bỏ theo QĐ
# 512/QĐ-UBND", "A. TTHC ban hành kèm Quyết định 1890/QĐ-UBND", "II. Quyết định (công bố) số
# 2210/QĐ-UBND". "QĐ" typed "QD", "qđ", "QÐ" (Eth) too: the number is kept as typed, for
# PA402 to read. A legal document's decision carries its year ("22/2018/QĐ-TTg").
_HEADING_DECISION = (
    r"(?:^|\(\s*|\b(?:tại|theo)\s+|(?P<loose>\b(?:kèm|bởi|thuộc)\s+))"
    r"(?:quyết\s+định|q[đdð])(?:\s+công\s+bố)?\s*(?:số\s*)?:?\s*"
    r"(?P<number>(?<![\d/])\d{1,6}\s*/\s*q[đdð]\s*[-–]\s*[a-zđ][a-zđ0-9]*(?:-[a-zđ0-9]+)*)"
    r"(?![\w/]|\.\w)(?:\s*[,(]?\s*(?:ngày\s*:?\s*)?(?P<day>\d{1,2})(?:\s+tháng\s+|[/.-])"
    r"(?P<month>\d{1,2})(?:\s+năm\s+|[/.-])(?P<year>\d{4})(?!\d))?"
)
_HEADING_NUMBERING = r"^(?:phần\s+)?(?:[ivxlc]+|[a-z]|\d+(?:\.\d+)*)\s*[.):\-–]\s*"
_ANY_DECISION = r"\d\s*/\s*q[đdð]\b|\d/\d{4}/q[đdð]"
# Words saying the procedures replace, amend or abolish those of the decision named after
# "kèm", "bởi", "thuộc" ("TTHC thay thế các TTHC ban hành kèm Quyết định 100/QĐ-UBND"): the
# decision is the older one, not theirs.
_CHANGING = r"\b(?:thay\s+thế|sửa\s+đổi|bổ\s+sung|bãi\s+bỏ|hủy\s+bỏ|huỷ\s+bỏ|đã\s+công\s+bố)\b"


@cache
def _heading_patterns() -> tuple[re.Pattern[str], ...]:
    """Compiled when a heading first holds a "/": most runs meet none (3 ms at import)."""
    return tuple(
        re.compile(pattern, re.IGNORECASE)
        for pattern in (_HEADING_NUMBERING, _HEADING_DECISION, _ANY_DECISION, _CHANGING)
    )


def heading_decision(text: str) -> tuple[str, str | None] | None:
    """The decision a section heading names its procedures by ("1890/QĐ-UBND"), and its date
    dd/mm/yyyy where the heading gives one; None where it names none, or more than one
    decision (the rows' decision is not sure)."""
    if "/" not in text:
        return None
    numbering, decision, any_decision, changing = _heading_patterns()
    text = numbering.sub("", " ".join(unicodedata.normalize("NFC", text).split()), count=1)
    found = decision.search(text)
    if found is None or len(any_decision.findall(text)) != 1:
        return None
    if found["loose"] and changing.search(text, 0, found.start()):
        return None
    if found["day"] is None:
        return found["number"], None
    return found["number"], f"{int(found['day']):02d}/{int(found['month']):02d}/{found['year']}"
