"""The pyarrow reader of regular CSV files gives the grid the careful reader gives, and
leaves every other file to it."""

from __future__ import annotations

import random
from pathlib import Path

import pandas as pd
import pytest

from procaudit.core.errors import InputError
from procaudit.io.arrow_csv import read_regular_csv
from procaudit.io.csv_dialect import physical_lines
from procaudit.io.csv_reader import read_carefully, read_csv_grid

HEADER = 'STT,Mã thủ tục,Tên thủ tục,"Mẫu đơn, tờ khai"'
REGULAR = {
    "plain": f"{HEADER}\n1,1.000001,Cấp phép,Mẫu 01\n2,1.000002,Đăng ký,\n",
    "crlf and bom": "\ufeff" + f"{HEADER}\r\n1,1.000001,Cấp phép,Mẫu 01\r\n",
    "no final line end": f"{HEADER}\n1,1.000001,Cấp phép,Mẫu 01",
    "a cell on two lines": f'{HEADER}\n1,1.000001,"Cấp\nphép",Mẫu 01\n2,1.000002,Đăng ký,x\n',
    "a CR LF inside a cell": f'{HEADER}\r\n1,1.000001,"Cấp\r\nphép",x\r\n2,1.0002,y,z\r\n',
    "space-only and empty cells": f'{HEADER}\n1,1.000001,"  ",\u00a0\n2,"",Đăng ký,x\n',
    # A portal export's agency cell of a line break alone: empty, its lines still counted.
    "a cell of line breaks alone": f'{HEADER}\n1,1.000001,Cấp,"\n"\n2,,"\r\n ",x\n3,a,b,\n',
    "quotes inside": f'{HEADER}\n1,1.000001,"Cấp ""lại"" phép",Mẫu 01\n',
    "semicolons": "STT;Mã thủ tục;Tên thủ tục\n1;1.000001;Cấp, cấp lại phép\n",
    "tabs": "STT\tMã thủ tục\tTên thủ tục\n1\t1.000001\tCấp phép\n",
    "a title padded with delimiters": f"DANH MỤC TTHC,,,\n{HEADER}\n1,1.000001,Cấp,x\n",
    "blank lines": f"{HEADER}\n\n1,1.000001,Cấp,x\r\n\r\n2,1.000002,Đăng ký,y\n",
    "words that mean missing elsewhere": f"{HEADER}\n1,NA,NULL,n/a\n2,nan,#N/A,null\n",
    "a last cell on two lines": f'{HEADER}\n1,1.000001,Cấp,"Mẫu\n01"\r\n',
    "Excel's text formulas": f'{HEADER}\n1,="1.000001",Cấp,=""\n2,="1.000002",a=b,=SUM(A1)\n',
    # No line as wide as a record: the careful reader took the first fields for an index.
    "every record on two lines": 'STT,"Mã\nTTHC",Tên\n1,"1.000001\n",Cấp\n2,"1.000002\n",Đăng ký\n',
    "a header alone, on two lines": 'STT,Mã thủ tục,"Tên\nthủ tục",Cấp\n',
}
# Files the pyarrow reader must leave to the careful one.
IRREGULAR = {
    "a title narrower than the table": f"DANH MỤC TTHC\n{HEADER}\n1,1.000001,Cấp,x\n".encode(),
    "a wider record below": f"{HEADER}\n1,1.000001,Cấp,x,extra\n".encode(),
    "windows-1258": b"STT,M\xe3 th\xf4ng tin\n1,C\xe2p\n",
    # UTF-8 read as Windows-1252 and saved as UTF-8: "Cấp" twice encoded.
    "UTF-8 encoded twice": f"{HEADER}\n1,1.000001,C\u00e1\u00ba\u00a5p,x\n".encode(),
    "a NUL byte": f"{HEADER}\n1,1.000001,C\0p,x\n".encode(),
    "a NUL byte below the head": (
        f"{HEADER}\n" + "1,1.000001,Cấp,x\n" * 60 + "2,2,C\0p,y\n"
    ).encode(),
    "an unclosed quote": f'{HEADER}\n1,1.000001,"Cấp phép,x\n2,a,b,c\n'.encode(),
    # In the last column, the quote swallows the records below it: pyarrow takes the end of
    # the file for its close.
    "an unclosed quote in the last column": f'{HEADER}\n1,1.000001,Cấp,"x\n2,a,b,c\n'.encode(),
    "an unclosed quote on the last line": f'{HEADER}\n1,1.000001,Cấp,"x\r\n'.encode(),
}


def _write(tmp_path: Path, data: bytes) -> Path:
    path = tmp_path / "list.csv"
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("text", REGULAR.values(), ids=REGULAR.keys())
def test_a_regular_file_reads_as_the_careful_reader_reads_it(tmp_path: Path, text: str) -> None:
    path = _write(tmp_path, text.encode())
    fast = read_regular_csv(path)
    assert fast is not None
    grid, dialect = fast
    careful, careful_dialect = read_carefully(path, path.read_bytes())
    assert dialect == careful_dialect
    # The careful reader counts delimiters inside quotes too: a few empty columns more.
    width = grid.cells.shape[1]
    assert careful.cells.iloc[:, width:].isna().all().all()
    assert _cells(grid.cells) == _cells(careful.cells.iloc[:, :width])
    assert grid.rows.tolist() == careful.rows.tolist()


def _cells(frame: pd.DataFrame) -> list[list[str | None]]:
    return [
        [None if pd.isna(value) else value for value in row]
        for row in frame.itertuples(index=False)
    ]


@pytest.mark.parametrize("data", IRREGULAR.values(), ids=IRREGULAR.keys())
def test_an_irregular_file_is_left_to_the_careful_reader(tmp_path: Path, data: bytes) -> None:
    assert read_regular_csv(_write(tmp_path, data)) is None


def test_a_quote_never_closed_before_the_end_is_said_with_its_line(tmp_path: Path) -> None:
    path = _write(tmp_path, IRREGULAR["an unclosed quote in the last column"])
    with pytest.raises(InputError, match=r"has a quote that is never closed \(line 2\)"):
        read_csv_grid(path)


def test_lines_are_counted_alike_whole_or_in_pieces_cut_anywhere() -> None:
    rng = random.Random(7)
    for _ in range(2000):
        pieces = [rng.choice(["a", "\r", "\n", "\r\n", "ấ"]) for _ in range(rng.randint(0, 12))]
        text = "".join(pieces)
        data = text.encode()
        cut = rng.randint(0, len(data))
        unix = text.replace("\r\n", "\n").replace("\r", "\n")
        expected = unix.count("\n") + (not unix.endswith("\n"))  # a last line needs no end
        assert physical_lines([text]) == expected
        assert physical_lines([data[:cut], data[cut:]]) == expected


# A CSV export keeps a code text for Excel by writing it as a formula: ="1.000178".
FORMULA_TEXT = {
    "a code": ('="1.000178"', "1.000178"),
    "an agency's id": ('="000.00.15.H44"', "000.00.15.H44"),
    "empty": ('=""', None),
    "doubled quotes": ('="Mẫu ""A"""', 'Mẫu "A"'),
    # Not the whole cell, or another formula: as written.
    "a URL": ("https://dichvucong.gov.vn/p?ma=1", "https://dichvucong.gov.vn/p?ma=1"),
    "another formula": ("=A1&B1", "=A1&B1"),
    "text after it": ('="1.000178" (mới)', '="1.000178" (mới)'),
}


@pytest.mark.parametrize(("cell", "read"), FORMULA_TEXT.values(), ids=FORMULA_TEXT)
@pytest.mark.parametrize("encoding", ["utf-8", "utf-16"])
def test_excel_text_formulas_read_as_excel_shows_them(
    tmp_path: Path, cell: str, read: str | None, encoding: str
) -> None:
    """UTF-8 goes to the pyarrow reader, UTF-16 to the careful one."""
    path = _write(tmp_path, f"Mã TTHC;Tên thủ tục\n{cell};Cấp phép\n".encode(encoding))
    grid, _ = read_csv_grid(path)
    assert _cells(grid.cells) == [["Mã TTHC", "Tên thủ tục"], [read, "Cấp phép"]]


def test_a_cell_of_line_breaks_alone_is_blank_and_its_lines_count(tmp_path: Path) -> None:
    """A portal export's agency cell holding "\\n" alone: empty, as a workbook's is, and the
    record below it starts on the line after the cell's."""
    path = _write(tmp_path, f'{HEADER}\n1,1.000001,Cấp,"\n"\n2,1.000002,"\r\n ",x\n'.encode())
    grid, _ = read_csv_grid(path)
    assert _cells(grid.cells.iloc[1:, :4]) == [
        ["1", "1.000001", "Cấp", None],
        ["2", "1.000002", None, "x"],
    ]
    assert grid.rows.tolist() == [1, 2, 4]
