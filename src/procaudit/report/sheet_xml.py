"""The bulk of a workbook's sheet as XML text: its rows, and the comments on its cells.

openpyxl builds a cell object per value and serialises it element by element: a fix-list of
85,000 findings took about 25 s of CPU for its rows and 8 s for 35,000 comments, in write-only
mode as cell by cell (issue 19). The rows here are plain values or styled cells (`Styled`,
whose style openpyxl has numbered), rendered with string formatting into the same XML openpyxl
writes (inline strings, numbers, style ids), and spliced into the package openpyxl lays out
(`procaudit.report.workbook`). The values come in already safe: text made safe for XML and
never starting with '=' unless it is a string cell (`t="inlineStr"`, which is never a formula).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from openpyxl.utils import get_column_letter

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
        self.parts: list[str] = []
        self.notes: list[tuple[int, int, Note]] = []  # (row, column) from 1, and the note
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

    def sheet_data(self) -> str:
        return "<sheetData>" + "".join(self.parts) + "</sheetData>"


def comments_xml(notes: list[tuple[int, int, Note]]) -> str:
    """The sheet's comments part (xl/comments/commentN.xml)."""
    authors = list(dict.fromkeys(note.author for _, _, note in notes))
    numbers = {author: position for position, author in enumerate(authors)}
    names = "".join(f"<author>{escape(author)}</author>" for author in authors)
    items = "".join(
        f'<comment ref="{get_column_letter(column)}{row}" authorId="{numbers[note.author]}"'
        f' shapeId="0"><text>{_t(note.text)}</text></comment>'
        for row, column, note in notes
    )
    return (
        f'<comments xmlns="{MAIN}"><authors>{names}</authors>'
        f"<commentList>{items}</commentList></comments>"
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


def comments_vml(notes: list[tuple[int, int, Note]]) -> str:
    """The comments' boxes (xl/drawings/commentsDrawingN.vml), as openpyxl draws them: Excel
    shows a comment through its box; rows and columns count from 0 there."""
    shapes = "".join(
        VML_SHAPE.format(
            width=note.width, height=note.height, id=1026 + at, row=row - 1, column=column - 1
        )
        for at, (row, column, note) in enumerate(notes)
    )
    return VML_HEAD + shapes + "</xml>"


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
