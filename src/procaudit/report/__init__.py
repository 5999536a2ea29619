"""Output formats: one reporter module per format, mapped exhaustively from `Format`.

Every output of procaudit is a `renderer.Renderer`: the findings' reporters here, the
diff's renderers in `diff/`, the history's views in `history/`.
"""

from __future__ import annotations

from enum import StrEnum

from procaudit.report.base import MAX_PER_RULE, Reporter, ReportOptions
from procaudit.report.renderer import renderer_class


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
    reporter: type[Reporter] = renderer_class(f"procaudit.report.{module}", name)
    return reporter(options)


__all__ = ["MAX_PER_RULE", "Format", "ReportOptions", "Reporter", "reporter_for"]
