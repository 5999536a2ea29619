"""A file is read by what its bytes hold, whatever its name says: an xlsx named .xls, an
xls named .xlsx, a web page or Excel 2003's XML named .xls, text named .xls."""

from __future__ import annotations

import codecs
from pathlib import Path

import pandas as pd
import pytest

from conftest import write_workbook
from procaudit.core.errors import InputError
from procaudit.io.file_kind import content_of, misnamed, reader_for, workbook_kind
from procaudit.io.read import read_catalogue

CSV = frozenset({".csv", ".tsv", ".txt"})
HTML = '<html><head><meta charset="utf-8"></head><body><table><tr><td>a</td></tr></table>'
XML = '<?xml version="1.0"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet">'
ODS_HEAD = b"PK\x03\x04" + b"\0" * 26 + b"mimetypeapplication/vnd.oasis.opendocument.spreadsheet"


@pytest.mark.parametrize(
    ("head", "content"),
    [
        (b"PK\x03\x04\x14\x00", "zip"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00\x00", "ole2"),
        (HTML.encode(), "html"),
        (b"\xef\xbb\xbf" + HTML.encode(), "html"),
        (codecs.BOM_UTF16_LE + HTML.encode("utf-16-le"), "html"),
        (b"\r\n\r\n<table border=1><tr><td>x</td></tr>", "html"),
        (b'<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml">', "html"),
        (XML.encode(), "xml"),
        (b'<?xml version="1.0"?><note>hi</note>', "xml"),
        (b"STT,Ten thu tuc\n1,A\n", "text"),
        (codecs.BOM_UTF16_LE + "STT\tTên\n".encode("utf-16-le"), "text"),
        (b"STT;T\xean th\xf9 t\xf9c\n", "text"),  # Windows-1258
        (b"<b>not a page</b>, but a cell", "text"),
        (b"", "empty"),
        (b"\x00\x01garbage\xff" * 50, "binary"),
    ],
)
def test_content_is_told_by_the_first_bytes(head: bytes, content: str) -> None:
    assert content_of(head) == content


@pytest.mark.parametrize(
    ("content", "suffix", "reader"),
    [
        ("zip", ".xls", "workbook"),
        ("ole2", ".xlsx", "workbook"),
        ("zip", ".csv", "workbook"),
        ("html", ".xls", "html"),
        ("html", ".html", "html"),
        ("html", ".csv", "html"),  # a web page saved under a CSV's name
        ("xml", ".csv", "spreadsheetml"),
        ("binary", ".csv", "csv"),  # named as CSV: its reader refuses it
        ("empty", ".csv", "csv"),
        ("xml", ".xls", "spreadsheetml"),
        ("text", ".xls", "csv"),
        ("text", ".csv", "csv"),
        ("binary", ".xls", None),
        ("empty", ".xlsx", None),
    ],
)
def test_reader_is_chosen_by_content_then_name(content: str, suffix: str, reader: str) -> None:
    assert reader_for(content, suffix, CSV) == reader  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("head", "suffix", "kind", "wrong_name"),
    [
        (b"PK\x03\x04", ".xlsx", "xlsx", False),
        (b"PK\x03\x04", ".xlsm", "xlsm", False),
        (b"PK\x03\x04", ".xls", "xlsx", True),
        (ODS_HEAD, ".ods", "ods", False),
        (ODS_HEAD, ".xlsx", "ods", True),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", ".xls", "xls", False),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", ".xlsx", "xls", True),
    ],
)
def test_workbook_kind_is_its_content(
    head: bytes, suffix: str, kind: str, wrong_name: bool
) -> None:
    assert workbook_kind(head, suffix) == kind
    assert misnamed(head, suffix) is wrong_name


ROWS: list[list[object]] = [
    ["STT", "Mã TTHC", "Tên thủ tục", "Cấp thực hiện"],
    [1, "1.000001", "Đăng ký khai sinh", "Cấp xã"],
    [2, "1.000002", "Đăng ký kết hôn", "Cấp xã"],
]


def _names(path: Path) -> list[tuple[int, str]]:
    (table,) = read_catalogue(str(path)).tables
    return list(zip(table.frame["_row"], table.frame["name"], strict=True))


def test_xlsx_named_xls_is_read_as_xlsx(tmp_path: Path) -> None:
    real = write_workbook(tmp_path / "real.xlsx", {"DS": ROWS})
    renamed = tmp_path / "export.xls"
    renamed.write_bytes(real.read_bytes())
    assert read_catalogue(str(renamed)).format == "xlsx"
    assert _names(renamed) == [(2, "Đăng ký khai sinh"), (3, "Đăng ký kết hôn")]


def test_xls_named_xlsx_is_read_as_xls(tmp_path: Path) -> None:
    xlwt = pytest.importorskip("xlwt")
    workbook = xlwt.Workbook(encoding="utf-8")
    sheet = workbook.add_sheet("DS")
    for r, row in enumerate(ROWS):
        for c, value in enumerate(row):
            sheet.write(r, c, value)
    path = tmp_path / "export.xlsx"
    workbook.save(str(path))
    assert read_catalogue(str(path)).format == "xls"
    assert _names(path) == [(2, "Đăng ký khai sinh"), (3, "Đăng ký kết hôn")]


@pytest.mark.parametrize(
    ("encoding", "delimiter"),
    [("utf-16", "\t"), ("utf-8-sig", ","), ("utf-8", ";")],
)
def test_text_named_xls_is_read_as_the_text_it_is(
    tmp_path: Path, encoding: str, delimiter: str
) -> None:
    # Excel's "Unicode Text" (UTF-16, tabs) and CSV exports keep the .xls name.
    text = "\n".join(delimiter.join(str(cell) for cell in row) for row in ROWS) + "\n"
    path = tmp_path / "export.xls"
    path.write_bytes(text.encode(encoding))
    catalogue = read_catalogue(str(path))
    assert catalogue.format == "csv"
    assert catalogue.dialect is not None and catalogue.dialect.delimiter == delimiter
    assert _names(path) == [(2, "Đăng ký khai sinh"), (3, "Đăng ký kết hôn")]


def test_text_named_xlsx_that_is_no_list_says_it_is_text(tmp_path: Path) -> None:
    path = tmp_path / "broken.xlsx"
    path.write_text("this is not a zip file", encoding="utf-8")
    with pytest.raises(InputError, match="is not an Excel workbook but text; read as CSV"):
        read_catalogue(str(path))


@pytest.mark.parametrize(
    ("name", "content", "problem"),
    [
        ("damaged.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "not an Excel workbook"),
        ("damaged.xlsx", b"PK\x03\x04" + b"\0" * 100, "not an Excel workbook"),
        ("garbage.xls", b"\x00\x01garbage\xff" * 50, "not an Excel workbook"),
        ("empty.xls", b"", "is empty"),
    ],
)
def test_damaged_workbooks_keep_their_message(
    tmp_path: Path, name: str, content: bytes, problem: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(InputError, match=problem):
        read_catalogue(str(path))


def test_a_name_that_is_no_catalogue_type_is_still_refused(tmp_path: Path) -> None:
    path = tmp_path / "list.pdf"
    pd.DataFrame(ROWS).to_csv(path, index=False)
    with pytest.raises(InputError, match=r"unsupported type '\.pdf'"):
        read_catalogue(str(path))
