"""What the cells of a column look like: the shares of a sample of its cells shaped like a
procedure code (a national one in particular), a whole number, an internal id, an agency's
electronic id, an agency's name, a name cut short. `io.values` decides from these which
column is read as what.

Each column is profiled on a bounded, evenly spread sample of its cells. A large sample is
shaped by Arrow's kernels (RE2), a small one cell by cell by Python's `re` from a memo of the
texts seen before (a folder of communes' lists repeats its agencies, fields and levels in
every file): the patterns are plain classes and counts, which the two engines read alike
(tests/io/test_values_memo.py holds them to it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from procaudit.catalogue.text_columns import SMALL_COLUMN, arrow_text, matches
from procaudit.io.grid import take_rows
from procaudit.vn.agencies import AGENCY_ID, AGENCY_NAME_START, names_an_agency

SAMPLE_ROWS = 2000  # cells profiled per column at most
MIN_CELLS = 3  # fewer filled cells say nothing
CLEAR = 0.8  # the share of cells that decides
SHOWN = 3  # example values quoted

# National codes (1.001234), with the province's suffix (1.001234.000.00.00.H44,
# 1.012753.H19), and number codes that lost trailing zeros (1.00398). Arrow's RE2 runs these:
# plain classes, no look-ahead.
_NATIONAL = r"[0-9]\.[0-9]{4,6}(\.[0-9A-Za-z]+)*\.?"
# A national code as the national database gives it, alone or with a local suffix: where
# several columns hold codes, the one holding these is the procedures' (a ministry's own
# codes, NHNN-QLNH-01, sit beside them).
_NATIONAL_CODE = r"[0-9]\.[0-9]{6}(\.[0-9A-Za-z]+)*"
# A one-stop system's local code: one token of capitals, digits and separators holding both a
# digit and a capital and at least one separator (2018.HT.14, BHXH.TBHXH.02., 2020STTTT_PTTT06,
# 2020.PCCC 012). No lowercase letter (a name, an agency), no slash (a decision number, a
# date), at most one space.
_LOCAL = r"[0-9A-ZĐ][0-9A-ZĐ._\-]*( [0-9A-ZĐ._\-]+)?"
_LOCAL_LENGTH = (4, 32)
# A national code kept as a number loses its dot (2000648 for 2.000648): whole numbers of that
# shape keep a code header's column, but never make a column the code.
_DOTLESS = r"[1-9]0[0-9]{5}"
_WHOLE = r"[0-9]{1,12}"
# A database's own ids, never a procedure's code: a GUID (the portal's
# 019d2bfc-a30f-73eb-814a-a16c263c42f5, braced as Windows writes it) or a hex key.
_HEX = "[0-9A-Fa-f]"
_GUID = f"{_HEX}{{8}}-{_HEX}{{4}}-{_HEX}{{4}}-{_HEX}{{4}}-{_HEX}{{12}}"
_INTERNAL_ID = rf"{_GUID}|\{{{_GUID}\}}|[0-9a-f]{{24}}|[0-9a-f]{{32}}"
# A name cut short for a narrow column: "Cấp Giấy phép khảo…", "Đăng ký giảm vốn...".
_CUT = "(…|\\.\\.\\.)$"
_CUT_ENDS = ("…", "...")

# The shapes counted, in the order of a Cell's flags and of ValueProfile's shares.
_SHAPES = ("code", "dotless", "whole", "national", "ids", "agency_ids", "cut", "agencies")
SHAPES = frozenset(_SHAPES)


@dataclass(frozen=True)
class ValueProfile:
    """What the filled cells of a sample of one column look like (shares of `cells`)."""

    cells: int
    code: float  # shaped like a procedure code, national or local
    dotless: float  # whole numbers shaped like a national code without its dot
    whole: float  # other whole numbers: ids, row numbers
    national: float = 0.0  # national codes (D.DDDDDD, maybe with a local suffix)
    ids: float = 0.0  # a database's ids: GUIDs, hex keys
    agency_ids: float = 0.0  # agencies' electronic ids (000.00.15.H44)
    cut: float = 0.0  # texts cut short with "…" or "..."
    agencies: float = 0.0  # texts that begin as an agency's name
    codes: tuple[str, ...] = ()  # a few distinct code-shaped values, for messages
    numbers: tuple[str, ...] = ()  # a few distinct whole numbers, for messages

    def mostly(self, share: float) -> bool:
        return self.cells >= MIN_CELLS and share >= CLEAR


def sample(column: pd.Series, rows: int = SAMPLE_ROWS) -> pd.Series:
    """At most `rows` cells spread evenly over the column (a stacked export lists one unit's
    procedures after another, so the first rows are one unit only)."""
    if len(column) <= rows:
        return column
    return take_rows(column, np.arange(0, len(column), -(-len(column) // rows)))


def profile(column: pd.Series) -> ValueProfile:
    """The profile of a column of cells (text, numbers' text, or missing).

    The kernels pandas' string methods run on Arrow text (trim, length, RE2 matches with the
    pattern anchored as `str.fullmatch` anchors it), called directly: pandas' own call
    parses each pattern in Python first, which cost more than the match on a small file. A
    small column is profiled from what each of its distinct cells gave (`_cells`)."""
    return profile_texts(filled_texts(column))


def profile_texts(texts: pa.Array, listed: list[str] | None = None) -> ValueProfile:
    """`profile` of a column's filled texts (`filled_texts`; `listed`: them as a list)."""
    if not len(texts):
        return ValueProfile(0, 0.0, 0.0, 0.0)
    if len(texts) <= SMALL_COLUMN:
        return _small_profile(_cells(texts.to_pylist() if listed is None else listed))
    text = pc.utf8_trim_whitespace(texts)
    text = text.filter(pc.greater(pc.utf8_length(text), 0))
    filled = len(text)
    if not filled:
        return ValueProfile(0, 0.0, 0.0, 0.0)
    masks = dict(zip(_SHAPES, _shapes(text), strict=True))
    shares = {shape: _count(mask) / filled for shape, mask in masks.items()}
    return ValueProfile(
        filled,
        **shares,
        codes=_shown(text.filter(masks["code"])),
        numbers=_shown(text.filter(pc.or_(masks["whole"], masks["dotless"]))),
    )


def filled_texts(column: pd.Series) -> pa.Array:
    """The text of a sample of the column's cells, missing ones left out."""
    cells = sample(column)
    if _is_arrow_text(cells):  # nulls dropped in Arrow: pandas' dropna costs more here
        return arrow_text(cells).drop_null()
    # A workbook's column holding numbers: their text, as typed.
    return arrow_text(cells.dropna().astype("str"))


def _shapes(text: pa.Array) -> tuple[pa.Array, ...]:
    """Where trimmed texts have each shape of `_SHAPES` (an empty text has none)."""
    length = pc.utf8_length(text)
    agency_id = _fullmatch(text, AGENCY_ID)
    local = _all(
        _fullmatch(text, _LOCAL),
        pc.greater_equal(length, _LOCAL_LENGTH[0]),
        pc.less_equal(length, _LOCAL_LENGTH[1]),
        matches(text, "[0-9]"),
        matches(text, "[A-ZĐ]"),
        matches(text, r"[._\-]"),
        pc.invert(agency_id),
    )
    code = pc.or_(_fullmatch(text, _NATIONAL), local)
    dotless = _fullmatch(text, _DOTLESS)
    whole = pc.and_(_fullmatch(text, _WHOLE), pc.invert(dotless))
    return (
        code,
        dotless,
        whole,
        _fullmatch(text, _NATIONAL_CODE),
        _fullmatch(text, _INTERNAL_ID),
        agency_id,
        matches(text, _CUT),
        matches(text, AGENCY_NAME_START),
    )


# A flag per shape of `_SHAPES`, in that order; a cell's text -> (its text trimmed, or None
# when that is empty, then its flags).
Flags = tuple[bool, bool, bool, bool, bool, bool, bool, bool]
Cell = tuple[str | None, bool, bool, bool, bool, bool, bool, bool, bool]
# What the cells of small columns gave, for the next columns: a folder of communes' lists
# repeats its agencies, fields and levels in every file, and a dozen kernels (and their
# patterns compiled) for a few dozen cells cost more than the rest of checking the values.
_KNOWN: dict[str, Cell] = {}
_KNOWN_LIMIT = 100_000  # cells kept; past it a new memo is started


def _cells(texts: list[str]) -> list[Cell]:
    """What each text is, from the memo; the texts not in it classified together."""
    global _KNOWN
    known = _KNOWN
    new = [text for text in dict.fromkeys(texts) if text not in known]
    if not new:
        return [known[text] for text in texts]
    found = _classify(new)
    if len(known) + len(found) > _KNOWN_LIMIT:  # a new dict: another thread may read the old
        _KNOWN = {}
    _KNOWN.update(found)
    return [found[text] if text in found else known[text] for text in texts]


def _classify(texts: list[str]) -> dict[str, Cell]:
    """The cells of these distinct texts, trimmed as a large column is (by the kernel) and
    shaped as `_shapes` shapes it, by Python's `re`: Arrow's RE2 compiles a pattern at every
    call, and the patterns cost a small file ~0.5 ms for a few dozen new cells. The patterns
    are plain classes and counts, which the two engines read alike (a test holds them to
    it)."""
    trimmed = pc.utf8_trim_whitespace(pa.array(texts, type=pa.large_string())).to_pylist()
    return {raw: (cut or None, *_cell_shapes(cut)) for raw, cut in zip(texts, trimmed, strict=True)}


_NATIONAL_TEXT = re.compile(_NATIONAL)
_NATIONAL_CODE_TEXT = re.compile(_NATIONAL_CODE)
_LOCAL_TEXT = re.compile(_LOCAL)
_DOTLESS_TEXT = re.compile(_DOTLESS)
_WHOLE_TEXT = re.compile(_WHOLE)
_INTERNAL_ID_TEXT = re.compile(_INTERNAL_ID)
_AGENCY_ID_TEXT = re.compile(AGENCY_ID)
_LOCAL_PARTS = tuple(re.compile(part) for part in ("[0-9]", "[A-ZĐ]", r"[._\-]"))
_ID_LENGTHS = frozenset({24, 32, 36, 38})  # the lengths `_INTERNAL_ID` matches
_AGENCY_ID_LENGTH = 13  # 000.00.15.H44


def _cell_shapes(text: str) -> Flags:
    """`_shapes` of one trimmed text, in the order of `_SHAPES`. Each pattern is tried only
    where the text's first character or length allows it: most cells are names, agencies
    and fields, which begin with a letter no code begins with."""
    if not text:
        return (False, False, False, False, False, False, False, False)
    cut, agency = text.endswith(_CUT_ENDS), names_an_agency(text)
    ids = len(text) in _ID_LENGTHS and _INTERNAL_ID_TEXT.fullmatch(text) is not None
    first = text[0]
    if not ("0" <= first <= "9" or "A" <= first <= "Z" or first == "Đ"):
        return (False, False, False, False, ids, False, cut, agency)
    agency_id = len(text) == _AGENCY_ID_LENGTH and _AGENCY_ID_TEXT.fullmatch(text) is not None
    local = (
        _LOCAL_LENGTH[0] <= len(text) <= _LOCAL_LENGTH[1]
        and _LOCAL_TEXT.fullmatch(text) is not None
        and all(part.search(text) for part in _LOCAL_PARTS)
        and not agency_id
    )
    digit = "0" <= first <= "9"  # a national code's, a whole number's first character
    national = digit and _NATIONAL_TEXT.fullmatch(text) is not None
    dotless = digit and _DOTLESS_TEXT.fullmatch(text) is not None
    return (
        local or national,
        dotless,
        digit and not dotless and _WHOLE_TEXT.fullmatch(text) is not None,
        national and _NATIONAL_CODE_TEXT.fullmatch(text) is not None,  # national codes' part
        ids,
        agency_id,
        cut,
        agency,
    )


def _small_profile(cells: list[Cell]) -> ValueProfile:
    """The profile of a column from its cells' classes, as `profile` counts a large one."""
    kept = [(text, cell) for cell in cells if (text := cell[0]) is not None]
    filled = len(kept)
    if not filled:
        return ValueProfile(0, 0.0, 0.0, 0.0)
    shares = {
        shape: sum(1 for _, cell in kept if cell[at]) / filled
        for at, shape in enumerate(_SHAPES, 1)
    }
    code = [text for text, cell in kept if cell[1]]
    number = [text for text, cell in kept if cell[2] or cell[3]]
    return ValueProfile(
        filled,
        **shares,
        codes=tuple(dict.fromkeys(code[:50]))[:SHOWN],
        numbers=tuple(dict.fromkeys(number[:50]))[:SHOWN],
    )


def examples(texts: pa.Array, shape: str) -> tuple[str, ...]:
    """A few distinct trimmed texts of the first ones of a column (`filled_texts`) that have
    `shape` (one of `SHAPES`), for a message."""
    at = _SHAPES.index(shape) + 1
    cells = _cells(texts.slice(0, 200).to_pylist())
    return tuple(dict.fromkeys(cell[0] for cell in cells if cell[0] and cell[at]))[:SHOWN]


def learn(columns: list[list[str]]) -> None:
    """Classify the new cells of these small columns (their filled texts) in one pass: their
    profiles, asked for next, are then read from the memo (one set of kernels for a table,
    not one a column)."""
    if texts := [text for texts in columns for text in texts]:
        _cells(texts)


def _is_arrow_text(column: pd.Series) -> bool:
    return isinstance(column.dtype, pd.StringDtype) and column.dtype.storage == "pyarrow"


def _fullmatch(text: pa.Array, pattern: str) -> pa.Array:
    """Where the whole text matches `pattern`, anchored as pandas' `str.fullmatch` anchors it
    for Arrow text (`text` holds no null: `matches` gives False for one)."""
    return matches(text, f"^(({pattern})$)")


def _all(*masks: pa.Array) -> pa.Array:
    found = masks[0]
    for mask in masks[1:]:
        found = pc.and_(found, mask)
    return found


def _count(mask: pa.Array) -> float:
    return float(pc.sum(mask, min_count=0).as_py())


def _shown(values: pa.Array) -> tuple[str, ...]:
    return tuple(dict.fromkeys(values.slice(0, 50).to_pylist()))[:SHOWN]
