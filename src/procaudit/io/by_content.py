"""Which reader a file needs, from its first bytes and then its name (`io.file_kind`), and
the sheets of a file that is no CSV text: a workbook, a web page's tables, Excel 2003's XML.
"""

from __future__ import annotations

from pathlib import Path

from procaudit.core.limits import MAX_CELLS
from procaudit.io.csv_sniff import CSV_SUFFIXES
from procaudit.io.excel_reader import read_workbook
from procaudit.io.file_kind import Reader, content_of, reader_for, workbook_kind
from procaudit.io.grid import Grid, file_head
from procaudit.io.html_grid import read_html_grid
from procaudit.io.spreadsheetml import read_spreadsheetml


def reader_of(path: Path) -> tuple[Reader | None, bytes]:
    """The reader `path` needs (None: its name decides) and its first bytes."""
    head = file_head(path)
    return reader_for(content_of(head), path.suffix.lower(), CSV_SUFFIXES), head


def sheet_kind(reader: Reader, head: bytes, suffix: str) -> str:
    """The file's format as the report names it: "xlsx", "xls", "ods" ... by the workbook's
    content, "html" for a web page's tables, "xml" for Excel 2003's XML."""
    if reader == "html":
        return "html"
    if reader == "spreadsheetml":
        return "xml"
    return workbook_kind(head, suffix)


def read_sheets(path: Path, reader: Reader, max_cells: int = MAX_CELLS) -> list[Grid]:
    """The sheets of a file read by `reader` (not "csv")."""
    if reader == "html":
        return [read_html_grid(path, max_cells)]
    if reader == "spreadsheetml":
        return read_spreadsheetml(path, max_cells)
    return list(read_workbook(path))
