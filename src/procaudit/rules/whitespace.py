"""Stray whitespace in text cells, PA603's: what is stray, and how the rule says it.

A line break separates the agencies or levels listed in one cell; spaces around it, blank
lines, a lone carriage return, tabs, unusual and invisible spaces do not belong anywhere. A
name is one value (`ONE_LINE`): a line break inside it is stray too, and its lines are
joined with a space. The patterns come twice, in RE2 for the column survey
(`catalogue.cell_patterns`) and in Python's dialect for the repair (`text_repairs`).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from procaudit.catalogue.cell_patterns import EDGE_CLASS, INVISIBLE_CLASS, OTHER_SPACES, ZERO_WIDTH
from procaudit.catalogue.text_columns import (
    NFC_STABLE,
    SPACES,
    format_texts,
    matches,
    re2_class,
)
from procaudit.core.i18n import language, t

# The same in Python's dialect, with the lookahead RE2 lacks: what PA603's repair removes.
STRAY_WHITESPACE = re.compile(
    f"^[{EDGE_CLASS}]|[{EDGE_CLASS}]\\Z|[{INVISIBLE_CLASS}]" r"|  | \r?\n|\n |\n\r?\n|\r(?!\n)"
)
# What `whitespace_problems` names inside a cell, in the order it names them.
PROBLEMS_SAID = (
    (re.compile("  "), "doubled spaces"),
    (re.compile("\t"), "a tab"),
    (re.compile("\xa0"), "a non-breaking space (U+00A0)"),
    (re.compile(f"[{OTHER_SPACES}]"), "an unusual space character"),
    (re.compile(f"[{ZERO_WIDTH}]"), "a zero-width character"),
    (re.compile(r" \r?\n|\n "), "spaces around a line break"),
    (re.compile(r"\n[^\S\n]*\n"), "a blank line"),
    (re.compile(r"\r(?!\n)"), "a lone carriage return"),
)
ZERO_WIDTH_CHARS = re.compile(f"[{ZERO_WIDTH}]")
LINE_BREAK = re.compile(r"\r\n|\r|\n")
# Columns of prose (the laws' titles and numbers of a legal basis; a fee's or a processing
# time's cases, a line each, often bulleted and indented: "- Lệ phí:\n  + Trực tiếp: …"),
# whose whitespace nothing compares: PA603 and its repair leave them alone.
PROSE_COLUMNS = ("legal_basis", "fee", "processing_time")
# The columns whose cell holds one value, never several a line: a line break inside a name
# is where a cell's text was wrapped by hand or pasted from a PDF. (A field cell may join two
# fields a line; agencies, levels, decisions and dates are listed so.)
ONE_LINE = ("name",)


def clean_whitespace(text: str, one_line: bool = False) -> str:
    """`text` without stray whitespace: single spaces, no spaces at the ends of a line, no
    blank line, no invisible characters; the line breaks between items stay, unless the
    cell holds `one_line` (a name: `one_line_text`)."""
    # str.split() without arguments splits at every Unicode space (U+00A0 and U+2000-U+200A
    # too) but not at zero-width characters, which are dropped first.
    lines = LINE_BREAK.split(ZERO_WIDTH_CHARS.sub("", text))
    kept = [" ".join(line.split()) for line in lines if line.split()]
    return one_line_text(kept) if one_line else "\n".join(kept)


def one_line_text(lines: list[str]) -> str:
    """The lines of a cell of one value made one: joined with a space, as the line break
    wrapped the text; a value written twice, a line each, written once."""
    return lines[0] if len(set(lines)) == 1 else " ".join(lines)


_EDGES = re.compile(f"^[{EDGE_CLASS}]+|[{EDGE_CLASS}]+\\Z")
_KINDS = {
    " ": "space",
    "\n": "line break",
    "\r": "line break",
    "\t": "tab",
    "\xa0": "non-breaking space (U+00A0)",
}


def _edge(char: str, where: str) -> str | None:
    if not char or not _EDGES.match(char):
        return None
    kind = _KINDS.get(char) or (
        f"{'zero-width' if ZERO_WIDTH_CHARS.match(char) else 'space'} character (U+{ord(char):04X})"
    )
    kind_vi = _WORDS_VI.get(kind) or (
        f"{'ký tự độ rộng bằng không' if ZERO_WIDTH_CHARS.match(char) else 'ký tự khoảng trắng'}"
        f" (U+{ord(char):04X})"
    )
    return t(f"a {where} {kind}", f"{kind_vi} ở {'đầu' if where == 'leading' else 'cuối'}")


# The words of PROBLEMS_SAID and _KINDS in Vietnamese.
_WORDS_VI = {
    "doubled spaces": "dấu cách kép",
    "a tab": "ký tự tab",
    "a non-breaking space (U+00A0)": "dấu cách không ngắt dòng (U+00A0)",
    "an unusual space character": "ký tự khoảng trắng bất thường",
    "a zero-width character": "ký tự độ rộng bằng không",
    "spaces around a line break": "dấu cách quanh chỗ xuống dòng",
    "a blank line": "dòng trống",
    "a lone carriage return": "ký tự về đầu dòng (CR) đứng riêng",
    "a line break inside it": "dấu xuống dòng ở giữa",
    "space": "dấu cách",
    "line break": "dấu xuống dòng",
    "tab": "ký tự tab",
    "non-breaking space (U+00A0)": "dấu cách không ngắt dòng (U+00A0)",
}


def whitespace_problems(text: str, one_line: bool = False) -> list[str]:
    """What is stray in `text`, in words: its ends, then what is inside it (a line break
    too, in a cell of `one_line`)."""
    edges = [_edge(text[:1], "leading"), _edge(text[-1:], "trailing")]
    core = _EDGES.sub("", text)
    inside = [t(what, _WORDS_VI[what]) for pattern, what in PROBLEMS_SAID if pattern.search(core)]
    if one_line and LINE_BREAK.search(core):
        inside.append(t("a line break inside it", _WORDS_VI["a line break inside it"]))
    return [what for what in edges if what] + inside


# Runs of what is neither a space nor invisible: what `_whitespace_problems` says does not
# depend on them, so cells are described by their shape ("x x\tx"), once per shape.
VISIBLE = re.compile(f"[^\\s{ZERO_WIDTH}]+")


@lru_cache(maxsize=10_000)
def problems_listed(shape: str, lang: str, one_line: bool = False) -> str:
    """The problems of cells of this shape, in `lang` (part of the key of the cache)."""
    problems = whitespace_problems(shape, one_line)
    return ", ".join(problems) if problems else t("stray whitespace", "khoảng trắng thừa")


def stray_said(value: str, one_line: bool = False) -> tuple[str, str]:
    """PA603's message and fix of a cell with stray whitespace."""
    return (
        t(
            "The cell has {problems}.",
            "Ô có {problems}.",
            problems=problems_listed(VISIBLE.sub("x", value), language(), one_line),
        ),
        t(
            "Write it as '{text}'.",
            "Sửa thành '{text}'.",
            text=unicodedata.normalize("NFC", clean_whitespace(value, one_line)),
        ),
    )


# A cell's shape (`VISIBLE`, Python's `\s` being `SPACES`), and the runs its cleaning drops
# or makes one space, in RE2.
_SHAPED = f"[^{re2_class(SPACES + ZERO_WIDTH)}]+"
_ZERO_WIDTH_RUN = f"[{re2_class(ZERO_WIDTH)}]+"
_SPACE_RUN = f"[{re2_class(SPACES)}]+"
# Cells said one by one: several lines (`clean_whitespace` cleans them line by line), or a
# character NFC may change (Python's and the kernels' Unicode versions may differ).
_SAID_ALONE = f"[\\r\\n]|[^{re2_class(NFC_STABLE)}]"


def strays_said(values: pa.Array, one_line: bool = False) -> tuple[np.ndarray, np.ndarray]:
    """`stray_said` of each of `values` (no nulls): a cell of one line and of characters
    NFC keeps is said in column kernels (a million names may have ten thousand stray
    spaces, 10 us each in Python), its message once per shape; the others one by one."""
    messages = np.empty(len(values), dtype=object)
    fixes = np.empty(len(values), dtype=object)
    alone = matches(values, _SAID_ALONE).to_numpy(zero_copy_only=False)
    for at in np.flatnonzero(alone).tolist():
        messages[at], fixes[at] = stray_said(values[at].as_py(), one_line)
    kept = np.flatnonzero(~alone)
    if not len(kept):
        return messages, fixes
    texts = values.filter(pa.array(~alone))
    shapes = pc.dictionary_encode(pc.replace_substring_regex(texts, _SHAPED, "x"))
    lang = language()
    said = [
        t(
            "The cell has {problems}.",
            "Ô có {problems}.",
            problems=problems_listed(shape, lang, one_line),
        )
        for shape in shapes.dictionary.to_pylist()
    ]
    messages[kept] = np.array(said, dtype=object)[shapes.indices.to_numpy()]
    # `clean_whitespace` of one line: no zero-width characters, each run of spaces one space.
    spaced = pc.replace_substring_regex(texts, _ZERO_WIDTH_RUN, "")
    cleaned = pc.utf8_trim(pc.replace_substring_regex(spaced, _SPACE_RUN, " "), " ")
    fixed = format_texts(t("Write it as '{text}'.", "Sửa thành '{text}'."), text=cleaned)
    fixes[kept] = fixed.to_numpy(zero_copy_only=False)
    return messages, fixes
