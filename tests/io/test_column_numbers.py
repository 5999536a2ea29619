"""The row under a header that numbers or letters its columns is not a procedure; a row
that only looks like one (marks, one-letter cells out of order) is not skipped as one."""

from __future__ import annotations

import pytest

from procaudit.io.grid import text_grid
from procaudit.io.layout import COLUMN_NUMBERS
from procaudit.io.read import read_grid

HEADER = ["STT", "Mã TTHC", "Tên thủ tục", "Cấp thực hiện", "Lĩnh vực"]
BIRTH = ["1", "1.001193", "Đăng ký khai sinh", "Cấp xã", "Hộ tịch"]


@pytest.mark.parametrize(
    ("under", "numbers"),
    [
        (["1", "2", "3", "4", "5"], True),
        (["(1)", "(2)", "(3)", "(4)", "(5)"], True),
        (["A", "B", "C", "D", "E"], True),
        (["(a)", "(b)", "(c)", "(d)", "(e)"], True),
        (["A", "B", "", "D", "E"], True),  # a column left unlettered
        (["A", "B", "C", "1", "2"], True),  # the describing columns lettered, the others numbered
        (["A", "B", "1", "2", "3"], True),
        # Letters out of order, or two only, are not a labelling of the columns.
        (["x", "", "x", "x", ""], False),
        (["A", "C", "B", "", ""], False),
        (["A", "B", "", "", ""], False),
        (["1", "2", "A", "B", "C"], False),  # numbers before letters: no labelling seen
        (["A", "1", "B", "2", ""], False),
        (["1", "1.001193", "Đăng ký khai sinh", "Cấp xã", "Hộ tịch"], False),
    ],
    ids=[
        "numbers", "bracketed", "letters", "bracketed lower", "gap", "letters then numbers",
        "two letters then numbers", "marks", "out of order", "two letters", "numbers then letters",
        "letters and numbers mixed", "a procedure",
    ],
)  # fmt: skip
def test_the_row_under_the_header_numbering_the_columns_is_skipped(
    under: list[str], numbers: bool
) -> None:
    (table,) = read_grid("annex.csv", text_grid(None, [HEADER, under, BIRTH])).tables
    assert table.account.skipped.get(COLUMN_NUMBERS) == ((2,) if numbers else None)
    if numbers:
        assert table.frame["_row"].tolist() == [3]
