"""The findings' renderer: the options every report format reads, and the class each
format's reporter derives from (`report.renderer.Renderer` of an `AuditResult`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, TextIO

from procaudit.core.findings import AuditResult, FailOn
from procaudit.report.renderer import Renderer
from procaudit.rules.options import ONLINE_TARGET

if TYPE_CHECKING:
    from procaudit.history.store import TrendRun

MAX_PER_RULE = 10  # findings shown per rule in human formats (--max-per-rule)


@dataclass(frozen=True)
class ReportOptions:
    fail_on: FailOn = FailOn.ERROR
    max_per_rule: int = MAX_PER_RULE  # 0 shows all
    width: int | None = None  # None: the terminal's width
    # False: the terminal report is not for a terminal (a file, a pipe): it keeps long lines
    # whole (greppable) instead of folding them at words to `width`, and has no colour.
    fold: bool = True
    summary_only: bool = False  # --quiet: the human report is its last line
    # Runs for the HTML report's trend chart, oldest first: run time as an ISO string,
    # counts by severity "error"/"warning"/"info", and whether the set of files changed
    # since the run before. Empty: no trend chart.
    history: tuple[TrendRun, ...] = ()
    # The CSV report's cells that a spreadsheet would run as a formula (=, +, -, @) start
    # with ' (--csv-safe); by default they are written as they are, for programs.
    csv_safe: bool = False
    online_target: float = ONLINE_TARGET  # the HTML report's target line (--online-target)


class Reporter(Renderer[AuditResult, TextIO]):
    """Renders an audit result as text; writes only the report itself to `out`."""

    def __init__(self, options: ReportOptions) -> None:
        self.options = options
