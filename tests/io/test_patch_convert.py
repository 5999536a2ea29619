"""The xlsx copy of an xls or ods file keeps what carries meaning: codes kept as numbers show
as they did (1.004150, not 1.00415), hidden rows, columns and sheets stay hidden, merged
cells stay merged; what it cannot keep is said in a note."""

from __future__ import annotations

import struct
import zipfile
from pathlib import Path

import openpyxl
import pytest

from procaudit.core.changes import CellChange
from procaudit.io import patch_convert
from procaudit.io.patch import write_repaired
from procaudit.io.xls_layout import xls_layout

HEADER = ["STT", "Mã TTHC", "Tên thủ tục hành chính", "Cấp thực hiện", "Ghi chú cũ"]
CODES = [1.00415, 1.013807, 1.01383]  # 1.004150 and 1.013807 as "0.000000"; 1.01383 General
NAMES = ["Đăng ký  khai sinh", "Đăng ký kết hôn", "Cấp bản sao trích lục"]


def _xls(path: Path) -> Path:
    xlwt = pytest.importorskip("xlwt", reason="xlwt is not installed to write xls")
    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("Danh mục")
    six = xlwt.easyxf(num_format_str="0.000000")
    for column, header in enumerate(HEADER):
        sheet.write(0, column, header)
    for row, (code, name) in enumerate(zip(CODES, NAMES, strict=True), start=1):
        sheet.write(row, 0, row)
        sheet.write(row, 1, code, six if row < 3 else xlwt.easyxf(""))
        sheet.write(row, 2, name)
        sheet.write(row, 3, "Cấp xã")
        sheet.write(row, 4, "cũ")
    sheet.col(4).hidden = True
    sheet.row(2).hidden = True
    sheet.col(2).width = 48 * 256  # a wide name column, in 1/256 of a character
    sheet.set_panes_frozen(True)  # the heading row and the STT column stay in view
    sheet.set_horz_split_pos(1)
    sheet.set_vert_split_pos(1)
    old = book.add_sheet("Cũ")
    old.write(0, 0, "bản cũ")
    old.visibility = 1
    book.save(str(path))
    return path


def _repair(source: Path, target: Path, sheet: str) -> tuple[openpyxl.Workbook, tuple[str, ...]]:
    fixed = CellChange("f", sheet, 2, 2, None, NAMES[0], "Đăng ký khai sinh", ("PA603",), True)
    result = write_repaired(source, [fixed], target)
    assert result.written == (fixed,)
    return openpyxl.load_workbook(target), result.notes


def test_an_xls_copy_keeps_number_formats_and_what_was_hidden(tmp_path: Path) -> None:
    book, notes = _repair(_xls(tmp_path / "list.xls"), tmp_path / "out.xlsx", "Danh mục")
    sheet = book["Danh mục"]
    assert [sheet.cell(row, 2).value for row in (2, 3, 4)] == CODES  # numbers still
    assert [sheet.cell(row, 2).number_format for row in (2, 3, 4)] == [
        "0.000000",
        "0.000000",
        "General",  # shown 1.01383, as in the original
    ]
    assert sheet["C2"].value == "Đăng ký khai sinh"
    assert sheet.column_dimensions["E"].hidden
    assert sheet.row_dimensions[3].hidden and not sheet.row_dimensions[2].hidden
    assert book["Cũ"].sheet_state == "hidden"
    assert sheet.column_dimensions["C"].width == 48  # as wide as the official made it
    assert sheet.freeze_panes == "B2"
    assert book["Cũ"].freeze_panes is None
    assert (
        "column widths, frozen panes, autofilters and hidden rows and columns are the original's"
        in notes[0]
    )


def test_an_xls_whose_records_cannot_be_read_says_what_is_lost(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without the formats, a code the check reads otherwise than its number is written as
    the code read, as text; the note says hidden rows and columns are shown."""
    source = _xls(tmp_path / "list.xls")
    monkeypatch.setattr(patch_convert, "xls_layout", lambda path: None)
    book, notes = _repair(source, tmp_path / "out.xlsx", "Danh mục")
    sheet = book["Danh mục"]
    assert (sheet["B2"].value, sheet["B2"].number_format) == ("1.004150", "@")
    assert sheet["B3"].value == CODES[1]  # read as it shows: left a number
    assert sheet["B4"].value == "1.013830"  # as the check reads it
    assert "hide them again" in notes[0]
    assert [note for note in notes if note.startswith("2 codes kept as numbers")]


def test_xls_records_that_are_not_a_workbook_give_nothing(tmp_path: Path) -> None:
    path = tmp_path / "x.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    assert xls_layout(path) is None


def _ods(path: Path) -> Path:
    pytest.importorskip("odf", reason="odfpy is not installed to write ods")
    from odf.number import Number, NumberStyle
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.style import Style, TableColumnProperties
    from odf.table import CoveredTableCell, Table, TableCell, TableColumn, TableRow
    from odf.text import P

    document = OpenDocumentSpreadsheet()
    six = NumberStyle(name="N6")
    six.addElement(Number(decimalplaces=6, minintegerdigits=1))
    document.automaticstyles.addElement(six)
    cell_style = Style(name="ce6", family="table-cell", datastylename="N6")
    document.automaticstyles.addElement(cell_style)
    wide = Style(name="co2", family="table-column")  # 48 characters, as LibreOffice writes it
    wide.addElement(TableColumnProperties(columnwidth="4.6665in"))
    document.automaticstyles.addElement(wide)
    table = Table(name="Danh mục")
    for column in range(len(HEADER)):
        visibility = "collapse" if column == 4 else "visible"
        table.addElement(
            TableColumn(visibility=visibility, stylename=wide)
            if column == 2
            else TableColumn(visibility=visibility)
        )

    def text(value: str, **kw: object) -> TableCell:
        cell = TableCell(valuetype="string", **kw)
        cell.addElement(P(text=value))
        return cell

    header = TableRow()
    for value in HEADER:
        header.addElement(text(value))
    table.addElement(header)
    for row, (code, name) in enumerate(zip(CODES, NAMES, strict=True), start=1):
        line = TableRow(visibility="collapse" if row == 2 else "visible")
        number = TableCell(valuetype="float", value=row)
        number.addElement(P(text=str(row)))
        line.addElement(number)
        code_cell = TableCell(valuetype="float", value=code, stylename=cell_style)
        code_cell.addElement(P(text=f"{code:.6f}"))
        line.addElement(code_cell)
        line.addElement(text(name))
        line.addElement(text("Cấp xã", numberrowsspanned=3) if row == 1 else CoveredTableCell())
        line.addElement(text("cũ"))
        table.addElement(line)
    document.spreadsheet.addElement(table)
    document.save(str(path))
    return path


def test_an_ods_copy_keeps_its_codes_merges_and_what_was_hidden(tmp_path: Path) -> None:
    book, notes = _repair(_ods(tmp_path / "list.ods"), tmp_path / "out.xlsx", "Danh mục")
    sheet = book["Danh mục"]
    assert (sheet["B2"].value, sheet["B2"].number_format) == ("1.004150", "@")
    assert sheet["B3"].value == CODES[1]
    assert sheet.column_dimensions["E"].hidden
    assert sheet.row_dimensions[3].hidden and not sheet.row_dimensions[2].hidden
    assert [str(cells) for cells in sheet.merged_cells.ranges] == ["D2:D4"]
    assert sheet.column_dimensions["C"].width == 48  # the name column as wide as it was
    assert (
        "column widths, frozen panes, autofilters and hidden rows and columns are the original's"
        in notes[0]
    )


_VIEW_SETTINGS = (
    '<?xml version="1.0" encoding="UTF-8"?><office:document-settings '
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:config="urn:oasis:names:tc:opendocument:xmlns:config:1.0"><office:settings>'
    '<config:config-item-set config:name="ooo:view-settings">'
    '<config:config-item-map-indexed config:name="Views"><config:config-item-map-entry>'
    '<config:config-item-map-named config:name="Tables">'
    '<config:config-item-map-entry config:name="Danh mục">'
    '<config:config-item config:name="HorizontalSplitMode" config:type="short">2'
    "</config:config-item>"
    '<config:config-item config:name="VerticalSplitMode" config:type="short">2'
    "</config:config-item>"
    '<config:config-item config:name="HorizontalSplitPosition" config:type="int">2'
    "</config:config-item>"
    '<config:config-item config:name="VerticalSplitPosition" config:type="int">1'
    "</config:config-item>"
    "</config:config-item-map-entry></config:config-item-map-named>"
    "</config:config-item-map-entry></config:config-item-map-indexed>"
    "</config:config-item-set></office:settings></office:document-settings>"
)
_FILTER = (
    "<table:database-ranges><table:database-range "
    'table:name="__Anonymous_Sheet_DB__0" '
    "table:target-range-address=\"'Danh mục'.A1:'Danh mục'.E4\" "
    'table:display-filter-buttons="true"/></table:database-ranges>'
)


def test_an_ods_copy_keeps_its_frozen_panes_and_autofilter(tmp_path: Path) -> None:
    """As LibreOffice saves them: the panes in settings.xml (a split of mode 2, at column 2
    and row 1), the filter as a database range showing its buttons."""
    plain = _ods(tmp_path / "plain.ods")
    source = tmp_path / "list.ods"
    with zipfile.ZipFile(plain) as original, zipfile.ZipFile(source, "w") as viewed:
        for item in original.infolist():
            data = original.read(item)
            if item.filename == "content.xml":
                data = data.replace(
                    b"</office:spreadsheet>", _FILTER.encode() + b"</office:spreadsheet>"
                )
            if item.filename != "settings.xml":
                viewed.writestr(item, data)
        viewed.writestr("settings.xml", _VIEW_SETTINGS)
    book, _ = _repair(source, tmp_path / "out.xlsx", "Danh mục")
    assert book["Danh mục"].freeze_panes == "C2"
    assert book["Danh mục"].auto_filter.ref == "A1:E4"
    book, _ = _repair(plain, tmp_path / "plain.xlsx", "Danh mục")
    assert book["Danh mục"].freeze_panes is None and book["Danh mục"].auto_filter.ref is None


def _record(kind: int, body: bytes) -> bytes:
    return struct.pack("<HH", kind, len(body)) + body


# The sheet's _FilterDatabase (a hidden built-in name, of sheet 1) over A2:D9, as LibreOffice
# and Excel write it: a PtgArea3d of rows 1-8 and columns 0-3, counted from 0.
_FILTER_NAME = struct.pack("<HBBHHHI", 0x21, 0, 1, 11, 0, 1, 0) + b"\x00\x0d"
_FILTER_NAME += struct.pack("<BHHHHH", 0x3B, 0, 1, 8, 0, 3)


def _small_xls(path: Path, filter_name: bool = False, filter_on: bool = False) -> Path:
    """A compound file whose Workbook stream is under 4,096 bytes, so held in the mini stream
    (Excel and xlwt pad theirs past it): one sheet "DM", row 2 hidden, column D hidden, B1 a
    number formatted "0.000000"; with `filter_name` the sheet's autofilter range, with
    `filter_on` its AUTOFILTERINFO (the filter is on)."""
    sheet = b"".join(
        [
            _record(0x0809, struct.pack("<HH", 0x0600, 0x10) + bytes(12)),
            *([_record(0x009D, struct.pack("<H", 4))] if filter_on else []),
            _record(0x0208, struct.pack("<HHHHHHHH", 1, 0, 4, 255, 0, 0, 0x20, 0)),
            _record(0x007D, struct.pack("<HHHHHH", 3, 3, 2000, 0, 1, 0)),
            _record(0x0203, struct.pack("<HHHd", 0, 1, 1, 1.00415)),
            _record(0x000A, b""),
        ]
    )
    head = [
        _record(0x0809, struct.pack("<HH", 0x0600, 0x05) + bytes(12)),
        _record(0x041E, struct.pack("<HHB", 164, 8, 0) + b"0.000000"),
        _record(0x00E0, struct.pack("<HH", 0, 0) + bytes(16)),
        _record(0x00E0, struct.pack("<HH", 0, 164) + bytes(16)),
    ]
    names = [_record(0x0018, _FILTER_NAME)] if filter_name else []
    bound_size = 4 + 8 + 2
    globals_size = sum(map(len, head + names)) + bound_size + 4
    head.append(_record(0x0085, struct.pack("<IBBBB", globals_size, 0, 0, 2, 0) + b"DM"))
    stream = b"".join([*head, *names, _record(0x000A, b""), sheet])
    minis = -(-len(stream) // 64)
    mini_stream = stream.ljust(minis * 64, b"\0")
    sectors = -(-len(mini_stream) // 512)
    end, free = 0xFFFFFFFE, 0xFFFFFFFF
    fat = [0xFFFFFFFD, end, end, *range(4, 3 + sectors), end]
    mini_fat = [*range(1, minis), end]

    def entry(name: str, kind: int, start: int, size: int) -> bytes:
        encoded = (name + "\0").encode("utf-16-le")
        return (
            encoded.ljust(64, b"\0")
            + struct.pack("<HBB", len(encoded), kind, 1)
            + struct.pack("<III", free, free, free)
            + bytes(36)
            + struct.pack("<IQ", start, size)
        )

    header = (
        bytes.fromhex("d0cf11e0a1b11ae1")
        + bytes(16)
        + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)
        + bytes(10)
        + struct.pack("<IIIIIIII", 1, 1, 0, 4096, 2, 1, end, 0)
        + struct.pack("<109I", 0, *[free] * 108)
    )
    directory = entry("Root Entry", 5, 3, len(mini_stream)) + entry("Workbook", 2, 0, len(stream))
    body = [
        struct.pack(f"<{len(fat)}I", *fat).ljust(512, b"\xff"),
        directory.ljust(512, b"\0"),
        struct.pack(f"<{len(mini_fat)}I", *mini_fat).ljust(512, b"\xff"),
        mini_stream.ljust(sectors * 512, b"\0"),
    ]
    path.write_bytes(header + b"".join(body))
    return path


def test_a_small_xls_is_read_from_its_mini_stream(tmp_path: Path) -> None:
    found = xls_layout(_small_xls(tmp_path / "small.xls"))
    assert found is not None
    assert found["DM"].hidden_rows == [(2, 2)]
    assert found["DM"].hidden_columns == [(3, 3)]
    assert found["DM"].formats == {(1, 1): "0.000000"}
    assert found["DM"].filtered is None


@pytest.mark.parametrize(
    ("filter_name", "filter_on", "filtered"),
    [
        (True, True, (2, 0, 9, 3)),  # A2:D9
        (True, False, None),  # a _FilterDatabase left behind by a filter turned off
        (False, True, None),
    ],
)
def test_an_xls_sheet_s_autofilter_is_read(
    tmp_path: Path, filter_name: bool, filter_on: bool, filtered: tuple[int, ...] | None
) -> None:
    """The autofilter of an xls file was not carried into its xlsx copy."""
    found = xls_layout(_small_xls(tmp_path / "small.xls", filter_name, filter_on))
    assert found is not None
    assert found["DM"].filtered == filtered
    assert found["DM"].hidden_rows == [(2, 2)]  # the records after it still read


def test_an_xls_copy_keeps_its_autofilter(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = _xls(tmp_path / "list.xls")
    layout = xls_layout(source)
    assert layout is not None
    layout["Danh mục"].filtered = (1, 0, 4, 4)
    monkeypatch.setattr(patch_convert, "xls_layout", lambda path: layout)
    book, _ = _repair(source, tmp_path / "out.xlsx", "Danh mục")
    assert book["Danh mục"].auto_filter.ref == "A1:E4"
    assert book["Cũ"].auto_filter.ref is None


def _strict(path: Path) -> Path:
    """An xlsx as Excel saves it under "Strict Open XML Spreadsheet": the ISO namespaces in
    every part, which openpyxl does not know (it loads no sheet)."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Danh mục"
    sheet.append(HEADER[:4])
    sheet.append([1, "1.004150", NAMES[0], "Cấp xã"])
    book.save(path)
    swaps = (
        (
            b"schemas.openxmlformats.org/spreadsheetml/2006/main",
            b"purl.oclc.org/ooxml/spreadsheetml/main",
        ),
        (
            b"schemas.openxmlformats.org/officeDocument/2006/relationships",
            b"purl.oclc.org/ooxml/officeDocument/relationships",
        ),
    )
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    with zipfile.ZipFile(path, "w") as archive:
        for name, body in parts.items():
            for old, new in swaps:
                body = body.replace(old, new)
            archive.writestr(name, body)
    return path


def test_a_strict_open_xml_workbook_is_repaired_into_an_xlsx_copy(tmp_path: Path) -> None:
    book, notes = _repair(_strict(tmp_path / "strict.xlsx"), tmp_path / "out.xlsx", "Danh mục")
    sheet = book["Danh mục"]
    assert [cell.value for cell in sheet[2]] == [1, "1.004150", "Đăng ký khai sinh", "Cấp xã"]
    assert notes[0].startswith("procaudit cannot write Strict Open XML files")
