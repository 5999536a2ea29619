"""Write the corpus of broken and hostile inputs procaudit must answer with one clear sentence.

Every file is made here rather than committed, so the corpus stays reviewable:

    python samples/make_hostile.py FOLDER

`make_all(folder)` returns each case's name and path. The huge cases (16,384 columns,
1,048,576 rows, zip bombs) belong to the size-limit tests, not here.
"""

from __future__ import annotations

import os
import random
import struct
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import openpyxl

HEADER = ["Mã TTHC", "Tên thủ tục", "Lĩnh vực"]
ROWS = [
    ["1.000001", "Đăng ký khai sinh", "Hộ tịch"],
    ["1.000002", "Đăng ký kết hôn", "Hộ tịch"],
]
GOOD_CSV = ",".join(HEADER) + "\n" + "".join(",".join(row) + "\n" for row in ROWS)
BIG_CELL = 1_000_000  # characters in the "1 MB cell"
_SEED = 20250815  # the garbage is random but the same on every run


def _workbook(path: Path, rows: list[list[object]], title: str = "Danh mục") -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = title
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return path


def _replace_part(
    path: Path, part: str, content: bytes, extra: dict[str, bytes] | None = None
) -> None:
    """Rewrite a zip with one part replaced (and others added): openpyxl cannot write them."""
    with zipfile.ZipFile(path) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    parts[part] = content
    parts.update(extra or {})
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts.items():
            target.writestr(name, data)


def _garbage(size: int) -> bytes:
    return random.Random(_SEED).randbytes(size)


def empty_csv(folder: Path) -> Path:
    path = folder / "empty.csv"
    path.write_bytes(b"")
    return path


def empty_xlsx(folder: Path) -> Path:
    path = folder / "empty.xlsx"
    path.write_bytes(b"")
    return path


def header_only_csv(folder: Path) -> Path:
    path = folder / "header_only.csv"
    path.write_text(",".join(HEADER) + "\n", encoding="utf-8")
    return path


def header_only_xlsx(folder: Path) -> Path:
    return _workbook(folder / "header_only.xlsx", [HEADER])


def blank_rows_csv(folder: Path) -> Path:
    path = folder / "blank_rows.csv"
    path.write_text("\n,,\n , ,\n   \n\n", encoding="utf-8")
    return path


def blank_rows_xlsx(folder: Path) -> Path:
    # Cells of spaces only: the sheet has cells but no value in them.
    return _workbook(folder / "blank_rows.xlsx", [["  ", " "], [None, "   "]])


def garbage_xlsx(folder: Path) -> Path:
    path = folder / "garbage.xlsx"
    path.write_bytes(_garbage(4096))
    return path


def garbage_csv(folder: Path) -> Path:
    path = folder / "garbage.csv"
    path.write_bytes(_garbage(4096))
    return path


def xlsx_named_csv(folder: Path) -> Path:
    """A workbook saved under a .csv name: a common slip in offices (read as the workbook it
    is)."""
    path = _workbook(folder / "workbook.csv", [HEADER, *ROWS])
    return path


def csv_named_xlsx(folder: Path) -> Path:
    """CSV text saved under a workbook's name (read as the text it is)."""
    path = folder / "text.xlsx"
    path.write_text(GOOD_CSV, encoding="utf-8")
    return path


def truncated_xlsx(folder: Path) -> Path:
    path = _workbook(folder / "truncated.xlsx", [HEADER, *ROWS])
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path


def macros_xlsm(folder: Path) -> Path:
    """A macro-enabled workbook with a VBA part: its values are read, the macros never run."""
    path = _workbook(folder / "macros.xlsm", [HEADER, *ROWS])
    with zipfile.ZipFile(path) as source:
        types = source.read("[Content_Types].xml").decode()
    types = types.replace(
        "</Types>",
        '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>',
    ).replace(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
        "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
    )
    # Not a real VBA project: procaudit must not even look inside it.
    _replace_part(
        path,
        "[Content_Types].xml",
        types.encode(),
        {"xl/vbaProject.bin": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)},
    )
    return path


def formulas_uncached_xlsx(folder: Path) -> Path:
    """Formulas as openpyxl writes them: no saved value beside them."""
    return _workbook(
        folder / "formulas_uncached.xlsx",
        [
            HEADER,
            ["1.000001", '="Đăng ký " & "khai sinh"', "Hộ tịch"],
            ["1.000002", "Đăng ký kết hôn", "=C2"],
        ],
    )


_CACHED_SHEET = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
<row r="1"><c r="A1" t="inlineStr"><is><t>Mã TTHC</t></is></c>\
<c r="B1" t="inlineStr"><is><t>Tên thủ tục</t></is></c>\
<c r="C1" t="inlineStr"><is><t>Lĩnh vực</t></is></c></row>
<row r="2"><c r="A2" t="inlineStr"><is><t>1.000001</t></is></c>\
<c r="B2" t="str"><f>"Đăng ký "&amp;"khai sinh"</f><v>Đăng ký khai sinh</v></c>\
<c r="C2" t="inlineStr"><is><t>Hộ tịch</t></is></c></row>
<row r="3"><c r="A3" t="inlineStr"><is><t>1.000002</t></is></c>\
<c r="B3" t="inlineStr"><is><t>Đăng ký kết hôn</t></is></c>\
<c r="C3" t="str"><f>C2</f><v>Hộ tịch</v></c></row>
</sheetData></worksheet>"""


def formulas_cached_xlsx(folder: Path) -> Path:
    """Formulas as Excel saves them: the value computed last is stored beside each one."""
    path = _workbook(folder / "formulas_cached.xlsx", [["placeholder"]])
    _replace_part(path, "xl/worksheets/sheet1.xml", _CACHED_SHEET.encode())
    return path


def big_cell_csv(folder: Path) -> Path:
    path = folder / "big_cell.csv"
    path.write_text(
        ",".join(HEADER)
        + "\n"
        + f'1.000001,"{"Đ" * BIG_CELL}",Hộ tịch\n'
        + ",".join(ROWS[1])
        + "\n",
        encoding="utf-8",
    )
    return path


def duplicate_headers_csv(folder: Path) -> Path:
    path = folder / "duplicate_headers.csv"
    path.write_text(
        "Mã TTHC,Tên thủ tục,Tên thủ tục,Lĩnh vực,Lĩnh vực\n"
        "1.000001,Đăng ký khai sinh,Khai sinh,Hộ tịch,Tư pháp\n",
        encoding="utf-8",
    )
    return path


def nul_csv(folder: Path) -> Path:
    path = folder / "nul.csv"
    path.write_bytes(GOOD_CSV.encode().replace(b"khai", b"kh\x00ai"))
    return path


def mixed_endings_csv(folder: Path) -> Path:
    """Lines ended by \\r\\n, \\n and a lone \\r (old Mac), as pasted files end up."""
    path = folder / "mixed_endings.csv"
    lines = [
        ",".join(HEADER),
        ",".join(ROWS[0]),
        ",".join(ROWS[1]),
        "1.000003,Đăng ký khai tử,Hộ tịch",
    ]
    path.write_bytes(
        (lines[0] + "\r\n" + lines[1] + "\n" + lines[2] + "\r" + lines[3] + "\n").encode()
    )
    return path


def old_mac_endings_csv(folder: Path) -> Path:
    """Every line ended by a lone \\r: read as one line, it would become one row of many
    columns."""
    path = folder / "old_mac_endings.csv"
    path.write_bytes(GOOD_CSV.replace("\n", "\r").encode())
    return path


def unterminated_quote_csv(folder: Path) -> Path:
    path = folder / "unterminated_quote.csv"
    path.write_text(
        ",".join(HEADER)
        + "\n"
        + ",".join(ROWS[0])
        + "\n"
        + '1.000002,"Đăng ký kết hôn,Hộ tịch\n1.000003,Đăng ký khai tử,Hộ tịch\n',
        encoding="utf-8",
    )
    return path


def rows_in_one_cell_csv(folder: Path) -> Path:
    """A quote opened in a name and closed by a stray one rows later: the rows between are
    parsed as the name's text."""
    path = folder / "rows_in_one_cell.csv"
    path.write_text(
        ",".join(HEADER)
        + "\n"
        + '1.000001,"Đăng ký khai sinh,Hộ tịch\n'
        + "1.000002,Đăng ký kết hôn,Hộ tịch\n"
        + '1.000003,Đăng ký khai tử (mẫu "A),Hộ tịch\n',
        encoding="utf-8",
    )
    return path


def unknown_encoding_csv(folder: Path) -> Path:
    """Bytes 0x80-0x9f, several of them undefined in Windows-1258, mixed into ASCII."""
    path = folder / "unknown_encoding.csv"
    noise = bytes(random.Random(_SEED).choice(range(0x80, 0xA0)) for _ in range(200))
    path.write_bytes(b"Ma TTHC,Ten thu tuc\n1.000001," + noise + b"\n")
    return path


def password_xlsx(folder: Path) -> Path:
    """What Excel writes for a workbook with a password to open: an OLE2 (CFB) container with
    EncryptionInfo and EncryptedPackage streams. Both are empty here: enough to detect it."""
    path = folder / "password.xlsx"
    path.write_bytes(_cfb(["EncryptionInfo", "EncryptedPackage"]))
    return path


_FREE, _END, _FAT = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD


def _cfb(streams: list[str]) -> bytes:
    """A minimal CFB version 3 file: one FAT sector, one directory sector, empty streams."""
    header = (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
        + bytes(16)
        + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)
        + bytes(6)
        + struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, _END, 0, _END, 0)
        + struct.pack("<I", 0)
        + struct.pack("<I", _FREE) * 108
    )
    fat = struct.pack("<II", _FAT, _END) + struct.pack("<I", _FREE) * 126
    # The root's child is the first stream; each stream's right sibling is the next one.
    entries = [_entry("Root Entry", 5, child=1)]
    for number, name in enumerate(streams, start=1):
        right = number + 1 if number < len(streams) else _FREE
        entries.append(_entry(name, 2, right=right))
    directory = b"".join(entries).ljust(512, b"\0")
    return header + fat + directory


def _entry(name: str, kind: int, child: int = _FREE, right: int = _FREE) -> bytes:
    encoded = (name + "\0").encode("utf-16-le")
    return (
        encoded.ljust(64, b"\0")
        + struct.pack("<HBB", len(encoded), kind, 1)
        + struct.pack("<III", _FREE, right, child)
        + bytes(16)
        + bytes(4)
        + bytes(16)
        + struct.pack("<IQ", _END, 0)
    )


CASES: dict[str, Callable[[Path], Path]] = {
    function.__name__: function
    for function in (
        empty_csv,
        empty_xlsx,
        header_only_csv,
        header_only_xlsx,
        blank_rows_csv,
        blank_rows_xlsx,
        garbage_xlsx,
        garbage_csv,
        xlsx_named_csv,
        csv_named_xlsx,
        truncated_xlsx,
        macros_xlsm,
        formulas_uncached_xlsx,
        formulas_cached_xlsx,
        big_cell_csv,
        duplicate_headers_csv,
        nul_csv,
        mixed_endings_csv,
        old_mac_endings_csv,
        unterminated_quote_csv,
        rows_in_one_cell_csv,
        unknown_encoding_csv,
        password_xlsx,
    )
}


def make_special(folder: Path) -> dict[str, Path]:
    """The cases that are not files with content: a folder and a FIFO named like catalogues,
    and a file nobody may read (which root can read all the same)."""
    made = {
        "directory": folder / "folder.xlsx",
        "fifo": folder / "fifo.csv",
        "unreadable": folder / "unreadable.csv",
    }
    made["directory"].mkdir()
    os.mkfifo(made["fifo"])
    made["unreadable"].write_text(GOOD_CSV, encoding="utf-8")
    made["unreadable"].chmod(0)
    return made


def make_all(folder: Path) -> dict[str, Path]:
    """Write every case into `folder`; each case's name and path."""
    folder.mkdir(parents=True, exist_ok=True)
    made = {name: make(folder) for name, make in CASES.items()}
    made.update(make_special(folder))
    return made


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: make_hostile.py FOLDER")
    for name, path in make_all(Path(sys.argv[1])).items():
        print(f"{name}: {path}")
