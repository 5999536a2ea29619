"""Names that are one procedure's, written two ways (PA202, `duplicates.code_conflict`).

Two rows sharing a code whose names differ only in punctuation, spacing, a level tag or a
leading label ("Thủ tục", "Thủ tục hành chính:", "TTHC:") were always one name to PA202.
So are two names one slip apart, word for word: a letter or a diacritic ("Đăng kí" / "Đăng
ký", "tình trang" / "tình trạng"), or a filler word one of them has more ("của", "các"):
the slips PA204 (`near_duplicates_words`) reports as near-duplicate names. Beside one code
they are the same procedure listed twice with a typo, not a code given to another
procedure; PA204 says so, and PA202 keeps quiet.
Only the few rows PA202 would report are looked at, pair by pair within their code.
"""

from __future__ import annotations

from itertools import combinations

import numpy as np
import pandas as pd

from procaudit.catalogue.text_columns import map_distinct
from procaudit.rules.near_duplicates_names import loose_words
from procaudit.rules.near_duplicates_words import FILLER_WORDS, filler_at, typo_close
from procaudit.vn.text import comparison_key

# A code shared by more names than this is no typo's work: its names are not paired.
_MOST_NAMES = 20
# Two names one slip apart differ in length by two letters (a typo) or by a filler word and
# its space at most: a pair further apart is not split into words.
_SLIP_LETTERS = max(2, 1 + max(map(len, FILLER_WORDS)))


def written_alike(names: pd.Series, groups: np.ndarray) -> np.ndarray:
    """A number per row of `names` (a name on each), equal for two rows of one group (from
    0 up) whose names are one procedure's written two ways."""
    words = map_distinct(names, lambda name: " ".join(loose_words(comparison_key(name))))
    loose: np.ndarray = pd.factorize(words.str.replace(" ", "", regex=False))[0]
    texts = words.tolist()
    # Each group's rows, from one stable sort (a list whose codes are all shifted by a row
    # has a group per code: a pass over every row for each would be quadratic).
    order = np.argsort(groups, kind="stable")
    ordered = groups[order]
    starts = np.flatnonzero(np.r_[True, ordered[1:] != ordered[:-1]]).tolist()
    numbers = loose.tolist()
    for start, end in zip(starts, [*starts[1:], len(order)], strict=True):
        rows = order[start:end].tolist()
        firsts = {numbers[row]: texts[row] for row in rows}
        if not 1 < len(firsts) <= _MOST_NAMES:
            continue
        same = {number: number for number in firsts}
        for a, b in combinations(sorted(firsts), 2):
            if abs(len(firsts[a]) - len(firsts[b])) > _SLIP_LETTERS:
                continue
            if _one_slip(firsts[a].split(), firsts[b].split()):
                same[_root(same, b)] = _root(same, a)
        if any(same[number] != number for number in same):
            for row in rows:
                loose[row] = _root(same, numbers[row])
    return loose


def _root(same: dict[int, int], number: int) -> int:
    while same[number] != number:
        number = same[number]
    return number


def _one_slip(a: list[str], b: list[str]) -> bool:
    """Whether word lists `a` and `b` differ by one word a typo apart, or by one filler word
    one of them has more."""
    if len(a) == len(b):
        apart = [(x, y) for x, y in zip(a, b, strict=True) if x != y]
        return len(apart) == 1 and typo_close(*apart[0])
    longer, shorter = (a, b) if len(a) > len(b) else (b, a)
    if len(longer) != len(shorter) + 1:
        return False
    at = next((i for i, (x, y) in enumerate(zip(longer, shorter, strict=False)) if x != y), -1)
    at = len(shorter) if at < 0 else at
    return longer[:at] + longer[at + 1 :] == shorter and filler_at(longer, at)
