"""Formulas whose value is text they spell out, in an xlsx saved without their values.

Excel saves each formula's last value beside it; a workbook a program wrote (a portal's
export made by a library that does not calculate) has none, and calamine reads such a cell
as empty. Excel shows the value as soon as the file is opened, so the official sees a name
where procaudit would see an empty column. A formula that spells its text out has one value
whatever the workbook holds: `="1.000178"`, `=HYPERLINK("https://…", "Đăng ký khai sinh")`
(its text, or the link where it gives none). Those cells are read as that text; any other
formula saved without a value stays empty, and the reader's note says so (`formula_notes`).
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import replace
from pathlib import Path
from xml.etree import ElementTree

from procaudit.io.formula_cells import cell_position
from procaudit.io.grid import Grid
from procaudit.io.xlsx_parts import sheet_parts

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_TEXT = r'"((?:[^"]|"")*)"'  # a text literal: its quotes doubled
_LITERAL = re.compile(rf"\s*{_TEXT}\s*", re.DOTALL)
_HYPERLINK = re.compile(
    rf"\s*HYPERLINK\(\s*{_TEXT}\s*(?:,\s*{_TEXT}\s*)?\)\s*", re.DOTALL | re.IGNORECASE
)


def literal_text(formula: str) -> str | None:
    """The text a formula (as the sheet's XML holds it, no "=") spells out: a text literal,
    or a HYPERLINK's text (its link where it has none); None for any other formula."""
    found = _LITERAL.fullmatch(formula)
    if found:
        return found.group(1).replace('""', '"')
    found = _HYPERLINK.fullmatch(formula)
    if found:
        shown = found.group(2) if found.group(2) is not None else found.group(1)
        return shown.replace('""', '"')
    return None


def saved(cell: ElementTree.Element) -> bool:
    """Whether a cell of a sheet's XML holds a saved value (a formula whose saved result is
    "", IFERROR(…, ""), has an empty <v> of t="str")."""
    value = cell.find(f"{_MAIN}v")
    return value is not None and (value.text is not None or cell.get("t") == "str")


def with_formula_texts(path: Path, grids: list[Grid], holding: frozenset[str]) -> list[Grid]:
    """The grids with each formula cell saved without a value that spells out its text
    (`literal_text`) holding that text; `holding`: the sheet parts that hold a formula
    (`limits.check_workbook`), the only ones parsed."""
    if not holding:  # the usual case: no formula, nothing to parse
        return grids
    try:
        with zipfile.ZipFile(path) as archive:
            parts = sheet_parts(archive)
            texts = {
                sheet: _texts(archive, part) for sheet, part in parts.items() if part in holding
            }
    except (zipfile.BadZipFile, KeyError, OSError, ElementTree.ParseError):
        return grids  # calamine read the values; a part it skipped is no reason to stop
    return [_filled(grid, texts.get(str(grid.sheet), {})) for grid in grids]


def _texts(archive: zipfile.ZipFile, part: str) -> dict[tuple[int, int], str]:
    """(Excel row, column from 0) -> the text of each formula cell saved without a value
    that spells its text out."""
    found: dict[tuple[int, int], str] = {}
    with archive.open(part) as stream:
        for _, element in ElementTree.iterparse(stream):
            if element.tag != f"{_MAIN}c":
                continue
            formula = element.find(f"{_MAIN}f")
            if formula is not None and formula.text and not saved(element):
                text = literal_text(formula.text)
                position = cell_position(element.get("r", ""))
                if text and position is not None:
                    found[position] = text
            element.clear()
    return found


def _filled(grid: Grid, texts: dict[tuple[int, int], str]) -> Grid:
    if not texts:
        return grid
    at_row = {int(row): position for position, row in enumerate(grid.rows.tolist())}
    cells = grid.cells.copy()
    width = cells.shape[1]  # a column's header is a saved value: the grid reaches it
    for (row, column), text in texts.items():
        position = at_row.get(row)
        if position is not None and column < width:
            cells.iat[position, column] = text
    return replace(grid, cells=cells)
