"""Values that flow out of an audit: severities, findings and the result of a run.

Kept free of pandas so that reporters and the CLI can use them cheaply.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from enum import StrEnum
from operator import attrgetter
from typing import NamedTuple


class Severity(StrEnum):
    """How serious a finding is; ordered from most to least serious."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return _RANK[self]

    @property
    def label(self) -> str:
        """The severity as human reports name it: its value in English, a word in Vietnamese
        (JSON, SARIF and the other machine formats keep the value)."""
        from procaudit.core.i18n import t

        return t(self.value, _VIETNAMESE[self])


_RANK = {Severity.ERROR: 3, Severity.WARNING: 2, Severity.INFO: 1}
_VIETNAMESE = {Severity.ERROR: "lỗi", Severity.WARNING: "cảnh báo", Severity.INFO: "thông tin"}


class FailOn(StrEnum):
    """The lowest severity that makes `procaudit check` exit 1."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"
    NEVER = "never"


class Finding(NamedTuple):
    """One defect in one place of a catalogue.

    Immutable like the frozen dataclasses around it, but a named tuple: a run at a million
    rows builds ~85,000 findings, and a frozen dataclass takes three times as long to build
    (0.49 s against 0.16 s). Copy one with `_replace`.
    """

    rule: str
    name: str
    severity: Severity
    file: str
    sheet: str | None
    row: int | None
    column: str | None
    code: str | None
    value: str | None
    message: str
    fix: str
    procedure: str | None = None  # the name on the finding's row, for fix-lists and baselines
    # A column finding that stands for many rows (procaudit.engine.floods): how many, and the first
    # few values; None and () for a finding of one row or of the file.
    rows: int | None = None
    examples: tuple[str, ...] = ()
    # The column as the file itself names it: its header ("Số quyết định"), or its letter ("H")
    # where the header cell is blank; None without a column or where the file is not known.
    header: str | None = None

    @property
    def column_name(self) -> str | None:
        """The column as human reports name it: in Vietnamese by the file's own header (an
        official knows "Số quyết định", not `decision_no`), in English by its canonical id,
        which --map and the docs use. Machine formats keep `column`."""
        if self.header and self.column:
            from procaudit.core.i18n import language

            if language() == "vi":
                return self.header
        return self.column

    def sort_key(self) -> tuple[str, bool, str, bool, int, str, str]:
        # None sorts before any value so file-level findings lead their file.
        return (
            self.file,
            self.sheet is not None,
            self.sheet or "",
            self.row is not None,
            self.row or 0,
            self.rule,
            self.column or "",
        )


# A finding's fields as functions, for counting 85,000 findings without a Python call each.
_RULE = attrgetter("rule")
_SEVERITY = attrgetter("severity")


@dataclass(frozen=True)
class SkippedRule:
    """A rule that was not checked on a file, and why."""

    rule: str
    file: str
    reason: str


@dataclass(frozen=True)
class SkippedGroup:
    """Rules not checked in some files, for one reason."""

    rules: tuple[str, ...]
    files: tuple[str, ...]
    reason: str

    SHOWN_FILES = 2

    def describe(self, one_file: bool = False) -> str:
        """ "PA401, PA402 in a.xlsx, b.xlsx and 5 more files: <reason>"; `one_file`: the run
        read one file, which its report names already: "PA401, PA402: <reason>"."""
        from procaudit.core.i18n import first_few, t

        if one_file:
            return f"{', '.join(self.rules)}: {self.reason}"
        shown = first_few(
            self.files, self.SHOWN_FILES, (" and {more} more files", " và {more} tệp khác")
        )
        return t(
            "{rules} in {where}: {reason}",
            "{rules} trong {where}: {reason}",
            rules=", ".join(self.rules),
            where=shown,
            reason=self.reason,
        )


@dataclass(frozen=True)
class FileReport:
    """What was read from one input file."""

    path: str
    sheets: tuple[str, ...] | None  # None for CSV
    rows: int
    columns: dict[str, str] = field(default_factory=dict)  # source header -> canonical column
    unmapped: tuple[str, ...] = ()
    skipped_sheets: tuple[tuple[str, str], ...] = ()  # (sheet, why) for sheets not read
    component_sheets: tuple[tuple[str, int], ...] = ()  # (sheet, rows) of dossier components
    notes: tuple[str, ...] = ()  # how the file was read, where the user should know
    stats: CatalogueStats | None = None  # for the scorecard
    province: str | None = None  # named by the file's title, its name or the configuration
    ministry: str | None = None  # or the ministry (national body) its title or name names
    units: tuple[UnitStats, ...] = ()  # per unit of its agency column, with --group-by agency


@dataclass(frozen=True)
class CatalogueStats:
    """What one catalogue holds, counted for the scorecard (not findings: facts).

    A count is None where the catalogue has no column to count it from: a list without a
    forms column has no share with forms, which is not the same as a share of 0.
    """

    procedures: int  # rows that are procedures (abolished ones excluded)
    with_code: int | None = None  # a code cell filled (whatever it holds)
    with_forms: int | None = None
    published: int | None = None  # with a publishing decision
    fully_online: int | None = None  # "Toàn trình"
    district_level: int | None = None  # stale district-level entries (PA501's rows)
    reference_total: int | None = None  # with --reference: reference procedures in scope
    reference_announced: int | None = None  # ... of which this catalogue lists
    # A code PA101 accepts: a national code, alone or with a local suffix (not "2018.HT.14").
    with_national_code: int | None = None
    # Catalogues counted together (a province's files, the total) where some lack a column:
    # (count, the procedures of those that have it). A share is taken of those procedures
    # only, so a file without a forms column does not read as a file without forms.
    measured: tuple[tuple[str, int], ...] = ()

    def measured_for(self, name: str) -> int:
        """The procedures the count `name` was taken over."""
        return dict(self.measured).get(name, self.procedures)


@dataclass(frozen=True)
class UnitStats:
    """The part of a catalogue one unit of its agency column holds (a department or a
    district of a one-stop export stacked per unit), for `--group-by agency`."""

    name: str  # the agency cell as first written, or "" for rows that name no agency
    stats: CatalogueStats
    # (rule, severity as the rule gave it, count) of the findings on the unit's rows; the
    # scorecard applies the configured severities to them.
    findings: tuple[tuple[str, Severity, int], ...] = ()


@dataclass(frozen=True)
class ScoreRow:
    """One line of the scorecard: a file, a province or ministry whose files are counted
    together, or (grouped by agency) one unit of a catalogue."""

    label: str  # the province's or ministry's name where known, else the file's path
    files: tuple[str, ...]
    stats: CatalogueStats
    errors: int = 0
    warnings: int = 0
    infos: int = 0
    catalogue: str | None = None  # a unit's row: the label of the catalogue it is part of

    def share(self, count: int | None, of: int | None = None) -> float | None:
        """count / procedures (or / `of`), None where either is unknown or zero."""
        whole = self.stats.procedures if of is None else of
        return None if count is None or not whole else count / whole

    def share_of(self, name: str) -> float | None:
        """The share of the count `name` (with_forms, ...) of the procedures it was taken
        over."""
        return self.share(getattr(self.stats, name), self.stats.measured_for(name))


@dataclass(frozen=True)
class Scorecard:
    """The national view of a run: one row per catalogue, a total, and headline lines
    ("5/34 catalogues announce every reference procedure")."""

    rows: tuple[ScoreRow, ...]
    total: ScoreRow
    headlines: tuple[str, ...] = ()
    group_by: str = "catalogue"  # or "agency": a row per unit of the agency column
    # Where the scorecard's numbers differ from the report's others, why ("the scorecard
    # counts procedures in force; the summary every row read").
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class FileFailure:
    """An input that could not be audited at all (exit code 2)."""

    path: str
    message: str
    # Read whole but holding no catalogue (`core.errors.NoCatalogueTable`): a file a folder
    # scan may be told to leave out.
    no_catalogue: bool = False


class BaselineEntry(NamedTuple):
    """One finding recorded in a baseline (a named tuple, like Finding: see there why)."""

    fingerprint: str
    rule: str
    file: str
    sheet: str | None
    code: str | None
    procedure: str | None
    column: str | None
    message: str

    def sort_key(self) -> tuple[str, ...]:
        return (
            self.file,
            self.sheet or "",
            self.code or "",
            self.procedure or "",
            self.rule,
            self.column or "",
            self.fingerprint,
        )


@dataclass(frozen=True)
class BaselineSplit:
    """A run measured against a baseline (`--baseline`): which findings are new, and which
    recorded ones are gone."""

    path: str
    new: frozenset[Finding]
    still: int
    fixed: tuple[BaselineEntry, ...]
    # Recorded findings this run could not check: of files it did not audit (or could not
    # read), or of rules it did not run on their file (not selected, a column missing).
    unchecked: int = 0

    def status(self, finding: Finding) -> str:
        return "new" if finding in self.new else "still"


@dataclass(frozen=True)
class AuditResult:
    """Everything one `procaudit check` run found."""

    files: tuple[FileReport, ...]
    findings: tuple[Finding, ...]
    skipped: tuple[SkippedRule, ...] = ()
    failures: tuple[FileFailure, ...] = ()
    baseline: BaselineSplit | None = None
    scorecard: Scorecard | None = None  # built after the audit (procaudit.engine.scorecard)
    # The rules the run checked (selected, and given what they need); None where not known.
    # A baseline's findings of the others are not checked, never fixed.
    checked_rules: tuple[str, ...] | None = None

    def with_severities(self, severities: dict[str, str]) -> AuditResult:
        """The result with the configured severity of some rules in place of their own."""
        if not severities:
            return self
        findings = tuple(
            f._replace(severity=Severity(severities[f.rule])) if f.rule in severities else f
            for f in self.findings
        )
        return replace(self, findings=findings)

    def skipped_groups(self) -> list[SkippedGroup]:
        """The rules not checked, grouped so that one reason shared by several rules and
        files is said once: seven portal exports without a decision column make one line."""
        files_of: dict[tuple[str, str], list[str]] = {}
        for skip in self.skipped:
            files_of.setdefault((skip.reason, skip.rule), []).append(skip.file)
        groups: dict[tuple[str, tuple[str, ...]], list[str]] = {}
        for (reason, rule), paths in files_of.items():
            groups.setdefault((reason, tuple(paths)), []).append(rule)
        # A group's rules in id order, as the report lists rules: "PA503, PA505, PA506".
        return [
            SkippedGroup(tuple(sorted(rules)), paths, reason)
            for (reason, paths), rules in groups.items()
        ]

    def one_file(self) -> bool:
        """Whether the run read one file, which its report's heading names: a line about it
        need not repeat its path."""
        return len(self.files) + len(self.failures) == 1

    def count_by_severity(self) -> dict[Severity, int]:
        counts = Counter(map(_SEVERITY, self.findings))
        return {severity: counts.get(severity, 0) for severity in Severity}

    def count_by_rule(self) -> dict[str, int]:
        return dict(sorted(Counter(map(_RULE, self.findings)).items()))

    def count_by_rule_and_severity(self) -> dict[str, dict[Severity, int]]:
        """Findings per rule, by rule id, and per severity within the rule, the most severe
        first: a rule may give some of its findings a milder severity than its own (PA402
        warns where only "QD" was typed for "QĐ")."""
        counts = Counter(zip(map(_RULE, self.findings), map(_SEVERITY, self.findings), strict=True))
        out: dict[str, dict[Severity, int]] = {}
        for (rule, severity), count in sorted(
            counts.items(), key=lambda item: (item[0][0], -item[0][1].rank)
        ):
            out.setdefault(rule, {})[severity] = count
        return out

    def exit_code(self, fail_on: FailOn) -> int:
        """0 clean, 1 findings at or above `fail_on`, 2 an input could not be audited."""
        if self.failures:
            return 2
        if fail_on is FailOn.NEVER:
            return 0
        threshold = Severity(fail_on.value).rank
        # Against a baseline only new findings fail the run: yesterday's are known work.
        gating = self.baseline.new if self.baseline else self.findings
        return 1 if any(f.severity.rank >= threshold for f in gating) else 0
