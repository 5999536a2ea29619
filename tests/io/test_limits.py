"""Limits that keep a run bounded: sheets that reach too far, zip bombs, entity expansion,
huge cells and huge files. Each is refused with one sentence and exit 2, before the
expensive work, and each limit can be raised."""

from __future__ import annotations

import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

HEADER = "Tên thủ tục"


def _workbook(path: Path, cells: dict[str, str]) -> Path:
    workbook = Workbook()
    sheet = workbook.active
    sheet["A1"] = HEADER
    sheet["A2"] = "Đăng ký khai sinh"
    for ref, value in cells.items():
        sheet[ref] = value
    workbook.save(path)
    return path


def _check(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "procaudit", "check", "-f", "json", *args],
        capture_output=True,
        text=True,
        timeout=600,  # a hang is the failure; 16,384 columns take a minute on a loaded machine
    )


def _one_sentence(result: subprocess.CompletedProcess[str], path: Path, words: str) -> None:
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1, result.stderr
    assert result.stderr.startswith(f"procaudit: error: {path}: ")
    assert words in result.stderr
    assert "Traceback" not in result.stderr


def test_a_cell_in_the_far_corner_is_refused_before_reading(tmp_path: Path) -> None:
    # 5 KB on disk; read naively it is a grid of 17 billion cells (the reader aborts).
    path = _workbook(tmp_path / "corner.xlsx", {"XFD1048576": "x"})
    started = time.monotonic()
    result = _check(str(path))
    assert time.monotonic() - started < 30
    _one_sentence(result, path, "reaching row 1,048,576 and column 16,384")
    assert "--max-cells" in result.stderr


def test_the_refusal_names_the_sheets_tab_and_the_stray_value_to_delete(tmp_path: Path) -> None:
    path = tmp_path / "tab.xlsx"
    workbook = Workbook()
    workbook.create_sheet("Hướng dẫn", 0)["A1"] = "Xem trang sau"
    sheet = workbook["Sheet"]
    sheet.title = "Danh mục 'cấp xã'"
    sheet["A1"], sheet["A2"], sheet["XFD1048576"] = HEADER, "Đăng ký khai sinh", " "
    workbook.save(path)
    result = _check(str(path))
    _one_sentence(result, path, "has a sheet 'Danh mục 'cấp xã'' reaching row 1,048,576")
    assert "delete the stray values beyond the list" in result.stderr


@pytest.mark.parametrize(
    ("styled", "refused"),
    [
        (["A1048576"], False),  # borders painted down the whole column: nothing in the cells
        (["A1048576", "XFD5"], False),  # ... and across to the last column
        (["WQJ5", "A1048576", "XFD1048576"], False),
        ([], True),  # the same reach with a value in the corner is refused
    ],
)
def test_styled_empty_cells_do_not_count_as_reach(
    tmp_path: Path, styled: list[str], refused: bool
) -> None:
    from openpyxl.styles import Border, Side

    path = tmp_path / "styled.xlsx"
    workbook = Workbook()
    sheet = workbook.active
    sheet["A1"] = HEADER
    sheet["A2"] = "Đăng ký khai sinh"
    for ref in styled:
        sheet[ref].border = Border(bottom=Side(style="thin"))  # written as <c r=".." s="1"/>
    if refused:
        sheet["XFD1048576"] = "x"
    workbook.save(path)
    result = _check(str(path))
    if refused:
        _one_sentence(result, path, "reaching row 1,048,576 and column 16,384")
    else:
        assert result.returncode in (0, 1), result.stderr


@pytest.mark.slow
@pytest.mark.parametrize("ref", ["XFD2", "A1048576"])
def test_the_last_column_or_the_last_row_alone_is_read(tmp_path: Path, ref: str) -> None:
    path = _workbook(tmp_path / "edge.xlsx", {ref: "x"})
    result = _check(str(path))
    assert result.returncode in (0, 1), result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.slow
def test_max_cells_can_be_lowered_and_raised(tmp_path: Path) -> None:
    path = _workbook(tmp_path / "wide.xlsx", {"Z2": "x"})  # 2 rows x 26 columns
    _one_sentence(_check(str(path), "--max-cells", "50"), path, "52 cells, over the limit of 50")
    assert _check(str(path), "--max-cells", "52").returncode in (0, 1)


@pytest.mark.slow
def test_a_zip_bomb_is_refused_before_it_is_inflated(tmp_path: Path) -> None:
    path = _workbook(tmp_path / "bomb.xlsx", {})
    with zipfile.ZipFile(path, "a", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/media/padding.bin", b"\0" * (24 * 1024 * 1024))
    assert path.stat().st_size < 1024 * 1024
    _one_sentence(_check(str(path)), path, "like a zip bomb; refused before reading")


@pytest.mark.slow
def test_xml_entities_are_never_expanded(tmp_path: Path) -> None:
    path = _workbook(tmp_path / "laughs.xlsx", {"B2": "PLACEHOLDER"})
    laughs = "".join(f'<!ENTITY l{i} "{("&l" + str(i - 1) + ";") * 10}">' for i in range(1, 10))
    doctype = f'<!DOCTYPE worksheet [<!ENTITY l0 "lol">{laughs}]>'
    patched = tmp_path / "patched.xlsx"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(patched, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                text = data.decode()
                head, _, rest = text.rpartition("?>")  # after the XML declaration, if any
                data = (head + ("?>" if head else "") + doctype + rest).encode()
            target.writestr(item, data)
    started = time.monotonic()
    result = _check(str(patched))
    assert time.monotonic() - started < 30
    assert result.returncode in (0, 1, 2)
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr
    assert "lollollol" not in result.stdout
    assert len(result.stdout) < 100_000


@pytest.mark.slow
def test_a_huge_cell_is_refused_and_the_limit_can_be_raised(tmp_path: Path) -> None:
    path = tmp_path / "big-cell.csv"
    path.write_text(f"{HEADER}\nĐăng ký khai sinh\n{'x' * 1_048_576}\n", encoding="utf-8")
    _one_sentence(_check(str(path)), path, "a cell of 1,048,576 characters (line 3)")
    assert _check(str(path), "--max-cell-length", "2000000").returncode in (0, 1)


@pytest.mark.slow
def test_a_file_over_the_size_limit_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    path.write_text(HEADER + "\n" + "Đăng ký khai sinh\n" * 80_000, encoding="utf-8")
    _one_sentence(
        _check(str(path), "--max-file-size", "1"),
        path,
        "over the limit of 1 MB (raise it with --max-file-size)",
    )


# Cells around a limit of 10 characters: Vietnamese takes 2-3 bytes a character, so a column
# can hold more bytes than the limit, and a cell more bytes than characters.
@pytest.mark.parametrize(
    ("cells", "refused"),
    [
        (["ệ" * 10, "ắ" * 10, "ô" * 10], None),  # 90 bytes, no cell over 10 characters
        (["ệ" * 10, "a" * 11], "a cell of 11 characters (line 3)"),
        (["ệ" * 11], "a cell of 11 characters (line 2)"),
        (["abc", None, "x" * 10], None),
        ([None, None], None),
    ],
)
def test_cell_lengths_count_characters_not_bytes(
    cells: list[str | None], refused: str | None
) -> None:
    import pandas as pd
    import pyarrow as pa

    from procaudit.core.errors import InputError
    from procaudit.io.grid import Grid, text_column
    from procaudit.io.limits import Limits, check_cell_lengths

    for column in (text_column(pa.array(cells, type=pa.large_string())), pd.Series(cells)):
        grid = Grid(None, pd.DataFrame({0: column}), pd.Series(range(2, len(cells) + 2)))
        if refused is None:
            check_cell_lengths("f.csv", grid, Limits(max_cell_length=10))
        else:
            with pytest.raises(InputError, match=refused.replace("(", r"\(").replace(")", r"\)")):
                check_cell_lengths("f.csv", grid, Limits(max_cell_length=10))
