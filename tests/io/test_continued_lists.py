"""The tables of each list going on over sheets (`io.continued_sheets.continued_lists`): one
list to the duplicates' rules, unless a sheet repeats the list before it (a sheet per unit)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from conftest import table_of
from procaudit.io import Table
from procaudit.io.continued_sheets import continued_lists


def _sheet(first: int, goes_on: bool, count: int = 4) -> Table:
    rows: list[dict[str, str | None]] = [
        {"code": f"1.{n:06d}", "name": f"Thủ tục số {n}"} for n in range(first, first + count)
    ]
    return replace(table_of(rows), continues=goes_on)


@pytest.mark.parametrize(
    ("continues", "runs"),
    [
        ([False], []),
        ([False, False], []),
        ([False, True], [[0, 1]]),
        ([False, True, True], [[0, 1, 2]]),
        ([False, True, False, True], [[0, 1], [2, 3]]),
        ([False, False, True, True, False], [[1, 2, 3]]),
    ],
)
def test_the_tables_of_each_list_over_sheets(continues: list[bool], runs: list[list[int]]) -> None:
    tables = [_sheet(10 * at, goes_on) for at, goes_on in enumerate(continues)]
    assert continued_lists(tables) == runs


@pytest.mark.parametrize(
    ("second", "runs"),
    [
        (4, [[0, 1]]),  # the list going on
        (0, []),  # the same procedures again: a sheet per unit
        (1, []),  # three of four again
        (2, [[0, 1]]),  # two of four: a list going on may repeat a procedure or two
    ],
)
def test_a_sheet_repeating_the_list_before_it_is_not_its_list_going_on(
    second: int, runs: list[list[int]]
) -> None:
    assert continued_lists([_sheet(0, False), _sheet(second, True)]) == runs


def test_rows_without_a_code_are_told_by_their_names() -> None:
    rows: list[dict[str, str | None]] = [
        {"code": None, "name": f"Thủ tục số {n}"} for n in range(4)
    ]
    first = table_of([{"code": "x", "name": "y"}, *rows])
    again = replace(table_of([{"code": "z", "name": "w"}, *rows]), continues=True)
    assert continued_lists([first, again]) == []
