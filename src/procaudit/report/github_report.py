"""GitHub Actions workflow commands: one annotation per finding.

`::error file=F,line=N,title=PA201 duplicate-entry::message`, and an error on each file that
could not be read (`::error file=F,title=file not read::why`), escaped as GitHub's toolkit
does: `%`, CR and LF in the message; those and `,` and `:` in properties. A cell's other
control characters are shown as escapes (`\x1b`, `\u202e`) before that: the log a runner
shows is a terminal's (issue 20).
"""

from __future__ import annotations

from typing import TextIO

from procaudit.core.findings import AuditResult, FileFailure, Finding, Severity
from procaudit.core.i18n import t
from procaudit.core.text_safety import visible_result
from procaudit.report.base import Reporter
from procaudit.report.rule_meta import message_with_fix

COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(finding: Finding) -> str:
    line = "" if finding.row is None else f",line={finding.row}"
    title = escape_property(f"{finding.rule} {finding.name}")
    # A row number alone is ambiguous in a workbook: say which sheet and column.
    where = []
    if finding.sheet is not None:
        where.append(t("sheet '{sheet}'", "trang tính '{sheet}'", sheet=finding.sheet))
    if column := finding.column_name:  # the file's own header, in Vietnamese
        where.append(t("column {column}", "cột '{column}'", column=column))
    message = message_with_fix(finding)
    if where:
        message = f"{', '.join(where)}: {message}"
    return (
        f"::{COMMAND[finding.severity]} file={escape_property(finding.file)}{line},"
        f"title={title}::{escape_data(message)}"
    )


def unread_annotation(failure: FileFailure) -> str:
    title = escape_property(t("file not read", "không đọc được tệp"))
    return f"::error file={escape_property(failure.path)},title={title}::" + escape_data(
        failure.message
    )


class GithubReporter(Reporter):
    def render(self, result: AuditResult, out: TextIO) -> None:
        result = visible_result(result)
        out.writelines(unread_annotation(failure) + "\n" for failure in result.failures)
        out.writelines(annotation(finding) + "\n" for finding in result.findings)
