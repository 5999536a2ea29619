"""JSON Lines: one finding per line, with the keys of the JSON report's findings.

A file that could not be read is a line of its own, before the findings, told apart by its
`kind`: `{"kind": "unread", "file": ..., "message": ...}` (the findings' lines have no
`kind`, as they never had).
"""

from __future__ import annotations

from typing import TextIO

from procaudit.core.findings import AuditResult
from procaudit.core.jsontext import compact
from procaudit.report.base import Reporter
from procaudit.report.json_report import finding_dict, with_status

UNREAD = "unread"


class JsonlReporter(Reporter):
    def render(self, result: AuditResult, out: TextIO) -> None:
        out.writelines(
            compact({"kind": UNREAD, "file": failure.path, "message": failure.message}) + "\n"
            for failure in result.failures
        )
        out.writelines(
            compact(with_status(finding_dict(finding), finding, result)) + "\n"
            for finding in result.findings
        )
