"""procaudit.io.formula_texts: the formula cells of a sheet's XML saved without a value, and
the cells showing an error, found without parsing the other cells; a sheet's rows read in
pieces that never cut a cell."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from procaudit.io import formula_texts
from procaudit.io.formula_texts import sheet_formulas

_WORKBOOK = (
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="DM" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
_RELS = (
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'
)
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def _sheet(cells: str, prefix: str = "", after: str = "") -> str:
    """A sheet's XML holding `cells` in its rows (the prefix written before each element)."""
    p = f"{prefix}:" if prefix else ""
    space = f'xmlns:{prefix}="{_MAIN}"' if prefix else f'xmlns="{_MAIN}"'
    cells = cells.replace("<c ", f"<{p}c ").replace("<c>", f"<{p}c>").replace("</c>", f"</{p}c>")
    for tag in ("f", "v"):
        cells = cells.replace(f"<{tag}", f"<{p}{tag}").replace(f"</{tag}>", f"</{p}{tag}>")
    return (
        f'<{p}worksheet {space}><{p}sheetData><{p}row r="2">{cells}</{p}row></{p}sheetData>'
        f"{after}</{p}worksheet>"
    )


def _found(tmp_path: Path, sheet: str) -> tuple[dict, list[str], list[str], dict]:
    path = tmp_path / "f.xlsx"
    with zipfile.ZipFile(path, "w") as book:
        book.writestr("xl/workbook.xml", _WORKBOOK)
        book.writestr("xl/_rels/workbook.xml.rels", _RELS)
        book.writestr("xl/worksheets/sheet1.xml", sheet)
    found = sheet_formulas(path, frozenset({"xl/worksheets/sheet1.xml"}))["DM"]
    return found.texts, found.no_value, found.errors, found.unread


CELLS = {
    # (cells, texts, no value, errors)
    "saved with its value": ('<c r="A2"><f>ROW()-1</f><v>1</v></c>', {}, [], []),
    "no value saved": ('<c r="C2"><f>B2</f></c>', {}, ["C2"], []),
    "an empty value saved": ('<c r="C2"><f>B2</f><v/></c>', {}, ["C2"], []),
    "a text formula's empty result": ('<c r="C2" t="str"><f>IF(B2="","","x")</f><v></v></c>',
                                      {}, [], []),
    "an empty value of a number formula": ('<c r="C2"><f>B2</f><v></v></c>', {}, ["C2"], []),
    "a shared formula's follower": ('<c r="C2"><f t="shared" si="0"/></c>', {}, ["C2"], []),
    "a literal, entities resolved": ('<c r="C2"><f>"Sở Tư pháp &amp; Nội vụ"</f></c>',
                                     {(2, 2): "Sở Tư pháp & Nội vụ"}, [], []),
    "an error a formula shows": ('<c r="C2" t="e"><f>VLOOKUP(A2,X!A:B,2,0)</f><v>#N/A</v></c>',
                                 {}, [], ["C2 #N/A"]),
    "an error pasted as a value": ('<c r="C2" t="e"><v>#REF!</v></c>', {}, [], ["C2 #REF!"]),
    "a self-closing styled cell": ('<c r="C2" s="3"/><c r="D2"><f>C2</f></c>', {}, ["D2"], []),
    "a cell without attributes": ('<c r="C2"><v>1</v></c><c><f>C2</f></c>', {}, ["?"], []),
}  # fmt: skip


@pytest.mark.parametrize("prefix", ["", "x"], ids=["plain", "prefixed"])
@pytest.mark.parametrize(("cells", "texts", "no_value", "errors"), CELLS.values(), ids=CELLS)
def test_cells_of_note(
    tmp_path: Path,
    prefix: str,
    cells: str,
    texts: dict,
    no_value: list[str],
    errors: list[str],
) -> None:
    found = _found(tmp_path, _sheet(cells, prefix))
    assert found[:3] == (texts, no_value, errors)


def test_filters_and_validations_after_the_cells_are_no_formulas(tmp_path: Path) -> None:
    after = (
        '<autoFilter ref="A1:C9"><filterColumn colId="1"><filters><filter val="x"/></filters>'
        '</filterColumn></autoFilter><dataValidations count="1"><dataValidation sqref="C2">'
        "<formula1>$X$1:$X$9</formula1></dataValidation></dataValidations>"
    )
    found = _found(tmp_path, _sheet('<c r="C2"><f>B2</f><v>x</v></c>', after=after))
    assert found == ({}, [], [], {})


def test_a_sheet_read_in_pieces_loses_no_cell(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(formula_texts, "_CHUNK", 7)  # cuts every row, cell and tag
    rows = "".join(f'<row r="{n}"><c r="C{n}"><f>B{n}</f></c></row>' for n in range(2, 40))
    sheet = f'<worksheet xmlns="{_MAIN}"><sheetData>{rows}</sheetData></worksheet>'
    pieces = list(formula_texts._pieces(io.BytesIO(sheet.encode())))
    assert b"".join(pieces) == sheet.encode()
    assert all(piece.endswith(b"</row>") for piece in pieces[:-1])
    assert _found(tmp_path, sheet)[1] == [f"C{n}" for n in range(2, 40)]
