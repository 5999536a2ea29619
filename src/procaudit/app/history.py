"""The history of runs (`procaudit.history`) as the use cases need it: a check records its run
in it, and `procaudit history` reads the trend out of it.

The store itself (SQLite, its schema and migrations) is `procaudit.history.store`; here are
the steps around it, in the order a run takes them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from procaudit.app.outputs import check_output
from procaudit.core.errors import ProcauditError

if TYPE_CHECKING:
    from procaudit.core.findings import AuditResult
    from procaudit.history.store import TrendRun
    from procaudit.history.trend import Trend

# The runs `procaudit history` shows when not told how many.
LAST_RUNS = 30


def open_history(history: Path, inputs: Sequence[str]) -> str:
    """Before the audit: a history that cannot be written (a folder, another program's or a
    newer procaudit's database) should not cost a run; a ProcauditError says why. Returns
    the run's time: PROCAUDIT_NOW's, else the clock's when the run starts."""
    check_output(history, inputs, "--history")
    from procaudit.history.store import check_history, run_time

    check_history(history)
    return run_time()


def record(history: Path, result: AuditResult, started: str | None) -> str | None:
    """Append the run to the history; None, or the one sentence saying why it failed."""
    from procaudit.history.store import record_run

    try:
        record_run(history, result, started)
    except ProcauditError as exc:
        return str(exc)
    return None


def severity_trend(history: Path | None, result: AuditResult) -> tuple[TrendRun, ...]:
    """The findings by severity of the runs recorded for this run's files, for the HTML
    report's trend chart; none without a history, or where the history cannot be read."""
    if history is None or not history.is_file():
        return ()
    from procaudit.history import store

    try:
        return store.severity_trend(history, [report.path for report in result.files])
    except ProcauditError:
        return ()  # said already when the run was recorded


@dataclass(frozen=True)
class HistoryRequest:
    """What `procaudit history` asks of a history: its last runs, for some files and rules."""

    database: Path
    last: int = LAST_RUNS
    files: tuple[str, ...] = ()  # globs on a file's path or name; none: every file
    rules: tuple[str, ...] = ()  # ids or prefixes, comma-separated; none: every rule


def load_trend(request: HistoryRequest) -> Trend:
    """The trend of the runs asked for; a ProcauditError for a history that cannot be read
    or a rule that is no rule id or prefix."""
    from procaudit.history.store import load_runs
    from procaudit.history.trend import build_trend, parse_rule_prefixes

    prefixes = parse_rule_prefixes(list(request.rules))
    trend = build_trend(load_runs(request.database, request.last), list(request.files), prefixes)
    _check_rule_prefixes(trend, prefixes)
    return trend


def _check_rule_prefixes(trend: Trend, prefixes: Sequence[str]) -> None:
    """A `--rule` prefix that matches no rule, of the history's nor of procaudit's, is a
    usage error, as `check --select`'s is: a typo ("PA9") showed the totals alone, as if
    its rules had found nothing. A rule of procaudit's that found nothing is no typo."""
    recorded = {row.key for file in trend.files for row in file.rules}
    unmatched = [p for p in prefixes if not any(key.startswith(p) for key in recorded)]
    if not unmatched:
        return
    from procaudit.rules.catalog import all_rules  # loaded only where the history says nothing
    from procaudit.rules.selection import matched_prefixes

    matched_prefixes("--rule", unmatched, sorted({*recorded, *(rule.id for rule in all_rules())}))
