"""The scorecard's per-row flags (`engine.row_flags`): made on a stack of tables, each
table's part is the flag its own context makes; seeded, it is read, not made again (and
offered to the scorecard as given); and the scorecard's counts do not change the flags they
read."""

from __future__ import annotations

import random

import numpy as np
import pandas as pd
import pytest

from conftest import table_of
from procaudit.catalogue.columns import ROW, SHEET
from procaudit.engine.catalogue_stats import catalogue_stats, offer_national_codes
from procaudit.engine.row_flags import DECISION_ERRORS, FLAGS, NATIONAL_CODE, flag_parts, row_flag
from procaudit.io.components import COMPONENTS
from procaudit.io.headers import map_headers
from procaudit.io.read import Table
from procaudit.rules.context import FileContext, RuleContext

_CELLS = {
    "code": [None, "1.000001", "2.001234", "12345", "1.00012", " 1.000003 ", "1.000004\n", "x"],
    "forms": [None, "Tờ khai", "-", " … ", "Không", "Mẫu số 01", "_./"],
    "level": [None, "Cấp huyện", "Cấp xã", "Cấp tỉnh, Cấp huyện", "cấp Huyện"],
    "agency": [None, "UBND huyện Bảo Thắng", "Sở Tư pháp", "Tòa án nhân dân huyện A", "UBND xã"],
    "online_level": [None, "Toàn trình", "Một phần", "Mức độ 4", "mức 3", "toàn trình "],
    # PA402: valid, errors, and warnings (a number typed loosely), which are not errors.
    "decision_no": [
        None,
        "1890/QĐ-UBND",
        "xx/QĐ-UBND",
        "205/TTr-SNNMT",
        "chưa có",
        "1890/QD-UBND",
        "Quyết định số 6225/QĐ-BQP",
    ],
}


def _table(seed: int, size: int) -> Table:
    rng = random.Random(seed)
    rows = [
        {"name": f"Thủ tục {i}", **{column: rng.choice(cells) for column, cells in _CELLS.items()}}
        for i in range(size)
    ]
    table = table_of(rows, "S")
    table.frame.index = table.frame.index + 5 * seed  # labels of its own, not positions
    return table


@pytest.mark.parametrize("sizes", [(3, 30, 1, 50), (1, 1, 60)])
def test_a_stacks_flags_are_each_tables_own(sizes: tuple[int, ...]) -> None:
    frames = [_table(seed, size).frame for seed, size in enumerate(sizes)]
    stack = RuleContext(pd.concat(frames, ignore_index=True))
    bounds = np.cumsum([0, *(len(frame) for frame in frames)])
    parts = flag_parts(stack, bounds, frames)
    raised = 0
    for frame, part in zip(frames, parts, strict=True):
        assert set(part) == set(FLAGS)
        alone = RuleContext(frame)
        for key, flags in part.items():
            made = row_flag(alone, key)
            assert flags.dtype == made.dtype == bool
            assert flags.tolist() == made.tolist(), key
            raised += int(made.sum())
    assert raised  # the cells raise every kind of flag somewhere


def test_every_flag_is_raised_and_lowered_by_the_cells() -> None:
    context = RuleContext(_table(0, 80).frame)
    for key in FLAGS:
        flags = row_flag(context, key)
        assert flags.any() and not flags.all(), key


def test_a_seeded_flag_is_read_not_made() -> None:
    # Each key is the one its maker keeps the flag under (PA505's among them).
    frame = _table(1, 6).frame
    for key in FLAGS:
        context = RuleContext(frame)
        given = np.array([True, False] * 3)
        context.seed(key, given)
        assert row_flag(context, key) is given, key


def test_a_category_column_gives_no_flag() -> None:
    frames = [_table(seed, 5).frame.astype({"forms": "category"}) for seed in (1, 2)]
    stack = RuleContext(pd.concat(frames, ignore_index=True))
    parts = flag_parts(stack, np.array([0, 5, 10]), frames)
    assert all("forms filled" not in part and "district level" in part for part in parts)


def test_a_stack_that_ran_pa402_gives_no_flag_of_its_errors() -> None:
    # The scorecard reads PA402's hits where it ran: its check is not made again.
    frames = [_table(seed, 6).frame for seed in (1, 2)]
    stack = RuleContext(pd.concat(frames, ignore_index=True))
    for ran, flagged in ((set(), True), ({"PA301"}, True), ({"PA402", "PA301"}, False)):
        parts = flag_parts(stack, np.array([0, 6, 12]), frames, ran)
        assert all(("decision errors" in part) is flagged for part in parts), ran
        assert all("forms filled" in part for part in parts)


def test_the_errors_flag_is_pa402s_error_hits() -> None:
    context = RuleContext(_table(4, 40).frame)
    flags = row_flag(context, DECISION_ERRORS)
    values = context.frame["decision_no"]
    errors = {"xx/QĐ-UBND", "205/TTr-SNNMT", "chưa có"}  # PA402's two, PA401's not recorded
    assert flags.tolist() == values.isin(errors).tolist()


def test_a_column_missing_gives_no_flag() -> None:
    frames = [_table(seed, 4).frame.drop(columns="online_level") for seed in (1, 2)]
    stack = RuleContext(pd.concat(frames, ignore_index=True))
    parts = flag_parts(stack, np.array([0, 4, 8]), frames)
    assert all(set(part) == set(FLAGS) - {"fully_online"} for part in parts)


def test_the_counts_leave_the_flags_as_they_were() -> None:
    # Dossier components give forms to procedures whose forms cell is empty: counted, but
    # the table's flag of filled forms cells stays the cells' own.
    table = table_of([{"code": "1.000001", "name": "A", "forms": None}], "S")
    context = RuleContext(table.frame)
    components = pd.DataFrame(
        {"code": ["1.000001"], "component": ["Tờ khai"], "form_link": ["mau.docx"]}, dtype="str"
    )
    components[ROW], components[SHEET] = [2], "TPHS"
    header_map = map_headers(["code", "component", "form_link"], words=COMPONENTS)
    parts = Table("TPHS", components, header_map)
    file = FileContext("t.xlsx", [(table, context)], components=[parts])
    assert catalogue_stats(file).with_forms == 1
    assert row_flag(context, "forms filled").tolist() == [False]
    assert catalogue_stats(file).with_forms == 1


def test_a_given_national_code_flag_is_offered_as_it_is() -> None:
    context = RuleContext(_table(2, 6).frame)
    given = np.array([True, False] * 3)
    context.seed(NATIONAL_CODE, given)
    assert offer_national_codes(context)() is given
    alone = RuleContext(_table(2, 6).frame)
    assert offer_national_codes(alone)().tolist() == row_flag(alone, NATIONAL_CODE).tolist()


def test_columns_missing_in_every_row_flag_nothing() -> None:
    empty = {column: None for column in _CELLS}
    frames = [table_of([{"name": f"T {i}", **empty} for i in range(3)], "S").frame for _ in "ab"]
    stack = RuleContext(pd.concat([frames[0], _table(3, 4).frame, frames[1]], ignore_index=True))
    parts = flag_parts(stack, np.array([0, 3, 7, 10]), [frames[0], _table(3, 4).frame, frames[1]])
    for part in (parts[0], parts[2]):
        assert set(part) == set(FLAGS)
        assert all(flags.tolist() == [False] * 3 for flags in part.values())
