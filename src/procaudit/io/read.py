"""Read a catalogue file: check it can be read, tell CSV text from a workbook by its bytes,
and hand it to the reader of one grid (`io.table_read`) or of a workbook's sheets
(`io.workbook_read`). The names the other layers import from here are kept here."""

from __future__ import annotations

import stat
from pathlib import Path

from procaudit.core.errors import InputError
from procaudit.core.i18n import t
from procaudit.core.paths import missing, reported_path, status_of
from procaudit.io.by_content import reader_of, sheet_kind
from procaudit.io.csv_reader import read_csv_grid
from procaudit.io.csv_sniff import CSV_SUFFIXES
from procaudit.io.encoding import TWICE_ENCODED, twice_encoded_note
from procaudit.io.file_kind import MARKUP_SUFFIXES
from procaudit.io.grid import Grid
from procaudit.io.limits import check_cell_lengths, check_file_size
from procaudit.io.read_options import PerFile as PerFile
from procaudit.io.read_options import ReadOptions as ReadOptions
from procaudit.io.read_options import options_for as options_for
from procaudit.io.read_options import run_limits as run_limits
from procaudit.io.read_result import Catalogue as Catalogue
from procaudit.io.read_result import with_procedures as with_procedures
from procaudit.io.table import Table as Table  # read's own, as it always was
from procaudit.io.table_read import FROM_TITLE as FROM_TITLE
from procaudit.io.table_read import tables_of
from procaudit.io.value_notes import value_notes
from procaudit.io.workbook_read import HOLDS_COMPONENTS as HOLDS_COMPONENTS
from procaudit.io.workbook_read import read_workbook

WORKBOOK_SUFFIXES = frozenset({".xlsx", ".xlsm", ".xls", ".xlsb", ".ods"})


def read_catalogue(
    path_text: str, options: ReadOptions | None = None, name_keys_ahead: bool = False
) -> Catalogue:
    """The file's catalogue. `name_keys_ahead`: the run's rules read the names' comparison
    keys; a large table's are started as soon as its header is found (`io.name_keys_ahead`)."""
    options = options or ReadOptions()
    path = Path(path_text)
    path_text = reported_path(path_text)  # the name in messages and findings; `path` is opened
    # One stat answers all of these (a folder of 2,000 small files asked each of them).
    status, reason = status_of(path)
    if reason:  # in a folder the user may not enter
        raise InputError(
            path_text, t("cannot be read ({reason})", "không đọc được ({reason})", reason=reason)
        )
    if status is None:
        raise InputError(path_text, missing(path))
    if stat.S_ISDIR(status.st_mode):
        raise InputError(
            path_text,
            t("is a directory, not a catalogue file", "là thư mục, không phải tệp danh mục"),
        )
    if not stat.S_ISREG(status.st_mode):  # opening a pipe would wait for a writer forever
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
    check_file_size(path, options.limits, status.st_size)
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
    return read_workbook(path_text, path, kind, reader, options, name_keys_ahead)


def _csv(path_text: str, path: Path, options: ReadOptions, name_keys_ahead: bool) -> Catalogue:
    grid, dialect = read_csv_grid(path, options.limits.max_cells)
    check_cell_lengths(path_text, grid, options.limits)
    tables = tables_of(path_text, grid, options, name_keys_ahead)
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
    tables = tables_of(name, grid, options)
    return Catalogue(name, "frame", tables, notes=value_notes(tables))
