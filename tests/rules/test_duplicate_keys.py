"""The number helpers PA201-PA203 group rows with (`rules.duplicate_keys`): numbers in,
masks and groups out."""

from __future__ import annotations

import numpy as np
import pytest

from procaudit.rules.duplicate_keys import repeated, variety

REPEATED_CASES = [
    # (case, numbers from -1 up, where a number occurs more than once)
    ("one pair", [3, 0, 3, 1], [True, False, True, False]),
    ("missing twice is repeated too", [-1, 2, -1], [True, False, True]),
    ("all distinct", [0, 1, 2, 5], [False, False, False, False]),
    ("three of one", [7, 7, 7], [True, True, True]),
    ("a number past the others' count", [1_000_000, 0, 1_000_000], [True, False, True]),
    ("none", [], []),
]  # fmt: skip


@pytest.mark.parametrize(
    ("case", "numbers", "expected"), REPEATED_CASES, ids=[c[0] for c in REPEATED_CASES]
)
def test_repeated(case: str, numbers: list[int], expected: list[bool]) -> None:
    found = repeated(np.array(numbers, dtype=np.int64))
    assert found.dtype == bool
    assert found.tolist() == expected


def test_variety_counts_distinct_values_per_group() -> None:
    groups = np.array([0, 0, 1, 1, 1, 2])
    values = np.array([5, 5, 1, 2, 1, 9])
    assert variety(groups, values).tolist() == [1, 1, 2, 2, 2, 1]
