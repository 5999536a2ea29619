"""Charts drawn as inline SVG here: no chart library, nothing fetched, the same bytes for the
same numbers. Each chart is a <figure>: a caption, a <title> and <desc> inside the SVG for
screen readers, and its numbers as a table under it (the text alternative, also for copying).

Colours come from the report's stylesheet through class names, so that a chart printed or
pasted keeps the page's palette without inline styles.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from procaudit.core.findings import Severity
from procaudit.core.i18n import number, t
from procaudit.report.html.text import esc, severity_heading

WIDTH = 760
LABEL_WIDTH = 250  # the labels left of the bars
VALUE_WIDTH = 80  # the value written after a bar
BAR_HEIGHT = 16
BAR_GAP = 3
GROUP_GAP = 9
TOP = 26  # room above the bars for the target's label
BOTTOM = 24  # room below them for the axis
LABEL_CHARS = 36  # a longer label is cut; it stays whole in its tooltip and in the table


@dataclass(frozen=True)
class Bar:
    value: float | None  # None: not known (no bar, a dash)
    text: str  # the value as the reader sees it
    css: str  # the colour's class


@dataclass(frozen=True)
class Group:
    """One label with its bars: one bar, or one per series."""

    label: str
    bars: tuple[Bar, ...]


@dataclass(frozen=True)
class Axis:
    top: float  # the value at the right end of the bars
    ticks: tuple[tuple[float, str], ...]


def count_axis(largest: float) -> Axis:
    """0 to a round number at or above `largest`, in about four whole steps."""
    step = _round_step(max(largest, 1) / 4)
    top = max(step, math.ceil(largest / step) * step)
    return Axis(top, tuple((value, number(value)) for value in range(0, top + 1, step)))


def share_axis() -> Axis:
    return Axis(1.0, tuple((k / 5, f"{k * 20}%") for k in range(6)))


def _round_step(rough: float) -> int:
    """The smallest of 1, 2, 5, 10, 20, 50 ... at or above `rough` (whole counts only)."""
    power = 10 ** math.floor(math.log10(rough)) if rough >= 1 else 1
    return next(m * power for m in (1, 2, 5, 10) if m * power >= rough)


@dataclass(frozen=True)
class Panel:
    """A part of a chart with its own heading and scale: findings of one severity."""

    heading: str
    groups: tuple[Group, ...]
    axis: Axis


def bar_chart(
    chart_id: str,
    title: str,
    description: str,
    groups: Sequence[Group],
    axis: Axis,
    *,
    label_heading: str,
    value_headings: Sequence[str],
    legend: Sequence[tuple[str, str]] = (),
    target: tuple[float, str] | None = None,
) -> str:
    """Horizontal bars, one row per group; `target` draws a dashed line at a value."""
    top = TOP if target is not None else 8  # room for the target's label, where there is one
    parts, bottom = _plot(groups, axis, top, target)
    rows = [[group.label, *(bar.text for bar in group.bars)] for group in groups]
    return _figure(
        chart_id,
        title,
        description,
        bottom + BOTTOM,
        parts,
        legend,
        _data_table([label_heading, *value_headings], rows),
    )


def panel_chart(
    chart_id: str,
    title: str,
    description: str,
    panels: Sequence[Panel],
    *,
    headings: Sequence[str],
    rows: Sequence[Sequence[str]],
    legend: Sequence[tuple[str, str]] = (),
) -> str:
    """Bar panels stacked in one chart, each under its heading and on its own scale, so that
    858 notes do not make slivers of 12 errors; `rows` are the chart's numbers as a table."""
    parts: list[str] = []
    y = 0.0
    for panel in panels:
        parts.append(
            f'<text class="panel-heading" x="{LABEL_WIDTH}" y="{_f(y + 16)}">'
            f"{esc(panel.heading)}</text>"
        )
        plot, bottom = _plot(panel.groups, panel.axis, y + 26, None)
        parts += plot
        y = bottom + BOTTOM + 6
    return _figure(chart_id, title, description, y, parts, legend, _data_table(headings, rows))


def _plot(
    groups: Sequence[Group], axis: Axis, top: float, target: tuple[float, str] | None
) -> tuple[list[str], float]:
    """The bars from `top` down, with the axis under them; and where they end."""
    x_of = _scale(axis.top, LABEL_WIDTH, WIDTH - LABEL_WIDTH - VALUE_WIDTH)
    parts: list[str] = []
    y = top
    for group in groups:
        height = len(group.bars) * (BAR_HEIGHT + BAR_GAP) - BAR_GAP
        parts.append(
            f'<g class="group"><title>{esc(group.label)}</title>'
            f'<text class="label" x="{LABEL_WIDTH - 8}" y="{_f(y + height / 2 + 4)}" '
            f'text-anchor="end">{esc(_cut(group.label))}</text>'
        )
        for bar in group.bars:
            parts.append(_bar(bar, group.label, y, x_of))
            y += BAR_HEIGHT + BAR_GAP
        parts.append("</g>")
        y += GROUP_GAP - BAR_GAP
    bottom = y - GROUP_GAP + BAR_GAP + 4
    grid = [
        f'<line class="grid" x1="{_f(x_of(value))}" y1="{_f(top - 4)}" x2="{_f(x_of(value))}" '
        f'y2="{_f(bottom)}"/><text class="tick" x="{_f(x_of(value))}" y="{_f(bottom + 14)}" '
        f'text-anchor="middle">{esc(text)}</text>'
        for value, text in axis.ticks
    ]
    if target is not None:
        value, text = target
        grid.append(
            f'<line class="target" x1="{_f(x_of(value))}" y1="{_f(top - 8)}" '
            f'x2="{_f(x_of(value))}" y2="{_f(bottom)}"/><text class="target-label" '
            f'x="{_f(x_of(value))}" y="{_f(top - 12)}" text-anchor="middle">'
            f"{esc(text)}</text>"
        )
    return grid + parts, bottom


def _bar(bar: Bar, label: str, y: float, x_of) -> str:
    if bar.value is None:
        return (
            f'<text class="value" x="{LABEL_WIDTH + 4}" y="{_f(y + BAR_HEIGHT - 4)}">'
            f"{esc(bar.text)}</text>"
        )
    end = x_of(bar.value)
    return (
        f'<rect class="bar {bar.css}" x="{LABEL_WIDTH}" y="{_f(y)}" '
        f'width="{_f(end - LABEL_WIDTH)}" height="{BAR_HEIGHT}" data-label="{esc(label)}" '
        f'data-value="{_f(bar.value, 6)}"><title>{esc(label)}: {esc(bar.text)}</title>'
        f'</rect><text class="value" x="{_f(end + 4)}" y="{_f(y + BAR_HEIGHT - 4)}">'
        f"{esc(bar.text)}</text>"
    )


SEVERITY_ORDER = (Severity.ERROR, Severity.WARNING, Severity.INFO)
_TREND_HEIGHT = 280
_TREND_LEFT, _TREND_RIGHT, _TREND_TOP, _TREND_BOTTOM = 64, 48, 16, 44
_TREND_LABEL_WIDTH = 84  # room a run's label takes under the axis


def trend_chart(
    history: Sequence[tuple[str, Mapping[str, int]] | tuple[str, Mapping[str, int], bool]],
    chart_id: str = "chart-trend",
) -> str:
    """Findings per severity over runs, oldest first: `history` holds each run's time (an ISO
    string), its counts by severity ("error", "warning", "info"; a missing one is 0) and,
    optionally, whether the set of files audited changed since the run before. Such a run is
    marked by a dashed line: its counts moved with the files, not only with the data."""
    runs = [(str(run[0]), [int(run[1].get(s.value, 0)) for s in SEVERITY_ORDER]) for run in history]
    changed = [len(run) > 2 and bool(run[2]) for run in history]
    if not runs:
        raise ValueError("a trend needs at least one run")
    axis = count_axis(max(max(counts) for _, counts in runs))
    left, right = _TREND_LEFT, WIDTH - _TREND_RIGHT
    top, bottom = _TREND_TOP, _TREND_HEIGHT - _TREND_BOTTOM
    xs = _time_positions([when for when, _ in runs], left, right)

    def x_of(index: int) -> float:
        return xs[index]

    def y_of(value: float) -> float:
        return bottom - value / axis.top * (bottom - top)

    parts = [
        f'<line class="grid" x1="{left}" y1="{_f(y_of(value))}" x2="{right}" '
        f'y2="{_f(y_of(value))}"/><text class="tick" x="{left - 6}" y="{_f(y_of(value) + 4)}" '
        f'text-anchor="end">{esc(text)}</text>'
        for value, text in axis.ticks
    ]
    labels = _run_labels([when for when, _ in runs])
    shown: list[int] = []  # runs labelled under the axis, none closer than a label's width
    for i in range(len(runs)):
        if not shown or x_of(i) - x_of(shown[-1]) >= _TREND_LABEL_WIDTH:
            shown.append(i)
    if len(runs) > 1 and shown[-1] != len(runs) - 1:  # the latest run is always labelled
        if x_of(len(runs) - 1) - x_of(shown[-1]) < _TREND_LABEL_WIDTH and len(shown) > 1:
            shown.pop()
        shown.append(len(runs) - 1)
    parts += [
        f'<text class="tick" x="{_f(x_of(i))}" y="{bottom + 18}" text-anchor="middle">'
        f"{esc(labels[i])}</text>"
        for i in shown
    ]
    parts += [
        f'<line class="files-changed" x1="{_f(x_of(i))}" y1="{top}" x2="{_f(x_of(i))}" '
        f'y2="{bottom}"><title>'
        + esc(
            t(
                "{when}: the set of files audited changed since the run before",
                "{when}: tập hợp tệp được kiểm tra đã thay đổi so với lần trước",
                when=runs[i][0],
            )
        )
        + "</title></line>"
        for i, mark in enumerate(changed)
        if mark
    ]
    for k, severity in enumerate(SEVERITY_ORDER):
        points = [(x_of(i), y_of(counts[k])) for i, (_, counts) in enumerate(runs)]
        name = severity_heading(severity)
        parts.append(
            f'<g class="series sev-{severity.value}"><title>{esc(name)}</title>'
            f'<polyline class="line" points="'
            + " ".join(f"{_f(x)},{_f(y)}" for x, y in points)
            + '"/>'
        )
        parts += [
            f'<circle class="point" cx="{_f(x)}" cy="{_f(y)}" r="3.5" '
            f'data-run="{esc(when)}" data-severity="{severity.value}" data-value="{counts[k]}">'
            f"<title>{esc(when)}: {esc(name)} {number(counts[k])}</title></circle>"
            for (x, y), (when, counts) in zip(points, runs, strict=True)
        ]
        parts.append("</g>")
    first, last = (labels[0], runs[0][1]), (labels[-1], runs[-1][1])
    description = t(
        "Findings per severity over {runs} runs, from {first} to {last}; the latest run has "
        "{errors} errors, {warnings} warnings and {infos} information findings.",
        "Số vấn đề theo mức độ qua {runs} lần kiểm tra, từ {first} đến {last}; lần kiểm tra "
        "gần nhất có {errors} lỗi, {warnings} cảnh báo và {infos} thông tin.",
        runs=number(len(runs)),
        first=first[0],
        last=last[0],
        errors=number(last[1][0]),
        warnings=number(last[1][1]),
        infos=number(last[1][2]),
    )
    legend = [(severity_heading(s), f"sev-{s.value}") for s in SEVERITY_ORDER]
    headings = [t("Run", "Lần kiểm tra"), *(severity_heading(s) for s in SEVERITY_ORDER)]
    rows = [[when, *map(number, counts)] for when, counts in runs]
    if any(changed):  # said only where it happened: most histories audit the same files
        legend.append((t("Set of files changed", "Tập hợp tệp thay đổi"), "files-changed"))
        headings.append(t("Files", "Tệp"))
        for row, mark in zip(rows, changed, strict=True):
            row.append(t("changed", "thay đổi") if mark else "")
        description += " " + t(
            "Dashed lines mark runs whose set of files changed: their counts are not "
            "comparable with the run before.",
            "Đường nét đứt đánh dấu lần kiểm tra có tập hợp tệp thay đổi: số vấn đề không so "
            "sánh được với lần trước.",
        )
    table = _data_table(headings, rows)
    return _figure(
        chart_id,
        t("Findings over time", "Diễn biến số vấn đề qua các lần kiểm tra"),
        description,
        _TREND_HEIGHT,
        parts,
        legend,
        table,
    )


def _time_positions(runs: list[str], left: float, right: float) -> list[float]:
    """Each run's x, spaced by its time: a gap of a month looks like one, not like the next
    night. Runs at one time, or at times that cannot be read, are spaced evenly."""
    if len(runs) == 1:
        return [(left + right) / 2]
    try:
        times = [_parse(when) for when in runs]
    except ValueError:
        times = []
    span = (times[-1] - times[0]).total_seconds() if times else 0.0
    if span <= 0:
        step = (right - left) / (len(runs) - 1)
        return [left + i * step for i in range(len(runs))]
    return [left + (when - times[0]).total_seconds() / span * (right - left) for when in times]


def _parse(when: str) -> datetime:
    moment = datetime.fromisoformat(when)
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def _run_labels(runs: list[str]) -> list[str]:
    """The date of each run, or its date and time where two runs share a day."""
    dates = [when[:10] for when in runs]
    if len(set(dates)) == len(dates):
        return dates
    return [when[:16].replace("T", " ") for when in runs]


def _figure(
    chart_id: str,
    title: str,
    description: str,
    height: float,
    parts: list[str],
    legend: Sequence[tuple[str, str]],
    table: str,
) -> str:
    keys = "".join(f'<li><span class="key {css}"></span>{esc(name)}</li>' for name, css in legend)
    return (
        f'<figure class="chart" id="{esc(chart_id)}">\n'
        f"<figcaption>{esc(title)}</figcaption>\n"
        + (f'<ul class="legend">{keys}</ul>\n' if legend else "")
        + f'<svg class="plot" viewBox="0 0 {WIDTH} {_f(height)}" width="{WIDTH}" '
        f'height="{_f(height)}" role="img" aria-labelledby="{esc(chart_id)}-title '
        f'{esc(chart_id)}-desc">\n<title id="{esc(chart_id)}-title">{esc(title)}</title>\n'
        f'<desc id="{esc(chart_id)}-desc">{esc(description)}</desc>\n'
        + "\n".join(parts)
        + f'\n</svg>\n<p class="chart-text">{esc(description)}</p>\n'
        f'<details class="chart-data"><summary>'
        f"{esc(t('The chart in numbers', 'Số liệu của biểu đồ'))}</summary>\n{table}\n"
        "</details>\n</figure>"
    )


NUM = ' class="num"'  # a column of numbers, aligned right


def _data_table(headings: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    head = "".join(
        f'<th scope="col"{NUM if i else ""}>{esc(h)}</th>' for i, h in enumerate(headings)
    )
    body = "\n".join(
        f'<tr><th scope="row">{esc(row[0])}</th>'
        + "".join(f'<td class="num">{esc(cell)}</td>' for cell in row[1:])
        + "</tr>"
        for row in rows
    )
    return f"<table><thead><tr>{head}</tr></thead>\n<tbody>\n{body}\n</tbody></table>"


def _scale(top: float, start: float, length: float):
    return lambda value: start + max(0.0, min(value, top)) / top * length


def _cut(label: str) -> str:
    """A label short enough for the chart: the end of a path says more than its start, and
    is cut at a folder ("…/danh-muc.xlsx") where it can be."""
    if len(label) <= LABEL_CHARS:
        return label
    tail = label[-(LABEL_CHARS - 1) :]
    folder = next((i for i, c in enumerate(tail[:-1]) if c in "/\\"), None)
    return "…" + (tail if folder is None else tail[folder:])


def _f(value: float, digits: int = 1) -> str:
    """A coordinate or value without trailing zeros: 12, 12.5 (the same text every run)."""
    text = f"{value:.{digits}f}".rstrip("0").rstrip(".")
    return "0" if text in ("", "-0") else text
