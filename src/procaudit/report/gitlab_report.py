"""GitLab Code Quality JSON: one issue per finding, with a fingerprint that survives rows
inserted or moved above it (the row is not part of it): the baseline's fingerprints, keyed
by the file's path, so that two files of one name never share one.

A file that could not be read is an issue too (`check_name` "unread-file", severity
critical, at its line 1): the merge request shows what the gate could not check.
"""

from __future__ import annotations

import hashlib
from typing import Any, TextIO

from procaudit.core.findings import AuditResult, FileFailure, Finding, Severity
from procaudit.core.jsontext import dump
from procaudit.engine.baseline import fingerprints
from procaudit.report.base import Reporter
from procaudit.report.rule_meta import message_with_fix

SEVERITY = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}
UNREAD = "unread-file"


def _issue(finding: Finding, fingerprint: str) -> dict[str, Any]:
    return {
        "description": message_with_fix(finding),
        "check_name": finding.rule,
        "fingerprint": fingerprint,
        "severity": SEVERITY[finding.severity],
        "location": {"path": finding.file, "lines": {"begin": finding.row or 1}},
    }


def _unread_issue(failure: FileFailure) -> dict[str, Any]:
    key = f"{UNREAD}\x1f{failure.path}"
    return {
        "description": failure.message,
        "check_name": UNREAD,
        "fingerprint": hashlib.sha256(key.encode("utf-8")).hexdigest(),
        "severity": "critical",
        "location": {"path": failure.path, "lines": {"begin": 1}},
    }


class GitlabReporter(Reporter):
    def render(self, result: AuditResult, out: TextIO) -> None:
        issues = [_unread_issue(failure) for failure in result.failures]
        issues += [
            _issue(f, fp)
            for f, fp in zip(
                result.findings, fingerprints(result.findings, by_path=True), strict=True
            )
        ]
        dump(issues, out)
