"""The decision that published a procedure (quyết định công bố)."""

from __future__ import annotations

import re
import unicodedata
from datetime import date

import pandas as pd

from procaudit.dates import read_date
from procaudit.model import Severity
from procaudit.rules.context import RuleContext
from procaudit.rules.hits import hits, no_hits
from procaudit.rules.registry import frame_rule
from procaudit.text import map_distinct

# "1890/QĐ-UBND", "12/2025/QĐ-UBND", "885/QĐ-BCA-C06", "1075a/QĐ-NHNN"
# A number of zeros is a placeholder, not a number.
DECISION_PATTERN = r"(?!0+[a-z]?/)\d+[a-z]?(/\d{4})?/QĐ-[A-ZĐ0-9]+(-[A-ZĐ0-9]+)*"
_DECISION = re.compile(DECISION_PATTERN)
# Annex cells often append the date: "1890/QĐ-UBND ngày 15/8/2025"; the date is not checked here.
_DATE_TAIL = r"\s+(ngày|ngay)\b.*$"


_DATE_TAIL_RE = re.compile(_DATE_TAIL, re.IGNORECASE | re.DOTALL)


def _is_decision_number(value: str) -> bool:
    number = _DATE_TAIL_RE.sub("", unicodedata.normalize("NFC", value).strip())
    return _DECISION.fullmatch(number) is not None


@frame_rule("PA401", "unpublished", Severity.ERROR, columns=("decision_no",))
def unpublished(ctx: RuleContext) -> pd.DataFrame:
    """A procedure with no publishing decision number.

    A procedure is in force for citizens only once a decision has announced it
    (quyết định công bố). A row without the number of that decision is either not yet
    announced or its announcement was not recorded; either way nobody can check it.

    **Bad**
    ```
    Tên thủ tục        | Số quyết định
    Đăng ký khai sinh  |
    ```

    **Good**
    ```
    Tên thủ tục        | Số quyết định
    Đăng ký khai sinh  | 1890/QĐ-UBND
    ```

    **Fix**: fill in the number of the decision that announced the procedure; if none has,
    announce it.
    """
    frame = ctx.frame
    return hits(
        frame,
        frame["decision_no"].isna(),
        "decision_no",
        "The procedure has no publishing decision number.",
        "Fill in the number of the decision that announced the procedure (e.g. 1890/QĐ-UBND); "
        "if none has, it must be announced.",
    )


# Mechanical repairs of numbers typed irregularly; a placeholder is never "repaired".
_REPAIRS = (
    (re.compile(r"^(số|so)\s*[:.]?\s*", re.IGNORECASE), ""),  # "Số 64/QĐ-NHNN"
    (re.compile(r"(\d)\.+/"), r"\1/"),  # "2267./QĐ-BXD"
    (re.compile(r"\s*/\s*"), "/"),  # "1890 / QĐ-UBND"
    (re.compile(r"/Q[Dd]-"), "/QĐ-"),  # "1890/QD-UBND"
    (re.compile(r"^QĐ\s*(\d+)-"), r"\1/QĐ-"),  # "QĐ2338-BTP"
)


def _repaired(text: str) -> str:
    for pattern, replacement in _REPAIRS:
        text = pattern.sub(replacement, text)
    return text


def _explain_decision(number: str) -> tuple[str, str]:
    text = unicodedata.normalize("NFC", number).strip()
    repaired = _repaired(text)
    if repaired != text and _DECISION.fullmatch(re.sub(_DATE_TAIL, "", repaired)):
        problem = "writes 'QD' for 'QĐ'" if "/QD-" in text.upper() and "QĐ" not in text else (
            "is not written in the standard form"
        )
        return f"The decision number '{number}' {problem}.", f"Write it as {repaired}."
    ask = "Replace it with the number of the decision that announced the procedure."
    if re.match(r"^QĐ/", text):
        return f"The decision number '{number}' is a placeholder, not a decision's number.", ask
    if not re.search(r"\d", text):
        return f"'{number}' is not a decision number.", ask
    if text.isdigit():
        return (
            f"The decision number '{number}' lacks the document type and issuer "
            "(expected a form like 1890/QĐ-UBND).",
            f"Complete it with the type and issuer, e.g. {text}/QĐ-UBND, as the decision shows.",
        )
    if re.match(r"^0+/", text):
        return f"The decision number '{number}' is a placeholder (number 0).", ask
    return (
        f"The decision number '{number}' is malformed (expected a form like 1890/QĐ-UBND).",
        ask,
    )


@frame_rule("PA402", "invalid-decision", Severity.ERROR, columns=("decision_no",))
def invalid_decision(ctx: RuleContext) -> pd.DataFrame:
    """A publishing decision number that is a placeholder or malformed.

    Decision numbers have the form number/QĐ-issuer (`1890/QĐ-UBND`, `12/2025/QĐ-UBND`,
    `885/QĐ-BCA-C06`). Placeholders (`QĐ/0001-BCA`, `chưa có`, `xx/QĐ-UBND`) hide a
    procedure that was never properly announced, and a malformed number cannot be found.

    **Bad**
    ```
    QĐ/0001-BCA
    xx/QĐ-UBND
    chưa có
    1890/QD-UBND
    ```

    **Good**
    ```
    1890/QĐ-UBND
    1890/QĐ-UBND ngày 15/8/2025
    ```

    **Fix**: replace it with the number of the decision that announced the procedure.
    """
    frame = ctx.frame
    numbers = frame["decision_no"]
    given = numbers.notna()
    valid = ctx.map_distinct("decision_no", _is_decision_number, dtype="boolean").fillna(False)
    invalid = given & ~valid.astype(bool)
    explained = {value: _explain_decision(value) for value in numbers[invalid].unique()}
    messages = numbers[invalid].map(lambda value: explained[value][0])
    fixes = numbers[invalid].map(lambda value: explained[value][1])
    # "QD" for "QĐ" is typing without Vietnamese input, not a wrong number: a warning.
    only_qd = map_distinct(numbers[invalid], _only_qd_typed, dtype="boolean")
    typed_qd = invalid & only_qd.reindex(frame.index).fillna(False).astype(bool)
    return pd.concat([
        hits(frame, invalid & ~typed_qd, "decision_no", messages, fixes),
        hits(frame, typed_qd, "decision_no", messages, fixes, severity=Severity.WARNING),
    ])


def _only_qd_typed(number: str) -> bool:
    """Whether the number is valid once its "QD" is written "QĐ", and needs nothing else."""
    fixed = re.sub(r"/Q[Dd]-", "/QĐ-", unicodedata.normalize("NFC", number))
    return fixed != number and _is_decision_number(fixed)


def _names_a_decision(number: str) -> bool:
    return _is_decision_number(number) or _only_qd_typed(number)


def _date_problem(text: str, today: date) -> tuple[str, str] | None:
    """Message and fix for a decision date that is wrong; None for a good one."""
    read = read_date(text)
    shown = text.strip()
    if read.problem == "two-digit year":
        return (
            f"The decision date '{shown}' has a two-digit year.",
            f"Write the year in full: {read.written}.",
        )
    if read.problem == "serial":
        return (
            f"The decision date '{shown}' is a date cell that lost its format (Excel's day "
            f"number for {read.written}).",
            f"Format the cell as a date, or write {read.written}.",
        )
    if read.problem == "no such day":
        return (
            f"The decision date '{shown}' is not a real date.",
            "Copy the date from the decision itself.",
        )
    if read.value is None:
        return (
            f"'{shown}' is not a date (expected dd/mm/yyyy, e.g. 15/08/2025).",
            "Write the date the decision was signed as dd/mm/yyyy.",
        )
    if read.value > today:
        return (
            f"The decision date {shown} is in the future.",
            "Correct the date: a decision is announced on or before the day the list is "
            "checked.",
        )
    if read.value.year < _EARLIEST_YEAR:
        return (
            f"The decision date {shown} is before {_EARLIEST_YEAR}, too early to be real "
            "(often an empty date cell formatted as a date).",
            "Copy the date from the decision itself.",
        )
    return None


_EARLIEST_YEAR = 1945


@frame_rule("PA403", "invalid-decision-date", Severity.ERROR, columns=("decision_date",))
def invalid_decision_date(ctx: RuleContext) -> pd.DataFrame:
    """A publishing decision's date that is missing, unreadable, impossible or in the future.

    The date of the decision that announced a procedure says since when it is in force. A
    date that cannot be read, does not exist (31/02/2025), has a two-digit year or lies in
    the future cannot be trusted; a procedure with a decision number but no date cannot be
    traced. Missing dates are reported only where the source has a date column.

    **Bad**
    ```
    31/02/2025
    15/8/25
    chưa ban hành
    15/08/2099
    ```

    **Good**
    ```
    15/08/2025
    ngày 15 tháng 8 năm 2025
    ```

    **Fix**: copy the date from the decision itself, written dd/mm/yyyy.
    """
    frame = ctx.frame
    dates = frame["decision_date"]
    today = ctx.options.today
    explained = ctx.map_distinct("decision_date", lambda text: _date_problem(text, today),
                                 dtype="object")
    wrong = explained.notna()
    parts = [hits(
        frame, wrong, "decision_date",
        explained[wrong].map(lambda pair: pair[0]), explained[wrong].map(lambda pair: pair[1]),
    )]
    if "decision_date" in ctx.source_columns:
        missing = dates.isna()
        if "decision_no" in frame:
            # Without a real number, PA401 or PA402 says it all.
            real = ctx.map_distinct("decision_no", _names_a_decision, dtype="boolean")
            real = real.fillna(False)
            missing &= real.astype(bool)
        parts.append(hits(
            frame, missing, "decision_date",
            "The procedure's publishing decision has no date.",
            "Fill in the date the decision was signed (dd/mm/yyyy).",
        ))
    return pd.concat(parts)


@frame_rule("PA404", "abolished-listed", Severity.ERROR, columns=("status",))
def abolished_listed(ctx: RuleContext) -> pd.DataFrame:
    """An abolished procedure (status "bãi bỏ") in the list of procedures in force.

    A list in force that still holds abolished procedures tells citizens they can apply for
    something that no longer exists, and inflates every count built on the list. The rule
    looks at a row's own status cell, in a table that also lists procedures in force; an
    annex part that announces abolitions under its own heading ("PHẦN III. DANH MỤC THỦ TỤC
    HÀNH CHÍNH BỊ BÃI BỎ") is what a publishing decision should hold, and is not reported.

    **Bad**
    ```
    Tên thủ tục             | Tình trạng
    Đăng ký khai sinh       | Còn hiệu lực
    Cấp giấy xác nhận X     | Bãi bỏ
    ```

    **Good**
    ```
    Tên thủ tục             | Tình trạng
    Đăng ký khai sinh       | Còn hiệu lực
    ```

    **Fix**: take the abolished procedure out of the list in force (it belongs in the annex
    of the decision that abolished it).
    """
    frame = ctx.frame
    listed = ctx.abolished & ctx.own_status
    if listed.all():
        return no_hits()  # a table of abolished procedures only: an annex, not a list in force
    return hits(
        frame,
        listed,
        "status",
        frame.loc[listed, "status"].map(
            lambda status: f"The status says '{status.strip()}', yet the procedure is in the "
                           "list in force."
        ),
        "Take the procedure out of the list in force; keep it in the annex of the decision "
        "that abolished it.",
    )
