"""What the human reports (the terminal's and the Markdown) share about findings: the most
severe first, paths as the user would type them, and each finding's baseline mark.

Machine formats (JSON, SARIF, CSV...) keep the audit's own order and paths: they are a
contract, and a reader sorts them as it likes. No rich here: the Markdown reporter uses it.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from procaudit.core.findings import AuditResult, Finding, Severity
from procaudit.core.i18n import t


def severity_first(finding: Finding) -> tuple[object, ...]:
    """Errors, then warnings, then info; then by file, sheet and row (`Finding.sort_key`)."""
    return (-finding.severity.rank, *finding.sort_key())


def rules_by_severity(result: AuditResult) -> list[tuple[str, dict[Severity, int]]]:
    """Each rule's counts per severity (the most severe first), the rules with errors first,
    then those with warnings, then info, each by id: a rule with errors and warnings (PA402)
    stands with the errors."""
    counts = result.count_by_rule_and_severity()
    return sorted(counts.items(), key=lambda item: (-max(s.rank for s in item[1]), item[0]))


def shown_path(path: str, here: Path) -> str:
    """`path` relative to `here` where it lies under it ("danh-muc/lao-cai.xlsx"), else as
    given: a path outside the run's folder says more in full than with "../../"."""
    if not path:
        return path
    given = Path(path)
    absolute = Path(os.path.normpath(given if given.is_absolute() else here / given))
    try:
        return absolute.relative_to(here).as_posix()
    except ValueError:
        return path


class ShownPaths:
    """A file's path as the user would type it: relative to the current folder when the file
    is under it (`/home/an/danh-muc/a.xlsx` from `/home/an` is `danh-muc/a.xlsx`), else as
    given. Made once per report: the current folder is read once, each path worked out once."""

    def __init__(self, cwd: Path | None = None) -> None:
        self._cwd = Path(os.path.normpath(cwd or Path.cwd()))
        self._shown: dict[str, str] = {}

    def __call__(self, path: str) -> str:
        shown = self._shown.get(path)
        if shown is None:
            shown = self._shown[path] = shown_path(path, self._cwd)
        return shown


def baseline_words() -> dict[str, str]:
    """The mark of a finding against the baseline, by `BaselineSplit.status`."""
    return {"new": t("new", "mới"), "still": t("still present", "vẫn còn")}


def new_count(result: AuditResult, findings: Iterable[Finding]) -> int:
    """How many of `findings` are new against the run's baseline (0 without one)."""
    split = result.baseline
    return 0 if split is None else sum(1 for finding in findings if finding in split.new)


def new_since_baseline(result: AuditResult) -> str:
    """The summary's words for the findings new against the baseline ("" without one)."""
    split = result.baseline
    if split is None:
        return ""
    return t(
        "; {count} new since the baseline",
        "; {count} phát hiện mới so với mốc",
        count=len(split.new),
    )
