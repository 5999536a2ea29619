"""PA402 invalid-decision: what a decision cell holds, rows in, findings out.

The spellings come from real ministries' and provinces' lists and from the national portal.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from conftest import findings_of, run_rules
from procaudit.core.findings import Severity
from procaudit.core.i18n import speaking
from procaudit.engine.audit import audit
from procaudit.rules.decision_numbers import ISSUER_SAMPLE, read_decision, usual_issuer
from procaudit.rules.options import RuleOptions

WRITE = "Write it as {}."
ASK = "Replace it with the number of the decision that announced the procedure"

DECISION_CASES = [
    # (case, cell, severity (None: no finding), message fragment, fix: exact, or a prefix "…")
    # A correct number inside extra words: a warning, the fix the number alone.
    (
        "Quyết định số",
        "Quyết định số 6225/QĐ-BQP",
        Severity.WARNING,
        "has words around it: the number itself is 6225/QĐ-BQP",
        WRITE.format("6225/QĐ-BQP"),
    ),
    (
        "QĐ số",
        "QĐ số 12/QĐ-UBND",
        Severity.WARNING,
        "the number itself is 12/QĐ-UBND",
        WRITE.format("12/QĐ-UBND"),
    ),
    (
        "Số:",
        "Số: 64/QĐ-NHNN",
        Severity.WARNING,
        "the number itself is 64/QĐ-NHNN",
        WRITE.format("64/QĐ-NHNN"),
    ),
    (
        "SỐ in capitals (the portal)",
        "SỐ 64/QĐ-NHNN",
        Severity.WARNING,
        "has words around it",
        WRITE.format("64/QĐ-NHNN"),
    ),
    (
        "lower case words",
        "quyết định số 6225/QĐ-BQP",
        Severity.WARNING,
        "has words around it",
        WRITE.format("6225/QĐ-BQP"),
    ),
    (
        "words without diacritics",
        "Quyet dinh so 6225/QĐ-BQP",
        Severity.WARNING,
        "has words around it",
        WRITE.format("6225/QĐ-BQP"),
    ),
    (
        "who signed it",
        "Quyết định số 1890/QĐ-UBND của Chủ tịch UBND tỉnh",
        Severity.WARNING,
        "has words around it",
        WRITE.format("1890/QĐ-UBND"),
    ),
    (
        "words and QD",
        "Quyết định số 1890/QD-UBND",
        Severity.WARNING,
        "has words around it",
        WRITE.format("1890/QĐ-UBND"),
    ),
    (
        "words, then the date",
        "Quyết định số 3980/QĐ-BQP ngày 15/8/2025",
        Severity.WARNING,
        "the number itself is 3980/QĐ-BQP",
        WRITE.format("3980/QĐ-BQP ngày 15/8/2025"),
    ),
    (
        "two decisions with words",
        "Quyết định số 1890/QĐ-UBND; Quyết định số 2150/QĐ-UBND",
        Severity.WARNING,
        "the numbers themselves are 1890/QĐ-UBND; 2150/QĐ-UBND",
        WRITE.format("1890/QĐ-UBND; 2150/QĐ-UBND"),
    ),
    # Typing: a warning, the fix the number as it should be.
    (
        "a stray space",
        "3980 /QĐ-BQP",
        Severity.WARNING,
        "is not written in the standard form",
        WRITE.format("3980/QĐ-BQP"),
    ),
    (
        "a trailing dot",
        "1521/QĐ-UBND.",
        Severity.WARNING,
        "is not written in the standard form",
        WRITE.format("1521/QĐ-UBND"),
    ),
    (
        "a dot before the slash",
        "2267./QĐ-BXD",
        Severity.WARNING,
        "standard form",
        WRITE.format("2267/QĐ-BXD"),
    ),
    (
        "QĐ before the number",
        "QĐ2338-BTP",
        Severity.WARNING,
        "standard form",
        WRITE.format("2338/QĐ-BTP"),
    ),
    ("lower case", "1890/qđ-ubnd", Severity.WARNING, "standard form", WRITE.format("1890/QĐ-UBND")),
    (
        "QD for QĐ",
        "1890/QD-UBND",
        Severity.WARNING,
        "writes 'QD' for 'QĐ'",
        WRITE.format("1890/QĐ-UBND"),
    ),
    (
        "a stray space, then the date",
        "3980 /QĐ-BQP ngày 15/8/2025",
        Severity.WARNING,
        "standard form",
        WRITE.format("3980/QĐ-BQP ngày 15/8/2025"),
    ),
    (
        "a number among other words",
        "Thay thế Quyết định số 123/QĐ-UBND",
        Severity.WARNING,
        "holds the decision number 123/QĐ-UBND among other words",
        "If 123/QĐ-UBND is the decision that announced the procedure, write it alone: 123/QĐ-UBND.",
    ),
    (
        "two numbers among other words",
        "Quyết định 1890/QĐ-UBND sửa đổi Quyết định 123/QĐ-UBND",
        Severity.WARNING,
        "holds the decision numbers 1890/QĐ-UBND; 123/QĐ-UBND among other words",
        "Keep only the numbers of the decisions that announced the procedure, among 1890/QĐ-UBND; "
        "123/QĐ-UBND.",
    ),
    # Typed in a legacy font: "Đ" is "§" in TCVN3, "Ñ" in VNI; once converted, a decision.
    (
        "legacy TCVN3",
        "1890/Q§-UBND",
        Severity.WARNING,
        "'1890/Q§-UBND' is typed in the legacy TCVN3 font encoding, not in Unicode: it reads "
        "1890/QĐ-UBND.",
        "Write it as 1890/QĐ-UBND.",
    ),
    (
        "legacy VNI",
        "1890/QÑ-UBND",
        Severity.WARNING,
        "is typed in the legacy VNI font encoding",
        "Write it as 1890/QĐ-UBND.",
    ),
    (
        "legacy TCVN3 with words and date",
        "Sè 12/Q§-UBND ngµy 15/8/2025",
        Severity.WARNING,
        "is typed in the legacy TCVN3 font encoding",
        "Write it as 12/QĐ-UBND ngày 15/8/2025.",
    ),
    ("legacy placeholder stays one", "Q§/0001-UBND", Severity.ERROR, "placeholder", ASK + "."),
    # Valid: no finding.
    ("the number", "1890/QĐ-UBND", None, "", ""),
    ("with the year", "12/2025/QĐ-UBND", None, "", ""),
    ("issuer with a unit", "885/QĐ-BCA-C06", None, "", ""),
    ("number with a letter", "1075a/QĐ-NHNN", None, "", ""),
    ("the annex cell: number and date", "1890/QĐ-UBND ngày 15/8/2025", None, "", ""),
    ("number, comma, date", "1890/QĐ-UBND, ngày 15/8/2025", None, "", ""),
    ("date and signer", "1890/QĐ-UBND ngày 15/8/2025 của Chủ tịch UBND tỉnh", None, "", ""),
    # The date alone after the number, as io.decisions splits it.
    ("date in brackets", "1890/QĐ-UBND (15/8/2025)", None, "", ""),
    ("number, comma, bare date", "2034/QĐ-UBND, 02/9/2025", None, "", ""),
    ("number, dash, bare date", "2034/QĐ-UBND - 02.9.2025", None, "", ""),
    ("number, comma, weekday, date", "1890/QĐ-UBND, Thứ Sáu 15/8/2025", None, "", ""),
    ("number, weekday figure, date", "1890/QĐ-UBND T6 15/8/2025", None, "", ""),
    (
        "two decisions, bare dates",
        "1890/QĐ-UBND (15/8/2025); 2150/QĐ-UBND (1/10/2025)",
        None,
        "",
        "",
    ),
    ("two decisions, ';'", "1890/QĐ-UBND; 2150/QĐ-UBND", None, "", ""),
    ("two decisions, a line each", "1890/QĐ-UBND\n2150/QĐ-UBND", None, "", ""),
    ("two decisions, 'và'", "1890/QĐ-UBND và 2150/QĐ-UBND", None, "", ""),
    (
        "two decisions with dates",
        "1890/QĐ-UBND ngày 15/8/2025, 2150/QĐ-UBND ngày 1/10/2025",
        None,
        "",
        "",
    ),
    # No number or no issuer to recover: an error that says what is missing.
    (
        "no issuer",
        "Quyết định số 4777",
        Severity.ERROR,
        "'Quyết định số 4777' has no issuer",
        "Complete it with the issuer, e.g. 4777/QĐ-UBND",
    ),
    (
        "type but no issuer",
        "4777/QĐ",
        Severity.ERROR,
        "has no issuer",
        "Complete it with the issuer",
    ),
    (
        "QĐCB (the portal)",
        "01/QĐCB",
        Severity.ERROR,
        "has no issuer",
        "Complete it with the issuer",
    ),
    (
        "a number alone",
        "1681",
        Severity.ERROR,
        "lacks the document type and issuer",
        "Complete it with the type and issuer, e.g. 1681/QĐ-UBND",
    ),
    (
        "no number",
        "QĐ-UBND",
        Severity.ERROR,
        "'QĐ-UBND' has no number, only the document type and issuer",
        "Fill in the number of the decision that announced the procedure.",
    ),
    ("xx for the number", "xx/QĐ-UBND", Severity.ERROR, "has no number", "Fill in the number"),
    (
        "Demo for the number (the portal)",
        "Demo/QĐ-BCA",
        Severity.ERROR,
        "has no number",
        "Fill in the number",
    ),
    (
        "placeholder",
        "QĐ/0001-BCA",
        Severity.ERROR,
        "is a placeholder, not a decision's number",
        ASK + ".",
    ),
    ("number 0", "0/QĐ-UBND", Severity.ERROR, "is a placeholder (number 0)", ASK + "."),
    ("words", "xem phụ lục", Severity.ERROR, "'xem phụ lục' is not a decision number", ASK + "."),
    # The number of another kind of document: an error that says which.
    (
        "proposal",
        "205/TTr-SNNMT",
        Severity.ERROR,
        "'205/TTr-SNNMT' is a proposal (Tờ trình), not a publishing decision.",
        ASK + " (…",
    ),
    (
        "proposal in words",
        "Tờ trình số 205/TTr-SNNMT",
        Severity.ERROR,
        "'205/TTr-SNNMT' is a proposal (Tờ trình)",
        ASK,
    ),
    ("official letter", "123/CV-UBND", Severity.ERROR, "is an official letter (công văn)", ASK),
    # Named in words, its number saying no kind: a công văn's is the issuer and the unit.
    (
        "official letter in words",
        "Công văn số 55/UBND-KSTT ngày 12/7/2025",
        Severity.ERROR,
        "'Công văn số 55/UBND-KSTT' is an official letter (công văn), not a publishing decision",
        ASK,
    ),
    ("notice in words", "THONG BAO so 7/UBND", Severity.ERROR, "is a notice (thông báo)", ASK),
    ("notice", "12/TB-UBND", Severity.ERROR, "is a notice (thông báo)", ASK),
    ("plan", "45/KH-UBND", Severity.ERROR, "is a plan (kế hoạch)", ASK),
    ("resolution", "10/2025/NQ-HĐND", Severity.ERROR, "is a resolution (nghị quyết)", ASK),
    ("circular", "68/2013/TT-BCA", Severity.ERROR, "is a circular (thông tư)", ASK),
    ("decree", "63/2010/NĐ-CP", Severity.ERROR, "is a decree (nghị định)", ASK),
    (
        "a decision and a proposal",
        "1890/QĐ-UBND; 205/TTr-SNNMT",
        Severity.ERROR,
        "'205/TTr-SNNMT' is a proposal",
        ASK,
    ),
]


@pytest.mark.parametrize(
    ("case", "cell", "severity", "message", "fix"),
    DECISION_CASES,
    ids=[c[0] for c in DECISION_CASES],
)
def test_pa402_reads_the_decision_cell(
    case: str, cell: str, severity: Severity | None, message: str, fix: str
) -> None:
    found = [f for f in findings_of([{"name": "A", "decision_no": cell}]) if f.rule == "PA402"]
    if severity is None:
        assert found == []
        return
    [finding] = found
    assert finding.severity is severity
    assert message in finding.message
    if fix.endswith("…"):
        assert finding.fix.startswith(fix.rstrip("…"))
    else:
        assert finding.fix.startswith(fix)
        assert finding.fix == fix or not fix.endswith(".")
    assert finding.value == cell


@pytest.mark.parametrize(
    ("others", "example"),
    [
        ([], "1681/QĐ-UBND"),  # no other decision: a province's, the usual list
        (["1218/QĐ-BTC", "1681/QĐ-BTC ngày 3/5/2025", "12/QĐ-TTg"], "1681/QĐ-BTC"),
        (["25/QĐ-TANDTC", "26/QĐ-TANDTC ngày 1/7/2025"], "1681/QĐ-TANDTC"),
    ],
    ids=["none", "a ministry's", "a court's"],
)
def test_pa402_examples_show_the_issuer_the_file_names(others: list[str], example: str) -> None:
    rows = [{"name": f"T{n}", "decision_no": cell} for n, cell in enumerate([*others, "1681"])]
    [finding] = [f for f in findings_of(rows) if f.rule == "PA402"]
    assert finding.message.endswith(f"(expected a form like 1890/{example.split('/')[1]}).")
    assert finding.fix.startswith(f"Complete it with the type and issuer, e.g. {example},")


def test_pa402_speaks_vietnamese() -> None:
    rows = [
        {"name": "A", "decision_no": "Quyết định số 6225/QĐ-BQP"},
        {"name": "B", "decision_no": "205/TTr-SNNMT"},
        {"name": "C", "decision_no": "Quyết định số 4777"},
    ]
    with speaking("vi"):
        found = {f.row: f for f in findings_of(rows) if f.rule == "PA402"}
    assert found[2].message == (
        "Số quyết định 'Quyết định số 6225/QĐ-BQP' có chữ thừa: số hiệu "
        "của quyết định là 6225/QĐ-BQP."
    )
    assert found[2].fix == "Sửa thành 6225/QĐ-BQP."
    assert found[3].message == (
        "'205/TTr-SNNMT' là số của tờ trình, không phải quyết định công bố."
    )
    assert found[4].message.startswith(
        "Số quyết định 'Quyết định số 4777' không có cơ quan ban hành"
    )
    assert found[4].fix.startswith("Bổ sung cơ quan ban hành")


def test_a_repaired_number_still_needs_its_date() -> None:
    """PA403: a decision named, even irregularly, without a date is reported; a cell with no
    decision to name is PA402's alone."""
    rows = [
        {"name": "A", "decision_no": "Quyết định số 6225/QĐ-BQP", "decision_date": None},
        {"name": "B", "decision_no": "1890/QĐ-UBND; 2150/QĐ-UBND", "decision_date": None},
        {"name": "C", "decision_no": "Quyết định số 4777", "decision_date": None},
        {"name": "D", "decision_no": "205/TTr-SNNMT", "decision_date": None},
    ]
    found = run_rules(rows, RuleOptions())
    assert sorted(f.row for f in found if f.rule == "PA403") == [2, 3]


def test_pa402_reads_each_distinct_cell_once() -> None:
    rows = [{"name": str(index), "decision_no": "Số: 64/QĐ-NHNN"} for index in range(50)]
    found = [f for f in findings_of(rows) if f.rule == "PA402"]
    assert len(found) == 50
    assert {(f.severity, f.fix) for f in found} == {(Severity.WARNING, "Write it as 64/QĐ-NHNN.")}


def test_a_ministry_list_read_from_a_file(tmp_path: Path) -> None:
    """Through the reader: cells with a date are split into number and date; a number with
    "Quyết định số" in front and no date is a warning."""
    path = tmp_path / "bo.csv"
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["Mã thủ tục", "Tên thủ tục", "Quyết định công bố"])
        writer.writerow(["1.000001", "Thủ tục A", "Quyết định số 6225/QĐ-BQP"])
        writer.writerow(["1.000002", "Thủ tục B", "Quyết định số 6225/QĐ-BQP ngày 15/8/2025"])
        writer.writerow(["1.000003", "Thủ tục C", "205/TTr-SNNMT"])
    findings = [f for f in audit([str(path)]).findings if f.rule == "PA402"]
    assert [(f.row, f.severity, f.fix) for f in findings] == [
        (2, Severity.WARNING, "Write it as 6225/QĐ-BQP."),
        # The example names the issuer the list's valid decision names.
        (4, Severity.ERROR, ASK + " (number/QĐ-issuer, e.g. 1890/QĐ-BQP)."),
    ]


def test_pa402_examples_name_the_issuer_of_the_nearest_valid_decision() -> None:
    # A list joining several issuers' procedures (the portal's export of every ministry):
    # each wrong cell's example names its neighbours' issuer, not the most common one.
    rows = [{"name": f"A{i}", "decision_no": "4472/QĐ-BTC"} for i in range(2)]
    rows += [
        {"name": "B1", "decision_no": "1383/QĐ-BCA"},
        {"name": "B2", "decision_no": "9303"},
        {"name": "B3", "decision_no": "1523/QĐ-BCA-C06"},
        {"name": "C1", "decision_no": "22/QĐ-TANDTC"},
        {"name": "C2", "decision_no": "01/QĐCB"},
        {"name": "C3", "decision_no": "01/QĐCB"},
        {"name": "D1", "decision_no": "1681"},
    ]
    found = sorted((f for f in findings_of(rows) if f.rule == "PA402"), key=lambda f: f.row)
    assert [(f.row, f.fix) for f in found] == [
        (5, "Complete it with the type and issuer, e.g. 9303/QĐ-BCA, as the decision shows."),
        (8, "Complete it with the issuer, e.g. 01/QĐ-TANDTC, as the decision shows."),
        (9, "Complete it with the issuer, e.g. 01/QĐ-TANDTC, as the decision shows."),
        (10, "Complete it with the type and issuer, e.g. 1681/QĐ-TANDTC, as the decision shows."),
    ]
    # Where most valid decisions name one issuer, the list is that issuer's: its examples
    # name it, whatever stands beside the wrong cell.
    rows = [{"name": f"A{i}", "decision_no": "4472/QĐ-BTC"} for i in range(3)]
    rows += [{"name": "B1", "decision_no": "12/QĐ-TTg"}, {"name": "B2", "decision_no": "1681"}]
    [finding] = [f for f in findings_of(rows) if f.rule == "PA402"]
    assert "e.g. 1681/QĐ-BTC," in finding.fix


ISSUER_CASES = [
    # (case, decision cell, date cell, the message's words or None): a decision whose issuer
    # no longer existed on its date cannot be, where both are read with certainty.
    (
        "a district's decision after the reform",
        "125/QĐ-UBND ngày 20/9/2025 của UBND huyện Lâm Thao",
        None,
        "its issuer 'UBND huyện Lâm Thao' is a district-level office, and the district level "
        "ended on 1 July 2025",
    ),
    (
        "its chair's, the date in its own column",
        "125/QĐ-CT của Chủ tịch UBND huyện Lâm Thao",
        "20/9/2025",
        "its issuer 'Chủ tịch UBND huyện Lâm Thao' is a district-level office",
    ),
    (
        "a city under a province",
        "88/QĐ-UBND ngày 01/07/2025 của UBND thành phố Việt Trì",
        None,
        "'UBND thành phố Việt Trì' is a district-level office",
    ),
    (
        "a merged province's decision after the merger",
        "1234/QĐ-UBND ngày 10/10/2025 của UBND tỉnh Vĩnh Phúc",
        None,
        "'UBND tỉnh Vĩnh Phúc' is an office of tỉnh Vĩnh Phúc, which has been part of tỉnh "
        "Phú Thọ since 1 July 2025",
    ),
    # History, or not certain.
    ("the district's, before", "125/QĐ-UBND ngày 20/3/2025 của UBND huyện Lâm Thao", None, None),
    ("the old province's", "12/QĐ-UBND ngày 10/3/2025 của UBND tỉnh Vĩnh Phúc", None, None),
    ("a commune's", "58/QĐ-UBND ngày 05/9/2025 của UBND xã Hương Nộn huyện Tam Nông", None, None),
    ("the province's", "1890/QĐ-UBND ngày 15/8/2025 của Chủ tịch UBND tỉnh Phú Thọ", None, None),
    ("a ward", "12/QĐ-UBND ngày 15/8/2025 của UBND phường Thái Bình", None, None),
    ("no date", "125/QĐ-UBND của UBND huyện Lâm Thao", None, None),
    ("a date not read", "125/QĐ-UBND của UBND huyện Lâm Thao", "tháng 9/2025", None),
]  # fmt: skip


@pytest.mark.parametrize(
    ("case", "cell", "day", "words"), ISSUER_CASES, ids=[c[0] for c in ISSUER_CASES]
)
def test_pa402_an_issuer_gone_by_the_decisions_date(
    case: str, cell: str, day: str | None, words: str | None, tmp_path: Path
) -> None:
    path = tmp_path / "dm.csv"
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["Mã thủ tục", "Tên thủ tục", "Quyết định công bố", "Ngày công bố"])
        writer.writerow(["1.000001", "Thủ tục A", cell, day or ""])
    found = [f for f in audit([str(path)]).findings if f.rule == "PA402"]
    if words is None:
        assert [f.message for f in found if "no such decision" in f.message] == []
        return
    [finding] = found
    assert finding.severity is Severity.ERROR
    assert words in finding.message
    assert finding.message.endswith("no such decision can exist.")


PORTAL_VALUES = [
    # (so_quyet_dinh on the national portal, status, what the reading makes of it)
    ("QĐ/0001-BCA", "wrong", "placeholder"),
    ("QĐ/0001-BTP", "wrong", "placeholder"),
    ("SỐ 64/QĐ-NHNN", "repaired", "words"),
    ("3713/QD-BTP", "repaired", "qd"),
    ("1707/QD-BTC", "repaired", "qd"),
    ("2267./QĐ-BXD", "repaired", "typing"),
    ("569./QĐ-BXD", "repaired", "typing"),
    ("QĐ2338-BTP", "repaired", "typing"),
    ("1681", "wrong", "no-type-issuer"),
    ("01/QĐCB", "wrong", "no-issuer"),
    ("Demo/QĐ-BCA", "wrong", "no-number"),
]


@pytest.mark.parametrize(("value", "status", "how"), PORTAL_VALUES)
def test_the_portals_decision_spellings(value: str, status: str, how: str) -> None:
    reading = read_decision(value)
    assert (reading.status, reading.how) == (status, how)


def test_the_portals_details_file(real_data: Path) -> None:
    """75 PA402 findings on the portal's details: 35 numbers a repair recovers (warnings),
    40 with no number or issuer to recover (placeholders, bare numbers, "Demo")."""
    path = real_data / "national-portal-2026" / "procedure-details.csv"
    findings = [f for f in audit([str(path)], every_row=True).findings if f.rule == "PA402"]
    by_severity = {
        severity: sum(f.severity is severity for f in findings)
        for severity in (Severity.ERROR, Severity.WARNING)
    }
    assert by_severity == {Severity.ERROR: 40, Severity.WARNING: 35}


@pytest.mark.parametrize(
    ("cells", "issuer"),
    [
        (["1/QĐ-BTC", "2/QĐ-UBND", "3/QĐ-UBND"], "QĐ-UBND"),
        (["1/QĐ-BTC", "2/QĐ-UBND", "1/QĐ-BTC", "3/QĐ-UBND"], "QĐ-BTC"),  # a tie: the first seen
        (["1/QĐ-UBND"] * 3 + ["1/QĐ-BTC"] * 4, "QĐ-BTC"),
        (["1/QĐ-BTC"] * 2 + ["1/QĐ-UBND"] * ISSUER_SAMPLE, "QĐ-UBND"),
        (["1/QĐ-BTC"] * ISSUER_SAMPLE + ["1/QĐ-UBND"] * (ISSUER_SAMPLE + 1), "QĐ-BTC"),
    ],
)
def test_the_usual_issuer_is_the_one_most_of_the_first_valid_cells_name(
    cells: list[str], issuer: str
) -> None:
    assert usual_issuer(iter(cells)) == issuer
