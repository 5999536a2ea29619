"""A workbook's lookup sheet: the codes and names of procedures, which the list on another
sheet looks up (VLOOKUP) to fill its names or check its codes. Read as a catalogue, it
counted each procedure twice and had nothing to say of them the list does not; it is left
out of the audit with one sentence naming the list it serves, as a detail sheet is
(`detail_tables`).

A table is such a lookup list when it reads a code and a name and nothing else (an STT at
most; no level, field, agency or status, from a column, a section or the sheet's name),
every one of its rows has a code, every code is one of a list on another sheet that reads
more columns, and that list gives most of them (`LOOKUP_SHARE`) the same name (or none it
shows: its names may be the VLOOKUP's, saved without their values). A list of the fields
(agencies) a list's rows take theirs from is one too: none of its codes is shaped as a
procedure's, none of its names is a procedure's, and they are the values of the list's field
(agency) column, or hold them all. A lookup larger than the list is one too: a sheet of
the whole catalogue the list takes its names from (the national database's codes, names and
fields), which holds more procedures than the list, not all of them the list's. It reads a
code and a name, and a field from a column at most (no section, no title: a data dump), has
a code on every row, nearly all shaped as a procedure's, and more rows than a list on
another sheet that reads who does its procedures or how (a level, an agency or a forms
column) and most of whose codes (`LOOKUP_SHARE`) it holds, most of them under the list's
name. Decided by the values, never by the sheet's name: a sheet per field, a list per
level, an annex of abolished procedures holds procedures the other list has not, or columns
of its own, and is read. A sheet left out is named with the reason; `--sheet` reads it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from procaudit.catalogue.columns import CANONICAL
from procaudit.core.i18n import number, t
from procaudit.io.sections import folded_texts
from procaudit.io.table import Table
from procaudit.io.tables_after import CODE_LIKE
from procaudit.io.value_notes import quoted

LOOKUP_SHARE = 0.9  # of a lookup list's codes, the share the list names alike
LOOKUP_ROWS = 3  # fewer rows than this prove nothing
_LOOKUP_COLUMNS = frozenset({"code", "name"})
# The columns whose values a lookup list may name in place of procedures.
_LOOKED_UP = ("field", "agency", "level")
# A catalogue's lookup may give each procedure's field; the list it serves says who does
# its procedures or how, which the lookup does not.
_CATALOGUE_COLUMNS = _LOOKUP_COLUMNS | {"field"}
_LISTS_ONLY = frozenset({"level", "agency", "forms"})


@dataclass(frozen=True)
class Lookup:
    """The list a lookup sheet serves, and whether the lookup holds more than its
    procedures (`whole`: a sheet of the whole catalogue)."""

    listed: Table
    whole: bool = False


def lookups(tables: Sequence[Table]) -> dict[int, Lookup]:
    """For each table (by its place in `tables`) that is a lookup list of a list on another
    sheet, that list."""
    sheets = Counter(table.sheet for table in tables)
    found: dict[int, Lookup] = {}
    for place, table in enumerate(tables):
        if sheets[table.sheet] > 1 or len(table.frame) < LOOKUP_ROWS:
            continue
        columns = _columns(table)
        small = columns == _LOOKUP_COLUMNS
        # A field read from a column, not from a section or the title: a dump of data.
        whole = _LOOKUP_COLUMNS <= columns <= _CATALOGUE_COLUMNS and "field" not in table.given_by
        if not (small or whole):
            continue
        pairs = _pairs(table)
        if pairs is None:
            continue
        # A field's or an agency's code is never shaped as a procedure's ("HT", "G09").
        shaped = pairs["code"].str.match(CODE_LIKE)
        procedure_codes = bool(shaped.any())
        whole = whole and bool(shaped.mean() >= LOOKUP_SHARE)
        for listed in tables:
            if listed.sheet == table.sheet or listed.continues:
                continue
            if not _columns(listed) - _LOOKUP_COLUMNS:
                continue
            if small and (
                _serves(pairs, listed)
                or (not procedure_codes and _names_values(pairs["name"], listed))
            ):
                found[place] = Lookup(listed)
                break
            if whole and len(table.frame) > len(listed.frame) and _catalogue_of(pairs, listed):
                found[place] = Lookup(listed, whole=True)
                break
    return found


def lookup_reason(table: Table, lookup: Lookup) -> str:
    """Why the sheet of `table` is not audited: it is the lookup list of another sheet's."""
    listed = lookup.listed
    if lookup.whole:
        return t(
            "holds only the codes and names ({count} rows) of a catalogue holding most "
            "procedures of sheet '{sheet}' under the same names, and nothing of who does them "
            "or how: a lookup list, not a list of its own; sheet '{sheet}' is audited "
            "(--sheet reads this one)",
            "chỉ có mã và tên ({count} dòng) của một danh mục chứa gần hết các thủ tục của "
            "trang tính '{sheet}' với cùng tên, và không ghi cơ quan hay cách thực hiện: một "
            "danh sách tra cứu, không phải một danh mục riêng; trang tính '{sheet}' được "
            "kiểm tra (--sheet để kiểm tra trang tính này)",
            count=number(len(table.frame)),
            sheet=listed.sheet,
        )
    others = [header for header in table.header_map.unmapped if header.strip()]
    if others:
        # Columns no catalogue has beside them (an internal process's steps, their times):
        # "only the codes and names" would be untrue, and the rows are no procedures.
        return t(
            "reads, of a catalogue's columns, only the codes and names of what sheet "
            "'{sheet}' lists, beside columns of its own ({shown}): not a list of procedures; "
            "sheet '{sheet}' is audited (--sheet reads this one)",
            "trong các cột của một danh mục, chỉ có mã và tên của những gì trang tính "
            "'{sheet}' liệt kê, bên cạnh các cột riêng ({shown}): không phải danh mục thủ tục "
            "hành chính; trang tính '{sheet}' được kiểm tra (--sheet để kiểm tra trang tính "
            "này)",
            sheet=listed.sheet,
            shown=", ".join(quoted(header) for header in others[:4]),
        )
    return t(
        "holds only the codes and names ({count} rows) of what sheet '{sheet}' lists (its "
        "procedures, fields or agencies): a lookup list, not a list of its own; sheet "
        "'{sheet}' is audited",
        "chỉ có mã và tên ({count} dòng) của những gì trang tính '{sheet}' liệt kê (thủ tục, "
        "lĩnh vực hoặc cơ quan): một danh sách tra cứu, không phải một danh mục riêng; trang "
        "tính '{sheet}' được kiểm tra",
        count=number(len(table.frame)),
        sheet=listed.sheet,
    )


def _columns(table: Table) -> frozenset[str]:
    """The canonical columns of the table's frame, read from a column or given otherwise."""
    return frozenset(column for column in CANONICAL if column in table.frame)


def _pairs(table: Table) -> pd.DataFrame | None:
    """The table's codes (stripped) and folded names; None where a row has no code."""
    codes = table.frame["code"]
    if codes.isna().any():
        return None
    return pd.DataFrame(
        {"code": codes.astype("str").str.strip(), "name": _names(table.frame["name"])}
    )


def _names(names: pd.Series) -> pd.Series:
    return folded_texts(names.fillna("")).str.strip(" .;:")


def _serves(pairs: pd.DataFrame, listed: Table) -> bool:
    """Whether every code of `pairs` is one of `listed`, most of them with the same name."""
    if "code" not in listed.frame:
        return False
    codes = listed.frame["code"].dropna().astype("str").str.strip()
    if not pairs["code"].isin(codes).all():
        return False
    names = _names(listed.frame["name"])
    held = pd.DataFrame({"code": codes.reindex(listed.frame.index), "name": names})
    alike = pd.MultiIndex.from_frame(pairs).isin(pd.MultiIndex.from_frame(held))
    # A name the list does not show (a VLOOKUP saved without its value) says nothing against.
    unnamed = held["code"][listed.frame["name"].isna().to_numpy()]
    alike |= pairs["code"].isin(unnamed).to_numpy()
    return bool(alike.mean() >= LOOKUP_SHARE)


def _catalogue_of(pairs: pd.DataFrame, listed: Table) -> bool:
    """Whether `pairs` (a larger table's) hold most codes of `listed`, a list that reads who
    does its procedures or how, most of them under the list's name (or none it shows)."""
    if "code" not in listed.frame or not _columns(listed) & _LISTS_ONLY:
        return False
    coded = listed.frame["code"].notna().to_numpy()
    codes = listed.frame["code"][coded].astype("str").str.strip()
    if len(codes) < LOOKUP_ROWS or codes.isin(pairs["code"]).mean() < LOOKUP_SHARE:
        return False
    names = _names(listed.frame["name"][coded])
    alike = pd.MultiIndex.from_arrays([codes, names]).isin(pd.MultiIndex.from_frame(pairs))
    # A name the list does not show (a VLOOKUP saved without its value) says nothing against.
    alike |= listed.frame["name"][coded].isna().to_numpy()
    return bool(alike.mean() >= LOOKUP_SHARE)


def _names_values(names: pd.Series, listed: Table) -> bool:
    """Whether `names` (folded) are what a column of `listed` other than its names holds (its
    fields, its agencies): no name of its procedures, and either every one of them is a value
    of that column or every value of that column is one of them (a lookup list of all fields
    beside a list of a few)."""
    if names.isin(_names(listed.frame["name"])).any():
        return False
    mine = set(names)
    for column in _LOOKED_UP:
        if column not in listed.frame:
            continue
        values = set(_names(listed.frame[column].dropna()))
        shared = mine & values
        if shared and shared in (mine, values):
            return True
    return False
