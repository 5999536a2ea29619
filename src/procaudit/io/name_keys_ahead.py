"""The comparison keys of a large table's names, made on a thread of their own while the rest
of the table's layout is still being read.

PA201-PA204 start from the names' comparison keys (`comparison_key_array`); at a million
rows they take 0.4 s, the first step of PA204's long chain, which could only begin once the
reader had split the sheet into parts, profiled its columns and built the canonical frame
(0.25 s more on one core while the other waited). The header found first names the name
column: `start_name_keys` makes the keys of that column of the grid (every row, the
header's too) on a thread at once, and `claim_name_keys` hands them to the rules' context
when the canonical frame's name column is that very column or rows of it, in order: the
same Arrow buffers, which cannot have changed, so the keys are those the context would
make. A body the layout cut out of the grid (section rows, blank rows and repeated headers
left out) is no slice: its rows are found among the grid's by their numbers, and the keys
taken at them when the names there are the very texts (compared at once, a fraction of
making the keys). A name column chosen otherwise (by its values, or filled from its
sections) gets None, and its keys are made as ever: the findings are the same either way.
The thread makes the names' one shared scan with the keys (`catalogue.name_scan`): the
text-cell survey and the name tags ask `claimed_scan` for it, and get it for the column the
keys were claimed for (or a slice of the grid's, once made); otherwise they scan themselves.
"""

from __future__ import annotations

import threading
import weakref

import numpy as np
import pandas as pd
import pyarrow as pa

from procaudit.catalogue.name_scan import scanned_keys
from procaudit.io.arrow_csv import parsed_grid
from procaudit.io.arrow_parse import ParsedCsv
from procaudit.io.grid import Grid, arrow_chunks
from procaudit.io.header_search import Header, NoHeader, find_header

# From this many rows on: below, the keys take a few milliseconds, less than a thread's
# start and the GIL passed back and forth.
AHEAD_ROWS = 50_000

# What makes one block of text what it is: its type and the addresses of its buffers
# (validity bitmap, 0 without; offsets; bytes), which Arrow never changes.
_Buffers = tuple[object, ...]


class _Ahead:
    """The keys of one column, made on a thread; what they are the keys of."""

    def __init__(self, column: pa.ChunkedArray, rows: np.ndarray) -> None:
        self.column = column
        self.blocks = _blocks(column)
        self.rows = rows  # the number the user sees of each row, increasing
        self.keys: pa.Array | None = None
        self.scan: np.ndarray | None = None  # `name_scan`'s mask, made with the keys
        # Not a daemon: a run that ends meanwhile waits for the kernels rather than tear
        # pyarrow down under them.
        self.thread = threading.Thread(target=self._make, name="procaudit-name-keys")

    def _make(self) -> None:
        try:  # from the column's blocks, not joined first
            self.keys, self.scan = scanned_keys(self.column)
        except Exception:  # the context makes them itself, and meets the fault as ever
            self.keys = self.scan = None

    def of(self, column: pa.ChunkedArray, rows: np.ndarray) -> bool:
        """Whether these are the keys of `column` (the same blocks) at `rows`."""
        return self.blocks == _blocks(column) and np.array_equal(self.rows, rows)

    def rows_of(self, column: pa.ChunkedArray) -> int | None:
        """Where `column` begins among this column's rows, when its blocks are rows of it in
        order (the same buffers); None otherwise."""
        begin = end = None
        for chunk in column.chunks:
            if not len(chunk):
                continue
            found = self.blocks.get(_buffers(chunk))
            if found is None:
                return None
            first, offset, length = found
            inside = chunk.offset - offset
            if inside < 0 or inside + len(chunk) > length:
                return None
            row = first + inside
            if begin is None:
                begin = row
            elif row != end:
                return None
            end = row + len(chunk)
        return begin


_pending: _Ahead | None = None
# The scan of the names whose keys were claimed last, and the very column (its pandas
# array, held weakly: a column freed takes its scan with it) it is of. The survey and the
# name tags may ask for it after the keys' claim.
_claimed: tuple[weakref.ref[pd.api.extensions.ExtensionArray], np.ndarray] | None = None
_lock = threading.Lock()


def start_name_keys(column: pd.Series, rows: pd.Series) -> None:
    """Start making the comparison keys of `column` (a grid's column of Arrow text, header
    rows and all; `rows`, the grid's row numbers), in place of any made before and not
    claimed; nothing for a small or non-Arrow column."""
    global _pending, _claimed
    chunks = arrow_chunks(column)
    if chunks is None or len(chunks) < AHEAD_ROWS:
        return
    _claimed = None  # a new table's
    numbers = rows.to_numpy(dtype=np.int64)
    with _lock:  # begun already from the records parsed ahead: the very same column
        if _pending is not None and _pending.of(chunks, numbers):
            return
    ahead = _Ahead(chunks, numbers)
    with _lock:
        _pending = ahead
    ahead.thread.start()


def start_header_name_keys(grid: Grid, header: Header) -> None:
    """Start the keys of the column `header` (found in `grid`) names as the names' (the
    layout may still choose another: then they are not used)."""
    position = header[2].columns.get("name")
    if position is not None:
        start_name_keys(grid.cells.iloc[:, position], grid.rows)


def start_keys_of_parse(parsed: ParsedCsv) -> None:
    """Start the names' keys from a CSV file's records parsed ahead (`read_ahead.when_parsed`),
    in the column the first header found names, while the run still imports its rules: the
    reader, finding that header again, keeps them. The header is looked for without the
    user's header aliases; with them the reader may find another, and start its own."""
    if parsed.rows < AHEAD_ROWS or b"\0" in parsed.held:  # NUL: the careful reader's file
        return
    grid = parsed_grid(parsed)
    try:
        header = find_header(grid, {})
    except NoHeader:
        return
    start_header_name_keys(grid, header)


def claim_name_keys(column: pd.Series, rows: pd.Series | None) -> pa.Array | None:
    """The comparison keys of `column` (a canonical frame's name column; `rows`, its row
    numbers, if it has them), when they were started ahead for the column it is rows of
    (see the module's docstring); they are then given up here. None otherwise."""
    global _pending, _claimed
    chunks = arrow_chunks(column)
    with _lock:
        ahead = _pending
        if ahead is None or chunks is None or not len(chunks):
            return None
        begin = ahead.rows_of(chunks)
        positions = None
        if begin is None and rows is not None:  # not a slice: rows found by their numbers
            positions = _positions(ahead, chunks, rows)
        if begin is None and positions is None:
            return None
        _pending = None
    ahead.thread.join()
    if ahead.keys is None:
        return None
    if positions is not None:
        at = positions.to_numpy()
        keys = ahead.keys.take(positions)
    else:
        assert begin is not None  # rows of the column in order, else positions
        at = slice(begin, begin + len(chunks))
        keys = ahead.keys.slice(begin, len(chunks))
    scan = None if ahead.scan is None else ahead.scan[at]
    with _lock:
        _claimed = None if scan is None else (weakref.ref(column.array), scan)
    return keys


def claimed_scan(column: pd.Series) -> np.ndarray | None:
    """`catalogue.name_scan`'s mask of `column` (a canonical frame's name column), made with
    its keys ahead: when they were claimed for this very column, or are made already for a
    column it is rows of in order. None otherwise, and while the keys are still being made:
    the caller makes its own pass rather than wait."""
    chunks = arrow_chunks(column)
    if chunks is None or not len(chunks):
        return None
    with _lock:
        claimed, ahead = _claimed, _pending
    if claimed is not None and claimed[0]() is column.array:
        return claimed[1]
    if ahead is None or ahead.thread.is_alive() or ahead.scan is None:
        return None
    begin = ahead.rows_of(chunks)
    return None if begin is None else ahead.scan[begin : begin + len(chunks)]


def _positions(ahead: _Ahead, chunks: pa.ChunkedArray, rows: pd.Series) -> pa.Array | None:
    """Where the rows numbered `rows` are among the column's, when the names there are
    `chunks`, text for text (nulls alike); None otherwise."""
    numbers = rows.to_numpy(dtype=np.int64)
    at = np.searchsorted(ahead.rows, numbers)
    if len(at) != len(chunks) or (at >= len(ahead.rows)).any():
        return None
    if not np.array_equal(ahead.rows[at], numbers):
        return None
    positions = pa.array(at)
    if not ahead.column.take(positions).equals(chunks):
        return None
    return positions


def drop_name_keys() -> None:
    """Let go of keys nobody claimed (the thread, if running, ends on its own)."""
    global _pending, _claimed
    with _lock:
        _pending = _claimed = None


def _blocks(column: pa.ChunkedArray) -> dict[_Buffers, tuple[int, int, int]]:
    """Each block of `column` by its buffers: its first row, offset and length."""
    blocks, row = {}, 0
    for chunk in column.chunks:
        blocks[_buffers(chunk)] = (row, chunk.offset, len(chunk))
        row += len(chunk)
    return blocks


def _buffers(chunk: pa.Array) -> _Buffers:
    return (chunk.type, *(0 if buffer is None else buffer.address for buffer in chunk.buffers()))
