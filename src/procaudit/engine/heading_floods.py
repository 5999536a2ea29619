"""A value a section heading gives its rows fails once, at the heading.

An annex heads a block "B. THỦ TỤC HÀNH CHÍNH CẤP HUYỆN", a list per unit heads one with
"UBND huyện Phù Ninh": every row under it takes the level or the unit from that one cell
(`io.sections`), and a rule that fails on the value fails on each of them. Twelve row
findings pointing at rows whose level cell is empty send the official to the wrong cells;
the fix is one change to the heading. So once a table's floods are collapsed
(`procaudit.engine.floods`), the row findings left that fail one rule the same way on a
value two or more rows took from one heading become one finding on the heading's row,
which names the rows; a value the title or the sheet's name gives ("DANH MỤC … CẤP HUYỆN",
a sheet "UBND huyện Phù Ninh") becomes one finding of the sheet. `check --every-row` keeps
the row findings.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from procaudit.catalogue.columns import ROW
from procaudit.core.findings import Finding, Severity
from procaudit.core.i18n import number, t
from procaudit.engine.floods import FloodRows, every_row_hint, for_rows
from procaudit.io import Table
from procaudit.io.read import FROM_TITLE


def collapse_headings(findings: list[Finding], table: Table) -> list[Finding]:
    """The table's findings with the row findings on a value from one heading made one."""
    if not table.given_by or not findings:
        return findings
    candidates = [f for f in findings if f.row is not None and f.column in table.given_by]
    if len(candidates) < 2:
        return findings
    place = pd.Index(table.frame[ROW].to_numpy())
    at = place.get_indexer([finding.row for finding in candidates])  # one look-up for all
    groups: dict[tuple[str, str, Severity, str, int], list[Finding]] = {}
    for finding, position in zip(candidates, at.tolist(), strict=True):
        column = str(finding.column)
        heading = int(table.given_by[column][position]) if position >= 0 else 0
        if heading:
            key = (finding.rule, column, finding.severity, finding.message, heading)
            groups.setdefault(key, []).append(finding)
    blocks = {key: found for key, found in groups.items() if len(found) > 1}
    if not blocks:
        return findings
    gone = {id(finding) for found in blocks.values() for finding in found}
    kept = [finding for finding in findings if id(finding) not in gone]
    on_line = table.sheet is None  # a CSV file's rows are its lines
    kept.extend(_at_heading(found, key[4], on_line) for key, found in blocks.items())
    return kept


def _at_heading(found: list[Finding], heading: int, on_line: bool) -> Finding:
    rows = np.array([finding.row for finding in found], dtype=np.int64)
    first = found[int(rows.argmin())]
    block = FloodRows.of(rows.tolist())
    if heading == FROM_TITLE and first.column == "agency":  # a unit a sheet is named after
        giver = t("the sheet's name", "tên trang tính")
    elif heading == FROM_TITLE:
        giver = t("the title or the sheet's name", "tiêu đề bảng hoặc tên trang tính")
    elif on_line:
        giver = t("the heading on line {heading}", "tiêu đề ở dòng {heading}", heading=heading)
    else:
        giver = t("the heading on row {heading}", "tiêu đề ở dòng {heading}", heading=heading)
    message = t(
        "'{value}', which {giver} gives {count} rows ({where}), fails this check: {message}",
        "Giá trị '{value}' mà {giver} gán cho {count} dòng ({where}) không đạt: {message}",
        value=first.value,
        giver=giver,
        count=number(block.count),
        where=block.said(on_line),
        message=first.message,
    )
    fix = t(
        "{fix} Change it once, in {giver}. {hint}",
        "{fix} Chỉ cần sửa một lần, ở {giver}. {hint}",
        fix=first.fix,
        giver=giver,
        hint=every_row_hint(),
    )
    row = heading if heading != FROM_TITLE else None
    return for_rows(first, message, fix, block.count, (str(first.value),), row=row)
