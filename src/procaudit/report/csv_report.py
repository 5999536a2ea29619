"""CSV: a header row and one row per finding (RFC 4180: CRLF line ends, quoted as needed).

Values are written as they are by default: this is a machine format, read by programs that
want the cell exactly. A file that could not be read is a row of its own, before the
findings: its path and the sentence that says why (`message`), every other cell empty, the
rule too, which no finding's row leaves empty. With --csv-safe (for those who open it in
Excel or LibreOffice) a text a spreadsheet would run as a formula (`=`, `+`, `-`, `@`)
starts with `'`, as in the fix-list.
"""

from __future__ import annotations

import csv
from itertools import chain
from typing import TextIO

from procaudit.core.findings import AuditResult, FileFailure, Finding
from procaudit.core.text_safety import neutralise
from procaudit.report.base import Reporter

COLUMNS = (
    "file",
    "sheet",
    "row",
    "column",
    "code",
    "rule",
    "name",
    "severity",
    "message",
    "fix",
    "value",
)


def _row(finding: Finding) -> tuple[object, ...]:
    # In COLUMNS order; the writer leaves None cells empty.
    return (
        finding.file,
        finding.sheet,
        finding.row,
        finding.column,
        finding.code,
        finding.rule,
        finding.name,
        finding.severity.value,
        finding.message,
        finding.fix,
        finding.value,
    )


def _unread_row(failure: FileFailure) -> tuple[object, ...]:
    # In COLUMNS order: the file and the message alone.
    return (failure.path, None, None, None, None, None, None, None, failure.message, None, None)


def _safe(row: tuple[object, ...]) -> tuple[object, ...]:
    return tuple(neutralise(cell) if isinstance(cell, str) else cell for cell in row)


class CsvReporter(Reporter):
    def render(self, result: AuditResult, out: TextIO) -> None:
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(COLUMNS)
        rows = chain(map(_unread_row, result.failures), map(_row, result.findings))
        writer.writerows(map(_safe, rows) if self.options.csv_safe else rows)
