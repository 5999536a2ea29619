"""The fix-list: the worklist an official acts on, one row per finding, as .xlsx or .csv.

The workbook adds a second sheet with the offending source rows, their bad cells
highlighted and the findings as cell comments, so nobody has to open the catalogue
beside it to see what is wrong.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import BinaryIO, TypeVar

import numpy as np
import pyarrow as pa
from openpyxl.styles import PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from procaudit.core.atomic import write_atomically
from procaudit.core.errors import UsageError
from procaudit.core.findings import AuditResult, Finding, Severity
from procaudit.core.i18n import language, t
from procaudit.io.read import Catalogue, PerFile
from procaudit.report.fixlist_headings import HEADINGS, HEADINGS_VI
from procaudit.report.fixlist_rows import ROWS_LEAD, ROWS_LEAD_VI, rows_sheet
from procaudit.report.fixlist_sources import (
    FindingColumns,
    Flagged,
    letters,
    locate,
    on_hidden_rows,
)
from procaudit.report.sheet_columns import Cells, rows_xml, text_array
from procaudit.report.workbook import (
    Sheet,
    Value,
    filtered_table,
    heading_row,
    neutralise,
    new_workbook,
    set_column_widths,
    workbook_bytes,
)

WIDTHS = (24, 18, 8, 8, 16, 40, 10, 10, 60, 30, 50, 20, 14)
SEVERITY_COLUMN = HEADINGS.index("Mức độ / Severity")
ROW_COLUMN = HEADINGS.index("Dòng / Row")
# With --baseline, a column after the severity says whether each finding is new or was
# already there: the gate fails on new findings, so those are the ones to see first.
BASELINE_COLUMN = SEVERITY_COLUMN + 1
BASELINE_HEADING, BASELINE_HEADING_VI, BASELINE_WIDTH = "So với mốc / Baseline", "So với mốc", 14
FINDINGS_SHEET = "Danh sách sửa - Fix list"  # "/" is not allowed in sheet names
ROWS_SHEET = "Dòng lỗi - Offending rows"
FINDINGS_SHEET_VI = "Danh sách cần sửa"
ROWS_SHEET_VI = "Các dòng có lỗi"
SUFFIXES = (".xlsx", ".csv")

SEVERITY_FILLS = {
    Severity.ERROR: PatternFill("solid", fgColor="F4CCCC"),
    Severity.WARNING: PatternFill("solid", fgColor="FFE599"),
    Severity.INFO: PatternFill("solid", fgColor="CFE2F3"),
}
__all__ = ["HEADINGS", "HEADINGS_VI", "ROWS_LEAD", "ROWS_LEAD_VI"]  # the headings, kept here too

T = TypeVar("T")


def headings(baseline: bool = False) -> tuple[str, ...]:
    """The column headings of the findings, in the language procaudit speaks; `baseline`:
    with the new-or-still-present column."""
    vietnamese = language() == "vi"
    chosen = HEADINGS_VI if vietnamese else HEADINGS
    if baseline:
        return _with_baseline(chosen, BASELINE_HEADING_VI if vietnamese else BASELINE_HEADING)
    return chosen


def _with_baseline(values: tuple[T, ...], status: T) -> tuple[T, ...]:
    return (*values[:BASELINE_COLUMN], status, *values[BASELINE_COLUMN:])


def _statuses(result: AuditResult) -> dict[Finding, str] | None:
    """Each finding's word for new or still present, None without a baseline."""
    split = result.baseline
    if split is None:
        return None
    words = {"new": t("new", "mới"), "still": t("still present", "vẫn còn")}
    return {finding: words[split.status(finding)] for finding in result.findings}


def check_fix_list_path(path: Path) -> None:
    """Raise UsageError for a path the fix-list cannot be written to, before any audit."""
    if path.suffix.lower() not in SUFFIXES:
        raise UsageError(
            t(
                "--fix-list {path}: must end in .xlsx or .csv, not '{suffix}'",
                "--fix-list {path}: tên tệp phải có đuôi .xlsx hoặc .csv, không phải '{suffix}'",
                path=path,
                suffix=path.suffix or t("no suffix", "không có đuôi"),
            )
        )


def write_fix_list(
    result: AuditResult,
    path: Path,
    read_options: PerFile = None,
    read: Mapping[str, Catalogue] | None = None,
) -> None:
    """Write the findings of `result` as a fix-list at `path` (.xlsx or .csv, by suffix).
    The flagged rows are copied from `read` (the catalogues the audit read, by path); a file
    not there is read again with `read_options`, the run's overrides, as it was audited."""
    path = Path(path)
    check_fix_list_path(path)
    suffix = path.suffix.lower()
    findings = sorted(result.findings, key=Finding.sort_key)
    columns = FindingColumns(findings)
    flagged = locate(columns, read_options, read or {})
    statuses = _statuses(result)
    status = None if statuses is None else [statuses[finding] for finding in findings]
    if suffix == ".csv":
        write_atomically(path, lambda handle: _write_csv(handle, columns, flagged, status))
    else:
        data = _xlsx_bytes(columns, flagged, status)
        write_atomically(path, lambda handle: handle.write(data))


# --- the findings as columns ------------------------------------------------------------------


def _records(
    columns: FindingColumns, flagged: Flagged, status: list[str] | None
) -> list[Sequence[Value]]:
    """The fix-list's columns, in HEADINGS order, one entry per finding; with a baseline,
    each finding's `status` after its severity."""
    count = len(columns.file)
    names = np.full(count, "", object)
    references = np.array(["" if row is None else str(row) for row in columns.row], object)
    looked_up = np.full(count, "", object)  # the value of a finding's cell, where it has none
    wants = np.array(
        [
            not examples and value is None and bool(column)
            for examples, value, column in zip(
                columns.examples, columns.value, columns.column, strict=True
            )
        ],
        bool,
    )
    for (table, column), at in flagged.groups(columns.column).items():
        names[at] = flagged.cell_texts("name", at, table)
        letter = letters(flagged.tables[table], column)
        if letter is not None:
            references[at] = [letter + str(row) for row in columns.rows[at]]
        if column:
            asked = at[wants[at]]
            looked_up[asked] = flagged.cell_texts(column, asked, table)
    values = [
        "; ".join(examples) if examples else (looked_up[i] if wants[i] else value) or ""
        for i, (examples, value) in enumerate(zip(columns.examples, columns.value, strict=True))
    ]
    hidden = on_hidden_rows(columns)
    unhide = t(
        "The row is hidden in the workbook: unhide it to see it.",
        "Dòng này đang bị ẩn trong tệp: hãy bỏ ẩn để thấy.",
    )
    messages = [
        f"{message} {unhide}" if shut else message
        for message, shut in zip(columns.message, hidden, strict=True)
    ]
    labels = {severity: severity.label for severity in Severity}
    records: list[Sequence[Value]] = [
        columns.file,
        [sheet or "" for sheet in columns.sheet],
        list(references),
        columns.row,
        [code or "" for code in columns.code],
        list(names),
        columns.rule,
        [labels[severity] for severity in columns.severity],
        messages,
        values,
        columns.fix,
        [""] * count,
        [""] * count,
    ]
    return records if status is None else list(_with_baseline(tuple(records), status))


# --- writing --------------------------------------------------------------------------------


def _write_csv(
    stream: BinaryIO, columns: FindingColumns, flagged: Flagged, status: list[str] | None
) -> None:
    # utf-8-sig: Excel opens a CSV with a BOM as UTF-8, not in the ANSI code page.
    text = io.TextIOWrapper(stream, encoding="utf-8-sig", newline="")
    writer = csv.writer(text)
    writer.writerow(headings(status is not None))
    records = [
        [neutralise(cell) if isinstance(cell, str) else cell for cell in column]
        for column in _records(columns, flagged, status)
    ]
    writer.writerows(zip(*records, strict=True))
    text.flush()
    text.detach()


def _xlsx_bytes(columns: FindingColumns, flagged: Flagged, status: list[str] | None) -> bytes:
    workbook, sheet = new_workbook(t(FINDINGS_SHEET, FINDINGS_SHEET_VI))
    _findings_sheet(sheet, columns, flagged, status)
    rows_sheet(workbook.create_sheet(t(ROWS_SHEET, ROWS_SHEET_VI)), columns, flagged)
    return workbook_bytes(workbook)


def _findings_sheet(
    sheet: Sheet, columns: FindingColumns, flagged: Flagged, status: list[str] | None
) -> None:
    titles = headings(status is not None)
    set_column_widths(sheet, WIDTHS if status is None else _with_baseline(WIDTHS, BASELINE_WIDTH))
    filtered_table(sheet, len(titles), len(columns.file))
    heading_row(sheet, titles)
    _status_choices(sheet, len(titles), len(columns.file))
    # openpyxl numbers the styles in the order first used: the severities as they come.
    styles = {
        severity: sheet.book.style(None, SEVERITY_FILLS[severity], None)
        for severity in dict.fromkeys(columns.severity)
    }
    cells = []
    for position, values in enumerate(_records(columns, flagged, status)):
        if position == ROW_COLUMN:
            cells.append(Cells(pa.array(values, pa.int64())))
        elif position == SEVERITY_COLUMN:
            style = pa.array([styles[severity] for severity in columns.severity], pa.int64())
            cells.append(Cells(text_array(values), style))  # type: ignore[arg-type]
        else:
            cells.append(Cells(text_array(values)))  # type: ignore[arg-type]
    sheet.rows.extend(rows_xml(sheet.rows.count + 1, cells), len(columns.file))


# The worklist's states, offered in the Status column's drop-down: the officials filter on
# them. Any other text may still be typed (no error), a unit's own words included.
STATUS_CHOICES = (
    "Chưa sửa / To do",
    "Đang sửa / In progress",
    "Đã sửa / Fixed",
    "Không sửa / Won't fix",
)
STATUS_CHOICES_VI = ("Chưa sửa", "Đang sửa", "Đã sửa", "Không sửa")


def _status_choices(sheet: Sheet, column: int, rows: int) -> None:
    """A drop-down of `STATUS_CHOICES` in the Status column (the last) of the `rows` rows."""
    if not rows:
        return
    choices = STATUS_CHOICES_VI if language() == "vi" else STATUS_CHOICES
    drop_down = DataValidation(
        type="list", formula1=f'"{",".join(choices)}"', allow_blank=True, showErrorMessage=False
    )
    letter = get_column_letter(column)
    drop_down.add(f"{letter}2:{letter}{rows + 1}")
    sheet.layout.data_validations.append(drop_down)  # a write-only sheet has no add_…
