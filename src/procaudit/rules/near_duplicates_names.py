"""What a procedure name is made of, for PA204 (`near_duplicates`): the level its trailing tag
names, the leading "Thủ tục" it may carry, and its words.

A name's *near key* is its comparison key (`text.comparison_key`) without punctuation, level
tag or leading "Thủ tục", spaces single: two names whose near keys are equal differ only in
what cannot name another procedure. The words of all the distinct names are kept as one flat
array of word ids (`Names`), so that a million names never become a million Python lists.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
from rapidfuzz.distance import OSA

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
# Punctuation becomes a space. ASCII punctuation goes in one pass over the UTF-8 bytes of
# all names (a regex over Vietnamese text is several times slower); the few non-ASCII marks
# seen in catalogues are replaced one by one.
_ASCII_PUNCTUATION = bytes(
    b if b >= 128 or b == ord("\n") or chr(b).isalnum() else ord(" ") for b in range(256)
)
_OTHER_PUNCTUATION = "“”‘’–—…•·«»"


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


def _near_keys(bare: list[str]) -> list[str]:
    """Each text with its punctuation made spaces and its spaces single, all in one pass."""
    text = "\n".join(bare)
    for mark in _OTHER_PUNCTUATION:
        if mark in text:
            text = text.replace(mark, " ")
    lines = text.encode().translate(_ASCII_PUNCTUATION).decode().split("\n")
    return [" ".join(line.split()) if "  " in line or line[:1] == " " or line[-1:] == " "
            else line for line in lines]  # fmt: skip


@dataclass
class Names:
    """The parts of each distinct name, as columns, and its words as one flat array of ids."""

    tag: np.ndarray
    near: np.ndarray
    prefixed: np.ndarray
    bare: np.ndarray
    token: np.ndarray  # word ids of all names, one after the other
    start: np.ndarray  # where each name's words begin in `token`
    length: np.ndarray  # how many words each name has
    vocabulary: np.ndarray  # the word of each id
    near_text: pa.Array  # `near` in Arrow, for the column kernels that group names by it

    def parts(self, i: int) -> NameParts:
        return NameParts(self.tag[i], self.near[i], int(self.prefixed[i]), self.bare[i])


def names_of(keys: list[str]) -> Names:
    """The parts of each of the distinct comparison keys `keys`, in their order."""
    tag = np.full(len(keys), "", dtype=object)
    prefixed = np.zeros(len(keys), dtype=np.int8)
    bare = list(keys)
    for i, key in enumerate(keys):
        if "(" in key or key.startswith("thủ"):  # the few names to look at one by one
            tag[i], bare[i], prefixed[i] = _untagged(key)
    near = _near_keys(bare)
    near_text = pa.array(near, type=pa.large_string())
    token, length, vocabulary = _word_ids(near_text)
    return Names(tag, np.array(near, dtype=object), prefixed, np.array(bare, dtype=object),
                 token, np.cumsum(length) - length, length, vocabulary, near_text)  # fmt: skip


def _word_ids(keys: pa.Array) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The id of every word of `keys` (single-spaced near keys), in order; how many words each
    key has; and the word of each id, numbered as the words first appear. Split and
    numbered in pyarrow: a million names' words as Python strings would take gigabytes."""
    empty = pc.equal(pc.binary_length(keys), 0).to_numpy(zero_copy_only=False)
    words = pc.split_pattern(keys, " ")  # an empty key gives one empty word, dropped below
    length = np.where(empty, 0, pc.list_value_length(words).to_numpy()).astype(np.int64)
    flat = pc.list_flatten(words)
    del words
    if empty.any():
        flat = pc.filter(flat, pc.not_equal(pc.binary_length(flat), 0))
    coded = pc.dictionary_encode(flat)
    token = coded.indices.to_numpy().astype(np.int32)
    return token, length, coded.dictionary.to_numpy(zero_copy_only=False)
