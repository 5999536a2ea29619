"""The cells under a table's header that read as a header's: a name column's header as people
type it (a catalogue's `Vocabulary.required_forms`) in any column, the row numbers' "STT"
in the STT column.

Three layout steps look for such cells: the search for another table's header below the
list (`parts`), the header repeated over a part or a page (`layout`) and a summary's header
laid under the list (`tables_after`). One pass over the rows under the header finds them,
kept per grid: most lists hold none, and then the steps whose every candidate would be one
of them have nothing to look at (`none_of`), which the pass proves, not guesses.
"""

from __future__ import annotations

from collections.abc import Collection

import numpy as np
import pyarrow as pa

from procaudit.io.grid import Grid, any_cell_in, cells_in
from procaudit.io.header_aliases import CATALOGUE
from procaudit.io.vocabulary import typed_forms

# The name column's header as people type it (`headers.typed_forms`).
NAME_HEADERS = CATALOGUE.required_forms
NAME_HEADER_VALUES = pa.array(sorted(NAME_HEADERS), type=pa.large_string())
# The row numbers' header, as typed.
STT_FORMS = frozenset().union(*map(typed_forms, ("STT", "TT", "Số TT", "Số thứ tự", "STT.")))
STT_VALUES = pa.array(sorted(STT_FORMS), type=pa.large_string())
_NAME_OR_STT = NAME_HEADERS | STT_FORMS
_NAME_OR_STT_VALUES = pa.array(sorted(_NAME_OR_STT), type=pa.large_string())
PROVEN = True  # `none_of` answers; the tests turn it off to compare with the steps' own look


def header_cells(grid: Grid, start: int, stt: int | None) -> np.ndarray:
    """Which rows of the grid from `start` on hold a cell read as a header's: a name's
    header in any column, or "STT" in the `stt` column. Made once per grid, start and STT
    column; the flags are shared: read them, do not change them."""
    return grid.kept(("header cells", start, stt), lambda: _header_cells(grid, start, stt))


def _header_cells(grid: Grid, start: int, stt: int | None) -> np.ndarray:
    # Column by column: a frame-wide isin builds a table of flags, then reduces it by rows.
    named = np.zeros(max(len(grid.cells) - start, 0), dtype=bool)
    blocks = []  # the Arrow text columns but the row numbers', looked up together
    for position, chunks in enumerate(grid.arrow_columns()):
        column = grid.cells.iloc[start:, position] if chunks is None else chunks.slice(start)
        if position == stt:  # one look-up of both
            named |= cells_in(column, _NAME_OR_STT, _NAME_OR_STT_VALUES)
        elif isinstance(column, pa.ChunkedArray):
            blocks.append(column)
        else:
            named |= cells_in(column, NAME_HEADERS, NAME_HEADER_VALUES)
    if blocks and len(named):
        named |= any_cell_in(blocks, NAME_HEADERS, NAME_HEADER_VALUES)
    return named


def none_of(grid: Grid, start: int, stt: int | None, column: int, texts: Collection[str]) -> bool:
    """Whether, by `header_cells`, no cell of `column` from `start` on is one of `texts`:
    true only where each of them is looked for in that column and no row holds a cell
    found; false where that cannot be told (a look-up of the cells says)."""
    searched = _NAME_OR_STT if column == stt else NAME_HEADERS
    if not PROVEN or not searched.issuperset(texts):
        return False
    return not header_cells(grid, start, stt).any()
