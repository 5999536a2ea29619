"""Understand how a sheet is laid out: where its header is, which rows are procedures, which
are section headings, and which are titles, notes or signatures.

Real catalogues put a title block above the header ("ỦY BAN NHÂN DÂN TỈNH …", "(Kèm theo
Quyết định số …)"), sometimes split the header over two rows, number their columns under it,
head groups of rows with sections ("A. THỦ TỤC HÀNH CHÍNH CẤP TỈNH", "I. Lĩnh vực Đất đai")
whose level and field the rows below inherit (io/sections.py), and end with notes and
signatures (the rows of few cells: io/few_cell_rows.py); a table converted from a PDF
repeats its header on every page under the page's number (io/page_breaks.py). Everything
skipped is recorded with its reason, so `procaudit inspect` can show how the sheet was read.
The columns the header names are then checked against the values under them
(io/values.py), sub-columns of "x" marks are read as the headings marked (io/marks.py), and
rows that name no procedure right under one, or only go on with its text, are read as part
of it (io/continuations.py); such lines above the first procedure go on with one of the page
before (a PDF converted a sheet per page) and are skipped, and a name's first line above the
row of its number and code (a PDF centring the cells) begins the procedure under it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise

import numpy as np
import pandas as pd
import pyarrow as pa

from procaudit.io.continuations import (
    CellParts,
    carried_over,
    continuation_rows,
    heading_lines,
    item_levels,
    join_continuations,
    level_items,
    repeated_rows,
    wrapped_rows,
)
from procaudit.io.few_cell_rows import many_cell_totals, notes_and_headings
from procaudit.io.grid import NO_VALUE, Grid, cells_in, rows_where, without_rows
from procaudit.io.header_aliases import CATALOGUE, abolition_column, qualified_status, read_header
from procaudit.io.header_cells import STT_FORMS, none_of
from procaudit.io.header_search import (
    HEADER_SCAN_ROWS,
    Header,
    find_header,
    given_header,
    row_texts,
)
from procaudit.io.headers import HeaderMap
from procaudit.io.marks import Marked, read_marks
from procaudit.io.merged import filled_down
from procaudit.io.null_cells import NULL_MARKERS, null_rows
from procaudit.io.page_breaks import page_numbers, without_breaks
from procaudit.io.page_decisions import title_decision_of
from procaudit.io.replaced_codes import without_replaced_code
from procaudit.io.sections import (
    Section,
    before_levels,
    given_by_title,
    inherit,
    taken_from_sections,
)
from procaudit.io.tables_after import CODE_LIKE, table_after
from procaudit.io.values import ValueChoice, check_values
from procaudit.io.vocabulary import Vocabulary, typed_forms
from procaudit.io.wider import WIDER, Wider, check_wider, wider_rows

# Reasons a row is not read as a procedure (keys of SheetAccount.skipped).
TITLE = "title block above the header"
BLANK = "blank row"
COLUMN_NUMBERS = "column numbers under the header"
TOTAL = "total row"
FOOTER = "notes and signatures after the table"
CONTENT = "the procedures' content after the list (Phần II)"
NO_DATA = "no value in the columns procaudit reads"
REPEATED_HEADER = "header repeated over another part of the table"
CONTINUATION = "continues the procedure above"
CARRIED_OVER = "goes on with a procedure of the page before"  # a table's first rows
REPEATED = "repeats the procedure above"  # one row per document, or per way of applying
PAGE_NUMBER = "page number between pages"
OTHER_TABLE = "another table after the list (a summary, fees, changes)"

# What a procedure's rows, one per document or per way of applying, tell apart.
_PER_ROW = ("forms", "legal_basis", "processing_time", "fee")

_COLUMN_NUMBER = re.compile(r"^\(?\s*\d{1,2}\s*\)?$")
_COLUMN_LETTER = re.compile(r"^\(?\s*([A-Za-z])\s*\)?$")


@dataclass(frozen=True)
class LayoutOptions:
    header_rows: tuple[int, ...] | None = None  # the user's row numbers, to skip detection
    extra_aliases: dict[str, str] = field(default_factory=dict)  # header key -> column


_ABOLISHED = "Bãi bỏ"  # the status of a row filling a column saying why it was abolished


@dataclass(frozen=True)
class SheetAccount:
    """How one sheet (or CSV file) was understood."""

    sheet: str | None
    header_rows: tuple[int, ...]
    header_map: HeaderMap
    labels: tuple[str, ...]  # the header label of each source column
    sections: tuple[Section, ...]  # this sheet's own headings
    procedures: int
    skipped: dict[str, tuple[int, ...]]  # reason -> the user's row numbers
    inherited: dict[str, int]  # canonical column -> rows that took it from a section
    # The text of each row of the title block, for the scorecard's province
    # ("ỦY BAN NHÂN DÂN TỈNH LÀO CAI").
    title: tuple[str, ...] = ()
    # Columns read, or refused, by their values rather than their header (io/values.py,
    # io/marks.py).
    by_values: tuple[ValueChoice, ...] = ()
    marks: tuple[Marked, ...] = ()  # columns read from the sub-columns a row marks
    # The status the name's header gives the rows that have none ("Tên TTHC bị bãi bỏ").
    header_status: str | None = None
    # The header of a column saying why or when a procedure was abolished ("Lý do bãi bỏ"):
    # the rows filling it took the status "Bãi bỏ".
    abolished_by: str | None = None
    # What the title block or the sheet's name gives the rows that have none: a level, a
    # status, a unit (`sections.given_by_title`), by column.
    given: dict[str, str] = field(default_factory=dict)
    wider: Wider | None = None  # CSV records with more fields than the header (`io.wider`)
    # The headings of the list on the sheet before, which this one goes on with: its rows
    # above a heading of their own stand under them (row 0: on no row of this sheet).
    carried: tuple[Section, ...] = ()
    # The sheet whose title quotes `given["decision_no"]` when it is not this one's: the one
    # the list this sheet goes on with begins on (`io.page_decisions`).
    decision_from: str | None = None


@dataclass(frozen=True)
class Understood:
    body: pd.DataFrame  # the procedure rows, positional columns, text cells
    rows: pd.Series  # the user's row number of each body row
    # Level, field, status from sections (or the title), per body row by position; no
    # column when nothing gives one (most lists: a frame of no column cost its reset).
    inherited: dict[str, pd.Series]
    account: SheetAccount
    # By column position, the cells continuing rows gave a procedure's value (`CellParts`).
    parts: dict[int, CellParts] = field(default_factory=dict)


def _grid_row_texts(grid: Grid, position: int) -> list[str]:
    """`row_texts` of a grid row, from the top rows the header search read when it is one of
    them: a row of the frame is built cell by cell (50 us of a small file's read)."""
    if position < HEADER_SCAN_ROWS:
        texts, _ = grid.head(HEADER_SCAN_ROWS)
        if position < len(texts):
            return texts[position]
    return row_texts(grid.cells, position)


def _sub_headings(grid: Grid, positions: list[int]) -> list[str] | None:
    """The sub-heading of each column of a header over several rows: its lowest text under
    the first row ("Tỉnh" under a "Cấp thực hiện" merged across its sub-columns, in the
    second row of three, the third row merged down from it); None for a header of one row."""
    if len(positions) < 2:
        return None
    rows = [_grid_row_texts(grid, position) for position in positions[1:]]
    lowest = (
        next((text for text in reversed(cells) if text.strip()), "")
        for cells in zip(*rows, strict=True)
    )
    return list(lowest)


def _numbers_columns(texts: list[str]) -> bool:
    """Whether a row's texts (`row_texts`) only number the columns: (1) (2) (3) ..., or
    letter them A B C ... in order (a row of marks, "x x", is not in order), or both, the
    letters first: "A B C 1 2 3", the describing columns lettered and the others numbered.
    (`_COLUMN_NUMBER` needs Python's regex, which pandas would run cell by cell too)."""
    values = [text for text in texts if text]  # "": an empty cell
    if len(values) < 2:
        return False
    numbered = [_COLUMN_NUMBER.match(value) is not None for value in values]
    if all(numbered):
        return True
    letters = [match for value in values if (match := _COLUMN_LETTER.match(value))]
    if len(values) < 3 or not letters or any(numbered[: len(letters)]):
        return False
    if len(letters) < len(values) and not all(numbered[len(letters) :]):
        return False
    order = [ord(match.group(1).upper()) for match in letters]
    return all(later > earlier for earlier, later in pairwise(order))


@lru_cache(maxsize=256)  # a folder of communes' lists repeats its headers in every file
def _header_forms(label: str, words: Vocabulary) -> tuple[frozenset[str], pa.Array]:
    """The texts a repeat of the header labelled `label` may hold in its key column, as a set
    and as Arrow text (made once, not per table)."""
    forms = typed_forms(label) | words.required_forms | {label, label.strip()}
    return forms, pa.array(sorted(forms), type=pa.large_string())


def _repeated_header(
    live: pd.DataFrame, grid: Grid, positions: list[int], header_map: HeaderMap, words: Vocabulary
) -> tuple[list[int], list[int]]:
    """Where the table repeats its header: the rows of each repeat, found by the label of the
    key column, a catalogue's name, as typed or typed otherwise ("Tên thủ tục⏎hành chính",
    in capitals, another alias: `headers.typed_forms`, then read as the key column's), and
    the column numbers under them. Folding every name would cost more than the rest of the
    layout: one hash look-up finds the candidates, and the loop sees only them."""
    key = words.required[0]
    column = header_map.columns[key]
    texts = [_grid_row_texts(grid, position)[column] for position in positions]
    holder = next((i for i, text in enumerate(texts) if text.strip()), None)
    if holder is None or live.empty:
        return [], []
    label = texts[holder]
    forms, values = _header_forms(label, words)
    if none_of(grid, positions[-1] + 1, header_map.stt, column, forms):  # most lists
        return [], []
    found = cells_in(live[column], forms, values).nonzero()[0]
    header: list[int] = []
    numbers: list[int] = []
    for at in found.tolist():  # Python ints, the type an Index is looked up by
        cell = live[column].iat[at]
        if (
            cell not in (label, label.strip())
            and (read_header(str(cell), None, words) or ("",))[0] != key
        ):
            continue
        first, end = at - holder, at - holder + len(positions)
        if first < 0 or end > len(live):
            continue
        header.extend(live.index[first:end])
        if end < len(live) and _numbers_columns(row_texts(live, end)):
            numbers.append(live.index[end])
    return header, numbers


def _positions(index: pd.Index, labels: pd.Index) -> np.ndarray:
    """Where `labels`, all in `index`, stand in it: by arithmetic on a RangeIndex (the
    grid's), where `loc` would look up and check each label (0.05 s at a million rows)."""
    if isinstance(index, pd.RangeIndex) and index.step == 1:
        return np.asarray(labels, dtype=np.int64) - index.start
    return index.get_indexer(labels)


def _formula_numbers(grid: Grid, labels: pd.Index, stt: int) -> np.ndarray:
    """Which rows (grid positions `labels`) hold in the STT column a formula saved without
    its value (an xlsx a program wrote: "=A5+1", "=ROW()-3"): Excel shows the row's number
    there, so the row is numbered, a procedure of its own, not a line of the name above."""
    formulas = [
        row for (row, column), shown in grid.unread.items() if column == stt and shown == NO_VALUE
    ]
    if not formulas:
        return np.zeros(len(labels), dtype=bool)
    rows = grid.rows.to_numpy(dtype=np.int64)[np.asarray(labels, dtype=np.int64)]
    return np.isin(rows, np.asarray(formulas, dtype=np.int64))


def _kept(frame: pd.DataFrame, keep: pd.Series | np.ndarray) -> pd.DataFrame:
    """The rows where `keep` holds; the frame itself when that is all of them."""
    return rows_where(frame, keep)


def understand(
    grid: Grid,
    options: LayoutOptions,
    header: Header | None = None,
    words: Vocabulary = CATALOGUE,
    carried: tuple[Section, ...] = (),
) -> Understood:
    """Find the header (unless it was found already) and classify the rows under it; `words`
    are the columns of the kind of table the grid holds (a catalogue unless said). `carried`
    are the section headings of the list the grid goes on with (`io.continued_sheets`): its
    rows above a heading of their own stand under them."""
    extra = options.extra_aliases
    if options.header_rows:
        header = given_header(grid, options.header_rows, extra)
    elif header is None:
        header = find_header(grid, extra, words)
    positions, labels, header_map = header
    cells, rows = grid.cells, grid.rows  # a RangeIndex: labels are positions
    skipped: dict[str, list[int]] = {}

    def skip(reason: str, where: pd.Index | list[int]) -> None:
        if len(where):
            skipped.setdefault(reason, []).extend(rows.loc[list(where)].tolist())

    # The title block's rows, taken as the header search takes the top rows.
    title_texts, title_filled = grid.head(positions[0])
    title = [p for p in range(positions[0]) if title_filled[p]]
    skip(TITLE, title)
    start = positions[-1] + 1
    body = cells.iloc[start:]
    cells_filled = grid.filled_from(start)
    count = cells_filled.counts()
    # A record of null markers alone ("nan" in each cell, pandas' empty row) is blank.
    if grid.holds_any(NULL_MARKERS):
        marked = null_rows(body, count, header_map.columns[words.required[0]])
        count = np.where(marked, 0, count)
    filled = count > 0
    if not filled.all():
        skip(BLANK, body.index[~filled])
        live = _kept(body, filled)
    else:
        live = body
    # A CSV record with a value beyond the header's fields has its values shifted.
    wider = None
    wide = wider_rows(grid, positions, start, cells_filled)
    if wide is not None:
        wider = check_wider(grid, positions, wide, start, int(filled.sum()))
        skip(WIDER, body.index[wide])
        live = without_rows(live, body.index[wide])

    # The first row under the header often numbers the columns: (1) (2) (3) ...
    if not live.empty and _numbers_columns(_grid_row_texts(grid, int(live.index[0]))):
        skip(COLUMN_NUMBERS, live.index[:1])
        live = live.iloc[1:]
    # Parts pasted one under another (amended, then abolished procedures) repeat the header,
    # and its column numbers, over each part.
    again, numbers = _repeated_header(live, grid, positions, header_map, words)
    # A PDF's pages: each page's number above the header repeated on the next.
    blank = body.index[~filled] if not filled.all() else body.index[:0]
    pages = page_numbers(
        live,
        again,
        blank,
        lambda row: int(count[row - start]) if row >= start else 0,
        header_map.stt,
    )
    skip(REPEATED_HEADER, again)
    skip(COLUMN_NUMBERS, numbers)
    skip(PAGE_NUMBER, pages)
    breaks = [*again, *numbers, *pages]
    live = without_rows(live, breaks)
    # A summary per level or field laid under the list, under a header of its own: its
    # "STT" is under the list's, and most lists have none there (`header_cells`).
    stt = header_map.stt
    if stt is not None and none_of(grid, start, stt, stt, STT_FORMS):
        after = live.index[:0]
    else:
        after = table_after(live, header_map, words.required, extra)
    skip(OTHER_TABLE, after)
    live = without_rows(live, after)
    # The header's choices checked against the values under it (an id under "Mã thủ tục").
    header_map, by_values = check_values(
        header_map, labels, live, grid.hidden_columns, grid.codes_told
    )
    header_map = without_replaced_code(header_map, labels)  # "Số hồ sơ | Tên … được thay thế"
    # Sub-columns marked with an "x" under a heading: a row's value is the heading marked.
    sub = _sub_headings(grid, positions)
    header_map, live, marks, lone_marks = read_marks(header_map, labels, sub, live)
    if lone_marks:
        by_values = tuple(sorted((*by_values, *lone_marks), key=lambda choice: choice.position))

    code_col = header_map.columns.get("code")
    name_col = header_map.columns[words.required[0]]
    # Only rows with few cells and no code can be notes, totals or headings; a procedure's
    # numeric STT rules its row out too. Just these rows are matched (as columns).
    # Cells filled, counted once above.
    few_cells = count[_positions(body.index, live.index)] <= 3
    sections: list[tuple[int, Section]] = []
    if few_cells.any():  # most tables: every row has more than three cells
        few = rows_where(live, few_cells)
        if code_col is not None:
            # A heading merged across the row keeps its text in its first cell, which may be
            # the code column: a row "has no code" when that cell holds nothing shaped like one.
            code = few[code_col].str.match(CODE_LIKE).fillna(False).astype(bool)
            few = rows_where(few, ~code)
        if not few.empty:
            identity = (header_map.stt, name_col, code_col)
            agency = header_map.columns.get("agency")
            field = header_map.columns.get("field")
            found = notes_and_headings(live, few, rows, identity, agency, field)
            skip(CONTENT, found.content)
            skip(FOOTER, found.footer)
            skip(TOTAL, found.total)
            live, sections = found.live, found.sections
    live = without_rows(live, [index for index, _ in sections])
    # A total carrying the sums of the columns beside it ("Cộng | 15 | 13") has more cells.
    at = _positions(body.index, live.index)
    totals = many_cell_totals(live, (header_map.stt, name_col, code_col), cells_filled, at)
    skip(TOTAL, totals)
    live = without_rows(live, totals)

    # Rows naming no procedure right under one: the same procedure, laid over several rows.
    # The columns that name a procedure: a row without any of them names none.
    named_by = [p for p in (header_map.stt, name_col, code_col) if p is not None]
    naming = [name_col, *(p for p in named_by if p != name_col)]
    columns = header_map.columns.values()
    # A procedure's rows run on over a page break.
    places = without_breaks(live.index, breaks, blank)
    # A procedure repeated on the rows under it, one per document of its dossier (or per way
    # of applying, with its own time and fee), is one: only those columns and the columns
    # not read differ.
    alike = [p for c, p in header_map.columns.items() if c not in _PER_ROW and p not in naming]
    # A name merged down over the procedure's rows, its code on each, repeats it as well.
    seen = live
    if grid.merged:
        rows_of = grid.rows.to_numpy(dtype=np.int64)[np.asarray(live.index, dtype=np.int64)]
        seen = filled_down(live, grid.merged, naming, rows_of)
    repeats = repeated_rows(seen, naming, alike, places, header_map.stt)
    if seen is not live and repeats.any():  # a row naming nothing continues, as it did
        repeats &= live[naming].notna().any(axis=1).to_numpy()
    continues, wrapped = repeats, np.zeros(len(live), dtype=bool)
    parts: dict[int, CellParts] = {}
    levels_listed: pd.Series | None = None  # most lists list no levels under a procedure
    tails = live.index[:0]  # rows going on with a procedure of the page before
    if len(named_by) > 1:  # a name alone: a row without it may be a procedure missing it
        at = _positions(body.index, live.index)
        numbered = cells_filled.any_in([p for p in named_by if p != name_col], at)  # STT, code
        if header_map.stt is not None and grid.unread:  # "=A5+1" saved without its value
            numbered |= _formula_numbers(grid, live.index, header_map.stt)
        # A level listed under a procedure ("- Cấp tỉnh") names none, nor a line of its name.
        # Only the rows without a number or a code are looked at: most lists have none.
        if numbered.all():
            items, listed = None, np.zeros(len(live), dtype=bool)
        else:
            items = level_items(live[name_col][~numbered]).reindex(live.index)
            listed = items.notna().to_numpy() & ~numbered
        named = numbered | (cells_filled.any_in([name_col], at) & ~listed)
        # A name wrapped onto the rows under it (a PDF's lines) names no procedure either.
        wrapped = wrapped_rows(live, named & ~numbered, columns, header_map.stt)
        continues = continuation_rows(named & ~wrapped & ~repeats, places)
        tails = live.index[carried_over(wrapped & ~continues, named & ~wrapped & ~repeats)]
        heads = heading_lines(live, continues & ~repeats, places, name_col)
        if heads.any():  # the row under each is the procedure's own line: it continues
            continues = (continues & ~heads) | np.r_[False, heads[:-1]]
        if items is not None and (listed & continues).any():
            levels_listed = item_levels(items.where(listed), continues)
            live = live.copy(deep=False)
            live[name_col] = live[name_col].mask(listed & continues)
    if continues.any():
        skip(CONTINUATION, live.index[continues & ~repeats])
        skip(REPEATED, live.index[repeats])
        if repeats.any():  # their name, STT and code are the procedure's, taken already
            live = live.copy(deep=False)
            for position in naming:
                live[position] = live[position].mask(repeats)
        # A sub-row per level gives the procedure that level and its agency: kept, a line each.
        listing = [header_map.columns[c] for c in ("level", "agency") if c in header_map.columns]
        live, parts = join_continuations(live, continues, columns, wrapped, name_col, listing)
    if len(tails):  # before its first procedure: no procedure of this table to join them to
        skip(CARRIED_OVER, tails)
        live = _kept(live, ~live.index.isin(tails))
    has_data = cells_filled.any_in(header_map.columns.values(), _positions(body.index, live.index))
    if not has_data.all():
        skip(NO_DATA, live.index[~has_data])
        live = _kept(live, has_data)
    # The headings a list going on from the sheet before stands under, before its own.
    headed = [*((place - len(carried), section) for place, section in enumerate(carried))]
    headed += sections
    # Without headings no row inherits: the values the title gives are set on no frame (an
    # empty one indexed by the rows cost 0.1 ms a table), as Series on the rows' index.
    inherited: pd.DataFrame | dict[str, pd.Series] = {}
    taken: dict[str, int] = {}  # the rows that took a section's value
    if headed:
        frame = inherit(headed, live.index)
        inherited, taken = frame, taken_from_sections(frame, live, header_map)
    if levels_listed is not None and not levels_listed.empty:  # before its section's levels
        listed_here = levels_listed.reindex(live.index)
        known = inherited["level"] if "level" in inherited else pd.Series(None, live.index)
        inherited["level"] = listed_here.astype("object").fillna(known)
    # An annex of abolished (amended, replaced) procedures says so in its name's header.
    header_status = None if "status" in header_map.columns else qualified_status(labels[name_col])
    if header_status is not None:
        status = inherited["status"] if "status" in inherited else pd.Series(None, live.index)
        inherited["status"] = status.astype("object").fillna(header_status)
    # A column saying why or when a procedure was abolished ("Lý do bãi bỏ"): the rows that
    # fill it are abolished ones, where nothing else gives them a status.
    abolished_by = (
        None if header_status or "status" in header_map.columns else abolition_column(labels)
    )
    if abolished_by is not None:
        reasons = live[abolished_by].astype("string").str.strip()
        given_reason = reasons.ne("").fillna(False).astype(bool)
        status = inherited["status"] if "status" in inherited else pd.Series(None, live.index)
        inherited["status"] = status.astype("object").mask(status.isna() & given_reason, _ABOLISHED)
    # `heading_text` of each row of the title block: its cells' texts, once each.
    title_texts_joined = tuple(
        " ".join(dict.fromkeys(text for text in title_texts[p] if text.strip())) for p in title
    )
    # A list of one level or one status says so in its title or its sheet's name; a sheet
    # per unit is named after it.
    given = given_by_title(
        title_texts_joined,
        grid.sheet,
        (section for _, section in headed),
        [*header_map.columns, *(["status"] if header_status else [])],
    )
    for column, value in list(given.items()):
        known = inherited[column] if column in inherited else pd.Series(None, live.index)
        # A title's level is that of the rows above the sections giving levels, if any.
        wanting = known.isna().to_numpy().copy()
        if column == "level":
            wanting &= before_levels(headed, live.index)
        if not wanting.any():
            del given[column]  # every row has it from its sections: the title gives none
            continue
        inherited[column] = known.astype("object").mask(wanting, value)
    # A list whose title (or that of the list a page goes on with) quotes its decision, with
    # no decision column or one empty in every row: its procedures were announced by that one.
    decisions = header_map.columns.get("decision_no")
    decision_from = None
    if (
        len(live) > 0
        and (
            decisions is None
            or not cells_filled.any_in([decisions], _positions(body.index, live.index)).any()
        )
        and (decided := title_decision_of(grid, header_map.columns, title_texts_joined, given))
        is not None
    ):
        decision, decision_from = decided
        given["decision_no"] = decision  # where no section names one
        known = (
            inherited["decision_no"] if "decision_no" in inherited else pd.Series(None, live.index)
        )
        inherited["decision_no"] = known.astype("object").fillna(decision)
    elif decisions is not None and "decision_date" in inherited:
        # A row's own decision wins over its section's, and so does the date it has or lacks.
        own = cells_filled.any_in([decisions], _positions(body.index, live.index))
        inherited["decision_date"] = inherited["decision_date"].mask(own)
    account = SheetAccount(
        sheet=grid.sheet,
        header_rows=tuple(int(row) for row in rows.to_numpy()[positions]),  # no `iloc` a row
        header_map=header_map,
        labels=tuple(labels),
        sections=tuple(section for _, section in sections),
        carried=carried,
        procedures=len(live),
        skipped={reason: tuple(sorted(found)) for reason, found in skipped.items()},
        inherited=taken,
        # `heading_text` of each row of the title block: its cells' texts, once each.
        title=title_texts_joined,
        by_values=by_values,
        marks=marks,
        header_status=header_status,
        abolished_by=labels[abolished_by] if abolished_by is not None else None,
        given=given,
        wider=wider,
        decision_from=decision_from,
    )
    return Understood(
        body=live.reset_index(drop=True),
        rows=pd.Series(rows.to_numpy()[_positions(rows.index, live.index)]),
        inherited={
            str(column): values.reset_index(drop=True) for column, values in inherited.items()
        },
        account=account,
        parts=_read_parts(parts, live.index, rows),
    )


def _read_parts(
    parts: dict[int, CellParts], kept: pd.Index, rows: pd.Series
) -> dict[int, CellParts]:
    """The parts with the procedures' places among the rows kept (those of procedures left
    out dropped) and the cells' rows as the user numbers them."""
    read = {}
    for position, found in parts.items():
        at = kept.get_indexer(pd.Index(found.at))
        keep = at >= 0
        if keep.any():
            row = rows.to_numpy()[_positions(rows.index, pd.Index(found.row[keep]))]
            read[position] = CellParts(at[keep], row, found.text[keep])
    return read
