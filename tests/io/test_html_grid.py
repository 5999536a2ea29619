"""A web page's tables (what web systems' "Xuất Excel" writes, named .xls) are read as the
sheet Excel shows: tables one under another, spans laid out, text as a browser shows it."""

from __future__ import annotations

import codecs
from pathlib import Path

import pandas as pd
import pytest

from procaudit.core.errors import InputError
from procaudit.io.html_grid import read_html_grid
from procaudit.io.read import read_catalogue

HEADER = "<tr><th>STT</th><th>Mã TTHC</th><th>Tên thủ tục</th><th>Cơ quan thực hiện</th></tr>"


def _page(body: str, head: str = '<meta charset="utf-8">') -> str:
    return f"<html><head>{head}<title>Danh sách</title></head><body>{body}</body></html>"


def _cells(path: Path) -> list[list[str | None]]:
    grid = read_html_grid(path)
    return [[None if pd.isna(v) else v for v in row] for row in grid.cells.itertuples(index=False)]


@pytest.mark.parametrize(
    ("body", "rows"),
    [
        pytest.param(
            "<table><tr><td>a</td><td>b</td></tr><tr><td>c</td><td>d</td></tr></table>",
            [["a", "b"], ["c", "d"]],
            id="rows-and-cells",
        ),
        pytest.param(
            '<table><tr><td colspan="3">TITLE</td></tr><tr><td>a</td><td>b</td><td>c</td></tr>'
            "</table>",
            [["TITLE", None, None], ["a", "b", "c"]],
            id="colspan-keeps-the-value-in-its-first-column",
        ),
        pytest.param(
            '<table><tr><td rowspan="2">U</td><td>a</td></tr><tr><td>b</td></tr></table>',
            [["U", "a"], [None, "b"]],
            id="rowspan-pushes-the-cells-below-right",
        ),
        pytest.param(
            "<table><tr><td>Giấy&nbsp;tờ &amp; mẫu &#40;1&#41;</td>"
            "<td>  <b>Đăng  ký</b>\n   khai sinh </td></tr></table>",
            [["Giấy\xa0tờ & mẫu (1)", "Đăng ký khai sinh"]],
            id="entities-unescaped-tags-stripped-spaces-collapsed",
        ),
        pytest.param(
            "<table><tr><td>Sở Tư pháp<br>UBND xã<br/>Công an</td></tr></table>",
            [["Sở Tư pháp\nUBND xã\nCông an"]],
            id="br-is-a-line-break",
        ),
        pytest.param(
            "<h3>DANH MỤC THỦ TỤC</h3><table><tr><td>a</td></tr></table>"
            "<p>Ghi chú</p><table><tr><td>b</td><td>c</td></tr></table>",
            [["DANH MỤC THỦ TỤC", None], ["a", None], ["Ghi chú", None], ["b", "c"]],
            id="tables-and-lines-one-under-another",
        ),
        pytest.param(
            "<table><tr><td>x<table><tr><td>in</td><td>side</td></tr></table></td>"
            "<td>y</td></tr></table>",
            [["x\nin side", "y"]],
            id="a-table-inside-a-cell-gives-its-text",
        ),
        pytest.param(
            "<table><tr><td>a<td>b<tr><td>c<td>d</table>",
            [["a", "b"], ["c", "d"]],
            id="end-tags-left-out",
        ),
        pytest.param(
            "<script>var t = '<table><tr><td>no</td></tr></table>';</script>"
            "<table><tr><td>yes</td></tr></table>",
            [["yes"]],
            id="scripts-are-not-text",
        ),
    ],
)
def test_a_page_is_laid_out_as_excel_shows_it(tmp_path: Path, body: str, rows: list) -> None:
    path = tmp_path / "export.xls"
    path.write_text(_page(body), encoding="utf-8")
    assert _cells(path) == rows


def test_a_span_down_is_a_merge_in_the_sheets_row_numbers(tmp_path: Path) -> None:
    path = tmp_path / "export.xls"
    body = (
        "<p>title</p><table><tr><td>h</td><td>n</td></tr>"
        '<tr><td rowspan="3">U</td><td>a</td></tr><tr><td>b</td></tr><tr><td>c</td></tr>'
        '<tr><td>V</td><td rowspan="9">d</td></tr></table>'
    )
    path.write_text(_page(body), encoding="utf-8")
    # Row 1 the title, 2 the table's first; a span past the table's end stops there.
    assert read_html_grid(path).merged == ((0, 3, 5),)


@pytest.mark.parametrize(
    ("encoding", "head"),
    [
        ("utf-8", '<meta charset="utf-8">'),
        ("utf-8-sig", ""),
        ("utf-16", ""),
        ("cp1258", '<meta http-equiv="Content-Type" content="text/html; charset=windows-1258">'),
    ],
)
def test_encodings(tmp_path: Path, encoding: str, head: str) -> None:
    path = tmp_path / "export.xls"
    name = "Đăng ký kết hôn" if encoding != "cp1258" else "Đăng ký"
    data = _page(f"<table><tr><td>{name}</td></tr></table>", head)
    if encoding == "cp1258":  # tones as combining marks, as Windows-1258 keeps them
        path.write_bytes(data.replace(name, "\u0110\u0103ng ky\u0301").encode("cp1258"))
    else:
        path.write_bytes(data.encode(encoding))
    assert _cells(path) == [[name]]


def test_a_page_without_a_table_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "export.xls"
    path.write_text(_page("<p>Không có dữ liệu</p>"), encoding="utf-8")
    with pytest.raises(InputError, match=r"web page \(HTML\) that holds no table"):
        read_catalogue(str(path))


def test_spans_beyond_the_cell_limit_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "export.xls"
    path.write_text(
        _page('<table><tr><td colspan="1000" rowspan="900">x</td></tr>' + "<tr></tr>" * 900),
        encoding="utf-8",
    )
    with pytest.raises(InputError, match="more than 1000 cells"):
        read_html_grid(path, max_cells=1000)


@pytest.mark.parametrize("name", ["export.xls", "export.csv"])
def test_an_html_export_is_read_as_the_catalogue_it_shows(tmp_path: Path, name: str) -> None:
    rows = (
        '<tr><td colspan="4"><b>DANH SÁCH THỦ TỤC HÀNH CHÍNH</b></td></tr>'
        + HEADER
        + '<tr><td>1</td><td>1.000001</td><td>Đăng ký khai sinh</td><td rowspan="2">UBND xã'
        "</td></tr><tr><td>2</td><td>1.000002</td><td>Đăng ký kết hôn</td></tr>"
    )
    path = tmp_path / name
    path.write_bytes(codecs.BOM_UTF8 + _page(f"<table>{rows}</table>").encode())
    catalogue = read_catalogue(str(path))
    assert catalogue.format == "html"
    (table,) = catalogue.tables
    assert table.sheet == "export"
    assert table.account.header_rows == (2,)
    frame = table.frame
    assert list(frame["_row"]) == [3, 4]
    assert list(frame["code"]) == ["1.000001", "1.000002"]  # text as written, never numbers
    # The agency spread down over both procedures is each one's, as a merged cell is.
    assert list(frame["agency"]) == ["UBND xã", "UBND xã"]
    assert table.from_merged == {"agency": 1}
