"""Shared helpers: audit rows given in the test through the real pipeline."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pyarrow as pa
import pytest

from procaudit.catalogue.columns import ROW, SHEET
from procaudit.core.findings import Finding
from procaudit.engine.file_findings import audit_file
from procaudit.engine.schema import load_schema
from procaudit.engine.table_hits import audit_table
from procaudit.io.grid import text_grid
from procaudit.io.headers import map_headers
from procaudit.io.read import Table, read_grid
from procaudit.rules import all_rules
from procaudit.rules.context import FileContext, RuleContext
from procaudit.rules.options import RuleOptions

# Where the tests find their files, defined once: the test modules sit one folder down (tests/io/,
# tests/e2e/, ...) and import these rather than counting parents from their own __file__.
TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
GOLDEN = TESTS / "golden"
LAYOUTS = TESTS / "layouts"
SAMPLES = ROOT / "samples"
README = ROOT / "README.md"
REAL_DATA = ROOT.parent / "shared" / "data" / "real"


def write_workbook(
    path: Path,
    sheets: dict[str, list[list[object]]],
    hidden: tuple[str, ...] = (),
    merged: dict[str, list[str]] | None = None,
) -> Path:
    """A workbook of the given sheets (title -> rows), those in `hidden` hidden, and the
    cell ranges of `merged` (title -> ["B2:B5", ...]) merged (their first cell's value kept)."""
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.remove(workbook.active)
    for title, rows in sheets.items():
        sheet = workbook.create_sheet(title)
        for row in rows:
            sheet.append(row)
        for cells in (merged or {}).get(title, []):
            sheet.merge_cells(cells)
        if title in hidden:
            sheet.sheet_state = "hidden"
    workbook.save(path)
    return path


def text_blocks(values: list[str | None], size: int) -> pd.Series:
    """A text column held in blocks of `size` cells, as the CSV reader's columns are."""
    chunks = [
        pa.array(values[start : start + size], type=pa.large_string())
        for start in range(0, len(values), size)
    ]
    return pd.Series(pa.chunked_array(chunks, type=pa.large_string()), dtype="str")


def table_of(rows: list[dict[str, str | None]], sheet: str | None = None) -> Table:
    """A canonical table whose rows are numbered from 2, as under a one-row header."""
    frame = pd.DataFrame(rows).astype("str")
    frame = frame.mask(frame.apply(lambda c: c.str.strip().eq("")))
    frame[ROW] = range(2, len(frame) + 2)
    frame[SHEET] = pd.Series(sheet, index=frame.index, dtype="object")
    return Table(sheet, frame, map_headers(list(rows[0])))


def sheet_table(rows: list[list[str]], name: str = "list.csv") -> Table:
    """The one table the reader finds in a sheet of these rows (header rows included)."""
    (table,) = read_grid(name, text_grid(None, rows)).tables
    return table


def column_read(table: Table, column: str) -> list[tuple[int, str | None]]:
    """(row number, value) of each procedure's cell of a canonical column."""
    frame = table.frame
    return [
        (int(row), None if pd.isna(value) else value)
        for row, value in zip(frame[ROW], frame[column], strict=True)
    ]


def findings_of(rows: list[dict[str, str | None]], sheet: str | None = None) -> list[Finding]:
    return list(audit_table("t.xlsx", table_of(rows, sheet), load_schema(), all_rules()))


def run_rules(
    rows: list[dict[str, str | None]], options: RuleOptions, sheet: str | None = "S"
) -> list[Finding]:
    """Every finding, table and file rules alike, with the run's options."""
    table = table_of(rows, sheet)
    context = RuleContext(table.frame, options)
    rules = all_rules()
    found = list(audit_table("t.xlsx", table, load_schema(), rules, context=context))
    return found + list(audit_file(FileContext("t.xlsx", [(table, context)], options), rules))


def hits_of(rule: str, rows: list[dict[str, str | None]]) -> list[tuple[int | None, str | None]]:
    """(row, column) of every finding of `rule` on `rows`, sorted."""
    return sorted(
        ((f.row, f.column) for f in findings_of(rows, sheet="S") if f.rule == rule),
        key=lambda hit: (hit[0] or 0, hit[1] or ""),
    )


@pytest.fixture
def real_data() -> Path:
    if not REAL_DATA.is_dir():
        pytest.skip("../shared/data/real is not present")
    return REAL_DATA
