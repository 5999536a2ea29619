"""Check the columns a header chose against the values under it.

A one-stop system's `MA_THU_TUC` ("procedure code") holds its internal numeric id (23604,
41432) while the local code sits in `TEN_TAT` ("short name": `2018.HT.14`, `BHXH.TBHXH.02.`).
Each column is profiled on a bounded, evenly spread sample of its cells: the share shaped
like a procedure code, the share of plain whole numbers, the rest text. A header's candidate
whose values say otherwise is refused (the next header naming the column is tried), and
where no header names the code, a column whose values are codes is read as it. Columns the
user named with `--map` are never second-guessed. Precision first: only a clear majority of
the cells decides, and a code column is never picked among row numbers, decision numbers
("1890/QĐ-UBND"), dates or names, whose values are not code-shaped. Likewise, where no
header names the status, a notes column ("Ghi chú") whose values are statuses ("Bãi bỏ",
"Sửa đổi, bổ sung", "Mới") is read as it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from procaudit.catalogue.status import is_status
from procaudit.catalogue.text_columns import SMALL_COLUMN, arrow_text, matches
from procaudit.io.grid import take_rows
from procaudit.io.headers import HeaderMap, with_columns
from procaudit.vn.text import header_key

SAMPLE_ROWS = 2000  # cells profiled per column at most
MIN_CELLS = 3  # fewer filled cells say nothing
CLEAR = 0.8  # the share of cells that decides
SHOWN = 3  # example values quoted

# National codes (1.001234), with the province's suffix (1.001234.000.00.00.H44,
# 1.012753.H19), and number codes that lost trailing zeros (1.00398). Arrow's RE2 runs these:
# plain classes, no look-ahead.
_NATIONAL = r"[0-9]\.[0-9]{4,6}(\.[0-9A-Za-z]+)*\.?"
# A one-stop system's local code: one token of capitals, digits and separators holding both a
# digit and a capital and at least one separator (2018.HT.14, BHXH.TBHXH.02., 2020STTTT_PTTT06,
# 2020.PCCC 012). No lowercase letter (a name, an agency), no slash (a decision number, a
# date), at most one space.
_LOCAL = r"[0-9A-ZĐ][0-9A-ZĐ._\-]*( [0-9A-ZĐ._\-]+)?"
_LOCAL_LENGTH = (4, 32)
# A national code kept as a number loses its dot (2000648 for 2.000648): whole numbers of that
# shape keep a code header's column, but never make a column the code.
_DOTLESS = r"[1-9]0[0-9]{5}"
# An agency's electronic id (Decision 20/2020/QĐ-TTg: 000.00.15.H44, 000.00.00.G09), shaped
# like a local code but never a procedure's.
AGENCY_ID = r"[0-9]{3}\.[0-9]{2}\.[0-9]{2}\.[A-Z][0-9]{2}"
_AGENCY_ID_TEXT = re.compile(AGENCY_ID)
# A header naming another thing's code: a unit's, an agency's, a field's, a dossier's, or
# the procedure's a decision replaces ("Mã số TTHC được thay thế", `headers` reads the
# replacing one's name).
_OTHER_CODES = re.compile(
    r"\b(?:don vi|co quan|linh vuc|ho so|dia ban|nguoi|(?:duoc|bi) thay the|cu)\b"
)
# A dossier's ("hồ sơ") alone of those: "Số hồ sơ" and "Mã hồ sơ" number applications in a
# one-stop system's dossier list (000.00.23.H44-250901-0001, shaped like a local code), but
# Circular 02/2017's annexes head the national code "Mã số hồ sơ" ("Mã hồ sơ TTHC"). Such a
# column is the code only where its values are national codes.
_DOSSIER = re.compile(r"\bho so\b")
_WHOLE = r"[0-9]{1,12}"

# The columns whose values are checked: code must not be whole numbers; these must be text.
_TEXT_COLUMNS = ("name", "agency", "field")

# Why a column was refused or chosen (keys of ValueChoice.reason).
WHOLE_NUMBERS = "whole numbers"
CODES = "procedure codes"
STATUSES = "statuses"  # ValueChoice.reason of a column read as the status by its values


@dataclass(frozen=True)
class ValueProfile:
    """What the filled cells of a sample of one column look like (shares of `cells`)."""

    cells: int
    code: float  # shaped like a procedure code, national or local
    dotless: float  # whole numbers shaped like a national code without its dot
    whole: float  # other whole numbers: ids, row numbers
    codes: tuple[str, ...] = ()  # a few distinct code-shaped values, for messages
    numbers: tuple[str, ...] = ()  # a few distinct whole numbers, for messages

    def mostly(self, share: float) -> bool:
        return self.cells >= MIN_CELLS and share >= CLEAR


@dataclass(frozen=True)
class ValueChoice:
    """A column the values decided about: read as `column` (chosen) or refused as it."""

    position: int
    column: str
    chosen: bool
    reason: str  # WHOLE_NUMBERS or CODES: what its values are
    examples: tuple[str, ...]


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
    return _profile(_filled_texts(column))


def _profile(texts: pa.Array, listed: list[str] | None = None) -> ValueProfile:
    """`profile` of a column's filled texts (`_filled_texts`; `listed`: them as a list)."""
    if not len(texts):
        return ValueProfile(0, 0.0, 0.0, 0.0)
    if len(texts) <= SMALL_COLUMN:
        return _small_profile(_cells(texts.to_pylist() if listed is None else listed))
    text = pc.utf8_trim_whitespace(texts)
    text = text.filter(pc.greater(pc.utf8_length(text), 0))
    filled = len(text)
    if not filled:
        return ValueProfile(0, 0.0, 0.0, 0.0)
    code, dotless, whole = _shapes(text)
    return ValueProfile(
        filled,
        _count(code) / filled,
        _count(dotless) / filled,
        _count(whole) / filled,
        _shown(text.filter(code)),
        _shown(text.filter(pc.or_(whole, dotless))),
    )


def _filled_texts(column: pd.Series) -> pa.Array:
    """The text of a sample of the column's cells, missing ones left out."""
    cells = sample(column)
    if _is_arrow_text(cells):  # nulls dropped in Arrow: pandas' dropna costs more here
        return arrow_text(cells).drop_null()
    # A workbook's column holding numbers: their text, as typed.
    return arrow_text(cells.dropna().astype("str"))


def _shapes(text: pa.Array) -> tuple[pa.Array, pa.Array, pa.Array]:
    """Where trimmed texts are shaped like a procedure code, a code without its dot, another
    whole number (an empty text is none of them)."""
    length = pc.utf8_length(text)
    local = _all(
        _fullmatch(text, _LOCAL),
        pc.greater_equal(length, _LOCAL_LENGTH[0]),
        pc.less_equal(length, _LOCAL_LENGTH[1]),
        matches(text, "[0-9]"),
        matches(text, "[A-ZĐ]"),
        matches(text, r"[._\-]"),
        pc.invert(_fullmatch(text, AGENCY_ID)),
    )
    code = pc.or_(_fullmatch(text, _NATIONAL), local)
    dotless = _fullmatch(text, _DOTLESS)
    whole = pc.and_(_fullmatch(text, _WHOLE), pc.invert(dotless))
    return code, dotless, whole


# A cell's text -> (its text trimmed, or None when that is empty; code; dotless; whole).
Cell = tuple[str | None, bool, bool, bool]
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
    call, and the seven patterns cost a small file ~0.5 ms for a few dozen new cells. The
    patterns are plain classes and counts, which the two engines read alike (a test holds
    them to it)."""
    trimmed = pc.utf8_trim_whitespace(pa.array(texts, type=pa.large_string())).to_pylist()
    return {raw: (cut or None, *_cell_shapes(cut)) for raw, cut in zip(texts, trimmed, strict=True)}


_NATIONAL_TEXT = re.compile(_NATIONAL)
_LOCAL_TEXT = re.compile(_LOCAL)
_DOTLESS_TEXT = re.compile(_DOTLESS)
_WHOLE_TEXT = re.compile(_WHOLE)
_LOCAL_PARTS = tuple(re.compile(part) for part in ("[0-9]", "[A-ZĐ]", r"[._\-]"))


def _cell_shapes(text: str) -> tuple[bool, bool, bool]:
    """`_shapes` of one trimmed text: code, dotless, whole."""
    local = (
        _LOCAL_LENGTH[0] <= len(text) <= _LOCAL_LENGTH[1]
        and _LOCAL_TEXT.fullmatch(text) is not None
        and all(part.search(text) for part in _LOCAL_PARTS)
        and _AGENCY_ID_TEXT.fullmatch(text) is None
    )
    code = local or _NATIONAL_TEXT.fullmatch(text) is not None
    dotless = _DOTLESS_TEXT.fullmatch(text) is not None
    return code, dotless, not dotless and _WHOLE_TEXT.fullmatch(text) is not None


def _small_profile(cells: list[Cell]) -> ValueProfile:
    """The profile of a column from its cells' classes, as `profile` counts a large one."""
    kept = [(text, cell) for cell in cells if (text := cell[0]) is not None]
    filled = len(kept)
    if not filled:
        return ValueProfile(0, 0.0, 0.0, 0.0)
    code = [text for text, cell in kept if cell[1]]
    number = [text for text, cell in kept if cell[2] or cell[3]]
    return ValueProfile(
        filled,
        len(code) / filled,
        sum(cell[2] for _, cell in kept) / filled,
        sum(cell[3] for _, cell in kept) / filled,
        tuple(dict.fromkeys(code[:50]))[:SHOWN],
        tuple(dict.fromkeys(number[:50]))[:SHOWN],
    )


def _learn(columns: list[list[str]]) -> None:
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


def _refusal(column: str, values: ValueProfile) -> str | None:
    """Why the values refuse a header's candidate for `column`, if they do."""
    if column == "code":
        return WHOLE_NUMBERS if values.mostly(values.whole) else None
    if column in _TEXT_COLUMNS:
        if values.mostly(values.code):
            return CODES
        if values.mostly(values.whole + values.dotless):
            return WHOLE_NUMBERS
    return None


def check_values(
    header_map: HeaderMap, labels: list[str] | tuple[str, ...], body: pd.DataFrame
) -> tuple[HeaderMap, tuple[ValueChoice, ...]]:
    """The header map with the columns the values refuse replaced (by the next header naming
    the column, else by nothing; the name column a catalogue needs is kept when nothing can
    replace it) and, where no header names the code, the code taken from a column of codes;
    and every choice the values made, for `inspect` and the file's notes."""
    if body.empty:
        return header_map, ()
    filled: dict[int, tuple[pa.Array, list[str] | None]] = {}  # texts, listed when small

    def texts_of(position: int) -> tuple[pa.Array, list[str] | None]:
        if position not in filled:
            texts = _filled_texts(body[position])
            filled[position] = (texts, texts.to_pylist() if len(texts) <= SMALL_COLUMN else None)
        return filled[position]

    # The columns profiled first, their new cells classified together.
    first = [
        texts_of(header_map.columns[column])
        for column in ("code", *_TEXT_COLUMNS)
        if column in header_map.columns and column not in header_map.given
    ]
    _learn([listed for _, listed in first if listed is not None])
    profiles: dict[int, ValueProfile] = {}

    def of(position: int) -> ValueProfile:
        if position not in profiles:
            profiles[position] = _profile(*texts_of(position))
        return profiles[position]

    columns = dict(header_map.columns)
    choices: list[ValueChoice] = []
    for column in ("code", *_TEXT_COLUMNS):
        if column not in columns or column in header_map.given:
            continue
        kept = None
        refused: list[ValueChoice] = []
        for position in header_map.candidates.get(column, (columns[column],)):
            reason = _refusal(column, of(position))
            if reason is None:
                kept = position
                break
            values = of(position)
            shown = values.numbers if reason == WHOLE_NUMBERS else values.codes
            refused.append(ValueChoice(position, column, False, reason, shown))
        if kept is None and column == "name":
            continue  # nothing better to read the procedures' names from
        choices.extend(refused)
        if kept is None:
            del columns[column]
        else:
            columns[column] = kept
    if "code" not in columns:
        found = _code_by_values(
            header_map, labels, set(columns.values()), of, lambda at: texts_of(at)[0]
        )
        if found is not None:
            columns["code"] = found
            choices.append(ValueChoice(found, "code", True, CODES, of(found).codes))
    if "status" not in columns:
        unread = _unread(header_map, labels, set(columns.values()))
        statuses = _status_by_values(unread, lambda position: texts_of(position)[0])
        if statuses is not None:
            columns["status"] = statuses[0]
            choices.append(ValueChoice(statuses[0], "status", True, STATUSES, statuses[1]))
    if not choices:
        return header_map, ()
    changed = with_columns(
        list(labels), columns, header_map.stt, header_map.candidates, header_map.given
    )
    return changed, tuple(sorted(choices, key=lambda choice: choice.position))


def _code_by_values(
    header_map: HeaderMap,
    labels: list[str] | tuple[str, ...],
    taken: set[int],
    of: Callable[[int], ValueProfile],
    texts_of: Callable[[int], pa.Array],
) -> int | None:
    """The column whose values are procedure codes most clearly, among those whose header
    names no other column (nor the row number) and no other thing's code ("Mã đơn vị",
    `MA_LINH_VUC`), but a dossier's holding national codes (`_DOSSIER`); the leftmost of
    equals."""
    best: tuple[float, int] | None = None
    for position in _unread(header_map, labels, taken, but="code"):
        key = header_key(str(labels[position]))
        if _OTHER_CODES.search(key) and not (
            _OTHER_CODES.search(_DOSSIER.sub(" ", key)) is None
            and _mostly_national(texts_of(position))
        ):
            continue
        values = of(position)
        if values.mostly(values.code) and (best is None or values.code > best[0]):
            best = (values.code, position)
    return best[1] if best else None


def _mostly_national(texts: pa.Array) -> bool:
    """Whether a clear majority of a column's filled texts are national codes (1.001234,
    1.001234.000.00.00.H44), not a one-stop system's local codes or numbers."""
    text = pc.utf8_trim_whitespace(texts)
    text = text.filter(pc.greater(pc.utf8_length(text), 0))
    return len(text) >= MIN_CELLS and _count(_fullmatch(text, _NATIONAL)) >= CLEAR * len(text)


def _unread(
    header_map: HeaderMap, labels: list[str] | tuple[str, ...], taken: set[int], but: str = ""
) -> list[int]:
    """The columns not read, whose header names no column (but `but`) nor the row number."""
    named = {
        position
        for column, positions in header_map.candidates.items()
        if column != but
        for position in positions
    }
    return [
        position
        for position in range(len(labels))
        if position not in taken and position not in named and position != header_map.stt
    ]


_MOST_STATUSES = 12  # distinct values a column of statuses holds at most


def _status_by_values(
    positions: list[int], texts_of: Callable[[int], pa.Array]
) -> tuple[int, tuple[str, ...]] | None:
    """The first of the columns at `positions` (a notes column, "Ghi chú") whose filled
    values are nearly all a procedure's status ("Bãi bỏ", "Sửa đổi, bổ sung", "Mới",
    "Bãi bỏ theo Quyết định …"), with a few of them; a column of a dozen values at most."""
    for position in positions:
        texts = texts_of(position)
        if len(texts) < MIN_CELLS:
            continue
        counts = pc.value_counts(pc.utf8_trim_whitespace(texts))
        if len(counts) > _MOST_STATUSES:
            continue
        values = counts.field("values").to_pylist()
        weights = counts.field("counts").to_pylist()
        statuses = [value for value in values if is_status(value)]
        said = sum(w for value, w in zip(values, weights, strict=True) if is_status(value))
        if said >= CLEAR * sum(weights):
            return position, tuple(statuses[:SHOWN])
    return None
