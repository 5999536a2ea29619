"""PA501's fix for a district court, procuracy or police listed beside the agency that took
its tasks over: delete the old line, do not name a court the cell already names."""

from __future__ import annotations

import pytest

from conftest import findings_of
from procaudit.core.i18n import speaking

SUCCESSOR_CASES = [
    # (case, agency cell, the fix begins with)
    (
        "district court alone",
        "Tòa án nhân dân cấp huyện",
        "Name the regional court (Tòa án nhân dân khu vực)",
    ),
    (
        "regional court on another line: the whole old line is deleted",
        "Tòa án nhân dân cấp cao\nTòa án nhân dân cấp huyện, quận, thị xã, thành phố thuộc "
        "tỉnh và tương đương\n\nTòa án nhân dân khu vực",
        "Delete 'Tòa án nhân dân cấp huyện, quận, thị xã, thành phố thuộc tỉnh và tương "
        "đương': Tòa án nhân dân khu vực, which took it over, is already listed.",
    ),
    (
        "regional court after a comma: the old agency alone",
        "Tòa án nhân dân cấp huyện, Tòa án nhân dân khu vực 3",
        "Delete 'Tòa án nhân dân cấp huyện': Tòa án nhân dân khu vực",
    ),
    (
        "a province's court is no successor",
        "Tòa án nhân dân cấp huyện\nTòa án nhân dân tỉnh, thành phố trực thuộc trung ương",
        "Name the regional court",
    ),
    (
        "regional procuracy listed",
        "Viện kiểm sát nhân dân huyện Thanh Ba\nViện kiểm sát nhân dân khu vực 2",
        "Delete 'Viện kiểm sát nhân dân huyện Thanh Ba': Viện kiểm sát nhân dân khu vực",
    ),
    ("district police alone", "Công an huyện", "Name the police that does it now"),
    (
        "province's police listed",
        "Công an cấp Tỉnh\nCông an huyện",
        "Delete 'Công an huyện' (Công an cấp tỉnh, which took over part of its tasks, is "
        "already listed), or write Công an cấp xã in its place",
    ),
    (
        "commune's police listed, after a comma",
        "Công an huyện, Công an xã",
        "Delete 'Công an huyện' (Công an cấp xã, which took over part of its tasks, is "
        "already listed), or write Công an cấp tỉnh in its place",
    ),
    (
        "both successors listed",
        "Công an tỉnh\nCông an huyện\nCông an cấp xã",
        "Delete 'Công an huyện': Công an cấp tỉnh and Công an cấp xã",
    ),
]


@pytest.mark.parametrize(
    ("case", "agency", "fix"), SUCCESSOR_CASES, ids=[c[0] for c in SUCCESSOR_CASES]
)
def test_pa501_fix_deletes_a_district_agency_listed_beside_its_successor(
    case: str, agency: str, fix: str
) -> None:
    found = [
        f for f in findings_of([{"name": "Cấp sao bản án", "agency": agency}]) if f.rule == "PA501"
    ]
    assert len(found) == 1
    assert found[0].fix.startswith(fix)


def test_pa501_successor_fix_speaks_vietnamese() -> None:
    rows = [
        {"name": "Cấp sao bản án", "agency": "Tòa án nhân dân cấp huyện\nTòa án nhân dân khu vực"}
    ]
    with speaking("vi"):
        found = [f for f in findings_of(rows) if f.rule == "PA501"]
    assert found[0].fix == (
        "Xóa 'Tòa án nhân dân cấp huyện': Tòa án nhân dân khu vực, cơ quan tiếp nhận, đã có "
        "trong danh sách."
    )
