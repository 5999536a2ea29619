"""Code and name rules, checked by the schema (`schemas/catalogue.yaml`)."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from procaudit.catalogue.code_words import no_code_yet
from procaudit.catalogue.columns import CODE_NUMBER, CODE_SHOWN, INTERNAL
from procaudit.catalogue.status import ABOLISHED, NEW, SUSPENDED, row_status_kinds
from procaudit.catalogue.text_columns import format_texts, matches
from procaudit.core.findings import Severity
from procaudit.core.i18n import t
from procaudit.rules.code_messages import MESSAGES, said
from procaudit.rules.registry import schema_rule
from procaudit.rules.repairs import COLUMN, repairs
from procaudit.vn.agencies import AGENCY_ID

# Kept equal to the pattern in schemas/catalogue.yaml (a test holds them together).
# A national code is D.DDDDDD; a local code appends the agency's electronic ID in full
# (`.000.00.00.H29`) or short (`.H19`).
CODE_PATTERN = r"^\d\.\d{6}((\.\d{3}\.\d{2}\.\d{2})?\.[A-Z]\d{2})?$"
_CODE = re.compile(CODE_PATTERN)
_DIGIT_LOOKALIKES = str.maketrans({"O": "0", "o": "0", "l": "1", "I": "1"})
_LETTER = re.compile(r"[A-Za-z]")
# A letter is typed for a digit in a code shaped as a national one ("1.0O1234", "1.00ll4");
# a code of another shape with letters is an agency's or a one-stop system's own
# ("2018.HT.14", "2021BQLKCN_DTVN_04", "BHXH.TBHXH.02."), no national code mistyped.
_TYPED_NATIONAL = r"^[0-9]\.[0-9A-Za-z]{4,7}(?:\.|$)"
_OWN_CODE = r"^[0-9A-Za-z][0-9A-Za-z._/-]{3,39}$"
_DIGITS = re.compile(r"\d*")
# Codes that went through a number cell. Where the dot is the thousands separator (a
# Vietnamese Excel), "2.000648" is read as 2000648: seven digits, a leading digit and the six
# of a national number, which national numbering has so far kept below 200000 (1.0xxxxx,
# 1.1xxxxx), so an id such as 2345678 is not taken for a code. A number drops its trailing
# zeros ("1.003980" shows as 1.00398, or 1,00398 in a Vietnamese Excel), so what remains
# never ends in 0; fewer than three digits left ("1.1", "2.10") reads as section numbering.
_LOST_DOT = re.compile(r"[1-9][01]\d{5}")
_LOST_ZEROS = re.compile(r"[1-9][.,]\d{2,4}[1-9]")
_NATIONAL_DIGITS = 6
# A code and a stray dot after it: "1.008125.", "1.000494.000.00.00.H29.".
_TRAILING_DOT = re.compile(r"^\d\.\d{6}\S*\.$")
# Several well-formed codes in one cell ("1.000178; 1.000179"), and each code.
_ONE_CODE = r"\d\.\d{6}(?:(?:\.\d{3}\.\d{2}\.\d{2})?\.[A-Z]\d{2})?"
_SEVERAL = re.compile(rf"\s*{_ONE_CODE}(?:\s*[;,/\n]\s*{_ONE_CODE})+\s*")
_EACH = re.compile(_ONE_CODE)
# An agency's electronic id in a code cell is no code with a leading zero.
_AGENCY_ID = re.compile(AGENCY_ID)
# A code a spreadsheet read as a number and wrote back in scientific notation ("1.00012E+00",
# "1,00E+00" from a CSV opened and saved in Excel): what it kept is not its digits' count.
_SCIENTIFIC = re.compile(r"[0-9](?:[.,][0-9]+)?[eE][+-]?[0-9]{1,3}")


def _where_codes_live() -> str:
    return said("where")


def repaired_code(code: str) -> str | None:
    """The code the author most likely meant, if a mechanical repair makes it valid.

    Typing slips (a comma for the dot, the letter O for a zero, a leading zero, a space typed
    inside: "1. 000178") have one
    reading; a code that a number cell changed (see `number_code_repair`) only probably
    means the code returned, and a person should check it."""
    candidate = "".join(code.split()).removeprefix("'").removesuffix(".")
    candidate = candidate.replace(",", ".").translate(_DIGIT_LOOKALIKES)
    head, dot, tail = candidate.partition(".")
    candidate = (head.lstrip("0") or "0") + dot + tail
    if _CODE.match(candidate):
        return candidate
    return number_code_repair(code)


def number_code_repair(code: str) -> str | None:
    """The national code a spreadsheet's number cell most likely turned into `code`: its dot
    ("2000648" for 2.000648) or its trailing zeros ("1.00398" for 1.003980) lost. None for
    anything else. A guess to review, unlike the other repairs of `repaired_code`."""
    text = code.strip()
    if _LOST_DOT.fullmatch(text):
        return f"{text[0]}.{text[1:]}"
    if _LOST_ZEROS.fullmatch(text):
        return text.replace(",", ".").ljust(2 + _NATIONAL_DIGITS, "0")
    return None


# A guess to review: even a comma for the dot may be another code mistyped.
@repairs("PA101", safe=False, stage=COLUMN, columns=("code",))
def repair_code(code: str) -> str | None:
    """The code `repaired_code` recovers (typing slips, a number cell's lost dot or trailing
    zeros), None when it recovers none or the code is valid already."""
    repaired = repaired_code(code)
    return repaired if repaired is not None and repaired != code else None


def _number_problem(code: str) -> str | None:
    """What a number cell did to the code, if it did."""
    text = code.strip()
    if _LOST_DOT.fullmatch(text):
        return said("lost dot")
    if _LOST_ZEROS.fullmatch(text):
        digits = len(text) - 2
        lost = _NATIONAL_DIGITS - digits
        # A Vietnamese Excel shows the number with a decimal comma.
        after = said("comma") if "," in text else said("dot")
        if lost == 1:
            return said("lost zero", count=digits, after=after)
        return said("lost zeros", count=digits, after=after, lost=lost)
    return None


def _problem(code: str) -> str:
    number = _number_problem(code)
    if number is not None:
        return number
    if _SCIENTIFIC.fullmatch(code.strip()):
        return said("scientific")
    if _SEVERAL.fullmatch(code):
        return said("several", count=len(_EACH.findall(code)))
    if code.strip().startswith("'"):
        return said("apostrophe")
    if code != code.strip():
        return said("spaces")
    joined = "".join(code.split())
    if joined != code and _CODE.match(joined):  # "1. 000178", "1.000 178": typed by hand
        return said("space inside")
    if "," in code:
        return said("comma for dot")
    national_part = ".".join(code.split(".")[:2])
    if _LETTER.search(national_part):
        if re.match(_TYPED_NATIONAL, code):
            return said("letter")
        if re.fullmatch(_OWN_CODE, code) and any(char.isdigit() for char in code):
            return said("own code")
    if _AGENCY_ID.fullmatch(code):
        return said("agency id")
    head, _, tail = code.partition(".")
    if head.startswith("0") and len(head) > 1:
        return said("leading zero")
    digits = _DIGITS.match(tail).group()  # type: ignore[union-attr]
    if head.isdigit() and digits and len(digits) != 6:
        return said("digits", count=len(digits))
    if _TRAILING_DOT.match(code):
        return said("trailing dot")
    return said("not national")


# What `str.strip()` strips of ASCII text; RE2 `\d` and the patterns below are ASCII too.
_ASCII_SPACES = " \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f"
_NO_TEXT = pa.scalar(None, pa.large_string())


def invalid_codes(values: list[str | None]) -> tuple[list[str], list[str]]:
    """`invalid_code` of each value, the message and the fix of each as two lists, made by
    column kernels: a list whose codes are all malformed has as many distinct ones as rows,
    and 10,000 of them took 0.5 s one call each. A code holding anything but ASCII goes
    through `invalid_code` itself (Python's digits and `str.strip` know more characters)."""
    codes = pa.array([value or "" for value in values], pa.large_string())
    plain = pc.string_is_ascii(codes).to_numpy(zero_copy_only=False)
    messages = np.empty(len(codes), dtype=object)
    fixes = np.empty(len(codes), dtype=object)
    if plain.any():
        message, fix = _invalid_ascii_codes(codes.filter(plain))
        messages[plain] = message.to_pylist()
        fixes[plain] = fix.to_pylist()
    for at in np.flatnonzero(~plain).tolist():
        messages[at], fixes[at] = invalid_code(values[at])
    return messages.tolist(), fixes.tolist()


def _invalid_ascii_codes(code: pa.Array) -> tuple[pa.Array, pa.Array]:
    """`invalid_code`'s message and fix of ASCII codes, step for step in kernels."""
    text = pc.utf8_trim(code, _ASCII_SPACES)
    # number_code_repair
    lost_dot = matches(text, f"^{_LOST_DOT.pattern}$")
    lost_zeros = matches(text, f"^{_LOST_ZEROS.pattern}$")
    first, rest = pc.utf8_slice_codeunits(text, 0, 1), pc.utf8_slice_codeunits(text, 1)
    dotted = format_texts("{first}.{rest}", first=first, rest=rest)
    width = 2 + _NATIONAL_DIGITS
    padded = pc.utf8_rpad(pc.replace_substring(text, ",", "."), width=width, padding="0")
    guessed = pc.if_else(lost_dot, dotted, pc.if_else(lost_zeros, padded, _NO_TEXT))
    # repaired_code: the typing slips undone, then the leading zeros of the part before the dot
    collapsed = pc.replace_substring_regex(text, f"[{_ASCII_SPACES}]+", "")
    candidate = pc.replace_substring_regex(collapsed, "^'", "", max_replacements=1)
    candidate = pc.replace_substring_regex(candidate, r"\.$", "", max_replacements=1)
    candidate = pc.replace_substring(candidate, ",", ".")
    candidate = pc.replace_substring_regex(candidate, "[Oo]", "0")
    candidate = pc.replace_substring_regex(candidate, "[lI]", "1")
    candidate = pc.replace_substring_regex(candidate, "^0+", "", max_replacements=1)
    bare = pc.or_(pc.equal(candidate, ""), pc.starts_with(candidate, "."))
    candidate = pc.if_else(bare, format_texts("0{code}", code=candidate), candidate)
    repaired = pc.coalesce(guessed, pc.if_else(matches(candidate, CODE_PATTERN), candidate, None))
    where = said("where")
    fix = pc.if_else(
        pc.is_valid(guessed),
        format_texts(t(*MESSAGES["probably"]), code=guessed, where=where),
        pc.if_else(
            pc.fill_null(pc.not_equal(repaired, code), False),
            format_texts(t(*MESSAGES["write"]), code=repaired),
            said("copy", where=where),
        ),
    )
    # _problem: its cases from the last to the first, each laid over those after it
    digits = pc.utf8_length(
        pc.struct_field(pc.extract_regex(code, r"^[0-9]+\.(?P<digits>[0-9]*)"), "digits")
    )
    problem = pa.array([said("not national")] * len(code), pa.large_string())
    wrong_count = pc.and_(pc.greater(digits, 0), pc.not_equal(digits, _NATIONAL_DIGITS))
    cases = [
        (matches(code, _TRAILING_DOT.pattern), said("trailing dot")),
        (pc.fill_null(wrong_count, False), format_texts(t(*MESSAGES["digits"]), count=digits)),
        (matches(code, "^0[^.]"), said("leading zero")),
        (matches(code, f"^{AGENCY_ID}$"), said("agency id")),
        (
            pc.and_(matches(code, r"^[^.]*(?:\.[^.]*)?[A-Za-z]"), matches(code, _TYPED_NATIONAL)),
            said("letter"),
        ),
        (
            pc.and_(
                pc.and_(matches(code, r"^[^.]*(?:\.[^.]*)?[A-Za-z]"), matches(code, _OWN_CODE)),
                pc.and_not(matches(code, "[0-9]"), matches(code, _TYPED_NATIONAL)),
            ),
            said("own code"),
        ),
        (pc.match_substring(code, ","), said("comma for dot")),
        (
            pc.and_(pc.not_equal(collapsed, text), matches(collapsed, CODE_PATTERN)),
            said("space inside"),
        ),
        (pc.not_equal(code, text), said("spaces")),
        (pc.starts_with(text, "'"), said("apostrophe")),
    ]
    several = matches(code, f"^{_SEVERAL.pattern}$")
    counted = pc.count_substring_regex(code, f"(?:^|[;,/\\s]){_ONE_CODE}")
    cases.append((several, format_texts(t(*MESSAGES["several"]), count=counted)))
    cases.append((matches(text, f"^{_SCIENTIFIC.pattern}$"), said("scientific")))
    for where_true, words in cases:
        problem = pc.if_else(where_true, words, problem)
    kept = pc.subtract(pc.utf8_length(text), 2)
    after = pc.if_else(pc.match_substring(text, ","), said("comma"), said("dot"))
    lost = pc.subtract(_NATIONAL_DIGITS, kept)
    zeros = pc.if_else(
        pc.equal(lost, 1),
        format_texts(t(*MESSAGES["lost zero"]), count=kept, after=after),
        format_texts(t(*MESSAGES["lost zeros"]), count=kept, after=after, lost=lost),
    )
    problem = pc.if_else(lost_zeros, zeros, problem)
    problem = pc.if_else(lost_dot, said("lost dot"), problem)
    fix = pc.if_else(several, said("one row each"), fix)
    return format_texts(t(*MESSAGES["message"]), code=code, problem=problem), fix


@schema_rule(
    "PA101",
    "invalid-code",
    Severity.ERROR,
    column="code",
    many=invalid_codes,
    finds=(
        "a code that is not a national code (`1,001234`, `01.001234`, `1.0O1234`); a code "
        'Excel stored as a number gets its probable repair ("2000648" → "2.000648", "1.00398" '
        '→ "1.003980"), and so does a code cell that holds the number 1.00398; a column of '
        "numbers is one finding; a warning for a number its format shows as another code "
        '("1.01" for 1.013807)'
    ),
)
def invalid_code(value: str | None) -> tuple[str, str]:
    """A procedure code that is not a national code.

    National procedure codes have one digit, a dot and six digits (`1.000178`). A local code
    appends the agency's electronic ID, in full (`1.000494.000.00.00.H29`) or short
    (`1.012753.H19`). Anything else cannot be matched against the national database, so the
    procedure is invisible to every cross-check that relies on its code.

    **Bad**
    ```
    1.00120      five digits after the dot
    1.00398      a number that lost its trailing zero (probably 1.003980)
    2000648      a number that lost its dot (probably 2.000648)
    1,001234     a comma for the dot
    01.001234    a leading zero
    1.0O1234     the letter O for a zero
    1. 001234    a space inside
    1.000178; 1.000179   two codes in one row
    ```

    **Good**
    ```
    1.001234
    1.000494.000.00.00.H29
    ```

    **Fix**: copy the code from the national procedure database; where the cell was typed
    by hand, correct the typing (procaudit suggests the repair when one is evident). A code
    that Excel kept as a number lost its dot or its trailing zeros: procaudit names the code
    it probably was, to be checked, and the cell is best formatted as Text. A code cell
    that still holds such a number is reported with the number it holds, though procaudit
    reads the code with its zeros back: an export, a look-up or an upload reads the number.
    A column whose codes are nearly all numbers is one finding, the numbers that kept every
    digit included: `procaudit fix` writes those as text. A number that kept every digit but
    whose cell's format shows fewer decimals (1.01 for 1.013807, in an xlsx) is a warning:
    the code is certain, the official sees another.

    [vi]
    Mã thủ tục không phải là mã quốc gia.

    Mã thủ tục hành chính quốc gia gồm một chữ số, một dấu chấm và sáu chữ số (`1.000178`). Mã
    địa phương gắn thêm mã định danh điện tử của cơ quan, đầy đủ (`1.000494.000.00.00.H29`) hoặc
    rút gọn (`1.012753.H19`). Mọi cách ghi khác đều không đối chiếu được với Cơ sở dữ liệu quốc
    gia về TTHC, nên thủ tục bị bỏ sót trong mọi phép đối chiếu dựa vào mã.

    **Sai**
    ```
    1.00120      năm chữ số sau dấu chấm
    1.00398      số đã mất chữ số không ở cuối (có lẽ là 1.003980)
    2000648      số đã mất dấu chấm (có lẽ là 2.000648)
    1,001234     dấu phẩy thay cho dấu chấm
    01.001234    thừa chữ số không ở đầu
    1.0O1234     chữ O thay cho chữ số không
    1. 001234    dấu cách ở giữa
    1.000178; 1.000179   hai mã trong một dòng
    ```

    **Đúng**
    ```
    1.001234
    1.000494.000.00.00.H29
    ```

    **Cách sửa**: sao chép mã từ Cơ sở dữ liệu quốc gia về TTHC; nếu ô được nhập tay, sửa lỗi
    nhập (procaudit gợi ý mã đúng khi suy ra được). Mã bị Excel lưu dưới dạng số thì mất dấu
    chấm hoặc các chữ số 0 ở cuối: procaudit nêu mã có lẽ đúng để kiểm tra lại, và nên định
    dạng ô kiểu Text (văn bản). Ô mã vẫn chứa số như vậy được báo kèm số mà ô đang chứa, dù
    procaudit đọc mã đã trả lại các chữ số 0: khi xuất dữ liệu, tra cứu hay tải lên đều đọc ra
    số đó. Cột có gần hết các mã là số được báo thành một phát hiện, kể cả các số còn đủ chữ số:
    `procaudit fix` ghi các số đó lại dưới dạng văn bản. Số còn đủ chữ số nhưng định dạng của ô
    hiển thị ít chữ số thập phân hơn (1.01 thay cho 1.013807, trong tệp xlsx) là cảnh báo: mã
    đã chắc chắn, nhưng người xem thấy một mã khác.
    """
    code = value or ""
    guessed = number_code_repair(code)
    repaired = guessed or repaired_code(code)
    if _SEVERAL.fullmatch(code):
        fix = said("one row each")
    elif guessed:
        fix = said("probably", code=guessed, where=_where_codes_live())
    elif repaired and repaired != code:
        fix = said("write", code=repaired)
    else:
        fix = said("copy", where=_where_codes_live())
    return said("message", code=code, problem=_problem(code)), fix


@schema_rule(
    "PA102",
    "missing-code",
    Severity.WARNING,
    column="code",
    finds=(
        'no code, or a cell that says there is none yet ("Chưa có mã", "Đang cập nhật"); not '
        'for a newly published procedure ("Ban hành mới", "Mới") nor one out of force'
    ),
)
def missing_code(value: str | None) -> tuple[str, str]:
    """A procedure with no code.

    Without its code a procedure cannot be matched with the national database, with other
    provinces' lists or with the previous version of this list. A newly published procedure
    may have no code yet; that is why this is a warning and not an error, and a procedure
    whose status says it is newly published ("Ban hành mới", "Mới", "Công bố mới", or its
    annex part "MỚI BAN HÀNH") is not reported at all, nor one out of force, suspended or
    closed. A code cell that says there is no code yet ("Chưa có mã", "Đang cập nhật") is no
    code, reported here, not as a malformed code (PA101).

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

    [vi]
    Thủ tục chưa có mã.

    Thiếu mã, thủ tục không đối chiếu được với Cơ sở dữ liệu quốc gia về TTHC, với danh mục của
    các tỉnh khác hay với phiên bản trước của chính danh mục này. Thủ tục mới công bố có thể chưa
    được cấp mã; vì vậy đây là cảnh báo, không phải lỗi, và thủ tục có tình trạng mới ban hành
    ("Ban hành mới", "Mới", "Công bố mới", hoặc thuộc phần "MỚI BAN HÀNH" của phụ lục) không bị
    báo, thủ tục hết hiệu lực, tạm dừng hoặc đã đóng cũng vậy. Ô mã ghi chưa có mã ("Chưa có
    mã", "Đang cập nhật") được coi là chưa có mã, báo ở đây chứ không báo là mã sai định dạng
    (PA101).

    **Sai**
    ```
    Mã thủ tục | Tên thủ tục
               | Đăng ký khai sinh
    ```

    **Đúng**
    ```
    Mã thủ tục | Tên thủ tục
    1.001193   | Đăng ký khai sinh
    ```

    **Cách sửa**: điền mã theo Cơ sở dữ liệu quốc gia về TTHC khi thủ tục đã được cập nhật vào
    đó.
    """
    return (
        t("The procedure has no code.", "Thủ tục chưa có mã."),
        t(
            "Fill in the procedure's code from {where}.",
            "Điền mã thủ tục theo {where}.",
            where=_where_codes_live(),
        ),
    )


@schema_rule("PA103", "missing-name", Severity.ERROR, column="name", finds="no name")
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

    [vi]
    Dòng không có tên thủ tục.

    Tên là thông tin mà mọi dòng thủ tục đều phải có: người dân tra cứu theo tên và quyết định
    công bố liệt kê theo tên. Dòng không có tên hoặc là thủ tục bị mất tên, hoặc là dòng thừa
    không phải thủ tục.

    **Sai**
    ```
    Mã thủ tục | Tên thủ tục
    1.001193   |
    ```

    **Đúng**
    ```
    Mã thủ tục | Tên thủ tục
    1.001193   | Đăng ký khai sinh
    ```

    **Cách sửa**: ghi tên đúng như quyết định công bố, hoặc xóa dòng nếu đây không phải là thủ
    tục.
    """
    return (
        t("The row has no procedure name.", "Dòng này không có tên thủ tục."),
        t(
            "Write the name as the publishing decision gives it, or delete the row if it is not "
            "a procedure.",
            "Ghi tên thủ tục đúng như quyết định công bố, hoặc xóa dòng nếu đây không phải là "
            "thủ tục.",
        ),
    )


INVALID_CODE, MISSING_CODE = "PA101", "PA102"


def number_code_hits(hits: pd.DataFrame, frame: pd.DataFrame) -> pd.DataFrame:
    """The schema's hits and PA101's on the code cells that held numbers (`CODE_NUMBER`,
    marked by the reader): their codes pass the schema's pattern once given their zeros
    back, but the cells still hold the numbers. A number with every digit of its code that
    the cell's format shows otherwise (`CODE_SHOWN`) is a warning: its code is certain. Row
    by row, from each row's own marks."""
    if CODE_NUMBER not in frame or "code" not in frame:
        return hits
    numbers = frame[CODE_NUMBER]
    marked = numbers.notna().to_numpy(dtype=bool)
    if not marked.any():
        return hits
    number = numbers[marked].astype(object).tolist()
    code = frame["code"][marked].astype(object).tolist()
    shown = (
        frame[CODE_SHOWN][marked].astype(object).tolist()
        if CODE_SHOWN in frame
        else [None] * len(number)
    )
    said = [_numbersaid(*cell) for cell in zip(number, code, shown, strict=True)]
    found = pd.DataFrame(
        {
            "rule": INVALID_CODE,
            "index": frame.index[marked],
            "column": "code",
            "value": pd.Series(number, dtype=object),
            "message": pd.Series([message for message, _, _ in said], dtype=object),
            "fix": pd.Series([fix for _, fix, _ in said], dtype=object),
            "severity": pd.Series([severity for _, _, severity in said], dtype=object),
        }
    )
    return found if hits.empty else pd.concat([hits, found], ignore_index=True)


def _numbersaid(number: str, code: str, shown: object) -> tuple[str, str, str | None]:
    """The message, fix and severity (None: the rule's) of a code cell holding `number`,
    read as `code`; `shown`: the text its format shows, where that is another."""
    if isinstance(shown, str):
        return (
            said("number shown", number=number, shown=shown),
            said("cell as text", code=code),
            Severity.WARNING,
        )
    if number != code:
        return (
            said("number lost zeros", number=number),
            said("probably", code=code, where=_where_codes_live()),
            None,
        )
    return said("number", number=number), said("as text", code=code), None


def without_internal(hits: pd.DataFrame, frame: pd.DataFrame) -> pd.DataFrame:
    """The hits less the code rules' on the rows of a list of internal procedures (`INTERNAL`:
    between state bodies, Decision 1085/QĐ-TTg), which the national database gives no code:
    "TTHCNB.01" or no code at all is what such a list holds (the report notes it once)."""
    if INTERNAL not in frame or hits.empty:
        return hits
    coded = hits["rule"].isin((INVALID_CODE, MISSING_CODE)).to_numpy(dtype=bool)
    if not coded.any():
        return hits
    internal = frame[INTERNAL].fillna(False).to_numpy(dtype=bool)  # stacked: others' NaN
    rows = frame.index.get_indexer(pd.Index(hits["index"].to_numpy()[coded]))
    dropped = np.zeros(len(hits), dtype=bool)
    dropped[np.flatnonzero(coded)] = (rows >= 0) & internal[np.maximum(rows, 0)]
    return hits[~dropped]


# The statuses whose procedures are not asked for a code: a newly published one may have
# none yet (DOMAIN: "Newly published procedures may have no code yet"), and one out of force
# or suspended is not judged as a procedure in force.
_NO_CODE_ASKED = (NEW, ABOLISHED, SUSPENDED)


def settle_code_hits(hits: pd.DataFrame, frame: pd.DataFrame) -> pd.DataFrame:
    """The schema's hits with the code rules read as the rows' statuses and words say: a
    PA101 on a cell that says there is no code yet ("Chưa có mã") is a PA102, and PA102 is
    left out on a row newly published, out of force or suspended. Row by row, from each
    row's own code and status: the same on a table alone or stacked with others."""
    if hits.empty or not hits["rule"].isin((INVALID_CODE, MISSING_CODE)).any():
        return hits
    invalid = hits["rule"].eq(INVALID_CODE).to_numpy(dtype=bool)
    if invalid.any():
        values = hits.loc[invalid, "value"]
        said = {value: no_code_yet(value) for value in values.dropna().unique()}
        none_yet = values.map(said).fillna(False).to_numpy(dtype=bool)
        if none_yet.any():
            at = hits.index[invalid][none_yet]
            message, fix = missing_code(None)
            hits = hits.copy()
            hits.loc[at, "rule"] = MISSING_CODE
            hits.loc[at, "message"] = message
            hits.loc[at, "fix"] = fix
    missing = hits["rule"].eq(MISSING_CODE).to_numpy(dtype=bool)
    if "status" not in frame or not missing.any():
        return hits
    exempt = row_status_kinds(frame).isin(_NO_CODE_ASKED).to_numpy(dtype=bool)
    if not exempt.any():
        return hits
    rows = frame.index.get_indexer(pd.Index(hits["index"].to_numpy()[missing]))
    skipped = np.zeros(len(hits), dtype=bool)
    skipped[np.flatnonzero(missing)] = (rows >= 0) & exempt[rows]
    return hits[~skipped]
