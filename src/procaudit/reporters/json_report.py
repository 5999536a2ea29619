"""The JSON report: a stable contract for automation (same input, same bytes)."""

from __future__ import annotations

from typing import Any, TextIO

from procaudit import __version__
from procaudit.jsontext import dumps
from procaudit.model import AuditResult, Finding, Severity
from procaudit.reporters.base import Reporter


def finding_dict(finding: Finding) -> dict[str, Any]:
    return {
        "rule": finding.rule,
        "name": finding.name,
        "severity": finding.severity.value,
        "file": finding.file,
        "sheet": finding.sheet,
        "row": finding.row,
        "column": finding.column,
        "code": finding.code,
        "value": finding.value,
        "message": finding.message,
        "fix": finding.fix,
    }


def report_dict(result: AuditResult) -> dict[str, Any]:
    by_severity = result.count_by_severity()
    report = {
        "procaudit": __version__,
        "files": [
            {
                "path": f.path,
                "sheets": list(f.sheets) if f.sheets is not None else None,
                "rows": f.rows,
                "columns": f.columns,
                "skipped_sheets": [
                    {"sheet": sheet, "reason": why} for sheet, why in f.skipped_sheets
                ],
                "component_sheets": [
                    {"sheet": sheet, "rows": rows} for sheet, rows in f.component_sheets
                ],
            }
            for f in result.files
        ],
        "summary": {
            **{severity.value: by_severity[severity] for severity in Severity},
            "by_rule": result.count_by_rule(),
        },
        "findings": [with_status(finding_dict(f), f, result) for f in result.findings],
    }
    if result.baseline is not None:
        # Present only with --baseline, so the contract without it stays as it was.
        split = result.baseline
        report["baseline"] = {
            "path": split.path,
            "new": len(split.new),
            "still": split.still,
            "fixed": [
                {"rule": e.rule, "file": e.file, "sheet": e.sheet, "code": e.code,
                 "procedure": e.procedure, "column": e.column, "message": e.message}
                for e in split.fixed
            ],
            "unchecked": split.unchecked,
        }
    return report


def with_status(entry: dict[str, Any], finding: Finding, result: AuditResult) -> dict[str, Any]:
    """The finding's entry, marked new or still present when the run has a baseline."""
    if result.baseline is not None:
        entry["baseline"] = result.baseline.status(finding)
    return entry


class JsonReporter(Reporter):
    def render(self, result: AuditResult, out: TextIO) -> None:
        out.write(dumps(report_dict(result)) + "\n")
