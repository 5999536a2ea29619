"""A column no header names as the status ("Ghi chú") whose values are procedures' statuses
("Bãi bỏ", "Sửa đổi, bổ sung", "Mới") is read as the status."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import sheet_table
from procaudit.catalogue.status import is_status
from procaudit.cli import app

HEADER = ["STT", "Mã TTHC", "Tên thủ tục", "Ghi chú"]


def _status_column(notes: list[str], header: list[str] = HEADER) -> str | None:
    rows = [[str(n + 1), f"1.00{n:04d}", f"Thủ tục {n}", note] for n, note in enumerate(notes)]
    if len(header) > len(HEADER):
        rows = [[*row, "Còn hiệu lực"] for row in rows]
    table = sheet_table([header, *rows])
    position = table.header_map.columns.get("status")
    return None if position is None else header[position]


CASES = {
    "statuses": (["Bãi bỏ", "", "Sửa đổi, bổ sung", "Mới", ""], "Ghi chú"),
    "one status, the rest empty": (["", "Bãi bỏ", "", "Bãi bỏ", "bãi bỏ"], "Ghi chú"),
    "with the decision that did it": (
        ["Bãi bỏ theo Quyết định số 12/QĐ-UBND", "TTHC mới", "Được sửa đổi", ""],
        "Ghi chú",
    ),
    # An annex's notes: each procedure kept, amended, new or abolished by the decision.
    "kept, amended, new, abolished": (
        ["Giữ nguyên", "Sửa đổi", "", "Mới ban hành", "Giữ nguyên", "Bãi bỏ", "Không thay đổi"],
        "Ghi chú",
    ),
    # Notes of other kinds, or too few statuses among them: not a status column, but the
    # notes stating a status the rules heed ("Bãi bỏ", "Mới") are their rows' statuses
    # (io/note_status: the column is read for those rows only).
    "free notes": (["Thực hiện tại Trung tâm", "Liên thông", "", "Không"], None),
    "statuses among many notes": (
        ["Bãi bỏ", "Liên thông với thuế", "Sửa đổi", "Thực hiện tại xã", "Mới"],
        "Ghi chú",
    ),
    "too few filled cells": (["Bãi bỏ", "", "Sửa đổi", "", ""], "Ghi chú"),
    "too few filled cells, none abolished or new": (["Giữ nguyên", "", "Sửa đổi", "", ""], None),
    "a status in a longer note": (
        ["Bãi bỏ một phần thành phần hồ sơ", "Sửa đổi thời hạn giải quyết", "Tại xã", "Có"],
        None,
    ),
}


@pytest.mark.parametrize(("notes", "read"), CASES.values(), ids=CASES)
def test_a_notes_column_of_statuses_is_the_status(notes: list[str], read: str | None) -> None:
    assert _status_column(notes) == read


def test_a_status_column_wins_over_a_notes_column_of_statuses() -> None:
    header = [*HEADER, "Tình trạng"]
    assert _status_column(["Bãi bỏ", "Sửa đổi", "Mới", "Bãi bỏ"], header) == "Tình trạng"


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Bãi bỏ", True),
        ("  BỊ BÃI BỎ. ", True),
        ("Sửa đổi, bổ sung", True),
        ("Thủ tục hành chính mới ban hành", True),
        ("Còn hiệu lực", True),
        ("Bãi bỏ tại Quyết định 12/QĐ-UBND", True),
        ("Giữ nguyên", True),
        ("Không thay đổi.", True),
        ("Giữ nguyên tên, sửa đổi thời hạn", False),
        ("Bãi bỏ một phần", False),
        ("Mới nộp hồ sơ", False),
        ("Không", False),
    ],
)
def test_a_cell_is_a_status_and_nothing_else(text: str, status: bool) -> None:
    assert is_status(text) is status


def test_an_abolished_procedure_noted_so_is_listed_in_force(tmp_path: Path) -> None:
    path = tmp_path / "danh-muc.csv"
    rows = ["1,1.000001,Thủ tục A,Cấp huyện,Bãi bỏ", "2,1.000002,Thủ tục B,Cấp xã,"]
    rows += ["3,1.000003,Thủ tục C,Cấp xã,Sửa đổi", "4,1.000004,Thủ tục D,Cấp xã,Mới"]
    path.write_text(
        "STT,Mã TTHC,Tên thủ tục,Cấp thực hiện,Ghi chú\n" + "\n".join(rows) + "\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(app, ["check", str(path), "-f", "json"])
    found = [(f["rule"], f["row"]) for f in json.loads(result.stdout)["findings"]]
    assert found == [("PA404", 2)]  # not PA501: the district procedure is abolished
    said = " ".join(result.stderr.split())
    assert "column 'Ghi chú' is read as the status because its values are procedures'" in said
