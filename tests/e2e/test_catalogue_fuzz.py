"""Catalogue-shaped random input through `check`, `check --fix-list` and `fix`: never an
internal error, never a change to the input.

Uniformly random text (`test_properties`) seldom reaches the reader's layouts or the rules'
parsers. Here a workbook or CSV is built the way catalogues are: title lines, a header of
canonical columns named by their aliases (spelled as offices spell them: capitals, no tones,
line breaks, numbering), a row of column numbers, section headings, footers, and cells drawn
from the values each column holds in the wild, some of them mangled. Bounded for CI; set
`PROCAUDIT_FUZZ_EXAMPLES` to search longer by hand.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import tempfile
import unicodedata
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from typer.testing import CliRunner

from procaudit.catalogue.columns import ALIASES
from procaudit.cli import app

EXAMPLES = int(os.environ.get("PROCAUDIT_FUZZ_EXAMPLES", "30"))
BOUNDED = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))

# What each canonical column holds in the catalogues DOMAIN.md describes, good and bad.
VALUES: dict[str, list[object]] = {
    "code": [
        "1.001234",
        "2.002145.000.00.00.H12",
        "1.00415",
        1.00415,
        1.013807,
        "BTP-123",
        "x",
        "1.001234 ",
        "1,001234",
        "3.000123.000.00.00.H56",
        "TTHC-01",
        "2.0021",
    ],
    "name": [
        "Thủ tục đăng ký khai sinh",
        "Đăng ký khai sinh",
        "Cấp lại Giấy phép lái xe",
        "Cấp lại giấy phép lái xe (cấp tỉnh)",
        "Đăng ky khai sinh",
        "THỦ TỤC CẤP PHÉP XÂY DỰNG",
        "Đăng ký kết hôn có yếu tố nước ngoài",
        "Cấp giấy chứng nhận quyền sử dụng đất",
        "Thủ tục giải quyết khiếu nại lần đầu",
        "Chứng thực bản sao từ bản chính",
        "Đăng ký khai sinh\n(cấp xã)",
        "Cấp phép hoạt động - Cấp tỉnh",
        "1",
        "-",
    ],
    "level": ["Cấp tỉnh", "Cấp huyện", "Cấp xã", "Tỉnh", "Huyện, xã", "X", "Trung ương", "TW"],
    "field": ["Hộ tịch", "Tư pháp", "LĨNH VỰC ĐẤT ĐAI", "Giao thông vận tải", "Xây dựng"],
    "agency": [
        "Sở Tư pháp",
        "UBND cấp huyện",
        "Sở Nông nghiệp và PTNT",
        "Ủy ban nhân dân cấp xã",
        "Phòng Tư pháp huyện",
        "Sở Nông nghiệp và Môi trường",
        "Sở Kế hoạch và Đầu tư",
        "Bộ phận một cửa",
        "STP",
    ],
    "processing_time": ["15 ngày làm việc", "Không quy định", 3, "03 ngày", "Ngay trong ngày"],
    "fee": ["Không", "50.000 đồng", "Miễn phí", 50000, "Không quy định", "Theo quy định"],
    "forms": ["Mẫu số 01", "Không", "Tờ khai (Mẫu TK1)", "Có", "x", "Đơn đề nghị"],
    "legal_basis": ["Luật Hộ tịch 2014", "Nghị định 123/2015/NĐ-CP", "Thông tư 04/2020/TT-BTP"],
    "online_level": [
        "Toàn trình",
        "Một phần",
        "Mức độ 3",
        "Mức 4",
        "DVCTT toàn trình",
        "X",
        4,
        "Toàn trình, Một phần",
    ],
    "decision_no": [
        "123/QĐ-UBND",
        "Quyết định số 1085/QĐ-TTg ngày 01/7/2025",
        "X",
        "45/QD-UBND",
        "125/QĐ-UBND ngày 20/9/2025 của UBND huyện Lâm Thao",
        "QĐ 12",
        2025,
    ],
    "decision_date": [
        date(2025, 7, 1),
        datetime(2024, 1, 15),
        "01/07/2025",
        "32/13/2025",
        45678,
        "2025",
        date(2031, 1, 1),
        "ngày 5 tháng 3 năm 2025",
    ],
    "status": ["Còn hiệu lực", "Bãi bỏ", "Sửa đổi", "Hết hiệu lực", "Công bố mới", "x"],
}
BLANKS: list[object] = [None, "", " ", "\u00a0"]

# Lines that are no procedure: above the header, between blocks, below the list.
TITLES = [
    "DANH MỤC THỦ TỤC HÀNH CHÍNH THUỘC THẨM QUYỀN GIẢI QUYẾT CỦA UBND TỈNH",
    "(Ban hành kèm theo Quyết định số 123/QĐ-UBND ngày 01/7/2025)",
    "DANH MỤC DỊCH VỤ CÔNG TRỰC TUYẾN TOÀN TRÌNH",
    "Phụ lục I",
]
SECTIONS = [
    "I. LĨNH VỰC TƯ PHÁP",
    "A. THỦ TỤC HÀNH CHÍNH CẤP TỈNH",
    "PHẦN II. THỦ TỤC BỊ BÃI BỎ",
    "B",
    "UBND xã Tân Lập",
    "Cấp xã",
    "II",
    "Lĩnh vực Hộ tịch (05 thủ tục)",
]
# Headings over sub-columns that hold marks or parts: (heading, sub-headings, their cells).
GROUPS: list[tuple[str, list[str], list[object]]] = [
    ("Mức độ DVC trực tuyến", ["Toàn trình", "Một phần"], ["X", "x", None, "", 1]),
    ("Cấp thực hiện", ["Tỉnh", "Huyện", "Xã"], ["X", None, "x"]),
    ("Quyết định công bố", ["Số", "Ngày"], ["123/QĐ-UBND", date(2025, 7, 1), "01/7/2025", None]),
    ("Quyết định công bố của", ["Bộ, ngành", "UBND tỉnh"], ["12/QĐ-BTP", "X", None]),
]
FOOTERS = ["Tổng cộng: 12 thủ tục", "Người lập biểu", "Ghi chú: (1) ...", "KT. CHỦ TỊCH"]


def _spelled(draw: st.DrawFn, header: str) -> str:
    """A header as an office may write it."""
    how = draw(st.sampled_from(["as is", "upper", "no tones", "broken", "numbered", "noted"]))
    if how == "upper":
        return header.upper()
    if how == "no tones":
        folded = unicodedata.normalize("NFD", header.replace("đ", "d").replace("Đ", "D"))
        return "".join(ch for ch in folded if not unicodedata.combining(ch))
    if how == "broken" and " " in header:
        return header.replace(" ", "\n", 1)
    if how == "numbered":
        return f"{header} (1)"
    if how == "noted":
        return f"{header}²"
    return header


@st.composite
def catalogues(draw: st.DrawFn) -> list[list[object]]:
    """A grid of cells: titles, a header, perhaps a numbers row, then rows of a list."""
    columns = draw(st.lists(st.sampled_from(sorted(VALUES)), min_size=1, max_size=9, unique=True))
    if draw(st.booleans()):
        columns = ["name", *[c for c in columns if c != "name"]]
    header: list[object] = [_spelled(draw, draw(st.sampled_from(ALIASES[c]))) for c in columns]
    numbered = draw(st.booleans())
    if numbered:
        header = ["STT", *header]
    # Rows shifted a cell left under a numbered header (a cell deleted, "shift cells left").
    shifted = numbered and draw(st.integers(0, 4)) == 0
    group = draw(st.none() | st.sampled_from(GROUPS))
    above: list[object] = [None] * len(header)
    if group is not None:
        heading, subs, _ = group
        above = [*header, heading, *[None] * (len(subs) - 1)]
        header = [None] * len(header) + list(subs)
    width = len(header)
    grid: list[list[object]] = [[t] for t in draw(st.lists(st.sampled_from(TITLES), max_size=3))]
    if group is not None:
        grid.append(above)
    grid.append(header)
    if draw(st.booleans()):
        grid.append([f"({i + 1})" for i in range(width)])
    number = 0
    for _ in range(draw(st.integers(min_value=0, max_value=30))):
        kind = draw(st.sampled_from(["row"] * 6 + ["section", "blank", "again", "footer"]))
        if kind == "section":
            grid.append([draw(st.sampled_from(SECTIONS))])
        elif kind == "blank":
            grid.append([])
        elif kind == "footer":
            grid.append([draw(st.sampled_from(FOOTERS))])
        elif kind == "again" and number:
            grid.append(list(draw(st.sampled_from([r for r in grid if len(r) == width]))))
        else:
            number += 1
            cells: list[object] = []
            if numbered and not shifted:
                cells.append(draw(st.sampled_from([number, str(number), f"{number}.", None])))
            for column in columns:
                pool = VALUES[column] + BLANKS
                cells.append(draw(st.sampled_from(pool)))
            if group is not None:
                cells += [draw(st.sampled_from(group[2])) for _ in group[1]]
            grid.append(cells)
    return grid


def _csv_bytes(grid: list[list[object]], separator: str, encoding: str) -> bytes:
    text = io.StringIO()
    if separator == ";":
        text.write("sep=;\r\n")  # as Excel writes it for a semicolon list
    writer = csv.writer(text, delimiter=separator, lineterminator="\r\n")
    for row in grid:
        writer.writerow(["" if cell is None else cell for cell in row])
    return text.getvalue().encode(encoding, errors="replace")


def _workbook_bytes(grid: list[list[object]], merge: bool, split: int) -> bytes:
    """The grid in a workbook; with `merge`, each line of one cell across the width, and a
    cell left blank under a filled one merged into it (a name over its level rows); from row
    `split` on (if any), in a second sheet under the same header."""
    workbook = Workbook()
    sheet = workbook.active
    width = max(len(row) for row in grid)
    header_at = next(i for i, row in enumerate(grid) if len(row) == width)
    for number, row in enumerate(grid):
        if split and number == split and number > header_at + 1:
            sheet = workbook.create_sheet("Trang 2")
            sheet.append(grid[header_at])
        sheet.append(row)
        if not merge:
            continue
        if len(row) == 1 and width > 1:
            sheet.merge_cells(
                start_row=sheet.max_row, start_column=1, end_row=sheet.max_row, end_column=width
            )
        elif sheet.max_row > 1 and len(row) == width:
            for column, cell in enumerate(row, start=1):
                above = sheet.cell(sheet.max_row - 1, column)
                if cell in (None, "") and above.value not in (None, "") and column > 1:
                    sheet.merge_cells(
                        start_row=sheet.max_row - 1,
                        start_column=column,
                        end_row=sheet.max_row,
                        end_column=column,
                    )
                    break
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _no_internal_error(args: list[str], keys: set[str] | None = None) -> None:
    result = CliRunner().invoke(app, args)
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        f"{args[0]}: {type(result.exception).__name__}: {result.exception}"
    )
    assert result.exit_code in (0, 1, 2), (args, result.exit_code, result.stderr)
    assert "Traceback" not in result.stderr
    assert "internal error" not in result.stderr.lower(), result.stderr
    if result.exit_code == 2:
        assert result.stderr.strip().splitlines()[0].startswith("procaudit: error: ")
    elif keys is not None:
        assert set(json.loads(result.stdout)) >= keys


REPORT = {"files", "summary", "findings"}
REPAIRS = {"files", "summary", "changes"}


def _every_command(path: Path, out: Path) -> None:
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    fix_list = out / ("fixes.xlsx" if path.suffix == ".xlsx" else "fixes.csv")
    _no_internal_error(["check", str(path), "-f", "json", "--fix-list", str(fix_list)], REPORT)
    _no_internal_error(
        ["fix", str(path), "--unsafe-fixes", "-o", str(out / f"fixed{path.suffix}"), "-f", "json"],
        REPAIRS,
    )
    _no_internal_error(["check", str(path), "--lang", "vi"])  # the rich report, in Vietnamese
    _no_internal_error(["inspect", str(path)])
    fixed = out / f"fixed{path.suffix}"
    if fixed.exists():
        _no_internal_error(["diff", str(path), str(fixed), "-f", "json"])
        # The copy needs no repair a second fix would make: fix is idempotent.
        again = CliRunner().invoke(
            app, ["fix", str(fixed), "--unsafe-fixes", "--diff", "-f", "json"]
        )
        assert json.loads(again.stdout)["changes"] == [], again.stdout
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


@pytest.mark.slow
@BOUNDED
@given(catalogues(), st.booleans(), st.integers(min_value=0, max_value=20))
def test_catalogue_shaped_workbooks(grid: list[list[object]], merge: bool, split: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "list.xlsx"
        path.write_bytes(_workbook_bytes(grid, merge, split))
        _every_command(path, Path(folder))


@pytest.mark.slow
@BOUNDED
@given(
    catalogues(),
    st.sampled_from([",", ";", "\t"]),
    st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1258"]),
)
def test_catalogue_shaped_csv(grid: list[list[object]], separator: str, encoding: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "list.csv"
        path.write_bytes(_csv_bytes(grid, separator, encoding))
        _every_command(path, Path(folder))
