"""The scorecard's charts: its shares per row, a ministry, province, file or unit (fully
online against the target, published, with a national code and with forms). Findings per
rule are charted in `procaudit.report.html.rules`."""

from __future__ import annotations

from collections.abc import Callable

from procaudit.core.findings import Scorecard, ScoreRow
from procaudit.core.i18n import number, t
from procaudit.engine.scorecard import AGENCY, shown_labels
from procaudit.report.html.charts import (
    Bar,
    Group,
    bar_chart,
    share_axis,
)
from procaudit.report.html.text import percent


def share_charts(scorecard: Scorecard, online_target: float) -> list[str]:
    """The scorecard's shares per row; a chart whose share no catalogue can tell is left out."""
    rows = scorecard.rows
    labels = shown_labels(rows, short_paths=False)
    heading = row_heading(scorecard)
    charts = []
    target = percent(online_target).replace(".0%", "%").replace(",0%", "%")
    online = [
        _share(
            row,
            label,
            "fully_online",
            lambda share: "share-met" if share >= online_target else "share-short",
        )
        for row, label in zip(rows, labels, strict=True)
    ]
    if _known(online):
        met = sum(1 for group in online if group.bars[0].css == "share-met")
        known = sum(1 for group in online if group.bars[0].value is not None)
        charts.append(
            bar_chart(
                "chart-online",
                t("Share of procedures fully online", "Tỷ lệ thủ tục trực tuyến toàn trình"),
                t(
                    "{met} of {rows} catalogues reach the target of {target} of procedures fully "
                    "online (Toàn trình).",
                    "{met}/{rows} danh mục đạt mục tiêu {target} thủ tục được cung cấp dịch vụ "
                    "công trực tuyến toàn trình.",
                    met=number(met),
                    rows=number(known),
                    target=target,
                ),
                online,
                share_axis(),
                label_heading=heading,
                value_headings=[t("Fully online", "Trực tuyến toàn trình")],
                legend=[
                    (t("Target reached", "Đạt mục tiêu"), "share-met"),
                    (t("Below the target", "Chưa đạt mục tiêu"), "share-short"),
                ],
                target=(online_target, t("Target {share}", "Mục tiêu {share}", share=target)),
            )
        )
    published = [_share(row, label, "published") for row, label in zip(rows, labels, strict=True)]
    if _known(published):
        # As the headline counts them: every procedure of the files with a decision column.
        full = sum(
            1
            for row in rows
            if row.stats.published is not None
            and row.stats.published == row.stats.measured_for("published")
        )
        known = sum(1 for row in rows if row.stats.published is not None)
        charts.append(
            bar_chart(
                "chart-published",
                t("Share of procedures published", "Tỷ lệ thủ tục đã có quyết định công bố"),
                t(
                    "{full} of {rows} catalogues name a publishing decision for every procedure.",
                    "{full}/{rows} danh mục có quyết định công bố cho tất cả thủ tục.",
                    full=number(full),
                    rows=number(known),
                ),
                published,
                share_axis(),
                label_heading=heading,
                value_headings=[t("Published", "Đã công bố")],
            )
        )
    code_forms = [
        Group(
            label,
            (
                _share(row, label, "with_national_code", lambda _: "series-code").bars[0],
                _share(row, label, "with_forms", lambda _: "series-forms").bars[0],
            ),
        )
        for row, label in zip(rows, labels, strict=True)
    ]
    if _known(code_forms):
        total = scorecard.total
        with_code = t("With a national code", "Có mã số quốc gia")
        with_forms = t("With forms", "Có mẫu đơn, tờ khai")
        charts.append(
            bar_chart(
                "chart-code-forms",
                t(
                    "Shares with a national code and with forms",
                    "Tỷ lệ thủ tục có mã số quốc gia và có mẫu đơn, tờ khai",
                ),
                t(
                    "In all catalogues together, {code} of procedures have a national code and "
                    "{forms} have their application forms.",
                    "Tính chung các danh mục, {code} thủ tục có mã số quốc gia và {forms} thủ tục "
                    "có mẫu đơn, tờ khai.",
                    code=percent(total.share_of("with_national_code")),
                    forms=percent(total.share_of("with_forms")),
                ),
                code_forms,
                share_axis(),
                label_heading=heading,
                value_headings=[with_code, with_forms],
                legend=[(with_code, "series-code"), (with_forms, "series-forms")],
            )
        )
    return charts


def row_heading(scorecard: Scorecard) -> str:
    """What the scorecard's rows are, as the tables and charts head them."""
    if scorecard.group_by == AGENCY:
        return t("Unit", "Đơn vị")
    return t("Province, ministry or file", "Tỉnh, bộ, ngành hoặc tệp")


def _share(
    row: ScoreRow, label: str, count: str, css: Callable[[float], str] = lambda _: "share"
) -> Group:
    share = row.share_of(count)
    if share is None:
        return Group(label, (Bar(None, t("no data", "không có số liệu"), ""),))
    return Group(label, (Bar(share, percent(share), css(share)),))


def _known(groups: list[Group]) -> bool:
    return any(bar.value is not None for group in groups for bar in group.bars)
