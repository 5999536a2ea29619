"""pyarrow's parse of a regular CSV file: cells of spaces made missing and the bytes that
cells hold (NUL, CR, LF) found alike whether a table's cells are searched as one array (a
small table) or column by column."""

from __future__ import annotations

from pathlib import Path

import pytest

from procaudit.io import arrow_parse
from procaudit.io.arrow_parse import csv_plan, parse_csv

HEADER = "STT,Tên thủ tục,Lĩnh vực,Ghi chú\n"
# text after the header -> (each column's cells, the bytes held)
CASES = {
    "plain": (
        "1,Cấp phép,Xây dựng,\n2,Đăng ký,Hộ tịch,\n",
        [["1", "2"], ["Cấp phép", "Đăng ký"], ["Xây dựng", "Hộ tịch"], [None, None]],
        set(),
    ),
    "cells of spaces in one column": (
        "1,Cấp phép,  ,\n2,Đăng ký,\u00a0\t,\n",
        [["1", "2"], ["Cấp phép", "Đăng ký"], [None, None], [None, None]],
        set(),
    ),
    "a cell of spaces among text": (
        "1, ,Xây dựng,x\n2,Đăng ký,Hộ tịch, y \n",
        [["1", "2"], [None, "Đăng ký"], ["Xây dựng", "Hộ tịch"], ["x", " y "]],
        set(),
    ),
    "a line break in a quoted cell": (
        '1,"Cấp\nphép",Xây dựng,\n2,Đăng ký,"Hộ\r\ntịch",\n',
        [["1", "2"], ["Cấp\nphép", "Đăng ký"], ["Xây dựng", "Hộ\r\ntịch"], [None, None]],
        {b"\n", b"\r"},
    ),
    "a cell of a line break only": (
        '1,Cấp phép,"\n",\n2,Đăng ký,Hộ tịch,\n',
        [["1", "2"], ["Cấp phép", "Đăng ký"], [None, "Hộ tịch"], [None, None]],
        {b"\n"},
    ),
}


@pytest.mark.parametrize("one_array_rows", [arrow_parse.ONE_ARRAY_ROWS, 0], ids=["small", "large"])
@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_cells_of_spaces_are_missing_and_the_bytes_held_found(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    case: tuple[str, list[list[str | None]], set[bytes]],
    one_array_rows: int,
) -> None:
    monkeypatch.setattr(arrow_parse, "ONE_ARRAY_ROWS", one_array_rows)
    body, columns, held = case
    path = tmp_path / "list.csv"
    path.write_bytes((HEADER + body).encode())
    plan = csv_plan(path)
    assert plan is not None
    parsed = parse_csv(path, plan)
    assert parsed is not None
    assert [column.to_pylist()[1:] for column in parsed.columns] == columns
    assert parsed.held == held
    assert parsed.used == len(columns)  # the header fills the last column


def test_a_nul_byte_in_a_cell_is_found_in_a_small_table(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_bytes((HEADER + "1,Cấp\0 phép,Xây dựng,\n").encode())
    plan = csv_plan(path)
    assert plan is not None
    parsed = parse_csv(path, plan)
    assert parsed is not None
    assert b"\0" in parsed.held
    assert parsed.columns == ()
