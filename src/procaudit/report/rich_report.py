"""The human report: what was read, counts, then the findings grouped by rule, the rules with
errors first and in each rule the errors first, then by file and row; then what was not
checked, just above the totals line; every line folded to the terminal's width
(`console_lines`)."""

from __future__ import annotations

import heapq
from collections.abc import Sequence
from typing import TextIO

from rich.console import Console, JustifyMethod
from rich.table import Table
from rich.text import Text

from procaudit import __version__
from procaudit.core.findings import AuditResult, Finding, Severity
from procaudit.core.i18n import t
from procaudit.core.text_safety import visible_result
from procaudit.report.base import Reporter
from procaudit.report.console_lines import Folder, make_console
from procaudit.report.human_order import (
    ShownPaths,
    baseline_words,
    new_count,
    new_since_baseline,
    rules_by_severity,
    severity_first,
)
from procaudit.report.rule_names import shown_name
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


def _location(finding: Finding, words: _Where, shown: ShownPaths) -> str:
    parts = [shown(finding.file)]
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
        result = visible_result(result)  # a cell's escape sequences are shown, never run
        console = make_console(out, self.options.width, terminal=self.options.fold)
        # Folded to the terminal; a report file or pipe keeps its lines whole (and greppable).
        self._folder = Folder(console, self.options.fold)
        self._shown = ShownPaths()
        if self.options.summary_only:
            self._folder.print(self._summary(result))
            return
        console.print(Text(f"procaudit {__version__}", style="bold"))
        self._files(result)
        if result.findings:
            self._counts(console, result)
            self._groups(console, result)
        self._baseline(console, result)
        print_scorecard(console, result, self.options.fold)
        # After the findings: an official's first page is what was found, not what was not
        # done; still above the totals, which a page with no findings explains by it.
        self._not_checked(console, result)
        console.print()
        self._folder.print(self._summary(result))

    def _baseline(self, console: Console, result: AuditResult) -> None:
        split = result.baseline
        if split is None:
            return
        console.print()
        line = t(
            "Against the baseline {path}: {new} new, {still} still present, {fixed} fixed",
            "Đối chiếu với mốc {path}: {new} phát hiện mới, {still} vẫn còn, {fixed} đã khắc phục",
            path=self._shown(split.path),
            new=len(split.new),
            still=split.still,
            fixed=len(split.fixed),
        )
        if split.unchecked:  # neither fixed nor present: their file or rule was not checked
            line += t(", {count} not checked", ", {count} chưa kiểm tra", count=split.unchecked)
        self._folder.print(Text(line, style="bold"), rest="  ")
        limit = self.options.max_per_rule or len(split.fixed)
        fixed = t("  fixed {rule}: {where}", "  đã khắc phục {rule}: {where}")
        for entry in split.fixed[:limit]:
            where = " › ".join(
                filter(None, (self._shown(entry.file), entry.sheet, entry.code, entry.procedure))
            )
            self._folder.print(fixed.format(rule=entry.rule, where=where), rest="    ")
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

    def _files(self, result: AuditResult) -> None:
        fold = self._folder.print
        for f in result.files:
            where = _sheets_read(f.sheets) if f.sheets is not None else "CSV"
            fold(
                t(
                    "Read {path} ({where}): {rows}",
                    "Đã đọc {path} ({where}): {rows}",
                    path=self._shown(f.path),
                    where=where,
                    rows=_count(f.rows, "procedure", "thủ tục"),
                ),
                rest="  ",
            )
            if f.unmapped:
                fold(
                    # A header cell's line breaks would break the list's lines.
                    Text(", ".join(" ".join(h.split()) for h in f.unmapped), style="dim"),
                    t("  columns not used: ", "  cột không sử dụng: "),
                )
            for note in f.notes:
                fold(Text(note, style="dim"), t("  note: ", "  lưu ý: "))
            for sheet, rows in f.component_sheets:
                fold(
                    Text(
                        t(
                            "sheet '{sheet}' read as dossier components: {rows}",
                            "trang tính '{sheet}' được đọc là thành phần hồ sơ: {rows}",
                            sheet=sheet,
                            rows=_count(rows, "row", "dòng"),
                        ),
                        style="dim",
                    ),
                    "  ",
                    "    ",
                )
            for sheet, why in f.skipped_sheets:
                fold(
                    Text(
                        t(
                            "sheet '{sheet}' skipped: {why}",
                            "bỏ qua trang tính '{sheet}': {why}",
                            sheet=sheet,
                            why=why,
                        ),
                        style="dim",
                    ),
                    "  ",
                    "    ",
                )

    def _not_checked(self, console: Console, result: AuditResult) -> None:
        if not result.skipped:
            return
        console.print()
        console.print(Text(t("Not checked", "Chưa kiểm tra"), style="bold"))
        one_file = result.one_file()  # its path heads the report
        for group in result.skipped_groups():
            self._folder.print(group.describe(one_file), "  ", "    ")

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
        for rule, counts in rules_by_severity(result):
            for severity, count in counts.items():
                table.add_row(
                    rule,
                    shown_name(rule, first[rule].name),
                    Text(severity.label, style=_STYLE[severity]),
                    str(count),
                )
        console.print()
        console.print(table)

    def _groups(self, console: Console, result: AuditResult) -> None:
        limit = self.options.max_per_rule
        words, fix = _Where(), t("    fix: ", "    cách sửa: ")
        marks = baseline_words() if result.baseline is not None else None
        by_rule: dict[str, list[Finding]] = {}
        for finding in result.findings:
            by_rule.setdefault(finding.rule, []).append(finding)
        for rule, _ in rules_by_severity(result):
            findings = by_rule[rule]
            # The first `limit` in order, without sorting tens of thousands of findings.
            shown = (
                sorted(findings, key=severity_first)
                if limit <= 0
                else heapq.nsmallest(limit, findings, key=severity_first)
            )
            console.print()
            self._folder.print(self._heading(rule, findings, result), rest="  ")
            # One print for the rule's findings: Rich spends far more per print than per line.
            console.print(
                Text("\n").join(
                    line
                    for finding in shown
                    for line in (
                        *self._folder.lines(self._where(finding, words, marks, result), "  "),
                        *self._folder.lines(finding.message, "    "),
                        *self._folder.lines(Text(finding.fix, style="green"), fix),
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

    @staticmethod
    def _heading(rule: str, findings: list[Finding], result: AuditResult) -> Text:
        """ "PA402 invalid-decision · error, warning · 4 findings" (", 1 new"); in Vietnamese
        "PA402 số quyết định sai · lỗi, cảnh báo · 4 phát hiện"."""
        severities = sorted(
            {finding.severity for finding in findings}, key=lambda severity: -severity.rank
        )
        count = _count(len(findings), "finding", "phát hiện")
        if result.baseline is not None:
            count += t(", {new} new", ", {new} mới", new=new_count(result, findings))
        return Text.assemble(
            (f"{rule} {shown_name(rule, findings[0].name)}", "bold"),
            " · ",
            *[
                part
                for number, severity in enumerate(severities)
                for part in ((", " if number else ""), (severity.label, _STYLE[severity]))
            ],
            " · " + count,
        )

    def _where(
        self, finding: Finding, words: _Where, marks: dict[str, str] | None, result: AuditResult
    ) -> Text:
        """The finding's location, in bold; with a baseline, marked new or still present."""
        where = Text(_location(finding, words, self._shown), style="bold")
        if marks is not None and result.baseline is not None:
            status = result.baseline.status(finding)
            where.append(" · ")
            where.append(marks[status], "bold magenta" if status == "new" else "dim")
        return where

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
        if result.baseline is not None:
            text.append(new_since_baseline(result), "bold magenta")
        return text


_SHOWN_SHEETS = 3  # sheets named in "Read …" where a workbook has more than a few


def _sheets_read(sheets: Sequence[str]) -> str:
    """ "sheet 'A', sheet 'B'", or for a workbook with a sheet per field "25 sheets: 'A',
    'B', 'C' and 22 more": the report's first lines are not a list of sheets."""
    if len(sheets) <= _SHOWN_SHEETS + 1:
        word = t("sheet '{sheet}'", "trang tính '{sheet}'")
        return ", ".join(word.format(sheet=sheet) for sheet in sheets)
    return t(
        "{count} sheets: {listed} and {more} more",
        "{count} trang tính: {listed} và {more} trang tính khác",
        count=len(sheets),
        listed=", ".join(f"'{sheet}'" for sheet in sheets[:_SHOWN_SHEETS]),
        more=len(sheets) - _SHOWN_SHEETS,
    )
