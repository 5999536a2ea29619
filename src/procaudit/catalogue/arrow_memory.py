"""Handing back the memory Arrow's pool keeps, once per step of a large table's work.

pyarrow's allocator keeps what its kernels freed for its next arrays; a step's peak then
stands on the last one's, and numpy's arrays cannot use what it holds. The engine (after a
read, after a table's rules) and PA204 (between the steps of a million names) give it back
here. Below `RELEASE_ROWS` what a table's work freed is a few hundred kB at most, and the
call (`release_unused`, up to 0.05 ms after a rule's kernels, ~0.2 ms a small table in
PA204) cost a small file more than keeping it for the next file: a batch of small files
hands its memory back once, at its end.
"""

from __future__ import annotations

import pyarrow as pa

RELEASE_ROWS = 20_000


def release_memory(rows: int) -> None:
    """Hand back what pyarrow's pool keeps of the memory freed, after work on `rows` rows
    (or names); nothing below `RELEASE_ROWS`."""
    if rows >= RELEASE_ROWS:
        pa.default_memory_pool().release_unused()
