"""The fix-list: the worklist an official acts on, one row per finding, as .xlsx or .csv.

The workbook adds a second sheet with the offending source rows, their bad cells
highlighted and the findings as cell comments, so nobody has to open the catalogue
beside it to see what is wrong.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, TypeVar

import numpy as np
import pandas as pd
from openpyxl.styles import PatternFill

from procaudit.catalogue.columns import ROW
from procaudit.core.atomic import write_atomically
from procaudit.core.errors import ProcauditError, UsageError
from procaudit.core.findings import AuditResult, Finding, Severity
from procaudit.core.i18n import language, t
from procaudit.engine.inspection import column_label
from procaudit.io.read import Catalogue, PerFile, Table, options_for, read_catalogue
from procaudit.report.sheet_xml import Entry, Note
from procaudit.report.workbook import (
    Sheet,
    Value,
    filtered_table,
    heading_row,
    neutralise,
    new_workbook,
    row_values,
    set_column_widths,
    set_widths,
    styled,
    workbook_bytes,
)

HEADINGS = (
    "Tệp / File",
    "Trang tính / Sheet",
    "Ô / Cell",
    "Dòng / Row",
    "Mã TTHC / Code",
    "Tên thủ tục / Procedure",
    "Quy tắc / Rule",
    "Mức độ / Severity",
    "Nội dung / Message",
    "Giá trị hiện tại / Current value",
    "Cách sửa / Suggested fix",
    "Người xử lý / Assignee",
    "Trạng thái / Status",
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
ROWS_LEAD = ("Tệp / File", "Trang tính / Sheet", "Dòng / Row")
# With --lang vi the fix-list speaks Vietnamese alone; the English one keeps the Vietnamese
# beside the English, for the officials it is passed on to.
HEADINGS_VI = (
    "Tệp",
    "Trang tính",
    "Ô",
    "Dòng",
    "Mã TTHC",
    "Tên thủ tục",
    "Quy tắc",
    "Mức độ",
    "Nội dung",
    "Giá trị hiện tại",
    "Cách sửa",
    "Người xử lý",
    "Trạng thái",
)
FINDINGS_SHEET_VI = "Danh sách cần sửa"
ROWS_SHEET_VI = "Các dòng có lỗi"
ROWS_LEAD_VI = ("Tệp", "Trang tính", "Dòng")
SUFFIXES = (".xlsx", ".csv")

SEVERITY_FILLS = {
    Severity.ERROR: PatternFill("solid", fgColor="F4CCCC"),
    Severity.WARNING: PatternFill("solid", fgColor="FFE599"),
    Severity.INFO: PatternFill("solid", fgColor="CFE2F3"),
}
OFFENDING_FILL = PatternFill("solid", fgColor="FFC7CE")


Cells = dict[str, str]  # a catalogue row's cells as text, by canonical column ("" if empty)
T = TypeVar("T")


@dataclass
class _Source:
    """One re-read input file: the rows findings point at, with their table and cells."""

    rows: dict[tuple[str | None, int], tuple[Table, Cells]] = field(default_factory=dict)

    def locate(self, finding: Finding) -> tuple[Table, Cells] | None:
        if finding.row is None:
            return None
        return self.rows.get((finding.sheet, finding.row))


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


def _rows_lead() -> tuple[str, ...]:
    return ROWS_LEAD_VI if language() == "vi" else ROWS_LEAD


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
    sources = _sources(findings, read_options, read or {})
    statuses = _statuses(result)
    if suffix == ".csv":
        write_atomically(path, lambda handle: _write_csv(handle, findings, sources, statuses))
    else:
        data = _xlsx_bytes(findings, sources, statuses)
        write_atomically(path, lambda handle: handle.write(data))


# --- reading the sources back -------------------------------------------------------------


def _sources(
    findings: list[Finding], read_options: PerFile, read: Mapping[str, Catalogue]
) -> dict[str, _Source]:
    """Each file's flagged rows, from its catalogue as the audit read it or else read again
    once; a file that cannot be read any more just gives no names."""
    wanted: dict[str, set[tuple[str | None, int]]] = {f.file: set() for f in findings}
    for finding in findings:
        if finding.row is not None:
            wanted[finding.file].add((finding.sheet, finding.row))
    sources: dict[str, _Source] = {}
    for file, rows in wanted.items():
        sources[file] = source = _Source()
        catalogue = read.get(file)
        if catalogue is None:
            try:
                catalogue = read_catalogue(file, options_for(read_options, file))
            except ProcauditError:
                continue
        # Procedure tables win over dossier-component sheets for the same (sheet, row).
        for table in (*catalogue.components, *catalogue.tables):
            numbers = [row for sheet, row in rows if sheet == table.sheet]
            source.rows.update(_rows_of(table, numbers))
    return sources


def _rows_of(table: Table, numbers: list[int]) -> dict[tuple[str | None, int], tuple[Table, Cells]]:
    """The table's rows of these numbers (those it has), looked up and turned into text
    column by column: a catalogue may have a million rows and the fix-list 85,000."""
    frame = table.frame
    rows = pd.Index(frame[ROW])
    last = ~rows.duplicated(keep="last")  # a number seen twice: its last row, as a dict would
    found = rows[last].get_indexer(numbers)
    numbers = [number for number, at in zip(numbers, found, strict=True) if at >= 0]
    chosen = frame.iloc[np.flatnonzero(last)[found[found >= 0]]]
    texts: dict[str, list[str]] = {
        column: chosen[column].astype("str").fillna("").tolist() for column in frame.columns
    }
    cells = [dict(zip(texts, values, strict=True)) for values in zip(*texts.values(), strict=True)]
    return {(table.sheet, number): (table, row) for number, row in zip(numbers, cells, strict=True)}


def cell_reference(finding: Finding, table: Table | None) -> str:
    """'C17' for a cell; '17' when the column is not known; '' for a file-level finding."""
    if finding.row is None:
        return ""
    columns = table.header_map.columns if table is not None else {}
    if finding.column is None or finding.column not in columns:
        return str(finding.row)
    return f"{column_label(columns[finding.column], workbook=True)}{finding.row}"


def _record(
    finding: Finding, source: _Source, labels: dict[Severity, str], status: str | None = None
) -> list[Value]:
    """The fix-list row of one finding, in HEADINGS order (`labels`: the severities' words,
    picked once per fix-list), with its baseline `status` when the run has a baseline."""
    table, cells = source.locate(finding) or (None, {})
    value = finding.value
    if finding.examples:  # a column finding: the first values that fail
        value = "; ".join(finding.examples)
    elif value is None and finding.column:
        value = cells.get(finding.column, "")
    record: list[Value] = [
        finding.file,
        finding.sheet or "",
        cell_reference(finding, table),
        finding.row,
        finding.code or "",
        cells.get("name", ""),
        finding.rule,
        labels[finding.severity],
        finding.message,
        value or "",
        finding.fix,
        "",
        "",
    ]
    return record if status is None else list(_with_baseline(tuple(record), status))


# --- writing --------------------------------------------------------------------------------


def _write_csv(
    stream: BinaryIO,
    findings: list[Finding],
    sources: dict[str, _Source],
    statuses: dict[Finding, str] | None = None,
) -> None:
    # utf-8-sig: Excel opens a CSV with a BOM as UTF-8, not in the ANSI code page.
    text = io.TextIOWrapper(stream, encoding="utf-8-sig", newline="")
    writer = csv.writer(text)
    writer.writerow(headings(statuses is not None))
    labels = {severity: severity.label for severity in Severity}
    for finding in findings:
        status = None if statuses is None else statuses[finding]
        record = _record(finding, sources[finding.file], labels, status)
        writer.writerow([neutralise(cell) if isinstance(cell, str) else cell for cell in record])
    text.flush()
    text.detach()


def _xlsx_bytes(
    findings: list[Finding], sources: dict[str, _Source], statuses: dict[Finding, str] | None
) -> bytes:
    workbook, sheet = new_workbook(t(FINDINGS_SHEET, FINDINGS_SHEET_VI))
    _findings_sheet(sheet, findings, sources, statuses)
    _rows_sheet(workbook.create_sheet(t(ROWS_SHEET, ROWS_SHEET_VI)), findings, sources)
    return workbook_bytes(workbook)


def _findings_sheet(
    sheet: Sheet,
    findings: list[Finding],
    sources: dict[str, _Source],
    statuses: dict[Finding, str] | None,
) -> None:
    titles = headings(statuses is not None)
    set_column_widths(sheet, WIDTHS if statuses is None else _with_baseline(WIDTHS, BASELINE_WIDTH))
    filtered_table(sheet, len(titles), len(findings))
    heading_row(sheet, titles)
    labels = {severity: severity.label for severity in Severity}
    for finding in findings:
        status = None if statuses is None else statuses[finding]
        record = _record(finding, sources[finding.file], labels, status)
        row = row_values(record)
        row[SEVERITY_COLUMN] = styled(
            sheet, record[SEVERITY_COLUMN], fill=SEVERITY_FILLS[finding.severity]
        )
        sheet.append(row)


def _rows_sheet(sheet: Sheet, findings: list[Finding], sources: dict[str, _Source]) -> None:
    """The offending source rows, grouped under each source table's own header."""
    by_row: dict[tuple[str, str | None, int | None], list[Finding]] = {}
    located: dict[tuple[str, str | None, int | None], tuple[Table, Cells]] = {}
    for finding in findings:
        hit = sources[finding.file].locate(finding)
        if hit is not None:
            key = (finding.file, finding.sheet, finding.row)
            by_row.setdefault(key, []).append(finding)
            located[key] = hit
    # A write-only sheet writes its widths before its rows: the rows are laid out first.
    lines: list[tuple[list[Value], list[Finding] | None, list[str]]] = []
    current: tuple[str, int] | None = None
    longest: dict[int, int] = {}  # characters of each column's longest text
    layouts: dict[int, tuple[list[tuple[str, str]], list[str]]] = {}  # by id of the table
    for key, found in by_row.items():
        table, cells = located[key]
        if id(table) not in layouts:
            columns = _source_columns(table)
            layouts[id(table)] = columns, [column for column, _ in columns]
        columns, names = layouts[id(table)]
        if current != (key[0], id(table)):
            # A new source table: blank line, then its header (tables differ in columns).
            if lines:
                lines.append(([], None, []))
            lines.append(([*_rows_lead(), *(label for _, label in columns)], None, []))
            current = (key[0], id(table))
        values: list[Value] = [key[0], key[1] or "", found[0].row]
        values += [cells.get(column, "") for column in names]
        for column, value in enumerate(values, start=1):
            longest[column] = max(longest.get(column, 0), len(str(value)))
        lines.append((values, found, names))
    set_widths(sheet, longest)
    if lines:
        # The first table's header stays in view and filters every row below it (a later
        # table's header is then a row like the others); file, sheet and row stay in view.
        filtered_table(sheet, max(longest), len(lines) - 1)
        sheet.freeze("D2")
    for values, marks, names in lines:
        if marks is not None:
            sheet.append(_marked(sheet, values, marks, names))
        elif values:
            heading_row(sheet, [str(value) for value in values])
        else:
            sheet.append([])


def _source_columns(table: Table) -> list[tuple[str, str]]:
    """(canonical column, source header) of the table's columns, in source order."""
    labels = table.account.labels if table.account is not None else ()
    by_canonical = table.header_map.headers
    ordered = sorted(table.header_map.columns.items(), key=lambda item: item[1])
    return [
        (
            column,
            (labels[position] if position < len(labels) else "")
            or by_canonical.get(column, column),
        )
        for column, position in ordered
    ]


def _marked(
    sheet: Sheet, values: list[Value], found: list[Finding], columns: list[str]
) -> list[Entry]:
    """The row with each offending cell highlighted and commented; row-level findings go on
    the row number."""
    notes: dict[int, list[str]] = {}
    lead = len(ROWS_LEAD)
    for finding in found:
        at = lead + columns.index(finding.column) if finding.column in columns else lead - 1
        notes.setdefault(at, []).append(f"{finding.rule}: {finding.message}")
    row = row_values(values)
    for at, lines in notes.items():
        note = Note("\n".join(lines), "procaudit", 320, 40 + 20 * len(lines))
        row[at] = styled(sheet, values[at], fill=OFFENDING_FILL, note=note)
    return row
