"""What a procedure name is made of, for PA204 (`near_duplicates`): the level its trailing tag
names, the leading "Thủ tục" it may carry, and its words.

A name's *near key* is its comparison key (`text.comparison_key`) without punctuation, level
tag or leading "Thủ tục", spaces single: two names whose near keys are equal differ only in
what cannot name another procedure. The words of all the distinct names are kept as one flat
array of word ids (`Names`) and their texts in Arrow, so that a million names never become a
million Python strings or lists: only the names of a finding are looked at in Python.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
from rapidfuzz.distance import OSA

from procaudit.catalogue.text_columns import SPACES, matches, re2_class, text_array_codes

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
_PREFIX = re.compile(r"(?:thủ\s?tục\b\W*)+")  # also "Thủ tục thủ tục", "Thủtục"
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
_MARK_LEADS = tuple(sorted({mark.encode()[0] for mark in _MARKS}))
_SPACE_RUN = f"[{re2_class(SPACES)}]+"  # what str.split() splits at


class NameParts(NamedTuple):
    """One distinct name's parts (`Names.parts`)."""

    tag: str  # the level the trailing tag names, as a level key ("cấp tỉnh"); "" without
    near: str  # the words: no punctuation, no tag, no leading "thủ tục"
    prefixed: int  # how many times it began with "Thủ tục" (once, or typed twice)
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
    prefix = _PREFIX.match(key) if key.startswith("thủ") else None
    if prefix:
        key = key[prefix.end() :]
    return tag, key.strip(), prefix.group(0).count("tục") if prefix else 0


def _near_keys(bare: pa.Array) -> pa.Array:
    """Each text with its punctuation made spaces and its spaces single, in column kernels."""
    marked = _rows_with_lead_bytes(bare, _MARK_LEADS)
    if marked.any():
        where = pa.array(marked)
        spaced = pc.replace_substring_regex(bare.filter(where), _OTHER_MARK, " ")
        bare = pc.replace_with_mask(bare, where, spaced)
    near = _ascii_punctuation_spaced(bare)
    spaced = matches(near, "  |^ | $")
    if not pc.any(spaced).as_py():
        return near
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


def _rows_with_lead_bytes(texts: pa.Array, leads: tuple[int, ...]) -> np.ndarray:
    """Which texts hold a character whose UTF-8 form begins with one of `leads`: a scan of
    the bytes, much cheaper than a regex over every text when few have one."""
    _, ends, raw = _utf8(texts)
    found = np.zeros(len(raw), dtype=bool)
    for lead in leads:
        found |= raw == lead
    at = np.flatnonzero(found)
    rows = np.zeros(len(texts), dtype=bool)
    rows[np.searchsorted(ends, at + ends[0], side="right") - 1] = True
    return rows


def _ascii_punctuation_spaced(texts: pa.Array) -> pa.Array:
    """`texts` (no nulls) with each ASCII punctuation byte made a space: one table lookup over
    the UTF-8 bytes of all texts, which keeps their lengths (a regex over Vietnamese text is
    several times slower)."""
    texts, ends, raw = _utf8(texts)
    offsets = pa.py_buffer(ends - ends[0])
    return pa.LargeStringArray.from_buffers(
        len(texts), offsets, pa.py_buffer(_ASCII_PUNCTUATION[raw])
    )


def near_key(bare: str) -> str:
    """One name's near key, as `_near_keys` makes them all (the same steps, in Python): for
    the few names a finding is about, whose near keys are not kept."""
    for mark in _MARKS:
        bare = bare.replace(mark, " ")
    line = bare.encode().translate(_ASCII_TABLE).decode()
    return " ".join(line.split()) if "  " in line or line[:1] == " " or line[-1:] == " " else line


@dataclass
class Names:
    """The parts of each distinct name, as columns, and its words as one flat array of ids.
    The texts stay in Arrow, and of the near keys only which names share one (`near_codes`)
    or share their letters (`letter_codes`) is kept: only the few names a finding is about
    become Python strings."""

    tag: np.ndarray
    prefixed: np.ndarray
    bare: pa.Array
    near_codes: np.ndarray  # a number per name, shared by the names of one near key
    letter_codes: np.ndarray  # the same for the near key without its spaces
    token: np.ndarray  # word ids of all names, one after the other
    start: np.ndarray  # where each name's words begin in `token`
    length: np.ndarray  # how many words each name has
    vocabulary: pa.Array  # the word of each id

    def __len__(self) -> int:
        return len(self.length)

    def parts(self, i: int) -> NameParts:
        bare = self.bare[i].as_py()
        return NameParts(self.tag[i], near_key(bare), int(self.prefixed[i]), bare)

    def near_words(self, i: int) -> list[str]:
        return near_key(self.bare[i].as_py()).split()


def names_of(keys: pa.Array) -> Names:
    """The parts of each of the distinct comparison keys `keys` (no nulls), in their order."""
    keys = keys.cast(pa.large_string())
    tag = np.full(len(keys), "", dtype=object)
    prefixed = np.zeros(len(keys), dtype=np.int8)
    # The few names to look at one by one: a tag in parentheses or a leading "Thủ tục".
    odd = pc.or_(pc.match_substring(keys, "("), pc.starts_with(keys, "thủ"))
    bare = keys
    if pc.any(odd).as_py():
        at = np.flatnonzero(odd.to_numpy(zero_copy_only=False))
        parts = [_untagged(key) for key in keys.filter(odd).to_pylist()]
        tag[at] = [part[0] for part in parts]
        prefixed[at] = [part[2] for part in parts]
        untagged = pa.array([part[1] for part in parts], type=pa.large_string())
        bare = pc.replace_with_mask(keys, odd, untagged)
    near = _near_keys(bare)
    near_codes = text_array_codes(near)
    letters = pc.replace_substring(near, " ", "")
    letter_codes = text_array_codes(letters)
    del letters
    # The words last, from a copy with 32-bit offsets that the near keys make way for.
    near = near.cast(pa.string())
    give_back()
    token, length, vocabulary = _word_ids(near)
    del near
    give_back()
    return Names(tag, prefixed, bare, near_codes, letter_codes, token,
                 np.cumsum(length) - length, length, vocabulary)  # fmt: skip


def give_back() -> None:
    """Arrow's pool keeps what the kernels freed (a million names, their words) for the thread
    that freed it, where numpy's arrays cannot use it: give it back between the steps, so
    that each step's peak does not stand on the last one's."""
    pa.default_memory_pool().release_unused()


def _word_ids(keys: pa.Array) -> tuple[np.ndarray, np.ndarray, pa.Array]:
    """The id of every word of `keys` (single-spaced near keys), in order; how many words each
    key has; and the word of each id, numbered as the words first appear.

    The keys are split in Arrow (its list of a million names' words holds their bytes once,
    with 32-bit offsets): never a Python list of them. Splitting the bytes at the spaces by
    hand held three arrays of 64-bit word ends at once, 90 MB more at a million names."""
    split = pc.split_pattern(keys.cast(pa.string()), " ")
    length = np.diff(split.offsets.to_numpy()).astype(np.int64)
    words = split.flatten()
    del split
    empty = pc.equal(pc.binary_length(keys), 0).to_numpy(zero_copy_only=False)
    if empty.any():  # an empty key splits into one empty word: it has none
        length[empty] = 0
        words = words.filter(pc.greater(pc.binary_length(words), 0))
    coded = pc.dictionary_encode(words)
    del words
    token = coded.indices.to_numpy().astype(np.int32, copy=False)
    return token, length, coded.dictionary.cast(pa.large_string())
