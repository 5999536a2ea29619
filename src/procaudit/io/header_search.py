"""Find a table's header: the row, or the rows, at the top of a sheet that name its columns.

A sheet opens with a title block ("ỦY BAN NHÂN DÂN TỈNH …", "(Kèm theo Quyết định số …)");
the header under it names the columns (io/header_aliases.py reads each label). Annexes split it over
two rows or three: a heading merged across several columns ("Thông tin công bố") over its
sub-headings ("Quyết định công bố" | "Dịch vụ công"), over theirs ("Số QĐ" | "Ngày"). Each
column is then labelled from the rows above it (`header_labels`); a sub-heading that dates
the heading over it ("Cơ quan thực hiện" over "Trước sắp xếp" | "Sau sắp xếp") is its note.
Where no row names the name but one names several other columns, the column under it whose
values are procedures' names is read as the name (io/name_values.py).
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pandas as pd

from procaudit.catalogue.columns import REQUIRED
from procaudit.core.errors import InputError
from procaudit.core.i18n import t
from procaudit.io.grid import Grid, labels_of
from procaudit.io.header_aliases import CATALOGUE, readings
from procaudit.io.headers import HeaderMap, HeaderReader, map_headers, with_columns
from procaudit.io.name_values import FEWEST_NAMED, name_by_values
from procaudit.io.vocabulary import AFTER, BEFORE, ISSUED, Vocabulary, dated_alone
from procaudit.vn.text import header_key

HEADER_SCAN_ROWS = 30  # the header is looked for in this many rows from the top


class NoHeader(Exception):
    """The sheet has no row that names the procedure column."""

    def __init__(self, closest: list[str], given: str | None = None) -> None:
        super().__init__()
        self.closest = closest  # the labels of the row most like a header, for the message
        self.given = given  # the --header-row the user gave, if any


def row_texts(cells: pd.DataFrame, position: int) -> list[str]:
    return labels_of(cells.iloc[position])


def header_labels(rows: list[list[str]], reader: HeaderReader) -> list[str]:
    """One label per column from a header over one, two or three rows: each row above read
    with the labels the rows under it give (`_pair_labels`), from the bottom up. "Thông tin
    công bố" over "Quyết định công bố" over "Số QĐ" | "Ngày": the lower two give "Số QĐ" and
    "Ngày quyết định công bố", which the heading over them leaves as they are."""
    labels = rows[-1]
    for top in reversed(rows[:-1]):
        labels = _pair_labels(top, labels, reader)
    return labels


def _pair_labels(top: list[str], sub: list[str], reader: HeaderReader) -> list[str]:
    """One label per column from a header split over two rows.

    A heading merged across several columns sits in the first of them only; its sub-headings
    ("Trực tiếp", "Trực tuyến") are under it. A label is the sub-heading when that names a
    column, else the sub-heading read with its heading ("Số" and "Ngày" under "Quyết định
    công bố" are "Số quyết định công bố" and "Ngày quyết định công bố"), else the heading
    above it, else the sub-heading read with the heading's last words ("Ngày" under "Thông
    tin công bố" is "Ngày công bố": `HeaderReader.names_with_tail`), else both. Under a
    heading over one column, the two rows are one label wrapped over two lines ("Tên thủ
    tục" over "hành chính"), read in that order.
    """
    labels, above = [], ""
    wide = _under_wide_headings(top)
    dated = _dated_columns(top, sub, wide)
    for position, (top_text, sub_text) in enumerate(zip(top, sub, strict=True)):
        if top_text.strip():
            above = top_text
        elif not sub_text.strip():
            above = ""
        heading = top_text if top_text.strip() else above
        if sub_text.strip() and reader.names(sub_text):
            labels.append(sub_text)
        elif (
            sub_text.strip()
            and top_text.strip()
            and position not in wide
            and reader.names_joined(top_text, sub_text)
        ):
            labels.append(f"{top_text} {sub_text}")
        elif sub_text.strip() and heading.strip() and reader.names_joined(sub_text, heading):
            labels.append(f"{sub_text} {heading}")
        elif heading.strip() and (named := reader.names(heading)):
            issued = _issued_label(heading, sub_text, named, reader) if position in wide else None
            dated_label = _dated_label(heading, sub_text) if position in dated else heading
            labels.append(issued or dated_label)
        elif not (heading.strip() and sub_text.strip()):
            labels.append(heading if heading.strip() else sub_text)
        else:
            reader.may_name(heading, sub_text)  # its reading known where it names nothing
            tail = reader.names_with_tail(sub_text, heading)
            labels.append(tail or f"{heading} {sub_text}")
    return labels


def _issued_label(heading: str, sub: str, column: str, reader: HeaderReader) -> str | None:
    """The label of a column a body issues (`ISSUED`) under a heading naming it, whose
    sub-heading names the issuer ("Quyết định công bố" over "Bộ, ngành | UBND tỉnh"): "…
    của Bộ, ngành", which io/header_aliases.py reads with its issuer; None for another
    sub-heading."""
    if column not in ISSUED or not sub.strip():
        return None
    joined = f"{heading} {sub}" if header_key(sub).startswith("cua ") else f"{heading} của {sub}"
    return joined if reader.names(joined) == column else None


def _dated_columns(top: list[str], sub: list[str], wide: set[int]) -> set[int]:
    """The columns under a heading spanning several whose sub-headings date them, where that
    heading's sub-headings give both periods: "Tỉnh Hà Giang (cũ)" | "Tỉnh Tuyên Quang
    (mới)", "Trước sắp xếp" | "Sau sắp xếp". A sub-heading ending "mới" beside others that
    date nothing is a kind, not a period ("Ban hành mới" | "Sửa đổi" | "Bãi bỏ" under
    "Tình trạng", each a mark's meaning)."""
    spans: dict[int, dict[int, str | None]] = {}
    start = -1
    for position, (top_text, sub_text) in enumerate(zip(top, sub, strict=True)):
        if top_text.strip():
            start = position
        if position in wide and sub_text.strip():
            # Both memoised per text: the header search reads the same cells in every file.
            spans.setdefault(start, {})[position] = dated_alone(readings(sub_text)[0])
    return {
        position
        for periods in spans.values()
        if {BEFORE, AFTER} <= set(periods.values())
        for position, when in periods.items()
        if when is not None
    }


def _dated_label(heading: str, sub: str) -> str:
    """The label of a column under a heading naming it, whose sub-heading dates it
    (`_dated_columns`): the sub-heading becomes the heading's note, which io/header_aliases.py
    reads (the old column gives way to the new)."""
    return f"{heading} ({' '.join(sub.replace('(', ' ').replace(')', ' ').split())})"


def _subdivides(top: HeaderMap, wide: set[int], sub: list[str], required: tuple[str, ...]) -> bool:
    """Whether a row only sub-divides headings of a header (one row or two: `wide`, the
    columns under its headings that span several) that names the procedure:
    "Trực tiếp", "Trực tuyến" under "Cách thức thực hiện"; "Tỉnh", "Xã" under a "Cấp thực
    hiện" merged across them. Cells merged down from the header row leave it empty under the
    name and the row number; a procedure row has a name there. Under another named column a
    cell is a sub-heading only where that heading spans several columns: a procedure row's
    values sit under headings of their own."""
    filled = _clear_of_keys(top, sub, required)
    if filled is None or len(filled) < 2:
        return False
    named = set(top.columns.values())
    return all(position not in named or position in wide for position in filled)


def _clear_of_keys(top: HeaderMap, sub: list[str], required: tuple[str, ...]) -> list[int] | None:
    """The filled cells of a row under a header naming the procedure, where the row leaves
    the name and the row number empty (cells merged down from the header do; a procedure
    has a name); None where it does not, or the header names no procedure."""
    if not all(column in top.columns for column in required):
        return None  # a title above the header is no heading of it
    filled = [position for position, text in enumerate(sub) if text.strip()]
    kept = {*(top.columns[column] for column in required), top.stt}
    return None if not filled or kept.intersection(filled) else filled


def _under_wide_headings(top: list[str]) -> set[int]:
    """The columns under a heading that spans several: its cell (a merged cell's text is in
    its first column) and the empty ones right of it."""
    starts = [position for position, text in enumerate(top) if text.strip()]
    under: set[int] = set()
    for start, end in zip(starts, [*starts[1:], len(top)], strict=True):
        if end - start >= 2:
            under.update(range(start, end))
    return under


# A header as found: its grid positions (one row to three), the label of each column, the map.
Header = tuple[list[int], list[str], HeaderMap]
# The map of a row whose labels name nothing (`HeaderReader.says_nothing`): no column, no row
# number, so never a header, alone or on top of a pair.
_NAMES_NOTHING = HeaderMap(columns={}, sources={}, unmapped=())


def find_header(grid: Grid, extra: dict[str, str], words: Vocabulary = CATALOGUE) -> Header:
    """Score the top rows (and pairs of rows, and a third row under a pair) against the
    aliases of `words`; the best one with the required columns (a catalogue's name) is the
    header. A pair counts only where it names more than either row alone, or where its second
    row sub-divides headings of the first (`_subdivides`: under headings that name no column,
    or that span several); a third row likewise under the pair."""
    texts, filled = grid.head(HEADER_SCAN_ROWS)
    scanned = [p for p, any_filled in enumerate(filled) if any_filled]
    if not scanned:
        raise NoHeader([])
    reader = HeaderReader(extra, words)  # each distinct cell read once
    scanned = _past_full_header(scanned, texts, reader, words.required)
    # Rows of data (most of those scanned) name nothing, alone or in a pair: not mapped.
    quiet = {p: reader.says_nothing(texts[p]) for p in scanned}
    singles = {p: _NAMES_NOTHING if quiet[p] else reader.map(texts[p]) for p in scanned}
    candidates = [([p], texts[p], singles[p]) for p in scanned]
    for p in scanned:
        if p + 1 in singles and not (quiet[p] and quiet[p + 1]):
            labels = header_labels([texts[p], texts[p + 1]], reader)
            pair = reader.map(labels)
            if pair.score > max(singles[p].score, singles[p + 1].score) or (
                pair.score >= singles[p].score
                and _subdivides(
                    singles[p], _under_wide_headings(texts[p]), texts[p + 1], words.required
                )
            ):
                candidates.append(([p, p + 1], labels, pair))
            # Three rows, where the second is clear of the first's name and row number (so
            # rarely tried: a procedure has a name).
            if p + 2 in singles and _clear_of_keys(singles[p], texts[p + 1], words.required):
                maps = (singles[p], pair, singles[p + 2])
                third = _third_row(texts[p : p + 3], maps, reader)
                if third is not None:
                    candidates.append(([p, p + 1, p + 2], *third))
    best: tuple[list[int], list[str], HeaderMap] | None = None
    for positions, labels, header_map in candidates:
        if not all(column in header_map.columns for column in words.required):
            continue
        # A lone name column is a header only as the first thing in the sheet.
        if header_map.score < 2 and positions[0] != scanned[0]:
            continue
        if _labels_a_value(labels, header_map, words.required):
            continue
        # Ties go to the upper row: a header comes before the data it heads; then to the
        # pair (or three rows), whose lower rows would otherwise be read as data.
        key = (header_map.score, -positions[0], len(positions))
        if best is None or key > (best[2].score, -best[0][0], len(best[0])):
            best = (positions, labels, header_map)
    if best is None and words is CATALOGUE:  # no header names the name: its values may
        best = _name_by_values(grid, extra, candidates)
    if best is None:
        closest = max(scanned, key=lambda p: (singles[p].score, -p))
        raise NoHeader(texts[closest])
    return best


def _name_by_values(grid: Grid, extra: dict[str, str], candidates: list[Header]) -> Header | None:
    """The header naming most columns of those that name several but not the name, with the
    column under it whose values are procedures' names read as the name
    (io/name_values.py); None where there is no such header, or no such column.

    The header is then searched again with that column's header naming the name, as the
    user's `--map` would: a second row sub-dividing its headings ("Số" | "Ngày" under
    "Quyết định công bố", "Tỉnh" | "Xã" under "Cấp thực hiện") is then read as part of it,
    where it counts only under a header naming the name (`_subdivides`)."""
    named = [found for found in candidates if len(found[2].columns) >= FEWEST_NAMED]
    if not named:
        return None
    positions, labels, header_map = max(
        named, key=lambda found: (found[2].score, -found[0][0], len(found[0]))
    )
    found = _with_name_by_values(grid, positions, labels, header_map)
    name = REQUIRED[0]
    key = header_key(labels[found[2].columns[name]]) if found is not None else ""
    if found is None or not key or key in extra:  # searched so already: once is enough
        return found
    try:
        again, again_labels, again_map = find_header(grid, {**extra, key: name})
    except NoHeader:
        return found
    if again[0] != positions[0] or again_map.columns[name] != found[2].columns[name]:
        return found  # read elsewhere so: the header first found stands
    read = replace(again_map, given=again_map.given - {name}, by_values=frozenset({name}))
    return again, again_labels, read


def _with_name_by_values(
    grid: Grid, positions: list[int], labels: list[str], header_map: HeaderMap
) -> Header | None:
    """The header with the column under it whose values are procedures' names read as the
    name, said to be read by its values; None where no column reads so."""
    body = grid.cells.iloc[positions[-1] + 1 :]
    named = {p for found in header_map.candidates.values() for p in found}
    unread = [p for p in range(len(labels)) if p not in named and p != header_map.stt]
    others = list(header_map.columns.values())
    agency = header_map.columns.get("agency")
    body = _merged_down(grid, body, agency)
    found = name_by_values(labels, others, unread, body, agency)
    if found is None:
        return None
    name = REQUIRED[0]
    columns = {**header_map.columns, name: found[0]}
    candidates = {**header_map.candidates, name: (found[0],)}
    read = with_columns(labels, columns, header_map.stt, candidates, header_map.given)
    return positions, labels, replace(read, by_values=frozenset({name}))


def _merged_down(grid: Grid, body: pd.DataFrame, position: int | None) -> pd.DataFrame:
    """The body with each cell a merge spans down its column at `position` holding the
    merge's value, as the rows read later take it (io/merged.py): a list kept per unit
    merges its unit down its block ("UBND xã Tân Lập" once, beside 40 procedures)."""
    spans = [(first, last) for column, first, last in grid.merged if column == position]
    if position is None or not spans:
        return body
    rows = grid.rows.iloc[len(grid.rows) - len(body) :].to_numpy()
    column = body[position].copy()
    for first, last in spans:
        top = np.flatnonzero(rows == first)
        if len(top) and pd.notna(column.iloc[top[0]]):
            inside = (rows > first) & (rows <= last) & column.isna().to_numpy()
            column.iloc[np.flatnonzero(inside)] = column.iloc[top[0]]
    filled = body.copy(deep=False)
    filled[position] = column
    return filled


def _past_full_header(
    scanned: list[int], texts: list[list[str]], reader: HeaderReader, required: tuple[str, ...]
) -> list[int]:
    """The scanned rows that may still hold the header where the first names a column in
    every cell (a CSV export's header, most small files'): no row, nor two rows, scores more
    than a column each (`HeaderMap.score`), and at a tie the upper row wins; only the pair
    and the three rows it heads may still win. The rows of data under it are then not read
    (most of a small file's header search)."""
    first = scanned[0]
    top = reader.map(texts[first])
    if top.score < len(texts[first]) or not all(column in top.columns for column in required):
        return scanned
    return [p for p in scanned if p <= first + 2]


def _labels_a_value(labels: list[str], header_map: HeaderMap, required: tuple[str, ...]) -> bool:
    """Whether the row labels a value beside it rather than heading a column: a procedure's
    content written label by label ("Tên thủ tục:" | "Cấp giấy phép …", "Mã số:" | …, "Trình
    tự thực hiện:" | …) has the name's label end with a colon and its value in the next cell,
    which names no column. A header's colon is followed by another heading, or by nothing."""
    for column in required:
        position = header_map.columns[column]
        if not labels[position].rstrip().endswith(":") or position + 1 >= len(labels):
            continue
        beside = labels[position + 1]
        named = {*header_map.columns.values(), header_map.stt}
        if beside.strip() and position + 1 not in named:
            return True
    return False


def _third_row(
    texts: list[list[str]], maps: tuple[HeaderMap, HeaderMap, HeaderMap], reader: HeaderReader
) -> tuple[list[str], HeaderMap] | None:
    """The labels and map of a header of three rows (`texts`; `maps`: the first row's, the
    first two's, the third's), where the three name more than the first two or the first
    alone, and than the third alone; or as much, the third sub-dividing the headings of the
    two above it. None otherwise."""
    top, pair, third = maps
    labels = header_labels(texts, reader)
    found = reader.map(labels)
    above = max(top.score, pair.score)
    if found.score > max(above, third.score):
        return labels, found
    wide = _under_wide_headings(texts[0]) | _under_wide_headings(texts[1])
    if found.score >= above and _subdivides(pair, wide, texts[2], reader.words.required):
        return labels, found
    return None


def given_header(grid: Grid, header_rows: tuple[int, ...], extra: dict[str, str]) -> Header:
    by_row = {row: position for position, row in enumerate(grid.rows)}
    missing = [row for row in header_rows if row not in by_row]
    if missing:
        raise InputError(
            str(grid.sheet or ""),
            t(
                "has no row {row} to read the header from",
                "không có dòng {row} để đọc tiêu đề",
                row=missing[0],
            ),
        )
    positions = [by_row[row] for row in header_rows]
    rows = [row_texts(grid.cells, position) for position in positions]
    labels = header_labels(rows, HeaderReader(extra, CATALOGUE))
    header_map = map_headers(labels, extra)
    if all(column in header_map.columns for column in REQUIRED):
        return positions, labels, header_map
    # The user's row names no name column: its values may.
    found = _with_name_by_values(grid, positions, labels, header_map)
    if found is None:
        raise NoHeader(labels, given="-".join(map(str, header_rows)))
    return found
