"""The rows of few cells in a table's body: the procedures' content after the list, notes
and signatures after the table, total rows, and section headings.

Only a row with at most three cells and nothing shaped like a code can be one of these
(`io/layout.py` picks them). The heading of the procedures' content ("PHẦN II. NỘI DUNG CỤ
THỂ …") ends the list: its lines of steps and documents are no procedures. Notes and
signatures ("Ghi chú", "Nơi nhận", "KT. CHỦ TỊCH") end the table after its last procedure;
a total ("Tổng cộng: 150") is no procedure; a heading ("A. THỦ TỤC CẤP TỈNH", "I. Lĩnh vực
Đất đai", "UBND xã Tân Lập") begins a section whose rows take what it says
(`io/sections.py`). So does a group's heading that says only its field ("HỘ TỊCH", merged
across the row from the code column): a few words alone, left of an empty name cell, or
numbered "1" over rows numbered "1.1", "1.2", or "5" over rows numbered afresh "1", "2"; and
a row of one agency's name left of an empty name cell, which begins a block of rows it gives
nothing. A row whose text goes on with the line above it (a name wrapped in a PDF) is none
of these. A total may carry the sums of the columns beside it, though ("Cộng | 15 | 13" in a
statistics table): a row with more cells, no row number and no code whose name says so is a
total too (`many_cell_totals`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

import numpy as np
import pandas as pd

from procaudit.io.continuations import goes_on
from procaudit.io.grid import Filled, without_rows
from procaudit.io.sections import (
    Section,
    folded_texts,
    group_name,
    heading_text,
    is_heading,
    is_numbered_heading,
    section_of,
    unit_headings,
)
from procaudit.vn.agencies import names_an_agency
from procaudit.vn.text import fold

# A footnote marked with a star ("(*) Thủ tục được tiếp nhận …", "* Các thủ tục …") is one too.
_FOOTER = re.compile(
    r"^(?:\(\*+\)|\*+\s*(?=\S))"
    r"|^(?:\*\s*)?(?:ghi chú|lưu ý|nơi nhận|kt\.|tm\.|t/m|q\.|chủ tịch|phó chủ tịch|giám đốc"
    r"|người lập|người ký|\(?đã ký\)?|\(?ký,? ghi rõ)",
)
# The part of a decision's annex after the list: each procedure's content, step by step
# ("PHẦN II. NỘI DUNG CỤ THỂ CỦA TỪNG THỦ TỤC HÀNH CHÍNH"), whose lines are no procedures.
_CONTENT = re.compile(r"^(?:phần\s+[ivxlc\d]+\s*[.:-]?\s*)?nội dung (?:cụ thể|chi tiết)\b")
_PART = re.compile(r"phần\s+[ivxlc\d]+\s*[.:-]?\s*")
# A case lettered under a numbered row: "a)", "b.", "đ)".
_LETTERED = re.compile(r"\s*[a-zđ]\s*[).]")
# A number in the STT column: "1", "1.2", "II", "B."
_NUMBER = r"\s*(?:[IVXLC]+|[A-Z]|\d+(?:\.\d+)*)\.?\s*"
# "Tổng cộng", "Tổng số: 150", "Cộng: 15 thủ tục", "Tổng 150"; a group's subtotal ("Cộng lĩnh
# vực: 5", "Cộng mục I", "Tổng II", "Có 5 thủ tục", "Sub-total"); not "Tổng giám đốc ...".
# A total's breakdown on the line under it ("Trong đó: cấp tỉnh 100; cấp xã 25") is one too.
_TOTAL = re.compile(
    r"^\(?(?:tổng\s*(?:cộng|số)\b|(?:tổng|cộng)\s*(?:[:(\d]|$)|trong đó\s*[:,]"
    r"|cộng\s+(?:lĩnh vực|mục|phần|nhóm|[ivxlc]+\b)|tổng\s+(?:[ivxlc]+|mục|phần|lĩnh vực)\b"
    r"|có\s+\d+\s+(?:thủ tục|tthc)\b|sub-?\s*total\b|total\b)"
)


class FewCellRows(NamedTuple):
    """What `notes_and_headings` found: the rows left, the section headings among them (by
    grid position), and the procedures' content, the notes after the table and the total
    rows taken out."""

    live: pd.DataFrame
    sections: list[tuple[int, Section]]
    content: pd.Index
    footer: pd.Index
    total: pd.Index


_TYPICAL_ROWS = 200  # rows whose filled cells say how many a procedure's row has


def _last_procedure(
    live: pd.DataFrame, few: pd.Index, named_by: list[int], stt: int | None, footer: int
) -> int:
    """The grid position of the last procedure row of `live`: not among the `few` (it has
    more than three cells, a code or a numbered STT), with a name or code (a signature
    block spread over four cells has neither), and with as many cells besides its number
    as the rows above the first `footer` have, up to two (a numbered note under "Ghi chú:"
    has its text alone); -1 if none. The rows are looked at from the end, the few first:
    the last len(few) + 1 rows hold one row not among them."""
    cells = live.drop(columns=[stt]) if stt is not None else live
    above = cells[cells.index < footer].iloc[:_TYPICAL_ROWS]
    typical = above.notna().sum(axis=1).median() if len(above) else 1
    least = min(2, int(typical))
    tail = live.index[-(len(few) + 1) :]
    for rows in (tail, live.index):
        outside = rows[~rows.isin(few)]
        named = live.loc[outside, named_by].notna().any(axis=1).to_numpy() & (
            cells.loc[outside].notna().sum(axis=1).to_numpy() >= least
        )
        if named.any():
            return int(outside[named][-1])
    return -1


def notes_and_headings(
    live: pd.DataFrame,
    few: pd.DataFrame,
    rows: pd.Series,
    identity: tuple[int | None, int, int | None],
    agency: int | None,
    field: int | None = None,
) -> FewCellRows:
    """The rows left once the procedures' content, the notes and signatures after the table
    and the total rows are taken out, and the section headings among them; `few` are the
    rows that can be any of these (few cells, no code, no numbered STT). `identity`: the
    STT, name and code columns; `agency`: the agency column, whose cell alone under a
    procedure is no unit's heading; `field`: the field column, whose value a group's heading
    numbered on with the procedures names (`_heads_its_field`).

    Notes and signatures come after the last procedure: a row that reads like one under a
    procedure ("Chủ tịch UBND cấp xã", an agency on a row of its own) does not end the
    table when a row of a procedure follows it. A heading begins at or left of the name
    ("I" under STT, "Lĩnh vực Đất đai" under the name, or merged from the first column): a
    row whose text begins further right ("b) Nghị định …" under the legal basis) is a
    procedure's."""
    stt, name, code = identity
    numbered_headings = None  # the numbered rows that are headings all the same, if any
    numbered_totals = live.index[:0]  # and those that are totals
    if stt is not None:
        numbered = few[stt].str.fullmatch(r"\s*\d+\s*").fillna(False).astype(bool)
        if numbered.any():
            admitted = numbered & (
                is_numbered_heading(few, stt)
                | _numbers_its_rows(few, live, stt)
                | _numbered_apart(few, live, stt, name)
                | _heads_its_field(few, live, (stt, name, field))
                | _restarts_under(few, live, stt, name)
            )
            if admitted.any():
                numbered, numbered_headings = numbered & ~admitted, admitted
            # A total with its count in the STT column ("5 | Cộng") is no procedure either.
            rest = few.loc[numbered].drop(columns=[stt])
            if len(rest.columns):
                said = folded_texts(rest.bfill(axis=1).iloc[:, 0]).str.match(_TOTAL)
                numbered_totals = rest.index[said.fillna(False).astype(bool).to_numpy()]
        few = few[~numbered]
    first_texts = few.bfill(axis=1).iloc[:, 0] if not few.empty else pd.Series(dtype="str")
    lead = folded_texts(first_texts)
    # The procedures' content ends the list, whatever its lines look like. Its heading begins
    # at or left of the name, as a section's does: a procedure's legal basis under its row
    # may read "Nội dung chi tiết tại …".
    content = live.index[:0]
    said = lead.str.match(_CONTENT).fillna(False).astype(bool)
    # The part's number in a cell of its own ("PHẦN II | NỘI DUNG CỤ THỂ …"): its words are
    # in the next cell.
    numbered_part = lead.str.fullmatch(_PART).fillna(False).astype(bool)
    if numbered_part.any():
        for index in few.index[numbered_part.to_numpy()]:
            said[index] = _CONTENT.match(fold(heading_text(few.loc[index]))) is not None
    begins = few.index[said.to_numpy()]
    if len(begins):
        rows_of = few.loc[begins]
        first_cell = rows_of.columns.to_numpy()[rows_of.notna().to_numpy().argmax(axis=1)]
        begins = begins[first_cell <= name]
    if len(begins):
        at = live.index.get_loc(begins[0])
        content, live = live.index[at:], live.iloc[:at]
        few, first_texts = few[few.index < begins[0]], first_texts[first_texts.index < begins[0]]
        lead = lead[lead.index < begins[0]]
    # A row whose text goes on with the line above it (a name wrapped in a PDF: "cấp tỉnh",
    # "Tổng giám đốc ...") is no total or heading, however it reads.
    going_on = goes_on(first_texts)
    footer = few.index[lead.str.match(_FOOTER).fillna(False).astype(bool)]
    if len(footer):
        named_by = [p for p in (name, code) if p is not None]
        footer = footer[footer > _last_procedure(live, few.index, named_by, stt, footer[0])]
    notes = live.index[:0]
    if len(footer):
        first_footer = live.index.get_loc(footer[0])
        notes = live.index[first_footer:]
        live = live.iloc[:first_footer]
        few, lead = few[few.index < footer[0]], lead[lead.index < footer[0]]
        going_on = going_on[going_on.index < footer[0]]
    total = few.index[lead.str.match(_TOTAL).fillna(False).astype(bool) & ~going_on]
    total = total.union(numbered_totals)
    live, few = without_rows(live, total), without_rows(few, total)

    leftmost = few.notna().to_numpy().argmax(axis=1)  # the first filled cell's place
    at_left = few.columns.to_numpy()[leftmost] <= name
    at_left &= ~going_on.reindex(few.index).to_numpy(dtype=bool)
    heading = is_heading(few, stt)
    if numbered_headings is not None:
        heading |= numbered_headings.reindex(few.index, fill_value=False)
    heading = heading.to_numpy() & at_left
    heading |= unit_headings(few, lead.reindex(few.index), at_left & ~heading, name, agency)
    heading |= _group_headings(
        few, stt, name, ~heading & ~going_on.reindex(few.index).to_numpy(dtype=bool)
    )
    if stt is not None:
        heading |= _outlined_groups(few, live, stt, name, ~heading)
    lone = _lone_texts(
        few, (name, code, agency), ~heading & ~going_on.reindex(few.index).to_numpy(dtype=bool)
    )
    heading |= lone
    if heading.any():
        # A heading numbered in the STT column ("II") is one whatever follows it.
        unnumbered = few[stt].isna().to_numpy() if stt is not None else True
        heading &= ~_goes_on_below(live, few.index, heading & unnumbered, (stt, code))
    sections = [
        (
            index,
            Section(int(rows.loc[index]), heading_text(few.loc[index]), ends_unit=True)
            if said_nothing
            else section_of(int(rows.loc[index]), heading_text(few.loc[index])),
        )
        for index, said_nothing in zip(few.index[heading], lone[heading], strict=True)
    ]
    return FewCellRows(live, sections, content, notes, total)


def many_cell_totals(
    live: pd.DataFrame,
    identity: tuple[int | None, int, int | None],
    filled: Filled,
    at: np.ndarray,
) -> pd.Index:
    """The total rows among rows of more cells (`notes_and_headings` sees three at most): a
    statistics table's "Cộng" and "TỔNG CỘNG" carry the sums of the columns beside them.
    Such a row has no row number and no code, and its name cell says it (`_TOTAL`) without
    going on with the line above ("Tổng giám đốc"). In a table named by its names alone a
    row without them is any row: none is looked at. `filled`: which cells are filled, the
    rows of `live` at positions `at` among its rows (flags, cheaper than a column's)."""
    stt, name, code = identity
    if stt is None and code is None:
        return live.index[:0]
    numbered = [position for position in (stt, code) if position is not None]
    maybe = filled.any_in([name], at) & ~filled.any_in(numbered, at)
    if not maybe.any():  # most tables: every named row has its number or its code
        return live.index[:0]
    names = live[name].iloc[np.flatnonzero(maybe)]
    said = folded_texts(names).str.match(_TOTAL).fillna(False).astype(bool) & ~goes_on(names)
    return names.index[said.to_numpy()]


def _group_headings(
    few: pd.DataFrame, stt: int | None, name: int, candidates: np.ndarray
) -> np.ndarray:
    """Which of the `candidates` among the rows `few` head a group with no word saying so
    ("HỘ TỊCH", "1. Chứng thực", merged across the row from the code column): a row whose
    name cell is empty and whose one text, a few words naming a field (`group_name`) and
    not an agency ("Bộ Tài chính", "Cơ quan đại diện chủ sở hữu"), begins left of the name.
    A procedure's row has its name in the name column."""
    cells = few
    if stt is not None:  # its number is no text, but a heading merged from it is
        cells = few.copy()
        cells[stt] = few[stt].mask(few[stt].str.fullmatch(_NUMBER).fillna(False).astype(bool))
    filled = cells.notna().to_numpy()
    first = cells.columns.to_numpy()[filled.argmax(axis=1)]
    maybe = candidates & filled.any(axis=1) & (first < name) & few[name].isna().to_numpy()
    found = np.zeros(len(few), dtype=bool)
    for at in np.flatnonzero(maybe).tolist():
        texts = {text.strip() for text in cells.iloc[at].dropna().astype("str")} - {""}
        if len(texts) == 1:
            text = texts.pop()
            # An agency's name over a block of rows is its unit's, no field's (`_lone_texts`).
            found[at] = group_name(text) is not None and not names_an_agency(text)
    return found


# An outline's number ("1.1", "2.3."): a sub-group's, where the procedures are numbered 1, 2, 3.
_OUTLINE = re.compile(r"\s*\d+(?:\.\d+)+\.?\s*")
_PLAIN = re.compile(r"\s*\d+\.?\s*")
# A sub-group's number written in its text, the STT cell left empty: "1.1. Dược phẩm".
_NUMBERED_TEXT = re.compile(r"\s*\d+(?:\.\d+)*\s*[.)]\s*\S")


def _outlined_groups(
    few: pd.DataFrame, live: pd.DataFrame, stt: int, name: int, candidates: np.ndarray
) -> np.ndarray:
    """Which of the `candidates` among the rows `few` head a sub-group by an outline's
    number ("I. Lĩnh vực Y tế" over "1.1 | Dược phẩm", "1.2 | Khám bệnh, chữa bệnh", or the
    number in the text: "| 1.1. Dược phẩm"): the row holds its number and a few words naming
    a field (`group_name`) in the name column, nothing else, and the row under it is
    numbered plainly ("1") and holds more, as the procedures do. A procedure numbered "1.1"
    has "1.2" under it; a case of the procedure above ("4 | Cấp Giấy chứng nhận" over "4.1 |
    Cấp lần đầu", "4.2 | Cấp lại") follows its parent or the case before it."""
    outlined = few[stt].str.fullmatch(_OUTLINE).fillna(False).astype(bool).to_numpy()
    in_text = (
        few[stt].isna().to_numpy()
        & few[name].str.match(_NUMBERED_TEXT).fillna(False).astype(bool).to_numpy()
    )
    found = np.zeros(len(few), dtype=bool)
    maybe = candidates & (outlined | in_text)
    if not maybe.any():  # most tables: no row numbered "1.1" among the few-cell rows
        return found
    others = few.drop(columns=[stt, name]).notna().any(axis=1).to_numpy()
    maybe &= few[name].notna().to_numpy() & ~others
    below = live.index.get_indexer(few.index) + 1
    for at in np.flatnonzero(maybe).tolist():
        if (
            below[at] <= 0
            or below[at] >= len(live)
            or not _fuller_below(live, below[at], stt, name)
        ):
            continue
        if outlined[at]:
            parent, _, last = str(few[stt].iloc[at]).strip().rstrip(".").rpartition(".")
            before = f"{parent}.{int(last) - 1}" if int(last) > 1 else parent
            if below[at] >= 2:
                above = live[stt].iloc[below[at] - 2]
                if isinstance(above, str) and above.strip().rstrip(".") == before:
                    continue
        text = str(few[name].iloc[at])
        found[at] = group_name(text) is not None and not names_an_agency(text)
    return found


def _fuller_below(live: pd.DataFrame, below: int, stt: int, name: int) -> bool:
    """Whether the row at position `below` of `live` is a procedure's as a list numbers
    them: numbered plainly ("1"), with more than its name."""
    under = live.iloc[below]
    number = under.iloc[live.columns.get_loc(stt)]
    if not isinstance(number, str) or _PLAIN.fullmatch(number) is None:
        return False
    return bool(under.drop([stt, name]).notna().any())


def _numbered_alone(
    few: pd.DataFrame, live: pd.DataFrame, stt: int, name: int
) -> Iterator[tuple[int, int]]:
    """The rows of `few` numbered plainly in the STT column with a name and nothing else, over
    a procedure's row (`_fuller_below`): each one's position in `few` and in `live`."""
    numbered = few[stt].str.fullmatch(r"\s*\d+\s*").fillna(False).astype(bool)
    others = few.drop(columns=[stt, name]).notna().any(axis=1)
    maybe = (numbered & few[name].notna() & ~others).to_numpy()
    if not maybe.any():
        return
    at_live = live.index.get_indexer(few.index)
    for at in np.flatnonzero(maybe).tolist():
        here = int(at_live[at])
        if here >= 0 and here + 1 < len(live) and _fuller_below(live, here + 1, stt, name):
            yield at, here


def _numbered_apart(few: pd.DataFrame, live: pd.DataFrame, stt: int, name: int) -> pd.Series:
    """Which rows numbered plainly in the STT column head a group numbered apart from the
    procedures ("1 | Dược phẩm" over "1 | 1.004493 | Cấp chứng chỉ …", or "2 | Khám bệnh,
    chữa bệnh" under the procedure numbered 2): a few words naming a field in the name
    column and nothing else, over a procedure's row, and the number the same as the
    procedure's row right above or right under it. A procedure missing its code is numbered
    on from the row above."""
    found = pd.Series(False, index=few.index)
    if name == stt:
        return found
    for at, here in _numbered_alone(few, live, stt, name):
        number = str(few[stt].iloc[at]).strip()
        beside = [live[stt].iloc[here + 1]] + ([live[stt].iloc[here - 1]] if here else [])
        if not any(isinstance(n, str) and n.strip().rstrip(".") == number for n in beside):
            continue
        text = str(few[name].iloc[at])
        found.iloc[at] = group_name(text) is not None and not names_an_agency(text)
    return found


def _heads_its_field(
    few: pd.DataFrame, live: pd.DataFrame, columns: tuple[int, int, int | None]
) -> pd.Series:
    """Which rows numbered plainly in the STT column head a group numbered straight on with
    the procedures ("5 | Hộ tịch" between the procedures 4 and 6): a few words naming a
    field in the name column and nothing else, over a procedure's row whose field cell
    names the same field. A procedure missing its code has its own name, not its field's.
    `columns`: the STT, name and field columns."""
    stt, name, field = columns
    found = pd.Series(False, index=few.index)
    if field is None or name == stt:
        return found
    for at, here in _numbered_alone(few, live, stt, name):
        below = live[field].iloc[here + 1]
        text = str(few[name].iloc[at])
        group = group_name(text)
        if group is None or not isinstance(below, str) or names_an_agency(text):
            continue
        found.iloc[at] = _field_words(group) == _field_words(below)
    return found


def _restarts_under(few: pd.DataFrame, live: pd.DataFrame, stt: int, name: int) -> pd.Series:
    """Which rows numbered plainly in the STT column head a group whose procedures are
    numbered afresh under it ("5 | Hộ tịch" over "1 | 1.001193 | Đăng ký khai sinh", in a
    list with no field column): a few words naming a field, in the name column or merged
    from the code column, and nothing else, over a procedure's row numbered "1". A procedure
    missing its code is numbered on from the row above, and the rows under it go on from its
    number: a row numbered one more than the row above (or "1") is taken only where another
    row of the table heads a group so (the groups 5 and 6, each over procedures 1, 2, …)."""
    found = pd.Series(False, index=few.index)
    if name == stt:
        return found
    numbered = few[stt].str.fullmatch(r"\s*\d+\s*").fillna(False).astype(bool).to_numpy()
    rest = few.drop(columns=[stt])
    filled = rest.notna().to_numpy()
    first = rest.columns.to_numpy()[filled.argmax(axis=1)]
    maybe = numbered & filled.any(axis=1) & (first <= name)
    if not maybe.any():
        return found
    at_live = live.index.get_indexer(few.index)
    heads: list[tuple[int, bool]] = []  # (position in `few`, numbered on from the row above)
    for at in np.flatnonzero(maybe).tolist():
        here = int(at_live[at])
        texts = {text.strip() for text in rest.iloc[at].dropna().astype("str")} - {""}
        if len(texts) != 1 or here < 0 or here + 1 >= len(live):
            continue
        under = live[stt].iloc[here + 1]
        if not isinstance(under, str) or under.strip().rstrip(".") != "1":
            continue
        if not _fuller_below(live, here + 1, stt, name):
            continue
        text = texts.pop()
        if group_name(text) is None or names_an_agency(text):
            continue
        above = live[stt].iloc[here - 1] if here else None
        number = int(str(few[stt].iloc[at]).strip())
        # "1" over "1" is as likely a procedure's number as a group's (`_numbered_apart`).
        on = number == 1 or (
            isinstance(above, str) and above.strip().rstrip(".") == str(number - 1)
        )
        heads.append((at, on))
    for at, on in heads:
        found.iloc[at] = not on or len(heads) > 1
    return found


def _field_words(text: str) -> str:
    """A field's words without the word "Lĩnh vực" ("Lĩnh vực: Hộ tịch" -> "hộ tịch")."""
    return _FIELD_WORD.sub("", fold(text)).strip(" .:")


_FIELD_WORD = re.compile(r"^lĩnh vực\s*:?")


def _lone_texts(
    few: pd.DataFrame, identity: tuple[int, int | None, int | None], candidates: np.ndarray
) -> np.ndarray:
    """Which of the `candidates` among the rows `few` hold one text naming an agency
    (`names_an_agency`) left of an empty name cell, in a table whose procedures have a code
    column: a unit's heading that `heading_unit` does not take for one ("Vụ Các định chế tài
    chính - Bộ Tài chính", "Kho bạc Nhà nước các cấp" over a block of rows), not a
    procedure with no name and a code of words. A name typed in the code column begins with
    what is done ("Thủ tục đăng ký …"); an agency in the agency column (`identity`: the name,
    code and agency columns) goes on with the procedure above. Such a heading gives the rows
    under it nothing, but ends the block of a unit heading above it."""
    name, code, agency = identity
    if code is None or not candidates.any():
        return np.zeros(len(few), dtype=bool)
    filled = few.notna().to_numpy()
    first = few.columns.to_numpy()[filled.argmax(axis=1)]
    maybe = candidates & filled.any(axis=1) & (first < name) & few[name].isna().to_numpy()
    found = np.zeros(len(few), dtype=bool)
    for at in np.flatnonzero(maybe).tolist():  # the few rows left over: headings, mostly
        cells = few.iloc[at].dropna()
        texts = {" ".join(str(text).split()) for text in cells} - {""}
        if len(texts) == 1 and agency not in cells.index:
            found[at] = names_an_agency(texts.pop())
    return found


def _numbers_its_rows(few: pd.DataFrame, live: pd.DataFrame, stt: int) -> pd.Series:
    """Which rows numbered in the STT column ("1") number the row under them within
    themselves ("1.1", or "a)"): a group's heading, whatever its text says
    (`_group_headings`), or a procedure's that is carried out as the cases under it ("4 |
    Cấp Giấy chứng nhận" over "4.1 | 1.012784 | Cấp lần đầu")."""
    found = pd.Series(False, index=few.index)
    numbered = few.index[few[stt].str.fullmatch(r"\s*\d+\s*").fillna(False).astype(bool)]
    below = live.index.get_indexer(numbered) + 1
    inside = (below > 0) & (below < len(live))
    if not inside.any():
        return found
    numbers = few.loc[numbered[inside], stt].str.strip().to_numpy(dtype=object)
    under = live[stt].iloc[below[inside]].fillna("").astype("str")
    within = [
        text.strip().startswith(f"{n}.") or _LETTERED.match(text) is not None
        for n, text in zip(numbers, under, strict=True)
    ]
    found[numbered[inside]] = np.array(within, dtype=bool)
    return found


def _goes_on_below(
    live: pd.DataFrame, few: pd.Index, heading: np.ndarray, numbering: tuple[int | None, ...]
) -> np.ndarray:
    """Which of the headings among the rows `few` have a line going on with their text right
    under them (no STT, no code, a first text that `goes_on`): a heading is followed by a
    procedure or another heading, so such a row is a line of a wrapped name ("Danh mục
    giống vật nuôi …" over "phục vụ nghiên cứu khoa học")."""
    found = np.zeros(len(few), dtype=bool)
    columns = [position for position in numbering if position is not None]
    for at in np.flatnonzero(heading).tolist():
        below = live.index.get_indexer(pd.Index([few[at] + 1]))[0]
        if below < 0:
            continue
        row = live.iloc[below]
        texts = row.dropna()
        if len(texts) and not row[columns].notna().any():
            found[at] = bool(goes_on(texts.iloc[:1]).iloc[0])
    return found
