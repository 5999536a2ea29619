"""CSV: a header row and one row per finding (RFC 4180: CRLF line ends, quoted as needed).

Values are written as they are: this is a machine format, so a cell starting with `=` is not
neutralised here (the fix-list, meant to be opened in a spreadsheet, does that).
"""

from __future__ import annotations

import csv
from typing import TextIO

from procaudit.core.findings import AuditResult, Finding
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


class CsvReporter(Reporter):
    def render(self, result: AuditResult, out: TextIO) -> None:
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(COLUMNS)
        writer.writerows(map(_row, result.findings))
