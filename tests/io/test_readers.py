"""Reading CSV and xlsx into canonical tables, with row numbers as the user sees them."""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from conftest import write_workbook
from procaudit.core.errors import InputError
from procaudit.core.i18n import speaking
from procaudit.io import read_catalogue
from procaudit.io.csv_sniff import sniff_delimiter
from procaudit.io.encoding import TWICE_ENCODED


def write_xlsx(path: Path, sheets: dict[str, list[list[object]]]) -> Path:
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for title, rows in sheets.items():
        sheet = workbook.create_sheet(title)
        for number, row in enumerate(rows, start=1):
            for column, value in enumerate(row, start=1):
                if value is not None:
                    sheet.cell(row=number, column=column, value=value)
    workbook.save(path)
    return path


def rows_and_names(path: Path) -> list[tuple[int, str]]:
    [table] = read_catalogue(str(path)).tables
    return list(zip(table.frame["_row"], table.frame["name"], strict=True))


@pytest.mark.parametrize("bom", [b"", b"\xef\xbb\xbf"], ids=["utf-8", "utf-8 with BOM"])
def test_csv_utf8_with_or_without_bom(tmp_path: Path, bom: bytes) -> None:
    path = tmp_path / "c.csv"
    path.write_bytes(bom + "Mã TTHC,Tên thủ tục\n1.000001,Đăng ký khai sinh\n".encode())
    [table] = read_catalogue(str(path)).tables
    assert table.sheet is None
    assert table.frame[["code", "name", "_row"]].values.tolist() == [
        ["1.000001", "Đăng ký khai sinh", 2]
    ]


@pytest.mark.parametrize("delimiter", [",", ";", "\t", "|"])
def test_csv_delimiter_is_sniffed(tmp_path: Path, delimiter: str) -> None:
    path = tmp_path / "c.csv"
    path.write_text(
        delimiter.join(["ma_thu_tuc", "ten_thu_tuc", "linh_vuc"])
        + "\n"
        + delimiter.join(["1.000001", "Đăng ký, thay đổi", "Hộ tịch"])
        + "\n"
        if delimiter != ","
        else 'ma_thu_tuc,ten_thu_tuc,linh_vuc\n1.000001,"Đăng ký, thay đổi",Hộ tịch\n',
        encoding="utf-8",
    )
    [table] = read_catalogue(str(path)).tables
    assert table.frame["name"].tolist() == ["Đăng ký, thay đổi"]
    assert table.frame["field"].tolist() == ["Hộ tịch"]


_LEGAL_BASIS = (
    '"- Luật Hộ tịch số 60/2014/QH13;\n- Nghị định số 123/2015/NĐ-CP;\n'
    "- Nghị định số 87/2020/NĐ-CP;\n- Nghị định số 07/2025/NĐ-CP;\n- Thông tư số 04/2020/TT-BTP;\n"
    '- Thông tư số 03/2023/TT-BTP;\n- Thông tư số 85/2019/TT-BTC."'
)


@pytest.mark.parametrize(
    ("text", "delimiter"),
    [
        # An annex's legal basis, each law on a line ending in ';', inside quoted cells:
        # counted raw, its ';' outnumbered the commas between the cells.
        (
            "PHỤ LỤC\n\nSTT,Mã số TTHC,Tên thủ tục hành chính,Căn cứ pháp lý\n"
            + "".join(f"{n},1.00000{n},Thủ tục {n},{_LEGAL_BASIS}\n" for n in range(1, 6)),
            ",",
        ),
        # Commas inside the quoted cells of a file of ';'.
        ('STT;Tên;Phí\n1;"A, B, C";"Phí: 50.000 đồng, lệ phí: 0"\n2;"D, E";"Không, miễn"\n', ";"),
        # Every cell quoted: the delimiters between the cells are what is left.
        ('"STT"|"Tên"|"Lĩnh vực"\n"1"|"A;B"|"Hộ tịch"\n', "|"),
        # A quote that closes no cell is read as text, as before.
        ('Mã,Tên,Ghi chú\n1.000001,"Đăng ký,ghi\n', ","),
    ],
    ids=["legal basis of ';' in a comma file", "commas in a ';' file", "all quoted", "unclosed"],
)
def test_sniffed_delimiter_ignores_quoted_cells(text: str, delimiter: str) -> None:
    assert sniff_delimiter(text) == delimiter


def test_csv_line_numbers_count_quoted_line_breaks_and_blank_lines(tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    path.write_text(
        "ma_thu_tuc,ten_thu_tuc,co_quan_thuc_hien\n"  # line 1
        '1.000001,A,"Sở Tư pháp\nUBND cấp xã\nCông an"\n'  # lines 2-4
        "\n"  # line 5
        "1.000002,B,Sở Y tế\n"  # line 6
        '1.000003,"C\r\nC",Sở Y tế\r\n'  # lines 7-8
        "1.000004,D,Sở Y tế\n",  # line 9
        encoding="utf-8",
        newline="",
    )
    assert rows_and_names(path) == [(2, "A"), (6, "B"), (7, "C\r\nC"), (9, "D")]


@pytest.mark.parametrize("ending", ["\n", "\r\n"], ids=["LF", "CRLF"])
def test_csv_line_numbers_with_blank_lines_and_no_line_breaks_in_cells(
    tmp_path: Path, ending: str
) -> None:
    lines = ["ma_thu_tuc,ten_thu_tuc", "1.000001,A", "", "", "1.000002,B", "1.000003,C"]
    path = tmp_path / "c.csv"
    path.write_bytes(ending.join(lines).encode())  # and no line break after the last record
    assert rows_and_names(path) == [(2, "A"), (5, "B"), (6, "C")]


def test_csv_in_an_unknown_encoding_is_an_input_error(tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    path.write_bytes("Название,Имя\nЗаявление,Дом\n".encode("koi8-r"))
    with pytest.raises(InputError, match="is in an encoding procaudit does not recognise"):
        read_catalogue(str(path))


def _twice_encoded(text: str, code_page: str) -> str:
    """`text` as Windows shows its UTF-8 bytes in `code_page`: a byte the code page leaves
    undefined becomes the C1 control of the same number."""
    return "".join(
        bytes([byte]).decode(code_page, errors="ignore") or chr(byte) for byte in text.encode()
    )


TWICE_TEXT = "STT,Mã TTHC,Tên thủ tục,Cấp thực hiện\n1,1.000001,Đăng ký khai sinh,Cấp xã\n"


@pytest.mark.parametrize(
    ("code_page", "bom"),
    [("cp1252", b""), ("cp1258", b""), ("cp1252", b"\xef\xbb\xbf"), ("cp1258", b"\xef\xbb\xbf")],
)
def test_csv_utf8_encoded_twice_is_read_as_its_letters(
    tmp_path: Path, code_page: str, bom: bytes
) -> None:
    path = tmp_path / "c.csv"
    path.write_bytes(bom + _twice_encoded(TWICE_TEXT, code_page).encode())
    assert "thá»§ tá»¥c" in path.read_text(encoding="utf-8-sig")
    catalogue = read_catalogue(str(path))
    [table] = catalogue.tables
    assert table.frame["name"].tolist() == ["Đăng ký khai sinh"]
    assert table.frame["level"].tolist() == ["Cấp xã"]
    assert catalogue.dialect is not None and catalogue.dialect.encoding == TWICE_ENCODED
    assert any("encoded twice" in note for note in catalogue.notes)


@pytest.mark.parametrize(
    "name",
    [
        "Đăng ký khai sinh",
        # Letters of Windows-1252 alone, and natural text beside a twice-encoded word.
        "NGÃ BA Ä ÃŽ",
        "Đăng ký khai sinh (thá»§ tá»¥c)",
    ],
)
def test_csv_utf8_encoded_once_is_read_as_it_is(tmp_path: Path, name: str) -> None:
    path = tmp_path / "c.csv"
    path.write_bytes(f"Mã,Tên thủ tục\n1.000001,{name}\n".encode())
    catalogue = read_catalogue(str(path))
    [table] = catalogue.tables
    assert table.frame["name"].tolist() == [name]
    assert catalogue.dialect is not None and catalogue.dialect.encoding == "utf-8"
    assert not catalogue.notes


@pytest.mark.parametrize(
    ("data", "said"),
    [
        # Saved as Windows-1252: "Tên th? t?c", "L?nh v?c".
        (
            "STT;Mã TTHC;Tên thủ tục;Lĩnh vực\n1;1.000001;Khai sinh;Hộ tịch\n".encode(
                "cp1252", "replace"
            ),
            True,
        ),
        # A question in a label is no lost letter.
        ("STT;Số hiệu?;Nội dung?;Ghi chú\n1;1.000001;Khai sinh;x\n".encode(), False),
    ],
)
def test_a_header_whose_letters_became_question_marks_says_so(
    tmp_path: Path, data: bytes, said: bool
) -> None:
    path = tmp_path / "c.csv"
    path.write_bytes(data)
    with pytest.raises(InputError) as raised:
        read_catalogue(str(path))
    assert ("replaced by '?'" in raised.value.problem) is said
    assert "no column for the procedure name" in raised.value.problem


LOST_TEXT = "STT,Mã thủ tục,Tên thủ tục hành chính\n1,1.001193,Đăng ký khai sinh\n"


def _replaced(text: str) -> str:
    """UTF-8 read as Windows-1252 by a program that put U+FFFD for the bytes the code page
    leaves undefined ("Đ" is C4 90), and saved again."""
    return text.encode().decode("cp1252", errors="replace")


@pytest.mark.parametrize(
    ("name", "data", "said"),
    [
        # "Đ" lost its second byte: the text cannot be read back; the cells are named.
        ("c.csv", _replaced(LOST_TEXT).encode(),
         ["encoded twice", "cell B1 holds 'MÃ£ thá»§ tá»¥c', that is 'Mã thủ tục'",
          "lost bytes", "cell C2 holds 'Ä\ufffdÄƒng kÃ½ khai sinh'"]),
        ("c.xlsx", None,
         ["encoded twice", "cell B2 holds 'MÃ£ thá»§ tá»¥c'", "lost bytes", "cell C3"]),
        # A workbook's cells twice encoded, no byte lost: said too (only a CSV is read back).
        ("w.xlsx", _replaced(LOST_TEXT.replace("Đăng", "Cấp")),
         ["encoded twice", "cell B2 holds 'MÃ£ thá»§ tá»¥c', that is 'Mã thủ tục'"]),
        # Text that is no such thing: nothing said.
        ("n.csv", "STT,Mã,Nội dung\n1,1.001193,Khai sinh \ufffd\n".encode(), []),
    ],
    ids=["csv lost bytes", "xlsx lost bytes", "xlsx twice encoded", "no such text"],
)  # fmt: skip
def test_a_header_twice_encoded_says_so(
    tmp_path: Path, name: str, data: bytes | str | None, said: list[str]
) -> None:
    path = tmp_path / name
    if name.endswith(".csv"):
        assert isinstance(data, bytes)
        path.write_bytes(data)
    else:
        text = data if isinstance(data, str) else _replaced(LOST_TEXT)
        rows: list[list[object]] = [["DANH MỤC"], *(line.split(",") for line in text.splitlines())]
        write_workbook(path, {"DS": rows})
    with pytest.raises(InputError) as raised:
        read_catalogue(str(path))
    problem = raised.value.problem
    assert "no column for the procedure name" in problem
    assert [part for part in said if part in problem] == said
    assert ("encoded twice" in problem) is bool(said)
    assert ("lost bytes" in problem) is ("lost bytes" in said)


def test_csv_without_name_column_is_an_input_error(tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    path.write_text("STT,Mã TTHC\n1,1.000001\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"procedure name .*row has 'STT', 'Mã TTHC';"):
        read_catalogue(str(path))


def test_xlsx_rows_keep_excel_numbers_and_cells_are_text(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "c.xlsx",
        {
            "Danh mục": [
                ["STT", "Mã thủ tục", "Tên thủ tục", "Ngày công bố"],
                [1, "1.000001", "A", "15/08/2025"],
                [None, None, None, None],
                [3, 1.001234, "B", 45884],
                [4, "1.000003", 123, None],
            ]
        },
    )
    catalogue = read_catalogue(str(path))
    [table] = catalogue.tables
    assert table.sheet == "Danh mục"
    frame = table.frame
    assert frame["_row"].tolist() == [2, 4, 5]
    assert frame["code"].tolist() == ["1.000001", "1.001234", "1.000003"]
    assert frame["name"].tolist() == ["A", "B", "123"]
    assert frame["decision_date"].tolist()[:2] == ["15/08/2025", "45884"]
    assert table.header_map.unmapped == ()
    assert table.header_map.stt == 0


def test_xlsx_sheets_without_a_catalogue_are_skipped(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "c.xlsx",
        {
            "Ghi chú": [["Ghi chú"], ["Danh mục kèm theo Quyết định"]],
            "Cấp tỉnh": [["Tên thủ tục"], ["A"]],
            "Trống": [],
            "Cấp xã": [["Tên thủ tục"], ["B"], ["C"]],
        },
    )
    catalogue = read_catalogue(str(path))
    assert [(t.sheet, len(t.frame)) for t in catalogue.tables] == [("Cấp tỉnh", 1), ("Cấp xã", 2)]
    assert catalogue.skipped_sheets == {
        "Ghi chú": "has no column for the procedure name (looked for 'Tên thủ tục' or 'Tên thủ "
        "tục hành chính' or 'Tên TTHC' in the first 30 rows; the most header-like "
        "row has 'Ghi chú'; name it with --map or point at it with --header-row)",
        "Trống": "empty",
    }


def test_xlsx_without_name_column_is_an_input_error(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "c.xlsx", {"S": [["Mã số", "Lĩnh vực"], ["1.000001", "Hộ tịch"]]})
    with pytest.raises(InputError, match="sheet 'S' has no column for the procedure name"):
        read_catalogue(str(path))
    # In Vietnamese the column is "tên thủ tục", not the English id `name` beside it.
    with speaking("vi"), pytest.raises(InputError) as raised:
        read_catalogue(str(path))
    assert raised.value.problem.startswith(
        "trang tính 'S' không có cột tên thủ tục (đã tìm 'Tên thủ tục' hoặc "
    )
    assert "(name)" not in raised.value.problem


def test_header_under_a_merged_title_is_found(tmp_path: Path) -> None:
    # The national portal's export: a title over A1:E1 with line breaks, the header on row 2.
    title = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập – Tự do – Hạnh phúc\n\nDANH SÁCH"
    path = write_xlsx(tmp_path / "c.xlsx", {"S": [[title], ["Mã số", "Tên"], ["1.000001", "A"]]})
    [table] = read_catalogue(str(path)).tables
    assert rows_and_names(path) == [(3, "A")]
    assert table.account.header_rows == (2,)
    assert table.account.skipped == {"title block above the header": (1,)}


def test_headers_quoted_in_the_error_are_one_short_line_each(tmp_path: Path) -> None:
    long = "Cơ quan thực hiện\n(ghi rõ tên cơ quan, đơn vị trực tiếp tiếp nhận hồ sơ)"
    path = write_xlsx(tmp_path / "c.xlsx", {"S": [["Mã số", long], ["1.000001", "A"]]})
    with pytest.raises(InputError) as raised:
        read_catalogue(str(path))
    message = str(raised.value)
    assert "\n" not in message
    assert "row has 'Mã số', 'Cơ quan thực hiện (ghi rõ tên cơ quan,…';" in message


@pytest.mark.parametrize(
    ("name", "content", "problem"),
    [
        ("missing.csv", None, "no such file"),
        ("catalogue.pdf", b"%PDF-1.4", "has an unsupported type '.pdf'"),
        ("broken.xlsx", b"this is not a zip file", "is not an Excel workbook but text"),
        ("broken.xls", b"\x00\x01garbage\xff" * 50, r"is not an Excel workbook \(it may be"),
        ("empty.csv", b"", "is empty"),
    ],
)
def test_unreadable_inputs(tmp_path: Path, name: str, content: bytes | None, problem: str) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(InputError, match=problem) as raised:
        read_catalogue(str(path))
    assert str(raised.value).startswith(str(path))


def test_directory_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="is a directory"):
        read_catalogue(str(tmp_path))


def test_codes_stored_as_numbers_get_their_trailing_zeros_back(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "c.xlsx",
        {
            "S": [
                ["Mã số", "Tên thủ tục"],
                [1.00123, "stored as a number: the zero Excel dropped is given back"],
                ["1.00123", "typed as text: a bad code, left for the rules"],
                [1.000178, "a number with all six decimals"],
                ["1.000494.000.00.00.H29", "a local code"],
            ]
        },
    )
    [table] = read_catalogue(str(path)).tables
    assert table.frame["code"].tolist() == [
        "1.001230",
        "1.00123",
        "1.000178",
        "1.000494.000.00.00.H29",
    ]
    assert table.codes_restored == 1


PART_ONE = [  # new procedures: no code yet, three columns
    ["PHẦN I. DANH MỤC THỦ TỤC HÀNH CHÍNH MỚI BAN HÀNH"],
    ["STT", "Tên thủ tục hành chính", "Lĩnh vực"],
    [1, "Cấp phép khai thác nước dưới đất", "Tài nguyên nước"],
    [2, "Gia hạn giấy phép khai thác nước", "Tài nguyên nước"],
    [None],
]
WATER = [(3, "Cấp phép khai thác nước dưới đất"), (4, "Gia hạn giấy phép khai thác nước")]
PART_TWO = [  # amended procedures: a code and an agency, five columns
    ["PHẦN II. DANH MỤC THỦ TỤC HÀNH CHÍNH SỬA ĐỔI, BỔ SUNG"],
    ["STT", "Mã TTHC", "Tên thủ tục hành chính", "Lĩnh vực", "Cơ quan thực hiện"],
    [1, "1.000178", "Đăng ký đất đai lần đầu", "Đất đai", "Sở Nông nghiệp và Môi trường"],
]


@pytest.mark.parametrize(
    ("parts", "expected"),
    [
        # The second part's header names more columns: the first part must not become its title.
        (
            (PART_ONE, PART_TWO),
            [
                ((2,), WATER),
                ((7,), [(8, "Đăng ký đất đai lần đầu")]),
            ],
        ),
        # The first part's header names more: the second must not be read with its columns.
        (
            (PART_TWO, PART_ONE),
            [
                ((2,), [(3, "Đăng ký đất đai lần đầu")]),
                ((5,), [(row + 3, name) for row, name in WATER]),
            ],
        ),
    ],
    ids=["narrow part first", "wide part first"],
)
def test_parts_with_their_own_headers_are_read_as_their_own_tables(
    tmp_path: Path, parts: tuple[list, list], expected: list
) -> None:
    path = write_xlsx(tmp_path / "c.xlsx", {"Danh mục": [*parts[0], *parts[1]]})
    tables = read_catalogue(str(path)).tables
    assert [
        (t.account.header_rows, list(zip(t.frame["_row"], t.frame["name"], strict=True)))
        for t in tables
    ] == expected
    assert {t.sheet for t in tables} == {"Danh mục"}
    # Each part's heading right above its header is its title: it gives the part's status.
    assert [t.frame["status"].unique().tolist() for t in tables] == [
        ["Ban hành mới" if t is PART_ONE else "Sửa đổi, bổ sung"] for t in parts
    ]
    wide = next(t for t in tables if "code" in t.frame)
    assert wide.frame[["code", "agency"]].values.tolist() == [
        ["1.000178", "Sở Nông nghiệp và Môi trường"]
    ]


@pytest.mark.parametrize(
    "name_header",
    ["Tên thủ tục\nhành chính", "Tên TTHC bị bãi bỏ", "TÊN THỦ TỤC HÀNH CHÍNH (1)"],
)
def test_a_part_below_whose_name_header_is_typed_otherwise_is_found_by_its_stt(
    tmp_path: Path, name_header: str
) -> None:
    narrow = [row if row[:1] != ["STT"] else ["STT", name_header, "Lĩnh vực"] for row in PART_ONE]
    path = write_xlsx(tmp_path / "c.xlsx", {"Danh mục": [*PART_TWO, *narrow]})
    tables = read_catalogue(str(path)).tables
    assert [list(zip(t.frame["_row"], t.frame["name"], strict=True)) for t in tables] == [
        [(3, "Đăng ký đất đai lần đầu")],
        [(row + 3, name) for row, name in WATER],
    ]


def test_a_header_repeated_in_the_same_layout_is_no_new_part(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "c.xlsx", {"S": [*PART_TWO, *PART_TWO]})
    [table] = read_catalogue(str(path)).tables
    assert table.frame["_row"].tolist() == [3, 6]


@pytest.mark.parametrize(
    ("line", "name"),
    [("1.000002,   ,Cấp xã", None), ('1.000002,"  ",Cấp xã', None), ("1.000002, B ,Cấp xã", " B ")],
    ids=["spaces", "quoted spaces", "padded text"],
)
def test_csv_cells_of_only_spaces_are_blank(tmp_path: Path, line: str, name: str | None) -> None:
    path = tmp_path / "c.csv"
    path.write_text(
        f"ma_thu_tuc,ten_thu_tuc,cap_thuc_hien\n1.000001,A,Cấp xã\n{line}\n", encoding="utf-8"
    )
    [table] = read_catalogue(str(path)).tables
    value = table.frame["name"].iloc[1]
    assert (None if pd.isna(value) else value) == name


def test_xlsm_is_read_as_values(tmp_path: Path) -> None:
    # A macro-enabled workbook: procaudit reads its cell values and never runs anything.
    path = write_xlsx(tmp_path / "c.xlsm", {"S": [["Mã số", "Tên"], ["1.000001", "A"]]})
    catalogue = read_catalogue(str(path))
    assert catalogue.format == "xlsm"
    assert rows_and_names(path) == [(2, "A")]


@pytest.mark.parametrize(
    "again",
    ["Tên thủ tục\nhành chính", "TÊN THỦ TỤC HÀNH CHÍNH", "Tên thủ tục  hành chính", "Tên TTHC"],
    ids=["wrapped", "in capitals", "a space doubled", "another alias"],
)
def test_a_header_repeated_typed_otherwise_is_no_procedure(tmp_path: Path, again: str) -> None:
    header = ["STT", "Mã TTHC", "Tên thủ tục hành chính", "Lĩnh vực"]
    rows = [
        header,
        [1, "1.000178", "Đăng ký đất đai lần đầu", "Đất đai"],
        ["STT", "Mã TTHC", again, "Lĩnh vực"],
        [2, "1.000179", "Đăng ký biến động đất đai", "Đất đai"],
    ]
    path = write_xlsx(tmp_path / "c.xlsx", {"S": rows})
    [table] = read_catalogue(str(path)).tables
    assert table.frame["_row"].tolist() == [2, 4]


def test_a_table_beside_the_first_is_read_as_its_own(tmp_path: Path) -> None:
    """A province's list on the left, the communes' on the right, each under its header."""
    head = ["STT", "Mã TTHC", "Tên thủ tục hành chính", "Cơ quan thực hiện"]
    rows = [
        ["A. TTHC CẤP TỈNH", None, None, None, None, "B. TTHC CẤP XÃ"],
        [*head, None, *head],
        [1, "1.000178", "Đăng ký đất đai lần đầu", "Sở Nông nghiệp và Môi trường", None,
         1, "1.001193", "Đăng ký khai sinh", "UBND cấp xã"],
        [2, "1.000179", "Đăng ký biến động đất đai", "Sở Nông nghiệp và Môi trường", None,
         None, None, None, None],
    ]  # fmt: skip
    path = write_xlsx(tmp_path / "c.xlsx", {"S": rows})
    tables = read_catalogue(str(path)).tables
    assert [t.frame["name"].tolist() for t in tables] == [
        ["Đăng ký đất đai lần đầu", "Đăng ký biến động đất đai"],
        ["Đăng ký khai sinh"],
    ]
    assert tables[1].header_map.columns["name"] == 7  # column H, where the user sees it
    assert tables[1].frame["level"].tolist() == ["Cấp xã"]


def _with_errors(path: Path, cells: dict[str, str]) -> Path:
    """A catalogue whose `cells` hold Excel error values (typed, or pasted as values: no
    formula), as Excel saves them: t="e"."""
    rows = [["Mã TTHC", "Tên thủ tục", "Mẫu đơn, tờ khai"]]
    rows += [[f"1.00000{n}", f"Thủ tục {n}", "Tờ khai"] for n in range(1, 9)]
    write_xlsx(path, {"Danh mục": rows})
    workbook = openpyxl.load_workbook(path)
    for reference, error in cells.items():
        workbook["Danh mục"][reference].value = error
        workbook["Danh mục"][reference].data_type = "e"
    workbook.save(path)
    return path


@pytest.mark.parametrize(
    ("cells", "note"),
    [
        ({}, None),
        (
            {"A3": "#N/A"},
            "sheet 'Danh mục' has 1 cell showing an Excel error (A3 #N/A), read as an empty "
            "cell; correct its formula or type its value",
        ),
        (
            {f"C{row}": "#REF!" for row in range(2, 9)} | {"B9": "#VALUE!"},
            "sheet 'Danh mục' has 8 cells showing an Excel error (C2 #REF!, C3 #REF!, C4 #REF!, "
            "C5 #REF!, C6 #REF!, …), read as empty cells; correct their formulas or type their "
            "values",
        ),
    ],
    ids=["none", "one", "several"],
)
def test_excel_error_values_are_noted_and_read_as_empty(
    tmp_path: Path, cells: dict[str, str], note: str | None
) -> None:
    catalogue = read_catalogue(str(_with_errors(tmp_path / "e.xlsx", cells)))
    assert list(catalogue.notes) == ([note] if note else [])
    [table] = catalogue.tables
    assert "#N/A" not in table.frame["code"].dropna().tolist()
    if "A3" in cells:
        assert pd.isna(table.frame["code"].iloc[1])


_FORMULA_SHEET = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
    '<row r="1"><c r="A1" t="inlineStr"><is><t>Mã TTHC</t></is></c>'
    '<c r="B1" t="inlineStr"><is><t>Tên thủ tục</t></is></c>'
    '<c r="C1" t="inlineStr"><is><t>Mẫu đơn, tờ khai</t></is></c></row>'
    '<row r="2"><c r="A2" t="inlineStr"><is><t>1.000001</t></is></c>'
    '<c r="B2" t="inlineStr"><is><t>Đăng ký khai sinh</t></is></c>'
    # Saved by Excel: a look-up that found nothing and gave "".
    '<c r="C2" t="str"><f>IFERROR(VLOOKUP(A2,X!A:B,2,0),"")</f><v></v></c></row>'
    '<row r="3"><c r="A3" t="inlineStr"><is><t>1.000002</t></is></c>'
    '<c r="B3" t="inlineStr"><is><t>Đăng ký kết hôn</t></is></c>'
    # Written by a program: no value saved.
    '<c r="C3"><f>B3</f></c></row>'
    "</sheetData></worksheet>"
)


def test_a_formula_saved_as_empty_text_is_no_formula_without_a_value(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "f.xlsx", {"DM": [["x"]]})
    with zipfile.ZipFile(path) as original:
        parts = {item.filename: original.read(item) for item in original.infolist()}
    parts["xl/worksheets/sheet1.xml"] = _FORMULA_SHEET.encode()
    with zipfile.ZipFile(path, "w") as rewritten:
        for name, data in parts.items():
            rewritten.writestr(name, data)
    assert list(read_catalogue(str(path)).notes) == [
        "sheet 'DM' has 1 formula with no saved value (C3): its cell was not checked; open "
        "the file in Excel and save it to store its value"
    ]


# Each row's forms cell (column C) and what the reader marks of it (`Table.unread`): a
# formula saved without its value "", an error shown its text; a merge spreads its mark.
_LOOKUP = "=VLOOKUP(A{row},DM!A:B,2,0)"
UNREAD_CELLS = {
    "a formula with no saved value": ([_LOOKUP, "Tờ khai"], [], ["", None]),
    "an error shown": (["#N/A", "#REF!"], [], ["#N/A", "#REF!"]),
    "a formula spelling its text, read": (['="Tờ khai"', _LOOKUP], [], [None, ""]),
    "an empty cell is no formula": ([None, _LOOKUP], [], [None, ""]),
    "a merged formula marks the rows it covers": ([_LOOKUP, None], ["C2:C3"], ["", ""]),
    "a merged value marks nothing": (["Tờ khai", None], ["C2:C3"], None),
    "an error merged down": (["#N/A", None], ["C2:C3"], ["#N/A", "#N/A"]),
}


@pytest.mark.parametrize(("forms", "merged", "marks"), UNREAD_CELLS.values(), ids=UNREAD_CELLS)
def test_the_cells_excel_shows_a_value_in_are_marked(
    tmp_path: Path, forms: list[str | None], merged: list[str], marks: list[str | None] | None
) -> None:
    rows = [["Mã TTHC", "Tên thủ tục", "Mẫu đơn, tờ khai"]]
    for number, cell in enumerate(forms, start=1):
        cell = cell.format(row=number + 1) if cell else cell
        rows.append([f"1.00000{number}", f"Thủ tục {number}", cell])
    path = write_workbook(tmp_path / "f.xlsx", {"Danh mục": rows}, merged={"Danh mục": merged})
    [table] = read_catalogue(str(path)).tables
    found = {column: shown.tolist() for column, shown in table.unread.items()}
    assert found == ({} if marks is None else {"forms": marks})


# A program's workbook saves no formula values: a formula spelling its text out is read as it.
FORMULA_TEXTS = {
    "a hyperlink's text": (
        '=HYPERLINK("https://dvc.vn/p?id=1","Đăng ký khai sinh")',
        "Đăng ký khai sinh",
    ),
    "a hyperlink with no text": ('=HYPERLINK("https://dvc.vn/p?id=1")', "https://dvc.vn/p?id=1"),
    "lower case, spaces": (
        '=hyperlink( "u" , "Đăng ký ""lại"" khai sinh" )',
        'Đăng ký "lại" khai sinh',
    ),
    "a text literal": ('="Đăng ký khai sinh"', "Đăng ký khai sinh"),
    # Its value depends on other cells: left empty, and the note says so.
    "a reference": ("=D2", None),
    "a joined text": ('="Đăng ký "&"khai sinh"', None),
}


@pytest.mark.parametrize(("formula", "read"), FORMULA_TEXTS.values(), ids=FORMULA_TEXTS)
def test_a_formula_spelling_its_text_is_read_without_a_saved_value(
    tmp_path: Path, formula: str, read: str | None
) -> None:
    book = openpyxl.Workbook()  # openpyxl saves no formula's value
    book.active.append(["Mã TTHC", "Tên thủ tục", "Cấp thực hiện", "Ghi chú"])
    book.active.append(["1.000001", formula, "Cấp xã", "Đăng ký khai sinh"])
    book.active.append(["1.000002", "Đăng ký kết hôn", "Cấp xã", None])
    book.save(tmp_path / "f.xlsx")
    catalogue = read_catalogue(str(tmp_path / "f.xlsx"))
    [name, _] = catalogue.tables[0].frame["name"].tolist()
    assert (None if pd.isna(name) else name) == read
    assert bool(catalogue.notes) == (read is None)


FIRST_PAGE = [
    ["STT", "Mã TTHC", "Tên TTHC", "Cấp thực hiện"],
    [1, "1.000001", "Đăng ký khai sinh", "Cấp xã"],
    [2, "1.000002", "Đăng ký khai tử", "Cấp xã"],
]


MARRIAGE, CERTIFY = "Đăng ký kết hôn", "Chứng thực"


@pytest.mark.parametrize(
    ("second", "read"),
    [
        # Row numbers going on, and codes of the list's form.
        ([[3, "1.000003", MARRIAGE, "Cấp huyện"], [4, "1.000004", CERTIFY, "Cấp xã"]], True),
        # Codes of the list's form, no row numbers.
        ([[None, "1.000003", MARRIAGE, "Cấp huyện"], [None, "2.000004", CERTIFY, "Cấp xã"]], True),
        # Row numbers going on, no codes yet (new procedures).
        ([[3, None, MARRIAGE, "Cấp huyện"], [4, None, CERTIFY, "Cấp xã"]], True),
        # A lookup list of fields: numbered from 1, codes of another form.
        ([[1, "HT", "Hộ tịch", None], [2, "CT", CERTIFY, None]], False),
        # Rows wider than the list.
        ([[3, "1.000003", MARRIAGE, None, "x"], [4, "1.000004", CERTIFY, None, "y"]], False),
        # Numbers in the name column: a table of counts.
        ([[3, "1.000003", 12, 5], [4, "1.000004", 7, 1]], False),
    ],
)  # fmt: skip
def test_a_sheet_without_a_header_goes_on_with_the_list_before_it(
    tmp_path: Path, second: list[list[object]], read: bool
) -> None:
    path = write_xlsx(tmp_path / "x.xlsx", {"Trang 1": FIRST_PAGE, "Trang 2": second})
    catalogue = read_catalogue(str(path))
    names = [table.frame["name"].tolist() for table in catalogue.tables]
    if read:
        assert [table.sheet for table in catalogue.tables] == ["Trang 1", "Trang 2"]
        assert [table.continues for table in catalogue.tables] == [False, True]
        assert names[1] == [MARRIAGE, CERTIFY]
        assert catalogue.tables[1].frame["_row"].tolist() == [1, 2]
        assert catalogue.tables[1].frame["level"].tolist()[0] == "Cấp huyện"
        assert any("'Trang 2' has no header of its own" in note for note in catalogue.notes)
    else:
        assert names == [["Đăng ký khai sinh", "Đăng ký khai tử"]]
        assert "Trang 2" in catalogue.skipped_sheets


def test_a_one_stop_list_goes_on_with_other_units_local_codes(tmp_path: Path) -> None:
    """A one-stop export split over two sheets: the units further on write their fields'
    letters in their codes ("2019.DD.CX.15" after "2018.BTXH.CX.03"), and its RNUM counts
    nothing the sheet before counted on."""
    header = ["TEN_CO_QUAN", "TEN_TAT", "TEN_THU_TUC", "RNUM"]
    first = [header] + [
        ["Sở Lao động", f"2018.BTXH.CX.0{i}", f"Trợ cấp xã hội {i}", 40 + i] for i in range(1, 6)
    ]
    second = [["UBND Huyện Hạ Hòa", f"2019.DD.CX.{i:02d}", f"Giao đất {i}", i] for i in range(1, 6)]
    path = write_xlsx(tmp_path / "x.xlsx", {"Trang 1": first, "Trang 2": second})
    tables = read_catalogue(str(path)).tables
    assert [table.sheet for table in tables] == ["Trang 1", "Trang 2"]
    assert tables[1].frame["code"].tolist()[0] == "2019.DD.CX.01"


def test_a_sheet_with_a_header_that_names_no_procedure_does_not_go_on_with_the_list(
    tmp_path: Path,
) -> None:
    # Rows keyed by the procedures' codes under a header of their own that names no name.
    other = [
        ["Số TT", "Mã", "Diễn giải", "Đơn vị tính"],
        *([number, f"1.00000{number}", f"Khoản thu số {number}", "đồng"] for number in range(3, 9)),
    ]
    path = write_xlsx(tmp_path / "x.xlsx", {"Trang 1": FIRST_PAGE, "Khác": other})
    catalogue = read_catalogue(str(path))
    assert [table.sheet for table in catalogue.tables] == ["Trang 1"]
    assert "Khác" in catalogue.skipped_sheets


ANNEX_HEAD = [["STT", "Mã TTHC", "Tên TTHC", "Cơ quan thực hiện"]]
LEVEL_HEADED = [
    *ANNEX_HEAD,
    ["A. THỦ TỤC HÀNH CHÍNH CẤP TỈNH"],
    [1, "1.000001", "Cấp giấy phép xây dựng", "Sở Xây dựng"],
    ["B. THỦ TỤC HÀNH CHÍNH CẤP XÃ"],
    [2, "1.000002", "Đăng ký khai sinh", "UBND cấp xã"],
]
STATUS_HEADED = [
    *ANNEX_HEAD,
    ["I. THỦ TỤC HÀNH CHÍNH MỚI BAN HÀNH"],
    ["A. THỦ TỤC HÀNH CHÍNH CẤP TỈNH"],
    [1, "1.000001", "Cấp giấy phép xây dựng", "Sở Xây dựng"],
    ["II. DANH MỤC THỦ TỤC HÀNH CHÍNH BỊ BÃI BỎ"],
    [2, "1.000002", "Đăng ký khai sinh", "UBND cấp xã"],
]
GOING_ON = [[3, "1.000003", MARRIAGE, "UBND cấp xã"], [4, "1.000004", CERTIFY, "UBND cấp xã"]]


@pytest.mark.parametrize(
    ("first", "second", "column", "expected"),
    [
        # The rows go on under the level block the sheet before ends in.
        (LEVEL_HEADED, GOING_ON, "level", ["Cấp xã", "Cấp xã"]),
        # ... until a heading of their own.
        (
            LEVEL_HEADED,
            [GOING_ON[0], ["C. THỦ TỤC HÀNH CHÍNH CẤP HUYỆN"], GOING_ON[1]],
            "level",
            ["Cấp xã", "Cấp huyện"],
        ),
        # A part of abolished procedures goes on: its rows are abolished, not in force.
        (STATUS_HEADED, GOING_ON, "status", ["Bãi bỏ", "Bãi bỏ"]),
        # A new part resets the level block of the part before, as on one sheet.
        (
            STATUS_HEADED,
            [["III. THỦ TỤC HÀNH CHÍNH ĐƯỢC SỬA ĐỔI"], *GOING_ON],
            "status",
            ["Sửa đổi, bổ sung", "Sửa đổi, bổ sung"],
        ),
        # A sheet before without headings gives none.
        ([*ANNEX_HEAD, [1, "1.000001", "Cấp giấy phép", "Sở Xây dựng"]], GOING_ON, "level", None),
    ],
)  # fmt: skip
def test_a_sheet_going_on_stands_under_the_headings_the_sheet_before_ends_with(
    tmp_path: Path,
    first: list[list[object]],
    second: list[list[object]],
    column: str,
    expected: list[str] | None,
) -> None:
    path = write_xlsx(tmp_path / "x.xlsx", {"Trang 1": first, "Trang 2": second})
    [_, table] = read_catalogue(str(path)).tables
    assert table.frame["name"].tolist() == [MARRIAGE, CERTIFY]
    assert (table.frame[column].tolist() if column in table.frame else None) == expected
    # The sheet before's headings are not listed as this sheet's own, and no value is said
    # to come from a heading on a row of this sheet that holds none.
    own = {section.row for section in table.account.sections}
    assert 0 not in own
    assert all(set(given.tolist()) <= {0, *own} for given in table.given_by.values())


def test_a_third_sheet_goes_on_under_the_headings_of_the_first(tmp_path: Path) -> None:
    third = [[5, "1.000005", "Đăng ký giám hộ", "UBND cấp xã"]]
    sheets = {"Trang 1": STATUS_HEADED, "Trang 2": GOING_ON, "Trang 3": third}
    path = write_xlsx(tmp_path / "x.xlsx", sheets)
    tables = read_catalogue(str(path)).tables
    assert [table.frame["status"].tolist() for table in tables[1:]] == [["Bãi bỏ"] * 2, ["Bãi bỏ"]]


def test_a_sheet_going_on_may_open_with_a_heading(tmp_path: Path) -> None:
    second = [
        ["B. THỦ TỤC HÀNH CHÍNH CẤP HUYỆN"],
        [3, "1.000003", MARRIAGE],
        [4, "1.000004", CERTIFY],
    ]
    path = write_xlsx(tmp_path / "x.xlsx", {"Trang 1": FIRST_PAGE, "Trang 2": second})
    [_, table] = read_catalogue(str(path)).tables
    assert table.frame["name"].tolist() == [MARRIAGE, CERTIFY]
    assert table.frame["level"].tolist() == ["Cấp huyện", "Cấp huyện"]
