"""PA504 on an agency reorganised under a new name (data/defunct_agencies.csv's change
"renamed"): the agency is there, its name is old, and the message says what it is called now,
not that it is gone."""

from __future__ import annotations

import pytest

from conftest import findings_of
from procaudit.core.i18n import speaking

RENAMED_CASES = [
    # (case, agency, language, message, fix)
    (
        "a state bank's regional branch, as a PDF list writes it",
        "Ngân hàng Nhà nước Chi nhánh Khu vực 5",
        "en",
        "The agency's name is out of date: 'Ngân hàng Nhà nước chi nhánh' has been called "
        "Ngân hàng Nhà nước Khu vực since 2025-03-01.",
        "Write Ngân hàng Nhà nước Khu vực for Ngân hàng Nhà nước chi nhánh.",
    ),
    (
        "the same, in Vietnamese",
        "Ngân hàng Nhà nước Chi nhánh Khu vực 5",
        "vi",
        "Tên cơ quan thực hiện đã cũ: 'Ngân hàng Nhà nước chi nhánh' nay có tên là Ngân hàng "
        "Nhà nước Khu vực (từ ngày 01/3/2025).",
        "Ghi Ngân hàng Nhà nước Khu vực thay cho Ngân hàng Nhà nước chi nhánh.",
    ),
    (
        "a general department made a department",
        "Tổng cục Thuế",
        "en",
        "The agency's name is out of date: 'Tổng cục Thuế' has been called Cục Thuế (Bộ Tài "
        "chính) since 2025-03-01.",
        "Write Cục Thuế (Bộ Tài chính) for Tổng cục Thuế.",
    ),
    # Merged into another agency: gone, as before.
    (
        "a merged department",
        "Sở Giao thông vận tải",
        "en",
        "The agency no longer exists: 'Sở Giao thông vận tải' became Sở Xây dựng on 2025-03-01.",
        "Write Sở Xây dựng for Sở Giao thông vận tải.",
    ),
    (
        "a renamed one beside a merged one: the merged one is gone",
        "Tổng cục Thống kê\nSở Kế hoạch và Đầu tư",
        "en",
        "The agency no longer exists: 'Tổng cục Thống kê' has been called Cục Thống kê (Bộ Tài "
        "chính) since 2025-03-01; 'Sở Kế hoạch và Đầu tư' became Sở Tài chính on 2025-03-01.",
        "Write Cục Thống kê (Bộ Tài chính) for Tổng cục Thống kê; write Sở Tài chính for Sở Kế "
        "hoạch và Đầu tư.",
    ),
]


@pytest.mark.parametrize(
    ("case", "agency", "language", "message", "fix"),
    RENAMED_CASES,
    ids=[c[0] for c in RENAMED_CASES],
)
def test_pa504_says_a_renamed_agency_is_called_otherwise(
    case: str, agency: str, language: str, message: str, fix: str
) -> None:
    with speaking(language):
        found = [f for f in findings_of([{"name": "A", "agency": agency}]) if f.rule == "PA504"]
    [finding] = found
    assert (finding.message, finding.fix) == (message, fix)


def test_pa504_the_successor_of_a_renamed_agency_is_not_reported() -> None:
    rows = [{"name": "A", "agency": "Ngân hàng Nhà nước Khu vực 5"}]
    assert [f for f in findings_of(rows) if f.rule == "PA504"] == []
