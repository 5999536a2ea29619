"""Give a repaired workbook copy its formulas' saved values back.

openpyxl writes a formula without the value Excel saved with it (`<v/>`), and asks Excel to
recalculate on opening. Excel does; a program that reads the saved values does not: the
copy `fix` wrote read as empty cells wherever a formula fed a read column (a code taken by
VLOOKUP, a name joined from two cells), and `check` then reported them missing. No repair
touches a formula (`patch_cells.formula_cell`), so each formula's saved value in the
original is still its value in the copy: it is written back, cell by cell, in the sheets'
XML. A sheet whose cells are written otherwise (prefixed elements) is left as openpyxl
wrote it.
"""

from __future__ import annotations

import io
import re
import zipfile
from xml.etree import ElementTree

from procaudit.io.xlsx_parts import sheet_parts

_ATTRIBUTE = re.compile(r'(\w+)="([^"]*)"')
# A cell holding a formula: its attributes and what it holds (cells do not nest).
_CELL = re.compile(r"<c\b([^>/]*)>((?:(?!</c>).)*?<f\b(?:(?!</c>).)*)</c>", re.DOTALL)
_VALUE = re.compile(r"<v>((?:(?!</v>).)*)</v>", re.DOTALL)
_EMPTY_VALUE = re.compile(r"<v\s*/>|<v>\s*</v>")
_TYPE = re.compile(r'\st="[^"]*"')


def restore_formula_values(original: bytes, copy: bytes) -> bytes:
    """The copy with each formula's saved value taken from the original."""
    try:
        with zipfile.ZipFile(io.BytesIO(original)) as source:
            saved = {
                name: _saved_values(source.read(part).decode("utf-8"))
                for name, part in sheet_parts(source).items()
            }
        with zipfile.ZipFile(io.BytesIO(copy)) as target:
            parts = sheet_parts(target)
            rewritten: dict[str, bytes] = {}
            for name, part in parts.items():
                values = saved.get(name)
                text = _with_values(target.read(part).decode("utf-8"), values) if values else None
                if text is not None:
                    rewritten[part] = text.encode("utf-8")
            return _replaced_parts(target, rewritten) if rewritten else copy
    except (zipfile.BadZipFile, KeyError, UnicodeDecodeError, ElementTree.ParseError):
        return copy


def _saved_values(sheet: str) -> dict[str, tuple[str | None, str]]:
    """Each formula cell's reference -> (its type attribute, its saved value)."""
    found: dict[str, tuple[str | None, str]] = {}
    if "<f" not in sheet:  # most sheets hold no formula: no pass of the pattern
        return found
    for match in _CELL.finditer(sheet):
        attributes = dict(_ATTRIBUTE.findall(match.group(1)))
        value = _VALUE.search(match.group(2))
        if "r" in attributes and value is not None and value.group(1).strip():
            found[attributes["r"]] = (attributes.get("t"), value.group(1))
    return found


def _with_values(sheet: str, saved: dict[str, tuple[str | None, str]]) -> str | None:
    """The sheet with the saved values written into its formulas that lack one (None where
    none changes)."""
    changed = False

    def restore(match: re.Match[str]) -> str:
        nonlocal changed
        attributes, inside = match.group(1), match.group(2)
        if _VALUE.search(inside) is not None and not _EMPTY_VALUE.search(inside):
            return match.group(0)  # it has its value
        reference = dict(_ATTRIBUTE.findall(attributes)).get("r")
        if reference not in saved:
            return match.group(0)
        kind, value = saved[reference]
        attributes = _TYPE.sub("", attributes) + (f' t="{kind}"' if kind else "")
        if _EMPTY_VALUE.search(inside):
            inside = _EMPTY_VALUE.sub(lambda _: f"<v>{value}</v>", inside, count=1)
        else:
            inside += f"<v>{value}</v>"
        changed = True
        return f"<c{attributes}>{inside}</c>"

    text = _CELL.sub(restore, sheet)
    return text if changed else None


def _replaced_parts(archive: zipfile.ZipFile, parts: dict[str, bytes]) -> bytes:
    """The archive again, with these parts' contents replaced, the rest as it was."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as out:
        for info in archive.infolist():
            data = parts.get(info.filename)
            out.writestr(info, archive.read(info) if data is None else data)
    return buffer.getvalue()
