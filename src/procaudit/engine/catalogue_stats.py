"""Count what one catalogue holds, for the scorecard: procedures, and how many of them have a
code (a national one), a form, a publishing decision, a fully online service, a stale
district level, and (with `--reference`) how much of the national list they announce.

The counts are facts, not findings, but they must agree with the rules: a procedure "has a
national code" exactly where its code is one PA101 does not flag (a local code such as
"2018.HT.14" fills the cell but is none), "has a form" where PA301 does not flag it, is
"published" where neither PA401 nor PA402 reports an error (PA402's warnings, a valid number
in extra words, are published), is at the district level where PA501 flags it, fully online
as PA505 reads the online level, and the reference counts are PA405's. So they are taken
from the rules' findings on the rows (as the rules gave them, before any configured
severity) or, for a rule that did not run, from the same helpers, on the distinct values
`RuleContext` has already factorised for the rules (a few milliseconds a million rows),
never row by row.

Procedures out of force ("bãi bỏ", their own status or their section's) are not counted.
A count is None where no table of the catalogue has the column it is read from; a table
without the column, beside one with it, shows none (a new-procedures annex without a code
column lists procedures without codes).

With `by_agency`, the same counts per unit of the agency column (a one-stop export stacked
per unit): each row's masks are summed per unit with `np.bincount` over the units' codes.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from procaudit.catalogue.columns import ROW, SECTION_UNIT
from procaudit.catalogue.text_columns import (
    SMALL_COLUMN,
    map_distinct,
)
from procaudit.core.findings import CatalogueStats, Finding, Severity, UnitStats
from procaudit.engine.row_flags import (
    DECISION_ERRORS,
    INVALID_DECISION,
    NATIONAL_CODE,
    national_codes,
    row_flag,
)
from procaudit.io.grid import NO_VALUE
from procaudit.rules import Rule
from procaudit.rules.context import FileContext, RuleContext
from procaudit.rules.forms import no_form_file
from procaudit.rules.reference import NOT_ANNOUNCED, not_announced, reference_scope
from procaudit.rules.reform_online import FULLY_ONLINE, readable_online_levels
from procaudit.vn.levels import DISTRICT
from procaudit.vn.text import comparison_key

INVALID_CODE, UNPUBLISHED = "PA101", "PA401"

# The counts, in the order of `CatalogueStats`; each is a mask over a table's rows.
COUNTED = (
    "with_code",
    "with_national_code",
    "with_forms",
    "published",
    "fully_online",
    "district_level",
)


@dataclass
class _Count:
    """One count of the file: its sum over the tables, and whether any table had a column
    to count it from."""

    total: int = 0
    known: bool = False

    def add(self, rows: np.ndarray | None) -> None:
        """Add a table's rows (a mask over its procedures); None: the table has no column."""
        if rows is not None:
            self.total += int(rows.sum())
            self.known = True

    @property
    def value(self) -> int | None:
        return self.total if self.known else None


SEVERITIES = tuple(Severity)  # a finding's severity as a number: its place here

# Up to this many hits a part's rules are counted in Python: pandas' factorize cost more.
_FEW_HITS = 200


# A table's hits (or a sheet's findings) as `RowHits` takes them: (sheet, row numbers with
# NaN for a finding without a row, rule ids, severities as places in `SEVERITIES`).
HitPart = tuple[str | None, np.ndarray, np.ndarray, np.ndarray]


class RowHits:
    """The file's findings that are on a row, as arrays (at a million rows a run has
    ~85,000 findings, or a million hits with --reference: numpy, never a pass per finding in
    Python): each one's sheet, row number, rule and severity, and the table positions of
    their rows; and how many findings each rule gave, on a row or not.

    Built from each table's hits before any is a Finding, or from findings."""

    def __init__(self, parts: Iterable[HitPart]) -> None:
        self.sheets: dict[str | None, int] = {}
        numbers: dict[str, int] = {}  # rule id -> its number, over the parts
        sheet, row, rule, severity = [], [], [], []
        self.totals: Counter[str] = Counter()
        for name, rows, rules, severities in parts:
            if len(rules) <= _FEW_HITS:  # a small file's: counted in Python, no pandas call
                counted = Counter(rules.tolist() if isinstance(rules, np.ndarray) else rules)
                self.totals.update(counted)
                for rule_id in counted:
                    numbers.setdefault(rule_id, len(numbers))
                numbered = np.array([numbers[rule_id] for rule_id in rules], dtype=np.int64)
            else:
                codes, ids = pd.factorize(np.asarray(rules, dtype=object))
                counts = np.bincount(codes, minlength=len(ids))
                self.totals.update(dict(zip(ids.tolist(), counts.tolist(), strict=True)))
                to_number = np.array(
                    [numbers.setdefault(rule_id, len(numbers)) for rule_id in ids], dtype=np.int64
                )
                numbered = to_number[codes]
            rows = np.asarray(rows, dtype=np.float64)
            located = ~np.isnan(rows)
            sheet_number = self.sheets.setdefault(name, len(self.sheets))
            sheet.append(np.full(int(located.sum()), sheet_number, dtype=np.int64))
            row.append(rows[located].astype(np.int64))
            rule.append(numbered[located])
            severity.append(np.asarray(severities, dtype=np.int64)[located])
        empty = np.zeros(0, dtype=np.int64)
        self.sheet = np.concatenate(sheet) if sheet else empty
        self.row = np.concatenate(row) if row else empty
        self.rule_code = np.concatenate(rule) if rule else empty
        self.rules = list(numbers)
        self.severity = np.concatenate(severity) if severity else empty

    @classmethod
    def of_findings(cls, findings: Iterable[Finding]) -> RowHits:
        return cls(finding_parts(findings))

    def on(self, sheet: str | None) -> np.ndarray:
        """Which findings are on the sheet's rows."""
        number = self.sheets.get(sheet)
        if number is None:
            return np.zeros(len(self.row), dtype=bool)
        return self.sheet == number

    def of(self, rule_ids: tuple[str, ...], severity: Severity | None = None) -> np.ndarray:
        """Which findings are of the rules (and the severity, if given)."""
        codes = [number for number, rule in enumerate(self.rules) if rule in rule_ids]
        chosen = np.isin(self.rule_code, codes)
        if severity is not None:
            chosen &= self.severity == SEVERITIES.index(severity)
        return chosen

    def rows_flagged(self, ctx: RuleContext, sheet: str | None, chosen: np.ndarray) -> np.ndarray:
        """The table's rows that chosen findings on the sheet are on."""
        rows = self.row[chosen & self.on(sheet)]
        if not len(rows):
            return np.zeros(len(ctx.frame), dtype=bool)
        return np.isin(ctx.frame[ROW].to_numpy(), rows)

    def positions(self, ctx: RuleContext, sheet: str | None) -> tuple[np.ndarray, np.ndarray]:
        """(the findings on the sheet that are on this table's rows, their positions in the
        table): a sheet may hold several tables."""
        on = np.flatnonzero(self.on(sheet))
        if not len(on):
            return on, on
        numbers = ctx.frame[ROW].to_numpy()
        wanted = self.row[on]
        if len(numbers) and bool((np.diff(numbers) > 0).all()):  # as read: rows in order
            at = np.minimum(np.searchsorted(numbers, wanted), len(numbers) - 1)
            at[numbers[at] != wanted] = -1
        else:  # a row is one row: the first of its numbers, should one repeat
            first = np.flatnonzero(~pd.Index(numbers).duplicated())
            at = pd.Index(numbers[first]).get_indexer(wanted)
            at = np.where(at >= 0, first[at], -1)
        return on[at >= 0], at[at >= 0]


def finding_parts(findings: Iterable[Finding]) -> list[HitPart]:
    """Findings as `RowHits` takes them: a part per sheet."""
    by_sheet: dict[str | None, list[Finding]] = {}
    for finding in findings:
        by_sheet.setdefault(finding.sheet, []).append(finding)
    return [
        (
            sheet,
            np.array([np.nan if f.row is None else f.row for f in found], dtype=np.float64),
            np.array([f.rule for f in found], dtype=object),
            np.array([SEVERITIES.index(f.severity) for f in found], dtype=np.int64),
        )
        for sheet, found in by_sheet.items()
    ]


def catalogue_stats(
    context: FileContext, findings: Iterable[Finding] = (), rules: Iterable[Rule] = ()
) -> CatalogueStats:
    """The counts of one file, from its tables' contexts after the rules ran on them.

    `findings` and `rules` are the file's: the findings of a rule that ran are read for the
    rows it flags (PA101, PA401, PA402) and, when PA405 ran, for the reference procedures
    the catalogue lacks; a rule that did not run is asked through its own helpers."""
    return count_catalogue(context, findings, rules)[0]


def count_catalogue(
    context: FileContext,
    findings: Iterable[Finding] = (),
    rules: Iterable[Rule] = (),
    by_agency: bool = False,
    hits: RowHits | None = None,
    national_codes: Sequence[NationalCodes] | None = None,
) -> tuple[CatalogueStats, tuple[UnitStats, ...]]:
    """`catalogue_stats`, and with `by_agency` the same counts per unit of the agency
    column (none where no table has one), each with the findings on its rows. `hits`: the
    file's findings as arrays, in place of `findings` (see `RowHits`); `national_codes`:
    each table's `offer_national_codes`, else the codes are matched here."""
    rules = list(rules)
    ran = {rule.id for rule in rules}
    on_rows = hits if hits is not None else RowHits.of_findings(findings)
    bad_codes = on_rows.of((INVALID_CODE,))
    # PA401 flags missing numbers, which are not counted anyway, and cells saying the
    # decision is not recorded yet ("Đang cập nhật"), which would be: both must have run.
    unpublished = on_rows.of((UNPUBLISHED, INVALID_DECISION), Severity.ERROR)
    procedures = 0
    counts = {name: _Count() for name in COUNTED}
    units = _Units(on_rows) if by_agency else None
    with_component_forms = _component_form_codes(context)
    for at, (table, ctx) in enumerate(context.tables):
        live = ~ctx.abolished.to_numpy(dtype=bool)
        valid = national_codes[at]() if national_codes is not None else _valid_codes(ctx)
        masks = {
            "with_code": _with_code(ctx, live),
            "with_national_code": _with_national_code(
                valid, live, on_rows.rows_flagged(ctx, table.sheet, bad_codes)
            ),
            "with_forms": _with_forms(ctx, live, with_component_forms, table.unread.get("forms")),
            "published": _published(
                ctx,
                live,
                on_rows.rows_flagged(ctx, table.sheet, unpublished)
                if INVALID_DECISION in ran and UNPUBLISHED in ran
                else None,
            ),
            "fully_online": _fully_online_rows(ctx, live),
            "district_level": _district(ctx) & live,
        }
        procedures += int(live.sum())
        for name, mask in masks.items():
            counts[name].add(mask)
        if units is not None:
            units.add(ctx, table.sheet, live, masks)
    total, announced = _reference(context, on_rows, rules)
    stats = _stats(
        procedures,
        {name: count.value for name, count in counts.items()},
        reference_total=total,
        reference_announced=announced,
    )
    return stats, (units.stats() if units is not None else ())


def _stats(procedures: int, counts: dict[str, int | None], **more: int | None) -> CatalogueStats:
    """The counts, named after fields of `CatalogueStats` (COUNTED), as its values."""
    # Keyword arguments gathered in a dict, whose keys mypy cannot match to the fields.
    named: dict[str, Any] = {**counts, **more}
    return CatalogueStats(procedures, **named)


class _Units:
    """The counts per unit of the agency column over a file's tables (in a table without
    one, of the units heading its blocks: `SECTION_UNIT`). A unit is a distinct agency cell,
    folded as `comparison_key` folds it ("Sở Giao thông Vận tải" and "Sở Giao thông vận
    tải" are one) and named as first written; rows without an agency make a unit of their
    own, named ""."""

    def __init__(self, on_rows: RowHits) -> None:
        self.names: dict[str, str] = {}  # key -> the name as first written
        self.ids: dict[str, int] = {}  # key -> the unit's number, in order of appearance
        self.procedures: list[np.ndarray] = []
        self.counts: dict[str, list[np.ndarray | None]] = {name: [] for name in COUNTED}
        self.found: Counter[tuple[int, str, Severity]] = Counter()
        self.on_rows = on_rows
        self.any_agency = False

    def _unit_codes(self, ctx: RuleContext) -> np.ndarray:
        """The unit number of each row of the table (file-wide numbers)."""
        column = next((c for c in ("agency", SECTION_UNIT) if c in ctx.frame), None)
        if column is None:
            return np.full(len(ctx.frame), self._unit(""), dtype=np.int64)
        self.any_agency = True
        codes, uniques = ctx.distinct(column)
        ids = np.fromiter(
            (self._unit(value) for value in uniques), dtype=np.int64, count=len(uniques)
        )
        if (codes < 0).any():  # rows without an agency: a unit of their own, the last
            return np.append(ids, self._unit(""))[codes]
        return ids[codes]

    def _unit(self, value: str) -> int:
        name = " ".join(str(value).split())  # line breaks and doubled spaces, as shown
        key = comparison_key(name) if name else ""
        if key not in self.ids:
            self.ids[key] = len(self.ids)
            self.names[key] = name
        return self.ids[key]

    def add(
        self,
        ctx: RuleContext,
        sheet: str | None,
        live: np.ndarray,
        masks: dict[str, np.ndarray | None],
    ) -> None:
        unit = self._unit_codes(ctx)
        size = len(self.ids)

        def per_unit(mask: np.ndarray) -> np.ndarray:
            return np.bincount(unit, weights=mask, minlength=size).astype(np.int64)

        self.procedures.append(per_unit(live))
        for name, mask in masks.items():
            self.counts[name].append(None if mask is None else per_unit(mask))
        found, at = self.on_rows.positions(ctx, sheet)
        if len(found):
            # One count per unit, rule and severity: a key per finding, counted by bincount.
            kinds = len(self.on_rows.rules) * len(SEVERITIES)
            kind = self.on_rows.rule_code[found] * len(SEVERITIES) + self.on_rows.severity[found]
            counted = np.bincount(unit[at] * kinds + kind, minlength=size * kinds)
            for key in np.flatnonzero(counted):
                number, kind_of = divmod(int(key), kinds)
                rule, severity = divmod(kind_of, len(SEVERITIES))
                self.found[(number, self.on_rows.rules[rule], SEVERITIES[severity])] += int(
                    counted[key]
                )

    def stats(self) -> tuple[UnitStats, ...]:
        if not self.any_agency:
            return ()
        size = len(self.ids)

        def total(parts: Sequence[np.ndarray | None]) -> tuple[np.ndarray, bool]:
            known = [np.pad(part, (0, size - len(part))) for part in parts if part is not None]
            return (sum(known, np.zeros(size, dtype=np.int64)), bool(known))

        procedures, _ = total(self.procedures)
        counts = {name: total(parts) for name, parts in self.counts.items()}
        found: dict[int, list[tuple[str, Severity, int]]] = {}
        for (unit, rule, severity), count in sorted(self.found.items()):
            found.setdefault(unit, []).append((rule, severity, count))
        return tuple(
            UnitStats(
                self.names[key],
                _stats(
                    int(procedures[number]),
                    {
                        name: int(values[number]) if known else None
                        for name, (values, known) in counts.items()
                    },
                ),
                tuple(found.get(number, ())),
            )
            for key, number in self.ids.items()
        )


def _with_code(ctx: RuleContext, live: np.ndarray) -> np.ndarray | None:
    """Procedures whose code cell is filled, whatever it holds."""
    if "code" not in ctx.frame:
        return None
    keys = ctx.code_keys  # stripped, shared with the duplicate rules
    if len(keys) <= SMALL_COLUMN:  # in Python: pandas' four calls cost more on a small list
        values = keys.to_numpy(dtype=object)
        filled = np.fromiter(
            (isinstance(key, str) and key != "" for key in values), dtype=bool, count=len(values)
        )
        return filled & live
    return keys.str.len().gt(0).fillna(False).to_numpy(dtype=bool) & live


def _with_national_code(
    valid: np.ndarray | None, live: np.ndarray, flagged: np.ndarray
) -> np.ndarray | None:
    """Procedures whose code PA101 accepts: its pattern (`valid`, so the count stands where
    the rule was not run), and not on a row PA101 flagged (a stricter pattern of the user's
    schema)."""
    if valid is None:
        return None
    return valid & ~flagged & live


# A table's codes that have PA101's pattern (None without a code column), when asked.
NationalCodes = Callable[[], np.ndarray | None]


def _valid_codes(ctx: RuleContext) -> np.ndarray | None:
    return row_flag(ctx, NATIONAL_CODE) if "code" in ctx.frame else None


def offer_national_codes(ctx: RuleContext) -> NationalCodes:
    """The table's codes that have PA101's pattern (`row_flags.national_codes`): given
    from its stack, or offered (`RuleContext.beside`) to the thread that will wait for the
    table's shared work: the match reads only the frame, and at a million codes it took
    0.07 s after the last rule, on the way to the report."""
    if "code" not in ctx.frame:
        return lambda: None
    given: np.ndarray | None = ctx.given(NATIONAL_CODE)
    if given is not None:
        return lambda: given
    return ctx.beside(lambda: national_codes(ctx))


def _with_forms(
    ctx: RuleContext,
    live: np.ndarray,
    component_codes: frozenset[str] | None,
    shown: np.ndarray | None = None,
) -> np.ndarray | None:
    """Procedures with a form: a filled forms cell (what PA301 does not flag), or a dossier
    component of their code with a form file attached (what PA302 would not flag). A forms
    cell holding a formula saved without its value (`shown`: `Table.unread`'s) shows one in
    Excel, as PA301 knows; one showing an Excel error ("#N/A") shows none."""
    linked = component_codes is not None and "code" in ctx.frame
    if "forms" not in ctx.frame and not linked:
        return None
    has = (
        row_flag(ctx, "forms filled").copy()  # the table's, kept: changed here
        if "forms" in ctx.frame
        else np.zeros(len(ctx.frame), dtype=bool)
    )
    if shown is not None:
        has |= shown == NO_VALUE
    if linked and component_codes:
        lacking = ~has & live
        codes = ctx.code_keys[lacking]
        has[lacking] = codes.isin(component_codes).to_numpy(dtype=bool)
    return has & live


def _component_form_codes(context: FileContext) -> frozenset[str] | None:
    """The codes of procedures whose dossier components have a form file attached; None
    when no components sheet ties its components to codes and form links."""
    found: set[str] | None = None
    for table in context.components:
        frame = table.frame
        if "code" not in frame or "form_link" not in frame:
            continue
        found = found if found is not None else set()
        links = frame["form_link"]
        gives_file = links.notna() & ~map_distinct(links, no_form_file, dtype="boolean").fillna(
            True
        ).astype(bool)
        codes = frame.loc[gives_file, "code"].str.strip()
        found.update(codes[codes.str.len().gt(0).fillna(False)])
    return None if found is None else frozenset(found)


def _published(ctx: RuleContext, live: np.ndarray, errors: np.ndarray | None) -> np.ndarray | None:
    """Procedures with a decision number neither PA401 nor PA402 reports as an error: the
    rows of their error findings (`errors`), or, where either did not run (None), of PA402's
    own check's error hits and PA401's reading of a cell not recorded yet
    (`row_flags.DECISION_ERRORS`)."""
    if "decision_no" not in ctx.frame:
        return None
    # The array's own test: a Series' `notna` cost five times more on a small table.
    given = ~np.asarray(ctx.frame["decision_no"].array.isna(), dtype=bool)
    if errors is None:
        errors = row_flag(ctx, DECISION_ERRORS)
    return given & ~errors & live


def _fully_online_rows(ctx: RuleContext, live: np.ndarray) -> np.ndarray | None:
    # A column of "Có" / "x" says whether there is a service, not whether it is full.
    if "online_level" not in ctx.frame or not readable_online_levels(ctx):
        return None
    return row_flag(ctx, FULLY_ONLINE) & live  # PA505's, if it ran


def _district(ctx: RuleContext) -> np.ndarray:
    """The rows PA501 flags (before leaving out those out of force): a district level, a
    district-tier agency or court, or a name tagged at the district level."""
    frame = ctx.frame
    rows = np.zeros(len(frame), dtype=bool)
    if "level" in frame:
        rows |= row_flag(ctx, "district level")
    if "agency" in frame:
        rows |= row_flag(ctx, "district agency")
    tags = ctx.name_tags  # most names have no tag
    tagged = tags.index[[DISTRICT in levels for _, levels in tags]]
    rows[frame.index.get_indexer(tagged)] = True
    return rows


def _reference(
    context: FileContext, on_rows: RowHits, rules: Iterable[Rule]
) -> tuple[int | None, int | None]:
    """(reference procedures in the catalogue's scope, of which it announces) as PA405
    compares them; None without --reference or where PA405 cannot tell the scope."""
    reference = context.options.reference
    if reference is None:
        return None, None
    # A context of its own: PA405's helpers note on it why the rule could not check a file.
    own = FileContext(context.path, context.tables, context.options, context.components)
    expected = reference_scope(own, reference)
    if expected is None:
        return None, None
    total = int(expected.sum())
    if any(rule.id == NOT_ANNOUNCED for rule in rules):
        missing = on_rows.totals[NOT_ANNOUNCED]
    else:
        missing = len(not_announced(own))
    return total, total - missing
