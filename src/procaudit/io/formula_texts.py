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

import html
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import IO
from xml.etree import ElementTree

from procaudit.io.formula_cells import cell_position
from procaudit.io.grid import NO_VALUE, Grid
from procaudit.io.xlsx_parts import sheet_parts

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


# The cells of note in a sheet's XML, found without parsing the others: a sheet numbering its
# rows by formula (=ROW()-5) holds one in every row, among a hundred thousand other cells.
# A formula cell is found from its <f> (first in a cell, by the schema's order), a cell of
# type "e" (an error value, pasted as values) by the pattern, and only in a piece holding one.
_ERROR_CELL = re.compile(
    rb'<(?:\w+:)?c\s(?P<attrs>[^>]*?\bt="e"[^>]*?)(?<!/)>(?P<body>.*?)</(?:\w+:)?c>', re.DOTALL
)
# The general pattern for formula cells, for a sheet whose elements carry a prefix (<x:c>).
_FORMULA_CELL = re.compile(
    rb"<(?:\w+:)?c(?P<attrs>(?:\s[^>]*?)?)(?<!/)>(?P<body>\s*<(?:\w+:)?f[\s>/].*?)</(?:\w+:)?c>",
    re.DOTALL,
)
_PREFIXED = re.compile(rb"<\w+:c\s")
_FORMULA = re.compile(rb"<(?:\w+:)?f\b[^>]*?(?:/>|>(?P<text>.*?)</(?:\w+:)?f>)", re.DOTALL)
# A saved value: <v>…</v>, or <v/> and <v></v>, which save none, except as a text formula's
# ("", IFERROR(…, "")).
_VALUE = re.compile(rb"<(?:\w+:)?v\s*(?:/>|>(?P<text>.*?)</(?:\w+:)?v>)", re.DOTALL)
_REF = re.compile(rb'\br="([A-Za-z]{1,3}[0-9]+)"')
_TEXT_TYPE = re.compile(rb'\bt="str"')
_ROW_END = re.compile(rb"</(?:\w+:)?row>")
_CHUNK = 4 * 1024 * 1024
_AFTER_NAME = (b" ", b">", b"/", b"\t", b"\n", b"\r")  # what ends an element's name


def _pieces(stream: IO[bytes]) -> Iterator[bytes]:
    """A sheet's XML in pieces that end where a row ends, so that no cell is cut in two."""
    rest = b""
    while chunk := stream.read(_CHUNK):
        data = rest + chunk
        end = data.rfind(b"row>")
        while end >= 0 and _ROW_END.search(data, max(0, end - 40), end + 4) is None:
            end = data.rfind(b"row>", 0, end)
        if end < 0:  # a row longer than a chunk: read on
            rest = data
            continue
        yield data[: end + 4]
        rest = data[end + 4 :]
    if rest:
        yield rest


def _text(raw: bytes | None) -> str | None:
    """An XML text as Python text, its entities (&quot;, &amp;, &#10;) resolved."""
    return None if raw is None else html.unescape(raw.decode("utf-8", "replace"))


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
    found = SheetFormulas({}, [], [])
    with archive.open(part) as stream:
        for piece in _pieces(stream):
            cells: Iterator[tuple[bytes, bytes]] = (
                ((m.group("attrs"), m.group("body")) for m in _FORMULA_CELL.finditer(piece))
                if b":c " in piece and _PREFIXED.search(piece)
                else _formula_cells(piece)
            )
            for attrs, body in cells:
                _note_formula(found, attrs, body)
            if b't="e"' in piece:
                for cell in _ERROR_CELL.finditer(piece):
                    if _FORMULA.search(cell.group("body")) is None:  # a formula's: noted above
                        _note_error(found, cell.group("attrs"), cell.group("body"))
    return found


def _formula_cells(piece: bytes) -> Iterator[tuple[bytes, bytes]]:
    """The attributes and the content of each formula cell of a piece of a sheet whose
    elements carry no prefix, found from their <f>, as fast as bytes are searched."""
    at = piece.find(b"<f")
    while at >= 0:
        # "<filterColumn>", "<formula1>" after the cells are no formulas.
        if piece[at + 2 : at + 3] in _AFTER_NAME:
            start = piece.rfind(b"<c", 0, at)
            while start >= 0 and piece[start + 2 : start + 3] not in _AFTER_NAME:
                start = piece.rfind(b"<c", 0, start)  # not "<cols>": the cell's own tag
            end = piece.find(b"</c>", at)
            if start < 0 or end < 0:
                return
            opened = piece.find(b">", start)
            yield piece[start + 2 : opened], piece[opened + 1 : end]
            at = end
        at = piece.find(b"<f", at + 2)


def _note_formula(found: SheetFormulas, attrs: bytes, body: bytes) -> None:
    """Note a formula cell saved without a value (its text, where it spells one out), or
    showing an error."""
    if _saved(attrs, body):
        if b't="e"' in attrs:
            _note_error(found, attrs, body)
        return
    ref = _ref(attrs)
    formula = _FORMULA.search(body)
    literal = _text(formula.group("text")) if formula else None
    text = literal_text(literal) if literal else None
    position = cell_position(ref)
    if text and position is not None:
        found.texts[position] = text
        return
    found.no_value.append(ref or "?")
    if position is not None:
        found.unread[position] = NO_VALUE


def _saved(attrs: bytes, body: bytes) -> bool:
    """Whether a formula cell holds a saved value: a filled <v>, or an empty one of a text
    formula (its result "", IFERROR(…, ""))."""
    if b":v" in body:  # prefixed elements (<x:v>): by the pattern
        value = _VALUE.search(body)
        if value is None:
            return False
        if value.group("text"):
            return True
    else:  # most formulas, saved with their value: told without a pattern
        if b"<v" not in body:
            return False
        if b"</v>" in body and b"<v></v>" not in body:
            return True
    return _TEXT_TYPE.search(attrs) is not None


def _note_error(found: SheetFormulas, attrs: bytes, body: bytes) -> None:
    """Note a cell showing an error value (#N/A, #REF!)."""
    value = _VALUE.search(body)
    shown = _text(value.group("text")) if value else None
    if not shown:
        return
    ref = _ref(attrs)
    found.errors.append(f"{ref or '?'} {shown}")
    if (position := cell_position(ref)) is not None:
        found.unread[position] = shown


def _ref(attrs: bytes) -> str:
    found = _REF.search(attrs)
    return found.group(1).decode() if found else ""


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
