"""`names_of` (PA204's parts of a name) in Arrow kernels reads each name as the plain-Python
definition does: punctuation made spaces, spaces single, the level tag and a leading "Thủ
tục" set apart (issue 19: a million names must not become Python strings)."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pyarrow as pa
import pytest
from hypothesis import given
from hypothesis import strategies as st

from procaudit.rules import near_duplicates_names
from procaudit.rules.near_duplicates_names import names_of
from procaudit.vn.text import comparison_key

_MARKS = "“”‘’–—…•·«»"


def near_key(text: str) -> str:
    """The definition: every ASCII character but a letter or digit, and the marks, is a
    space; then the words are joined by single spaces."""
    spaced = "".join(" " if (c < "\x80" and not c.isalnum()) or c in _MARKS else c for c in text)
    return " ".join(spaced.split())


TEXTS = [
    "Đăng ký khai sinh",
    "đăng ký, khai sinh;  (lần đầu)",
    " cấp lại giấy phép ",
    "cấp giấy “chứng nhận” — bản sao…",
    "a\tb\u00a0c\u2003d",  # tab and Unicode spaces
    "x\u00a0\u00a0y",  # a run of non-breaking spaces stays one space
    "số 12/2024/nđ-cp",
    "",
    "...",
    "đăng ký khai sinh (thực hiện tại cấp tỉnh)",
    "thủ tục thủ tục cấp phép (cấp xã",
    "thủtục: cấp phép",
    "cấp phép (cấp lần đầu)",
]
KEYS = [comparison_key(text) for text in TEXTS]  # what PA204 is given


@pytest.mark.parametrize("block", [None, 1, 3])
def test_near_keys_are_the_words_without_punctuation(
    monkeypatch: pytest.MonkeyPatch, block: int | None
) -> None:
    if block is not None:  # the bytes scanned and looked up in blocks of a few bytes
        monkeypatch.setattr(near_duplicates_names, "_BYTES", block)
        monkeypatch.setattr(near_duplicates_names, "_LOOKUP_BYTES", block)
    names = names_of(pa.array(KEYS, type=pa.large_string()))
    parts = [names.parts(i) for i in range(len(KEYS))]
    assert [part.near for part in parts] == [near_key(part.bare) for part in parts]
    # The words numbered in Arrow are those of the near keys made in Python.
    words = names.vocabulary.take(names.token).to_pylist()
    starts, lengths = names.start.tolist(), names.length.tolist()
    in_arrow = [words[start : start + n] for start, n in zip(starts, lengths, strict=True)]
    assert in_arrow == [part.near.split() for part in parts]
    assert [names.near_words(i) for i in range(len(KEYS))] == in_arrow


_PIECES = [" ", "  ", ",", ".", "a", "ế", "\u00a0", "—", "đăng", "(", ")"]


@given(st.lists(st.lists(st.sampled_from(_PIECES), max_size=8).map("".join), max_size=12))
def test_near_keys_of_any_spacing_are_the_words_without_punctuation(texts: list[str]) -> None:
    # Spaces doubled, first or last once punctuation is spaces, in some of the names.
    keys = [comparison_key(text) for text in texts]
    names = names_of(pa.array(keys, type=pa.large_string()))
    words = names.vocabulary.take(names.token).to_pylist()
    starts, lengths = names.start.tolist(), names.length.tolist()
    in_arrow = [words[start : start + n] for start, n in zip(starts, lengths, strict=True)]
    assert in_arrow == [near_key(names.parts(i).bare).split() for i in range(len(keys))]


def test_names_sharing_a_near_key_or_its_letters_share_a_code() -> None:
    keys = ["cấp, giấy phép", "cấp giấy phép", "cấp giấy  phép.", "cấpgiấy phép", "cấp phép"]
    names = names_of(pa.array(keys, type=pa.large_string()))
    near, letters = names.near_codes.tolist(), names.letter_codes.tolist()
    assert near[0] == near[1] == near[2] != near[3] != near[4]
    assert letters[0] == letters[1] == letters[2] == letters[3] != letters[4]


@given(st.lists(st.lists(st.sampled_from(_PIECES), max_size=6).map("".join), max_size=14))
def test_near_codes_number_the_near_keys(texts: list[str]) -> None:
    # Equal near keys share a number; a near key no other name has is numbered from the
    # count of names on (PA204 hashes only the others).
    keys = list(dict.fromkeys(comparison_key(text) for text in texts))
    names = names_of(pa.array(keys, type=pa.large_string()))
    near = [" ".join(near_key(names.parts(i).bare).split()) for i in range(len(keys))]
    codes = names.near_codes.tolist()
    for i, j in [(i, j) for i in range(len(keys)) for j in range(len(keys))]:
        assert (codes[i] == codes[j]) == (near[i] == near[j])
    assert [code >= len(keys) for code in codes] == [near.count(key) == 1 for key in near]


@pytest.mark.parametrize(
    ("key", "tag", "bare", "prefixed"),
    [
        ("đăng ký khai sinh (thực hiện tại cấp tỉnh)", "cấp tỉnh", "đăng ký khai sinh", 0),
        ("thủ tục thủ tục cấp phép (cấp xã", "cấp xã", "cấp phép", 2),
        ("cấp phép (cấp lần đầu)", "", "cấp phép (cấp lần đầu)", 0),
        ("đăng ký khai sinh", "", "đăng ký khai sinh", 0),
    ],
)
def test_tag_and_leading_thu_tuc_are_set_apart(
    key: str, tag: str, bare: str, prefixed: int
) -> None:
    names = names_of(pa.array(["khác", key], type=pa.large_string()))
    assert names.parts(1)[0] == tag
    assert names.parts(1).bare == bare
    assert names.parts(1).prefixed == prefixed


def test_words_are_numbered_across_names() -> None:
    names = names_of(pa.array(["cấp giấy phép", "", "giấy  phép, cấp"], type=pa.large_string()))
    assert names.length.tolist() == [3, 0, 3]
    words = names.vocabulary.take(names.token).to_pylist()
    assert words == ["cấp", "giấy", "phép", "giấy", "phép", "cấp"]
    assert names.token[0] == names.token[5]


def test_words_numbered_in_pieces_offered_apart_are_numbered_as_at_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    keys = pa.array(
        [f"cấp phép {i % 7} lần {i}" if i % 5 else "" for i in range(40)], type=pa.large_string()
    )
    at_once = names_of(keys)
    monkeypatch.setattr(near_duplicates_names, "HALVES_FROM", 10)
    monkeypatch.setattr(near_duplicates_names, "PIECE", 6)
    offered: list[object] = []

    def beside(work: Callable[[], object]) -> Callable[[], object]:
        offered.append(work)
        return work

    in_pieces = names_of(keys, beside=beside)
    assert len(offered) == 6  # every piece of 6 names but the first
    assert in_pieces.token.tolist() == at_once.token.tolist()
    assert in_pieces.length.tolist() == at_once.length.tolist()
    assert in_pieces.vocabulary.to_pylist() == at_once.vocabulary.to_pylist()


@pytest.mark.parametrize("pieces", [False, True])
def test_names_share_a_letter_code_when_their_words_written_together_are_equal(
    monkeypatch: pytest.MonkeyPatch, pieces: bool
) -> None:
    # Fingerprints (length, first and last eight bytes) alike but letters not: "... a b ..."
    # and "... ab ..." written together are equal, "... a c ..." is not.
    head, tail = "thủ tướng chính phủ", "cấp giấy phép lần đầu"
    keys = [f"{head} a b {tail}", f"{head} ab {tail}", f"{head} a c {tail}", "ab", "a b", "",
            "đăng ký", "đăngký", f"{head}{tail}", f"{head} {tail}", "x y z", "xy z"]  # fmt: skip
    keys = keys * 3 + [f"{head} {i} {tail}" for i in range(30)]
    if pieces:  # the letters of one name in one piece, its equal in another
        monkeypatch.setattr(near_duplicates_names, "HALVES_FROM", 10)
        monkeypatch.setattr(near_duplicates_names, "PIECE", 7)
    names = names_of(pa.array(keys, type=pa.large_string()))
    letters = [key.replace(" ", "") for key in keys]
    for i in range(len(keys)):
        for j in range(len(keys)):
            same = bool(names.letter_codes[i] == names.letter_codes[j])
            assert same == (letters[i] == letters[j]), (keys[i], keys[j])


def test_the_names_of_a_finding_are_made_again_from_their_keys() -> None:
    asked: list[list[int]] = []

    def keys_of(numbers: np.ndarray) -> pa.Array:
        asked.append(numbers.tolist())
        return pa.array(KEYS, type=pa.large_string()).take(pa.array(numbers))

    names = names_of(pa.array(KEYS, type=pa.large_string()), keys_of)
    names.load([10, 9, 10])
    assert asked == [[9, 10]]  # at once, each name once
    assert names.parts(10).bare == "cấp phép"
    assert names.parts(9).tag == "cấp tỉnh"
    assert names.near_words(0) == ["đăng", "ký", "khai", "sinh"]
    assert asked == [[9, 10], [0]]
