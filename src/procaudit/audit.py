"""Run an audit: read each file, validate it against the schema, run the rules, collect findings.

Data flows one way: file -> reader -> canonical frame -> schema + rules -> findings.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import pandas as pd

from procaudit.columns import ALIASES, ROW, SHEET
from procaudit.errors import InputError
from procaudit.io import Catalogue, PerFile, Table, options_for, read_catalogue
from procaudit.model import (
    AuditResult,
    FileFailure,
    FileReport,
    Finding,
    Severity,
    SkippedRule,
)
from procaudit.rules import Rule, all_rules, get_rule
from procaudit.rules.context import FileContext, RuleContext
from procaudit.rules.options import RuleOptions
from procaudit.rules.schema_generic import SCHEMA_VIOLATION
from procaudit.rules.selection import RuleSelection
from procaudit.schema import LoadedSchema, load_schema, schema_hits


def audit(
    paths: Iterable[str],
    schema_path: str | None = None,
    read_options: PerFile = None,
    rule_options: RuleOptions | None = None,
    selection: RuleSelection | None = None,
) -> AuditResult:
    """Audit every path; an unreadable file is recorded as a failure and the rest go on."""
    schema = load_schema(schema_path)
    options = rule_options or RuleOptions()
    selection = selection or RuleSelection()
    rules = active_rules(options, selection)
    files: list[FileReport] = []
    findings: list[Finding] = []
    skipped: dict[SkippedRule, None] = {}  # ordered and without repeats
    failures: list[FileFailure] = []
    for path in paths:
        try:
            catalogue = read_catalogue(path, options_for(read_options, path))
        except InputError as exc:
            failures.append(FileFailure(path, str(exc)))
            continue
        contexts = [
            (table, RuleContext(table.frame, options, frozenset(table.header_map.columns)))
            for table in catalogue.tables
        ]
        for table, context in contexts:
            findings.extend(audit_table(path, table, schema, rules, selection, context))
            skipped.update(dict.fromkeys(_skipped(path, table, schema, rules)))
        file_context = FileContext(path, contexts, options, list(catalogue.components))
        findings.extend(audit_file(file_context, rules))
        skipped.update(dict.fromkeys(_file_skipped(file_context, rules)))
        files.append(_file_report(catalogue))
    findings.sort(key=Finding.sort_key)
    return AuditResult(tuple(files), tuple(findings), tuple(skipped), tuple(failures))


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
    return FileReport(catalogue.path, sheets, rows, columns, tuple(unmapped),
                      tuple(catalogue.skipped_sheets.items()), components, catalogue.notes)


def active_rules(options: RuleOptions, selection: RuleSelection) -> tuple[Rule, ...]:
    """The rules selected that can run: a rule needing an option the user did not give
    (`--reference`, `--forms-dir`) is off, not skipped."""
    return tuple(
        rule
        for rule in all_rules()
        if selection.allows(rule.id) and (rule.needs is None or options.has(rule.needs))
    )


def _applicable(rule: Rule, frame: pd.DataFrame, options: RuleOptions | None = None) -> bool:
    if rule.needs is not None and options is not None and not options.has(rule.needs):
        return False
    return all(column in frame for column in rule.columns)


def audit_table(
    path: str,
    table: Table,
    schema: LoadedSchema,
    rules: tuple[Rule, ...],
    selection: RuleSelection | None = None,
    context: RuleContext | None = None,
) -> Iterator[Finding]:
    """The findings of the schema and of every applicable frame rule on one table."""
    frame = table.frame
    context = context or RuleContext(frame)
    from_schema = schema_hits(schema, frame)
    if selection is not None and not from_schema.empty:
        from_schema = from_schema[from_schema["rule"].map(selection.allows).astype(bool)]
    parts = [from_schema]
    for rule in rules:
        if rule.check is not None and _applicable(rule, frame, context.options):
            found = rule.check(context)
            parts.append(found.assign(rule=rule.id).rename_axis("index").reset_index())
    parts = [part for part in parts if not part.empty]
    if parts:
        yield from _to_findings(path, table, pd.concat(parts, ignore_index=True))


def audit_file(context: FileContext, rules: tuple[Rule, ...]) -> Iterator[Finding]:
    """The findings of the file rules, which see every table of the file at once."""
    for rule in rules:
        if rule.file_check is None or not any(
            _applicable(rule, table.frame, context.options) for table, _ in context.tables
        ):
            continue
        found = rule.file_check(context)
        for hit in found.itertuples(index=False):
            yield Finding(
                rule=rule.id,
                name=rule.name,
                severity=rule.severity,
                file=context.path,
                sheet=hit.sheet,
                row=None if hit.row is None else int(hit.row),
                column=hit.column,
                code=hit.code,
                value=hit.value,
                message=hit.message,
                fix=hit.fix,
            )


def _to_findings(path: str, table: Table, found: pd.DataFrame) -> Iterator[Finding]:
    frame = table.frame
    index = found["index"]
    located = index.notna()
    positions = index[located].astype("int64")
    rows = pd.Series(pd.NA, index=found.index, dtype="Int64")
    rows[located] = frame.loc[positions, ROW].to_numpy()
    codes = pd.Series(None, index=found.index, dtype="object")
    if "code" in frame:
        codes[located] = frame.loc[positions, "code"].to_numpy()
    names = pd.Series(None, index=found.index, dtype="object")
    names[located] = frame.loc[positions, "name"].to_numpy()
    # A schema of the user's may name rule ids procaudit does not know: severity error.
    known = {rule_id: get_rule(rule_id) for rule_id in found["rule"].unique()}
    # A rule may give some of its hits a milder severity than its own (see hits.hits).
    severities = found["severity"] if "severity" in found else pd.Series(None, index=found.index)
    for hit, row, code, name, given in zip(
        found.itertuples(index=False), rows, codes, names, severities, strict=True
    ):
        rule = known[hit.rule]
        severity = rule.severity if rule else Severity.ERROR
        yield Finding(
            rule=hit.rule,
            name=rule.name if rule else "schema-check",
            severity=Severity(given) if isinstance(given, str) else severity,
            file=path,
            sheet=table.sheet,
            row=None if pd.isna(row) else int(row),
            column=hit.column if isinstance(hit.column, str) else None,
            code=code.strip() if isinstance(code, str) else None,
            value=hit.value if isinstance(hit.value, str) else None,
            message=hit.message,
            fix=hit.fix,
            procedure=name if isinstance(name, str) else None,
        )


def _skipped(
    path: str, table: Table, schema: LoadedSchema, rules: tuple[Rule, ...]
) -> Iterator[SkippedRule]:
    where = _where(table)
    for rule in rules:
        if rule.id == SCHEMA_VIOLATION:
            continue
        if rule.from_schema and rule.id not in schema.rule_columns:
            yield SkippedRule(rule.id, path, f"the schema {schema.source} has no check for it")
            continue
        if rule.file_check is not None:
            continue  # skipped only where no table of the file has its columns (see audit)
        columns = (schema.rule_columns[rule.id],) if rule.from_schema else rule.columns
        missing = [c for c in columns if c not in table.frame and c not in (ROW, SHEET)]
        if missing:
            yield SkippedRule(rule.id, path, f"{where} no {_column_label(missing[0])} column")


def _file_skipped(context: FileContext, rules: tuple[Rule, ...]) -> Iterator[SkippedRule]:
    frames = [table.frame for table, _ in context.tables]
    for rule in rules:
        if rule.file_check is not None and not any(_applicable(rule, f) for f in frames):
            missing = next(c for c in rule.columns if not all(c in f for f in frames))
            tables = [table for table, _ in context.tables]
            where = _where(tables[0]) if len(tables) == 1 else "the file has"
            yield SkippedRule(rule.id, context.path, f"{where} no {_column_label(missing)} column")
    for rule_id, reason in context.notes:
        yield SkippedRule(rule_id, context.path, f"the file: {reason}")


def _where(table: Table) -> str:
    return f"sheet '{table.sheet}' has" if table.sheet else "the file has"


def _column_label(column: str) -> str:
    return f"{column} ('{ALIASES[column][0]}')" if column in ALIASES else f"'{column}'"
