"""The scorecard's counts of one catalogue: rows in, counts out; that they agree with the
rules they stand beside (PA101, PA301, PA401, PA402, PA405, PA501, PA505); and the same
counts per unit of the agency column (`--group-by agency`)."""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

import pandas as pd
import pytest

from conftest import run_rules, table_of
from procaudit.catalogue.columns import ROW, SHEET
from procaudit.core.findings import CatalogueStats, Finding, Severity
from procaudit.engine import catalogue_stats as stats_module
from procaudit.engine import row_flags as flags_module
from procaudit.engine.catalogue_stats import catalogue_stats, count_catalogue
from procaudit.io.components import COMPONENTS
from procaudit.io.headers import map_headers
from procaudit.io.read import Table
from procaudit.io.reference import load_reference
from procaudit.rules import all_rules
from procaudit.rules.context import FileContext, RuleContext
from procaudit.rules.options import RuleOptions


def context_of(
    tables: list[Table], options: RuleOptions | None = None, components: list[Table] | None = None
) -> FileContext:
    options = options or RuleOptions()
    contexts = [
        (table, RuleContext(table.frame, options, frozenset(table.header_map.columns)))
        for table in tables
    ]
    return FileContext("t.xlsx", contexts, options, components or [])


def stats_of(*tables: list[dict], components: list[dict] | None = None) -> CatalogueStats:
    parts = [components_of(components)] if components else []
    return catalogue_stats(context_of([table_of(rows, "S") for rows in tables], None, parts))


def components_of(rows: list[dict[str, str | None]]) -> Table:
    frame = pd.DataFrame(rows, dtype="str")
    frame[ROW] = range(2, len(frame) + 2)
    frame[SHEET] = "TPHS"
    return Table("TPHS", frame, map_headers(list(rows[0]), words=COMPONENTS))


def row(name: str = "Đăng ký khai sinh", **cells: str | None) -> dict[str, str | None]:
    """A procedure with every counted column filled well, but for `cells`."""
    return {
        "code": "1.000001",
        "name": name,
        "level": "Cấp xã",
        "agency": "UBND cấp xã",
        "forms": "Tờ khai",
        "decision_no": "1890/QĐ-UBND",
        "online_level": "Toàn trình",
        "status": "Còn hiệu lực",
        **cells,
    }


def only(**cells: str | None) -> dict[str, str | None]:
    """A procedure with the name and `cells` only: the other columns are absent."""
    return {"name": "Đăng ký khai sinh", **cells}


ALL = {
    "with_code": 1,
    "with_national_code": 1,
    "with_forms": 1,
    "published": 1,
    "fully_online": 1,
    "district_level": 0,
}
NONE_KNOWN = {
    "with_code": None,
    "with_national_code": None,
    "with_forms": None,
    "published": None,
    "fully_online": None,
    "district_level": 0,
}

CASES = [
    # (case, rows, procedures, the counts that differ from ALL)
    ("every column filled well", [row()], 1, {}),
    ("only a name: nothing to count from", [only()], 1, NONE_KNOWN),
    ("no code", [row(code=None)], 1, {"with_code": 0, "with_national_code": 0}),
    (
        "a national code with a local suffix is national",
        [row(code="1.000494.000.00.00.H29"), row(code="1.012753.H19")],
        2,
        {
            "with_code": 2,
            "with_national_code": 2,
            "with_forms": 2,
            "published": 2,
            "fully_online": 2,
        },
    ),
    (
        "a one-stop system's own code fills the cell but is no national code",
        [row(code="2018.HT.14"), row(code="BHXH.TBHXH.02."), row(code="23604")],
        3,
        {
            "with_code": 3,
            "with_national_code": 0,
            "with_forms": 3,
            "published": 3,
            "fully_online": 3,
        },
    ),
    ("forms: 'Không' says none is needed", [row(forms="Không")], 1, {}),
    ("forms: empty", [row(forms=None)], 1, {"with_forms": 0}),
    (
        "forms: a dash, dots, an ellipsis or a no-break space are placeholders",
        [row(forms="-"), row(forms=" ... "), row(forms="…"), row(forms="\xa0"), row(forms="–/—")],
        5,
        {
            "with_code": 5,
            "with_national_code": 5,
            "with_forms": 0,
            "published": 5,
            "fully_online": 5,
        },
    ),
    ("forms: a bulleted name is filled", [row(forms="- Mẫu 01")], 1, {}),
    (
        "a placeholder decision number is no publishing decision (PA402's error)",
        [row(decision_no="QĐ/0001-BCA")],
        1,
        {"published": 0},
    ),
    (
        "a valid number with 'QD' typed for 'QĐ' is published (PA402 only warns)",
        [row(decision_no="1890/QD-UBND")],
        1,
        {},
    ),
    ("no decision number", [row(decision_no=None)], 1, {"published": 0}),
    (
        "fully online, however written",
        [
            row(online_level="toàn trình"),
            row(online_level="TOÀN TRÌNH"),
            row(online_level="Mức độ 4"),
            row(online_level="Một phần"),
            row(online_level=None),
            row(online_level="Mức độ 3"),
        ],
        6,
        {
            "with_code": 6,
            "with_national_code": 6,
            "with_forms": 6,
            "published": 6,
            "fully_online": 3,
        },
    ),
    (
        "the district level in the level, the agency, a court, or the name's tag",
        [
            row(level="Cấp huyện"),
            row(level="Cấp tỉnh, Cấp huyện"),
            row(agency="Phòng Tư pháp huyện"),
            row(agency="Tòa án nhân dân huyện Bảo Thắng"),
            row("Đăng ký hộ kinh doanh (thực hiện tại cấp huyện)"),
            row("Hỗ trợ học sinh ở xã thuộc huyện nghèo"),
            row(level="Cấp xã"),
        ],
        7,
        {
            "with_code": 7,
            "with_national_code": 7,
            "with_forms": 7,
            "published": 7,
            "fully_online": 7,
            "district_level": 5,
        },
    ),
    (
        "abolished procedures are not counted, whatever they hold",
        [
            row(),
            row(status="Bãi bỏ", level="Cấp huyện", forms=None, code=None),
            row(status="Hết hiệu lực", decision_no=None),
        ],
        1,
        {},
    ),
    (
        "a list of abolished procedures only",
        [row(status="Bãi bỏ")],
        0,
        {
            "with_code": 0,
            "with_national_code": 0,
            "with_forms": 0,
            "published": 0,
            "fully_online": 0,
        },
    ),
    # "Có" / "x" under "Dịch vụ công trực tuyến" say whether there is a service at all.
    (
        "an online column of yes and no",
        [row(online_level="Có"), row(online_level="Không"), row(online_level="Có")],
        3,
        {"fully_online": None},
    ),
    # What is no online service is read as not online: the share is counted.
    (
        "the new levels beside information only",
        [
            row(online_level="Toàn trình"),
            row(online_level="Một phần"),
            row(online_level="DVC cung cấp thông tin"),
            row(online_level="DVC cung cấp thông tin"),
        ],
        4,
        {"fully_online": 1},
    ),
    (
        "the old scale as bare numbers",
        [row(online_level=n) for n in "4432"],
        4,
        {"fully_online": 2},
    ),
    # A count under an online-level header: its numbers are no levels.
    (
        "counts",
        [row(online_level=n) for n in ("4", "4", "3", "12", "4")],
        5,
        {"fully_online": None},
    ),
    (
        "the level and decision columns alone",
        [only(level="Cấp huyện", decision_no="1/QĐ-UBND"), only(level="Cấp xã", decision_no=None)],
        2,
        {**NONE_KNOWN, "published": 1, "district_level": 1},
    ),
]


@pytest.mark.parametrize(
    ("case", "rows", "procedures", "counts"), CASES, ids=[case[0] for case in CASES]
)
def test_counts(case: str, rows: list[dict], procedures: int, counts: dict) -> None:
    expected = {
        name: value * procedures if isinstance(value, int) and name not in counts else value
        for name, value in ALL.items()
    }
    expected.update(counts)
    assert stats_of(rows) == CatalogueStats(procedures, **expected)


@pytest.mark.parametrize(
    ("case", "rows", "procedures", "counts"), CASES, ids=[case[0] for case in CASES]
)
def test_counts_on_the_large_tables_path(
    case: str, rows: list[dict], procedures: int, counts: dict, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A small table's codes and forms are judged in Python: a large one's the same way."""
    monkeypatch.setattr(stats_module, "SMALL_COLUMN", 0)
    monkeypatch.setattr(flags_module, "SMALL_COLUMN", 0)
    test_counts(case, rows, procedures, counts)


FORMS_CELLS = [
    "Mẫu số 01", "-", " - ", "…", "_./", "—–", "\u00a0-\u3000", "\x1c", "x", "  .  ", "5",
    "\u2028/\u205f", "Không", "...", "Đang cập nhật", "Chưa có", "N/A", "0", "Không có thông tin",
]  # fmt: skip
# PA301's placeholders in words: no form named, however large the column.
_WORDS = {"Đang cập nhật", "Chưa có", "N/A", "0", "Không có thông tin"}


def test_forms_cells_filled_alike_small_and_large(monkeypatch: pytest.MonkeyPatch) -> None:
    cells = pd.Index(FORMS_CELLS)
    small = flags_module._filled_forms(cells)
    monkeypatch.setattr(flags_module, "SMALL_COLUMN", 0)
    assert small.tolist() == flags_module._filled_forms(cells).tolist()
    assert small.tolist() == [
        not set(c) <= set(" -…_./—–\u00a0\u3000\x1c\u2028\u205f") and c not in _WORDS
        for c in FORMS_CELLS
    ]


def test_a_table_without_the_column_beside_one_with_it_counts_none() -> None:
    # A decision annex: the new procedures have no code yet, nor a code column.
    amended = [row(code="1.000001"), row(code="1.000002")]
    new = [only(forms="Tờ khai", decision_no="1/QĐ-UBND"), only(forms=None, decision_no=None)]
    assert stats_of(amended, new) == CatalogueStats(
        4,
        with_code=2,
        with_forms=3,
        published=3,
        fully_online=2,
        district_level=0,
        with_national_code=2,
    )


def test_whitespace_is_no_code() -> None:
    table = table_of([row(), row(code="1.000002")], "S")
    table.frame.loc[1, "code"] = "  "
    assert catalogue_stats(context_of([table])).with_code == 1


@pytest.mark.parametrize(
    ("components", "with_forms"),
    [
        # A components sheet gives a form to the procedures of its codes with a form file.
        ([{"code": "1.000002", "component": "Tờ khai", "form_link": "mau.docx"}], 2),
        ([{"code": "1.000002", "component": "Tờ khai", "form_link": None}], 1),
        (
            [
                {
                    "code": "1.000002",
                    "component": "Tờ khai",
                    "form_link": "https://csdl.dichvucong.gov.vn/web/jsp/download_file.jsp?ma=",
                }
            ],
            1,
        ),
        (
            [
                {
                    "code": "1.000002",
                    "component": "Tờ khai",
                    "form_link": "https://csdl.dichvucong.gov.vn/web/jsp/download_file.jsp?ma=3fd9",
                }
            ],
            2,
        ),
        ([{"code": " 1.000003 ", "component": "Tờ khai", "form_link": "mau.docx"}], 2),
        ([{"code": "9.999999", "component": "Tờ khai", "form_link": "mau.docx"}], 1),
    ],
)
def test_dossier_components_give_forms(components: list[dict], with_forms: int) -> None:
    rows = [row(code="1.000001"), row(code="1.000002", forms=None), row(code="1.000003", forms="-")]
    assert stats_of(rows, components=components).with_forms == with_forms


def test_components_count_for_a_list_without_a_forms_column() -> None:
    rows = [only(code="1.000001"), only(code="1.000002"), only(code=None)]
    components = [{"code": "1.000001", "component": "Tờ khai", "form_link": "mau.pdf"}]
    assert stats_of(rows).with_forms is None
    assert stats_of(rows, components=components).with_forms == 1
    # Components not tied to codes cannot give anything.
    unlinked = [{"component": "Tờ khai", "form_link": "mau.pdf"}]
    assert stats_of(rows, components=unlinked).with_forms is None


# --- agreement with the rules ------------------------------------------------------------

MIXED = [
    row("Thủ tục A"),
    row("Thủ tục B", forms=None, decision_no=None),
    row("Thủ tục C", forms="-", level="Cấp huyện", online_level="Một phần"),
    row("Thủ tục D (thực hiện tại cấp huyện)", agency="UBND huyện Sa Pa"),
    row("Thủ tục E", online_level=None, code="1.000005"),
]


def test_the_counts_agree_with_the_rules() -> None:
    options = RuleOptions()
    findings = run_rules(MIXED, options)
    rows_of = {
        rule: {f.row for f in findings if f.rule == rule} for rule in ("PA301", "PA401", "PA501")
    }
    stats = stats_of(MIXED)
    assert stats.with_forms == len(MIXED) - len(rows_of["PA301"]) == 3
    assert stats.published == len(MIXED) - len(rows_of["PA401"]) == 4
    assert stats.district_level == len(rows_of["PA501"]) == 2
    [coverage] = [f for f in findings if f.rule == "PA505"]
    assert coverage.message.startswith(f"{stats.fully_online} of {stats.procedures} procedures")


REFERENCE = [
    ("1.000001", "Đăng ký khai sinh", "Cấp xã"),
    ("1.000002", "Đăng ký kết hôn", "Cấp xã"),
    ("1.000003", "Đăng ký khai tử", "Cấp xã"),
    ("1.000010", "Cấp giấy phép A", "Cấp tỉnh"),
]


@pytest.fixture
def with_reference(tmp_path: Path) -> RuleOptions:
    path = tmp_path / "national.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(("Mã TTHC", "Tên thủ tục", "Cấp thực hiện"))
        writer.writerows(REFERENCE)
    return RuleOptions(reference=load_reference(str(path)))


@pytest.mark.parametrize(
    ("rows", "total", "announced"),
    [
        # A commune list: the three commune procedures are in scope; one found by name.
        ([row(code="1.000001"), row("Đăng ký kết hôn", code=None)], 3, 2),
        ([row(code="1.000001"), row(code="1.000002"), row(code="1.000003")], 3, 3),
        # A province list: the province procedure alone.
        ([row(code="1.000010", level="Cấp tỉnh")], 1, 1),
        # No level and no field: PA405 cannot tell the scope, nor can the scorecard.
        ([only(code="1.000001")], None, None),
    ],
)
def test_reference_counts_are_pa405s(
    with_reference: RuleOptions, rows: list[dict], total: int | None, announced: int | None
) -> None:
    table = table_of(rows, "S")
    context = context_of([table], with_reference)
    rules = all_rules()
    findings = run_rules(rows, with_reference)
    missing = sum(f.rule == "PA405" for f in findings)
    stats = catalogue_stats(context, findings, rules)
    assert (stats.reference_total, stats.reference_announced) == (total, announced)
    if total is not None:
        assert announced == total - missing
    # Without PA405's findings to count (the rule deselected), the same numbers.
    without = tuple(rule for rule in rules if rule.id != "PA405")
    alone = catalogue_stats(context_of([table_of(rows, "S")], with_reference), [], without)
    assert (alone.reference_total, alone.reference_announced) == (total, announced)
    assert context.notes == []  # the rules' own notes are left alone


def test_no_reference_no_reference_counts() -> None:
    stats = stats_of([row()])
    assert (stats.reference_total, stats.reference_announced) == (None, None)


# --- national codes and publishing decisions as the rules judge them --------------------

NATIONAL_CODES = [
    # (code cell, has a code, has a national code: one PA101 accepts)
    ("1.000178", 1, 1),
    ("2.000648", 1, 1),
    ("1.000494.000.00.00.H29", 1, 1),
    ("1.012753.H19", 1, 1),
    ("2018.HT.14", 1, 0),  # a one-stop system's local code
    ("BHXH.TBHXH.02.", 1, 0),
    ("2020STTTT_PTTT06", 1, 0),
    ("23604", 1, 0),  # the system's internal numeric id
    ("2.000033.", 1, 0),  # a trailing dot: PA101 flags it
    ("1.00123", 1, 0),  # five digits
    ("1,001234", 1, 0),
    ("2000648", 1, 0),  # the dot lost in Excel
    (" 1.000178", 1, 0),  # spaces around: PA101 flags it
    (None, 0, 0),
]


@pytest.mark.parametrize(("code", "with_code", "national"), NATIONAL_CODES)
def test_a_national_code_is_one_pa101_accepts(
    code: str | None, with_code: int, national: int
) -> None:
    rows = [row(code=code)]
    table = table_of(rows, "S")
    table.frame.loc[0, "code"] = code  # as read: table_of would strip it
    stats = catalogue_stats(context_of([table]))
    assert (stats.with_code, stats.with_national_code) == (with_code, national)
    # And where PA101 ran: its findings agree.
    flagged = sum(f.rule == "PA101" for f in run_rules(rows, RuleOptions()))
    assert national == (0 if code is None else 1 - flagged)


def finding(rule: str, row_number: int, severity: Severity, sheet: str = "S") -> Finding:
    return Finding(
        rule,
        "name",
        severity,
        "t.xlsx",
        sheet,
        row_number,
        "decision_no",
        None,
        None,
        "message",
        "fix",
    )


PUBLISHED_CASES = [
    # (case, findings on rows 2, 3, 4 (all three have a decision number), published)
    ("no finding: all three published", [], 3),
    ("an error of PA402 is not published", [("PA402", 3, Severity.ERROR)], 2),
    # Another rule's or a milder severity's finding leaves the procedure published: a valid
    # number in extra words ("Quyết định số 6225/QĐ-BQP") is PA402's warning.
    ("a warning of PA402 is published", [("PA402", 3, Severity.WARNING)], 3),
    ("an error of PA401", [("PA401", 2, Severity.ERROR)], 2),
    ("another rule's error", [("PA403", 2, Severity.ERROR)], 3),
    ("an error on another sheet", [("PA402", 2, Severity.ERROR, "Other")], 3),
    (
        "errors and warnings",
        [
            ("PA402", 2, Severity.ERROR),
            ("PA402", 3, Severity.WARNING),
            ("PA402", 4, Severity.ERROR),
        ],
        1,
    ),
]


@pytest.mark.parametrize(
    ("case", "found", "published"), PUBLISHED_CASES, ids=[case[0] for case in PUBLISHED_CASES]
)
def test_published_counts_what_pa401_and_pa402_leave_without_an_error(
    case: str, found: list[tuple], published: int
) -> None:
    # The cells are valid: only the findings say otherwise (as PA402 will of words around a
    # number once it warns of them).
    rows = [
        row(decision_no="1/QĐ-UBND"),
        row(decision_no="2/QĐ-UBND"),
        row(decision_no="3/QĐ-UBND"),
    ]
    findings = [finding(*hit) for hit in found]
    stats = catalogue_stats(context_of([table_of(rows, "S")]), findings, all_rules())
    assert stats.published == published


def test_without_pa402_run_its_own_check_judges_the_numbers() -> None:
    rows = [
        row(decision_no="QĐ/0001-BCA"),
        row(decision_no="1890/QD-UBND"),
        row(decision_no="1890/QĐ-UBND"),
        row(decision_no=None),
    ]
    without = tuple(rule for rule in all_rules() if rule.id != "PA402")
    stats = catalogue_stats(context_of([table_of(rows, "S")]), [], without)
    assert stats.published == 2  # the placeholder is an error, "QD" a warning


DECISIONS_AND_CODES = [
    row("Thủ tục A"),
    row("Thủ tục B", code="2018.HT.14", decision_no="QĐ/0001-BCA"),
    row("Thủ tục C", code="1.00123", decision_no="1890/QD-UBND"),
    row("Thủ tục D", code=None, decision_no="chưa có"),
    row("Thủ tục E", code="1.000005.H19", decision_no=None),
    row("Thủ tục F", code="23604", decision_no="Số 64/QĐ-NHNN"),
]


def test_national_codes_and_published_agree_with_the_rules_findings() -> None:
    findings = run_rules(DECISIONS_AND_CODES, RuleOptions())
    table = table_of(DECISIONS_AND_CODES, "S")
    stats = catalogue_stats(context_of([table]), findings, all_rules())
    bad_codes = {f.row for f in findings if f.rule == "PA101"}
    has_code = {
        number for number, cells in enumerate(DECISIONS_AND_CODES, start=2) if cells["code"]
    }
    assert stats.with_national_code == len(has_code - bad_codes) == 2
    unpublished = {
        f.row for f in findings if f.rule in ("PA401", "PA402") and f.severity is Severity.ERROR
    }
    assert stats.published == len(DECISIONS_AND_CODES) - len(unpublished)
    # The same without the findings (the rules' own helpers stand in for them).
    assert stats_of(DECISIONS_AND_CODES) == stats


def test_published_without_pa401_still_leaves_out_a_decision_not_recorded() -> None:
    # "chưa có" is PA401's (not recorded yet), no longer PA402's error: a run ignoring PA401
    # reads it as PA401 would.
    rules = [rule for rule in all_rules() if rule.id != "PA401"]
    findings = [f for f in run_rules(DECISIONS_AND_CODES, RuleOptions()) if f.rule != "PA401"]
    table = table_of(DECISIONS_AND_CODES, "S")
    without = catalogue_stats(context_of([table]), findings, rules)
    assert without.published == stats_of(DECISIONS_AND_CODES).published


# --- per unit of the agency column (--group-by agency) -----------------------------------


def test_counts_per_unit_add_up_to_the_file() -> None:
    rows = [
        row("A", agency="Sở Tư pháp"),
        row("B", agency="UBND Huyện Phù Ninh", level="Cấp huyện", code="2018.HT.14"),
        row("C", agency="Sở Giao thông Vận tải", decision_no="QĐ/0001-BCA"),
        row("D", agency="Sở  Tư pháp "),  # the same unit, spaced otherwise
        row("E", agency="Sở Giao thông vận tải", status="Bãi bỏ"),  # and lettered otherwise
        row("F", agency=None),
        row("G", agency="UBND Huyện Phù Ninh", level="Cấp huyện", code="2018.HT.15"),
    ]
    findings = run_rules(rows, RuleOptions())
    stats, units = count_catalogue(
        context_of([table_of(rows, "S")]), findings, all_rules(), by_agency=True
    )
    by_name = {unit.name: unit for unit in units}
    assert list(by_name) == ["Sở Tư pháp", "UBND Huyện Phù Ninh", "Sở Giao thông Vận tải", ""]
    assert by_name["Sở Tư pháp"].stats == CatalogueStats(
        2,
        with_code=2,
        with_national_code=2,
        with_forms=2,
        published=2,
        fully_online=2,
        district_level=0,
    )
    district = by_name["UBND Huyện Phù Ninh"].stats
    assert (district.procedures, district.with_national_code, district.district_level) == (2, 0, 2)
    transport = by_name["Sở Giao thông Vận tải"].stats
    assert (transport.procedures, transport.published) == (1, 0)  # E is abolished
    assert by_name[""].stats.procedures == 1
    for name in (
        "procedures",
        "with_code",
        "with_national_code",
        "with_forms",
        "published",
        "fully_online",
        "district_level",
    ):
        assert sum(getattr(unit.stats, name) for unit in units) == getattr(stats, name)
    # Each finding on a row is its unit's; none is lost or counted twice.
    on_rows = Counter((f.rule, f.severity) for f in findings if f.row is not None)
    counted: Counter = Counter()
    for unit in units:
        for rule, severity, count in unit.findings:
            counted[(rule, severity)] += count
    assert counted == on_rows
    assert ("PA101", Severity.ERROR, 2) in by_name["UBND Huyện Phù Ninh"].findings


def test_units_over_several_tables_and_none_without_an_agency_column() -> None:
    first = table_of([row("A", agency="Sở Y tế"), row("B", agency="Sở Xây dựng")], "S1")
    second = table_of([row("C", agency="Sở Xây dựng")], "S2")
    _, units = count_catalogue(context_of([first, second]), by_agency=True)
    assert [(unit.name, unit.stats.procedures) for unit in units] == [
        ("Sở Y tế", 1),
        ("Sở Xây dựng", 2),
    ]
    _, none = count_catalogue(context_of([table_of([only(code="1.000001")], "S")]), by_agency=True)
    assert none == ()
    _, not_asked = count_catalogue(context_of([first]))
    assert not_asked == ()
