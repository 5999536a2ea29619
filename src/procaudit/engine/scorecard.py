"""The scorecard: the national view of a run over many catalogues, as reform meetings ask it
("how many of the 34 provinces have announced all their procedures?").

One row per ministry (or national body) and per province (their files counted together)
where the title block or the file name tells which, else one per file; a total; and headline
lines such as "5/34 catalogues announce every reference procedure". Grouped by agency
(`--group-by agency`), one row per unit of a catalogue's agency column instead (a one-stop
export stacked per department and district), a file without that column keeping its own row.
Pure Python on the counts each file report carries (`catalogue_stats`), so any reporter can
use it without pandas.

Counts add up over the files that have them; a file without the column counts as none (its
share of the row's procedures is 0), and a row's count is None only where no file of it has
the column. Where the scorecard's numbers differ from the report's others, its notes say why
(it counts procedures in force, the summary every row read).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace
from operator import attrgetter
from pathlib import PurePath
from typing import Final

from procaudit.core.findings import (
    AuditResult,
    CatalogueStats,
    FileReport,
    Scorecard,
    ScoreRow,
    Severity,
    UnitStats,
)
from procaudit.core.i18n import t
from procaudit.rules.options import ONLINE_TARGET
from procaudit.vn.provinces import folded_name
from procaudit.vn.text import comparison_key

# The counts of `CatalogueStats` that have a share of the procedures.
COUNTS: Final = (
    "with_code",
    "with_national_code",
    "with_forms",
    "published",
    "fully_online",
    "district_level",
)
# The counts the human tables show: a national code says more than a filled code cell.
SHOWN: Final = ("with_national_code", "with_forms", "published", "fully_online", "district_level")
UNKNOWN: Final = "—"  # a share that cannot be given
CATALOGUE, AGENCY = "catalogue", "agency"
GROUP_BY: Final = (CATALOGUE, AGENCY)  # what a scorecard row stands for
MIN_CATALOGUES: Final = 2  # fewer, and the human reports' scorecard would repeat the report
# A finding's fields as functions: 85,000 findings counted without a Python call each.
_FILE, _SEVERITY = attrgetter("file"), attrgetter("severity")


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
        for name in COUNTS
        if counts[name] is not None
    }
    return CatalogueStats(
        procedures,
        **counts,
        measured=tuple((name, whole) for name, whole in measured.items() if whole != procedures),
    )


def with_provinces(result: AuditResult, province_for: Callable[[str], str | None]) -> AuditResult:
    """The result with a province for the files neither title nor name placed (with a
    province or a ministry), from the configuration's `provinces` table
    (`province_for(path)`)."""
    files = tuple(
        report
        if report.province is not None or report.ministry is not None
        else replace(report, province=province_for(report.path))
        for report in result.files
    )
    return replace(result, files=files)


def build_scorecard(
    result: AuditResult,
    online_target: float = ONLINE_TARGET,
    group_by: str = CATALOGUE,
    severities: Mapping[str, str] | None = None,
) -> Scorecard:
    """The scorecard of a run; `online_target` is PA505's (a fraction: 0.8). Grouped by
    `AGENCY`, the units' findings take the configured `severities` (rule id -> severity),
    as the run's findings did."""
    if group_by not in GROUP_BY:
        raise ValueError(f"group_by must be one of {GROUP_BY}, not {group_by!r}")
    findings = result.findings
    by_severity = Counter(zip(map(_FILE, findings), map(_SEVERITY, findings), strict=True))
    catalogues = _catalogues(result.files)
    if group_by == AGENCY:
        rows = tuple(
            row
            for label, reports in catalogues.items()
            for row in _unit_rows(label, reports, by_severity, severities or {})
        )
    else:
        rows = tuple(_row(label, reports, by_severity) for label, reports in catalogues.items())
    total = _row(t("Total", "Tổng cộng"), list(result.files), by_severity)
    return Scorecard(
        rows,
        total,
        _headlines(rows, total, online_target, group_by),
        group_by,
        _notes(result, rows, total, group_by),
    )


def _catalogues(reports: Iterable[FileReport]) -> dict[str, list[FileReport]]:
    """The files by the catalogue they are part of: the ministries', then the provinces'
    (each sorted by name), then the files of neither, in run order."""
    ministries: dict[str, list[FileReport]] = {}
    provinces: dict[str, list[FileReport]] = {}
    files: dict[str, list[FileReport]] = {}
    for report in reports:
        if report.province:
            provinces.setdefault(report.province, []).append(report)
        elif report.ministry:
            ministries.setdefault(report.ministry, []).append(report)
        else:
            files.setdefault(report.path, []).append(report)
    return {
        **{name: ministries[name] for name in sorted(ministries, key=_sort_key)},
        **{name: provinces[name] for name in sorted(provinces, key=_sort_key)},
        **files,
    }


def _unit_rows(
    label: str, reports: list[FileReport], by_severity: Counter, severities: Mapping[str, str]
) -> list[ScoreRow]:
    """A row per unit of the catalogue's agency column (the same unit in several of its
    files counted together), in order of appearance; files without the column keep the
    catalogue's own row."""
    units: dict[str, list[tuple[FileReport, UnitStats]]] = {}
    without = [report for report in reports if not report.units]
    for report in reports:
        for unit in report.units:
            units.setdefault(comparison_key(unit.name), []).append((report, unit))
    rows = [_row(label, without, by_severity)] if without else []
    for parts in units.values():
        found: Counter[Severity] = Counter()
        for _, unit in parts:
            for rule, severity, count in unit.findings:
                found[Severity(severities.get(rule, severity))] += count
        name = parts[0][1].name or t("(no agency)", "(không ghi cơ quan)")
        rows.append(
            ScoreRow(
                name,
                tuple(dict.fromkeys(report.path for report, _ in parts)),
                combined(unit.stats for _, unit in parts),
                found[Severity.ERROR],
                found[Severity.WARNING],
                found[Severity.INFO],
                catalogue=label,
            )
        )
    return rows


def worth_showing(scorecard: Scorecard, files: int) -> bool:
    """Whether a human report shows the scorecard: for two catalogues or more, or for the
    units of one grouped by agency."""
    return files >= MIN_CATALOGUES or (scorecard.group_by == AGENCY and bool(scorecard.rows))


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

    return ScoreRow(
        label,
        paths,
        combined(map(stats_of, reports)),
        count(Severity.ERROR),
        count(Severity.WARNING),
        count(Severity.INFO),
    )


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
    return (
        sum(value == whole for value, whole in values if value is not None),
        sum(value is None for value, _ in values),
    )


def _no(rows: tuple[ScoreRow, ...], name: str) -> tuple[int, int]:
    """(rows where no procedure has `name`, rows that cannot tell)."""
    values = [getattr(row.stats, name) for row in rows]
    return sum(value == 0 for value in values), sum(value is None for value in values)


def _but(headline: str, unknown: int, qualifier: str) -> str:
    """The headline, and what it says of the catalogues it could not judge, if any."""
    return f"{headline}; {qualifier}" if unknown else headline


def _notes(
    result: AuditResult, rows: tuple[ScoreRow, ...], total: ScoreRow, group_by: str
) -> tuple[str, ...]:
    """Why the scorecard's numbers differ from the report's others, where they do."""
    notes = []
    read = sum(report.rows for report in result.files)
    if read != total.stats.procedures:
        notes.append(
            t(
                "The scorecard counts procedures in force ({count}); the summary counts every "
                "procedure row read ({read}), abolished ones ({abolished}) included.",
                "Bảng tổng hợp chỉ tính thủ tục còn hiệu lực ({count}); phần tóm tắt tính mọi dòng "
                "thủ tục đã đọc ({read}), kể cả thủ tục đã bãi bỏ ({abolished}).",
                count=total.stats.procedures,
                read=read,
                abolished=read - total.stats.procedures,
            )
        )
    stats = total.stats
    if (
        stats.with_code is not None
        and stats.with_national_code is not None
        and (stats.with_code > stats.with_national_code)
    ):
        notes.append(
            t(
                "Codes that are not national ones (PA101 flags them, as it does a one-stop "
                "system's own codes): {count}; their procedures are not counted as with a "
                "national code.",
                "Mã không phải mã số quốc gia (quy tắc PA101 báo lỗi, như với mã riêng của hệ "
                "thống một cửa): {count}; các thủ tục này không được tính là có mã số quốc gia.",
                count=stats.with_code - stats.with_national_code,
            )
        )
    if group_by == AGENCY:
        on_units = {
            severity: sum(severity_count(row, severity) for row in rows)
            for severity in (Severity.ERROR, Severity.WARNING, Severity.INFO)
        }
        apart = sum(severity_count(total, severity) - on_units[severity] for severity in on_units)
        if any(finding.rows is not None for finding in result.findings):
            # The units count row findings (procaudit.engine.floods collapses after the counts).
            notes.append(
                t(
                    "Each unit counts the findings on its rows ({units} in all); the total, like "
                    "the summary, counts a column or a value that fails on many rows as one "
                    "finding ({total}).",
                    "Mỗi đơn vị tính các phát hiện trên các dòng của mình (tổng {units}); dòng "
                    "tổng cộng, như phần tóm tắt, tính một cột hoặc một giá trị không đạt ở nhiều "
                    "dòng là một phát hiện ({total}).",
                    units=sum(on_units.values()),
                    total=sum(on_units.values()) + apart,
                )
            )
        elif apart:
            notes.append(
                t(
                    "Findings about a whole file, not one unit's rows: {count}; the total counts "
                    "them, no unit does.",
                    "Phát hiện liên quan đến cả tệp, không thuộc dòng của đơn vị nào: {count}; "
                    "chỉ được tính vào dòng tổng cộng.",
                    count=apart,
                )
            )
    return tuple(notes)


def severity_count(row: ScoreRow, severity: Severity) -> int:
    """The row's findings of `severity`."""
    return {Severity.ERROR: row.errors, Severity.WARNING: row.warnings, Severity.INFO: row.infos}[
        severity
    ]


def _headlines(
    rows: tuple[ScoreRow, ...], total: ScoreRow, online_target: float, group_by: str = CATALOGUE
) -> tuple[str, ...]:
    n = len(rows)
    # What a row is: "5/34 catalogues …", or grouped by agency "3/32 units …" (where the
    # catalogues have an agency column to group by).
    units = group_by == AGENCY and any(row.catalogue is not None for row in rows)
    noun = t("units", "đơn vị") if units else t("catalogues", "danh mục")
    lines = []
    compared = [row for row in rows if row.stats.reference_total is not None]
    if compared:
        k = sum(row.stats.reference_announced == row.stats.reference_total for row in compared)
        m = n - len(compared)
        lines.append(
            _but(
                t(
                    "{k}/{n} {noun} announce every reference procedure",
                    "{k}/{n} {noun} đã công bố đầy đủ các thủ tục hành chính trong danh sách "
                    "đối chiếu",
                    k=k,
                    n=n,
                    noun=noun,
                ),
                m,
                t(
                    "{m} could not be compared with the reference",
                    "{m} {noun} không xác định được phạm vi để đối chiếu",
                    m=m,
                    noun=noun,
                ),
            )
        )
    k, m = _no(rows, "district_level")
    lines.append(
        _but(
            t(
                "{k}/{n} {noun} list no district-level procedure",
                "{k}/{n} {noun} không còn thủ tục hành chính cấp huyện",
                k=k,
                n=n,
                noun=noun,
            ),
            m,
            t("{m} could not be checked", "{m} {noun} không kiểm tra được", m=m, noun=noun),
        )
    )
    k, m = _every(rows, "with_forms")
    lines.append(
        _but(
            t(
                "{k}/{n} {noun} have a form for every procedure",
                "{k}/{n} {noun} có mẫu đơn, tờ khai cho tất cả thủ tục hành chính",
                k=k,
                n=n,
                noun=noun,
            ),
            m,
            t(
                "{m} without a forms column",
                "{m} {noun} không có cột mẫu đơn, tờ khai",
                m=m,
                noun=noun,
            ),
        )
    )
    k, m = _every(rows, "published")
    lines.append(
        _but(
            t(
                "{k}/{n} {noun} name a publishing decision for every procedure",
                "{k}/{n} {noun} ghi rõ quyết định công bố của tất cả thủ tục hành chính",
                k=k,
                n=n,
                noun=noun,
            ),
            m,
            t(
                "{m} without a decision column",
                "{m} {noun} không có cột số quyết định công bố",
                m=m,
                noun=noun,
            ),
        )
    )
    share = total.share_of("fully_online")
    if share is not None:
        m = sum(row.stats.fully_online is None for row in rows)
        lines.append(
            _but(
                t(
                    "share fully online: {share} (target {target})",
                    "Tỷ lệ thủ tục hành chính cung cấp dịch vụ công trực tuyến toàn trình: {share} "
                    "(chỉ tiêu {target})",
                    share=percent(share),
                    target=f"{online_target * 100:g}%",
                ),
                m,
                t(
                    "{m} without an online-level column, not counted",
                    "{m} {noun} không có cột mức độ dịch vụ công trực tuyến, không tính vào tỷ lệ",
                    m=m,
                    noun=noun,
                ),
            )
        )
    return tuple(lines)


def table(scorecard: Scorecard) -> tuple[list[str], list[list[str]]]:
    """The scorecard as text for the human reports: headings, and a row of cells per row,
    the total last. The first column is text, the others numbers. The files are counted only
    where a row holds several, and the reference only where it was given."""
    rows = (*scorecard.rows, scorecard.total)
    several = any(len(row.files) > 1 for row in scorecard.rows)
    compared = scorecard.total.stats.reference_total is not None
    headings = [row_heading(scorecard)]
    if several:
        headings.append(t("Files", "Số tệp"))
    headings += [
        t("Procedures in force", "Thủ tục còn hiệu lực"),
        t("With national code", "Có mã số quốc gia"),
        t("With forms", "Có mẫu đơn, tờ khai"),
        t("Published", "Có quyết định công bố"),
        t("Fully online", "Trực tuyến toàn trình"),
        t("District level", "Còn cấp huyện"),
    ]
    if compared:
        headings.append(t("Reference announced", "Đã công bố theo danh sách đối chiếu"))
    headings += [t("Errors", "Lỗi"), t("Warnings", "Cảnh báo"), t("Info", "Thông tin")]
    labels = shown_labels(rows)
    lines = []
    for row, label in zip(rows, labels, strict=True):
        stats = row.stats
        cells = [
            label,
            *([str(len(row.files))] if several else []),
            str(stats.procedures),
            *(percent(row.share_of(name)) for name in SHOWN),
        ]
        if compared:
            cells.append(percent(row.share(stats.reference_announced, stats.reference_total)))
        cells += [str(row.errors), str(row.warnings), str(row.infos)]
        lines.append(cells)
    return headings, lines


def row_heading(scorecard: Scorecard) -> str:
    """The heading of the rows' labels."""
    if scorecard.group_by == AGENCY:
        return t("Unit", "Đơn vị")
    return t("Catalogue", "Danh mục")


def shown_labels(rows: Iterable[ScoreRow], short_paths: bool = True) -> list[str]:
    """The rows' labels for a table: a file's row by the file's name where no other row's
    file has that name (a path such as /srv/tthc/2026/danh-muc/lao-cai.xlsx would fold over
    many lines), else (or without `short_paths`) by its whole path; a province or ministry
    by its name; a unit by its name, and where units of several catalogues are shown, its
    catalogue's after it."""
    rows = list(rows)
    by_path = [row.files == (row.label,) and row.catalogue is None for row in rows]
    names = Counter(
        PurePath(row.label).name for row, path in zip(rows, by_path, strict=True) if path
    )

    def shown(label: str, path: bool) -> str:
        if short_paths and path and names[PurePath(label).name] == 1:
            return PurePath(label).name
        return label

    catalogues = {row.catalogue for row in rows if row.catalogue is not None}
    return [
        f"{row.label} ({shown(row.catalogue, row.files == (row.catalogue,))})"
        if row.catalogue is not None and len(catalogues) > 1
        else shown(row.label, path)
        for row, path in zip(rows, by_path, strict=True)
    ]
