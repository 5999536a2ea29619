"""Edits an official makes to a real list without changing what it says leave its findings
the same, at the rows the edit moved them to (../shared/data/real; skipped where absent).

The portal's export of the Ministry of Justice and Phú Thọ's one-stop export are copied
cell by cell into a workbook as they are, then with a title block and blank rows above the
header, an "STT" column before and a "Ghi chú" column after, the columns in reverse order,
the header's cells merged down over two rows, saved as a ';' CSV with a BOM, and (the
one-stop export) split into a sheet per unit. Every row finding (`audit(every_row=True)`)
must come back: the same rule, severity and column on the same procedure.
"""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest
from openpyxl.utils import get_column_letter
from python_calamine import CalamineWorkbook

from procaudit.engine.audit import audit

# A sheet: (title rows, header, data rows), each data row tagged with its place in the list.
Rows = list[tuple[int | None, list[str]]]
Edited = dict[str, Rows]


def _grid(path: Path) -> tuple[list[list[str]], list[str], list[list[str]]]:
    """The first sheet's title rows, header (the first row of 3 filled cells) and data rows,
    as text."""
    sheet = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0)
    rows = [
        [
            ""
            if v is None
            else (str(int(v)) if isinstance(v, float) and v.is_integer() else str(v))
            for v in row
        ]
        for row in sheet.to_python(skip_empty_area=False)
    ]
    width = max(len(row) for row in rows)
    rows = [row + [""] * (width - len(row)) for row in rows]
    at = next(n for n, row in enumerate(rows) if sum(1 for v in row if v.strip()) >= 3)
    return rows[:at], rows[at], rows[at + 1 :]


def _as_is(titles, header, data) -> Edited:
    return {"DS": [*((None, t) for t in titles), (None, header), *enumerate(data)]}


def _title_block(titles, header, data) -> Edited:
    blank = [""] * len(header)
    above = [["ỦY BAN NHÂN DÂN TỈNH", *blank[1:]], ["DANH MỤC THỦ TỤC HÀNH CHÍNH", *blank[1:]]]
    return {"DS": [*((None, t) for t in (*above, blank, blank, *titles)), (None, header),
                   *enumerate(data)]}  # fmt: skip


def _stt_and_notes(titles, header, data) -> Edited:
    rows: Rows = [(None, ["", *t, ""]) for t in titles]
    rows.append((None, ["STT", *header, "Ghi chú"]))
    rows.extend((n, [str(n + 1), *row, ""]) for n, row in enumerate(data))
    return {"DS": rows}


def _reversed(titles, header, data) -> Edited:
    return {
        "DS": [
            *((None, t[::-1]) for t in titles),
            (None, header[::-1]),
            *((n, row[::-1]) for n, row in enumerate(data)),
        ]
    }


def _merged_header(titles, header, data) -> Edited:
    blank = [""] * len(header)
    return {"DS": [*((None, t) for t in titles), (None, header), (None, blank), *enumerate(data)]}


def _sheet_per_unit(titles, header, data) -> Edited:
    """A sheet per unit of the agency column, each with the header."""
    unit = header.index("TEN_CO_QUAN")
    names: dict[str, str] = {}
    sheets: Edited = {}
    for n, row in enumerate(data):
        name = names.setdefault(row[unit], f"Đơn vị {len(names) + 1}")
        sheets.setdefault(name, [(None, header)]).append((n, row))
    return sheets


def _write(edited: Edited, path: Path, merge_header: bool = False) -> dict[tuple, int]:
    """The edited list as a workbook; each (sheet, row) holding a data row -> its place."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    places: dict[tuple, int] = {}
    for name, rows in edited.items():
        sheet = book.create_sheet(name)
        for number, (place, values) in enumerate(rows, start=1):
            for column, value in enumerate(values, start=1):
                if value != "":
                    sheet.cell(number, column, value)
            if place is not None:
                places[(name, number)] = place
        if merge_header:  # the header is the row before the blank one above the data
            top = next(n for n, (place, _) in enumerate(rows, 1) if place is not None) - 2
            for column in range(1, len(rows[top - 1][1]) + 1):
                letter = get_column_letter(column)
                sheet.merge_cells(f"{letter}{top}:{letter}{top + 1}")
    book.save(path)
    return places


def _write_csv(edited: Edited, path: Path) -> dict[tuple, int]:
    """The edited list as a ';' CSV in UTF-8 with a BOM; each (None, line) -> its place."""
    ((_, rows),) = edited.items()
    places: dict[tuple, int] = {}
    line = 1
    with path.open("w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
        for place, values in rows:
            if place is not None:
                places[(None, line)] = place
            writer.writerow(values)
            line += 1 + sum(value.count("\n") for value in values)
    return places


def _findings(path: Path, places: dict[tuple, int]) -> Counter:
    result = audit([str(path)], every_row=True)
    assert not result.failures
    return Counter(
        (f.rule, f.severity, f.column, places.get((f.sheet, f.row), f.row is None and -1))
        for f in result.findings
    )


EDITS: dict[str, tuple[Callable, str]] = {
    "title block and blank rows": (_title_block, "xlsx"),
    "STT and Ghi chú columns": (_stt_and_notes, "xlsx"),
    "columns reversed": (_reversed, "xlsx"),
    "header merged over two rows": (_merged_header, "merged"),
    "';' CSV with a BOM": (_as_is, "csv"),
}
SOURCES = {
    "portal": "national-portal-2026/danh-sach-tthc-BoTuPhap.xlsx",
    "one-stop": "phutho-motcua-2022/PTO.xls",
}


@pytest.mark.slow
@pytest.mark.parametrize("source", SOURCES.values(), ids=SOURCES)
@pytest.mark.parametrize(("edit", "kind"), EDITS.values(), ids=EDITS)
def test_an_edit_that_keeps_the_content_keeps_the_findings(
    real_data: Path, tmp_path: Path, source: str, edit: Callable, kind: str
) -> None:
    titles, header, data = _grid(real_data / source)
    before = _findings(
        tmp_path / "as-is.xlsx", _write(_as_is(titles, header, data), tmp_path / "as-is.xlsx")
    )
    edited = edit(titles, header, data)
    path = tmp_path / ("edited.csv" if kind == "csv" else "edited.xlsx")
    if kind == "csv":
        places = _write_csv(edited, path)
    else:
        places = _write(edited, path, merge_header=kind == "merged")
    assert before and _findings(path, places) == before


@pytest.mark.slow
def test_a_sheet_per_unit_keeps_the_row_findings(real_data: Path, tmp_path: Path) -> None:
    titles, header, data = _grid(real_data / SOURCES["one-stop"])
    before = _findings(
        tmp_path / "as-is.xlsx", _write(_as_is(titles, header, data), tmp_path / "as-is.xlsx")
    )
    path = tmp_path / "per-unit.xlsx"
    after = _findings(path, _write(_sheet_per_unit(titles, header, data), path))
    # PA201-PA204 compare rows within a unit in both: a unit's sheet holds the same rows.
    assert after == before
