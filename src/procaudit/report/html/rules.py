"""Findings per rule: the summary's table (a column per severity, so PA402's warnings among
its errors show as both) and the chart, a panel per severity on its own scale.

On one scale, 858 whitespace notes left the errors as slivers one pixel wide. A log or square
root scale keeps them visible but makes every bar lie about its proportions; panels keep
each bar honest against the others of its severity, with its count written beside it, and
put the errors first.
"""

from __future__ import annotations

from procaudit.core.findings import AuditResult, Severity
from procaudit.core.i18n import number, t
from procaudit.report.html.charts import (
    NUM,
    SEVERITY_ORDER,
    Bar,
    Group,
    Panel,
    count_axis,
    panel_chart,
)
from procaudit.report.html.findings import rule_names
from procaudit.report.html.text import esc, severity_heading


def by_rule(result: AuditResult) -> list[tuple[str, dict[Severity, int]]]:
    """Each rule's findings per severity, the rules with errors first, then those with
    warnings, then information, by rule id within each."""
    counts = result.count_by_rule_and_severity()
    return sorted(counts.items(), key=lambda item: (-max(s.rank for s in item[1]), item[0]))


def shown_severities(result: AuditResult) -> list[Severity]:
    present = {f.severity for f in result.findings}
    return [s for s in SEVERITY_ORDER if s in present]


def rules_table(result: AuditResult) -> str:
    """The rules that found something, their name and count per severity; each count is a
    link to the findings table filtered to it. Empty without findings."""
    rules = by_rule(result)
    if not rules:
        return ""
    names = rule_names(result)
    severities = shown_severities(result)
    head = (
        f'<th scope="col">{esc(t("Rule", "Quy tắc"))}</th>'
        f'<th scope="col">{esc(t("Name", "Tên quy tắc"))}</th>'
        + "".join(f'<th scope="col"{NUM}>{esc(severity_heading(s))}</th>' for s in severities)
    )

    def count(rule: str, severity: Severity, value: int) -> str:
        if not value:
            return "–"
        return (
            f'<a href="#rule={esc(rule)}&amp;severity={severity.value}" '
            f'class="sev-text sev-{severity.value}">{number(value)}</a>'
        )

    body = "\n".join(
        f'<tr><th scope="row"><a href="#rule={esc(rule)}">{esc(rule)}</a></th>'
        f"<td>{esc(names[rule])}</td>"
        + "".join(f'<td class="num">{count(rule, s, counts.get(s, 0))}</td>' for s in severities)
        + "</tr>"
        for rule, counts in rules
    )
    return (
        f"<h3>{esc(t('Findings per rule', 'Số vấn đề theo quy tắc'))}</h3>\n"
        f'<div class="table-wrap"><table class="rules"><thead><tr>{head}</tr></thead>\n'
        f"<tbody>\n{body}\n</tbody></table></div>"
    )


def rule_chart(result: AuditResult) -> str | None:
    """A panel per severity, the errors first, each rule's bar in the panel of each severity
    it gave (PA402 is in two); the most findings first within a panel. None without
    findings."""
    rules = by_rule(result)
    if not rules:
        return None
    names = rule_names(result)
    severities = shown_severities(result)
    panels = []
    for severity in severities:
        found = sorted(
            ((rule, counts[severity]) for rule, counts in rules if severity in counts),
            key=lambda item: (-item[1], item[0]),
        )
        total = sum(count for _, count in found)
        panels.append(
            Panel(
                t(
                    "{severity}: {count} in {rules} rules"
                    if len(found) > 1
                    else "{severity}: {count} in 1 rule",
                    "{severity}: {count} vấn đề thuộc {rules} quy tắc",
                    severity=severity_heading(severity),
                    count=number(total),
                    rules=number(len(found)),
                ),
                tuple(
                    Group(
                        f"{rule} {names[rule]}",
                        (Bar(count, number(count), f"sev-{severity.value}"),),
                    )
                    for rule, count in found
                ),
                count_axis(max(count for _, count in found)),
            )
        )
    counts = result.count_by_severity()
    description = t(
        "{count} findings under {rules} rules: {errors} errors, {warnings} warnings and "
        "{infos} information findings; each severity on its own scale.",
        "{count} vấn đề thuộc {rules} quy tắc: {errors} lỗi, {warnings} cảnh báo và {infos} "
        "thông tin; mỗi mức độ có thang đo riêng.",
        count=number(len(result.findings)),
        rules=number(len(rules)),
        errors=number(counts[Severity.ERROR]),
        warnings=number(counts[Severity.WARNING]),
        infos=number(counts[Severity.INFO]),
    )
    return panel_chart(
        "chart-rules",
        t("Findings per rule", "Số vấn đề theo quy tắc"),
        description,
        panels,
        headings=[t("Rule", "Quy tắc"), *(severity_heading(s) for s in severities)],
        rows=[
            [
                f"{rule} {names[rule]}",
                *(number(counts[s]) if s in counts else "–" for s in severities),
            ]
            for rule, counts in rules
        ],
        legend=[(severity_heading(s), f"sev-{s.value}") for s in severities],
    )
