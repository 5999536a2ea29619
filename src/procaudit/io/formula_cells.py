"""Which cells of an xlsx or xlsm workbook hold formulas, and where a simple one takes its
value from.

`fix` never rewrites a formula (`patch_cells.formula_cell`): its repair is held back. That must
be known when the repairs are planned, not only when the copy is written, so that
`fix --diff` promises no repair `fix` then refuses. A formula that only repeats another cell
(=O1, =$O$1, =DM!B2) is named by that cell, which is the one to repair. calamine gives the
saved values only; the formulas are read from the sheets' XML, and only in the sheets that
hold one.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import IO
from xml.etree import ElementTree

from procaudit.core.changes import CellChange
from procaudit.io.patch_cells import formula_cell
from procaudit.io.xlsx_parts import sheet_parts

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REFERENCE = re.compile(r"([A-Z]{1,3})(\d+)")
# A formula that is one cell's reference: an optional sheet ('Danh mục'! or DM!), then the cell.
_SIMPLE = re.compile(
    r"=?\s*(?P<sheet>(?:'(?:[^']|'')+'|[^\s!'()=,;:+*/&<>^\"-]+)!)?"
    r"(?P<col_fixed>\$?)(?P<col>[A-Za-z]{1,3})(?P<row_fixed>\$?)(?P<row>\d+)\s*"
)

# (row as Excel numbers it, column 0-based) -> the formula, "=" first
Formulas = dict[tuple[int, int], str]
_KEEPING_FORMULAS = frozenset({".xlsx", ".xlsm"})  # a converted copy keeps their values


def held_by_formulas(
    source: Path, changes: Sequence[CellChange]
) -> tuple[tuple[CellChange, ...], tuple[tuple[CellChange, str], ...]]:
    """The changes a copy of `source` can take, and those of cells holding a formula, with
    why (naming the cell a formula repeats): known when the repairs are planned, so that
    `fix --diff` says what `fix` will do. Only an xlsx or xlsm keeps its formulas; the
    copy of an xls or ods keeps their values, which are repaired."""
    if Path(source).suffix.lower() not in _KEEPING_FORMULAS or not changes:
        return tuple(changes), ()
    formulas = formula_cells(Path(source))
    if not formulas:
        return tuple(changes), ()
    kept: list[CellChange] = []
    held: list[tuple[CellChange, str]] = []
    for change in changes:
        formula = formulas.get(change.sheet or "", {}).get((change.row, change.column))
        if formula is None:
            kept.append(change)
        else:
            held.append((change, formula_cell(formula_source(formula))))
    return tuple(kept), tuple(held)


def formula_cells(path: Path) -> dict[str, Formulas]:
    """Sheet name -> its formula cells; empty for a workbook that is no xlsx (xls, ods: their
    copy keeps a formula as its value, which is then repaired) or that holds no formula."""
    found: dict[str, Formulas] = {}
    try:
        with zipfile.ZipFile(path) as archive:
            for name, part in sheet_parts(archive).items():
                with archive.open(part) as stream:
                    if not _holds_formula(stream):
                        continue
                with archive.open(part) as stream:
                    formulas = _formulas(stream)
                if formulas:
                    found[name] = formulas
    except (zipfile.BadZipFile, KeyError, OSError, ElementTree.ParseError):
        return found  # the reader said what it could not read; nothing is held back here
    return found


def _holds_formula(stream: IO[bytes]) -> bool:
    """One search per block of the sheet for "<f>" or "<f ", as `limits` scans it."""
    tail = b""
    while block := stream.read(1 << 20):
        data = tail + block
        if b"<f>" in data or b"<f " in data:
            return True
        tail = data[-3:]
    return False


def _formulas(stream: IO[bytes]) -> Formulas:
    formulas: Formulas = {}
    shared: dict[str, tuple[int, int, str]] = {}  # si -> the master's row, column and text
    for _, element in ElementTree.iterparse(stream):
        if element.tag != f"{_MAIN}c":
            continue
        formula = element.find(f"{_MAIN}f")
        place = cell_position(element.get("r", ""))
        if formula is not None and place is not None:
            text = formula.text or ""
            index = formula.get("si")
            if formula.get("t") == "shared" and index is not None:
                if text:
                    shared[index] = (*place, text)
                elif index in shared:  # a copy of the master's, moved as Excel moves it
                    row, column, master = shared[index]
                    text = moved(master, place[0] - row, place[1] - column) or ""
            formulas[place] = "=" + text
        element.clear()
    return formulas


def cell_position(reference: str) -> tuple[int, int] | None:
    """ "I12" -> (12, 8): Excel's row, the 0-based column."""
    match = _REFERENCE.fullmatch(reference)
    if match is None:
        return None
    column = 0
    for letter in match.group(1):
        column = column * 26 + ord(letter) - ord("A") + 1
    return int(match.group(2)), column - 1


def moved(formula: str, rows: int, columns: int) -> str | None:
    """A simple reference moved by `rows` and `columns` where it is not fixed by "$" (a shared
    formula's copy); None for any other formula."""
    match = _SIMPLE.fullmatch(formula)
    if match is None:
        return None
    place = cell_position(match["col"].upper() + match["row"])
    if place is None:
        return None
    row = place[0] + (0 if match["row_fixed"] else rows)
    column = place[1] + (0 if match["col_fixed"] else columns)
    if row < 1 or column < 0:
        return None
    return (
        f"{match['sheet'] or ''}{match['col_fixed']}{column_letters(column)}"
        f"{match['row_fixed']}{row}"
    )


def formula_source(formula: str) -> str | None:
    """The cell a formula only repeats ("=$O$1" -> "O1", "='Danh mục'!B2" -> "'Danh mục'!B2"),
    None for any other formula."""
    match = _SIMPLE.fullmatch(formula)
    if match is None:
        return None
    return f"{match['sheet'] or ''}{match['col'].upper()}{match['row']}"


def column_letters(column: int) -> str:
    """0 -> "A", 26 -> "AA"."""
    letters, number = "", column + 1
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters
