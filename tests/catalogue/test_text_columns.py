"""The column form of the comparison key (pyarrow kernels) equals the scalar form, always."""

from __future__ import annotations

import re
import sys
import unicodedata
from collections import Counter
from itertools import pairwise

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from procaudit.catalogue import text_columns
from procaudit.catalogue.text_columns import (
    KERNEL_SAFE,
    NFC_STABLE,
    SPACES,
    comparison_key_array,
    comparison_keys,
    distinct_texts,
    first_appearances,
    format_texts,
    holding,
    repeated_numbers,
    taken_in_order,
    text_array_codes,
    text_codes,
)
from procaudit.vn.text import comparison_key

EVERY_CHARACTER = [chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF]


def _in(characters: str) -> re.Pattern[str]:
    return re.compile(f"[{characters}]")


def _scalar(values: list[str | None]) -> list[str | None]:
    return [None if v is None else comparison_key(v) for v in values]


def _column(values: list[str | None]) -> list[str | None]:
    keys = comparison_keys(pd.Series(values, dtype="str"))
    assert keys.dtype == "str"
    return [None if pd.isna(k) else k for k in keys]


def test_spaces_are_what_str_split_splits_at() -> None:
    assert [c for c in EVERY_CHARACTER if _in(SPACES).fullmatch(c)] == [
        c for c in EVERY_CHARACTER if c.isspace()
    ]


def test_kernels_lowercase_and_compose_safe_characters_as_python_does() -> None:
    safe = [c for c in EVERY_CHARACTER if _in(KERNEL_SAFE).fullmatch(c)]
    texts = pa.array(safe)
    assert pc.utf8_lower(texts).to_pylist() == [c.lower() for c in safe]
    assert pc.utf8_normalize(texts, "NFC").to_pylist() == [
        unicodedata.normalize("NFC", c) for c in safe
    ]
    marks = [c for c in safe if unicodedata.combining(c)]
    pairs = [base + mark for base in safe for mark in marks[:40]]
    pairs += [base + a + b for base in "aAeEoOuUyY" for a in marks for b in marks[:8]]
    assert pc.utf8_normalize(pa.array(pairs), "NFC").to_pylist() == [
        unicodedata.normalize("NFC", p) for p in pairs
    ]


def _composition_seconds() -> set[str]:
    """Characters that NFC may merge into the character before them."""
    seconds = set()
    for c in EVERY_CHARACTER:
        parts = unicodedata.decomposition(c).split()
        if len(parts) == 2 and not parts[0].startswith("<"):
            seconds.add(chr(int(parts[1], 16)))
    return seconds


def test_nfc_leaves_stable_characters_and_their_neighbours_alone() -> None:
    seconds = _composition_seconds()
    stable = [c for c in EVERY_CHARACTER if _in(NFC_STABLE).fullmatch(c)]
    assert [c for c in stable if unicodedata.normalize("NFC", c) != c] == []
    assert [c for c in stable if unicodedata.combining(c) or c in seconds] == []


def test_plain_characters_need_only_lowercasing() -> None:
    plain = [c for c in EVERY_CHARACTER if _in(text_columns._PLAIN).fullmatch(c)]
    assert all(_in(KERNEL_SAFE).fullmatch(c) and _in(NFC_STABLE).fullmatch(c) for c in plain)
    assert [c for c in plain if c.isspace()] == [" "]
    assert all(len(c.lower()) == 1 for c in plain)  # lowercasing keeps positions


TRICKY = [
    "Hoà giải",
    "hòa giải",
    "HOÀ GIẢI",
    "Thuỷ lợi",
    "thủy lợi",
    "quý",
    "QUÝ",
    "Quỷ",
    "khoẻ",
    "hoàn thành",
    "hoà.",
    "hoà, ",
    "oà",
    "qoà",
    "uỷ ban",
    "Uỷ",
    "thuở",
    "hoàđ",
    "hoà1",
    "hoàoà hoà-oà",
    "hoà\u0301",
    "ho\u00e0\u0300",
    unicodedata.normalize("NFD", "Đăng ký khai sinh Hoà Thuỷ"),
    unicodedata.normalize("NFD", "ĐĂNG KÝ"),
    "e\u0323\u0302",
    "e\u0302\u0323",
    "a\tb",
    "a\nb",
    "a\r\nb",
    "a\x0bb\x0cc",
    "a\x1cb\x1dc\x1ed\x1fe",
    "a\x85b",
    "a\xa0b",
    "a\u2003b",
    "a\u2000b",
    "a\u2001b",
    "a\u200bb",
    "a\u3000b",
    "a\u1680b",
    "a\u2028b",
    "a\u202fb",
    "a\u205fb",
    "\xa0lead",
    "trail\xa0",
    " both ",
    "  ",
    "",
    " ",
    ".",
    " . ",
    "Đăng ký khai sinh .,;:",
    "Đăng ký;",
    "x:.",
    "...abc",
    "a . . .",
    "a\xa0.",
    "a.\xa0",
    "İstanbul",
    "DİYARBAKIR",
    "ΟΔΟΣ ΑΘΗΝΑΣ",
    "Σ",
    "ǅemal",
    "ẞ",
    "Ω",
    "K",
    "Å",
    "\u1e9e",
    "\U00010d50",
    "\ua7cb",
    "日本語 名前",
    "😀 hoà",
    "Ꭰ",
    "\u0345",
    "ﬀ",
    "İ\u0307",
    "Đ",
    "đ",
    "Ð",
    "ĐĨNH",
    "\x00",
    "a\x00b",
    "\x7f",
    "\ufeffhoà",
    "hoà\u200b",
    "HOÀ GIẢI",
    "HOÀN",
    "hoàȺ",
    "HOÀȺ",
    "QUỶ",
    "QuỶ",
    "qUỷ",
    "KHOẺ.",
    "Hoà-bình",
    "thuỷ1",
    "hoàß",
    "HOÀĐ",
    "hoàđ",
    "Hoà\u0301",
    "TOÁ",
    "toÁn",
    "hoạt",
    "uý",
    "Uý ban",
    "oá",
    "I\u0307stanbul",
    "İ\u0301",
    "K\u030c",
    "\u212b",
    "A\u030a",
    "ΟΔΟΣ\u0301",
]


def test_tricky_text() -> None:
    values = [*TRICKY, None]
    assert _column(values) == _scalar(values)
    assert _column(values * 3) == _scalar(values * 3)  # keyed once per distinct value


def test_every_safe_character_in_context() -> None:
    safe = [c for c in EVERY_CHARACTER if _in(KERNEL_SAFE).fullmatch(c)]
    values = [
        f"{left}{c}{right}" for c in safe for left, right in (("", ""), ("o", " x"), ("Hoà", "."))
    ]
    assert _column(values) == _scalar(values)


def test_every_safe_character_with_every_mark() -> None:
    safe = [c for c in EVERY_CHARACTER if _in(KERNEL_SAFE).fullmatch(c)]
    marks = [c for c in safe if unicodedata.combining(c)]
    values = [
        f"{base}{mark}x" for base in safe if not unicodedata.combining(base) for mark in marks
    ]
    assert _column(values) == _scalar(values)


def test_missing_and_object_columns() -> None:
    assert _column([None, None]) == [None, None]
    objects = pd.Series(["Hoà ", float("nan"), None], dtype="object")
    keys = comparison_keys(objects)
    assert keys.iloc[0] == "hòa" and keys.iloc[1:].isna().all()
    assert keys.index.equals(objects.index)


def test_a_column_read_in_blocks() -> None:
    chunks = pa.chunked_array([["Hoà ", None], ["hoà", "Quý"]], type=pa.large_string())
    values = pd.Series(
        pd.arrays.ArrowStringArray(chunks, dtype=pd.StringDtype("pyarrow", na_value=np.nan))
    )
    assert [None if pd.isna(k) else k for k in comparison_keys(values)] == [
        "hòa",
        None,
        "hòa",
        "quý",
    ]
    codes = text_codes(values).tolist()
    assert codes[1] == -1 and len({codes[0], codes[2], codes[3]}) == 3


@pytest.mark.parametrize("repeats", [1, 30], ids=["distinct", "repetitive"])
def test_keys_of_the_readers_blocks_are_the_keys_of_the_joined_column(
    monkeypatch: pytest.MonkeyPatch, repeats: int
) -> None:
    # Pieces of three texts across blocks of other sizes; a repetitive column is encoded.
    monkeypatch.setattr(text_columns, "KEY_PIECE", 3)
    monkeypatch.setattr(text_columns, "SMALL_COLUMN", 4)
    values = ["Hoà ", None, "QUÝ.", "hoà", "Cấp  xã", "Cấp xã"] * repeats
    cut = [0, 2, 4, len(values) - 1, len(values)]
    blocks = [values[a:b] for a, b in pairwise(cut)]
    keys = comparison_key_array(pa.chunked_array(blocks, type=pa.large_string()))
    assert isinstance(keys, pa.Array)
    assert keys.to_pylist() == [None if v is None else comparison_key(v) for v in values]


def test_index_is_kept() -> None:
    values = pd.Series(["B", "a"], index=[10, 3], dtype="str")
    assert comparison_keys(values).to_dict() == {10: "b", 3: "a"}


_ALPHABET = st.sampled_from(
    list("aAoOuUyYqQeEiIđĐ .,;:-()")
    + list("àáảãạèéẻẽẹỳýỷỹỵÀÁẢÃẠÈÉẺẼẸỲÝỶỸỴòóỏõọùúủũụ")
    + ["\u0300", "\u0301", "\u0303", "\u0309", "\u0323", "\u0302", "\u0306", "\u031b"]
    + ["\u0307", "\u030a", "\u0308", "\u0345"]
    + ["\t", "\n", "\r", "\xa0", "\u2003", "\u2000", "\x1c", "\x85", "\u3000", "\u200b"]
    + ["İ", "Σ", "Ω", "日", "\ua7cb", "Ⱥ", "ⱥ", "ß", "ẞ", "Ð", "x", "Q", "1", "!"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(_ALPHABET, max_size=12), min_size=1, max_size=20))
def test_column_form_equals_scalar_form(values: list[str]) -> None:
    assert _column(values) == _scalar(values)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.text(_ALPHABET, max_size=12) | st.none(), min_size=1, max_size=20))
def test_keys_made_in_pieces_are_the_keys_made_at_once(values: list[str | None]) -> None:
    original = text_columns.KEY_PIECE
    text_columns.KEY_PIECE = 3  # hypothesis runs this many times: no monkeypatch fixture
    try:
        assert _column(values) == _scalar(values)
    finally:
        text_columns.KEY_PIECE = original


@settings(max_examples=100, deadline=None)
@given(st.lists(st.text(_ALPHABET, max_size=12) | st.none(), min_size=1, max_size=20))
def test_keys_of_a_large_column_are_trimmed_where_they_end_in_punctuation(
    values: list[str | None],
) -> None:
    original = text_columns.SMALL_COLUMN
    text_columns.SMALL_COLUMN = 0  # a large column's way (the ends read from the offsets)
    try:
        assert _column(values) == _scalar(values)
    finally:
        text_columns.SMALL_COLUMN = original


@pytest.mark.parametrize("text", ["hoà giải", "a  b", "x\u0301"])
def test_repeated_values(text: str) -> None:
    values = [text, "other", text, None, text]
    assert _column(values) == _scalar(values)


def _partition(codes: list[int]) -> list[int]:
    """Codes renumbered in the order first seen: equal for equal partitions."""
    first: dict[int, int] = {}
    return [-1 if c == -1 else first.setdefault(c, len(first)) for c in codes]


@pytest.mark.parametrize("repeats", [1, 50])
def test_text_codes_number_equal_values_alike(repeats: int) -> None:
    values = [
        "",
        "a",
        "ab",
        "abcdefgh",
        "abcdefghi",
        "abcdefgh\x00",
        "xabcdefgh",
        "abcdefgh",
        "Đăng ký khai sinh",
        "Đăng ký khai sinh ",
        None,
        "a",
        "12345678" * 3,
        "12345678" + "x" + "12345678",
        "12345678" + "y" + "12345678",
        "ab",
    ] * repeats
    values += [f"name {i}" for i in range(3000)] + ["name 7"]
    codes = text_codes(pd.Series(values, dtype="str"))
    expected = pd.factorize(pd.Series(values, dtype="str"))[0]
    assert _partition(codes.tolist()) == _partition(expected.tolist())


def test_text_codes_of_a_slice() -> None:
    values = pd.Series([f"v{i % 9000}" for i in range(10_000)], dtype="str").iloc[7:]
    codes = text_codes(values)
    assert _partition(codes.tolist()) == _partition(pd.factorize(values)[0].tolist())


@pytest.mark.parametrize("most_runs", [text_columns.MOST_RUNS, 2])  # slices, or a filter
@pytest.mark.parametrize(
    "rows",
    [
        [0, 1, 2, 3, 4, 5, 6, 7],  # every row, one run
        [1, 2, 3, 6, 7],  # two runs
        [0, 2, 4, 6],  # a run per row
        [5],
        [],
    ],
)
def test_taken_in_order_takes_as_take_does(
    rows: list[int], most_runs: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(text_columns, "MOST_RUNS", most_runs)
    texts = pa.array(["x", "a", None, "bc", "", "dé", "e", "f", "g"], pa.large_string()).slice(1)
    at = np.array(rows, dtype=np.int32)
    taken = taken_in_order(texts, at)
    assert taken.type == texts.type
    assert taken.to_pylist() == texts.take(pa.array(at, pa.int32())).to_pylist()


def test_distinct_texts_numbers_texts_as_dictionary_encode_does() -> None:
    # Mostly distinct, as names are; some repeated, some sharing a fingerprint (length and
    # first and last eight bytes) without being equal.
    texts = [f"cấp giấy phép số {i}" for i in range(3000)]
    texts += ["cấp giấy phép số 7", "abcdefgh-1-ijklmnop", "abcdefgh-2-ijklmnop", "", "x"]
    texts += ["abcdefgh-1-ijklmnop", "", "cấp giấy phép số 2999"]
    array = pa.array(texts, type=pa.large_string())
    numbers, distinct = distinct_texts(array)
    encoded = pc.dictionary_encode(array)
    assert numbers.tolist() == encoded.indices.to_pylist()
    assert distinct.to_pylist() == encoded.dictionary.to_pylist()


@pytest.mark.parametrize("repeats", [1, 3, 5000])
def test_first_appearances_of_text_codes_number_codes_as_factorize_does(repeats: int) -> None:
    # Mostly distinct texts and texts all repeated (`repetitive`: one encoding of all).
    texts = pa.array(
        [f"tên {i % repeats}" if i % 7 else "x" for i in range(6000)], type=pa.large_string()
    )
    codes = text_array_codes(texts)[100:]  # some of the rows, as PA204 takes the checked
    numbers, first = first_appearances(codes, len(texts))
    assert numbers.tolist() == pd.factorize(codes)[0].tolist()
    assert first.tolist() == first_appearances(codes)[1].tolist()


def test_format_texts_fills_a_template_row_by_row_as_str_format_does() -> None:
    codes = pa.array(["1.001", "Mã số", None, ""])
    counts = pa.array([3, 10, 1, 0])
    template = "{{code}} '{code}' has {count} digits{after}: {code}"
    filled = format_texts(template, code=codes, count=counts, after=" after the dot")
    expected = [
        None if code is None else template.format(code=code, count=count, after=" after the dot")
        for code, count in zip(codes.to_pylist(), counts.to_pylist(), strict=True)
    ]
    assert filled.to_pylist() == expected


@pytest.mark.parametrize("pattern", [r"(?i)\(.*cấp", "^x$", text_columns.KEY_SUSPECT])
def test_a_small_column_matches_as_the_kernel_does_however_often_it_is_asked(
    pattern: str,
) -> None:
    values = ["Cấp xã", "cấp Huyện (cấp tỉnh)", None, "x", "  x", "ǅ", "A\u0301b", ""] * 5
    for texts in (
        pa.array(values, pa.large_string()),
        pa.chunked_array([values[:7], values[7:]], pa.large_string()),
    ):
        expected = pc.fill_null(pc.match_substring_regex(texts, pattern), False)
        for _ in range(2):  # the second time from what the first remembered
            found = text_columns.matches(texts, pattern)
            assert type(found) is type(expected)
            assert found.equals(expected)


def test_an_elementwise_transform_gives_what_it_gave_the_whole_column() -> None:
    calls: list[int] = []

    @text_columns.elementwise
    def shout(values: pd.Series) -> pd.Series:
        calls.append(len(values))
        return values.str.upper().rename("shouted")

    def expected(column: pd.Series) -> pd.Series:
        codes, uniques = pd.factorize(column)
        return shout(pd.Series(uniques).reindex(range(len(uniques) + 1))).take(codes)

    first = pd.Series(["a", None, "b", "a"], dtype="str", index=[5, 6, 7, 8])
    again = pd.Series(["b", "b", None], dtype="str")  # values seen before: no call
    for column in (first, again, pd.Series(["c", "a"], dtype="str")):
        found = text_columns.transform_factorized(pd.factorize(column), shout, column.index)
        pd.testing.assert_series_equal(found, expected(column).set_axis(column.index))
    # Each column once for `expected`; `transform_factorized` called `shout` for the first
    # and the third (a new value), not for the second.
    assert calls == [3, 3, 2, 3, 3]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(st.none(), st.text("a(ư&\n ", max_size=6)), max_size=30), st.data())
def test_holding_finds_the_texts_with_a_character(
    values: list[str | None], data: st.DataObject
) -> None:
    # In blocks cut anywhere, sliced as the reader's are: the bytes of each value only.
    texts = pa.array(values, pa.large_string())
    cuts = sorted(data.draw(st.lists(st.integers(0, len(values)), max_size=3)))
    bounds = [0, *cuts, len(values)]
    blocks = pa.chunked_array(
        [texts.slice(a, b - a) for a, b in pairwise(bounds)],
        type=pa.large_string(),
    )
    for characters in ("(", "&\n", " "):
        expected = [v is not None and any(c in v for c in characters) for v in values]
        assert holding(blocks, characters).tolist() == expected
        assert holding(texts, characters).tolist() == expected


@pytest.mark.parametrize("block", [1, 2, 3, 7, 1 << 22])
def test_holding_bytes_finds_lead_bytes_across_block_edges(
    monkeypatch: pytest.MonkeyPatch, block: int
) -> None:
    # The first byte of a longer character ("–", U+2013: E2 80 93) is never inside another
    # one ("ấ" is E1 BA A5), so a scan of the bytes finds it, in blocks cut anywhere.
    monkeypatch.setattr(text_columns, "_SCANNED_BYTES", block)
    values = ["Cấp", None, "Cấp – cấp lại", "", "x–", "ư", "–"]
    texts = pa.array(values, pa.large_string())
    expected = [v is not None and "–" in v for v in values]
    wanted = "–".encode()[:1]
    assert text_columns.holding_bytes(texts, wanted).tolist() == expected
    assert text_columns.holding_bytes(texts.slice(2), wanted).tolist() == expected[2:]


def _repeated_by_counting(values: list[int]) -> list[bool]:
    counts = Counter(values)
    return [counts[value] > 1 for value in values]


@pytest.mark.parametrize(
    ("values", "dtype"),
    [
        ([], np.int64),
        ([7], np.int64),
        ([3, 1, 2], np.int64),
        ([5, 5], np.int64),
        ([1, 2, 1, 3, 2, 1], np.int64),
        ([-1, 1, -1, 0, 0], np.int64),  # negatives: the same bits as huge unsigned numbers
        ([2**64 - 1, 0, 2**64 - 1, 2**63], np.uint64),
        ([1 << 32, 1, 1 << 32, 2], np.uint64),  # numbers that differ in one half only
        ([4, 9, 4, -9], np.int32),
    ],
)
@pytest.mark.parametrize("sorted_from", [0, 10**9], ids=["sorted", "hashed"])
def test_repeated_numbers_marks_every_copy_of_a_repeated_number(
    values: list[int], dtype: type, sorted_from: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(text_columns, "SORTED_FROM", sorted_from)
    found = repeated_numbers(np.array(values, dtype=dtype))
    assert found.dtype == bool
    assert found.tolist() == _repeated_by_counting(values)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.integers(0, 2**64 - 1) | st.integers(0, 40), max_size=60),
    st.sampled_from([0, 10**9]),
)
def test_repeated_numbers_agrees_with_counting(values: list[int], sorted_from: int) -> None:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(text_columns, "SORTED_FROM", sorted_from)
        found = repeated_numbers(np.array(values, dtype=np.uint64))
    assert found.tolist() == _repeated_by_counting(values)


def test_repeated_numbers_tells_apart_numbers_whose_hashes_collide(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # 200,000 random numbers hold a few pairs with one 32-bit hash (the birthday bound):
    # those rows are candidates, and only their whole numbers say they do not repeat.
    monkeypatch.setattr(text_columns, "SORTED_FROM", 0)  # the sorted way, as of a million
    numbers = np.random.default_rng(19).integers(0, 2**63, 200_000, dtype=np.int64)
    numbers[:50] = numbers[-50:]  # and some numbers that do repeat
    half = (numbers.view(np.uint64) * np.uint64(0x9E3779B97F4A7C15)) >> np.uint64(32)
    assert pd.Series(half).duplicated().sum() > 50  # collisions beyond the planted repeats
    found = repeated_numbers(numbers)
    assert found.tolist() == _repeated_by_counting(numbers.tolist())


@pytest.mark.parametrize("chunked", [False, True])
def test_starting_with_reads_each_texts_first_byte(chunked: bool) -> None:
    texts = ["", None, "chưa có", " x", "Đang", "đ", "1.000178", "\u212aHÔNG", "a"]
    array = pa.array(texts, pa.large_string())
    if chunked:
        array = pa.chunked_array([array.slice(0, 4), array.slice(4)])
    found = text_columns.starting_with(array, b" cC\xc4\xe2")
    assert found.tolist() == [False, False, True, True, True, True, False, True, False]
