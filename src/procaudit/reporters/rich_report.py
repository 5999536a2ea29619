"""The human report: what was read, counts, then the findings grouped by rule."""

from __future__ import annotations

import heapq
from typing import TextIO

from rich.console import Console
from rich.table import Table
from rich.text import Text

from procaudit import __version__
from procaudit.model import AuditResult, Finding, Severity
from procaudit.reporters.base import Reporter

_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" + ("" if count == 1 else "s")


def _location(finding: Finding) -> str:
    parts = [finding.file]
    if finding.sheet is not None:
        parts.append(f"sheet '{finding.sheet}'")
    if finding.row is not None:
        parts.append(f"row {finding.row}" if finding.sheet is not None else f"line {finding.row}")
    if finding.column:
        parts.append(finding.column)
    return " › ".join(parts)


class RichReporter(Reporter):
    def render(self, result: AuditResult, out: TextIO) -> None:
        # soft_wrap: long paths and messages stay on one line (and greppable) in logs.
        console = Console(file=out, width=self.options.width, highlight=False, soft_wrap=True)
        if self.options.summary_only:
            console.print(self._summary(result))
            return
        console.print(Text(f"procaudit {__version__}", style="bold"))
        self._files(console, result)
        self._not_checked(console, result)
        if result.findings:
            self._counts(console, result)
            self._groups(console, result)
        self._baseline(console, result)
        console.print()
        console.print(self._summary(result))

    def _baseline(self, console: Console, result: AuditResult) -> None:
        split = result.baseline
        if split is None:
            return
        console.print()
        console.print(Text(
            f"Against the baseline {split.path}: {len(split.new)} new, {split.still} still "
            f"present, {len(split.fixed)} fixed", style="bold"))
        limit = self.options.max_per_rule or len(split.fixed)
        for entry in split.fixed[:limit]:
            where = " › ".join(filter(None, (entry.file, entry.sheet, entry.code,
                                              entry.procedure)))
            console.print(f"  fixed {entry.rule}: {where}")
        if len(split.fixed) > limit:
            console.print(Text(f"  … and {len(split.fixed) - limit} more fixed", style="dim"))

    def _files(self, console: Console, result: AuditResult) -> None:
        for f in result.files:
            where = (
                ", ".join(f"sheet '{s}'" for s in f.sheets) if f.sheets is not None else "CSV"
            )
            console.print(f"Read {f.path} ({where}): {_plural(f.rows, 'procedure')}")
            if f.unmapped:
                console.print(Text("  columns not used: " + ", ".join(f.unmapped), style="dim"))
            for note in f.notes:
                console.print(Text(f"  note: {note}", style="dim"))
            for sheet, rows in f.component_sheets:
                console.print(Text(f"  sheet '{sheet}' read as dossier components: "
                                   f"{_plural(rows, 'row')}", style="dim"))
            for sheet, why in f.skipped_sheets:
                console.print(Text(f"  sheet '{sheet}' skipped: {why}", style="dim"))

    def _not_checked(self, console: Console, result: AuditResult) -> None:
        if not result.skipped:
            return
        console.print()
        console.print(Text("Not checked", style="bold"))
        for group in result.skipped_groups():
            console.print(f"  {group.describe()}")

    def _counts(self, console: Console, result: AuditResult) -> None:
        first = {}
        for finding in result.findings:
            first.setdefault(finding.rule, finding)
        table = Table(title=None, show_edge=False, pad_edge=False, box=None)
        for heading, justify in (("rule", "left"), ("name", "left"), ("severity", "left"),
                                 ("findings", "right")):
            table.add_column(heading, justify=justify, header_style="bold")
        for rule, count in result.count_by_rule().items():
            f = first[rule]
            table.add_row(rule, f.name, Text(f.severity.value, style=_STYLE[f.severity]),
                          str(count))
        console.print()
        console.print(table)

    def _groups(self, console: Console, result: AuditResult) -> None:
        limit = self.options.max_per_rule
        by_rule: dict[str, list[Finding]] = {}
        for finding in result.findings:
            by_rule.setdefault(finding.rule, []).append(finding)
        for rule in sorted(by_rule):
            findings = by_rule[rule]
            # The first `limit` in order, without sorting tens of thousands of findings.
            shown = (sorted(findings, key=Finding.sort_key) if limit <= 0
                     else heapq.nsmallest(limit, findings, key=Finding.sort_key))
            head = shown[0]
            console.print()
            console.print(
                Text.assemble(
                    (f"{rule} {head.name}", "bold"),
                    " · ",
                    (head.severity.value, _STYLE[head.severity]),
                    f" · {_plural(len(findings), 'finding')}",
                )
            )
            # One print for the rule's findings: Rich spends far more per print than per line.
            console.print(Text("\n").join(
                line for finding in shown for line in (
                    Text("  " + _location(finding), style="bold"),
                    Text("    " + finding.message),
                    Text("    fix: " + finding.fix, style="green"),
                )
            ))
            if len(shown) < len(findings):
                console.print(Text(f"  … and {len(findings) - len(shown)} more", style="dim"))

    def _summary(self, result: AuditResult) -> Text:
        counts = result.count_by_severity()
        rows = sum(f.rows for f in result.files)
        text = Text()
        text.append(_plural(counts[Severity.ERROR], "error"), _STYLE[Severity.ERROR])
        text.append(", ")
        text.append(_plural(counts[Severity.WARNING], "warning"), _STYLE[Severity.WARNING])
        text.append(", ")
        text.append(f"{counts[Severity.INFO]} info", _STYLE[Severity.INFO])
        text.append(
            f" in {_plural(len(result.files), 'file')} ({_plural(rows, 'procedure')})"
        )
        if result.failures:
            text.append(f"; {_plural(len(result.failures), 'file')} could not be read",
                        "bold red")
        return text
