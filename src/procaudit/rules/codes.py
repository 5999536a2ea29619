"""Code and name rules, checked by the schema (`schemas/catalogue.yaml`)."""

from __future__ import annotations

import re

from procaudit.model import Severity
from procaudit.rules.registry import schema_rule

# Kept equal to the pattern in schemas/catalogue.yaml (a test holds them together).
# A national code is D.DDDDDD; a local code appends the agency's electronic ID in full
# (`.000.00.00.H29`) or short (`.H19`).
CODE_PATTERN = r"^\d\.\d{6}((\.\d{3}\.\d{2}\.\d{2})?\.[A-Z]\d{2})?$"
_CODE = re.compile(CODE_PATTERN)
_DIGIT_LOOKALIKES = str.maketrans({"O": "0", "o": "0", "l": "1", "I": "1"})
_LETTER = re.compile(r"[A-Za-z]")
_DIGITS = re.compile(r"\d*")
_WHERE_CODES_LIVE = "the national procedure database (CSDL quốc gia về TTHC)"


def _repaired(code: str) -> str | None:
    """The code the author most likely meant, if a mechanical repair makes it valid."""
    candidate = code.strip().replace(",", ".").translate(_DIGIT_LOOKALIKES)
    head, dot, tail = candidate.partition(".")
    candidate = (head.lstrip("0") or "0") + dot + tail
    return candidate if _CODE.match(candidate) else None


def _problem(code: str) -> str:
    if code != code.strip():
        return "has spaces around it"
    if "," in code:
        return "uses a comma where the dot belongs"
    national_part = ".".join(code.split(".")[:2])
    if _LETTER.search(national_part):
        return "has a letter where a digit belongs"
    head, _, tail = code.partition(".")
    if head.startswith("0") and len(head) > 1:
        return "has a leading zero"
    digits = _DIGITS.match(tail).group()  # type: ignore[union-attr]
    if head.isdigit() and digits and len(digits) != 6:
        return f"has {len(digits)} digits after the dot where a national code has 6"
    return "is not a national code (D.DDDDDD, optionally with a local suffix like .000.00.00.H29)"


@schema_rule("PA101", "invalid-code", Severity.ERROR, column="code")
def invalid_code(value: str | None) -> tuple[str, str]:
    """A procedure code that is not a national code.

    National procedure codes have one digit, a dot and six digits (`1.000178`). A local code
    appends the agency's electronic ID, in full (`1.000494.000.00.00.H29`) or short
    (`1.012753.H19`). Anything else cannot be matched against the national database, so the
    procedure is invisible to every cross-check that relies on its code.

    **Bad**
    ```
    1.00123      five digits after the dot
    1,001234     a comma for the dot
    01.001234    a leading zero
    1.0O1234     the letter O for a zero
    ```

    **Good**
    ```
    1.001234
    1.000494.000.00.00.H29
    ```

    **Fix**: copy the code from the national procedure database; where the cell was typed
    by hand, correct the typing (procaudit suggests the repair when one is evident).
    """
    code = value or ""
    repaired = _repaired(code)
    fix = (
        f"Write the code as {repaired}."
        if repaired and repaired != code
        else f"Copy the procedure's code from {_WHERE_CODES_LIVE}."
    )
    return f"The code '{code}' {_problem(code)}.", fix


@schema_rule("PA102", "missing-code", Severity.WARNING, column="code")
def missing_code(value: str | None) -> tuple[str, str]:
    """A procedure with no code.

    Without its code a procedure cannot be matched with the national database, with other
    provinces' lists or with the previous version of this list. A newly published procedure
    may have no code yet; that is why this is a warning and not an error.

    **Bad**
    ```
    Mã thủ tục | Tên thủ tục
               | Đăng ký khai sinh
    ```

    **Good**
    ```
    Mã thủ tục | Tên thủ tục
    1.001193   | Đăng ký khai sinh
    ```

    **Fix**: fill in the code from the national procedure database once the procedure is
    entered there.
    """
    return (
        "The procedure has no code.",
        f"Fill in the procedure's code from {_WHERE_CODES_LIVE}.",
    )


@schema_rule("PA103", "missing-name", Severity.ERROR, column="name")
def missing_name(value: str | None) -> tuple[str, str]:
    """A row with no procedure name.

    The name is the one thing every procedure row must have: it is what citizens search for
    and what the publishing decision lists. A row without one is either a procedure whose
    name was lost or a leftover row that is not a procedure at all.

    **Bad**
    ```
    Mã thủ tục | Tên thủ tục
    1.001193   |
    ```

    **Good**
    ```
    Mã thủ tục | Tên thủ tục
    1.001193   | Đăng ký khai sinh
    ```

    **Fix**: write the name as the publishing decision gives it, or delete the row if it is
    not a procedure.
    """
    return (
        "The row has no procedure name.",
        "Write the name as the publishing decision gives it, or delete the row if it is not a "
        "procedure.",
    )
