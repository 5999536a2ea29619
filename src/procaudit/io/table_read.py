"""Read one grid (a CSV file's, a sheet's, a frame's) into canonical tables: its header
found or given, its layout understood, its rows made the canonical frame with what its
sections, names and merged cells give each row (`read_table`); a workbook sheet's dossier
components too (`components_table`)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from procaudit.catalogue.columns import (
    CODE_NUMBER,
    CODE_SHOWN,
    DATE_1904,
    ROW,
    SECTION_STATUS,
    SECTION_UNIT,
)
from procaudit.catalogue.name_status import name_statuses, take_name_statuses
from procaudit.core.errors import InputError, NoCatalogueTable
from procaudit.io.canonical import canonical_frame
from procaudit.io.code_notes import drop_code_notes
from procaudit.io.codes_asked import mark_codes_not_asked
from procaudit.io.components import COMPONENTS, components_header
from procaudit.io.continuations import CellParts
from procaudit.io.decisions import split_decisions
from procaudit.io.epoch_dates import read_epoch_dates
from procaudit.io.grid import Grid
from procaudit.io.header_missing import no_header
from procaudit.io.header_search import Header, NoHeader
from procaudit.io.layout import LayoutOptions, Understood, understand
from procaudit.io.level_codes import read_level_codes
from procaudit.io.merged import fill_merged
from procaudit.io.name_codes import split_name_codes
from procaudit.io.name_keys_ahead import start_header_name_keys
from procaudit.io.note_status import read_note_statuses
from procaudit.io.null_cells import NULL_MARKERS, blank_null_cells, with_null_marks
from procaudit.io.number_codes import restore_number_codes
from procaudit.io.number_formats import code_shown
from procaudit.io.other_tables import other_table
from procaudit.io.parts import split_parts
from procaudit.io.read_options import ReadOptions
from procaudit.io.sections import Section, heading_rows
from procaudit.io.service_names import mark_services
from procaudit.io.table import Table
from procaudit.io.unread_cells import unread_columns

_INHERITABLE = ("level", "field", "status", "online_level", "decision_no", "decision_date")
FROM_TITLE = -1  # in Table.given_by: the value came from the title or the sheet's name


def tables_of(
    path: str, grid: Grid, options: ReadOptions, name_keys_ahead: bool = False
) -> tuple[Table, ...]:
    """The tables of one sheet: one per header, unless the user said where the header is."""
    if options.header_rows:
        return (read_table(path, grid, options),)
    found = start_header_name_keys if name_keys_ahead else None
    parts = split_parts(grid, options.layout().extra_aliases, found)
    return tuple(read_table(path, part, options, header) for part, header in parts)


def read_table(
    path: str,
    grid: Grid,
    options: ReadOptions,
    header: Header | None = None,
    carried: tuple[Section, ...] = (),
) -> Table:
    try:
        understood = understand(grid, options.layout(), header, carried=carried)
    except NoHeader as exc:  # with no header row given, a file that holds no catalogue
        refused = InputError if exc.given else NoCatalogueTable
        raise refused(path, no_header(exc, grid)) from None
    except InputError as exc:
        raise InputError(path, exc.problem) from None
    header_map = understood.account.header_map
    # A dossier list, a statistics report, a fee schedule: no catalogue, unless the user
    # said where its header is.
    if not options.header_rows and (
        other := other_table(understood.account, understood.body, grid)
    ):
        raise NoCatalogueTable(path, other.problem())
    frame, restored, merged_from = _frame(grid, understood)
    from_notes = 0
    # No status column, a notes column stating some rows' ("Đã bãi bỏ theo QĐ …"): read so.
    if (noted := read_note_statuses(frame, grid, understood)) is not None:
        understood, from_merged = noted
        from_notes = int(frame["status"].notna().sum())
        header_map = understood.account.header_map
        if from_merged is not None and from_merged.any():
            merged_from["status"] = from_merged
    nulls = (  # "NULL", "\\N": a database's empty
        blank_null_cells(frame, header_map.columns, header_map.headers)
        if grid.holds_any(NULL_MARKERS)
        else {}
    )
    if grid.date1904:  # its day numbers count from 1904 (vn.dates.read_date)
        frame[DATE_1904] = True
    account = understood.account
    mark_codes_not_asked(frame, grid, understood)  # internal, replacing procedures
    mark_services(frame, understood)  # one procedure offered as several services
    sections = account.carried + account.sections
    # Most lists have no section headings: their rows' numbers are not taken out for them.
    row_numbers = frame[ROW].to_numpy() if sections else None
    from_names = split_name_codes(frame)
    drop_code_notes(frame)
    headings = heading_rows(sections, row_numbers) if row_numbers is not None else {}
    given_by: dict[str, np.ndarray] = {}
    for column in _INHERITABLE:
        from_sections = understood.inherited.get(column)
        if from_sections is not None and from_sections.notna().any():
            # A row's own value wins over its section's.
            own = frame[column] if column in frame else pd.Series(pd.NA, index=frame.index)
            took = own.isna() & from_sections.notna()
            if column == "status":
                frame[SECTION_STATUS] = took
            frame[column] = own.fillna(from_sections.astype("str")).astype("str")
            given_by[column] = np.where(took.to_numpy(), _givers(understood, headings, column), 0)
    # A status the name marks ("Cấp giấy phép X (đã bãi bỏ)"), where no cell says one.
    if (marked := name_statuses(frame["name"])) is not None:
        take_name_statuses(frame, marked)  # over a section's or title's status in force too
    units = understood.inherited.get("unit")
    if units is not None and units.notna().any():
        frame[SECTION_UNIT] = units.astype("str")
        if "agency" not in frame:
            # The unit heading a block is its procedures' agency, as a column would say: the
            # agency rules check it (a district's office). No cell holds it to repair.
            frame["agency"] = frame[SECTION_UNIT]
            given_by["agency"] = _givers(understood, headings, "unit")
    levels = read_level_codes(frame) if "level" in header_map.columns else None
    epoch = read_epoch_dates(frame) if "decision_date" in header_map.columns else None
    split = split_decisions(frame)
    given_by = {column: rows for column, rows in given_by.items() if rows.any()}
    return Table(
        grid.sheet,
        frame,
        header_map,
        understood.account,
        split,
        restored,
        _counts(merged_from),
        given_by,
        from_names,
        levels,
        epoch,
        merged_from,
        _column_parts(understood),
        with_null_marks(unread_columns(grid, frame, header_map.columns), nulls),
        statuses_from_notes=from_notes,
    )


def _givers(understood: Understood, headings: dict[str, np.ndarray], column: str) -> np.ndarray:
    """For each row, where its value of `column` would come from: a heading's row, the title
    or the sheet's name (`FROM_TITLE`), or nothing (0); the value the name's header gives
    ("Tên TTHC bị bãi bỏ") counts as nothing."""
    givers = headings.get(column, np.zeros(len(understood.rows), dtype=np.int64))
    if column in understood.account.given:
        givers = np.where(givers == 0, FROM_TITLE, givers)
    return givers


def _column_parts(understood: Understood) -> dict[str, CellParts]:
    """The parts of each canonical column's values (`Understood.parts`, by position)."""
    columns = understood.account.header_map.columns
    return {
        column: understood.parts[position]
        for column, position in columns.items()
        if position in understood.parts
    }


def _counts(merged_from: dict[str, np.ndarray]) -> dict[str, int]:
    return {column: int(np.count_nonzero(rows)) for column, rows in merged_from.items()}


def _frame(
    grid: Grid, understood: Understood, audited: bool = True
) -> tuple[pd.DataFrame, int, dict[str, np.ndarray]]:
    """The canonical frame of the rows understood, how many codes got their zeros back and
    the cells of each column taken from cells merged down over them (`fill_merged`).
    `audited`: the rules check the table (not a dossier-components sheet's), and hear of its
    code cells holding numbers."""
    header_map = understood.account.header_map
    body, codes = understood.body, None
    if grid.typed and "code" in header_map.columns:  # CSV cells are text as typed
        position = header_map.columns["code"]
        shown = code_shown(grid, understood.rows, position)
        codes = restore_number_codes(body.iloc[:, position], shown)
        body.iloc[:, position] = codes.column
    frame = canonical_frame(body, header_map, understood.rows, grid.sheet)
    if codes is not None and codes.numbers is not None and audited:  # for PA101
        frame[CODE_NUMBER] = codes.numbers.to_numpy()
        if codes.shown is not None:
            frame[CODE_SHOWN] = codes.shown.to_numpy()
    restored = 0 if codes is None else codes.restored
    merged_from = fill_merged(frame, grid.merged, header_map.columns)
    return frame, restored, merged_from


def components_table(grid: Grid) -> Table | None:
    """A workbook sheet as a dossier-components table, when its header names one (a CSV
    file is one table: the list)."""
    header = components_header(grid)
    if header is None:
        return None
    understood = understand(grid, LayoutOptions(), header, COMPONENTS)
    frame, restored, merged_from = _frame(grid, understood, audited=False)
    account = understood.account
    return Table(
        grid.sheet,
        frame,
        account.header_map,
        account,
        codes_restored=restored,
        from_merged=_counts(merged_from),
        merged_from=merged_from,
        unread=unread_columns(grid, frame, account.header_map.columns),
    )
