"""A rule's name as the reports for people show it: the slug ("district-level") in English,
a short name in an official's words ("cấp huyện cũ") in Vietnamese.

The machine formats (JSON, JSONL, SARIF, CSV, JUnit, GitHub, GitLab) keep the slug in both
languages: scripts match it, and it never changes. A rule with no Vietnamese name here (a
custom schema's check) keeps its slug.
"""

from __future__ import annotations

from typing import Final

from procaudit.core.i18n import t

VIETNAMESE: Final[dict[str, str]] = {
    "PA001": "không đạt lược đồ",
    "PA101": "mã không hợp lệ",
    "PA102": "thiếu mã",
    "PA103": "thiếu tên thủ tục",
    "PA201": "trùng thủ tục",
    "PA202": "một mã nhiều tên",
    "PA203": "trùng tên",
    "PA204": "tên gần trùng",
    "PA205": "trùng giữa các bảng",
    "PA301": "thiếu mẫu đơn",
    "PA302": "thiếu tệp mẫu đơn",
    "PA401": "chưa có quyết định công bố",
    "PA402": "số quyết định sai",
    "PA403": "ngày quyết định sai",
    "PA404": "đã bãi bỏ vẫn còn",
    "PA405": "chưa công bố thủ tục quốc gia",
    "PA406": "mã không có trong CSDL",
    "PA501": "cấp huyện cũ",
    "PA502": "cấp không khớp",
    "PA503": "mức độ DVC cũ",
    "PA504": "cơ quan đã sáp nhập",
    "PA505": "tỷ lệ toàn trình",
    "PA506": "mức độ DVC mâu thuẫn",
    "PA601": "bảng mã cũ",
    "PA602": "Unicode tổ hợp",
    "PA603": "dấu cách thừa",
    "PA604": "mã ký tự HTML",
    "PA605": "thẻ HTML",
    "PA606": "chữ cái lạ",
}


def shown_name(rule: str, slug: str) -> str:
    """The name of rule `rule` (its slug `slug`) in the language procaudit speaks."""
    return t(slug, VIETNAMESE.get(rule, slug))
