"""Where a table's hits are in its frame (`hit_findings.hit_positions`): the labels are the
positions in the reader's frames, looked up in any other; a hit about the whole table (no
label) is on no row."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from procaudit.engine.hit_findings import hit_positions

# (the frame's row labels, the hits' labels) -> (which hits are on a row, their positions)
CASES = {
    "labels are positions": ([0, 1, 2, 3], [3, 0, 3], [True] * 3, [3, 0, 3]),
    "labels of its own": ([10, 11, 12], [12, 10], [True] * 2, [2, 0]),
    "a hit on no row": ([0, 1, 2], [2.0, np.nan, 0.0], [True, False, True], [2, 0]),
    "no row, labels of its own": ([5, 6], [np.nan, 6.0], [False, True], [1]),
    "a range not from 0": (pd.RangeIndex(4, 8), [7, 4], [True] * 2, [3, 0]),
    "no hit": ([0, 1], [], [], []),
}


@pytest.mark.parametrize("case", list(CASES))
def test_hit_positions(case: str) -> None:
    index, labels, on_row, positions = CASES[case]
    frame = pd.DataFrame(
        {"name": ["x"] * len(index)},
        index=index if isinstance(index, pd.RangeIndex) else pd.Index(index),
    )
    if not isinstance(index, pd.RangeIndex) and index == list(range(len(index))):
        frame.index = pd.RangeIndex(len(index))  # as the reader makes them
    dtype = np.float64 if any(isinstance(label, float) for label in labels) else np.int64
    found = pd.DataFrame({"index": np.asarray(labels, dtype=dtype)})
    located, at = hit_positions(frame, found)
    assert located.tolist() == on_row
    assert at.tolist() == positions
