"""The workbook habits the fix-list and the diff's workbook share (`report.workbook`)."""

from __future__ import annotations

import io

import openpyxl
import pyarrow as pa
import pytest
from openpyxl.styles import Alignment, Font, PatternFill

from procaudit.report.sheet_columns import Cells, rows_xml, text_array
from procaudit.report.sheet_xml import Note, NoteColumns, SheetRows, Styled
from procaudit.report.workbook import (
    MAX_WIDTH,
    MIN_WIDTH,
    as_text,
    filtered_table,
    fitted_width,
    heading_row,
    neutralise,
    new_workbook,
    row_values,
    set_widths,
    styled,
    workbook_bytes,
)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("=SUM(A1:A3)", "'=SUM(A1:A3)"),
        ("+84 912", "'+84 912"),
        ("-5", "'-5"),
        ("@user", "'@user"),
        ("  =1+1", "'  =1+1"),  # spaces do not hide a formula
        ("\tx", "'\tx"),
        ("Cấp tỉnh", "Cấp tỉnh"),
        ("1 - 2", "1 - 2"),
        ("", ""),
    ],
)
def test_neutralise_keeps_formulas_as_text(text: str, kept: str) -> None:
    assert neutralise(text) == kept


@pytest.mark.parametrize(
    ("longest", "width"),
    [(0, MIN_WIDTH), (6, MIN_WIDTH), (7, 9), (30, 32), (58, MAX_WIDTH), (500, MAX_WIDTH)],
)
def test_fitted_width_is_bounded(longest: int, width: int) -> None:
    assert fitted_width(longest) == width


def test_a_sheet_written_the_shared_way_reads_back() -> None:
    book, sheet = new_workbook("Danh mục")
    set_widths(sheet, {1: 3, 2: 80})
    filtered_table(sheet, columns=2, rows=1)
    heading_row(sheet, ["Mã", "Tên thủ tục"])
    sheet.append(row_values(['=HYPERLINK("x")\x07', "Đăng ký khai sinh", 17]))
    # A control character dropped from before a '=' leaves text that is still text.
    sheet.append(row_values(["\x07=SUM(A1)", None, 0]))
    read = openpyxl.load_workbook(io.BytesIO(workbook_bytes(book)))["Danh mục"]
    assert [cell.value for cell in read[1]] == ["Mã", "Tên thủ tục", None]
    assert read["A1"].font.bold
    assert read["A2"].value == '\'=HYPERLINK("x")'  # text, not a formula; no control byte
    assert (read.column_dimensions["A"].width, read.column_dimensions["B"].width) == (8, 60)
    assert (read.freeze_panes, read.auto_filter.ref) == ("A2", "A1:B2")
    assert (read["C2"].value, read["C2"].data_type) == (17, "n")
    assert (read["A3"].value, read["A3"].data_type) == ("=SUM(A1)", "s")
    assert read["B3"].value is None
    # A filtered table prints landscape, one page wide, its heading on every page.
    assert read.page_setup.orientation == "landscape"
    assert (read.page_setup.fitToWidth, read.page_setup.fitToHeight) == (1, 0)
    assert read.sheet_properties.pageSetUpPr.fitToPage
    assert read.print_title_rows == "$1:$1"


def test_the_same_workbook_gives_the_same_bytes() -> None:
    def made() -> bytes:
        book, sheet = new_workbook("Danh mục")
        heading_row(sheet, ["Mã"])
        return workbook_bytes(book)

    assert made() == made()


def test_texts_numbers_styles_and_notes_read_back_as_written() -> None:
    """The rows are written as XML text: markup characters, spaces at either end, lines,
    empty texts, styles and notes come back as they went in."""
    book, sheet = new_workbook("Danh mục")
    heading_row(sheet, ["Mã", "Tên"])
    sheet.append(row_values(["<b>&amp;</b>", "  hai dòng\nthứ hai  ", "", 0]))
    wrapped = Alignment(wrap_text=True)
    note = Note("PA101: <sai> & \x07thiếu", "procaudit", 320, 60)
    sheet.append([styled(sheet, "x", fill=PatternFill("solid", fgColor="FFC7CE"), note=note), None])
    sheet.append([styled(sheet, "", alignment=wrapped), styled(sheet, 7, font=Font(bold=True))])
    read = openpyxl.load_workbook(io.BytesIO(workbook_bytes(book)))["Danh mục"]
    assert [cell.value for cell in read[2]] == ["<b>&amp;</b>", "  hai dòng\nthứ hai  ", None, 0]
    assert read["A3"].fill.fgColor.rgb.endswith("FFC7CE")
    assert (read["A3"].comment.text, read["A3"].comment.author) == (
        "PA101: <sai> & thiếu",
        "procaudit",
    )
    assert (read["A4"].value, read["A4"].alignment.wrap_text) == (None, True)
    assert (read["B4"].value, read["B4"].font.bold, read["B4"].data_type) == (7, True, "n")
    assert read["A1"].font.bold and not read["A2"].font.bold


# Texts a cell must hold safely, each with what reads back: quoted where a spreadsheet would
# run it, without the characters XML cannot hold, spaces at either end kept.
SAFE_TEXTS = [
    ("=SUM(A1:A3)", "'=SUM(A1:A3)"),
    ("\u00a0-5", "'\u00a0-5"),  # a no-break space does not hide a sign
    ("\u3000@x", "'\u3000@x"),
    ("\rx", "'\nx"),  # XML reads a return as a line feed
    ("\x0b+1", "'+1"),  # a vertical tab: a space to str.strip, which XML cannot hold
    ("a\x07b", "ab"),
    ("\x01=1", "=1"),  # dropped after the quoting, as `as_text` does it
    ("x\ud800", "x"),  # a lone surrogate, which UTF-8 cannot hold
    ("\x08", None),  # nothing left: no cell
    (" lề ", " lề "),
    ("lề\u2028", "lề\u2028"),
    ("A & <B>", "A & <B>"),
    ("Cấp tỉnh - xã", "Cấp tỉnh - xã"),
    ("1 - 2", "1 - 2"),
    ("'=1", "'=1"),  # quoted once
]


@pytest.mark.parametrize(("text", "read_back"), SAFE_TEXTS)
def test_a_text_reads_back_safe_alone_and_among_others(text: str, read_back: str | None) -> None:
    """Each text alone in its column, and in a column of the other texts (the column is
    written at once, so a column with one text XML cannot hold must keep the others as they
    are)."""
    book, sheet = new_workbook("Danh mục")
    sheet.append(row_values([text, text]))
    for other, _ in SAFE_TEXTS:
        sheet.append(row_values([other, "x"]))
    read = openpyxl.load_workbook(io.BytesIO(workbook_bytes(book)))["Danh mục"]
    assert [read["A1"].value, read["B1"].value] == [read_back, read_back]
    assert [read[f"A{row}"].value for row in range(2, len(SAFE_TEXTS) + 2)] == [
        kept for _, kept in SAFE_TEXTS
    ]


def test_a_block_written_by_columns_is_the_xml_of_the_same_rows_one_by_one() -> None:
    """`sheet_columns` writes a block of rows a column at a time: the same XML as
    `SheetRows.append` writes for the same values, styles and empty cells included."""
    texts = [text for text, _ in SAFE_TEXTS] + ["", " ", "a\tb", "\x85x", "x\u3000", "y\u2029"]
    numbers = [None if i % 3 == 0 else i * 1000 for i in range(len(texts))]
    styles = [4 if i % 2 else 0 for i in range(len(texts))]
    one_by_one = SheetRows()
    one_by_one.append(["heading"])
    for text, number, style in zip(texts, numbers, styles, strict=True):
        safe = as_text(text)
        one_by_one.append(
            [
                safe,
                Styled(safe, style) if style else safe,
                number,
                Styled(number, style) if style else number,
            ]
        )
    columns = [
        Cells(text_array(texts)),
        Cells(text_array(texts), pa.array(styles)),
        Cells(pa.array(numbers, pa.int64())),
        Cells(pa.array(numbers, pa.int64()), pa.array(styles)),
    ]
    by_columns = SheetRows()
    by_columns.append(["heading"])
    by_columns.extend(rows_xml(2, columns), len(texts))
    assert by_columns.count == one_by_one.count
    assert by_columns.sheet_data() == one_by_one.sheet_data()


def test_comments_written_as_columns_read_back_in_order() -> None:
    """Notes added row by row and as a block of columns are all kept, in the order added."""
    book, sheet = new_workbook("Danh mục")
    note = Note("PA101: <sai> & thiếu", "procaudit", 320, 60)
    sheet.append([styled(sheet, "x", note=note, font=Font(bold=True))])
    block = NoteColumns(
        pa.array([2, 2]),
        pa.array([1, 3]),
        pa.array(["PA102: một", " PA103: hai\nba "]),
        pa.array([0, 1]),
        ["người 1", "procaudit"],
        pa.array([320, 320]),
        pa.array([60, 80]),
    )
    sheet.rows.extend(rows_xml(2, [Cells(pa.array(["a"])), Cells(pa.array(["b"]))]), 1, block)
    read = openpyxl.load_workbook(io.BytesIO(workbook_bytes(book)))["Danh mục"]
    found = {
        cell.coordinate: (cell.comment.text, cell.comment.author)
        for row in read.iter_rows()
        for cell in row
        if cell.comment is not None
    }
    assert found == {
        "A1": ("PA101: <sai> & thiếu", "procaudit"),
        "A2": ("PA102: một", "người 1"),
        "C2": (" PA103: hai\nba ", "procaudit"),
    }
