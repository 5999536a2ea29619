"""The closest reference code, found by joining dropped forms, is the one rapidfuzz's
`extractOne` finds by measuring every pair (issue 19)."""

from __future__ import annotations

import random

import pandas as pd
from rapidfuzz import process
from rapidfuzz.distance import OSA

from procaudit.rules.reference_codes import closest_codes


def _extract_one(codes: list[str], reference: list[str]) -> list[int]:
    found = [process.extractOne(c, reference, scorer=OSA.distance, score_cutoff=1) for c in codes]
    return [-1 if f is None else f[2] for f in found]


def _closest(codes: list[str], reference: list[str]) -> list[int]:
    index = pd.RangeIndex(100, 100 + len(codes))
    found = closest_codes(pd.Series(codes, index=index, dtype="str"), pd.Series(reference))
    assert found.index.equals(index)
    return found.tolist()


def test_as_extract_one_finds_it() -> None:
    rng = random.Random(1)

    def code() -> str:
        return f"{rng.choice('123')}.{rng.randrange(1_000_000):06d}"

    # A dense block (codes one digit from several others), spread codes, and texts that are
    # not eight ASCII characters on either side: Unicode digits, one character short or long.
    reference = [f"2.{i:06d}" for i in range(150)] + [code() for _ in range(500)]
    reference += ["1.00001", "1.0000123", "ấ.000001", "١.٢٣٤٥٦٧", "2.00001", "2.0000011"]
    reference = list(dict.fromkeys(reference))
    codes = [f"2.{i:06d}" for i in range(150, 400)] + [code() for _ in range(3000)]
    codes += ["1.000012", "1.000001", "a.000001", "1.00012", "1.0000", "١.٢٣٤٥٦8", "2.000001\x00"]
    codes += ["ấ.000002", "2.00000", "2.0000111", "2.000010", "2.000100", "2.001000", "0.2000001"]
    codes = [c for c in dict.fromkeys(codes) if c not in set(reference)]
    expected = _extract_one(codes, reference)
    assert sum(found >= 0 for found in expected) > 250
    assert _closest(codes, reference) == expected


def test_ties_go_to_the_first_reference_code() -> None:
    reference = ["1.000009", "1.000010", "1.000002", "1.000001"]
    assert _closest(["1.000000", "1.000011", "9.999999"], reference) == [0, 1, -1]


def test_nothing_to_compare() -> None:
    assert _closest([], ["1.000001"]) == []
    assert _closest(["1.000001"], []) == [-1]
