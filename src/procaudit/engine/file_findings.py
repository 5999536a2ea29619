"""The findings of the file rules, which see every table of a file at once (PA505's share of
procedures fully online, PA302's form files): a rule's hits made Findings, each with the
header its table gives the column it names; a hit on an empty cell Excel shows a value in
put right first (`engine.unread_hits`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from itertools import repeat

import pandas as pd

from procaudit.core.findings import Finding
from procaudit.core.i18n import t
from procaudit.engine.column_names import file_column_names
from procaudit.engine.hit_findings import findings_of
from procaudit.engine.skipped_rules import applicable
from procaudit.engine.unread_hits import unread_file_hits
from procaudit.rules import Rule
from procaudit.rules.context import FileContext
from procaudit.rules.hits import FILE_HIT_COLUMNS


def audit_file(
    context: FileContext, rules: tuple[Rule, ...], progress: Callable[[str], None] | None = None
) -> Iterator[Finding]:
    """The findings of the file rules, which see every table of the file at once;
    `progress` hears the rule being checked."""
    tables = [*(table for table, _ in context.tables), *context.components]
    names = file_column_names(tables)
    for rule in rules:
        if rule.file_check is None or not any(
            applicable(rule, table.frame, context.options) for table, _ in context.tables
        ):
            continue
        if progress is not None:
            progress(t("checking {rule}", "đang kiểm tra {rule}", rule=f"{rule.id} {rule.name}"))
        found = unread_file_hits(rule.file_check(context), tables)
        if found.empty:  # most files: no finding, and no column to turn into lists
            continue
        fields = _fields(found)
        sheets, columns = fields["sheet"], fields["column"]
        yield from findings_of(
            {
                "rule": repeat(rule.id),
                "name": repeat(rule.name),
                "severity": repeat(rule.severity),
                "file": repeat(context.path),
                "sheet": sheets,
                # A row as the rule gave it (a number, or None): an int in the finding.
                "row": [None if row is None else int(row) for row in fields["row"]],
                "column": columns,
                "code": fields["code"],
                "value": fields["value"],
                "message": fields["message"],
                "fix": fields["fix"],
                "procedure": repeat(None),
                "header": [names.get(at) for at in zip(sheets, columns, strict=True)],
            }
        )


def _fields(found: pd.DataFrame) -> dict[str, list]:
    """Each field of a file rule's hits as a list, all read at once (`file_hits` makes them
    one block of objects): a column taken at a time cost 60 us a file."""
    cells = found.to_numpy(dtype=object)
    # Places looked up in a dict: `get_loc` builds each new frame's hash table of labels.
    at = {name: place for place, name in enumerate(found.columns.tolist())}
    return {name: cells[:, at[name]].tolist() for name in FILE_HIT_COLUMNS}
