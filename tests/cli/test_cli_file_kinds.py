"""The command line on files whose name or shape misleads: a web page named .xls is
checked, JSON lines and a mostly shifted CSV are refused in one sentence (exit 2), shifted
lines are left out with a note, `fix` will not write a copy of a page named .xls, and a
damaged sheet is one sentence without the parser's words."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

from openpyxl import Workbook
from typer.testing import CliRunner

from procaudit.cli import app

runner = CliRunner()

PAGE = (
    '<html><head><meta charset="utf-8"></head><body><table>'
    '<tr><td colspan="4">DANH SÁCH THỦ TỤC HÀNH CHÍNH</td></tr>'
    "<tr><th>Mã TTHC</th><th>Tên thủ tục</th><th>Cấp thực hiện</th><th>Số quyết định</th></tr>"
    "<tr><td>1.000001</td><td>Đăng ký khai sinh</td><td>Cấp xã</td><td>1890/QĐ-UBND</td></tr>"
    "<tr><td>1.000002</td><td>Cấp bản sao</td><td>Cấp huyện</td><td>1890/QĐ-UBND</td></tr>"
    "</table></body></html>"
)
HEADER = "Mã TTHC,Tên thủ tục,Cấp thực hiện,Số quyết định\n"
GOOD = "1.000001,Đăng ký khai sinh,Cấp xã,1890/QĐ-UBND\n"
# The unquoted comma moves the level under the decision's header: PA402 would call
# "Cấp tỉnh" a malformed decision number.
SHIFTED = "1.000004,Cấp, đổi giấy phép,Cấp tỉnh,1890/QĐ-UBND\n"


def _write(tmp_path: Path, name: str, text: str, encoding: str = "utf-8") -> str:
    path = tmp_path / name
    path.write_text(text, encoding=encoding)
    return str(path)


def test_a_web_page_named_xls_is_checked(tmp_path: Path) -> None:
    path = _write(tmp_path, "export.xls", PAGE, "utf-16")
    result = runner.invoke(app, ["check", path, "-f", "json"])
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert [(f["rule"], f["sheet"], f["row"]) for f in report["findings"]] == [
        ("PA501", "export", 4)
    ]


def test_json_lines_are_refused_in_one_sentence(tmp_path: Path) -> None:
    records = "".join(
        json.dumps({"ma": f"1.00000{n}", "ten": "Đăng ký, cấp"}, ensure_ascii=False) + "\n"
        for n in range(5)
    )
    path = _write(tmp_path, "export.txt", records)
    result = runner.invoke(app, ["check", path])
    assert result.exit_code == 2
    assert result.stderr == (
        f"procaudit: error: {path}: holds JSON records, not a table: export the list as CSV "
        "or Excel\n"
    )


def test_a_mostly_shifted_csv_is_refused_in_one_sentence(tmp_path: Path) -> None:
    path = _write(tmp_path, "c.csv", HEADER + GOOD + SHIFTED * 2)
    result = runner.invoke(app, ["check", path])
    assert result.exit_code == 2
    assert result.stderr.startswith(
        f"procaudit: error: {path}: cannot be read: 2 of its 3 lines have more fields than "
        "the header (line 3: 5 fields for 4)"
    )
    assert result.stderr.count("\n") == 1


def test_shifted_lines_are_left_out_with_a_note(tmp_path: Path) -> None:
    path = _write(tmp_path, "c.csv", HEADER + GOOD * 2 + SHIFTED)
    result = runner.invoke(app, ["check", path, "-f", "json", "--select", "PA4"])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["findings"] == []  # no PA402 on the shifted line
    assert (
        f"procaudit: note: {path}: 1 of 3 lines have more fields than the header (line 4: "
        "5 fields for 4)"
    ) in result.stderr


def test_fix_will_not_write_a_copy_of_a_web_page_named_xls(tmp_path: Path) -> None:
    path = _write(tmp_path, "export.xls", PAGE.replace("1890/QĐ", "1890/QD"))
    result = runner.invoke(app, ["fix", path, "-o", str(tmp_path / "out.xlsx")])
    assert result.exit_code == 2
    assert result.stderr == (
        f"procaudit: error: {path} is a web page (HTML) named .xls: procaudit reads it but "
        "cannot write its repaired copy; open it in Excel, save it as .xlsx and repair that "
        "file\n"
    )
    assert not (tmp_path / "out.xlsx").exists()


def test_a_parse_error_is_said_in_a_sentence_not_the_parsers_words(tmp_path: Path) -> None:
    # A quote inside a cell is text, but its pair looks like a quoted cell: the line has
    # one field more than the parser was told.
    path = _write(tmp_path, "c.csv", 'STT,Tên thủ tục,Cấp,Mã\n1,ab"c,d",e,f\n')
    result = runner.invoke(app, ["check", path])
    assert result.exit_code == 2
    assert result.stderr == (
        f"procaudit: error: {path}: is not a well-formed CSV file: line 2 has 5 fields where "
        "the lines before it have 4\n"
    )


def _damaged_sheet(tmp_path: Path, damage) -> str:
    """A workbook whose one sheet's XML part `damage` spoils, the rest of the package sound."""
    good, path = tmp_path / "good.xlsx", tmp_path / "damaged.xlsx"
    book = Workbook()
    book.active.title = "Danh mục"
    book.active.append(["Mã TTHC", "Tên thủ tục"])
    book.active.append(["1.000001", "Đăng ký khai sinh"])
    book.save(good)
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(path, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            target.writestr(
                item,
                damage(data)
                if item.filename.startswith("xl/work") and "sheets/sheet" in item.filename
                else data,
            )
    return str(path)


def test_a_damaged_sheet_is_said_in_a_sentence_not_the_parsers_words(tmp_path: Path) -> None:
    for damage in (lambda data: data[: len(data) // 2], lambda data: b""):
        path = _damaged_sheet(tmp_path, damage)
        result = runner.invoke(app, ["check", path, "-q"])
        assert result.exit_code == 2
        assert result.stderr == (
            f"procaudit: error: {path}: has a sheet 'Danh mục' that is damaged and cannot be "
            "read: open the file in Excel, which offers to repair it, and save it again\n"
        )
