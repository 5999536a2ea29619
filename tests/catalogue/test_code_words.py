"""Code cells that say there is no code yet are no code, in a small column and a large one."""

from __future__ import annotations

import pandas as pd
import pytest

from procaudit.catalogue.code_words import no_code_yet, without_no_code_words
from procaudit.catalogue.text_columns import SMALL_COLUMN

CELLS = [
    "1.000178",
    "Chưa có mã",
    "  chưa cấp mã",
    "\tĐang cập nhật",
    "đang chờ cấp",
    "KHÔNG CÓ MÃ SỐ TTHC",
    "\u212ahông có mã",  # the Kelvin sign, which "k" matches in any case
    "N/A",
    "na",
    "Mã chưa có",
    "x Chưa có mã",
    "-",  # a dash: Excel's "nothing here"
    " — ",
    "…",
    "Mới",  # a new procedure, not coded yet
    "TTHC mới",
    "(Thủ tục mới ban hành)",
    "Mới 1.000178",  # a code with a word: not said to be missing
    "Tủ tục mới",
    None,
]


@pytest.mark.parametrize("rows", [len(CELLS), 3 * SMALL_COLUMN])
def test_no_code_words_are_missing_in_any_column(rows: int) -> None:
    cells = (CELLS * (rows // len(CELLS) + 1))[:rows]
    codes = pd.Series(cells, dtype="str")
    kept = without_no_code_words(codes)
    said = [cell is not None and no_code_yet(cell) for cell in cells]
    missing = [cell is None or no for cell, no in zip(cells, said, strict=True)]
    assert kept.isna().tolist() == missing
    assert sum(said) >= 13 * (rows // len(CELLS))
