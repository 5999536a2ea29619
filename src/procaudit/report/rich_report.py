"""The human report: what was read, counts, then the findings grouped by rule."""

from __future__ import annotations

import heapq
from typing import TextIO

from rich.console import Console, JustifyMethod
from rich.table import Table
from rich.text import Text

from procaudit import __version__
from procaudit.core.findings import AuditResult, Finding, Severity
from procaudit.core.i18n import t
from procaudit.report.base import Reporter
from procaudit.report.scorecard_table import print_scorecard

_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" + ("" if count == 1 else "s")


def _count(count: int, word: str, vietnamese: str) -> str:
    """ "3 errors", "3 lỗi": Vietnamese nouns have no plural."""
    return t(_plural(count, word), f"{count} {vietnamese}")


class _Where:
    """The words of a finding's location, picked once per report (not once per finding)."""

    def __init__(self) -> None:
        self.sheet = t("sheet '{sheet}'", "trang tính '{sheet}'")
        self.row = t("row {row}", "dòng {row}")
        self.line = t("line {row}", "dòng {row}")


def _location(finding: Finding, words: _Where) -> str:
    parts = [finding.file]
    if finding.sheet is not None:
        parts.append(words.sheet.format(sheet=finding.sheet))
    if finding.row is not None:
        row = words.row if finding.sheet is not None else words.line
        parts.append(row.format(row=finding.row))
    if column := finding.column_name:  # the file's own header, in Vietnamese
        parts.append(column)
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
        print_scorecard(console, result)
        console.print()
        console.print(self._summary(result))

    def _baseline(self, console: Console, result: AuditResult) -> None:
        split = result.baseline
        if split is None:
            return
        console.print()
        console.print(
            Text(
                t(
                    "Against the baseline {path}: {new} new, {still} still present, {fixed} fixed",
                    "Đối chiếu với mốc {path}: {new} phát hiện mới, {still} vẫn còn, {fixed} đã "
                    "khắc phục",
                    path=split.path,
                    new=len(split.new),
                    still=split.still,
                    fixed=len(split.fixed),
                ),
                style="bold",
            )
        )
        limit = self.options.max_per_rule or len(split.fixed)
        fixed = t("  fixed {rule}: {where}", "  đã khắc phục {rule}: {where}")
        for entry in split.fixed[:limit]:
            where = " › ".join(filter(None, (entry.file, entry.sheet, entry.code, entry.procedure)))
            console.print(fixed.format(rule=entry.rule, where=where))
        if len(split.fixed) > limit:
            console.print(
                Text(
                    t(
                        "  … and {count} more fixed",
                        "  … và {count} phát hiện khác đã khắc phục",
                        count=len(split.fixed) - limit,
                    ),
                    style="dim",
                )
            )

    def _files(self, console: Console, result: AuditResult) -> None:
        for f in result.files:
            sheet_word = t("sheet '{sheet}'", "trang tính '{sheet}'")
            where = (
                ", ".join(sheet_word.format(sheet=s) for s in f.sheets)
                if f.sheets is not None
                else "CSV"
            )
            console.print(
                t(
                    "Read {path} ({where}): {rows}",
                    "Đã đọc {path} ({where}): {rows}",
                    path=f.path,
                    where=where,
                    rows=_count(f.rows, "procedure", "thủ tục"),
                )
            )
            if f.unmapped:
                console.print(
                    Text(
                        t("  columns not used: ", "  cột không sử dụng: ") + ", ".join(f.unmapped),
                        style="dim",
                    )
                )
            for note in f.notes:
                console.print(Text(t("  note: {note}", "  lưu ý: {note}", note=note), style="dim"))
            for sheet, rows in f.component_sheets:
                console.print(
                    Text(
                        t(
                            "  sheet '{sheet}' read as dossier components: {rows}",
                            "  trang tính '{sheet}' được đọc là thành phần hồ sơ: {rows}",
                            sheet=sheet,
                            rows=_count(rows, "row", "dòng"),
                        ),
                        style="dim",
                    )
                )
            for sheet, why in f.skipped_sheets:
                console.print(
                    Text(
                        t(
                            "  sheet '{sheet}' skipped: {why}",
                            "  bỏ qua trang tính '{sheet}': {why}",
                            sheet=sheet,
                            why=why,
                        ),
                        style="dim",
                    )
                )

    def _not_checked(self, console: Console, result: AuditResult) -> None:
        if not result.skipped:
            return
        console.print()
        console.print(Text(t("Not checked", "Chưa kiểm tra"), style="bold"))
        for group in result.skipped_groups():
            console.print(f"  {group.describe()}")

    def _counts(self, console: Console, result: AuditResult) -> None:
        first: dict[str, Finding] = {}
        for finding in result.findings:
            first.setdefault(finding.rule, finding)
        table = Table(title=None, show_edge=False, pad_edge=False, box=None)
        columns: tuple[tuple[str, JustifyMethod], ...] = (
            (t("rule", "quy tắc"), "left"),
            (t("name", "tên"), "left"),
            (t("severity", "mức độ"), "left"),
            (t("findings", "số phát hiện"), "right"),
        )
        for heading, justify in columns:
            table.add_column(heading, justify=justify, header_style="bold")
        # A line per severity of a rule: PA402's warnings are not counted as errors.
        for rule, counts in result.count_by_rule_and_severity().items():
            for severity, count in counts.items():
                table.add_row(
                    rule, first[rule].name, Text(severity.label, style=_STYLE[severity]), str(count)
                )
        console.print()
        console.print(table)

    def _groups(self, console: Console, result: AuditResult) -> None:
        limit = self.options.max_per_rule
        words, fix = _Where(), t("    fix: ", "    cách sửa: ")
        by_rule: dict[str, list[Finding]] = {}
        for finding in result.findings:
            by_rule.setdefault(finding.rule, []).append(finding)
        for rule in sorted(by_rule):
            findings = by_rule[rule]
            # The first `limit` in order, without sorting tens of thousands of findings.
            shown = (
                sorted(findings, key=Finding.sort_key)
                if limit <= 0
                else heapq.nsmallest(limit, findings, key=Finding.sort_key)
            )
            head = shown[0]
            severities = sorted(
                {finding.severity for finding in findings}, key=lambda severity: -severity.rank
            )
            console.print()
            console.print(
                Text.assemble(
                    (f"{rule} {head.name}", "bold"),
                    " · ",
                    *[
                        part
                        for number, severity in enumerate(severities)
                        for part in ((", " if number else ""), (severity.label, _STYLE[severity]))
                    ],
                    " · " + _count(len(findings), "finding", "phát hiện"),
                )
            )
            # One print for the rule's findings: Rich spends far more per print than per line.
            console.print(
                Text("\n").join(
                    line
                    for finding in shown
                    for line in (
                        Text("  " + _location(finding, words), style="bold"),
                        Text("    " + finding.message),
                        Text(fix + finding.fix, style="green"),
                    )
                )
            )
            if len(shown) < len(findings):
                console.print(
                    Text(
                        t(
                            "  … and {count} more",
                            "  … và {count} phát hiện khác",
                            count=len(findings) - len(shown),
                        ),
                        style="dim",
                    )
                )

    def _summary(self, result: AuditResult) -> Text:
        counts = result.count_by_severity()
        rows = sum(f.rows for f in result.files)
        text = Text()
        text.append(_count(counts[Severity.ERROR], "error", "lỗi"), _STYLE[Severity.ERROR])
        text.append(", ")
        text.append(
            _count(counts[Severity.WARNING], "warning", "cảnh báo"), _STYLE[Severity.WARNING]
        )
        text.append(", ")
        text.append(
            t("{count} info", "{count} thông tin", count=counts[Severity.INFO]),
            _STYLE[Severity.INFO],
        )
        text.append(
            t(
                " in {files} ({rows})",
                " trong {files} ({rows})",
                files=_count(len(result.files), "file", "tệp"),
                rows=_count(rows, "procedure", "thủ tục"),
            )
        )
        if result.failures:
            text.append(
                t(
                    "; {files} could not be read",
                    "; {files} không đọc được",
                    files=_count(len(result.failures), "file", "tệp"),
                ),
                "bold red",
            )
        return text
