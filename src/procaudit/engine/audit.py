"""Run an audit: read each file, validate it against the schema, run the rules, collect findings.

Data flows one way: file -> reader -> canonical frame -> schema + rules -> findings.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import Protocol, runtime_checkable

import pyarrow as pa

from procaudit.catalogue.arrow_memory import release_memory
from procaudit.core import collector
from procaudit.core.errors import InputError, NoCatalogueTable
from procaudit.core.findings import (
    AuditResult,
    FileFailure,
    FileReport,
    Finding,
    SkippedRule,
)
from procaudit.core.i18n import t
from procaudit.core.paths import shown_path
from procaudit.engine.catalogue_stats import (
    HitPart,
    RowHits,
    count_catalogue,
    finding_parts,
    offer_national_codes,
)
from procaudit.engine.cause_floods import collapse_causes
from procaudit.engine.file_findings import audit_file
from procaudit.engine.heading_floods import collapse_headings
from procaudit.engine.hit_findings import table_findings
from procaudit.engine.lists_over_sheets import ListFindings, with_lists_over_sheets
from procaudit.engine.owner import catalogue_owner
from procaudit.engine.schema import LoadedSchema, load_schema
from procaudit.engine.sheet_floods import collapse_across_tables
from procaudit.engine.skipped_rules import applicable, file_skipped, tables_skipped
from procaudit.engine.small_floods import collapse_small_columns
from procaudit.engine.stack_findings import TableColumns
from procaudit.engine.stacked import SCHEMA, StackedHits, stacked_hits
from procaudit.engine.table_hits import Progress, converted_hits, silent, tell_stages
from procaudit.engine.value_floods import collapse_values
from procaudit.io import Catalogue, PerFile, Table, options_for, read_catalogue, with_procedures
from procaudit.io.name_keys_ahead import drop_name_keys
from procaudit.rules import Rule, all_rules
from procaudit.rules.context import FileContext, RuleContext
from procaudit.rules.options import RuleOptions
from procaudit.rules.selection import RuleSelection


@dataclass(frozen=True)
class AuditPlan:
    """What every file of a run is audited with. Picklable: the worker processes of
    `--jobs` (`procaudit.engine.parallel`) receive it once each."""

    schema_path: str | None = None
    read_options: PerFile = None
    options: RuleOptions = field(default_factory=RuleOptions)
    selection: RuleSelection = field(default_factory=RuleSelection)
    every_row: bool = False
    by_agency: bool = False


# One file's audit: its findings, the rules it could not be checked by and its report entry,
# or why it could not be audited at all.
Audited = tuple[list[Finding], list[SkippedRule], FileReport] | FileFailure


@runtime_checkable
class CountsFiles(Protocol):
    """A progress callback that also hears each file done (files done, of how many, the rows
    audited so far): the display shows a bar of files and a count of rows."""

    def __call__(self, stage: str) -> None: ...

    def file_done(self, done: int, total: int, rows: int) -> None: ...


def audit(
    paths: Iterable[str | Catalogue],
    schema_path: str | None = None,
    read_options: PerFile = None,
    rule_options: RuleOptions | None = None,
    selection: RuleSelection | None = None,
    progress: Progress | None = None,
    every_row: bool = False,
    by_agency: bool = False,
    jobs: int = 1,
    on_read: Callable[[Catalogue], None] | None = None,
) -> AuditResult:
    """Audit every path (or catalogue already read: a DataFrame's, see `procaudit.app.frames`);
    an unreadable file is recorded as a failure and the rest go on.

    A rule that fails on nearly every value of a column gives one column finding
    (`procaudit.engine.floods`); `every_row` keeps its row findings instead. `by_agency`: count the
    scorecard's numbers per unit of the agency column too. `jobs`: at most that many worker
    processes audit the files, when a pool pays (`procaudit.engine.parallel.pool_size`);
    the result is the same as in one process, in the same order. `on_read` hears each
    catalogue read (a worker's sent back to this process), so that a fix-list can use it
    without reading the file again.
    """
    plan = AuditPlan(
        schema_path,
        read_options,
        rule_options or RuleOptions(),
        selection or RuleSelection(),
        every_row,
        by_agency,
    )
    schema = load_schema(schema_path)  # a schema that cannot be used fails before any pool
    collector.loaded()  # all the work needs is loaded by now, pandera's YAML reader too
    sources = list(paths)
    files: list[FileReport] = []
    findings: list[Finding] = []
    skipped: dict[SkippedRule, None] = {}  # ordered and without repeats
    failures: list[FileFailure] = []
    for audited in _each_file(sources, plan, schema, progress, jobs, on_read):
        if isinstance(audited, FileFailure):
            failures.append(audited)
            continue
        found, not_checked, report = audited
        findings.extend(found)
        skipped.update(dict.fromkeys(not_checked))
        files.append(report)
    findings.sort(key=Finding.sort_key)
    checked = tuple(rule.id for rule in active_rules(plan.options, plan.selection))
    return AuditResult(
        tuple(files), tuple(findings), tuple(skipped), tuple(failures), checked_rules=checked
    )


def _each_file(
    sources: list[str | Catalogue],
    plan: AuditPlan,
    schema: LoadedSchema,
    progress: Progress | None,
    jobs: int,
    on_read: Callable[[Catalogue], None] | None = None,
) -> Iterator[Audited]:
    """Each source's audit, in the sources' order: in worker processes when a pool pays,
    else here."""
    from procaudit.engine.parallel import in_pool, pool_size

    counter = progress if isinstance(progress, CountsFiles) else None
    workers = pool_size(sources, jobs)
    rules = active_rules(plan.options, plan.selection)
    if workers > 1:
        paths = [str(source) for source in sources]
        rows = 0

        def done(finished: int, index: int, result: Kept) -> None:
            nonlocal rows
            if counter is None:
                return
            rows += audited_rows(result[0])
            counter(f"[{finished}/{len(paths)}] {Path(shown_path(paths[index])).name}")
            counter.file_done(finished, len(paths), rows)

        def here(run: list[str]) -> list[Kept]:  # this process is one of the workers
            return [
                (audited, None)
                for audited in audit_batches(run, plan, schema, rules, None, on_read)
            ]

        keep = on_read is not None
        for audited, catalogue in in_pool(
            paths, workers, _start_worker, (plan, keep), _audit_in_worker, done, here, BATCH_FILES
        ):
            if catalogue is not None and on_read is not None:
                on_read(catalogue)
            yield audited
        return
    rows = 0
    audited_files = audit_batches(sources, plan, schema, rules, progress, on_read)
    for number, audited in enumerate(audited_files, start=1):
        if counter is not None:
            rows += audited_rows(audited)
            counter.file_done(number, len(sources), rows)
        yield audited


# A batch of files is read before any is audited, so that their small tables' row-local and
# table-local rules run once on a stack (`engine.stacked`): a batch ends at this many files
# or rows. Each stack pays every rule's fixed cost once: 2,000 communes' files took 18.5 s
# in batches of 64 files, 16.7 s of 256, 16.2 s of 512 (10 MB more held).
BATCH_FILES = 256
BATCH_ROWS = 20_000


def audit_batches(
    sources: Sequence[str | Catalogue],
    plan: AuditPlan,
    schema: LoadedSchema,
    rules: tuple[Rule, ...],
    progress: Progress | None = None,
    on_read: Callable[[Catalogue], None] | None = None,
) -> Iterator[Audited]:
    """Each source's audit, in order, the sources read a batch at a time (`BATCH_FILES`,
    `BATCH_ROWS`) and each batch's small tables stacked for the row-local and table-local
    rules: the same audits as `audit_source` gives each alone."""
    batch: list[tuple[Catalogue | FileFailure, Progress]] = []
    rows = 0
    names_ahead = any(rule.name_keys for rule in rules)
    for number, source in enumerate(sources, start=1):
        path = source if isinstance(source, str) else source.path
        stage = _stages(progress, shown_path(path), number, len(sources))
        read = _read(source, plan, stage, on_read, names_ahead)
        if isinstance(read, Catalogue):
            rows += sum(len(table.frame) for table in read.tables)
        batch.append((read, stage))
        del read  # held by the batch alone, which lets go of it once audited
        if len(batch) >= BATCH_FILES or rows >= BATCH_ROWS:
            yield from _audit_batch(batch, plan, schema, rules)  # empties the batch
            rows = 0
    yield from _audit_batch(batch, plan, schema, rules)


def _read(
    source: str | Catalogue,
    plan: AuditPlan,
    stage: Progress,
    on_read: Callable[[Catalogue], None] | None,
    names_ahead: bool = False,
) -> Catalogue | FileFailure:
    """The source's catalogue, or why it cannot be read (as `audit_source` says it).
    `names_ahead`: a rule reads the names' keys (see `read_catalogue`)."""
    if isinstance(source, Catalogue):
        return source
    stage(t("reading", "đang đọc"))
    try:
        catalogue = read_catalogue(
            source, options_for(plan.read_options, source), name_keys_ahead=names_ahead
        )
        with_procedures(catalogue)
    except InputError as exc:
        return _failure(exc)
    release_memory(catalogue_rows(catalogue))  # the parser's buffers, freed but kept
    if on_read is not None:
        on_read(catalogue)
    return catalogue


def _audit_batch(
    batch: list[tuple[Catalogue | FileFailure, Progress]],
    plan: AuditPlan,
    schema: LoadedSchema,
    rules: tuple[Rule, ...],
) -> Iterator[Audited]:
    """The audits of a batch of files read: the row-local and table-local rules run on the
    stacks of their small tables first, then each file as `audit_source` audits it. The
    files are taken out of `batch` one by one: a catalogue audited is let go, and its memory
    handed back, before the next (a large one would otherwise be kept through the report)."""
    tables = [t for read, _ in batch if isinstance(read, Catalogue) for t in read.tables]
    found = stacked_hits(tables, rules, plan.options, schema, plan.selection)[::-1]  # from the end
    del tables
    while batch:
        read, stage = batch.pop(0)
        if isinstance(read, FileFailure):
            yield read
            continue
        of_file = [found.pop() for _ in read.tables]
        audited = audit_source(read, plan, schema, rules, stage, stacked=of_file)
        del read, of_file
        release_memory(audited_rows(audited))
        yield audited
    drop_name_keys()  # made ahead for a table whose layout chose another name column
    pa.default_memory_pool().release_unused()  # the batch's small files, at once


# A worker process's run (`--jobs`): set once by `_start_worker`, for all its files, and
# whether it sends back the catalogues it reads.
_worker_run: tuple[AuditPlan, LoadedSchema, tuple[Rule, ...], bool] | None = None

# A file's audit, and with a fix-list to write, the catalogue a worker read, sent back to the
# parent (a small one is pickled and unpickled in 0.7 ms; reading it again cost 3 ms).
Kept = tuple[Audited, Catalogue | None]


def _start_worker(plan: AuditPlan, keep: bool = False) -> None:
    """Load the schema and the rules once for all the files a worker audits."""
    global _worker_run
    rules = active_rules(plan.options, plan.selection)
    _worker_run = (plan, load_schema(plan.schema_path), rules, keep)


def _audit_in_worker(paths: list[str]) -> list[Kept]:
    """A run of consecutive files' audits, their small tables stacked (`audit_batches`),
    each with its catalogue if the worker keeps them."""
    assert _worker_run is not None, "the worker was not started"
    plan, schema, rules, keep = _worker_run
    read: dict[str, Catalogue] = {}
    hear = (lambda catalogue: read.__setitem__(catalogue.path, catalogue)) if keep else None
    return [
        (audited, None if isinstance(audited, FileFailure) else read.pop(audited[2].path, None))
        for audited in audit_batches(paths, plan, schema, rules, None, hear)
    ]


def catalogue_rows(catalogue: Catalogue) -> int:
    return sum(len(table.frame) for table in catalogue.tables)


def audited_rows(audited: Audited) -> int:
    """The rows a file's audit went through (none for a file that could not be read)."""
    return 0 if isinstance(audited, FileFailure) else audited[2].rows


def audit_source(
    source: str | Catalogue,
    plan: AuditPlan,
    schema: LoadedSchema,
    rules: tuple[Rule, ...],
    stage: Progress | None = None,
    on_read: Callable[[Catalogue], None] | None = None,
    stacked: Sequence[StackedHits] | None = None,
) -> Audited:
    """One file's audit, or why it could not be audited (the path as shown). `stacked`: for
    each table of a catalogue given, the hits its row-local and table-local rules found on
    a stack (`engine.stacked`)."""
    try:
        audited = _audit_one(
            source,
            schema,
            plan.read_options,
            plan.options,
            rules,
            plan.selection,
            stage or silent,
            plan.every_row,
            plan.by_agency,
            on_read,
            stacked,
        )
    except InputError as exc:
        return _failure(exc)
    # The file's frames and keys are gone; pyarrow's allocator would keep their memory
    # for itself, out of reach of the next file and of the report: hand it back.
    release_memory(audited_rows(audited))
    return audited


def _audit_one(
    source: str | Catalogue,
    schema: LoadedSchema,
    read_options: PerFile,
    options: RuleOptions,
    rules: tuple[Rule, ...],
    selection: RuleSelection,
    stage: Progress,
    every_row: bool = False,
    by_agency: bool = False,
    on_read: Callable[[Catalogue], None] | None = None,
    stacked: Sequence[StackedHits] | None = None,
) -> tuple[list[Finding], list[SkippedRule], FileReport]:
    """One file's findings, the rules it could not be checked by, and its report entry."""
    if isinstance(source, Catalogue):
        catalogue = source
    else:
        stage(t("reading", "đang đọc"))
        names_ahead = any(rule.name_keys for rule in rules)
        catalogue = with_procedures(
            read_catalogue(source, options_for(read_options, source), names_ahead)
        )
        release_memory(catalogue_rows(catalogue))  # the parser's buffers, freed but kept
        if on_read is not None:
            on_read(catalogue)
    path = catalogue.path
    contexts = [
        (table, RuleContext(table.frame, options, frozenset(table.header_map.columns)))
        for table in catalogue.tables
    ]
    done = stacked or [StackedHits() for _ in contexts]
    # A list going on over sheets: PA201-PA204 compare its sheets' rows together.
    done = with_lists_over_sheets(catalogue.tables, done, rules, options)
    for (_, context), of_stack in zip(contexts, done, strict=True):
        for key, work in of_stack.seeds.items():  # made on the stack: not again here
            context.seed(key, work)
    findings: list[Finding] = []
    parts: list[HitPart] = []
    skipped: list[SkippedRule] = []
    try:
        for (_, context), of_stack in zip(contexts, done, strict=True):
            _prefetch(context, rules, of_stack.ran)
        # Done while this thread would wait for the worker (PA204's names), not in the tail.
        national_codes = [offer_national_codes(context) for _, context in contexts]
        own_rules = [r for r in rules if r.check is not None and not (r.row_local or r.table_local)]
        # A list over sheets: its floods found over its sheets together, as one table's.
        lists = ListFindings(() if every_row else catalogue.tables)
        for at, ((table, context), of_stack) in enumerate(zip(contexts, done, strict=True)):
            together = lists.together(at)
            plain = None if together else _plain(table, of_stack, context, own_rules, every_row)
            if plain is not None:  # its hits' findings made with its stack's
                made = plain.findings(path, table)
                if stage is not silent:
                    tell_stages(table, rules, context, stage, made is not None)
                context.release()
                if made is not None:
                    of_table, part = made
                    findings.extend(of_table if every_row else collapse_headings(of_table, table))
                    parts.append(part)
                continue
            # Only the findings are kept, not the hits (a million of PA406's with --reference).
            convert = partial(
                table_findings,
                path,
                table,
                collapse=not every_row,
                context=context,
                floods=not together,
            )
            for of_table, part in converted_hits(
                convert, table, schema, rules, selection, context, stage, of_stack
            ):
                kept = of_table if every_row else collapse_headings(of_table, table)
                if together:
                    lists.hold(at, kept)
                else:
                    findings.extend(kept)
                parts.append(part)
        if not every_row:
            findings.extend(lists.collapsed())
            tables = catalogue.tables
            findings = collapse_across_tables(findings, tables)
            findings = collapse_values(collapse_causes(collapse_small_columns(findings, tables)))
        skipped.extend(tables_skipped(path, catalogue.tables, schema, rules))
        file_context = FileContext(path, contexts, options, list(catalogue.components))
        of_file = list(audit_file(file_context, rules, stage))
        skipped.extend(file_skipped(file_context, rules))
        # The scorecard counts procedures, so it reads every hit on a row, flooded or not.
        hits = RowHits([*parts, *finding_parts(of_file)])
        stats, units = count_catalogue(file_context, (), rules, by_agency, hits, national_codes)
        findings.extend(of_file)
    finally:
        for _, context in contexts:
            context.close()
        if not isinstance(source, Catalogue):
            drop_name_keys()  # as `_audit_batch` does for the catalogues it was given
    province, ministry = catalogue_owner(catalogue)
    report = replace(
        _file_report(catalogue), stats=stats, province=province, ministry=ministry, units=units
    )
    return findings, skipped, report


def _plain(
    table: Table,
    stacked: StackedHits,
    context: RuleContext,
    own_rules: list[Rule],
    every_row: bool,
) -> TableColumns | None:
    """The table's place among its stack's hits, where its findings are those hits made
    findings as they are (`TableColumns.plain`): the stack ran the schema and every rule
    the table would run."""
    if stacked.columns is None or SCHEMA not in stacked.ran:
        return None
    if any(applicable(rule, table.frame, context.options) for rule in own_rules):
        return None
    return stacked.columns if stacked.columns.plain(table, not every_row) else None


# Below this many rows a table's shared work takes milliseconds: a worker thread would cost
# more in its start and in passing the GIL back and forth than it could save.
PREFETCH_ROWS = 20_000


def _prefetch(context: RuleContext, rules: tuple[Rule, ...], ran: frozenset[str]) -> None:
    """Start the shared work of the table's rules on its worker thread, if it is worth one;
    else each rule builds what it asks for first (the same findings either way). Not for
    the rules that `ran` elsewhere (a list over sheets' duplicates' rules, on its sheets
    together): PA204's names for one sheet of a large list would be built for nothing."""
    if len(context.frame) < PREFETCH_ROWS:
        return
    for rule in rules:
        if (
            rule.prefetch is not None
            and rule.check is not None
            and rule.id not in ran
            and applicable(rule, context.frame, context.options)
        ):
            context.prefetch_for(rule.id, rule.prefetch)
    context.start()


def _stages(progress: Progress | None, path: str, number: int, total: int) -> Progress:
    """The stages of one file, told as "[2/7] lao-cai.xlsx: reading"."""
    if progress is None:
        return silent
    where = f"[{number}/{total}] {Path(path).name}" if total > 1 else Path(path).name
    return lambda stage: progress(f"{where}: {stage}")


def _file_report(catalogue: Catalogue) -> FileReport:
    tables = catalogue.tables
    # A sheet holding several parts gives several tables: name it once.
    sheets = None if tables[0].sheet is None else tuple(dict.fromkeys(str(t.sheet) for t in tables))
    columns: dict[str, str] = {}
    unmapped: list[str] = []
    for table in tables:
        columns.update(table.header_map.sources)
        unmapped.extend(h for h in table.header_map.unmapped if h not in unmapped)
    rows = sum(len(t.frame) for t in tables)
    components = tuple((str(t.sheet), len(t.frame)) for t in catalogue.components)
    return FileReport(
        catalogue.path,
        sheets,
        rows,
        columns,
        tuple(unmapped),
        tuple(catalogue.skipped_sheets.items()),
        components,
        catalogue.notes,
    )


def active_rules(options: RuleOptions, selection: RuleSelection) -> tuple[Rule, ...]:
    """The rules selected that can run: a rule needing an option the user did not give
    (`--reference`, `--forms-dir`) is off, not skipped."""
    return tuple(
        rule
        for rule in all_rules()
        if selection.allows(rule.id) and (rule.needs is None or options.has(rule.needs))
    )


def _failure(exc: InputError) -> FileFailure:
    """The file that could not be read, and why."""
    return FileFailure(exc.path, str(exc), isinstance(exc, NoCatalogueTable))
