"""Sheets that guide the official who fills the list in: how to fill it, what each column
means, an example table ("Hướng dẫn", "HDSD", "Read me", "Ví dụ"). Their example rows
("1.000XXX", "Mức độ 4 (không dùng)") are no procedures: such a sheet is set aside, as a
hidden one is, unless no other sheet holds a list.
"""

from __future__ import annotations

from procaudit.vn.text import header_key

# The first words of a sheet named as a guide, folded and run together ("Hướng dẫn nhập
# liệu", "HUONG_DAN", "HDSD", "Read me", "Ví dụ"). Not a sheet of notes ("Ghi chú"): a
# decision's text or a cover may sit there, and the list nowhere else.
_GUIDE_NAMES = ("huongdan", "hdsd", "instruction", "guide", "readme", "vidu", "example")


def is_guide_sheet(sheet: object) -> bool:
    """Whether a sheet's name says it guides the official rather than holds the list."""
    return header_key(str(sheet)).replace(" ", "").startswith(_GUIDE_NAMES)
