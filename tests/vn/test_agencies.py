"""procaudit.vn.agencies: the district tier of an agency cell, the level of its agencies, and
agency names with their abbreviations written out."""

from __future__ import annotations

import pytest

from procaudit.vn.agencies import (
    DISTRICT_BRANCH,
    DISTRICT_COURT,
    DISTRICT_POLICE,
    DISTRICT_PROCURACY,
    agency_levels,
    central_cities,
    district_kind,
)
from procaudit.vn.agency_words import agency_words
from procaudit.vn.defunct_agencies import defunct_in
from procaudit.vn.levels import CENTRAL, COMMUNE, DISTRICT, PROVINCE

KIND_CASES = [
    # (cell, kind)
    ("UBND Huyện Phù Ninh", DISTRICT),
    ("UBND Thị xã Phú Thọ", DISTRICT),
    ("UBND Thành phố Việt Trì", DISTRICT),
    ("UBND TP.Việt Trì", DISTRICT),
    ("Ủy ban nhân dân huyện, quận, thị xã, thành phố thuộc tỉnh", DISTRICT),
    ("Sở Tư pháp\nPhòng Tư pháp thành phố Việt Trì", DISTRICT),
    ("Chi cục thuế huyện, thành phố", DISTRICT_BRANCH),
    ("Bảo hiểm xã hội cấp huyện", DISTRICT_BRANCH),
    (
        "Tòa án nhân dân cấp huyện, quận, thị xã, thành phố thuộc tỉnh và tương đương",
        DISTRICT_COURT,
    ),
    ("UBND huyện Phù Ninh\nTòa án nhân dân huyện Phù Ninh", DISTRICT_COURT),
    ("Tòa án nhân dân tỉnh, thành phố trực thuộc trung ương", None),
    ("UBND thành phố Hà Nội", None),
    ("Sở Giao thông công chánh - TP.HCM", None),
    ("Ngân hàng Nhà nước chi nhánh thành phố Hồ Chí Minh", None),
    ("Thuế tỉnh, thành phố\nThuế cơ sở", None),
    ("Ủy ban Nhân dân\xa0xã,\xa0phường,\xa0thị trấn.", None),
    ("Phòng thi hành án cấp quân khu", None),
    ("Ban quản lý chương trình huyện nghèo", None),
    ("UBND xã Hương Nộn - huyện Tam Nông", None),
    ("UBND phường 1 - quận 3", None),
    ("Phòng Kinh tế thuộc UBND xã X huyện Y", None),
    # An English list's offices.
    ("District People's Committee", DISTRICT),
    ("People's Committee of Tam Nong District", DISTRICT),
    ("Division of Justice of Tam Nong District", DISTRICT),
    ("Tam Nong District", DISTRICT),
    ("District 1 Police", DISTRICT_POLICE),
    ("Công an huyện", DISTRICT_POLICE),
    ("Công an cấp Tỉnh\nCông an huyện", DISTRICT_POLICE),
    ("Công an cấp huyện", DISTRICT_POLICE),
    ("Công an thành phố Việt Trì", DISTRICT_POLICE),
    ("Công an thành phố Hà Nội", None),
    ("Công an xã Tân Phú, huyện Tân Sơn", None),
    ("Công an xã Tân Phú huyện Tân Sơn", None),
    ("Công an cấp xã", None),
    ("Department of Home Affairs; District Division of Home Affairs", DISTRICT),
    ("District People's Court", DISTRICT_COURT),
    ("District People's Procuracy", DISTRICT_PROCURACY),
    ("Land Registration Office Branch of Cam Khe District", DISTRICT_BRANCH),
    ("Commune People's Committee", None),
    ("People's Committee of Tan Lap Commune, Tam Nong District", None),
    ("Ward 3 People's Committee, District 1", None),
    ("Provincial Department of Justice", None),
    ("Regional People's Court", None),
    ("Military District Command", None),
    # "Phòng Tư pháp" named bare is the district's, alone or among other agencies; another
    # body's office of that name says whose it is.
    ("Phòng Tư pháp", DISTRICT),
    ("Phòng Tư Pháp", DISTRICT),
    ("UBND cấp xã; Phòng Tư pháp", DISTRICT),
    ("UBND cấp xã, Phòng Tư pháp.", DISTRICT),
    ("UBND cấp xã\nPhòng Tư pháp", DISTRICT),
    ("Phòng Tư pháp Quân khu 7", None),
    ("Phòng Hành chính tư pháp - Sở Tư pháp", None),
    ("Phòng Bổ trợ tư pháp", None),
    ("Phòng Tư pháp (cũ)", None),
    ("UBND cấp xã (trước đây: Phòng Tư pháp)", None),
    ("Sở Tư pháp", None),
    ("Trung tâm phục vụ hành chính công thị trấn X huyện Y", None),
    ("Phòng Kinh tế (quản lý hợp tác xã) huyện X", DISTRICT),
    ("Phòng Quản lý đô thị thị xã Phú Thọ", DISTRICT),
    ("UBND huyện X, UBND xã Y", DISTRICT),
    ("Phòng LĐTBXH", DISTRICT),
    ("Sở Nội vụ (thay thế Phòng LĐTBXH)", None),
    ("Viện kiểm sát nhân dân quận 1", DISTRICT_PROCURACY),
    ("VKSND huyện X\nTòa án nhân dân huyện X", DISTRICT_COURT),
    # Sector offices of a district: the treasury's, the forest rangers', the vets'.
    ("Kho bạc Nhà nước huyện Đông Anh", DISTRICT_BRANCH),
    ("Hạt Kiểm lâm huyện Sóc Sơn", DISTRICT_BRANCH),
    ("Trạm Chăn nuôi và Thú y huyện Ba Vì", DISTRICT_BRANCH),
    # Units of a department or a national system named after the district they served.
    ("Chi nhánh Văn phòng đăng ký đất đai huyện Thanh Ba", DISTRICT_BRANCH),
    ("Trung tâm Y tế huyện Lâm Thao", DISTRICT_BRANCH),
    ("Chi cục Thống kê thị xã Phú Thọ", DISTRICT_BRANCH),
    ("Bảo hiểm xã hội huyện Tam Nông", DISTRICT_BRANCH),
    ("Chi nhánh Văn phòng đăng ký đất đai cấp huyện", DISTRICT_BRANCH),
    ("Trung tâm Văn hóa - Thể thao huyện Lâm Thao", DISTRICT),
    ("Đội Kiểm tra trật tự đô thị quận Ba Đình", DISTRICT),  # a district's own team
    ("Phòng Y tế huyện Lâm Thao", DISTRICT),
    ("Bộ phận một cửa huyện Lâm Thao", DISTRICT),
    ("Chi nhánh VPĐKĐĐ huyện Thanh Ba\nUBND huyện Thanh Ba", DISTRICT),
    ("Chi nhánh Văn phòng đăng ký đất đai khu vực Thanh Ba", None),
    ("Trung tâm Y tế khu vực Lâm Thao", None),
    ("Kho bạc Nhà nước tỉnh Phú Thọ", None),
    ("Trạm Y tế xã Tân Lập huyện Thanh Sơn", None),
    ("Đội Quản lý thị trường số 3", None),
    # A district named bare, as a unit column or a unit's heading names it.
    ("Huyện Thanh Ba", DISTRICT),
    ("Thị xã Phú Thọ", DISTRICT),
    ("Quận Ba Đình", DISTRICT),
    ("Quận 1", DISTRICT),
    ("Thành phố Việt Trì", DISTRICT),
    ("TP. Thủ Đức", DISTRICT),
    ("H. Lâm Thao", DISTRICT),
    ("TX Phú Thọ", DISTRICT),
    ("Q. Hoàn Kiếm", DISTRICT),
    ("Huyện đảo Côn Đảo", DISTRICT),
    ("Sở Tư pháp\nHuyện Thanh Ba", DISTRICT),
    ("Thành phố Hà Nội", None),
    ("Thành phố Huế", None),
    ("TP HCM", None),
    ("Xã Thanh Ba", None),
    ("Phường Phú Thọ", None),
    ("Đặc khu Côn Đảo", None),
    ("Huyện ủy Thanh Ba", None),
    ("Huyện đoàn Lâm Thao", None),
    ("Huyện nghèo", None),
    ("thành phố trực thuộc trung ương", None),
    ("thành phố thuộc tỉnh và tương đương", None),
    ("UBND xã Tân Phú, huyện Tân Sơn", None),  # after a comma: the commune's address
    ("Cục Hải quan tỉnh, thành phố", None),
]


@pytest.mark.parametrize(("cell", "kind"), KIND_CASES, ids=[c[0] for c in KIND_CASES])
def test_district_kind(cell: str, kind: str | None) -> None:
    assert district_kind(cell) == kind


LEVEL_CASES = [
    ("UBND Thành phố Việt Trì", {DISTRICT}),
    ("UBND thành phố Hà Nội", {PROVINCE}),
    ("Phòng Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ TP HCM", {PROVINCE}),
    ("Công an quận 1 TP HCM", {DISTRICT}),
    ("UBND thành phố Huế", {PROVINCE}),
    ("Sở Tư pháp\nUBND xã Phù Ninh", {PROVINCE, COMMUNE}),
    ("UBND thành phố", set()),
    # The office's own place, not its address, gives the level.
    ("Công an xã Tân Phú - huyện Tân Sơn", {COMMUNE}),
    ("UBND thị trấn Hùng Sơn huyện Lâm Thao tỉnh Phú Thọ", {COMMUNE}),
    ("Bộ phận một cửa UBND xã X huyện Y", {COMMUNE}),
    ("Công an tỉnh - Bộ Công an", {PROVINCE}),
    # Systems with units at every level say their level only with a place.
    ("Kho bạc Nhà nước - Bộ tài chính", set()),
    ("Cục Thuế - Bộ tài chính\nThuế tỉnh, thành phố", {PROVINCE}),
    ("Cục Hải quan tỉnh", {PROVINCE}),
    ("Cục Chăn nuôi và Thú y - Bộ NN và MT", {CENTRAL}),
    ("Cục Quản lý xuất nhập cảnh", {CENTRAL}),
    # A "Cục" of a province is the province's office.
    ("Cục Thi hành án dân sự tỉnh Nghệ An", {PROVINCE}),
    ("Cục Thống kê tỉnh Thanh Hóa", {PROVINCE}),
    ("Sở Nội vụ (thay thế Phòng Nội vụ cấp huyện)", {PROVINCE}),
]


@pytest.mark.parametrize(("cell", "levels"), LEVEL_CASES, ids=[c[0] for c in LEVEL_CASES])
def test_agency_levels(cell: str, levels: set[str]) -> None:
    assert agency_levels(cell) == levels


WORD_CASES = [
    ("Sở Lao động, Thương binh và XH", "sở lao động thương binh xã hội"),
    ("Sở LĐ-TB&XH", "sở lao động thương binh xã hội"),
    ("Sở Nông nghiệp và PTNT", "sở nông nghiệp phát triển nông thôn"),
    ("Sở NN&PTNT", "sở nông nghiệp phát triển nông thôn"),
    ("Sở TT&TT", "sở thông tin truyền thông"),
    ("Sở KH&ĐT", "sở kế hoạch đầu tư"),
    ("Sở TN&MT", "sở tài nguyên môi trường"),
    ("SỞ GTVT", "sở giao thông vận tải"),
    ("Sở VHTTDL", "sở văn hóa thể thao du lịch"),
    ("Sở Văn hoá, Thể thao và Du lịch", "sở văn hóa thể thao du lịch"),
    # Letters inside a word are not abbreviations.
    ("Sở Xây dựng", "sở xây dựng"),
]


@pytest.mark.parametrize(("name", "words"), WORD_CASES, ids=[c[0] for c in WORD_CASES])
def test_agency_words_write_abbreviations_out(name: str, words: str) -> None:
    assert agency_words(name) == words


def test_the_centrally_run_cities() -> None:
    assert set(central_cities()) >= {
        "ha noi",
        "thanh pho ho chi minh",
        "ho chi minh",
        "hcm",
        "hai phong",
        "da nang",
        "can tho",
        "hue",
    }


def test_defunct_in_reads_each_agency_of_a_cell() -> None:
    found = defunct_in("Sở Nông nghiệp và PTNT\nSở Lao động, Thương binh và XH\nSở Nội vụ")
    # An old name on a line of its own is stale, whatever another line names: Sở Nội vụ took
    # Lao động's task over, yet the list still sends citizens to both.
    assert [agency.successor for agency in found] == [
        "Sở Nông nghiệp và Môi trường",
        "Sở Nội vụ",
    ]


DEFUNCT_CASES = [
    # (cell, the defunct agencies it names)
    ("Tổng cục Thuế", ["Tổng cục Thuế"]),  # its successor's name is inside the old one
    ("Tổng cục Hải quan", ["Tổng cục Hải quan"]),
    # The general departments the 2025 reorganisation made departments (Cục).
    ("Tổng cục Giáo dục nghề nghiệp", ["Tổng cục Giáo dục nghề nghiệp"]),
    ("Tổng cục Thống kê", ["Tổng cục Thống kê"]),
    ("Cục Thống kê", []),
    ("Tổng cục Dự trữ Nhà nước", ["Tổng cục Dự trữ Nhà nước"]),
    ("Tổng cục Du lịch", ["Tổng cục Du lịch"]),
    ("Cục Du lịch Quốc gia Việt Nam", []),
    ("Cục Giáo dục nghề nghiệp và Giáo dục thường xuyên", []),
    ("Cục Thuế", []),
    ("Tổng cục Thuế (nay là Cục Thuế)", []),
    ("Cục Thuế tỉnh Bắc Ninh", ["Cục Thuế tỉnh"]),
    ("Cục Thuế TP Hà Nội", ["Cục Thuế tỉnh"]),
    ("Thuế tỉnh Bắc Ninh", []),
    ("Cục Hải quan tỉnh Lạng Sơn", ["Cục Hải quan tỉnh"]),
    ("Chi cục Hải quan khu vực VI", []),
    ("Ngân hàng Nhà nước chi nhánh tỉnh Phú Thọ", ["Ngân hàng Nhà nước chi nhánh"]),
    ("Ngân hàng Nhà nước Khu vực 5", []),
    ("Cục Hàng hải Việt Nam", ["Cục Hàng hải Việt Nam"]),
    ("Cục Hàng hải và Đường thủy Việt Nam", []),
    # Each agency of a cell alone: beside its successor on another line, an old name is
    # stale; with a note in its own line it is history.
    ("Sở Tài chính\nSở Kế hoạch và Đầu tư", ["Sở Kế hoạch và Đầu tư"]),
    ("Sở Kế hoạch và Đầu tư\nSở Tài chính", ["Sở Kế hoạch và Đầu tư"]),
    ("Sở Tài chính, Sở Kế hoạch và Đầu tư", ["Sở Kế hoạch và Đầu tư"]),
    ("Sở Tài chính; Sở KH&ĐT", ["Sở Kế hoạch và Đầu tư"]),
    ("Sở Xây dựng\nSở Giao thông vận tải\nCông an tỉnh", ["Sở Giao thông vận tải"]),
    (
        "Sở Nông nghiệp và Môi trường; Sở Nông nghiệp và PTNT",
        ["Sở Nông nghiệp và Phát triển nông thôn"],
    ),
    ("Bộ Khoa học và Công nghệ (Bộ TTTT cũ)", []),
    ("Sở Nông nghiệp và Môi trường (trước 01/3/2025: Sở Tài nguyên và Môi trường)", []),
    ("Sở Tài chính (thay thế Sở Kế hoạch và Đầu tư)", []),
    # A comma inside a name, or between places, separates no agencies.
    ("Sở Lao động, Thương binh và XH", ["Sở Lao động - Thương binh và Xã hội"]),
    ("Sở Văn hóa, Thể thao và Du lịch", []),
    ("Chi cục Hải quan khu vực, Cục Hải quan tỉnh, thành phố", ["Cục Hải quan tỉnh"]),
    ("Ban Dân tộc tỉnh Lào Cai", ["Ban Dân tộc tỉnh"]),
    ("Ban Dân tộc HĐND tỉnh", []),  # the provincial council's committee stays
    ("Sở Dân tộc và Tôn giáo", []),
    # Provinces merged into others (Resolution 202/2025/QH15): named with "tỉnh", "UBND" or
    # at the end of a department's name; a ward or commune of that name is no province.
    ("UBND tỉnh Kiên Giang", ["tỉnh Kiên Giang"]),
    ("Sở Tư pháp tỉnh Vĩnh Phúc", ["tỉnh Vĩnh Phúc"]),
    ("Sở Tư pháp Vĩnh Phúc", ["tỉnh Vĩnh Phúc"]),
    ("UBND Kiên Giang", ["tỉnh Kiên Giang"]),
    ("UBND tinh Kien Giang", ["tỉnh Kiên Giang"]),
    ("Công an tỉnh Bà Rịa - Vũng Tàu", ["tỉnh Bà Rịa - Vũng Tàu"]),
    ("Bảo hiểm xã hội tỉnh Hòa Bình", ["tỉnh Hòa Bình"]),
    ("Cục Thuế tỉnh Bắc Giang", ["Cục Thuế tỉnh", "tỉnh Bắc Giang"]),
    ("Sở Y tế tỉnh Thừa Thiên Huế", ["tỉnh Thừa Thiên Huế"]),
    ("UBND phường Thái Bình", []),
    ("UBND phường Bạc Liêu", []),
    ("Phường Long An", []),
    ("Sở Tư pháp phường Thái Bình", []),
    ("UBND xã Vũ Thư tỉnh Thái Bình", []),  # a commune's, the province its address
    ("UBND tỉnh Phú Thọ", []),
    ("Sở Tư pháp tỉnh Phú Thọ (Vĩnh Phúc cũ)", []),
    ("Sở Tư pháp tỉnh Vĩnh Phúc (nay là tỉnh Phú Thọ)", []),
    # An English list's names of the same agencies, and its notes on the former holder.
    ("Department of Labour, Invalids and Social Affairs", ["Sở Lao động - Thương binh và Xã hội"]),
    ("DOLISA", ["Sở Lao động - Thương binh và Xã hội"]),
    (
        "Department of Natural Resources and Environment of Lao Cai province",
        ["Sở Tài nguyên và Môi trường"],
    ),
    ("Ministry of Planning and Investment", ["Bộ Kế hoạch và Đầu tư"]),
    ("General Department of Taxation", ["Tổng cục Thuế"]),
    ("Department of Home Affairs", []),
    ("Department of Agriculture and Environment", []),
    ("Department of Home Affairs (formerly DOLISA)", []),
    ("Department of Finance (previously Department of Planning and Investment)", []),
]


@pytest.mark.parametrize(("cell", "old"), DEFUNCT_CASES, ids=[c[0] for c in DEFUNCT_CASES])
def test_defunct_in(cell: str, old: list[str]) -> None:
    assert [agency.old_name for agency in defunct_in(cell)] == old
