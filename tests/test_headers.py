"""Header aliases: Vietnamese with and without diacritics, snake_case, English."""

from __future__ import annotations

import pytest

from procaudit.io.headers import map_headers

ALIASES = [
    ("Mã thủ tục", "code"), ("Mã TTHC", "code"), ("Ma TTHC", "code"), ("ma_thu_tuc", "code"),
    ("Mã số", "code"), ("Procedure code", "code"),
    ("Tên thủ tục hành chính", "name"), ("Ten thu tuc", "name"), ("ten_thu_tuc", "name"),
    ("TÊN TTHC", "name"), ("Procedure name", "name"), ("Tên", "name"),
    ("Cấp thực hiện", "level"), ("cap_thuc_hien", "level"), ("Level", "level"),
    ("Lĩnh vực", "field"), ("linh_vuc", "field"), ("Field", "field"),
    ("Cơ quan thực hiện", "agency"), ("co_quan_co_tham_quyen", "agency"), ("Agency", "agency"),
    ("Thời hạn giải quyết", "processing_time"), ("Processing time", "processing_time"),
    ("Phí, lệ phí", "fee"), ("phi_le_phi", "fee"), ("Fee", "fee"),
    ("Mẫu đơn, tờ khai", "forms"), ("mau_don_to_khai", "forms"), ("Forms", "forms"),
    ("Căn cứ pháp lý", "legal_basis"), ("can_cu_phap_ly", "legal_basis"),
    ("Mức độ DVC", "online_level"), ("Online level", "online_level"),
    ("Số quyết định", "decision_no"), ("so_quyet_dinh", "decision_no"),
    ("Decision number", "decision_no"),
    ("Ngày công bố", "decision_date"), ("Decision date", "decision_date"),
    ("Tình trạng", "status"), ("Status", "status"),
]


@pytest.mark.parametrize(("header", "column"), ALIASES)
def test_alias_maps_to_canonical_column(header: str, column: str) -> None:
    assert map_headers([header]).columns == {column: 0}


def test_unknown_headers_are_left_unmapped_and_stt_is_recognised() -> None:
    mapped = map_headers(["STT", "Tên thủ tục", "Ghi chú", ""])
    assert mapped.columns == {"name": 1}
    assert mapped.stt == 0
    assert mapped.unmapped == ("Ghi chú",)


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


def test_issuing_agency_is_not_the_implementing_agency() -> None:
    assert map_headers(["Cơ quan ban hành"]).columns == {}
