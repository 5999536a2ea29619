"""What Excel shows of a number that has a national code's six decimals, where the cell's
number format shows fewer: 1.013807 under the format "0.00" shows "1.01".

calamine reads values, not formats. A code kept as a number with all of its digits is right
as a value, and a General cell shows it so; under a format of fewer decimals the official
sees another code. Only such numbers are looked up (a number with six decimals is rare in a
sheet but in a code column), and only in an xlsx: its styles give each cell's format, and
the sheet's XML each cell's style. The text shown is given back by the cell's row and column
(`Grid.shown`), for the code column to report (`io.number_codes`).
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import pandas as pd

from procaudit.io.grid import Grid, NumberText
from procaudit.io.xlsx_parts import MAIN, sheet_parts

_SIX_DECIMALS = re.compile(r"\d\.\d{6}")
# Excel's built-in formats of numbers (ids below 164 not listed: dates, times, fractions, text
# or General, whose decimals are not "fewer").
_BUILT_IN = {1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 37: "#,##0 ;(#,##0)"}
_BUILT_IN |= {38: "#,##0 ;[Red](#,##0)", 39: "#,##0.00;(#,##0.00)", 40: "#,##0.00;[Red](#,##0.00)"}
_QUOTED = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]')
_DECIMALS = re.compile(r"\.([0#?]*)")
_OTHER = re.compile(r"[%Ee/@dmyhs]", re.IGNORECASE)  # percent, exponent, a date, text


def numbers_shown(path: Path, sheet: str, grid: Grid) -> dict[tuple[int, int], str]:
    """(row, column position) -> the text shown, for the cells of `grid` holding a number of
    six decimals that their format shows with fewer; rows as the user numbers them. Empty
    for a sheet without such numbers, and where the file's parts cannot be read."""
    wanted = _six_decimals(grid)
    if not wanted:
        return {}
    try:
        with zipfile.ZipFile(path) as archive:
            part = sheet_parts(archive).get(sheet)
            if part is None or "xl/styles.xml" not in archive.namelist():
                return {}
            decimals = _style_decimals(ElementTree.fromstring(archive.read("xl/styles.xml")))
            styles = _styles_of(archive, part, set(wanted))
    except (zipfile.BadZipFile, KeyError, OSError, ElementTree.ParseError, ValueError):
        return {}
    shown = {}
    for reference, (at, number) in wanted.items():
        places = decimals.get(styles.get(reference, 0))
        if places is not None and places < 6:
            shown[at] = f"{float(number):.{places}f}"
    return shown


def _six_decimals(grid: Grid) -> dict[str, tuple[tuple[int, int], str]]:
    """Cell reference ("B16") -> ((row, column), its text) of the cells holding a number of
    six decimals: only in the columns that hold numbers (objects, see `grid.text_grid`)."""
    found: dict[str, tuple[tuple[int, int], str]] = {}
    arrow = grid.arrow_columns()  # None for a column of objects (numbers): kept on the grid
    for at, position in enumerate(grid.cells.columns):
        if arrow[at] is not None:
            continue
        column = grid.cells.iloc[:, at]
        # One look at each cell of the column, as `grid.cell_text` took for each: pandas'
        # string methods cost a hundred times more on a commune's thirty rows.
        for index, value in enumerate(column.to_numpy()):
            if type(value) is NumberText and len(value) == 8 and _SIX_DECIMALS.fullmatch(value):
                row = int(grid.rows.iloc[index])
                found[f"{_letters(int(position))}{row}"] = ((row, int(position)), value)
    return found


def _letters(position: int) -> str:
    letters, number = "", position + 1
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def _style_decimals(styles: ElementTree.Element) -> dict[int, int]:
    """Cell style (its index in cellXfs) -> the decimals its number format shows, for the
    styles whose format is a plain number's."""
    formats = dict(_BUILT_IN)
    for found in styles.iter(f"{MAIN}numFmt"):
        formats[int(found.get("numFmtId", "-1"))] = found.get("formatCode", "")
    decimals = {}
    cell_styles = styles.find(f"{MAIN}cellXfs")
    for index, style in enumerate(() if cell_styles is None else cell_styles):
        code = formats.get(int(style.get("numFmtId", "0")))
        places = None if code is None else _places(code)
        if places is not None:
            decimals[index] = places
    return decimals


def _places(code: str) -> int | None:
    """The decimals a number format shows of a positive number; None for one that is not a
    plain number's (General, text, a date, a percentage, an exponent)."""
    section = _QUOTED.sub("", code.split(";")[0])
    if not section.strip() or section.strip().lower() == "general" or _OTHER.search(section):
        return None
    match = _DECIMALS.search(section)
    return len(match.group(1)) if match else 0


def _styles_of(archive: zipfile.ZipFile, part: str, references: set[str]) -> dict[str, int]:
    """The style of each of the cells `references` of a sheet's part, read as a stream that
    stops once all are found."""
    styles: dict[str, int] = {}
    with archive.open(part) as stream:
        for _, element in ElementTree.iterparse(stream):
            if element.tag == f"{MAIN}c":
                reference = element.get("r", "")
                if reference in references:
                    styles[reference] = int(element.get("s", "0"))
                    if len(styles) == len(references):
                        break
                element.clear()
    return styles


def code_shown(grid: Grid, rows: pd.Series, position: int) -> pd.Series | None:
    """The text shown of each body row's cell of column `position` (None where Excel shows
    the number itself); None where no cell of the sheet is shown otherwise."""
    if not grid.shown:
        return None
    shown = [grid.shown.get((int(row), position)) for row in rows]
    return pd.Series(shown, dtype=object) if any(shown) else None
