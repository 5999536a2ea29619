"""Read a column given as marks: a heading split into sub-columns, the rows marking one.

Annexes of decisions head a column "Cấp thực hiện" over "Tỉnh | Huyện | Xã", or "Mức độ DVC"
over "Toàn trình | Một phần", and put an "x" under the sub-column that applies. The header
reader maps each sub-column to the heading's column (their sub-headings name none); read as
it stands, the first sub-column's "x" would be the level. Here a row's value is the heading
of the sub-columns it marks ("Huyện, Xã"), so the rules read what the official meant.
Headers side by side that each name a value of a column no header names ("Cấp tỉnh | Cấp
xã", "DVC trực tuyến toàn trình | DVC trực tuyến một phần": `VALUE_HEADERS`) are read the
same way, in one header row or two. A single column of marks says nothing on its own: it is
not read as its column, and its rules are "not checked", except one naming the fully online
level ("DVC toàn trình": a row is fully online or not). Only a clear majority of marks
decides (io/values.py's threshold), and values under such headers are read as they are.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

from procaudit.catalogue.columns import REQUIRED, VALUE_HEADERS
from procaudit.io.headers import HeaderMap, with_columns
from procaudit.io.value_profile import CLEAR, MIN_CELLS, SHOWN, sample
from procaudit.io.values import ValueChoice
from procaudit.vn.text import header_key

MARKS = "marks"  # ValueChoice.reason of a lone column of marks, refused
# A cell that marks its sub-column, folded (lower case, trimmed); a cell holding the
# sub-heading itself marks it too. "0", "-", "không": a cell saying "not this one".
_MARKED = frozenset({"x", "×", "✓", "✔", "√", "v", "•", "●", "+", "*", "1", "có", "yes", "true"})
_UNMARKED = frozenset({"0", "-", "không", "no", "false"})
# Columns whose values are numbers: a time of 1 day or a fee of 0 is a value, not a flag.
_NUMBERS = frozenset({"processing_time", "fee"})
_FLAGS = frozenset({"1", "0"})
Marks = tuple[frozenset[str], frozenset[str]]  # the texts marking a sub-column, and not
_MOST_MEMBERS = 12  # sub-columns of one heading at most (their combinations are listed)


@dataclass(frozen=True)
class Marked:
    """A column read from marks: its sub-columns' positions and the value each stands for."""

    column: str
    positions: tuple[int, ...]
    values: tuple[str, ...]  # each sub-column's heading, as the file writes it
    heading: str | None = None  # the heading that names the column over them, if one does


def read_marks(
    header_map: HeaderMap, labels: list[str], sub: list[str] | None, body: pd.DataFrame
) -> tuple[HeaderMap, pd.DataFrame, tuple[Marked, ...], tuple[ValueChoice, ...]]:
    """The header map, the body with each column given as marks read as the headings marked
    (at the column's first sub-column), the columns so read, and the lone columns of marks
    refused. `sub`: the sub-heading of each column of a header over several rows, its
    lowest text under the first row (None for one row)."""
    if body.empty:
        return header_map, body, (), ()
    columns = dict(header_map.columns)
    marked: list[Marked] = []
    refused: list[ValueChoice] = []
    derived: dict[int, pd.Series] = {}
    for column, members, values, heading in _groups(header_map, labels, sub):
        folded = [value.lower() for value in values]
        marks = (
            (_MARKED - _FLAGS, _UNMARKED - _FLAGS) if column in _NUMBERS else (_MARKED, _UNMARKED)
        )
        sampled = [_folded(sample(body[position])) for position in members]
        if not _mostly_marks(sampled, folded, marks):
            continue
        lone = len(members) == 1 and not _fully_online(column, values[0])
        if lone or len(set(folded)) < len(folded) or "" in folded:
            if column in columns and column not in header_map.given:  # never the user's
                del columns[column]
                refused.append(ValueChoice(members[0], column, False, MARKS, _shown(sampled[0])))
            continue
        if len(members) > _MOST_MEMBERS:
            continue
        cells = [_folded(body[position]) for position in members]
        derived[members[0]] = _headings_marked(cells, folded, values, marks).set_axis(body.index)
        columns[column] = members[0]
        marked.append(Marked(column, members, values, heading))
    if not derived and not refused:
        return header_map, body, (), ()
    if derived:
        body = body.copy(deep=False)  # the grid's columns stay as they were
        for position, values_read in derived.items():
            body[position] = values_read
    taken = {position for found in marked for position in found.positions}
    changed = with_columns(
        labels, columns, header_map.stt, header_map.candidates, header_map.given, taken
    )
    return changed, body, tuple(marked), tuple(refused)


# A run of sub-columns that may hold marks: its column, positions, the value of each, and
# the heading naming the column over them (None: each names a value).
Group = tuple[str, tuple[int, ...], tuple[str, ...], str | None]


def _groups(header_map: HeaderMap, labels: list[str], sub: list[str] | None) -> list[Group]:
    """The runs of columns whose cells may be marks: a named heading's sub-columns in a
    two-row header; side by side, headers that each name a value of a column no header
    names ("Cấp tỉnh | Cấp xã", one row or two)."""
    groups: list[Group] = []
    if sub is not None:
        for column, chosen in header_map.columns.items():
            if column in REQUIRED or not sub[chosen].strip():
                continue  # a catalogue needs its name; a column without a sub-heading is whole
            members = _members(chosen, header_map.candidates.get(column, (chosen,)), labels)
            values = tuple(_one_line(sub[p]) for p in members)
            groups.append((column, members, values, _one_line(labels[chosen])))
    taken = {*header_map.columns.values(), header_map.stt}
    taken.update(position for _, members, _, _ in groups for position in members)
    texts = [
        _one_line(sub[p] if sub is not None and sub[p].strip() else label)
        for p, label in enumerate(labels)
    ]
    for column, pattern in _VALUE_HEADERS.items():
        if column in header_map.columns:
            continue
        naming = [
            p not in taken and pattern.fullmatch(header_key(text)) is not None
            for p, text in enumerate(texts)
        ]
        runs = _runs(naming)
        if runs:  # the first run of two or more; another would name the column twice
            groups.append((column, runs[0], tuple(texts[p] for p in runs[0]), None))
        elif sum(naming) == 1 and _fully_online(column, texts[lone := naming.index(True)]):
            groups.append((column, (lone,), (texts[lone],), None))
    return groups


def _fully_online(column: str, heading: str) -> bool:
    """Whether a column heading alone names the fully online level ("DVC toàn trình"): its
    marks say of each row whether it is fully online, and a row it leaves unmarked is not,
    which is all PA505 and the scorecard ask. Not "Mức độ 4", a level PA503 would ask to
    rename in cells holding marks; nor a lone column of another value ("Một phần", "Cấp
    tỉnh"), which leaves the unmarked rows' value unknown."""
    return column == "online_level" and _FULLY_ONLINE.fullmatch(header_key(heading)) is not None


_VALUE_HEADERS = {column: re.compile(pattern) for column, pattern in VALUE_HEADERS.items()}
_FULLY_ONLINE = re.compile(r"((dvc|dvctt|dich vu cong)( truc tuyen)? |truc tuyen )?toan trinh")


def _runs(flags: list[bool]) -> list[tuple[int, ...]]:
    """The runs of two or more adjacent positions where `flags` holds."""
    runs: list[tuple[int, ...]] = []
    start = None
    for position, flag in enumerate([*flags, False]):
        if flag and start is None:
            start = position
        elif not flag and start is not None:
            if position - start >= 2:
                runs.append(tuple(range(start, position)))
            start = None
    return runs


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _members(chosen: int, candidates: tuple[int, ...], labels: list[str]) -> tuple[int, ...]:
    """The run of adjacent columns around `chosen` that name its column under one heading."""
    named = set(candidates)
    start, end = chosen, chosen + 1
    while start - 1 in named and labels[start - 1] == labels[chosen]:
        start -= 1
    while end in named and labels[end] == labels[chosen]:
        end += 1
    return tuple(range(start, end))


def _folded(cells: pd.Series) -> pd.Series:
    """The cells as trimmed lower-case text, missing ones kept missing."""
    if not isinstance(cells.dtype, pd.StringDtype):
        cells = cells.astype("str")  # a workbook column holding numbers
    return cells.str.strip().str.lower()


def _mostly_marks(cells: list[pd.Series], headings: list[str], marks: Marks) -> bool:
    """Whether a clear majority of the filled cells of these sub-columns are marks, and
    some mark one."""
    filled = marking = unmarked = 0
    for column, heading in zip(cells, headings, strict=True):
        texts = column[column.notna() & (column != "")]
        filled += len(texts)
        marking += int(_marks(texts, heading, marks).sum())
        unmarked += int(texts.isin(marks[1]).sum())
    return filled >= MIN_CELLS and marking > 0 and (marking + unmarked) / filled >= CLEAR


def _marks(cells: pd.Series, heading: str, marks: Marks) -> pd.Series:
    return cells.isin(marks[0] | {heading}).fillna(False).astype(bool)


def _headings_marked(
    cells: list[pd.Series], headings: list[str], values: tuple[str, ...], marks: Marks
) -> pd.Series:
    """Each row's value: the headings of the sub-columns it marks, joined ("Huyện, Xã");
    missing where it marks none. Rows are told apart by which sub-columns they mark: one
    number a row, its bits the sub-columns, and the text of each number made once."""
    which = np.zeros(len(cells[0]), np.int64)
    for bit, (column, heading) in enumerate(zip(cells, headings, strict=True)):
        which |= _marks(column, heading, marks).to_numpy(dtype=bool).astype(np.int64) << bit
    texts = np.array(
        [
            ", ".join(value for bit, value in enumerate(values) if number >> bit & 1) or None
            for number in range(1 << len(values))
        ],
        dtype=object,
    )
    return pd.Series(texts[which], dtype="str")


def _shown(cells: pd.Series) -> tuple[str, ...]:
    texts = cells[cells.notna() & (cells != "")]
    return tuple(dict.fromkeys(texts.head(50).tolist()))[:SHOWN]
