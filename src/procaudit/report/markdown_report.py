"""Markdown for pull-request comments and wiki pages: a summary by rule, then every finding,
the most severe first (then by file and row), paths relative to the current folder, and with
a baseline each finding marked new or still present."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TextIO

from procaudit import __version__
from procaudit.core.findings import AuditResult, Finding, Severity
from procaudit.core.i18n import t
from procaudit.core.text_safety import visible
from procaudit.engine.scorecard import scorecard_of, table, worth_showing
from procaudit.report.base import Reporter
from procaudit.report.human_order import (
    ShownPaths,
    baseline_words,
    new_since_baseline,
    rules_by_severity,
    severity_first,
)
from procaudit.report.rule_names import shown_name

_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def cell(value: object) -> str:
    """A table cell: a `|` would end the cell and a line break the row, and `<`, `>` and `&`
    would be HTML to a CommonMark viewer (`<img onerror=...>` from a catalogue cell runs)."""
    if value is None:
        return ""
    text = str(value)
    # Most cells hold none: a test is far cheaper than a substitution (~800,000 cells).
    if "<" in text or ">" in text or "&" in text:
        text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    if "|" in text:
        text = text.replace("|", "\\|")
    if "\n" in text or "\r" in text:
        text = _LINE_BREAK.sub("<br>", text)
    return text


def _table(header: list[str], align: list[str], rows: Sequence[Sequence[object]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join(align) + "|"]
    lines += ["| " + " | ".join(map(cell, row)) + " |" for row in rows]
    return lines


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" + ("" if count == 1 or word == "info" else "s")


def _summary(result: AuditResult) -> str:
    counts = result.count_by_severity()
    rows = sum(f.rows for f in result.files)
    return t(
        f"{_plural(counts[Severity.ERROR], 'error')}, "
        f"{_plural(counts[Severity.WARNING], 'warning')}, "
        f"{_plural(counts[Severity.INFO], 'info')} in {_plural(len(result.files), 'file')} "
        f"({_plural(rows, 'procedure')})",
        f"{counts[Severity.ERROR]} lỗi, {counts[Severity.WARNING]} cảnh báo, "
        f"{counts[Severity.INFO]} thông tin trong {len(result.files)} tệp ({rows} thủ tục)",
    ) + new_since_baseline(result)


def _by_rule(result: AuditResult) -> list[list[object]]:
    """A line per rule and severity: PA402's warnings are not counted among its errors."""
    first: dict[str, Finding] = {}  # the name shown is that of the first
    for finding in result.findings:
        first.setdefault(finding.rule, finding)
    return [
        [rule, shown_name(rule, first[rule].name), severity.label, count]
        for rule, counts in rules_by_severity(result)
        for severity, count in counts.items()
    ]


def _scorecard(result: AuditResult) -> list[str]:
    """The scorecard, when the run audited two catalogues or more or grouped them by agency;
    the total in bold."""
    scorecard = scorecard_of(result)
    if not worth_showing(scorecard, len(result.files)):
        return []
    headings, rows = table(scorecard)
    rows[-1] = [f"**{text}**" for text in rows[-1]]
    lines = ["", "## " + t("Scorecard", "Bảng tổng hợp"), ""]
    lines += _table(headings, ["---", *["---:"] * (len(headings) - 1)], rows)
    if scorecard.headlines:
        lines += ["", *(f"- {cell(headline)}" for headline in scorecard.headlines)]
    for note in scorecard.notes:
        lines += ["", f"{t('Note', 'Lưu ý')}: {cell(note)}"]
    return lines


class MarkdownReporter(Reporter):
    def render(self, result: AuditResult, out: TextIO) -> None:
        lines = [f"# procaudit {__version__}", "", _summary(result)]
        if result.failures:
            lines += ["", "## " + t("Could not be read", "Không đọc được"), ""]
            lines += [f"- {cell(failure.message)}" for failure in result.failures]
        groups = result.skipped_groups()
        if groups:
            heading = t("Not checked", "Chưa kiểm tra")
            one_file = result.one_file()
            if one_file:  # the lines need not repeat its path: the heading names it
                path = ShownPaths()(groups[0].files[0])
                heading = t("Not checked in {path}", "Chưa kiểm tra trong {path}", path=path)
            lines += ["", "## " + cell(heading), ""]
            lines += [f"- {cell(group.describe(one_file))}" for group in groups]
        lines += _scorecard(result)
        if result.findings:
            lines += ["", "## " + t("Findings by rule", "Phát hiện theo quy tắc"), ""]
            lines += _table(
                [
                    t("Rule", "Quy tắc"),
                    t("Name", "Tên"),
                    t("Severity", "Mức độ"),
                    t("Findings", "Số phát hiện"),
                ],
                ["---", "---", "---", "---:"],
                _by_rule(result),
            )
            lines += ["", "## " + t("Findings", "Các phát hiện"), ""]
            lines += _findings(result)
        # A cell's control characters are shown (\x1b), never passed to a viewer or terminal.
        out.write(visible("\n".join(lines)) + "\n")


def _findings(result: AuditResult) -> list[str]:
    """The findings' table: errors first, then by file and row; with a baseline, a column
    that says whether each is new."""
    label = {severity: severity.label for severity in Severity}  # once, not per row
    shown = ShownPaths()
    split = result.baseline
    marks = baseline_words()
    lines = _table(
        [
            t("File", "Tệp"),
            t("Sheet", "Trang tính"),
            t("Row", "Dòng"),
            t("Column", "Cột"),
            t("Code", "Mã TTHC"),
            t("Rule", "Quy tắc"),
            t("Severity", "Mức độ"),
            t("Message", "Nội dung"),
            t("Fix", "Cách sửa"),
            *([t("Baseline", "So với mốc")] if split is not None else []),
        ],
        ["---", "---", "---:", "---", "---", "---", "---", "---", "---"]
        + (["---"] if split is not None else []),
        [
            [
                shown(f.file),
                f.sheet,
                f.row,
                f.column_name,
                f.code,
                f.rule,
                label[f.severity],
                f.message,
                f.fix,
                *([marks[split.status(f)]] if split is not None else []),
            ]
            for f in sorted(result.findings, key=severity_first)
        ],
    )
    return lines
