"""A national code written with more than the code: a label before it ("Mã: 1.014686", "Mã
TTHC 2.000123", "Code: 1.000123"), a look-alike of its dot or digits ("1․008572" with a one
dot leader, "１.００８５７２" in full width, "1.О01193" with a Cyrillic O:
`vn.lookalikes.CODE_LOOKALIKES`), an invisible
character a copy from a web page brings ("\u200b1.001234", a zero-width space), or a stray
mark after it ("1.001234;").

The code itself is plain to see and the repair mechanical, so PA101 says what is around or
inside it and `procaudit fix` writes the bare code. A label is words a header of the code
column would say (`io.headers.read_header`), never one qualifying it ("Mã TTHC cũ", "Mã TTHC
bị thay thế": another procedure's code). A note in brackets after the code is the reader's
(`io.code_notes`): the rules never see it. Only a code that is a national one once its label,
look-alikes and mark are gone is read so; any other keeps PA101's other messages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import pyarrow as pa
import pyarrow.compute as pc

from procaudit.catalogue.text_columns import format_texts
from procaudit.core.i18n import t
from procaudit.core.text_safety import shown
from procaudit.io.header_aliases import read_header
from procaudit.io.vocabulary import CENTRAL
from procaudit.rules.code_messages import MESSAGES, said, shown_codes
from procaudit.vn.lookalikes import (
    CODE_LOOKALIKES,
    DIGIT_LOOKALIKES,
    SUFFIX_LETTER_LOOKALIKES,
    lookalikes_in,
    replace_code_lookalikes,
)
from procaudit.vn.text import INVISIBLE

_DOTS = "".join(char for char, lookalike in CODE_LOOKALIKES.items() if lookalike.meant == ".")
# A code's dot, digits and the letter of a local suffix, look-alikes included.
_DOT, _DIGIT = f"[.{_DOTS}]", f"[0-9{DIGIT_LOOKALIKES}]"
_LETTER = f"[A-Z{SUFFIX_LETTER_LOOKALIKES}]"
_LOOKS = f"{_DOTS}{DIGIT_LOOKALIKES}{SUFFIX_LETTER_LOOKALIKES}"
_CODE = (
    f"{_DIGIT}{_DOT}{_DIGIT}{{6}}"
    f"(?:(?:{_DOT}{_DIGIT}{{3}}{_DOT}{_DIGIT}{{2}}{_DOT}{_DIGIT}{{2}})?{_DOT}{_LETTER}{_DIGIT}{{2}})?"
)
# What a stray mark after the code may be: a full stop (or its look-alike), a semicolon, a
# comma or a colon, as a list typed in a sentence leaves them.
_MARK = f"[.;,:{_DOTS}]"
# The spaces Python's `str.isspace` knows, spelled out: RE2's \s is ASCII, and both engines
# must read a cell alike (the column kernels and the one-code path say the same).
_SPACE = (
    r"[\t\n\x0b\x0c\r\x1c-\x1f \x{85}\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}"
    r"\x{202f}\x{205f}\x{3000}]"
)
# A label holds no digit (a second code is no label); whether it names the code is asked of
# its words (`names_the_code`). A colon may end it.
_WRITTEN = (
    rf"^{_SPACE}*(?:(?P<label>[^0-9{DIGIT_LOOKALIKES}]+?){_SPACE}*[:\x{{ff1a}}]?{_SPACE}*)?"
    rf"(?P<code>{_CODE}){_SPACE}*(?P<mark>{_MARK}?){_SPACE}*$"
)
# The same for Python's `re`, which writes a character by its escape otherwise.
_PYTHON = re.compile(re.sub(r"\\x\{([0-9a-f]+)\}", lambda m: chr(int(m[1], 16)), _WRITTEN))
# Characters that show nothing (a zero-width space, a byte-order mark, a soft hyphen).
_INVISIBLE = "[" + "".join(f"\\x{{{ord(char):x}}}" for char in INVISIBLE) + "]"
_UNSEEN = dict.fromkeys(map(ord, INVISIBLE))


@dataclass(frozen=True)
class WrittenCode:
    """A national code `code` written with a `label` before it that names the code column,
    the look-alike characters `lookalikes` (each once), a stray `mark` after it or an
    `invisible` character."""

    code: str
    label: bool
    lookalikes: str
    mark: str
    invisible: bool = False


@lru_cache(maxsize=256)  # a list's labels are a handful, written on row after row
def names_the_code(label: str) -> bool:
    """Whether `label` says what a header of the code column says, unqualified ("Mã", "Mã
    số", "Mã TTHC", "Code"); a qualified one ("Mã TTHC cũ") names another procedure's code."""
    hit = read_header(label)
    return hit is not None and hit[0] == "code" and 0 <= hit[1] < CENTRAL


def written_code(text: str) -> WrittenCode | None:
    """The code `text` holds, where it is a national code written with a label, a look-alike
    character or a stray mark (not a dot alone: PA101 says that one already); None otherwise."""
    seen = text.translate(_UNSEEN)
    found = _PYTHON.fullmatch(seen)
    if found is None:
        return None
    label = found.group("label") or ""
    if label and not names_the_code(label):
        return None
    written = found.group("code")
    looks = "".join(lookalike.char for lookalike in lookalikes_in(written, CODE_LOOKALIKES))
    mark = found.group("mark")
    invisible = seen != text
    if not (label or looks or invisible or mark not in ("", ".")):
        return None
    return WrittenCode(replace_code_lookalikes(written), bool(label), looks, mark, invisible)


@lru_cache(maxsize=256)
def _problem(label: bool, looks: str, mark: str, invisible: bool = False) -> str:
    """PA101's words for what surrounds a code or is inside it, before "the code is …"."""
    parts = [said("label")] if label else []
    if invisible:
        parts.append(said("invisible"))
    if looks:
        found = lookalikes_in(looks, CODE_LOOKALIKES)
        names = dict.fromkeys(t(lookalike.name, lookalike.name_vi) for lookalike in found)
        parts.append(said("lookalike", what=said("and").join(names)))
    if mark:
        parts.append(said("stray mark", mark=mark))
    return said("and").join(parts)


def written_finding(found: WrittenCode, value: str) -> tuple[str, str]:
    """PA101's message and fix of the code `value`, written as `found` reads it."""
    what = _problem(found.label, found.lookalikes, found.mark, found.invisible)
    problem = said("the code is", what=what, code=found.code)
    return said("message", code=shown(value), problem=problem), said("write", code=found.code)


def written_findings(codes: pa.Array) -> tuple[pa.Array, pa.Array, pa.Array]:
    """`written_code` of each of `codes` by column kernels, said: where each holds a code so
    written (a mask), and PA101's message and fix there (null elsewhere). The few distinct
    labels and look-alike spellings are judged in Python, once each."""
    seen = pc.replace_substring_regex(codes, _INVISIBLE, "")
    invisible = pc.fill_null(pc.not_equal(seen, codes), False)
    parts = pc.extract_regex(seen, _WRITTEN)
    written = pc.struct_field(parts, "code")
    label = pc.fill_null(pc.struct_field(parts, "label"), "")
    mark = pc.struct_field(parts, "mark")
    looks = pc.replace_substring_regex(written, f"[^{_LOOKS}]", "")
    named = [value for value in pc.unique(label).to_pylist() if value and names_the_code(value)]
    has_label = pc.is_in(label, value_set=pa.array(named, pa.large_string()))
    told = pc.or_(
        pc.or_(pc.or_(has_label, invisible), pc.not_equal(looks, "")),
        pc.invert(pc.is_in(mark, value_set=pa.array(["", "."], pa.large_string()))),
    )
    labelled_so = pc.or_(has_label, pc.equal(label, ""))  # no label, or one naming the code
    found = pc.fill_null(pc.and_(pc.and_(pc.is_valid(written), labelled_so), told), False)
    if not pc.any(found).as_py():
        nothing = pa.nulls(len(codes), pa.large_string())
        return found, nothing, nothing
    code = written
    if pc.any(pc.not_equal(looks, "")).as_py():
        for char, lookalike in CODE_LOOKALIKES.items():
            code = pc.replace_substring(code, char, lookalike.meant)
    # The words of each distinct (label, look-alikes, mark), laid then on its rows.
    flag = pc.if_else(has_label, pa.scalar("1", pa.large_string()), "0")
    unseen = pc.if_else(invisible, pa.scalar("1", pa.large_string()), "0")
    key = pc.binary_join_element_wise(
        flag, looks, mark, unseen, pa.scalar("\x1f", pa.large_string())
    )
    encoded = pc.dictionary_encode(pc.if_else(found, key, None))
    words = [
        _problem(flag == "1", chars, stray, hidden == "1")
        for flag, chars, stray, hidden in (
            value.split("\x1f") for value in encoded.dictionary.to_pylist()
        )
    ]
    what = pc.take(pa.array(words, pa.large_string()), encoded.indices)
    problem = format_texts(t(*MESSAGES["the code is"]), what=what, code=code)
    message = format_texts(t(*MESSAGES["message"]), code=shown_codes(codes), problem=problem)
    return found, message, format_texts(t(*MESSAGES["write"]), code=code)
