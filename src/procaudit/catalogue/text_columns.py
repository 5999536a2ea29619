"""`text.comparison_key` over a whole column, in pyarrow's string kernels.

A million distinct names cannot each take a Python call, so the keys are built by column
kernels: NFC (utf8proc), lowercase, spacing, trailing punctuation. The kernels fold text
exactly as `comparison_key` does only for the characters of `KERNEL_SAFE` (Latin and
Vietnamese letters, combining marks, punctuation, every space): Python lowercases "İ" to
"i̇" where utf8proc gives "i", writes a Greek final sigma "ς", and knows another Unicode
version. A value with any other character goes through `comparison_key` itself, once per
distinct value. RE2 has no lookaround, so old-style tone placement is found by a kernel and
moved by Python's regex in the few values that have it.
`tests/catalogue/test_text_columns.py` holds the two forms together. `format_texts` fills a
message's template for a whole column the same way.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from string import Formatter
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from procaudit.vn.text import (
    INVISIBLE,
    LIST_NUMBER,
    OLD_TONE_PAIR,
    TONED_SECONDS,
    TRAILING,
    WORD_LETTERS,
    comparison_key,
    new_tone,
)

# Every character Python's str.split() splits at (str.isspace()); RE2's \s has only five.
SPACES = "\t\n\x0b\x0c\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
# The characters the kernels fold as Python does (written as the insides of a class).
KERNEL_SAFE = "\x00-\u012f\u0131-\u024f\u0300-\u036f\u1680\u1e00-\u1eff\u2000-\u206f\u3000"
# Characters no step but the lowercase changes: a value made of them, with single spaces
# inside and none at its ends, needs only lowercasing and its trailing punctuation trimmed.
# (the soft hyphen U+00AD is left out: a key drops it, `text.INVISIBLE`).
_PLAIN = "\x20-\x7e\xa1-\xac\xae-\u012f\u0131-\u024f\u1e00-\u1eff\u2010-\u2027\u2030-\u205e"
# Characters NFC neither changes nor merges with a neighbour: text made of them is NFC. In
# KERNEL_SAFE text that leaves out the combining marks and U+2000/U+2001 (en and em quad).
NFC_STABLE = "\x00-\u02ff\u1680\u1e00-\u1eff\u2002-\u206f\u3000"

_STR = pd.StringDtype("pyarrow", na_value=np.nan)  # pandas' "str"
_SAMPLE = 10_000  # values looked at to tell a column of repeated values
_LITTLE_ENDIAN_64 = np.dtype("<u8")  # a text's first byte is a word's lowest on any machine


def re2_class(characters: str) -> str:
    """The insides of a character class, each character escaped for RE2 ("-" is a range)."""
    return "".join(c if c == "-" else f"\\x{{{ord(c):x}}}" for c in characters)


_IRREGULAR = f"[^{re2_class(_PLAIN)}]|  |^ | $"
_FOREIGN = f"[^{re2_class(KERNEL_SAFE)}]"
_SPACE_RUN = f"[{re2_class(SPACES)}]+"
_INVISIBLE_RUN = f"[{re2_class(INVISIBLE)}]+"
_COMPOSABLE = f"[^{re2_class(NFC_STABLE)}]"
# `text`'s old-tone pattern with its lookarounds as plain matches: a value holds a match of
# one exactly when it holds a match of the other.
_OLD_TONE = f"(?:^|[^q]){OLD_TONE_PAIR}(?:[^{WORD_LETTERS}]|$)"
# Where a plain text's key may hold an old-style tone: lowercasing `_PLAIN` text maps each
# character to one character, so the pair shows in the text in either case, and what
# follows it in the key is none of WORD_LETTERS only if it is no ASCII letter nor "đ" here.
_MAY_HAVE_OLD_TONE = f"(?:^|[^qQ])[oOuU][{TONED_SECONDS}{TONED_SECONDS.upper()}](?:[^a-zA-ZđĐ]|$)"
# `text`'s list number before a word, the word kept by the replacement (`\\1`).
_LIST_NUMBER = f"^{LIST_NUMBER}([{WORD_LETTERS}])"
# Texts whose key is more than their lowercase with the trailing punctuation trimmed.
KEY_SUSPECT = f"{_IRREGULAR}|{_MAY_HAVE_OLD_TONE}|^[0-9]"


def arrow_chunks(values: pd.Series) -> pa.Array | pa.ChunkedArray:
    """A text column as pyarrow holds it (the reader's columns come in blocks); missing
    values are nulls."""
    array = values.array
    if isinstance(array, pd.arrays.ArrowStringArray):
        # Its Arrow data as `pa.array` gives it (one chunk alone, else the chunks), without
        # that call's look at a pandas object (20 us, several columns a table).
        chunks = array.__arrow_array__()
        if chunks.type == pa.large_string():
            return chunks.chunk(0) if chunks.num_chunks == 1 else chunks
    return pa.array(values, type=pa.large_string(), from_pandas=True)


def arrow_text(values: pd.Series) -> pa.Array:
    """A text column as one pyarrow array, for kernels whose results are put together."""
    return _whole(arrow_chunks(values))


def _whole(texts: pa.Array | pa.ChunkedArray) -> pa.Array:
    if not isinstance(texts, pa.ChunkedArray):
        return texts
    # A column in one piece (the CSV reader's) is used as it is: joining copies it.
    return texts.chunk(0) if texts.num_chunks == 1 else texts.combine_chunks()


def text_series(texts: pa.Array, index: pd.Index) -> pd.Series:
    """A pyarrow string array as a column of dtype "str" (missing values NaN)."""
    chunked = pa.chunked_array([texts.cast(pa.large_string())])
    # pandas-stubs 3.1 lacks the `dtype` pandas 3 takes here (the "str" dtype, NaN missing).
    array = pd.arrays.ArrowStringArray(chunked, dtype=_STR)  # type: ignore[call-arg]
    return pd.Series(array, index=index, copy=False)


def matches(texts: pa.Array, pattern: str) -> pa.Array:
    """Where `pattern` (RE2) occurs in `texts`; False for missing values."""
    if len(texts) <= SMALL_COLUMN:
        return _small_matches(texts, pattern)
    return pc.fill_null(pc.match_substring_regex(texts, pattern), False)


def holding(texts: pa.Array | pa.ChunkedArray, characters: str) -> np.ndarray:
    """Where a text holds any of `characters` (ASCII), found in the texts' bytes by numpy:
    RE2 costs about 0.1 us a value however short (0.1 s for a million names), this a fifth
    of that. A prefilter for a regex that needs one of them, run then on the few texts
    holding one."""
    # A byte of UTF-8 beyond ASCII may be part of another character.
    assert characters and characters.isascii(), "ASCII characters only"
    return holding_bytes(texts, characters.encode())


def holding_bytes(texts: pa.Array | pa.ChunkedArray, wanted: bytes) -> np.ndarray:
    """Where a text's UTF-8 form holds any of the `wanted` bytes: ASCII characters, or the
    first bytes of longer characters (a byte that is never part of another character).
    False for missing values."""
    found = np.zeros(len(texts), dtype=bool)
    held = False
    for start, offsets, data in _text_buffers(texts):
        raw = data[offsets[0] : offsets[-1]]
        # By blocks: a mask of a million names' bytes at once was 60 MB of fresh pages, and
        # the kernel's faults on them took longer than the scan.
        for begin in range(0, len(raw), _SCANNED_BYTES):
            block = raw[begin : begin + _SCANNED_BYTES]
            # Compared byte by byte: faster than a lookup table's fancy indexing.
            hit = block == wanted[0]
            for byte in wanted[1:]:
                hit |= block == byte
            if not hit.any():  # most columns hold none: no value to look up
                continue
            held = True
            at = np.flatnonzero(hit) + (begin + offsets[0])
            # The value each byte is in: the last offset at or before it.
            found[start + np.searchsorted(offsets, at, side="right") - 1] = True
    if not held:
        return found
    # A missing value's slot may hold bytes: it holds nothing.
    return found & texts.is_valid().to_numpy(zero_copy_only=False)


def _text_buffers(
    texts: pa.Array | pa.ChunkedArray,
) -> Iterator[tuple[int, np.ndarray, np.ndarray]]:
    """For each non-empty chunk of a text column: the position of its first value in the
    column, its values' offsets (one more than its values) and its bytes, read in place."""
    chunks = texts.chunks if isinstance(texts, pa.ChunkedArray) else [texts]
    start = 0
    for chunk in chunks:
        chunk = chunk.cast(pa.large_string())
        _, offsets_buffer, data = chunk.buffers()
        if data is not None and len(chunk):
            offsets = np.frombuffer(offsets_buffer, dtype=np.int64)
            offsets = offsets[chunk.offset : chunk.offset + len(chunk) + 1]
            yield start, offsets, np.frombuffer(data, dtype=np.uint8)
        start += len(chunk)


_SCANNED_BYTES = 1 << 22  # bytes scanned at once by `holding_bytes`


def starting_with(texts: pa.Array | pa.ChunkedArray, first: bytes, end: bool = False) -> np.ndarray:
    """Where a text's UTF-8 form begins (ends, if `end`) with one of the bytes `first` (ASCII
    characters, or the first bytes of longer characters); False for missing and empty values.
    A prefilter for a regex anchored at the start: read from the offsets, where RE2 costs
    ~0.06 us a value (60 ms for a million codes), however little of it the anchor lets it read."""
    wanted = np.zeros(256, dtype=bool)
    wanted[list(first)] = True
    found = np.zeros(len(texts), dtype=bool)
    for start, offsets, raw in _text_buffers(texts):
        filled = np.flatnonzero(offsets[1:] > offsets[:-1])
        found[start + filled] = wanted[raw[offsets[filled + end] - end]]
    # A missing value's slot may hold bytes: it holds nothing.
    return found & texts.is_valid().to_numpy(zero_copy_only=False)


# A column this short is matched value by value from what earlier columns' values gave: RE2
# compiles the pattern at every call (0.05-0.3 ms, more than matching a few dozen values),
# and a folder of communes' lists repeats its levels, agencies and fields in every file.
SMALL_COLUMN = 1_000
_MATCHED: dict[str, dict[str, bool]] = {}  # pattern -> text -> whether it matches
_MATCHED_LIMIT = 100_000  # texts kept per pattern; past it the pattern's are forgotten


def _small_matches(texts: pa.Array | pa.ChunkedArray, pattern: str) -> pa.Array:
    values = texts.to_pylist()
    known = _MATCHED.setdefault(pattern, {})
    answers = {text: known.get(text) for text in values if text is not None}
    new = [text for text, answer in answers.items() if answer is None]
    if new:
        found = pc.match_substring_regex(pa.array(new, pa.large_string()), pattern)
        answers.update(zip(new, found.to_pylist(), strict=True))
        if len(known) + len(new) > _MATCHED_LIMIT:  # a new dict: another thread may read the old
            known = _MATCHED[pattern] = {}
        known.update((text, bool(answers[text])) for text in new)  # in place: no copy per call
    flags = pa.array([text is not None and answers[text] for text in values], pa.bool_())
    # A chunked column gives a chunked answer, in one chunk as the kernels' is.
    return pa.chunked_array([flags]) if isinstance(texts, pa.ChunkedArray) else flags


def map_texts(texts: pa.Array, func: Callable[[str], str]) -> pa.Array:
    """`func` of each text, called once per distinct text; nulls stay null."""
    encoded = pc.dictionary_encode(texts)
    mapped = pa.array(map(func, encoded.dictionary.to_pylist()), type=pa.large_string())
    return mapped.take(encoded.indices)


def _replaced(texts: pa.Array, where: pa.Array, build: Callable[[pa.Array], pa.Array]) -> pa.Array:
    """`texts` with the values where `where` holds replaced by `build` of them."""
    if not pc.any(where).as_py():
        return texts
    return pc.replace_with_mask(texts, where, build(texts.filter(where)))


def _folded(texts: pa.Array) -> pa.Array:
    """The keys, before the tone step, of texts that may need NFC or spacing folded."""
    normal = _replaced(texts, matches(texts, _COMPOSABLE), lambda t: pc.utf8_normalize(t, "NFC"))
    keys = pc.replace_substring_regex(pc.utf8_lower(normal), _INVISIBLE_RUN, "")
    keys = pc.replace_substring_regex(keys, _SPACE_RUN, " ")
    keys = pc.utf8_rtrim(pc.utf8_ltrim(keys, " "), TRAILING)
    # NFC may compose safe characters into one that is not: "I" and U+0307 make "İ".
    foreign = pc.or_(matches(texts, _FOREIGN), matches(normal, _FOREIGN))
    if not pc.any(foreign).as_py():
        return keys
    return pc.replace_with_mask(keys, foreign, map_texts(texts.filter(foreign), comparison_key))


def repetitive(texts: pa.Array | pa.ChunkedArray) -> bool:
    """Whether values repeat enough to be worth working on once each (encoding a million
    distinct names costs more than it saves), judged on the first values. A small column
    is worked on as it is: either way gives the same, and counting costs more than it saves."""
    if len(texts) <= SMALL_COLUMN:
        return False
    sample = texts.slice(0, _SAMPLE)
    return pc.count_distinct(sample).as_py() * 2 < len(sample)


# Texts whose keys are made at once. The C allocator hands an array of more than 32 MB back
# to the system as it is freed, and the next one is fresh pages that the kernel zeroes: each
# kernel's output on a million names (61 MB) was 15,000 page faults. A piece's outputs on the
# way to its keys (~8 MB) reuse the memory of the piece before's; only the keys are fresh.
KEY_PIECE = 1 << 17


def comparison_key_array(texts: pa.Array | pa.ChunkedArray) -> pa.Array:
    """`comparison_key` of every text; nulls stay null. The reader's blocks of a column
    (`arrow_chunks`) are joined a piece at a time: joined whole, a million names were 60 MB
    of fresh pages to fill (0.15 s)."""
    if repetitive(texts):
        encoded = pc.dictionary_encode(texts)
        if isinstance(encoded, pa.ChunkedArray):  # the blocks share one dictionary
            encoded = encoded.combine_chunks()
        return piece_keys(encoded.dictionary).take(encoded.indices)
    if len(texts) > KEY_PIECE:
        pieces = range(0, len(texts), KEY_PIECE)
        return pa.concat_arrays([piece_keys(_whole(texts.slice(at, KEY_PIECE))) for at in pieces])
    return piece_keys(_whole(texts))


def piece_keys(texts: pa.Array, suspect: pa.Array | None = None) -> pa.Array:
    keys = pc.utf8_lower(texts)  # with the trailing punctuation trimmed, all most texts need
    # Only keys ending in it are trimmed, found from the offsets: a trim copied them all.
    trailing = (
        starting_with(keys, TRAILING.encode(), end=True) if len(keys) > SMALL_COLUMN else None
    )
    if trailing is None or trailing.sum() > len(keys) // 4:
        keys = pc.utf8_rtrim(keys, TRAILING)
    elif trailing.any():
        where = pa.array(trailing)
        keys = pc.replace_with_mask(keys, where, pc.utf8_rtrim(keys.filter(where), TRAILING))
    suspect = matches(texts, KEY_SUSPECT) if suspect is None else suspect  # `name_scan`'s
    if not pc.any(suspect).as_py():
        return keys
    return pc.replace_with_mask(
        keys, suspect, _suspect_keys(texts.filter(suspect), keys.filter(suspect))
    )


def _suspect_keys(texts: pa.Array, keys: pa.Array) -> pa.Array:
    irregular = matches(texts, _IRREGULAR)
    keys = pc.replace_with_mask(keys, irregular, _folded(texts.filter(irregular)))
    keys = _replaced(keys, matches(keys, _LIST_NUMBER), _without_list_number)
    return _replaced(keys, matches(keys, _OLD_TONE), lambda k: map_texts(k, new_tone))


def _without_list_number(keys: pa.Array) -> pa.Array:
    return pc.replace_substring_regex(keys, _LIST_NUMBER, r"\1")


def comparison_keys(values: pd.Series) -> pd.Series:
    """`comparison_key` of every value of a text column; missing values stay missing."""
    return text_series(comparison_key_array(arrow_text(values)), values.index)


def text_codes(values: pd.Series) -> np.ndarray:
    """A number per value, shared exactly by equal values; -1 where missing.

    Hashing a million distinct strings is the slowest step of the duplicate rules, and most
    such values are unique: only those whose fingerprint (byte length, first and last eight
    bytes) repeats are hashed.
    """
    return text_array_codes(arrow_text(values))


def text_array_codes(texts: pa.Array) -> np.ndarray:
    """`text_codes` of a pyarrow string array: a number per text, below twice their count,
    shared exactly by equal texts; -1 where missing."""
    if repetitive(texts):
        return pc.fill_null(pc.dictionary_encode(texts).indices, -1).to_numpy().astype(np.int64)
    missing = texts.is_null().to_numpy(zero_copy_only=False)
    codes = np.arange(len(texts), dtype=np.int64) + len(texts)  # each value its own number
    maybe = ~missing & repeated_numbers(fingerprints(texts))
    if maybe.any():
        indices = pc.dictionary_encode(texts.filter(maybe)).indices
        codes[maybe] = indices.to_numpy().astype(np.int64)
    codes[missing] = -1
    return codes


def taken_in_order(texts: pa.Array, rows: np.ndarray) -> pa.Array:
    """`texts.take(rows)` for increasing `rows`. Runs of consecutive rows (the first rows of
    a list's distinct names, mostly all of them) are joined from slices, in one copy of the
    right size: pyarrow's take and filter grow their output as they write it, and at a
    million names wrote 2.5 times its size in fresh pages (80 against 25 ms). Rows in many
    runs are filtered: a slice per run would cost more."""
    breaks = np.flatnonzero(np.diff(rows) != 1) + 1
    if len(breaks) >= MOST_RUNS:
        kept = np.zeros(len(texts), dtype=bool)
        kept[rows] = True
        return texts.filter(pa.array(kept))
    if not len(rows):
        return texts.slice(0, 0)
    starts = rows[np.r_[0, breaks]].tolist()
    ends = (rows[np.r_[breaks - 1, len(rows) - 1]] + 1).tolist()
    runs = zip(starts, ends, strict=True)
    return pa.concat_arrays([texts.slice(at, end - at) for at, end in runs])


MOST_RUNS = 10_000  # runs of rows joined from slices by `taken_in_order` (~1 us each)


def distinct_texts(texts: pa.Array) -> tuple[np.ndarray, pa.Array]:
    """`pc.dictionary_encode` of texts (no nulls) that are mostly distinct, as numpy indices
    and the distinct texts, numbered as they first appear: only texts whose fingerprint
    repeats are hashed (`text_codes`), a million distinct names in a fraction of the time."""
    numbers, first = first_appearances(text_array_codes(texts), len(texts))
    return numbers, texts.take(first)


def first_appearances(codes: np.ndarray, count: int | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Codes (`text_codes`, none missing) numbered from 0 as they first appear, and where
    each number first appears. Given the `count` of texts the codes were made of, the
    numbers are counted without a hash table (a million mostly distinct codes' took 40 MB):
    `text_array_codes` gives a text its own code from `count` on; only the codes below it
    (shared, or all of a repetitive column's) are sorted."""
    if count is None:
        numbers = pd.factorize(codes)[0]
        # A text is its number's first where the number is above all before it.
        first = np.ones(len(numbers), dtype=bool)
        first[1:] = numbers[1:] > np.maximum.accumulate(numbers)[:-1]
        return numbers, np.flatnonzero(first)
    firsts = codes >= count  # a code of its own is its first appearance
    shared = np.flatnonzero(~firsts)
    code = codes[shared]
    distinct, first_of = np.unique(code, return_index=True)  # where each first appears
    firsts[shared[first_of]] = True
    numbers = np.cumsum(firsts) - 1  # the first appearances, numbered in order
    number_of = np.zeros(int(code.max(initial=-1)) + 1, dtype=np.int64)
    number_of[distinct] = numbers[shared[first_of]]
    numbers[shared] = number_of[code]  # a shared code's number is its first text's
    return numbers, np.flatnonzero(firsts)


def fingerprints(texts: pa.Array) -> np.ndarray:
    """A number per text (large strings or binaries) that equal texts share: its byte length
    and its first and last eight bytes, mixed into one. Made in place: a million names'
    arrays of 8 MB each are the cost (three of them at most, not eight)."""
    _, offsets, data = texts.buffers()
    ends = np.frombuffer(offsets, np.int64)[texts.offset : texts.offset + len(texts) + 1]
    starts, ends = ends[:-1], ends[1:]
    raw = np.zeros(0, np.uint8) if data is None else np.frombuffer(data, np.uint8)
    lengths = (ends - starts).astype(np.uint64)
    kept = _LOW_BYTES[np.minimum(lengths, 8)]  # the bytes of a text shorter than eight
    head = _words_at(raw, starts)
    head &= kept
    head *= np.uint64(0x9E3779B97F4A7C15)
    tail = _words_at(raw, np.maximum(ends - 8, starts))
    tail &= kept
    del kept
    tail *= np.uint64(0xC2B2AE3D27D4EB4F)
    head ^= tail
    head ^= lengths
    return head


# The mask of a word's lowest k bytes, for k from 0 to 8.
_LOW_BYTES = np.array([(1 << (8 * k)) - 1 for k in range(9)], dtype=np.uint64)


def _words_at(raw: np.ndarray, at: np.ndarray) -> np.ndarray:
    """The eight bytes from each position `at` of `raw` as a number (little-endian, zeros past
    the end), read in place: no copy of a column's bytes."""
    words = np.ndarray((max(len(raw) - 7, 0),), _LITTLE_ENDIAN_64, raw, strides=(1,))
    if not len(words):
        found = np.zeros(len(at), np.uint64)
        near_end = np.ones(len(at), dtype=bool)
    else:
        found = words[np.minimum(at, len(words) - 1)]
        near_end = at >= len(words)
    if near_end.any():
        base = max(len(raw) - 8, 0)
        end = np.concatenate([raw[base:], np.zeros(8, np.uint8)])
        found[near_end] = np.ndarray((len(end) - 7,), _LITTLE_ENDIAN_64, end, strides=(1,))[
            at[near_end] - base
        ]
    return found.astype(np.uint64, copy=False)


def repeated_numbers(numbers: np.ndarray) -> np.ndarray:
    """Where a number (an integer) occurs more than once.

    Up to a few hundred thousand numbers, by pandas' hash table. From `SORTED_FROM` on,
    where that table outgrows the caches, in sorted order on a 32-bit hash of each number:
    equal numbers have equal hashes, and sorting a million of them takes half the time the
    numbers took (35 against 57 ms by the hash table, 66 by sorting the numbers). The rows
    whose hash repeats are then told apart by their whole numbers: those of a repeated
    number, and the few whose hash alone collides."""
    if len(numbers) < SORTED_FROM:
        repeated: np.ndarray = pd.Series(numbers).duplicated(keep=False).to_numpy()
        return repeated
    whole = numbers.view(np.uint64) if numbers.dtype.itemsize == 8 else numbers.astype(np.uint64)
    # Multiplicative hashing: the product's high half depends on every bit of the number
    # (fingerprints, which are products themselves, repeat their first bytes in their low bits).
    half = ((whole * _MIX) >> np.uint64(32)).astype(np.uint32)
    ordered = np.sort(half)
    twice = ordered[1:][ordered[1:] == ordered[:-1]]
    del ordered
    repeated = np.zeros(len(numbers), dtype=bool)
    if not len(twice):
        return repeated
    # The rows whose hash may repeat, by a table of the repeated hashes' low bits (a look-up
    # of 1 MB, where a hash table of them all took three times as long).
    table = np.zeros(1 << _TABLE_BITS, dtype=bool)
    table[twice & _TABLE_MASK] = True
    maybe = np.flatnonzero(table[half & _TABLE_MASK])
    repeated[maybe] = pd.Series(whole[maybe]).duplicated(keep=False).to_numpy()
    return repeated


SORTED_FROM = 400_000
_MIX = np.uint64(0x9E3779B97F4A7C15)  # 2^64 over the golden ratio, odd
_TABLE_BITS = 20
_TABLE_MASK = np.uint32((1 << _TABLE_BITS) - 1)


def map_distinct(values: pd.Series, func: Callable[[str], Any], dtype: str = "str") -> pd.Series:
    """`func` of every non-missing value, called once per distinct value; missing stays missing.

    Catalogues repeat levels, agencies, decisions and fields on every row, and one Python call
    per distinct value beats several per-row passes of pandas' string methods.
    """
    return map_factorized(pd.factorize(values), func, values.index, dtype)


def map_factorized(
    factorized: tuple[Any, Any], func: Callable[[str], Any], index: Any, dtype: str = "str"
) -> pd.Series:
    """`map_distinct` of a column already factorised: codes (-1 where missing) and values."""
    codes, uniques = factorized
    # The stubs take each dtype name through an overload of its own, never a plain str.
    mapped = pd.array([func(value) for value in uniques], dtype=dtype)  # type: ignore[call-overload]
    taken = mapped.take(codes, allow_fill=True)
    return pd.Series(taken, index=index, dtype=dtype, copy=False)


_Transform = Callable[[pd.Series], pd.Series]


@dataclass
class _Remembered:
    """What an elementwise transform gave for the values of small columns before."""

    dtype: Any
    name: Any
    missing: Any  # its result for a missing value
    results: dict[Any, Any] = dataclasses.field(default_factory=dict)  # value -> result


_ELEMENTWISE: dict[_Transform, _Remembered | None] = {}


def elementwise(transform: _Transform) -> _Transform:
    """Mark `transform` (column operations) as giving each value's result from that value
    alone: `transform_factorized` may then answer a small column from the results of earlier
    columns, with no pandas call (a folder of communes' lists repeats its levels, statuses
    and online levels in every file)."""
    _ELEMENTWISE[transform] = None
    return transform


def transform_factorized(
    factorized: tuple[Any, Any], transform: _Transform, index: pd.Index
) -> pd.Series:
    """`transform` (column operations) of a column already factorised, run on its distinct
    values only, missing included, and spread back to the rows at `index`."""
    codes, uniques = factorized
    return transform_distinct(uniques, transform).take(codes).set_axis(index)  # -1: the last


def transform_distinct(uniques: Any, transform: _Transform) -> pd.Series:
    """`transform` of a column's distinct values, then of a missing value (the last): from
    the results of earlier small columns where `transform` is `elementwise` and has seen
    every value, else by running it (and remembering a small column's results)."""
    small = transform in _ELEMENTWISE and len(uniques) <= SMALL_COLUMN
    if small and (known := _ELEMENTWISE[transform]) is not None:
        values = uniques.tolist()
        if all(value in known.results for value in values):
            results = [*(known.results[value] for value in values), known.missing]
            return pd.Series(pd.array(results, dtype=known.dtype), name=known.name)
    values = pd.Series(uniques).reindex(range(len(uniques) + 1))  # the last is missing
    transformed = transform(values)
    if small:
        _remember(transform, uniques.tolist(), transformed)
    return transformed


def _remember(transform: _Transform, values: list[Any], transformed: pd.Series) -> None:
    results = transformed.tolist()
    known = _ELEMENTWISE[transform]
    if known is None or len(known.results) + len(values) > _MATCHED_LIMIT:
        known = _Remembered(transformed.dtype, transformed.name, results[-1])
    elif known.dtype != transformed.dtype or known.name != transformed.name:
        return  # not the same kind of result: the column is transformed, not remembered
    _ELEMENTWISE[transform] = known
    known.results.update(zip(values, results[:-1], strict=True))  # in place: no copy per call


def format_texts(template: str, **values: pa.Array | str) -> pa.Array:
    """`template.format(**values)` for each row of the arrays among `values` (of one length,
    at least one of them named in `template`; a str is the same in every row), by one join
    of its pieces: a column of messages without a Python call per row. A row where an
    array holds null is null."""
    pieces: list[pa.Array | pa.Scalar] = []
    for literal, field, _, _ in Formatter().parse(template):
        if literal:
            pieces.append(pa.scalar(literal, pa.large_string()))
        if field is not None:
            value = values[field]
            pieces.append(
                pa.scalar(value, pa.large_string())
                if isinstance(value, str)
                else value.cast(pa.large_string())
            )
    return pc.binary_join_element_wise(*pieces, pa.scalar("", pa.large_string()))
