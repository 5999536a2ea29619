"""One table's hits: the schema's and every applicable frame rule's, in rule order, as one
frame (columns index, rule, column, value, message, fix and maybe severity).

The rules run on the table's thread while its worker thread builds the heaviest shared work
(`RuleContext.prefetch`); once every rule left would wait for it (PA204's names, a second
or more at a million rows), the schema is checked meanwhile, and the hits found so far can be
made findings in that wait too (`converted_hits`), not in the tail after the last rule.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TypeVar

import pandas as pd

from procaudit.catalogue.arrow_memory import release_memory
from procaudit.core.findings import Finding
from procaudit.core.i18n import t
from procaudit.engine.hit_explain import explained
from procaudit.engine.hit_findings import to_findings
from procaudit.engine.schema import LoadedSchema, schema_hits
from procaudit.engine.skipped_rules import applicable
from procaudit.engine.stacked import SCHEMA, StackedHits
from procaudit.io import Table
from procaudit.rules import Rule
from procaudit.rules.context import RuleContext
from procaudit.rules.selection import RuleSelection

# Told what the run is doing ("lao-cai.xlsx: checking PA201 duplicate-entry"), for a
# progress display; it must not slow the run, so it hears of stages, not of rows.
Progress = Callable[[str], None]

T = TypeVar("T")

# A rule's hits made findings while its table's thread waits for the worker only up to this
# many: PA406's million with --reference, made beside PA204's names, raised the 1M run's
# peak by 170 MB. They wait for the end, when the names are gone.
EARLY_HITS = 100_000


def silent(stage: str) -> None:
    """No progress display."""


def _checking(rule: Rule) -> str:
    return t("checking {rule}", "đang kiểm tra {rule}", rule=f"{rule.id} {rule.name}")


def _checking_schema() -> str:
    return t("checking the schema", "đang kiểm tra theo lược đồ")


def _collecting() -> str:
    return t("collecting the findings", "đang tổng hợp các phát hiện")


def tell_stages(
    table: Table,
    rules: tuple[Rule, ...],
    context: RuleContext,
    progress: Progress,
    found: bool,
) -> None:
    """Tell `progress` the stages `converted_hits` tells of a table whose rules and schema
    all ran on its stack (`engine.stack_findings`): each rule it applies to, the schema,
    and the findings collected if it has hits (`found`)."""
    for rule in rules:
        if rule.check is not None and applicable(rule, table.frame, context.options):
            progress(_checking(rule))
    progress(_checking_schema())
    if found:
        progress(_collecting())


def audit_table(
    path: str,
    table: Table,
    schema: LoadedSchema,
    rules: tuple[Rule, ...],
    selection: RuleSelection | None = None,
    context: RuleContext | None = None,
    progress: Progress | None = None,
) -> Iterator[Finding]:
    """The findings of the schema and of every applicable frame rule on one table."""
    progress = progress or silent
    context = context or RuleContext(table.frame)
    found = table_hits(table, schema, rules, selection, context, progress)
    if found is not None:
        progress(_collecting())
        yield from to_findings(path, table, explained(found, context))


def table_hits(
    table: Table,
    schema: LoadedSchema,
    rules: tuple[Rule, ...],
    selection: RuleSelection | None = None,
    context: RuleContext | None = None,
    progress: Progress | None = None,
    stacked: StackedHits | None = None,
) -> pd.DataFrame | None:
    """The hits of the schema and of every applicable frame rule on one table, in one frame
    (columns index, rule, column, value, message, fix and maybe severity); None for none.
    `stacked`: what a stack of tables with this one found for it (`engine.stacked`): the
    rules (and the schema) it ran are not run again."""
    context = context or RuleContext(table.frame)
    _, found = _rule_hits(table, schema, rules, selection, context, progress, stacked, None)
    return found


def converted_hits(
    convert: Callable[[pd.DataFrame], T],
    table: Table,
    schema: LoadedSchema,
    rules: tuple[Rule, ...],
    selection: RuleSelection | None,
    context: RuleContext,
    progress: Progress | None = None,
    stacked: StackedHits | None = None,
) -> list[T]:
    """`convert` of the table's hits (`table_hits`), given in one or two parts. Once every
    rule left would wait for the worker, the hits found so far (the schema's and the rules'
    run) are converted while this thread waits (`RuleContext.meanwhile`), and the others
    after the rules: each part in rule order, a rule's hits all in one part. So `convert`
    must give the same for a rule's hits whichever others are beside them (the findings,
    sorted later, do), and must not need the table's text keys (`RuleContext.release`)."""

    def offer(hits: pd.DataFrame) -> Callable[[], T]:
        return context.meanwhile(lambda: convert(hits))

    early, rest = _rule_hits(table, schema, rules, selection, context, progress, stacked, offer)
    converted = [result() for result in early]
    if rest is not None:
        (progress or silent)(_collecting())
        converted.append(convert(rest))
    return converted


def _rule_hits(
    table: Table,
    schema: LoadedSchema,
    rules: tuple[Rule, ...],
    selection: RuleSelection | None,
    context: RuleContext,
    progress: Progress | None,
    stacked: StackedHits | None,
    offer: Callable[[pd.DataFrame], Callable[[], T]] | None,
) -> tuple[list[Callable[[], T]], pd.DataFrame | None]:
    """The table's hits (`table_hits`); with `offer`, those found before the wait for the
    worker are offered to it, the schema's and each rule's apart (what it gives back comes
    first, in that order), and the others returned."""
    frame = table.frame
    progress = progress or silent
    ran = stacked.ran if stacked is not None else frozenset()

    def checked_by_schema() -> pd.DataFrame:
        progress(_checking_schema())
        if SCHEMA in ran:
            return _NO_HITS  # at the head of the stack's hits, selected there
        hits = schema_hits(schema, frame)
        if selection is not None and not hits.empty:
            hits = hits[hits["rule"].map(selection.allows).astype(bool)]
        return hits

    checked = [
        rule
        for rule in rules
        if rule.check is not None and applicable(rule, frame, context.options)
    ]
    found: dict[int, pd.DataFrame] = {}
    from_schema: pd.DataFrame | None = None
    early: list[Callable[[], T]] = []
    for at in _run_order(checked, context):
        rule = checked[at]
        if from_schema is None and context.would_wait(rule.id):
            # Every rule left would wait for the worker (PA204's names): the schema, which
            # needs nothing of it, is checked meanwhile (0.2 s at a million rows).
            from_schema = checked_by_schema()
            if offer is not None and not ran:  # and the hits so far made findings
                # Rule by rule: a build's own offers, which it may wait for, are taken
                # between them (`RuleContext.meanwhile`).
                so_far = [from_schema, *(found[i] for i in sorted(found))]
                early = [
                    offer(part.reset_index(drop=True))
                    for part in so_far
                    if 0 < len(part) <= EARLY_HITS
                ]
                found = {i: part for i, part in found.items() if len(part) > EARLY_HITS}
                if len(from_schema) <= EARLY_HITS:
                    from_schema = _NO_HITS
        progress(_checking(rule))
        if rule.id in ran:  # found on a stack: among its hits
            continue
        assert rule.check is not None
        hits = rule.check(context)
        if not hits.empty:  # most rules find nothing in a small file: skip the copies
            found[at] = hits.assign(rule=rule.id).rename_axis("index").reset_index()
        # No `release_memory` between rules: what a rule freed, the next one reuses, and
        # handing it back after each (malloc_trim, ~5 ms at a million rows, the heap locked
        # meanwhile) made the 1M check 0.1 s slower with no lower peak, whichever allocator.
    if from_schema is None:
        from_schema = checked_by_schema()
    parts = [from_schema, *(found[at] for at in sorted(found))]  # in rule order
    if stacked is not None and ran:
        if not found:  # the stack's hits are in rule order, the schema's first
            parts = [from_schema, stacked.hits]
        else:  # some rules ran here: each rule's hits in its place
            of_rules = (found.get(at, stacked.of(rule.id)) for at, rule in enumerate(checked))
            parts = [from_schema, stacked.of(SCHEMA), *of_rules]
    context.release()
    release_memory(len(frame))  # so the findings can have that memory
    return early, _joined(parts)


def _joined(parts: list[pd.DataFrame]) -> pd.DataFrame | None:
    """The parts' hits in one frame, in order; None for none."""
    parts = [part for part in parts if not part.empty]  # the schema's may be empty
    if len(parts) == 1:  # as a concatenation of one frame gives it, without its copy
        return parts[0].reset_index(drop=True)
    return pd.concat(parts, ignore_index=True) if parts else None


_NO_HITS = pd.DataFrame()  # a part holding no hit: left out when the parts are joined


def _run_order(rules: list[Rule], context: RuleContext) -> Iterator[int]:
    """The rules' positions in the order to run them: each time the first rule that would
    not wait for shared work another thread is building (PA204's names), or the first
    rule left when all would. So this thread runs the other rules while the worker
    builds; the hits are put back in rule order."""
    left = list(range(len(rules)))
    while left:
        at = next((i for i in left if not context.would_wait(rules[i].id)), left[0])
        left.remove(at)
        yield at
