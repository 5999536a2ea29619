"""Output formats: one reporter module per format, mapped exhaustively from `Format`."""

from __future__ import annotations

from enum import StrEnum
from importlib import import_module

from procaudit.report.base import Reporter, ReportOptions


class Format(StrEnum):
    RICH = "rich"
    JSON = "json"
    JSONL = "jsonl"
    CSV = "csv"
    MARKDOWN = "markdown"
    SARIF = "sarif"
    JUNIT = "junit"
    GITHUB = "github"
    GITLAB = "gitlab"
    HTML = "html"


# Module and class of each format's reporter, imported on use so that a run loads only the
# format it prints (rich, for one, is not needed to write SARIF).
_REPORTERS: dict[Format, tuple[str, str]] = {
    Format.RICH: ("rich_report", "RichReporter"),
    Format.JSON: ("json_report", "JsonReporter"),
    Format.JSONL: ("jsonl_report", "JsonlReporter"),
    Format.CSV: ("csv_report", "CsvReporter"),
    Format.MARKDOWN: ("markdown_report", "MarkdownReporter"),
    Format.SARIF: ("sarif_report", "SarifReporter"),
    Format.JUNIT: ("junit_report", "JunitReporter"),
    Format.GITHUB: ("github_report", "GithubReporter"),
    Format.GITLAB: ("gitlab_report", "GitlabReporter"),
    Format.HTML: ("html_report", "HtmlReporter"),
}


def reporter_for(fmt: Format, options: ReportOptions) -> Reporter:
    if fmt not in _REPORTERS:  # the meta-test keeps this unreachable
        raise ValueError(f"no reporter for format {fmt}")
    module, name = _REPORTERS[fmt]
    reporter: type[Reporter] = getattr(import_module(f"procaudit.report.{module}"), name)
    return reporter(options)


__all__ = ["Format", "ReportOptions", "Reporter", "reporter_for"]
