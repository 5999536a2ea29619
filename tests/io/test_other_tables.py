"""Tables that are not procedure catalogues (a dossier list, a statistics report, a fee
schedule, an agency list, a review plan) are refused in one sentence saying what they look
like, by their columns' words and values; a catalogue with one such column is read."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import write_workbook
from procaudit.core.errors import InputError
from procaudit.core.i18n import speaking
from procaudit.io.grid import text_grid
from procaudit.io.read import ReadOptions, read_catalogue, read_grid

BIRTH, DEATH, MARRIAGE = "Đăng ký khai sinh", "Đăng ký khai tử", "Đăng ký kết hôn"
DOSSIERS = "looks like a list of dossiers (hồ sơ), not a catalogue of procedures: it has columns"
STATISTICS = "looks like a statistics report, not a catalogue of procedures: its columns"
# What the refusal of a statistics report ends with: how to have it read all the same.
READ_ANYWAY = " (if it is a catalogue all the same: --header-row {})"
FEES = "looks like a fee schedule (phí, lệ phí), not a catalogue of procedures: it has columns"
AGENCIES = "looks like a list of agencies, not a catalogue of procedures:"
REVIEW = "looks like a plan to review procedures (kế hoạch rà soát)"
NO_NAME = "has no column for the procedure name"
DECISION = "holds a decision's text, not a list of procedures: it has"
PROCESS = "looks like an internal process (quy trình nội bộ: the steps of handling each"
CONTENT = "holds each procedure's content (Phần II: steps, dossier, fees, legal basis), not a list"


def _problem(rows: list[list[str]], options: ReadOptions | None = None) -> str | None:
    """Why the rows (a CSV file's) are refused, or None where they are read."""
    try:
        read_grid("t.csv", text_grid(None, rows), options)
    except InputError as exc:
        return exc.problem
    return None


def _names(*names: str) -> list[str]:
    return [BIRTH, DEATH, MARRIAGE, *names]


CATALOGUE = [
    "STT",
    "Tên thủ tục",
    "Lĩnh vực",
    "Cấp thực hiện",
    "Cơ quan thực hiện",
    "Thời hạn giải quyết",
]
CATALOGUE_ROWS = [
    [str(n), name, "Hộ tịch", "Cấp xã", "UBND cấp xã", "Trong ngày"]
    for n, name in enumerate(_names(), start=1)
]

# (case, header, rows under it, what the refusal begins with: None where the table is read)
CASES = [
    # A one-stop system's dossiers: each procedure many times, with who and when.
    (
        "a dossier list",
        ["STT", "Số hồ sơ", "Tên thủ tục", "Người nộp", "Ngày tiếp nhận", "Hạn xử lý"],
        [
            [str(i), f"H44-{i}", name, "Nguyễn Văn An", "06/10/2025", "16/10/2025"]
            for i, name in enumerate(_names(BIRTH), start=1)
        ],
        f"{DOSSIERS} 'Số hồ sơ', 'Người nộp', 'Ngày tiếp nhận', 'Hạn xử lý'",
    ),
    (
        "a dossier list's database names",
        ["MA_HO_SO", "TEN_THU_TUC", "CHU_HO_SO", "NGAY_NHAN", "NGAY_HEN_TRA"],
        [[f"H{i}", name, "An", "1/10/2025", "9/10/2025"] for i, name in enumerate(_names())],
        f"{DOSSIERS} 'MA_HO_SO', 'CHU_HO_SO', 'NGAY_NHAN', 'NGAY_HEN_TRA'",
    ),
    (
        "a dossier's number and when it was handed in",
        ["Mã hồ sơ", "Tên thủ tục", "Ngày nộp", "Trạng thái"],
        [["H1", BIRTH, "1/10/2025", "Đang xử lý"], ["H2", BIRTH, "2/10/2025", "Đã trả"]],
        f"{DOSSIERS} 'Mã hồ sơ', 'Ngày nộp'",
    ),
    # One dossier-like column decides nothing: an annex template's procedure record number,
    # the agency receiving dossiers, the time a procedure takes.
    (
        "a catalogue whose code is headed 'Số hồ sơ'",
        ["STT", "Số hồ sơ", "Tên thủ tục hành chính", "Cơ quan tiếp nhận hồ sơ"],
        [["1", "1.001193", BIRTH, "UBND xã"], ["2", "1.000656", DEATH, "UBND xã"]],
        None,
    ),
    (
        "a catalogue with a time limit and a place of receipt",
        ["Mã số hồ sơ", "Tên thủ tục", "Thời hạn giải quyết", "Địa điểm tiếp nhận"],
        [["1.001193", BIRTH, "Ngay trong ngày", "Bộ phận một cửa"]],
        None,
    ),
    # Counts of dossiers per procedure, beside the name a catalogue's header names.
    (
        "a statistics report",
        [
            "STT",
            "Tên thủ tục hành chính",
            "Tổng số hồ sơ tiếp nhận",
            "Đã giải quyết",
            "Đúng hạn",
            "Quá hạn",
            "Tỷ lệ đúng hạn (%)",
        ],
        [
            ["1", BIRTH, "12", "10", "9", "1", "90,0"],
            ["2", DEATH, "3", "3", "3", "0", "100"],
            ["3", MARRIAGE, "7", "5", "5", "0", "100"],
        ],
        f"{STATISTICS} 'Tổng số hồ sơ tiếp nhận', 'Đã giải quyết', 'Đúng hạn', 'Quá hạn', … "
        "hold counts" + READ_ANYWAY.format(1),
    ),
    (
        "a catalogue counting last year's dossiers in one column",
        ["STT", "Tên thủ tục hành chính", "Cơ quan thực hiện", "Số hồ sơ năm 2025"],
        [["1", BIRTH, "UBND xã", "12"], ["2", DEATH, "UBND xã", "3"], ["3", MARRIAGE, "", "7"]],
        None,
    ),
    (
        "count-like headers over text",
        ["STT", "Tên thủ tục", "Tiếp nhận hồ sơ", "Giải quyết", "Trả kết quả trực tuyến"],
        [
            ["1", BIRTH, "Bộ phận một cửa", "Phòng Tư pháp", "Có"],
            ["2", DEATH, "Một cửa", "UBND", "Không"],
            ["3", MARRIAGE, "Một cửa", "UBND", "Có"],
        ],
        None,
    ),
    # A fee schedule by procedure: a row per fee.
    (
        "a fee schedule",
        ["STT", "Tên thủ tục hành chính", "Nội dung thu", "Mức thu (đồng)", "Đơn vị tính"],
        [["1", BIRTH, "Cấp mới", "500.000", "Hồ sơ"], ["2", BIRTH, "Cấp lại", "250.000", "Hồ sơ"]],
        f"{FEES} 'Nội dung thu', 'Mức thu (đồng)', 'Đơn vị tính'",
    ),
    (
        "a catalogue whose fee is headed 'Mức thu phí, lệ phí'",
        ["STT", "Tên thủ tục hành chính", "Mức thu phí, lệ phí"],
        [["1", BIRTH, "Không"], ["2", DEATH, "Lệ phí: 8.000 đồng"]],
        None,
    ),
    # A catalogue saying four things of each procedure besides a fee's amount, or last
    # year's counts, is read; a schedule or report saying three of them is not.
    (
        "a catalogue giving a fee's amount and unit",
        [*CATALOGUE, "Mức thu (đồng)", "Đơn vị tính"],
        [[*row, "50.000", "đồng/hồ sơ"] for row in CATALOGUE_ROWS],
        None,
    ),
    (
        "a catalogue giving last year's counts",
        [*CATALOGUE, "Số hồ sơ năm 2024", "Số hồ sơ trực tuyến", "Tỷ lệ trực tuyến (%)"],
        [[*row, "12", "10", "83"] for row in CATALOGUE_ROWS],
        None,
    ),
    (
        "a fee schedule saying three things of each procedure",
        [*CATALOGUE[:-1], "Mức thu (đồng)", "Đơn vị tính"],
        [[*row[:-1], "50.000", "đồng/hồ sơ"] for row in CATALOGUE_ROWS],
        f"{FEES} 'Mức thu (đồng)', 'Đơn vị tính'",
    ),
    (
        "a report saying three things of each procedure",
        [*CATALOGUE[:-1], "Tiếp nhận", "Đã giải quyết", "Quá hạn"],
        [[*row[:-1], "12", "10", "2"] for row in CATALOGUE_ROWS],
        f"{STATISTICS} 'Tiếp nhận', 'Đã giải quyết', 'Quá hạn' hold counts" + READ_ANYWAY.format(1),
    ),
    # A list of agencies with their electronic ids read as codes and names.
    (
        "an agency list under 'Mã' and 'Tên'",
        ["STT", "Mã", "Tên", "Địa chỉ"],
        [
            ["1", "000.00.01.H44", "Văn phòng UBND tỉnh", "Số 1 Trần Phú"],
            ["2", "000.00.02.H44", "Sở Tư pháp", "Số 2 Trần Phú"],
            ["3", "000.21.23.H44", "UBND xã Tân Lập", "Tân Lập"],
        ],
        f"{AGENCIES} column 'Mã' holds agencies' electronic ids (000.00.01.H44, 000.00.02.H44, …)",
    ),
    (
        "a catalogue whose code column holds agencies' ids by mistake",
        ["STT", "Mã", "Tên"],
        [
            ["1", "000.00.01.H44", BIRTH],
            ["2", "000.00.02.H44", DEATH],
            ["3", "000.21.23.H44", MARRIAGE],
        ],
        None,
    ),
    # A ministry's plan to review procedures, titled so.
    (
        "a review plan",
        ["STT", "Tên thủ tục hành chính", "Mã TTHC", "Cơ quan chủ trì", "Thời gian thực hiện"],
        [["1", BIRTH, "1.001193", "Cục Hộ tịch", "Quý II/2026"]],
        f"{REVIEW}, not a catalogue of procedures: its title reads 'KẾ HOẠCH RÀ SOÁT, ĐÁNH GIÁ "
        "THỦ TỤC HÀNH…'",
    ),
]


def test_a_statistics_report_is_told_the_header_row_that_reads_it_all_the_same() -> None:
    """A one-stop export per unit counting dossiers beside its procedures may be wanted as
    a catalogue: the refusal names the --header-row that reads it, below its title."""
    header = ["STT", "Mã TTHC", "Tên TTHC", "Tiếp nhận", "Đã giải quyết", "Quá hạn"]
    rows = [["1", "1.001193", BIRTH, "12", "10", "2"], ["2", "1.000656", DEATH, "3", "3", "0"]]
    rows += [["3", "1.000894", MARRIAGE, "7", "5", "2"]]
    problem = _problem([["THỐNG KÊ HỒ SƠ QUÝ II/2026"], [""], header, *rows])
    assert problem is not None and problem.endswith(READ_ANYWAY.format(3))


@pytest.mark.parametrize(("case", "header", "rows", "refused"), CASES, ids=[c[0] for c in CASES])
def test_what_a_table_looks_like(
    case: str, header: list[str], rows: list[list[str]], refused: str | None
) -> None:
    title = [["KẾ HOẠCH RÀ SOÁT, ĐÁNH GIÁ THỦ TỤC HÀNH CHÍNH NĂM 2026"]] if "plan" in case else []
    assert _problem([*title, header, *rows]) == refused


def test_a_review_plan_titled_over_two_rows() -> None:
    title = [["BỘ TƯ PHÁP"], ["KẾ HOẠCH"], ["Rà soát, đánh giá thủ tục hành chính năm 2026"]]
    problem = _problem([*title, ["STT", "Tên thủ tục"], ["1", BIRTH]])
    assert problem == (
        f"{REVIEW}, not a catalogue of procedures: its title reads 'KẾ HOẠCH Rà soát, đánh giá "
        "thủ tục hành…'"
    )


def test_a_catalogue_titled_after_a_review_plan_is_read() -> None:
    title = ["DANH MỤC THỦ TỤC HÀNH CHÍNH (theo Kế hoạch rà soát năm 2026)"]
    assert _problem([title, ["STT", "Tên thủ tục"], ["1", BIRTH]]) is None


# Sheets with no catalogue's header: what they look like, said instead of `--map`.
WITHOUT_NAME = [
    (
        "statistics over two header rows",
        [
            [
                "STT",
                "Lĩnh vực, thủ tục hành chính",
                "Số hồ sơ tiếp nhận",
                "",
                "Số hồ sơ đã giải quyết",
            ],
            ["", "", "Tổng số", "Trực tuyến", "Tổng số"],
            ["I", "Lĩnh vực Hộ tịch", "", "", ""],
            ["1", BIRTH, "12", "4", "10"],
            ["2", DEATH, "3", "1", "3"],
            ["3", MARRIAGE, "7", "7", "5"],
            ["", "TỔNG CỘNG", "22", "12", "18"],
        ],
        f"{STATISTICS} 'Số hồ sơ tiếp nhận', 'Số hồ sơ đã giải quyết' hold counts",
    ),
    (
        "counts of procedures per field",
        [
            ["Lĩnh vực", "Số TTHC", "Toàn trình", "Một phần"],
            ["Hộ tịch", "12", "4", "8"],
            ["Đất đai", "30", "2", "28"],
            ["Xây dựng", "9", "0", "9"],
        ],
        f"{STATISTICS} 'Số TTHC', 'Toàn trình', 'Một phần' hold counts",
    ),
    (
        "a fee schedule by the fee's name",
        [
            ["STT", "Tên phí, lệ phí", "Đối tượng, nội dung thu", "Đơn vị tính", "Mức thu (đồng)"],
            ["1", "Lệ phí hộ tịch", "Đăng ký khai sinh", "Lần", "8.000"],
        ],
        f"{FEES} 'Đối tượng, nội dung thu', 'Đơn vị tính', 'Mức thu (đồng)'",
    ),
    (
        "an agency list",
        [
            ["STT", "Mã định danh", "Tên cơ quan, đơn vị", "Điện thoại"],
            ["1", "000.00.01.H44", "Văn phòng UBND tỉnh", "0210.3800001"],
            ["2", "000.00.02.H44", "Sở Tư pháp", "0210.3800002"],
            ["3", "000.00.03.H44", "Sở Tài chính", "0210.3800003"],
        ],
        f"{AGENCIES} it has columns 'Mã định danh', 'Tên cơ quan, đơn vị', 'Điện thoại'",
    ),
    (
        "a decision's Phần II: each procedure's content, lettered",
        [
            ["PHẦN II. NỘI DUNG CỤ THỂ CỦA TỪNG THỦ TỤC HÀNH CHÍNH"],
            [f"1. Thủ tục {BIRTH}"],
            ["a) Trình tự thực hiện:"],
            ["Bước 1: Nộp hồ sơ tại Trung tâm Phục vụ hành chính công."],
            ["c) Thành phần, số lượng hồ sơ:"],
            ["h) Phí, lệ phí: Không"],
            ["l) Căn cứ pháp lý: Luật Hộ tịch năm 2014."],
        ],
        f"{CONTENT} of procedures: it has 'a) Trình tự thực hiện:', 'c) Thành phần, số lượng "
        "hồ sơ:', 'h) Phí, lệ phí:', 'l) Căn cứ pháp lý:'",
    ),
    (
        "each procedure's content, a label and its value per row",
        [
            ["1.", "Tên thủ tục:", BIRTH],
            ["", "Mã số:", "1.001193"],
            ["", "Trình tự thực hiện:", "Bước 1: nộp hồ sơ"],
            ["", "Thành phần hồ sơ:", "Tờ khai"],
            ["", "Phí, lệ phí:", "Không"],
            ["2.", "Tên thủ tục:", DEATH],
            ["", "Mã số:", "1.000656"],
        ],
        f"{CONTENT} of procedures: it has 'Trình tự thực hiện:', 'Thành phần hồ sơ:', 'Phí, "
        "lệ phí:'",
    ),
    (
        "a decision's text on its cover sheet",
        [
            ["ỦY BAN NHÂN DÂN TỈNH PHÚ THỌ"],
            ["Số: 1890/QĐ-UBND"],
            ["QUYẾT ĐỊNH"],
            ["Căn cứ Nghị định số 63/2010/NĐ-CP;"],
            ["Điều 1. Công bố kèm theo Quyết định này Danh mục"],
            ["Điều 2. Quyết định này có hiệu lực"],
            ["Nơi nhận:"],
        ],
        f"{DECISION} 'Điều 1. Công bố kèm theo Quyết định này…', 'Điều 2. Quyết định này có "
        "hiệu lực'",
    ),
    (
        "an internal process: a procedure's heading over its steps",
        [
            ["STT", "Tên thủ tục hành chính / Trình tự các bước", "Trách nhiệm thực hiện"],
            [f"1. {BIRTH} (Mã số: 1.001193)", "", ""],
            ["Bước 1", "Tiếp nhận, kiểm tra hồ sơ", "Bộ phận một cửa"],
            ["Bước 2", "Thẩm định hồ sơ, trình ký", "Công chức Tư pháp - Hộ tịch"],
            ["Bước 3:", "Trả kết quả", "Bộ phận một cửa"],
        ],
        f"{PROCESS} procedure), not a list of procedures: it has steps 'Bước 1', 'Bước 2', "
        "'Bước 3:'",
    ),
    (
        "an internal process titled so, its steps numbered under each procedure",
        [
            ["QUY TRÌNH NỘI BỘ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH"],
            ["STT", "Tên thủ tục hành chính / Trình tự thực hiện", "Trách nhiệm", "Thời gian"],
            ["1", BIRTH, "", "3 ngày"],
            ["1.1", "Tiếp nhận hồ sơ, kiểm tra tính đầy đủ", "Bộ phận Một cửa", "0,5 ngày"],
            ["1.2", "Thẩm định hồ sơ, dự thảo văn bản", "Công chức Tư pháp", "2 ngày"],
            ["2", DEATH, "", "1 ngày"],
            ["2.1", "Tiếp nhận hồ sơ, kiểm tra tính đầy đủ", "Bộ phận Một cửa", "0,5 ngày"],
        ],
        f"{PROCESS} procedure), not a list of procedures: its title reads 'QUY TRÌNH NỘI BỘ "
        "GIẢI QUYẾT THỦ TỤC HÀN…'",
    ),
    (
        "sub-numbered rows under a title naming no process: nothing known",
        [
            ["DANH MỤC THỦ TỤC HÀNH CHÍNH"],
            ["STT", "Tên thủ tục hành chính / Trình tự thực hiện", "Trách nhiệm", "Thời gian"],
            ["1", BIRTH, "", "3 ngày"],
            ["1.1", "Tiếp nhận hồ sơ, kiểm tra tính đầy đủ", "Bộ phận Một cửa", "0,5 ngày"],
            ["1.2", "Thẩm định hồ sơ, dự thảo văn bản", "Công chức Tư pháp", "2 ngày"],
        ],
        NO_NAME,
    ),
    (
        "steps told in a content's text: nothing known",
        [
            ["PHẦN II"],
            ["a) Trình tự thực hiện:"],
            ["Bước 1: Nộp hồ sơ tại Trung tâm Phục vụ hành chính công."],
            ["Bước 2: Nhận kết quả."],
        ],
        NO_NAME,
    ),
    (
        "one article: nothing known",
        [["QUYẾT ĐỊNH"], ["Điều 1. Công bố kèm theo Quyết định này"], ["Điều chỉnh giấy phép"]],
        NO_NAME,
    ),
    (
        "two content labels only: nothing known",
        [
            ["PHẦN II"],
            ["a) Trình tự thực hiện:"],
            ["h) Phí, lệ phí: Không"],
        ],
        NO_NAME,
    ),
    (
        "a staff list: nothing known",
        [
            ["STT", "Mã cán bộ", "Họ và tên", "Đơn vị", "Chức vụ"],
            ["1", "CB01", "Nguyễn Văn An", "Sở Tư pháp", "Chuyên viên"],
            ["2", "CB02", "Trần Thị Bình", "Sở Tư pháp", "Chuyên viên"],
            ["3", "CB03", "Lê Văn Cường", "Sở Nội vụ", "Trưởng phòng"],
        ],
        NO_NAME,
    ),
    (
        "numbers without a count's header: nothing known",
        [
            ["ID", "MA", "GIA_TRI", "NAM"],
            ["1", "A", "12", "2024"],
            ["2", "B", "13", "2025"],
            ["3", "C", "14", "2025"],
        ],
        NO_NAME,
    ),
]


@pytest.mark.parametrize(
    ("case", "rows", "refused"), WITHOUT_NAME, ids=[c[0] for c in WITHOUT_NAME]
)
def test_what_a_sheet_without_a_name_column_looks_like(
    case: str, rows: list[list[str]], refused: str
) -> None:
    problem = _problem(rows)
    assert problem is not None and problem.startswith(refused)
    assert ("--map" in problem) is (refused == NO_NAME)


def test_the_refusal_in_vietnamese() -> None:
    rows = [["Mã hồ sơ", "Tên thủ tục", "Người nộp", "Ngày hẹn trả"], ["H1", BIRTH, "An", "1/10"]]
    with speaking("vi"):
        problem = _problem(rows)
    assert problem == (
        "có vẻ là danh sách hồ sơ, không phải danh mục thủ tục hành chính: có các cột "
        "'Mã hồ sơ', 'Người nộp', 'Ngày hẹn trả'"
    )


def test_the_process_refusal_in_vietnamese() -> None:
    rows = [["STT", "Nội dung công việc"], ["Bước 1", "Tiếp nhận"], ["Bước 2", "Thẩm định"]]
    with speaking("vi"):
        problem = _problem(rows)
    assert problem == (
        "có vẻ là quy trình nội bộ (các bước giải quyết từng thủ tục), không phải danh mục thủ "
        "tục hành chính: có các bước 'Bước 1', 'Bước 2'"
    )


DOSSIER_SHEET = [
    ["STT", "Mã hồ sơ", "Tên thủ tục", "Người nộp", "Ngày tiếp nhận"],
    [1, "H44-1", BIRTH, "Nguyễn Văn An", "06/10/2025"],
    [2, "H44-2", BIRTH, "Trần Thị Bình", "07/10/2025"],
]
CATALOGUE_SHEET = [
    ["STT", "Mã TTHC", "Tên thủ tục"],
    [1, "1.001193", BIRTH],
    [2, "1.000656", DEATH],
]


def test_a_dossier_sheet_beside_the_catalogue_is_skipped(tmp_path: Path) -> None:
    path = write_workbook(tmp_path / "b.xlsx", {"Hồ sơ": DOSSIER_SHEET, "DM": CATALOGUE_SHEET})
    catalogue = read_catalogue(str(path))
    assert [table.sheet for table in catalogue.tables] == ["DM"]
    assert catalogue.skipped_sheets == {
        "Hồ sơ": f"{DOSSIERS} 'Mã hồ sơ', 'Người nộp', 'Ngày tiếp nhận'"
    }


def test_a_workbook_of_dossier_sheets_is_refused(tmp_path: Path) -> None:
    # A reason several sheets share is said once, not once per sheet.
    sheets = {"T9": DOSSIER_SHEET, "T10": DOSSIER_SHEET, "T11": DOSSIER_SHEET, "Bìa": []}
    path = write_workbook(tmp_path / "b.xlsx", sheets)
    with pytest.raises(InputError) as raised:
        read_catalogue(str(path))
    said = f"{DOSSIERS} 'Mã hồ sơ', 'Người nộp', 'Ngày tiếp nhận'"
    assert raised.value.problem.startswith(
        f"has no sheet with a procedure list ('T9', 'T10' and 'T11' each {said}; 'Bìa' "
    )
    assert raised.value.problem.count(said) == 1


def test_the_user_s_header_row_reads_it_all_the_same() -> None:
    rows = [[str(cell) for cell in row] for row in DOSSIER_SHEET]
    assert _problem(rows, ReadOptions(header_rows=(1,))) is None
