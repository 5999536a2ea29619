"""Read a web page's tables as one sheet: what a web system's "Xuất Excel" button writes.

Web systems (the one-stop systems, portals built on ASP.NET) export a list as an HTML table
named .xls, which Excel opens with a warning. It is read as Excel shows it: the page's
tables one under another in one sheet, a row per <tr>, a cell per <td> or <th>, a line of
text outside the tables (a title in <h3>, a <p>) as a row of one cell, so that the header
search finds the list's header among them as in a workbook. A cell spread over several
columns (colspan) keeps its value in its first column; one spread over several rows
(rowspan) too, and is recorded as a merge down (`io.merged` gives each procedure row it
spans the value, as for a workbook's merged cells). A cell's text has its tags stripped,
its entities unescaped and its whitespace collapsed as a browser shows it; <br> is a line
break. A table inside a cell gives the cell its text.

Encodings: a byte-order mark (UTF-8, UTF-16), else the page's <meta charset>, else UTF-8
or Windows-1258 as for CSV text. The standard library's parser: no dependency.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path

from procaudit.core.errors import InputError
from procaudit.core.i18n import t
from procaudit.core.limits import MAX_CELLS
from procaudit.io.encoding import decode
from procaudit.io.grid import Grid, text_grid

_SKIPPED = frozenset({"head", "script", "style", "title", "template", "noscript", "xml"})
_BLOCKS = frozenset(
    {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "caption", "center", "pre"}
    | {"blockquote", "section", "article", "header", "footer", "dt", "dd", "address"}
)
_SPACES = re.compile(r"[ \t\r\n\f]+")
_CHARSET = re.compile(rb"""<meta[^>]*charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_MAX_COLSPAN = 1000  # as browsers clamp it
_SHEET_NAME = 31  # characters: Excel names the sheet after the file, cut to this


def read_html_grid(path: Path, max_cells: int = MAX_CELLS) -> Grid:
    """The page's tables as one grid, rows numbered as Excel numbers them when it opens
    the page; a page with no table is refused."""
    text = _html_text(path.read_bytes(), str(path))
    page = _Page()
    page.feed(text)
    page.close()
    if not page.tables:
        raise InputError(
            str(path),
            t(
                "is a web page (HTML) that holds no table: export the list again as Excel or CSV",
                "là trang web (HTML) không chứa bảng nào: hãy xuất lại danh mục dưới dạng "
                "Excel hoặc CSV",
            ),
        )
    rows, merged = _laid_out(page.items, str(path), max_cells)
    if not any(cell for row in rows for cell in row):
        raise InputError(
            str(path),
            t("is empty (its tables hold no value)", "là tệp trống (các bảng không có giá trị)"),
        )
    grid = text_grid(path.stem[:_SHEET_NAME], rows, first_row=1, merged=tuple(merged))
    return replace(grid, typed=False)  # text as the page writes it, never a number's


def _html_text(data: bytes, path: str) -> str:
    """The page's text: by its byte-order mark, else its <meta charset>, else as CSV text
    is decoded (UTF-8, or Windows-1258)."""
    if data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return decode(data, path)[0]
    found = _CHARSET.search(data, 0, 4096)
    if found is not None:
        try:
            name = codecs.lookup(found.group(1).decode("ascii")).name
            text = data.decode(name)
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong or unknown charset: the bytes say what they are
        else:
            return unicodedata.normalize("NFC", text) if name == "cp1258" else text
    return decode(data, path)[0]


_Cell = tuple[str, int, int]  # text, columns spanned, rows spanned


class _Page(HTMLParser):
    """The page's items in order: a table (rows of cells) or a line of text outside one."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.items: list[list[list[_Cell]] | str] = []
        self.tables = 0
        self._depth = 0  # tables open
        self._skip = 0  # inside <head>, <script>, <style> ...
        self._line: list[str] = []  # text outside tables
        self._rows: list[list[_Cell]] = []
        self._row: list[_Cell] | None = None
        self._cell: list[str] | None = None
        self._span = (1, 1)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "body":
            self._skip = 0  # a <head> never closed
        if tag in _SKIPPED:
            self._skip += 1
        if self._skip:
            return
        if tag == "table":
            self._depth += 1
            if self._depth == 1:
                self._end_line()
                self._rows, self._row = [], None
        elif self._depth == 1 and tag == "tr":
            self._end_cell()
            self._row = []
            self._rows.append(self._row)
        elif self._depth == 1 and tag in ("td", "th"):
            self._end_cell()
            if self._row is None:  # a cell with no <tr> before it
                self._row = []
                self._rows.append(self._row)
            named = dict(attrs)
            self._cell = []
            self._span = (
                min(_number(named.get("colspan")), _MAX_COLSPAN),
                _number(named.get("rowspan")),
            )
        elif tag == "br" or tag in _BLOCKS or (self._depth > 1 and tag == "tr"):
            self._text("\n")
        elif self._depth > 1 and tag in ("td", "th"):
            self._text(" ")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br" and not self._skip:
            self._text("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED:
            self._skip = max(self._skip - 1, 0)
            return
        if self._skip:
            return
        if tag == "table" and self._depth:
            self._depth -= 1
            if self._depth == 0:
                self._end_cell()
                self.items.append(self._rows)
                self.tables += 1
                self._rows, self._row = [], None
        elif self._depth == 1 and tag in ("td", "th"):
            self._end_cell()
        elif self._depth == 1 and tag == "tr":
            self._end_cell()
            self._row = None
        elif tag in _BLOCKS:
            self._text("\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self._text(_SPACES.sub(" ", data))

    def close(self) -> None:
        super().close()
        if self._depth:  # a table never closed: what it holds is read
            self._end_cell()
            self.items.append(self._rows)
            self.tables += 1
            self._depth = 0
        self._end_line()

    def _text(self, text: str) -> None:
        if self._depth == 0:
            if text == "\n":
                self._end_line()
            else:
                self._line.append(text)
        elif self._cell is not None:
            self._cell.append(text)

    def _end_cell(self) -> None:
        if self._cell is not None and self._row is not None:
            self._row.append((_cell_text("".join(self._cell)), *self._span))
        self._cell = None

    def _end_line(self) -> None:
        text = " ".join("".join(self._line).split())
        if text:
            self.items.append(text)
        self._line = []


def _cell_text(text: str) -> str:
    """A cell's text as a browser shows it: each line's spaces trimmed, blank lines at the
    ends dropped."""
    lines = [line.strip(" ") for line in text.split("\n")]
    return "\n".join(lines).strip()


def _number(value: str | None) -> int:
    """A span attribute as a count of at least 1 (browsers read "2px", "", "0" so)."""
    found = re.match(r"\s*(\d+)", value or "")
    return max(int(found.group(1)), 1) if found else 1


def _laid_out(
    items: list[list[list[_Cell]] | str], path: str, max_cells: int
) -> tuple[list[list[str | None]], list[tuple[int, int, int]]]:
    """The rows of the sheet, each cell at the column its spans put it in, and the cells
    spread down over rows as (column, first row, last row) in the sheet's row numbers."""
    rows: list[list[str | None]] = []
    merged: list[tuple[int, int, int]] = []
    covered_cells = 0
    for item in items:
        if isinstance(item, str):
            rows.append([item])
            continue
        base = len(rows)
        covered: set[tuple[int, int]] = set()  # (row, column) under a cell above
        for at, cells in enumerate(item):
            row: list[str | None] = []
            column = 0
            for text, colspan, rowspan in cells:
                while (at, column) in covered:
                    column += 1
                down = min(rowspan, len(item) - at)  # a span past the table's end stops there
                covered_cells += (down - 1) * colspan + colspan
                if covered_cells > max_cells:
                    raise InputError(path, _too_many_cells(max_cells))
                covered.update(
                    (at + below, column + across)
                    for below in range(1, down)
                    for across in range(colspan)
                )
                if column >= len(row):
                    row.extend([None] * (column + 1 - len(row)))
                row[column] = text or None
                if down > 1:
                    merged.append((column, base + at + 1, base + at + down))
                column += colspan
            rows.append(row)
    return rows, merged


def _too_many_cells(limit: int) -> str:
    return t(
        "has tables of more than {limit} cells: procaudit reads no more",
        "có các bảng hơn {limit} ô: procaudit không đọc nhiều hơn",
        limit=limit,
    )
