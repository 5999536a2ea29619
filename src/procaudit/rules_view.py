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
        table.add_row(rule.id, rule.name, rule.severity.value, _checked_by(rule),
                      Text(rule.summary))
    return table


# The option a rule needs, as the user types it.
_OPTION = {"reference": "--reference", "forms_dir": "--forms-dir"}


def _checked_by(rule: Rule) -> str:
    if rule.from_schema:
        return "schema"
    kind = "file rule" if rule.file_check is not None else "rule"
    return f"{kind}, with {_OPTION[rule.needs]}" if rule.needs else kind


def rule_doc(rule: Rule) -> Group:
    columns = ", ".join(rule.columns)
    heading = Text.assemble(
        (f"{rule.id} {rule.name}", "bold"),
        f" · default severity {rule.severity.value} · needs column {columns}",
        f" and {_OPTION[rule.needs]}" if rule.needs else "",
        " · checked on the whole file" if rule.file_check is not None else "",
    )
    return Group(heading, Text(), Markdown(rule.doc))
