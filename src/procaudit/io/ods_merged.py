"""The cells merged down over several rows in an OpenDocument spreadsheet (ods).

calamine gives the merged ranges of xlsx and xls but none of an ods, whose merges live in
its content.xml: a cell spanning rows says `table:number-rows-spanned`, and the cells under
it are `table:covered-table-cell`. Read here, they carry a merged level or field down to the
rows under it as they do in a workbook (`io.merged`). Only an ods is parsed, once, as a
stream: rows and cells repeated (`number-rows-repeated`, `number-columns-repeated`, the
million empty rows an ods may end with) are counted, not expanded.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import IO
from xml.etree import ElementTree

_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_SHEET, _ROW = f"{_TABLE}table", f"{_TABLE}table-row"
_CELLS = frozenset({f"{_TABLE}table-cell", f"{_TABLE}covered-table-cell"})
_NAME = f"{_TABLE}name"
_ROWS_SPANNED = f"{_TABLE}number-rows-spanned"
_ROWS_REPEATED = f"{_TABLE}number-rows-repeated"
_COLUMNS_REPEATED = f"{_TABLE}number-columns-repeated"
_ODS = b"application/vnd.oasis.opendocument.spreadsheet"

Merged = tuple[tuple[int, int, int], ...]  # (column, first row, last row), rows from 1


def ods_merged_down(path: Path) -> dict[str, Merged]:
    """Sheet name -> its cells merged over several rows, as `excel_reader._merged_down`
    gives them; empty for a file that is not an ods, or whose content cannot be read (the
    cells were read: a merge missed is no reason to refuse the file)."""
    try:
        with zipfile.ZipFile(path) as archive:
            if archive.read("mimetype").strip() != _ODS:
                return {}
            with archive.open("content.xml") as stream:
                return _merges(stream)
    except (zipfile.BadZipFile, KeyError, OSError, ElementTree.ParseError, ValueError):
        return {}


def _merges(stream: IO[bytes]) -> dict[str, Merged]:
    found: dict[str, list[tuple[int, int, int]]] = {}
    sheet: list[tuple[int, int, int]] | None = None
    row = column = 0
    for event, element in ElementTree.iterparse(stream, events=("start", "end")):
        tag = element.tag
        if event == "start":
            if tag == _SHEET:
                sheet = found.setdefault(element.get(_NAME, ""), [])
                row = 0
            elif tag == _ROW:
                column = 0
            continue
        if tag in _CELLS:
            spanned = int(element.get(_ROWS_SPANNED, "1"))
            if spanned > 1 and sheet is not None:
                sheet.append((column, row + 1, row + spanned))
            column += int(element.get(_COLUMNS_REPEATED, "1"))
            element.clear()
        elif tag == _ROW:
            row += int(element.get(_ROWS_REPEATED, "1"))
            element.clear()
    return {name: tuple(merges) for name, merges in found.items() if merges}
