"""Markdown for pull-request comments and wiki pages: a summary by rule, then every finding."""

from __future__ import annotations

import re
from typing import TextIO

from procaudit import __version__
from procaudit.model import AuditResult, Finding, Severity
from procaudit.reporters.base import Reporter

_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def cell(value: object) -> str:
    """A table cell: a `|` would end the cell and a line break the row."""
    if value is None:
        return ""
    text = str(value)
    # Most cells hold neither: a test is far cheaper than a substitution (~800,000 cells).
    if "|" in text:
        text = text.replace("|", "\\|")
    if "\n" in text or "\r" in text:
        text = _LINE_BREAK.sub("<br>", text)
    return text


def _table(header: list[str], align: list[str], rows: list[list[object]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join(align) + "|"]
    lines += ["| " + " | ".join(map(cell, row)) + " |" for row in rows]
    return lines


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" + ("" if count == 1 or word == "info" else "s")


def _summary(result: AuditResult) -> str:
    counts = result.count_by_severity()
    return (f"{_plural(counts[Severity.ERROR], 'error')}, "
            f"{_plural(counts[Severity.WARNING], 'warning')}, "
            f"{_plural(counts[Severity.INFO], 'info')} in {_plural(len(result.files), 'file')} "
            f"({_plural(sum(f.rows for f in result.files), 'procedure')})")


def _by_rule(result: AuditResult) -> list[list[object]]:
    first: dict[str, Finding] = {}  # the name and severity shown are those of the first
    for finding in result.findings:
        first.setdefault(finding.rule, finding)
    return [[rule, first[rule].name, first[rule].severity.value, count]
            for rule, count in result.count_by_rule().items()]


class MarkdownReporter(Reporter):
    def render(self, result: AuditResult, out: TextIO) -> None:
        lines = [f"# procaudit {__version__}", "", _summary(result)]
        if result.failures:
            lines += ["", "## Could not be read", ""]
            lines += [f"- {cell(failure.message)}" for failure in result.failures]
        groups = result.skipped_groups()
        if groups:
            lines += ["", "## Not checked", ""]
            lines += [f"- {cell(group.describe())}" for group in groups]
        if result.findings:
            lines += ["", "## Findings by rule", ""]
            lines += _table(["Rule", "Name", "Severity", "Findings"],
                            ["---", "---", "---", "---:"], _by_rule(result))
            lines += ["", "## Findings", ""]
            lines += _table(
                ["File", "Sheet", "Row", "Column", "Code", "Rule", "Severity", "Message", "Fix"],
                ["---", "---", "---:", "---", "---", "---", "---", "---", "---"],
                [[f.file, f.sheet, f.row, f.column, f.code, f.rule, f.severity.value,
                  f.message, f.fix] for f in result.findings],
            )
        out.write("\n".join(lines) + "\n")
