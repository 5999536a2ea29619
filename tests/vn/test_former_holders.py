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
    # Not notes.
    ("a receiving desk", "Bộ phận tiếp nhận và trả kết quả huyện X", None),
    ("tài nguyên", "Phòng Tài nguyên là cơ quan", None),
    ("no note", "UBND huyện X", None),
]


@pytest.mark.parametrize(("case", "text", "left"), CASES, ids=[c[0] for c in CASES])
def test_without_former(case: str, text: str, left: str | None) -> None:
    assert without_former(text) == (text if left is None else left)
