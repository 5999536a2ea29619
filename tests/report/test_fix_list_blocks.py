"""The fix-list's offending-rows sheet over many tables: a block under each table's own header,
a blank row between, each block as wide as its table, and every comment and fill on the cell
of the findings it gathers, whichever order narrow and wide tables come in (the blocks are
written together, in one set of kernels)."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import openpyxl
import pytest
from openpyxl.utils import column_index_from_string
from openpyxl.worksheet.worksheet import Worksheet

from procaudit.core.findings import AuditResult
from procaudit.engine.audit import audit
from procaudit.report.fixlist import ROWS_SHEET, write_fix_list
from procaudit.report.fixlist_rows import ROWS_LEAD

NARROW = (
    "STT,Mã TTHC,Tên thủ tục\n"
    "1,ABC,Cấp phép xây dựng\n"
    "2,1.000002,Đăng ký kết hôn\n"
    "3,1.000003,Cấp phép xây dựng\n"
)
WIDE = (
    "STT,Mã TTHC,Tên thủ tục,Cấp thực hiện,Cơ quan thực hiện\n"
    "1,1.000004,Cấp phép khai thác,Cấp huyện,UBND huyện A\n"
    "2,XYZ,Đăng ký hộ kinh doanh,Cấp xã,UBND xã B\n"
    "3,1.000006, ,Cấp tỉnh,Sở Tư pháp\n"
)
ORDERS = {
    "narrow then wide": [("a.csv", NARROW), ("b.csv", WIDE)],
    "wide then narrow": [("a.csv", WIDE), ("b.csv", NARROW)],
    "wide, narrow, wide": [("a.csv", WIDE), ("b.csv", NARROW), ("c.csv", WIDE)],
}


@pytest.fixture(params=ORDERS.values(), ids=ORDERS.keys())
def result(request: pytest.FixtureRequest, tmp_path: Path) -> AuditResult:
    paths = []
    for name, text in request.param:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    found = audit(paths)
    assert not found.failures
    return found


def _blocks(sheet: Worksheet) -> list[tuple[int, list[str]]]:
    """(the row of its header, the header) of each block: the first row, then each row after
    a blank one."""
    rows = list(sheet.iter_rows(values_only=True))
    starts = [0] + [at + 1 for at, row in enumerate(rows) if all(v is None for v in row)]
    return [(at + 1, [v for v in rows[at] if v is not None]) for at in starts]


@pytest.fixture
def sheet(result: AuditResult, tmp_path: Path) -> Worksheet:
    """The fix-list's offending-rows sheet, written and read back."""
    out = tmp_path / "fix.xlsx"
    write_fix_list(result, out)
    rows: Worksheet = openpyxl.load_workbook(out)[ROWS_SHEET]
    return rows


def test_each_tables_block_has_its_own_header_and_width(
    result: AuditResult, sheet: Worksheet
) -> None:
    flagged_files = list(dict.fromkeys(f.file for f in result.findings if f.row is not None))
    blocks = _blocks(sheet)
    assert len(blocks) == len(flagged_files)
    ends = [header_row - 2 for header_row, _ in blocks[1:]] + [sheet.max_row]
    for (header_row, header), end, file in zip(blocks, ends, flagged_files, strict=True):
        width = len(header)
        source = Path(file).read_text(encoding="utf-8").splitlines()[0].split(",")
        assert header == [*ROWS_LEAD, *source[1:]]  # STT is not copied
        rows = list(sheet.iter_rows(min_row=header_row + 1, max_row=end, values_only=True))
        flagged = sorted({f.row for f in result.findings if f.file == file and f.row})
        assert [row[2] for row in rows] == flagged
        for row in rows:
            assert row[0] == file and row[1] is None
            assert all(value is None for value in row[width:])  # no cell past its table


def test_every_comment_and_fill_is_on_the_cell_of_its_findings(
    result: AuditResult, sheet: Worksheet
) -> None:
    # (file, row, header) -> the rules of the findings there, from the findings themselves.
    expected: dict[tuple[str, int, str], set[str]] = defaultdict(set)
    for finding in result.findings:
        if finding.row is None:
            continue
        # A finding on no column of its table is noted on the row number.
        header = finding.header if finding.column else ROWS_LEAD[2]
        assert header is not None
        expected[finding.file, finding.row, header].add(finding.rule)
    found: dict[tuple[str, int, str], set[str]] = {}
    headers: dict[int, str] = {}
    for row in sheet.iter_rows():
        if row[0].value in ROWS_LEAD:  # a block's header: the headers its cells are under
            headers = {cell.column: cell.value for cell in row if cell.value is not None}
            continue
        for cell in row:
            if cell.comment is None:
                assert cell.fill.fgColor.rgb in (None, "00000000"), cell.coordinate
                continue
            assert cell.fill.fgColor.rgb.endswith("FFC7CE"), cell.coordinate
            rules = {line.split(":")[0] for line in cell.comment.text.splitlines()}
            key = (
                row[0].value,
                row[2].value,
                headers[column_index_from_string(cell.column_letter)],
            )
            found[key] = rules
    assert found == dict(expected)


def test_a_table_of_no_rows_beside_the_flagged_one(tmp_path: Path) -> None:
    # The header repeated below the list reads as a second table of no rows: the fix-list
    # located the findings in it too, and indexed an empty frame (an internal error).
    header = ["Tên thủ tục", "Mã TTHC", "Quyết định công bố", None]
    book = openpyxl.Workbook()
    sheet = book.active
    for row in (header, [None, None, "Số", "Ngày"], ["Đăng ký kết hôn", "1.000002", "1", "X"]):
        sheet.append(row)
    sheet.append(header)
    path = tmp_path / "list.xlsx"
    book.save(path)
    result = audit([str(path)])
    assert any(f.row == 3 for f in result.findings)
    out = tmp_path / "fix.xlsx"
    write_fix_list(result, out)
    rows = openpyxl.load_workbook(out)[ROWS_SHEET]
    assert 3 in [row[2] for row in rows.iter_rows(values_only=True)]
