"""GitLab Code Quality JSON: one issue per finding, with a fingerprint that survives rows
inserted or moved above it (the row is not part of it): the baseline's fingerprints."""

from __future__ import annotations

from typing import Any, TextIO

from procaudit.core.findings import AuditResult, Finding, Severity
from procaudit.core.jsontext import dump
from procaudit.engine.baseline import fingerprints
from procaudit.report.base import Reporter
from procaudit.report.rule_meta import message_with_fix

SEVERITY = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


def _issue(finding: Finding, fingerprint: str) -> dict[str, Any]:
    return {
        "description": message_with_fix(finding),
        "check_name": finding.rule,
        "fingerprint": fingerprint,
        "severity": SEVERITY[finding.severity],
        "location": {"path": finding.file, "lines": {"begin": finding.row or 1}},
    }


class GitlabReporter(Reporter):
    def render(self, result: AuditResult, out: TextIO) -> None:
        issues = [
            _issue(f, fp)
            for f, fp in zip(result.findings, fingerprints(result.findings), strict=True)
        ]
        dump(issues, out)
