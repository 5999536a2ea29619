"""What the reader says of a column its values decided about: a sentence for every reason a
choice can have, chosen, refused or read for want of another column."""

from __future__ import annotations

import pytest

from procaudit.io import values
from procaudit.io.marks import MARKS
from procaudit.io.unheaded_columns import LEVELS, UNHEADED
from procaudit.io.value_words import note, reason
from procaudit.io.values import ValueChoice

REASONS = [
    MARKS,
    *(values.WHOLE_NUMBERS, values.CODES, values.NATIONAL_CODES),
    *(values.OTHER_CODES, values.INTERNAL_IDS, values.AGENCY_IDS, values.SHARED_CODES),
    *(values.CUT_NAMES, values.AGENCY_NAMES, values.NAMES),
    *(kind.reason for kind in UNHEADED),
    values.UNHEADED_NAMES,
    values.NO_ONLINE_LEVELS,
]  # HIDDEN is said by where the column is, not by its values


@pytest.mark.parametrize("why", REASONS)
@pytest.mark.parametrize(
    ("chosen", "regardless"), [(True, False), (False, False), (True, True)], ids=str
)
def test_every_reason_is_said_in_a_note_and_in_inspect(
    why: str, chosen: bool, regardless: bool
) -> None:
    # A name column of codes read for want of another (reason CODES) raised KeyError.
    choice = ValueChoice(0, "name", chosen, why, ("1.001234", "1.00415"), regardless)
    said = note(choice, "'Tên thủ tục'")
    assert said.startswith("column 'Tên thủ tục' ") and "{" not in said
    assert reason(choice) and "{" not in reason(choice)


@pytest.mark.parametrize(
    ("examples", "shown"),
    [
        (("Cấp tỉnh", "Cấp xã"), "(Cấp tỉnh, Cấp xã, …)"),
        # A level joined with another holds a comma: the examples are told apart by ";".
        (("Cấp xã", "Cấp huyện, Cấp xã"), "(Cấp xã; Cấp huyện, Cấp xã; …)"),
    ],
)
def test_examples_holding_a_comma_are_told_apart(examples: tuple[str, ...], shown: str) -> None:
    choice = ValueChoice(0, "level", True, LEVELS, examples)
    assert shown in note(choice, "'Áp dụng cho'")
