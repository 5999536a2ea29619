"""Per-row work made once on a stack of tables (`RuleContext.per_row_parts`) and given to each
table's context (`RuleContext.seed`): the keys and the cross-row rules' hits are what the
table's context makes alone, labels, dtypes and category order included."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from conftest import table_of
from procaudit.rules.catalog import get_rule
from procaudit.rules.context import PER_ROW_WORK, RuleContext

CROSS_ROW = ("PA201", "PA202", "PA203", "PA204", "PA502")

SINGLE = "Đăng ký khai sinh"
PERMIT = "Cấp giấy phép xây dựng"

# Tables stacked together, each a case: (code, name, level) rows.
TABLES: dict[str, list[tuple[str | None, str | None, str | None]]] = {
    "duplicates, a code with spaces, a tagged name, a typo": [
        ("1.001193", SINGLE, "Cấp xã"),
        (" 1.001193 ", SINGLE, "Cấp xã"),
        ("2.000986", SINGLE, "Cấp tỉnh"),
        ("1.000894", f"{PERMIT} (thực hiện tại cấp tỉnh)", "Cấp xã"),
        ("1.000894", "Đăng ký nuôi con nuôi", None),
        ("1.000896", "Đăng ký khia sinh", "Cấp xã"),
    ],
    "a missing level first, levels another order and spelling": [
        ("1.000001", "Đăng ký khia sinh", None),
        ("1.000002", SINGLE, "cấp xã; Cấp tỉnh"),
        ("1.000003", "Đăng ký khai sinh", "Cấp tỉnh, Cấp xã"),
        ("1.000004", PERMIT, "Cấp tỉnh"),
        (None, f"{PERMIT} (cấp huyện)", "Cấp xã"),
    ],
    "a code repaired, one name under two codes, no level given": [
        ("1,003980", "Thủ tục đăng ký kết hôn", None),
        ("1.003980", "Thủ tục đăng ký kết hôn", None),
        ("1.003981", "Thủ tục đăng ký kết hôn", None),
        ("1.003982", f"{PERMIT} (thực hiện tại cấp xã)", None),
    ],
    "no tag, no duplicate, labels from 100": [
        ("1.000010", "Cấp lại giấy phép", "Cấp tỉnh"),
        ("1.000011", "Cấp đổi giấy phép", "Cấp xã"),
        (None, None, "Cấp xã"),
    ],
}


def _frames() -> list[pd.DataFrame]:
    frames = []
    for at, rows in enumerate(TABLES.values()):
        cells = [{"code": c, "name": n, "level": lv} for c, n, lv in rows]
        frame = table_of(cells).frame
        if at == len(TABLES) - 1:  # a table whose labels are not its positions
            frame.index = frame.index + 100
        frames.append(frame)
    return frames


@pytest.fixture(scope="module")
def seeded() -> list[tuple[pd.DataFrame, dict[str, object]]]:
    frames = _frames()
    stack = RuleContext(pd.concat(frames, ignore_index=True))
    bounds = np.cumsum([0, *(len(frame) for frame in frames)])
    parts = stack.per_row_parts(bounds, frames)
    return list(zip(frames, parts, strict=True))


def _context(frame: pd.DataFrame, seeds: dict[str, object] | None) -> RuleContext:
    context = RuleContext(frame)
    for key, work in (seeds or {}).items():
        context.seed(key, work)
    return context


@pytest.mark.parametrize("case", range(len(TABLES)), ids=list(TABLES))
def test_every_per_row_key_is_given_as_the_table_makes_it(
    seeded: list[tuple[pd.DataFrame, dict[str, object]]], case: int
) -> None:
    frame, seeds = seeded[case]
    assert set(seeds) == set(PER_ROW_WORK)
    alone = RuleContext(frame)
    for key, work in seeds.items():
        made = getattr(alone, key)
        assert isinstance(work, pd.Series)
        pd.testing.assert_series_equal(work, made, check_index_type=False)
        assert work.index.tolist() == made.index.tolist()
        if key == "level_keys":  # the table's own order of categories
            assert work.cat.categories.tolist() == made.cat.categories.tolist()


@pytest.mark.parametrize("case", range(len(TABLES)), ids=list(TABLES))
@pytest.mark.parametrize("rule_id", CROSS_ROW)
def test_a_seeded_context_finds_what_the_table_finds_alone(
    seeded: list[tuple[pd.DataFrame, dict[str, object]]], case: int, rule_id: str
) -> None:
    frame, seeds = seeded[case]
    rule = get_rule(rule_id)
    assert rule is not None and rule.check is not None
    alone = rule.check(_context(frame, None))
    given = rule.check(_context(frame, seeds))
    pd.testing.assert_frame_equal(given, alone)


def test_the_cases_find_something() -> None:
    """The cases hold what the rules look for (else the tests above prove nothing)."""
    found = set()
    for frame in _frames():
        for rule_id in CROSS_ROW:
            rule = get_rule(rule_id)
            assert rule is not None and rule.check is not None
            if not rule.check(RuleContext(frame)).empty:
                found.add(rule_id)
    assert found == set(CROSS_ROW)


def test_a_category_column_is_not_seeded() -> None:
    """Tables whose code is a category of their own values: the stack's is not theirs."""
    frames = [frame.astype({"code": "category"}) for frame in _frames()[:2]]
    stack = RuleContext(pd.concat(frames, ignore_index=True))
    bounds = np.cumsum([0, *(len(frame) for frame in frames)])
    parts = stack.per_row_parts(bounds, frames)
    assert all("code_keys" not in part and "name_tags" in part for part in parts)
