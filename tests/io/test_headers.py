"""Header aliases: Vietnamese with and without diacritics, snake_case, English."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from procaudit.catalogue.columns import SECTION_UNIT
from procaudit.core.errors import InputError
from procaudit.engine.audit import audit
from procaudit.io import read_catalogue
from procaudit.io.grid import text_grid
from procaudit.io.header_aliases import qualified_status
from procaudit.io.headers import map_headers
from procaudit.io.read import ReadOptions, read_grid
from procaudit.io.unheaded_columns import DECISIONS
from procaudit.io.value_profile import SAMPLE_ROWS, profile, sample
from procaudit.io.values import (
    AGENCY_IDS,
    AGENCY_NAMES,
    CODES,
    CUT_NAMES,
    HIDDEN,
    INTERNAL_IDS,
    NATIONAL_CODES,
    OTHER_CODES,
    SHARED_CODES,
    UNHEADED_NAMES,
    WHOLE_NUMBERS,
    check_values,
)
from procaudit.io.values import NAMES as PROCEDURES_NAMES
from procaudit.rules.selection import RuleSelection
from procaudit.vn.legacy_fonts import ENCODINGS, encode

ALIASES = [
    ("Mã thủ tục", "code"),
    ("Mã TTHC", "code"),
    ("Ma TTHC", "code"),
    ("ma_thu_tuc", "code"),
    ("Mã số", "code"),
    ("Procedure code", "code"),
    # English puts the words the other way round with "of", "the": read in any order.
    ("Code of the procedure", "code"),
    ("Name of administrative procedure", "name"),
    ("Level of implementation", "level"),
    ("Implementing body", "agency"),
    ("Date of announcement", "decision_date"),
    ("Number of the decision", "decision_no"),
    ("Level of online service", "online_level"),
    # English words that only say "of the procedure" before the alias, and English headers
    # translating the Vietnamese ones officials use.
    ("Procedure title", "name"),
    ("Title of the procedure", "name"),
    ("Administrative procedure code", "code"),
    ("Procedure field", "field"),
    ("Public service name", "name"),  # "Tên dịch vụ công"
    ("Service code", "code"),
    ("Responsible agency", "agency"),
    ("Agency in charge", "agency"),
    ("Competent agency", "agency"),
    ("Application forms and declarations", "forms"),  # "Mẫu đơn, tờ khai"
    ("Level of online public service", "online_level"),
    ("Public service level", "online_level"),  # "Mức độ DVC"
    ("Time for settlement", "processing_time"),
    ("Fees and charges", "fee"),
    ("Issued date", "decision_date"),
    ("Effective status", "status"),
    ("Tên thủ tục hành chính", "name"),
    ("Ten thu tuc", "name"),
    ("ten_thu_tuc", "name"),
    ("TÊN TTHC", "name"),
    ("Procedure name", "name"),
    ("Tên", "name"),
    ("Cấp thực hiện", "level"),
    ("cap_thuc_hien", "level"),
    ("Level", "level"),
    ("Lĩnh vực", "field"),
    ("linh_vuc", "field"),
    ("Field", "field"),
    ("Cơ quan thực hiện", "agency"),
    ("co_quan_co_tham_quyen", "agency"),
    ("Agency", "agency"),
    ("Thời hạn giải quyết", "processing_time"),
    ("Processing time", "processing_time"),
    # Other words for it, a unit in brackets.
    ("Thời gian xử lý (ngày)", "processing_time"),
    ("Thời hạn giải quyết (ngày làm việc)", "processing_time"),
    ("THỜI GIAN GIẢI QUYẾT\n(NGÀY LÀM VIỆC)", "processing_time"),
    ("Thời hạn xử lý (giờ)", "processing_time"),
    ("Thời gian giải quyết theo quy định (ngày)", "processing_time"),
    ("Thời gian xử lý hồ sơ", "processing_time"),
    ("Số ngày giải quyết", "processing_time"),
    ("THOI_GIAN_XU_LY", "processing_time"),
    ("Phí, lệ phí", "fee"),
    ("phi_le_phi", "fee"),
    ("Fee", "fee"),
    ("Mẫu đơn, tờ khai", "forms"),
    ("mau_don_to_khai", "forms"),
    ("Forms", "forms"),
    ("Căn cứ pháp lý", "legal_basis"),
    ("can_cu_phap_ly", "legal_basis"),
    ("Mức độ DVC", "online_level"),
    ("Online level", "online_level"),
    ("Số quyết định", "decision_no"),
    ("so_quyet_dinh", "decision_no"),
    ("Decision number", "decision_no"),
    ("Publishing decision", "decision_no"),  # "Quyết định công bố" in English
    ("Decision on publication", "decision_no"),
    ("Online service (DVCTT)**", "online_level"),
    ("Ngày công bố", "decision_date"),
    ("Decision date", "decision_date"),
    ("Tình trạng", "status"),
    ("Status", "status"),
    ("Căn cứ", "legal_basis"),
    # Abbreviations spelled out where the header as written names nothing.
    ("Ngày QĐ", "decision_date"),
    ("NGÀY QĐCB", "decision_date"),
    ("QĐ công bố", "decision_no"),
    ("CQ thực hiện", "agency"),
    ("Tên CQ", "agency"),
    ("Mức độ DVCTT", "online_level"),
    ("TG_GIAI_QUYET", "processing_time"),
    ("TEN_LV", "field"),
    ("DV_THUC_HIEN", "agency"),  # "DV" a one-stop system's unit (đơn vị)
    ("DV thực hiện", "agency"),
    # A database naming the entity first: its name's column ends with "TEN".
    ("LINHVUC_TEN", "field"),
    ("LINH_VUC_TEN", "field"),
    ("COQUAN_TEN", "agency"),
    ("Ngày ban hành QĐ", "decision_date"),
    ("Số, ký hiệu QĐ", "decision_no"),
    ("Số, ký hiệu Quyết định công bố", "decision_no"),
    ("Mức độ cung cấp dịch vụ công trực tuyến", "online_level"),
    ("Mức độ cung cấp DVCTT", "online_level"),
    ("Mức độ cung cấp DVC", "online_level"),
    # An alias's last words as their initials.
    ("CQTH", "agency"),
    ("CAP_TH", "level"),
    ("Cấp TH", "level"),
    ("CTH", "level"),
    ("SO_QD", "decision_no"),
    ("NGAY_CB", "decision_date"),
    ("TG_GQ", "processing_time"),
    # An alias's words in another order.
    ("Quyết định số", "decision_no"),
    ("Quyết định công bố số", "decision_no"),
    # "Of the procedure" after "của".
    ("Căn cứ pháp lý của TTHC", "legal_basis"),
    ("Lĩnh vực của thủ tục hành chính", "field"),
    ("Tình trạng hiệu lực", "status"),
    ("Cơ sở pháp lý", "legal_basis"),
    # The annexes of a publishing decision qualify the name by what the decision does.
    ("Tên TTHC bị bãi bỏ", "name"),
    ("Tên thủ tục hành chính được sửa đổi, bổ sung", "name"),
    ("Tên thủ tục hành chính mới ban hành", "name"),
    ("Tên TTHC thay thế", "name"),
    ("Số hồ sơ TTHC", "code"),
    ("Tên VBQPPL quy định việc bãi bỏ TTHC", "legal_basis"),
    ("Tên VBQPPL quy định nội dung sửa đổi, bổ sung, thay thế", "legal_basis"),
    ("Tên văn bản QPPL quy định nội dung sửa đổi, bổ sung", "legal_basis"),
    # A public-service portal's list, and a one-stop export's national code.
    ("Tên dịch vụ công", "name"),
    ("TEN_DVC", "name"),
    # ... whose "trực tuyến" makes no online level of the name after "tên".
    ("Tên dịch vụ công trực tuyến", "name"),
    ("Tên DVC trực tuyến", "name"),
    ("TEN_DVCTT", "name"),
    ("DVC trực tuyến", "online_level"),
    # A list of internal procedures between state bodies (Decision 1085/QĐ-TTg).
    ("Tên thủ tục hành chính nội bộ", "name"),
    ("Tên TTHC nội bộ", "name"),
    ("Lĩnh vực TTHC nội bộ", "field"),
    ("Mã DVC", "code"),
    ("Mã TTHC quốc gia", "code"),
    ("MA_TTHC_QG", "code"),
    ("Số, ngày quyết định công bố", "decision_no"),
    ("Cơ quan thẩm quyền", "agency"),
    ("Đơn vị giải quyết", "agency"),
]


def test_a_name_header_naming_what_is_listed_under_the_names_is_the_name() -> None:
    """ "Tên thủ tục / Cấp thực hiện": the names, their levels on the rows under them; read
    as the name only where no other column names it."""
    assert map_headers(["STT", "Tên thủ tục hành chính / Cấp thực hiện"]).columns == {"name": 1}
    mapped = map_headers(["Tên TTHC / Cấp thực hiện", "Tên thủ tục", "Cấp thực hiện"])
    assert mapped.columns == {"name": 1, "level": 2}
    # Agencies listed under the names would be read as lines of them: no name column.
    assert map_headers(["STT", "Tên TTHC / Cơ quan thực hiện"]).columns == {}


def test_the_national_code_wins_over_a_local_one() -> None:
    mapped = map_headers(["Mã TTHC", "Mã TTHC quốc gia", "Tên thủ tục"])
    assert mapped.columns == {"code": 1, "name": 2}
    assert mapped.candidates["code"] == (1, 0)


@pytest.mark.parametrize(("header", "column"), ALIASES)
def test_alias_maps_to_canonical_column(header: str, column: str) -> None:
    assert map_headers([header]).columns == {column: 0}


ALTERNATIVES = [
    # Two alternatives joined by a slash without spaces or a comma, sharing their other words.
    ("Cơ quan/đơn vị thực hiện", "agency"),
    ("Cơ quan, đơn vị giải quyết", "agency"),
    ("Tên TTHC/DVC", "name"),
    ("Tên thủ tục hành chính/dịch vụ công", "name"),
    ("Tên thủ tục/dịch vụ", "name"),
    ("Tên thủ tục, dịch vụ", "name"),
    ("Tên TTHC/dịch vụ", "name"),
    # A space on one side of the slash only, as typed: still one header.
    ("Tên thủ tục hành chính/ dịch vụ công", "name"),
    ("Tên thủ tục hành chính /dịch vụ công", "name"),
    ("Mã thủ tục/ Mã DVC", "code"),
    ("Cơ quan/ đơn vị thực hiện", "agency"),
    # Two whole headers, nine words and more in all: each alternative is a few words.
    ("Cơ quan thực hiện/Cơ quan có thẩm quyền", "agency"),
    ("Tên thủ tục hành chính/Tên dịch vụ công trực tuyến", "name"),
    ("Mức độ dịch vụ công trực tuyến/Hình thức", None),
    ("Cấp giấy phép hoạt động/Cấp lại giấy phép hoạt động của cơ sở", None),
    # Alternatives naming two columns, a number, a name: nothing.
    ("Mã/Tên TTHC", None),
    ("Lĩnh vực/Cấp thực hiện", None),
    ("Lĩnh vực/ Cấp thực hiện", None),
    ("1890/QĐ-UBND", None),
    ("Cấp, gia hạn giấy phép", None),
    ("Sở Tư pháp, UBND cấp xã", None),
    # A public service of another kind is no procedure: its list is refused, not read.
    ("Tên dịch vụ sự nghiệp công", None),
]


@pytest.mark.parametrize(("header", "column"), ALTERNATIVES)
def test_a_header_joining_two_alternatives_names_what_they_name(
    header: str, column: str | None
) -> None:
    assert map_headers(["STT", header]).columns == ({column: 1} if column else {})


def test_unknown_headers_are_left_unmapped_and_stt_is_recognised() -> None:
    mapped = map_headers(["STT", "Tên thủ tục", "Ghi chú", ""])
    assert mapped.columns == {"name": 1}
    assert mapped.stt == 0
    assert mapped.unmapped == ("Ghi chú",)


@pytest.mark.parametrize("header", ["Mã thẻ", "Thẻ mã", "Số thẻ"])
def test_a_vietnamese_word_folded_like_english_the_is_kept(header: str) -> None:
    # "thẻ" folds to "the": dropped, "Mã thẻ" (a card's code) would read as "Mã".
    assert map_headers([header]).columns == {}


@pytest.mark.parametrize("stt", ["STT", "TT", "Số TT", "Số thứ tự", "so_thu_tu"])
def test_stt_spellings(stt: str) -> None:
    assert map_headers([stt, "Tên thủ tục"]).stt == 0


def test_extra_aliases_win_over_the_known_ones() -> None:
    # --map "Tên gọi khác=name" and --map "Tên thủ tục=note"
    mapped = map_headers(["Tên thủ tục", "Tên gọi khác"], {"ten goi khac": "name"})
    assert mapped.columns == {"name": 1}
    assert mapped.unmapped == ("Tên thủ tục",)


def test_preferred_alias_wins_when_two_headers_name_one_column() -> None:
    # The portal export has both; the agency that does the work is the one to keep.
    mapped = map_headers(["co_quan_co_tham_quyen", "ten_thu_tuc", "co_quan_thuc_hien"])
    assert mapped.columns == {"agency": 2, "name": 1}
    assert mapped.sources == {"co_quan_thuc_hien": "agency", "ten_thu_tuc": "name"}
    assert mapped.unmapped == ("co_quan_co_tham_quyen",)


REPLACED = [
    # (headers, the columns read)
    (["STT", "Tên TTHC được thay thế", "Tên TTHC thay thế"], {"name": 2}),
    (["Tên TTHC được thay thế"], {"name": 0}),
    # The replaced procedure's code beside the replacing one's name is another procedure's.
    (
        ["STT", "Mã số TTHC được thay thế", "Tên TTHC được thay thế", "Tên TTHC thay thế"],
        {"name": 3},
    ),
    (["Mã TTHC bị thay thế", "Tên thủ tục hành chính"], {"name": 1}),
    (["Mã TTHC cũ", "Tên TTHC cũ", "Tên TTHC mới", "Lĩnh vực"], {"name": 2, "field": 3}),
    # A list of the replaced procedures alone: their code and name.
    (["Mã TTHC bị thay thế", "Tên TTHC bị thay thế"], {"code": 0, "name": 1}),
    (["Mã TTHC mới", "Tên TTHC mới"], {"code": 0, "name": 1}),
]


@pytest.mark.parametrize(("headers", "columns"), REPLACED)
def test_the_procedure_a_decision_replaces_gives_way_to_the_one_replacing_it(
    headers: list[str], columns: dict[str, int]
) -> None:
    assert map_headers(headers).columns == columns


TRANSITION = [
    # (headers of a table of the 2025 reform's transition, the columns read): the column
    # dated after the reform is read, the old one only where no other names the same.
    (
        ["Tên TTHC", "Cơ quan thực hiện trước sắp xếp", "Cơ quan thực hiện sau sắp xếp"],
        {"name": 0, "agency": 2},
    ),
    (["Tên TTHC", "Cơ quan thực hiện", "Cơ quan thực hiện sau sắp xếp"], {"name": 0, "agency": 2}),
    (
        ["Tên TTHC", "Cấp thực hiện (sau khi sắp xếp ĐVHC)", "Cấp thực hiện"],
        {"name": 0, "level": 1},
    ),
    (
        [
            "Tên TTHC",
            "Cơ quan thực hiện trước ngày 01/7/2025",
            "Cơ quan thực hiện từ ngày 01/7/2025",
        ],
        {"name": 0, "agency": 2},
    ),
    (["Tên TTHC", "Cấp thực hiện hiện hành", "Cấp thực hiện sau sắp xếp"], {"name": 0, "level": 2}),
    (["Tên TTHC", "Tên đơn vị trước sắp xếp", "Tên đơn vị sau sáp nhập"], {"name": 0, "agency": 2}),
    # The decentralising decrees' annexes: the agency before and after decentralising.
    (
        [
            "Tên TTHC",
            "Cơ quan có thẩm quyền trước khi phân cấp",
            "Cơ quan thực hiện sau khi phân cấp",
            "Văn bản phân cấp, phân quyền",
        ],
        {"name": 0, "agency": 2},
    ),
    # The body the task was decentralised to, under a name of its own.
    (
        ["Tên TTHC", "Cơ quan có thẩm quyền trước khi phân cấp", "Cơ quan được phân cấp"],
        {"name": 0, "agency": 2},
    ),
    # A note dating the column, where the words outside it name it.
    (
        ["Tên TTHC", "Cơ quan thực hiện (tỉnh Hà Giang cũ)", "Cơ quan thực hiện (tỉnh mới)"],
        {"name": 0, "agency": 2},
    ),
    (
        ["Tên TTHC", "Cơ quan thực hiện (tỉnh mới)", "Cơ quan thực hiện (tỉnh Hà Giang cũ)"],
        {"name": 0, "agency": 1},
    ),
    # Alone, a column in force before the reform ("hiện hành": in force now) is read; one
    # that says it shows the agencies or levels before a change is not: the reform's rules
    # would judge the past as the list in force.
    (["Tên TTHC", "Cơ quan thực hiện hiện hành"], {"name": 0, "agency": 1}),
    (["Tên TTHC", "Cơ quan thực hiện trước sắp xếp"], {"name": 0}),
    (["Tên TTHC", "Cơ quan có thẩm quyền trước khi phân cấp"], {"name": 0}),
    (["Tên TTHC", "Cấp thực hiện trước ngày 01/7/2025"], {"name": 0}),
    (["Tên TTHC", "Cơ quan thực hiện trước đây"], {"name": 0}),
    # So is the online level before a change: its "Mức độ 3" is the old scale by definition.
    (["Tên TTHC", "Mức độ DVC (cũ)"], {"name": 0}),
    (["Tên TTHC", "Mức độ DVCTT trước đây"], {"name": 0}),
    (["Tên TTHC", "Mức độ DVC (cũ)", "Mức độ DVC"], {"name": 0, "online_level": 2}),
    (["Tên TTHC", "Mức độ DVC hiện hành"], {"name": 0, "online_level": 1}),
    (["Tên TTHC", "Cấp thực hiện trước kia", "Cấp thực hiện"], {"name": 0, "level": 2}),
    (["Tên TTHC", "Cơ quan thực hiện (tỉnh Hà Giang cũ)"], {"name": 0}),
    (["Tên TTHC", "Mã TTHC trước sắp xếp"], {"name": 0, "code": 1}),
    # Dating words alone, or after no alias, name nothing.
    (["Tên TTHC", "Sau sắp xếp", "Ghi chú sau sắp xếp"], {"name": 0}),
]


@pytest.mark.parametrize(("headers", "columns"), TRANSITION)
def test_a_transition_table_reads_the_column_dated_after_the_reform(
    headers: list[str], columns: dict[str, int]
) -> None:
    assert map_headers(headers).columns == columns


def _transition_findings(tmp_path: Path, header: str, defect: int) -> list[tuple]:
    """PA501's and PA502's findings on a transition CSV under `header` whose old columns hold
    the district on every row, as they should, and whose new ones on row `defect` alone."""
    first = header.count("\n") + 2  # the CSV line of the first procedure
    rows = [
        f"{i},1.00{i}123,Đăng ký hộ tịch số {i},Cấp huyện,"
        f"{'Cấp huyện' if line == defect else 'Cấp xã'},UBND huyện Yên Sơn,"
        f"{'UBND huyện Yên Sơn' if line == defect else 'UBND xã Yên Sơn'}"
        for i, line in enumerate(range(first, first + 6), start=1)
    ]
    path = tmp_path / "chuyen-tiep.csv"
    path.write_text("\n".join([header, *rows]), encoding="utf-8")
    result = audit([str(path)], selection=RuleSelection(select=("PA501", "PA502")))
    return sorted((f.rule, f.row, f.column) for f in result.findings)


def test_a_transition_table_is_audited_by_its_columns_after_the_reform(tmp_path: Path) -> None:
    header = "STT,Mã TTHC,Tên TTHC,Cấp thực hiện,Cấp thực hiện sau sắp xếp,"
    header += "Cơ quan thực hiện,Cơ quan thực hiện sau sắp xếp"
    assert _transition_findings(tmp_path, header, 4) == [
        ("PA501", 4, "agency"),
        ("PA501", 4, "level"),
    ]


def test_a_transition_table_dated_by_its_sub_headings_is_audited_by_the_new_columns(
    tmp_path: Path,
) -> None:
    # "Cấp thực hiện" and "Cơ quan thực hiện" each over "Trước sắp xếp | Sau sắp xếp".
    header = "STT,Mã TTHC,Tên TTHC,Cấp thực hiện,,Cơ quan thực hiện,\n"
    header += ",,,Trước sắp xếp,Sau sắp xếp,Trước sắp xếp,Sau sắp xếp"
    assert _transition_findings(tmp_path, header, 6) == [
        ("PA501", 6, "agency"),
        ("PA501", 6, "level"),
    ]


ISSUERS = [
    # (headers naming a column with its issuer, the columns read): a province's list gives
    # the ministry's publishing decision beside its own; the province's is read.
    (
        ["Tên TTHC", "Quyết định công bố của Bộ, ngành", "Quyết định công bố của UBND tỉnh"],
        {"name": 0, "decision_no": 2},
    ),
    (
        ["Tên TTHC", "Quyết định công bố của UBND tỉnh", "Quyết định công bố của Bộ, ngành"],
        {"name": 0, "decision_no": 1},
    ),
    (
        ["Tên TTHC", "Số QĐ của Bộ", "Ngày QĐ của Bộ", "Số QĐ của tỉnh", "Ngày QĐ của tỉnh"],
        {"name": 0, "decision_no": 3, "decision_date": 4},
    ),
    (
        ["Tên TTHC", "QĐ công bố của TW", "QĐ công bố của Chủ tịch Ủy ban nhân dân tỉnh"],
        {"name": 0, "decision_no": 2},
    ),
    # A plain header is the list's own; alone, the ministry's decision is read.
    (["Tên TTHC", "QĐ công bố của Bộ", "Quyết định công bố"], {"name": 0, "decision_no": 2}),
    (["Tên TTHC", "Quyết định công bố của Bộ, ngành"], {"name": 0, "decision_no": 1}),
    # Any other words after "của" still name nothing.
    (["Tên TTHC", "Quyết định công bố của đơn vị khác"], {"name": 0}),
]


@pytest.mark.parametrize(("headers", "columns"), ISSUERS)
def test_the_list_s_own_decision_is_read_before_a_ministry_s(
    headers: list[str], columns: dict[str, int]
) -> None:
    assert map_headers(headers).columns == columns


@pytest.mark.parametrize(
    ("subs", "read"),
    [
        (["Bộ, ngành", "UBND tỉnh"], 3),
        (["Của Bộ, ngành", "Của UBND tỉnh"], 3),
        (["UBND tỉnh", "Bộ, ngành"], 2),
        (["Trung ương", "Địa phương"], 3),
        # Sub-headings naming no issuer: the first column under the heading, as before.
        (["Lần đầu", "Lần hai"], 2),
    ],
)
def test_a_decision_heading_over_its_issuers_reads_the_province_s(
    subs: list[str], read: int
) -> None:
    rows = [
        ["STT", "Tên TTHC", "Quyết định công bố", "", "Lĩnh vực"],
        ["", "", *subs, ""],
        ["1", "Cấp giấy phép xây dựng", "702/QĐ-BXD", "2010/QĐ-UBND", "Xây dựng"],
    ]
    (table,) = read_grid("qd.xlsx", text_grid("DM", rows)).tables
    assert table.header_map.columns["decision_no"] == read


def test_a_province_s_list_is_audited_by_the_province_s_decisions(tmp_path: Path) -> None:
    path = tmp_path / "qd-bo-va-tinh.csv"
    header = "STT,Mã TTHC,Tên TTHC,Quyết định công bố của Bộ ngành,Quyết định công bố của UBND tỉnh"
    rows = [
        header,
        "1,1.004227,Cấp giấy phép lái xe,1588/QĐ-BXD ngày 25/6/2025,2010/QĐ-UBND ngày 15/7/2025",
        "2,1.000775,Cấp giấy phép xây dựng,702/QĐ-BXD ngày 30/5/2025,",
        "3,1.009973,Cấp lại chứng chỉ,702/QĐ-BXD ngày 30/5/2025,QĐ/0001-UBND",
        "4,1.009972,Cấp chứng chỉ,QĐ/0001-BXD,2010/QĐ-UBND ngày 15/7/2025",
    ]
    path.write_text("\n".join(rows), encoding="utf-8")
    result = audit([str(path)], selection=RuleSelection(select=("PA401", "PA402")))
    assert sorted((f.rule, f.row, f.column) for f in result.findings) == [
        ("PA401", 3, "decision_no"),
        ("PA402", 4, "decision_no"),
    ]


def test_the_users_map_wins_over_a_column_dated_after_the_reform() -> None:
    headers = ["Tên TTHC", "CQ cũ", "Cơ quan thực hiện sau sắp xếp"]
    assert map_headers(headers, {"cq cu": "agency"}).columns == {"name": 0, "agency": 1}


@pytest.mark.parametrize(
    ("header", "status"),
    [
        ("Tên TTHC bị bãi bỏ", "Bãi bỏ"),
        ("Tên thủ tục hành chính bị hủy bỏ", "Bãi bỏ"),
        ("Tên thủ tục hành chính được sửa đổi, bổ sung", "Sửa đổi, bổ sung"),
        ("Tên TTHC thay thế", "Thay thế"),
        ("Tên thủ tục hành chính mới ban hành", "Ban hành mới"),
        ("Tên TTHC được thay thế", None),  # the replaced one: in force no more, but not said
        ("Tên TTHC mới", None),  # the new one of a replacement: no status said
        ("Tên thủ tục hành chính", None),
        ("Bãi bỏ", "Bãi bỏ"),  # a column of marks' header, never a name's
    ],
)
def test_a_qualifier_ending_the_header_says_the_rows_status(
    header: str, status: str | None
) -> None:
    assert qualified_status(header) == status


def test_issuing_agency_is_not_the_implementing_agency() -> None:
    assert map_headers(["Cơ quan ban hành"]).columns == {}


# --- database-export and annotated headers ------------------------------------------------

DATABASE_HEADERS = [
    ("TEN_CO_QUAN", "agency"),
    ("TEN_THU_TUC", "name"),
    ("MA_TTHC", "code"),
    ("MA_THU_TUC", "code"),
    ("LINH_VUC", "field"),
    ("CAP_THUC_HIEN", "level"),
    ("TRANG_THAI", "status"),
    ("TRANG_THAI_TT", "status"),
    ("TRANG_THAI_TTHC", "status"),
    ("CO_QUAN_THUC_HIEN", "agency"),
    ("TEN_CO_QUAN_THUC_HIEN", "agency"),
    ("TEN_LINH_VUC", "field"),
    ("TEN_DON_VI", "agency"),
    ("TEN_TTHC", "name"),
    ("THOI_HAN_GIAI_QUYET", "processing_time"),
    ("PHI_LE_PHI", "fee"),
    ("SO_QUYET_DINH", "decision_no"),
    ("NGAY_CONG_BO", "decision_date"),
    ("LINH_VUC_TTHC", "field"),
    ("CAP_THUC_HIEN_TT", "level"),
    ("TenThuTuc", "name"),
    ("MaTTHC", "code"),
    ("TenCoQuan", "agency"),
    ("AGENCY_NAME", "agency"),
    ("Lĩnh vực thủ tục hành chính", "field"),
    ("Cấp thực hiện TTHC", "level"),
    ("Cơ quan", "agency"),
    ("Đơn vị thực hiện", "agency"),
    # Circular 02/2017's annexes.
    ("Cơ quan chủ trì", "agency"),
    ("Đơn vị chủ trì giải quyết", "agency"),
    ("Đơn vị chủ trì", "agency"),  # a ministry's department leading the procedure
    ("Đơn vị áp dụng", "agency"),  # a one-stop system's units the procedure is set up for
    ("Cơ quan áp dụng", "agency"),
    ("Cấp có thẩm quyền giải quyết", "level"),
    ("Văn bản công bố", "decision_no"),
    # Headers of ministries' and one-stop systems' lists a tester met unread.
    ("Ngành, lĩnh vực", "field"),
    ("Ngành/Lĩnh vực", "field"),
    ("Mẫu đơn, tờ khai hành chính", "forms"),
    ("Biểu mẫu điện tử", "forms"),
    ("Số hiệu văn bản công bố", "decision_no"),
    ("Số, ký hiệu văn bản công bố", "decision_no"),
    ("Ngày, tháng, năm ban hành", "decision_date"),
    ("NGÀY THÁNG NĂM CÔNG BỐ", "decision_date"),
    ("Thời điểm công bố", "decision_date"),
    # Words run together, all or some: read by the aliases' words, fillers and abbreviations.
    ("TENTHUTUC", "name"),
    ("TEN_THUTUC", "name"),
    ("TENTTHC", "name"),
    ("MATHUTUC", "code"),
    ("MATTHC", "code"),
    ("MASOTTHC", "code"),
    ("LINHVUC", "field"),
    ("TENLINHVUC", "field"),
    ("LINHVUCTTHC", "field"),
    ("COQUANTHUCHIEN", "agency"),
    ("Coquanthuchien", "agency"),
    ("CAPTHUCHIEN", "level"),
    ("TRANGTHAI", "status"),
    ("MUCDO", "online_level"),
    ("MUCDODVC", "online_level"),
    ("SOQUYETDINH", "decision_no"),
    ("SOQD", "decision_no"),
    ("NGAYQD", "decision_date"),
    ("NGAYBANHANH", "decision_date"),
    ("MAUDON", "forms"),
    ("TENLV", "field"),
    ("PROCEDURENAME", "name"),
]
ANNOTATED_HEADERS = [
    ("Tên thủ tục hành chính (3)", "name"),
    ("Mã thủ tục (MA_TTHC)", "code"),
    ("Cơ quan (TEN_CO_QUAN)", "agency"),
    ("Tên thủ tục*", "name"),
    ("Lĩnh vực (1)", "field"),
    ("Lĩnh vực [2]", "field"),
    ("Cột 3 (TEN_THU_TUC)", "name"),
    ("(MA_TTHC)", "code"),
    ("Cơ quan thực hiện (4) (TEN_CO_QUAN)", "agency"),
    # The words outside brackets win over the bracketed name.
    ("Cấp thực hiện (TEN_CO_QUAN)", "level"),
    # A footnote's mark as legal texts write it.
    ("Cơ quan thực hiện 1/", "agency"),
    ("Lĩnh vực 2/ 3/", "field"),
    ("Mã TTHC²", "code"),
]
# Headers in two languages: each part names the column.
BILINGUAL_HEADERS = [
    ("Tên thủ tục\nProcedure name", "name"),
    ("Tên thủ tục / Procedure name", "name"),
    ("Tên thủ tục - Procedure name", "name"),
    ("Mã TTHC (1) / Code", "code"),
    ("Cơ quan thực hiện (3)* / Implementing agency", "agency"),
    ("Số quyết định\nDecision No.", "decision_no"),
    ("Phí, lệ phí / Fees", "fee"),
    ("Ngày công bố | Date", "decision_date"),
    ("Lĩnh vực\r\nField", "field"),
]


@pytest.mark.parametrize(
    ("header", "column"), DATABASE_HEADERS + ANNOTATED_HEADERS + BILINGUAL_HEADERS
)
def test_database_and_annotated_headers(header: str, column: str) -> None:
    assert map_headers([header]).columns == {column: 0}


# Headers that must name nothing: another thing's code, the issuing body, the portal's
# snake_case detail fields, a one-stop export's short name, and words around an alias that
# change what it means.
NOT_MAPPED = [
    "Cơ quan ban hành",
    "CQ ban hành",
    "Ban hành cơ quan",  # in any order, still the issuing body
    "MA_LV",  # the field's code
    "Ngày có hiệu lực",
    "co_quan_duoc_uy_quyen",
    "co_quan_phoi_hop",
    "loai_thu_tuc",
    "doi_tuong_thuc_hien",
    "thu_tuc_lien_quan",
    "cach_thuc_thuc_hien",
    "ket_qua_xu_ly",
    "dia_chi_tiep_nhan",
    "thanh_phan_ho_so",
    "detail_url",
    "ministry_folder",
    "TEN_TAT",
    "MA_LINH_VUC",
    "MALINHVUC",  # run together, still the field's code
    "MACOQUAN",
    "COQUANBANHANH",
    "MA_CO_QUAN",
    "MA_DON_VI",
    "AGENCY_CODE",
    "Mã hồ sơ",
    "Số hồ sơ",  # an application's number in a one-stop export
    "Ngày hiệu lực",
    "Tên giấy tờ",
    "Địa chỉ cơ quan thực hiện",
    "Mã số thuế",
    "MST",  # mã số thuế, not "mã số thủ tục"
    "TTHC",  # the word for a procedure, not its name's column
    "Đơn vị tính",
    "Ghi chú",
    "Ghi chú (1)",
    "(3)",
    "Tên viết tắt",
    "TTHCs",
    # Columns of marks, one per online level; a bare number is no footnote.
    "Mức độ 3",
    "Mức độ 4",
    "Lĩnh vực 1",
    "Mã hành chính",
    "Cơ quan tiếp nhận hồ sơ",  # receives dossiers (a centre, for every level)
    "Issuing agency",  # "Cơ quan ban hành" in English
    "Receiving agency",
    "Procedure type",  # "loai_thu_tuc"
    "Procedure No.",  # the row's number or the code: not said
    "Cơ quan chủ trì rà soát",  # leads a review of the procedure, not the procedure
    # A header wrapped over two lines is one header, not two languages.
    "Cơ quan\nban hành",
    "Mã số\nhồ sơ",
    "Cơ quan / Lĩnh vực",  # parts naming two columns
    "Mã nội bộ",  # a system's own id: "nội bộ" is a filler after the procedure's words only
    # Where and how a list taking dossiers regardless of boundaries, or by post, receives.
    "Địa điểm tiếp nhận",
    "Hình thức tiếp nhận",
    "Tiếp nhận hồ sơ qua BCCI",
    "Trả kết quả qua BCCI",
]


@pytest.mark.parametrize("header", NOT_MAPPED)
def test_headers_that_name_no_column(header: str) -> None:
    mapped = map_headers([header])
    assert mapped.columns == {}
    assert mapped.stt is None


@pytest.mark.parametrize("header", ["RNUM", "ROWNUM", "STT (1)", "Số TT*", "STT\nNo.", "STT / No."])
def test_row_number_spellings_of_exports(header: str) -> None:
    assert map_headers([header, "TEN_THU_TUC"]).stt == 0


@pytest.mark.parametrize(
    ("headers", "columns"),
    [
        (["Procedure name (EN)", "Tên thủ tục / Procedure name"], {"name": 1}),
        (["Tên thủ tục (tiếng Anh)", "Tên thủ tục hành chính"], {"name": 1}),
        (["Procedure name - English", "Tên TTHC"], {"name": 1}),
        (["Tên TTHC", "Procedure name (English)"], {"name": 0}),
        (["Procedure name (EN)", "Lĩnh vực"], {"name": 0, "field": 1}),  # nothing else to read
    ],
)
def test_a_translation_gives_way_to_the_column_it_translates(
    headers: list[str], columns: dict[str, int]
) -> None:
    assert map_headers(headers).columns == columns


LEGACY_HEADERS = {
    "Mã thủ tục": "code",
    "Tên thủ tục hành chính": "name",
    "Cấp thực hiện": "level",
    "Lĩnh vực": "field",
    "Cơ quan thực hiện": "agency",
    "Mẫu đơn, tờ khai": "forms",
    "Mức độ DVC": "online_level",
    "Số quyết định": "decision_no",
    "Ngày công bố": "decision_date",
}


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_a_header_typed_in_a_legacy_font_is_read_as_its_conversion(encoding: str) -> None:
    headers = [encode(header, encoding) for header in LEGACY_HEADERS]
    assert map_headers(headers).columns == {
        column: position for position, column in enumerate(LEGACY_HEADERS.values())
    }


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_a_list_typed_wholly_in_a_legacy_font_is_read_and_its_cells_reported(
    tmp_path: Path, encoding: str
) -> None:
    rows = [
        ["STT", "Mã thủ tục", "Tên thủ tục hành chính", "Cấp thực hiện", "Lĩnh vực"],
        *(
            [str(n), f"1.00{n}178", name, "Cấp xã", "Hộ tịch"]
            for n, name in enumerate(["Đăng ký khai sinh", "Đăng ký kết hôn", "Đăng ký khai tử"])
        ),
    ]
    path = tmp_path / "legacy.csv"
    path.write_text(
        "\n".join(",".join(encode(cell, encoding) for cell in row) for row in rows),
        encoding="utf-8",
    )
    result = audit([str(path)])
    assert not result.failures
    assert {(f.rule, f.column) for f in result.findings} == {
        ("PA601", "name"),
        ("PA601", "level"),
        ("PA601", "field"),
    }


def test_the_longest_alias_wins_and_the_portal_export_keeps_its_mapping() -> None:
    mapped = map_headers(["Mã số", "Tên", "Cơ quan ban hành", "Cơ quan thực hiện", "Lĩnh vực"])
    assert mapped.columns == {"code": 0, "name": 1, "agency": 3, "field": 4}
    # A one-stop unit names the agency only where no implementing agency is named.
    both = map_headers(["TEN_CO_QUAN", "TEN_THU_TUC", "CO_QUAN_THUC_HIEN"])
    assert both.columns == {"name": 1, "agency": 2}
    assert both.candidates["agency"] == (2, 0)


def test_map_wins_over_an_annotated_header_as_typed_or_without_its_annotation() -> None:
    typed = map_headers(["Mã thủ tục (MA_TTHC)", "Tên"], {"ma thu tuc ma tthc": "note"})
    assert typed.columns == {"name": 1, "note": 0}
    bare = map_headers(["Mã thủ tục (MA_TTHC)", "Tên"], {"ma thu tuc": "note"})
    assert bare.columns == {"name": 1, "note": 0}
    assert bare.given == frozenset({"note"})


# --- the values under a header -------------------------------------------------------------

CODE_VALUES = [
    "1.001234",
    "1.001234.000.00.00.H44",
    "1.012753.H19",
    "2018.HT.14",
    "BHXH.TBHXH.02.",
    "2020STTTT_PTTT06",
    "2020.PCCC 012",
    "2020LT.GDĐT.14",
    "2021BQLKCN_DTVN_04",
    "1.00398",
]
NOT_CODE_VALUES = [
    "23604",
    "1890/QĐ-UBND",
    "15/8/2025",
    "2025-08-15",
    "Đăng ký khai sinh",
    "UBND tỉnh",
    "Cấp tỉnh",
    "50.000",
    "1.000.000",
    "KCN 2",
    "Mức độ 3",
    "QĐ-UBND",
    "3",
    "Toàn trình",
    "H44",
    "Sở TN&MT",
    "1.5",
    "BHXH",
    "2000648",
]


@pytest.mark.parametrize("value", CODE_VALUES)
def test_code_shaped_values(value: str) -> None:
    assert profile(pd.Series([value] * 3)).code == 1.0


@pytest.mark.parametrize("value", NOT_CODE_VALUES)
def test_values_that_are_not_code_shaped(value: str) -> None:
    assert profile(pd.Series([value] * 3)).code == 0.0


@pytest.mark.parametrize(
    ("values", "whole", "dotless"),
    [
        (["23604", "41432", "37849"], 1.0, 0.0),
        (["1", "2", "3", None, ""], 1.0, 0.0),  # a row number; empty cells are not counted
        (["2000648", "1000178", "3000123"], 0.0, 1.0),  # codes that lost their dot
        (["Đăng ký khai sinh", "12", None], 0.5, 0.0),
    ],
)
def test_whole_number_shares(values: list[str | None], whole: float, dotless: float) -> None:
    found = profile(pd.Series(values, dtype="object"))
    assert (found.whole, found.dotless) == (whole, dotless)


def test_a_large_column_is_profiled_on_a_bounded_spread_sample() -> None:
    # The first half of a stacked export is one unit; the sample still sees the second.
    column = pd.Series(["23604"] * 500_000 + ["2018.HT.14"] * 500_000)
    assert len(sample(column)) <= SAMPLE_ROWS
    found = profile(column)
    assert found.cells <= SAMPLE_ROWS
    assert 0.45 < found.code < 0.55


NAMES = ["Đăng ký khai sinh", "Cấp lại thẻ bảo hiểm y tế", "Đổi Giấy chứng nhận đầu tư"]
# Names at length, as the values read them where no header names them (io/name_values.py).
FULL_NAMES = [
    "Cấp giấy phép xây dựng nhà ở riêng lẻ",
    "Đăng ký khai sinh có yếu tố nước ngoài",
    "Cấp lại thẻ bảo hiểm y tế bị mất",
    "Gia hạn giấy phép lao động cho người nước ngoài",
    "Thu hồi chứng chỉ hành nghề dược",
    "Đăng ký thành lập hộ kinh doanh",
]
IDS = ["23604", "41432", "37849"]
LOCAL = ["2018.HT.14", "BHXH.TBHXH.02.", "2020STTTT_PTTT06"]
NATIONAL = ["1.001234", "1.012753.H19", "1.000178.000.00.00.H44"]
INTERNAL = ["NHNN-QLNH-01", "NHNN-QLNH-02", "NHNN-TTGSNH-01"]  # a ministry's own codes
GUIDS = [
    "019d2bfc-a30f-73eb-814a-a16c263c42f5",
    "019d2bfa-b59e-73ed-baa4-204699dcfaf7",
    "{019D2BFA-AE0D-70CB-AD3D-2AF2523E8B9E}",
]
UNIT_IDS = ["000.00.01.H44", "000.00.02.H44", "000.00.15.H44"]
AGENCIES = ["Sở Tư pháp", "Cục Hàng không Việt Nam", "UBND cấp xã"]
CUT = ["Đăng ký khai…", "Cấp lại thẻ bảo hiểm...", "Đổi Giấy chứng nhận…"]
# Six procedures under a field's code each, two fields: every code names several procedures.
FIELD_CODES = ["G09-LV01"] * 3 + ["G10-LV02"] * 3
SIX_NAMES = [*NAMES, "Cấp giấy phép xây dựng", "Gia hạn giấy phép", "Thu hồi chứng chỉ"]


def _checked(
    columns: dict[str, list[str | None]],
    extra: dict[str, str] | None = None,
    hidden: tuple[int, ...] = (),
):
    headers = list(columns)
    body = pd.DataFrame(
        {
            position: pd.Series(values, dtype="object")
            for position, values in enumerate(columns.values())
        }
    )
    header_map = map_headers(headers, extra)
    checked, choices = check_values(header_map, headers, body, hidden)
    return checked.columns, [(c.position, c.column, c.chosen, c.reason) for c in choices]


# (headers -> values, the columns read, the choices the values made[, --map as header keys])
VALUE_CASES = [
    pytest.param(  # the one-stop export: an internal id under the code's header
        {
            "TEN_CO_QUAN": ["Sở Tư pháp"] * 3,
            "MA_THU_TUC": IDS,
            "TEN_TAT": LOCAL,
            "TEN_THU_TUC": NAMES,
            "RNUM": ["148", "580", "581"],
        },
        {"agency": 0, "code": 2, "name": 3},
        [(1, "code", False, WHOLE_NUMBERS), (2, "code", True, CODES)],
        id="one-stop",
    ),
    pytest.param(  # an id and no code anywhere: no code column rather than a wrong one
        {"MA_THU_TUC": IDS, "TEN_THU_TUC": NAMES},
        {"name": 1},
        [(0, "code", False, WHOLE_NUMBERS)],
        id="id-alone",
    ),
    pytest.param(  # codes Excel stored as numbers lost their dot: still the code
        {"Mã TTHC": ["2000648", "1000178", "3000123"], "Tên": NAMES},
        {"code": 0, "name": 1},
        [],
        id="dotless-codes",
    ),
    pytest.param({"Mã số": NATIONAL, "Tên": NAMES}, {"code": 0, "name": 1}, [], id="portal"),
    pytest.param(  # no header names the code; an unnamed column holds national codes
        {"STT": ["1", "2", "3"], "": NATIONAL, "Tên thủ tục": NAMES},
        {"code": 1, "name": 2},
        [(1, "code", True, CODES)],
        id="unnamed-codes",
    ),
    pytest.param(  # never a row number, a decision number, a date or a name
        {
            "Thứ tự": ["1", "2", "3"],
            "Tên thủ tục": NAMES,
            "Văn bản": ["1890/QĐ-UBND", "12/QĐ-BTP", "3980 /QĐ-BQP"],
            "Ngày": ["15/8/2025", "2025-08-15", "01/01/2024"],
            "Ghi chú": NAMES,
        },
        {"name": 1, "decision_no": 2},  # the decision numbers are the decision's
        [(2, "decision_no", True, DECISIONS)],
        id="nothing-code-like",
    ),
    pytest.param(  # the user's --map wins over the values
        {"MA_THU_TUC": IDS, "TEN_TAT": LOCAL, "TEN_THU_TUC": NAMES},
        {"code": 0, "name": 2},
        [],
        {"ma thu tuc": "code"},
        id="map-wins",
    ),
    pytest.param(  # a name header over codes: the next header naming the name is read
        {"Tên thủ tục": LOCAL, "Tên": NAMES},
        {"name": 1},
        [(0, "name", False, CODES)],
        id="name-holds-codes",
    ),
    pytest.param(  # ... but the only name column stays, said: the catalogue needs one
        {"Tên thủ tục": LOCAL}, {"name": 0}, [(0, "name", True, CODES)], id="only-name"
    ),
    pytest.param(  # a ministry's own codes beside the national ones: the national ones
        {"Mã TTHC nội bộ": INTERNAL, "Mã số TTHC trên CSDLQG": NATIONAL, "Tên thủ tục": NAMES},
        {"code": 1, "name": 2},
        [(0, "code", False, OTHER_CODES), (1, "code", True, NATIONAL_CODES)],
        id="national-beside-internal",
    ),
    pytest.param(  # ... whichever comes first, both headed as the code
        {"Mã thủ tục": INTERNAL, "Mã số": NATIONAL, "Tên thủ tục": NAMES},
        {"code": 1, "name": 2},
        [(0, "code", False, OTHER_CODES)],
        id="national-among-headers",
    ),
    pytest.param(  # ... or the one headed as the code holds local codes
        {"Mã thủ tục": LOCAL, "Ký hiệu": NATIONAL, "Tên thủ tục": NAMES},
        {"code": 1, "name": 2},
        [(0, "code", False, OTHER_CODES), (1, "code", True, NATIONAL_CODES)],
        id="national-beside-local-header",
    ),
    pytest.param(  # local codes beside a header's local codes: the header's
        {"Mã thủ tục": LOCAL, "Ký hiệu": INTERNAL, "Tên thủ tục": NAMES},
        {"code": 0, "name": 2},
        [],
        id="local-beside-local",
    ),
    pytest.param(  # a GUID under the code's header, the national code beside it
        {"Mã thủ tục": GUIDS, "Mã số": NATIONAL, "Tên thủ tục": NAMES},
        {"code": 1, "name": 2},
        [(0, "code", False, INTERNAL_IDS)],
        id="guid-and-code",
    ),
    pytest.param(  # a GUID alone: no code column rather than a wrong one
        {"Mã thủ tục": GUIDS, "Tên thủ tục": NAMES},
        {"name": 1},
        [(0, "code", False, INTERNAL_IDS)],
        id="guid-alone",
    ),
    pytest.param(  # agencies' electronic ids under the code's header: an agency list's
        {"Mã": UNIT_IDS, "Tên thủ tục": NAMES},
        {"name": 1},
        [(0, "code", False, AGENCY_IDS)],
        id="agency-ids-under-code",
    ),
    pytest.param(  # a field's codes under the code's header: each names several procedures
        {"Mã": FIELD_CODES, "Tên thủ tục": SIX_NAMES},
        {"name": 1},
        [(0, "code", False, SHARED_CODES)],
        id="field-codes-under-code",
    ),
    pytest.param(  # local codes stacked per unit: each names one procedure, kept
        {"Mã": LOCAL * 2, "Tên thủ tục": NAMES * 2},
        {"code": 0, "name": 1},
        [],
        id="local-codes-stacked",
    ),
    pytest.param(  # the name cut short for a narrow column, the full name beside it
        {"Mã TTHC": NATIONAL, "Tên thủ tục": CUT, "Tên thủ tục (đầy đủ)": NAMES},
        {"code": 0, "name": 2},
        [(1, "name", False, CUT_NAMES)],
        id="cut-names",
    ),
    pytest.param(  # "Tên" holds agencies; a column headed as some name holds procedures
        {"Tên": AGENCIES, "Tên đầy đủ": NAMES, "Mã TTHC": NATIONAL},
        {"name": 1, "code": 2},
        [(0, "name", False, AGENCY_NAMES), (1, "name", True, PROCEDURES_NAMES)],
        id="name-holds-agencies",
    ),
    pytest.param(  # ... or, whatever its header, one whose values read as names
        {
            "Tên": AGENCIES,
            "Thủ tục": FULL_NAMES[:3],
            "Mã TTHC": NATIONAL,
            "Lĩnh vực": ["Xây dựng", "Hộ tịch", "Y tế"],
        },
        {"name": 1, "code": 2, "field": 3},
        [(0, "name", False, AGENCY_NAMES), (1, "name", True, PROCEDURES_NAMES)],
        id="name-holds-agencies-names-beside",
    ),
    pytest.param(  # ... but not a column whose header names no name
        {"Tên": AGENCIES, "Ghi chú": NAMES},
        {"name": 0},
        [(0, "name", True, AGENCY_NAMES)],
        id="agencies-and-notes",
    ),
    pytest.param(  # two columns of full names: the header's first
        {"Tên thủ tục": NAMES, "Tên thủ tục (đầy đủ)": NAMES[::-1]},
        {"name": 0},
        [],
        id="two-full-names",
    ),
    pytest.param(  # an agency column of ids is no agency
        {"Tên thủ tục": NAMES, "Cơ quan thực hiện": IDS},
        {"name": 0},
        [(1, "agency", False, WHOLE_NUMBERS)],
        id="agency-ids",
    ),
    pytest.param(  # two cells say nothing
        {"MA_THU_TUC": ["23604", "41432"], "TEN_THU_TUC": NAMES[:2]},
        {"code": 0, "name": 1},
        [],
        id="too-few",
    ),  # A dossier's code or number holding national codes: the annexes' "Mã số hồ sơ".
    *(
        pytest.param(
            {"STT": ["1", "2", "3"], header: NATIONAL, "Tên thủ tục": NAMES},
            {"code": 1, "name": 2},
            [(1, "code", True, CODES)],
            id=f"national-codes-under-{header}",
        )
        for header in ("Mã số hồ sơ", "Mã hồ sơ TTHC", "Số hồ sơ")
    ),
    pytest.param(  # ... not a dossier list's numbers, shaped like local codes
        {
            "Số hồ sơ": ["000.00.23.H44-250901-0001", "000.00.23.H44-250902-0002"] * 2,
            "Tên thủ tục": NAMES + NAMES[:1],
        },
        {"name": 1},
        [],
        id="dossier-numbers",
    ),
    pytest.param(  # ... nor local codes, nor another thing's code beside "hồ sơ"
        {"Mã hồ sơ": LOCAL, "Mã đơn vị hồ sơ": NATIONAL, "Tên thủ tục": NAMES},
        {"name": 2},
        [],
        id="dossier-local-codes",
    ),
]


@pytest.mark.parametrize(
    ("columns", "read", "choices", "extra"),
    [
        case if len(case.values) == 4 else pytest.param(*case.values, None, id=case.id)
        for case in VALUE_CASES
    ],
)
def test_values_check_the_header(
    columns: dict[str, list[str | None]],
    read: dict[str, int],
    choices: list[tuple],
    extra: dict[str, str] | None,
) -> None:
    assert _checked(columns, extra) == (read, choices)


HIDDEN_CASES = {
    # (header -> values, the hidden columns, the columns read, the choices the values made)
    "a hidden column gives way to a visible one": (
        {"Tên thủ tục": NAMES, "Cơ quan thực hiện": AGENCIES, "Cơ quan thực hiện (mới)": AGENCIES},
        (1,),
        {"name": 0, "agency": 2},
        [(1, "agency", False, HIDDEN)],
    ),
    "a hidden column read for want of a visible one": (
        {"Tên thủ tục": NAMES, "Cơ quan thực hiện": AGENCIES},
        (1,),
        {"name": 0, "agency": 1},
        [(1, "agency", True, HIDDEN)],
    ),
    "a visible column the header prefers": (
        {"Tên thủ tục": NAMES, "Cơ quan thực hiện": AGENCIES, "Cơ quan thực hiện (cũ)": AGENCIES},
        (2,),
        {"name": 0, "agency": 1},
        [],
    ),
    "nothing hidden": (
        {"Tên thủ tục": NAMES, "Cơ quan thực hiện": AGENCIES, "Cơ quan thực hiện (mới)": AGENCIES},
        (),
        {"name": 0, "agency": 1},
        [],
    ),
}


@pytest.mark.parametrize(
    ("columns", "hidden", "read", "choices"), HIDDEN_CASES.values(), ids=HIDDEN_CASES.keys()
)
def test_a_hidden_column_gives_way_to_a_visible_one(
    columns: dict[str, list[str | None]],
    hidden: tuple[int, ...],
    read: dict[str, int],
    choices: list[tuple],
) -> None:
    assert _checked(columns, hidden=hidden) == (read, choices)


def test_phutho_one_stop_export_reads_the_right_columns(real_data) -> None:
    path = real_data / "phutho-motcua-2022" / "PTO.xls"
    if not path.is_file():
        pytest.skip(f"{path} is not present")
    catalogue = read_catalogue(str(path))
    [table] = catalogue.tables
    assert len(table.frame) == 1037
    labels = table.account.labels
    read = {labels[position]: column for column, position in table.header_map.columns.items()}
    assert read == {
        "TEN_CO_QUAN": "agency",
        "TEN_TAT": "code",
        "TEN_THU_TUC": "name",
        "TRANG_THAI": "status",
    }
    assert labels[table.header_map.stt] == "RNUM"  # a row number: never data
    assert [
        (labels[c.position], c.column, c.chosen, c.reason) for c in table.account.by_values
    ] == [
        ("MA_THU_TUC", "code", False, WHOLE_NUMBERS),
        ("TEN_TAT", "code", True, CODES),
    ]
    [note] = [note for note in catalogue.notes if "TEN_TAT" in note]
    assert "MA_THU_TUC" in note


SIX_CODES = [f"1.00{n:04d}" for n in range(6)]
SIX_FIELDS = ["Xây dựng", "Hộ tịch", "Bảo hiểm", "Việc làm", "Dược", "Kinh doanh"]
SIX_AGENCIES = ["Sở Xây dựng", "UBND cấp xã", "Bảo hiểm xã hội tỉnh", "Sở Nội vụ", "Sở Y tế"]
SIX_AGENCIES += ["Sở Tài chính"]
LONG_NOTES = [
    "Thực hiện tiếp nhận hồ sơ trực tuyến toàn trình",
    "Đã được sửa đổi thành phần hồ sơ cho phù hợp",
    "Tiếp nhận tại bộ phận một cửa của tỉnh",
    "Không yêu cầu nộp bản sao có chứng thực",
    "Trả kết quả qua dịch vụ bưu chính công ích",
    "Áp dụng cho tổ chức và cá nhân trong nước",
]
LEGAL_BASIS = [
    "Nghị định 15/2018/NĐ-CP của Chính phủ",
    "Luật Hộ tịch năm 2014 và văn bản hướng dẫn",
    "Thông tư 04/2020/TT-BTP của Bộ Tư pháp",
    "Nghị định 123/2015/NĐ-CP ngày 15/11/2015",
    "Luật Xây dựng năm 2014, sửa đổi năm 2020",
    "Thông tư 28/2018/TT-BYT của Bộ Y tế",
]
CAPITALS = [name.upper() for name in FULL_NAMES]  # names written all in capitals
# Section headings and a title's line in capitals: never names, in capitals or not.
HEADINGS = [
    "I. LĨNH VỰC HỘ TỊCH CẤP XÃ",
    "II. LĨNH VỰC CHỨNG THỰC CẤP XÃ",
    "A. THỦ TỤC HÀNH CHÍNH CẤP TỈNH",
    "B. THỦ TỤC HÀNH CHÍNH CẤP XÃ",
    "PHẦN III. THỦ TỤC HÀNH CHÍNH BỊ BÃI BỎ",
    "DANH MỤC THỦ TỤC HÀNH CHÍNH ĐƯỢC SỬA ĐỔI",
]
AGENCIES_IN_CAPITALS = [
    "ỦY BAN NHÂN DÂN XÃ TÂN LẬP",
    "SỞ TƯ PHÁP TỈNH PHÚ THỌ",
    "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG TỈNH",
    "CÔNG AN TỈNH PHÚ THỌ",
    "BẢO HIỂM XÃ HỘI TỈNH PHÚ THỌ",
    "VĂN PHÒNG ĐĂNG KÝ ĐẤT ĐAI TỈNH",
]
TITLE = ["DANH MỤC THỦ TỤC HÀNH CHÍNH THUỘC THẨM QUYỀN CẤP XÃ"] * 6
# The units of a list stacked per unit, each unit's block of six procedures one after another.
UNITS = ["UBND xã Tân Lập", "UBND xã Tiên Kiên", "UBND phường Nông Trang"]
SIX_COMMUNES = [*UNITS, "UBND xã Hà Thạch", "UBND phường Âu Cơ", "UBND xã Thanh Minh"]
A_NOTE = ["Thực hiện theo quy định hiện hành"] * 6  # one note repeated down the list
A_BASIS = ["Theo Luật Hộ tịch năm 2014 và văn bản hướng dẫn"] * 6
OPENING_HOURS = ["Sáng 7h30 đến 11h30 các ngày làm việc"] * 6  # one long text repeated
PEOPLE = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung", "Hoàng Văn Em"]
PEOPLE += ["Vũ Thị Giang"]
PEOPLE_IN_CAPITALS = ["NGUYỄN THỊ MINH KHAI", "TRẦN VĂN QUANG HUY", "LÊ THỊ THU HƯƠNG"]
PEOPLE_IN_CAPITALS += ["PHẠM VĂN MINH ĐỨC", "HOÀNG THỊ KIM LIÊN", "VŨ ĐÌNH XUÂN TRƯỜNG"]
SPARSE = [*FULL_NAMES[:3], "", "", ""]  # a column filled on half of the rows
# Where a dossier is handed in: agencies, named in sentence case and at length.
RECEIVING = [
    "Phòng Tư pháp cấp xã nơi cư trú",
    "Bộ phận một cửa của Ủy ban nhân dân cấp xã",
    "Cơ quan đăng ký cư trú nơi công dân cư trú",
    "Văn phòng đăng ký đất đai cấp tỉnh",
    "Trung tâm phục vụ hành chính công tỉnh",
    "Chi cục thuế khu vực nơi có đất",
]


def _name_chosen(
    columns: dict[str, list[str]], title: str | None = None, extra: dict[str, str] | None = None
) -> tuple[str | None, list[tuple[str, str]]]:
    """The header of the column read as the name of a sheet of these columns (under a title
    line, if any), None where the sheet is refused; and the columns the values chose."""
    header = list(columns)
    rows = [header, *map(list, zip(*columns.values(), strict=True))]
    if title is not None:
        rows.insert(0, [title, *[""] * (len(header) - 1)])
    options = ReadOptions(mapping=extra or {})
    try:
        (table,) = read_grid("list.csv", text_grid(None, rows), options).tables
    except InputError:
        return None, []
    chosen = [(header[c.position], c.reason) for c in table.account.by_values if c.chosen]
    return header[table.header_map.columns["name"]], chosen


def _around(name_header: str, values: list[str], *more: tuple[str, list[str]]) -> dict:
    """The columns of a list with a code, a field and an agency column, and this one."""
    return {
        "STT": [str(n) for n in range(1, 7)],
        "Mã số": SIX_CODES,
        name_header: values,
        "Lĩnh vực": SIX_FIELDS,
        "Cơ quan thực hiện": SIX_AGENCIES,
        **dict(more),
    }


def _stacked(name_header: str, values: list[str], *more: tuple[str, list[str]]) -> dict:
    """`_around`'s columns stacked per unit: each of `UNITS` lists the six procedures, its
    name in the agency column."""
    blocks = len(UNITS)
    return {
        "STT": [str(n) for n in range(1, 6 * blocks + 1)],
        "Mã số": SIX_CODES * blocks,
        name_header: values * blocks,
        "Lĩnh vực": SIX_FIELDS * blocks,
        "Cơ quan thực hiện": [unit for unit in UNITS for _ in range(6)],
        **{header: column * blocks for header, column in more},
    }


NAME_BY_VALUES = {
    # Headers no alias names, over names.
    **{
        f"names under '{header}'": (_around(header, FULL_NAMES), header)
        for header in ("Thủ tục", "TTHC", "Nội dung", "Danh mục TTHC", "Tên gọi", "")
    },
    "names under the annexes' title words": (
        _around("Danh mục thủ tục hành chính", FULL_NAMES),
        "Danh mục thủ tục hành chính",
    ),
    "names in capitals": (_around("Thủ tục", CAPITALS), "Thủ tục"),
    # A list stacked per unit repeats its names once per unit: different within each.
    "names stacked per unit": (_stacked("Thủ tục", FULL_NAMES), "Thủ tục"),
    "names in capitals stacked per unit": (_stacked("Thủ tục", CAPITALS), "Thủ tục"),
    "names stacked per unit beside a note repeated": (
        _stacked("Thủ tục", FULL_NAMES, ("Thông tin", A_NOTE)),
        "Thủ tục",
    ),
    "names beside a notes column of long text": (
        _around("Thủ tục", FULL_NAMES, ("Ghi chú", LONG_NOTES)),
        "Thủ tục",
    ),
    # Never another thing's long text, nor where in doubt.
    "a notes column of long text, no names": (_around("Ghi chú", LONG_NOTES), None),
    "a notes column holding names": (_around("Ghi chú", FULL_NAMES), None),
    "a legal basis under a header the vocabulary lacks": (
        _around("Quy định", LEGAL_BASIS),
        None,
    ),
    "agencies": (_around("Nơi tiếp nhận", RECEIVING), None),
    "section headings in capitals": (_around("Thủ tục", HEADINGS), None),
    "people in capitals": (
        _around("Cán bộ", PEOPLE_IN_CAPITALS),
        None,
    ),
    "agencies in capitals": (_around("Nơi tiếp nhận", AGENCIES_IN_CAPITALS), None),
    "a title in capitals repeated": (_around("Tiêu đề", TITLE), None),
    "two columns in capitals": (
        _around("Thủ tục", CAPITALS, ("Thông tin", [note.upper() for note in LONG_NOTES])),
        None,
    ),
    "a long text repeated": (_around("Thời điểm", OPENING_HOURS), None),
    "a note repeated in each unit": (_stacked("Thông tin", A_NOTE), None),
    "a legal basis repeated in each unit": (_stacked("Quy định", A_BASIS), None),
    "a note repeated, a unit a row": (
        {**_around("Thông tin", A_NOTE), "Cơ quan thực hiện": SIX_COMMUNES},
        None,
    ),
    "two columns stacked per unit": (
        _stacked("Thủ tục", FULL_NAMES, ("Thông tin", LONG_NOTES)),
        None,
    ),
    "people": (_around("Cán bộ", PEOPLE), None),
    "names on half of the rows": (_around("Thủ tục", SPARSE), None),
    "two columns of long text": (
        _around("Thủ tục", FULL_NAMES, ("Thông tin", LONG_NOTES)),
        None,
    ),
    "a header naming one other column": (
        {"Thủ tục": FULL_NAMES, "Lĩnh vực": SIX_FIELDS},
        None,
    ),
}


@pytest.mark.parametrize(("columns", "read"), NAME_BY_VALUES.values(), ids=NAME_BY_VALUES)
def test_where_no_header_names_the_name_its_values_may(
    columns: dict[str, list[str]], read: str | None
) -> None:
    chosen, by_values = _name_chosen(columns)
    assert chosen == read
    assert by_values == ([] if read is None else [(read, UNHEADED_NAMES)])


def _headed_blocks(heading: list[str], units: list[str]) -> list[list[str]]:
    """The rows of a list stacked per unit whose units head their blocks: the header, then
    for each unit the row `heading` makes of it ("{unit}" and its Roman "{number}" in its
    cells), then six procedures."""
    rows = [["STT", "Mã số", "Thủ tục", "Lĩnh vực"]]
    for number, unit in zip(("I", "II", "III"), units, strict=False):
        rows.append([cell.format(unit=unit, number=number) for cell in heading])
        rows.extend([str(n + 1), SIX_CODES[n], FULL_NAMES[n], SIX_FIELDS[n]] for n in range(6))
    return rows


HEADED_BLOCKS = {
    # (a unit's heading row, with "{unit}" and "{number}", the units -> the name read)
    "a unit heading its block": (["{unit}", "", "", ""], UNITS, "Thủ tục"),
    "a unit numbered in the STT column": (["{number}", "{unit}", "", ""], UNITS, "Thủ tục"),
    "a unit in the name column": (["", "", "{unit}", ""], UNITS, "Thủ tục"),
    "a unit after 'Đơn vị:'": (
        ["Đơn vị: {unit}", "", "", ""],
        ["Sở Tư pháp", "Sở Y tế"],
        "Thủ tục",
    ),
    # Headings naming a field or a level head no unit: the names repeat, refused as before.
    "fields heading the blocks": (["{unit}", "", "", ""], ["I. Hộ tịch", "II. Chứng thực"], None),
    "levels heading the blocks": (
        ["{unit}", "", "", ""],
        ["A. Thủ tục hành chính cấp tỉnh", "B. Thủ tục hành chính cấp xã"],
        None,
    ),
}


@pytest.mark.parametrize(("heading", "units", "read"), HEADED_BLOCKS.values(), ids=HEADED_BLOCKS)
def test_names_stacked_under_unit_headings_are_read(
    heading: list[str], units: list[str], read: str | None
) -> None:
    try:
        (table,) = read_grid("list.csv", text_grid(None, _headed_blocks(heading, units))).tables
    except InputError:
        assert read is None
        return
    assert read is not None
    assert table.account.labels[table.header_map.columns["name"]] == read
    assert table.frame["name"].tolist() == FULL_NAMES * len(units)
    # ... and the rules know the units: a name repeated in another unit is no duplicate
    assert table.frame[SECTION_UNIT].nunique() == len(units)


@pytest.mark.parametrize(("merged", "read"), [(True, "Thủ tục"), (False, None)])
def test_names_stacked_beside_a_unit_merged_down_its_block_are_read(
    merged: bool, read: str | None
) -> None:
    # Each unit's cell merged down its six procedures: each row is that unit's. Left empty
    # without a merge, the rows name no unit: the names repeat, refused as before.
    columns = _stacked("Thủ tục", FULL_NAMES)
    columns["Cơ quan thực hiện"] = [
        unit if n % 6 == 0 else None for n, unit in enumerate(columns["Cơ quan thực hiện"])
    ]
    rows = [list(columns), *map(list, zip(*columns.values(), strict=True))]
    spans = tuple((4, 2 + 6 * n, 7 + 6 * n) for n in range(len(UNITS))) if merged else ()
    try:
        (table,) = read_grid("list.xlsx", text_grid("Danh mục", rows, merged=spans)).tables
    except InputError:
        assert read is None
        return
    assert table.account.labels[table.header_map.columns["name"]] == read
    assert table.frame["agency"].tolist() == _stacked("Thủ tục", FULL_NAMES)["Cơ quan thực hiện"]


def test_names_under_a_title_line_are_read_under_the_header() -> None:
    title = "DANH MỤC THỦ TỤC HÀNH CHÍNH CẤP TỈNH"
    assert _name_chosen(_around("Thủ tục", FULL_NAMES), title) == (
        "Thủ tục",
        [("Thủ tục", UNHEADED_NAMES)],
    )
    # ... a title over a header naming a single column is no header to read names under
    lone = {"Thủ tục": FULL_NAMES, "Cơ quan thực hiện": SIX_AGENCIES}
    assert _name_chosen(lone, title) == (None, [])


def test_names_under_a_header_over_two_rows_are_read_under_both() -> None:
    # "Trực tiếp" | "Trực tuyến" sub-divide "Thời hạn giải quyết": a header naming the name
    # reads the two rows as one, and so does a header whose name column its values chose.
    top = ["STT", "Mã số", "Thủ tục", "Lĩnh vực", "Thời hạn giải quyết", ""]
    sub = ["", "", "", "", "Trực tiếp", "Trực tuyến"]
    rows = [
        [str(n + 1), SIX_CODES[n], FULL_NAMES[n], SIX_FIELDS[n], "15 ngày", "10 ngày"]
        for n in range(6)
    ]
    (table,) = read_grid("list.csv", text_grid(None, [top, sub, *rows])).tables
    assert table.account.header_rows == (1, 2)
    assert table.frame["name"].tolist() == FULL_NAMES
    assert [(c.position, c.reason) for c in table.account.by_values] == [(2, UNHEADED_NAMES)]


def test_the_users_map_wins_over_the_values() -> None:
    columns = _around("Thủ tục", FULL_NAMES, ("Nội dung", LONG_NOTES))
    assert _name_chosen(columns, extra={"Nội dung": "name"}) == ("Nội dung", [])


def test_a_name_column_of_agencies_gives_way_to_names_stacked_per_unit() -> None:
    """The column headed as the name holds agencies; the one under "Nội dung" repeats its
    names once per unit of the agency column: they are the names, told within each unit."""
    columns = _stacked("Nội dung", FULL_NAMES, ("Tên thủ tục", RECEIVING))
    chosen, by_values = _name_chosen(columns)
    assert (chosen, by_values) == ("Nội dung", [("Nội dung", PROCEDURES_NAMES)])
