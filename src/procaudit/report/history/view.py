"""`procaudit history`: the trend drawn as Rich tables for people, or JSON for machines.

`render_rich` draws on a console the caller holds and `render_json` gives the text; the
`HistoryRenderer`s (`report.history.formats`) write either to a stream.
"""

from __future__ import annotations

from typing import Any, TextIO

from rich.console import Console
from rich.table import Table
from rich.text import Text

from procaudit import __version__
from procaudit.core import jsontext
from procaudit.core.findings import Severity
from procaudit.core.i18n import t
from procaudit.history.store import FAILED
from procaudit.history.trend import Cell, FileTrend, Trend, TrendRow
from procaudit.report.history.formats import HistoryRenderer
from procaudit.report.history.sparkline import GAP, sparkline

CHANGED = "◆"  # the file's bytes differ from the previous run's
SAME = "·"
UNREADABLE = "×"
_HASH_SHOWN = 8

_STYLE = {
    Severity.ERROR.value: "red",
    Severity.WARNING.value: "yellow",
    Severity.INFO.value: "blue",
}


def change_text(change: int | None) -> str:
    """ "▲ 3", "▼ 5" or "="; empty for a row without values."""
    if change is None:
        return ""
    if change == 0:
        return "="
    return f"▲ {change}" if change > 0 else f"▼ {-change}"


def file_markers(cells: tuple[Cell | None, ...]) -> str:
    """One character per run, aligned with the sparklines: changed, same, unreadable, gap."""
    return "".join(
        GAP
        if cell is None
        else UNREADABLE
        if cell.status == FAILED
        else CHANGED
        if cell.changed
        else SAME
        for cell in cells
    )


# --- for people -----------------------------------------------------------------------------


def render_rich(trend: Trend, console: Console, database: str) -> None:
    if not trend.runs:
        console.print(
            Text(
                t(
                    "{path}: no runs recorded yet",
                    "{path}: chưa ghi nhận lượt kiểm tra nào",
                    path=database,
                )
            )
        )
        return
    first, latest = trend.runs[0].time, trend.runs[-1].time
    console.print(
        Text(
            t(
                "{path}: the last {count} runs, from {first} to {latest} (UTC)",
                "{path}: {count} lượt kiểm tra gần nhất, từ {first} đến {latest} (giờ UTC)",
                path=database,
                count=len(trend.runs),
                first=first,
                latest=latest,
            ),
            style="bold",
        )
    )
    if not trend.files:
        console.print(
            Text(
                t(
                    "No recorded file matches --file.",
                    "Không có tệp nào đã ghi nhận khớp với --file.",
                )
            )
        )
        return
    for file in trend.files:
        console.print()
        _file(console, file, len(trend.runs))
    console.print()
    console.print(
        Text(
            t(
                "{changed} the file changed since the previous run, {same} unchanged, {failed} "
                "could not be read; a blank: not audited in that run. Bars are scaled per row.",
                "{changed} tệp đã thay đổi so với lượt trước, {same} không thay đổi, {failed} "
                "không đọc được; để trống: tệp không được kiểm tra trong lượt đó. Độ cao của cột "
                "được tính riêng cho từng dòng.",
                changed=CHANGED,
                same=SAME,
                failed=UNREADABLE,
            ),
            style="dim",
        )
    )


def _file(console: Console, file: FileTrend, runs: int) -> None:
    audited = sum(1 for value in file.procedures.values if value is not None)
    console.print(Text(file.path, style="bold"))
    caption = t(
        "audited in {audited} of {runs} runs",
        "được kiểm tra trong {audited}/{runs} lượt",
        audited=audited,
        runs=runs,
    )
    if file.first_hash is not None:  # a file never read has no bytes to compare
        caption += "; " + _changes(file.changes)
    console.print(Text("  " + caption, style="dim"))
    table = Table(box=None, pad_edge=False, show_edge=False, padding=(0, 2, 0, 0))
    table.add_column("", overflow="ellipsis", max_width=40)
    table.add_column(t("Trend", "Xu hướng"), no_wrap=True, min_width=min(runs, 30))
    table.add_column(t("First", "Đầu kỳ"), justify="right", no_wrap=True)
    table.add_column(t("Latest", "Gần nhất"), justify="right", no_wrap=True)
    table.add_column(t("Change", "Thay đổi"), justify="right", no_wrap=True)
    table.add_row(t("procedures", "số thủ tục"), *_cells(file.procedures, judged=False))
    table.add_row(
        t("file changed", "tệp thay đổi"),
        file_markers(file.cells),
        (file.first_hash or "")[:_HASH_SHOWN],
        (file.latest_hash or "")[:_HASH_SHOWN],
        ""
        if file.first_hash is None
        else t("{count}×", "{count} lần", count=file.changes)
        if file.changes
        else "=",
    )
    labels = {
        Severity.ERROR.value: t("errors", "lỗi"),
        Severity.WARNING.value: t("warnings", "cảnh báo"),
        Severity.INFO.value: t("info", "thông tin"),
    }
    for row in file.severities:
        table.add_row(Text(labels[row.key], style=_STYLE[row.key]), *_cells(row))
    for row in file.rules:
        table.add_row(Text(f"{row.key} {row.name}"), *_cells(row))
    console.print(table)


def _changes(count: int) -> str:
    if count == 0:
        return t("the file did not change", "tệp không thay đổi")
    if count == 1:
        return t("the file changed once", "tệp đã thay đổi 1 lần")
    return t("the file changed {count} times", "tệp đã thay đổi {count} lần", count=count)


def _cells(row: TrendRow, judged: bool = True) -> tuple[Text, str, str, Text]:
    """Sparkline, first, latest and change; fewer findings is better (green), more worse."""
    change = row.change
    style = ""
    if judged and change:
        style = "red" if change > 0 else "green"
    return (
        Text(sparkline(row.values)),
        _number(row.first),
        _number(row.latest),
        Text(change_text(change), style=style),
    )


def _number(value: int | None) -> str:
    return "" if value is None else str(value)


# --- for machines ---------------------------------------------------------------------------


def trend_document(trend: Trend, database: str, last: int) -> dict[str, Any]:
    """The trend as plain values, keys in a fixed order: the same history gives the same
    bytes."""
    return {
        "procaudit": __version__,
        "history": database,
        "last": last,
        "runs": [{"id": run.id, "time": run.time, "procaudit": run.version} for run in trend.runs],
        "files": [_file_document(file) for file in trend.files],
    }


def _file_document(file: FileTrend) -> dict[str, Any]:
    return {
        "path": file.path,
        "resolved": file.resolved,
        "runs": [
            None
            if cell is None
            else {"status": cell.status, "sha256": cell.sha256, "file_changed": cell.changed}
            for cell in file.cells
        ],
        "file_changes": file.changes,
        "procedures": _row_document(file.procedures),
        "severities": {row.key: _row_document(row) for row in file.severities},
        "rules": {row.key: {"name": row.name, **_row_document(row)} for row in file.rules},
    }


def _row_document(row: TrendRow) -> dict[str, Any]:
    return {
        "values": list(row.values),
        "first": row.first,
        "latest": row.latest,
        "change": row.change,
    }


def render_json(trend: Trend, database: str, last: int) -> str:
    return jsontext.dumps(trend_document(trend, database, last)) + "\n"


# --- as renderers ---------------------------------------------------------------------------


class RichHistoryRenderer(HistoryRenderer):
    def render(self, trend: Trend, out: TextIO) -> None:
        console = Console(file=out, width=self.options.width, highlight=False)
        render_rich(trend, console, self.options.database)


class JsonHistoryRenderer(HistoryRenderer):
    def render(self, trend: Trend, out: TextIO) -> None:
        out.write(render_json(trend, self.options.database, self.options.last))
