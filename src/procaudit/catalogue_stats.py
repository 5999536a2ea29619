"""Count what one catalogue holds, for the scorecard: procedures, and how many of them have a
code, a form, a publishing decision, a fully online service, a stale district level, and
(with `--reference`) how much of the national list they announce.

The counts are facts, not findings, but they must agree with the rules: a procedure "has a
form" exactly where PA301 does not flag it, is "published" where PA401 does not, is at the
district level where PA501 flags it, fully online as PA505 reads the online level, and the
reference counts are PA405's. So they are taken from the same helpers, on the distinct
values `RuleContext` has already factorised for the rules (a few milliseconds a million
rows), never row by row.

Procedures out of force ("bãi bỏ", their own status or their section's) are not counted.
A count is None where no table of the catalogue has the column it is read from; a table
without the column, beside one with it, shows none (a new-procedures annex without a code
column lists procedures without codes).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from procaudit.agencies import district_kind
from procaudit.levels import DISTRICT, level_ids
from procaudit.model import CatalogueStats, Finding
from procaudit.rules import Rule
from procaudit.rules.context import FileContext, RuleContext
from procaudit.rules.forms import _PLACEHOLDERS, _no_file
from procaudit.rules.reference import NOT_ANNOUNCED, _scope, not_announced
from procaudit.rules.reform import _fully_online
from procaudit.text import map_distinct
from procaudit.text_columns import SPACES, arrow_text, matches, re2_class

# A forms cell PA301 may flag holds only these characters (its `_PLACEHOLDERS`, with the
# spaces Python's \s matches spelled out for RE2): a cell with any other is filled.
_NOT_PLACEHOLDER = f"[^{re2_class(SPACES)}{re2_class('_.…/–—')}\\-]"


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


def catalogue_stats(
    context: FileContext, findings: Iterable[Finding] = (), rules: Iterable[Rule] = ()
) -> CatalogueStats:
    """The counts of one file, from its tables' contexts after the rules ran on them.

    `findings` and `rules` are the file's: when PA405 ran, its findings are the reference
    procedures the catalogue lacks, and need not be looked for twice."""
    procedures = 0
    counts = {name: _Count() for name in
              ("with_code", "with_forms", "published", "fully_online", "district_level")}
    with_component_forms = _component_form_codes(context)
    for _, ctx in context.tables:
        live = ~ctx.abolished.to_numpy(dtype=bool)
        procedures += int(live.sum())
        counts["with_code"].add(_with_code(ctx, live))
        counts["with_forms"].add(_with_forms(ctx, live, with_component_forms))
        counts["published"].add(_published(ctx, live))
        counts["fully_online"].add(_fully_online_rows(ctx, live))
        counts["district_level"].add(_district(ctx) & live)
    total, announced = _reference(context, findings, rules)
    return CatalogueStats(
        procedures, **{name: count.value for name, count in counts.items()},
        reference_total=total, reference_announced=announced,
    )


def _spread(ctx: RuleContext, column: str,
            flags_of: Callable[[pd.Index], np.ndarray]) -> np.ndarray:
    """A flag per row from a flag per distinct value of `column` (False where missing)."""
    codes, uniques = ctx.distinct(column)
    flags = np.append(np.asarray(flags_of(uniques), dtype=bool), False)
    return flags[codes]  # the code of a missing value is -1: the last, False


def _each(func: Callable[[str], object]) -> Callable[[pd.Index], np.ndarray]:
    """`func` (a truth) on each distinct value, in Python: for the rules' Python helpers."""
    return lambda uniques: np.fromiter((bool(func(value)) for value in uniques), dtype=bool,
                                       count=len(uniques))


def _with_code(ctx: RuleContext, live: np.ndarray) -> np.ndarray | None:
    if "code" not in ctx.frame:
        return None
    keys = ctx.code_keys  # stripped, shared with the duplicate rules
    return keys.str.len().gt(0).fillna(False).to_numpy(dtype=bool) & live


def _filled_forms(uniques: pd.Index) -> np.ndarray:
    """Which distinct forms cells PA301 leaves alone: those with a character a placeholder
    has not; the few without one are judged by PA301's own pattern."""
    texts = arrow_text(pd.Series(uniques, dtype="str"))
    filled = matches(texts, _NOT_PLACEHOLDER).to_numpy(zero_copy_only=False).copy()
    for position in np.flatnonzero(~filled):
        filled[position] = _PLACEHOLDERS.fullmatch(uniques[position]) is None
    return filled


def _with_forms(ctx: RuleContext, live: np.ndarray,
                component_codes: frozenset[str] | None) -> np.ndarray | None:
    """Procedures with a form: a filled forms cell (what PA301 does not flag), or a dossier
    component of their code with a form file attached (what PA302 would not flag)."""
    linked = component_codes is not None and "code" in ctx.frame
    if "forms" not in ctx.frame and not linked:
        return None
    has = (_spread(ctx, "forms", _filled_forms) if "forms" in ctx.frame
           else np.zeros(len(ctx.frame), dtype=bool))
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
        gives_file = links.notna() & ~map_distinct(links, _no_file, dtype="boolean").fillna(
            True).astype(bool)
        codes = frame.loc[gives_file, "code"].str.strip()
        found.update(codes[codes.str.len().gt(0).fillna(False)])
    return None if found is None else frozenset(found)


def _published(ctx: RuleContext, live: np.ndarray) -> np.ndarray | None:
    if "decision_no" not in ctx.frame:
        return None
    return ctx.frame["decision_no"].notna().to_numpy(dtype=bool) & live


def _fully_online_rows(ctx: RuleContext, live: np.ndarray) -> np.ndarray | None:
    if "online_level" not in ctx.frame:
        return None
    fully = _spread(ctx, "online_level",
                    lambda uniques: _fully_online(pd.Series(uniques, dtype="str")).to_numpy())
    return fully & live


def _district(ctx: RuleContext) -> np.ndarray:
    """The rows PA501 flags (before leaving out those out of force): a district level, a
    district-tier agency or court, or a name tagged at the district level."""
    frame = ctx.frame
    rows = np.zeros(len(frame), dtype=bool)
    if "level" in frame:
        rows |= _spread(ctx, "level", _each(lambda level: DISTRICT in level_ids(level)))
    if "agency" in frame:
        rows |= _spread(ctx, "agency", _each(lambda agency: district_kind(agency) is not None))
    tags = ctx.name_tags.dropna()  # most names have no tag
    tagged = tags.index[[DISTRICT in levels for _, levels in tags]]
    rows[frame.index.get_indexer(tagged)] = True
    return rows


def _reference(context: FileContext, findings: Iterable[Finding],
               rules: Iterable[Rule]) -> tuple[int | None, int | None]:
    """(reference procedures in the catalogue's scope, of which it announces) as PA405
    compares them; None without --reference or where PA405 cannot tell the scope."""
    reference = context.options.reference
    if reference is None:
        return None, None
    # A context of its own: PA405's helpers note on it why the rule could not check a file.
    own = FileContext(context.path, context.tables, context.options, context.components)
    expected = _scope(own, reference)
    if expected is None:
        return None, None
    total = int(expected.sum())
    if any(rule.id == NOT_ANNOUNCED for rule in rules):
        missing = sum(finding.rule == NOT_ANNOUNCED for finding in findings)
    else:
        missing = len(not_announced(own))
    return total, total - missing
