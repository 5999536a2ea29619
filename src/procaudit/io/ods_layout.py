"""What python-calamine does not tell of an ods sheet: its hidden rows and columns and its
merged cells, read from the document's content.xml.

The repaired copy of an ods file is an xlsx (`patch_convert`): a hidden column of old notes
or a hidden row that came back shown, a field merged over its procedures that came back as
one cell and blanks, changed what the official sees. The XML is read as a stream; a row or
column repeated a million times (the empty rest of a sheet) is one range, never a million.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO
from xml.etree import ElementTree

_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_HIDDEN = ("collapse", "filter")  # a row or column hidden, or filtered out of sight


@dataclass
class OdsSheet:
    """Rows as the user numbers them (from 1), columns from 0, as (first, last) ranges."""

    hidden_rows: list[tuple[int, int]] = field(default_factory=list)
    hidden_columns: list[tuple[int, int]] = field(default_factory=list)
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)  # rows, columns


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
    for event, element in ElementTree.iterparse(stream, events=("start", "end")):
        tag = element.tag
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


def _repeated(element: ElementTree.Element, what: str) -> int:
    return max(int(element.get(f"{_TABLE}number-{what}-repeated", "1")), 1)
