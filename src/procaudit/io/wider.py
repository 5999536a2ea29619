"""CSV records with more fields than the header: a comma inside a value that is not quoted.

"1,1.002520,Đề nghị miễn, giảm chi phí …,Cấp tỉnh" splits the name in two, and every
value after it moves one column to the right: the level lands under the decision's header,
the decision under the date's. Audited as they lie, such rows gave false findings (a
decision number "Cấp tỉnh", a date "630/QĐ-BTP"). A record is taken as shifted when it
holds a value beyond the header's last field (a delimiter at the end of a line, with
nothing after it, shifts nothing), in a CSV file whose records do not all have as many
fields (pyarrow's reader takes only those: `Grid.fields` is None then).

Shifted records are not read as procedures, and a note names them; when they are most of
the table, the file is refused: its columns cannot be trusted. A workbook's cells never
shift: a value right of the header is a column without one, and is left alone.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from procaudit.core.errors import InputError
from procaudit.core.i18n import number, t
from procaudit.io.grid import Filled, Grid

WIDER = "more fields than the header (a delimiter inside a value not quoted?)"
_SHOWN_LINES = 5  # lines named in the note


@dataclass(frozen=True)
class Wider:
    """The records of a table with more fields than its header."""

    lines: tuple[int, ...]  # the user's line numbers
    fields: int  # how many fields the first of them has
    header: int  # how many the header has
    of: int  # the table's lines under the header that hold a value


def wider_rows(grid: Grid, header_rows: list[int], start: int, filled: Filled) -> np.ndarray | None:
    """Flags over the grid's rows from `start` on: the records holding a value beyond the
    header's fields. None when the file's records all have as many fields, or the header's
    count is not known (it spans several lines)."""
    if grid.fields is None:
        return None
    header = int(max(grid.fields[position] for position in header_rows))
    if header <= 0 or header >= len(filled.flags):
        return None
    wide = np.zeros(filled.rows, dtype=bool)
    for flags in filled.flags[header:]:
        wide |= True if flags is None else flags
    return wide if wide.any() else None


def check_wider(grid: Grid, header_rows: list[int], wide: np.ndarray, start: int, of: int) -> Wider:
    """What the note says of the shifted records; the file refused when they are most of
    the table's lines (`of`)."""
    assert grid.fields is not None  # `wider_rows` found some
    positions = np.flatnonzero(wide) + start
    header = int(max(grid.fields[position] for position in header_rows))
    lines = tuple(int(line) for line in grid.rows.to_numpy()[positions])
    first = int(grid.fields[positions[0]])
    found = Wider(lines, first if first > header else header + 1, header, of)
    if 2 * len(lines) > of:
        raise InputError(str(grid.sheet or ""), _most_lines(found))
    return found


def wider_note(found: Wider) -> str:
    """The note on the records left out."""
    shown = ", ".join(map(str, found.lines[:_SHOWN_LINES]))
    shown += ", …" if len(found.lines) > _SHOWN_LINES else ""
    return t(
        "{count} of {of} lines have more fields than the header (line {line}: {fields} "
        "fields for {header}): a comma or other delimiter inside a value that is not "
        "quoted? Lines not checked: {shown}; put such values in double quotes",
        "{count} trên {of} dòng có nhiều trường hơn dòng tiêu đề (dòng {line}: {fields} "
        "trường so với {header}): có dấu phẩy (hoặc dấu phân cách khác) trong giá trị mà "
        "không đặt trong ngoặc kép? Các dòng không được kiểm tra: {shown}; hãy đặt các "
        "giá trị đó trong ngoặc kép",
        count=number(len(found.lines)),
        of=number(found.of),
        line=found.lines[0],
        fields=found.fields,
        header=found.header,
        shown=shown,
    )


def _most_lines(found: Wider) -> str:
    return t(
        "cannot be read: {count} of its {of} lines have more fields than the header (line "
        "{line}: {fields} fields for {header}), so their values lie under the wrong "
        "headers; a comma or other delimiter inside a value that is not quoted? Export "
        "the file again with such values in double quotes",
        "không đọc được: {count} trên {of} dòng có nhiều trường hơn dòng tiêu đề (dòng "
        "{line}: {fields} trường so với {header}), nên giá trị nằm sai cột; có dấu phẩy "
        "(hoặc dấu phân cách khác) trong giá trị mà không đặt trong ngoặc kép? Hãy xuất "
        "lại tệp với các giá trị đó trong ngoặc kép",
        count=number(len(found.lines)),
        of=number(found.of),
        line=found.lines[0],
        fields=found.fields,
        header=found.header,
    )
