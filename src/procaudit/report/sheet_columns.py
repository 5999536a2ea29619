"""A block of a sheet's rows as XML, built a column at a time with Arrow kernels (issue 19).

`SheetRows.append` renders one row of Python values; a fix-list of 35,000 findings spent
~3 s of CPU building and rendering its 70,000 rows that way. Here each column of a block is
one Arrow array: its texts made safe, escaped and wrapped in their cells' XML by kernels over
the whole column, and the rows joined the same way, so no Python runs per cell. The XML is
the very text `SheetRows.append` writes for the same values (tests/report compares them).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
from openpyxl.utils import get_column_letter

from procaudit.core.text_safety import FORMULA_STARTS, neutralise, xml_safe

# Python's whitespace (str.isspace, which str.strip and str.lstrip use), for RE2.
_SPACE = "".join(f"\\x{{{ord(c):x}}}" for c in map(chr, range(0x3001)) if c.isspace())
EDGE_SPACE = f"^[{_SPACE}]|[{_SPACE}]$"
# A text `as_text` may change: a formula's sign or a space first, or a character XML forbids
# (lone surrogates never reach Arrow, whose strings are UTF-8).
_FORMULA = "".join(re.escape(sign) for sign in FORMULA_STARTS)
NOT_XML_TEXT = "[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x{fffe}\\x{ffff}]"  # NOT_XML in Arrow's text
MAY_CHANGE = f"^[{_FORMULA}{_SPACE}]|{NOT_XML_TEXT}"
BLOCK = 50_000  # rows rendered at a time: the arrays of a block stay small


class Cells(NamedTuple):
    """One column of a block: text or integer values (null: no value), and each cell's
    style number (0: none; a styled cell is written even when empty), None if unstyled."""

    values: pa.Array
    styles: pa.Array | None = None


def text_array(values: Sequence[str | None] | np.ndarray) -> pa.Array:
    """Texts as an Arrow array made safe as `workbook.as_text` makes each (never run as a
    formula, characters XML forbids dropped): the kernels find the few it changes."""
    try:
        array = pa.array(values, pa.string())
    except (UnicodeEncodeError, pa.ArrowInvalid):  # a lone surrogate: the slow way, once
        return pa.array([None if text is None else _as_text(text) for text in values])
    return safe_texts(array)


def safe_texts(array: pa.Array) -> pa.Array:
    """`workbook.as_text` of each text of a string array."""
    changing = pc.fill_null(pc.match_substring_regex(array, MAY_CHANGE), False)
    if not pc.any(changing).as_py():
        return array
    changed = [_as_text(text) for text in array.filter(changing).to_pylist()]
    return pc.replace_with_mask(array, changing, pa.array(changed, pa.string()))


def _as_text(text: str) -> str:
    return xml_safe(neutralise(text), "")


def escape(array: pa.Array) -> pa.Array:
    """`sheet_xml.escape` of each text."""
    array = pc.replace_substring(array, "&", "&amp;")
    return pc.replace_substring(pc.replace_substring(array, "<", "&lt;"), ">", "&gt;")


def text_element(array: pa.Array) -> pa.Array:
    """Each text as `sheet_xml._t` writes it: `<t>`, with its spaces kept at either end."""
    space = pc.if_else(
        pc.fill_null(pc.match_substring_regex(array, EDGE_SPACE), False),
        ' xml:space="preserve"',
        "",
    )
    return pc.binary_join_element_wise("<t", space, ">", escape(array), "</t>", "")


def _join(*parts: object) -> pa.Array:
    return pc.binary_join_element_wise(*parts, "")


def _cells_xml(letter: str, numbers: pa.Array, cells: Cells) -> pa.Array:
    """The column's cells as `SheetRows.append` writes them; "" where it writes none."""
    values, styles = cells.values, cells.styles
    styled = styles is not None and pc.any(pc.not_equal(styles, 0)).as_py()
    if styled:
        assert styles is not None
        attribute = pc.if_else(
            pc.equal(styles, 0), "", _join(' s="', pc.cast(styles, pa.string()), '"')
        )
        head: tuple[object, ...] = ('<c r="', letter, numbers, '"', attribute)
    else:
        head = ('<c r="', letter, numbers, '"')
    if pa.types.is_integer(values.type):
        xml = _join(*head, ' t="n"><v>', pc.cast(values, pa.string()), "</v></c>")
        present = pc.is_valid(values)
    else:
        xml = _join(*head, ' t="inlineStr"><is>', text_element(values), "</is></c>")
        present = pc.fill_null(pc.greater(pc.utf8_length(values), 0), False)
    xml = pc.if_else(present, xml, "")
    if styled:  # an empty cell that shows its style
        assert styles is not None
        empty = pc.and_(pc.invert(present), pc.not_equal(styles, 0))
        xml = pc.if_else(empty, _join(*head, ' t="inlineStr" />'), xml)
    return xml


def rows_xml(first: int, columns: Sequence[Cells]) -> bytes:
    """The XML of a block of rows numbered from `first`, the columns from A."""
    count = len(columns[0].values) if columns else 0
    letters = [get_column_letter(position) for position in range(1, len(columns) + 1)]
    parts = []
    for start in range(0, count, BLOCK):
        size = min(BLOCK, count - start)
        numbers = pc.cast(pa.array(np.arange(first + start, first + start + size)), pa.string())
        cells = [
            _cells_xml(letter, numbers, Cells(c.values.slice(start, size), _part(c, start, size)))
            for letter, c in zip(letters, columns, strict=True)
        ]
        parts.append(joined_bytes(_join('<row r="', numbers, '">', *cells, "</row>")))
    return b"".join(parts)


def _part(cells: Cells, start: int, size: int) -> pa.Array | None:
    return None if cells.styles is None else cells.styles.slice(start, size)


def joined_bytes(array: pa.Array) -> bytes:
    """The texts of a string array without nulls, one after the other, as UTF-8: its data."""
    if len(array) == 0:
        return b""
    offsets = np.frombuffer(array.buffers()[1], np.int32)[
        array.offset : array.offset + len(array) + 1
    ]
    return array.buffers()[2].to_pybytes()[offsets[0] : offsets[-1]]


def not_xml_free(texts: pa.Array) -> pa.Array:
    """`xml_safe(text, "")` of each text (a comment's)."""
    return pc.replace_substring_regex(texts, NOT_XML_TEXT, "")
