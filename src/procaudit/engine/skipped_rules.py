"""Which rules a table or a file could not be checked by, and why: the "skipped" of a report
(a column the rule needs is missing, the schema has no check for it, a file rule's own note).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence

import pandas as pd

from procaudit.catalogue.columns import ROW, SHEET, named_column
from procaudit.core.findings import SkippedRule
from procaudit.core.i18n import first_few, t
from procaudit.engine.schema import LoadedSchema
from procaudit.io import Table
from procaudit.rules import Rule
from procaudit.rules.context import FileContext
from procaudit.rules.options import RuleOptions
from procaudit.rules.schema_generic import SCHEMA_VIOLATION

_SHOWN_SHEETS = 3  # sheets named where several lack a rule's column


def applicable(rule: Rule, frame: pd.DataFrame, options: RuleOptions | None = None) -> bool:
    """Whether the rule can check the frame: it has the rule's columns (and the options
    the rule needs, where options are given)."""
    if rule.needs is not None and options is not None and not options.has(rule.needs):
        return False
    return all(column in frame for column in rule.columns)


def tables_skipped(
    path: str, tables: Sequence[Table], schema: LoadedSchema, rules: tuple[Rule, ...]
) -> Iterator[SkippedRule]:
    """The rules a file's tables could not be checked by: a column missing, no check in the
    schema. A column missing from every sheet is said once for the file, as for a CSV file
    (so that files lacking the same column make one line), and from several sheets once for
    them: a workbook with a sheet per field gives four lines, not a hundred. A sheet of
    several tables names the one lacking it by its header's row."""
    labels = _table_labels(tables)
    # Each frame's columns as a set, read once: a frame's `in` costs a microsecond or two,
    # and a file asks it of every column of every rule.
    present = [set(table.frame.columns.tolist()) for table in tables]
    for rule in rules:
        if rule.id == SCHEMA_VIOLATION:
            continue
        if rule.from_schema and rule.id not in schema.rule_columns:
            yield SkippedRule(
                rule.id,
                path,
                t(
                    "the schema {source} has no check for it",
                    "lược đồ {source} không có kiểm tra cho quy tắc này",
                    source=schema.source,
                ),
            )
            continue
        if rule.file_check is not None:
            continue  # skipped only where no table of the file has its columns (see audit)
        columns = (schema.rule_columns[rule.id],) if rule.from_schema else rule.columns
        lacking: dict[str, list[Table]] = {}  # the first column missing -> its tables
        for table, has in zip(tables, present, strict=True):
            missing = [c for c in columns if c not in has and c not in (ROW, SHEET)]
            if missing:
                lacking.setdefault(missing[0], []).append(table)
        for column, lack in lacking.items():
            if len(lack) == len(tables):  # a one-sheet workbook's too: as a CSV's
                yield SkippedRule(rule.id, path, _no_column(None, column))
                continue
            named = [labels[id(table)] for table in lack]
            tables_apart = len({table.sheet for table in lack}) < len(lack)
            yield SkippedRule(rule.id, path, _no_column(named, column, tables_apart))


def _table_labels(tables: Sequence[Table]) -> dict[int, str | None]:
    """How a note names each table: its sheet ("'Phụ lục'"), and where a sheet holds several
    tables (an annex's parts), the row of its header too ("'Phụ lục' (header on row 19)");
    None for a CSV file's."""
    per_sheet = Counter(table.sheet for table in tables)
    labels: dict[int, str | None] = {}  # by the table's id
    for table in tables:
        label = None if table.sheet is None else f"'{table.sheet}'"
        header = table.account.header_rows if table.account is not None else ()
        if label and per_sheet[table.sheet] > 1 and header:
            label = t(
                "{sheet} (header on row {row})",
                "{sheet} (tiêu đề ở dòng {row})",
                sheet=label,
                row=header[0],
            )
        labels[id(table)] = label
    return labels


def file_skipped(context: FileContext, rules: tuple[Rule, ...]) -> Iterator[SkippedRule]:
    """The file rules no table of the file has the columns for, and the notes of those
    that found they could not check it."""
    frames = [table.frame for table, _ in context.tables]
    for rule in rules:
        if rule.file_check is not None and not any(applicable(rule, f) for f in frames):
            missing = next(c for c in rule.columns if not all(c in f for f in frames))
            yield SkippedRule(rule.id, context.path, _no_column(None, missing))
    for rule_id, reason in context.notes:
        yield SkippedRule(
            rule_id, context.path, t("the file: {reason}", "tệp: {reason}", reason=reason)
        )


def _no_column(tables: Sequence[str | None] | None, column: str, tables_apart: bool = False) -> str:
    """Why a rule was not checked: "sheet 'X' has no forms ('Mẫu đơn, tờ khai') column"
    (`tables`: their labels, `_table_labels`; None or a CSV's: the file has none);
    `tables_apart`: some of them share a sheet, so they are counted as tables."""
    named = [label for label in tables or () if label]
    if len(named) == 1:
        return t(
            "sheet {sheet} has no {column} column",
            "trang tính {sheet} không có cột {column}",
            sheet=named[0],
            column=named_column(column, with_header=True),
        )
    if named:
        listed = first_few(named, _SHOWN_SHEETS, (" and {more} more", " và {more} trang tính khác"))
        if tables_apart:
            return t(
                "{count} tables have no {column} column ({listed})",
                "{count} bảng không có cột {column} ({listed})",
                count=len(named),
                column=named_column(column, with_header=True),
                listed=listed,
            )
        return t(
            "{count} sheets have no {column} column ({listed})",
            "{count} trang tính không có cột {column} ({listed})",
            count=len(named),
            column=named_column(column, with_header=True),
            listed=listed,
        )
    return t(
        "the file has no {column} column",
        "tệp không có cột {column}",
        column=named_column(column, with_header=True),
    )
