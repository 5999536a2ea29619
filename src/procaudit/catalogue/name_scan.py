"""One RE2 pass over a large table's names, for the three steps that look in them for a few.

The names' comparison keys (`text_columns.KEY_SUSPECT`: the names whose key is more than
their lowercase), the text-cell survey (`cell_patterns.CELL_SUSPECT`, PA601-PA606) and the
name tags (`name_tags.DONE_AT`, "… tại cấp huyện") each ran its own regex over every name:
three passes of ~0.1 us a name. `NAME_SCAN` is their union, one pass (not much slower than
one of them); the scan is the mask of the names it flags, about one in a hundred, and each
step runs its own pattern on those only (`narrowed`). A name matches the union exactly when
it matches one of its parts, so each step finds what it found alone.

`scanned_keys` makes the scan with the keys, on the names' own thread
(`io.name_keys_ahead`), which hands it on with them; a step that finds no scan (a small
table, names that repeat, keys made otherwise) runs its own pass, as before.
"""

from __future__ import annotations

import re

import numpy as np
import pyarrow as pa

from procaudit.catalogue.cell_patterns import CELL_SUSPECT
from procaudit.catalogue.name_tags import DONE_AT, narrowed
from procaudit.catalogue.text_columns import (
    KEY_PIECE,
    KEY_SUSPECT,
    comparison_key_array,
    matches,
    piece_keys,
    repetitive,
)

_FLAGS = re.compile(r"\(\?([a-z]+)\)")


def _alone(pattern: str) -> str:
    """`pattern` as one alternative of a union: in a group of its own, with the flags it
    sets at its start (RE2's "(?i)") kept to that group."""
    flags = _FLAGS.match(pattern)
    if flags is None:
        return f"(?:{pattern})"
    return f"(?{flags.group(1)}:{pattern[flags.end() :]})"


NAME_SCAN = "|".join(_alone(pattern) for pattern in (KEY_SUSPECT, CELL_SUSPECT, DONE_AT))


def scanned_keys(texts: pa.Array | pa.ChunkedArray) -> tuple[pa.Array, np.ndarray | None]:
    """`comparison_key_array(texts)`, and where `NAME_SCAN` occurs in the texts (False where
    missing); no scan (None) for names that repeat, whose keys are made once per distinct
    name."""
    if not len(texts) or repetitive(texts):
        return comparison_key_array(texts), None
    keys, scans = [], []
    for at in range(0, len(texts), KEY_PIECE):  # a piece at a time, as the keys are made
        piece = texts.slice(at, KEY_PIECE)
        if isinstance(piece, pa.ChunkedArray):
            piece = piece.chunk(0) if piece.num_chunks == 1 else piece.combine_chunks()
        scan = matches(piece, NAME_SCAN).to_numpy(zero_copy_only=False)
        scans.append(scan)
        keys.append(piece_keys(piece, pa.array(narrowed(piece, scan.copy(), KEY_SUSPECT))))
    return pa.concat_arrays(keys), np.concatenate(scans)
