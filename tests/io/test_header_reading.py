"""The header search's shortcuts read what the plain functions read: a reader's memo gives
each text's reading, and the top rows taken column by column are the rows taken one by one."""

from __future__ import annotations

import re
import unicodedata

import numpy as np
import pandas as pd
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from conftest import text_blocks
from procaudit.io import headers
from procaudit.io.components import COMPONENTS
from procaudit.io.grid import Grid, NumberText, head_texts, text_grid
from procaudit.io.header_aliases import CATALOGUE, is_row_number, read_header
from procaudit.io.header_search import NoHeader, find_header, header_labels, row_texts
from procaudit.io.headers import HeaderMap, HeaderReader, with_columns
from procaudit.io.vocabulary import Vocabulary, header_words
from procaudit.vn.legacy_fonts import LEGACY_CHARACTERS, detect_legacy, encode
from procaudit.vn.text import header_key


def _plain_map(labels: list[str], extra: dict[str, str] | None, words: Vocabulary) -> HeaderMap:
    """`map_headers` as written before the reader: every label read afresh."""
    found: dict[str, list[tuple[int, int]]] = {}
    stt = None
    for position, header in enumerate(labels):
        hit = read_header(header, extra, words) if header.strip() else None
        if hit is None:
            if stt is None and header.strip() and is_row_number(header):
                stt = position
            continue
        found.setdefault(hit[0], []).append((hit[1], position))
    candidates = {column: tuple(p for _, p in sorted(hits)) for column, hits in found.items()}
    given = frozenset(column for column, hits in found.items() if min(hits)[0] < 0)
    columns = {column: positions[0] for column, positions in candidates.items()}
    return with_columns(labels, columns, stt, candidates, given)


ROWS = [
    ["ỦY BAN NHÂN DÂN TỈNH LÀO CAI", "", "", ""],
    ["STT", "Mã TTHC", "Tên thủ tục", "Lĩnh vực"],
    ["(1)", "(2)", "(3)", "(4)"],
    ["1", "1.000178", "Cấp giấy phép xây dựng", "Xây dựng"],
    ["TT", "Tên", "Tên thủ tục hành chính", "  "],  # the same texts again, in other places
    ["Số TT*", "Mã số (MA_TTHC)", "Ten thu tuc", "Tên gọi khác"],
    ["", "   ", "Cơ quan ban hành", "Lĩnh vực (1)"],
    ["ID", "MATTHC", "TEN_THUTUC", "COQUANTHUCHIEN"],  # words run together
    ["STT\nNo.", "Mã TTHC / Code", "Tên thủ tục\nProcedure name", "Procedure name (EN)"],
    [encode(text, "TCVN3") for text in ("STT", "Mã thủ tục", "Tên thủ tục", "Đăng ký")],
]
EXTRAS = {
    "none": None,
    "a --map": {"ten goi khac": "name", "linh vuc": "agency"},
    # A header that folds to nothing, mapped: blank cells still name nothing in a row.
    "a --map of a key folding to nothing": {"": "name"},
}


@pytest.mark.parametrize("extra", EXTRAS.values(), ids=EXTRAS.keys())
@pytest.mark.parametrize("words", [CATALOGUE, COMPONENTS], ids=["catalogue", "components"])
def test_one_reader_over_many_rows_maps_each_row_as_read_afresh(
    extra: dict[str, str] | None, words: Vocabulary
) -> None:
    reader = HeaderReader(extra, words)
    for _ in range(2):  # the second time every text is in the memo
        for labels in ROWS:
            assert reader.map(labels) == _plain_map(labels, extra, words)


@pytest.mark.parametrize("extra", EXTRAS.values(), ids=EXTRAS.keys())
def test_a_reader_names_what_alias_of_names(extra: dict[str, str] | None) -> None:
    reader = HeaderReader(extra)
    for text in {text for labels in ROWS for text in labels if text.strip()}:
        hit = read_header(text, extra)
        assert reader.names(text) == (hit[0] if hit else None)


def test_the_shared_memos_of_plain_readings_are_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(headers, "_PLAIN", {})
    monkeypatch.setattr(headers, "_PLAIN_KINDS", {})
    monkeypatch.setattr(headers, "_PLAIN_LIMIT", 10)
    labels = [f"Cột {i}" for i in range(30)] + ["Tên thủ tục"]
    for _ in range(3):
        reader = HeaderReader()
        assert reader.map(labels) == _plain_map(labels, None, CATALOGUE)
        assert not reader.says_nothing(labels)
    # A new reader starts a new memo once the old one is past the limit.
    assert len(headers._PLAIN[CATALOGUE]) > 10
    assert len(headers._PLAIN_KINDS[CATALOGUE]) > 10
    HeaderReader()
    assert headers._PLAIN[CATALOGUE] == {}
    assert headers._PLAIN_KINDS[CATALOGUE] == {}


# A row of data whose one text holds a word no header holds but a --map header's.
DATA_ROW = ["1", "1.000178", "Tên gọi khác", "Xây dựng"]
MAP = {"ten goi khac": "name"}


@pytest.mark.parametrize("first", ["plain", "--map"])
def test_what_a_text_may_be_is_known_for_every_plain_reader_and_a_map_keeps_its_own(
    monkeypatch: pytest.MonkeyPatch, first: str
) -> None:
    monkeypatch.setattr(headers, "_PLAIN_KINDS", {})
    readers = {"plain": HeaderReader, "--map": lambda: HeaderReader(MAP)}
    says = {"plain": True, "--map": False}  # the --map's header may name a column
    for name in [first, *(other for other in readers if other != first)] * 2:
        assert readers[name]().says_nothing(DATA_ROW) is says[name], name
    # What one plain reader found out, the next one knows without folding the text again.
    assert "Tên gọi khác" in headers._PLAIN_KINDS[CATALOGUE]


def _says_nothing(labels: list[str], extra: dict[str, str] | None, words: Vocabulary) -> bool:
    """`HeaderReader.says_nothing` as its docstring says it: every label blank, or without
    brackets or a legacy font's characters and holding a word no header holds."""
    known = header_words(words, extra)
    return all(
        not label.strip()
        or (
            set("()[]").isdisjoint(label)
            and re.search(LEGACY_CHARACTERS, label) is None
            and not known.issuperset(header_key(label).split())
        )
        for label in labels
    )


@pytest.mark.parametrize("extra", EXTRAS.values(), ids=EXTRAS.keys())
@pytest.mark.parametrize("words", [CATALOGUE, COMPONENTS], ids=["catalogue", "components"])
def test_a_reader_tells_the_rows_that_say_nothing(
    monkeypatch: pytest.MonkeyPatch, extra: dict[str, str] | None, words: Vocabulary
) -> None:
    monkeypatch.setattr(headers, "_PLAIN_KINDS", {})
    rows = [*ROWS, DATA_ROW, ["", "  ", "1"], ["Xây dựng", "(ghi chú)"], ["", ""]]
    reader = HeaderReader(extra, words)
    for _ in range(2):  # the second time every text's kind is in the memo
        for labels in rows:
            assert reader.says_nothing(labels) == _says_nothing(labels, extra, words), labels
    assert any(reader.says_nothing(labels) for labels in rows)  # both answers are given
    assert not all(reader.says_nothing(labels) for labels in rows)


def _cells(rows: int) -> pd.DataFrame:
    names = [None if i % 4 == 1 else f"Thủ tục {i}" for i in range(rows)]
    mixed = [
        [None, np.nan, NumberText("1.00398"), 2.5, "Mẫu số 01", pd.NA][i % 6] for i in range(rows)
    ]  # a workbook's column of objects
    empty = [None] * rows
    return pd.DataFrame(
        {
            0: text_blocks(names, 3),
            1: pd.Series(mixed, dtype=object),
            2: text_blocks(empty, 5),
            3: text_blocks(names[::-1], 100),
        }
    )


@pytest.mark.parametrize(("rows", "count"), [(0, 30), (1, 30), (7, 30), (45, 30), (45, 45)])
def test_the_top_rows_taken_by_columns_are_the_rows_taken_one_by_one(rows: int, count: int) -> None:
    cells = _cells(rows)
    texts, filled = head_texts(cells, count)
    shown = min(rows, count)
    assert texts == [row_texts(cells, p) for p in range(shown)]
    assert all(type(text) is str for row in texts for text in row)  # no NumberText kept
    assert filled == cells.iloc[:count].notna().any(axis=1).tolist()


@pytest.mark.parametrize("rows", [0, 7, 45])
def test_a_grids_top_rows_kept_are_taken_again_for_more(rows: int) -> None:
    # The header search, the search above the header and the title block ask in any order.
    cells = _cells(rows)
    grid = Grid(None, cells, pd.Series(range(1, rows + 1)))
    for count in (30, 3, 0, 30, 40, 5, 45):
        assert grid.head(count) == head_texts(cells, count), count


# Cells a pair of rows joins: known words, other words, brackets spanning the two parts, an
# alias in brackets, the row number, a header folding to nothing.
PARTS = [
    "Tên thủ tục",
    "thủ tục hành chính",
    "Tên",
    "Mã",
    "TTHC",
    "Cấp giấy phép xây dựng số 12",
    "1.000178",
    "Tên thủ tục (xyz",
    "abc)",
    "(MA_TTHC)",
    "Ghi chú [1]",
    "STT",
    "Số",
    "thứ tự",
    "---",
    "Ủy ban nhân dân cấp xã",
    "TenThuTuc",
    "TENTHUTUC",
    "THUTUC",
    "Procedure name",
    "Tên thủ tục\nProcedure",
    "STT\nNo.",
    "English",
    encode("Tên thủ tục", "TCVN3"),
    encode("hành chính", "VNI"),
    # TCVN3 split: "tôc" alone is no legacy text ("ô" is Vietnamese), "Tªn thñ tôc" is.
    "Tªn thñ",
    "tôc",
    "gọi khác",  # "Tên gọi khác" is a --map header
]


@pytest.mark.parametrize("extra", EXTRAS.values(), ids=EXTRAS.keys())
def test_a_joined_text_ruled_out_by_its_parts_names_nothing(extra: dict[str, str] | None) -> None:
    reader = HeaderReader(extra)
    ruled_out = 0
    for first in PARTS:
        for second in PARTS:
            joined = f"{first} {second}"
            hit = read_header(joined, extra)
            row_number = hit is None and is_row_number(joined)
            if not reader.may_name(first, second):
                ruled_out += 1
                assert (hit, row_number) == (None, False), joined
            assert reader.names_joined(first, second) == (hit[0] if hit else None), joined
            assert reader.reading(joined) == (hit, row_number), joined
    assert ruled_out  # the shortcut is taken


# Letters and marks whose folding could reach across a space: combining marks (a part may
# start with one), camelCase, đ, dotted İ, final sigma, underscores and punctuation.
_ALPHABET = "aAbBtTđĐyYİΣσ0915 _-.,/\u0300\u0301\u0303\u0309\u0323\u00a0ăâêôơưàẢỆỳ"


@settings(max_examples=500, deadline=None)
@given(first=st.text(_ALPHABET, max_size=8), second=st.text(_ALPHABET, max_size=8))
def test_the_key_of_a_joined_text_is_its_parts_keys_joined(first: str, second: str) -> None:
    # A part typed in a legacy font ("aâT" reads as VNI) folds as its conversion: such a part
    # is read under its joined text's key (`HeaderReader.may_name`), so it is left out here.
    # header_key looks for a legacy font after composing the text (NFC): "AA\u0300Y" is
    # "AÀY", which reads as VNI, so the parts are judged composed as well.
    composed = [unicodedata.normalize("NFC", part) for part in (first, second)]
    assume(all(detect_legacy(part) is None for part in composed))
    assert header_key(f"{first} {second}").split() == (
        header_key(first).split() + header_key(second).split()
    )


DATA = [
    ["1", "1.000178", "Cấp giấy phép xây dựng", "Cấp xã", "Xây dựng"],
    ["2", "2.001234", "Đăng ký khai sinh", "Cấp huyện", "Hộ tịch"],
    ["3", "", "Thủ tục (sửa đổi)", "", "Hộ tịch"],
]
SHEETS = {
    "header, data": [["STT", "Mã TTHC", "Tên thủ tục", "Cấp thực hiện", "Lĩnh vực"], *DATA],
    "title, header, column numbers, data": [
        ["ỦY BAN NHÂN DÂN TỈNH LÀO CAI", "", "", "", ""],
        ["DANH MỤC THỦ TỤC HÀNH CHÍNH", "", "", "", ""],
        ["STT", "Mã TTHC", "Tên thủ tục", "Cấp thực hiện", "Lĩnh vực"],
        ["(1)", "(2)", "(3)", "(4)", "(5)"],
        *DATA,
    ],
    "two rows: sub-headings": [
        ["STT", "Tên thủ tục", "Cách thức thực hiện", "", "Lĩnh vực"],
        ["", "", "Trực tiếp", "Trực tuyến", ""],
        *DATA,
    ],
    "two rows: read with the heading": [
        ["STT", "Tên thủ tục", "Quyết định công bố", "", "Lĩnh vực"],
        ["", "", "Số", "Ngày", ""],
        *DATA,
    ],
    "two rows: joined": [
        ["Số", "Tên", "Mã", "", ""],
        ["thứ tự", "thủ tục", "TTHC", "Cấp", "Lĩnh vực"],
        *DATA,
    ],
    "two rows: a named heading subdivided": [
        ["STT", "Tên thủ tục", "Cấp thực hiện", "", "Lĩnh vực"],
        ["", "", "Tỉnh", "Xã", ""],
        *DATA,
    ],
    "three rows": [
        ["STT", "Tên thủ tục", "Thông tin công bố", "", "Lĩnh vực"],
        ["", "", "Quyết định công bố", "", ""],
        ["", "", "Số", "Ngày", ""],
        *DATA,
    ],
    "a database's header, words run together": [
        ["ID", "MATTHC", "TENTHUTUC", "CAPTHUCHIEN", "LINHVUC"],
        *DATA,
    ],
    "no header": DATA,
    "a data row of header words": [
        ["STT", "Tên thủ tục", "Lĩnh vực", "", ""],
        ["Mã", "Tên", "Cơ quan", "Lĩnh vực", "Cấp thực hiện"],
        *DATA,
    ],
}


@pytest.mark.parametrize("rows", SHEETS.values(), ids=SHEETS.keys())
@pytest.mark.parametrize("extra", EXTRAS.values(), ids=EXTRAS.keys())
def test_quiet_rows_and_pairs_left_out_change_no_header(
    rows: list[list[str]], extra: dict[str, str] | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    grid = text_grid("Sheet", rows)

    def found() -> object:
        try:
            return find_header(grid, extra or {})
        except NoHeader as missing:
            return ("no header", missing.closest)

    with_shortcut = found()
    monkeypatch.setattr(HeaderReader, "says_nothing", lambda self, labels: False)
    assert with_shortcut == found()


@pytest.mark.parametrize("extra", EXTRAS.values(), ids=EXTRAS.keys())
def test_a_row_that_says_nothing_maps_to_nothing(extra: dict[str, str] | None) -> None:
    # find_header does not map such rows: their map would name no column, not the row number.
    reader = HeaderReader(extra)
    rows = [[first, second, "", third] for first in PARTS for second in PARTS for third in PARTS]
    quiet = [row for row in rows if reader.says_nothing(row)]
    assert quiet and len(quiet) < len(rows)
    for row in quiet:
        header_map = _plain_map(row, extra, CATALOGUE)
        assert (header_map.columns, header_map.stt) == ({}, None), row


TOP = ["STT", "Mã TTHC", "Tên thủ tục", "Cấp thực hiện", "", "", "Lĩnh vực"]


@pytest.mark.parametrize(
    ("second", "header_rows"),
    [
        # Sub-headings under a heading merged across three columns ("x" marks below).
        (["", "", "", "Tỉnh", "Huyện", "Xã", ""], [0, 1]),
        (["", "", "", "", "", "", "Ghi chú"], [0]),  # one cell: no sub-division
        # A procedure without a name is a procedure, not a sub-heading: its values sit
        # under headings of their own (PA103 reports it).
        (["1", "1.000178", "", "Cấp xã", "", "", "Xây dựng"], [0]),
        (["", "1.000178", "", "", "", "", "Xây dựng"], [0]),
        # A cell under the name column: a procedure.
        (["", "", "Đăng ký khai sinh", "Tỉnh", "Xã", "", ""], [0]),
    ],
    ids=["levels under a wide heading", "one cell", "no name", "code and field", "a name"],
)
def test_a_second_row_is_read_as_sub_headings_only_under_wide_headings(
    second: list[str], header_rows: list[int]
) -> None:
    grid = text_grid("Sheet", [TOP, second, ["1", "1.000178", "Cấp phép", "x", "", "", "Xây dựng"]])
    positions, _, header_map = find_header(grid, {})
    assert positions == header_rows
    assert header_map.columns["name"] == 2


# Headers over three rows: a heading merged across several columns, over headings of its
# own, over their sub-headings; then the first procedure.
FIRST = ["1", "1.000178", "Cấp phép", "1890/QĐ-UBND", "15/08/2025", "Toàn trình", "Tờ khai"]
THREE_ROWS = {
    "sub-headings that name columns": (
        [
            ["STT", "Mã TTHC", "Tên thủ tục", "Thông tin công bố", "", "", ""],
            ["", "", "", "Quyết định công bố", "", "Dịch vụ công", ""],
            ["", "", "", "Số QĐ", "Ngày", "Mức độ", "Mẫu đơn, tờ khai"],
            FIRST,
        ],
        [0, 1, 2],
        {"code": 1, "name": 2, "decision_no": 3, "decision_date": 4, "online_level": 5,
         "forms": 6},
    ),
    "sub-headings that name none, under a heading of the second row": (
        [
            ["STT", "Tên thủ tục", "Thông tin", "", "Lĩnh vực", "", ""],
            ["", "", "Cách thức thực hiện", "", "", "", ""],
            ["", "", "Trực tiếp", "Bưu chính", "", "", ""],
            ["1", "Cấp phép", "x", "", "Xây dựng", "", ""],
        ],
        [0, 1, 2],
        {"name": 1, "field": 4},
    ),
    # The rows under a header of two: the column numbers, then a procedure.
    "column numbers under two rows": (
        [
            ["STT", "Mã TTHC", "Tên thủ tục", "Quyết định công bố", "", "Mức độ", ""],
            ["", "", "", "Số", "Ngày", "", ""],
            ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)"],
            FIRST,
        ],
        [0, 1],
        {"code": 1, "name": 2, "decision_no": 3, "decision_date": 4, "online_level": 5},
    ),
    "a procedure under two rows": (
        [
            ["STT", "Mã TTHC", "Tên thủ tục", "Quyết định công bố", "", "Mức độ", ""],
            ["", "", "", "Số", "Ngày", "", ""],
            FIRST,
        ],
        [0, 1],
        {"code": 1, "name": 2, "decision_no": 3, "decision_date": 4, "online_level": 5},
    ),
}  # fmt: skip


@pytest.mark.parametrize(("rows", "header_rows", "columns"), THREE_ROWS.values(), ids=THREE_ROWS)
def test_a_third_row_is_read_where_it_divides_the_pair_above_it(
    rows: list[list[str]], header_rows: list[int], columns: dict[str, int]
) -> None:
    positions, _, header_map = find_header(text_grid("Sheet", rows), {})
    assert positions == header_rows
    assert header_map.columns == columns


@pytest.mark.parametrize(
    ("heading", "sub", "label"),
    [
        ("Thông tin công bố", "Ngày", "Ngày công bố"),  # the last two words name the date
        ("Thông tin công bố", "Số", "Thông tin công bố Số"),  # "Số công bố" names nothing
        ("Thông tin ban hành", "Ngày", "Ngày ban hành"),
        ("Thông tin khác", "Ngày", "Thông tin khác Ngày"),
        ("Thông tin hiệu lực", "Ngày", "Thông tin hiệu lực Ngày"),
        ("Ghi chú", "Ngày", "Ghi chú Ngày"),
    ],
)
def test_a_sub_heading_is_read_with_the_last_words_of_its_heading(
    heading: str, sub: str, label: str
) -> None:
    reader = HeaderReader()
    labels = header_labels([["Tên thủ tục", heading, ""], ["", "Mã", sub]], reader)
    assert labels == ["Tên thủ tục", "Mã", label]


# A heading naming a column, merged over sub-headings that date it: the new column is read,
# the old one only where none else names the same; sub-headings saying no period divide it
# as before (the first column is read).
DATED_SUBS = {
    "former and new province": (["Tỉnh Hà Giang (cũ)", "Tỉnh Tuyên Quang (mới)"], 3),
    "new before former": (["Tỉnh Tuyên Quang (mới)", "Tỉnh Hà Giang (cũ)"], 2),
    "before and after the merger": (["Trước sắp xếp", "Sau sắp xếp"], 3),
    "in force and after decentralising": (["Hiện hành", "Sau khi phân cấp"], 3),
    "in force and planned": (["Hiện nay", "Dự kiến sau khi phân định thẩm quyền"], 3),
    "no period": (["Tỉnh Hà Giang", "Tỉnh Tuyên Quang"], 2),
    # One sub-heading ending "mới" beside one that dates nothing: no period, no new column.
    "a new one beside no former": (["Cấp tỉnh", "Cấp xã mới"], 2),
}


@pytest.mark.parametrize(("subs", "agency"), DATED_SUBS.values(), ids=DATED_SUBS)
def test_sub_headings_that_date_a_heading_read_its_column_after_the_reform(
    subs: list[str], agency: int
) -> None:
    rows = [
        ["STT", "Tên thủ tục", "Cơ quan thực hiện", "", "Lĩnh vực"],
        ["", "", *subs, ""],
        ["1", "Cấp phép", "Sở Giao thông vận tải", "Sở Xây dựng", "Đường bộ"],
    ]
    positions, _, header_map = find_header(text_grid("Sheet", rows), {})
    assert positions == [0, 1]
    assert header_map.columns == {"name": 1, "agency": agency, "field": 4}


def test_a_header_of_words_run_together_is_found() -> None:
    grid = text_grid("Sheet", SHEETS["a database's header, words run together"])
    positions, _, header_map = find_header(grid, {})
    assert positions == [0]
    assert header_map.columns == {"code": 1, "name": 2, "level": 3, "field": 4}


# A row whose name label ends with a colon: a header where the cell beside it heads a column
# or is empty, a procedure's content written label by label where it holds the value.
_LABELS = [["", "Mã số:", "1.001193", ""], ["", "Phí, lệ phí:", "Không", ""]]
_PROCEDURE = ["1", "1.001193", "Đăng ký khai sinh", "Hộ tịch"]
LABELLED = {
    "a label and its value": ([["1.", "Tên thủ tục:", "Đăng ký khai sinh", ""], *_LABELS], None),
    "headers with colons": ([["STT", "Tên thủ tục:", "Cơ quan thực hiện:", ""], _PROCEDURE], 1),
    "the colon on the last header": ([["STT", "Mã TTHC", "", "Tên thủ tục:"], _PROCEDURE], 3),
    "an empty cell beside it": ([["STT", "Tên thủ tục:", "", "Lĩnh vực"], _PROCEDURE], 1),
    "no colon: a header over data": ([["STT", "Tên thủ tục", "Ghi chú x", ""], _PROCEDURE], 1),
}


@pytest.mark.parametrize(("rows", "name"), LABELLED.values(), ids=LABELLED)
def test_a_name_labelling_the_value_beside_it_heads_no_column(
    rows: list[list[str]], name: int | None
) -> None:
    grid = text_grid("Sheet", rows)
    if name is None:
        with pytest.raises(NoHeader):
            find_header(grid, {})
    else:
        assert find_header(grid, {})[2].columns["name"] == name
