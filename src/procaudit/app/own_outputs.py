"""The files procaudit wrote itself, recognised without reading them as catalogues, so that a
folder scan leaves out last night's reports kept under the folder it audits.

A workbook procaudit writes (the fix-list, `procaudit diff`'s) says so in its document
properties: `report.own_mark.OWN_MARK` as its creator or among its keywords, read from
docProps/core.xml inside the zip (a few hundred bytes, whatever the size of the workbook).
A CSV it writes (the `--format csv` report, the fix-list) is known by its header line: it
starts with that report's or that fix-list's headings, in either language.

Anything that cannot be read this way is not procaudit's: the reader will judge it.
"""

from __future__ import annotations

import csv
import re
import zipfile
from functools import cache
from typing import Final

from procaudit.report.own_mark import OWN_MARK

_CORE_PROPERTIES: Final = "docProps/core.xml"
_MOST_READ: Final = 64 * 1024  # bytes of core.xml or of a CSV's start: a header fits in less
_WORKBOOKS: Final = (".xlsx", ".xlsm")


def is_own_output(path: str) -> bool:
    """Whether the file at `path` is a report or a fix-list procaudit wrote."""
    name = path.lower()
    try:
        if name.endswith(_WORKBOOKS):
            return _marked_workbook(path)
        if name.endswith(".csv"):
            return _own_header(path)
    except (OSError, zipfile.BadZipFile, ValueError, KeyError, RuntimeError):
        return False  # unreadable here: the reader says why, if it is audited
    return False


def _marked_workbook(path: str) -> bool:
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo(_CORE_PROPERTIES)
        if info.file_size > _MOST_READ:
            return False
        properties = archive.read(info).decode("utf-8", errors="replace")
    mark = re.escape(OWN_MARK)
    creator = re.search(rf"<(?:\w+:)?creator>\s*{mark}\s*</", properties)
    keywords = re.search(rf"<(?:\w+:)?keywords>[^<]*\b{mark}\b[^<]*</", properties)
    return bool(creator or keywords)


def _own_header(path: str) -> bool:
    with open(path, "rb") as handle:
        start = handle.read(_MOST_READ)
    text = start.decode("utf-8-sig", errors="replace")
    first_line = text.splitlines()[0] if text else ""
    cells = tuple(next(csv.reader([first_line]), []))
    return any(cells[: len(header)] == header for header in own_csv_headers())


@cache
def own_csv_headers() -> tuple[tuple[str, ...], ...]:
    """The header rows procaudit's CSV outputs start with: the report's, and the
    fix-list's in English and in Vietnamese."""
    from procaudit.report.csv_report import COLUMNS
    from procaudit.report.fixlist_headings import HEADINGS, HEADINGS_VI

    return (tuple(COLUMNS), tuple(HEADINGS), tuple(HEADINGS_VI))
