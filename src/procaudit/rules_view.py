"""Render the rule registry for `procaudit rules`."""

from __future__ import annotations

from collections.abc import Iterable

from rich.console import Group
from rich.markdown import Markdown
from rich.table import Table
from rich.text import Text

from procaudit.rules import Rule


def rules_table(rules: Iterable[Rule]) -> Table:
    table = Table(show_edge=False, pad_edge=False, box=None)
    for heading in ("id", "name", "severity", "checked by", "finds"):
        table.add_column(heading, header_style="bold")
    for rule in rules:
        checked_by = "schema" if rule.from_schema else "rule"
        table.add_row(rule.id, rule.name, rule.severity.value, checked_by, Text(rule.summary))
    return table


def rule_doc(rule: Rule) -> Group:
    columns = ", ".join(rule.columns)
    heading = Text.assemble(
        (f"{rule.id} {rule.name}", "bold"),
        f" · default severity {rule.severity.value} · needs column {columns}",
    )
    return Group(heading, Text(), Markdown(rule.doc))
