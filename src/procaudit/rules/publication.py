"""The decision that published a procedure (quyết định công bố)."""

from __future__ import annotations

import re
import unicodedata

import pandas as pd

from procaudit.model import Severity
from procaudit.rules.context import RuleContext
from procaudit.rules.hits import hits
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
    valid = map_distinct(numbers, _is_decision_number, dtype="boolean").fillna(False)
    invalid = given & ~valid.astype(bool)
    explained = {value: _explain_decision(value) for value in numbers[invalid].unique()}
    messages = numbers[invalid].map(lambda value: explained[value][0])
    fixes = numbers[invalid].map(lambda value: explained[value][1])
    return hits(frame, invalid, "decision_no", messages, fixes)
