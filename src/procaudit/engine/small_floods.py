"""A short column that fails everywhere for a cause of its own says so once.

A commune's list of 12 procedures whose forms column is empty gave 12 "lists no application
form", and its column of local codes 12 "not a national code": the floods of
`engine.floods` (and `engine.sheet_floods` over a workbook's sheets) wait for `MIN_ROWS`
rows, since a rule failing on nearly every value of a short column may be that many
defects of their own. But where every cell of the column fails (not nearly every one) and
the column's cause explains each of them alone (it is empty, its cells show Excel errors,
its values are all local codes, ids, codes kept as numbers, codes written with a label
("Mã số TTHC: 1.000178") or links, codes or good dates behind an apostrophe, its dates all
show Excel's day numbers, it was typed in a legacy font, each of its cells has the same
stray whitespace (a Word table pasted into Excel): `floods.column_cause`), the official has
one thing to do, and one finding says it. From `SMALL_ROWS` rows: first over the file's
tables together (a sheet per field), else sheet by sheet. `check --every-row` keeps the row
findings.
"""

from __future__ import annotations

from collections.abc import Sequence

from procaudit.core.findings import Finding, Severity
from procaudit.engine.code_floods import code_column_kind
from procaudit.engine.flood_shapes import DAY_NUMBER
from procaudit.engine.floods import (
    EMPTY,
    VALUE,
    cell_state,
    not_flooded,
)
from procaudit.engine.sheet_floods import column_finding_over_sheets
from procaudit.io import Table
from procaudit.io.grid import EXCEL_ERRORS

# Fewer rows are listed one by one: their findings fit the first page anyway.
SMALL_ROWS = 5
# The rules whose findings on empty cells say the column is empty (`floods._empty_column`).
_EMPTY_COLUMN_RULES = frozenset({"PA102", "PA103", "PA301", "PA401"})
_INVALID_CODE = "PA101"
_LEGACY_FONT = "PA601"  # a column typed in TCVN3 or VNI: one conversion mends every cell
# Stray whitespace: a column whose every cell has the same (each cell of a Word table pasted
# into Excel ends with a line break) was made so at once, and one repair mends it.
_WHITESPACE = "PA603"
# Decision dates: good dates behind the apostrophe Excel hides (PA403's warnings: an export
# wrote out the mark on every cell at once), or dates that lost their format, each showing
# Excel's day number (errors): one repair mends the column.
_DATES = "PA403"
_VALUE_CAUSES = frozenset({_INVALID_CODE, _LEGACY_FONT, _WHITESPACE, _DATES})
# A legacy column's share of cells that must fail: a short word typed in TCVN3 can read as
# Unicode ("Thó y" for "Thú y"), and passes, in a column the font explains all the same.
_LEGACY_SHARE = 0.9
_OWN_CAUSES = _EMPTY_COLUMN_RULES | _VALUE_CAUSES

# (rule, column, severity, `floods.cell_state`): the findings that collapse together.
_Key = tuple[str, str, Severity, int]


def collapse_small_columns(findings: list[Finding], tables: Sequence[Table]) -> list[Finding]:
    """A file's findings (after the larger floods) with each short column that fails on
    every cell, for its own cause, made one finding."""
    groups: dict[_Key, list[Finding]] = {}
    for finding in findings:
        if finding.row is None or not finding.column:
            continue
        if finding.rule not in _OWN_CAUSES and finding.value not in EXCEL_ERRORS:
            continue  # the rest of a million rows' findings, passed over cheaply
        state = cell_state(finding.value)
        if state == EMPTY and finding.rule in _VALUE_CAUSES:
            continue
        if state == VALUE and finding.rule not in _VALUE_CAUSES:
            continue
        key = (finding.rule, finding.column, finding.severity, state)
        groups.setdefault(key, []).append(finding)
    candidates = [
        (key, found)
        for key, found in groups.items()
        if len(found) >= SMALL_ROWS and _one_cause(key, found)
    ]
    if not candidates:
        return findings
    # A table that flooded on its own said so already: its cells are not counted again.
    alone = {
        (finding.rule, finding.column, finding.severity, finding.sheet)
        for finding in findings
        if finding.row is None and finding.rows is not None and finding.value is None
    }
    floods: list[tuple[list[Finding], int, bool]] = []
    for key, found in candidates:
        rule, column, severity, _ = key
        holding = [
            table
            for table in tables
            if column in table.frame and (rule, column, severity, table.sheet) not in alone
        ]
        floods.extend(_everywhere(key, found, holding))
    if not floods:
        return findings
    kept = not_flooded(findings, [found for found, _, _ in floods])
    kept.extend(column_finding_over_sheets(found, whole, cells) for found, whole, cells in floods)
    return kept


def _one_cause(key: _Key, found: list[Finding]) -> bool:
    """Whether the column's cause explains every finding alone: an empty cell or an Excel
    error does, and so does a legacy font; stray whitespace does where every cell has the
    same (one message); codes do where all of them are of one kind that is no national
    code's (a code with a space inside has its own repair)."""
    if key[3] != VALUE or key[0] == _LEGACY_FONT:
        return True
    if key[0] == _WHITESPACE:
        return len({finding.message for finding in found}) == 1
    values = [str(finding.value).strip() for finding in found]
    if key[0] == _DATES:  # its other errors are each a date of its own
        return key[2] == Severity.WARNING or all(DAY_NUMBER.fullmatch(value) for value in values)
    kind = code_column_kind(values)
    # A label's words have spaces ("Mã số TTHC: 1.000178"), and one repair mends them all.
    return kind == "written" or (kind is not None and not any(" " in value for value in values))


def _everywhere(
    key: _Key, found: list[Finding], holding: Sequence[Table]
) -> list[tuple[list[Finding], int, bool]]:
    """The floods of a group failing on every cell of its column: over the tables `holding`
    the column (but those that flooded alone), else over each sheet's; each with its cells
    and whether some are merged down over rows."""
    column = key[1]
    whole = _cells(holding, column, key[3])
    if _covers(key, len(found), whole):
        return [(found, whole, _merged(holding, column))]
    by_sheet: dict[str | None, list[Finding]] = {}
    for finding in found:
        by_sheet.setdefault(finding.sheet, []).append(finding)
    floods = []
    for sheet, part in by_sheet.items():
        own = [table for table in holding if table.sheet == sheet]
        cells = _cells(own, column, key[3])
        if len(part) >= SMALL_ROWS and _covers(key, len(part), cells):
            floods.append((part, cells, _merged(own, column)))
    return floods


def _covers(key: _Key, failing: int, cells: int) -> bool:
    """Whether `failing` findings cover the column's `cells`: all of them, or nearly all
    for a legacy font."""
    if key[0] == _LEGACY_FONT:
        return failing >= _LEGACY_SHARE * cells
    return failing >= cells


def _cells(tables: Sequence[Table], column: str, state: int) -> int:
    """The column's cells in `tables`: its values (its rows, for empty cells or errors),
    a cell merged down over rows counted once (`engine.merged_hits`)."""
    return sum(
        (int(table.frame[column].count()) if state == VALUE else len(table.frame))
        - table.from_merged.get(column, 0)
        for table in tables
    )


def _merged(tables: Sequence[Table], column: str) -> bool:
    return any(column in table.from_merged for table in tables)
