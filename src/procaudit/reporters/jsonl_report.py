"""JSON Lines: one finding per line, with the keys of the JSON report's findings."""

from __future__ import annotations

import json
from typing import TextIO

from procaudit.model import AuditResult
from procaudit.reporters.base import Reporter
from procaudit.reporters.json_report import finding_dict


class JsonlReporter(Reporter):
    def render(self, result: AuditResult, out: TextIO) -> None:
        for finding in result.findings:
            out.write(json.dumps(finding_dict(finding), ensure_ascii=False) + "\n")
