"""PA302 form-file-missing, and reading a dossier-components sheet (Thành phần hồ sơ)."""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pandas as pd
import pytest

from conftest import table_of, write_workbook
from procaudit.catalogue.columns import ROW, SHEET
from procaudit.core.findings import Finding
from procaudit.engine.audit import audit
from procaudit.engine.file_findings import audit_file
from procaudit.io import read_catalogue
from procaudit.io.components import COMPONENTS
from procaudit.io.headers import map_headers
from procaudit.io.read import Table
from procaudit.rules import all_rules
from procaudit.rules.context import FileContext, RuleContext
from procaudit.rules.options import RuleOptions

PORTAL_LINK = "https://csdl.dichvucong.gov.vn/web/jsp/download_file.jsp?ma="
FORM_FILES = ("mau-01.docx", "sub/TK-02.pdf", "Mẫu 01.doc", "HO-SO.PDF")


@pytest.fixture
def forms_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "forms"
    for name in FORM_FILES:
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(b"")
    # A Mac stores names decomposed (NFD); the catalogue types them composed.
    (folder / unicodedata.normalize("NFD", "Tờ khai.pdf")).write_bytes(b"")
    return folder


def pa302(
    tables: list[Table], components: list[Table] | None = None, forms_dir: Path | None = None
) -> list[Finding]:
    options = RuleOptions(forms_dir=forms_dir)
    context = FileContext(
        "t.xlsx", [(t, RuleContext(t.frame, options)) for t in tables], options, components or []
    )
    return [f for f in audit_file(context, all_rules()) if f.rule == "PA302"]


def quoted(finding: Finding) -> str:
    """The file or component a message names."""
    found = re.search(r"'(.+?)'", finding.message)
    assert found is not None, finding.message
    return found.group(1)


FORM_CELLS = [
    # (case, forms cell, the files reported missing)
    ("present", "mau-01.docx", []),
    ("present in a subfolder", "TK-02.pdf", []),
    ("missing", "mau-09.docx", ["mau-09.docx"]),
    ("case differs in the cell", "MAU-01.DOCX", []),
    ("case differs on disk", "ho-so.pdf", []),
    ("decomposed on disk", "Tờ khai.pdf", []),
    ("decomposed in the cell", unicodedata.normalize("NFD", "Mẫu 01.doc"), []),
    ("a name with a space", "Mẫu 01.doc", []),
    ("words before a file present", "Tờ khai theo mau-01.docx", []),
    # Missing, it is named as written: the words before it may be part of its name.
    ("words before a file missing", "Tờ khai theo mau-05.docx", ["Tờ khai theo mau-05.docx"]),
    ("in brackets after the form's title", "Tờ khai đăng ký (mau-03.doc)", ["mau-03.doc"]),
    ("URL of a file present", "https://dichvucong.gov.vn/files/mau-01.docx", []),
    ("URL of a file missing", "https://tinh.gov.vn/tthc/mau-07.pdf.", ["mau-07.pdf"]),
    ("percent-encoded URL", "https://tinh.gov.vn/M%E1%BA%ABu%2001.doc", []),
    ("portal download link", PORTAL_LINK + "3fd96e2f8a19e97c", []),
    ("two files, one missing", "mau-01.docx; mau-02.docx", ["mau-02.docx"]),
    ("two files, both missing", "a.pdf, b.xlsx", ["a.pdf", "b.xlsx"]),
    ("two files on two lines", "- mau-01.docx\n- to-khai.odt", ["to-khai.odt"]),
    ("no file named", "Tờ khai theo mẫu TP/HT-2020-KS.1", []),
    ("no form needed", "Không", []),
    ("empty (PA301's)", None, []),
]


@pytest.mark.parametrize(("case", "cell", "missing"), FORM_CELLS, ids=[c[0] for c in FORM_CELLS])
def test_pa302_forms_cells_against_the_forms_dir(
    forms_dir: Path, case: str, cell: str | None, missing: list[str]
) -> None:
    table = table_of([{"code": "1.000178", "name": "Đăng ký khai sinh", "forms": cell}], "S")
    found = pa302([table], forms_dir=forms_dir)
    assert sorted(quoted(f) for f in found) == missing
    assert {(f.sheet, f.row, f.column, f.code, f.value) for f in found} <= {
        ("S", 2, "forms", "1.000178", cell)
    }
    assert all(str(forms_dir) in f.message and str(forms_dir) in f.fix for f in found)


def test_pa302_suggests_the_closest_file(forms_dir: Path) -> None:
    table = table_of([{"name": "A", "forms": "mau-01.doc"}, {"name": "B", "forms": "khac.pdf"}])
    near, far = pa302([table], forms_dir=forms_dir)
    assert "(the closest file there is 'mau-01.docx')" in near.fix
    assert "closest" not in far.fix


def test_pa302_leaves_forms_cells_alone_without_a_forms_dir() -> None:
    table = table_of([{"name": "Đăng ký khai sinh", "forms": "mau-09.docx"}])
    assert pa302([table]) == []


def test_pa302_does_not_ask_for_the_forms_of_abolished_procedures(forms_dir: Path) -> None:
    table = table_of(
        [
            {"name": "A", "forms": "mau-09.docx", "status": "Bãi bỏ"},
            {"name": "B", "forms": "mau-09.docx", "status": "Còn hiệu lực"},
        ]
    )
    assert [f.row for f in pa302([table], forms_dir=forms_dir)] == [3]


def components_of(rows: list[dict[str, str | None]], sheet: str = "TPHS") -> Table:
    """A components table whose rows are numbered from 2, as under a one-row header."""
    frame = pd.DataFrame(rows, dtype="str")
    frame[ROW] = range(2, len(frame) + 2)
    frame[SHEET] = sheet
    return Table(sheet, frame, map_headers(list(rows[0]), words=COMPONENTS))


COMPONENT_CASES = [
    # (case, component, form link, flagged)
    ("form, no link", "Tờ khai đăng ký khai sinh", None, True),
    ("form after a bullet, a dash", "- Tờ khai thay đổi thông tin cư trú", "-", True),
    ("Mẫu, portal link to nothing", "Mẫu số 01", PORTAL_LINK, True),
    ("Đơn, portal link to a file", "Đơn đề nghị cấp bản sao", PORTAL_LINK + "3fd96e2f", False),
    ("letter bullet and a count", "a) 02 (hai) Đơn xin chuyển trường", "", True),
    ("Đơn vị is no form", "Đơn vị cấp giấy", None, False),
    ("Mẫu vật is no form", "Mẫu vật cần kiểm định", None, False),
    ("a copy is no form", "Bản sao giấy khai sinh", None, False),
    ("form word later on", "Giấy tờ chứng minh, kèm đơn", None, False),
    ("a file named", "Tờ khai", "mau-01.docx", False),
    ("explicit no form", "Đơn đề nghị", "Không", False),
]


@pytest.mark.parametrize(
    ("case", "component", "link", "flagged"), COMPONENT_CASES, ids=[c[0] for c in COMPONENT_CASES]
)
def test_pa302_form_components_without_a_file(
    case: str, component: str, link: str | None, flagged: bool
) -> None:
    catalogue = table_of([{"code": "1.000178", "name": "Đăng ký khai sinh"}])
    components = components_of([{"code": " 1.000178 ", "component": component, "form_link": link}])
    found = pa302([catalogue], [components])
    assert [(f.sheet, f.row, f.column, f.code) for f in found] == (
        [("TPHS", 2, "form_link", "1.000178")] if flagged else []
    )
    assert all(component in f.message for f in found)


def test_pa302_needs_a_link_column_to_judge_components() -> None:
    catalogue = table_of([{"name": "Đăng ký khai sinh"}])
    components = components_of([{"code": "1.000178", "component": "Tờ khai", "quantity": "1"}])
    assert pa302([catalogue], [components]) == []


# --- a workbook with a list sheet and a components sheet ---------------------------------

LIST_SHEET = [
    ["DANH MỤC THỦ TỤC HÀNH CHÍNH"],
    ["STT", "Mã TTHC", "Tên thủ tục", "Mẫu đơn, tờ khai"],
    [1, "1.000178", "Đăng ký khai sinh", "mau-01.docx"],
    [2, "1.000179", "Đăng ký kết hôn", "TK-02.pdf; to-khai-kh.docx"],
]
COMPONENT_SHEET = [
    ["THÀNH PHẦN HỒ SƠ"],
    [],
    ["STT", "Mã thủ tục", "Tên thành phần hồ sơ", "Biểu mẫu", "Số lượng"],
    ["(1)", "(2)", "(3)", "(4)", "(5)"],
    [1, "1.000178", "Tờ khai đăng ký khai sinh", "https://tinh.gov.vn/mau-01.docx", 1],
    [2, "1.000178", "Bản sao giấy chứng sinh", None, 1],
    [3, "1.000179", "Tờ khai đăng ký kết hôn", PORTAL_LINK, 1],
    [4, 1.00018, "Đơn vị xác nhận tình trạng hôn nhân", "-", 1],
    [5, "1.000180", "Mẫu số 02", "mau-02.docx", 1],
]


@pytest.fixture
def with_components(tmp_path: Path) -> Path:
    return write_workbook(
        tmp_path / "tthc.xlsx", {"Danh mục": LIST_SHEET, "Thành phần hồ sơ": COMPONENT_SHEET}
    )


def test_a_components_sheet_is_read_not_skipped(with_components: Path) -> None:
    catalogue = read_catalogue(str(with_components))
    assert catalogue.skipped_sheets == {}
    assert [t.sheet for t in catalogue.tables] == ["Danh mục"]
    [components] = catalogue.components
    frame = components.frame
    assert list(frame.columns) == ["code", "component", "form_link", "quantity", ROW, SHEET]
    assert frame[ROW].tolist() == [5, 6, 7, 8, 9]
    assert frame[SHEET].unique().tolist() == ["Thành phần hồ sơ"]
    assert frame["code"].tolist() == ["1.000178", "1.000178", "1.000179", "1.000180", "1.000180"]
    assert frame["form_link"].isna().tolist() == [False, True, False, False, False]
    assert components.account.header_rows == (3,)
    assert components.codes_restored == 1


def test_pa302_finds_the_rows_of_both_sheets(with_components: Path, forms_dir: Path) -> None:
    result = audit([str(with_components)], rule_options=RuleOptions(forms_dir=forms_dir))
    assert not result.failures
    found = [
        (f.sheet, f.row, f.column, f.code, f.value) for f in result.findings if f.rule == "PA302"
    ]
    assert found == [
        ("Danh mục", 4, "forms", "1.000179", "TK-02.pdf; to-khai-kh.docx"),
        ("Thành phần hồ sơ", 7, "form_link", "1.000179", PORTAL_LINK),
        ("Thành phần hồ sơ", 9, "form_link", "1.000180", "mau-02.docx"),
    ]
    [report] = result.files
    assert report.component_sheets == (
        ("Thành phần hồ sơ", len(read_catalogue(str(with_components)).components[0].frame)),
    )
    # Without the forms folder only the form component with no file is left.
    without = [
        (f.sheet, f.row) for f in audit([str(with_components)]).findings if f.rule == "PA302"
    ]
    assert without == [("Thành phần hồ sơ", 7)]


def test_a_lone_components_heading_is_not_a_components_sheet(tmp_path: Path) -> None:
    path = write_workbook(
        tmp_path / "notes.xlsx",
        {
            "Danh mục": LIST_SHEET,
            "Ghi chú": [["Thành phần hồ sơ"], ["Nộp theo hướng dẫn của Sở."]],
        },
    )
    catalogue = read_catalogue(str(path))
    assert catalogue.components == ()
    assert list(catalogue.skipped_sheets) == ["Ghi chú"]


def test_a_csv_is_never_a_components_sheet(tmp_path: Path) -> None:
    path = tmp_path / "tphs.csv"
    path.write_text("Mã thủ tục,Tên giấy tờ,Mẫu đơn tờ khai\n1.000178,Tờ khai,\n", encoding="utf-8")
    result = audit([str(path)])
    [failure] = result.failures
    assert "has no column for the procedure name" in failure.message


# --- the 2021 portal's procedures with their dossier components --------------------------

PROCEDURES_2021 = Path("dichvucong-2021") / "procedures-2021.json"
# Read off the JSON: 11 of its 303 components are named "Tờ khai ..." or "Đơn ..." and link
# to `download_file.jsp?ma=` (no file): two "Tờ khai tham gia bảo hiểm y tế", nine "Đơn
# đề nghị ...", "Đơn xin chuyển trường ...", "Đơn phúc khảo ...", "Đơn đăng ký dự thi ...".
REAL_FORMS_WITHOUT_FILE = 11


def test_pa302_on_the_2021_portal_components(real_data: Path, tmp_path: Path) -> None:
    procedures = json.loads((real_data / PROCEDURES_2021).read_text(encoding="utf-8"))
    listed = [["Mã thủ tục", "Tên thủ tục", "Cơ quan thực hiện"]]
    components = [["Mã thủ tục", "Tên giấy tờ", "Mẫu đơn, tờ khai", "Số lượng - bản chính"]]
    for procedure in procedures:
        code = procedure["_id"]["$oid"]  # the 2021 data has no national codes
        listed.append([code, procedure["title"], procedure["Cơ quan thực hiện"]])
        components += [
            [code, part["Tên giấy tờ"], part["Mẫu đơn, tờ khai"], part["Số lượng - bản chính"]]
            for part in procedure["Thành phần hồ sơ"]
        ]
    path = write_workbook(
        tmp_path / "2021.xlsx", {"Danh sách TTHC": listed, "Thành phần hồ sơ": components}
    )
    catalogue = read_catalogue(str(path))
    assert [len(t.frame) for t in catalogue.tables] == [87]
    assert [len(t.frame) for t in catalogue.components] == [303]

    empty_folder = tmp_path / "forms"
    empty_folder.mkdir()
    for options in (RuleOptions(), RuleOptions(forms_dir=empty_folder)):
        found = [f for f in audit([str(path)], rule_options=options).findings if f.rule == "PA302"]
        # The portal's links name no file, so the forms folder adds nothing.
        assert len(found) == REAL_FORMS_WITHOUT_FILE
        assert all(f.value == PORTAL_LINK and f.sheet == "Thành phần hồ sơ" for f in found)
        names = [quoted(f) for f in found]
        assert all(re.match(r"(- )?(Tờ khai|Đơn) ", name) for name in names), names


@pytest.mark.parametrize(
    ("link", "found"),
    [
        # A link a program's workbook computes, saved without it: Excel shows it.
        pytest.param('=HYPERLINK(F5,"Tải về")', [], id="a formula with no saved value"),
        pytest.param("#N/A", [(5, "#N/A", "The cell shows the Excel error #N/A: ")], id="an error"),
    ],
)
def test_pa302_on_a_components_link_excel_fills(
    tmp_path: Path, link: str | None, found: list[tuple[int, str | None, str]]
) -> None:
    components = [
        *COMPONENT_SHEET[:4],
        [1, "1.000178", "Tờ khai đăng ký khai sinh", link, 1],
        [2, "1.000178", "Tờ khai đăng ký lại khai sinh", None, 1],  # empty: still reported
    ]
    found = [*found, (6, None, "The dossier component")]
    path = write_workbook(
        tmp_path / "tthc.xlsx", {"Danh mục": LIST_SHEET, "Thành phần hồ sơ": components}
    )
    said = [(f.row, f.value, f.message) for f in audit([str(path)]).findings if f.rule == "PA302"]
    assert [(row, value) for row, value, _ in said] == [(row, value) for row, value, _ in found]
    assert all(
        message.startswith(start) for (*_, message), (*_, start) in zip(said, found, strict=True)
    )
