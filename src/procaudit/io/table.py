"""One source table in canonical form, as the reader gives it (`io.read`)."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from procaudit.io.continuations import CellParts
from procaudit.io.headers import HeaderMap
from procaudit.io.layout import SheetAccount
from procaudit.io.level_codes import LevelReading


@dataclass(frozen=True)
class Table:
    """One source table in canonical form."""

    sheet: str | None  # None for CSV
    frame: pd.DataFrame  # canonical columns present in the source, plus _sheet and _row
    header_map: HeaderMap
    account: SheetAccount | None = None
    decisions_split: int = 0  # cells holding a decision's number and date, split in two
    codes_restored: int = 0  # codes stored as numbers, given back their trailing zeros
    # column -> rows that took its value from a cell merged down over them (`io.merged`)
    from_merged: dict[str, int] = field(default_factory=dict)
    # column -> for each row, the section heading's row it took its value from, FROM_TITLE
    # where the title or the sheet's name gave it, 0 for its own (`sections.heading_rows`);
    # only the columns some row took so
    given_by: dict[str, np.ndarray] = field(default_factory=dict)
    codes_from_names: int = 0  # codes read from the names' cells (`io.name_codes`)
    levels: LevelReading | None = None  # a level column not read as written (`io.level_codes`)
    epoch_dates: str | None = None  # a timestamp read as a date, for the note (`io.epoch_dates`)
    # column -> for each row, the row of the cell merged down over it that gave its value, 0
    # for its own; only the columns some row took so (counted in `from_merged`)
    merged_from: dict[str, np.ndarray] = field(default_factory=dict)
    # column -> the cells of rows continuing a procedure its value came from
    # (`continuations.CellParts`: the frame's positions, the user's rows)
    parts: dict[str, CellParts] = field(default_factory=dict)
    # column -> for each row, what Excel shows in a cell read as empty: `grid.NO_VALUE` for
    # a formula saved without its value, an error's text ("#N/A"), None for a cell read as
    # it is; only the columns where some row's cell is so (`io.unread_cells`)
    unread: dict[str, np.ndarray] = field(default_factory=dict)
    # True for a sheet read as the list of the table before it going on, under its header
    # (`io.continued_sheets`): the rules comparing rows compare it with that list's rows.
    continues: bool = False
    statuses_from_notes: int = 0  # rows whose notes cell said their status (`io.note_status`)
