"""A quote opened in a CSV cell and closed only lines later swallows whole rows into that
cell: the file is refused with the lines to look at, by both readers, and a cell of text
with line breaks and commas is not mistaken for it."""

from __future__ import annotations

from pathlib import Path

import pytest

from procaudit.core.errors import InputError
from procaudit.io import read_catalogue

HEADER = "STT,Mã thủ tục,Tên thủ tục,Cấp thực hiện,Mẫu đơn"


def rows(count: int) -> list[str]:
    return [f"{i},1.{i:06d},Cấp giấy phép số {i},Cấp xã,Mẫu {i}" for i in range(1, count + 1)]


def _with(lines: list[str], **changed: str) -> str:
    """The catalogue with some of its data rows (by 1-based number) replaced."""
    for number, line in changed.items():
        lines[int(number.removeprefix("row")) - 1] = line
    return "\n".join([HEADER, *lines]) + "\n"


SWALLOWING = _with(
    rows(12),
    row4='4,1.000004,"Cấp giấy phép số 4,Cấp xã,Mẫu 4',  # the quote opens (line 5)...
    row10='10,1.000010,Cấp giấy phép (mẫu "B),Cấp xã,Mẫu 10',  # ...and closes on line 11
)

# Case -> (the file's text, what is said: (opened, closed, rows) or None for a good read).
CASES = {
    "a quote swallows five rows": (SWALLOWING, (5, 11, 5)),
    "the same with Windows line ends": (SWALLOWING.replace("\n", "\r\n"), (5, 11, 5)),
    "a quote in the last column": (
        _with(rows(6), row2='2,1.000002,Cấp giấy phép số 2,Cấp xã,"Mẫu 2', row4='4,a,b,c,d"'),
        (3, 5, 1),
    ),
    "one swallowed line that ends the record is no row": (
        _with(rows(6), row2='2,1.000002,"Cấp giấy phép số 2,Cấp xã,Mẫu 2', row3='3,x"'),
        None,
    ),
    "a forms cell listing forms on lines, with commas": (
        _with(rows(4), row2='2,1.000002,Cấp phép,Cấp xã,"Mẫu 01, Mẫu 02\nMẫu 03, 04\nMẫu 05"'),
        None,
    ),
    "a name cell whose inner line has as many commas as the table": (
        # Its first line does not end the record: the fields after it are still to come.
        _with(rows(4), row2='2,1.000002,"Cấp phép\na, b, c, d, e\nf",Cấp xã,Mẫu 2'),
        None,
    ),
    "a legal text's line with as many commas as the table, a sentence where the number is": (
        # Its first line ends the record, but no row of the list has such a long number.
        _with(
            rows(4),
            row2='2,1.000002,Cấp phép,Cấp xã,"Mẫu 01\nThông tư 101/2020/TT-BTC quy định mức thu, '
            'chế độ thu, nộp, quản lý phí, lệ phí\nMẫu 02"',
        ),
        None,
    ),
}


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16"], ids=["pyarrow", "careful reader"])
@pytest.mark.parametrize(("text", "said"), CASES.values(), ids=CASES.keys())
def test_rows_swallowed_by_a_quote_are_refused_with_their_lines(
    tmp_path: Path, encoding: str, text: str, said: tuple[int, int, int] | None
) -> None:
    path = tmp_path / "list.csv"
    path.write_bytes(text.encode(encoding))
    if said is None:
        read_catalogue(str(path))  # read as it always was
        return
    opened, closed, count = said
    swallowed = "a row" if count == 1 else f"{count} rows"
    with pytest.raises(InputError) as raised:
        read_catalogue(str(path))
    assert str(raised.value) == (
        f"{path}: has a quote opened on line {opened} that closes only on line {closed}, "
        f"which makes {swallowed} of the list part of one cell: close the quote where its "
        "cell ends, or remove it, and run procaudit again"
    )


def test_a_narrow_table_is_never_refused(tmp_path: Path) -> None:
    """Two columns: a line "a,b" inside a cell is as likely text as a row."""
    path = tmp_path / "narrow.csv"
    path.write_text('Mã,Tên\n1.000001,"Cấp phép,x\n1.000002,Khai sinh\n1.000003,y"\n')
    [table] = read_catalogue(str(path)).tables
    assert len(table.frame) == 1
