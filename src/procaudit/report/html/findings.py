"""The findings table: its first page as static HTML (readable without JavaScript), and every
finding once as JSON for the script that filters, sorts and pages it.

85,000 findings repeat the same files, rules, columns and fixes thousands of times, so the
JSON holds each text once in a string table and a finding as indexes into it. With
`--baseline` each finding is marked new or still present, and a filter shows either.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import orjson

from procaudit.core.findings import AuditResult, BaselineSplit, Finding
from procaudit.core.i18n import number, t
from procaudit.report.html.charts import SEVERITY_ORDER
from procaudit.report.html.text import esc, severity_label
from procaudit.report.rule_names import shown_name

PAGE_SIZE = 200  # rows a page: a browser lays out 200 rows at once without a stutter
COLUMNS = ("file", "sheet", "row", "column", "rule", "severity", "code", "value", "message", "fix")


def headings() -> dict[str, str]:
    return {
        "file": t("File", "Tệp"),
        "sheet": t("Sheet", "Trang tính"),
        "row": t("Row", "Dòng"),
        "column": t("Column", "Cột"),
        "rule": t("Rule", "Quy tắc"),
        "severity": t("Severity", "Mức độ"),
        "code": t("Code", "Mã thủ tục"),
        "value": t("Value", "Giá trị"),
        "message": t("Finding", "Nội dung vấn đề"),
        "fix": t("How to fix", "Cách khắc phục"),
    }


def findings_section(result: AuditResult) -> str:
    """Controls (shown by the script), the table with its first page, the pager."""
    findings = result.findings
    if not findings:
        return f'<p class="none">{esc(t("No findings.", "Không phát hiện vấn đề nào."))}</p>'
    names = headings()
    head = "".join(
        f'<th scope="col" data-col="{column}"{_NUM if column == "row" else ""}>'
        f"{esc(names[column])}</th>"
        for column in COLUMNS
    )
    rows = "\n".join(row_html(f, result.baseline) for f in findings[:PAGE_SIZE])
    shown = min(len(findings), PAGE_SIZE)
    parts = [
        _controls(result),
        f'<p id="pa-status" class="status-line" aria-live="polite">'
        f"{esc(status(1, shown, len(findings)))}</p>",
        '<div class="table-wrap">',
        f'<table id="pa-findings" class="findings">\n<thead><tr>{head}</tr></thead>\n'
        f'<tbody id="pa-rows">\n{rows}\n</tbody>\n</table>',
        "</div>",
        '<div class="pager" id="pa-pager" hidden>'
        '<button type="button" id="pa-prev">‹ '
        + esc(t("Previous", "Trang trước"))
        + '</button><span id="pa-page"></span><button type="button" id="pa-next">'
        + esc(t("Next", "Trang sau"))
        + " ›</button></div>",
    ]
    if len(findings) > PAGE_SIZE:
        parts.append(
            "<noscript><p>"
            + esc(
                t(
                    "Without JavaScript only the first {shown} findings are shown; the JSON or CSV "
                    "report (procaudit check -f json) holds them all.",
                    "Khi trình duyệt không chạy JavaScript, báo cáo chỉ hiển thị {shown} vấn đề "
                    "đầu tiên; báo cáo dạng JSON hoặc CSV (procaudit check -f json) có đầy đủ các "
                    "vấn đề.",
                    shown=number(PAGE_SIZE),
                )
            )
            + "</p></noscript>"
        )
    return "\n".join(parts)


_NUM = ' class="num"'


def status(first: int, last: int, count: int) -> str:
    return t(
        "Findings {first}–{last} of {count}",
        "Vấn đề thứ {first}–{last} trong số {count}",
        first=number(first),
        last=number(last),
        count=number(count),
    )


def baseline_labels() -> dict[str, str]:
    """A finding against the baseline: new (it fails the gate) or still present."""
    return {"new": t("New", "Mới"), "still": t("Still present", "Còn tồn tại")}


def row_html(finding: Finding, baseline: BaselineSplit | None = None) -> str:
    """One row of the table, as the script also builds it."""
    severity = finding.severity.value
    mark = ""
    if baseline is not None:
        status = baseline.status(finding)
        mark = f' <span class="base base-{status}">{esc(baseline_labels()[status])}</span>'
    return (
        f"<tr><td>{esc(finding.file)}</td><td>{esc(finding.sheet)}</td>"
        f'<td class="num">{esc(finding.row)}</td><td>{esc(finding.column_name)}</td>'
        f'<td class="rule" title="{esc(shown_name(finding.rule, finding.name))}">'
        f"{esc(finding.rule)}</td>"
        f'<td><span class="sev sev-{severity}">{esc(severity_label(finding.severity))}</span>'
        f"{mark}</td>"
        f'<td>{esc(finding.code)}</td><td class="value">{esc(finding.value)}</td>'
        f"<td>{esc(finding.message)}</td><td>{esc(finding.fix)}</td></tr>"
    )


def _controls(result: AuditResult) -> str:
    """The filters, hidden until the script runs: without it they could do nothing."""
    files = _ordered((f.path for f in result.files), (f.file for f in result.findings))
    names = rule_names(result)
    present = {f.severity for f in result.findings}
    every = esc(t("All", "Tất cả"))

    def select(key: str, label: str, options: Iterable[tuple[str, str]]) -> str:
        items = "".join(
            f'<option value="{esc(value)}">{esc(text)}</option>' for value, text in options
        )
        return (
            f'<label for="pa-{key}">{esc(label)}<select id="pa-{key}">'
            f'<option value="">{every}</option>{items}</select></label>'
        )

    return (
        '<div class="controls" id="pa-controls" role="search" hidden>'
        + select("file", headings()["file"], ((f, f) for f in files))
        + select(
            "rule", headings()["rule"], ((rule, f"{rule} {name}") for rule, name in names.items())
        )
        + select(
            "severity",
            headings()["severity"],
            ((s.value, severity_label(s)) for s in SEVERITY_ORDER if s in present),
        )
        + (
            select(
                "baseline",
                t("Against the baseline", "So với lần kiểm tra gốc"),
                baseline_labels().items(),
            )
            if result.baseline is not None
            else ""
        )
        + f'<label for="pa-q">{esc(t("Search", "Tìm kiếm"))}<input id="pa-q" type="search" '
        f'placeholder="{esc(t("Code, name, value…", "Mã, tên, giá trị…"))}"></label>'
        f'<button type="button" id="pa-reset">{esc(t("Clear filters", "Bỏ lọc"))}</button>'
        "</div>"
    )


def rule_names(result: AuditResult) -> dict[str, str]:
    """Each rule's name by id, in id order (the name of its first finding, as elsewhere), in
    the report's language."""
    names: dict[str, str] = {}
    for finding in result.findings:
        if finding.rule not in names:
            names[finding.rule] = shown_name(finding.rule, finding.name)
    return dict(sorted(names.items()))


def _ordered(first: Iterable[str], then: Iterable[str]) -> list[str]:
    """The files in the order they were read, then any other a finding names (sorted)."""
    seen = dict.fromkeys(first)
    seen.update(dict.fromkeys(sorted(set(then) - set(seen))))
    return [path for path in seen if path]


def findings_json(result: AuditResult) -> str:
    """Every finding and the script's labels, as JSON safe inside a <script> element."""
    strings: dict[str, int] = {}
    split = result.baseline

    def ref(value: str | None) -> int | None:
        return None if value is None else strings.setdefault(value, len(strings))

    rows = [
        [
            ref(f.file),
            ref(f.sheet),
            f.row,
            ref(f.column_name),
            ref(f.rule),
            ref(f.severity.value),
            ref(f.code),
            ref(f.value),
            ref(f.message),
            ref(f.fix),
            *([] if split is None else [ref(split.status(f))]),
        ]
        for f in result.findings
    ]
    data: dict[str, Any] = {
        "columns": [*COLUMNS, *([] if split is None else ["baseline"])],
        "page_size": PAGE_SIZE,
        "labels": {
            "status": t(
                "Findings {first}–{last} of {count}", "Vấn đề thứ {first}–{last} trong số {count}"
            ),
            "filtered": t("(filtered from {total})", "(lọc từ {total} vấn đề)"),
            "none": t(
                "No finding matches the filters.", "Không có vấn đề nào phù hợp với điều kiện lọc."
            ),
            "page": t("Page {page} of {pages}", "Trang {page}/{pages}"),
            "sort": t("Sort by this column", "Sắp xếp theo cột này"),
        },
        "severities": {s.value: severity_label(s) for s in SEVERITY_ORDER},
        "baseline": baseline_labels(),
        "names": rule_names(result),
        "strings": list(strings),
        "findings": rows,
    }
    return script_safe(orjson.dumps(data).decode())


def script_safe(json_text: str) -> str:
    """JSON that no value can end early: `</script>` or `<!--` inside a string would close or
    confuse the element, so <, > and & are written as \\u escapes (still the same JSON)."""
    return json_text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
