"""The reference code a mistyped code was likely meant to be, for a million codes at once.

A code one edit from a reference code (one character changed, added or dropped, or two
neighbours swapped: the OSA distance) may be a typo of it. Measuring each code against each
of a national list's 6,000 codes cost half a millisecond per code, ten minutes for a
million. Two texts one edit apart share a form with at most one character dropped (the same
position dropped from both, the extra character dropped from the longer, or either of two
swapped characters dropped), so the candidates come from joining those forms, and only the
candidates are measured. Codes of eight ASCII characters (every national code written in
ASCII digits) are joined as 64-bit numbers; any other text as text.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
from rapidfuzz import process
from rapidfuzz.distance import OSA

from procaudit.catalogue.text_columns import arrow_text, matches

_WORD = 8  # bytes in a number
_SHORT_ASCII = "^[\\x01-\\x7f]{8}$"  # texts held as numbers: no NUL, so no form is another's


def closest_codes(codes: pd.Series, reference_codes: pd.Series) -> pd.Series:
    """For each code (none missing), the position in `reference_codes` of the reference code
    at the least OSA distance, if that is at most one edit: the first of equally close
    ones, as rapidfuzz's `process.extractOne(code, reference_codes, scorer=OSA.distance,
    score_cutoff=1)` picks. -1 where no reference code is that close."""
    found = np.full(len(codes), -1, dtype=np.int64)
    texts, choices = arrow_text(codes), arrow_text(reference_codes)
    if len(texts) == 0 or len(choices) == 0:
        return pd.Series(found, index=codes.index)
    pairs = _candidates(texts, choices)
    if pairs.empty:
        return pd.Series(found, index=codes.index)
    code_at = pairs["at"].to_numpy()
    choice_at = pairs["choice"].to_numpy()
    distances = process.cpdist(
        texts.take(code_at).to_pylist(),
        choices.take(choice_at).to_pylist(),
        scorer=OSA.distance,
        dtype=np.int64,
    )
    close = pairs.assign(distance=distances)
    close = close[close["distance"] <= 1].sort_values(["at", "distance", "choice"])
    best = close.drop_duplicates("at")
    found[best["at"].to_numpy()] = best["choice"].to_numpy()
    return pd.Series(found, index=codes.index)


def _candidates(texts: pa.Array, choices: pa.Array) -> pd.DataFrame:
    """(position of a text, position of a choice) pairs sharing a form: every pair at most
    one edit apart, and some others."""
    short_texts = matches(texts, _SHORT_ASCII).to_numpy(zero_copy_only=False)
    short_choices = matches(choices, _SHORT_ASCII).to_numpy(zero_copy_only=False)
    parts = []
    if short_texts.any() and short_choices.any():
        parts.append(
            _joined(_number_forms(texts, short_texts), _number_forms(choices, short_choices))
        )
    # Every pair with a longer or a non-ASCII text on either side, as text.
    if (~short_texts).any():
        parts.append(
            _joined(
                _text_forms(texts, ~short_texts), _text_forms(choices, np.ones_like(short_choices))
            )
        )
    if (~short_choices).any() and short_texts.any():
        parts.append(_joined(_text_forms(texts, short_texts), _text_forms(choices, ~short_choices)))
    return pd.concat(parts, ignore_index=True).drop_duplicates()


def _joined(
    ours: tuple[np.ndarray, np.ndarray], theirs: tuple[np.ndarray, np.ndarray]
) -> pd.DataFrame:
    """The (text, choice) pairs of `ours` and `theirs` (positions, forms) sharing a form;
    ours are filtered by a sorted search first, as most share none."""
    at, forms = ours
    choice, choice_forms = theirs
    known = np.unique(choice_forms)
    where = np.minimum(np.searchsorted(known, forms), len(known) - 1)
    shared = known[where] == forms
    left = pd.DataFrame({"at": at[shared], "form": forms[shared]})
    right = pd.DataFrame({"choice": choice, "form": choice_forms})
    return left.merge(right, on="form")[["at", "choice"]]


def _number_forms(texts: pa.Array, where: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The positions and forms of the texts at `where` (eight ASCII bytes each), as 64-bit
    numbers: the text itself and each of its eight seven-byte forms (the top byte 0)."""
    positions = np.flatnonzero(where)
    chosen = texts.filter(pa.array(where))
    _, offsets, data = chosen.buffers()
    start = int(np.frombuffer(offsets, np.int64)[chosen.offset])
    words = np.frombuffer(data, "<u8", count=len(chosen), offset=start)
    forms = [words]
    for at in range(_WORD):
        low = words & np.uint64((1 << (8 * at)) - 1)
        high = words >> np.uint64(8 * (at + 1)) if at + 1 < _WORD else np.uint64(0)
        forms.append(low | (high << np.uint64(8 * at)))
    return np.tile(positions, len(forms)), np.concatenate(forms)


def _text_forms(texts: pa.Array, where: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The positions and forms of the texts at `where`, as text: the text with its
    character at 0, 1, ... dropped, and the text itself (dropping past its end)."""
    positions = np.flatnonzero(where)
    chosen = texts.filter(pa.array(where))
    if len(chosen) == 0:
        return positions, np.array([], dtype=object)
    longest = pc.max(pc.utf8_length(chosen)).as_py() or 0
    forms = [
        pc.binary_join_element_wise(
            pc.utf8_slice_codeunits(chosen, 0, at),
            pc.utf8_slice_codeunits(chosen, at + 1),
            pa.scalar("", chosen.type),
        ).to_numpy(zero_copy_only=False)
        for at in range(longest + 1)
    ]
    return np.tile(positions, len(forms)), np.concatenate(forms)
