"""The HTML report: golden files in both languages, its content read back with html.parser,
escaping, self-containment, the command line, and the script run by a real browser where
/usr/bin/chromium exists. PROCAUDIT_UPDATE_GOLDEN=1 rewrites the golden files."""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import GOLDEN, SAMPLES
from procaudit import __version__
from procaudit.cli import app
from procaudit.core.findings import (
    AuditResult,
    CatalogueStats,
    FailOn,
    FileFailure,
    FileReport,
    Finding,
    Scorecard,
    ScoreRow,
    Severity,
    SkippedRule,
)
from procaudit.core.i18n import number, speaking
from procaudit.report import Format, ReportOptions, reporter_for
from procaudit.report.html.charts import (
    LABEL_CHARS,
    LABEL_WIDTH,
    VALUE_WIDTH,
    WIDTH,
    Bar,
    Group,
    bar_chart,
    share_axis,
)
from procaudit.report.html.findings import COLUMNS, PAGE_SIZE, script_safe
from procaudit.report.html.text import percent
from procaudit.report.html_report import trend_chart
from procaudit.report.human_order import shown_path

CHROMIUM = Path("/usr/bin/chromium")
RUN_TIME = "1772701200"  # 2026-03-05 09:00 UTC, as SOURCE_DATE_EPOCH
HOSTILE = "</script><script>alert(1)</script>"


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
    header = HEADERS.get(column or "")  # the file's own header: what the Vietnamese report shows
    return Finding(
        rule, name, severity, file, sheet, row, column, code, value, message, fix, header=header
    )


HEADERS = {
    "online_level": "Mức độ DVC",
    "code": "Mã TTHC",
    "level": "Cấp thực hiện",
    "name": "Tên TTHC",
}


FINDINGS = (
    _finding(
        "PA505",
        "online-coverage",
        Severity.WARNING,
        "lao-cai.xlsx",
        None,
        None,
        "online_level",
        None,
        None,
        "58 of 150 procedures (39%) are fully online.",
        "Bring 62 more procedures fully online.",
    ),
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
    _finding(
        "PA603",
        "stray-whitespace",
        Severity.INFO,
        "ha-tinh.csv",
        None,
        9,
        "name",
        "1.000009",
        "Đăng ký  khai tử & <b>hộ tịch</b>",
        "The cell has doubled spaces.",
        "Write it as 'Đăng ký khai tử'.",
    ),
)

SCORECARD = Scorecard(
    rows=(
        ScoreRow(
            "Lào Cai",
            ("lao-cai.xlsx",),
            CatalogueStats(
                150,
                with_code=147,
                with_forms=140,
                published=150,
                fully_online=58,
                district_level=3,
                with_national_code=145,
            ),
            errors=3,
            warnings=2,
        ),
        ScoreRow(
            "Hà Tĩnh",
            ("ha-tinh.csv",),
            CatalogueStats(
                3,
                with_code=3,
                with_forms=None,
                published=None,
                fully_online=3,
                district_level=0,
                with_national_code=3,
            ),
            errors=1,
            infos=1,
        ),
    ),
    total=ScoreRow(
        "Total",
        ("lao-cai.xlsx", "ha-tinh.csv"),
        CatalogueStats(
            153,
            with_code=150,
            with_forms=140,
            published=150,
            fully_online=61,
            district_level=3,
            with_national_code=148,
        ),
        errors=4,
        warnings=2,
        infos=1,
    ),
    headlines=("1/2 catalogues reach the 80% target of procedures fully online",),
)

RESULT = AuditResult(
    files=(
        FileReport(
            "lao-cai.xlsx",
            ("Cấp tỉnh", "Cấp xã"),
            150,
            {"Tên thủ tục": "name"},
            ("STT",),
            notes=("the header is on row 3",),
        ),
        FileReport("ha-tinh.csv", None, 3),
    ),
    findings=FINDINGS,
    skipped=(
        SkippedRule("PA301", "ha-tinh.csv", "the file has no forms ('Mẫu đơn, tờ khai') column"),
    ),
    failures=(FileFailure("broken.xlsx", "broken.xlsx: is not a readable Excel workbook"),),
    scorecard=SCORECARD,
)

HISTORY = (
    ("2026-01-05T09:00:00", {"error": 9, "warning": 4, "info": 2}),
    ("2026-02-05T09:00:00", {"error": 6, "warning": 5}),
    ("2026-03-05T09:00:00", {"error": 4, "warning": 3, "info": 1}),
)


@pytest.fixture(autouse=True)
def _reproducible(monkeypatch: pytest.MonkeyPatch) -> None:
    """The page says when the audit was run: SOURCE_DATE_EPOCH's time, so a golden holds."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", RUN_TIME)


def render(result: AuditResult = RESULT, lang: str = "en", **options: object) -> str:
    out = io.StringIO()
    with speaking(lang):
        reporter_for(Format.HTML, ReportOptions(**options)).render(result, out)
    return out.getvalue()


# --- a small DOM from the standard library's parser -------------------------------------

VOID = {"meta", "link", "br", "input", "img", "hr", "source", "area", "base", "col", "wbr"}


class Node:
    def __init__(self, tag: str, attrs: dict[str, str | None], parent: Node | None) -> None:
        self.tag, self.attrs, self.parent = tag, attrs, parent
        self.children: list[Node | str] = []

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def iter(self):
        for child in self.children:
            if isinstance(child, Node):
                yield child
                yield from child.iter()

    def find_all(self, tag: str, **attrs: str) -> list[Node]:
        return [
            n
            for n in self.iter()
            if n.tag == tag
            and all(
                attrs[k] in (n.attrs.get(k.rstrip("_").replace("_", "-")) or "").split()
                if k == "class_"
                else n.attrs.get(k.replace("_", "-")) == attrs[k]
                for k in attrs
            )
        ]

    def by_id(self, id_: str) -> Node:
        [node] = [n for n in self.iter() if n.attrs.get("id") == id_]
        return node


class Tree(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", {}, None)
        self.current = self.root

    def handle_starttag(self, tag, attrs) -> None:
        node = Node(tag, dict(attrs), self.current)
        self.current.children.append(node)
        if tag not in VOID:
            self.current = node

    def handle_startendtag(self, tag, attrs) -> None:
        self.current.children.append(Node(tag, dict(attrs), self.current))

    def handle_endtag(self, tag) -> None:
        node = self.current
        while node is not None and node.tag != tag:
            node = node.parent
        if node is not None and node.parent is not None:
            self.current = node.parent

    def handle_data(self, data) -> None:
        self.current.children.append(data)


def parse(text: str) -> Node:
    tree = Tree()
    tree.feed(text)
    tree.close()
    return tree.root


def embedded(dom: Node) -> list[tuple]:
    """The findings in the page's JSON, as (file, sheet, row, column, rule, severity, code,
    value, message, fix) tuples."""
    data = json.loads(dom.by_id("procaudit-data").text())
    strings = data["strings"]
    assert data["columns"][:10] == [
        "file",
        "sheet",
        "row",
        "column",
        "rule",
        "severity",
        "code",
        "value",
        "message",
        "fix",
    ]
    return [
        tuple(
            value if i == 2 or value is None else strings[value] for i, value in enumerate(row[:10])
        )
        for row in data["findings"]
    ]


def as_tuple(f: Finding) -> tuple:
    return (
        f.file,
        f.sheet,
        f.row,
        f.column,
        f.rule,
        f.severity.value,
        f.code,
        f.value,
        f.message,
        f.fix,
    )


def bars(dom: Node, chart: str) -> list[tuple[str, float]]:
    return [
        (rect.attrs["data-label"], float(rect.attrs["data-value"]))
        for rect in dom.by_id(chart).find_all("rect", class_="bar")
    ]


# --- golden files -----------------------------------------------------------------------


@pytest.mark.parametrize(("lang", "golden"), [("en", "report.html"), ("vi", "report.vi.html")])
def test_report_matches_golden_file(lang: str, golden: str) -> None:
    text = render(lang=lang, history=HISTORY).replace(__version__, "VERSION")
    path = GOLDEN / golden
    if os.environ.get("PROCAUDIT_UPDATE_GOLDEN"):
        path.write_bytes(text.encode("utf-8"))
    assert text.encode("utf-8") == path.read_bytes()
    assert render(lang=lang, history=HISTORY).replace(__version__, "VERSION") == text


# --- content ----------------------------------------------------------------------------


# The page's order: errors, warnings, information; then by file, sheet and row.
ORDERED = tuple(FINDINGS[i] for i in (1, 3, 4, 5, 0, 2, 6))


def test_every_finding_is_in_the_embedded_json_most_severe_first() -> None:
    dom = parse(render())
    assert embedded(dom) == [as_tuple(f) for f in ORDERED]
    assert [f.rule for f in ORDERED] == [
        "PA101",
        "PA501",
        "PA501",
        "PA501",
        "PA505",
        "PA102",
        "PA603",
    ]


def test_the_first_page_leads_with_the_errors_not_the_whitespace_notes() -> None:
    # Nine files' worth: 858 notes in the files read first, 12 errors in the last one.
    notes = tuple(FINDINGS[6]._replace(file=f"a{n % 8}.csv", row=n) for n in range(858))
    errors = tuple(FINDINGS[1]._replace(file="z.csv", row=n) for n in range(12))
    dom = parse(render(AuditResult(RESULT.files, notes + errors)))
    rows = browser_rows(dom)
    assert len(rows) == PAGE_SIZE
    assert [r[5] for r in rows[:12]] == ["Error"] * 12
    assert {r[5] for r in rows[12:]} == {"Info"}
    assert [r[0] for r in rows[12:14]] == ["a0.csv", "a0.csv"]  # then by file and row
    assert [int(r[2]) for r in rows[12:14]] == [0, 8]


def test_the_first_page_is_static_html() -> None:
    dom = parse(render())
    rows = dom.by_id("pa-rows").find_all("tr")
    assert [[td.text() for td in row.find_all("td")] for row in rows] == [
        [
            f.file,
            f.sheet or "",
            "" if f.row is None else str(f.row),
            f.column or "",
            f.rule,
            f.severity.value.capitalize(),
            f.code or "",
            f.value or "",
            f.message,
            f.fix,
        ]
        for f in ORDERED
    ]
    assert "Đăng ký  khai tử & <b>hộ tịch</b>" in [td.text() for td in dom.find_all("td")]


def test_the_first_page_stops_at_the_page_size_and_the_json_holds_all() -> None:
    many = tuple(FINDINGS[1]._replace(row=row) for row in range(PAGE_SIZE + 30))
    dom = parse(render(AuditResult(RESULT.files, many)))
    assert len(dom.by_id("pa-rows").find_all("tr")) == PAGE_SIZE
    assert len(embedded(dom)) == PAGE_SIZE + 30
    assert dom.find_all("noscript")  # the reader without JavaScript is told where the rest is


def test_summary_counts_and_verdict() -> None:
    dom = parse(render())
    cards = {
        card.find_all("dt")[0].text(): card.find_all("dd")[0].text()
        for card in dom.find_all("div", class_="card")
    }
    assert cards == {
        "Files": "2",
        "Procedures": "153",
        "Errors": "4",
        "Warnings": "2",
        "Information": "1",
        "Unreadable files": "1",
    }
    [verdict] = dom.find_all("p", class_="verdict")
    assert "incomplete" in verdict.attrs["class"].split()


@pytest.mark.parametrize(
    ("severities", "fail_on", "failures", "verdict"),
    [
        ((), FailOn.ERROR, (), "pass"),
        ((Severity.WARNING,), FailOn.ERROR, (), "pass"),
        ((Severity.WARNING,), FailOn.WARNING, (), "fail"),
        ((Severity.ERROR,), FailOn.ERROR, (), "fail"),
        ((Severity.ERROR,), FailOn.NEVER, (), "pass"),
        ((Severity.INFO,), FailOn.ERROR, (FileFailure("x.xlsx", "x.xlsx: broken"),), "incomplete"),
    ],
)
def test_verdict_follows_the_exit_code(severities, fail_on, failures, verdict) -> None:
    findings = tuple(FINDINGS[1]._replace(severity=s) for s in severities)
    result = AuditResult(RESULT.files, findings, failures=failures)
    [node] = parse(render(result, fail_on=fail_on)).find_all("p", class_="verdict")
    assert node.attrs["class"].split() == ["verdict", verdict]
    assert f"exit code {result.exit_code(fail_on)})" in node.text()


def test_scorecard_numbers() -> None:
    dom = parse(render())
    table = dom.find_all("table", class_="scorecard")[0]
    rows = [
        [cell.text() for cell in row.children if isinstance(cell, Node)]
        for row in table.find_all("tr")
    ]
    assert rows[0] == [
        "Province, ministry or file",
        "Procedures in force",
        "With a national code",
        "With forms",
        "Published",
        "Fully online",
        "District level",
        "Errors",
        "Warnings",
        "Information",
    ]
    assert rows[1:] == [
        [
            "Lào Cai",
            "150",
            "96.7% (145)",
            "93.3% (140)",
            "100.0% (150)",
            "38.7% (58)",
            "3",
            "3",
            "2",
            "0",
        ],
        ["Hà Tĩnh", "3", "100.0% (3)", "–", "–", "100.0% (3)", "0", "1", "0", "1"],
        [
            "Total",
            "153",
            "96.7% (148)",
            "91.5% (140)",
            "98.0% (150)",
            "39.9% (61)",
            "3",
            "4",
            "2",
            "1",
        ],
    ]
    assert [li.text() for li in dom.find_all("ul", class_="headlines")[0].find_all("li")] == [
        "1/2 catalogues reach the 80% target of procedures fully online"
    ]


def test_scorecard_with_a_reference_shows_the_announced_share() -> None:
    row = ScoreRow(
        "Lào Cai", ("a.xlsx",), CatalogueStats(10, reference_total=8, reference_announced=6)
    )
    result = AuditResult(RESULT.files, (), scorecard=Scorecard((row,), row))
    table = parse(render(result)).find_all("table", class_="scorecard")[0]
    assert "Announced of the reference list" in [th.text() for th in table.find_all("th")]
    assert "6/8 (75.0%)" in [td.text() for td in table.find_all("td")]


def test_sections_without_their_data_are_left_out() -> None:
    result = AuditResult(RESULT.files, ())
    dom = parse(render(result))
    assert [s.attrs["id"] for s in dom.find_all("section")] == ["summary", "findings"]
    assert dom.find_all("p", class_="none")[0].text() == "No findings."
    assert not [n for n in dom.iter() if n.attrs.get("id") == "procaudit-data"]


def panels(dom: Node, chart: str) -> list[str]:
    return [t.text() for t in dom.by_id(chart).find_all("text", class_="panel-heading")]


def test_rule_chart_has_a_panel_per_severity_most_findings_first() -> None:
    dom = parse(render())
    assert panels(dom, "chart-rules") == [
        "Errors: 4 in 2 rules",
        "Warnings: 2 in 2 rules",
        "Information: 1 in 1 rule",
    ]
    assert bars(dom, "chart-rules") == [
        ("PA501 district-level", 3.0),
        ("PA101 invalid-code", 1.0),
        ("PA102 missing-code", 1.0),
        ("PA505 online-coverage", 1.0),
        ("PA603 stray-whitespace", 1.0),
    ]
    classes = [rect.attrs["class"] for rect in dom.by_id("chart-rules").find_all("rect")]
    assert classes == [
        "bar sev-error",
        "bar sev-error",
        "bar sev-warning",
        "bar sev-warning",
        "bar sev-info",
    ]
    # Within a panel the widths keep the proportions: PA501's 3 findings, three times PA101's.
    widths = [float(r.attrs["width"]) for r in dom.by_id("chart-rules").find_all("rect")]
    assert widths[0] == pytest.approx(3 * widths[1], rel=0.01)
    counts = [t.text() for t in dom.by_id("chart-rules").find_all("text", class_="value")]
    assert counts == ["3", "1", "1", "1", "1"]  # each count written by its bar


def test_858_notes_do_not_squash_the_errors_into_slivers() -> None:
    notes = tuple(FINDINGS[6]._replace(row=n) for n in range(858))
    errors = tuple(FINDINGS[1]._replace(row=n) for n in range(12))
    dom = parse(render(AuditResult(RESULT.files, errors + notes)))
    rects = {
        r.attrs["class"]: float(r.attrs["width"]) for r in dom.by_id("chart-rules").find_all("rect")
    }
    plot = WIDTH - LABEL_WIDTH - VALUE_WIDTH
    # On one scale the errors' bar was 12/858 of the plot (6 pixels); on its own, most of it.
    assert rects["bar sev-error"] >= 0.75 * plot
    assert rects["bar sev-info"] >= 0.75 * plot
    assert panels(dom, "chart-rules") == ["Errors: 12 in 1 rule", "Information: 858 in 1 rule"]


PA402 = tuple(
    _finding(
        "PA402",
        "invalid-decision",
        severity,
        "bo-cong-an.xlsx",
        "S",
        row,
        "decision_no",
        None,
        value,
        "m",
        "f",
    )
    for severity, row, value in (
        (Severity.ERROR, 3, "QĐ/0001-BCA"),
        (Severity.ERROR, 4, "QĐ/0001-BCA"),
        (Severity.WARNING, 5, "1890/QD-UBND"),
    )
)  # PA402 warns where only "QD" was typed for "QĐ", and errs on a placeholder.


def cells(table: Node) -> list[list[str]]:
    return [
        [cell.text() for cell in row.children if isinstance(cell, Node)]
        for row in table.find_all("tr")
    ]


def test_a_rule_with_two_severities_is_in_both_panels_and_both_columns() -> None:
    dom = parse(render(AuditResult(RESULT.files, (*FINDINGS, *PA402))))
    found = [
        (r.attrs["data-label"], float(r.attrs["data-value"]), r.attrs["class"])
        for r in dom.by_id("chart-rules").find_all("rect")
    ]
    assert ("PA402 invalid-decision", 2.0, "bar sev-error") in found
    assert ("PA402 invalid-decision", 1.0, "bar sev-warning") in found
    assert ("PA101 invalid-code", 1.0, "bar sev-error") in found  # one severity, one bar
    # The chart's numbers say the same, a column per severity.
    table = cells(dom.by_id("chart-rules").find_all("table")[0])
    assert table[0] == ["Rule", "Errors", "Warnings", "Information"]
    assert ["PA402 invalid-decision", "2", "1", "–"] in table
    # So does the summary's table of findings per rule, whose counts filter the findings.
    [summary] = dom.by_id("summary").find_all("table", class_="rules")
    rows = cells(summary)
    assert rows[0] == ["Rule", "Name", "Errors", "Warnings", "Information"]
    assert ["PA402", "invalid-decision", "2", "1", "–"] in rows
    links = [a.attrs["href"] for a in summary.find_all("a")]
    assert "#rule=PA402&severity=warning" in links and "#rule=PA402" in links
    # Rules with errors first, then warnings, then information.
    assert [r[0] for r in rows[1:]] == ["PA101", "PA402", "PA501", "PA102", "PA505", "PA603"]


def test_the_published_chart_counts_full_catalogues_as_the_headline_does() -> None:
    from procaudit.engine.scorecard import build_scorecard, combined

    # Lào Cai: a file with every decision beside one without a decision column.
    stats = combined([CatalogueStats(4, published=4), CatalogueStats(2, published=None)])
    report = FileReport("lao-cai.xlsx", None, 6, stats=stats, province="Lào Cai")
    card = build_scorecard(AuditResult((report,), ()))
    assert "1/1 catalogues name a publishing decision for every procedure" in card.headlines
    dom = parse(render(AuditResult((report,), (), scorecard=card)))
    assert dom.by_id("chart-published-desc").text() == (
        "1 of 1 catalogues name a publishing decision for every procedure."
    )


def test_the_scorecard_says_why_its_procedures_differ_from_the_summarys() -> None:
    card = Scorecard(
        SCORECARD.rows,
        SCORECARD.total,
        notes=(
            "The scorecard counts procedures in force (153); the summary counts every procedure "
            "row read (160), abolished ones (7) included.",
        ),
    )
    dom = parse(render(AuditResult(RESULT.files, FINDINGS, scorecard=card)))
    section = dom.by_id("scorecard")
    assert "Note: The scorecard counts procedures in force (153)" in section.text()
    assert "Procedures in force" in [th.text() for th in section.find_all("th")]


def test_share_charts_bars_match_the_scorecard() -> None:
    dom = parse(render())
    assert bars(dom, "chart-online") == [
        ("Lào Cai", pytest.approx(58 / 150, abs=1e-6)),
        ("Hà Tĩnh", 1.0),
    ]
    online = dom.by_id("chart-online").find_all("rect")
    assert [r.attrs["class"] for r in online] == ["bar share-short", "bar share-met"]
    [target] = dom.by_id("chart-online").find_all("line", class_="target")
    assert target.attrs["x1"] == target.attrs["x2"]
    assert "Target 80%" in dom.by_id("chart-online").text()
    assert bars(dom, "chart-published") == [("Lào Cai", 1.0)]  # Hà Tĩnh cannot tell
    assert "no data" in dom.by_id("chart-published").text()
    assert bars(dom, "chart-code-forms") == [
        ("Lào Cai", pytest.approx(145 / 150, abs=1e-6)),
        ("Lào Cai", pytest.approx(140 / 150, abs=1e-6)),
        ("Hà Tĩnh", 1.0),
    ]


def test_share_descriptions_count_the_catalogues_that_can_tell() -> None:
    dom = parse(render())
    assert dom.by_id("chart-online-desc").text() == (
        "1 of 2 catalogues reach the target of 80% of procedures fully online (Toàn trình)."
    )
    assert dom.by_id("chart-published-desc").text() == (
        "1 of 1 catalogues name a publishing decision for every procedure."
    )


@pytest.mark.parametrize(
    ("label", "shown"),
    [
        ("Lào Cai", "Lào Cai"),
        (
            "/work/shared/data/real/national-portal-2026/danh-sach-tthc-BoCongAn.xlsx",
            "…/danh-sach-tthc-BoCongAn.xlsx",
        ),
        (
            "C:\\Users\\so-tu-phap\\Documents\\danh-muc-thu-tuc-2026.xlsx",
            "…\\danh-muc-thu-tuc-2026.xlsx",
        ),
        ("x" * 40, "…" + "x" * 35),
    ],
)
def test_long_chart_labels_keep_their_end(label: str, shown: str) -> None:
    dom = parse(
        bar_chart(
            "c",
            "T",
            "D",
            [Group(label, (Bar(1, "1", "share"),))],
            share_axis(),
            label_heading="L",
            value_headings=["V"],
        )
    )
    [text] = dom.find_all("text", class_="label")
    assert text.text() == shown
    assert len(shown) <= LABEL_CHARS
    assert dom.find_all("g", class_="group")[0].find_all("title")[0].text() == label


def test_online_target_follows_the_option() -> None:
    dom = parse(render(online_target=0.35))
    assert "Target 35%" in dom.by_id("chart-online").text()
    assert [r.attrs["class"] for r in dom.by_id("chart-online").find_all("rect")] == [
        "bar share-met",
        "bar share-met",
    ]


def test_every_chart_is_accessible() -> None:
    dom = parse(render(history=HISTORY))
    ids = [n.attrs["id"] for n in dom.iter() if "id" in n.attrs]
    assert len(ids) == len(set(ids))
    figures = dom.find_all("figure", class_="chart")
    assert [f.attrs["id"] for f in figures] == [
        "chart-rules",
        "chart-online",
        "chart-published",
        "chart-code-forms",
        "chart-trend",
    ]
    for figure in figures:
        [svg] = figure.find_all("svg")
        assert svg.attrs["role"] == "img"
        title, desc = (svg.by_id(i) for i in svg.attrs["aria-labelledby"].split())
        assert (title.tag, desc.tag) == ("title", "desc")
        assert title.text() and desc.text()
        [table] = figure.find_all("table")  # the text alternative
        assert table.find_all("th", scope="col") and table.find_all("th", scope="row")


def test_trend_chart_points_match_the_history() -> None:
    dom = parse(render(history=HISTORY))
    points = [
        (c.attrs["data-run"], c.attrs["data-severity"], int(c.attrs["data-value"]))
        for c in dom.by_id("chart-trend").find_all("circle")
    ]
    assert points == [
        (when, severity, counts.get(severity, 0))
        for severity in ("error", "warning", "info")
        for when, counts in HISTORY
    ]
    rows = [
        [c.text() for c in row.children if isinstance(c, Node)]
        for row in dom.by_id("chart-trend").find_all("tbody")[0].find_all("tr")
    ]
    assert rows == [
        ["2026-01-05T09:00:00", "9", "4", "2"],
        ["2026-02-05T09:00:00", "6", "5", "0"],
        ["2026-03-05T09:00:00", "4", "3", "1"],
    ]


def test_the_trend_is_spaced_by_date() -> None:
    # Two nightly runs, then a month's gap: the gap is 30 times a night, not one step.
    history = [
        ("2026-03-01T02:00:00Z", {"error": 5}),
        ("2026-03-02T02:00:00Z", {"error": 4}),
        ("2026-04-01T02:00:00Z", {"error": 4}),
    ]
    dom = parse(trend_chart(history))
    xs = [float(c.attrs["cx"]) for c in dom.find_all("circle")][:3]
    assert xs[2] - xs[1] == pytest.approx(30 * (xs[1] - xs[0]), abs=0.2)
    # The two close nights do not write their labels over each other.
    labels = [t.text() for t in dom.find_all("text", class_="tick") if "-" in t.text()]
    assert labels == ["2026-03-01", "2026-04-01"]


@pytest.mark.parametrize(
    ("changed", "marked"),
    [
        ((False, False, False), []),
        ((False, True, False), ["2026-03-02T02:00:00Z"]),
        ((False, True, True), ["2026-03-02T02:00:00Z", "2026-04-01T02:00:00Z"]),
    ],
)
def test_trend_chart_marks_runs_whose_set_of_files_changed(
    changed: tuple[bool, ...], marked: list[str]
) -> None:
    times = ("2026-03-01T02:00:00Z", "2026-03-02T02:00:00Z", "2026-04-01T02:00:00Z")
    history = [(when, {"error": 5}, mark) for when, mark in zip(times, changed, strict=True)]
    dom = parse(trend_chart(history))
    lines = dom.find_all("line", class_="files-changed")
    assert [line.find_all("title")[0].text().split(": ")[0] for line in lines] == marked
    legend = [item.text() for item in dom.find_all("li")]
    rows = dom.find_all("details")[0].find_all("tr")
    if marked:
        assert "Set of files changed" in legend
        assert [r.find_all("td")[-1].text() for r in rows[1:]].count("changed") == len(marked)
        assert "Dashed lines mark runs" in dom.find_all("p", class_="chart-text")[0].text()
    else:  # a steady history reads exactly as before
        assert "Set of files changed" not in legend
        assert len(rows[0].find_all("th")) == 4


def test_trend_chart_on_its_own() -> None:
    dom = parse(trend_chart([("2026-05-01T08:00:00", {"error": 2})], chart_id="t1"))
    [figure] = dom.find_all("figure")
    assert figure.attrs["id"] == "t1"
    assert [int(c.attrs["data-value"]) for c in figure.find_all("circle")] == [2, 0, 0]
    with pytest.raises(ValueError):
        trend_chart(())


def test_headings_in_vietnamese() -> None:
    dom = parse(render(lang="vi", history=HISTORY))
    assert dom.find_all("html")[0].attrs["lang"] == "vi"
    assert dom.find_all("h1")[0].text() == "Báo cáo kiểm tra danh mục thủ tục hành chính"
    assert [h.text() for h in dom.find_all("h2")] == [
        "Tóm tắt kết quả",
        "Bảng tổng hợp đánh giá",
        "Biểu đồ",
        "Diễn biến",
        "Danh sách vấn đề",
    ]
    headings = [th.text() for th in dom.by_id("pa-findings").find_all("th")]
    assert headings == [
        "Tệp",
        "Trang tính",
        "Dòng",
        "Cột",
        "Quy tắc",
        "Mức độ",
        "Mã thủ tục",
        "Giá trị",
        "Nội dung vấn đề",
        "Cách khắc phục",
    ]
    assert dom.by_id("chart-online").find_all("figcaption")[0].text() == (
        "Tỷ lệ thủ tục trực tuyến toàn trình"
    )
    data = json.loads(dom.by_id("procaudit-data").text())
    assert data["severities"] == {"error": "Lỗi", "warning": "Cảnh báo", "info": "Thông tin"}
    assert parse(render()).find_all("html")[0].attrs["lang"] == "en"


@pytest.mark.parametrize(
    ("lang", "value", "expected"),
    [
        ("en", 85000, "85,000"),
        ("vi", 85000, "85.000"),
        ("en", 7, "7"),
        ("en", 0.387, "38.7%"),
        ("vi", 0.387, "38,7%"),
        ("vi", 1.0, "100,0%"),
        ("en", None, "–"),
    ],
)
def test_numbers_are_written_the_readers_way(lang: str, value, expected: str) -> None:
    with speaking(lang):
        assert (number(value) if isinstance(value, int) else percent(value)) == expected


# --- escaping and self-containment ------------------------------------------------------


def test_a_hostile_value_cannot_close_the_script() -> None:
    hostile = FINDINGS[1]._replace(value=HOSTILE, message="a & b <!-- c", file="<i>x</i>.csv")
    text = render(AuditResult(RESULT.files, (hostile,)))
    assert HOSTILE not in text
    assert "<i>x</i>" not in text
    assert text.count("<script") == 2  # the data and the code, nothing injected
    dom = parse(text)
    [row] = embedded(dom)
    assert row[7] == HOSTILE and row[8] == "a & b <!-- c" and row[0] == "<i>x</i>.csv"
    assert HOSTILE in [td.text() for td in dom.find_all("td")]
    assert [o.text() for o in dom.by_id("pa-file").find_all("option")][-1] == "<i>x</i>.csv"


@pytest.mark.parametrize(
    ("json_text", "safe"),
    [
        ('"</script>"', '"\\u003c/script\\u003e"'),
        ('"a & b"', '"a \\u0026 b"'),
        ('"<!--"', '"\\u003c!--"'),
        ('"plain"', '"plain"'),
    ],
)
def test_script_safe_json_is_the_same_json(json_text: str, safe: str) -> None:
    assert script_safe(json_text) == safe
    assert json.loads(safe) == json.loads(json_text)


OUTSIDE = re.compile(r"^\s*(https?:|//|ftp:|file:)", re.IGNORECASE)


def test_the_page_references_nothing_outside_itself() -> None:
    text = render(history=HISTORY)
    dom = parse(text)
    for node in dom.iter():
        for attr in ("src", "href", "action", "poster", "data", "xlink:href"):
            value = node.attrs.get(attr)
            assert value is None or not OUTSIDE.match(value), (node.tag, attr, value)
        assert node.tag != "link", "no <link>: styles are inline"
        assert "src" not in node.attrs, node.tag
    assert all(a.attrs["href"].startswith("#") for a in dom.find_all("a"))
    styles = "".join(s.text() for s in dom.find_all("style"))
    assert "@import" not in styles and "url(" not in styles
    scripts = "".join(s.text() for s in dom.find_all("script") if not s.attrs.get("type"))
    for call in ("fetch(", "XMLHttpRequest", "import(", "WebSocket", "EventSource", "sendBeacon"):
        assert call not in scripts
    [policy] = dom.find_all("meta", http_equiv="Content-Security-Policy")
    assert "default-src 'none'" in policy.attrs["content"]


def test_the_run_time_is_source_date_epochs_and_the_same_bytes_each_time() -> None:
    text = render()
    assert render() == text
    [when] = parse(text).find_all("time")
    assert when.attrs["datetime"] == "2026-03-05T09:00:00+00:00"
    assert when.text() == "2026-03-05 09:00 UTC"
    [vi] = parse(render(lang="vi")).find_all("time")
    assert vi.text() == "09:00 UTC ngày 05/03/2026"
    # The time of the run, in the header, and nowhere else.
    rest = re.sub(r"<time .*?</time>", "", text, count=1)
    assert not re.search(r"\d{4}-\d\d-\d\d|\d\d:\d\d", rest)


def test_without_source_date_epoch_the_clock_gives_the_time(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from datetime import datetime

    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    before = datetime.now().astimezone().replace(second=0, microsecond=0)
    [when] = parse(render()).find_all("time")
    shown = datetime.fromisoformat(when.attrs["datetime"])
    assert before <= shown <= datetime.now().astimezone()


@pytest.mark.parametrize(
    ("path", "shown"),
    [
        ("danh-muc/lao-cai.xlsx", "danh-muc/lao-cai.xlsx"),
        ("/srv/run/danh-muc/lao-cai.xlsx", "danh-muc/lao-cai.xlsx"),
        ("/srv/run/./a/../b.csv", "b.csv"),
        ("/srv/other/b.csv", "/srv/other/b.csv"),  # outside the run's folder: as given
        ("../b.csv", "../b.csv"),
    ],
)
def test_paths_are_shown_relative_to_the_runs_folder(path: str, shown: str) -> None:
    assert shown_path(path, Path("/srv/run")) == shown


# --- the command line -------------------------------------------------------------------


@pytest.mark.slow
def test_cli_writes_the_html_report(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(SAMPLES.parent)
    runner = CliRunner()
    sample = str(SAMPLES / "catalogue-lao-cai.xlsx")  # absolute, under the run's folder
    report = tmp_path / "report.html"
    result = runner.invoke(app, ["check", sample, "-f", "html", "-o", str(report)])
    assert result.exit_code == 1, result.output  # the sample has errors
    assert result.stdout == ""
    as_json = runner.invoke(app, ["check", sample, "-f", "json"])
    findings = json.loads(as_json.stdout)["findings"]
    rank = {"error": 0, "warning": 1, "info": 2}
    expected = [
        (f["file"].replace(str(SAMPLES.parent) + os.sep, ""), *(f[k] for k in COLUMNS[1:]))
        for f in sorted(
            findings,
            key=lambda f: (
                rank[f["severity"]],
                f["sheet"] is not None,
                f["row"] is not None,
                f["row"] or 0,
                f["rule"],
                f["column"] or "",
            ),
        )
    ]
    dom = parse(report.read_text(encoding="utf-8"))
    assert embedded(dom) == expected
    assert expected[0][0] == "samples/catalogue-lao-cai.xlsx"  # relative to where it ran
    assert [f[5] for f in expected] == sorted((f[5] for f in expected), key=rank.__getitem__)
    assert dom.find_all("html")[0].attrs["lang"] == "en"
    assert dom.find_all("time")[0].text() == "2026-03-05 09:00 UTC"
    first = runner.invoke(app, ["check", sample, "-f", "html"]).stdout
    assert first.encode("utf-8") == report.read_bytes()  # stdout and -o hold the same bytes


def test_cli_refuses_a_bad_source_date_epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "last night")
    sample = str(SAMPLES / "catalogue-lao-cai.xlsx")
    result = CliRunner().invoke(app, ["check", sample, "-f", "html"])
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [
        "procaudit: error: SOURCE_DATE_EPOCH='last night' is not a number of seconds since "
        "1970-01-01"
    ]
    assert "Traceback" not in result.output


def test_cli_marks_each_finding_new_or_still_present_against_a_baseline(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    header = "Mã TTHC,Tên thủ tục,Cấp thực hiện\n"
    Path("c.csv").write_text(header + "1.00123,Đăng ký khai sinh,Cấp xã\n", encoding="utf-8")
    runner = CliRunner()
    runner.invoke(app, ["check", "c.csv", "--write-baseline", "b.json", "-f", "json"])
    Path("c.csv").write_text(
        header + "1.00123,Đăng ký khai sinh,Cấp xã\n2.00001,Cấp bản sao trích lục,Cấp xã\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["check", "c.csv", "--baseline", "b.json", "-f", "html"])
    assert result.exit_code == 1, result.output
    dom = parse(result.stdout)
    marks = {
        row.find_all("td")[6].text(): row.find_all("span", class_="base")[0].text()
        for row in dom.by_id("pa-rows").find_all("tr")
    }
    assert marks == {"2.00001": "New", "1.00123": "Still present"}
    data = json.loads(dom.by_id("procaudit-data").text())
    assert data["columns"][-1] == "baseline"
    statuses = {data["strings"][f[6]]: data["strings"][f[-1]] for f in data["findings"]}
    assert statuses == {"2.00001": "new", "1.00123": "still"}
    [select] = dom.by_id("pa-controls").find_all("select", id="pa-baseline")
    assert [o.attrs["value"] for o in select.find_all("option")] == ["", "new", "still"]
    # Without a baseline there is neither a mark nor a filter.
    plain = parse(runner.invoke(app, ["check", "c.csv", "-f", "html"]).stdout)
    assert not plain.find_all("span", class_="base")
    assert not plain.find_all("select", id="pa-baseline")


# --- in a real browser ------------------------------------------------------------------


def dump_dom(path: Path, fragment: str, tmp_path: Path) -> Node:
    """The page after its script ran, as headless Chromium sees it."""
    command = [
        str(CHROMIUM),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        f"--user-data-dir={tmp_path / 'chromium-profile'}",
        "--dump-dom",
        path.as_uri() + fragment,
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    if done.returncode != 0 or "<html" not in done.stdout:
        # A browser that cannot start on this machine (no shared memory, no display libraries)
        # says nothing about the page; a page it renders wrongly fails the asserts below.
        why = (done.stderr.strip().splitlines() or ["no output"])[-1]
        pytest.skip(f"Chromium could not render a page here: {why}")
    return parse(done.stdout)


def browser_rows(dom: Node) -> list[list[str]]:
    return [[td.text() for td in row.find_all("td")] for row in dom.by_id("pa-rows").find_all("tr")]


needs_chromium = pytest.mark.skipif(
    not CHROMIUM.exists() or shutil.which(str(CHROMIUM)) is None,
    reason="/usr/bin/chromium is not installed",
)


@pytest.mark.slow
@needs_chromium
def test_the_browser_filters_sorts_and_pages_from_the_fragment(tmp_path: Path) -> None:
    severities = (Severity.ERROR, Severity.WARNING)
    findings = tuple(
        FINDINGS[1]._replace(row=row, severity=severities[row % 2]) for row in range(450)
    )  # 225 warnings: two pages of them
    path = tmp_path / "report.html"
    path.write_text(render(AuditResult(RESULT.files, findings)), encoding="utf-8")
    dom = dump_dom(path, "#severity=warning&sort=row&desc=1&page=2", tmp_path)
    rows = browser_rows(dom)
    assert dom.by_id("pa-findings").attrs["data-rendered"] == "25"
    assert [int(r[2]) for r in rows] == list(range(49, 0, -2))  # page 2 of descending rows
    assert {r[5] for r in rows} == {"Warning"}
    assert dom.by_id("pa-status").text() == "Findings 201–225 of 225 (filtered from 450)"
    assert "hidden" not in dom.by_id("pa-controls").attrs


@pytest.mark.slow
@needs_chromium
def test_the_browser_searches_without_diacritics(tmp_path: Path) -> None:
    path = tmp_path / "report.html"
    with speaking("vi"):
        path.write_text(render(lang="vi"), encoding="utf-8")
    dom = dump_dom(path, "#q=dang%20ky%20khai%20tu", tmp_path)
    rows = browser_rows(dom)
    assert [(r[4], r[7]) for r in rows] == [("PA603", "Đăng ký  khai tử & <b>hộ tịch</b>")]
    assert rows[0][5] == "Thông tin"
    assert dom.by_id("pa-status").text() == "Vấn đề thứ 1–1 trong số 1 (lọc từ 7 vấn đề)"
