"""Excel 2003's XML workbook (SpreadsheetML), which web systems export as .xls: its sheets,
rows and cells placed by ss:Index, merges, typed values; a document type refused unread."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from procaudit.core.errors import InputError
from procaudit.io.read import read_catalogue
from procaudit.io.spreadsheetml import read_spreadsheetml

NS = 'xmlns="urn:schemas-microsoft-com:office:spreadsheet" ' + (
    'xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"'
)


def _workbook(*sheets: str) -> str:
    worksheets = "".join(sheets)
    head = '<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n'
    return f"{head}<Workbook {NS}>{worksheets}</Workbook>"


def _sheet(name: str, rows: str) -> str:
    return f'<Worksheet ss:Name="{name}"><Table>{rows}</Table></Worksheet>'


def _cell(value: str, kind: str = "String", extra: str = "") -> str:
    return f'<Cell{extra}><Data ss:Type="{kind}">{value}</Data></Cell>'


def _at(attribute: str, value: int) -> str:
    return f' ss:{attribute}="{value}"'


def _rows(path: Path, sheet: int = 0) -> list[list[object]]:
    grid = read_spreadsheetml(path)[sheet]
    return [[None if pd.isna(v) else v for v in row] for row in grid.cells.itertuples(index=False)]


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        pytest.param(
            f"<Row>{_cell('a')}{_cell('b')}</Row><Row>{_cell('c')}{_cell('d')}</Row>",
            [["a", "b"], ["c", "d"]],
            id="rows-and-cells",
        ),
        pytest.param(
            f"<Row>{_cell('a')}{_cell('c', extra=_at('Index', 3))}</Row>"
            f'<Row ss:Index="4">{_cell("d")}</Row>',
            [["a", None, "c"], [None, None, None], [None, None, None], ["d", None, None]],
            id="index-skips-cells-and-rows",
        ),
        pytest.param(
            f"<Row>{_cell('T', extra=_at('MergeAcross', 1))}{_cell('x')}</Row>",
            [["T", None, "x"]],
            id="merge-across-covers-the-next-cells",
        ),
        pytest.param(
            f"<Row>{_cell('U', extra=_at('MergeDown', 1))}{_cell('a')}</Row>"
            f"<Row>{_cell('b')}</Row>",
            [["U", "a"], [None, "b"]],
            id="merge-down-covers-the-cell-below",
        ),
        pytest.param(
            f"<Row>{_cell('1.00398', 'Number')}{_cell('2000648', 'Number')}"
            f"{_cell('2025-08-15T00:00:00.000', 'DateTime')}{_cell('x &amp; y')}</Row>",
            [["1.00398", "2000648", "15/08/2025", "x & y"]],
            id="typed-values-read-as-a-workbooks",
        ),
    ],
)
def test_cells_are_placed_as_excel_places_them(tmp_path: Path, rows: str, expected: list) -> None:
    path = tmp_path / "export.xls"
    path.write_text(_workbook(_sheet("DS", rows)), encoding="utf-8")
    assert _rows(path) == expected


def test_each_worksheet_is_a_sheet_and_merges_down_are_recorded(tmp_path: Path) -> None:
    down = f"<Row>{_cell('h')}</Row><Row>{_cell('U', extra=_at('MergeDown', 2))}</Row>"
    path = tmp_path / "export.xls"
    path.write_text(_workbook(_sheet("A", down), _sheet("B", "<Row/>")), encoding="utf-8")
    first, second = read_spreadsheetml(path)
    assert (first.sheet, second.sheet) == ("A", "B")
    assert first.merged == ((0, 2, 4),)


def test_a_spreadsheetml_export_is_read_as_its_catalogue(tmp_path: Path) -> None:
    header = "".join(_cell(h) for h in ("STT", "Mã TTHC", "Tên thủ tục"))
    body = "".join(
        f"<Row>{_cell(str(n), 'Number')}{_cell(code, 'Number')}{_cell(name)}</Row>"
        for n, code, name in ((1, "1.00398", "Đăng ký khai sinh"), (2, "2000648", "Kết hôn"))
    )
    path = tmp_path / "export.xls"
    path.write_text(_workbook(_sheet("DS", f"<Row>{header}</Row>{body}")), encoding="utf-8")
    catalogue = read_catalogue(str(path))
    assert catalogue.format == "xml"
    (table,) = catalogue.tables
    assert list(table.frame["_row"]) == [2, 3]
    # Codes kept as numbers are read as from an xlsx: the trailing zero given back.
    assert list(table.frame["code"]) == ["1.003980", "2000648"]


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        pytest.param(
            '<?xml version="1.0"?><!DOCTYPE Workbook [<!ENTITY a "aaaa">]>'
            f"<Workbook {NS}></Workbook>",
            "declares a document type",
            id="doctype-refused-unread",
        ),
        pytest.param(
            '<?xml version="1.0"?><note>hello</note>',
            "is an XML file but not an Excel workbook",
            id="other-xml",
        ),
        pytest.param(
            _workbook(_sheet("DS", "<Row><Cell>")),
            r"is damaged XML \(line 3\)",
            id="damaged",
        ),
        pytest.param(_workbook(_sheet("DS", "<Row/>")), "is empty", id="empty"),
    ],
)
def test_what_is_not_read(tmp_path: Path, content: str, problem: str) -> None:
    path = tmp_path / "export.xls"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=problem):
        read_catalogue(str(path))
