"""Floods over a workbook's sheets: a column that fails everywhere says so once per file.

`procaudit.engine.floods` collapses a flood within one table. A workbook kept as a sheet per
field or per level splits the same column over many tables of a few rows each: local codes
in all 25 sheets of a list per field were 380 row findings, since no sheet had the 20 rows a
flood needs. So once each table is collapsed, the row findings left are looked at across
the file's tables with the same thresholds: a rule failing, at one severity, on `SHARE` of
the non-empty values of a column over every table that holds it (tables that flooded on
their own left out) becomes one finding that names its sheets and their rows. One value
failing over several sheets is `engine.value_floods`' (`value_finding_over_sheets`).

The findings of tables held as rows (`engine.lists_over_sheets.ListFindings`: a list over
sheets, or a workbook's tables side by side) are then flooded table by table, and a column
flooding so in several tables is one finding too: a one-stop export kept as a sheet per unit
gave its column of local codes one finding per sheet, 16 errors saying the same thing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from procaudit.catalogue.columns import ROW
from procaudit.core.findings import Finding, Severity
from procaudit.core.i18n import t
from procaudit.engine.floods import (
    MIN_ROWS,
    SHARE,
    VALUE,
    FloodRows,
    cell_state,
    column_finding,
    flood_examples,
    not_flooded,
    value_finding,
)
from procaudit.io import Table

_SHOWN_SHEETS = 3  # sheets whose rows a finding over several sheets names

# (rule, column, severity, `floods.cell_state`): the findings that collapse together.
_Key = tuple[str, str, Severity, int]


def collapse_across_tables(
    findings: list[Finding], tables: Sequence[Table], held: bool = False
) -> list[Finding]:
    """The findings of a file's tables (each collapsed on its own, or `held` as row findings)
    with each column flood over several tables made one finding."""
    if len(tables) < 2:
        return findings
    rows = [finding for finding in findings if finding.row is not None and finding.column]
    floods = _column_floods(rows, findings, tables)
    kept = not_flooded(findings, [found for found, _, _ in floods.values()]) if floods else findings
    kept.extend(
        column_finding_over_sheets(found, whole, cells) for found, whole, cells in floods.values()
    )
    return _table_floods(kept, tables) if held else kept


def _table_floods(findings: list[Finding], tables: Sequence[Table]) -> list[Finding]:
    """The row findings of held tables with each table's column floods made one finding, a
    column flooding in several tables one finding over their sheets."""
    where = {
        (table.sheet, int(row)): at
        for at, table in enumerate(tables)
        for row in table.frame[ROW].tolist()
    }
    groups: dict[_Key, dict[int, list[Finding]]] = {}
    for finding in findings:
        if finding.row is None or not finding.column:
            continue
        at = where.get((finding.sheet, finding.row))
        if at is None or finding.column not in tables[at].frame:
            continue
        key = (finding.rule, finding.column, finding.severity, cell_state(finding.value))
        groups.setdefault(key, {}).setdefault(at, []).append(finding)
    merged: list[tuple[list[Finding], int, bool]] = []
    for key, by_table in groups.items():
        flooded = [at for at, found in by_table.items() if _floods(key, found, tables[at])]
        if not flooded:
            continue
        column = key[1]
        found = [finding for at in sorted(flooded) for finding in by_table[at]]
        whole = sum(_cells(key, tables[at]) for at in flooded)
        merged.append((found, whole, any(column in tables[at].from_merged for at in flooded)))
    if not merged:
        return findings
    kept = not_flooded(findings, [found for found, _, _ in merged])
    kept.extend(column_finding_over_sheets(found, whole, cells) for found, whole, cells in merged)
    return kept


def _cells(key: _Key, table: Table) -> int:
    """The cells of a table's column a flood is counted over: its rows for empty cells, else
    its values; a cell merged down over rows is one."""
    column = key[1]
    counted = len(table.frame) if key[3] != VALUE else int(table.frame[column].count())
    return counted - table.from_merged.get(column, 0)


def _floods(key: _Key, found: list[Finding], table: Table) -> bool:
    return len(found) >= MIN_ROWS and len(found) >= SHARE * _cells(key, table)


def _column_floods(
    rows: list[Finding], findings: list[Finding], tables: Sequence[Table]
) -> dict[_Key, tuple[list[Finding], int, bool]]:
    """The groups of row findings that fail nearly every value of a column over the tables,
    each with the column's values (its rows, for empty cells) in those tables."""
    groups: dict[_Key, list[Finding]] = {}
    for finding in rows:
        key = (finding.rule, str(finding.column), finding.severity, cell_state(finding.value))
        groups.setdefault(key, []).append(finding)
    # A table that flooded on its own said so already: its values are not counted again.
    alone = {
        (finding.rule, finding.column, finding.severity, finding.sheet)
        for finding in findings
        if finding.row is None and finding.rows is not None and finding.value is None
    }
    floods: dict[_Key, tuple[list[Finding], int, bool]] = {}
    for key, found in groups.items():
        if len(found) < MIN_ROWS:
            continue
        rule, column, severity, state = key
        counted = [
            table
            for table in tables
            if column in table.frame and (rule, column, severity, table.sheet) not in alone
        ]
        # A column's cells: a cell merged down over rows is one (`engine.merged_hits`).
        whole = sum(
            (len(table.frame) if state != VALUE else int(table.frame[column].count()))
            - table.from_merged.get(column, 0)
            for table in counted
        )
        if len(found) >= SHARE * whole:
            cells = any(column in table.from_merged for table in counted)
            floods[key] = (found, whole, cells)
    return floods


@dataclass(frozen=True)
class SheetRows:
    """The rows of a flood over several sheets: each sheet's, in the order of the file."""

    sheets: tuple[tuple[str, FloodRows], ...]

    @property
    def count(self) -> int:
        return sum(rows.count for _, rows in self.sheets)

    def said(self, on_line: bool = False) -> str:
        """ "sheet 'A' rows 2-14; sheet 'B' rows 2-9 and 23 more sheets" (a sheet's rows are
        never lines: `on_line` is for `floods.Said`)."""
        shown = "; ".join(
            t(
                "sheet '{sheet}' {rows}",
                "trang tính '{sheet}' {rows}",
                sheet=sheet,
                rows=rows.said(),
            )
            for sheet, rows in self.sheets[:_SHOWN_SHEETS]
        )
        more = len(self.sheets) - _SHOWN_SHEETS
        if more <= 0:
            return shown
        return t(
            "{shown} and {more} more sheets",
            "{shown} và {more} trang tính khác",
            shown=shown,
            more=more,
        )


def _by_sheet(found: list[Finding]) -> dict[str | None, FloodRows]:
    """Each sheet's rows of the flood, in the order the findings come (the file's)."""
    rows: dict[str | None, list[int]] = {}
    for finding in found:
        rows.setdefault(finding.sheet, []).append(finding.row or 0)
    return {sheet: FloodRows.of(some) for sheet, some in rows.items()}


def _first(found: list[Finding]) -> Finding:
    """The finding of the flood's first row in its first sheet."""
    sheet = found[0].sheet
    return min((finding for finding in found if finding.sheet == sheet), key=_row)


def _row(finding: Finding) -> int:
    return finding.row or 0


def rows_by_sheet(found: list[Finding]) -> tuple[FloodRows | SheetRows, Finding]:
    """The rows of the row findings `found` (of one sheet's, or each sheet's of several),
    and the finding of their first row."""
    sheets = _by_sheet(found)
    first = _first(found)
    if len(sheets) == 1:  # two tables of one sheet (or of a CSV file)
        return next(iter(sheets.values())), first
    return _sheet_rows(sheets), first


def value_finding_over_sheets(found: list[Finding]) -> Finding:
    """The finding for one value failing one rule the same way on the row findings `found`
    (of one sheet, or of several: it then names each sheet's rows)."""
    sheets = _by_sheet(found)
    first = _first(found)
    if len(sheets) == 1:  # two tables of one sheet (or of a CSV file)
        return value_finding(first, next(iter(sheets.values())))
    return value_finding(first, _sheet_rows(sheets))._replace(sheet=None)


def column_finding_over_sheets(found: list[Finding], whole: int, cells: bool) -> Finding:
    """The finding for a rule failing on nearly every cell of a column: the row findings
    `found` (of one sheet, or of several: it then names each sheet's rows), of `whole`
    cells; `cells`: some are merged down over rows."""
    sheets = _by_sheet(found)
    first = _first(found)
    header = first.header or str(first.column)
    examples = flood_examples(found)
    if len(sheets) == 1:
        alone = next(iter(sheets.values()))
        return column_finding(first, alone, whole, header, examples, cells=cells)
    first_said = t(
        "Sheet '{sheet}' row {row}",
        "Trang tính '{sheet}' dòng {row}",
        sheet=first.sheet,
        row=first.row,
    )
    rows = _sheet_rows(sheets)
    flood = column_finding(first, rows, whole, header, examples, first_said, cells)
    return flood._replace(sheet=None)


def _sheet_rows(sheets: dict[str | None, FloodRows]) -> SheetRows:
    return SheetRows(tuple((str(sheet), rows) for sheet, rows in sheets.items()))
