"""Formulas whose value is text they spell out, in an xlsx saved without their values.

Excel saves each formula's last value beside it; a workbook a program wrote (a portal's
export made by a library that does not calculate) has none, and calamine reads such a cell
as empty. Excel shows the value as soon as the file is opened, so the official sees a name
where procaudit would see an empty column. A formula that spells its text out has one value
whatever the workbook holds: `="1.000178"`, `=HYPERLINK("https://…", "Đăng ký khai sinh")`
(its text, or the link where it gives none). Those cells are read as that text; any other
formula saved without a value stays empty, and the reader's note says so (`formula_notes`);
its cell is marked (`Grid.unread`), as is a cell showing an Excel error (#N/A, #REF!), read
as empty too: a rule's finding that such a cell is empty is not what the official sees
(`engine.unread_hits`).
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field, replace
from pathlib import Path
from xml.etree import ElementTree

from procaudit.io.formula_cells import cell_position
from procaudit.io.grid import NO_VALUE, Grid
from procaudit.io.xlsx_parts import MAIN, sheet_parts

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


def _saved(cell: ElementTree.Element) -> bool:
    """Whether a cell of a sheet's XML holds a saved value (a formula whose saved result is
    "", IFERROR(…, ""), has an empty <v> of t="str")."""
    value = cell.find(f"{MAIN}v")
    return value is not None and (value.text is not None or cell.get("t") == "str")


@dataclass(frozen=True)
class SheetFormulas:
    """A sheet's formula cells of note: those saved without a value that spell their text
    out, by (Excel row, column from 0); the others saved without a value ("C3"); the cells
    holding an error ("B3 #N/A"); and those two kinds by (Excel row, column from 0), as
    `Grid.unread` marks them: `NO_VALUE` or the error shown."""

    texts: dict[tuple[int, int], str]
    no_value: list[str]
    errors: list[str]
    unread: dict[tuple[int, int], str] = field(default_factory=dict)


def sheet_formulas(path: Path, holding: frozenset[str]) -> dict[str, SheetFormulas]:
    """Sheet name -> its `SheetFormulas`, for the sheet parts `holding` a formula or an
    error (`limits.check_workbook`), the only ones parsed, once for both the cells read and
    the reader's notes."""
    if not holding:  # the usual case: no formula, nothing to parse
        return {}
    found: dict[str, SheetFormulas] = {}
    try:
        with zipfile.ZipFile(path) as archive:
            for sheet, part in sheet_parts(archive).items():
                if part in holding:
                    found[sheet] = _of_note(archive, part)
    except (zipfile.BadZipFile, KeyError, OSError, ElementTree.ParseError):
        return found  # calamine read the values; a part it skipped is no reason to stop
    return found


def _of_note(archive: zipfile.ZipFile, part: str) -> SheetFormulas:
    texts: dict[tuple[int, int], str] = {}
    unread: dict[tuple[int, int], str] = {}
    no_value, errors = [], []
    with archive.open(part) as stream:
        for _, element in ElementTree.iterparse(stream):
            if element.tag != f"{MAIN}c":
                continue
            formula, value = element.find(f"{MAIN}f"), element.find(f"{MAIN}v")
            if formula is not None and not _saved(element):
                text = literal_text(formula.text) if formula.text else None
                position = cell_position(element.get("r", ""))
                if text and position is not None:
                    texts[position] = text
                else:
                    no_value.append(element.get("r", "?"))
                    if position is not None:
                        unread[position] = NO_VALUE
            elif element.get("t") == "e" and value is not None and value.text:
                errors.append(f"{element.get('r', '?')} {value.text}")
                if (position := cell_position(element.get("r", ""))) is not None:
                    unread[position] = value.text
            element.clear()
    return SheetFormulas(texts, no_value, errors, unread)


def with_formula_texts(grids: list[Grid], found: dict[str, SheetFormulas]) -> list[Grid]:
    """The grids with each formula cell saved without a value that spells out its text
    (`literal_text`) holding that text, and the cells still read as empty that Excel shows
    a value in marked (`Grid.unread`)."""
    if not found:
        return grids
    return [
        _filled(grid, found[str(grid.sheet)]) if str(grid.sheet) in found else grid
        for grid in grids
    ]


def _filled(grid: Grid, formulas: SheetFormulas) -> Grid:
    texts = formulas.texts
    if formulas.unread:
        grid = replace(grid, unread=formulas.unread)
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
