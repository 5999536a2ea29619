"""A sheet that goes on with the list of the sheet before it, without a header of its own.

A list printed or split over sheets ("Trang 1", "Trang 2"; "Sheet1", "Sheet2") often gives
its header once, on the first sheet: the later ones hold rows alone. No header found in them,
they were skipped ("has no column for the procedure name") and their procedures went
unchecked, a "Cấp huyện" among them unreported. Such a sheet is read with the header of the
list on the sheet before it when its rows fit that list:

- no cell lies beyond the list's columns;
- the list's name column holds a name (text with letters, not a number) on most rows (of
  those holding several cells: a heading fills one);
- its rows go on from that list: their numbers (STT) count on from above 1, one by one, or
  the cells of the list's code column have the form of the list's codes (`1.000178`; a
  local code's runs of digits and of letters, `2018.BTXH.CX.03`);
- and its first row is one of them, or a heading in one cell: a row of several cells with
  no number and no code is a header of its own (a dossier components table's), whatever
  column it fails to name.

A lookup sheet, a sheet of notes or a signature block fits none of this and is skipped as
before. The header is the earlier sheet's, so its columns are read as they were there, and so
are its section headings: the rows above a heading of the sheet's own stand under the last
ones there ("B. THỦ TỤC HÀNH CHÍNH CẤP XÃ", "PHẦN III. … BỊ BÃI BỎ"), as on one long sheet.

The decision the list's title quotes is that of such a sheet's rows too, and of the rows
of a sheet that repeats the list's header with no title of its own (`list_decision`,
`io.page_decisions`).

The tables so read are one list (`continued_lists`), which the duplicates' rules compare as
one; unless a sheet repeats most of the procedures of the one before it: a sheet per unit,
each listing the same procedures, is the same list again, not the list going on.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import replace

import pandas as pd

from procaudit.core.i18n import t
from procaudit.io.grid import Grid, ListDecision
from procaudit.io.header_search import Header
from procaudit.io.sections import Section
from procaudit.io.table import Table

_NAMED_SHARE = 0.8  # of the rows holding anything, those with a name in the name column
# A sheet sharing this share of the smaller one's procedures with the sheet before it, and at
# least `_SAME_ROWS`, is that list again (a sheet per unit), not the list going on.
_SAME_SHARE, _SAME_ROWS = 0.5, 3
_CODE_SHARE = 0.8  # of the code column's cells, those of a form the list's codes have
_LETTER = re.compile(r"[^\W\d_]")


def continued_grid(grid: Grid, before: Table) -> tuple[Grid, Header] | None:
    """`grid` with the header of the list `before` put above its rows, and that header, when
    the sheet goes on with that list; None when it does not."""
    account = before.account
    header_map = before.header_map
    if account is None or "name" not in header_map.columns:
        return None
    width = len(account.labels)
    cells = grid.cells
    used = cells.notna()
    if used.iloc[:, width:].to_numpy().any():
        return None
    filled = used.sum(axis=1) > 1  # the rows of several cells: a heading fills one
    if not filled.any():
        return None
    names = _column(cells, header_map.columns["name"])[filled]
    named = names.notna() & names.astype("string").str.contains(_LETTER, na=False)
    if named.mean() < _NAMED_SHARE:
        return None
    if not (_numbers_go_on(cells, header_map.stt, filled) or _codes_alike(cells, before, filled)):
        return None
    if _own_header(cells, header_map.stt, before, filled):
        return None
    labels = list(account.labels)
    top = pd.DataFrame([labels], columns=range(width), dtype=object)
    body = cells.reindex(columns=range(width))
    joined = pd.concat([top, body], ignore_index=True)
    # The header is no row of this sheet: numbered 0, before its first.
    rows = pd.concat([pd.Series([0]), grid.rows], ignore_index=True)
    continued = dataclasses.replace(grid, cells=joined, rows=rows, fields=None)
    return continued, ([0], labels, header_map)


def continued_lists(tables: Sequence[Table]) -> list[list[int]]:
    """The positions of the tables of each list going on over sheets (`Table.continues`):
    the table before the first that goes on with it, then each going on (a third sheet goes
    on with the second), until one repeats most of the procedures of the one before it."""
    runs: list[list[int]] = []
    for at, table in enumerate(tables):
        if not table.continues or at == 0 or same_list(tables[at - 1], table):
            continue
        if runs and runs[-1][-1] == at - 1:
            runs[-1].append(at)
        else:
            runs.append([at - 1, at])
    return runs


def same_list(before: Table, table: Table) -> bool:
    """Whether `table` repeats most of the procedures of `before` (by code, or by name where
    a row has none): a sheet per unit, the same list again, not the list going on."""
    first, second = _procedures(before), _procedures(table)
    shared = len(first & second)
    return shared >= _SAME_ROWS and shared >= _SAME_SHARE * min(len(first), len(second))


def _procedures(table: Table) -> set[str]:
    frame = table.frame
    names = frame["name"].astype("string")
    keys = frame["code"].astype("string").str.strip() if "code" in frame else names
    keys = keys.where(keys.notna() & (keys != ""), "name " + names.str.strip().str.casefold())
    return set(keys.dropna().tolist())


def list_decision(before: Table | None, header: bool = False) -> ListDecision | None:
    """The decision the title of the list `before` quotes (`SheetAccount.given`), offered to
    the sheet after it (`io.page_decisions`): to one read under that list's header, or, with
    `header`, to one with a header of its own, which takes it only under the same columns."""
    if before is None or before.account is None:
        return None
    account = before.account
    number = account.given.get("decision_no")
    if number is None:
        return None
    columns = dict(before.header_map.columns) if header else None
    return ListDecision(number, account.decision_from or account.sheet, columns)


def carried_sections(before: Table) -> tuple[Section, ...]:
    """The section headings a list going on from `before` stands under: those `before`
    stood under and its own, on no row of the new sheet (row 0, as its header)."""
    if before.account is None:
        return ()
    account = before.account
    return tuple(replace(section, row=0) for section in (*account.carried, *account.sections))


def continued_note(sheet: str, before: str) -> str:
    return t(
        "sheet '{sheet}' has no header of its own: it is read as the list of sheet '{before}' "
        "going on, under that sheet's header",
        "trang tính '{sheet}' không có dòng tiêu đề riêng: được đọc như phần tiếp theo của "
        "danh mục ở trang tính '{before}', theo dòng tiêu đề của trang đó",
        sheet=sheet,
        before=before,
    )


def _column(cells: pd.DataFrame, position: int) -> pd.Series:
    if position in cells.columns:
        return cells[position]
    return pd.Series(None, index=cells.index, dtype=object)


def _own_header(cells: pd.DataFrame, stt: int | None, before: Table, filled: pd.Series) -> bool:
    """The sheet's first row holding several cells is no procedure's (no number, no code):
    a header of its own that names no procedure ("Số TT | Mã | Diễn giải"), not the list
    going on. A heading above the rows fills one cell."""
    first = cells[filled].iloc[:1]
    number = stt is not None and pd.notna(
        pd.to_numeric(_column(first, stt), errors="coerce").iloc[0]
    )
    position = before.header_map.columns.get("code")
    code = False
    if position is not None and "code" in before.frame:
        forms = set(_forms(before.frame["code"].dropna()))
        code = bool(_forms(_column(first, position).dropna()).isin(forms).any())
    return not (number or code)


def _numbers_go_on(cells: pd.DataFrame, stt: int | None, filled: pd.Series) -> bool:
    """The STT cells of the rows count on, one by one, from a number above 1."""
    if stt is None:
        return False
    numbers = pd.to_numeric(_column(cells, stt)[filled], errors="coerce").dropna()
    if len(numbers) < 2 or len(numbers) < 0.8 * int(filled.sum()):
        return False
    steps = numbers.diff().iloc[1:]
    return bool(numbers.iloc[0] > 1 and (steps == 1).mean() >= 0.8)


def _codes_alike(cells: pd.DataFrame, before: Table, filled: pd.Series) -> bool:
    """The cells of the code column have the forms of the list's codes (digits as 9)."""
    position = before.header_map.columns.get("code")
    if position is None or "code" not in before.frame:
        return False
    forms = set(_forms(before.frame["code"].dropna()))
    codes = _column(cells, position)[filled].dropna()
    if not forms or codes.empty:
        return False
    return bool(_forms(codes).isin(forms).mean() >= _CODE_SHARE)


def _forms(values: pd.Series) -> pd.Series:
    """Each code's form: a run of digits as 9, a run of letters as A. A one-stop system's
    local codes name their unit and field in letters ("2018.BTXH.CX.03" and, a district
    further on, "2019.DD.CX.15"): the letters and their count change from one unit's rows
    to the next, the form "9.A.A.9" does not."""
    texts = values.astype("string").str.strip().str.replace(r"\d+", "9", regex=True)
    return texts.str.replace(r"[^\W\d_]+", "A", regex=True)
