"""Walk a workbook's sheets: read each into tables (`io.table_read`), set aside the sheets
that hold no procedure list (a guide, a hidden lookup, an old copy, a detail or lookup
table, dossier components) saying why, and read a sheet with no header as the list of the
sheet before going on."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from procaudit.core.errors import InputError, NoCatalogueTable
from procaudit.core.i18n import t
from procaudit.io.by_content import read_sheets
from procaudit.io.codes_over_sheets import read_codes_over_sheets
from procaudit.io.continued_sheets import (
    carried_sections,
    continued_grid,
    continued_note,
    list_decision,
    same_list,
)
from procaudit.io.detail_tables import detail_reason, details
from procaudit.io.excel_reader import formula_notes, with_hidden_columns
from procaudit.io.file_kind import Reader
from procaudit.io.formula_texts import sheet_formulas, with_formula_texts
from procaudit.io.grid import Grid
from procaudit.io.hidden_rows import hidden_row_notes, told_by_layout
from procaudit.io.limits import WorkbookScan, check_cell_lengths, check_workbook
from procaudit.io.lookup_sheets import lookup_reason, lookups
from procaudit.io.read_options import ReadOptions
from procaudit.io.read_result import Catalogue
from procaudit.io.sheets_aside import aside_reason, read_aside_note
from procaudit.io.table import Table
from procaudit.io.table_read import components_table, read_table, tables_of
from procaudit.io.value_notes import value_notes

HOLDS_COMPONENTS = "holds dossier components, not procedures"


def read_workbook(
    path_text: str,
    path: Path,
    kind: str,
    reader: Reader,
    options: ReadOptions,
    name_keys_ahead: bool,
) -> Catalogue:
    scan = check_workbook(path, options.limits) if reader == "workbook" else WorkbookScan()
    grids = with_hidden_columns(
        path, read_sheets(path, reader, options.limits.max_cells), scan.hidden_columns
    )
    formulas = sheet_formulas(path, scan.formulas)
    grids = with_formula_texts(grids, formulas)
    # Keys are kept for one column at a time: of a workbook's, only a single sheet's.
    name_keys_ahead = name_keys_ahead and len(grids) == 1
    for grid in grids:
        check_cell_lengths(path_text, grid, options.limits)
    wanted = _wanted_sheet(path_text, [g.sheet for g in grids], options.sheet)
    # A hidden sheet is a lookup list or an old copy, a sheet named as a guide ("Hướng
    # dẫn", "Instructions") shows how to fill the list in with rows made up for it, and one
    # named as an old copy ("DM 2024 (cũ)") holds the list as it was: each is read only where
    # no other sheet holds the list.
    aside = [grid for grid in grids if wanted is None and aside_reason(grid) is not None]
    sheets = _Sheets(path_text, options, name_keys_ahead, wanted)
    sheets.read([grid for grid in grids if not any(grid is other for other in aside)])
    read_aside: list[Grid] = []
    if not sheets.tables:
        sheets.read(aside)
        read_aside = [g for g in aside if any(table.sheet == g.sheet for table in sheets.tables)]
    else:
        for grid in aside:
            sheets.not_lists[str(grid.sheet)] = str(aside_reason(grid))
    # A unit's sheet of two rows reads its code column as its larger siblings do.
    tables = read_codes_over_sheets(
        sheets.tables, grids, lambda grid: tables_of(path_text, grid, options, name_keys_ahead)
    )
    if wanted is None:  # a sheet asked for is read whatever it holds
        for place, listed in sorted(details(tables).items(), reverse=True):
            detail = tables.pop(place)
            sheets.not_lists[str(detail.sheet)] = detail_reason(detail, listed)
        for place, serves in sorted(lookups(tables).items(), reverse=True):
            lookup = tables.pop(place)
            sheets.not_lists[str(lookup.sheet)] = lookup_reason(lookup, serves)
    order = {str(grid.sheet): index for index, grid in enumerate(grids)}
    not_lists = dict(sorted(sheets.not_lists.items(), key=lambda item: order[item[0]]))
    components = sheets.components
    holds_components = _holds_components()
    # No sheet holds a catalogue, and none was asked for: a README, a pivot.
    refused = InputError if wanted is not None or sheets.other_refusal else NoCatalogueTable
    if not tables and len(grids) == 1 and not components:
        raise refused(
            path_text,
            t(
                "sheet '{sheet}' {why}",
                "trang tính '{sheet}' {why}",
                sheet=grids[0].sheet,
                why=not_lists[str(grids[0].sheet)],
            ),
        )
    if not tables:
        reasons = _reasons(not_lists)
        raise refused(
            path_text,
            t(
                "has no sheet with a procedure list ({reasons})",
                "không có trang tính nào chứa danh mục thủ tục ({reasons})",
                reasons=reasons,
            ),
        )
    skipped = {sheet: why for sheet, why in not_lists.items() if why != holds_components}
    return Catalogue(
        path_text,
        kind,
        tuple(tables),
        skipped,
        components=tuple(components),
        notes=(
            *(continued_note(sheet, before) for sheet, before in sheets.continued.items()),
            *(read_aside_note(grid) for grid in read_aside if len(grids) > 1),
            *formula_notes(formulas),
            *value_notes(tables),
            # Only an xlsx whose scan saw a hidden row is read for them again; an xls's or
            # ods's rows are told by their own layout (~10 ms for a thousand rows).
            *(hidden_row_notes(path, tables) if scan.hidden_rows or told_by_layout(path) else ()),
        ),
    )


def _reasons(not_lists: dict[str, str]) -> str:
    """Why each sheet holds no list, a reason shared by several sheets said once: a workbook
    of one internal process per sheet is one sentence, not the same sentence per sheet."""
    sheets_of: dict[str, list[str]] = {}
    for sheet, why in not_lists.items():
        sheets_of.setdefault(why, []).append(f"'{sheet}'")
    return "; ".join(
        f"{sheets[0]} {why}"
        if len(sheets) == 1
        else t(
            "{sheets} and {last} each {why}",
            "{sheets} và {last} đều {why}",
            sheets=", ".join(sheets[:-1]),
            last=sheets[-1],
            why=why,
        )
        for why, sheets in sheets_of.items()
    )


class _Sheets:
    """The tables and dossier-components tables read from a workbook's sheets, and why each
    other sheet holds no procedure list."""

    def __init__(
        self, path_text: str, options: ReadOptions, name_keys_ahead: bool, wanted: str | None
    ) -> None:
        self.path_text, self.options, self.wanted = path_text, options, wanted
        self.name_keys_ahead = name_keys_ahead
        self.tables: list[Table] = []
        self.components: list[Table] = []
        self.not_lists: dict[str, str] = {}
        self.other_refusal = False  # a sheet refused for more than holding no catalogue
        self.continued: dict[str, str] = {}  # a sheet with no header -> the sheet it goes on

    def read(self, grids: list[Grid]) -> None:
        before: Table | None = None  # the last list of the sheet before, if it held one
        for grid in grids:
            read = len(self.tables)
            if self.wanted is not None and grid.sheet != self.wanted:
                self.not_lists[str(grid.sheet)] = t(
                    "not the sheet asked for", "không phải trang tính được chỉ định"
                )
            elif grid.chart:  # no cells to read: "empty" would say it was left blank
                self.not_lists[str(grid.sheet)] = t("a chart sheet", "trang biểu đồ")
            elif grid.cells.empty or not grid.cells.notna().any().any():
                self.not_lists[str(grid.sheet)] = t("empty", "trống")
            else:
                try:
                    # A page of a list repeating its header: its title's decision is the
                    # page's too, where the reading finds it goes on with the list.
                    offered = list_decision(before, header=True)
                    page = grid if offered is None else replace(grid, list_decision=offered)
                    own = tables_of(self.path_text, page, self.options, self.name_keys_ahead)
                    if before is not None and _not_going_on(before, own):
                        own = tables_of(self.path_text, grid, self.options, self.name_keys_ahead)
                    self.tables.extend(own)
                except InputError as exc:
                    if self.wanted is not None:
                        raise
                    found = components_table(grid)
                    unheaded = found is None and isinstance(exc, NoCatalogueTable)
                    if not (unheaded and self._goes_on(grid, before)):
                        self.other_refusal |= not isinstance(exc, NoCatalogueTable)
                        if found is not None:
                            self.components.append(found)
                        self.not_lists[str(grid.sheet)] = (
                            exc.problem if found is None else _holds_components()
                        )
            before = self.tables[-1] if len(self.tables) > read else None

    def _goes_on(self, grid: Grid, before: Table | None) -> bool:
        """Read `grid` as the list `before` going on, if it is (`io.continued_sheets`)."""
        found = None if before is None or self.options.header_rows else continued_grid(grid, before)
        if found is None:
            return False
        carried = carried_sections(before) if before is not None else ()
        page = replace(found[0], list_decision=list_decision(before))
        try:
            table = read_table(self.path_text, page, self.options, found[1], carried)
            self.tables.append(replace(table, continues=True))
        except InputError:
            return False
        self.continued[str(grid.sheet)] = str(before.sheet if before else "")
        return True


def _not_going_on(before: Table, own: Sequence[Table]) -> bool:
    """Whether the tables of a sheet took the decision of the list `before` (`list_decision`)
    where it is not that list going on: several tables, or the same procedures again (a sheet
    per unit). Rare: then the sheet is read again without it."""
    took = any(table.account is not None and table.account.decision_from for table in own)
    return took and (len(own) > 1 or same_list(before, own[0]))


def _holds_components() -> str:
    return t(HOLDS_COMPONENTS, "chứa thành phần hồ sơ, không phải danh mục thủ tục")


def _wanted_sheet(path: str, names: list[str | None], sheet: str | None) -> str | None:
    if sheet is None:
        return None
    if sheet in names:
        return sheet
    if sheet.isdigit() and 1 <= int(sheet) <= len(names):
        return names[int(sheet) - 1]
    listed = ", ".join(f"'{name}'" for name in names)
    raise InputError(
        path,
        t(
            "has no sheet '{sheet}' (its sheets: {listed})",
            "không có trang tính '{sheet}' (các trang tính của tệp: {listed})",
            sheet=sheet,
            listed=listed,
        ),
    )
