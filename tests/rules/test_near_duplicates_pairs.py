"""PA204's word hashes (`near_duplicates_pairs.name_sums`) are the same made at once or in
halves on two threads (issue 19: the second half is offered to the rules' thread)."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pyarrow as pa
import pytest

from procaudit.rules import near_duplicates_pairs
from procaudit.rules.near_duplicates_names import names_of
from procaudit.rules.near_duplicates_pairs import name_sums


def test_names_sums_in_halves_are_those_made_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    keys = [f"cấp phép {'của ' * (i % 3)}hoạt động {i % 7} và {i % 5}" for i in range(41)]
    keys[9] = ""  # a name without words
    names = names_of(pa.array(keys, type=pa.large_string()))
    at_once = name_sums(names)
    monkeypatch.setattr(near_duplicates_pairs, "HALVES_FROM", 10)
    offered: list[object] = []

    def beside(work: Callable[[], object]) -> Callable[[], object]:
        offered.append(work)
        return work

    halves = name_sums(names, beside)  # type: ignore[arg-type]
    assert len(offered) == 1
    assert halves.whole.tolist() == at_once.whole.tolist()
    assert halves.droppable.tolist() == at_once.droppable.tolist()
    assert len(at_once.droppable) > 10  # the fillers "của" and "và" of names of 4+ words
    # What extra_words takes: the sum of the words before a droppable one, in its name.
    owner = np.searchsorted(names.start, at_once.droppable, side="right") - 1
    before = [sums.ahead - sums.first[owner] for sums in (at_once, halves)]
    assert before[0].tolist() == before[1].tolist()
