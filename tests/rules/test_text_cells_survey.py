"""The survey of PA601-PA603 finds with pyarrow's RE2 exactly the values the rules' Python
definitions describe."""

from __future__ import annotations

import re
import unicodedata

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from procaudit.catalogue.cell_patterns import HTML_REFERENCE
from procaudit.catalogue.cell_patterns import NO_UNICODE_LETTER as RE2_NO_UNICODE_LETTER
from procaudit.catalogue.name_scan import NAME_SCAN
from procaudit.catalogue.text_columns import arrow_text, matches
from procaudit.rules.text_cells import SurveyedColumn
from procaudit.rules.whitespace import STRAY_WHITESPACE, VISIBLE, whitespace_problems
from procaudit.vn.legacy_fonts import UNICODE_ONLY

# The definitions in Python's regex dialect, with the lookarounds RE2 lacks.
STRAY = STRAY_WHITESPACE
NO_UNICODE_LETTER = re.compile(f"[\\x01-\\x7f]*[^\\x00-\\x7f{UNICODE_ONLY}][^\\x00{UNICODE_ONLY}]*")


def _legacy_like(value: str) -> bool:
    return any(NO_UNICODE_LETTER.fullmatch(part) for part in value.split("\x00"))


def _survey(values: list[str | None]) -> SurveyedColumn:
    return SurveyedColumn(arrow_text(pd.Series(values, dtype="str")))


def _flagged(survey: SurveyedColumn, numbers: list[int]) -> list[str]:
    return sorted(survey.value(n) for n in numbers)


_ALPHABET = st.sampled_from(
    [
        " ",
        "\n",
        "\r",
        "\t",
        "\xa0",
        "\u2003",
        "\u200b",
        "\ufeff",
        "\x0b",
        "\u3000",
        "\x00",
        "a",
        "B",
        "ư",
        "ạ",
        "é",
        "¶",
        "µ",
        "\u0301",
        "x",
    ]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.text(_ALPHABET, max_size=8), min_size=1, max_size=12))
def test_surveys_agree_with_their_definitions(values: list[str]) -> None:
    survey = _survey(values)
    texts = sorted(v for v in set(values))
    assert sorted(set(_flagged(survey, survey.stray))) == [v for v in texts if STRAY.search(v)]
    assert sorted(set(_flagged(survey, survey.not_nfc))) == [
        v for v in texts if not unicodedata.is_normalized("NFC", v)
    ]
    candidates = survey.where(RE2_NO_UNICODE_LETTER)
    assert sorted(set(_flagged(survey, candidates))) == [v for v in texts if _legacy_like(v)]


def test_stray_edges_and_line_breaks() -> None:
    values = [
        "a\nb",
        "a\r\nb",
        "a\rb",
        "a\r",
        "a\n",
        "\na",
        "a \nb",
        "a\n\nb",
        "a\n\r\nb",
        "a  b",
        "a b",
        "",
        " ",
        "a\u200b",
        "a\u2060b",
        None,
    ]
    survey = _survey(values)
    assert _flagged(survey, survey.stray) == sorted(
        v for v in values if v is not None and STRAY.search(v)
    )


def test_a_column_in_blocks() -> None:
    blocks = [["Tên", " Tên", None], ["Tên\u0301", "Tên", " Tên"]] * 5000
    survey = SurveyedColumn(pa.chunked_array(blocks, type=pa.large_string()))
    values = [v for block in blocks for v in block]
    assert sorted(set(_flagged(survey, survey.stray))) == [" Tên"]
    assert _flagged(survey, survey.not_nfc) == ["Tên\u0301"]
    rows = survey.rows(survey.stray)
    assert [i for i, n in enumerate(rows) if n >= 0] == [
        i for i, v in enumerate(values) if v == " Tên"
    ]


def test_distinct_values_in_blocks() -> None:
    blocks = [
        [f"v{i}" for i in range(6000)] + [" x"],
        [None, " y"] + [f"w{i}" for i in range(6000)],
    ]
    survey = SurveyedColumn(pa.chunked_array(blocks, type=pa.large_string()))
    assert _flagged(survey, survey.stray) == [" x", " y"]
    assert np.flatnonzero(survey.rows(survey.stray) >= 0).tolist() == [6000, 6002]


_ODD_NAMES = ["Tên  đôi", "Tên\u0301", "Thñ tôc", "A &amp; B", "Tên<br>", "Hai\ndòng", "Tên а"]


@pytest.mark.parametrize("scan", ["union", "all", "none"])
def test_a_survey_given_the_names_scan_finds_what_it_finds_alone(scan: str) -> None:
    blocks = [[f"Tên {i}" for i in range(1500)] + _ODD_NAMES, [None, " Tên", "Tên 1"]]
    column = pa.chunked_array(blocks, type=pa.large_string())
    masks = {
        "union": matches(column, NAME_SCAN).to_numpy(zero_copy_only=False),
        "all": np.ones(len(column), dtype=bool),  # the survey's pattern is looked for again
        "none": np.zeros(len(column), dtype=bool),  # a scan that flags nothing finds nothing
    }
    given, alone = SurveyedColumn(column, masks[scan]), SurveyedColumn(column)
    found = [
        (s.stray, s.broken, s.not_nfc, s.legacy, s.where(HTML_REFERENCE)) for s in (given, alone)
    ]
    assert (found[0] == found[1]) == (scan != "none")
    assert _flagged(alone, alone.stray) == [" Tên", "Tên  đôi"]
    assert _flagged(alone, alone.broken) == ["Hai\ndòng"]
    assert _flagged(alone, alone.not_nfc) == ["Tên\u0301"]


def test_a_survey_of_repeated_values_leaves_the_scan() -> None:
    column = pa.chunked_array([["Tên", " Tên", None] * 1000], type=pa.large_string())
    survey = SurveyedColumn(column, np.zeros(len(column), dtype=bool))
    assert _flagged(survey, survey.stray) == [" Tên"]


def test_many_distinct_and_repeated_values_are_found_on_their_rows() -> None:
    distinct = [f"Tên {i}" for i in range(20_000)] + ["Tên  x", None, "Tên  x"]
    repeated = ["Tên", "Tên  x", None] * 10_000
    for values in (distinct, repeated):
        survey = _survey(values)
        assert _flagged(survey, survey.stray)[0] == "Tên  x"
        rows = survey.rows(survey.stray)
        assert [i for i, n in enumerate(rows) if n >= 0] == [
            i for i, v in enumerate(values) if v == "Tên  x"
        ]


_CELL = st.text(
    st.sampled_from(
        [
            "a",
            "ư",
            " ",
            "\n",
            "\r",
            "\t",
            "\xa0",
            "\u2003",
            "\u200b",
            "\ufeff",
            "\x0b",
            "\x1c",
            "\x85",
            "\u3000",
            "\u2028",
            "x",
        ]
    ),
    max_size=10,
)


@settings(max_examples=500, deadline=None)
@given(_CELL)
def test_a_cell_is_described_by_its_shape(value: str) -> None:
    assert whitespace_problems(VISIBLE.sub("x", value)) == whitespace_problems(value)


_ASCII_PIECES = [" ", "\n", "\r", "\t", "\x0b", "\x0c", "&a1;", "&#9;", "a"]
_ASCII_CELL = st.lists(st.sampled_from(_ASCII_PIECES), max_size=5).map("".join)


@settings(max_examples=100, deadline=None)
@given(st.lists(_ASCII_CELL, min_size=1, max_size=12))
def test_a_long_ascii_column_is_surveyed_as_a_short_one(values: list[str]) -> None:
    # Past SMALL_COLUMN values an ASCII column is scanned only where a character of
    # `_STRAY` or an "&" is: the same values flagged as by the regex alone.
    long = _survey([*values, None, *(f"c{i}" for i in range(1_500))])
    assert _flagged(long, long.stray) == sorted(v for v in values if STRAY.search(v))
    html = sorted(v for v in values if re.search(HTML_REFERENCE, v))
    assert _flagged(long, long.where(HTML_REFERENCE)) == html
