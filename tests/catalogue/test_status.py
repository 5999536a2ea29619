"""What a row's status says (`catalogue.status`): read by comparison key, per distinct
status, the same for the rules and the diff."""

from __future__ import annotations

import pandas as pd
import pytest

from procaudit.catalogue.status import (
    ABOLISHED,
    NEW,
    SUSPENDED,
    abolished_rows,
    is_status,
    status_kinds,
)


@pytest.mark.parametrize(
    ("status", "out"),
    [
        ("Bãi bỏ", True),
        ("  bị   BÃI BỎ ", True),
        ("Hết hiệu lực từ 01/7/2025", True),
        ("Không còn hiệu lực", True),
        ("Abolished", True),
        ("repealed.", True),
        ("Ba\u0303i bo\u0309", True),  # decomposed (NFD)
        ("Còn hiệu lực", False),
        ("Sửa đổi, bổ sung", False),
        ("", False),
        (None, False),
        ("Hủy bỏ", True),
        ("Đã huỷ", True),  # old tone placement
        ("Thủ tục này đã bị bãi bỏ theo Quyết định số 12/QĐ-UBND", True),
        ("Không bãi bỏ", False),
        ("Chưa bãi bỏ", False),
        ("Đề nghị bãi bỏ", False),
        ("Dự kiến bãi bỏ", False),
        ("Bãi bỏ một phần", False),
        ("Bãi bỏ (một phần)", False),
        ("Sửa đổi (bãi bỏ thành phần hồ sơ)", False),
        ("Hủy đăng ký", False),
        ("Tạm dừng", False),  # suspended, not out of force
        ("Đóng", False),
    ],
)
def test_out_of_force(status: str | None, out: bool) -> None:
    frame = pd.DataFrame({"status": pd.Series([status], dtype="str")})
    assert abolished_rows(frame).tolist() == [out]


def test_abolished_rows_follow_the_frame() -> None:
    frame = pd.DataFrame(
        {"status": ["Bãi bỏ", None, "Còn hiệu lực", "bãi bỏ"]}, index=[10, 11, 12, 13]
    )
    assert abolished_rows(frame).to_dict() == {10: True, 11: False, 12: False, 13: True}


def test_a_table_without_status_has_none_abolished() -> None:
    frame = pd.DataFrame({"name": ["a", "b"]}, index=[3, 4])
    rows = abolished_rows(frame)
    assert rows.to_dict() == {3: False, 4: False}
    assert rows.dtype == bool


KIND_CASES = [
    # (status, what it says)
    ("Bãi bỏ", ABOLISHED),
    ("Bị bãi bỏ", ABOLISHED),
    ("Đã bị bãi bỏ", ABOLISHED),
    ("TTHC bãi bỏ", ABOLISHED),
    ("Bãi bỏ, thay thế", ABOLISHED),
    ("Hết hiệu lực", ABOLISHED),
    ("Hết hiệu lực thi hành", ABOLISHED),
    ("Không còn hiệu lực", ABOLISHED),
    ("Hủy bỏ", ABOLISHED),
    ("Đã hủy", ABOLISHED),
    ("Hủy", ABOLISHED),
    ("Ngừng áp dụng", SUSPENDED),
    ("Ngưng hoạt động", SUSPENDED),
    ("Tạm dừng", SUSPENDED),
    ("Tạm dừng tiếp nhận", SUSPENDED),
    ("Không áp dụng", SUSPENDED),
    ("Không sử dụng", SUSPENDED),
    ("Đóng", SUSPENDED),
    ("Khoá", SUSPENDED),
    ("Ban hành mới", NEW),
    ("Mới", NEW),
    ("Công bố mới", NEW),
    ("TTHC mới", NEW),
    ("Mới (QĐ 12/QĐ-UBND)", NEW),
    ("Mở", None),
    ("Đang áp dụng", None),
    ("Còn hiệu lực", None),
    ("Sửa đổi, bổ sung", None),
    # "Thay thế" alone names an annex's part of replacements: the row may be either side
    # of it, nothing says which; the words after it may say ("Thay thế TTHC số …": the new
    # one, "thay thế bởi …": replaced by another, out of force).
    ("Thay thế", None),
    ("TTHC thay thế", None),
    ("Được thay thế", None),
    ("Thay thế TTHC số 1.001234", NEW),
    ("Thay thế cho thủ tục cấp giấy phép X", NEW),
    ("Thay thế mã 1.001234", NEW),
    ("Đã được thay thế bởi TTHC 1.001235", ABOLISHED),
    ("Bị thay thế bằng thủ tục mới", ABOLISHED),
    ("Replaced by 1.001235", ABOLISHED),
    ("Thay thế thành phần hồ sơ", None),  # a document replaced: the procedure is amended
    ("Thay thế số lượng hồ sơ", None),
    ("Không bãi bỏ", None),
    ("Đề nghị bãi bỏ", None),
    ("Dự kiến bãi bỏ", None),
    ("Bãi bỏ một phần", None),
    ("Hết hiệu lực một phần", None),
    ("Sửa đổi (bãi bỏ thành phần hồ sơ)", None),
    ("Hủy đăng ký", None),
    ("Mới sửa đổi", None),
    ("Đóng góp", None),
]


@pytest.mark.parametrize(("status", "kind"), KIND_CASES, ids=[c[0] for c in KIND_CASES])
def test_a_status_is_read_as_a_whole(status: str, kind: str | None) -> None:
    said = status_kinds(pd.Series([status], dtype="str")).tolist()
    assert said == [kind]


@pytest.mark.parametrize(
    "status", ["Bãi bỏ", "Sửa đổi, bổ sung", "TTHC mới", "Bãi bỏ theo Quyết định số 12/QĐ-UBND"]
)
def test_status_cells_are_still_told(status: str) -> None:
    assert is_status(status)
