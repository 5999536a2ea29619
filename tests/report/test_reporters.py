"""Reporters against golden files. Set PROCAUDIT_UPDATE_GOLDEN=1 to rewrite them after a
deliberate change, and review the diff."""

from __future__ import annotations

import csv
import io
import json
import os
import xml.etree.ElementTree as ET

import pytest

from conftest import GOLDEN
from procaudit import __version__
from procaudit.core.findings import (
    AuditResult,
    FileFailure,
    FileReport,
    Finding,
    Severity,
    SkippedRule,
)
from procaudit.report import Format, Reporter, ReportOptions, reporter_for


def _finding(
    rule: str,
    name: str,
    severity: Severity,
    file: str,
    sheet: str | None,
    row: int | None,
    column: str | None,
    code: str | None,
    value: str | None,
    message: str,
    fix: str,
) -> Finding:
    return Finding(rule, name, severity, file, sheet, row, column, code, value, message, fix)


RESULT = AuditResult(
    files=(
        FileReport(
            "lao-cai.xlsx",
            ("Cấp tỉnh", "Cấp xã"),
            120,
            {"Tên thủ tục": "name"},
            ("STT",),
            (("Ghi chú", "empty"),),
        ),
        FileReport("ha-tinh.csv", None, 3),
    ),
    findings=(
        _finding(
            "PA101",
            "invalid-code",
            Severity.ERROR,
            "ha-tinh.csv",
            None,
            4,
            "code",
            "1,001234",
            "1,001234",
            "The code '1,001234' uses a comma where the dot belongs.",
            "Write the code as 1.001234.",
        ),
        _finding(
            "PA102",
            "missing-code",
            Severity.WARNING,
            "lao-cai.xlsx",
            "Cấp tỉnh",
            7,
            "code",
            None,
            None,
            "The procedure has no code.",
            "Fill in the code.",
        ),
        *(
            _finding(
                "PA501",
                "district-level",
                Severity.ERROR,
                "lao-cai.xlsx",
                "Cấp xã",
                row,
                "level",
                f"1.00000{row}",
                "Cấp huyện",
                "The district level (Cấp huyện) ended on 1 July 2025.",
                "Set Cấp xã.",
            )
            for row in (3, 5, 8)
        ),
    ),
    skipped=(
        SkippedRule("PA301", "ha-tinh.csv", "the file has no forms ('Mẫu đơn, tờ khai') column"),
    ),
    failures=(FileFailure("broken.xlsx", "broken.xlsx: is not a readable Excel workbook"),),
)


def render(fmt: Format, **options: object) -> str:
    out = io.StringIO()
    reporter_for(fmt, ReportOptions(width=100, **options)).render(RESULT, out)
    return out.getvalue().replace(__version__, "VERSION")


@pytest.mark.parametrize(
    ("fmt", "options", "golden"),
    [
        (Format.JSON, {}, "report.json"),
        (Format.RICH, {}, "report.txt"),
        (Format.RICH, {"max_per_rule": 2}, "report-cut.txt"),
    ],
)
def test_report_matches_golden_file(fmt: Format, options: dict, golden: str) -> None:
    text = render(fmt, **options)
    path = GOLDEN / golden
    if os.environ.get("PROCAUDIT_UPDATE_GOLDEN"):
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8")


MACHINE_GOLDEN = {
    Format.JSONL: "report.jsonl",
    Format.CSV: "report.csv",
    Format.MARKDOWN: "report.md",
    Format.SARIF: "report.sarif",
    Format.JUNIT: "report.junit.xml",
    Format.GITHUB: "report.github.txt",
    Format.GITLAB: "report.gitlab.json",
}


@pytest.mark.parametrize(("fmt", "golden"), sorted(MACHINE_GOLDEN.items()))
def test_machine_format_matches_golden_file(fmt: Format, golden: str) -> None:
    text = render(fmt)
    path = GOLDEN / golden
    if os.environ.get("PROCAUDIT_UPDATE_GOLDEN"):
        path.write_bytes(text.encode("utf-8"))
    # Bytes, not text: the CSV's CRLF line ends are part of the contract.
    assert text.encode("utf-8") == path.read_bytes()
    assert render(fmt) == text  # same input, same bytes


@pytest.mark.parametrize("fmt", list(Format))
def test_every_format_has_a_reporter_and_a_golden_file(fmt: Format) -> None:
    reporter = reporter_for(fmt, ReportOptions())
    assert isinstance(reporter, Reporter)
    # JSON, Rich and HTML have golden files of their own tests (HTML: test_html_report.py).
    assert fmt in MACHINE_GOLDEN or fmt in (Format.JSON, Format.RICH, Format.HTML)


def test_jsonl_lines_are_the_json_reports_findings_after_its_unread_files() -> None:
    report = json.loads(render(Format.JSON))
    lines = [json.loads(line) for line in render(Format.JSONL).splitlines()]
    unread = [line for line in lines if line.get("kind") == "unread"]
    assert lines == [*unread, *report["findings"]]
    assert unread == [
        {"kind": "unread", "file": u["path"], "message": u["message"]} for u in report["unread"]
    ]
    assert report["unread"] == [
        {"path": "broken.xlsx", "message": "broken.xlsx: is not a readable Excel workbook"}
    ]


def test_csv_has_a_header_and_a_row_per_finding() -> None:
    rows = list(csv.reader(io.StringIO(render(Format.CSV), newline="")))
    assert rows[0] == [
        "file",
        "sheet",
        "row",
        "column",
        "code",
        "rule",
        "name",
        "severity",
        "message",
        "fix",
        "value",
    ]
    # A file not read: its path and why, the rule (which every finding has) empty.
    assert rows[1] == ["broken.xlsx", *[""] * 7, RESULT.failures[0].message, "", ""]
    assert [(r[0], r[2], r[5]) for r in rows[2:]] == [
        (f.file, str(f.row), f.rule) for f in RESULT.findings
    ]
    assert rows[2][4] == "1,001234"  # the comma inside the code was quoted, not split on


def test_sarif_has_the_2_1_0_structure() -> None:
    sarif = json.loads(render(Format.SARIF))
    assert sarif["version"] == "2.1.0"
    assert isinstance(sarif["$schema"], str)
    assert isinstance(sarif["runs"], list) and len(sarif["runs"]) == 1
    run = sarif["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["name"] == "procaudit"
    assert isinstance(driver["version"], str)
    assert [rule["id"] for rule in driver["rules"]] == ["PA101", "PA102", "PA501"]
    for rule in driver["rules"]:
        assert isinstance(rule["shortDescription"]["text"], str) and rule["shortDescription"]
        assert rule["defaultConfiguration"]["level"] in {"error", "warning", "note"}
    assert len(run["results"]) == len(RESULT.findings)
    for result, finding in zip(run["results"], RESULT.findings, strict=True):
        assert result["ruleId"] == finding.rule
        assert driver["rules"][result["ruleIndex"]]["id"] == finding.rule
        assert result["level"] in {"error", "warning", "note"}
        assert result["message"]["text"] == f"{finding.message} Fix: {finding.fix}"
        physical = result["locations"][0]["physicalLocation"]
        assert physical["artifactLocation"]["uri"] == finding.file
        assert physical["region"]["startLine"] == finding.row


def test_sarif_leaves_out_the_region_of_a_file_level_finding_and_maps_info_to_note() -> None:
    finding = _finding(
        "PA505",
        "online-coverage",
        Severity.INFO,
        "a.xlsx",
        None,
        None,
        None,
        None,
        None,
        "Few online.",
        "Put more online.",
    )
    out = io.StringIO()
    reporter_for(Format.SARIF, ReportOptions()).render(AuditResult((), (finding,)), out)
    result = json.loads(out.getvalue())["runs"][0]["results"][0]
    assert result["level"] == "note"
    assert "region" not in result["locations"][0]["physicalLocation"]


def _failed_cases(element: ET.Element) -> int:
    """Failed test cases as a strict reader (Jenkins, junitparser) counts them: a case
    with a <failure> is one failure, however many <failure> elements it holds."""
    return sum(1 for case in element.iter("testcase") if case.find("failure") is not None)


def test_junit_counts_one_failed_case_per_finding() -> None:
    root = ET.fromstring(render(Format.JUNIT).encode("utf-8"))
    assert root.tag == "testsuites"
    cases = root.findall("./testsuite/testcase")
    assert all(len(case.findall("failure")) <= 1 for case in cases)
    assert _failed_cases(root) == len(RESULT.findings) == int(root.get("failures"))
    assert len(root.findall("./testsuite/testcase/failure")) == len(RESULT.findings)
    assert int(root.get("tests")) == len(cases) == len(RESULT.findings) + 1  # + broken.xlsx
    suites = {suite.get("name"): suite for suite in root.findall("testsuite")}
    assert set(suites) == {"lao-cai.xlsx", "ha-tinh.csv", "broken.xlsx"}
    lao_cai = suites["lao-cai.xlsx"]
    assert [case.get("name") for case in lao_cai] == [
        "PA102 missing-code (Cấp tỉnh, row 7, code)",
        "PA501 district-level (Cấp xã, row 3, level)",
        "PA501 district-level (Cấp xã, row 5, level)",
        "PA501 district-level (Cấp xã, row 8, level)",
    ]
    assert lao_cai.get("tests") == "4" and lao_cai.get("failures") == "4"
    assert [f.get("type") for f in lao_cai.iter("failure")] == [
        "warning",
        "error",
        "error",
        "error",
    ]
    assert suites["broken.xlsx"].get("errors") == "1" and root.get("errors") == "1"
    for suite in suites.values():
        assert int(suite.get("tests")) == len(suite.findall("testcase"))
        assert int(suite.get("failures")) == _failed_cases(suite)
        assert int(suite.get("errors")) == len(suite.findall("testcase/error"))


def test_junit_replaces_characters_xml_cannot_hold() -> None:
    finding = _finding(
        "PA601",
        "bad-text",
        Severity.WARNING,
        "a.csv",
        None,
        2,
        "name",
        None,
        "a\x0bb",
        "Bad \x01 \ufffe text.",
        "Fix it.",
    )
    out = io.StringIO()
    reporter_for(Format.JUNIT, ReportOptions()).render(AuditResult((), (finding,)), out)
    failure = ET.fromstring(out.getvalue().encode("utf-8")).find(".//failure")
    # A control character is shown (issue 20); a non-character XML cannot hold is replaced.
    assert failure.get("message") == "Bad \\x01 \ufffd text."


def test_github_escapes_data_and_properties() -> None:
    from procaudit.report.github_report import annotation

    finding = _finding(
        "PA201",
        "duplicate-entry",
        Severity.INFO,
        "a,b:c.csv",
        None,
        None,
        None,
        None,
        None,
        "100% sure\r\nnext",
        "x",
    )
    assert annotation(finding) == (
        "::notice file=a%2Cb%3Ac.csv,title=PA201 duplicate-entry::100%25 sure%0D%0Anext Fix: x"
    )


def test_gitlab_fingerprints_ignore_the_row_and_stay_unique() -> None:
    from procaudit.report.gitlab_report import fingerprints

    def dup(row: int, code: str = "1.000001") -> Finding:
        return _finding(
            "PA201",
            "duplicate-entry",
            Severity.ERROR,
            "a.csv",
            None,
            row,
            "code",
            code,
            code,
            "Twice.",
            "Delete one.",
        )

    before = fingerprints((dup(3), dup(9), dup(12, "1.000002")))
    after = fingerprints((dup(5), dup(11), dup(20, "1.000002")))  # rows inserted above
    assert before == after
    assert len(set(before)) == 3
    # Two files of one name: their findings are told apart by the path.
    pair = (dup(3), dup(3)._replace(file="b/a.csv"))
    assert len(set(fingerprints(pair, by_path=True))) == 2
    issues = json.loads(render(Format.GITLAB))
    assert [i["severity"] for i in issues] == [
        "critical",  # broken.xlsx, not read
        "major",
        "minor",
        "major",
        "major",
        "major",
    ]
    assert issues[0]["check_name"] == "unread-file"
    assert issues[0]["location"] == {"path": "broken.xlsx", "lines": {"begin": 1}}
    assert len({i["fingerprint"] for i in issues}) == len(issues)
    assert all(
        set(i) == {"description", "check_name", "fingerprint", "severity", "location"}
        for i in issues
    )


def test_markdown_escapes_pipes_and_line_breaks() -> None:
    from procaudit.report.markdown_report import cell

    assert cell("a|b\nc\r\nd") == "a\\|b<br>c<br>d"
    finding = _finding(
        "PA101",
        "invalid-code",
        Severity.ERROR,
        "a|b.csv",
        None,
        2,
        "code",
        None,
        None,
        "Two\nlines.",
        "Fix.",
    )
    out = io.StringIO()
    reporter_for(Format.MARKDOWN, ReportOptions()).render(AuditResult((), (finding,)), out)
    row = [line for line in out.getvalue().splitlines() if line.startswith("| a")]
    assert row == ["| a\\|b.csv |  | 2 | code |  | PA101 | error | Two<br>lines. | Fix. |"]


# A rule whose findings have two severities: PA402 warns where a valid number only lacks
# its "Đ" and errs on a placeholder.
TWO_SEVERITIES = AuditResult(
    files=(FileReport("bo-cong-an.xlsx", ("Danh sách TTHC",), 5),),
    findings=(
        *(
            _finding(
                "PA402",
                "invalid-decision",
                Severity.ERROR,
                "bo-cong-an.xlsx",
                "Danh sách TTHC",
                row,
                "decision_no",
                None,
                "QĐ/0001-BCA",
                "The decision number 'QĐ/0001-BCA' is a placeholder.",
                "Replace it.",
            )
            for row in (3, 4, 5)
        ),
        _finding(
            "PA402",
            "invalid-decision",
            Severity.WARNING,
            "bo-cong-an.xlsx",
            "Danh sách TTHC",
            6,
            "decision_no",
            None,
            "1890/QD-UBND",
            "The decision number '1890/QD-UBND' writes 'QD' for 'QĐ'.",
            "Write it as 1890/QĐ-UBND.",
        ),
        _finding(
            "PA603",
            "stray-whitespace",
            Severity.INFO,
            "bo-cong-an.xlsx",
            "Danh sách TTHC",
            7,
            "name",
            None,
            "x ",
            "Spaces.",
            "Trim.",
        ),
    ),
)


def _rendered(fmt: Format, result: AuditResult) -> str:
    out = io.StringIO()
    reporter_for(fmt, ReportOptions(width=200)).render(result, out)
    return out.getvalue()


@pytest.mark.parametrize(
    ("fmt", "lines"),
    [
        (
            Format.RICH,
            [
                "PA402  invalid-decision  error            3",
                "PA402  invalid-decision  warning          1",
                "PA603  stray-whitespace  info             1",
            ],
        ),
        (
            Format.MARKDOWN,
            [
                "| PA402 | invalid-decision | error | 3 |",
                "| PA402 | invalid-decision | warning | 1 |",
                "| PA603 | stray-whitespace | info | 1 |",
            ],
        ),
    ],
)
def test_a_rule_with_two_severities_has_a_summary_line_for_each(
    fmt: Format, lines: list[str]
) -> None:
    text = _rendered(fmt, TWO_SEVERITIES)
    for line in lines:
        assert line in text.splitlines()


def test_the_rules_findings_name_both_severities_and_json_counts_them() -> None:
    text = _rendered(Format.RICH, TWO_SEVERITIES)
    assert "PA402 invalid-decision · error, warning · 4 findings" in text.splitlines()
    summary = json.loads(_rendered(Format.JSON, TWO_SEVERITIES))["summary"]
    assert summary["by_rule"] == {"PA402": 4, "PA603": 1}
    assert summary["by_rule_severity"] == {
        "PA402": {"error": 3, "warning": 1},
        "PA603": {"info": 1},
    }
    assert (summary["error"], summary["warning"], summary["info"]) == (3, 1, 1)


@pytest.mark.parametrize(
    ("sheets", "said"),
    [
        (None, "Read list.xlsx (CSV): 3 procedures"),
        (("A",), "Read list.xlsx (sheet 'A'): 3 procedures"),
        (
            ("A", "B", "C", "D"),
            "Read list.xlsx (sheet 'A', sheet 'B', sheet 'C', sheet 'D'): 3 procedures",
        ),
        (
            tuple("ABCDEFG"),
            "Read list.xlsx (7 sheets: 'A', 'B', 'C' and 4 more): 3 procedures",
        ),
    ],
)
def test_a_workbook_with_a_sheet_per_field_is_not_listed_sheet_by_sheet(
    sheets: tuple[str, ...] | None, said: str
) -> None:
    result = AuditResult((FileReport("list.xlsx", sheets, 3),), ())
    assert said in _rendered(Format.RICH, result).splitlines()


def test_headers_of_several_lines_are_named_on_one_line() -> None:
    result = AuditResult(
        files=(
            FileReport("f.xlsx", ("TTHC",), 3, {}, ("Ghi chú\nNote", "Cách thức\n  thực hiện")),
        ),
        findings=(),
    )
    out = io.StringIO()
    reporter_for(Format.RICH, ReportOptions(width=100)).render(result, out)
    assert "columns not used: Ghi chú Note, Cách thức thực hiện\n" in out.getvalue()


# A run of one file: its path heads the report (the terminal's "Read …" line, the Markdown's
# "Not checked in …" heading), and the lines of rules not checked do not repeat it.
ONE_FILE = AuditResult(
    (FileReport("lao-cai.xlsx", ("Cấp tỉnh", "Cấp xã"), 120),),
    (),
    skipped=(
        SkippedRule("PA301", "lao-cai.xlsx", "the file has no forms ('Mẫu đơn, tờ khai') column"),
        SkippedRule("PA404", "lao-cai.xlsx", "sheet 'Cấp xã' has no status ('Tình trạng') column"),
        SkippedRule("PA505", "lao-cai.xlsx", "sheet 'Cấp xã' has no status ('Tình trạng') column"),
    ),
)


@pytest.mark.parametrize(
    ("fmt", "golden"),
    [(Format.RICH, "report-one-file.txt"), (Format.MARKDOWN, "report-one-file.md")],
)
def test_a_one_file_run_says_the_rules_not_checked_without_its_path(
    fmt: Format, golden: str
) -> None:
    text = _rendered(fmt, ONE_FILE).replace(__version__, "VERSION")
    path = GOLDEN / golden
    if os.environ.get("PROCAUDIT_UPDATE_GOLDEN"):
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8")
    assert " in lao-cai.xlsx:" not in text
