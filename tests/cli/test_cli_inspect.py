"""`procaudit inspect` and the reading overrides (--sheet, --header-row, --map), through the
command line. The terminal account is checked against a golden file (PROCAUDIT_UPDATE_GOLDEN=1
rewrites it after a deliberate change)."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import openpyxl
import pytest
from rich.console import Console
from typer.testing import CliRunner

from conftest import GOLDEN
from procaudit.cli import app
from procaudit.cli.inspect_view import render_inspection
from procaudit.engine.inspection import column_label, inspect_catalogue, row_ranges
from procaudit.io import read_catalogue

runner = CliRunner()

ANNEX = [
    ["ỦY BAN NHÂN DÂN TỈNH LÀO CAI"],
    ["DANH MỤC THỦ TỤC HÀNH CHÍNH\n(Kèm theo Quyết định số 1890/QĐ-UBND ngày 15/8/2025)"],
    [],
    ["STT", "Mã TTHC", "Tên thủ tục hành chính", "Cơ quan thực hiện", "Quyết định công bố"],
    ["(1)", "(2)", "(3)", "(4)", "(5)"],
    ["A", "THỦ TỤC HÀNH CHÍNH CẤP TỈNH"],
    ["I", "Lĩnh vực Đất đai"],
    [
        1,
        "1.000178",
        "Đăng ký đất đai lần đầu",
        "Sở Nông nghiệp và Môi trường",
        "1890/QĐ-UBND ngày 15/8/2025",
    ],
    [2, 1.00123, "Cung cấp dữ liệu đất đai", "Văn phòng đăng ký đất đai", None],
    ["B", "THỦ TỤC HÀNH CHÍNH CẤP HUYỆN"],
    [
        1,
        "2.000001",
        "Đăng ký khai sinh",
        "UBND cấp huyện",
        "số 1890/QĐ-UBND ngày 15 tháng 8 năm 2025",
    ],
    [],
    ["Ghi chú: danh mục gồm 3 thủ tục."],
    [None, None, None, "KT. CHỦ TỊCH"],
]


def write_annex(path: Path) -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Danh mục"
    for row in ANNEX:
        sheet.append(row)
    sheet.merge_cells("A1:E1")
    sheet.merge_cells("B6:E6")
    notes = workbook.create_sheet("Hướng dẫn")
    notes.append(["Bảng này liệt kê các thủ tục hành chính."])
    workbook.save(path)
    return path


@pytest.fixture
def annex(tmp_path: Path, monkeypatch) -> str:
    monkeypatch.chdir(tmp_path)
    write_annex(tmp_path / "annex.xlsx")
    return "annex.xlsx"


def invoke(*args: str):
    return runner.invoke(app, list(args))


def test_inspect_account_matches_golden(annex) -> None:
    out = io.StringIO()
    console = Console(file=out, width=100, color_system=None, highlight=False)
    render_inspection(inspect_catalogue(read_catalogue(annex)), console)
    golden = GOLDEN / "inspect.txt"
    if os.environ.get("PROCAUDIT_UPDATE_GOLDEN"):
        golden.write_text(out.getvalue(), encoding="utf-8")
    assert out.getvalue() == golden.read_text(encoding="utf-8")


def test_inspect_json(annex) -> None:
    result = invoke("inspect", annex, "--format", "json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    [file] = report["files"]
    assert report["failures"] == []
    assert (file["format"], file["procedures"]) == ("xlsx", 3)
    [table] = file["tables"]
    assert table["header_rows"] == [4]
    assert table["procedure_rows"] == "8-11"
    assert [(c["column"], c["maps_to"]) for c in table["columns"]] == [
        ("A", "row number (STT)"),
        ("B", "code"),
        ("C", "name"),
        ("D", "agency"),
        ("E", "decision_no"),
    ]
    assert [(s["row"], s["level"], s["field"]) for s in table["sections"]] == [
        (6, "Cấp tỉnh", None),
        (7, None, "Đất đai"),
        (10, "Cấp huyện", None),
    ]
    assert {s["reason"]: s["rows"] for s in table["skipped_rows"]} == {
        "title block above the header": "1-2",
        "blank row": "12",
        "column numbers under the header": "5",
        "notes and signatures after the table": "13-14",
    }
    # Section B (a new level) ends the field of section I: row 11 has a level, no field.
    assert table["inherited"] == {"level": 3, "field": 2}
    assert (table["decisions_split"], table["codes_restored"]) == (2, 1)
    assert [s["sheet"] for s in file["skipped_sheets"]] == ["Hướng dẫn"]


def test_findings_keep_excel_row_numbers_and_inherit_the_section_level(annex) -> None:
    result = invoke("check", annex, "--format", "json")
    report = json.loads(result.stdout)
    district = [(f["row"], f["column"]) for f in report["findings"] if f["rule"] == "PA501"]
    assert (11, "level") in district


def test_inspect_of_an_unreadable_file_exits_2_and_reads_the_rest(annex) -> None:
    result = invoke("inspect", "missing.csv", annex, "--format", "json")
    assert result.exit_code == 2
    assert result.stderr == "procaudit: error: missing.csv: no such file\n"
    report = json.loads(result.stdout)
    assert [f["path"] for f in report["files"]] == [annex]
    assert report["failures"] == [{"path": "missing.csv", "message": "missing.csv: no such file"}]


@pytest.mark.parametrize("sheet", ["Danh mục", "1"])
def test_sheet_by_name_or_number(annex, sheet: str) -> None:
    result = invoke("inspect", annex, "--sheet", sheet, "--format", "json")
    [file] = json.loads(result.stdout)["files"]
    assert [t["sheet"] for t in file["tables"]] == ["Danh mục"]
    assert file["skipped_sheets"] == [{"sheet": "Hướng dẫn", "reason": "not the sheet asked for"}]


def test_a_sheet_asked_for_that_holds_no_catalogue_is_an_error(annex) -> None:
    result = invoke("check", annex, "--sheet", "Hướng dẫn")
    assert result.exit_code == 2
    assert result.stderr.startswith(
        "procaudit: error: annex.xlsx: has no column for the procedure name"
    )


def test_unknown_sheet_lists_the_sheets(annex) -> None:
    result = invoke("check", annex, "--sheet", "Cấp xã")
    assert result.exit_code == 2
    assert result.stderr == (
        "procaudit: error: annex.xlsx: has no sheet 'Cấp xã' "
        "(its sheets: 'Danh mục', 'Hướng dẫn')\n"
    )


def test_map_and_header_row_read_a_file_guessing_cannot(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    # A made-up header and a data row that looks like a header to the guesser.
    Path("odd.csv").write_text(
        "Danh sách\nSố hiệu,Tên gọi khác,Cấp\n1.000001,Đăng ký khai sinh,Cấp huyện\n",
        encoding="utf-8",
    )
    guessed = invoke("check", "odd.csv")
    assert guessed.exit_code == 2
    result = invoke(
        "check",
        "odd.csv",
        "--header-row",
        "2",
        "--map",
        "Tên gọi khác=name",
        "--map",
        "Số hiệu = code",
        "--format",
        "json",
    )
    assert result.exit_code == 1, result.output
    report = json.loads(result.stdout)
    assert report["files"][0]["columns"] == {
        "Số hiệu": "code",
        "Tên gọi khác": "name",
        "Cấp": "level",
    }
    assert report["files"][0]["skipped_sheets"] == []
    assert [(f["rule"], f["row"]) for f in report["findings"]] == [("PA501", 3)]


def test_two_row_header_given_by_hand(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("two.csv").write_text(
        "Thủ tục,,Quyết định công bố\nMã,Tên,Số\n1.000001,Đăng ký khai sinh,1890/QĐ-UBND\n",
        encoding="utf-8",
    )
    result = invoke("inspect", "two.csv", "--header-row", "1-2", "--format", "json")
    [table] = json.loads(result.stdout)["files"][0]["tables"]
    assert table["header_rows"] == [1, 2]
    assert table["procedure_rows"] == "3-3"


def test_three_row_header_given_by_hand(tmp_path: Path, monkeypatch) -> None:
    # "Thông tin công bố" over "Quyết định công bố" over "Số" | "Ngày".
    monkeypatch.chdir(tmp_path)
    Path("three.csv").write_text(
        "Mã,Tên,Thông tin công bố,\n,,Quyết định công bố,\n,,Số,Ngày\n"
        "1.000001,Đăng ký khai sinh,1890/QĐ-UBND,15/08/2025\n",
        encoding="utf-8",
    )
    result = invoke("inspect", "three.csv", "--header-row", "1-3", "--format", "json")
    [table] = json.loads(result.stdout)["files"][0]["tables"]
    assert table["header_rows"] == [1, 2, 3]
    assert table["procedure_rows"] == "4-4"
    assert [column["maps_to"] for column in table["columns"]] == [
        "code",
        "name",
        "decision_no",
        "decision_date",
    ]
    shown = invoke("inspect", "three.csv", "--header-row", "1-3")
    assert "header on rows 1-3 (three rows, read as one)" in shown.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--header-row", "two"],
            "--header-row 'two' is not a row number (like 4) or rows (like 4-5)",
        ),
        (
            ["--header-row", "4-7"],
            "--header-row '4-7': a header spans one row, or two or three adjacent rows",
        ),
        (["--header-row", "0"], "--header-row '0': rows are numbered from 1"),
        (
            ["--map", "Tên gọi khác"],
            "--map 'Tên gọi khác' is not of the form 'Source header=column'",
        ),
        (
            ["--map", "Tên gọi khác=title"],
            "--map 'Tên gọi khác=title': 'title' is not a column procaudit knows (one of code, "
            "name, level, field, agency, processing_time, fee, forms, legal_basis, online_level, "
            "decision_no, decision_date, status)",
        ),
        (
            ["--header-row", "40"],
            # The reason both sheets share, said once.
            "annex.xlsx: has no sheet with a procedure list ('Danh mục' and 'Hướng dẫn' "
            "each has no row 40 to read the header from)",
        ),
        (
            ["--header-row", "5", "--sheet", "1"],
            "annex.xlsx: has no column for the procedure name on the header row 5 (it has '(1)', "
            "'(2)', '(3)', '(4)', '(5)'); name the column with --map 'HEADER=name'",
        ),
    ],
)
@pytest.mark.parametrize("command", ["check", "inspect"])
def test_bad_overrides_are_one_sentence_and_exit_2(
    annex, command: str, args: list[str], message: str
) -> None:
    result = invoke(command, annex, *args)
    assert result.exit_code == 2
    assert result.stderr == f"procaudit: error: {message}\n"


@pytest.mark.parametrize(
    ("rows", "text"),
    [([], ""), ([1], "1"), ([3, 1, 2], "1-3"), ([1, 5, 6, 7, 9], "1, 5-7, 9")],
)
def test_row_ranges(rows: list[int], text: str) -> None:
    assert row_ranges(rows) == text


@pytest.mark.parametrize(
    ("position", "workbook", "label"),
    [
        (0, True, "A"),
        (25, True, "Z"),
        (26, True, "AA"),
        (701, True, "ZZ"),
        (702, True, "AAA"),
        (0, False, "1"),
        (26, False, "27"),
    ],
)
def test_column_label(position: int, workbook: bool, label: str) -> None:
    assert column_label(position, workbook) == label


COMPONENTS_SHEET = [
    ["THÀNH PHẦN HỒ SƠ"],
    ["Mã TTHC", "Tên giấy tờ", "Mẫu đơn, tờ khai", "Số lượng"],
    ["1.000178", "Tờ khai đăng ký đất đai", "mau-01.docx", 1],
    [],
    ["1.000178", "Bản sao giấy chứng nhận", None, 1],
    ["2.000001", "Tờ khai đăng ký khai sinh", None, 1],
]


@pytest.fixture
def annex_with_components(tmp_path: Path, monkeypatch) -> str:
    monkeypatch.chdir(tmp_path)
    workbook = openpyxl.load_workbook(write_annex(tmp_path / "annex.xlsx"))
    sheet = workbook.create_sheet("Thành phần hồ sơ")
    for row in COMPONENTS_SHEET:
        sheet.append(row)
    workbook.save(tmp_path / "annex.xlsx")
    return "annex.xlsx"


def test_inspect_shows_a_components_sheet(annex_with_components) -> None:
    result = invoke("inspect", annex_with_components, "--format", "json")
    assert result.exit_code == 0, result.output
    [file] = json.loads(result.stdout)["files"]
    assert file["procedures"] == 3
    assert [s["sheet"] for s in file["skipped_sheets"]] == ["Hướng dẫn"]
    [components] = file["components"]
    assert (components["sheet"], components["header_rows"]) == ("Thành phần hồ sơ", [2])
    assert (components["components"], components["component_rows"]) == (3, "3-6")
    assert [(c["column"], c["maps_to"]) for c in components["columns"]] == [
        ("A", "code"),
        ("B", "component"),
        ("C", "form_link"),
        ("D", "quantity"),
    ]
    assert {s["reason"]: s["rows"] for s in components["skipped_rows"]} == {
        "title block above the header": "1",
        "blank row": "4",
    }
    text = invoke("inspect", annex_with_components)
    assert "Sheet 'Thành phần hồ sơ': read as dossier components, header on row 2" in text.stdout
    assert "3 component rows read (rows 3-6)" in text.stdout
    assert "Thành phần hồ sơ' skipped" not in text.stdout


def test_a_workbook_of_components_alone_has_no_procedure_list(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    workbook = openpyxl.Workbook()
    workbook.active.title = "Thành phần hồ sơ"
    for row in COMPONENTS_SHEET:
        workbook.active.append(row)
    workbook.save("tphs.xlsx")
    for command in ("check", "inspect"):
        result = invoke(command, "tphs.xlsx")
        assert result.exit_code == 2
        assert result.stderr == (
            "procaudit: error: tphs.xlsx: has no sheet with a procedure list "
            "('Thành phần hồ sơ' holds dossier components, not procedures)\n"
        )


ONE_STOP = [
    ["TEN_CO_QUAN", "MA_THU_TUC", "TEN_TAT", "TRANG_THAI", "TEN_THU_TUC", "RNUM"],
    ["Sở Tư pháp", 23604, "2018.HT.14", "Mở", "Đăng ký khai sinh", 1],
    ["Sở Tư pháp", 23602, "2018.HT.15", "Mở", "Đăng ký kết hôn", 2],
    ["Bảo hiểm xã hội", 37849, "BHXH.TBHXH.02.", "Mở", "Cấp thẻ bảo hiểm y tế", 3],
]


@pytest.fixture
def one_stop(tmp_path: Path, monkeypatch) -> str:
    monkeypatch.chdir(tmp_path)
    workbook = openpyxl.Workbook()
    for row in ONE_STOP:
        workbook.active.append(row)
    workbook.save("motcua.xlsx")
    return "motcua.xlsx"


def test_inspect_json_says_which_column_the_values_chose_and_refused(one_stop) -> None:
    result = invoke("inspect", one_stop, "--format", "json")
    assert result.exit_code == 0, result.output
    [table] = json.loads(result.stdout)["files"][0]["tables"]
    columns = {c["header"]: c for c in table["columns"]}
    assert [(c["column"], c["maps_to"]) for c in table["columns"]] == [
        ("A", "agency"),
        ("B", None),
        ("C", "code"),
        ("D", "status"),
        ("E", "name"),
        ("F", "row number (STT)"),
    ]
    assert columns["MA_THU_TUC"]["by_values"] == {
        "column": "code",
        "chosen": False,
        "values": "whole numbers",
        "examples": ["23604", "23602", "37849"],
    }
    assert columns["MA_THU_TUC"]["note"] == (
        "its header names the code, but its values are whole numbers (an internal id?): "
        "23604, 23602, 37849, …"
    )
    assert columns["TEN_TAT"]["by_values"]["chosen"] is True
    assert columns["TEN_TAT"]["note"] == (
        "its values look like procedure codes: 2018.HT.14, 2018.HT.15, BHXH.TBHXH.02., …"
    )
    assert "by_values" not in columns["TEN_THU_TUC"]


def test_inspect_says_the_name_column_was_chosen_by_its_values(tmp_path: Path) -> None:
    path = tmp_path / "danh-muc.csv"
    rows = [f"{n},1.00{n:04d},Cấp giấy phép kinh doanh loại {n},Công thương" for n in range(6)]
    path.write_text("STT,Mã số,TTHC,Lĩnh vực\n" + "\n".join(rows) + "\n", encoding="utf-8")
    result = invoke("inspect", str(path), "--format", "json")
    assert result.exit_code == 0, result.output
    [table] = json.loads(result.stdout)["files"][0]["tables"]
    [name] = [c for c in table["columns"] if c["maps_to"] == "name"]
    assert (name["header"], name["by_values"]["chosen"]) == ("TTHC", True)
    assert name["note"] == (
        "no header names the procedure's name; its values are procedures' names: Cấp giấy "
        "phép kinh doanh loại 0, Cấp giấy phép kinh doanh loại 1, Cấp giấy phép kinh doanh "
        "loại 2, …"
    )


@pytest.mark.parametrize(
    ("lang", "refused", "chosen"),
    [
        (
            "en",
            "not used (its header names the code, but its values are whole numbers",
            "code (its values look like procedure codes: 2018.HT.14",
        ),
        (
            "vi",
            "không sử dụng (theo tiêu đề đây là cột 'Mã thủ tục', nhưng giá trị là số nguyên",
            "code (giá trị của cột có dạng mã thủ tục: 2018.HT.14",
        ),
    ],
)
def test_inspect_explains_the_choice_in_both_languages(
    one_stop, lang: str, refused: str, chosen: str
) -> None:
    result = invoke("inspect", one_stop, "--lang", lang)
    assert result.exit_code == 0, result.output
    flat = " ".join(result.stdout.split())
    assert refused in flat
    assert chosen in flat


def test_check_notes_the_choice_once(one_stop) -> None:
    result = invoke("check", one_stop, "--format", "json", "--exit-zero")
    assert result.exit_code == 0, result.output
    notes = [line for line in result.stderr.splitlines() if "TEN_TAT" in line]
    assert notes == [
        "procaudit: note: motcua.xlsx: sheet 'Sheet': column 'MA_THU_TUC' is not read as the "
        "code: its values are whole numbers (an internal id?); column 'TEN_TAT' is read as the "
        "code because its values look like procedure codes (2018.HT.14, 2018.HT.15, "
        "BHXH.TBHXH.02., …)"
    ]


MARKS = [
    ["STT", "Tên thủ tục hành chính", "Cấp thực hiện", None, None, "Mức độ DVC", None],
    [None, None, "Tỉnh", "Huyện", "Xã", "Toàn trình", "Một phần"],
    [1, "Đăng ký khai sinh", None, None, "x", "x", None],
    [2, "Đăng ký kết hôn", None, "x", "x", None, "x"],
    [3, "Cấp bản sao trích lục hộ tịch", "x", None, None, "x", None],
    [4, "Đăng ký giám hộ", "X", None, None, None, "X"],
]


@pytest.fixture
def marks(tmp_path: Path, monkeypatch) -> str:
    """Levels and online levels marked under headings merged over their sub-columns."""
    monkeypatch.chdir(tmp_path)
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "DM"
    for row in MARKS:
        sheet.append(row)
    for merged in ("A1:A2", "B1:B2", "C1:E1", "F1:G1"):
        sheet.merge_cells(merged)
    workbook.save("marks.xlsx")
    return "marks.xlsx"


def test_inspect_says_which_sub_columns_are_read_as_marks(marks) -> None:
    result = invoke("inspect", marks, "--format", "json")
    assert result.exit_code == 0, result.output
    [table] = json.loads(result.stdout)["files"][0]["tables"]
    assert table["unmapped"] == []
    assert [(c["column"], c["maps_to"], c.get("note")) for c in table["columns"][2:]] == [
        ("C", "level", "marks: a mark here means 'Tỉnh'"),
        ("D", "level", "marks: a mark here means 'Huyện'"),
        ("E", "level", "marks: a mark here means 'Xã'"),
        ("F", "online_level", "marks: a mark here means 'Toàn trình'"),
        ("G", "online_level", "marks: a mark here means 'Một phần'"),
    ]
    result = invoke("inspect", marks, "--lang", "vi")
    assert "dấu đánh: đánh dấu ở cột này nghĩa là 'Huyện'" in " ".join(result.stdout.split())


def test_check_reads_the_headings_marked(marks) -> None:
    result = invoke("check", marks, "--format", "json", "--select", "PA501,PA505")
    assert result.exit_code == 1, result.output
    findings = json.loads(result.stdout)["findings"]
    assert [(f["rule"], f["row"], f["value"]) for f in findings] == [
        ("PA505", None, None),  # the file's finding first
        ("PA501", 4, "Huyện, Xã"),
    ]
    assert findings[0]["message"].startswith("2 of 4 procedures (50%) are fully online")
    assert result.stderr.splitlines() == [
        "procaudit: note: marks.xlsx: sheet 'DM': a row's level is the sub-heading it marks "
        "under 'Cấp thực hiện' (Tỉnh, Huyện, Xã); a row's online_level is the sub-heading it "
        "marks under 'Mức độ DVC' (Toàn trình, Một phần)"
    ]


def test_inspect_says_which_column_made_rows_abolished(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("bb.csv").write_text(
        "Mã TTHC,Tên TTHC,Cấp thực hiện,Lý do bãi bỏ\n"
        "1.000001,Thành lập hội cấp huyện,Cấp huyện,Do kết thúc cấp huyện\n",
        encoding="utf-8",
    )
    result = invoke("inspect", "bb.csv", "--format", "json")
    [table] = json.loads(result.stdout)["files"][0]["tables"]
    assert table["abolished_by"] == "Lý do bãi bỏ"
    result = invoke("inspect", "bb.csv")
    assert "status: 'Bãi bỏ' on the rows that fill 'Lý do bãi bỏ'" in result.stdout


def test_inspect_says_a_sheet_goes_on_under_the_header_of_the_sheet_before(
    tmp_path: Path,
) -> None:
    workbook = openpyxl.Workbook()
    first = workbook.active
    first.title = "Trang 1"
    for row in (["STT", "Mã TTHC", "Tên TTHC"], [1, "1.000001", "Đăng ký khai sinh"]):
        first.append(row)
    second = workbook.create_sheet("Trang 2")
    for row in ([2, "1.000002", "Đăng ký khai tử"], [3, "1.000003", "Đăng ký kết hôn"]):
        second.append(row)
    workbook.save(tmp_path / "pages.xlsx")
    text = invoke("inspect", str(tmp_path / "pages.xlsx")).output
    assert "Sheet 'Trang 1': header on row 1" in text
    assert "Sheet 'Trang 2': no header of its own" in text
    assert "header on row 0" not in text


def test_check_and_inspect_of_a_part_of_abolished_procedures_going_on_over_a_sheet(
    tmp_path: Path,
) -> None:
    # An annex's part "II. … BỊ BÃI BỎ" runs on to a sheet without a header: its procedures
    # are abolished ones there too, whose empty forms cells are no defect (PA301).
    workbook = openpyxl.Workbook()
    first = workbook.active
    first.title = "Trang 1"
    first.append(["STT", "Mã TTHC", "Tên TTHC", "Cơ quan thực hiện", "Mẫu đơn, tờ khai"])
    first.append(["I", "THỦ TỤC HÀNH CHÍNH MỚI BAN HÀNH"])
    for number in range(1, 4):
        first.append([number, f"1.00000{number}", f"Cấp phép loại {number}", "Sở Xây dựng", "M1"])
    first.append(["II", "DANH MỤC THỦ TỤC HÀNH CHÍNH BỊ BÃI BỎ"])
    first.append([1, "1.000004", "Đăng ký loại 4", "Sở Tư pháp", None])
    second = workbook.create_sheet("Trang 2")
    for number in range(5, 9):
        second.append([number - 3, f"1.00000{number}", f"Đăng ký loại {number}", "Sở Tư pháp"])
    workbook.save(tmp_path / "annex.xlsx")
    checked = invoke("check", str(tmp_path / "annex.xlsx"), "--select", "PA301")
    assert checked.exit_code == 0, checked.output
    text = invoke("inspect", str(tmp_path / "annex.xlsx")).output
    assert (
        "rows before its own first heading stand under the headings the sheet before it ends "
        "with: 'II DANH MỤC THỦ TỤC HÀNH CHÍNH BỊ BÃI BỎ'"
    ) in " ".join(text.split())


def test_a_csv_counts_its_lines_as_its_findings_do(tmp_path: Path, monkeypatch) -> None:
    # A cell with a line break: two procedures on lines 2-4. "rows 2-4" for two rows would
    # puzzle whoever reads it; the findings of the same file say "line 4".
    monkeypatch.chdir(tmp_path)
    Path("portal.csv").write_text(
        'Mã,Tên,Cơ quan thực hiện\n1.000001,Đăng ký khai sinh,"Sở Tư pháp\nUBND cấp xã"\n'
        "1.000002,Đăng ký khai tử,UBND cấp xã\n",
        encoding="utf-8",
    )
    shown = invoke("inspect", "portal.csv")
    assert "2 procedure rows read (lines 2-4)" in shown.stdout, shown.stdout
    annex = tmp_path / "annex.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["Mã", "Tên"])
    book.active.append(["1.000001", "Đăng ký khai sinh"])
    book.save(annex)
    assert "1 procedure row read (rows 2-2)" in invoke("inspect", str(annex)).stdout


PAGE_HEADER = ["STT", "Mã TTHC", "Tên thủ tục hành chính", "Cơ quan thực hiện"]


def page_rows(first: int) -> list[list[object]]:
    return [[n, f"1.00{1000 + n}", f"Cấp giấy phép số {n}", "Sở Công Thương"] for n in (first,)]


# lang -> where page 1's decision comes from (its own title), and pages 2 and 3's (page 1's)
DECISION_SOURCES = {
    "en": (
        "as the title's 'kèm theo Quyết định' says",
        "as the title of sheet 'Page 1' (where the list begins) says",
    ),
    "vi": (
        "theo dòng 'kèm theo Quyết định' của tiêu đề",
        "theo tiêu đề của trang tính 'Page 1' (trang đầu của danh mục)",
    ),
}


@pytest.mark.parametrize(("lang", "sources"), DECISION_SOURCES.items(), ids=DECISION_SOURCES)
def test_inspect_says_a_pages_decision_comes_from_the_title_where_its_list_begins(
    tmp_path: Path, lang: str, sources: tuple[str, str]
) -> None:
    workbook = openpyxl.Workbook()
    pages = {
        "Page 1": [
            ["DANH MỤC THỦ TỤC HÀNH CHÍNH"],
            ["(Kèm theo Quyết định số 2211/QĐ-UBND ngày 02/10/2025)"],
            PAGE_HEADER,
            *page_rows(1),
            *page_rows(2),
        ],
        "Page 2": [PAGE_HEADER, *page_rows(3), *page_rows(4)],  # the header again
        "Page 3": [*page_rows(5), *page_rows(6)],  # no header: read under page 2's
    }
    workbook.remove(workbook.active)
    for name, rows in pages.items():
        sheet = workbook.create_sheet(name)
        for row in rows:
            sheet.append(row)
    workbook.save(tmp_path / "pages.xlsx")
    result = invoke("inspect", str(tmp_path / "pages.xlsx"), "--lang", lang)
    assert result.exit_code == 0, result.output
    said = [
        " ".join(line.split()) for line in result.stdout.splitlines() if "2211/QĐ-UBND'" in line
    ]
    assert [line.endswith(sources[0]) for line in said] == [True, False, False]
    assert [line.endswith(sources[1]) for line in said] == [False, True, True]
