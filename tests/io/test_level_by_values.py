"""A column no header names as the level ("Cấp thẩm quyền", "Government level") whose values
are administrative levels ("Cấp tỉnh", "Tỉnh/Xã", "Provincial") is read as the level."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import sheet_table
from procaudit.cli import app
from procaudit.vn.levels import names_only_levels


def _level_column(header: str, cells: list[str], more: tuple[str, str] | None = None) -> str | None:
    labels = ["STT", "Mã TTHC", "Tên thủ tục", header, *(more[:1] if more else ())]
    rows = [
        [str(n + 1), f"1.00{n:04d}", f"Thủ tục {n}", cell, *(more[1:] if more else ())]
        for n, cell in enumerate(cells)
    ]
    table = sheet_table([labels, *rows])
    position = table.header_map.columns.get("level")
    return None if position is None else labels[position]


CASES = {
    "a Vietnamese header the vocabulary lacks": (
        "Cấp thẩm quyền",
        ["Cấp tỉnh", "Cấp xã", "Cấp huyện", "Cấp tỉnh, Cấp xã"],
        "Cấp thẩm quyền",
    ),
    "an English project's": (
        "Government level",
        ["Provincial", "Commune", "District", "Provincial, Commune", ""],
        "Government level",
    ),
    "bare and joined": ("Phân cấp", ["Tỉnh", "Xã", "Tỉnh/Xã", "TW, Tỉnh"], "Phân cấp"),
    "a database's codes": ("PHAN_CAP", ["TINH", "XA", "HUYEN", "TINH,XA"], "PHAN_CAP"),
    # Values that name a level inside something else are no levels.
    "agencies": ("Cơ quan phối hợp", ["UBND cấp xã", "Công an tỉnh", "UBND cấp xã", ""], None),
    "sentences": (
        "Ghi chú",
        ["Thực hiện tại cấp tỉnh", "Thực hiện tại cấp xã", "Cấp tỉnh", "Cấp xã"],
        None,
    ),
    "too few filled cells": ("Phân cấp", ["Cấp tỉnh", "", "", "Cấp xã"], None),
    "marks": ("Tỉnh", ["x", "x", "", "x"], None),
    # A notes column naming the former level on some rows is history, not the level: read
    # as it, each "Cấp huyện" would be a false PA501. A level column gives nearly every row.
    "a note on half the rows": ("Ghi chú", ["Cấp huyện", ""] * 6, None),
    "a level on most rows": ("Phân cấp", ["Tỉnh", "Xã"] * 5 + [""], "Phân cấp"),
    # A header dating its column before a change shows what was: its "Cấp huyện" read as the
    # list's level would be a PA501 a row (a commune list's "Cấp thực hiện cũ").
    "an old level": ("Cấp thực hiện cũ", ["Cấp huyện", "Cấp xã", "Cấp huyện", "Cấp xã"], None),
    "formerly": ("Cấp trước đây", ["Cấp huyện", "Cấp xã", "Cấp huyện", "Cấp xã"], None),
    "before a date": ("Phân cấp trước 01/7/2025", ["Huyện", "Xã", "Huyện", "Tỉnh"], None),
    "before a reorganisation": ("Cấp TH (trước sắp xếp)", ["Cấp huyện", "Cấp xã"] * 2, None),
    # In force now ("hiện hành") or after the change, it is the level.
    "in force now": ("Cấp hiện hành", ["Cấp tỉnh", "Cấp xã"] * 2, "Cấp hiện hành"),
    "after": ("Phân cấp sau sắp xếp", ["Tỉnh", "Xã", "Xã", "Tỉnh"], "Phân cấp sau sắp xếp"),
}


@pytest.mark.parametrize(("header", "cells", "read"), CASES.values(), ids=CASES)
def test_a_column_of_levels_is_the_level(header: str, cells: list[str], read: str | None) -> None:
    assert _level_column(header, cells) == read


def test_a_level_column_wins_over_a_column_of_levels() -> None:
    cells = ["Cấp tỉnh", "Cấp xã", "Cấp tỉnh", "Cấp xã"]
    assert _level_column("Cấp quản lý", cells, ("Cấp thực hiện", "Cấp tỉnh")) == "Cấp thực hiện"


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("Cấp tỉnh", True),
        ("Trung ương, Cấp tỉnh", True),
        ("Cấp tỉnh - Cấp xã", True),
        ("Xã, phường, đặc khu", True),
        ("Provincial and Commune", True),
        ("Cấp xã (trước đây cấp huyện)", True),
        ("UBND cấp xã", False),
        ("Thị xã Sơn Tây", False),
        ("Quận 1", False),
        ("Toàn quốc", False),
        ("x", False),
    ],
)
def test_a_cell_is_levels_and_nothing_else(text: str, level: bool) -> None:
    assert names_only_levels(text) is level


def test_a_district_level_under_an_unknown_header_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "danh-muc.csv"
    rows = ["1,1.000001,Thủ tục A,Cấp huyện", "2,1.000002,Thủ tục B,Cấp xã"]
    rows += ["3,1.000003,Thủ tục C,Cấp tỉnh", "4,1.000004,Thủ tục D,Cấp xã"]
    path.write_text(
        "STT,Mã TTHC,Tên thủ tục,Cấp thẩm quyền\n" + "\n".join(rows) + "\n", encoding="utf-8"
    )
    result = CliRunner().invoke(app, ["check", str(path), "-f", "json"])
    found = [(f["rule"], f["row"], f["column"]) for f in json.loads(result.stdout)["findings"]]
    assert found == [("PA501", 2, "level")]
    said = " ".join(result.stderr.split())
    assert (
        "column 'Cấp thẩm quyền' is read as the level because its values are administrative" in said
    )
