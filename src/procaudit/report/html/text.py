"""Values as the report shows them: escaped, and numbers written the reader's way."""

from __future__ import annotations

from datetime import datetime
from html import escape

from procaudit.core.findings import Severity
from procaudit.core.i18n import language, t


def esc(value: object) -> str:
    """A value as HTML text or attribute content (quotes too); None is empty."""
    return "" if value is None else escape(str(value), quote=True)


def percent(share: float | None) -> str:
    """39.2% in English, 39,2% in Vietnamese; a dash where the share is unknown."""
    if share is None:
        return "–"
    text = f"{share * 100:.1f}"
    return (text.replace(".", ",") if language() == "vi" else text) + "%"


def severity_label(severity: Severity) -> str:
    return {
        Severity.ERROR: t("Error", "Lỗi"),
        Severity.WARNING: t("Warning", "Cảnh báo"),
        Severity.INFO: t("Info", "Thông tin"),
    }[severity]


def severity_heading(severity: Severity) -> str:
    """The name of a count of findings of one severity."""
    return {
        Severity.ERROR: t("Errors", "Lỗi"),
        Severity.WARNING: t("Warnings", "Cảnh báo"),
        Severity.INFO: t("Information", "Thông tin"),
    }[severity]


def moment(when: datetime) -> str:
    """ "2026-03-05 09:00 UTC" in English, "09:00 UTC ngày 05/03/2026" in Vietnamese; a
    zone other than UTC is written as its offset (UTC+07:00)."""
    offset = when.utcoffset()
    zone = "UTC"
    if offset:
        minutes = int(offset.total_seconds() // 60)
        sign = "+" if minutes >= 0 else "-"
        zone += f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
    return t(
        "{date} {time} {zone}",
        "{time} {zone} ngày {vi_date}",
        date=when.strftime("%Y-%m-%d"),
        vi_date=when.strftime("%d/%m/%Y"),
        time=when.strftime("%H:%M"),
        zone=zone,
    )
