"""A workbook's sheets under one header decide their code column together.

A one-stop system's export kept as a sheet per unit heads every sheet `MA_THU_TUC | TEN_TAT |
…`: `MA_THU_TUC` holds the system's internal ids (whole numbers), `TEN_TAT` the codes. A
unit's sheet of one or two rows has too few values to refuse the ids by their shape
(`value_profile.MIN_CELLS`), and read its ids as codes (PA101 on each) where the unit's
larger sheets, and the same list in one sheet, read `TEN_TAT`. A sheet whose code column was
read from fewer values than decide is read again as its siblings under the same labels
decided: the columns they refused as the code by their values, and the one they read it
from where they agree on it; where no sibling could decide either, the small sheets' code
values are judged together.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

import pandas as pd

from procaudit.io.codes_told import CodesTold
from procaudit.io.grid import Grid
from procaudit.io.table import Table
from procaudit.io.value_profile import MIN_CELLS, profile
from procaudit.io.values import AGENCY_IDS, INTERNAL_IDS, WHOLE_NUMBERS, code_refusal
from procaudit.vn.text import header_key

_ID_REASONS = frozenset({WHOLE_NUMBERS, INTERNAL_IDS, AGENCY_IDS})


def read_codes_over_sheets(
    tables: list[Table], grids: Sequence[Grid], read: Callable[[Grid], tuple[Table, ...]]
) -> list[Table]:
    """`tables` with those of each sheet too small to decide its code column read again
    (`read`, the sheet's grid told what its siblings decided); the tables themselves where
    there is none (most workbooks: one sheet, or sheets of many rows)."""
    if len(tables) < 2:
        return tables
    told = _told(tables)
    if not told:
        return tables
    by_sheet = {grid.sheet: grid for grid in grids}
    again: list[Table] = []
    for table in tables:
        if table.sheet not in told:
            again.append(table)
        else:  # a sheet of one table (`_told`)
            again.extend(read(replace(by_sheet[table.sheet], codes_told=told[table.sheet])))
    return again


def _small(table: Table) -> bool:
    """Whether the table's code column, read by its header, has too few values to decide."""
    header_map = table.header_map
    if "code" not in header_map.columns or "code" in header_map.given or table.continues:
        return False
    if table.account is None or any(c.column == "code" for c in table.account.by_values):
        return False
    return int(table.frame["code"].notna().sum()) < MIN_CELLS


def _told(tables: list[Table]) -> dict[str | None, CodesTold]:
    """What each small sheet is told, by sheet: only sheets of one table."""
    per_sheet: dict[str | None, int] = {}
    for table in tables:
        per_sheet[table.sheet] = per_sheet.get(table.sheet, 0) + 1
    groups: dict[tuple[str, ...], list[Table]] = {}
    for table in tables:
        if table.account is not None and per_sheet[table.sheet] == 1:
            groups.setdefault(table.account.labels, []).append(table)
    told: dict[str | None, CodesTold] = {}
    for labels, group in groups.items():
        small = [table for table in group if _small(table)]
        if not small or len(group) < 2:
            continue
        decided = [table for table in group if not _small(table)]
        said = _decided(labels, decided) if decided else _together(labels, small)
        if said is None:
            continue
        for table in small:
            key = header_key(labels[table.header_map.columns["code"]])
            # Its own national codes are no ids, whatever the siblings hold.
            if key in dict(said.refused) and not profile(table.frame["code"]).national:
                told[table.sheet] = said
    return told


def _decided(labels: tuple[str, ...], decided: list[Table]) -> CodesTold | None:
    """What the sheets that decided by their values agree on: the columns some refused as
    the code for holding ids, none reading them, and the one all read it from."""
    refused: dict[str, str] = {}
    read: set[str] = set()
    for table in decided:
        if "code" in table.header_map.columns:
            read.add(header_key(labels[table.header_map.columns["code"]]))
        for choice in table.account.by_values if table.account else ():
            if choice.column == "code" and not choice.chosen and choice.reason in _ID_REASONS:
                refused.setdefault(header_key(labels[choice.position]), choice.reason)
    refused = {key: reason for key, reason in refused.items() if key not in read}
    if not refused:
        return None
    chosen = read.pop() if len(read) == 1 else None
    return CodesTold(tuple(sorted(refused.items())), chosen)


def _together(labels: tuple[str, ...], small: list[Table]) -> CodesTold | None:
    """The small sheets' code values judged together, where no sheet decided alone."""
    positions = {table.header_map.columns["code"] for table in small}
    if len(positions) != 1:
        return None
    (position,) = positions
    codes = pd.concat([table.frame["code"] for table in small], ignore_index=True)
    reason = code_refusal(profile(codes))
    if reason not in _ID_REASONS:
        return None
    return CodesTold(((header_key(labels[position]), str(reason)),))
