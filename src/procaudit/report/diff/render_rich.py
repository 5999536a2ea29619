"""The diff for people: the counts per kind, then a table per kind, then notes."""

from __future__ import annotations

from typing import TextIO

from rich.console import Console
from rich.table import Table
from rich.text import Text

from procaudit.core.i18n import t
from procaudit.core.text_safety import visible
from procaudit.diff.model import Change, DiffResult, Kind
from procaudit.report.diff.formats import DiffRenderer
from procaudit.report.diff.labels import (
    MISSING,
    field_label,
    heading_line,
    kind_heading,
    notes,
    place,
    summary_line,
)

_STYLE = {
    Kind.ADDED: "bold green",
    Kind.REMOVED: "bold red",
    Kind.RENAMED: "bold yellow",
    Kind.MOVED: "bold magenta",
    Kind.CHANGED: "bold cyan",
}
_WHOLE_WIDTH = 24  # the widest a code or place column gets to keep its cells on one line


def _placing(result: DiffResult) -> list[str]:
    """The level and field columns an added or removed procedure is shown with: those either
    version has (the portal's exports have no level)."""
    either = result.old.columns | result.new.columns
    return [field for field in ("level", "field") if field in either]


def _code(change: Change) -> str:
    code = change.code or MISSING
    return f"{code} *" if change.duplicate_code else code


def _value(value: str | None) -> str:
    return MISSING if value is None else value


class RichRenderer(DiffRenderer[TextIO]):
    def render(self, result: DiffResult, out: TextIO) -> None:
        # soft_wrap: the summary and notes stay on one line (and greppable) in logs. No markup
        # or emoji: a cell "[Mẫu 01]" or ":x:" is text from the file, printed as it is.
        console = Console(
            file=out,
            width=self.options.width,
            highlight=False,
            soft_wrap=True,
            markup=False,
            emoji=False,
            # Not for a terminal (a file, a pipe): no colour, whatever FORCE_COLOR says.
            color_system="auto" if self.options.terminal else None,
            force_terminal=None if self.options.terminal else False,
        )
        if self.options.summary_only:
            console.print(visible(summary_line(result)))
            return
        console.print(Text(visible(heading_line(result)), style="bold"))
        console.print(visible(summary_line(result)))
        for kind in Kind:
            changes = result.of_kind(kind)
            if changes:
                console.print()
                console.print(self._table(result, kind, changes))
                self._cut(console, len(changes))
        lines = notes(result)
        if lines:
            console.print()
        for line in lines:
            console.print(Text(visible(line), style="dim"))

    def _shown(self, changes: list[Change]) -> list[Change]:
        return changes[: self.options.max_rows] if self.options.max_rows else changes

    def _cut(self, console: Console, count: int) -> None:
        limit = self.options.max_rows
        hidden = count - limit if limit else 0
        if hidden > 0:
            console.print(
                Text(
                    t(
                        "… and {count} more (--max-rows 0 shows them all)",
                        "… và {count} dòng khác (dùng --max-rows 0 để xem tất cả)",
                        count=hidden,
                    ),
                    style="dim",
                )
            )

    def _table(self, result: DiffResult, kind: Kind, changes: list[Change]) -> Table:
        title = Text(f"{kind_heading(kind)} ({len(changes)})", style=_STYLE[kind])
        table = Table(title=title, title_justify="left", show_edge=False, pad_edge=False)
        was_at, now_at = t("Was at", "Vị trí cũ"), t("Now at", "Vị trí mới")
        if kind in (Kind.ADDED, Kind.REMOVED):
            headings = [
                t("Code", "Mã thủ tục"),
                t("Name", "Tên thủ tục"),
                *(field_label(field) for field in _placing(result)),
                now_at if kind is Kind.ADDED else was_at,
            ]
        elif kind is Kind.RENAMED:
            headings = [
                t("Code", "Mã thủ tục"),
                t("Old name", "Tên cũ"),
                t("New name", "Tên mới"),
                was_at,
                now_at,
            ]
        else:
            headings = [
                t("Code", "Mã thủ tục"),
                t("Name", "Tên thủ tục"),
                t("What", "Nội dung"),
                t("Old value", "Giá trị cũ"),
                t("New value", "Giá trị mới"),
                was_at,
                now_at,
            ]
        rows = self._rows(result, kind, self._shown(changes))
        # Codes and places are read whole: their columns are as wide as their longest cell (a
        # local code has 22 characters). Other cells fold, never "…": a decision number cut
        # short is no use.
        whole = {0, len(headings) - 1} | (
            {len(headings) - 2} if kind is not Kind.ADDED and kind is not Kind.REMOVED else set()
        )
        for number, heading in enumerate(headings):
            width = max((len(row[number]) for row in rows), default=0)
            table.add_column(
                heading,
                overflow="fold",
                min_width=min(width, _WHOLE_WIDTH) if number in whole else None,
            )
        for row in rows:
            table.add_row(*map(visible, row))  # a cell's escape sequences shown, never run
        return table

    def _rows(self, result: DiffResult, kind: Kind, changes: list[Change]) -> list[tuple[str, ...]]:
        old, new = result.old, result.new
        if kind in (Kind.ADDED, Kind.REMOVED):
            added = kind is Kind.ADDED
            return [
                (
                    _code(c),
                    _value(c.name),
                    *(_value((c.new if added else c.old).get(field)) for field in _placing(result)),
                    place(c.new_at, new) if added else place(c.old_at, old),
                )
                for c in changes
            ]
        if kind is Kind.RENAMED:
            return [
                (
                    _code(c),
                    _value(c.old["name"]),
                    _value(c.new["name"]),
                    place(c.old_at, old),
                    place(c.new_at, new),
                )
                for c in changes
            ]
        rows: list[tuple[str, ...]] = []
        for change in changes:
            for number, field in enumerate(change.fields):
                first = number == 0  # the procedure is named once, on its first line
                rows.append(
                    (
                        _code(change) if first else "",
                        _value(change.name) if first else "",
                        field_label(field),
                        _value(change.old[field]),
                        _value(change.new[field]),
                        place(change.old_at, old) if first else "",
                        place(change.new_at, new) if first else "",
                    )
                )
        return rows
