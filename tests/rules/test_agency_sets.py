"""Which rows of a repeated entry name the same agency where a cell may name several
(`rules.agency_sets`): only the groups holding such a cell are joined."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from procaudit.rules.agency_sets import joined_by_cells

UNIQUES = pd.Index(["Sở Tài chính\nSở Nội vụ", "Sở Nội vụ", "Sở Y tế", "Sở Tài chính"])


@pytest.mark.parametrize(
    ("groups", "codes", "told_apart"),
    [
        # One agency a cell: each row keeps its own number.
        ([0, 0, 1, 1], [1, 2, 1, 3], [(0, 1), (2, 3)]),
        # A cell naming two joins the rows naming either of them; Sở Y tế stays apart.
        ([0, 0, 0, 0], [0, 1, 2, 3], [(0, 2), (1, 2), (3, 2)]),
        # The joined group only: the other group's rows keep theirs.
        ([0, 0, 1, 1], [0, 1, 2, 3], [(2, 3)]),
    ],
)
def test_rows_are_joined_where_their_cells_agencies_overlap(
    groups: list[int], codes: list[int], told_apart: list[tuple[int, int]]
) -> None:
    agency = np.array(codes, dtype=np.int64)  # a row's own number: its cell's
    joined = joined_by_cells(np.array(groups), np.array(codes), UNIQUES, agency)
    same = {(a, b) for a in range(len(codes)) for b in range(len(codes)) if a < b}
    apart = {tuple(sorted(pair)) for pair in told_apart}
    for a, b in same:
        if groups[a] == groups[b]:
            assert (joined[a] != joined[b]) == ((a, b) in apart), (a, b)
