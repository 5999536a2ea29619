"""JUnit XML, which GitLab, Jenkins and GitHub test reporters read.

One <testsuite> per file and one failed <testcase> per finding, named by its rule and
place, with its one <failure>: strict readers (Jenkins, junitparser) count failed test
cases, not <failure> elements, so only this way do they agree with `failures`. A file that
could not be read is a suite with one test case in <error>.

A cell's control characters are shown as escapes (`\x1b`, `\u202e`), as in every report a
person reads (CI pages show the failure text); what XML cannot hold at all is then replaced.

Written as text, laid out as ElementTree's `indent` would: building and serialising a tree
of 85,000 failures in ElementTree took seconds.
"""

from __future__ import annotations

from typing import TextIO

from procaudit.core.findings import AuditResult, Finding
from procaudit.core.i18n import t
from procaudit.core.text_safety import visible_result, xml_safe
from procaudit.report.base import Reporter


def _text(value: object) -> str:
    """Character data, escaped as ElementTree does."""
    text = xml_safe(str(value))  # XML 1.0 cannot hold some characters at all, even escaped
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _attribute(value: object) -> str:
    # Line breaks and tabs are kept as references: a parser would fold them into spaces.
    text = _text(value).replace('"', "&quot;")
    return text.replace("\r", "&#13;").replace("\n", "&#10;").replace("\t", "&#09;")


def _attributes(**values: object) -> str:
    return "".join(f' {key}="{_attribute(value)}"' for key, value in values.items())


def _element(depth: int, tag: str, attributes: str, children: list[str]) -> str:
    pad = "  " * depth
    if not children:
        return f"{pad}<{tag}{attributes} />"
    return "\n".join([f"{pad}<{tag}{attributes}>", *children, f"{pad}</{tag}>"])


def _labels() -> tuple[str, ...]:
    """The labels of a failure's details (sheet, row, column, code, value, fix), picked once
    per report."""
    return (
        t("sheet", "trang tính"),
        t("row", "dòng"),
        t("column", "cột"),
        t("code", "mã"),
        t("value", "giá trị"),
        t("fix", "cách sửa"),
    )


def _details(finding: Finding, labels: tuple[str, ...]) -> str:
    values = (finding.sheet, finding.row, finding.column, finding.code, finding.value, finding.fix)
    return "\n".join(
        f"{key}: {value}" for key, value in zip(labels, values, strict=True) if value is not None
    )


def _failure(finding: Finding, labels: tuple[str, ...]) -> str:
    head = f'      <failure message="{_attribute(finding.message)}" type="{finding.severity}"'
    details = _text(_details(finding, labels))
    return f"{head}>{details}</failure>" if details else f"{head} />"


def _suite(name: str, tests: int, failures: int, errors: int, cases: list[str]) -> str:
    attributes = _attributes(name=name, tests=tests, failures=failures, errors=errors, skipped=0)
    return _element(1, "testsuite", attributes, cases)


def _case_name(finding: Finding) -> str:
    """'PA501 district-level (Cấp xã, row 3, level)': the rule, then where, so that the
    cases of one rule in one file tell themselves apart."""
    where = [
        finding.sheet,
        None if finding.row is None else t("row {row}", "dòng {row}", row=finding.row),
        finding.column,
    ]
    place = ", ".join(part for part in where if part)
    return f"{finding.rule} {finding.name} ({place})" if place else f"{finding.rule} {finding.name}"


def _cases(path: str, findings: list[Finding]) -> list[str]:
    """One failed testcase per finding, in rule order (then as the run found them)."""
    labels = _labels()
    return [
        _element(
            2,
            "testcase",
            _attributes(classname=path, name=_case_name(finding)),
            [_failure(finding, labels)],
        )
        for finding in sorted(findings, key=lambda f: f.rule)
    ]


def junit_text(result: AuditResult) -> str:
    result = visible_result(result)
    by_file: dict[str, list[Finding]] = {f.path: [] for f in result.files}  # clean: empty suite
    for finding in result.findings:
        by_file.setdefault(finding.file, []).append(finding)
    suites = []
    tests = failures = errors = 0
    for path, findings in by_file.items():
        cases = _cases(path, findings)
        suites.append(_suite(path, len(cases), len(findings), 0, cases))
        tests, failures = tests + len(cases), failures + len(findings)
    for failure in result.failures:
        error = _element(3, "error", _attributes(message=failure.message, type="input-error"), [])
        case = _element(2, "testcase", _attributes(classname=failure.path, name="read"), [error])
        suites.append(_suite(failure.path, 1, 0, 1, [case]))
        tests, errors = tests + 1, errors + 1
    root = _attributes(name="procaudit", tests=tests, failures=failures, errors=errors)
    return _element(0, "testsuites", root, suites)


class JunitReporter(Reporter):
    def render(self, result: AuditResult, out: TextIO) -> None:
        out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        out.write(junit_text(result) + "\n")
