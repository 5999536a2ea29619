"""What a procedure name is made of, for PA204 (`near_duplicates`): the level its trailing tag
names, the leading label it may carry ("Thủ tục", "TTHC:"), and its words.

A name's *near key* is its comparison key (`text.comparison_key`) without punctuation, level
tag or leading "Thủ tục", spaces single: two names whose near keys are equal differ only in
what cannot name another procedure. The words of all the distinct names are kept as one flat
array of word ids (`Names`) and the vocabulary in Arrow, so that a million names never become
a million Python strings or lists; the names' own texts are not kept at all: only the names
of a finding are made again (`Names.load`) and looked at in Python.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from typing import NamedTuple, Protocol, TypeVar

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
from rapidfuzz.distance import OSA

from procaudit.catalogue.arrow_memory import release_memory
from procaudit.catalogue.text_columns import (
    SPACES,
    distinct_texts,
    fingerprints,
    holding_bytes,
    re2_class,
    repeated_numbers,
    text_array_codes,
)

# A trailing level tag: "(thực hiện tại cấp tỉnh)", "(cấp Bộ)", "(cấp TW)", "(cấp tỉnh và cấp
# xã)". Tags are typed by hand like the rest of the name ("cấp tinh" is in the portal's own
# export; "cáp xã", "cấp Bô" and a stray comma happen), so words one slip from "cấp" or from
# a level count; anything else in the parentheses ("(cấp lần đầu)", "(trừ ... cấp tỉnh)")
# makes it no level tag. The closing parenthesis is sometimes missing.
_TAG_SPLIT = re.compile(r"\s*(?:,|;|/|&|\bvà\b|\bhoặc\b)\s*")
_TAG_WORDS = frozenset({"thực", "hiện", "tại", "ở"})
_TAG_LEVELS = {
    "bộ": "cấp bộ", "trung ương": "cấp bộ", "tw": "cấp bộ",
    "tỉnh": "cấp tỉnh",
    "huyện": "cấp huyện",
    "xã": "cấp xã",
}  # fmt: skip
# A leading label "Thủ tục", "Thủ tục hành chính" or "TTHC" (a colon after it often): also
# "Thủ tục thủ tục", "Thủtục", "TTHC: Thủ tục". Not a word of a procedure's own name.
_LABEL = r"(?:thủ\s?tục(?:\s+hành\s+chính)?|tthc)\b\W*"
_PREFIX = re.compile(f"(?:{_LABEL})+")
_ONE_LABEL = re.compile(_LABEL)
_LABEL_STARTS = ("thủ", "tthc")  # the keys to look at for one
_WORD = re.compile(r"[^\W_]+")
# Punctuation becomes a space. ASCII punctuation goes in one table lookup over the UTF-8
# bytes of all names (a regex over Vietnamese text is several times slower); the few
# non-ASCII marks seen in catalogues are replaced in the names that have one.
_ASCII_PUNCTUATION = np.array(
    [b if b >= 128 or chr(b).isalnum() else ord(" ") for b in range(256)], dtype=np.uint8
)
_ASCII_TABLE = _ASCII_PUNCTUATION.tobytes()  # the same, for bytes.translate
_MARKS = "“”‘’–—…•·«»"
_OTHER_MARK = f"[{re2_class(_MARKS)}]"
# The first bytes of the marks' UTF-8 forms (U+0080-U+00BF, U+2000-U+2FFF): no Vietnamese
# letter begins with one, so the names to look at for marks are found in the bytes.
_MARK_LEADS = bytes(sorted({mark.encode()[0] for mark in _MARKS}))
_SPACE_RUN = f"[{re2_class(SPACES)}]+"  # what str.split() splits at


class NameParts(NamedTuple):
    """One distinct name's parts (`Names.parts`)."""

    tag: str  # the level the trailing tag names, as a level key ("cấp tỉnh"); "" without
    near: str  # the words: no punctuation, no tag, no leading "thủ tục"
    prefixed: int  # how many labels it began with ("Thủ tục", "TTHC": once, or typed twice)
    bare: str  # the comparison key without tag and "Thủ tục", punctuation kept


def _tag_level(inside: str) -> str:
    """The level key a tag's text names ("cấp tỉnh và cấp xã" -> "cấp tỉnh, cấp xã");
    "" when it is not a level tag ("cấp lần đầu", "cấp mới")."""
    levels, has_cap = set(), False
    for part in _TAG_SPLIT.split(inside):
        words = [w for w in _WORD.findall(part) if w not in _TAG_WORDS]
        if words and _slip_of(words[0], "cấp"):
            words, has_cap = words[1:], True
        if not words:
            continue
        phrase = " ".join(words)
        level = next((_TAG_LEVELS[w] for w in _TAG_LEVELS if _slip_of(phrase, w)), None)
        if level is None:
            return ""
        levels.add(level)
    return ", ".join(sorted(levels)) if has_cap else ""


def _slip_of(word: str, target: str) -> bool:
    return word == target or (len(word) > 1 and OSA.distance(word, target, score_cutoff=1) <= 1)


def _untagged(key: str) -> tuple[str, str, int]:
    """(tag level, the key without tag and leading "Thủ tục", how many "Thủ tục" it had)."""
    tag = ""
    opening = key.rfind("(")
    inside = key[opening + 1 :].removesuffix(")")
    if opening >= 0 and ")" not in inside and len(inside) <= 60 and "c" in inside:
        tag = _tag_level(inside)
        if tag:
            key = key[:opening].rstrip()
    prefix = _PREFIX.match(key) if key.startswith(_LABEL_STARTS) else None
    if prefix and key[prefix.end() :].strip():  # a name that is the label alone stays
        key = key[prefix.end() :]
        return tag, key.strip(), len(_ONE_LABEL.findall(prefix.group(0)))
    return tag, key.strip(), 0


def _near_keys(bare: pa.Array) -> pa.Array:
    """Each text with its punctuation made spaces and its spaces single, in column kernels."""
    marked = holding_bytes(bare, _MARK_LEADS)
    if marked.any():
        where = pa.array(marked)
        spaced = pc.replace_substring_regex(bare.filter(where), _OTHER_MARK, " ")
        bare = pc.replace_with_mask(bare, where, spaced)
    near = _ascii_punctuation_spaced(bare)
    _, ends, raw = _utf8(near)
    spaced = _spaced_oddly(raw, ends)
    del raw
    if not spaced.any():
        return near
    spaced = pa.array(spaced)
    single = pc.utf8_trim(pc.replace_substring_regex(near.filter(spaced), _SPACE_RUN, " "), " ")
    return pc.replace_with_mask(near, spaced, single)


def _utf8(texts: pa.Array) -> tuple[pa.Array, np.ndarray, np.ndarray]:
    """`texts` (no nulls) as large strings, where each one ends in their bytes, and the bytes."""
    texts = texts.cast(pa.large_string())
    ends = np.frombuffer(texts.buffers()[1], dtype=np.int64)
    ends = ends[texts.offset : texts.offset + len(texts) + 1]
    data = texts.buffers()[2]
    raw = np.frombuffer(data, dtype=np.uint8) if data is not None else np.empty(0, np.uint8)
    return texts, ends, raw[ends[0] : ends[-1]]


# Bytes scanned at once by `_spaced_oddly` (a mask of them all would be fresh pages).
_BYTES = 1 << 22


def _spaced_oddly(raw: np.ndarray, ends: np.ndarray) -> np.ndarray:
    """Which texts (their UTF-8 bytes `raw`, each ending at `ends`, counted from ends[0])
    hold two spaces in a row or begin or end with one, as the regex "  |^ | $" finds them:
    a scan of the bytes (a space is no part of a longer UTF-8 character), two at a time,
    a third of the regex's time."""
    rows = np.zeros(len(ends) - 1, dtype=bool)
    for begin in range(0, len(raw), _BYTES):  # by blocks, as `holding_bytes`
        block = raw[begin : begin + _BYTES + 1]  # a pair may end in the next block
        for parity in (0, 1):  # the pairs of bytes beginning at even places, then at odd ones
            usable = (len(block) - parity) // 2 * 2
            pairs = block[parity : parity + usable].view(np.uint16) == 0x2020
            at = np.flatnonzero(pairs) * 2 + (parity + begin)
            # A pair across two texts begins with the first one's last byte: it ends with
            # a space.
            rows[np.searchsorted(ends, at + ends[0], side="right") - 1] = True
    starts, stops = ends[:-1] - ends[0], ends[1:] - ends[0]
    filled = np.flatnonzero(stops > starts)
    rows[filled] |= (raw[starts[filled]] == 32) | (raw[stops[filled] - 1] == 32)
    return rows


def _ascii_punctuation_spaced(texts: pa.Array) -> pa.Array:
    """`texts` (no nulls) with each ASCII punctuation byte made a space: one table lookup over
    the UTF-8 bytes of all texts, which keeps their lengths (a regex over Vietnamese text is
    several times slower)."""
    texts, ends, raw = _utf8(texts)
    offsets = pa.py_buffer(ends - ends[0])
    spaced = np.empty_like(raw)
    # In blocks that stay in the cache, with no bounds to check (a byte is below 256): a
    # million names' bytes in one look-up took 0.16 s, in blocks 0.07 s.
    for begin in range(0, len(raw), _LOOKUP_BYTES):
        block = slice(begin, begin + _LOOKUP_BYTES)
        np.take(_ASCII_PUNCTUATION, raw[block], out=spaced[block], mode="clip")
    return pa.LargeStringArray.from_buffers(len(texts), offsets, pa.py_buffer(spaced))


_LOOKUP_BYTES = 1 << 17  # bytes looked up at once by `_ascii_punctuation_spaced`


def near_key(bare: str) -> str:
    """One name's near key, as `_near_keys` makes them all (the same steps, in Python): for
    the few names a finding is about, whose near keys are not kept."""
    for mark in _MARKS:
        bare = bare.replace(mark, " ")
    line = bare.encode().translate(_ASCII_TABLE).decode()
    return " ".join(line.split()) if "  " in line or line[:1] == " " or line[-1:] == " " else line


def loose_key(key: str) -> str:
    """A name's comparison key reduced to its letters: no punctuation, spaces, level tag or
    leading "Thủ tục" (a near key without its spaces). Two names with one loose key differ
    only where no other procedure's name could."""
    return near_key(_untagged(key)[1]).replace(" ", "")


def loose_words(key: str) -> list[str]:
    """The words of a name's `loose_key`: its comparison key without punctuation, level tag
    or leading "Thủ tục", word by word."""
    return near_key(_untagged(key)[1]).split()


# The keys of some distinct names, by number (`Names.keys_of`).
KeysOf = Callable[[np.ndarray], pa.Array]
T = TypeVar("T")


class Beside(Protocol):
    """Work handed to another thread if one is free (`RuleContext.beside`); its result by a
    call."""

    def __call__(self, work: Callable[[], T]) -> Callable[[], T]: ...


def _here(work: Callable[[], T]) -> Callable[[], T]:
    """`Beside` without another thread: the work is done when its result is asked for."""
    return work


@dataclass
class Names:
    """The parts of each distinct name, as columns, and its words as one flat array of ids.
    Of the near keys only which names share one (`near_codes`) or share their letters
    (`letter_codes`) is kept, and of the names' texts none (a million names' keys are 67 MB):
    the few names a finding is about are made again from `keys_of` and become Python
    strings."""

    tag: np.ndarray
    prefixed: np.ndarray
    keys_of: KeysOf  # the comparison keys of the names asked for, in that order
    near_codes: np.ndarray  # a number per name, shared by the names of one near key
    letter_codes: np.ndarray  # the same for the near key without its spaces
    token: np.ndarray  # word ids of all names, one after the other
    start: np.ndarray  # where each name's words begin in `token`
    length: np.ndarray  # how many words each name has
    vocabulary: pa.Array  # the word of each id
    _bare: dict[int, str] = field(default_factory=dict)  # the names made again, by number

    def __len__(self) -> int:
        return len(self.length)

    def load(self, numbers: np.ndarray | list[int]) -> None:
        """Make the texts of the names `numbers` again, at once (`parts` of a name not loaded
        makes it alone)."""
        wanted = np.unique(np.asarray(numbers, dtype=np.int64))
        wanted = wanted[[int(i) not in self._bare for i in wanted]]
        if not len(wanted):
            return
        keys = self.keys_of(wanted).to_pylist()
        for number, key in zip(wanted.tolist(), keys, strict=True):
            # As `names_of` sets them apart: a tag in parentheses or a leading label.
            odd = "(" in key or key.startswith(_LABEL_STARTS)
            self._bare[number] = _untagged(key)[1] if odd else key

    def bare(self, i: int) -> str:
        """The name's comparison key without its tag and leading "Thủ tục"."""
        if i not in self._bare:
            self.load([i])
        return self._bare[i]

    def parts(self, i: int) -> NameParts:
        bare = self.bare(i)
        return NameParts(self.tag[i], near_key(bare), int(self.prefixed[i]), bare)

    def near_words(self, i: int) -> list[str]:
        return near_key(self.bare(i)).split()


def names_of(
    keys: pa.Array,
    keys_of: KeysOf | None = None,
    beside: Beside = _here,
    with_tags: Callable[[np.ndarray], None] | None = None,
) -> Names:
    """The parts of each of the distinct comparison keys `keys` (no nulls), in their order.
    `keys_of` gives some of them again once `keys` is gone (by default `keys` is kept for
    it); pieces of the words are handed to another thread through `beside`. `with_tags` is
    given the names' tags (`Names.tag`) once the words are made, before they are joined:
    work of the tags alone it offers can be made beside the join."""
    keys = keys.cast(pa.large_string())
    tag = np.full(len(keys), "", dtype=object)
    prefixed = np.zeros(len(keys), dtype=np.int8)
    # The few names to look at one by one: a tag in parentheses or a leading "Thủ tục" (the
    # parentheses found in the bytes: Arrow's substring search took 60 ms a million names).
    odd = holding_bytes(keys, b"(")
    for start in _LABEL_STARTS:
        odd |= pc.starts_with(keys, start).to_numpy(zero_copy_only=False)
    bare = keys
    if odd.any():
        at, where = np.flatnonzero(odd), pa.array(odd)
        parts = [_untagged(key) for key in keys.filter(where).to_pylist()]
        tag[at] = [part[0] for part in parts]
        prefixed[at] = [part[2] for part in parts]
        untagged = pa.array([part[1] for part in parts], type=pa.large_string())
        bare = pc.replace_with_mask(keys, where, untagged)
    found_again = keys.take if keys_of is None else keys_of
    del keys
    near = _near_keys(bare)
    del bare
    # The pieces of the words but the first are offered to another thread (`beside`), which
    # takes them if it is free.
    words = _word_ids(near, beside)
    pieces = words()
    if with_tags is not None:
        with_tags(tag)
    letter_codes = _letter_codes(near, np.concatenate([piece.letters for piece in pieces]))
    near_codes = _near_codes(near, letter_codes)
    del near, words  # the words' function holds the near keys too: gone before the join
    token, length, vocabulary = _joined(pieces)
    release_memory(len(length))
    return Names(tag, prefixed, found_again, near_codes, letter_codes, token,
                 np.cumsum(length) - length, length, vocabulary)  # fmt: skip


def _letter_codes(near: pa.Array, prints: np.ndarray) -> np.ndarray:
    """Numbers that the near keys with the same letters share (their spaces left out), as
    `text_array_codes` numbers the letters: from the letters' fingerprints (`prints`, made
    with the words), only the keys whose fingerprint repeats are made into their letters
    (a copy of a million names' letters was 50 MB and a third of a second) and hashed. As
    bytes: the replacement is a third faster without UTF-8, and the codes only compare."""
    codes = np.arange(len(near), dtype=np.int64) + len(near)  # each key its own number
    maybe = repeated_numbers(prints)
    if maybe.any():
        letters = pc.replace_substring(near.filter(maybe).view(pa.large_binary()), " ", "")
        codes[maybe] = pc.dictionary_encode(letters).indices.to_numpy().astype(np.int64)
    return codes


def _near_codes(near: pa.Array, letter_codes: np.ndarray) -> np.ndarray:
    """Numbers that equal near keys share, and a key no other has from len(near) on, as
    `text_array_codes(near)` gives them (the values aside). Equal near keys have equal
    letters: only the keys whose letters another key has (`letter_codes`) are hashed, not
    a million distinct names' (their fingerprints and a sort of them, 60 ms)."""
    count = len(near)
    codes = np.arange(count, dtype=np.int64) + count  # each key its own number
    shared = np.flatnonzero(letter_codes < count)  # letters whose fingerprint repeats
    shared = shared[np.bincount(letter_codes[shared])[letter_codes[shared]] > 1]
    if len(shared):
        some = text_array_codes(near.take(pa.array(shared)))
        among = some < len(shared)  # a near key another of them has
        codes[shared[among]] = some[among]
    return codes


# From this many names on, their words are numbered in pieces that two threads can take.
HALVES_FROM = 50_000
# Names whose words are split and numbered at once: a million names' list of words and its
# encoding held 165 MB at once, pieces of this many names hold a tenth of it; the thread
# that comes free takes one of them, the two threads end at most one piece apart.
PIECE = 1 << 17

WordIds = tuple[np.ndarray, np.ndarray, pa.Array]


class Piece(NamedTuple):
    """`_word_ids` of some of the keys, numbered among them, and their letters' fingerprints."""

    token: np.ndarray  # the id of every word, in order
    length: np.ndarray  # how many words each key has
    vocabulary: pa.Array  # the word of each id
    letters: np.ndarray  # per key: `fingerprints` of its words written together


def _word_ids(keys: pa.Array, beside: Beside = _here) -> Callable[[], list[Piece]]:
    """The word ids of `keys` (single-spaced near keys) in pieces (`_joined` joins them):
    the id of every word, in order; how many words each key has; and the word of each id.
    Made by the function returned; from `HALVES_FROM` keys on (two pieces at least), every
    piece but the first is offered to another thread (`beside`) at once, each on its own:
    a thread that comes free while this one is busy takes what is left, not a fixed half."""
    if len(keys) < HALVES_FROM:
        return lambda: _pieces(keys)
    size = min(PIECE, -(-len(keys) // 2))
    first = keys.slice(0, size)
    # Each piece in a list of its own, emptied when taken: the offer's result holds the list,
    # not the piece, which goes once it is joined.
    offers = [beside(partial(_pieces, keys.slice(at, size))) for at in range(size, len(keys), size)]

    def all_pieces() -> list[Piece]:
        pieces = [_piece_word_ids(first)]
        pieces += [offer().pop() for offer in offers]
        offers.clear()  # the offers hold their pieces of the keys
        return pieces

    return all_pieces


def _pieces(keys: pa.Array) -> list[Piece]:
    return [_piece_word_ids(keys.slice(at, PIECE)) for at in range(0, max(len(keys), 1), PIECE)]


def _joined(pieces: list[Piece]) -> WordIds:
    """The word ids of pieces of keys, one after the other, numbered across them: as one
    encoding of all the keys numbers them (the first piece's words in order, then each
    piece's new ones as they appear)."""
    if len(pieces) == 1:
        return pieces[0][:3]
    # The pieces' words are mostly distinct (at a million distinct names, a million
    # numbers): `distinct_texts` hashes only those whose fingerprint repeats, in half the
    # time of one encoding of all, and numbers them alike.
    numbers, words = distinct_texts(pa.concat_arrays([piece[2] for piece in pieces]))
    token = np.empty(sum(len(piece[0]) for piece in pieces), dtype=np.int32)
    length = np.concatenate([piece[1] for piece in pieces])
    at = first = 0
    for i, (local, _, vocabulary, _) in enumerate(pieces):
        token[at : at + len(local)] = numbers[first : first + len(vocabulary)][local]
        at, first = at + len(local), first + len(vocabulary)
        pieces[i] = _NO_WORDS  # each piece's ids go once copied
    return token, length, words


_NO_WORDS = Piece(
    np.empty(0, np.int32), np.empty(0, np.int64), pa.array([], pa.large_string()), np.empty(0)
)


def _piece_word_ids(keys: pa.Array) -> Piece:
    """`_word_ids` of some keys, at once, and their letters' fingerprints.

    The keys are split in Arrow (its list of a million names' words holds their bytes once,
    with 32-bit offsets): never a Python list of them. Splitting the bytes at the spaces by
    hand held three arrays of 64-bit word ends at once, 90 MB more at a million names."""
    # With 32-bit offsets (the bytes are not copied): the list of the words' offsets is half
    # as large.
    split = pc.split_pattern(keys.cast(pa.string()), " ")
    length = np.diff(split.offsets.to_numpy()).astype(np.int64)
    letters = _letters_fingerprints(split)
    words = split.flatten()
    del split
    empty = pc.equal(pc.binary_length(keys), 0).to_numpy(zero_copy_only=False)
    if empty.any():  # an empty key splits into one empty word: it has none
        length[empty] = 0
        words = words.filter(pc.greater(pc.binary_length(words), 0))
    coded = pc.dictionary_encode(words)
    del words
    token = coded.indices.to_numpy().astype(np.int32, copy=False)
    return Piece(token, length, coded.dictionary.cast(pa.large_string()), letters)


def _letters_fingerprints(split: pa.ListArray) -> np.ndarray:
    """`fingerprints` of each key's letters (its words written together), read in place: the
    split words' bytes are the keys' bytes without their spaces, one key after the other."""
    words = split.values
    word_ends = np.frombuffer(words.buffers()[1], dtype=np.int32)
    word_ends = word_ends[words.offset : words.offset + len(words) + 1]
    ends = word_ends[split.offsets.to_numpy()].astype(np.int64)
    letters = pa.Array.from_buffers(
        pa.large_binary(), len(split), [None, pa.py_buffer(ends), words.buffers()[2]]
    )
    return fingerprints(letters)
