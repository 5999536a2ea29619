"""Read a catalogue file: its grids, how each is laid out, and its canonical tables."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np
import pandas as pd

from procaudit.catalogue.columns import (
    ALIASES,
    CODE_NUMBER,
    CODE_SHOWN,
    DATE_1904,
    REQUIRED,
    ROW,
    SECTION_STATUS,
    SECTION_UNIT,
)
from procaudit.catalogue.name_status import name_statuses, take_name_statuses
from procaudit.core.errors import InputError, NoCatalogueTable
from procaudit.core.i18n import t
from procaudit.core.paths import missing, reported_path, unreachable
from procaudit.io.by_content import read_sheets, reader_of, sheet_kind
from procaudit.io.canonical import canonical_frame
from procaudit.io.code_notes import drop_code_notes
from procaudit.io.codes_asked import mark_codes_not_asked
from procaudit.io.codes_over_sheets import read_codes_over_sheets
from procaudit.io.components import COMPONENTS, components_header
from procaudit.io.continuations import CellParts
from procaudit.io.continued_sheets import carried_sections, continued_grid, continued_note
from procaudit.io.csv_dialect import CsvDialect
from procaudit.io.csv_reader import read_csv_grid
from procaudit.io.csv_sniff import CSV_SUFFIXES
from procaudit.io.decisions import split_decisions
from procaudit.io.detail_tables import detail_reason, details
from procaudit.io.encoding import TWICE_ENCODED, twice_encoded_note
from procaudit.io.epoch_dates import read_epoch_dates
from procaudit.io.excel_reader import formula_notes, with_hidden_columns
from procaudit.io.file_kind import MARKUP_SUFFIXES, Reader
from procaudit.io.formula_texts import sheet_formulas, with_formula_texts
from procaudit.io.grid import Grid
from procaudit.io.header_search import HEADER_SCAN_ROWS, Header, NoHeader
from procaudit.io.hidden_rows import hidden_row_notes, told_by_layout
from procaudit.io.layout import LayoutOptions, Understood, understand
from procaudit.io.level_codes import read_level_codes
from procaudit.io.limits import (
    Limits,
    WorkbookScan,
    check_cell_lengths,
    check_file_size,
    check_workbook,
)
from procaudit.io.lookup_sheets import lookup_reason, lookups
from procaudit.io.lost_bytes import unreadable_text
from procaudit.io.merged import fill_merged
from procaudit.io.name_codes import split_name_codes
from procaudit.io.name_keys_ahead import start_header_name_keys
from procaudit.io.null_cells import NULL_MARKERS, blank_null_cells, with_null_marks
from procaudit.io.number_codes import restore_number_codes
from procaudit.io.number_formats import code_shown
from procaudit.io.other_tables import OtherTable, other_table, without_name
from procaudit.io.parts import split_parts
from procaudit.io.sections import Section, heading_rows
from procaudit.io.sheets_aside import aside_reason
from procaudit.io.table import Table as Table  # read's own, as it always was
from procaudit.io.unread_cells import unread_columns
from procaudit.io.value_notes import quoted, value_notes
from procaudit.vn.text import header_key

WORKBOOK_SUFFIXES = frozenset({".xlsx", ".xlsm", ".xls", ".xlsb", ".ods"})
_INHERITABLE = ("level", "field", "status", "online_level", "decision_no")
_SHOWN_HEADERS = 6  # headers quoted in the message about a missing name column
HOLDS_COMPONENTS = "holds dossier components, not procedures"
FROM_TITLE = -1  # in Table.given_by: the value came from the title or the sheet's name


@dataclass(frozen=True)
class ReadOptions:
    """The user's overrides for files that guessing gets wrong."""

    sheet: str | None = None  # a sheet name, or its 1-based number
    header_rows: tuple[int, ...] | None = None
    mapping: dict[str, str] = field(default_factory=dict)  # source header -> canonical column
    limits: Limits = field(default_factory=Limits)

    def layout(self) -> LayoutOptions:
        extra = {header_key(source): column for source, column in self.mapping.items()}
        return LayoutOptions(header_rows=self.header_rows, extra_aliases=extra)


# One set of overrides for every input, or one per input path (from a config's [[files]]).
PerFile = ReadOptions | Mapping[str, ReadOptions] | None


def options_for(options: PerFile, path: str) -> ReadOptions | None:
    if options is None or isinstance(options, ReadOptions):
        return options
    return options.get(path)


def run_limits(options: PerFile) -> Limits:
    """The run's limits, which every file it reads shares (the catalogues', the reference
    list's, the baseline's)."""
    if isinstance(options, ReadOptions):
        return options.limits
    first = next(iter(options.values()), None) if options else None
    return first.limits if first is not None else Limits()


@dataclass(frozen=True)
class Catalogue:
    """What one input file held, and how it was read."""

    path: str
    format: str
    tables: tuple[Table, ...]
    skipped_sheets: dict[str, str] = field(default_factory=dict)  # sheet -> why
    dialect: CsvDialect | None = None
    components: tuple[Table, ...] = ()  # dossier-components sheets (see components.py)
    notes: tuple[str, ...] = ()  # what the user should know about how the file was read


def read_catalogue(
    path_text: str, options: ReadOptions | None = None, name_keys_ahead: bool = False
) -> Catalogue:
    """The file's catalogue. `name_keys_ahead`: the run's rules read the names' comparison
    keys; a large table's are started as soon as its header is found (`io.name_keys_ahead`)."""
    options = options or ReadOptions()
    path = Path(path_text)
    path_text = reported_path(path_text)  # the name in messages and findings; `path` is opened
    if reason := unreachable(path):  # in a folder the user may not enter
        raise InputError(
            path_text, t("cannot be read ({reason})", "không đọc được ({reason})", reason=reason)
        )
    if not path.exists():
        raise InputError(path_text, missing(path))
    if path.is_dir():
        raise InputError(
            path_text,
            t("is a directory, not a catalogue file", "là thư mục, không phải tệp danh mục"),
        )
    if not path.is_file():  # opening a pipe would wait for a writer forever
        raise InputError(
            path_text,
            t(
                "is not a regular file (it is a pipe, socket or device)",
                "không phải tệp thông thường (đây là pipe, socket hoặc thiết bị)",
            ),
        )
    suffix = path.suffix.lower()
    if suffix not in CSV_SUFFIXES | WORKBOOK_SUFFIXES | MARKUP_SUFFIXES:
        raise InputError(
            path_text,
            t(
                "has an unsupported type '{suffix}' (use .csv, .xlsx, .xlsm, .xls or .ods)",
                "có định dạng không được hỗ trợ '{suffix}' (dùng .csv, .xlsx, .xlsm, .xls "
                "hoặc .ods)",
                suffix=suffix or t("none", "không có"),
            ),
        )
    check_file_size(path, options.limits)
    # By the bytes first: an xlsx named .xls, a web page or text named .xls (`io.file_kind`).
    reader, head = reader_of(path)
    if reader is None:  # empty, or binary garbage: the name's reader says which
        reader = "csv" if suffix in CSV_SUFFIXES else "workbook"
    if reader == "csv" and suffix not in CSV_SUFFIXES:
        try:  # Excel's "Unicode Text", a CSV export named .xls
            return _csv(path_text, path, options, name_keys_ahead)
        except InputError as exc:
            raise InputError(path_text, _text_named_as_workbook(exc.problem)) from None
    if reader == "csv":
        return _csv(path_text, path, options, name_keys_ahead)
    kind = sheet_kind(reader, head, suffix)
    return _workbook(path_text, path, kind, reader, options, name_keys_ahead)


def with_procedures(catalogue: Catalogue) -> Catalogue:
    """The catalogue, for an audit, unless no table of it holds a procedure: a list with its
    header and nothing under it (an export of a search that found nothing) is no catalogue
    to pass a check on, as an empty file is none (`diff` compares it: the list began empty).
    A workbook with such a sheet beside a list is read."""
    if any(len(table.frame) for table in catalogue.tables):
        return catalogue
    raise InputError(
        catalogue.path,
        t("has a header but no procedure rows", "có dòng tiêu đề nhưng không có dòng thủ tục nào"),
    )


def _csv(path_text: str, path: Path, options: ReadOptions, name_keys_ahead: bool) -> Catalogue:
    grid, dialect = read_csv_grid(path, options.limits.max_cells)
    check_cell_lengths(path_text, grid, options.limits)
    tables = _tables(path_text, grid, options, name_keys_ahead)
    notes = value_notes(tables)
    if dialect.encoding == TWICE_ENCODED:
        notes = (twice_encoded_note(), *notes)
    return Catalogue(path_text, "csv", tables, dialect=dialect, notes=notes)


def _text_named_as_workbook(problem: str) -> str:
    return t(
        "is not an Excel workbook but text; read as CSV text, it {problem}",
        "không phải sổ tính Excel mà là văn bản; đọc như văn bản CSV thì tệp {problem}",
        problem=problem,
    )


def read_grid(name: str, grid: Grid, options: ReadOptions | None = None) -> Catalogue:
    """A catalogue from a grid already in memory (a pandas DataFrame's, see
    `procaudit.app.frames`), understood as a CSV file holding the same cells is: its header
    found (or given), its parts and sections, its columns mapped by the same aliases.
    `name` stands for the file's path in the findings and the report."""
    options = options or ReadOptions()
    tables = _tables(name, grid, options)
    return Catalogue(name, "frame", tables, notes=value_notes(tables))


def _tables(
    path: str, grid: Grid, options: ReadOptions, name_keys_ahead: bool = False
) -> tuple[Table, ...]:
    """The tables of one sheet: one per header, unless the user said where the header is."""
    if options.header_rows:
        return (_table(path, grid, options),)
    found = start_header_name_keys if name_keys_ahead else None
    parts = split_parts(grid, options.layout().extra_aliases, found)
    return tuple(_table(path, part, options, header) for part, header in parts)


def _table(
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
        raise refused(path, _no_header(exc, grid)) from None
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
    nulls = (  # "NULL", "\\N": a database's empty
        blank_null_cells(frame, header_map.columns, header_map.headers)
        if grid.holds_any(NULL_MARKERS)
        else {}
    )
    if grid.date1904:  # its day numbers count from 1904 (vn.dates.read_date)
        frame[DATE_1904] = True
    account = understood.account
    mark_codes_not_asked(frame, grid, understood)  # internal, replacing procedures
    from_names = split_name_codes(frame)
    drop_code_notes(frame)
    headings = heading_rows(account.carried + account.sections, frame[ROW].to_numpy())
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


def _components(grid: Grid) -> Table | None:
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


def _workbook(
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
    if not sheets.tables:
        sheets.read(aside)
    else:
        for grid in aside:
            sheets.not_lists[str(grid.sheet)] = str(aside_reason(grid))
    # A unit's sheet of two rows reads its code column as its larger siblings do.
    tables = read_codes_over_sheets(
        sheets.tables, grids, lambda grid: _tables(path_text, grid, options, name_keys_ahead)
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
        reasons = "; ".join(f"'{sheet}' {why}" for sheet, why in not_lists.items())
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
            *formula_notes(formulas),
            *value_notes(tables),
            # Only an xlsx whose scan saw a hidden row is read for them again; an xls's or
            # ods's rows are told by their own layout (~10 ms for a thousand rows).
            *(hidden_row_notes(path, tables) if scan.hidden_rows or told_by_layout(path) else ()),
        ),
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
                    self.tables.extend(
                        _tables(self.path_text, grid, self.options, self.name_keys_ahead)
                    )
                except InputError as exc:
                    if self.wanted is not None:
                        raise
                    found = _components(grid)
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
        try:
            table = _table(self.path_text, found[0], self.options, found[1], carried)
            self.tables.append(replace(table, continues=True))
        except InputError:
            return False
        self.continued[str(grid.sheet)] = str(before.sheet if before else "")
        return True


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


def _no_header(missing: NoHeader, grid: Grid) -> str:
    if not missing.given and (other := _other_without_name(missing, grid)):
        return other.problem()
    wanted = t(" or ", " hoặc ").join(f"'{alias}'" for alias in ALIASES[REQUIRED[0]][:3])
    shown = [quoted(label) for label in missing.closest if label.strip()]
    seen = ", ".join(shown[:_SHOWN_HEADERS]) + (", …" if len(shown) > _SHOWN_HEADERS else "")
    seen = seen or t("nothing", "không có gì")
    return _header_not_found(missing, wanted, seen) + unreadable_text(missing.closest, grid)


def _header_not_found(missing: NoHeader, wanted: str, seen: str) -> str:
    if missing.given:
        return t(
            "has no column for the procedure {column} on the header row {row} (it has {seen}); "
            "name the column with --map 'HEADER={column}'",
            "không có cột tên thủ tục ({column}) ở dòng tiêu đề {row} (dòng này có {seen}); hãy "
            "chỉ định cột bằng --map 'TIÊU ĐỀ={column}'",
            column=REQUIRED[0],
            row=missing.given,
            seen=seen,
        )
    return t(
        "has no column for the procedure {column} (looked for {wanted} in the first {rows} "
        "rows; the most header-like row has {seen}; name it with --map or point at it with "
        "--header-row)",
        "không có cột tên thủ tục ({column}) (đã tìm {wanted} trong {rows} dòng đầu; dòng giống "
        "dòng tiêu đề nhất có {seen}; hãy chỉ định cột bằng --map hoặc chỉ ra dòng tiêu đề bằng "
        "--header-row)",
        column=REQUIRED[0],
        wanted=wanted,
        rows=HEADER_SCAN_ROWS,
        seen=seen,
    )


def _other_without_name(missing: NoHeader, grid: Grid) -> OtherTable | None:
    """What a sheet with no name column looks like instead of a catalogue, if anything: read
    from the row most like a header and the rows under it."""
    texts, _ = grid.head(HEADER_SCAN_ROWS)
    row = next((p for p, labels in enumerate(texts) if labels == missing.closest), None)
    return None if row is None else without_name(grid.cells, missing.closest, row, texts[:row])
