"""What every writer of a repaired copy shares: the result it hands back, and the reasons a
planned change is left out of the copy, in both languages.

A change is applied only to the cell it was planned for, holding the text it was planned
from; anything else (a formula, a cell edited since the plan, a sheet gone) is skipped with
its reason rather than written over, so that the copy never loses what the official typed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from procaudit.core.changes import CellChange
from procaudit.core.i18n import t


@dataclass(frozen=True)
class PatchResult:
    written: tuple[CellChange, ...]  # the changes applied, in the order given
    skipped: tuple[tuple[CellChange, str], ...]  # a change not applied, and why
    converted_from: str | None = None  # "xls", "ods", "xlsb" when written as xlsx, else None
    notes: tuple[str, ...] = ()  # what the writer did beyond the cells, losses included
    # What the copy could not keep of the original (pictures, formatting, formulas as values):
    # also in `notes`, and said even to a quiet run, since it is the user's content.
    losses: tuple[str, ...] = ()


def formula_cell(source: str | None = None) -> str:
    """Why a formula cell is not repaired; `source`: the cell the formula only repeats (=O1),
    which is where the repair belongs."""
    if source is not None:
        return t(
            "the cell holds a formula taking its value from {source}, which is never "
            "rewritten: repair {source}",
            "ô chứa công thức lấy giá trị từ ô {source}, mà công thức thì không bao giờ bị "
            "ghi đè: hãy sửa ô {source}",
            source=source,
        )
    return t(
        "the cell holds a formula, which is never rewritten",
        "ô chứa công thức, mà công thức thì không bao giờ bị ghi đè",
    )


def changed_since(current: str) -> str:
    return t(
        "the cell now holds '{current}', not the text the repair was planned from "
        "(the file changed since it was read)",
        "ô hiện chứa '{current}', không phải nội dung mà bản sửa dựa vào "
        "(tệp đã thay đổi từ khi được đọc)",
        current=current,
    )


def no_such_sheet(sheet: str | None) -> str:
    return t(
        "the file has no sheet '{sheet}'",
        "tệp không có trang tính '{sheet}'",
        sheet=sheet if sheet is not None else "",
    )


def no_such_cell() -> str:
    return t(
        "the record has no such field (the file changed since it was read)",
        "bản ghi không có trường này (tệp đã thay đổi từ khi được đọc)",
    )


def already_changed() -> str:
    return t(
        "another change of the same cell came first",
        "một thay đổi khác của cùng ô này đã được áp dụng trước",
    )


def not_encodable(encoding: str) -> str:
    return t(
        "the new text holds a character that {encoding} cannot store; the file keeps its "
        "encoding, so the cell is left as it is",
        "nội dung mới có ký tự mà bảng mã {encoding} không lưu được; tệp giữ nguyên bảng mã "
        "nên ô được giữ nguyên",
        encoding=encoding,
    )


class Outcome:
    """The changes applied and skipped so far, each cell changed at most once."""

    def __init__(self) -> None:
        self.written: list[CellChange] = []
        self.skipped: list[tuple[CellChange, str]] = []
        self._cells: set[tuple[str | None, int, int]] = set()

    def claim(self, change: CellChange) -> bool:
        """Whether `change` is the first for its cell; a later one is skipped."""
        cell = (change.sheet, change.row, change.column)
        if cell in self._cells:
            self.skipped.append((change, already_changed()))
            return False
        self._cells.add(cell)
        return True

    def skip(self, change: CellChange, reason: str) -> None:
        self.skipped.append((change, reason))

    def result(
        self,
        order: Sequence[CellChange],
        converted_from: str | None = None,
        notes: Sequence[str] = (),
        losses: Sequence[str] = (),
    ) -> PatchResult:
        """The result, written and skipped changes both in the order they were given;
        `losses` (what the copy could not keep) come first among its notes."""
        position = {id(change): index for index, change in enumerate(order)}
        return PatchResult(
            written=tuple(sorted(self.written, key=lambda change: position[id(change)])),
            skipped=tuple(sorted(self.skipped, key=lambda pair: position[id(pair[0])])),
            converted_from=converted_from,
            notes=(*losses, *notes),
            losses=tuple(losses),
        )
