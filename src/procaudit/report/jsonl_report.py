"""JSON Lines: one finding per line, with the keys of the JSON report's findings."""

from __future__ import annotations

from typing import TextIO

from procaudit.core.findings import AuditResult
from procaudit.core.jsontext import compact
from procaudit.report.base import Reporter
from procaudit.report.json_report import finding_dict, with_status


class JsonlReporter(Reporter):
    def render(self, result: AuditResult, out: TextIO) -> None:
        out.writelines(
            compact(with_status(finding_dict(finding), finding, result)) + "\n"
            for finding in result.findings
        )
