"""The repaired copy keeps the file as the official made it: only the changed cells differ.

Workbooks are compared with openpyxl cell by cell and by their layout (merges, widths,
heights, comments, validation, other sheets); CSV files byte by byte against the file as it
would have been saved with the repaired text.
"""

from __future__ import annotations

import codecs
import importlib.util
import io
import re
import sys
import unicodedata
import zipfile
from pathlib import Path
from types import ModuleType

import openpyxl
import pytest
from openpyxl.comments import Comment
from openpyxl.styles import Font
from openpyxl.worksheet.datavalidation import DataValidation

from conftest import LAYOUTS
from procaudit.core.changes import CellChange
from procaudit.core.errors import UsageError
from procaudit.io.csv_reader import read_csv_grid
from procaudit.io.excel_reader import read_workbook
from procaudit.io.patch import PatchResult, write_repaired
from procaudit.io.patch_workbook import lost_parts


def change(
    row: int,
    column: int,
    before: str,
    after: str,
    sheet: str | None = None,
    path: str = "f",
) -> CellChange:
    return CellChange(path, sheet, row, column, None, before, after, ("R",), True)


# --- workbooks ------------------------------------------------------------------------------

SHEET, OTHER = "Danh mục", "Ghi chú"


def _workbook(path: Path) -> Path:
    """A catalogue sheet as an official lays it out, and a second sheet."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = SHEET
    sheet["A1"] = "DANH MỤC THỦ TỤC HÀNH CHÍNH"
    sheet.merge_cells("A1:D1")
    for column, header in enumerate(("Mã", "Tên thủ tục", "Số quyết định", "Độ dài"), 1):
        sheet.cell(row=2, column=column, value=header).font = Font(bold=True)
    sheet.append(["1.001", "Cấp  giấy phép", "QD 12/2024", "=LEN(B3)"])
    sheet.append([1.1, "Đăng ký  khai sinh", "Số: 15/QĐ-UBND", 7])
    sheet.column_dimensions["B"].width = 48
    sheet.column_dimensions["C"].width = 22.5
    sheet.row_dimensions[2].height = 30
    sheet["B3"].comment = Comment("Kiểm tra lại", "Chuyên viên")
    validation = DataValidation(type="list", formula1='"Cấp tỉnh,Cấp xã"')
    validation.add("E3:E40")
    sheet.add_data_validation(validation)
    sheet.freeze_panes = "A3"
    other = workbook.create_sheet(OTHER)
    other.append(["Ghi chú", "Người lập"])
    other.append(["Theo Quyết định 1890/QĐ-UBND", "Nguyễn Văn A"])
    workbook.save(path)
    return path


def _cells(path: Path) -> dict[tuple[str, str], tuple[object, str]]:
    workbook = openpyxl.load_workbook(path)
    return {
        (sheet.title, cell.coordinate): (cell.value, cell.number_format)
        for sheet in workbook.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if cell.value is not None
    }


def test_a_workbook_keeps_its_layout_and_only_the_changed_cells_differ(tmp_path: Path) -> None:
    source = _workbook(tmp_path / "in.xlsx")
    original = source.read_bytes()
    changes = [
        change(3, 1, "Cấp  giấy phép", "Cấp giấy phép", SHEET),
        change(3, 2, "QD 12/2024", "QĐ 12/2024", SHEET),
        change(4, 0, "1.1", "1.10", SHEET),  # a code stored as a number, its zero given back
    ]
    result = write_repaired(source, changes, tmp_path / "out.xlsx")

    assert result == PatchResult(tuple(changes), (), None, ())
    assert source.read_bytes() == original
    before, after = _cells(source), _cells(tmp_path / "out.xlsx")
    differing = {key for key in before.keys() | after.keys() if before.get(key) != after.get(key)}
    assert differing == {(SHEET, "B3"), (SHEET, "C3"), (SHEET, "A4")}
    assert after[SHEET, "B3"] == ("Cấp giấy phép", "General")
    assert after[SHEET, "C3"] == ("QĐ 12/2024", "General")
    assert after[SHEET, "A4"] == ("1.10", "@")  # text now, formatted as text

    copy = openpyxl.load_workbook(tmp_path / "out.xlsx")[SHEET]
    assert [str(merged) for merged in copy.merged_cells.ranges] == ["A1:D1"]
    assert copy["A2"].font.bold and copy["D2"].font.bold
    assert copy.column_dimensions["B"].width == 48
    assert copy.column_dimensions["C"].width == 22.5
    assert copy.row_dimensions[2].height == 30
    assert copy["B3"].comment is not None and copy["B3"].comment.text == "Kiểm tra lại"
    assert [str(v.sqref) for v in copy.data_validations.dataValidation] == ["E3:E40"]
    assert copy.freeze_panes == "A3"
    assert copy["D3"].value == "=LEN(B3)"


def test_a_formula_and_a_cell_changed_since_the_plan_are_skipped(tmp_path: Path) -> None:
    source = _workbook(tmp_path / "in.xlsx")
    formula = change(3, 3, "", "14", SHEET)
    stale = change(4, 1, "Đăng ký khai sinh", "Đăng ký khai sinh.", SHEET)
    gone = change(2, 0, "Mã", "MÃ", "Trang khác")
    twice = [change(3, 2, "QD 12/2024", "QĐ 12/2024", SHEET)] * 2
    result = write_repaired(source, [formula, stale, gone, *twice], tmp_path / "out.xlsx")

    assert result.written == (twice[0],)
    reasons = {id(skipped): reason for skipped, reason in result.skipped}
    assert "formula" in reasons[id(formula)]
    assert "Đăng ký  khai sinh" in reasons[id(stale)]  # what the cell holds now
    assert "Trang khác" in reasons[id(gone)]
    assert len(result.skipped) == 4  # the second change of C3 too
    after = _cells(tmp_path / "out.xlsx")
    assert after[SHEET, "D3"] == ("=LEN(B3)", "General")
    assert after[SHEET, "B4"][0] == "Đăng ký  khai sinh"


def test_a_workbook_without_changes_keeps_every_cell(tmp_path: Path) -> None:
    source = _workbook(tmp_path / "in.xlsx")
    result = write_repaired(source, [], tmp_path / "out.xlsx")
    assert result == PatchResult((), (), None, ())
    assert _cells(tmp_path / "out.xlsx") == _cells(source)


@pytest.mark.parametrize(
    ("font", "rules", "shown"),
    [
        (".VnTime", ("PA601",), "Times New Roman"),
        (".VnTimeH", ("PA601", "PA603"), "Times New Roman"),
        (".VnArial", ("PA601",), "Arial"),
        ("VNI-Times", ("PA601",), "Times New Roman"),
        ("VNI-Helve", ("PA601",), "Arial"),
        ("Times New Roman", ("PA601",), "Times New Roman"),  # already Unicode's
        (".VnTime", ("PA603",), ".VnTime"),  # not converted: its font is the official's
    ],
)
def test_a_cell_converted_from_a_legacy_font_is_shown_in_a_unicode_font(
    tmp_path: Path, font: str, rules: tuple[str, ...], shown: str
) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = SHEET
    sheet["A1"], sheet["A2"] = "Tên thủ tục", "Thñ tôc"
    sheet["A2"].font = Font(name=font, bold=True, size=13)
    workbook.save(tmp_path / "in.xlsx")
    converted = CellChange("f", SHEET, 2, 0, None, "Thñ tôc", "Thủ tục", rules, True)
    result = write_repaired(tmp_path / "in.xlsx", [converted], tmp_path / "out.xlsx")
    cell = openpyxl.load_workbook(tmp_path / "out.xlsx")[SHEET]["A2"]
    assert (cell.value, cell.font.name, cell.font.b, cell.font.sz) == ("Thủ tục", shown, True, 13)
    refonted = shown != font
    assert any("Unicode font" in note for note in result.notes) == refonted


def test_text_starting_with_an_equals_sign_stays_text(tmp_path: Path) -> None:
    source = _workbook(tmp_path / "in.xlsx")
    write_repaired(source, [change(4, 2, "Số: 15/QĐ-UBND", "=15", SHEET)], tmp_path / "o.xlsx")
    cell = openpyxl.load_workbook(tmp_path / "o.xlsx")[SHEET]["C4"]
    assert (cell.value, cell.data_type) == ("=15", "s")


def _zip(*names: str, drawing: bytes = b"") -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in names:
            archive.writestr(name, drawing if "drawings/" in name else b"")
    return buffer.getvalue()


def test_what_openpyxl_drops_is_said_in_a_note() -> None:
    shape = b"<xdr:wsDr><xdr:twoCellAnchor><xdr:sp><xdr:txBody/></xdr:sp></xdr:twoCellAnchor>"
    original = _zip(
        "xl/charts/chart1.xml",
        "xl/charts/chart2.xml",
        "xl/slicers/slicer1.xml",
        "xl/drawings/drawing1.xml",
        drawing=shape,
    )
    copy = _zip("xl/charts/chart1.xml", "xl/drawings/drawing1.xml", drawing=b"<xdr:wsDr/>")
    notes = lost_parts(original, copy)
    assert len(notes) == 3
    assert "1 of the original's 2 charts" in notes[0]
    assert "slicers" in notes[1] and "shapes and text boxes" in notes[2]
    assert lost_parts(original, original) == []


def _media(path: Path) -> list[bytes]:
    with zipfile.ZipFile(path) as archive:
        return sorted(archive.read(n) for n in archive.namelist() if n.startswith("xl/media/"))


def test_a_picture_and_a_chart_are_kept(tmp_path: Path) -> None:
    """A logo and a scanned signature were dropped from the copy: openpyxl reads pictures
    only with Pillow, a dependency for that reason."""
    from openpyxl.chart import BarChart, Reference
    from openpyxl.drawing.image import Image
    from PIL import Image as Picture

    source = _workbook(tmp_path / "in.xlsx")
    workbook = openpyxl.load_workbook(source)
    sheet = workbook[SHEET]
    for name, colour, anchor in (("logo.png", "red", "F2"), ("sig.jpeg", "blue", "F9")):
        Picture.new("RGB", (40, 20), colour).save(tmp_path / name)
        sheet.add_image(Image(tmp_path / name), anchor)
    chart = BarChart()
    chart.add_data(Reference(sheet, min_col=4, min_row=3, max_row=4))
    sheet.add_chart(chart, "H2")
    workbook.save(source)
    result = write_repaired(
        source, [change(3, 1, "Cấp  giấy phép", "Cấp giấy phép", SHEET)], tmp_path / "out.xlsx"
    )
    assert result.notes == ()
    assert len(_media(source)) == 2 and _media(tmp_path / "out.xlsx") == _media(source)
    copy = openpyxl.load_workbook(tmp_path / "out.xlsx")[SHEET]
    anchors = [(image.anchor._from.col, image.anchor._from.row) for image in copy._images]
    assert anchors == [(5, 1), (5, 8)]
    assert len(copy._charts) == 1 and copy["B3"].value == "Cấp giấy phép"


_X14_VALIDATION = (
    b'<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" '
    b'xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main">'
    b'<x14:dataValidations count="1" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main">'
    b'<x14:dataValidation type="list" allowBlank="1"><x14:formula1><xm:f>Lists!$A$1:$A$3</xm:f>'
    b"</x14:formula1><xm:sqref>C3:C4</xm:sqref></x14:dataValidation></x14:dataValidations>"
    b"</ext></extLst>"
)


def test_a_drop_down_list_openpyxl_drops_is_said_in_a_note(tmp_path: Path) -> None:
    # Excel 2010 writes a drop-down list whose items sit on another sheet in the sheet's
    # extension list, which openpyxl does not write back.
    plain = _workbook(tmp_path / "plain.xlsx")
    source = tmp_path / "in.xlsx"
    with zipfile.ZipFile(plain) as original, zipfile.ZipFile(source, "w") as extended:
        for item in original.infolist():
            data = original.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(b"</worksheet>", _X14_VALIDATION + b"</worksheet>")
            extended.writestr(item, data)
    result = write_repaired(
        source, [change(4, 2, "Số: 15/QĐ-UBND", "15/QĐ-UBND", SHEET)], tmp_path / "out.xlsx"
    )
    assert result.notes == (
        "the copy could not keep 1 of the original's 1 drop-down lists of newer Excel "
        "(openpyxl does not write them); the cells are repaired, the rest is as it was",
    )
    assert write_repaired(plain, [], tmp_path / "plain_out.xlsx").notes == ()


def test_an_embedded_document_openpyxl_drops_is_said_in_a_note(tmp_path: Path) -> None:
    """A form's Word template embedded in the sheet (an OLE object) was gone from the copy
    without a word."""
    plain = _workbook(tmp_path / "plain.xlsx")
    source = tmp_path / "in.xlsx"
    with zipfile.ZipFile(plain) as original, zipfile.ZipFile(source, "w") as extended:
        for item in original.infolist():
            extended.writestr(item, original.read(item))
        extended.writestr("xl/embeddings/Microsoft_Word_Document.docx", b"PK mau don")
    result = write_repaired(
        source, [change(4, 2, "Số: 15/QĐ-UBND", "15/QĐ-UBND", SHEET)], tmp_path / "out.xlsx"
    )
    assert result.notes == (
        "the copy could not keep 1 of the original's 1 embedded objects (openpyxl does not "
        "write them); the cells are repaired, the rest is as it was",
    )


# --- xls and ods, written as xlsx ----------------------------------------------------------


def _make_layouts() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_layouts", LAYOUTS / "make_layouts.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def _grid_texts(path: Path) -> dict[tuple[str | None, int, int], str]:
    texts = {}
    for grid in read_workbook(path):
        for (index, column), value in grid.cells.stack().items():
            texts[grid.sheet, int(grid.rows[index]), int(column)] = str(value)
    return texts


@pytest.mark.parametrize(("suffix", "writer"), [(".xls", "xlwt"), (".ods", "odf")])
def test_xls_and_ods_come_back_as_xlsx_with_their_values(
    tmp_path: Path, suffix: str, writer: str
) -> None:
    pytest.importorskip(writer, reason=f"{writer} is not installed to write {suffix}")
    layouts = _make_layouts()
    source = tmp_path / f"annex{suffix}"
    write = layouts.write_xls if suffix == ".xls" else layouts.write_ods
    write(source, layouts.several_sheets())
    texts = _grid_texts(source)
    sheet, row, column = next(key for key, text in texts.items() if "  " not in text)
    repaired = change(row, column, texts[sheet, row, column], "SỬA", sheet)

    result = write_repaired(source, [repaired], tmp_path / "out.xlsx")

    assert result.written == (repaired,) and result.converted_from == suffix[1:]
    assert result.notes and "xlsx" in result.notes[0]
    copied = _grid_texts(tmp_path / "out.xlsx")
    assert copied == texts | {(sheet, row, column): "SỬA"}
    names = [grid.sheet for grid in read_workbook(source)]
    assert openpyxl.load_workbook(tmp_path / "out.xlsx").sheetnames == names


def test_a_converted_copy_must_be_named_xlsx(tmp_path: Path) -> None:
    source = tmp_path / "a.xls"
    source.write_bytes(b"")
    with pytest.raises(UsageError, match=r"must be a \.xlsx file"):
        write_repaired(source, [], tmp_path / "a.xls.fixed")


# --- CSV ------------------------------------------------------------------------------------


def _csv(
    rows: list[list[str]], delimiter: str, newline: str, quoted: frozenset[str] = frozenset()
) -> str:
    """CSV text as Excel saves it: a field quoted when it needs it or is listed in `quoted`."""
    lines = []
    for row in rows:
        fields = []
        for field in row:
            needs = field in quoted or any(c in field for c in (delimiter, '"', "\n", "\r"))
            fields.append('"' + field.replace('"', '""') + '"' if needs else field)
        lines.append(delimiter.join(fields))
    return newline.join(lines) + newline


ROWS = [
    ["Mã", "Tên thủ tục", "Cơ quan", "Số quyết định"],
    ["1.001", "Cấp  giấy phép", "Sở Tư pháp", "QD 12/2024"],
    ["1.002", "Đăng ký khai sinh; khai tử", "UBND cấp xã", "Số: 15/QĐ-UBND"],
    ["1.003", "Chứng thực bản sao", "Phòng Tư pháp", "1890/QĐ-UBND"],
]


def test_a_utf8_bom_semicolon_crlf_csv_changes_only_its_changed_fields(tmp_path: Path) -> None:
    def encoded(rows: list[list[str]]) -> bytes:
        agencies = frozenset({"Sở Tư pháp", "Sở Tư Pháp"})  # quoted as the official had it
        return codecs.BOM_UTF8 + _csv(rows, ";", "\r\n", agencies).encode()

    source = tmp_path / "in.csv"
    source.write_bytes(encoded(ROWS))
    changes = [
        change(2, 1, "Cấp  giấy phép", "Cấp giấy phép"),
        change(2, 2, "Sở Tư pháp", "Sở Tư Pháp"),  # a quoted field stays quoted
        change(3, 3, "Số: 15/QĐ-UBND", "15/QĐ-UBND"),
    ]
    result = write_repaired(source, changes, tmp_path / "out.csv")

    assert result == PatchResult(tuple(changes), (), None, ())
    fixed = [list(row) for row in ROWS]
    fixed[1][1:3] = ["Cấp giấy phép", "Sở Tư Pháp"]
    fixed[2][3] = "15/QĐ-UBND"
    assert (tmp_path / "out.csv").read_bytes() == encoded(fixed)
    assert b'"S\xe1\xbb\x9f T\xc6\xb0 Ph\xc3\xa1p"' in (tmp_path / "out.csv").read_bytes()
    _, dialect = read_csv_grid(tmp_path / "out.csv")
    assert (dialect.encoding, dialect.delimiter) == ("utf-8-sig", ";")


def _cp1258(text: str) -> bytes:
    return _make_layouts().vietnamese_cp1258(text)


def test_a_windows_1258_comma_lf_csv_stays_windows_1258(tmp_path: Path) -> None:
    rows = [[field.replace(";", ",") for field in row] for row in ROWS]
    source = tmp_path / "in.csv"
    source.write_bytes(_cp1258(_csv(rows, ",", "\n")))
    changes = [
        change(2, 1, "Cấp  giấy phép", "Cấp giấy phép hoặc gia hạn"),  # ặ, ạ: letter + tone mark
        change(3, 1, "Đăng ký khai sinh, khai tử", "Đăng ký khai sinh, khai tử → ngay"),
    ]
    result = write_repaired(source, changes, tmp_path / "out.csv")

    assert result.written == (changes[0],)
    assert result.skipped[0][0] == changes[1] and "Windows-1258" in result.skipped[0][1]
    fixed = [list(row) for row in rows]
    fixed[1][1] = "Cấp giấy phép hoặc gia hạn"
    assert (tmp_path / "out.csv").read_bytes() == _cp1258(_csv(fixed, ",", "\n"))
    grid, dialect = read_csv_grid(tmp_path / "out.csv")
    assert (dialect.encoding, dialect.delimiter) == ("windows-1258", ",")
    assert grid.cells.iloc[1, 1] == unicodedata.normalize("NFC", "Cấp giấy phép hoặc gia hạn")


def test_a_quoted_multi_line_cell_moves_the_line_the_next_record_starts_on(
    tmp_path: Path,
) -> None:
    rows = [
        ["Mã", "Tên thủ tục", "Ghi chú"],
        ["1.001", "Cấp giấy phép\nxây dựng\nnhà ở", "QD 12"],  # lines 2 to 4
        ["1.002", "Đăng ký  khai sinh", "QD 15"],  # line 5
    ]
    source = tmp_path / "in.csv"
    source.write_bytes(_csv(rows, ",", "\r\n").encode())
    grid, _ = read_csv_grid(source)
    assert list(grid.rows) == [1, 2, 5]  # as procaudit check reports them
    assert grid.cells.iloc[1, 1] == "Cấp giấy phép\nxây dựng\nnhà ở"
    changes = [
        change(5, 1, "Đăng ký  khai sinh", "Đăng ký khai sinh"),
        change(2, 2, "QD 12", "QĐ 12"),
        change(2, 1, "Cấp giấy phép\nxây dựng\nnhà ở", "Cấp giấy phép\nxây dựng nhà ở"),
        change(3, 1, "xây dựng", "Xây dựng"),  # line 3 is inside a record: no record starts
    ]
    result = write_repaired(source, changes, tmp_path / "out.csv")

    assert result.written == tuple(changes[:3])
    assert [skipped for skipped, _ in result.skipped] == [changes[3]]
    fixed = [list(row) for row in rows]
    fixed[1][1:] = ["Cấp giấy phép\nxây dựng nhà ở", "QĐ 12"]
    fixed[2][1] = "Đăng ký khai sinh"
    assert (tmp_path / "out.csv").read_bytes() == _csv(fixed, ",", "\r\n").encode()


def test_a_stale_or_missing_csv_field_is_skipped(tmp_path: Path) -> None:
    source = tmp_path / "in.csv"
    source.write_bytes(_csv(ROWS, ",", "\n").encode())
    stale = change(2, 1, "Cấp giấy phép", "Cấp Giấy phép")
    missing = change(2, 9, "x", "y")
    past_the_end = change(40, 0, "x", "y")
    result = write_repaired(source, [stale, missing, past_the_end], tmp_path / "out.csv")
    assert result.written == ()
    assert [skipped for skipped, _ in result.skipped] == [stale, missing, past_the_end]
    assert (tmp_path / "out.csv").read_bytes() == source.read_bytes()


@pytest.mark.parametrize(
    "content",
    [
        codecs.BOM_UTF8 + b'a;b\r\n1;"x""y"\r\n\r\n2;z',  # no final line end
        "Mã\tTên\n1\tCấp\n".encode("utf-16"),
        b"M\xe3,T\xean\r1,C\xe2\xecp\r",  # Windows-1258, old Mac line ends
    ],
)
def test_writing_no_changes_gives_the_same_bytes(tmp_path: Path, content: bytes) -> None:
    source = tmp_path / "in.csv"
    source.write_bytes(content)
    assert write_repaired(source, [], tmp_path / "out.csv") == PatchResult((), ())
    assert (tmp_path / "out.csv").read_bytes() == content


def test_utf16_keeps_its_byte_order_mark_and_order(tmp_path: Path) -> None:
    source = tmp_path / "in.csv"
    source.write_bytes(codecs.BOM_UTF16_BE + "Mã\tTên\n1\tCấp  phép\n".encode("utf-16-be"))
    write_repaired(source, [change(2, 1, "Cấp  phép", "Cấp phép")], tmp_path / "out.csv")
    expected = codecs.BOM_UTF16_BE + "Mã\tTên\n1\tCấp phép\n".encode("utf-16-be")
    assert (tmp_path / "out.csv").read_bytes() == expected


def test_a_new_text_that_needs_quotes_gets_them(tmp_path: Path) -> None:
    source = tmp_path / "in.csv"
    source.write_bytes(b"a,b\n1,x\n")
    write_repaired(source, [change(2, 1, "x", 'x, "y"')], tmp_path / "out.csv")
    assert (tmp_path / "out.csv").read_bytes() == b'a,b\n1,"x, ""y"""\n'


# A cell written as Excel's text formula is read as Excel shows it, and repaired in that form.
EXCEL_TEXT = {
    "a code": (b'a,b\n1,="1.0O1234"\n', "1.0O1234", "1.001234", b'a,b\n1,="1.001234"\n'),
    "quotes inside": (b'a,b\n1,="x ""y"""\n', 'x "y"', "x", b'a,b\n1,="x"\n'),
    "another formula stays as written": (b"a,b\n1,=A1\n", "=A1", "A1", b"a,b\n1,A1\n"),
}


@pytest.mark.parametrize(
    ("content", "before", "after", "written"), EXCEL_TEXT.values(), ids=EXCEL_TEXT
)
def test_an_excel_text_formula_is_repaired_in_its_form(
    tmp_path: Path, content: bytes, before: str, after: str, written: bytes
) -> None:
    source = tmp_path / "in.csv"
    source.write_bytes(content)
    result = write_repaired(source, [change(2, 1, before, after)], tmp_path / "out.csv")
    assert (len(result.written), (tmp_path / "out.csv").read_bytes()) == (1, written)


# --- what the caller may not ask ------------------------------------------------------------


def test_the_copy_is_never_written_over_the_source(tmp_path: Path) -> None:
    source = tmp_path / "in.csv"
    source.write_bytes(b"a,b\n1,x\n")
    with pytest.raises(UsageError, match="cannot be written over it"):
        write_repaired(source, [], tmp_path / "." / "in.csv")
    assert source.read_bytes() == b"a,b\n1,x\n"


@pytest.mark.parametrize(
    ("name", "target"), [("in.xlsx", "out.csv"), ("in.xlsm", "out.xlsx"), ("in.csv", "out.xlsx")]
)
def test_a_copy_in_another_format_is_refused(tmp_path: Path, name: str, target: str) -> None:
    source = tmp_path / name
    source.write_bytes(b"")
    with pytest.raises(UsageError, match="must be a"):
        write_repaired(source, [], tmp_path / target)
    assert not (tmp_path / target).exists()


def _with_saved_values(path: Path, values: dict[str, str]) -> None:
    """Give formula cells the saved values Excel writes (openpyxl writes none)."""
    with zipfile.ZipFile(path) as archive:
        parts = {info: archive.read(info) for info in archive.infolist()}
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for info, data in parts.items():
            if info.filename == "xl/worksheets/sheet1.xml":
                text = data.decode("utf-8")
                for cell, value in values.items():
                    start = text.index(f'<c r="{cell}"')
                    end = text.index("</c>", start)
                    saved = re.sub(r"<v\s*/>|<v></v>", f"<v>{value}</v>", text[start:end])
                    saved = saved.replace(f'<c r="{cell}"', f'<c r="{cell}" t="str"', 1)
                    text = text[:start] + saved + text[end:]
                data = text.encode("utf-8")
            archive.writestr(info, data)
    path.write_bytes(out.getvalue())


def test_formulas_keep_the_values_excel_saved(tmp_path: Path) -> None:
    """openpyxl writes a formula without its saved value: a reader of saved values (as
    procaudit is) saw the copy's formulas empty, and check reported the codes missing."""
    source = tmp_path / "in.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = SHEET
    sheet.append(["Mã TTHC", "Tên thủ tục"])
    sheet.append(['="1.00"&"0178"', "Đăng ký  khai sinh"])
    book.save(source)
    _with_saved_values(source, {"A2": "1.000178"})
    assert _grid_texts(source)[SHEET, 2, 0] == "1.000178"  # as Excel saved it

    result = write_repaired(
        source,
        [change(2, 1, "Đăng ký  khai sinh", "Đăng ký khai sinh", SHEET)],
        tmp_path / "out.xlsx",
    )
    assert len(result.written) == 1 and not result.notes
    copy = _grid_texts(tmp_path / "out.xlsx")
    assert (copy[SHEET, 2, 0], copy[SHEET, 2, 1]) == ("1.000178", "Đăng ký khai sinh")
    assert _cells(tmp_path / "out.xlsx")[SHEET, "A2"][0] == '="1.00"&"0178"'


def test_a_csv_encoded_twice_is_copied_mended_in_utf8(tmp_path: Path) -> None:
    text = (
        "STT,Tên thủ tục,Cơ quan\r\n1,Cấp  giấy phép,Sở Tư pháp\r\n2,Đăng ký khai sinh,UBND xã\r\n"
    )
    twice = "".join(
        bytes([byte]).decode("cp1252", errors="ignore") or chr(byte) for byte in text.encode()
    )
    source = tmp_path / "in.csv"
    source.write_bytes(codecs.BOM_UTF8 + twice.encode())
    changes = [change(2, 1, "Cấp  giấy phép", "Cấp giấy phép")]
    result = write_repaired(source, changes, tmp_path / "out.csv")

    assert result.written == tuple(changes)
    assert any("encoded twice" in note for note in result.notes)
    mended = text.replace("Cấp  giấy", "Cấp giấy")
    assert (tmp_path / "out.csv").read_bytes() == codecs.BOM_UTF8 + mended.encode()
