"""Cells a CSV export writes as Excel's text formula: `="1.000178"`.

Web portals and one-stop systems export CSV for Excel, and keep a code from becoming a number
(1.000178 read as 1.000178 the number, "000.00.15.H44" losing its zeros) by writing it as a
formula whose value is the text: Excel opens the cell as 1.000178, and the official sees no
"=" anywhere. Read as written, every code is malformed (PA101) and no name or code matches
another file's. The cell is read as Excel shows it: the text between the quotes, its doubled
quotes single. Only a whole cell of that form is: "=" inside a URL or a formula of another
kind stays as written.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pyarrow as pa
import pyarrow.compute as pc

if TYPE_CHECKING:  # the pyarrow reader starts before pandas is imported (read_ahead)
    import pandas as pd

# The whole cell: =" then text whose quotes are doubled, then the closing quote.
_FORMULA_TEXT = r'^="((?:[^"]|"")*)"$'
_FORMULA = re.compile(_FORMULA_TEXT, re.DOTALL)
OPENING = '="'  # what such a cell starts with: the files to look at hold it


def unwrapped(column: pa.Array | pa.ChunkedArray) -> pa.Array | pa.ChunkedArray:
    """The column (text, nulls) with each `="…"` cell as the text it shows; an empty one
    (`=""`) null. The column itself where no cell is one."""
    opening = pc.starts_with(column, OPENING)
    if not pc.any(opening).as_py():  # a URL's "=": one cheap kernel, no regex
        return column
    wrapped = pc.and_(opening, pc.match_substring_regex(column, _FORMULA_TEXT))
    if not pc.any(wrapped).as_py():
        return column
    inner = pc.replace_substring_regex(column, _FORMULA_TEXT, r"\1")
    inner = pc.replace_substring(inner, '""', '"')
    inner = pc.if_else(pc.equal(inner, ""), pa.scalar(None, column.type), inner)
    return pc.if_else(wrapped, inner, column)


def unwrapped_cells(cells: pd.DataFrame) -> pd.DataFrame:
    """`unwrapped` of a frame of cells held as Python objects (text or None): the careful
    reader's."""
    return cells.apply(lambda column: column.map(_shown, na_action="ignore"))


def _shown(cell: object) -> object:
    if not isinstance(cell, str):
        return cell
    return excel_shows(cell) if is_formula_text(cell) else cell


def is_formula_text(cell: str) -> bool:
    """Whether a cell as the CSV file holds it is Excel's text formula (`="1.000178"`)."""
    return cell.startswith(OPENING) and _FORMULA.fullmatch(cell) is not None


def excel_shows(cell: str) -> str | None:
    """The text Excel shows of a `="…"` cell ("1.000178"), None for `=""`; any other cell
    as it is."""
    found = _FORMULA.fullmatch(cell) if cell.startswith(OPENING) else None
    if found is None:
        return cell
    return found.group(1).replace('""', '"') or None


def as_formula_text(text: str) -> str:
    """`text` written as Excel's text formula: a repaired copy keeps the cell's form."""
    return OPENING + text.replace('"', '""') + '"'
