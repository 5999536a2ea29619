"""Catalogues laid out as provinces and the portal publish them (written by
tests/layouts/make_layouts.py): exactly which rows are read as procedures, what they inherit
from their sections, which rows are skipped and why, and on which rows the findings land."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

import pandas as pd
import pytest

from conftest import LAYOUTS
from procaudit.engine.audit import audit
from procaudit.io import read_catalogue
from procaudit.io.csv_dialect import CsvDialect
from procaudit.io.decisions import split_decisions
from procaudit.io.layout import (
    BLANK,
    COLUMN_NUMBERS,
    FOOTER,
    NO_DATA,
    REPEATED_HEADER,
    TITLE,
    TOTAL,
)
from procaudit.io.read import Catalogue, Table

MAKE_LAYOUTS = LAYOUTS / "make_layouts.py"
WRITER_MODULE = {".xls": "xlwt", ".ods": "odf"}  # formats written only where these import


def _make_layouts() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_layouts", MAKE_LAYOUTS)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def layouts(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return _make_layouts().make_all(tmp_path_factory.mktemp("layouts"))


def _layout(layouts: dict[str, Path], name: str) -> Path:
    writer = WRITER_MODULE.get(Path(name).suffix)
    if writer:
        pytest.importorskip(writer, reason=f"{writer} is not installed to write {name}")
    return layouts[name]


def records(table: Table | pd.DataFrame, *columns: str) -> list[tuple]:
    """The rows of a table as tuples, None where a cell is missing."""
    frame = table if isinstance(table, pd.DataFrame) else table.frame
    return [
        tuple(None if pd.isna(value) else value for value in row)
        for row in frame.reindex(columns=list(columns)).itertuples(index=False)
    ]


def findings(path: Path) -> list[tuple[str | None, int | None, str | None, str]]:
    result = audit([str(path)])
    assert not result.failures
    return [(f.sheet, f.row, f.column, f.rule) for f in result.findings]


# --- the province annex: xlsx, and the same sheet as xls, ods, and Excel's CSV ------------

# Excel's CSV export keeps the line breaks inside cells, so a record starts on a later line
# than its Excel row: row 1 (two cells of two lines) spans lines 1-3, and rows 12, 13 and 20
# (one cell of two lines each) span lines 14-15, 16-17 and 24-25.
ANNEX_CSV_LINE = {
    1: 1,
    **{row: row + 2 for row in range(2, 13)},
    13: 16,
    **{row: row + 4 for row in range(14, 21)},
    **{row: row + 5 for row in range(21, 37)},
}

# Excel row, code, name, level, field, status (all three from the sections above).
ANNEX_PROCEDURES = [
    (12, "1.000178", "Đăng ký đất đai, tài sản gắn liền với đất lần đầu",
     "Cấp tỉnh", "Đất đai", "Ban hành mới"),
    (13, "1.012753.H19",
     "Đăng ký biến động quyền sử dụng đất,\nquyền sở hữu tài sản gắn liền với đất",
     "Cấp tỉnh", "Đất đai", "Ban hành mới"),
    (15, "2.000528", "Đăng ký khai tử có yếu tố nước ngoài", "Cấp tỉnh", "Hộ tịch",
     "Ban hành mới"),
    (16, "2.000528", "ĐĂNG KÝ KHAI TỬ CÓ YẾU TỐ NƯỚC NGOÀI.", "Cấp tỉnh", "Hộ tịch",
     "Ban hành mới"),
    (19, "1.001193", "Đăng ký khai sinh", "Cấp xã", "Hộ tịch", "Ban hành mới"),
    (20, None, "Đăng ký kết hôn\n(thực hiện tại cấp xã)", "Cấp xã", "Hộ tịch", "Ban hành mới"),
    (24, "2.000815", "Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan có thẩm "
     "quyền của Việt Nam cấp", "Cấp huyện", "Chứng thực", "Sửa đổi, bổ sung"),
    (25, "2.000884", "Chứng thực chữ ký người dịch mà người dịch là cộng tác viên dịch thuật "
     "của Phòng Tư pháp", "Cấp huyện", "Chứng thực", "Sửa đổi, bổ sung"),
]  # fmt: skip

# Excel row, heading text, level, field, status.
ANNEX_SECTIONS = [
    (9, "PHẦN I. DANH MỤC THỦ TỤC HÀNH CHÍNH BAN HÀNH MỚI", None, None, "Ban hành mới"),
    (10, "A. THỦ TỤC HÀNH CHÍNH CẤP TỈNH", "Cấp tỉnh", None, None),
    (11, "I Lĩnh vực Đất đai", None, "Đất đai", None),
    (14, "II. Lĩnh vực Hộ tịch", None, "Hộ tịch", None),
    (17, "B THỦ TỤC HÀNH CHÍNH CẤP XÃ", "Cấp xã", None, None),
    (18, "Lĩnh vực Hộ tịch", None, "Hộ tịch", None),
    (21, "PHẦN II. DANH MỤC THỦ TỤC HÀNH CHÍNH SỬA ĐỔI, BỔ SUNG", None, None, "Sửa đổi, bổ sung"),
    (22, "C. THỦ TỤC HÀNH CHÍNH CẤP HUYỆN", "Cấp huyện", None, None),
    (23, "I Lĩnh vực Chứng thực", None, "Chứng thực", None),
]

ANNEX_SKIPPED = {
    TITLE: (1, 3, 4),
    COLUMN_NUMBERS: (8,),
    BLANK: (26, 28, 30, 34, 35),
    TOTAL: (27,),
    FOOTER: (29, 31, 32, 33, 36),  # "Ghi chú:", "Nơi nhận:" / "KT. CHỦ TỊCH", ..., the name
}


@dataclass(frozen=True)
class Annex:
    path: Path
    catalogue: Catalogue
    at: Callable[[int], int]  # Excel row -> the row (or CSV line) procaudit reports

    @property
    def table(self) -> Table:
        [table] = self.catalogue.tables
        return table


@pytest.fixture(
    params=[
        "province-annex.xlsx",
        "province-annex.xls",
        "province-annex.ods",
        "province-annex-cp1258.csv",
    ]
)
def annex(request: pytest.FixtureRequest, layouts: dict[str, Path]) -> Annex:
    path = _layout(layouts, request.param)
    at = ANNEX_CSV_LINE.__getitem__ if path.suffix == ".csv" else int
    return Annex(path, read_catalogue(str(path)), at)


def test_annex_reads_exactly_the_procedure_rows(annex: Annex) -> None:
    assert records(annex.table, "_row", "code", "name") == [
        (annex.at(row), code, name) for row, code, name, *_ in ANNEX_PROCEDURES
    ]
    assert annex.table.account.procedures == len(ANNEX_PROCEDURES)


def test_annex_rows_inherit_level_field_and_status_from_their_sections(annex: Annex) -> None:
    assert records(annex.table, "_row", "level", "field", "status") == [
        (annex.at(row), level, field, status)
        for row, _, _, level, field, status in ANNEX_PROCEDURES
    ]
    assert annex.table.account.inherited == {"level": 8, "field": 8, "status": 8}


def test_annex_sections_are_found_with_what_they_pass_down(annex: Annex) -> None:
    assert [(s.row, s.text, s.level, s.field, s.status) for s in annex.table.account.sections] == [
        (annex.at(row), *rest) for row, *rest in ANNEX_SECTIONS
    ]


def test_annex_skips_title_column_numbers_blank_total_and_footer_rows(annex: Annex) -> None:
    account = annex.table.account
    assert account.header_rows == (annex.at(6), annex.at(7))
    assert account.skipped == {
        reason: tuple(annex.at(row) for row in rows) for reason, rows in ANNEX_SKIPPED.items()
    }


def test_annex_two_row_header_reads_decision_number_and_date_under_one_heading(
    annex: Annex,
) -> None:
    # "Quyết định công bố" over "Số" | "Ngày"; "Cách thức thực hiện" over two channels.
    header_map = annex.table.header_map
    assert header_map.columns == {
        "code": 1, "name": 2, "processing_time": 3, "agency": 6, "fee": 7,
        "decision_no": 8, "decision_date": 9,
    }  # fmt: skip
    assert header_map.stt == 0
    assert header_map.unmapped == (
        "Cách thức thực hiện Trực tiếp",
        "Cách thức thực hiện Trực tuyến",
        "Ghi chú",
    )
    # Row 13 holds a date cell, read as Excel shows it (and as Excel writes it to CSV), and
    # the number 15.
    date_cell = "15/08/2025"
    assert records(annex.table, "decision_no", "decision_date", "processing_time")[:2] == [
        ("1890/QĐ-UBND", "15/8/2025", "30 ngày làm việc"),
        ("1890/QĐ-UBND", date_cell, "15"),
    ]
    assert records(annex.table, "processing_time")[5] == ("15",)  # typed as text
    assert annex.table.decisions_split == 0


def test_annex_findings_land_on_the_rows_of_the_file(annex: Annex) -> None:
    sheet = None if annex.path.suffix == ".csv" else "Phụ lục"
    assert findings(annex.path) == [
        # a name wrapped by hand over two lines: one value, its lines to be joined
        (sheet, annex.at(13), "name", "PA603"),
        (sheet, annex.at(15), "name", "PA201"),  # one procedure twice, typed differently
        (sheet, annex.at(16), "name", "PA201"),
        # row 20, a new procedure with no code yet: no PA102 (it may have none yet); its
        # level tag on a line of its own inside the name
        (sheet, annex.at(20), "name", "PA603"),
        # "Cấp huyện" inherited from section C: once, on its heading (engine.heading_floods)
        (sheet, annex.at(22), "level", "PA501"),
        # "Phòng Tư pháp huyện", each row's own
        (sheet, annex.at(24), "agency", "PA501"),
        (sheet, annex.at(25), "agency", "PA501"),
    ]


def test_annex_csv_is_windows_1258_with_semicolons(layouts: dict[str, Path]) -> None:
    catalogue = read_catalogue(str(layouts["province-annex-cp1258.csv"]))
    assert catalogue.dialect == CsvDialect("windows-1258", ";")


def test_annex_parts_repeat_the_header_over_each_part(layouts: dict[str, Path]) -> None:
    path = layouts["annex-parts.xlsx"]
    [table] = read_catalogue(str(path)).tables
    assert records(table, "_row", "name", "level", "status") == [
        (8, "Đăng ký khai tử có yếu tố nước ngoài", "Cấp tỉnh", "Sửa đổi, bổ sung"),
        (10, "Đăng ký khai sinh lưu động", "Cấp xã", "Sửa đổi, bổ sung"),
        (11, "Đăng ký khai sinh", "Cấp xã", "Sửa đổi, bổ sung"),
        (18, "Công nhận hòa giải viên", "Cấp tỉnh", "Bãi bỏ"),
    ]
    assert table.account.header_rows == (3, 4)
    assert table.account.skipped == {
        TITLE: (1, 2),
        COLUMN_NUMBERS: (5, 16),
        BLANK: (12,),
        REPEATED_HEADER: (14, 15),
    }
    assert findings(path) == [("Phụ lục", 10, "code", "PA102")]


# --- a workbook with a cover, two catalogue sheets and an empty sheet ---------------------


@pytest.fixture(params=["several-sheets.xlsx", "several-sheets.xls", "several-sheets.ods"])
def workbook(request: pytest.FixtureRequest, layouts: dict[str, Path]) -> Path:
    return _layout(layouts, request.param)


def tables_by_sheet(path: Path) -> dict[str | None, Table]:
    return {table.sheet: table for table in read_catalogue(str(path)).tables}


def test_workbook_reads_each_catalogue_sheet_and_says_why_others_are_skipped(
    workbook: Path,
) -> None:
    catalogue = read_catalogue(str(workbook))
    assert [(t.sheet, records(t, "_row", "name")) for t in catalogue.tables] == [
        ("Cấp tỉnh", [
            (7, "Cấp giấy phép thăm dò nước dưới đất"),
            (8, "Cấp giấy phép hoạt động dự báo, cảnh báo khí tượng thủy văn"),
            (10, "Đăng ký đất đai, tài sản gắn liền với đất lần đầu"),
            (11, "Đăng ký đất đai lần đầu"),
        ]),
        ("Cấp xã", [
            (2, "Đăng ký khai sinh"), (3, "Đăng ký khai tử"), (4, "Công nhận hoà giải viên"),
            (5, "Công nhận hòa giải viên"),
        ]),
    ]  # fmt: skip
    assert list(catalogue.skipped_sheets) == ["Bìa", "Trống"]
    assert catalogue.skipped_sheets["Bìa"].startswith("has no column for the procedure name")
    assert catalogue.skipped_sheets["Trống"] == "empty"


def test_workbook_sheet_with_channels_under_one_heading_and_numbered_columns(
    workbook: Path,
) -> None:
    # "Cách thức thực hiện" over "Trực tiếp" | "Trực tuyến" names no column; the numbers
    # 1..8 under it are column numbers, not a procedure.
    account = tables_by_sheet(workbook)["Cấp tỉnh"].account
    assert account.header_rows == (2, 3)
    assert account.skipped == {TITLE: (1,), COLUMN_NUMBERS: (4,)}
    assert [(s.row, s.level, s.field) for s in account.sections] == [
        (5, "Cấp tỉnh", None),
        (6, None, "Tài nguyên nước"),
        (9, None, "Đất đai"),
    ]


def test_a_rows_own_level_and_field_win_over_its_sections(workbook: Path) -> None:
    table = tables_by_sheet(workbook)["Cấp tỉnh"]
    assert records(table, "_row", "level", "field") == [
        (7, "Cấp tỉnh", "Tài nguyên nước"),
        (8, "Cấp tỉnh", "Khí tượng thủy văn"),  # its own field
        (10, "Cấp tỉnh, Cấp xã", "Đất đai"),  # its own level; "LĨNH VỰC ĐẤT ĐAI" in capitals
        (11, "Cấp tỉnh", "Đất đai"),
    ]
    assert table.account.inherited == {"level": 3, "field": 3}  # rows that took the section's


@pytest.mark.parametrize(
    ("sheet", "row", "decision_no", "decision_date"),
    [
        ("Cấp tỉnh", 7, "1890/QĐ-UBND", "15/08/2025"),  # "1890/QĐ-UBND ngày 15/8/2025"
        ("Cấp tỉnh", 8, "1890/QĐ-UBND", "15/08/2025"),  # "số … ngày 15 tháng 8 năm 2025"
        ("Cấp tỉnh", 10, "4472/QĐ-UBND", None),
        ("Cấp tỉnh", 11, "4472/QĐ-UBND", "20/12/2024"),  # "Quyết định số … của Chủ tịch …"
        ("Cấp xã", 2, "1890/QĐ-UBND", "15/8/2025"),  # two columns, left as typed
        ("Cấp xã", 3, "1890/QĐ-UBND", "15/08/2025"),  # combined, the date column empty
        ("Cấp xã", 4, "1890/QĐ-UBND", "20/8/2025"),  # combined, the date column wins
        ("Cấp xã", 5, "1890/QĐ-UBND", "45884"),  # a date typed as a plain number
    ],
)
def test_combined_decision_cells_are_split(
    workbook: Path, sheet: str, row: int, decision_no: str, decision_date: str | None
) -> None:
    table = tables_by_sheet(workbook)[sheet]
    by_row = {r: rest for r, *rest in records(table, "_row", "decision_no", "decision_date")}
    assert by_row[row] == [decision_no, decision_date]
    assert table.decisions_split == {"Cấp tỉnh": 3, "Cấp xã": 2}[sheet]


@pytest.mark.parametrize(
    ("cell", "decision_no", "decision_date"),
    [
        ("1890/QĐ-UBND ngày 15/8/2025", "1890/QĐ-UBND", "15/08/2025"),
        ("số 1890/QĐ-UBND ngày 15 tháng 8 năm 2025", "1890/QĐ-UBND", "15/08/2025"),
        ("Số: 1890/QĐ-UBND, ngày 15/08/2025", "1890/QĐ-UBND", "15/08/2025"),
        ("1890/QĐ-UBND\nngày 15/8/2025", "1890/QĐ-UBND", "15/08/2025"),
        ("Quyết định số 1890/QĐ-UBND ngày 15/8/2025", "1890/QĐ-UBND", "15/08/2025"),
        ("QĐ số 1890/QĐ-UBND ngày 5.8.2025 của Chủ tịch UBND tỉnh", "1890/QĐ-UBND", "05/08/2025"),
        ("1890/QĐ-UBND ngày   tháng   năm 2025", "1890/QĐ-UBND", "tháng   năm 2025"),
        ("1890/QĐ-UBND", "1890/QĐ-UBND", None),
        # The date alone after the number: a comma, brackets, a dash or a space between.
        ("1890/QĐ-UBND (15/8/2025)", "1890/QĐ-UBND", "15/08/2025"),
        ("2034/QĐ-UBND, 02/9/2025", "2034/QĐ-UBND", "02/09/2025"),
        ("Quyết định số 1890/QĐ-UBND - 15.8.2025", "1890/QĐ-UBND", "15/08/2025"),
        ("1890/QĐ-UBND 15/8/2025.", "1890/QĐ-UBND", "15/08/2025"),
        ("1890/QĐ-UBND (ngày 15/8/2025)", "1890/QĐ-UBND", "15/08/2025"),
        # Not a number and its date: the year in the number, a date with more after it.
        ("15/2025/QĐ-UBND", "15/2025/QĐ-UBND", None),
        ("1890/QĐ-UBND 15/8/2025 thay thế", "1890/QĐ-UBND 15/8/2025 thay thế", None),
    ],
)
def test_decision_cell_forms(cell: str, decision_no: str, decision_date: str | None) -> None:
    frame = pd.DataFrame({"decision_no": pd.Series([cell], dtype="str")})
    split = split_decisions(frame)
    assert records(frame, "decision_no", "decision_date") == [(decision_no, decision_date)]
    assert split == (decision_date is not None)


def test_numbers_and_text_typed_either_way_read_alike(workbook: Path) -> None:
    table = tables_by_sheet(workbook)["Cấp xã"]
    # 3 typed as a number, "3" typed as text; codes typed as text keep their zeros.
    assert records(table, "code", "processing_time") == [
        ("1.001193", "Ngay trong ngày"),
        ("2.000986", "3"),
        ("1.000656", "3"),
        ("2.001263", "3 ngày"),
    ]
    assert records(tables_by_sheet(workbook)["Cấp tỉnh"], "code")[2] == ("1.000178",)


def test_workbook_findings_name_their_sheet_and_row(workbook: Path) -> None:
    assert findings(workbook) == [
        ("Cấp tỉnh", 10, "code", "PA202"),  # one code, two names
        ("Cấp tỉnh", 11, "code", "PA202"),
        ("Cấp xã", 4, "name", "PA203"),  # "hoà" and "hòa": one name, two codes
        ("Cấp xã", 5, "name", "PA203"),
        ("Cấp xã", 5, "decision_date", "PA403"),  # 45884: a date cell that lost its format
    ]


# --- CSV exports in the encodings and delimiters of Vietnamese offices ---------------------

CSV_EXPECTED = [
    (2, "1.001193", "Đăng ký khai sinh", "Cấp xã", "Hộ tịch", "UBND cấp xã", "1890/QĐ-UBND",
     "15/08/2025"),
    (3, "1.004253", "Cấp giấy phép thăm dò nước dưới đất", "Cấp tỉnh", "Tài nguyên nước",
     "Sở Nông nghiệp và Môi trường\nTrung tâm Phục vụ hành chính công", "4472/QĐ-UBND", None),
    # line 3's record holds a line break, so the next record starts on line 5
    (5, "2.000815", "Chứng thực bản sao từ bản chính; giấy tờ, văn bản", "Cấp huyện",
     "Chứng thực", "Phòng Tư pháp huyện", "1890/QĐ-UBND", None),
    (6, "1.008003", "Giải quyết chế độ trợ cấp ưu đãi đối với thương binh, bệnh binh",
     "Cấp tỉnh", "Người có công", "Sở Nội vụ | Bưu điện tỉnh", "QĐ/0001-UBND", None),
]  # fmt: skip


@pytest.mark.parametrize(
    ("name", "dialect"),
    [
        ("utf8-comma.csv", CsvDialect("utf-8", ",")),
        ("utf8-bom-semicolon.csv", CsvDialect("utf-8-sig", ";")),
        ("utf16-tab.csv", CsvDialect("utf-16", "\t")),
        ("cp1258-semicolon.csv", CsvDialect("windows-1258", ";")),
        ("cp1258-comma.csv", CsvDialect("windows-1258", ",")),
        ("utf8-pipe.csv", CsvDialect("utf-8", "|")),
    ],
)
def test_csv_variants_read_the_same_rows(
    layouts: dict[str, Path], name: str, dialect: CsvDialect
) -> None:
    catalogue = read_catalogue(str(layouts[name]))
    assert catalogue.dialect == dialect
    [table] = catalogue.tables
    assert (
        records(
            table,
            "_row",
            "code",
            "name",
            "level",
            "field",
            "agency",
            "decision_no",
            "decision_date",
        )
        == CSV_EXPECTED
    )
    assert table.decisions_split == 1
    assert findings(layouts[name]) == [
        (None, 5, "agency", "PA501"),
        (None, 5, "level", "PA501"),
        (None, 6, "decision_no", "PA402"),
    ]


def test_windows_1258_fixture_stores_tones_as_combining_marks(layouts: dict[str, Path]) -> None:
    data = layouts["cp1258-semicolon.csv"].read_bytes()
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    # "Hộ tịch": ô is one byte (F4), its dot below a combining mark (F2), as is i's.
    assert b"H\xf4\xf2 ti\xf2ch" in data
    [table] = read_catalogue(str(layouts["cp1258-semicolon.csv"])).tables
    assert table.frame["field"].iloc[0] == "Hộ tịch"  # NFC again


def test_portal_csv_with_title_lines_and_headers_without_diacritics(
    layouts: dict[str, Path],
) -> None:
    path = layouts["portal-titles.csv"]
    catalogue = read_catalogue(str(path))
    assert catalogue.dialect == CsvDialect("utf-8-sig", ",")
    [table] = catalogue.tables
    assert table.header_map.sources == {
        "Ma TTHC": "code", "Ten thu tuc": "name", "Linh vuc": "field", "Cap thuc hien": "level",
        "Co quan thuc hien": "agency",
    }  # fmt: skip
    # Each record is numbered by the line it starts on: quoted cells span lines 8-10, 11-12.
    assert records(table, "_row", "name", "agency") == [
        (7, "Đăng ký khai sinh", "UBND cấp xã"),
        (8, "Đăng ký kết hôn", "UBND cấp xã\nCơ quan đại diện\nSở Tư pháp"),
        (11, "Đăng ký khai tử\ncó yếu tố nước ngoài", "Sở Tư pháp"),
        (14, "ĐĂNG KÝ KHAI SINH", "UBND cấp xã"),
    ]
    assert table.account.header_rows == (6,)
    assert table.account.skipped == {TITLE: (1, 2, 4), BLANK: (13,)}
    assert NO_DATA not in table.account.skipped
    assert findings(path) == [
        (None, 7, "name", "PA201"),
        (None, 11, "name", "PA603"),  # a name over two lines
        (None, 14, "name", "PA201"),
    ]


# --- a one-stop system's export: database headers, an internal id and local codes ----------

ONE_STOP = [
    ["TEN_CO_QUAN", "MA_THU_TUC", "TEN_TAT", "TRANG_THAI", "TEN_THU_TUC", "RNUM"],
    ["Sở Tư pháp", 23604, "2018.HT.14", "Mở", "Đăng ký khai sinh", 148],
    ["Sở Tư pháp", 23602, "2018.HT.15", "Mở", "Đăng ký kết hôn", 580],
    ["Bảo hiểm xã hội", 37849, "BHXH.TBHXH.02.", "Mở", "Đăng ký đóng, cấp thẻ bảo hiểm y tế", 158],
    [
        "Sở Thông tin và Truyền thông",
        41432,
        "2020STTTT_PTTT06",
        "Mở",
        "Cấp giấy phép xuất bản bản tin",
        995,
    ],
    ["UBND huyện Thanh Sơn", 40104, "2020.PCCC 012", "Mở", "Đăng ký khai sinh", 975],
]


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_one_stop_export_reads_its_codes_from_the_values(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"motcua{suffix}"
    if suffix == ".xlsx":
        import openpyxl

        workbook = openpyxl.Workbook()
        for row in ONE_STOP:
            workbook.active.append(row)  # ids and row numbers stored as numbers
        workbook.save(path)
    else:
        path.write_text(
            "\n".join(",".join(f'"{cell}"' for cell in row) for row in ONE_STOP), encoding="utf-8"
        )
    catalogue = read_catalogue(str(path))
    [table] = catalogue.tables
    assert records(table, "code", "name", "agency", "status", "_row")[:2] == [
        ("2018.HT.14", "Đăng ký khai sinh", "Sở Tư pháp", "Mở", 2),
        ("2018.HT.15", "Đăng ký kết hôn", "Sở Tư pháp", "Mở", 3),
    ]
    assert table.frame["code"].tolist()[2:] == [
        "BHXH.TBHXH.02.",
        "2020STTTT_PTTT06",
        "2020.PCCC 012",
    ]
    assert table.header_map.unmapped == ("MA_THU_TUC",)
    assert table.header_map.stt == 5
    assert [(c.position, c.chosen) for c in table.account.by_values] == [(1, False), (2, True)]
    assert len(catalogue.notes) == 1


# --- the generator itself ------------------------------------------------------------------


def test_make_layouts_runs_as_a_script(tmp_path: Path, layouts: dict[str, Path]) -> None:
    done = subprocess.run(
        [sys.executable, str(MAKE_LAYOUTS), str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    written = sorted(Path(line).name for line in done.stdout.splitlines())
    assert written == sorted(layouts)
    assert sorted(p.name for p in tmp_path.iterdir()) == written


def test_make_layouts_without_an_outdir_is_a_usage_error() -> None:
    done = subprocess.run(
        [sys.executable, str(MAKE_LAYOUTS)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 2
    assert "usage:" in done.stderr
