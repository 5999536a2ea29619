"""procaudit.vn.former_holders: the notes on who held a task before, dropped from level and
agency cells."""

from __future__ import annotations

import pytest

from procaudit.vn.former_holders import without_former

CASES = [
    # (case, text, left)
    ("formerly", "Cấp xã (trước đây cấp huyện)", "Cấp xã ()"),
    ("formerly, with là", "UBND cấp xã (trước đây là UBND cấp huyện)", "UBND cấp xã ()"),
    ("trước là", "UBND cấp xã, trước là UBND huyện X", "UBND cấp xã, "),
    ("took over from", "UBND cấp xã (tiếp nhận nhiệm vụ từ UBND cấp huyện)", "UBND cấp xã ()"),
    ("replaces", "Sở Nội vụ (thay thế Phòng Nội vụ cấp huyện)", "Sở Nội vụ ()"),
    ("in place of", "Sở Nội vụ (thay cho Phòng Nội vụ huyện)", "Sở Nội vụ ()"),
    ("originally", "UBND xã Y (nguyên là UBND huyện X)", "UBND xã Y ()"),
    ("moved from … to", "Cấp xã (chuyển từ cấp huyện sang cấp xã)", "Cấp xã (sang cấp xã)"),
    ("capitals", "Cấp xã (TRƯỚC ĐÂY CẤP HUYỆN)", "Cấp xã ()"),
    ("without diacritics", "Cap xa (truoc day cap huyen)", "Cap xa ()"),
    (
        "up to the line's end",
        "UBND cấp xã - thay thế UBND huyện\nSở Tư pháp",
        "UBND cấp xã - \nSở Tư pháp",
    ),
    # The wordings of the transition's lists: a bracketed note about the past, a source, a
    # destination, with or without a date.
    ("handed over from", "Cấp xã (chuyển giao từ cấp huyện)", "Cấp xã ()"),
    ("the old district", "Cấp xã (cấp huyện cũ)", "Cấp xã ()"),
    ("before a date, là", "Cấp xã (trước 01/7/2025 là cấp huyện)", "Cấp xã ()"),
    ("before a date, colon", "UBND cấp xã (trước 01/7/2025: UBND cấp huyện)", "UBND cấp xã ()"),
    ("before the reorganisation", "Cấp xã (trước sắp xếp: cấp huyện)", "Cấp xã ()"),
    ("received from", "Cấp xã (nhận bàn giao từ cấp huyện)", "Cấp xã ()"),
    ("moved here by", "Cấp xã (do cấp huyện chuyển về)", "Cấp xã (về)"),
    ("in place of, short", "Cấp xã (thay cấp huyện)", "Cấp xã ()"),
    ("merged from", "UBND xã Y (sáp nhập từ xã Y, xã Z thuộc huyện X cũ)", "UBND xã Y ()"),
    ("moved from … back to", "Cấp xã (chuyển từ cấp huyện về cấp xã)", "Cấp xã (về cấp xã)"),
    (
        "a heading: handed over to",
        "TTHC CẤP HUYỆN CHUYỂN GIAO VỀ CẤP XÃ THỰC HIỆN",
        "VỀ CẤP XÃ THỰC HIỆN",
    ),
    ("a heading: adjusted into", "TTHC CẤP HUYỆN ĐIỀU CHỈNH THÀNH CẤP XÃ", "THÀNH CẤP XÃ"),
    (
        "a heading: formerly, now",
        "TTHC DO CẤP HUYỆN THỰC HIỆN TRƯỚC ĐÂY, NAY CHUYỂN VỀ CẤP XÃ",
        "VỀ CẤP XÃ",
    ),
    ("now, after a bracket", "Cấp huyện (nay là cấp xã)", "(nay là cấp xã)"),
    ("old, after a bracket", "Cấp tỉnh, Cấp huyện (cũ)", "Cấp tỉnh,()"),
    ("a second level, semicolon", "cấp xã; trước 01/7/2025 là cấp huyện", "cấp xã; "),
    ("handed over, without diacritics", "Cap xa (chuyen giao tu cap huyen)", "Cap xa ()"),
    (
        "an English list's formerly",
        "Department of Home Affairs (formerly DOLISA)",
        "Department of Home Affairs ()",
    ),
    ("an English list's former", "Commune level (former district level)", "Commune level ()"),
    # Not notes: what the cell says stays, and a district in it is still reported.
    ("a receiving desk", "Bộ phận tiếp nhận và trả kết quả huyện X", None),
    ("tài nguyên", "Phòng Tài nguyên là cơ quan", None),
    ("no note", "UBND huyện X", None),
    ("a desk in brackets", "Cấp huyện (thực hiện tại Bộ phận một cửa)", None),
    ("receiving online", "Cấp huyện (tiếp nhận hồ sơ trực tuyến)", None),
    ("a change", "Cấp huyện (thay đổi tên gọi)", None),
    ("on behalf of", "Cấp huyện (thay mặt UBND tỉnh)", None),
    ("since a date", "Cấp huyện (áp dụng từ 01/01/2024)", None),
    ("dossiers sent on", "UBND cấp huyện (hồ sơ chuyển về Sở Tư pháp thẩm định)", None),
    ("dossiers handed to", "Cấp huyện (giao UBND xã thực hiện)", None),
    ("a digital office", "Trung tâm Chuyển đổi số tỉnh", None),
    ("a performer", "Performers' licensing office", None),
]


@pytest.mark.parametrize(("case", "text", "left"), CASES, ids=[c[0] for c in CASES])
def test_without_former(case: str, text: str, left: str | None) -> None:
    assert without_former(text) == (text if left is None else left)
