"""Which rows of a workbook are out of sight (`io.hidden_rows`): hidden by hand, grouped and
collapsed, filtered out; in xlsx, and in the runs the xls and ods readers give."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import openpyxl
import pytest

from procaudit.io.hidden_rows import hidden_rows, in_runs


def test_the_hidden_rows_of_each_sheet(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    first = workbook.active
    first.title = "Cấp xã"
    for row in range(1, 12):
        first.cell(row, 1, row)
    for row in (3, 4, 5, 9):
        first.row_dimensions[row].hidden = True
    first.row_dimensions[7].outlineLevel = 1  # grouped, not collapsed: shown
    shown = workbook.create_sheet("Cấp tỉnh")
    shown["A1"] = "x"
    shown.column_dimensions["B"].hidden = True  # a hidden column is no hidden row
    path = tmp_path / "list.xlsx"
    workbook.save(path)
    assert hidden_rows(path) == {"Cấp xã": [(3, 5), (9, 9)]}


@pytest.mark.parametrize("name", ["list.csv", "broken.xlsx", "missing.xls"])
def test_other_files_have_none(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    if name != "missing.xls":
        path.write_text("Mã TTHC,Tên thủ tục\\n", encoding="utf-8")
    assert hidden_rows(path) == {}


@pytest.mark.parametrize(
    ("runs", "numbers", "inside"),
    [
        ([(3, 5), (9, 9)], [1, 3, 5, 6, 9, 10], [False, True, True, False, True, False]),
        ([(2, 1_048_576)], [1, 2, 500_000], [False, True, True]),  # the empty rest hidden
        ([], [1, 2], [False, False]),
    ],
)
def test_in_runs(runs: list[tuple[int, int]], numbers: list[int], inside: list[bool]) -> None:
    assert in_runs(runs, np.array(numbers, np.int64)).tolist() == inside


@pytest.mark.parametrize(
    ("hidden", "said"),
    [
        ((3,), "sheet 'Danh mục': 1 procedure row is hidden in the workbook (3)"),
        ((2, 4, 5), "3 procedure rows are hidden in the workbook (2, 4, 5)"),
        ((2, 3, 4, 5, 6, 7), "6 procedure rows are hidden in the workbook (2, 3, 4, 5, 6, …)"),
        ((9,), None),  # below the list: no procedure of it is out of sight
        ((), None),
    ],
)
def test_a_note_names_the_hidden_procedure_rows(
    tmp_path: Path, hidden: tuple[int, ...], said: str | None
) -> None:
    from procaudit.io.read import read_catalogue

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Danh mục"
    sheet.append(["Mã TTHC", "Tên thủ tục"])
    for at in range(1, 7):
        sheet.append([f"1.00000{at}", f"Thủ tục số {at} về đăng ký"])
    sheet.append([])
    sheet.append(["Người lập biểu"])
    for row in hidden:
        sheet.row_dimensions[row].hidden = True
    path = tmp_path / "list.xlsx"
    workbook.save(path)
    notes = [note for note in read_catalogue(str(path)).notes if "hidden" in note]
    assert len(notes) == (0 if said is None else 1)
    if said is not None:
        assert said in notes[0]
