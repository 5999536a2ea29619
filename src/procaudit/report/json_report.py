"""The JSON report: a stable contract for automation (same input, same bytes).

Its keys keep their meaning from version to version; a new one is added beside them. The
files that could not be read are listed under `unread`, each with its path and the
sentence that says why, so that a gate reading the report sees every input it did not
check (the exit code, 2, says only that there was one).
"""

from __future__ import annotations

from typing import Any, TextIO

from procaudit import __version__
from procaudit.core.findings import (
    AuditResult,
    FileFailure,
    Finding,
    Scorecard,
    ScoreRow,
    Severity,
)
from procaudit.core.jsontext import dump
from procaudit.engine.scorecard import COUNTS, scorecard_of
from procaudit.report.base import Reporter


def finding_dict(finding: Finding) -> dict[str, Any]:
    found: dict[str, Any] = {
        "rule": finding.rule,
        "name": finding.name,
        # A StrEnum's str is its value, got without the enum's property (a third of the
        # time, which 35,000 findings notice).
        "severity": str(finding.severity),
        "file": finding.file,
        "sheet": finding.sheet,
        "row": finding.row,
        "column": finding.column,
        "code": finding.code,
        "value": finding.value,
        "message": finding.message,
        "fix": finding.fix,
    }
    if finding.rows is not None:
        # Only on a column finding (procaudit.engine.floods): the rows it stands for.
        found["rows"] = finding.rows
        found["examples"] = list(finding.examples)
    return found


def unread_dict(failure: FileFailure) -> dict[str, Any]:
    """A file that could not be read: its path, and why (the sentence stderr gives)."""
    return {"path": failure.path, "message": failure.message}


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
            # A rule may give some findings a milder severity than its own (PA402's warnings).
            "by_rule_severity": {
                rule: {severity.value: count for severity, count in counts.items()}
                for rule, counts in result.count_by_rule_and_severity().items()
            },
        },
        "scorecard": scorecard_dict(scorecard_of(result)),
        "findings": [with_status(finding_dict(f), f, result) for f in result.findings],
        "unread": [unread_dict(failure) for failure in result.failures],
    }
    if result.baseline is not None:
        # Present only with --baseline, so the contract without it stays as it was.
        split = result.baseline
        report["baseline"] = {
            "path": split.path,
            "new": len(split.new),
            "still": split.still,
            "fixed": [
                {
                    "rule": e.rule,
                    "file": e.file,
                    "sheet": e.sheet,
                    "code": e.code,
                    "procedure": e.procedure,
                    "column": e.column,
                    "message": e.message,
                }
                for e in split.fixed
            ],
            "unchecked": split.unchecked,
        }
    return report


def scorecard_dict(scorecard: Scorecard) -> dict[str, Any]:
    return {
        "group_by": scorecard.group_by,
        "rows": [score_row_dict(row) for row in scorecard.rows],
        "total": score_row_dict(scorecard.total),
        "headlines": list(scorecard.headlines),
        "notes": list(scorecard.notes),
    }


def score_row_dict(row: ScoreRow) -> dict[str, Any]:
    """A scorecard row: each count with its share of the procedures (null where unknown);
    the reference procedures announced as a share of those in the catalogue's scope.
    `with_code` counts code cells filled, `with_national_code` the codes PA101 accepts; a
    unit's row (grouped by agency) names its `catalogue`, null on a catalogue's own row."""
    stats = row.stats
    entry: dict[str, Any] = {
        "label": row.label,
        "catalogue": row.catalogue,
        "files": list(row.files),
        "procedures": stats.procedures,
        "errors": row.errors,
        "warnings": row.warnings,
        "infos": row.infos,
    }
    for name in COUNTS:
        count = getattr(stats, name)
        entry[name] = count
        entry[f"{name}_share"] = _rounded(row.share_of(name))
    entry["reference_total"] = stats.reference_total
    entry["reference_announced"] = stats.reference_announced
    entry["reference_announced_share"] = _rounded(
        row.share(stats.reference_announced, stats.reference_total)
    )
    return entry


def _rounded(share: float | None) -> float | None:
    return None if share is None else round(share, 4)


def with_status(entry: dict[str, Any], finding: Finding, result: AuditResult) -> dict[str, Any]:
    """The finding's entry, marked new or still present when the run has a baseline."""
    if result.baseline is not None:
        entry["baseline"] = result.baseline.status(finding)
    return entry


class JsonReporter(Reporter):
    def render(self, result: AuditResult, out: TextIO) -> None:
        dump(report_dict(result), out)
