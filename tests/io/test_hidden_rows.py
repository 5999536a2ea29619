"""Which rows of a workbook are out of sight (`io.hidden_rows`): hidden by hand, grouped and
collapsed, filtered out; in xlsx, and in the runs the xls and ods readers give."""

from __future__ import annotations

import zipfile
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


# The namespaces of the workbook's parts as Excel writes them "Strict Open XML"
_STRICT = (
    (
        b"schemas.openxmlformats.org/spreadsheetml/2006/main",
        b"purl.oclc.org/ooxml/spreadsheetml/main",
    ),
    (
        b"schemas.openxmlformats.org/officeDocument/2006/relationships",
        b"purl.oclc.org/ooxml/officeDocument/relationships",
    ),
)


@pytest.mark.parametrize("strict", [False, True], ids=["transitional", "strict"])
def test_the_hidden_rows_of_a_workbook_in_either_namespaces(tmp_path: Path, strict: bool) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Danh mục"
    for row in range(1, 6):
        sheet.cell(row, 1, row)
    sheet.row_dimensions[3].hidden = True
    path = tmp_path / "list.xlsx"
    workbook.save(path)
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    with zipfile.ZipFile(path, "w") as archive:
        for name, body in parts.items():
            for old, new in _STRICT if strict else ():
                body = body.replace(old, new)
            archive.writestr(name, body)
    assert hidden_rows(path) == {"Danh mục": [(3, 3)]}


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


def _hidden_in(path: Path, rows: list[list[str]], hidden: int) -> Path:
    """An xls or ods of one sheet 'Danh mục' holding `rows`, row `hidden` (from 1) hidden."""
    if path.suffix == ".xls":
        xlwt = pytest.importorskip("xlwt", reason="xlwt is not installed to write xls")
        book = xlwt.Workbook()
        sheet = book.add_sheet("Danh mục")
        for at, row in enumerate(rows):
            for column, value in enumerate(row):
                sheet.write(at, column, value)
        sheet.row(hidden - 1).hidden = True
        book.save(str(path))
        return path
    pytest.importorskip("odf", reason="odfpy is not installed to write ods")
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    document = OpenDocumentSpreadsheet()
    table = Table(name="Danh mục")
    for at, row in enumerate(rows, start=1):
        line = TableRow(visibility="collapse") if at == hidden else TableRow()
        for value in row:
            cell = TableCell(valuetype="string")
            cell.addElement(P(text=value))
            line.addElement(cell)
        table.addElement(line)
    document.spreadsheet.addElement(table)
    document.save(str(path))
    return path


@pytest.mark.parametrize("suffix", [".xls", ".ods"])
def test_an_xls_or_ods_says_its_hidden_procedure_rows_too(tmp_path: Path, suffix: str) -> None:
    from procaudit.io.read import read_catalogue

    rows = [["Mã TTHC", "Tên thủ tục"]]
    rows += [[f"1.00000{at}", f"Thủ tục số {at} về đăng ký"] for at in range(1, 7)]
    path = _hidden_in(tmp_path / f"list{suffix}", rows, hidden=4)
    notes = [note for note in read_catalogue(str(path)).notes if "hidden" in note]
    assert notes == [
        "sheet 'Danh mục': 1 procedure row is hidden in the workbook (4) and read as any row: a "
        "hidden procedure is still listed; unhide them to see what their findings say"
    ]


def test_reading_the_hidden_rows_does_not_import_openpyxl() -> None:
    # every check imports hidden_rows; openpyxl's import (60 ms and more) is for xls files
    import subprocess
    import sys

    code = (
        "import sys, procaudit.io.hidden_rows\n"
        "assert 'openpyxl' not in sys.modules, 'openpyxl imported'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
