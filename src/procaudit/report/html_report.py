"""The HTML report: one self-contained page to share with officials (`-f html -o report.html`).

Styles, script, data and charts are inline and the page forbids itself any fetch (a
Content-Security-Policy), so it opens the same from an e-mail, a USB stick or an offline
office. It says when the audit was run; with SOURCE_DATE_EPOCH set (reproducible builds)
that time is the variable's, so the same result gives the same bytes, everything in a fixed
order.
"""

from __future__ import annotations

from typing import TextIO

from procaudit import __version__
from procaudit.core.findings import AuditResult, FailOn, Scorecard, ScoreRow, Severity
from procaudit.core.i18n import language, number, t
from procaudit.core.text_safety import visible_result
from procaudit.engine.scorecard import shown_labels
from procaudit.report.base import Reporter, ReportOptions
from procaudit.report.html import asset
from procaudit.report.html.charts import SEVERITY_ORDER, trend_chart
from procaudit.report.html.figures import row_heading, share_charts
from procaudit.report.html.findings import findings_json, findings_section
from procaudit.report.html.rules import rule_chart, rules_table
from procaudit.report.html.text import (
    esc,
    moment,
    percent,
    severity_heading,
    severity_label,
)
from procaudit.report.html.view import as_shown, run_time

# Nothing may be loaded from anywhere: inline styles and scripts only, images as data: URLs.
_POLICY = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:"

__all__ = ["HtmlReporter", "page", "trend_chart"]


class HtmlReporter(Reporter):
    def render(self, result: AuditResult, out: TextIO) -> None:
        out.write(page(result, self.options))


def page(result: AuditResult, options: ReportOptions) -> str:
    when = run_time()
    result = visible_result(as_shown(result))  # a cell's control characters, shown
    title = t(
        "Administrative procedure catalogue audit", "Báo cáo kiểm tra danh mục thủ tục hành chính"
    )
    sections: list[tuple[str, str, str]] = [
        ("summary", t("Summary", "Tóm tắt kết quả"), _summary(result, options.fail_on))
    ]
    if result.scorecard is not None:
        sections.append(
            ("scorecard", t("Scorecard", "Bảng tổng hợp đánh giá"), _scorecard(result.scorecard))
        )
    charts = [rule_chart(result)]
    if result.scorecard is not None:
        charts += share_charts(result.scorecard, options.online_target)
    if any(charts):
        sections.append(("charts", t("Charts", "Biểu đồ"), "\n".join(filter(None, charts))))
    if options.history:
        sections.append(("trend", t("Trend", "Diễn biến"), trend_chart(options.history)))
    sections.append(("findings", t("Findings", "Danh sách vấn đề"), findings_section(result)))
    contents = "".join(
        f'<li><a href="#{key}">{esc(heading)}</a></li>' for key, heading, _ in sections
    )
    body = "\n".join(
        f'<section id="{key}" aria-labelledby="{key}-h">\n<h2 id="{key}-h">{esc(heading)}</h2>\n'
        f"{html}\n</section>"
        for key, heading, html in sections
    )
    made_with = t(
        "Made with procaudit {version}", "Lập bằng công cụ procaudit {version}", version=__version__
    )
    data = (
        f'<script type="application/json" id="procaudit-data">{findings_json(result)}</script>\n'
        if result.findings
        else ""
    )
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{language()}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{_POLICY}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta name="generator" content="procaudit {esc(__version__)}">\n'
        f"<title>{esc(title)}</title>\n<style>\n{asset('report.css')}</style>\n</head>\n<body>\n"
        f"<header>\n<h1>{esc(title)}</h1>\n"
        f'<p class="meta">{esc(t("Audit run", "Thời điểm kiểm tra"))}: '
        f'<time datetime="{when.isoformat()}">{esc(moment(when))}</time>. '
        f"{esc(made_with)}</p>\n"
        f'<nav aria-label="{esc(t("Contents", "Mục lục"))}"><ul>{contents}</ul></nav>\n'
        f"</header>\n<main>\n{body}\n</main>\n<footer>\n<p>"
        + esc(
            t(
                "'procaudit rules ID' explains what a rule checks and how to fix what it finds.",
                "Lệnh 'procaudit rules <mã quy tắc>' giải thích nội dung kiểm tra của từng quy "
                "tắc và cách khắc phục.",
            )
        )
        + f"</p>\n</footer>\n{data}<script>\n{asset('report.js')}</script>\n</body>\n</html>\n"
    )


def _summary(result: AuditResult, fail_on: FailOn) -> str:
    counts = result.count_by_severity()
    kind, verdict, why = _verdict(result, fail_on)
    cards = [
        ("", t("Files", "Số tệp"), len(result.files)),
        ("", t("Procedures", "Số thủ tục"), sum(f.rows for f in result.files)),
    ]
    cards += [(f"sev-{s.value}", severity_heading(s), counts[s]) for s in SEVERITY_ORDER]
    if result.failures:
        cards.append(
            ("sev-error", t("Unreadable files", "Tệp không đọc được"), len(result.failures))
        )
    parts = [
        f'<p class="verdict {kind}"><strong>{esc(verdict)}</strong>: {esc(why)}</p>',
        '<dl class="cards">'
        + "".join(
            f'<div class="{" ".join(filter(None, ("card", css)))}"><dt>{esc(label)}</dt>'
            f"<dd>{number(value)}</dd></div>"
            for css, label, value in cards
        )
        + "</dl>",
        *filter(None, [rules_table(result)]),
        _files_table(result),
    ]
    if result.failures:
        parts.append(
            f"<h3>{esc(t('Could not be read', 'Không đọc được'))}</h3>\n<ul>"
            + "".join(f"<li>{esc(f.message)}</li>" for f in result.failures)
            + "</ul>"
        )
    groups = result.skipped_groups()
    if groups:
        parts.append(
            f"<h3>{esc(t('Not checked', 'Chưa kiểm tra'))}</h3>\n<ul>"
            + "".join(f"<li>{esc(g.describe())}</li>" for g in groups)
            + "</ul>"
        )
    split = result.baseline
    if split is not None:
        parts.append(
            "<p>"
            + esc(
                t(
                    "Against the baseline {path}: {new} new, {still} still present, {fixed} fixed.",
                    "So với kết quả lần kiểm tra gốc {path}: {new} vấn đề mới, {still} vấn đề còn "
                    "tồn tại, {fixed} vấn đề đã được khắc phục.",
                    path=split.path,
                    new=number(len(split.new)),
                    still=number(split.still),
                    fixed=number(len(split.fixed)),
                )
            )
            + "</p>"
        )
    return "\n".join(parts)


def _verdict(result: AuditResult, fail_on: FailOn) -> tuple[str, str, str]:
    """The run's exit status in words: (class, verdict, why)."""
    code = result.exit_code(fail_on)
    if code == 2:
        return (
            "incomplete",
            t("Incomplete", "Chưa đầy đủ"),
            t(
                "{count} of the files could not be read (exit code 2).",
                "{count} tệp không đọc được (mã kết quả 2).",
                count=number(len(result.failures)),
            ),
        )
    if fail_on is FailOn.NEVER:
        return (
            "pass",
            t("Passed", "Đạt"),
            t(
                "findings do not fail this run (--fail-on never or --exit-zero; exit code 0).",
                "lần kiểm tra này không xét đạt hay không đạt theo vấn đề phát hiện (--fail-on "
                "never hoặc --exit-zero; mã kết quả 0).",
            ),
        )
    level = severity_label(Severity(fail_on.value)).lower()
    if code == 1:
        return (
            "fail",
            t("Failed", "Không đạt"),
            t(
                "there are findings at the {level} level or above (exit code 1).",
                "có vấn đề từ mức {level} trở lên (mã kết quả 1).",
                level=level,
            ),
        )
    return (
        "pass",
        t("Passed", "Đạt"),
        t(
            "no finding at the {level} level or above (exit code 0).",
            "không có vấn đề nào từ mức {level} trở lên (mã kết quả 0).",
            level=level,
        ),
    )


def _files_table(result: AuditResult) -> str:
    rows = "\n".join(
        f"<tr><td>{esc(f.path)}</td><td>"
        + esc(", ".join(f.sheets) if f.sheets is not None else "CSV")
        + f'</td><td class="num">{number(f.rows)}</td><td>'
        + "<br>".join(esc(note) for note in f.notes)
        + "</td></tr>"
        for f in result.files
    )
    return (
        f"<h3>{esc(t('Files read', 'Các tệp đã đọc'))}</h3>\n"
        f'<div class="table-wrap"><table class="files"><thead><tr>'
        f'<th scope="col">{esc(t("File", "Tệp"))}</th>'
        f'<th scope="col">{esc(t("Sheets", "Trang tính"))}</th>'
        f'<th scope="col" class="num">{esc(t("Procedures", "Số thủ tục"))}</th>'
        f'<th scope="col">{esc(t("Notes", "Ghi chú"))}</th></tr></thead>\n'
        f"<tbody>\n{rows}\n</tbody></table></div>"
    )


def _scorecard(card: Scorecard) -> str:
    with_reference = any(r.stats.reference_total is not None for r in (*card.rows, card.total))
    headings = [
        row_heading(card),
        t("Procedures in force", "Số thủ tục còn hiệu lực"),
        t("With a national code", "Có mã số quốc gia"),
        t("With forms", "Có mẫu đơn, tờ khai"),
        t("Published", "Đã công bố"),
        t("Fully online", "Trực tuyến toàn trình"),
        t("District level", "Còn cấp huyện"),
    ]
    if with_reference:
        headings.append(t("Announced of the reference list", "Đã công bố so với danh mục chuẩn"))
    headings += [severity_heading(s) for s in SEVERITY_ORDER]
    head = "".join(
        f'<th scope="col"{_NUM if i else ""}>{esc(h)}</th>' for i, h in enumerate(headings)
    )
    labels = shown_labels((*card.rows, card.total), short_paths=False)
    body = "\n".join(
        _score_row(row, label, with_reference)
        for row, label in zip(card.rows, labels, strict=False)
    )
    parts = []
    if card.headlines:
        parts.append(
            '<ul class="headlines">'
            + "".join(f"<li>{esc(line)}</li>" for line in card.headlines)
            + "</ul>"
        )
    parts.append(
        f'<div class="table-wrap"><table class="scorecard"><thead><tr>{head}</tr></thead>\n'
        f"<tbody>\n{body}\n</tbody>\n<tfoot>\n"
        f"{_score_row(card.total, labels[-1], with_reference)}\n</tfoot></table></div>"
    )
    parts += [
        f'<p class="meta">{esc(t("Note: {note}", "Lưu ý: {note}", note=note))}</p>'
        for note in card.notes
    ]
    return "\n".join(parts)


_NUM = ' class="num"'


def _score_row(row: ScoreRow, label: str, with_reference: bool) -> str:
    stats = row.stats
    cells = [
        number(stats.procedures),
        _share(
            row, stats.with_national_code, stats.measured_for("with_national_code"), of_all=True
        ),
        _share(row, stats.with_forms, stats.measured_for("with_forms"), of_all=True),
        _share(row, stats.published, stats.measured_for("published"), of_all=True),
        _share(row, stats.fully_online, stats.measured_for("fully_online"), of_all=True),
        "–" if stats.district_level is None else number(stats.district_level),
    ]
    if with_reference:
        cells.append(_share(row, stats.reference_announced, stats.reference_total))
    cells += [number(row.errors), number(row.warnings), number(row.infos)]
    return (
        f'<tr><th scope="row" title="{esc(", ".join(row.files))}">{esc(label)}</th>'
        + "".join(f'<td class="num">{cell}</td>' for cell in cells)
        + "</tr>"
    )


def _share(row: ScoreRow, count: int | None, of: int | None = None, of_all: bool = False) -> str:
    """ "38.9% (58)" (`of_all`: a share of the procedures, or of those that could be
    counted), or "58/72 (80.6%)" against a reference; a dash where it is unknown."""
    share = row.share(count, of)
    if share is None or count is None:
        return "–"
    if of is not None and not of_all:
        return f"{number(count)}/{number(of)} <small>({percent(share)})</small>"
    return f"{percent(share)} <small>({number(count)})</small>"
