"""A CSV file is refused as binary when more than 5% of its first bytes are control bytes
other than tab, line feed, form feed and carriage return."""

from __future__ import annotations

from pathlib import Path

import pytest

from procaudit.core.errors import InputError
from procaudit.io.csv_reader import read_csv_grid

TEXT = "Tên thủ tục,Lĩnh vực\n".encode()
CASES = {
    "text": (TEXT * 10, True),
    "tabs, line breaks, form feeds": (b"a\tb\r\nc\x0cd\n" * 100, True),
    "5% control bytes": (b"\x01" * 5 + b"a" * 95, True),
    "just over 5%": (b"\x01" * 6 + b"a" * 94, False),
    "every kind of control byte": (bytes(range(32)) * 3, False),
    "DEL and high bytes are no control": (b"\x7f\xff\xc3" * 50, True),
}


@pytest.mark.parametrize(("head", "is_text"), CASES.values(), ids=CASES.keys())
def test_control_bytes_share(head: bytes, is_text: bool, tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_bytes(head)
    try:
        read_csv_grid(path)
        refused = ""
    except InputError as exc:  # text may be refused later, for what it holds
        refused = exc.problem
    assert ("is not a CSV text file" not in refused) == is_text, refused
