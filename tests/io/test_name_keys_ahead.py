"""The names' comparison keys made ahead (io/name_keys_ahead.py): given only for rows of the
very column they were made of, in order, and then the keys the context would make."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType

import pandas as pd
import pyarrow as pa
import pytest

from conftest import text_blocks
from procaudit.catalogue.columns import ROW
from procaudit.catalogue.name_scan import NAME_SCAN
from procaudit.catalogue.text_columns import arrow_text, comparison_key_array, matches
from procaudit.io import name_keys_ahead, read_ahead
from procaudit.io.arrow_parse import csv_plan
from procaudit.io.name_keys_ahead import (
    claim_name_keys,
    claimed_scan,
    drop_name_keys,
    start_keys_of_parse,
    start_name_keys,
)
from procaudit.io.read import read_catalogue
from procaudit.rules import context as context_module
from procaudit.rules.context import RuleContext
from procaudit.rules.options import RuleOptions

NAMES = [
    "Tên thủ tục",  # the header's cell: made with the rest, never claimed
    "Cấp Giấy phép  xây dựng ",
    None,
    "ĐĂNG KÝ KHAI SINH",
    "Thủ tục cấp lại (cấp tỉnh)",
    "Đăng ký kết hôn",
    "Cấp đổi giấy phép lái xe",
    "Gia hạn giấy phép",
]


@pytest.fixture(autouse=True)
def every_column(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(name_keys_ahead, "AHEAD_ROWS", 1)  # the tables here are small
    yield
    drop_name_keys()


def _keys(column: pd.Series) -> list[str | None]:
    return comparison_key_array(arrow_text(column)).to_pylist()


# The grid rows' numbers as the user sees them: CSV lines, with records spanning two lines.
ROWS = pd.Series([2, 3, 5, 6, 7, 9, 10, 11])
Claimed = Callable[[pd.Series], tuple[pd.Series, pd.Series]]


def _rows(start: int, stop: int) -> Claimed:
    return lambda column: (
        column.iloc[start:stop].reset_index(drop=True),
        ROWS.iloc[start:stop].reset_index(drop=True),
    )


def _copied(column: pd.Series) -> tuple[pd.Series, pd.Series]:
    return pd.Series(pa.array(column.array).combine_chunks(), dtype="str"), ROWS


def _rows_apart(column: pd.Series) -> tuple[pd.Series, pd.Series]:
    chunks = pa.array(column.array).chunks
    apart = pd.Series(pa.chunked_array([chunks[0].slice(1, 1), chunks[1]]), dtype="str")
    return apart, pd.Series([3, 6, 7, 9])  # a section row (line 5) left out


def _numbered_wrong(column: pd.Series) -> tuple[pd.Series, pd.Series]:
    apart, _ = _rows_apart(column)
    return apart, pd.Series([3, 5, 6, 7])


def _not_a_row(column: pd.Series) -> tuple[pd.Series, pd.Series]:
    apart, _ = _rows_apart(column)
    return apart, pd.Series([3, 4, 7, 9])  # line 4 is inside a record


def _derived(column: pd.Series) -> tuple[pd.Series, pd.Series]:
    return column.str.strip(), ROWS


@pytest.mark.parametrize(
    ("claimed", "given"),
    [
        (_rows(1, 8), True),  # the body under the header, across blocks
        (_rows(0, 8), True),  # the whole column
        (_rows(4, 6), True),  # rows inside one block
        (_rows(2, 5), True),  # rows that begin in one block and end in the next
        (_copied, True),  # the same texts in other buffers, on the same rows
        (_rows_apart, True),  # rows of it with one left out, found by their numbers
        (_numbered_wrong, False),  # the texts of other rows than their numbers say
        (_not_a_row, False),  # a number that is no row of the column
        (_derived, False),  # a column made of it: other texts
    ],
    ids=[
        "body",
        "whole",
        "inside",
        "across",
        "copied",
        "apart",
        "misnumbered",
        "no-row",
        "derived",
    ],
)
def test_claimed_for_rows_of_the_column_alone(claimed: Claimed, given: bool) -> None:
    column = text_blocks(NAMES, 3)
    start_name_keys(column, ROWS)
    wanted, rows = claimed(column)
    keys = claim_name_keys(wanted, rows)
    if given:
        assert keys is not None
        assert keys.to_pylist() == _keys(wanted)
    else:
        assert keys is None


def _scan(column: pd.Series) -> list[bool]:
    return matches(arrow_text(column), NAME_SCAN).to_numpy(zero_copy_only=False).tolist()


def _wait_for_the_keys() -> None:
    for thread in threading.enumerate():
        if thread.name == "procaudit-name-keys":
            thread.join()


@pytest.mark.parametrize(
    "claimed",
    [_rows(1, 8), _rows(2, 5), _copied, _rows_apart],
    ids=["body", "across", "copied", "apart"],
)
def test_the_scan_goes_with_the_keys_to_the_very_column(claimed: Claimed) -> None:
    column = text_blocks(NAMES, 3)
    start_name_keys(column, ROWS)
    wanted, rows = claimed(column)
    same_texts = pd.Series(list(wanted), dtype="str")
    assert claim_name_keys(wanted, rows) is not None
    scan = claimed_scan(wanted)
    assert scan is not None and scan.tolist() == _scan(wanted)
    assert claimed_scan(same_texts) is None  # the same names in another column
    drop_name_keys()
    assert claimed_scan(wanted) is None


def test_the_scan_of_rows_in_order_is_given_before_the_keys_are_claimed() -> None:
    column = text_blocks(NAMES, 3)
    start_name_keys(column, ROWS)
    _wait_for_the_keys()
    body, rows = _rows(1, 8)(column)
    scan = claimed_scan(body)
    assert scan is not None and scan.tolist() == _scan(body)
    assert claimed_scan(_rows_apart(column)[0]) is None  # rows apart: only once claimed
    assert claim_name_keys(body, rows) is not None


def test_without_row_numbers_only_a_slice_is_claimed() -> None:
    column = text_blocks(NAMES, 3)
    start_name_keys(column, ROWS)
    assert claim_name_keys(_rows_apart(column)[0], None) is None  # no numbers to find it by
    body = column.iloc[1:].reset_index(drop=True)
    keys = claim_name_keys(body, None)
    assert keys is not None and keys.to_pylist() == _keys(body)


def test_claimed_once_and_not_after_a_drop() -> None:
    column = text_blocks(NAMES, 3)
    start_name_keys(column, ROWS)
    assert claim_name_keys(column, ROWS) is not None
    assert claim_name_keys(column, ROWS) is None  # given up when claimed
    start_name_keys(column, ROWS)
    drop_name_keys()
    assert claim_name_keys(column, ROWS) is None


def test_a_new_start_replaces_the_last() -> None:
    first, second = text_blocks(NAMES, 3), text_blocks(NAMES[::-1], 3)
    start_name_keys(first, ROWS)
    start_name_keys(second, ROWS)
    assert claim_name_keys(first, ROWS) is None
    keys = claim_name_keys(second, ROWS)
    assert keys is not None and keys.to_pylist() == _keys(second)


def _made(monkeypatch: pytest.MonkeyPatch, module: ModuleType = name_keys_ahead) -> list[int]:
    """How many names each making of keys took, in `module` (ahead, or the context's own)."""
    made: list[int] = []
    maker = "scanned_keys" if module is name_keys_ahead else "comparison_key_array"
    make = getattr(module, maker)

    def counted(texts: pa.Array) -> object:
        made.append(len(texts))
        return make(texts)

    monkeypatch.setattr(module, maker, counted)
    return made


def test_the_same_column_started_again_keeps_its_keys(monkeypatch: pytest.MonkeyPatch) -> None:
    made, column = _made(monkeypatch), text_blocks(NAMES, 3)
    start_name_keys(column, ROWS)
    start_name_keys(column, ROWS)  # the reader, finding the header the parse's search found
    keys = claim_name_keys(column, ROWS)
    assert keys is not None and keys.to_pylist() == _keys(column)
    assert made == [len(NAMES)]
    start_name_keys(column, ROWS)
    start_name_keys(column, ROWS + 1)  # other rows: made again
    _wait_for_the_keys()
    assert made == [len(NAMES)] * 3


@pytest.mark.parametrize(
    "column",
    [pd.Series(NAMES, dtype=object), text_blocks(NAMES[:1], 1)],
    ids=["objects", "too-few-rows"],
)
def test_nothing_started_for_other_columns(
    monkeypatch: pytest.MonkeyPatch, column: pd.Series
) -> None:
    monkeypatch.setattr(name_keys_ahead, "AHEAD_ROWS", 2)
    rows = pd.Series(range(len(column)))
    start_name_keys(column, rows)
    assert claim_name_keys(column, rows) is None


BODY = [f"{i},1.00{i:04d},{name},Cấp tỉnh" for i, name in enumerate(NAMES[1:], 1) if name]
TITLE = "Danh mục thủ tục hành chính,,,"  # as wide as the table: pyarrow's reader takes it
HEADER = "STT,Mã thủ tục,Tên thủ tục hành chính,Cấp thực hiện"
LISTS = {
    "plain": [TITLE, HEADER, *BODY],
    # A section row the layout leaves out of the body: its names are no slice of the grid's.
    "sections": [TITLE, HEADER, "I. Lĩnh vực Xây dựng,,,", *BODY[:2], "II. Hộ tịch,,,", *BODY[2:]],
}


@pytest.mark.parametrize("ahead", [True, False])
@pytest.mark.parametrize("lines", LISTS.values(), ids=LISTS.keys())
def test_the_context_gets_the_keys_it_would_make(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lines: list[str], ahead: bool
) -> None:
    path = tmp_path / "list.csv"
    path.write_text("\n".join(lines), encoding="utf-8")
    table = read_catalogue(str(path), name_keys_ahead=ahead).tables[0]
    assert len(table.frame) == len(BODY)
    made_here = _made(monkeypatch, context_module)
    context = RuleContext(table.frame, RuleOptions(), frozenset(table.header_map.columns))
    assert context.name_keys.tolist() == _keys(table.frame["name"])
    assert made_here == ([] if ahead else [len(table.frame)])  # made ahead when asked
    assert claim_name_keys(table.frame["name"], table.frame[ROW]) is None  # and given up


@pytest.mark.parametrize("reader_starts", [True, False], ids=["reader starts too", "parse alone"])
@pytest.mark.parametrize("lines", LISTS.values(), ids=LISTS.keys())
def test_keys_begun_from_the_parse_are_the_readers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lines: list[str], reader_starts: bool
) -> None:
    path = tmp_path / "list.csv"
    path.write_text("\n".join(lines), encoding="utf-8")
    made = _made(monkeypatch)
    with read_ahead.reading_ahead(str(path), 1 << 40) as parsing:
        assert parsing
        read_ahead.when_parsed(start_keys_of_parse)
        table = read_catalogue(str(path), name_keys_ahead=reader_starts).tables[0]
    made_here = _made(monkeypatch, context_module)
    context = RuleContext(table.frame, RuleOptions(), frozenset(table.header_map.columns))
    assert context.name_keys.tolist() == _keys(table.frame["name"])
    assert (made, made_here) == ([len(lines)], [])  # begun from the parse, once, and given


def test_no_keys_begin_from_a_parse_without_a_header(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_text("\n".join(BODY), encoding="utf-8")
    with read_ahead.reading_ahead(str(path), 1 << 40):
        read_ahead.when_parsed(start_keys_of_parse)
        plan = csv_plan(path)
        assert plan is not None and read_ahead.parsed_csv(path, plan) is not None
    assert claim_name_keys(text_blocks(NAMES, 3), None) is None
