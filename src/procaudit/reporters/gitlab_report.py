"""GitLab Code Quality JSON: one issue per finding, with a fingerprint that survives rows
inserted or moved above it (the row is not part of it)."""

from __future__ import annotations

import hashlib
import json
import unicodedata
from typing import Any, TextIO

from procaudit.model import AuditResult, Finding, Severity
from procaudit.reporters.base import Reporter
from procaudit.reporters.rule_meta import message_with_fix

SEVERITY = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


def _normalised(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def fingerprint_key(finding: Finding) -> str:
    """Rule, file, sheet, the procedure's code (or else the offending value), column."""
    who = finding.code if finding.code else _normalised(finding.value or "")
    parts = (finding.rule, finding.file, finding.sheet or "", who, finding.column or "")
    return "\x1f".join(parts)


def fingerprints(findings: tuple[Finding, ...]) -> list[str]:
    # Two findings with the same key (the two rows of a duplicate share a code) would be
    # merged by GitLab: the second and later get their occurrence number in the key.
    seen: dict[str, int] = {}
    result = []
    for finding in findings:
        key = fingerprint_key(finding)
        seen[key] = seen.get(key, 0) + 1
        if seen[key] > 1:
            key += f"\x1f{seen[key]}"
        result.append(hashlib.sha256(key.encode("utf-8")).hexdigest())
    return result


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
        issues = [_issue(f, fp) for f, fp in zip(result.findings, fingerprints(result.findings),
                                                  strict=True)]
        json.dump(issues, out, ensure_ascii=False, indent=2)
        out.write("\n")
