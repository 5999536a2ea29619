"""The scorecard: the national view of a run over many catalogues, as reform meetings ask it
("how many of the 34 provinces have announced all their procedures?").

One row per province (its files counted together) where the province is known, else one per
file; a total; and headline lines such as "5/34 catalogues announce every reference
procedure". Pure Python on the counts each file report carries (`catalogue_stats`), so any
reporter can use it without pandas.

Counts add up over the files that have them; a file without the column counts as none (its
share of the row's procedures is 0), and a row's count is None only where no file of it has
the column.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import PurePath
from typing import Final

from procaudit.i18n import t
from procaudit.model import AuditResult, CatalogueStats, FileReport, Scorecard, ScoreRow, Severity
from procaudit.provinces import folded_name
from procaudit.rules.options import ONLINE_TARGET

# The counts of `CatalogueStats` that have a share of the procedures.
COUNTS: Final = ("with_code", "with_forms", "published", "fully_online", "district_level")
UNKNOWN: Final = "—"  # a share that cannot be given


def stats_of(report: FileReport) -> CatalogueStats:
    """The file's counts; a report made without them (not by `audit`) knows its
    procedures only."""
    return report.stats if report.stats is not None else CatalogueStats(report.rows)


def combined(stats: Iterable[CatalogueStats]) -> CatalogueStats:
    """The counts of several catalogues together: sums, None where no catalogue knows."""
    stats = list(stats)

    def total(name: str) -> int | None:
        known = [value for s in stats if (value := getattr(s, name)) is not None]
        return sum(known) if known else None

    procedures = sum(s.procedures for s in stats)
    counts = {name: total(name) for name in (*COUNTS, "reference_total", "reference_announced")}
    measured = {
        name: sum(s.measured_for(name) for s in stats if getattr(s, name) is not None)
        for name in COUNTS if counts[name] is not None
    }
    return CatalogueStats(
        procedures, **counts,
        measured=tuple((name, whole) for name, whole in measured.items() if whole != procedures),
    )


def with_provinces(result: AuditResult,
                   province_for: Callable[[str], str | None]) -> AuditResult:
    """The result with a province for the files neither title nor name placed, from the
    configuration's `provinces` table (`province_for(path)`)."""
    files = tuple(
        report if report.province is not None
        else replace(report, province=province_for(report.path))
        for report in result.files
    )
    return replace(result, files=files)


def build_scorecard(result: AuditResult, online_target: float = ONLINE_TARGET) -> Scorecard:
    """The scorecard of a run; `online_target` is PA505's (a fraction: 0.8)."""
    by_severity = Counter((finding.file, finding.severity) for finding in result.findings)
    provinces: dict[str, list[FileReport]] = {}
    files: dict[str, list[FileReport]] = {}  # the files of no known province, in run order
    for report in result.files:
        if report.province:
            provinces.setdefault(report.province, []).append(report)
        else:
            files.setdefault(report.path, []).append(report)
    rows = tuple(
        [_row(name, provinces[name], by_severity) for name in sorted(provinces, key=_sort_key)]
        + [_row(path, reports, by_severity) for path, reports in files.items()]
    )
    total = _row(t("Total", "Tổng cộng"), list(result.files), by_severity)
    return Scorecard(rows, total, _headlines(rows, total, online_target))


def scorecard_of(result: AuditResult) -> Scorecard:
    """The run's scorecard, or one built with the default settings for a result that has
    none (a result not made by `procaudit check`)."""
    return result.scorecard if result.scorecard is not None else build_scorecard(result)


def _sort_key(label: str) -> tuple[str, str]:
    return folded_name(label), label  # "Đà Nẵng" among the D's


def _row(label: str, reports: list[FileReport], by_severity: Counter) -> ScoreRow:
    paths = tuple(report.path for report in reports)

    def count(severity: Severity) -> int:
        return sum(by_severity[(path, severity)] for path in paths)

    return ScoreRow(label, paths, combined(map(stats_of, reports)), count(Severity.ERROR),
                    count(Severity.WARNING), count(Severity.INFO))


def percent(share: float | None) -> str:
    """A share as the scorecard shows it: "41%"; never "0%" for some nor "100%" for not all;
    "—" where it is unknown."""
    if share is None:
        return UNKNOWN
    if 0 < share < 0.005:
        return "<1%"
    if 0.995 <= share < 1:
        return ">99%"
    return f"{share:.0%}"


def _every(rows: tuple[ScoreRow, ...], name: str) -> tuple[int, int]:
    """(rows whose every procedure has `name`, rows that cannot tell)."""
    values = [(getattr(row.stats, name), row.stats.measured_for(name)) for row in rows]
    return (sum(value == whole for value, whole in values if value is not None),
            sum(value is None for value, _ in values))


def _no(rows: tuple[ScoreRow, ...], name: str) -> tuple[int, int]:
    """(rows where no procedure has `name`, rows that cannot tell)."""
    values = [getattr(row.stats, name) for row in rows]
    return sum(value == 0 for value in values), sum(value is None for value in values)


def _but(headline: str, unknown: int, qualifier: str) -> str:
    """The headline, and what it says of the catalogues it could not judge, if any."""
    return f"{headline}; {qualifier}" if unknown else headline


def _headlines(rows: tuple[ScoreRow, ...], total: ScoreRow,
               online_target: float) -> tuple[str, ...]:
    n = len(rows)
    lines = []
    compared = [row for row in rows if row.stats.reference_total is not None]
    if compared:
        k = sum(row.stats.reference_announced == row.stats.reference_total for row in compared)
        m = n - len(compared)
        lines.append(_but(
            t("{k}/{n} catalogues announce every reference procedure",
              "{k}/{n} danh mục đã công bố đầy đủ các thủ tục hành chính trong danh sách "
              "đối chiếu", k=k, n=n),
            m, t("{m} could not be compared with the reference",
                 "{m} danh mục không xác định được phạm vi để đối chiếu", m=m)))
    k, m = _no(rows, "district_level")
    lines.append(_but(
        t("{k}/{n} catalogues list no district-level procedure",
          "{k}/{n} danh mục không còn thủ tục hành chính cấp huyện", k=k, n=n),
        m, t("{m} could not be checked", "{m} danh mục không kiểm tra được", m=m)))
    k, m = _every(rows, "with_forms")
    lines.append(_but(
        t("{k}/{n} catalogues have a form for every procedure",
          "{k}/{n} danh mục có mẫu đơn, tờ khai cho tất cả thủ tục hành chính", k=k, n=n),
        m, t("{m} without a forms column", "{m} danh mục không có cột mẫu đơn, tờ khai", m=m)))
    k, m = _every(rows, "published")
    lines.append(_but(
        t("{k}/{n} catalogues name a publishing decision for every procedure",
          "{k}/{n} danh mục ghi rõ quyết định công bố của tất cả thủ tục hành chính", k=k, n=n),
        m, t("{m} without a decision column", "{m} danh mục không có cột số quyết định công bố",
             m=m)))
    share = total.share_of("fully_online")
    if share is not None:
        m = sum(row.stats.fully_online is None for row in rows)
        lines.append(_but(
            t("share fully online: {share} (target {target})",
              "Tỷ lệ thủ tục hành chính cung cấp dịch vụ công trực tuyến toàn trình: {share} "
              "(chỉ tiêu {target})", share=percent(share), target=f"{online_target * 100:g}%"),
            m, t("{m} without an online-level column, not counted",
                 "{m} danh mục không có cột mức độ dịch vụ công trực tuyến, không tính vào tỷ lệ",
                 m=m)))
    return tuple(lines)


def table(scorecard: Scorecard) -> tuple[list[str], list[list[str]]]:
    """The scorecard as text for the human reports: headings, and a row of cells per row,
    the total last. The first column is text, the others numbers. The files are counted only
    where a row holds several, and the reference only where it was given."""
    rows = (*scorecard.rows, scorecard.total)
    several = any(len(row.files) > 1 for row in scorecard.rows)
    compared = scorecard.total.stats.reference_total is not None
    headings = [t("Catalogue", "Danh mục")]
    if several:
        headings.append(t("Files", "Số tệp"))
    headings += [
        t("Procedures in force", "Thủ tục còn hiệu lực"), t("With code", "Có mã số"),
        t("With forms", "Có mẫu đơn, tờ khai"), t("Published", "Có quyết định công bố"),
        t("Fully online", "Trực tuyến toàn trình"), t("District level", "Còn cấp huyện"),
    ]
    if compared:
        headings.append(t("Reference announced", "Đã công bố theo danh sách đối chiếu"))
    headings += [t("Errors", "Lỗi"), t("Warnings", "Cảnh báo"), t("Info", "Thông tin")]
    labels = shown_labels(rows)
    lines = []
    for row, label in zip(rows, labels, strict=True):
        stats = row.stats
        cells = [label, *([str(len(row.files))] if several else []), str(stats.procedures),
                 *(percent(row.share_of(name)) for name in COUNTS)]
        if compared:
            cells.append(percent(row.share(stats.reference_announced, stats.reference_total)))
        cells += [str(row.errors), str(row.warnings), str(row.infos)]
        lines.append(cells)
    return headings, lines


def shown_labels(rows: Iterable[ScoreRow]) -> list[str]:
    """The rows' labels for a table: a file's row by the file's name where no other row's
    file has that name (a path such as /srv/tthc/2026/danh-muc/lao-cai.xlsx would fold over
    many lines), else by its whole path; a province by its name."""
    rows = list(rows)
    by_path = [row.files == (row.label,) for row in rows]
    names = Counter(PurePath(row.label).name for row, path in zip(rows, by_path, strict=True)
                    if path)
    return [
        PurePath(row.label).name if path and names[PurePath(row.label).name] == 1 else row.label
        for row, path in zip(rows, by_path, strict=True)
    ]
