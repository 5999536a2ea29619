"""The files procaudit wrote itself, known without loading them (issue 17): workbooks by the
mark in their document properties, CSV files by their header line."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl
import pytest

from conftest import SAMPLES
from procaudit.app.own_outputs import is_own_output, own_csv_headers
from procaudit.report.own_mark import OWN_MARK
from procaudit.report.workbook import heading_row, new_workbook, workbook_bytes


def test_every_workbook_procaudit_writes_is_marked(tmp_path: Path) -> None:
    workbook, sheet = new_workbook("Danh mục")
    heading_row(sheet, ["Mã TTHC"])
    path = tmp_path / "out.xlsx"
    path.write_bytes(workbook_bytes(workbook))
    properties = openpyxl.load_workbook(path).properties
    assert (properties.creator, properties.keywords) == (OWN_MARK, OWN_MARK)
    assert is_own_output(str(path))


def test_the_keyword_alone_is_enough(tmp_path: Path) -> None:
    # A fix-list re-saved by an official's Excel may carry another creator; the keyword stays.
    workbook, _ = new_workbook("x")
    raw = workbook_bytes(workbook)
    path = tmp_path / "re-saved.xlsx"
    with zipfile.ZipFile(io.BytesIO(raw)) as source, zipfile.ZipFile(path, "w") as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                data = data.replace(b"<dc:creator>procaudit<", b"<dc:creator>Nguyen Van A<")
            target.writestr(info.filename, data)
    assert is_own_output(str(path))


def test_a_catalogue_is_not_procaudits(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()  # openpyxl's own creator, no keywords
    workbook.active.append(["Mã TTHC", "Tên thủ tục"])
    path = tmp_path / "danh-muc.xlsx"
    workbook.save(path)
    assert not is_own_output(str(path))
    assert not is_own_output(str(SAMPLES / "catalogue-lao-cai.xlsx"))
    assert not is_own_output(str(SAMPLES / "catalogue-lao-cai.csv"))


@pytest.mark.parametrize("content", [b"", b"not a zip", b"PK\x03\x04broken"])
def test_a_file_that_cannot_be_read_is_left_to_the_reader(tmp_path: Path, content: bytes) -> None:
    for name in ("hong.xlsx", "hong.csv", "hong.xlsm"):
        (tmp_path / name).write_bytes(content)
        assert not is_own_output(str(tmp_path / name))
    assert not is_own_output(str(tmp_path / "missing.xlsx"))


@pytest.mark.parametrize("index", [0, 1, 2])
def test_procaudits_csv_headers_are_recognised_with_or_without_a_bom(
    tmp_path: Path, index: int
) -> None:
    header = own_csv_headers()[index]
    for encoding in ("utf-8", "utf-8-sig"):
        path = tmp_path / f"{index}-{encoding}.csv"
        with path.open("w", encoding=encoding, newline="") as handle:
            csv.writer(handle, lineterminator="\r\n").writerows([header, ["a"] * len(header)])
        assert is_own_output(str(path))


def test_a_csv_must_start_with_the_whole_header(tmp_path: Path) -> None:
    path = tmp_path / "file.csv"
    path.write_text("file,sheet,row\n", encoding="utf-8")
    assert not is_own_output(str(path))


def test_telling_a_folders_files_apart_imports_no_writer(tmp_path: Path) -> None:
    # A folder scan asks about every file before the first is read: neither the workbook
    # writer (openpyxl) nor pandas is loaded for it.
    workbook, _ = new_workbook("x")
    ours = tmp_path / "fix-list.xlsx"
    ours.write_bytes(workbook_bytes(workbook))
    asked = [
        str(ours),
        str(SAMPLES / "catalogue-lao-cai.xlsx"),
        str(SAMPLES / "catalogue-lao-cai.csv"),
    ]
    code = (
        "import sys\n"
        "from procaudit.app.own_outputs import is_own_output\n"
        f"print(*[is_own_output(path) for path in {asked!r}])\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('openpyxl', 'pandas')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.splitlines() == ["True False False", "[]"]
