"""A short column that fails on every cell for a cause of its own says so once
(`engine.small_floods`); a short column that fails on most cells, or for causes of each
cell's own, keeps its row findings."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import write_workbook
from procaudit.core.findings import Finding
from procaudit.engine.audit import audit
from procaudit.vn.legacy_fonts import TCVN3, encode

HEADER = ["STT", "Mã TTHC", "Tên thủ tục hành chính", "Cơ quan thực hiện", "Mẫu đơn, tờ khai"]
AGENCY = "UBND cấp xã"
FORM = "Tờ khai theo mẫu"


def _rows(codes: list[str], forms: list[str | None], agencies: list[str] | None = None) -> list:
    agencies = agencies or [AGENCY] * len(codes)
    return [
        [n + 1, code, f"Thủ tục hành chính số {n + 1}", agency, form]
        for n, (code, form, agency) in enumerate(zip(codes, forms, agencies, strict=True))
    ]


def _national(count: int) -> list[str]:
    return [f"1.{n + 1:06d}" for n in range(count)]


def _local(count: int) -> list[str]:
    return [f"2018.HT.{n + 1:02d}" for n in range(count)]


def _shape(findings: list[Finding], rule: str) -> tuple[int, int]:
    """(findings for many rows, row findings) of `rule`."""
    found = [f for f in findings if f.rule == rule]
    many = sum(1 for f in found if f.row is None)
    return many, len(found) - many


@pytest.mark.parametrize(
    ("codes", "forms", "agencies", "rule", "shape"),
    [
        pytest.param(_national(12), [None] * 12, None, "PA301", (1, 0), id="forms column empty"),
        pytest.param(_local(12), [FORM] * 12, None, "PA101", (1, 0), id="every code local"),
        pytest.param(
            ["1.00017", "1.00145", "1.00302", "1.0041", "1.00527"],
            [FORM] * 5,
            None,
            "PA101",
            (1, 0),
            id="codes kept as numbers",
        ),
        pytest.param(
            [f"1,00{4600 + n}" for n in range(10)],
            [FORM] * 10,
            None,
            "PA101",
            (1, 0),
            id="codes kept as numbers, with a decimal comma",
        ),
        pytest.param(
            [f"'{code}" for code in _national(12)],
            [FORM] * 12,
            None,
            "PA101",
            (1, 0),
            id="every code behind an apostrophe",
        ),
        pytest.param(
            [f"Mã số TTHC: {code}" for code in _national(10)],
            [FORM] * 10,
            None,
            "PA101",
            (1, 0),
            id="every code written with a label",
        ),
        pytest.param(
            [f"https://dichvucong.gov.vn/tthc?ma={code}" for code in _national(6)],
            [FORM] * 6,
            None,
            "PA101",
            (1, 0),
            id="every code a link",
        ),
        pytest.param(
            [*(f"Mã số TTHC: {code}" for code in _national(9)), "Mã số TTHC: 1.0O0012"],
            [FORM] * 10,
            None,
            "PA101",
            (0, 10),
            id="labels and a broken code",
        ),
        pytest.param(
            [*(f"'{code}" for code in _national(11)), "1.0O0012"],
            [FORM] * 12,
            None,
            "PA101",
            (0, 12),
            id="apostrophes and a broken code",
        ),
        pytest.param(
            _national(8),
            [FORM] * 8,
            [f"Sở số {n}\n" for n in range(7)] + ["Sở Tư pháp\n"],
            "PA603",
            (1, 0),
            id="every cell ends with a line break (a Word table pasted)",
        ),
        pytest.param(
            _national(8),
            [FORM] * 8,
            [f"Sở số {n}\n" for n in range(7)] + ["Sở  Tư pháp\n"],
            "PA603",
            (1, 1),  # 7 cells of one cause: one finding, not the column's (`cause_floods`)
            id="stray whitespace of two kinds",
        ),
        pytest.param(
            _national(8),
            [FORM] * 8,
            [f"Sở số {n}\n" for n in range(7)] + ["Sở Tư pháp"],
            "PA603",
            (1, 0),  # one cause, not the column's: `cause_floods`
            id="stray whitespace in 7 of 8 cells",
        ),
        pytest.param(_national(4), [None] * 4, None, "PA301", (0, 4), id="4 rows: listed"),
        pytest.param(
            _national(12), [None] * 11 + [FORM], None, "PA301", (0, 11), id="11 of 12: listed"
        ),
        pytest.param(
            [*_local(11), "1,000178"], [FORM] * 12, None, "PA101", (0, 12), id="codes of two kinds"
        ),
        pytest.param(
            [f"1.000 {n + 100}" for n in range(8)],
            [FORM] * 8,
            None,
            "PA101",
            (0, 8),
            id="spaces inside: a repair each",
        ),
        pytest.param(
            _national(8),
            [FORM] * 8,
            [f"UBND huyện {name}" for name in "ABCDEFGH"],
            "PA501",
            (0, 8),
            id="no cause of the column's own",
        ),
    ],
)
def test_a_short_column_failing_everywhere(
    tmp_path: Path,
    codes: list[str],
    forms: list[str | None],
    agencies: list[str] | None,
    rule: str,
    shape: tuple[int, int],
) -> None:
    path = write_workbook(
        tmp_path / "xa.xlsx", {"Danh mục": [HEADER, *_rows(codes, forms, agencies)]}
    )
    assert _shape(audit([str(path)]).findings, rule) == shape


def test_the_finding_says_every_value_and_the_columns_cause(tmp_path: Path) -> None:
    path = write_workbook(
        tmp_path / "xa.xlsx", {"Danh mục": [HEADER, *_rows(_local(7), [None] * 7)]}
    )
    found = {f.rule: f for f in audit([str(path)]).findings}
    codes, forms = found["PA101"], found["PA301"]
    assert (codes.sheet, codes.row, codes.rows) == ("Danh mục", None, 7)
    assert codes.message.startswith(
        "Every value of column 'Mã TTHC' fails this check: 7 of 7 rows (rows 2-8). Row 2: "
    )
    assert codes.fix.startswith("Column 'Mã TTHC' holds local codes")
    assert forms.fix.startswith("Column 'Mẫu đơn, tờ khai' is empty: fill it in")


@pytest.mark.parametrize("rows", [6, 25], ids=["short column", "long column"])
def test_a_column_of_padded_national_codes_says_so(tmp_path: Path, rows: int) -> None:
    """Not "holds the codes as numbers": the stripped examples look like numbers' codes."""
    codes = [f"{code}   " for code in _national(rows)]
    path = write_workbook(
        tmp_path / "xa.xlsx", {"Danh mục": [HEADER, *_rows(codes, [FORM] * rows)]}
    )
    [found] = [f for f in audit([str(path)]).findings if f.rule == "PA101"]
    assert (found.row, found.rows, found.severity) == (None, rows, "warning")
    assert found.fix.startswith(
        "Column 'Mã TTHC' holds national codes with spaces or line breaks around them"
    )


def test_a_column_of_codes_behind_apostrophes_says_so(tmp_path: Path) -> None:
    codes = [f"'{code}" for code in _national(6)]
    path = write_workbook(tmp_path / "xa.xlsx", {"Danh mục": [HEADER, *_rows(codes, [FORM] * 6)]})
    [found] = [f for f in audit([str(path)]).findings if f.rule == "PA101"]
    assert (found.row, found.rows, found.severity) == (None, 6, "warning")
    assert found.fix.startswith(
        "Column 'Mã TTHC' holds national codes with an apostrophe stored before each"
    )


DATED = ["Mã TTHC", "Tên thủ tục hành chính", "Số quyết định", "Ngày quyết định"]


@pytest.mark.parametrize(
    ("dates", "shape"),
    [
        pytest.param([f"'{n + 1:02d}/08/2025" for n in range(6)], (1, 0), id="short column"),
        pytest.param([f"'{n % 28 + 1:02d}/08/2025" for n in range(25)], (1, 0), id="long"),
        pytest.param(
            [*(f"'{n + 1:02d}/08/2025" for n in range(5)), "'31/02/2025"],
            (0, 6),
            id="one behind it is no real date",
        ),
    ],
)
def test_a_column_of_dates_behind_apostrophes_says_so(
    tmp_path: Path, dates: list[str], shape: tuple[int, int]
) -> None:
    rows = [
        [code, f"Thủ tục hành chính số {n + 1}", "1890/QĐ-UBND", date]
        for n, (code, date) in enumerate(zip(_national(len(dates)), dates, strict=True))
    ]
    path = write_workbook(tmp_path / "xa.xlsx", {"Danh mục": [DATED, *rows]})
    findings = audit([str(path)]).findings
    assert _shape(findings, "PA403") == shape
    if shape[0]:
        [found] = [f for f in findings if f.rule == "PA403"]
        assert (found.rows, found.severity) == (len(dates), "warning")
        assert found.fix.startswith(
            "Column 'Ngày quyết định' holds dates with an apostrophe stored before each"
        )


NUMBERED_DATED = ["STT", "Mã TTHC", "Tên thủ tục hành chính", "Số quyết định", "Ngày công bố"]


@pytest.mark.parametrize(
    ("dates", "shape"),
    [
        pytest.param([45884 + n % 3 for n in range(8)], (1, 0), id="every date a day number"),
        pytest.param(
            [45884 + n for n in range(7)] + ["32/8/2025"], (0, 8), id="day numbers and a wrong date"
        ),
        pytest.param([45884 + n for n in range(4)], (0, 4), id="4 rows: listed"),
    ],
)
def test_a_short_column_of_day_numbers(
    tmp_path: Path, dates: list[object], shape: tuple[int, int]
) -> None:
    rows = [
        [n + 1, code, f"Thủ tục số {n + 1}", "1890/QĐ-UBND", day]
        for n, (code, day) in enumerate(zip(_national(len(dates)), dates, strict=True))
    ]
    path = write_workbook(tmp_path / "xa.xlsx", {"Danh mục": [NUMBERED_DATED, *rows]})
    findings = audit([str(path)]).findings
    assert _shape(findings, "PA403") == shape
    if shape[0]:
        [found] = [f for f in findings if f.rule == "PA403"]
        assert found.fix.startswith("Column 'Ngày công bố' holds its dates as Excel's day numbers")


def test_a_column_of_links_says_so(tmp_path: Path) -> None:
    codes = [f"https://dichvucong.gov.vn/tthc?ma={code}" for code in _national(6)]
    path = write_workbook(tmp_path / "xa.xlsx", {"Danh mục": [HEADER, *_rows(codes, [FORM] * 6)]})
    [found] = [f for f in audit([str(path)]).findings if f.rule == "PA101"]
    assert (found.row, found.rows) == (None, 6)
    assert found.fix.startswith("Column 'Mã TTHC' holds web addresses")


def test_a_column_of_the_same_stray_whitespace_says_one_repair(tmp_path: Path) -> None:
    """Not the first row's text as every row's repair: each cell keeps its own."""
    agencies = [f"Sở số {n}\n" for n in range(6)]
    rows = _rows(_national(6), [FORM] * 6, agencies)
    path = write_workbook(tmp_path / "xa.xlsx", {"Danh mục": [HEADER, *rows]})
    [found] = [f for f in audit([str(path)]).findings if f.rule == "PA603"]
    assert (found.row, found.rows, found.column) == (None, 6, "agency")
    assert found.message.endswith("Row 2: The cell has a trailing line break.")
    assert found.fix.startswith(
        "Remove the stray whitespace from every cell of column 'Cơ quan thực hiện', keeping "
        "each cell's text"
    )


def test_a_csv_names_its_lines_and_every_row_keeps_the_rows(tmp_path: Path) -> None:
    path = tmp_path / "xa.csv"
    lines = [",".join(HEADER)] + [
        f"{n},1.{n:06d},Thủ tục hành chính số {n},{AGENCY}," for n in range(1, 7)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    [finding] = [f for f in audit([str(path)]).findings if f.rule == "PA301"]
    assert "6 of 6 rows (lines 2-7). Line 2: " in finding.message
    every = [f for f in audit([str(path)], every_row=True).findings if f.rule == "PA301"]
    assert [f.row for f in every] == [2, 3, 4, 5, 6, 7]


def test_a_sheet_failing_everywhere_beside_a_sheet_that_does_not(tmp_path: Path) -> None:
    sheets = {
        "Cấp xã": [HEADER, *_rows(_local(6), [FORM] * 6)],
        "Cấp tỉnh": [HEADER, *_rows(_national(30), [FORM] * 30)],
    }
    path = write_workbook(tmp_path / "xa.xlsx", sheets)
    [finding] = [f for f in audit([str(path)]).findings if f.rule == "PA101"]
    assert (finding.sheet, finding.row, finding.rows) == ("Cấp xã", None, 6)


_NAMES = [
    "Đăng ký khai sinh",
    "Đăng ký kết hôn",
    "Cấp bản sao trích lục hộ tịch",
    "Chứng thực chữ ký",
    "Cấp phiếu lý lịch tư pháp",
    "Đăng ký giám hộ",
    "Đăng ký nhận cha, mẹ, con",
    "Thay đổi, cải chính hộ tịch",
    "Đăng ký khai tử",
    "Xác nhận tình trạng hôn nhân",
    "Đăng ký lại khai sinh",
    "Ghi vào sổ hộ tịch việc ly hôn",
]


@pytest.mark.parametrize(
    ("legacy", "rows", "shape"),
    [
        pytest.param(12, 12, (1, 0), id="every name in TCVN3"),
        pytest.param(11, 12, (1, 0), id="11 of 12: one word that reads as Unicode"),
        # Not the column's font: ten cells of one cause (`cause_floods`).
        pytest.param(10, 12, (1, 0), id="10 of 12: one finding for the cells"),
        pytest.param(4, 4, (0, 4), id="4 rows: listed"),
    ],
)
def test_a_short_column_typed_in_a_legacy_font(
    tmp_path: Path, legacy: int, rows: int, shape: tuple[int, int]
) -> None:
    names = [encode(name, TCVN3) if n < legacy else name for n, name in enumerate(_NAMES[:rows])]
    table = [[n + 1, f"1.{n + 1:06d}", name, AGENCY, FORM] for n, name in enumerate(names)]
    path = write_workbook(tmp_path / "xa.xlsx", {"Danh mục": [HEADER, *table]})
    findings = audit([str(path)]).findings
    assert _shape(findings, "PA601") == shape
    if shape[0]:
        [column] = [f for f in findings if f.rule == "PA601"]
        said = "Column 'Tên thủ tục hành chính' is typed in the legacy TCVN3 font, not in Unicode"
        assert column.fix.startswith(said) == (legacy >= 0.9 * rows)
