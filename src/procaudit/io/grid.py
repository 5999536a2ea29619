"""A sheet as read, before its layout is understood: text cells and the user's row numbers,
and the ways of taking its rows that keep the reader's Arrow blocks shared."""

from __future__ import annotations

import datetime as dt
import itertools
import os
import stat
from collections.abc import Callable, Collection, Hashable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from procaudit.core.errors import InputError
from procaudit.core.i18n import t
from procaudit.io.arrow_parse import blank_as_missing
from procaudit.io.codes_told import CodesTold

T = TypeVar("T")

NO_VALUE = ""  # in Grid.unread: a formula saved without its value
# What a cell showing an Excel error shows (calamine reads the cell as empty).
EXCEL_ERRORS = frozenset(
    {"#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA",
     "#SPILL!", "#CALC!", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#BUSY!", "#UNKNOWN!"}
)  # fmt: skip
_HEAD = 8192  # bytes read to tell what a file really is, whatever its name says


@dataclass(frozen=True)
class ListDecision:
    """The decision the title of a list quotes, offered to the sheet after it
    (`io.page_decisions`)."""

    number: str
    sheet: str | None  # the sheet whose title quotes it: the one the list begins on
    # The columns of the list's header, for a sheet with a header of its own: it takes the
    # decision only under the same columns at the same places; None for a sheet read under
    # the list's header (`io.continued_sheets`), which always does.
    columns: dict[str, int] | None = None


@dataclass(frozen=True)
class Grid:
    """All cells of one sheet (or CSV file) as text, missing (None or NaN) where empty.

    `rows` holds, for each grid row, the number the user sees: the Excel row, or the CSV line
    on which the record starts. Columns are positions (0, 1, ...).
    """

    sheet: str | None
    cells: pd.DataFrame
    rows: pd.Series
    typed: bool = False  # cells came from typed values (a workbook): some were numbers
    hidden: bool = False  # a workbook sheet hidden from its reader (a lookup list, an old copy)
    # The columns (positions) the sheet hides (an xlsx's <col hidden="1">): read only where no
    # visible column says the same (`io.values`).
    hidden_columns: frozenset[int] = frozenset()
    # Cells merged down over rows: (column, first row, last row), rows as the user numbers them.
    merged: tuple[tuple[int, int, int], ...] = ()
    # A CSV file's records that do not all have as many fields: how many each has (-1 where
    # a record runs over several lines); None when they all have as many (`io.wider`).
    fields: np.ndarray | None = None
    # A workbook that counts its days from 1904 (Excel for Mac's date system): a day number
    # in a General cell is read from there (`vn.dates.read_date`).
    date1904: bool = False
    # The text Excel shows of the cells holding a number of six decimals that their format
    # shows with fewer ("1.01" for 1.013807), by (row, column position); an xlsx's only.
    shown: dict[tuple[int, int], str] = field(default_factory=dict)
    chart: bool = False  # a chart sheet: a chart where a sheet's cells would be
    # The cells read as empty that Excel shows a value in, by (row, column position): a
    # formula saved without its value (`NO_VALUE`) and a cell showing an Excel error (its
    # text, "#N/A"); an xlsx's only (`io.formula_texts`).
    unread: dict[tuple[int, int], str] = field(default_factory=dict)
    # A part of a sheet under its first (`io.parts`): the title block above the sheet's first
    # table, one text per row, which speaks of every part (the decision the annex is
    # attached to: `layout`); empty for a sheet's first part or only table.
    sheet_title: tuple[str, ...] = ()
    # A sheet going on with the list of the sheet before, without a title of its own (a PDF
    # converted a sheet per page): the decision that list's title quotes (`workbook_read`).
    list_decision: ListDecision | None = None
    # What the workbook's other sheets under the same header decided of the code, for a sheet
    # too small to decide by its own values (`io.codes_over_sheets`); None elsewhere.
    codes_told: CodesTold | None = None

    def head(self, count: int) -> tuple[list[list[str]], list[bool]]:
        """`head_texts` of the cells, kept: the header search, the search for a table above
        the header and the title block read the same top rows (a third of a small file's
        header search). The lists are shared: read them, do not change them."""
        kept = self.__dict__.get("_head")  # a frozen grid: kept beside its fields
        if kept is None or count > kept[0]:
            top = head_texts(self.cells, count, self.arrow_columns())
            kept = self.__dict__["_head"] = (count, *top)
        _, texts, filled = kept
        return texts[:count], filled[:count]

    def arrow_columns(self) -> list[pa.ChunkedArray | None]:
        """`arrow_chunks` of each column of the cells, kept: the layout's passes over the
        columns (the cells filled, the headers below) take them from here, not from a
        Series made per column each time (5 us a column, ten columns, several passes)."""
        kept = self.__dict__.get("_arrow")
        if kept is None:
            kept = self.__dict__["_arrow"] = columns_chunks(self.cells)
        return kept

    def kept(self, key: Hashable, make: Callable[[], T]) -> T:
        """What `make` gives, made once per grid and `key`: what other modules learn of a
        grid's cells and ask again (`header_cells`), kept beside its fields (a frozen grid)."""
        memo = self.__dict__.setdefault("_kept", {})
        if key not in memo:
            memo[key] = make()
        found: T = memo[key]
        return found

    def holds_any(self, texts: frozenset[str]) -> bool:
        """Whether any cell is one of `texts`, kept per set: the reader asks it of the null
        markers twice (`null_cells`), and most lists hold none, so that neither pass looks at
        a column again (0.5 ms of a commune's file)."""
        kept = self.__dict__.setdefault("_held", {})
        found = kept.get(texts)
        if found is None:
            found = kept[texts] = self._holds(texts)
        return bool(found)

    def _holds(self, texts: frozenset[str]) -> bool:
        blocks = []
        for position, chunks in enumerate(self.arrow_columns()):
            if chunks is not None:
                blocks.append(chunks)
            elif not texts.isdisjoint(self.cells.iloc[:, position].tolist()):
                return True
        if not blocks:
            return False
        # A small grid's bytes are searched first; a large one's text holds a marker's
        # letters too often for a byte search to beat the hash look-up (1.5 s at 1M rows).
        if len(self.cells) <= _SEARCHED_ROWS and not _within_text(blocks, texts):
            return False
        values = pa.array(sorted(texts), type=pa.large_string())
        return bool(any_cell_in(blocks, texts, values).any())

    def filled_from(self, start: int) -> Filled:
        """Which cells of the rows from `start` on are filled."""
        flags: list[np.ndarray | None] = []
        for position, chunks in enumerate(self.arrow_columns()):
            if chunks is None:  # a workbook's objects: missing is None or NaN
                flags.append(self.cells.iloc[start:, position].notna().to_numpy())
            else:
                part = chunks.slice(start)
                valid = part.is_valid().to_numpy(zero_copy_only=False) if part.null_count else None
                flags.append(valid)
        return Filled(flags, max(len(self.cells) - start, 0))


@dataclass(frozen=True)
class Filled:
    """Which cells of some rows of a grid are filled, column by column (None: all of that
    column's), from the reader's Arrow validity where it has it: pandas' `notna` costs more
    on a small column, and a frame-wide one builds a table of flags first."""

    flags: list[np.ndarray | None]
    rows: int

    def counts(self) -> np.ndarray:
        """How many cells of each row are filled."""
        count = np.zeros(self.rows, dtype=np.int64)
        for flags in self.flags:
            count += 1 if flags is None else flags
        return count

    def any_in(self, columns: Iterable[int], rows: np.ndarray) -> np.ndarray:
        """Whether each of these rows (positions among the rows) has a cell filled in one
        of these columns (positions)."""
        found = np.zeros(len(rows), dtype=bool)
        for position in columns:
            flags = self.flags[position]
            if flags is None:
                return np.ones(len(rows), dtype=bool)
            found |= flags[rows]
        return found


class NumberText(str):
    """The text of a cell that held a number, so that a column that should hold text (the
    code) can tell a number that lost its trailing zeros from text typed that way."""

    __slots__ = ()


def cell_text(value: object) -> str | None:
    """A cell's value as the text the user typed; numbers keep no spurious ".0"."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        return value if value.strip() else None
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return NumberText(int(value) if value.is_integer() else repr(value))
    if isinstance(value, int):
        return NumberText(value)
    # Dates as a Vietnamese Excel shows them, the way text dates in catalogues are typed.
    if isinstance(value, dt.datetime):
        return f"{value:%d/%m/%Y}" if value.time() == dt.time() else f"{value:%d/%m/%Y %H:%M}"
    if isinstance(value, dt.date):
        return f"{value:%d/%m/%Y}"
    if isinstance(value, dt.time):
        return value.isoformat()
    return str(value)


def text_grid(
    sheet: str | None,
    raw: Sequence[Sequence[object]],
    first_row: int = 1,
    hidden: bool = False,
    merged: tuple[tuple[int, int, int], ...] = (),
    date1904: bool = False,
    chart: bool = False,
) -> Grid:
    """A grid from rows of raw cell values; grid row i is the user's row `first_row + i`."""
    cells = pd.DataFrame(
        {position: _text_column(values) for position, values in enumerate(_columns(raw))},
        index=pd.RangeIndex(len(raw)),
    )
    rows = pd.Series(range(first_row, first_row + len(cells)), index=cells.index)
    return Grid(
        sheet,
        cells,
        rows,
        typed=True,
        hidden=hidden,
        merged=merged,
        date1904=date1904,
        chart=chart,
    )


def _columns(raw: Sequence[Sequence[object]]) -> Sequence[np.ndarray | tuple[object, ...]]:
    """The columns of rows of cells: numpy lays rows of one length out in one step, three
    times faster than zip, and pyarrow reads its columns four times faster than tuples."""
    table = np.array(raw, dtype=object) if raw else None
    if table is not None and table.ndim == 2:
        return list(table.T)
    return list(itertools.zip_longest(*raw, fillvalue=None))  # rows of several lengths


def _text_column(values: np.ndarray | tuple[object, ...]) -> pd.Series:
    """One column's cells as text. A column of text alone (most of a catalogue) becomes an
    Arrow text column in one step; one holding numbers or dates keeps `cell_text` objects, so
    that the code column can tell numbers (`NumberText`) from text."""
    try:
        column = pa.array(values, type=pa.large_string())
    except (pa.ArrowTypeError, pa.ArrowInvalid):  # a number, a date or a boolean among them
        return pd.Series([cell_text(value) for value in values], dtype=object)
    # The reader gives an empty cell as "": made null first.
    empty = pc.equal(pc.binary_length(column), 0)
    return arrow_text(pc.if_else(empty, pa.scalar(None, column.type), column))


def arrow_text(column: pa.Array | pa.ChunkedArray) -> pd.Series:
    """Arrow text (large_string) as a pandas text column, a cell holding only spaces made
    missing like an empty one (empty cells are already null)."""
    return text_column(blank_as_missing(column))


TEXT_DTYPE = pd.Series([], dtype="str").dtype  # pandas' text dtype, on Arrow: astype("str")


def text_column(column: pa.Array | pa.ChunkedArray) -> pd.Series:
    """Arrow text (large_string) as a pandas text column, sharing its memory. The array is
    wrapped as it is, which pandas' constructor does too after looking at it for 20 us (a
    tenth of reading a small file's ten columns)."""
    return pd.Series(text_array(column), copy=False)


def text_array(column: pa.Array | pa.ChunkedArray) -> pd.api.extensions.ExtensionArray:
    """`text_column`'s array: a frame built from these, not from Series, is built in a
    fifth of the time (the Series' indexes are not compared)."""
    chunks = column if isinstance(column, pa.ChunkedArray) else pa.chunked_array([column])
    if chunks.type != pa.large_string():  # converted as pandas converts it
        return pd.Series(column, dtype="str").array
    # pandas-stubs 3.1 lacks the `dtype` pandas 3 takes here (the "str" dtype, NaN missing).
    return pd.arrays.ArrowStringArray(chunks, dtype=TEXT_DTYPE)  # type: ignore[call-arg]


def arrow_chunks(column: pd.Series) -> pa.ChunkedArray | None:
    """The Arrow blocks behind a text column (the reader's), shared, not copied; None for a
    column of Python objects (a workbook's column holding numbers)."""
    return array_chunks(column.array)


def array_chunks(array: pd.api.extensions.ExtensionArray) -> pa.ChunkedArray | None:
    """`arrow_chunks` of a column's array (`text_array`'s, say)."""
    if not (isinstance(array.dtype, pd.StringDtype) and array.dtype.storage == "pyarrow"):
        return None
    chunks = pa.array(array)  # the array's own ChunkedArray
    return chunks if isinstance(chunks, pa.ChunkedArray) else pa.chunked_array([chunks])


def with_arrow_columns(grid: Grid, chunks: list[pa.ChunkedArray | None]) -> Grid:
    """The grid, its `arrow_columns` given by the reader that built its cells from them
    (each column's `arrow_chunks`, in order)."""
    grid.__dict__["_arrow"] = chunks  # a frozen grid: kept beside its fields
    return grid


def columns_chunks(cells: pd.DataFrame) -> list[pa.ChunkedArray | None]:
    """`arrow_chunks` of each column of the cells, in order."""
    return [arrow_chunks(column) for _, column in cells.items()]


def cells_in(
    column: pd.Series | pa.ChunkedArray, texts: Collection[str], value_set: pa.Array | None = None
) -> np.ndarray:
    """Where a column's cells (or the reader's blocks of them) are one of `texts`, as flags:
    pyarrow's hash look-up on the reader's blocks (a fifth of pandas' cost on a small
    column), pandas' on a column of objects. `value_set`: the texts as Arrow text, made once
    by a caller of many columns."""
    if isinstance(column, pa.ChunkedArray):
        chunks = column
    elif (found := arrow_chunks(column)) is not None:
        chunks = found
    else:
        return column.isin(texts).to_numpy(dtype=bool)
    if value_set is None:
        value_set = pa.array(sorted(texts), type=pa.large_string())
    found = pc.is_in(chunks, value_set=value_set)
    return found.to_numpy(zero_copy_only=False).astype(bool, copy=False)


def any_cell_in(
    columns: list[pa.ChunkedArray], texts: Collection[str], value_set: pa.Array
) -> np.ndarray:
    """Where a cell of any of these columns (the reader's blocks of them, as many rows each)
    is one of `texts` (`value_set`, as Arrow text), as flags: one hash look-up over the
    columns' blocks laid end to end (zero-copy), not one a column (pyarrow's set-up cost
    more than the look-up on a small file)."""
    if not columns:
        return np.zeros(0, dtype=bool)
    rows = len(columns[0])
    if len({chunks.type for chunks in columns}) > 1:
        flags = [cells_in(chunks, texts, value_set) for chunks in columns]
        return np.logical_or.reduce(flags) if flags else np.zeros(rows, dtype=bool)
    blocks = pa.chunked_array([c for chunks in columns for c in chunks.chunks], columns[0].type)
    # Where the few cells found are, not a flag for each cell (10 MB at a million rows).
    at = pc.indices_nonzero(pc.is_in(blocks, value_set=value_set)).to_numpy()
    found = np.zeros(rows, dtype=bool)
    found[at % rows] = True
    return found


_SEARCHED_ROWS = 2_000  # a grid up to this many rows is searched by its bytes first


def _within_text(columns: list[pa.ChunkedArray], texts: Collection[str]) -> bool:
    """Whether one of `texts` is somewhere in the columns' text, a cell or part of one: a
    cell that is one of them is there. On a small file, a search of the blocks' bytes costs
    a tenth of the hash look-up it spares where none is there. The blocks' bytes are joined
    and searched once a text, not once a text and a column (a NUL between them: a text found
    across two is not; one found across two cells of a block is, and the look-up says)."""
    held = []
    for chunks in columns:
        for chunk in chunks.chunks:
            buffers = chunk.buffers()  # validity, offsets, text (a column of nulls: one)
            data = buffers[2] if len(buffers) > 2 else None
            if data is not None and data.size:
                held.append(data.to_pybytes())
    text = b"\0".join(held)
    return any(needle.encode() in text for needle in texts)


def labels_of(values: Iterable[Any]) -> list[str]:
    """A row's cells as labels: text, "" where empty (NaN in a grid's text columns, not
    None: "nan" is no label)."""
    return ["" if pd.isna(value) else str(value) for value in values]


def head_texts(
    cells: pd.DataFrame, count: int, arrow: list[pa.ChunkedArray | None] | None = None
) -> tuple[list[list[str]], list[bool]]:
    """The texts of the first `count` rows, as `labels_of` gives each, and whether each row
    holds a cell. Taken column by column, from the reader's Arrow blocks where it has them
    (`arrow`: `arrow_chunks` of each column, where the caller has them): a row of a frame is
    built cell by cell, and the frame's own conversion of its top rows to objects cost more
    than the header search's reading of them on a small file."""
    columns: list[list[str]] = []
    present: list[list[bool]] = []
    for position, chunks in enumerate(columns_chunks(cells) if arrow is None else arrow):
        if chunks is not None:  # text or None
            values = chunks.slice(0, count).to_pylist()
            present.append([value is not None for value in values])
            columns.append(["" if value is None else str(value) for value in values])
        else:  # a workbook's objects: missing is None or NaN
            values = cells.iloc[:count, position].tolist()
            present.append([not pd.isna(value) for value in values])
            columns.append(labels_of(values))
    rows = min(count, len(cells))
    texts = [list(row) for row in zip(*columns, strict=True)] if columns else [[]] * rows
    filled = [any(row) for row in zip(*present, strict=True)] if present else [False] * rows
    return texts, filled


def take_rows(column: pd.Series, positions: np.ndarray) -> pd.Series:
    """`column.iloc[positions]` for increasing positions. A text column is taken block by
    block: pyarrow's take over a column of blocks joins them first, a copy of the column.
    The cells taken are joined into one block: a kernel pays its set-up (a regular
    expression compiled) once per block."""
    chunks = arrow_chunks(column)
    if chunks is None:
        return column.iloc[positions]
    starts = np.cumsum([0, *(len(chunk) for chunk in chunks.chunks)])
    cuts = np.searchsorted(positions, starts)
    pieces = [
        chunk.take(pa.array(positions[first:end] - start))
        for chunk, start, first, end in zip(chunks.chunks, starts, cuts, cuts[1:], strict=False)
        if end > first
    ]
    taken = pa.chunked_array(pieces, type=chunks.type).combine_chunks()
    return pd.Series(taken, index=column.index[positions], dtype=column.dtype, name=column.name)


_MOST_RUNS = 1024  # runs of kept rows shared as slices; more are copied by a filter
_FEW = 8  # rows kept, at most one in this many, are copied into one block
# A frame this short is taken by pandas: the copy is small, and building a column and a
# frame of the pieces cost more (0.7 ms for ten columns of 30 rows, pandas' take 0.2 ms).
_SMALL_FRAME = 10_000


def without_rows(frame: pd.DataFrame, index: pd.Index | list) -> pd.DataFrame:
    """The frame without the rows at `index` (labels); the frame itself when there are none."""
    return rows_where(frame, ~frame.index.isin(index)) if len(index) else frame


def rows_where(frame: pd.DataFrame, keep: pd.Series | np.ndarray) -> pd.DataFrame:
    """`frame[keep]` for a frame of grid columns, without pandas' take, which joins a text
    column's blocks into one before taking from it (a copy of the column, per column). Rows
    kept in a few runs (a table less its blank lines and headings) share the grid's memory
    as slices; other selections are filtered block by block. A few rows kept (the rows of
    few cells, looked at for headings) are joined into one block, as `take_rows` does."""
    flags = np.asarray(keep, dtype=bool)
    if flags.all():
        return frame
    if len(flags) <= _SMALL_FRAME:
        return frame.iloc[flags]
    edges = np.flatnonzero(np.diff(flags.astype(np.int8), prepend=0, append=0))
    runs = edges.reshape(-1, 2)  # [start, end) of each run of kept rows
    index = frame.index[flags]
    few = len(index) * _FEW <= len(flags)
    columns = {}
    for label in frame.columns:
        column = frame[label]
        chunks = arrow_chunks(column)
        if chunks is None:
            columns[label] = column[flags]
            continue
        if len(runs) <= _MOST_RUNS:
            pieces = [
                part for start, end in runs for part in chunks.slice(start, end - start).chunks
            ]
            taken = pa.chunked_array(pieces, type=chunks.type)
        else:
            taken = chunks.filter(pa.array(flags))
        if few:
            taken = taken.combine_chunks()
        columns[label] = pd.Series(taken, index=index, dtype=column.dtype)
    return pd.DataFrame(columns, index=index, columns=frame.columns)


# The last head read, by the file and the stat that found it: the reader choosing a file's
# reader by its bytes (`io.by_content`) and the reader it chose both look at them.
_LAST_HEAD: tuple[tuple[str, int, int, int], bytes] | None = None


def file_head(path: Path) -> bytes:
    """The first bytes of a regular file. A FIFO or a device is refused before it is opened:
    opening a FIFO with no writer blocks forever. Asked twice in a row of an unchanged file,
    it is read once."""
    global _LAST_HEAD
    try:
        found = os.stat(path)
    except OSError as exc:
        raise InputError(str(path), _cannot_be_read(exc)) from None
    mode = found.st_mode
    if stat.S_ISDIR(mode):
        raise InputError(
            str(path),
            t("is a directory, not a catalogue file", "là thư mục, không phải tệp danh mục"),
        )
    if not stat.S_ISREG(mode):
        raise InputError(
            str(path),
            t(
                "is not a regular file (it is a pipe, socket or device)",
                "không phải tệp thông thường (đây là pipe, socket hoặc thiết bị)",
            ),
        )
    key = (str(path), found.st_ino, found.st_size, found.st_mtime_ns)
    last = _LAST_HEAD
    if last is not None and last[0] == key:
        return last[1]
    try:
        with path.open("rb") as stream:
            head = stream.read(_HEAD)
    except OSError as exc:
        raise InputError(str(path), _cannot_be_read(exc)) from None
    _LAST_HEAD = (key, head)
    return head


def _cannot_be_read(exc: OSError) -> str:
    return t("cannot be read ({reason})", "không đọc được ({reason})", reason=exc.strerror or exc)
