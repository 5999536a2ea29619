"""A decision's detail sheet: the procedures of its list again, one row each, with their
content in columns (steps, time limit, fee, legal basis) and no code. Read as a catalogue,
it doubled the file's count of procedures and said every problem of a procedure twice; it
is left out of the audit with one sentence naming the list it details, as the content of
Phần II written as blocks is (`other_tables`).

A sheet is such a detail when it is one table without a code column, and most of its names
(`DETAIL_SHARE`) are names of a list on an earlier sheet that has codes, and it has a column
of a procedure's content that list lacks. A list per level or per field shares few names
with another, and a second list is laid out as the first: neither is taken for a detail.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import pandas as pd

from procaudit.catalogue.columns import REQUIRED
from procaudit.core.i18n import number, t
from procaudit.io.sections import folded_texts
from procaudit.io.table import Table

DETAIL_SHARE = 0.9  # of a detail's names, the share its list holds
DETAIL_ROWS = 3  # fewer rows than this prove nothing
# The columns of a procedure's content, which a list of procedures seldom has.
CONTENT_COLUMNS = ("processing_time", "fee", "legal_basis")


def details(tables: Sequence[Table]) -> dict[int, Table]:
    """For each table (by its place in `tables`) that details a list of another sheet, that
    list."""
    sheets = Counter(table.sheet for table in tables)
    found: dict[int, Table] = {}
    for place, table in enumerate(tables):
        if sheets[table.sheet] > 1 or "code" in table.frame or len(table.frame) < DETAIL_ROWS:
            continue
        names = _names(table)
        for listed in tables[:place]:
            if listed.sheet == table.sheet or "code" not in listed.frame:
                continue
            if not _content_beyond(table, listed):
                continue
            if names.isin(_names(listed)).mean() >= DETAIL_SHARE:
                found[place] = listed
                break
    return found


def detail_reason(table: Table, listed: Table) -> str:
    """Why the sheet of `table` is not audited: it details the list of another sheet."""
    return t(
        "details the {count} procedures of sheet '{sheet}' with their content (time limit, "
        "fee, legal basis), not a list of its own: sheet '{sheet}' is audited",
        "nêu chi tiết {count} thủ tục của trang tính '{sheet}' (thời hạn, phí, căn cứ pháp "
        "lý), không phải một danh mục riêng: trang tính '{sheet}' được kiểm tra",
        count=number(len(table.frame)),
        sheet=listed.sheet,
    )


def _names(table: Table) -> pd.Series:
    """The table's names, folded (case, spaces, Unicode form), missing ones left out."""
    names = table.frame[REQUIRED[0]].dropna()
    return folded_texts(names).str.strip(" .;:")


def _content_beyond(table: Table, listed: Table) -> bool:
    """Whether `table` has a column of a procedure's content that `listed` has not."""
    return any(c in table.frame and c not in listed.frame for c in CONTENT_COLUMNS)
