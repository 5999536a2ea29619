"""Write catalogue files laid out the way provinces, ministries and the portal publish them.

    python tests/layouts/make_layouts.py OUTDIR

The files are generated, never committed: `tests/io/test_layouts.py` writes them into a temporary
folder once per session (`make_all`) and asserts exactly how each one is read. Every layout
follows ../shared/DOMAIN.md:

- province-annex.xlsx (.xls, .ods, and Excel's CSV export in Windows-1258): a decision's
  annex with its title block, two-row header, column numbers, sections, total and signatures;
- annex-parts.xlsx: parts of an annex pasted one under another, the header repeated;
- several-sheets.xlsx (.xls, .ods): a cover, two catalogue sheets and an empty sheet;
- CSV exports from Vietnamese Windows in their encodings and delimiters, and a portal export
  with title lines and headers without diacritics.

xls and ods are written only where their writers (xlwt, odfpy) are installed.
"""

from __future__ import annotations

import csv
import datetime as dt
import importlib.util
import io
import sys
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import openpyxl
from openpyxl.utils import range_boundaries


@dataclass(frozen=True)
class Sheet:
    """One sheet as the user sees it: `rows[i]` is Excel row i + 1, None is an empty cell."""

    name: str
    rows: list[list[object]]
    merges: tuple[str, ...] = ()  # Excel ranges, "A1:K1"; the value sits in the first cell


# --- the province annex: a decision's appendix, as provinces publish it --------------------

_ANNEX_WIDTH = 11  # A STT .. K Ghi chú


def _annex_row(*cells: object) -> list[object]:
    return [*cells, *([None] * (_ANNEX_WIDTH - len(cells)))]


def _across(row: int) -> str:
    return f"A{row}:K{row}"


def province_annex() -> Sheet:
    """The annex of Lào Cai's decision 1890/QĐ-UBND: no level or field column, so every
    procedure takes its level, field and status from the sections above it.

    Planted: rows 15 and 16 are one procedure twice (PA201); row 20, new, has no code yet
    (no PA102: a new one may have none); rows 24 and 25 sit under section C, the district
    level that no longer exists (PA501).
    """
    decision = "1890/QĐ-UBND"
    rows = [
        # 1-5: the title block
        _annex_row(
            "ỦY BAN NHÂN DÂN\nTỈNH LÀO CAI",
            None,
            None,
            None,
            None,
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc",
        ),
        _annex_row(),
        _annex_row(
            "DANH MỤC THỦ TỤC HÀNH CHÍNH ĐƯỢC CÔNG BỐ THUỘC PHẠM VI CHỨC NĂNG QUẢN LÝ "
            "CỦA SỞ TƯ PHÁP, SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG TỈNH LÀO CAI"
        ),
        _annex_row(
            "(Kèm theo Quyết định số 1890/QĐ-UBND ngày 15/8/2025 của Chủ tịch UBND tỉnh Lào Cai)"
        ),
        _annex_row(),
        # 6-7: the header, split over two rows; 8: the column numbers
        _annex_row(
            "STT",
            "Mã TTHC",
            "Tên thủ tục hành chính",
            "Thời hạn giải quyết",
            "Cách thức thực hiện",
            None,
            "Cơ quan thực hiện",
            "Phí, lệ phí",
            "Quyết định công bố",
            None,
            "Ghi chú",
        ),
        _annex_row(
            None, None, None, None, "Trực tiếp", "Trực tuyến", None, None, "Số", "Ngày", None
        ),
        _annex_row(*(f"({n})" for n in range(1, _ANNEX_WIDTH + 1))),
        # 9-20: part I, new procedures
        _annex_row("PHẦN I. DANH MỤC THỦ TỤC HÀNH CHÍNH BAN HÀNH MỚI"),
        _annex_row("A. THỦ TỤC HÀNH CHÍNH CẤP TỈNH"),
        _annex_row("I", "Lĩnh vực Đất đai"),
        _annex_row(
            1,
            "1.000178",
            "Đăng ký đất đai, tài sản gắn liền với đất lần đầu",
            "30 ngày làm việc",
            "x",
            "x",
            "Văn phòng Đăng ký đất đai\nChi nhánh Văn phòng Đăng ký đất đai",
            "Theo quy định của HĐND tỉnh",
            decision,
            "15/8/2025",
        ),
        _annex_row(
            2,
            "1.012753.H19",
            "Đăng ký biến động quyền sử dụng đất,\nquyền sở hữu tài sản gắn liền với đất",
            15,
            "x",
            "x",
            "Văn phòng Đăng ký đất đai",
            "Không",
            decision,
            dt.datetime(2025, 8, 15),
        ),
        _annex_row("II. Lĩnh vực Hộ tịch"),
        _annex_row(
            1,
            "2.000528",
            "Đăng ký khai tử có yếu tố nước ngoài",
            "15 ngày",
            "x",
            "x",
            "Sở Tư pháp",
            "Lệ phí: 50.000 Đồng",
            decision,
            "15/8/2025",
        ),
        _annex_row(
            2,
            "2.000528",
            "ĐĂNG KÝ KHAI TỬ CÓ YẾU TỐ NƯỚC NGOÀI.",
            "15 ngày",
            "x",
            None,
            "Sở Tư pháp",
            "Lệ phí: 50.000 Đồng",
            decision,
            "15/8/2025",
        ),
        _annex_row("B", "THỦ TỤC HÀNH CHÍNH CẤP XÃ"),
        _annex_row(None, None, "Lĩnh vực Hộ tịch"),
        _annex_row(
            "1",
            "1.001193",
            "Đăng ký khai sinh",
            "Ngay trong ngày tiếp nhận hồ sơ",
            "x",
            "x",
            "UBND cấp xã",
            "Miễn lệ phí",
            decision,
            "15/8/2025",
        ),
        _annex_row(
            "2",
            None,
            "Đăng ký kết hôn\n(thực hiện tại cấp xã)",
            "15",
            "x",
            "x",
            "UBND cấp xã",
            "Không",
            decision,
            "15/8/2025",
            "Thủ tục mới",
        ),
        # 21-25: part II, amended procedures, still at the district level
        _annex_row("PHẦN II. DANH MỤC THỦ TỤC HÀNH CHÍNH SỬA ĐỔI, BỔ SUNG"),
        _annex_row("C. THỦ TỤC HÀNH CHÍNH CẤP HUYỆN"),
        _annex_row("I", "Lĩnh vực Chứng thực"),
        _annex_row(
            1,
            "2.000815",
            "Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan "
            "có thẩm quyền của Việt Nam cấp",
            "Trong ngày",
            "x",
            None,
            "Phòng Tư pháp huyện",
            "2.000 đồng/trang",
            decision,
            "15/8/2025",
        ),
        _annex_row(
            2,
            "2.000884",
            "Chứng thực chữ ký người dịch mà người dịch là cộng tác viên "
            "dịch thuật của Phòng Tư pháp",
            "Trong ngày",
            "x",
            None,
            "Phòng Tư pháp huyện",
            "10.000 đồng/trường hợp",
            decision,
            "15/8/2025",
        ),
        # 26-36: the total, notes and signature block
        _annex_row(),
        _annex_row("Tổng cộng: 8 thủ tục hành chính"),
        _annex_row(),
        _annex_row(
            "Ghi chú: Thủ tục hành chính tại Phần II được sửa đổi, bổ sung về thời hạn giải quyết."
        ),
        _annex_row(),
        _annex_row("Nơi nhận:", *([None] * 6), "KT. CHỦ TỊCH"),
        _annex_row("- Như Điều 3;", *([None] * 6), "PHÓ CHỦ TỊCH"),
        _annex_row("- Lưu: VT, KSTT."),
        _annex_row(),
        _annex_row(),
        _annex_row(*([None] * 7), "Nguyễn Văn An"),
    ]
    merges = (
        "A1:C1",
        "F1:K1",
        _across(3),
        _across(4),
        "A6:A7",
        "B6:B7",
        "C6:C7",
        "D6:D7",
        "E6:F6",
        "G6:G7",
        "H6:H7",
        "I6:J6",
        "K6:K7",
        _across(9),
        _across(10),
        "B11:K11",
        _across(14),
        "B17:K17",
        _across(21),
        _across(22),
        "B23:K23",
        _across(27),
        _across(29),
        "H31:K31",
        "H32:K32",
        "H36:K36",
    )
    return Sheet("Phụ lục", rows, merges)


def annex_parts() -> Sheet:
    """An annex whose parts (amended, then abolished procedures) are tables pasted one under
    the other: the two-row header and its column numbers come again over part II.

    Planted: row 10 has no code (PA102).
    """
    header = [
        "STT",
        "Mã TTHC",
        "Tên thủ tục hành chính",
        "Cách thức thực hiện",
        None,
        "Cơ quan thực hiện",
    ]
    channels = [None, None, None, "Trực tiếp", "Trực tuyến", None]
    numbers = [f"({n})" for n in range(1, 7)]
    rows = [
        [
            "DANH MỤC THỦ TỤC HÀNH CHÍNH SỬA ĐỔI, BỔ SUNG VÀ BÃI BỎ THUỘC PHẠM VI QUẢN LÝ CỦA "
            "SỞ TƯ PHÁP TỈNH LÀO CAI"
        ],
        ["(Kèm theo Quyết định số 2001/QĐ-UBND ngày 20/9/2025 của Chủ tịch UBND tỉnh Lào Cai)"],
        header,
        channels,
        numbers,
        ["PHẦN I. DANH MỤC THỦ TỤC HÀNH CHÍNH SỬA ĐỔI, BỔ SUNG"],
        ["A. THỦ TỤC HÀNH CHÍNH CẤP TỈNH"],
        [1, "2.000528", "Đăng ký khai tử có yếu tố nước ngoài", "x", "x", "Sở Tư pháp"],
        ["B. THỦ TỤC HÀNH CHÍNH CẤP XÃ"],
        [1, None, "Đăng ký khai sinh lưu động", "x", None, "UBND cấp xã"],
        [2, "1.001193", "Đăng ký khai sinh", "x", "x", "UBND cấp xã"],
        [None],
        ["PHẦN II. DANH MỤC THỦ TỤC HÀNH CHÍNH BÃI BỎ"],
        header,
        channels,
        numbers,
        ["A. THỦ TỤC HÀNH CHÍNH CẤP TỈNH"],
        [1, "1.000775", "Công nhận hòa giải viên", "x", None, "Sở Tư pháp"],
    ]
    merges = (
        "A1:F1",
        "A2:F2",
        "A3:A4",
        "B3:B4",
        "C3:C4",
        "D3:E3",
        "F3:F4",
        "A6:F6",
        "A7:F7",
        "A9:F9",
        "A13:F13",
        "A14:A15",
        "B14:B15",
        "C14:C15",
        "D14:E14",
        "F14:F15",
        "A17:F17",
    )
    return Sheet("Phụ lục", [[*r, *([None] * (6 - len(r)))] for r in rows], merges)


# --- a workbook with several sheets -------------------------------------------------------


def cover_sheet() -> Sheet:
    return Sheet(
        "Bìa",
        [
            ["ỦY BAN NHÂN DÂN TỈNH LÀO CAI"],
            [None],
            ["DANH MỤC THỦ TỤC HÀNH CHÍNH THUỘC THẨM QUYỀN GIẢI QUYẾT CỦA TỈNH LÀO CAI"],
            ["Gồm 02 phụ lục: Cấp tỉnh, Cấp xã"],
            ["Ghi chú: số liệu cập nhật đến ngày 15/8/2025"],
        ],
        ("A1:F1", "A3:F3"),
    )


def province_sheet() -> Sheet:
    """Level and field columns that are mostly empty: sections fill them, a row's own value
    wins. "Cách thức thực hiện" is split over channels that name no column, with the column
    numbers typed as numbers under it; decisions hold their date in figures or in words.

    Planted: rows 10 and 11 give one code two names (PA202).
    """
    rows: list[list[object]] = [
        ["DANH MỤC THỦ TỤC HÀNH CHÍNH CẤP TỈNH"],
        [
            "STT",
            "Mã số",
            "Tên thủ tục",
            "Lĩnh vực",
            "Cấp thực hiện",
            "Cách thức thực hiện",
            None,
            "Quyết định công bố",
        ],
        [None, None, None, None, None, "Trực tiếp", "Trực tuyến", None],
        [1, 2, 3, 4, 5, 6, 7, 8],
        ["A", "THỦ TỤC HÀNH CHÍNH CẤP TỈNH"],
        ["I", "Lĩnh vực Tài nguyên nước"],
        [
            1,
            "1.004253",
            "Cấp giấy phép thăm dò nước dưới đất",
            None,
            None,
            "x",
            "x",
            "1890/QĐ-UBND ngày 15/8/2025",
        ],
        [
            2,
            "1.004179",
            "Cấp giấy phép hoạt động dự báo, cảnh báo khí tượng thủy văn",
            "Khí tượng thủy văn",
            None,
            "x",
            None,
            "số 1890/QĐ-UBND ngày 15 tháng 8 năm 2025",
        ],
        ["II", "LĨNH VỰC ĐẤT ĐAI"],
        [
            3,
            "1.000178",
            "Đăng ký đất đai, tài sản gắn liền với đất lần đầu",
            None,
            "Cấp tỉnh, Cấp xã",
            "x",
            "x",
            "4472/QĐ-UBND",
        ],
        [
            4,
            "1.000178",
            "Đăng ký đất đai lần đầu",
            None,
            None,
            "x",
            "x",
            "Quyết định số 4472/QĐ-UBND ngày 20/12/2024 của Chủ tịch UBND tỉnh",
        ],
    ]
    merges = (
        "A1:H1",
        "A2:A3",
        "B2:B3",
        "C2:C3",
        "D2:D3",
        "E2:E3",
        "F2:G2",
        "H2:H3",
        "B5:H5",
        "B6:H6",
        "B9:H9",
    )
    return Sheet("Cấp tỉnh", [[*r, *([None] * (8 - len(r)))] for r in rows], merges)


def commune_sheet() -> Sheet:
    """A one-row header at the top, no sections; numbers and text typed either way."""
    return Sheet(
        "Cấp xã",
        [
            [
                "Mã TTHC",
                "Tên TTHC",
                "Lĩnh vực",
                "Thời hạn giải quyết",
                "Số quyết định",
                "Ngày công bố",
            ],
            [
                "1.001193",
                "Đăng ký khai sinh",
                "Hộ tịch",
                "Ngay trong ngày",
                "1890/QĐ-UBND",
                "15/8/2025",
            ],
            ["2.000986", "Đăng ký khai tử", "Hộ tịch", 3, "1890/QĐ-UBND ngày 15/8/2025", None],
            [
                "1.000656",
                "Công nhận hoà giải viên",
                "Phổ biến, giáo dục pháp luật",
                "3",
                "số 1890/QĐ-UBND ngày 15 tháng 8 năm 2025",
                "20/8/2025",
            ],
            [
                "2.001263",
                "Công nhận hòa giải viên",
                "Phổ biến, giáo dục pháp luật",
                "3 ngày",
                "1890/QĐ-UBND",
                45884,
            ],
        ],
    )


def several_sheets() -> list[Sheet]:
    return [cover_sheet(), province_sheet(), Sheet("Trống", []), commune_sheet()]


# --- CSV exports ---------------------------------------------------------------------------

CSV_HEADER = [
    "STT",
    "Mã TTHC",
    "Tên thủ tục",
    "Cấp thực hiện",
    "Lĩnh vực",
    "Cơ quan thực hiện",
    "Quyết định công bố",
]
CSV_ROWS = [
    [
        "1",
        "1.001193",
        "Đăng ký khai sinh",
        "Cấp xã",
        "Hộ tịch",
        "UBND cấp xã",
        "1890/QĐ-UBND ngày 15/8/2025",
    ],
    [
        "2",
        "1.004253",
        "Cấp giấy phép thăm dò nước dưới đất",
        "Cấp tỉnh",
        "Tài nguyên nước",
        "Sở Nông nghiệp và Môi trường\nTrung tâm Phục vụ hành chính công",
        "4472/QĐ-UBND",
    ],
    [
        "3",
        "2.000815",
        "Chứng thực bản sao từ bản chính; giấy tờ, văn bản",
        "Cấp huyện",
        "Chứng thực",
        "Phòng Tư pháp huyện",
        "1890/QĐ-UBND",
    ],
    [
        "4",
        "1.008003",
        "Giải quyết chế độ trợ cấp ưu đãi đối với thương binh, bệnh binh",
        "Cấp tỉnh",
        "Người có công",
        "Sở Nội vụ | Bưu điện tỉnh",
        "QĐ/0001-UBND",
    ],
]


def vietnamese_cp1258(text: str) -> bytes:
    """Text as Windows-1258 stores it: letters with circumflex, breve or horn are one byte,
    tones are combining marks after them ("ặ" is "ă" then a dot below)."""
    out = []
    for char in unicodedata.normalize("NFC", text):
        try:
            out.append(char.encode("cp1258"))
            continue
        except UnicodeEncodeError:
            pass
        base, *marks = unicodedata.normalize("NFD", char)
        modifiers = "".join(m for m in marks if m in "\u0302\u0306\u031b")
        tones = "".join(m for m in marks if m not in modifiers)
        out.append((unicodedata.normalize("NFC", base + modifiers) + tones).encode("cp1258"))
    return b"".join(out)


def csv_text(rows: list[list[str]], delimiter: str, lead: tuple[str, ...] = ()) -> str:
    buffer = io.StringIO()
    for line in lead:
        buffer.write(line + "\r\n")
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return buffer.getvalue()


# name -> (encoding as written, delimiter); the contents are CSV_HEADER and CSV_ROWS.
CSV_VARIANTS = {
    "utf8-comma.csv": ("utf-8", ","),
    "utf8-bom-semicolon.csv": ("utf-8-sig", ";"),
    "utf16-tab.csv": ("utf-16", "\t"),
    "cp1258-semicolon.csv": ("cp1258", ";"),
    "cp1258-comma.csv": ("cp1258", ","),
    "utf8-pipe.csv": ("utf-8", "|"),
}


def _encode(text: str, encoding: str) -> bytes:
    return vietnamese_cp1258(text) if encoding == "cp1258" else text.encode(encoding)


def excel_csv_cell(value: object) -> str:
    """A cell as Excel's "Save as CSV" writes it: as displayed."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.strftime("%d/%m/%Y")
    return str(value)


def annex_csv() -> bytes:
    """The province annex saved from Excel as CSV on Vietnamese Windows: Windows-1258, ';',
    every row padded to the table's width, line breaks kept inside quoted cells (so records
    start on other lines than the Excel rows)."""
    rows = [[excel_csv_cell(value) for value in row] for row in province_annex().rows]
    return vietnamese_cp1258(csv_text(rows, ";"))


def portal_csv() -> bytes:
    """A portal export saved as CSV: title lines, headers without diacritics, a record whose
    quoted cells span lines, a blank line inside the table."""
    title = (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "",
        "DANH SÁCH THỦ TỤC HÀNH CHÍNH",
        "",
    )
    rows = [
        ["Ma TTHC", "Ten thu tuc", "Linh vuc", "Cap thuc hien", "Co quan thuc hien"],
        ["1.001193", "Đăng ký khai sinh", "Hộ tịch", "Cấp xã", "UBND cấp xã"],
        [
            "1.000894",
            "Đăng ký kết hôn",
            "Hộ tịch",
            "Cấp xã",
            "UBND cấp xã\nCơ quan đại diện\nSở Tư pháp",
        ],
        ["2.000528", "Đăng ký khai tử\ncó yếu tố nước ngoài", "Hộ tịch", "Cấp tỉnh", "Sở Tư pháp"],
        [],
        ["1.001193", "ĐĂNG KÝ KHAI SINH", "Hộ tịch", "Cấp xã", "UBND cấp xã"],
    ]
    return csv_text(rows, ",", title).encode("utf-8-sig")


# --- writers -------------------------------------------------------------------------------


def _merge_boxes(sheet: Sheet) -> list[tuple[int, int, int, int]]:
    """Each merge as (first row, first column, last row, last column), 0-based."""
    boxes = []
    for merge in sheet.merges:
        min_col, min_row, max_col, max_row = range_boundaries(merge)
        boxes.append((min_row - 1, min_col - 1, max_row - 1, max_col - 1))
    return boxes


def write_xlsx(path: Path, sheets: list[Sheet]) -> Path:
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for sheet in sheets:
        worksheet = workbook.create_sheet(sheet.name)
        for number, row in enumerate(sheet.rows, start=1):
            for column, value in enumerate(row, start=1):
                if value is not None:
                    cell = worksheet.cell(row=number, column=column, value=value)
                    if isinstance(value, dt.datetime):
                        cell.number_format = "dd/mm/yyyy"
        for merge in sheet.merges:
            worksheet.merge_cells(merge)
    workbook.save(path)
    return path


def write_xls(path: Path, sheets: list[Sheet]) -> Path:
    import xlwt  # optional: only where the test extra brought it

    workbook = xlwt.Workbook(encoding="utf-8")
    date_style = xlwt.easyxf(num_format_str="DD/MM/YYYY")
    for sheet in sheets:
        worksheet = workbook.add_sheet(sheet.name)
        for r0, c0, r1, c1 in _merge_boxes(sheet):
            worksheet.merge(r0, r1, c0, c1)
        for r, row in enumerate(sheet.rows):
            for c, value in enumerate(row):
                if isinstance(value, dt.datetime):
                    worksheet.write(r, c, value, date_style)
                elif value is not None:
                    worksheet.write(r, c, value)
    workbook.save(str(path))
    return path


def write_ods(path: Path, sheets: list[Sheet]) -> Path:
    from odf.opendocument import OpenDocumentSpreadsheet  # optional, as above
    from odf.table import CoveredTableCell, Table, TableCell, TableRow
    from odf.text import P

    document = OpenDocumentSpreadsheet()
    for sheet in sheets:
        table = Table(name=sheet.name)
        boxes = _merge_boxes(sheet)
        spans = {(r0, c0): (r1 - r0 + 1, c1 - c0 + 1) for r0, c0, r1, c1 in boxes}
        covered = {
            (r, c)
            for r0, c0, r1, c1 in boxes
            for r in range(r0, r1 + 1)
            for c in range(c0, c1 + 1)
            if (r, c) != (r0, c0)
        }
        for r, row in enumerate(sheet.rows):
            table_row = TableRow()
            for c, value in enumerate(row):
                if (r, c) in covered:
                    table_row.addElement(CoveredTableCell())
                    continue
                attributes: dict[str, object] = {}
                if (r, c) in spans:
                    rows_spanned, columns_spanned = spans[r, c]
                    attributes |= {
                        "numberrowsspanned": rows_spanned,
                        "numbercolumnsspanned": columns_spanned,
                    }
                if isinstance(value, dt.datetime):
                    cell = TableCell(
                        valuetype="date", datevalue=value.date().isoformat(), **attributes
                    )
                elif isinstance(value, int | float):
                    cell = TableCell(valuetype="float", value=value, **attributes)
                elif value is not None:
                    cell = TableCell(valuetype="string", **attributes)
                else:
                    cell = TableCell(**attributes)
                if value is not None:
                    for line in str(value).split("\n"):
                        cell.addElement(P(text=line))
                table_row.addElement(cell)
            table.addElement(table_row)
        document.spreadsheet.addElement(table)
    document.save(str(path))
    return path


def _available(module: str) -> bool:
    return importlib.util.find_spec(module) is not None


def make_all(outdir: Path | str) -> dict[str, Path]:
    """Write every layout into `outdir`; returns file name -> path. xls and ods are written
    only where xlwt and odfpy are installed."""
    out = Path(outdir)
    out.mkdir(parents=True, exist_ok=True)
    workbooks: dict[str, tuple[Callable[[Path, list[Sheet]], Path], list[Sheet]]] = {
        "province-annex.xlsx": (write_xlsx, [province_annex()]),
        "annex-parts.xlsx": (write_xlsx, [annex_parts()]),
        "several-sheets.xlsx": (write_xlsx, several_sheets()),
    }
    if _available("xlwt"):
        workbooks["province-annex.xls"] = (write_xls, [province_annex()])
        workbooks["several-sheets.xls"] = (write_xls, several_sheets())
    if _available("odf"):
        workbooks["province-annex.ods"] = (write_ods, [province_annex()])
        workbooks["several-sheets.ods"] = (write_ods, several_sheets())
    written = {name: writer(out / name, sheets) for name, (writer, sheets) in workbooks.items()}
    for name, (encoding, delimiter) in CSV_VARIANTS.items():
        text = csv_text([CSV_HEADER, *CSV_ROWS], delimiter)
        (out / name).write_bytes(_encode(text, encoding))
        written[name] = out / name
    for name, content in (
        ("province-annex-cp1258.csv", annex_csv()),
        ("portal-titles.csv", portal_csv()),
    ):
        (out / name).write_bytes(content)
        written[name] = out / name
    return written


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python tests/layouts/make_layouts.py OUTDIR", file=sys.stderr)
        return 2
    for path in make_all(argv[0]).values():
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
