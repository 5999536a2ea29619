"""Rows that continue the procedure above them: a procedure laid out over several rows.

Annexes often give a procedure one row per legal document, form or agency, its STT, code and
name merged down over those rows (or left blank under them, as a CSV export of such a sheet
has them). Such a row names no procedure: read as one, it would be a procedure "with no name"
(PA103) and no code (PA102), a whole page of false errors. A row with no row number, no code
and no name right under a procedure is read as part of it instead: a cell the procedure's
row leaves empty is taken from the first row under it that fills it (forms listed under
the name). Further values are not joined to the first: a fix for the joined text would be
no text of any one cell. The columns whose cell lists values a line each (levels, agencies)
are the exception: a procedure given a sub-row per level, each with its level and agency
("Cấp tỉnh | Sở Tư pháp" over "Cấp xã | UBND cấp xã"), has them all, a line each (repairs go
to each cell, `CellParts`); kept to the first, the later levels were lost, a "Cấp huyện"
among them unreported. A blank row, a section heading or a row skipped for another reason
in between ends a procedure. A table whose only identity is the name cannot tell a
continuation from a procedure missing its name, so there nothing is taken.

Text wrapped onto the rows under its cell is joined, though: a table converted from a PDF
breaks a long name or agency over lines ("Đăng ký khai sinh có yếu tố nước" / "ngoài"). A
cell that goes on with the text above it begins with a lowercase word (not "b)" or "c.",
which begin an item of a list); such a row is part of the procedure even with its name
filled, when its every cell goes on that way (`wrapped_rows`), and each such cell is joined
to the text it continues, with a space (`fix` repairs the cells as the file holds them).
A row holding numbers alone in the columns not read is no such line: a statistics table's
row carries its own counts there. Such lines above a table's first procedure go on with one
on the page before (a PDF converted a sheet per page): they name none (`carried_over`).
Which cells a procedure's value was taken or joined from is kept (`CellParts`): a finding
on the text of one of them points at that cell, and `fix` repairs it there.

A procedure done at several levels may list them on the rows under it, each naming a level
alone in the name's column ("- Cấp tỉnh", "+ Cấp xã:"), that level's agency beside it
(`level_items`): such a row names no procedure and no line of its name, it gives the
procedure its levels.

A list of dossier documents repeats its procedure on each document's row instead: the same
STT, code and name over "Tờ khai" and "Giấy chứng sinh" (`repeated_rows`). Such a row is
part of the procedure too, read as a continuation once its repeated cells are set aside. So
is a row of an internal process whose STT numbers the steps of each procedure ("1, 2, 3"
beside the same code and name, then "1, 2" beside the next), not the procedures.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow.compute as pc

from procaudit.io.grid import arrow_chunks

_ITEM_LETTER = re.compile(r"[a-zđ]\s*[.)]")
# A level alone, as an item of a list: "- Cấp tỉnh", "+ Cấp xã:", "• cấp huyện", "Cấp xã";
# not "cấp xã" unmarked, which goes on with a name wrapped above it ("… thực hiện tại").
_LEVEL_ITEM = (
    r"\s*(?:[\-–+•*]+\s*(?i:cấp)|Cấp|CẤP)\s+((?i:tỉnh|xã|huyện|bộ|trung ương))\s*[:.;]?\s*"
)
_NUMBER = r"\s*\d+[.]?\s*"  # a procedure's row number


def continuation_rows(identity: np.ndarray, labels: pd.Index | np.ndarray) -> np.ndarray:
    """Which rows (at grid positions `labels`, increasing; a page break's rows left out of
    the count, `page_breaks.without_breaks`) continue the procedure row above them: rows
    with no identity cell filled (`identity`: whether each has one) that lie right under
    it, or under rows that continue it. A blank row, a section heading or anything else
    skipped in between ends the procedure: a note under the table after a blank line is no
    part of its last procedure."""
    if identity.all():
        return np.zeros(len(labels), dtype=bool)
    rows = np.arange(len(identity))
    owner = np.maximum.accumulate(np.where(identity, rows, -1))
    positions = np.asarray(labels, dtype=np.int64)
    apart = np.r_[True, np.diff(positions) != 1]  # not right under the row before it
    last_apart = np.maximum.accumulate(np.where(apart, rows, -1))
    return ~identity & (owner >= 0) & (last_apart <= owner)


def carried_over(wrapped: np.ndarray, named: np.ndarray) -> np.ndarray:
    """Which rows go on with a procedure of the page before: the lines of text going on
    (`wrapped`: no row number, no code, each cell lowercase) above a table's first procedure
    (`named`: its rows naming one). A list converted from a PDF a sheet per page, or cut from
    a longer one, begins with the tail of a name broken over the page ("đối với tổ chức tín
    dụng"): no procedure above it on the table to join it to, it was read as one, "with no
    code". A table naming no procedure outside such lines has none to go on from."""
    if not named.any() or not wrapped[: int(np.argmax(named))].any():
        return np.zeros(len(wrapped), dtype=bool)
    return wrapped & (np.cumsum(named) == 0)


def heading_lines(
    live: pd.DataFrame, continues: np.ndarray, labels: pd.Index | np.ndarray, name: int
) -> np.ndarray:
    """Which rows read as going on with the procedure above begin the one under them
    instead: a PDF centres a procedure's cells over the lines of its name, so the name's
    first line stands above the row of its number and code ("Chấp thuận lại hoạt" over "5 |
    3.000359 | động của sân tập lái"). Such a row holds the name alone, begins with a capital,
    and lies right above (`labels` as in `continuation_rows`) a procedure whose name goes on
    (`goes_on`), in a list whose names begin with a capital (three in four at least): a
    procedure named in lowercase is a typing habit there, not a name's second line."""
    heads = np.zeros(len(continues), dtype=bool)
    if len(continues) < 2:
        return heads
    adjacent = np.diff(np.asarray(labels, dtype=np.int64)) == 1
    heads[:-1] = continues[:-1] & ~continues[1:] & adjacent
    if not heads.any():  # most lists: no line above a procedure
        return heads
    names = live[name]
    at = np.flatnonzero(heads)
    filled = live.take(at).notna().to_numpy()
    at = at[(filled.sum(axis=1) == 1) & filled[:, live.columns.get_loc(name)]]  # the name alone
    at = at[names.iloc[at + 1].notna().to_numpy()]
    heads[:] = False
    if not len(at):
        return heads
    on = goes_on(pd.concat([names.iloc[at], names.iloc[at + 1]])).to_numpy()  # one call
    heads[at] = ~on[: len(at)] & on[len(at) :]
    if heads.any():  # the other procedures' names: those under a line going on by nature
        others = ~continues & ~np.r_[False, heads[:-1]]
        named = names[others].dropna()
        if not len(named) or goes_on(named).mean() > _LOWERCASE_SHARE:
            heads[:] = False
    return heads


_LOWERCASE_SHARE = 0.25  # of a list's names, those beginning in lowercase: a typing habit


def level_items(names: pd.Series) -> pd.Series:
    """The level each name cell names alone, as an item of a list under a procedure ("- Cấp
    tỉnh" -> "Cấp tỉnh"); missing where the cell holds anything else."""
    if not names.notna().any():  # every row looked at is numbered or blank: no item
        return pd.Series(pd.NA, index=names.index, dtype="object")
    named = names.astype("string").str.normalize("NFC").str.fullmatch(_LEVEL_ITEM)
    named = named.fillna(False).astype(bool)
    if not named.any():
        return pd.Series(pd.NA, index=names.index, dtype="object")
    words = names[named].astype("str").str.normalize("NFC").str.extract(_LEVEL_ITEM)[0]
    return ("Cấp " + words.str.lower()).reindex(names.index).astype("object")


def item_levels(levels: pd.Series, continues: np.ndarray) -> pd.Series:
    """The levels the rows continuing each procedure name (`level_items`), joined ("Cấp
    tỉnh, Cấp xã"), by the procedure row's label; only for procedures with such rows."""
    rows = np.arange(len(continues))
    owner = np.maximum.accumulate(np.where(continues, -1, rows))
    listed = levels.notna().to_numpy() & continues & (owner >= 0)
    if not listed.any():
        return pd.Series(dtype="object")
    at = np.flatnonzero(listed)
    found = pd.Series(levels.to_numpy(dtype=object)[at], index=levels.index[owner[at]])
    return found.groupby(level=0, sort=False).agg(lambda named: ", ".join(dict.fromkeys(named)))


def repeated_rows(
    live: pd.DataFrame,
    identity: list[int],
    alike: list[int],
    labels: pd.Index | np.ndarray,
    stt: int | None,
) -> np.ndarray:
    """Which rows repeat the procedure right above them, one row per document of its dossier
    ("1 | Đăng ký khai sinh | Tờ khai" over "1 | Đăng ký khai sinh | Giấy chứng sinh"): the
    same name, the same cells in the other `identity` columns (STT, code) and in the `alike`
    ones (the procedure's agency, level, status …: a procedure listed once per unit is no
    repeat), on the grid row right under it (`labels` as in `continuation_rows`). The name is
    `identity`'s first column and must be filled; other cells both empty are the same.

    A repeat brings another value in a column besides (its document): a row the same
    throughout is the procedure typed twice, a duplicate; so is one listed twice apart. A
    row numbered in the `stt` column like the row above is a repeat; an unnumbered one only
    where such rows are common (three, and a quarter of the table at least): a procedure
    written twice in a row with two forms may be a duplicate (PA201). The columns are
    compared in turn, each only while some row may still be a repeat."""
    positions = np.asarray(labels, dtype=np.int64)
    repeats = np.zeros(len(positions), dtype=bool)
    repeats[1:] = np.diff(positions) == 1
    for order, position in enumerate([*(p for p in identity if p != stt), *alike]):
        if not repeats.any():
            return repeats  # most lists: no name repeats the one above it
        repeats[1:] &= _same_as_above(live[position], empty_alike=order > 0)
    if stt is not None and stt in identity:
        numbered = np.zeros(len(repeats), dtype=bool)
        numbered[1:] = _same_as_above(live[stt], empty_alike=True)
        repeats &= numbered | _numbered_steps(live[stt], repeats & ~numbered, repeats)
    if repeats.any():  # a row that brings nothing new is the procedure typed twice
        at = np.flatnonzero(repeats)
        rest = live.columns.difference([*identity, *alike], sort=False)
        here = live[rest].iloc[at].to_numpy(dtype=object)
        before = live[rest].iloc[at - 1].to_numpy(dtype=object)
        same_cells = (here == before) | (pd.isna(here) & pd.isna(before))
        repeats[at] = ~same_cells.all(axis=1)
    found = int(repeats.sum())
    if found < max(_REPEATS_LEAST, len(repeats) * _REPEATS_SHARE):  # only numbered ones are sure
        repeats &= live[stt].notna().to_numpy(dtype=bool) if stt is not None else False
    return repeats


_REPEATS_LEAST, _REPEATS_SHARE = 3, 0.25


def _numbered_steps(stt: pd.Series, renumbered: np.ndarray, repeats: np.ndarray) -> np.ndarray:
    """`repeats` where the STT column numbers the rows of each procedure, not the procedures:
    an internal process's steps ("1, 2, 3, 4" beside the same code and name, then "1, 2, 3"
    beside the next). Only where every run of repeats (`renumbered` its rows numbered anew)
    counts on by one from a first row numbered 1, over two runs at least and many rows (as
    unnumbered repeats must be): a procedure typed twice in a numbered list (STT 16, 17) is
    a duplicate (PA201)."""
    least = max(_REPEATS_LEAST, len(repeats) * _REPEATS_SHARE)
    none = np.zeros(len(repeats), dtype=bool)
    if renumbered.sum() < least or not np.array_equal(renumbered, repeats):
        return none
    numbers = pd.to_numeric(stt, errors="coerce").to_numpy(dtype=float)
    starts = np.flatnonzero(~repeats[:-1] & repeats[1:])  # each run's first row
    at = np.flatnonzero(repeats)
    counted = np.array_equal(numbers[at], numbers[at - 1] + 1)
    return repeats if counted and len(starts) >= 2 and (numbers[starts] == 1).all() else none


def _same_as_above(cells: pd.Series, empty_alike: bool) -> np.ndarray:
    """Whether each cell but the first holds what the cell above it holds; two empty cells
    are alike only where `empty_alike`. Arrow compares the reader's text blocks at once (a
    fortieth of comparing a million Python strings), numpy a workbook's column of objects;
    neither goes through pandas, whose calls cost more than the comparison on a small list."""
    if len(cells) < 2:  # a first cell and one under it, at least
        return np.zeros(max(len(cells) - 1, 0), dtype=bool)
    text = arrow_chunks(cells)
    if text is not None:  # the blocks as they are: joined, a million names were 60 MB copied
        same = pc.equal(text.slice(1), text.slice(0, len(text) - 1))
        if empty_alike:
            empty = text.is_null()
            same = pc.or_kleene(same, pc.and_(empty.slice(1), empty.slice(0, len(text) - 1)))
        return np.asarray(same.fill_null(False).to_numpy(zero_copy_only=False), dtype=bool)
    values = cells.to_numpy(dtype=object, copy=True)
    missing = pd.isna(values)
    values[missing] = ""  # no missing value left to compare
    found = (values[1:] == values[:-1]) & ~missing[1:] & ~missing[:-1]
    if empty_alike:
        found |= missing[1:] & missing[:-1]
    return np.asarray(found, dtype=bool)


def goes_on(cells: pd.Series) -> pd.Series:
    """Whether each text goes on with the text above it: it begins with a lowercase word,
    after an opening parenthesis at most, and not with an item's letter ("b)", "c.")."""
    text = cells.astype("str").str.lstrip().str.removeprefix("(")
    lowercase = text.str[:1].str.islower().fillna(False).astype(bool)
    return lowercase & ~text.str.match(_ITEM_LETTER).fillna(False).astype(bool)


def wrapped_rows(
    live: pd.DataFrame, maybe: np.ndarray, columns: Iterable[int], stt: int | None
) -> np.ndarray:
    """Which rows only go on with the text of the row above: of the rows `maybe` may be
    (a name, no row number and no code), those whose every cell filled in `columns` goes on
    (`goes_on`), and, in a table numbering its procedures in the column `stt`, those right
    under a row numbered there (`continuation_rows` keeps them to rows right under one): a
    line of a name begins with a capital as often as not ("Việt Nam", "Nhà nước")."""
    wrapped = maybe.copy()
    if not wrapped.any():
        return wrapped
    rows = live[list(columns)].iloc[np.flatnonzero(wrapped)]
    going_on = rows.apply(goes_on) | rows.isna()
    wrapped[wrapped] = going_on.all(axis=1).to_numpy()
    if stt is not None and (maybe & ~wrapped).any():
        numbers = live[stt].str.fullmatch(_NUMBER).fillna(False).to_numpy(dtype=bool)
        at = np.arange(len(maybe))
        last_number = np.maximum.accumulate(np.where(numbers, at, -1))
        last_named = np.maximum.accumulate(np.where(live[stt].notna().to_numpy(), at, -1))
        wrapped |= maybe & (last_number >= 0) & (last_number == last_named)
    if wrapped.any():
        wrapped[wrapped] = ~_counts_beside(live.iloc[np.flatnonzero(wrapped)], columns, stt)
    return wrapped


# A count or a share: "12", "1.234", "85,7", "90%".
_COUNT = r"[ \t]*[0-9]+(?:[.,][0-9]+)*[ \t]*%?[ \t]*"


def _counts_beside(rows: pd.DataFrame, columns: Iterable[int], stt: int | None) -> np.ndarray:
    """Which rows hold numbers, and only numbers, in the columns not read (`columns` are
    read): a statistics table's rows carry their counts there, and a line of a wrapped text
    carries none of its own."""
    read = {*columns, stt}
    beside = rows[[position for position in rows.columns if position not in read]]
    if beside.empty:
        return np.zeros(len(rows), dtype=bool)
    filled = beside.notna()
    numbers = beside.apply(lambda cells: cells.astype("str").str.fullmatch(_COUNT)) & filled
    return (filled.any(axis=1) & (numbers | ~filled).all(axis=1)).to_numpy(dtype=bool)


@dataclass(frozen=True)
class CellParts:
    """The cells of one column a procedure's value came from where they are not (only) its
    own row's: for each cell, the procedure's row (`at`), the cell's row (`row`) and its
    text, a procedure's cells in the order they were joined. A procedure with one cell here
    took its value from a row under it; with several, its value is their texts joined.
    Rows are the frame's labels as joined, and once read the frame's positions (`at`) and
    the rows as the user numbers them (`row`)."""

    at: np.ndarray
    row: np.ndarray
    text: np.ndarray


def join_continuations(
    live: pd.DataFrame,
    continues: np.ndarray,
    columns: Iterable[int],
    wrapped: np.ndarray,
    name: int,
    listing: Collection[int] = (),
) -> tuple[pd.DataFrame, dict[int, CellParts]]:
    """The procedure rows of `live`, each of its cells in `columns` (positions) left empty
    filled from the first row continuing it that has one, and each text joined to the cells
    under it that go on with it (`goes_on`), the `name` always on the `wrapped` rows
    (`wrapped_rows`); the continuing rows left out. In the columns `listing` (positions of
    columns whose cell lists several values a line each: levels, agencies), a new value on
    a row under the procedure's (a sub-row per level: "Cấp xã | UBND cấp xã") is joined on a
    line of its own, not lost. And, by column, the cells each value so made came from
    (`CellParts`, by `live`'s labels)."""
    parts: dict[int, CellParts] = {}
    rows = np.arange(len(continues))
    owner = np.maximum.accumulate(np.where(continues, -1, rows))  # a procedure's: itself
    kept = live.iloc[~continues].copy(deep=False)  # the grid's columns stay as they were
    place = np.cumsum(~continues) - 1  # a procedure row's place among those kept
    for position in columns:
        cells = live[position]
        filled = cells.notna().to_numpy()
        under = continues & filled
        if not under.any():
            continue
        lacking = under & ~filled[owner]  # rows filling a procedure's blank
        taken = np.flatnonzero(lacking)
        if len(taken):
            taken = taken[_firsts(owner[taken])]  # the first row filling each one's blank
        first = np.zeros(len(rows), dtype=bool)
        first[taken] = True
        # Each row's cell may go on with the text of the procedure's row, or of the first row
        # filling its blank (the last of them above it); a new item in between (a text that
        # does not go on) ends that text.
        base = np.maximum.accumulate(np.where(first | ~continues, rows, -1))
        later = under & ~first
        on = np.zeros(len(rows), dtype=bool)
        if later.any():  # a column only taken from the rows under (a number, a code): none
            on[later] = goes_on(cells.iloc[np.flatnonzero(later)]).to_numpy()
        if position == name:
            on |= later & wrapped
        items = later & ~on if position in listing else np.zeros(len(rows), dtype=bool)
        last_item = np.maximum.accumulate(np.where(later & ~on & ~items, rows, -1))
        joined = (on | items) & (last_item < base)
        values = kept[position].to_numpy(dtype=object, copy=True)
        values[place[owner[taken]]] = cells.iloc[taken].to_numpy(dtype=object)
        for at in np.flatnonzero(joined).tolist():
            value, cell = values[place[owner[at]]], cells.iloc[at]
            if not items[at]:
                values[place[owner[at]]] = f"{value} {cell}"
            elif cell.strip() not in (line.strip() for line in str(value).split("\n")):
                values[place[owner[at]]] = f"{value}\n{cell}"  # a value listed once
        kept[position] = pd.Series(values, index=kept.index, dtype=cells.dtype)
        parts[position] = _parts(live.index, cells, owner, filled, taken, np.flatnonzero(joined))
    return kept, parts


def _parts(
    labels: pd.Index,
    cells: pd.Series,
    owner: np.ndarray,
    filled: np.ndarray,
    taken: np.ndarray,
    joined: np.ndarray,
) -> CellParts:
    """The cells of a column the procedures' values came from: those `taken` to fill a
    blank, those `joined` to a text, and the procedure's own cell a text was joined to."""
    owners = np.unique(owner[joined])
    own = owners[filled[owners]]  # a procedure's own text, joined to
    at = np.concatenate([owner[taken], own, owner[joined]])
    row = np.concatenate([taken, own, joined])
    order = np.lexsort((row, at))
    at, row = at[order], row[order]
    return CellParts(
        np.asarray(labels[at]), np.asarray(labels[row]), cells.iloc[row].to_numpy(dtype=object)
    )


def _firsts(groups: np.ndarray) -> np.ndarray:
    """Where each run of equal values in `groups` begins."""
    return np.r_[True, groups[1:] != groups[:-1]]
