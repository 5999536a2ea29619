"""A block of a sheet's rows as XML, built a column at a time with Arrow kernels (issue 19).

`SheetRows.append` renders one row of Python values; a fix-list of 35,000 findings spent
~3 s of CPU building and rendering its 70,000 rows that way. Here each column of a block is
one Arrow array: its texts made safe, escaped and wrapped in their cells' XML by kernels over
the whole column, and the rows joined the same way, so no Python runs per cell. The XML is
the very text `SheetRows.append` writes for the same values (tests/report compares them).
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from typing import NamedTuple

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
from openpyxl.utils import get_column_letter

from procaudit.core.text_safety import FORMULA_STARTS, neutralise, xml_safe

# Python's whitespace (str.isspace, which str.strip and str.lstrip use), and the first
# characters after which `as_text` may change a text: a formula's sign or a space.
SPACES = pa.array([c for c in map(chr, range(0x3001)) if c.isspace()])
CHANGING_FIRST = pa.array([*FORMULA_STARTS, *SPACES.to_pylist()])
NOT_XML_TEXT = "[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x{fffe}\\x{ffff}]"  # NOT_XML in Arrow's text
_LINE_CONTROLS = np.array([9, 10, 13], np.uint8)  # the controls XML holds
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
    changing = _starts_with(array, CHANGING_FIRST)
    if _may_hold_not_xml(array):
        changing = pc.or_(changing, pc.match_substring_regex(array, NOT_XML_TEXT))
    changing = pc.fill_null(changing, False)
    if not pc.any(changing).as_py():
        return array
    changed = [_as_text(text) for text in array.filter(changing).to_pylist()]
    return pc.replace_with_mask(array, changing, pa.array(changed, pa.string()))


def _starts_with(array: pa.Array, characters: pa.Array, end: bool = False) -> pa.Array:
    """Whether each text starts (or with `end`, ends) with one of `characters`."""
    edge = pc.utf8_slice_codeunits(array, -1 if end else 0, 2**31 - 1 if end else 1)
    return pc.is_in(edge, value_set=characters)


def _may_hold_not_xml(array: pa.Array) -> bool:
    """False where no text can hold a character XML forbids: a screen of the bytes, a
    control other than a tab or a line end, or U+FFFE or U+FFFF (EF BF BE, EF BF BF)."""
    data = array.buffers()[2] if array.type == pa.string() else None
    if data is None:
        return True
    raw = np.frombuffer(data, np.uint8)
    low = raw[raw < 0x20]
    if np.isin(low, _LINE_CONTROLS, invert=True).any():
        return True
    text = data.to_pybytes()
    return b"\xef\xbf\xbe" in text or b"\xef\xbf\xbf" in text


def _as_text(text: str) -> str:
    return xml_safe(neutralise(text), "")


def escape(array: pa.Array) -> pa.Array:
    """`sheet_xml.escape` of each text; only the replacements some text needs are made
    (a search of the column's bytes is much cheaper than a replacement that finds nothing)."""
    data = array.buffers()[2] if array.type == pa.string() else None
    text = data.to_pybytes() if data is not None else b"&<>"
    for character, entity in (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;")):
        if character.encode() in text:
            array = pc.replace_substring(array, character, entity)
    return array


def text_element(array: pa.Array) -> pa.Array:
    """Each text as `sheet_xml._t` writes it: `<t>`, with its spaces kept at either end."""
    edges = pc.or_(_starts_with(array, SPACES), _starts_with(array, SPACES, end=True))
    space = pc.if_else(pc.fill_null(edges, False), ' xml:space="preserve"', "")
    return pc.binary_join_element_wise("<t", space, ">", escape(array), "</t>", "")


def joined(*parts: object) -> pa.Array:
    """Texts (arrays or one text for all) joined element by element, with no separator."""
    return pc.binary_join_element_wise(*parts, "")


def _cells_xml(letter: str, numbers: pa.Array, cells: Cells) -> pa.Array:
    """The column's cells as `SheetRows.append` writes them; "" where it writes none."""
    values, styles = cells.values, cells.styles
    styled = styles is not None and pc.any(pc.not_equal(styles, 0)).as_py()
    if styled:
        assert styles is not None
        attribute = pc.if_else(
            pc.equal(styles, 0), "", joined(' s="', pc.cast(styles, pa.string()), '"')
        )
        head: tuple[object, ...] = ('<c r="', letter, numbers, '"', attribute)
    else:
        head = ('<c r="', letter, numbers, '"')
    if pa.types.is_integer(values.type):
        xml = joined(*head, ' t="n"><v>', pc.cast(values, pa.string()), "</v></c>")
        present = pc.is_valid(values)
    else:
        xml = joined(*head, ' t="inlineStr"><is>', text_element(values), "</is></c>")
        present = pc.fill_null(pc.greater(pc.utf8_length(values), 0), False)
    xml = pc.if_else(present, xml, "")
    if styled:  # an empty cell that shows its style
        assert styles is not None
        empty = pc.and_(pc.invert(present), pc.not_equal(styles, 0))
        xml = pc.if_else(empty, joined(*head, ' t="inlineStr" />'), xml)
    return xml


def rows_xml(first: int, columns: Sequence[Cells]) -> bytes:
    """The XML of a block of rows numbered from `first`, the columns from A."""
    count = len(columns[0].values) if columns else 0
    return numbered_rows_xml(np.arange(first, first + count), columns, [count])[0]


def numbered_rows_xml(
    numbers: np.ndarray, columns: Sequence[Cells], counts: Sequence[int]
) -> list[bytes]:
    """The XML of rows numbered `numbers` (one number a row of `columns`, the columns from
    A), cut into parts of `counts` rows: the blocks of many tables written at once, one set
    of kernels for them all, not one a table (a folder's fix-list has a block a file)."""
    letters = [get_column_letter(position) for position in range(1, len(columns) + 1)]
    texts: list[bytes] = []
    ends: list[np.ndarray] = []  # each row's end in the text, rendered BLOCK rows at a time
    written = 0
    for start in range(0, len(numbers), BLOCK):
        size = min(BLOCK, len(numbers) - start)
        labels = pc.cast(pa.array(numbers[start : start + size]), pa.string())
        cells = [
            _cells_xml(letter, labels, Cells(c.values.slice(start, size), _part(c, start, size)))
            for letter, c in zip(letters, columns, strict=True)
        ]
        rows = joined('<row r="', labels, '">', *cells, "</row>")
        offsets = np.frombuffer(rows.buffers()[1], np.int32)[rows.offset : rows.offset + size + 1]
        texts.append(joined_bytes(rows))
        ends.append(offsets[1:].astype(np.int64) - offsets[0] + written)
        written += len(texts[-1])
    text = b"".join(texts)
    if len(counts) == 1:  # one block (a large table's): not copied again by a slice
        return [text]
    row_ends = np.concatenate([np.zeros(1, np.int64), *ends])
    cuts = np.cumsum([0, *counts])
    return [text[row_ends[a] : row_ends[b]] for a, b in itertools.pairwise(cuts.tolist())]


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
