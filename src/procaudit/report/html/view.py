"""The audit result as the page shows it: the findings most severe first (then by file and
row), paths relative to the folder the run was made from, and the time of the run.

A nine-file run has hundreds of whitespace notes; in the order the files were read they
filled the first page and hid the errors. The other formats keep their own order.
"""

from __future__ import annotations

import os
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from procaudit.core.errors import UsageError
from procaudit.core.findings import AuditResult, Finding, ScoreRow
from procaudit.core.i18n import t
from procaudit.report.human_order import severity_first, shown_path

# The reproducible-builds variable: when set, its time (seconds since 1970, UTC) is the one
# written, so that the same input gives the same page.
SOURCE_DATE_EPOCH = "SOURCE_DATE_EPOCH"


def by_severity(findings: tuple[Finding, ...]) -> tuple[Finding, ...]:
    """Errors, then warnings, then information; within each, by file, sheet and row."""
    return tuple(sorted(findings, key=severity_first))


def as_shown(result: AuditResult, here: Path | None = None) -> AuditResult:
    """The result with its findings ordered for the page and its paths as shown."""
    here = Path(os.path.normpath(Path.cwd() if here is None else here))
    paths = {f.path for f in result.files} | {f.file for f in result.findings}
    if result.scorecard is not None:
        rows = (*result.scorecard.rows, result.scorecard.total)
        paths |= {path for row in rows for path in row.files}
    shown = {path: shown_path(path, here) for path in paths}

    def row(score: ScoreRow) -> ScoreRow:
        return replace(
            score,
            label=shown.get(score.label, score.label),
            files=tuple(shown[p] for p in score.files),
            catalogue=None
            if score.catalogue is None
            else shown.get(score.catalogue, score.catalogue),
        )

    scorecard = result.scorecard
    if scorecard is not None:
        scorecard = replace(
            scorecard, rows=tuple(row(r) for r in scorecard.rows), total=row(scorecard.total)
        )
    findings = by_severity(result.findings)
    baseline = result.baseline
    if baseline is not None and any(shown[p] != p for p in paths):
        # The split knows findings by value: moved paths need their new findings re-marked.
        new = {f._replace(file=shown[f.file]) for f in baseline.new}
        baseline = replace(baseline, new=frozenset(new))
    return replace(
        result,
        files=tuple(replace(f, path=shown[f.path]) for f in result.files),
        findings=tuple(f._replace(file=shown[f.file]) for f in findings),
        scorecard=scorecard,
        baseline=baseline,
    )


def run_time(now: datetime | None = None) -> datetime:
    """When the audit was run: SOURCE_DATE_EPOCH's time in UTC where it is set, else the
    clock's in the machine's own zone. A bad value is a UsageError."""
    given = os.environ.get(SOURCE_DATE_EPOCH, "").strip()
    if given:
        try:
            return datetime.fromtimestamp(int(given), UTC)
        except (ValueError, OverflowError, OSError):
            raise UsageError(
                t(
                    "{name}={value!r} is not a number of seconds since 1970-01-01",
                    "{name}={value!r} không phải là số giây tính từ ngày 01/01/1970",
                    name=SOURCE_DATE_EPOCH,
                    value=given,
                )
            ) from None
    return (now or datetime.now(UTC)).astimezone()
