"""A column no header names as the publishing decision ("Văn bản", "Số hiệu") whose values
are decisions' numbers ("1890/QĐ-UBND", "Quyết định số 12/QĐ-UBND ngày 15/8/2025") is read
as the decision; a legal basis, a notes column citing a decision on a few rows, or a column
of other documents is not. A column saying where a procedure applies ("Áp dụng cho") whose
values are agencies is read as the agency; other columns of agencies are not."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import sheet_table
from procaudit.cli import app
from procaudit.io.decisions import names_a_decision


def _decision_column(header: str, cells: list[str]) -> str | None:
    labels = ["STT", "Mã TTHC", "Tên thủ tục", "Cơ quan thực hiện", header]
    rows = [
        [str(n + 1), f"1.00{n:04d}", f"Thủ tục {n}", "Sở Tư pháp", cell]
        for n, cell in enumerate(cells)
    ]
    table = sheet_table([labels, *rows])
    position = table.header_map.columns.get("decision_no")
    return None if position is None else labels[position]


CASES = {
    "numbers alone": ("Văn bản", ["1890/QĐ-UBND", "1890/QĐ-UBND", "2001/QĐ-UBND"], "Văn bản"),
    "with their dates": (
        "Số hiệu",
        ["Quyết định số 12/QĐ-UBND ngày 15/8/2025", "12/QĐ-UBND ngày 15/8/2025", "64 /QD-UBND"],
        "Số hiệu",
    ),
    "one placeholder among them": (
        "Văn bản",
        ["1890/QĐ-UBND", "1891/QĐ-UBND", "1892/QĐ-UBND", "1893/QĐ-UBND", "QĐ/0001-BCA"],
        "Văn bản",
    ),
    # A legal document's decision carries its year: a legal basis, not a publishing decision.
    "legal documents": (
        "Văn bản",
        ["22/2018/QĐ-TTg", "Nghị định 123/2015/NĐ-CP", "28/2018/QĐ-TTg"],
        None,
    ),
    "a few rows of notes": (
        "Ghi chú",
        ["Theo 12/QĐ-UBND", "", "", "Theo 13/QĐ-UBND", "", "", "Theo 14/QĐ-UBND", "", "", ""],
        None,
    ),
    "the decisions before": ("QĐ cũ", ["1890/QĐ-UBND", "1891/QĐ-UBND", "2001/QĐ-UBND"], None),
    "replaced ones": (
        "Văn bản bị thay thế",
        ["1890/QĐ-UBND", "1891/QĐ-UBND", "2001/QĐ-UBND"],
        None,
    ),
    "proposals": ("Văn bản", ["205/TTr-STP", "206/TTr-STP", "207/TTr-STP"], None),
    "long text citing one": (
        "Ghi chú",
        [
            "Thủ tục này được sửa đổi, bổ sung một số nội dung về thành phần hồ sơ và thời hạn "
            "giải quyết theo Quyết định số 12/QĐ-UBND của Chủ tịch Ủy ban nhân dân tỉnh về việc "
            "công bố danh mục thủ tục hành chính"
        ]
        * 3,
        None,
    ),
}


@pytest.mark.parametrize(("header", "cells", "read"), CASES.values(), ids=CASES)
def test_a_column_of_decisions_is_the_decision(
    header: str, cells: list[str], read: str | None
) -> None:
    assert _decision_column(header, cells) == read


@pytest.mark.parametrize(
    ("text", "decision"),
    [
        ("1890/QĐ-UBND", True),
        ("Quyết định số 1890/QĐ-UBND ngày 15/8/2025 của Chủ tịch UBND tỉnh", True),
        ("3980 /QĐ-BQP", True),
        ("1890/QĐUBND", True),
        ("1890/QĐ-UBND; 2001/QĐ-UBND", True),
        ("22/2018/QĐ-TTg", False),
        ("QĐ/0001-BCA", False),
        ("205/TTr-STP", False),
        ("Luật Hộ tịch 2014", False),
    ],
)
def test_a_cell_names_a_publishing_decision(text: str, decision: bool) -> None:
    assert names_a_decision(text) is decision


def test_decisions_under_an_unknown_header_are_checked(tmp_path: Path) -> None:
    path = tmp_path / "danh-muc.csv"
    rows = [f"{n},1.00000{n},Thủ tục {n},Sở Tư pháp,{n}890/QĐ-UBND" for n in range(1, 5)]
    rows.append("5,1.000005,Thủ tục 5,Sở Tư pháp,QĐ/0001-UBND")
    path.write_text(
        "STT,Mã TTHC,Tên thủ tục,Cơ quan thực hiện,Văn bản\n" + "\n".join(rows) + "\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(app, ["check", str(path), "-f", "json"])
    found = [(f["rule"], f["row"], f["column"]) for f in json.loads(result.stdout)["findings"]]
    assert found == [("PA402", 6, "decision_no")]
    said = " ".join(result.stderr.split())
    assert "column 'Văn bản' is read as the decision_no because its values are publishing" in said


@pytest.mark.parametrize(
    "header", ["co_quan_phoi_hop", "Cơ quan có thẩm quyền trước khi phân cấp", "Cơ quan ban hành"]
)
def test_agencies_are_not_chosen_by_their_values_alone(header: str) -> None:
    # The coordinating agencies, those before the reform, the issuer: history, not defects.
    labels = ["STT", "Mã TTHC", "Tên thủ tục", header]
    rows = [[str(n), f"1.00{n:04d}", f"Thủ tục {n}", "UBND cấp huyện"] for n in range(1, 6)]
    assert "agency" not in sheet_table([labels, *rows]).header_map.columns


_UNITS = "UBND xã Hòa An; UBND xã Hòa Bình\nUBND phường Đông Hà"
APPLIES_CASES = {
    "units it applies to": ("Áp dụng cho", [_UNITS] * 5, "Áp dụng cho"),
    "one unit a row": (
        "Nơi áp dụng",
        ["UBND xã Hòa An", "UBND huyện Hòa Vang", "Sở Tư pháp", "UBND xã X", "UBND xã Y"],
        "Nơi áp dụng",
    ),
    "the whole province": ("Phạm vi áp dụng", ["Toàn tỉnh"] * 5, None),
    "the public it serves": ("Đối tượng áp dụng", ["Công dân Việt Nam", "Tổ chức"] * 3, None),
    "units and a place": ("Áp dụng cho", ["UBND xã Hòa An; Toàn tỉnh"] * 5, None),
    "mostly empty": ("Áp dụng cho", ["UBND xã Hòa An", "", "", "", "", "", ""], None),
}


@pytest.mark.parametrize(("header", "cells", "read"), APPLIES_CASES.values(), ids=APPLIES_CASES)
def test_the_units_a_procedure_applies_to_are_its_agency(
    header: str, cells: list[str], read: str | None
) -> None:
    labels = ["STT", "Mã TTHC", "Tên thủ tục", header]
    rows = [[str(n + 1), f"1.00{n:04d}", f"Thủ tục {n}", cell] for n, cell in enumerate(cells)]
    position = sheet_table([labels, *rows]).header_map.columns.get("agency")
    assert (None if position is None else labels[position]) == read


def test_a_header_naming_the_agency_wins_over_where_it_applies() -> None:
    labels = ["STT", "Tên thủ tục", "Cơ quan thực hiện", "Áp dụng cho"]
    rows = [[str(n), f"Thủ tục {n}", "Sở Tư pháp", "UBND huyện X"] for n in range(1, 6)]
    assert sheet_table([labels, *rows]).header_map.columns["agency"] == 2
