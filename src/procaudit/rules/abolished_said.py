"""How PA404 (`publication.abolished_listed`) says a procedure out of force is listed: by
its status cell, in a list in force (an error) or in a one-stop system's configuration
stacked per unit (a warning: the system itself marks the record out of force, and the
record is to be deleted or closed there), or by the mark in its name."""

from __future__ import annotations

import pandas as pd

from procaudit.catalogue.name_status import name_status
from procaudit.core.i18n import t


def status_said(statuses: pd.Series) -> pd.Series:
    """PA404's message for each status cell of a list in force."""
    said = t(
        "The status cell says '{status}', yet the procedure is in the list in force.",
        "Ô tình trạng ghi '{status}' nhưng thủ tục vẫn nằm trong danh mục đang có hiệu lực.",
    )
    return statuses.map(lambda status: said.format(status=status.strip()))


def configured_said(statuses: pd.Series) -> pd.Series:
    """PA404's message for each status cell of a unit's list in a one-stop system's
    configuration (a list stacked per unit)."""
    said = t(
        "The status cell says '{status}', yet the unit's list in the one-stop system still "
        "holds the procedure.",
        "Ô tình trạng ghi '{status}' nhưng danh mục của đơn vị trong hệ thống một cửa vẫn còn "
        "thủ tục này.",
    )
    return statuses.map(lambda status: said.format(status=status.strip()))


def status_fix() -> str:
    return t(
        "Take the procedure out of the list in force; keep it in the annex of the decision "
        "that abolished it.",
        "Đưa thủ tục ra khỏi danh mục đang có hiệu lực; chỉ giữ thủ tục trong phụ lục của "
        "quyết định bãi bỏ.",
    )


def configured_fix() -> str:
    return t(
        "Delete the procedure from the unit's configuration in the one-stop system (or close "
        "it there), so that it is no longer offered; if it is in force, correct its status.",
        "Xóa thủ tục khỏi cấu hình của đơn vị trong hệ thống một cửa (hoặc đóng thủ tục), để "
        "thủ tục không còn được cung cấp; nếu thủ tục vẫn còn hiệu lực, sửa lại tình trạng.",
    )


def name_said(names: pd.Series) -> pd.Series:
    """PA404's message for each name that marks its procedure abolished."""
    marked = t(
        "The name marks the procedure as abolished ('{mark}'), yet it is in the list in force.",
        "Tên thủ tục ghi thủ tục đã bị bãi bỏ ('{mark}') nhưng thủ tục vẫn nằm trong danh mục "
        "đang có hiệu lực.",
    )
    marks = {name: marked.format(mark=_mark(name)) for name in names.unique()}
    return names.map(marks)


def name_fix() -> str:
    return t(
        "Take the procedure out of the list in force (keep it in the annex of the decision that "
        "abolished it); if it is in force, take the mark out of its name.",
        "Đưa thủ tục ra khỏi danh mục đang có hiệu lực (chỉ giữ trong phụ lục của quyết định "
        "bãi bỏ); nếu thủ tục vẫn còn hiệu lực, xóa ghi chú bãi bỏ khỏi tên thủ tục.",
    )


def _mark(name: str) -> str:
    """How a name marks its procedure abolished, where it stands ("… (đã bãi bỏ)")."""
    said = name_status(name)
    return said[0] if said is not None else name
