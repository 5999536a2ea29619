"""Cells failing a mechanical check the same way say so once per column.

A portal export leaves a blank line or a line break at the end of one agency cell in ten,
and a doubled space in some names: 77 findings of PA603 on one ministry's list, each "The
cell has a trailing line break." with its own row. The official has one thing to learn per
column and cause ("12 agency cells end with a line break"), and one thing to do: run
`procaudit fix`, which repairs every such cell in a copy. The column floods of
`engine.floods` wait for nearly every value of a column to fail, `engine.value_floods` for
one value repeated; neither groups many values failing for one cause.

So, over a file's findings (after the column floods, before the value floods): the row
findings of one rule that `procaudit fix` repairs safely, on one column, at one severity and
with one message (the message then names the cause, not the cell), become one finding when
there are `CAUSE_MIN_ROWS` of them on at least two values (one value is the value floods'
to quote). It names the rows, the first values, and the first row's repair as the example.
A rule whose repair must be reviewed, or whose message is each cell's own, keeps its row
findings; `check --every-row` keeps them all.
"""

from __future__ import annotations

from procaudit.core.findings import Finding, Severity
from procaudit.core.i18n import number, t
from procaudit.engine.floods import cell_state, flood_examples, for_rows, not_flooded
from procaudit.engine.sheet_floods import SheetRows, rows_by_sheet
from procaudit.rules import Repair, get_repair

# Fewer cells are listed one by one: they fit the first page, each with its own repair.
CAUSE_MIN_ROWS = 5

# (rule, column, severity, message): the findings that say one cause of one column.
_Key = tuple[str, str, Severity, str]


def collapse_causes(findings: list[Finding]) -> list[Finding]:
    """A file's findings with the row findings of each safely repaired rule that fail one
    column the same way on `CAUSE_MIN_ROWS` cells (two values at least) made one finding."""
    safe: dict[str, Repair | None] = {}
    groups: dict[_Key, list[Finding]] = {}
    for finding in findings:
        if finding.row is None or not finding.column or cell_state(finding.value):
            continue
        if finding.rule not in safe:
            repair = get_repair(finding.rule)
            safe[finding.rule] = repair if repair is not None and repair.safe else None
        if _repaired(safe[finding.rule], finding.column, finding.value):
            key = (finding.rule, finding.column, finding.severity, finding.message)
            groups.setdefault(key, []).append(finding)
    floods = [
        found
        for found in groups.values()
        if len(found) >= CAUSE_MIN_ROWS and len({finding.value for finding in found}) > 1
    ]
    if not floods:
        return findings
    kept = not_flooded(findings, floods)
    kept.extend(cause_finding(found) for found in floods)
    return kept


def _repaired(repair: Repair | None, column: str, value: object) -> bool:
    """Whether `procaudit fix` repairs this cell: a safe repair may still leave one to a
    person (a name whose line break may be meant), which then keeps its own finding, lest
    the grouped one say that fix repairs it."""
    if repair is None or not isinstance(value, str) or not repair.applies_to(column):
        return False
    return repair.for_column(column).function(value) is not None


def cause_finding(found: list[Finding]) -> Finding:
    """The finding for the row findings `found` of one rule failing one column the same way
    (of one sheet, or of several: it then names each sheet's rows)."""
    rows, first = rows_by_sheet(found)
    header = first.header or str(first.column)
    message = t(
        "{count} cells of column '{header}' fail this check the same way ({where}): {message}",
        "{count} ô của cột '{header}' mắc cùng một lỗi ({where}): {message}",
        count=number(rows.count),
        header=header,
        where=rows.said(first.sheet is None),
        message=first.message,
    )
    several = isinstance(rows, SheetRows)
    if several:
        at = t(
            "sheet '{sheet}' row {row}",
            "trang tính '{sheet}' dòng {row}",
            sheet=first.sheet,
            row=first.row,
        )
    else:
        at = t(("line {row}", "row {row}")[first.sheet is not None], "dòng {row}", row=first.row)
    fix = t(
        "Repair each of these cells the same way; {at}, for instance: {fix} procaudit fix "
        "repairs them all in a copy of the file, and procaudit check --every-row lists them "
        "one by one, each with its repair.",
        "Sửa từng ô này theo cùng một cách; ví dụ {at}: {fix} Lệnh procaudit fix sửa tất cả "
        "các ô này trong một bản sao của tệp, và procaudit check --every-row liệt kê từng ô, kèm "
        "cách sửa của ô đó.",
        at=at,
        fix=first.fix,
    )
    examples = flood_examples(found)
    sheet = None if several else first.sheet
    return for_rows(first, message, fix, rows.count, examples, sheet=sheet, value=None)
