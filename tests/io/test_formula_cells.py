"""Which cells hold formulas, known when the repairs are planned: `fix --diff` promises no
repair that `fix` refuses, and names the cell a formula repeats as the one to repair."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import openpyxl
import pytest

from procaudit.core.changes import CellChange
from procaudit.io.formula_cells import formula_cells, formula_source, held_by_formulas, moved

SHEET = "Danh mục"

# A sheet as Excel saves it: a formula filled down is one shared formula, written out once.
_SHEET_XML = (
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
    '<row r="1"><c r="A1" t="inlineStr"><is><t>Số quyết định</t></is></c>'
    '<c r="O1" t="inlineStr"><is><t>1890/QD-UBND</t></is></c></row>'
    '<row r="2"><c r="A2" t="str"><f t="shared" ref="A2:A4" si="0">$O$1</f>'
    "<v>1890/QD-UBND</v></c>"
    '<c r="B2" t="str"><f t="shared" ref="B2:B4" si="1">O1</f><v>1890/QD-UBND</v></c>'
    '<c r="C2" t="str"><f>TRIM(M2)</f><v>x</v></c></row>'
    '<row r="3"><c r="A3" t="str"><f t="shared" si="0"/><v>1890/QD-UBND</v></c>'
    '<c r="B3" t="str"><f t="shared" si="1"/><v/></c></row>'
    "</sheetData></worksheet>"
)


def _workbook(path: Path) -> Path:
    book = openpyxl.Workbook()
    book.active.title = SHEET
    book.active["A1"] = "placeholder"
    book.save(path)
    with zipfile.ZipFile(path) as archive:
        parts = {info: archive.read(info) for info in archive.infolist()}
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for info, data in parts.items():
            is_sheet = info.filename == "xl/worksheets/sheet1.xml"
            archive.writestr(info, _SHEET_XML.encode() if is_sheet else data)
    path.write_bytes(out.getvalue())
    return path


def test_shared_formulas_are_read_at_each_cell_they_fill(tmp_path: Path) -> None:
    found = formula_cells(_workbook(tmp_path / "f.xlsx"))
    assert found == {
        SHEET: {
            (2, 0): "=$O$1",
            (2, 1): "=O1",
            (2, 2): "=TRIM(M2)",
            (3, 0): "=$O$1",
            (3, 1): "=O2",  # a relative reference moves down with the row
        }
    }


@pytest.mark.parametrize(
    ("formula", "source"),
    [
        ("=$O$1", "O1"),
        ("=O1", "O1"),
        ("=dm!b2", "dm!B2"),
        ("='Danh mục'!$C$4", "'Danh mục'!C4"),
        ("=TRIM(M2)", None),
        ("=O1&O2", None),
        ("=SUM(A1:A3)", None),
        ("=", None),
    ],
)
def test_the_source_is_named_only_for_a_single_reference(formula: str, source: str | None) -> None:
    assert formula_source(formula) == source


def test_a_reference_moves_where_it_is_not_fixed() -> None:
    assert moved("O1", 3, 2) == "Q4"
    assert moved("$O1", 3, 2) == "$O4"
    assert moved("DM!O$1", 3, 2) == "DM!Q$1"
    assert moved("TRIM(M2)", 1, 0) is None


def _change(row: int, column: int) -> CellChange:
    return CellChange("f", SHEET, row, column, None, "1890/QD-UBND", "1890/QĐ-UBND", ("R",), True)


def test_changes_of_formula_cells_are_held_with_the_cell_to_repair(tmp_path: Path) -> None:
    source = _workbook(tmp_path / "f.xlsx")
    typed, repeated, other = _change(1, 14), _change(3, 0), _change(2, 2)
    kept, held = held_by_formulas(source, [typed, repeated, other])
    assert kept == (typed,)
    reasons = dict(held)
    assert "from O1" in reasons[repeated] and "repair O1" in reasons[repeated]
    assert "formula" in reasons[other] and "repair" not in reasons[other]


def test_a_converted_copy_holds_nothing_back(tmp_path: Path) -> None:
    """An xls copy keeps a formula's value, which is repaired."""
    source = tmp_path / "f.xls"
    source.write_bytes(b"")
    changes = [_change(3, 0)]
    assert held_by_formulas(source, changes) == (tuple(changes), ())
