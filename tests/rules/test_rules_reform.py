"""PA501 district-level on agencies and name tags, PA502 level-mismatch, PA503
obsolete-online-level, PA504 defunct-agency, PA505 online-coverage."""

from __future__ import annotations

import pytest

from conftest import findings_of, hits_of, run_rules
from procaudit.core.findings import Severity
from procaudit.core.i18n import speaking
from procaudit.rules.options import RuleOptions

AGENCY_CASES = [
    # (case, agency, flagged)
    ("UBND huyện", "UBND huyện Bảo Thắng", True),
    ("UBND cấp huyện", "UBND cấp huyện", True),
    ("in full, old tone placement", "Uỷ ban nhân dân huyện Sa Pa", True),
    ("a district department", "Phòng Tư pháp huyện", True),
    ("a department, cấp huyện", "Phòng Tài nguyên và Môi trường cấp huyện", True),
    ("district police", "Công an huyện", True),
    ("district police beside the province's", "Công an cấp Tỉnh, Công an huyện", True),
    ("urban district", "UBND quận Ba Đình", True),
    ("district tax office, second line", "Cục Thuế\nChi cục thuế huyện, thành phố", True),
    ("district social insurance", "Bảo hiểm xã hội cấp huyện", True),
    ("commune", "Ủy ban nhân dân cấp xã", False),
    ("province department", "Sở Tư pháp", False),
    ("poor district", "Ban quản lý chương trình huyện nghèo", False),
    ("all caps commune", "UBND CẤP XÃ", False),
    # The district tier by its places, as the Phú Thọ export and others write them.
    ("huyện, capitalised", "UBND Huyện Phù Ninh", True),
    ("a town", "UBND Thị xã Phú Thọ", True),
    ("a city under a province", "UBND Thành phố Việt Trì", True),
    ("a city, all caps", "UBND THÀNH PHỐ VIỆT TRÌ", True),
    ("a city, TP.", "UBND TP. Thái Nguyên", True),
    ("a city, Tp", "UBND Tp Việt Trì", True),
    ("huyện in full", "Ủy ban nhân dân huyện Phù Ninh", True),
    ("an urban district by number", "UBND Quận 1", True),
    ("a city's department", "Phòng Tư pháp thành phố Việt Trì", True),
    ("the district's justice office, bare", "Phòng Tư pháp", True),
    ("... among other agencies", "UBND cấp xã; Phòng Tư pháp", True),
    ("another body's justice office", "Phòng Tư pháp Quân khu 7", False),
    # Typed in a legacy font (.VnTime, TCVN3): read as its conversion.
    ("UBND cấp huyện in TCVN3", "UBND cÊp huyÖn", True),
    ("UBND cấp xã in TCVN3", "UBND cÊp x·", False),
    ("a town's department", "Phòng Tài chính - Kế hoạch thị xã Phú Thọ", True),
    ("cities under the province, generic", "Ủy ban nhân dân thành phố thuộc tỉnh", True),
    ("typed without diacritics", "UBND huyen Phu Ninh", True),
    ("city without diacritics", "UBND tp Viet Tri", True),
    # Centrally-run cities are provinces.
    ("Hà Nội", "UBND thành phố Hà Nội", False),
    ("TP HCM", "UBND TP HCM", False),
    ("TP. Hồ Chí Minh", "UBND TP. Hồ Chí Minh", False),
    ("Hồ Chí Minh in full", "Ủy ban nhân dân Thành phố Hồ Chí Minh", False),
    ("Hải Phòng", "UBND thành phố Hải Phòng", False),
    ("Đà Nẵng, TP. without a space", "UBND TP.Đà Nẵng", False),
    ("Cần Thơ", "UBND thành phố Cần Thơ", False),
    ("Huế since 2025", "UBND Thành phố Huế", False),
    (
        "centrally-run cities, generic",
        "Ủy ban nhân dân tỉnh và thành phố trực thuộc Trung ương",
        False,
    ),
    ("provinces and cities", "Sở Tài chính các tỉnh, thành phố", False),
    ("police of a centrally-run city", "Công an thành phố Hà Nội", False),
    ("a department of Hà Nội", "Sở Nông nghiệp và Môi trường Thành phố Hà Nội", False),
    ("the city, unnamed", "UBND thành phố", False),
    # Communes and the province's own offices.
    ("a commune", "UBND xã Phù Ninh", False),
    ("a ward", "UBND phường Gia Cẩm", False),
    ("a township", "UBND thị trấn Hùng Sơn", False),
    ("commune, ward, township", "Uỷ ban Nhân dân cấp xã, phường, thị trấn", False),
    ("the province's office", "Văn phòng UBND tỉnh", False),
    ("a province police department", "Phòng Quản lý xuất nhập cảnh Công an tỉnh", False),
    ("quản typed bare is not quận", "Ban quan ly du an", False),
    # A commune's office with its (old) district as its address is the commune's.
    ("commune, district after a dash", "UBND xã Hương Nộn - huyện Tam Nông", False),
    ("commune, district after a space", "UBND xã Tân Phú huyện Tân Sơn", False),
    ("ward, urban district", "UBND phường 1 - quận 3", False),
    ("commune police", "Công an xã Tân Phú - huyện Tân Sơn", False),
    ("a commune's desk", "Bộ phận một cửa UBND xã X huyện Y", False),
    ("a township", "UBND thị trấn Hùng Sơn huyện Lâm Thao", False),
    ("a commune's service centre", "Trung tâm phục vụ hành chính công xã X huyện Y", False),
    ("commune, comma", "UBND xã Tân Phú, huyện Tân Sơn", False),
    ("a district office beside a commune", "UBND huyện Tân Sơn (xã Tân Phú)", True),
    ("a district's social affairs office", "Phòng Lao động - Thương binh và Xã hội huyện X", True),
    ("a district's culture office", "Phòng Văn hóa - Xã hội huyện X", True),
    ("a district's land registry", "Chi nhánh Văn phòng đăng ký đất đai huyện X", True),
    ("district police by name", "Công an huyện Tân Sơn", True),
    # Offices only the district tier had, named without their place.
    ("district social affairs office", "Phòng Lao động - Thương binh và Xã hội", True),
    ("the same, abbreviated", "Phòng LĐ-TB&XH", True),
    ("district environment office", "Phòng Tài nguyên và Môi trường", True),
    ("the same, abbreviated", "Phòng TN&MT", True),
    ("marked as the former one", "Phòng TN&MT cũ", False),
    ("district education office", "Phòng GD&ĐT", True),
    ("district culture office", "Phòng Văn hóa và Thông tin", True),
    ("district finance office", "Phòng Tài chính - Kế hoạch", True),
    ("a commune's culture office since 2025", "Phòng Văn hóa - Xã hội", False),
    ("a department's division", "Phòng Giáo dục mầm non - Sở GD&ĐT", False),
    ("a university's planning office", "Phòng Kế hoạch - Tài chính", False),
    ("a division of a department", "Phòng Tài nguyên và Môi trường - Sở Nông nghiệp và MT", False),
    ("a name offices of other tiers carry", "Phòng Nội vụ", False),
    # Notes on the former holder are history.
    ("formerly the district", "UBND cấp xã (trước đây là UBND cấp huyện)", False),
    ("took the task over from", "UBND cấp xã (tiếp nhận nhiệm vụ từ UBND cấp huyện)", False),
    ("replaces", "Sở Nội vụ (thay thế Phòng Nội vụ cấp huyện)", False),
    ("replaces, without diacritics", "So Noi vu (thay the Phong Noi vu huyen X)", False),
    ("formerly, after a comma", "UBND cấp xã, trước là UBND huyện X", False),
    ("originally", "UBND xã Y (nguyên là UBND huyện X)", False),
    ("moved from", "UBND cấp xã (chuyển từ UBND cấp huyện)", False),
    ("a desk is no note", "Bộ phận tiếp nhận và trả kết quả huyện X", True),
    ("formerly, with a date", "UBND cấp xã (trước 01/7/2025: UBND cấp huyện)", False),
    ("formerly, colon", "UBND cấp xã (trước đây: UBND cấp huyện)", False),
    ("in place of, short", "UBND cấp xã (thay UBND cấp huyện)", False),
    ("received from", "UBND cấp xã (nhận bàn giao từ UBND cấp huyện)", False),
    ("now the commune's", "Phòng Tư pháp huyện X (nay chuyển về UBND xã Y)", False),
    ("an unrelated note", "UBND cấp huyện (tiếp nhận hồ sơ trực tuyến)", True),
    ("dossiers sent on", "UBND cấp huyện (hồ sơ chuyển về Sở Tư pháp)", True),
    # A district named bare, as a unit column names it.
    ("a bare district", "Huyện Thanh Ba", True),
    ("a bare town", "Thị xã Phú Thọ", True),
    ("a bare urban district", "Quận Ba Đình", True),
    ("a bare city under a province", "Thành phố Việt Trì", True),
    ("H.", "H. Lâm Thao", True),
    ("TX", "TX Phú Thọ", True),
    ("Q.", "Q. Hoàn Kiếm", True),
    ("a bare centrally-run city", "Thành phố Hà Nội", False),
    ("Huế, bare", "Thành phố Huế", False),
    ("a bare commune", "Xã Thanh Ba", False),
    ("a bare ward", "Phường Phú Thọ", False),
    ("a bare special zone", "Đặc khu Côn Đảo", False),
    ("the district's party committee", "Huyện ủy Thanh Ba", False),
]


@pytest.mark.parametrize(
    ("case", "agency", "flagged"), AGENCY_CASES, ids=[c[0] for c in AGENCY_CASES]
)
def test_pa501_district_agency(case: str, agency: str, flagged: bool) -> None:
    rows = [{"name": "Chứng thực bản sao", "agency": agency}]
    assert hits_of("PA501", rows) == ([(2, "agency")] if flagged else [])


LEVEL_CASES = [
    # (case, level, flagged)
    ("district", "Cấp huyện", True),
    ("district beside the province", "Cấp tỉnh, Cấp huyện", True),
    ("urban district", "Cấp quận", True),
    ("town", "Cấp thị xã", True),
    ("commune", "Cấp xã", False),
    ("commune, ward, township", "Cấp xã, phường, thị trấn", False),
    ("special zone", "Cấp đặc khu", False),
    ("province", "Cấp tỉnh", False),
    ("district without diacritics", "Cap huyen", True),
    ("commune without diacritics", "Cap xa", False),
    ("formerly the district", "Cấp xã (trước đây cấp huyện)", False),
    ("moved from the district", "Cấp xã (chuyển từ cấp huyện sang cấp xã)", False),
    ("a note, and a level after it", "Cấp xã (trước đây cấp huyện), Cấp huyện", True),
    ("handed over from", "Cấp xã (chuyển giao từ cấp huyện)", False),
    ("the old district", "Cấp xã (cấp huyện cũ)", False),
    ("before a date", "Cấp xã (trước 01/7/2025 là cấp huyện)", False),
    ("before the reorganisation", "Cấp xã (trước sắp xếp: cấp huyện)", False),
    ("received from", "Cấp xã (nhận bàn giao từ cấp huyện)", False),
    ("moved here by", "Cấp xã (do cấp huyện chuyển về)", False),
    ("in place of", "Cấp xã (thay cấp huyện)", False),
    ("moved from … back to", "Cấp xã (chuyển từ cấp huyện về cấp xã)", False),
    ("moved to the commune", "Cấp huyện chuyển giao về cấp xã", False),
    ("the district, marked old", "Cấp huyện (cũ)", False),
    ("an unrelated note", "Cấp huyện (thực hiện tại Bộ phận một cửa)", True),
    ("a change of name", "Cấp huyện (thay đổi tên gọi)", True),
    ("since a date", "Cấp huyện (áp dụng từ 01/01/2024)", True),
    ("dossiers sent up", "Cấp huyện (hồ sơ chuyển lên cấp tỉnh)", True),
    # Typed in a legacy font (.VnTime, TCVN3; VNI): read as its conversion.
    ("district in TCVN3", "CÊp huyÖn", True),
    ("commune in TCVN3", "CÊp x·", False),
    ("province and district in TCVN3", "CÊp tØnh, CÊp huyÖn", True),
    ("district in VNI", "Caáp huyeän", True),
    ("formerly the district, in TCVN3", "CÊp x· (tr\xadíc ®©y cÊp huyÖn)", False),
]


@pytest.mark.parametrize(("case", "level", "flagged"), LEVEL_CASES, ids=[c[0] for c in LEVEL_CASES])
def test_pa501_district_level_cell(case: str, level: str, flagged: bool) -> None:
    rows = [{"name": "Chứng thực bản sao", "level": level}]
    assert hits_of("PA501", rows) == ([(2, "level")] if flagged else [])


def test_pa501_quotes_the_district_office() -> None:
    rows = [
        {"name": "A", "agency": "Phòng Tư pháp huyện Thanh Ba"},
        {"name": "B", "agency": "Sở Xây dựng\nUBND cấp huyện"},
        {"name": "C", "agency": "UBND xã Tân Phú, huyện Tân Sơn\nHuyện Thanh Ba"},
    ]
    found = {f.row: f.message for f in findings_of(rows) if f.rule == "PA501"}
    assert found == {
        2: "The agency 'Phòng Tư pháp huyện Thanh Ba' is a district-level office; the "
        "district level ended on 1 July 2025.",
        3: "The agency 'UBND cấp huyện' is a district-level office; the district level ended "
        "on 1 July 2025.",
        4: "The agency 'Huyện Thanh Ba' is a district-level office; the district level ended "
        "on 1 July 2025.",
    }


def test_pa501_says_a_unit_named_after_a_district_is_no_district_office() -> None:
    """A department's or a national system's unit named after the district it served is not
    an office of the district tier: its name is stale, a warning, with its own repair."""
    rows = [
        {"name": "A", "agency": "Chi nhánh Văn phòng đăng ký đất đai huyện Thanh Ba"},
        {"name": "B", "agency": "Trung tâm Y tế huyện Lâm Thao"},
        {"name": "C", "agency": "Phòng Y tế huyện Lâm Thao"},
        {"name": "D", "agency": "Trung tâm Y tế khu vực Lâm Thao"},
    ]
    found = {f.row: f for f in findings_of(rows) if f.rule == "PA501"}
    assert sorted(found) == [2, 3, 4]
    assert {row: f.severity for row, f in found.items()} == {
        2: Severity.WARNING,
        3: Severity.WARNING,
        4: Severity.ERROR,
    }
    assert found[2].message == (
        "The agency 'Chi nhánh Văn phòng đăng ký đất đai huyện Thanh Ba' is a unit organised "
        "by district; the district level ended on 1 July 2025, and such units have since been "
        "renamed or reorganised."
    )
    assert "current name" in found[3].fix
    assert "district-level office" in found[4].message


def test_a_list_still_built_around_the_district_is_reported_by_pa501_alone() -> None:
    """A district level and a district office under a commune tag: PA501 reports each of
    them, PA502 not again."""
    rows = [
        {"name": "Thủ tục A (cấp xã)", "level": "Cấp huyện", "agency": "UBND cấp huyện"},
        {"name": "Thủ tục B (cấp Xã)", "level": "Cấp huyện", "agency": "Phòng Tư pháp cấp huyện"},
    ]
    found = sorted((f.rule, f.row, f.column) for f in findings_of(rows) if f.rule[:4] == "PA50")
    assert found == [
        ("PA501", 2, "agency"),
        ("PA501", 2, "level"),
        ("PA501", 3, "agency"),
        ("PA501", 3, "level"),
    ]


def test_pa501_reports_district_procuracies_as_their_own_case() -> None:
    rows = [
        {"name": "A", "agency": "Viện kiểm sát nhân dân huyện Tân Sơn"},
        {"name": "A", "agency": "Viện KSND cấp huyện"},
        {"name": "A", "agency": "Viện kiểm sát nhân dân khu vực 1"},
        {"name": "A", "agency": "Viện kiểm sát nhân dân tỉnh Phú Thọ"},
        {"name": "A", "agency": "Viện kiểm sát nhân dân tối cao"},
    ]
    found = [f for f in findings_of(rows) if f.rule == "PA501"]
    assert [f.row for f in found] == [2, 3]
    assert all("regional procuracies (Viện kiểm sát nhân dân khu vực)" in f.message for f in found)


# A list of the transition (tester's export): each row says where the task came from.
TRANSITION_ROWS = [
    {
        "name": "Đề nghị miễn chi phí",
        "level": "Cấp xã (trước đây cấp huyện)",
        "agency": "UBND cấp xã",
    },
    {
        "name": "Gia hạn giấy chứng nhận",
        "level": "Cấp xã",
        "agency": "UBND cấp xã (trước đây là UBND cấp huyện)",
    },
    {
        "name": "Chấm dứt hoạt động",
        "level": "Cấp xã",
        "agency": "UBND cấp xã (tiếp nhận nhiệm vụ từ UBND cấp huyện)",
    },
    {
        "name": "Cấp lại giấy phép (chuyển từ cấp huyện sang cấp xã)",
        "level": "Cấp xã",
        "agency": "Chủ tịch UBND cấp xã",
    },
    {
        "name": "Cấp thị thực (thực hiện tại cấp tỉnh)",
        "level": "Cấp tỉnh",
        "agency": "Sở Nội vụ (thay thế Phòng Nội vụ cấp huyện)",
    },
    {
        "name": "Đăng ký hộ kinh doanh (thực hiện tại cấp xã, trước đây cấp huyện)",
        "level": "Cấp xã",
    },
]


@pytest.mark.parametrize("rule", ["PA501", "PA502"])
def test_notes_on_the_former_holder_are_not_the_level(rule: str) -> None:
    assert hits_of(rule, TRANSITION_ROWS) == []


def test_pa501_reports_district_courts_as_their_own_case() -> None:
    rows = [
        {"name": "Đăng ký nhận văn bản tố tụng", "agency": "Tòa án nhân dân cấp huyện"},
        {"name": "Cấp sao bản án", "agency": "Toà án nhân dân quận, huyện"},
        {"name": "Cấp sao bản án", "agency": "Tòa án nhân dân khu vực 1"},
        {"name": "Cấp sao bản án", "agency": "Tòa án nhân dân thành phố Việt Trì"},
        {"name": "Cấp sao bản án", "agency": "Tòa án nhân dân thành phố Hà Nội"},
        {
            "name": "Cấp sao bản án",
            "agency": "Tòa án nhân dân tỉnh, thành phố trực thuộc trung ương",
        },
    ]
    found = [f for f in findings_of(rows) if f.rule == "PA501"]
    assert [f.row for f in found] == [2, 3, 5]
    assert all("regional courts (Tòa án nhân dân khu vực)" in f.message for f in found)


def test_pa501_reports_district_police_as_their_own_case() -> None:
    # The district police's tasks went to the police of the province and of the communes,
    # not to a commune's People's Committee: the fix names the police.
    rows = [
        {"name": "Trình báo mất hộ chiếu", "agency": "Công an huyện"},
        {"name": "Trình báo mất hộ chiếu", "agency": "Công an cấp Tỉnh\nCông an huyện Tân Sơn"},
        {"name": "Trình báo mất hộ chiếu", "agency": "Công an xã Tân Phú, huyện Tân Sơn"},
        {"name": "Trình báo mất hộ chiếu", "agency": "Công an thành phố Hà Nội"},
        {"name": "Trình báo mất hộ chiếu", "agency": "UBND huyện Tân Sơn"},
    ]
    found = sorted((f for f in findings_of(rows) if f.rule == "PA501"), key=lambda f: f.row)
    assert [f.row for f in found] == [2, 3, 6]
    police, office = found[:2], found[2]
    assert all("District police (Công an cấp huyện)" in f.message for f in police)
    # Beside the province's police (row 3), the fix deletes the district's: see
    # test_district_successors.
    assert police[0].fix.endswith("Công an cấp tỉnh or Công an cấp xã.")
    assert police[1].fix.startswith("Delete 'Công an huyện Tân Sơn'")
    assert "People's Committee" in office.fix


TAG_CASES = [
    ("district tag", "Đăng ký hộ kinh doanh (thực hiện tại cấp huyện)", True),
    (
        "district tag, no closing parenthesis",
        "Đăng ký hộ kinh doanh (thực hiện tại cấp huyện",
        True,
    ),
    ("province tag", "Đăng ký hộ kinh doanh (thực hiện tại cấp tỉnh)", False),
    ("poor district in the name", "Hỗ trợ học sinh ở xã thuộc huyện nghèo", False),
    ("district in the name, not a tag", "Thành lập trường mầm non cấp huyện quản lý", False),
    (
        "a note in the tag",
        "Đăng ký hộ kinh doanh (thực hiện tại cấp xã, trước đây cấp huyện)",
        False,
    ),
    # The forms a tag takes in lists.
    ("after a dash", "Đăng ký khai tử - cấp huyện", True),
    ("without diacritics", "Cấp bản sao trích lục hộ tịch (thuc hien tai cap huyen)", True),
    ("TTHC", "Đăng ký lại khai sinh (TTHC cấp huyện)", True),
    ("square brackets", "Đăng ký lại kết hôn [cấp huyện]", True),
    ("the office", "Đăng ký lại khai tử (thực hiện tại UBND cấp huyện)", True),
    ("two levels", "Đăng ký chấm dứt giám hộ (cấp tỉnh, cấp huyện)", True),
    ("all caps", "THỦ TỤC ĐĂNG KÝ LẠI KẾT HÔN (THỰC HIỆN TẠI CẤP HUYỆN)", True),
    ("a competence", "Chứng thực chữ ký thuộc thẩm quyền của UBND cấp huyện", True),
    (
        "a competence of its chair",
        "Phê duyệt phương án thuộc thẩm quyền của Chủ tịch Ủy ban nhân dân cấp huyện",
        True,
    ),
    ("where it is done", "Giải quyết khiếu nại lần đầu tại cấp huyện", True),
    ("where it is done, its office", "Đăng ký khai tử thực hiện tại UBND cấp huyện.", True),
    ("housing, not where", "Điều chỉnh kế hoạch phát triển nhà ở cấp huyện", False),
    ("done at a commune", "Giải quyết khiếu nại lần đầu tại cấp xã", False),
    ("formerly, in the tag", "Chứng thực bản sao (trước đây thực hiện tại cấp huyện)", False),
    ("before a date, in the tag", "Hòa giải (cấp xã; trước 01/7/2025 là cấp huyện)", False),
    ("the former level, in the tag", "Cấp Giấy chứng nhận an toàn thực phẩm (cấp huyện cũ)", False),
    ("the former level, with its lead", "Đăng ký khai tử (thực hiện tại cấp huyện cũ)", False),
    ("a dash before another word", "Cấp giấy phép - cấp lại", False),
    ("a district road", "Cấp phép thi công nút giao đấu nối vào đường huyện, đường xã", False),
    ("a licence, not a level", "Cấp phép thuộc thẩm quyền cấp phép của UBND cấp tỉnh", False),
    # An English list's tags.
    ("English, implemented at", "Birth registration (implemented at district level)", True),
    ("English, bare", "Birth registration (district level)", True),
    ("English, its case", "BIRTH REGISTRATION (DISTRICT LEVEL)", True),
    ("English, the level", "Birth registration (carried out at the district level).", True),
    ("English, square brackets", "Birth registration [district level]", True),
    ("English, after a dash", "Birth registration - district-level", True),
    ("English, two levels", "Mediation (provincial and district levels)", True),
    ("English, where it is done", "Settlement of first-time complaints at district level", True),
    ("English, a province tag", "Birth registration (provincial level)", False),
    ("English, a qualification", "Approval of plans (district level and below)", False),
    ("English, an online level", "Birth registration (Level 3)", False),
    ("English, the former level", "Mediation (commune level, formerly district level)", False),
    ("English, district in the name", "Registration of a district level association", False),
]


@pytest.mark.parametrize(("case", "name", "flagged"), TAG_CASES, ids=[c[0] for c in TAG_CASES])
def test_pa501_district_tag_in_the_name(case: str, name: str, flagged: bool) -> None:
    assert hits_of("PA501", [{"name": name}]) == ([(2, "name")] if flagged else [])


def test_pa501_leaves_rows_of_an_abolishing_part_alone() -> None:
    rows = [
        {"name": "A", "level": "Cấp huyện", "status": "Bãi bỏ"},
        {"name": "B", "level": "Cấp huyện", "status": "Ban hành mới"},
    ]
    assert hits_of("PA501", rows) == [(3, "level")]


MISMATCH_CASES = [
    # (case, name, level, agency, expected hits)
    ("tag agrees with level", "Cấp phép X (thực hiện tại cấp tỉnh)", "Cấp tỉnh", None, []),
    ("tag is one of several levels", "Cấp phép X (cấp tỉnh)", "Cấp bộ, Cấp tỉnh", None, []),
    (
        "tag contradicts level",
        "Cấp phép X (thực hiện tại cấp tỉnh)",
        "Cấp xã",
        None,
        [(2, "level")],
    ),
    ("central tag, written TW", "Cấp phép X (cấp TW)", "Cấp tỉnh", None, [(2, "level")]),
    (
        "typo 'tinh' still read",
        "Cấp phép X (thực hiện tại cấp tinh)",
        "Cấp xã",
        None,
        [(2, "level")],
    ),
    (
        "tag contradicts agency",
        "Cấp phép X (thực hiện tại cấp tỉnh)",
        None,
        "Ủy ban nhân dân cấp xã",
        [(2, "agency")],
    ),
    (
        "one of the agencies agrees",
        "Cấp phép X (cấp Bộ)",
        None,
        "Cục Quản lý tài nguyên nước - Bộ NN và MT\nSở Nông nghiệp và Môi trường",
        [],
    ),
    ("agency of unknown level", "Cấp phép X (cấp tỉnh)", None, "Bưu điện", []),
    ("district tag is PA501's", "Cấp phép X (thực hiện tại cấp huyện)", "Cấp xã", None, []),
    ("no tag", "Cấp phép X", "Cấp xã", "Sở Tư pháp", []),
    ("a centrally-run city is a province", "Cấp phép X (cấp tỉnh)", None, "UBND TP HCM", []),
    (
        "a centrally-run city's police, commune tag",
        "Cấp phép X (cấp xã)",
        None,
        "Công an thành phố Hà Nội",
        [(2, "agency")],
    ),
    # The level cell says the tag's level: an agency read from its name does not contradict.
    (
        "level agrees, treasury named with its ministry",
        "Giải ngân vốn (cấp tỉnh)",
        "Cấp tỉnh",
        "Kho bạc Nhà nước - Bộ tài chính",
        [],
    ),
    (
        "level agrees, agency of another level",
        "Cấp phép X (cấp trung ương)",
        "Cấp bộ",
        "Bảo hiểm xã hội tỉnh",
        [],
    ),
    (
        "level and agency both contradict: one finding, on the level",
        "Cấp phép X (cấp tỉnh)",
        "Cấp xã",
        "UBND cấp xã",
        [(2, "level")],
    ),
    # Systems with units at every level, named without a place, say no level.
    (
        "treasury, no level cell",
        "Giải ngân vốn (cấp tỉnh)",
        None,
        "Kho bạc Nhà nước - Bộ tài chính",
        [],
    ),
    ("tax system", "Đăng ký thuế (cấp tỉnh)", None, "Cục Thuế - Bộ tài chính", []),
    (
        "customs of a province",
        "Thủ tục hải quan (cấp xã)",
        None,
        "Cục Hải quan tỉnh",
        [(2, "agency")],
    ),
    (
        "a central body with its ministry",
        "Cấp phép X (cấp tỉnh)",
        None,
        "Ủy ban Chứng khoán Nhà nước - Bộ tài chính",
        [(2, "agency")],
    ),
    # A commune's office is the commune's, whatever address follows it.
    (
        "commune police with its address",
        "Cấp phép X (cấp xã)",
        None,
        "Công an xã Tân Phú huyện Tân Sơn tỉnh Phú Thọ",
        [],
    ),
    (
        "the same, province tag",
        "Cấp phép X (cấp tỉnh)",
        None,
        "Công an xã Tân Phú huyện Tân Sơn tỉnh Phú Thọ",
        [(2, "agency")],
    ),
    (
        "a qualification, not a tag",
        "Cấp phép X (trừ vùng an toàn dịch bệnh cấp tỉnh)",
        "Cấp xã",
        None,
        [],
    ),
    # A district level or office is PA501's: the tag is not compared with it as well.
    ("district level", "Cấp phép X (cấp xã)", "Cấp huyện", None, []),
    ("district office", "Cấp phép X (cấp xã)", None, "Phòng Tư pháp huyện Thanh Ba", []),
    (
        "district level and office",
        "Cấp phép X (cấp xã)",
        "Cấp huyện",
        "Phòng Tài nguyên và Môi trường cấp huyện",
        [],
    ),
    ("a tag after a dash", "Cấp phép X - cấp tỉnh", "Cấp xã", None, [(2, "level")]),
    ("an English tag", "Permit X (provincial level)", "Commune", None, [(2, "level")]),
    (
        "an English tag, agreeing",
        "Permit X (implemented at provincial level)",
        "Cấp tỉnh",
        None,
        [],
    ),
    ("an English tag at its end", "Permit X at commune level", "Provincial", None, [(2, "level")]),
    (
        "a competence",
        "Cấp phép X thuộc thẩm quyền của UBND cấp tỉnh",
        "Cấp xã",
        None,
        [(2, "level")],
    ),
    ("a former level in the tag", "Cấp phép X (cấp xã; trước đây cấp tỉnh)", "Cấp xã", None, []),
    (
        "the agency agrees where the level does not",
        "Cấp phép X (cấp tỉnh)",
        "Cấp xã",
        "Sở Tư pháp",
        [(2, "level")],
    ),
]


@pytest.mark.parametrize(
    ("case", "name", "level", "agency", "expected"),
    MISMATCH_CASES,
    ids=[c[0] for c in MISMATCH_CASES],
)
def test_pa502_level_mismatch(
    case: str, name: str, level: str | None, agency: str | None, expected: list
) -> None:
    row = {"name": name, "level": level, "agency": agency}
    assert hits_of("PA502", [{k: v for k, v in row.items() if v is not None}]) == expected


def test_pa502_in_a_list_stacked_per_unit_compares_the_level_only() -> None:
    """A district's one-stop list carries its communes' procedures: the agency column names
    the unit whose list it is, so a commune tag under it is no mismatch; the level still is."""
    rows = [
        {"name": f"Thủ tục {n} (cấp xã)", "agency": unit, "level": level}
        for unit in ("UBND Huyện Phù Ninh", "UBND Huyện Tam Nông")
        for n, level in enumerate(("Cấp xã", "Cấp xã", "Cấp tỉnh"))
    ]
    assert hits_of("PA502", rows) == [(4, "level"), (7, "level")]
    one_unit = [dict(row, agency="Sở Tư pháp") for row in rows]  # not stacked
    # One unit's list: the agency is compared where the level does not say the tag's level.
    assert hits_of("PA502", one_unit) == [(4, "level"), (7, "level")]
    # A district's office is PA501's: it is not compared with the tag as well.
    one_district = [dict(row, agency="UBND Huyện Phù Ninh") for row in rows]
    assert hits_of("PA502", one_district) == [(4, "level"), (7, "level")]


def test_pa502_message_quotes_the_tag_and_the_level() -> None:
    rows = [{"name": "Cấp phép X (thực hiện tại cấp tỉnh)", "level": "Cấp xã"}]
    [finding] = [f for f in findings_of(rows) if f.rule == "PA502"]
    assert finding.message == (
        "The name's tag '(thực hiện tại cấp tỉnh)' says Cấp tỉnh, but the level says Cấp xã."
    )


@pytest.mark.parametrize(
    ("agency", "message"),
    [
        pytest.param(
            "UBND cấp xã",
            "The name's tag '(cấp tỉnh)' says Cấp tỉnh, but the level and the agency say Cấp xã.",
            id="both say one level",
        ),
        pytest.param(
            "Bộ Tư pháp",
            "The name's tag '(cấp tỉnh)' says Cấp tỉnh, but the level says Cấp xã and the "
            "agency Cấp bộ.",
            id="each says its own",
        ),
    ],
)
def test_pa502_one_message_where_the_level_and_the_agency_both_contradict_the_tag(
    agency: str, message: str
) -> None:
    rows = [{"name": "Cấp phép X (cấp tỉnh)", "level": "Cấp xã", "agency": agency}]
    [finding] = [f for f in findings_of(rows) if f.rule == "PA502"]
    assert (finding.column, finding.message) == ("level", message)
    assert finding.fix.startswith("Correct the name's tag, or the level and the agency")


ONLINE_CASES = [
    ("fully online", "Toàn trình", None),
    ("partly online", "Một phần", None),
    ("old level 4", "Mức độ 4", "Write 'Toàn trình'"),
    ("old level 3, lower case", "mức độ 3", "Write 'Một phần'"),
    ("DVC level 4", "DVC trực tuyến mức độ 4", "Write 'Toàn trình'"),
    ("old level 2", "Mức độ 2", "Mức độ 2 was not an online service"),
    ("short form", "Mức 3", "Write 'Một phần'"),
    ("a bare number under the online level", "4", "Write 'Toàn trình'"),
    ("a bare 2", "2", "Mức độ 2 was not an online service"),
    ("in English", "Level 3", "Write 'Một phần'"),
    # The new value, glossed with the old one, is what the reform asks for.
    ("new value, old in brackets", "Toàn trình (mức độ 4)", None),
    ("new value, old in brackets, short", "Toàn trình (mức 4)", None),
    ("partly, old in brackets", "Một phần (Mức độ 3)", None),
    ("old value, new in brackets", "Mức độ 4 (toàn trình)", None),
    ("information only", "DVC cung cấp thông tin", None),
    ("in person", "Trực tiếp", None),
    ("no level of either scale", "Mức độ 5", None),
]


@pytest.mark.parametrize(("case", "value", "fix"), ONLINE_CASES, ids=[c[0] for c in ONLINE_CASES])
def test_pa503_obsolete_online_level(case: str, value: str, fix: str | None) -> None:
    found = [f for f in findings_of([{"name": "A", "online_level": value}]) if f.rule == "PA503"]
    assert [f.fix.startswith(fix) for f in found] == ([True] if fix else [])


def test_pa503_names_the_old_level_of_a_bare_number() -> None:
    [finding] = [f for f in findings_of([{"name": "A", "online_level": "3"}]) if f.rule == "PA503"]
    assert finding.message.startswith("'3' is Mức độ 3, a level of the scale Decree 42/2022")


ONLINE_COLUMN_CASES = [
    # (case, the column's values, the rows PA503 flags): bare numbers are levels only in a
    # column whose numbers are all 1 to 4.
    ("numbers 1-4", ["4", "3", "2", "Toàn trình"], [2, 3, 4]),
    ("a count among them", ["4", "3", "12", "Toàn trình"], []),
    ("a zero", ["0", "4", "1"], []),
    ("a share", ["40,88", "3"], []),
    ("old words beside a count", ["Mức độ 4", "12"], [2]),
]


@pytest.mark.parametrize(
    ("case", "values", "rows"), ONLINE_COLUMN_CASES, ids=[c[0] for c in ONLINE_COLUMN_CASES]
)
def test_pa503_reads_numbers_as_levels_in_a_column_of_levels(
    case: str, values: list[str], rows: list[int]
) -> None:
    table = [{"name": f"Thủ tục {at}", "online_level": value} for at, value in enumerate(values)]
    assert hits_of("PA503", table) == [(row, "online_level") for row in rows]


BOTH_LEVELS_CASES = [
    # (case, the online-level cell, whether PA506 reports it)
    ("both, by a comma", "Toàn trình, Một phần", True),
    ("both, by a slash", "DVC trực tuyến toàn trình / DVC trực tuyến một phần", True),
    ("both, on two lines", "Toàn trình\nMột phần", True),
    ("both, without diacritics", "Toan trinh, Mot phan", True),
    ("marks under both sub-columns, as io/marks.py joins them", "Toàn trình, Một phần", True),
    ("one level", "Toàn trình", False),
    ("one level with a note on cases", "Một phần (toàn trình với trường hợp cấp lại)", False),
    ("a level and in person", "Toàn trình; Trực tiếp", False),
    ("the old scale", "Mức độ 3, Mức độ 4", False),
    ("each level its own, on two lines", "Cấp tỉnh: Toàn trình\nCấp xã: Một phần", False),
    ("each level its own, short names", "Tỉnh: Toàn trình; Xã: Một phần", False),
    ("one level given both", "Cấp tỉnh: Toàn trình; Cấp tỉnh: Một phần", True),
    ("a level named on one part only", "Cấp tỉnh: Toàn trình, Một phần", True),
]


@pytest.mark.parametrize(
    ("case", "value", "flagged"), BOTH_LEVELS_CASES, ids=[c[0] for c in BOTH_LEVELS_CASES]
)
def test_pa506_both_online_levels(case: str, value: str, flagged: bool) -> None:
    rows = [{"name": "A", "online_level": value}, {"name": "B", "online_level": "Toàn trình"}]
    assert hits_of("PA506", rows) == ([(2, "online_level")] if flagged else [])


def test_pa506_quotes_the_cell() -> None:
    found = findings_of([{"name": "A", "online_level": "Toàn trình, Một phần"}])
    [finding] = [f for f in found if f.rule == "PA506"]
    assert finding.message.startswith("'Toàn trình, Một phần' gives the procedure both online")


DEFUNCT_CASES = [
    ("merged ministry", "Bộ Lao động - Thương binh và Xã hội", "Bộ Nội vụ"),
    ("a comma for the dash", "Sở Lao động, Thương binh và Xã hội", "Sở Nội vụ"),
    ("an en dash", "Bộ Lao động – Thương binh và Xã hội", "Bộ Nội vụ"),
    ("department, abbreviated", "Sở KH&ĐT", "Sở Tài chính"),
    (
        "department, in full",
        "Sở Tài nguyên và Môi trường tỉnh Lào Cai",
        "Sở Nông nghiệp và Môi trường",
    ),
    (
        "second of two agencies",
        "Trung tâm Phục vụ hành chính công\nSở Giao thông vận tải",
        "Sở Xây dựng",
    ),
    ("old tone placement", "Uỷ ban Dân tộc", "Bộ Dân tộc và Tôn giáo"),
    ("the successor", "Sở Nông nghiệp và Môi trường", None),
    ("the successor, the old name as history", "Bộ Khoa học và Công nghệ ( Bộ TTTT cũ)", None),
    ("the old name marked former", "Sở GTVT cũ", None),
    (
        "a ministry named beside an old department",
        "Bộ Nội vụ, Sở Lao động-Thương binh và Xã hội",
        "Sở Nội vụ",
    ),
    ("a ministry that stays", "Bộ Tư pháp", None),
    (
        "a name that contains an old one's words",
        "Sở Giao thông vận tải và Xây dựng cũ",
        "Sở Xây dựng",
    ),
    # As officials abbreviate them (the Phú Thọ export and others).
    ("XH for Xã hội", "Sở Lao động, Thương binh và XH", "Sở Nội vụ"),
    ("PTNT", "Sở Nông nghiệp và PTNT", "Sở Nông nghiệp và Môi trường"),
    ("TT&TT", "Sở TT&TT", "Sở Khoa học và Công nghệ"),
    ("TTTT", "Sở TTTT", "Sở Khoa học và Công nghệ"),
    ("Thông tin - Truyền thông", "Sở Thông tin - Truyền thông", "Sở Khoa học và Công nghệ"),
    ("KH&ĐT", "Sở KH&ĐT", "Sở Tài chính"),
    ("Kế hoạch - Đầu tư", "Sở Kế hoạch - Đầu tư", "Sở Tài chính"),
    ("TN&MT", "Sở TN&MT", "Sở Nông nghiệp và Môi trường"),
    ("TN và MT", "Sở TN và MT", "Sở Nông nghiệp và Môi trường"),
    ("GTVT", "Sở GTVT", "Sở Xây dựng"),
    ("LĐTBXH", "Sở LĐTBXH", "Sở Nội vụ"),
    ("Lao động - TB&XH", "Sở Lao động - TB&XH", "Sở Nội vụ"),
    ("another letter case", "Sở Giao thông Vận tải", "Sở Xây dựng"),
    ("all caps", "SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG", "Sở Nông nghiệp và Môi trường"),
    ("ministry LĐTBXH", "Bộ LĐTBXH", "Bộ Nội vụ"),
    ("ministry KH&ĐT", "Bộ KH&ĐT", "Bộ Tài chính"),
    ("ministry GTVT, as a parent", "Cục Đường bộ Việt Nam - Bộ GTVT", "Bộ Xây dựng"),
    ("ministry TT&TT", "Bộ TT&TT", "Bộ Khoa học và Công nghệ"),
    ("ministry TN&MT", "Bộ TN&MT", "Bộ Nông nghiệp và Môi trường"),
    # Names in force, written out or abbreviated.
    ("culture stays", "Sở VHTTDL", None),
    ("culture stays, in full", "Sở Văn hóa, Thể thao và Du lịch", None),
    ("agriculture and environment", "Sở Nông nghiệp và Môi trường", None),
    ("science and technology", "Sở Khoa học và Công nghệ", None),
    ("science and technology, KH&CN", "Sở KH&CN", None),
    ("construction", "Sở Xây dựng", None),
    ("finance", "Sở Tài chính", None),
    ("home affairs", "Sở Nội vụ", None),
    ("the ministry of agriculture and environment", "Bộ Nông nghiệp và Môi trường", None),
    ("that ministry abbreviated", "Cục Quản lý tài nguyên nước - Bộ NN và MT", None),
    ("social insurance", "Bảo hiểm XH tỉnh", None),
    # The former holder named in a note.
    ("replaces", "Sở Xây dựng (thay thế Sở GTVT)", None),
    ("in place of", "UBND tỉnh (thay cho Sở KH&ĐT)", None),
    ("formerly, with a date", "Sở NN&MT (trước 01/3/2025: Sở Tài nguyên và Môi trường)", None),
    # Each agency of a cell alone.
    ("the successor on another line", "Sở Tài chính\nSở Kế hoạch và Đầu tư", "Sở Tài chính"),
    ("the successor on the line before", "Sở KH&ĐT\nSở Tài chính", "Sở Tài chính"),
    ("the successor before a comma", "Sở Tài chính, Sở Kế hoạch và Đầu tư", "Sở Tài chính"),
    ("the successor before a semicolon", "Sở Tài chính; Sở KH&ĐT", "Sở Tài chính"),
    ("between two agencies", "Sở Xây dựng\nSở Giao thông vận tải\nCông an tỉnh", "Sở Xây dựng"),
    ("the provincial ethnic committee", "Ban Dân tộc tỉnh", "Sở Dân tộc và Tôn giáo"),
]


@pytest.mark.parametrize(
    ("case", "agency", "successor"), DEFUNCT_CASES, ids=[c[0] for c in DEFUNCT_CASES]
)
def test_pa504_defunct_agency(case: str, agency: str, successor: str | None) -> None:
    found = [f for f in findings_of([{"name": "A", "agency": agency}]) if f.rule == "PA504"]
    if successor is None:
        assert found == []
    else:
        [finding] = found
        assert finding.column == "agency"
        assert f"became {successor} on 2025-03-01" in finding.message
        assert successor in finding.fix


SUBJECT_CASES = [
    # (case, agency, name, the agency the fix names): an agency whose tasks went to several
    # successors: the fix follows the procedure's name.
    ("publishing", "Sở Thông tin và Truyền thông", "Cấp giấy phép xuất bản bản tin", "Sở Văn hóa"),
    ("the press", "Sở TT&TT", "Cho phép họp báo (báo chí)", "Sở Văn hóa"),
    ("telecoms", "Sở TT&TT", "Cấp giấy phép thiết lập mạng viễn thông", "Sở Khoa học và Công nghệ"),
    ("vocational schools", "Sở LĐTBXH", "Cho phép thành lập trường trung cấp giáo dục nghề nghiệp",
     "Sở Giáo dục và Đào tạo"),
    ("children", "Sở LĐTBXH", "Đăng ký nhận chăm sóc thay thế cho trẻ em", "Sở Y tế"),
    ("war veterans", "Sở LĐTBXH", "Giải quyết chế độ người có công", "Sở Nội vụ"),
    ("drug rehabilitation, to the police", "Sở LĐTBXH", "Đăng ký cai nghiện ma túy tự nguyện",
     "Công an cấp tỉnh"),
    ("the ministry's publishing", "Bộ TT&TT", "Cấp giấy phép hoạt động in", "Bộ Văn hóa"),
    ("no split", "Sở GTVT", "Cấp giấy phép xuất bản bản tin", "Sở Xây dựng"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("case", "agency", "name", "successor"), SUBJECT_CASES, ids=[c[0] for c in SUBJECT_CASES]
)
def test_pa504_fix_names_who_took_the_procedures_subject(
    case: str, agency: str, name: str, successor: str
) -> None:
    rows = [{"name": name, "agency": agency}, {"name": "Thủ tục khác", "agency": agency}]
    found = sorted((f for f in findings_of(rows) if f.rule == "PA504"), key=lambda f: f.row)
    assert [f.row for f in found] == [2, 3]
    assert found[0].fix.startswith(f"Write {successor}")
    # The message is the agency's, whatever the name: it says where the other tasks went.
    assert found[0].message == found[1].message


LISTED_BESIDE_CASES = [
    # (case, agency cell, the fix): the successor already listed on another line of the cell
    # (the portal's exports): the old name is only to be deleted.
    (
        "successor on the next line",
        "Cục Đường thủy nội địa Việt Nam\nCảng vụ hàng hải\nCục Hàng hải và Đường thủy Việt Nam",
        "Delete Cục Đường thủy nội địa Việt Nam: Cục Hàng hải và Đường thủy Việt Nam, which "
        "took it over, is already listed.",
    ),
    (
        "successor before a comma",
        "Chi cục Hải quan khu vực, Cục Hải quan tỉnh, thành phố",
        "Delete Cục Hải quan tỉnh: Chi cục Hải quan khu vực, which took it over, is already "
        "listed.",
    ),
    (
        "no successor beside",
        "Cục Hải quan tỉnh, thành phố",
        "Write Chi cục Hải quan khu vực for Cục Hải quan tỉnh.",
    ),
    (
        "another agency beside",
        "Sở Tài chính\nSở Giao thông vận tải",
        "Write Sở Xây dựng for Sở Giao thông vận tải.",
    ),
]


@pytest.mark.parametrize(
    ("case", "agency", "fix"), LISTED_BESIDE_CASES, ids=[c[0] for c in LISTED_BESIDE_CASES]
)
def test_pa504_fix_deletes_an_old_name_listed_beside_its_successor(
    case: str, agency: str, fix: str
) -> None:
    [finding] = [f for f in findings_of([{"name": "A", "agency": agency}]) if f.rule == "PA504"]
    assert finding.fix == fix


def test_pa504_a_subjects_successor_is_written_even_beside_the_usual_one() -> None:
    rows = [{"name": "Cấp giấy phép xuất bản bản tin", "agency": "Sở TT&TT\nSở KH&CN"}]
    [finding] = [f for f in findings_of(rows) if f.rule == "PA504"]
    assert finding.fix.startswith("Write Sở Văn hóa, Thể thao và Du lịch for")


MERGED_PROVINCE_CASES = [
    # (case, agency, the message's words or None)
    (
        "the province's people's committee",
        "UBND tỉnh Kiên Giang",
        "'tỉnh Kiên Giang' is part of tỉnh An Giang since 2025-07-01 (Resolution 202/2025/QH15)",
    ),
    (
        "a department of the province",
        "Sở Tư pháp tỉnh Vĩnh Phúc",
        "'tỉnh Vĩnh Phúc' is part of tỉnh Phú Thọ since 2025-07-01",
    ),
    (
        "a department, without tỉnh",
        "Sở Tư pháp Bình Dương",
        "'tỉnh Bình Dương' is part of Thành phố Hồ Chí Minh since 2025-07-01",
    ),
    ("a ward named after the province", "UBND phường Thái Bình", None),
    ("a ward's office", "Phòng Văn hóa - Xã hội phường Bạc Liêu", None),
    ("a commune, the province its address", "UBND xã Vũ Thư tỉnh Thái Bình", None),
    ("the successor", "UBND tỉnh An Giang", None),
]


@pytest.mark.parametrize(
    ("case", "agency", "words"), MERGED_PROVINCE_CASES, ids=[c[0] for c in MERGED_PROVINCE_CASES]
)
def test_pa504_merged_province(case: str, agency: str, words: str | None) -> None:
    found = [f for f in findings_of([{"name": "A", "agency": agency}]) if f.rule == "PA504"]
    if words is None:
        assert found == []
    else:
        [finding] = found
        assert words in finding.message
        assert finding.fix.startswith("Name the office of ")


def test_pa504_merged_province_speaks_vietnamese() -> None:
    with speaking("vi"):
        [finding] = [
            f
            for f in findings_of([{"name": "A", "agency": "UBND tỉnh Kiên Giang"}])
            if f.rule == "PA504"
        ]
    assert finding.message == (
        "Cơ quan thực hiện không còn tồn tại: 'tỉnh Kiên Giang' nay thuộc tỉnh An Giang (từ "
        "ngày 01/7/2025; Nghị quyết 202/2025/QH15)."
    )


def _coverage(values: list[str | None], target: float = 0.8) -> list:
    rows = [{"name": f"Thủ tục {i}", "online_level": v} for i, v in enumerate(values)]
    return [f for f in run_rules(rows, RuleOptions(online_target=target)) if f.rule == "PA505"]


COVERAGE_CASES = [
    # (case, values, target, expected message or None)
    ("all online", ["Toàn trình"] * 5, 0.8, None),
    ("exactly the target", ["Toàn trình"] * 4 + ["Một phần"], 0.8, None),
    (
        "below",
        ["Toàn trình"] * 3 + ["Một phần"] * 2,
        0.8,
        "3 of 5 procedures (60%) are fully online (Toàn trình); the target is 80%.",
    ),
    (
        "empty cells count as not online",
        ["Toàn trình", None, None, None],
        0.5,
        "1 of 4 procedures (25%) are fully online (Toàn trình); the target is 50%.",
    ),
    ("lower target met", ["Toàn trình", "Một phần"], 0.5, None),
    (
        "in English",
        ["Full", "Fully online", "Partial", "Partly online", "None"],
        0.8,
        "2 of 5 procedures (40%) are fully online (Toàn trình); the target is 80%.",
    ),
    (
        "the old scale and none",
        ["Mức độ 4", "Mức độ 3", "Mức độ 2", "Không", None],
        0.8,
        "1 of 5 procedures (20%) are fully online (Toàn trình) if Mức độ 4 of the old scale "
        "(1 of them) is read as Toàn trình; the target is 80%.",
    ),
    # A column saying whether there is a service at all says nothing of how full it is.
    ("yes or no", ["Có", "Có", "x", "Không", "Có"], 0.8, None),
    # What is no online service is read, as not online.
    (
        "information only",
        ["Toàn trình"] * 4 + ["Một phần"] * 3 + ["DVC cung cấp thông tin"] * 3,
        0.8,
        "4 of 10 procedures (40%) are fully online (Toàn trình); the target is 80%.",
    ),
    (
        "information only, other wordings",
        ["Toàn trình", "Dịch vụ công cung cấp thông tin", "Cung cấp thông tin", "Trực tiếp"],
        0.8,
        "1 of 4 procedures (25%) are fully online (Toàn trình); the target is 80%.",
    ),
    (
        "the new levels as lists write them",
        ["DVCTT toàn trình", "Trực tuyến toàn trình", "Một phần (nộp trực tuyến)", "Không"],
        0.8,
        "2 of 4 procedures (50%) are fully online (Toàn trình); the target is 80%.",
    ),
    ("new values glossed", ["Toàn trình (mức độ 4)"] * 4 + ["Một phần (Mức độ 3)"], 0.8, None),
    (
        "the old scale as bare numbers",
        ["4", "3", "2", "4", "3"],
        0.8,
        "2 of 5 procedures (40%) are fully online (Toàn trình) if Mức độ 4 of the old scale "
        "(2 of them) is read as Toàn trình; the target is 80%.",
    ),
    # Only the rows fully online by the old scale are said so; new words glossed with it
    # are the new scale.
    (
        "the two scales mixed",
        ["Toàn trình", "Toàn trình (mức độ 4)", "Muc do 4", "Một phần", "Mức độ 3"],
        0.8,
        "3 of 5 procedures (60%) are fully online (Toàn trình) if Mức độ 4 of the old scale "
        "(1 of them) is read as Toàn trình; the target is 80%.",
    ),
    # Counts under an online-level header: no levels, so no share to give.
    ("counts", ["4", "3", "3", "3", "12"], 0.8, None),
    # The two levels' initials, read where the column holds both: "TT" alone may be trực
    # tuyến or trực tiếp.
    (
        "both abbreviations",
        ["TT", "MP", "TT", "MP", "Toàn trình"],
        0.8,
        "3 of 5 procedures (60%) are fully online (Toàn trình); the target is 80%.",
    ),
    (
        "abbreviations with dots, in any case",
        ["T.T", "M.P", "mp", "Một phần"],
        0.8,
        "1 of 4 procedures (25%) are fully online (Toàn trình); the target is 80%.",
    ),
    (
        "typed without diacritics",
        ["Toan trinh", "TOAN_TRINH", "Mot phan", "Muc do 3", "Khong"],
        0.8,
        "2 of 5 procedures (40%) are fully online (Toàn trình); the target is 80%.",
    ),
    ("one abbreviation alone not read", ["TT", "TT", "TT", "Một phần", "Toàn trình"], 0.8, None),
    (
        "a few values not read",
        ["Toàn trình"] + ["Một phần"] * 8 + ["Có"],
        0.8,
        ("1 of 10 procedures (10%) are fully online (Toàn trình); the target is 80%."),
    ),
]


@pytest.mark.parametrize(
    ("case", "values", "target", "message"), COVERAGE_CASES, ids=[c[0] for c in COVERAGE_CASES]
)
def test_pa505_online_coverage(case: str, values: list, target: float, message: str | None) -> None:
    found = _coverage(values, target)
    assert [f.message for f in found] == ([message] if message else [])
    assert all(f.row is None and f.sheet is None and f.column == "online_level" for f in found)


@pytest.mark.parametrize(
    ("values", "fix"),
    [
        (["Toàn trình"] + ["Một phần"] * 9, "Bring at least 7 more procedures fully online"),
        (["Toàn trình", "Một phần"], "Bring at least 1 more procedure fully online"),
    ],
)
def test_pa505_fix_counts_the_procedures_to_bring_online(values: list[str], fix: str) -> None:
    [finding] = _coverage(values)
    assert finding.fix.startswith(fix)
    assert finding.fix.endswith("why it cannot be." if "1 more" in fix else "why they cannot be.")


def test_pa505_on_the_old_scale_speaks_vietnamese() -> None:
    with speaking("vi"):
        [finding] = _coverage(["Mức độ 4", "4", "Mức độ 3", "Mức độ 3", "Toàn trình"])
    assert finding.message == (
        "3/5 thủ tục (60%) được cung cấp dịch vụ công trực tuyến toàn trình, nếu coi Mức độ 4 "
        "theo thang cũ (2 thủ tục) là toàn trình; chỉ tiêu là 80%."
    )


def test_pa505_counts_no_abolished_row_on_the_old_scale() -> None:
    rows = [
        {"name": "A", "online_level": "Mức độ 4", "status": "Còn hiệu lực"},
        {"name": "B", "online_level": "Mức độ 4", "status": "Bãi bỏ"},
        {"name": "C", "online_level": "Mức độ 3", "status": "Còn hiệu lực"},
        {"name": "D", "online_level": "Mức độ 3", "status": "Còn hiệu lực"},
    ]
    [finding] = [f for f in run_rules(rows, RuleOptions()) if f.rule == "PA505"]
    assert "(1 of them)" in finding.message


def test_pa505_leaves_abolished_procedures_out() -> None:
    rows = [
        {"name": "A", "online_level": "Toàn trình", "status": "Còn hiệu lực"},
        {"name": "B", "online_level": "Một phần", "status": "Bãi bỏ"},
    ]
    assert [f for f in run_rules(rows, RuleOptions()) if f.rule == "PA505"] == []


def test_pa501_flags_every_district_unit_of_the_phu_tho_export(real_data) -> None:
    """The 2022 Phú Thọ export stacks 32 units: 13 of them district-level (11 huyện, Thị xã
    Phú Thọ and Thành phố Việt Trì), 852 rows; the departments and the province's office are
    not flagged."""
    import json
    from collections import Counter

    from typer.testing import CliRunner

    from procaudit.cli import app

    path = real_data / "phutho-motcua-2022" / "PTO.xls"
    result = CliRunner().invoke(
        app,
        [
            "check",
            str(path),
            "--map",
            "TEN_CO_QUAN=agency",
            "--select",
            "PA501",
            "-f",
            "json",
            "--exit-zero",
            "-q",
            "--every-row",
        ],
    )
    assert result.exit_code == 0, result.output
    found = json.loads(result.stdout)["findings"]
    # Three names of district units' lists end with the district's competence ("… thuộc thẩm
    # quyền của Ủy ban nhân dân cấp huyện"): their rows are district units' rows.
    names = [f for f in found if f["column"] == "name"]
    findings = [f for f in found if f["column"] != "name"]
    assert len(names) == 3
    assert all(f["value"].endswith("thuộc thẩm quyền của Ủy ban nhân dân cấp huyện") for f in names)
    assert {f["row"] for f in names} <= {f["row"] for f in findings}
    units = Counter(f["value"] for f in findings)
    assert sum(units.values()) == 852
    assert len({f["row"] for f in findings}) == 852
    assert {f["column"] for f in findings} == {"agency"}
    assert len(units) == 13
    assert units["UBND Thành phố Việt Trì"] == 56
    assert units["UBND Thị xã Phú Thọ"] == 43
    assert all(unit.startswith(("UBND Huyện", "UBND Thị xã", "UBND Thành phố")) for unit in units)
    # Without --every-row, each unit's block is one finding that counts its rows.
    result = CliRunner().invoke(
        app,
        [
            "check",
            str(path),
            "--select",
            "PA501",
            "-f",
            "json",
            "--exit-zero",
            "-q",
        ],
    )
    collapsed = {
        f["value"]: f["rows"]
        for f in json.loads(result.stdout)["findings"]
        if f["column"] == "agency"
    }
    assert collapsed == dict(units)
