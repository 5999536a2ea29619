"""The bulk of a workbook's sheet as XML text: its rows, and the comments on its cells.

openpyxl builds a cell object per value and serialises it element by element: a fix-list of
85,000 findings took about 25 s of CPU for its rows and 8 s for 35,000 comments, in write-only
mode as cell by cell (issue 19). The rows here are plain values or styled cells (`Styled`,
whose style openpyxl has numbered), rendered with string formatting into the same XML openpyxl
writes (inline strings, numbers, style ids), and spliced into the package openpyxl lays out
(`procaudit.report.workbook`). The values come in already safe: text made safe for XML and
never starting with '=' unless it is a string cell (`t="inlineStr"`, which is never a formula).
A block of many rows comes already written (`SheetRows.extend`, from
`procaudit.report.sheet_columns`), and the comments are written as columns (`NoteColumns`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
from openpyxl.utils import get_column_letter

from procaudit.report.sheet_columns import joined, joined_bytes, text_element

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships"
COMMENTS_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"
VML_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing"
COMMENTS_CONTENT = "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"
VML_CONTENT = "application/vnd.openxmlformats-officedocument.vmlDrawing"
# The id by which a sheet names its comments' drawing (openpyxl's own).
DRAWING_ID = "anysvml"


class Note(NamedTuple):
    """A comment on a cell: its text and author, and its box's size in pixels."""

    text: str
    author: str
    width: int
    height: int


class Styled(NamedTuple):
    """A cell with a style (openpyxl's number for it, 0: none) or a comment."""

    value: str | int | None
    style: int
    note: Note | None = None


Entry = str | int | None | Styled  # a row's cell: a value, or a styled or commented cell


class NoteColumns(NamedTuple):
    """Comments on cells as columns: their rows and columns (from 1), texts (safe for XML),
    authors (numbers into `authors`, first seen first) and boxes' sizes in pixels."""

    rows: pa.Array
    columns: pa.Array
    texts: pa.Array
    author_ids: pa.Array
    authors: list[str]
    widths: pa.Array
    heights: pa.Array

    @classmethod
    def of(cls, notes: Sequence[tuple[int, int, Note]]) -> NoteColumns:
        authors = list(dict.fromkeys(note.author for _, _, note in notes))
        numbers = {author: position for position, author in enumerate(authors)}
        return cls(
            pa.array([row for row, _, _ in notes], pa.int64()),
            pa.array([column for _, column, _ in notes], pa.int64()),
            pa.array([note.text for _, _, note in notes], pa.string()),
            pa.array([numbers[note.author] for _, _, note in notes], pa.int64()),
            authors,
            pa.array([note.width for _, _, note in notes], pa.int64()),
            pa.array([note.height for _, _, note in notes], pa.int64()),
        )


def escape(text: str) -> str:
    # Three replacements, each a C loop that finds nothing in most cells: faster than
    # str.translate by a table, which goes through Python for every character.
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _t(text: str) -> str:
    # Spaces at either end are kept only when the element says so.
    space = ' xml:space="preserve"' if text != text.strip() else ""
    return f"<t{space}>{escape(text)}</t>"


def _cell(reference: str, value: str | int | None, style: int) -> str:
    styled = f' s="{style}"' if style else ""
    if isinstance(value, int):
        return f'<c r="{reference}"{styled} t="n"><v>{value}</v></c>'
    if not value:  # an empty cell that shows a style
        return f'<c r="{reference}"{styled} t="inlineStr" />'
    return f'<c r="{reference}"{styled} t="inlineStr"><is>{_t(value)}</is></c>'


class SheetRows:
    """The rows of one sheet as XML text, and the notes on its cells, in the order appended."""

    def __init__(self) -> None:
        self.parts: list[str | bytes] = []
        self.notes: list[tuple[int, int, Note]] = []  # (row, column) from 1, and the note
        self.note_blocks: list[NoteColumns] = []  # the notes before, as columns
        self.count = 0
        self.letters: list[str] = []

    def append(self, entries: Sequence[Entry]) -> None:
        self.count += 1
        number = self.count
        while len(self.letters) < len(entries):
            self.letters.append(get_column_letter(len(self.letters) + 1))
        cells = [f'<row r="{number}">']
        for column, (letter, entry) in enumerate(zip(self.letters, entries, strict=False), 1):
            if entry.__class__ is str:  # most cells: text, written here without a call
                if entry:  # openpyxl writes an empty text as an empty cell: read as none
                    space = ' xml:space="preserve"' if entry != entry.strip() else ""
                    text = entry.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                    cells.append(
                        f'<c r="{letter}{number}" t="inlineStr"><is><t{space}>{text}</t></is></c>'
                    )
            elif isinstance(entry, Styled):
                cells.append(_cell(f"{letter}{number}", entry.value, entry.style))
                if entry.note is not None:
                    self.notes.append((number, column, entry.note))
            elif entry is not None:
                cells.append(_cell(f"{letter}{number}", entry, 0))
        cells.append("</row>")
        self.parts.append("".join(cells))

    def extend(self, xml: bytes, count: int, notes: NoteColumns | None = None) -> None:
        """Add `count` rows already written as XML (`sheet_columns.rows_xml`, numbered from
        `self.count + 1`), with the notes on their cells."""
        self.parts.append(xml)
        self.count += count
        if notes is not None and len(notes.rows):
            self.note_blocks += [*self._noted(), notes]

    def all_notes(self) -> list[NoteColumns]:
        """Every note, in the order appended."""
        return [*self.note_blocks, *self._noted()]

    def _noted(self) -> list[NoteColumns]:
        notes, self.notes = self.notes, []
        return [NoteColumns.of(notes)] if notes else []

    def sheet_data(self) -> bytes:
        parts = [part.encode() if isinstance(part, str) else part for part in self.parts]
        return b"<sheetData>" + b"".join(parts) + b"</sheetData>"


def _letters(columns: pa.Array) -> pa.Array:
    """Each column's letters (columns from 1)."""
    distinct = pc.unique(columns)
    names = pa.array([get_column_letter(column) for column in distinct.to_pylist()])
    return names.take(pc.index_in(columns, distinct))


def comments_xml(blocks: list[NoteColumns]) -> bytes:
    """The sheet's comments part (xl/comments/commentN.xml)."""
    authors = list(dict.fromkeys(author for block in blocks for author in block.authors))
    names = "".join(f"<author>{escape(author)}</author>" for author in authors)
    items = [
        joined_bytes(
            joined(
                '<comment ref="',
                _letters(block.columns),
                pc.cast(block.rows, pa.string()),
                '" authorId="',
                pa.array([str(authors.index(a)) for a in block.authors]).take(block.author_ids),
                '" shapeId="0"><text>',
                text_element(block.texts),
                "</text></comment>",
            )
        )
        for block in blocks
    ]
    return (
        f'<comments xmlns="{MAIN}"><authors>{names}</authors><commentList>'.encode()
        + b"".join(items)
        + b"</commentList></comments>"
    )


VML_HEAD = (
    '<xml xmlns:o="urn:schemas-microsoft-com:office:office"'
    ' xmlns:v="urn:schemas-microsoft-com:vml" xmlns:x="urn:schemas-microsoft-com:office:excel">'
    '<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="1" /></o:shapelayout>'
    '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202"'
    ' path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter" />'
    '<v:path gradientshapeok="t" o:connecttype="rect" /></v:shapetype>'
)
VML_SHAPE = (
    '<v:shape type="#_x0000_t202" style="position:absolute; margin-left:59.25pt;'
    'margin-top:1.5pt;width:{width}px;height:{height}px;z-index:1;visibility:hidden"'
    ' fillcolor="#ffffe1" o:insetmode="auto" id="_x0000_s{id}"><v:fill color2="#ffffe1" />'
    '<v:shadow color="black" obscured="t" /><v:path o:connecttype="none" />'
    '<v:textbox style="mso-direction-alt:auto"><div style="text-align:left" /></v:textbox>'
    '<x:ClientData ObjectType="Note"><x:MoveWithCells /><x:SizeWithCells />'
    "<x:AutoFill>False</x:AutoFill><x:Row>{row}</x:Row><x:Column>{column}</x:Column>"
    "</x:ClientData></v:shape>"
)


def comments_vml(blocks: list[NoteColumns]) -> bytes:
    """The comments' boxes (xl/drawings/commentsDrawingN.vml), as openpyxl draws them: Excel
    shows a comment through its box; rows and columns count from 0 there."""
    shapes = []
    done = 0
    for block in blocks:
        count = len(block.rows)
        ids = pa.array(np.arange(1026 + done, 1026 + done + count))
        done += count
        values = {
            "width": block.widths,
            "height": block.heights,
            "id": ids,
            "row": pc.subtract(block.rows, 1),
            "column": pc.subtract(block.columns, 1),
        }
        # VML_SHAPE's text between its fields, with each field's column in its place.
        pieces: list[object] = []
        rest = VML_SHAPE
        while "{" in rest:
            before, _, after = rest.partition("{")
            field, _, rest = after.partition("}")
            pieces += [before, pc.cast(values[field], pa.string())]
        shapes.append(joined_bytes(joined(*pieces, rest)))
    return VML_HEAD.encode() + b"".join(shapes) + b"</xml>"


def comments_rels(number: int) -> str:
    """The relationships of sheet `number` to its comments and their drawing."""
    return (
        f'<Relationships xmlns="{RELATIONSHIPS}">'
        f'<Relationship Type="{COMMENTS_TYPE}" Target="/xl/comments/comment{number}.xml"'
        ' Id="comments" />'
        f'<Relationship Type="{VML_TYPE}" Target="/xl/drawings/commentsDrawing{number}.vml"'
        f' Id="{DRAWING_ID}" /></Relationships>'
    )


def legacy_drawing() -> str:
    """The element that points a sheet at its comments' drawing (the last of a sheet's)."""
    return (
        '<legacyDrawing xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/'
        f'relationships" r:id="{DRAWING_ID}" />'
    )


def content_types(types: str, numbers: Sequence[int]) -> str:
    """[Content_Types].xml with the comments of the sheets `numbers` declared."""
    if not numbers:
        return types
    added = f'<Default Extension="vml" ContentType="{VML_CONTENT}" />' + "".join(
        f'<Override PartName="/xl/comments/comment{number}.xml" ContentType="{COMMENTS_CONTENT}" />'
        for number in numbers
    )
    return types.replace("</Types>", added + "</Types>")
