"""A decision's parts headed by what it does to their procedures, numbered as a list is and
without "Danh mục" ("1. Thủ tục hành chính mới ban hành", "3. TTHC bị bãi bỏ"), are headings:
not procedures, and their rows take the part's status."""

from __future__ import annotations

import pandas as pd
import pytest

from conftest import sheet_table
from procaudit.catalogue.columns import ROW

HEADER = ["STT", "Mã TTHC", "Tên thủ tục hành chính", "Cơ quan thực hiện"]
ROWS = [
    ["1", "1.000001", "Cấp giấy phép khai thác nước mặt", "Sở Nông nghiệp và Môi trường"],
    ["2", "1.000002", "Cấp giấy phép xả nước thải", "Sở Nông nghiệp và Môi trường"],
]

CASES = [
    # (the part's heading, how it is written, the status its rows take)
    ("1. Thủ tục hành chính mới ban hành", "merged", "Ban hành mới"),
    ("Thủ tục hành chính ban hành mới", "merged", "Ban hành mới"),
    ("2. Thủ tục hành chính được sửa đổi, bổ sung", "merged", "Sửa đổi, bổ sung"),
    ("2.1. TTHC được sửa đổi, bổ sung", "merged", "Sửa đổi, bổ sung"),
    ("3. Thủ tục hành chính bị bãi bỏ", "merged", "Bãi bỏ"),
    ("3) Các thủ tục hành chính bị bãi bỏ", "merged", "Bãi bỏ"),
    ("4. Thủ tục hành chính được thay thế", "merged", "Thay thế"),
    # Numbered in the STT column, the words in the name's.
    ("Thủ tục hành chính bị bãi bỏ", "numbered", "Bãi bỏ"),
    ("TTHC mới ban hành", "numbered", "Ban hành mới"),
]


@pytest.mark.parametrize(("heading", "written", "status"), CASES)
def test_a_part_by_status_heads_its_rows(heading: str, written: str, status: str) -> None:
    part = [heading, "", "", ""] if written == "merged" else ["1", "", heading, ""]
    frame = sheet_table([HEADER, part, *ROWS]).frame
    assert len(frame[ROW]) == 2
    assert list(frame["status"]) == [status, status]


NOT_PARTS = [
    # Procedures' names that begin as a part's heading would, and are procedures.
    "Thủ tục hải quan đối với hàng hóa bị bãi bỏ ưu đãi",
    "Thủ tục thay thế giấy phép lái xe",
]


@pytest.mark.parametrize("name", NOT_PARTS)
def test_a_procedure_named_alike_is_a_procedure(name: str) -> None:
    frame = sheet_table([HEADER, ["1", "1.000003", name, "Sở Tài chính"], *ROWS]).frame
    assert len(frame[ROW]) == 3
    assert all(pd.isna(value) for value in frame.get("status", pd.Series([None] * 3)))
