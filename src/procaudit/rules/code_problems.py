"""What is wrong with a code PA101 flags, and how to put it right: the rule's message and fix,
for one code (`code_finding`) and for a column of them (`invalid_codes`, by column kernels
that say the same)."""

from __future__ import annotations

import re

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from procaudit.catalogue.text_columns import format_texts, map_texts, matches
from procaudit.core.i18n import t
from procaudit.core.text_safety import shown
from procaudit.rules.code_messages import MESSAGES, said, shown_codes
from procaudit.rules.code_repairs import (
    CODE_IN_LINK,
    CODE_PATTERN,
    LINK,
    LOST_DOT,
    LOST_ZEROS,
    NATIONAL_DIGITS,
    number_code_repair,
    repaired_code,
)
from procaudit.rules.code_writing import written_code, written_finding, written_findings
from procaudit.vn.agencies import AGENCY_ID

_CODE = re.compile(CODE_PATTERN)
_LETTER = re.compile(r"[A-Za-z]")
# A letter is typed for a digit in a code shaped as a national one ("1.0O1234", "1.00ll4");
# a code of another shape with letters is an agency's or a one-stop system's own
# ("2018.HT.14", "2021BQLKCN_DTVN_04", "BHXH.TBHXH.02."), no national code mistyped.
_TYPED_NATIONAL = r"^[0-9]\.[0-9A-Za-z]{4,7}(?:\.|$)"
_OWN_CODE = r"^[0-9A-Za-z][0-9A-Za-z._/-]{3,39}$"
_DIGITS = re.compile(r"\d*")
# A code and a stray dot after it: "1.008125.", "1.000494.000.00.00.H29.".
_TRAILING_DOT = re.compile(r"^\d\.\d{6}\S*\.$")
# Several well-formed codes in one cell ("1.000178; 1.000179"), and each code.
_ONE_CODE = r"\d\.\d{6}(?:(?:\.\d{3}\.\d{2}\.\d{2})?\.[A-Z]\d{2})?"
_SEVERAL = re.compile(rf"\s*{_ONE_CODE}(?:\s*[;,/\n]\s*{_ONE_CODE})+\s*")
_EACH = re.compile(_ONE_CODE)
# A line break inside a code, where its cell wrapped it.
_BREAK = re.compile(r"[\n\r]")
# An agency's electronic id in a code cell is no code with a leading zero.
_AGENCY_ID = re.compile(AGENCY_ID)
# A code a spreadsheet read as a number and wrote back in scientific notation ("1.00012E+00",
# "1,00E+00" from a CSV opened and saved in Excel): what it kept is not its digits' count.
_SCIENTIFIC = re.compile(r"[0-9](?:[.,][0-9]+)?[eE][+-]?[0-9]{1,3}")
_LINK = re.compile(LINK)
_CODE_IN_LINK = re.compile(CODE_IN_LINK)


def _number_problem(code: str) -> str | None:
    """What a number cell did to the code, if it did."""
    text = code.strip()
    if LOST_DOT.fullmatch(text):
        return said("lost dot")
    if LOST_ZEROS.fullmatch(text):
        digits = len(text) - 2
        lost = NATIONAL_DIGITS - digits
        # A Vietnamese Excel shows the number with a decimal comma.
        after = said("comma") if "," in text else said("dot")
        if lost == 1:
            return said("lost zero", count=digits, after=after)
        return said("lost zeros", count=digits, after=after, lost=lost)
    return None


def _problem(code: str, numbers: bool = True) -> str:
    """What is wrong with `code`; `numbers`: whether it may be a number's text, which lost
    its dot or its trailing zeros (not behind the apostrophe that keeps a cell text)."""
    number = _number_problem(code) if numbers else None
    if number is not None:
        return number
    # A code with spaces around it is told by what it is inside them: a padded export of a
    # broken code ("1.0O1234   ") is the broken code's finding, not a padding one.
    text = code.strip()
    if _LINK.match(text):
        return said("link")
    if _SCIENTIFIC.fullmatch(text):
        return said("scientific")
    if _SEVERAL.fullmatch(text):
        return said("several", count=len(_EACH.findall(text)))
    if text.startswith("'"):
        # A code broken behind the mark ("'1.0O4512") is told by its own defect first.
        rest = text.lstrip("'")
        if not rest.strip() or _CODE.fullmatch(rest):
            return said("apostrophe")
        return said("and apostrophe", problem=_problem(rest, numbers=False))
    if text != code and (not text or _CODE.fullmatch(text)):
        return _around(code) if text else said("spaces")
    joined = "".join(text.split())
    if joined != text and _CODE.match(joined):  # "1. 000178", "1.000 178": typed by hand
        return said("break inside") if _BREAK.search(text) else said("space inside")
    if "," in text:
        return said("comma for dot")
    national_part = ".".join(text.split(".")[:2])
    if _LETTER.search(national_part):
        if re.match(_TYPED_NATIONAL, text):
            return said("letter")
        if re.fullmatch(_OWN_CODE, text) and any(char.isdigit() for char in text):
            return said("own code")
    if _AGENCY_ID.fullmatch(text):
        return said("agency id")
    head, _, tail = text.partition(".")
    if head.startswith("0") and len(head) > 1:
        return said("leading zero")
    digits = _DIGITS.match(tail).group()  # type: ignore[union-attr]
    if head.isdigit() and digits and len(digits) != 6:
        return said("digits", count=len(digits))
    if _TRAILING_DOT.match(text):
        return said("trailing dot")
    return said("not national")


_EDGE_KINDS = {"\n": "line break", "\r": "line break", "\t": "tab", "\xa0": "non-breaking space"}


def _around(code: str) -> str:
    """What is around a code `str.strip()` strips ("1.004921⏎": a line break after it), in
    words; plain spaces are "spaces around it", and are not named beside another."""
    text = code.strip()
    lead, trail = code[: code.index(text)], code[code.index(text) + len(text) :]
    kinds = [
        [_EDGE_KINDS.get(char, "other space") for char in edge if char != " "]
        for edge in (lead, trail)
    ]
    if not kinds[0] and not kinds[1]:
        return said("spaces")
    side = "around" if kinds[0] and kinds[1] else "before" if kinds[0] else "after"
    what = said("and").join(said(kind) for kind in dict.fromkeys(kinds[0] + kinds[1]))
    return said("edge", what=what, side=said(side))


# What `str.strip()` strips of ASCII text; RE2 `\d` and the patterns below are ASCII too.
_ASCII_SPACES = " \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f"
_NO_TEXT = pa.scalar(None, pa.large_string())


def invalid_codes(values: list[str | None]) -> tuple[list[str], list[str]]:
    """`code_finding` of each value, the message and the fix of each as two lists, made by
    column kernels: a list whose codes are all malformed has as many distinct ones as rows,
    and 10,000 of them took 0.5 s one call each. A code holding anything but ASCII goes
    through `code_finding` itself (Python's digits and `str.strip` know more characters),
    unless it is a national code written with a label or a look-alike (`code_writing`):
    a column labelled on every row ("Mã: 1.014686") is read by kernels too."""
    codes = pa.array([value or "" for value in values], pa.large_string())
    written, written_message, written_fix = written_findings(codes)
    known = written.to_numpy(zero_copy_only=False)
    plain = pc.string_is_ascii(codes).to_numpy(zero_copy_only=False) & ~known
    messages = np.empty(len(codes), dtype=object)
    fixes = np.empty(len(codes), dtype=object)
    if known.any():
        messages[known] = written_message.filter(written).to_pylist()
        fixes[known] = written_fix.filter(written).to_pylist()
    if plain.any():
        message, fix = _invalid_ascii_codes(codes.filter(plain))
        messages[plain] = message.to_pylist()
        fixes[plain] = fix.to_pylist()
    for at in np.flatnonzero(~plain & ~known).tolist():
        messages[at], fixes[at] = code_finding(values[at])
    return messages.tolist(), fixes.tolist()


def _invalid_ascii_codes(code: pa.Array) -> tuple[pa.Array, pa.Array]:
    """`code_finding`'s message and fix of ASCII codes, step for step in kernels."""
    text = pc.utf8_trim(code, _ASCII_SPACES)
    # number_code_repair
    lost_dot = matches(text, f"^{LOST_DOT.pattern}$")
    lost_zeros = matches(text, f"^{LOST_ZEROS.pattern}$")
    first, rest = pc.utf8_slice_codeunits(text, 0, 1), pc.utf8_slice_codeunits(text, 1)
    dotted = format_texts("{first}.{rest}", first=first, rest=rest)
    width = 2 + NATIONAL_DIGITS
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
    problem = _problems(code, text, (lost_dot, lost_zeros))
    # A code broken behind the mark ("'1.0O4512") is told by its own defect first.
    unmarked = pc.utf8_ltrim(text, "'")
    bare = pc.utf8_trim(unmarked, _ASCII_SPACES)
    marked = pc.and_(
        pc.starts_with(text, "'"),
        pc.and_not(pc.not_equal(bare, ""), matches(unmarked, CODE_PATTERN)),
    )
    if pc.any(marked).as_py():
        own = _problems(unmarked, bare, None)
        told = format_texts(t(*MESSAGES["and apostrophe"]), problem=own)
        problem = pc.if_else(marked, told, problem)
    link = matches(text, LINK)
    if pc.any(link).as_py():
        inside = pc.struct_field(pc.extract_regex(text, CODE_IN_LINK), "code")
        named = format_texts(t(*MESSAGES["code in link"]), code=inside, where=where)
        fix = pc.if_else(link, pc.coalesce(named, said("copy", where=where)), fix)
    several = matches(text, f"^{_SEVERAL.pattern}$")
    fix = pc.if_else(several, said("one row each"), fix)
    message = format_texts(t(*MESSAGES["message"]), code=shown_codes(code), problem=problem)
    return message, fix


def _problems(
    code: pa.Array, text: pa.Array, numbers: tuple[pa.Array, pa.Array] | None
) -> pa.Array:
    """`_problem` of ASCII codes (`text`: each stripped), step for step in kernels;
    `numbers`: which texts lost a number's dot and which its zeros, None where none may be
    a number's text."""
    collapsed = pc.replace_substring_regex(text, f"[{_ASCII_SPACES}]+", "")
    # Around the few codes with more than plain spaces around them, the words of `_around`.
    spaces = pa.scalar(said("spaces"), pa.large_string())
    odd = pc.fill_null(pc.not_equal(pc.utf8_trim(code, " "), text), False)
    if pc.any(odd).as_py():
        spaces = pc.coalesce(map_texts(pc.if_else(odd, code, None), _around), spaces)
    # _problem: its cases from the last to the first, each laid over those after it
    digits = pc.utf8_length(
        pc.struct_field(pc.extract_regex(text, r"^[0-9]+\.(?P<digits>[0-9]*)"), "digits")
    )
    problem = pa.array([said("not national")] * len(code), pa.large_string())
    wrong_count = pc.and_(pc.greater(digits, 0), pc.not_equal(digits, NATIONAL_DIGITS))
    cases = [
        (matches(text, _TRAILING_DOT.pattern), said("trailing dot")),
        (pc.fill_null(wrong_count, False), format_texts(t(*MESSAGES["digits"]), count=digits)),
        (matches(text, "^0[^.]"), said("leading zero")),
        (matches(text, f"^{AGENCY_ID}$"), said("agency id")),
        (
            pc.and_(matches(text, r"^[^.]*(?:\.[^.]*)?[A-Za-z]"), matches(text, _TYPED_NATIONAL)),
            said("letter"),
        ),
        (
            pc.and_(
                pc.and_(matches(text, r"^[^.]*(?:\.[^.]*)?[A-Za-z]"), matches(text, _OWN_CODE)),
                pc.and_not(matches(text, "[0-9]"), matches(text, _TYPED_NATIONAL)),
            ),
            said("own code"),
        ),
        (pc.match_substring(text, ","), said("comma for dot")),
        (
            pc.and_(pc.not_equal(collapsed, text), matches(collapsed, CODE_PATTERN)),
            said("space inside"),
        ),
        (
            pc.and_(
                pc.and_(pc.not_equal(collapsed, text), matches(collapsed, CODE_PATTERN)),
                matches(text, _BREAK.pattern),
            ),
            said("break inside"),
        ),
        (
            pc.and_(
                pc.not_equal(code, text),
                pc.or_(pc.equal(text, ""), matches(text, CODE_PATTERN)),
            ),
            pc.if_else(pc.equal(text, ""), said("spaces"), spaces),
        ),
        (pc.starts_with(text, "'"), said("apostrophe")),
    ]
    several = matches(text, f"^{_SEVERAL.pattern}$")
    counted = pc.count_substring_regex(code, f"(?:^|[;,/\\s]){_ONE_CODE}")
    cases.append((several, format_texts(t(*MESSAGES["several"]), count=counted)))
    cases.append((matches(text, f"^{_SCIENTIFIC.pattern}$"), said("scientific")))
    link = matches(text, LINK)
    cases.append((link, said("link")))
    for where_true, words in cases:
        problem = pc.if_else(where_true, words, problem)
    if numbers is None:
        return problem
    lost_dot, lost_zeros = numbers
    kept = pc.subtract(pc.utf8_length(text), 2)
    after = pc.if_else(pc.match_substring(text, ","), said("comma"), said("dot"))
    lost = pc.subtract(NATIONAL_DIGITS, kept)
    zeros = pc.if_else(
        pc.equal(lost, 1),
        format_texts(t(*MESSAGES["lost zero"]), count=kept, after=after),
        format_texts(t(*MESSAGES["lost zeros"]), count=kept, after=after, lost=lost),
    )
    problem = pc.if_else(lost_zeros, zeros, problem)
    return pc.if_else(lost_dot, said("lost dot"), problem)


def holds_several_codes(text: str) -> bool:
    """Whether `text` is several well-formed codes ("1.000178; 1.000179", one a line)."""
    return _SEVERAL.fullmatch(text) is not None


def code_finding(value: str | None) -> tuple[str, str]:
    """PA101's message and fix for the code `value`."""
    code = value or ""
    written = written_code(code)
    if written is not None:
        return written_finding(written, code)
    guessed = number_code_repair(code)
    repaired = guessed or repaired_code(code)
    inside = _CODE_IN_LINK.search(code) if _LINK.match(code.strip()) else None
    if inside is not None:
        fix = said("code in link", code=inside["code"], where=said("where"))
    elif _SEVERAL.fullmatch(code):
        fix = said("one row each")
    elif guessed:
        fix = said("probably", code=guessed, where=said("where"))
    elif repaired and repaired != code:
        fix = said("write", code=repaired)
    else:
        fix = said("copy", where=said("where"))
    return said("message", code=shown(code), problem=_problem(code)), fix
