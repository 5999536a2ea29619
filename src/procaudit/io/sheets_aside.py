"""Which of a workbook's sheets are set aside when another holds the list, and why: a
hidden sheet (a lookup list, an old copy), a guide to filling the list in, a sheet named
as an old copy. Each is read where no other sheet holds a list, or when asked for; read so
beside other sheets, a note says which it was, since the user did not see the list there.
"""

from __future__ import annotations

from procaudit.core.i18n import t
from procaudit.io.grid import Grid
from procaudit.io.guide_sheets import is_guide_sheet
from procaudit.io.old_copies import is_old_copy_sheet


def aside_reason(grid: Grid) -> str | None:
    """Why the sheet is set aside while another holds the list, or None to read it."""
    if grid.hidden:
        return t(
            "hidden in the workbook (--sheet reads it)", "bị ẩn trong sổ tính (đọc bằng --sheet)"
        )
    if is_guide_sheet(grid.sheet):
        return t(
            "a guide to filling the list in (--sheet reads it)",
            "là trang hướng dẫn cách điền danh mục (đọc bằng --sheet)",
        )
    if is_old_copy_sheet(grid.sheet):
        return t(
            "named as an old copy of the list (--sheet reads it)",
            "được đặt tên là bản cũ của danh mục (đọc bằng --sheet)",
        )
    return None


def read_aside_note(grid: Grid) -> str:
    """The note for a sheet set aside (`aside_reason`) that was read all the same because no
    other sheet of the workbook holds a list: the official finds the list where they did not
    look (a hidden sheet) or did not expect it (a guide, an old copy)."""
    if grid.hidden:
        why = t("is hidden in the workbook", "bị ẩn trong sổ tính")
    elif is_guide_sheet(grid.sheet):
        why = t("is named as a guide to filling the list in", "có tên là trang hướng dẫn")
    else:
        why = t("is named as an old copy of the list", "có tên là bản cũ của danh mục")
    return t(
        "sheet '{sheet}' {why}: it was read because no other sheet holds a procedure list",
        "trang tính '{sheet}' {why}: được đọc vì không trang tính nào khác có danh mục thủ tục",
        sheet=grid.sheet,
        why=why,
    )
