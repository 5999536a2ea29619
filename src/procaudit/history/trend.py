"""The trend of recorded runs, per file: counts lined up run by run, ready to draw.

A window of runs is a list of columns; each file gets one value per column, None where the
run did not audit it (the file was not given, or could not be read). Files are known by
their resolved path, so a cron job that runs from another folder still adds to their trend.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from fnmatch import fnmatch
from pathlib import PurePath

from procaudit.core.errors import UsageError
from procaudit.core.findings import Severity
from procaudit.core.i18n import t
from procaudit.history.store import AUDITED, FileRecord, Run

_RULE_PREFIX = re.compile(r"PA\d{0,3}")


@dataclass(frozen=True)
class TrendRow:
    """One line of a file's trend: procedures, a severity or a rule, one value per run."""

    key: str  # "procedures", a severity ("error") or a rule id ("PA501")
    values: tuple[int | None, ...]
    name: str | None = None  # the rule's name

    @property
    def first(self) -> int | None:
        return next((v for v in self.values if v is not None), None)

    @property
    def latest(self) -> int | None:
        return next((v for v in reversed(self.values) if v is not None), None)

    @property
    def change(self) -> int | None:
        """Latest minus first; None when the row has no value at all."""
        first, latest = self.first, self.latest
        return None if first is None or latest is None else latest - first


@dataclass(frozen=True)
class Cell:
    """A file in one run of the window."""

    status: str  # AUDITED or FAILED
    sha256: str | None
    changed: bool  # its bytes differ from the previous run's in the window that read them


@dataclass(frozen=True)
class FileTrend:
    path: str  # as given in its latest run
    resolved: str
    cells: tuple[Cell | None, ...]  # per run of the window; None: not in that run
    procedures: TrendRow
    severities: tuple[TrendRow, ...]  # error, warning, info
    rules: tuple[TrendRow, ...]  # by rule id

    @property
    def changes(self) -> int:
        return sum(1 for cell in self.cells if cell is not None and cell.changed)

    @property
    def first_hash(self) -> str | None:
        return next((c.sha256 for c in self.cells if c is not None and c.sha256), None)

    @property
    def latest_hash(self) -> str | None:
        return next((c.sha256 for c in reversed(self.cells) if c is not None and c.sha256), None)


@dataclass(frozen=True)
class Trend:
    runs: tuple[Run, ...]  # the window, oldest first (their files are in `files`)
    files: tuple[FileTrend, ...]


def parse_rule_prefixes(values: Sequence[str]) -> tuple[str, ...]:
    """`--rule` values: ids or prefixes, comma-separated, repeatable ("PA2,PA501")."""
    prefixes = tuple(p.strip().upper() for v in values for p in v.split(",") if p.strip())
    for prefix in prefixes:
        if not _RULE_PREFIX.fullmatch(prefix):
            raise UsageError(
                t(
                    "--rule {prefix} is not a rule id or prefix such as PA2 or PA501",
                    "--rule {prefix} không phải là mã quy tắc hoặc tiền tố mã, ví dụ PA2 hoặc "
                    "PA501",
                    prefix=prefix,
                )
            )
    return prefixes


def build_trend(
    runs: Sequence[Run], patterns: Sequence[str] = (), rule_prefixes: Sequence[str] = ()
) -> Trend:
    """Every file of `runs` that matches one of `patterns` (all without), with its rule rows
    limited to `rule_prefixes` (all without); severity rows always count every rule."""
    records: dict[str, list[FileRecord | None]] = {}
    for column, run in enumerate(runs):
        for record in run.files:
            line = records.setdefault(record.resolved, [None] * len(runs))
            line[column] = line[column] or record  # a file given twice counts once
    files = [
        _file_trend(line, tuple(rule_prefixes))
        for resolved, line in records.items()
        if not patterns or any(_matches(line, pattern) for pattern in patterns)
    ]
    files.sort(key=lambda f: (f.path, f.resolved))
    return Trend(tuple(runs), tuple(files))


def _matches(line: list[FileRecord | None], pattern: str) -> bool:
    """`--file`: a glob (or a plain name) against the path as given, resolved, or its name."""
    return any(
        fnmatch(text, pattern)
        for record in line
        if record is not None
        for text in (record.path, record.resolved, PurePath(record.path).name)
    )


def _file_trend(line: list[FileRecord | None], prefixes: tuple[str, ...]) -> FileTrend:
    audited = [r if r is not None and r.status == AUDITED else None for r in line]
    latest = next(r for r in reversed(line) if r is not None)
    names: dict[str, str] = {}
    for record in audited:
        if record is not None:
            names.update(
                (rule, name)
                for rule, (name, _) in record.rules.items()
                if not prefixes or rule.startswith(prefixes)
            )
    rules = tuple(
        TrendRow(
            rule,
            tuple(None if r is None else r.rules.get(rule, ("", 0))[1] for r in audited),
            names[rule],
        )
        for rule in sorted(names)
    )
    severities = tuple(
        TrendRow(
            s.value, tuple(None if r is None else r.severities.get(s.value, 0) for r in audited)
        )
        for s in Severity
    )
    procedures = TrendRow("procedures", tuple(None if r is None else r.procedures for r in audited))
    return FileTrend(latest.path, latest.resolved, _cells(line), procedures, severities, rules)


def _cells(line: list[FileRecord | None]) -> tuple[Cell | None, ...]:
    cells: list[Cell | None] = []
    previous: str | None = None
    for record in line:
        if record is None:
            cells.append(None)
            continue
        changed = None not in (previous, record.sha256) and previous != record.sha256
        cells.append(Cell(record.status, record.sha256, changed))
        previous = record.sha256 or previous
    return tuple(cells)
