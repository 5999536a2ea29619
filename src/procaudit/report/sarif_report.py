"""SARIF 2.1.0, for GitHub code scanning and other static-analysis viewers.

One result per finding, located at the file and, when known, the row; the rules used are
described in the tool's driver with their registry summary and default level.
"""

from __future__ import annotations

import os
from pathlib import Path, PurePath
from typing import Any, TextIO
from urllib.parse import quote

from procaudit import __version__
from procaudit.core.findings import AuditResult, Finding, Severity
from procaudit.core.jsontext import dump
from procaudit.core.paths import real_path
from procaudit.report.base import Reporter
from procaudit.report.rule_meta import message_with_fix, rule_meta

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SRCROOT = "%SRCROOT%"  # the base of relative artifact URIs: where procaudit was run
LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def _rule(finding: Finding) -> dict[str, Any]:
    meta = rule_meta(finding)
    return {
        "id": meta.id,
        "name": meta.name,
        "shortDescription": {"text": meta.summary},
        "defaultConfiguration": {"level": LEVEL[meta.severity]},
    }


def artifact_location(path: str) -> dict[str, str]:
    """Where a file is, as SARIF wants it: a URI. A relative path is a relative reference,
    percent-encoded (spaces, `%`, line breaks, non-ASCII letters), resolved against the
    folder the run started in (SARIF's `uriBaseId`, `%SRCROOT%`, as GitHub code scanning names it);
    an absolute path is a file:// URI. A name that is not UTF-8 (shown as `\\xff`) is encoded
    by its real bytes (`%FF`), as a URI names a file."""
    native = PurePath(real_path(path))
    if native.is_absolute():
        return {"uri": Path(native).as_uri()}
    return {"uri": quote(os.fsencode(native.as_posix()), safe="/"), "uriBaseId": SRCROOT}


def _result(finding: Finding, rule_index: int, location: dict[str, str]) -> dict[str, Any]:
    physical: dict[str, Any] = {"artifactLocation": location}
    if finding.row is not None:
        physical["region"] = {"startLine": finding.row}
    return {
        "ruleId": finding.rule,
        "ruleIndex": rule_index,
        "level": LEVEL[finding.severity],
        "message": {"text": message_with_fix(finding)},
        "locations": [{"physicalLocation": physical}],
        # What a row number alone does not say: the sheet, the column, the procedure.
        "properties": {
            "sheet": finding.sheet,
            "column": finding.column,
            "code": finding.code,
            "value": finding.value,
        },
    }


def _with_baseline(entry: dict[str, Any], finding: Finding, result: AuditResult) -> dict[str, Any]:
    # SARIF's own vocabulary for a run compared with a baseline.
    if result.baseline is not None:
        state = result.baseline.status(finding)
        entry["baselineState"] = "new" if state == "new" else "unchanged"
    return entry


def sarif_dict(result: AuditResult) -> dict[str, Any]:
    first: dict[str, Finding] = {}  # a rule is described from its first finding
    for finding in result.findings:
        first.setdefault(finding.rule, finding)
    index = {rule: position for position, rule in enumerate(sorted(first))}
    # Each file's location made once, not once a finding (a path resolved and made a URI:
    # 0.9 s of 61,000 findings).
    locations = {path: artifact_location(path) for path in {f.file for f in result.findings}}
    rules = [_rule(first[rule]) for rule in index]
    invocation: dict[str, Any] = {"executionSuccessful": not result.failures}
    if result.failures:
        invocation["toolExecutionNotifications"] = [
            {
                "level": "error",
                "message": {"text": failure.message},
                "locations": [
                    {"physicalLocation": {"artifactLocation": artifact_location(failure.path)}}
                ],
            }
            for failure in result.failures
        ]
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                # No informationUri: procaudit has no public home page yet.
                "tool": {"driver": {"name": "procaudit", "version": __version__, "rules": rules}},
                "invocations": [invocation],
                "results": [
                    _with_baseline(_result(f, index[f.rule], locations[f.file]), f, result)
                    for f in result.findings
                ],
            }
        ],
    }


class SarifReporter(Reporter):
    def render(self, result: AuditResult, out: TextIO) -> None:
        dump(sarif_dict(result), out)
