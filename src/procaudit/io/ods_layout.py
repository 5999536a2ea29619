"""What python-calamine does not tell of an ods sheet: its hidden rows and columns, its
column widths, its merged cells and its autofilter, read from the document's content.xml,
and (`ods_frozen`, for the repaired copy alone) its frozen panes, from its settings.xml.

The repaired copy of an ods file is an xlsx (`patch_convert`): a hidden column of old notes
or a hidden row that came back shown, a field merged over its procedures that came back as
one cell and blanks, changed what the official sees. The XML is read as a stream; a row or
column repeated a million times (the empty rest of a sheet) is one range, never a million.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO
from xml.etree import ElementTree

_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_STYLE = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
_HIDDEN = ("collapse", "filter")  # a row or column hidden, or filtered out of sight
# A length in points, by its unit; a width in Excel's characters is its points over 7, as
# LibreOffice converts them both ways (48 characters are 4.6665in).
_POINTS = {"in": 72.0, "cm": 72 / 2.54, "mm": 72 / 25.4, "pt": 1.0, "pc": 12.0, "px": 0.75}
_LENGTH = re.compile(r"([0-9.]+)([a-z]+)")
_POINTS_PER_CHARACTER = 7.0


@dataclass
class OdsSheet:
    """Rows as the user numbers them (from 1), columns from 0, as (first, last) ranges."""

    hidden_rows: list[tuple[int, int]] = field(default_factory=list)
    hidden_columns: list[tuple[int, int]] = field(default_factory=list)
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)  # rows, columns
    widths: list[tuple[int, int, float]] = field(default_factory=list)  # (first, last, chars)
    filtered: tuple[int, int, int, int] | None = None  # the autofilter's range, as merged's
    frozen: tuple[int, int] | None = None  # (rows, columns): `ods_frozen` fills it


def ods_layout(path: Path) -> dict[str, OdsSheet]:
    """Each sheet's hidden rows, hidden columns and merged cells; empty where the file
    cannot be read so (the copy then keeps its values alone, as before)."""
    try:
        with zipfile.ZipFile(path) as archive, archive.open("content.xml") as stream:
            return _sheets(stream)
    except (zipfile.BadZipFile, KeyError, OSError, ElementTree.ParseError, ValueError):
        return {}


def _sheets(stream: IO[bytes]) -> dict[str, OdsSheet]:
    sheets: dict[str, OdsSheet] = {}
    sheet: OdsSheet | None = None
    depth = 0  # tables inside a table (a cell's sub-table) are not the sheet's
    row = column = cell = 0  # rows and columns seen so far; the next cell's column
    widths: dict[str, float] = {}  # a column style's width, in characters
    style = ""  # the style being read (the automatic styles come before the sheets)
    for event, element in ElementTree.iterparse(stream, events=("start", "end")):
        tag = element.tag
        if event == "start" and tag == f"{_TABLE}database-range":  # after the sheets
            _filter(element, sheets)
        if event == "start" and tag == f"{_STYLE}style":
            style = element.get(f"{_STYLE}name", "")
        elif event == "start" and tag == f"{_STYLE}table-column-properties":
            width = _characters(element.get(f"{_STYLE}column-width", ""))
            if width is not None:
                widths[style] = width
        if tag == f"{_TABLE}table":
            depth += 1 if event == "start" else -1
            if event == "start" and depth == 1:
                sheet = sheets.setdefault(element.get(f"{_TABLE}name", ""), OdsSheet())
                row = column = 0
            continue
        if sheet is None or depth != 1 or event != "start":
            if event == "end" and tag == f"{_TABLE}table-row" and depth == 1:
                row += _repeated(element, "rows")
            if event == "end":
                element.clear()
            continue
        if tag == f"{_TABLE}table-column":
            repeat = _repeated(element, "columns")
            if element.get(f"{_TABLE}visibility") in _HIDDEN:
                sheet.hidden_columns.append((column, column + repeat - 1))
            width = widths.get(element.get(f"{_TABLE}style-name", ""))
            if width is not None:
                sheet.widths.append((column, column + repeat - 1, width))
            column += repeat
        elif tag == f"{_TABLE}table-row":
            cell = 0
            if element.get(f"{_TABLE}visibility") in _HIDDEN:
                sheet.hidden_rows.append((row + 1, row + _repeated(element, "rows")))
        elif tag in (f"{_TABLE}table-cell", f"{_TABLE}covered-table-cell"):
            rows = int(element.get(f"{_TABLE}number-rows-spanned", "1"))
            columns = int(element.get(f"{_TABLE}number-columns-spanned", "1"))
            if rows > 1 or columns > 1:
                sheet.merged.append((row + 1, cell, row + rows, cell + columns - 1))
            cell += _repeated(element, "columns")
    return sheets


# "'Danh mục'.A2:'Danh mục'.D9" or "Sheet1.A2:.D9": a range of one sheet
_RANGE = re.compile(r"^(?:'((?:[^']|'')*)'|([^.']*))\.\$?([A-Z]+)\$?(\d+):.*\.\$?([A-Z]+)\$?(\d+)$")


def _filter(element: ElementTree.Element, sheets: dict[str, OdsSheet]) -> None:
    """A database range showing its filter buttons: its sheet's autofilter."""
    if element.get(f"{_TABLE}display-filter-buttons") != "true":
        return
    found = _RANGE.match(element.get(f"{_TABLE}target-range-address", ""))
    if found is None:
        return
    quoted, plain, first_column, first_row, last_column, last_row = found.groups()
    sheet = sheets.get(quoted.replace("''", "'") if quoted is not None else plain)
    if sheet is not None and sheet.filtered is None:
        first, last = _column_number(first_column), _column_number(last_column)
        sheet.filtered = (int(first_row), first, int(last_row), last)


def _column_number(letters: str) -> int:
    """A column's number from 0 ("A" 0, "AA" 26)."""
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - 64
    return number - 1


_CONFIG = "{urn:oasis:names:tc:opendocument:xmlns:config:1.0}"


def ods_frozen(path: Path, sheets: dict[str, OdsSheet]) -> None:
    """Give `sheets` the panes frozen in the file's view settings (settings.xml: a split
    of mode 2 at a column, a row), where it has them."""
    try:
        with zipfile.ZipFile(path) as archive, archive.open("settings.xml") as stream:
            root = ElementTree.parse(stream).getroot()
    except (zipfile.BadZipFile, KeyError, OSError, ElementTree.ParseError):
        return
    for tables in root.iter(f"{_CONFIG}config-item-map-named"):
        if tables.get(f"{_CONFIG}name") != "Tables":
            continue
        for entry in tables.findall(f"{_CONFIG}config-item-map-entry"):
            sheet = sheets.get(entry.get(f"{_CONFIG}name", ""))
            items = {
                item.get(f"{_CONFIG}name"): (item.text or "").strip()
                for item in entry.findall(f"{_CONFIG}config-item")
            }
            columns = _split(items, "Horizontal")
            rows = _split(items, "Vertical")
            if sheet is not None and (rows or columns):
                sheet.frozen = (rows, columns)


def _split(items: dict[str | None, str], direction: str) -> int:
    """Where a frozen split stands (0: none); a split that is not frozen is not kept."""
    if items.get(f"{direction}SplitMode") != "2":
        return 0
    position = items.get(f"{direction}SplitPosition", "0")
    return int(position) if position.isdigit() else 0


def _characters(length: str) -> float | None:
    """A column width ("4.6665in", "2.258cm") in Excel's characters; None if unreadable."""
    found = _LENGTH.fullmatch(length.strip())
    if found is None or found.group(2) not in _POINTS:
        return None
    return round(float(found.group(1)) * _POINTS[found.group(2)] / _POINTS_PER_CHARACTER, 2)


def _repeated(element: ElementTree.Element, what: str) -> int:
    return max(int(element.get(f"{_TABLE}number-{what}-repeated", "1")), 1)
