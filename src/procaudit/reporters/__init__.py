"""Output formats: one reporter module per format, mapped exhaustively from `Format`."""

from __future__ import annotations

from enum import StrEnum

from procaudit.reporters.base import Reporter, ReportOptions


class Format(StrEnum):
    RICH = "rich"
    JSON = "json"


def reporter_for(fmt: Format, options: ReportOptions) -> Reporter:
    # Imported here so that a run loads only the format it prints.
    if fmt is Format.RICH:
        from procaudit.reporters.rich_report import RichReporter

        return RichReporter(options)
    if fmt is Format.JSON:
        from procaudit.reporters.json_report import JsonReporter

        return JsonReporter(options)
    raise ValueError(f"no reporter for format {fmt}")  # the meta-test keeps this unreachable


__all__ = ["Format", "ReportOptions", "Reporter", "reporter_for"]
