"""The scorecard in the terminal report: one line per ministry, province or file (or per unit,
grouped by agency), the total, the headlines and the notes, when a run audits two catalogues
or more or groups by agency (one catalogue's report says it all).

The table fits the terminal. Its headings are short ("Online" for the other reports' "Fully
online") and wrap at their spaces; a label (a province, a path) folds onto more lines. Where
even that is too wide, whole columns are left out, the least telling first (`_LEFT_OUT_FIRST`):
the files counted, the info findings, the shares with forms, published, of the reference
announced, with a national code, fully online. The label, the procedures in force, the
district-level share, the errors and the warnings always stay. A line under the table names
the columns left out; the JSON, Markdown and HTML reports hold them all.
"""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from procaudit.core.findings import AuditResult, Scorecard
from procaudit.core.i18n import t
from procaudit.engine.scorecard import SHOWN, table, worth_showing
from procaudit.report.console_lines import Folder

_LABEL_WIDTH = 12  # the label column is kept at least this wide (or as its longest label)
_PADDING = 2  # between two columns

_LEFT_OUT_FIRST = (
    "files",
    "infos",
    "with_forms",
    "published",
    "reference",
    "with_national_code",
    "fully_online",
)


def _short_headings() -> dict[str, str]:
    return {
        "files": t("Files", "Số tệp"),
        "procedures": t("In force", "Còn hiệu lực"),
        "with_national_code": t("National code", "Mã quốc gia"),
        "with_forms": t("Forms", "Mẫu đơn"),
        "published": t("Published", "Công bố"),
        "fully_online": t("Online", "Toàn trình"),
        "district_level": t("District", "Cấp huyện"),
        "reference": t("Reference", "Đối chiếu"),
        "errors": t("Errors", "Lỗi"),
        "warnings": t("Warnings", "Cảnh báo"),
        "infos": t("Info", "Thông tin"),
    }


def print_scorecard(console: Console, result: AuditResult, fold: bool = True) -> None:
    """The scorecard of `result` (made by `procaudit check`), if it has one worth showing;
    its headlines and notes folded to the width unless `fold` is False (a report file)."""
    scorecard = result.scorecard
    if scorecard is None or not worth_showing(scorecard, len(result.files)):
        return
    headings, rows = table(scorecard)
    names = _column_names(scorecard)
    short = _short_headings()
    headings = [headings[0], *(short[name] for name in names[1:])]
    kept, widths = _fitting(console.width, names, headings, rows)
    grid = Table(show_edge=False, pad_edge=False, box=None)
    for number in kept:
        grid.add_column(
            headings[number],
            header_style="bold",
            width=widths[number],
            justify="left" if number == 0 else "right",
            # A label (a province, or a path) is folded onto more lines, never cut.
            overflow="fold" if number == 0 else "ellipsis",
        )
    for number, cells in enumerate(rows):
        grid.add_row(
            *(cells[column] for column in kept),
            style="bold" if number == len(rows) - 1 else None,  # the total
        )
    folder = Folder(console, fold)
    console.print()
    console.print(Text(t("Scorecard", "Bảng tổng hợp"), style="bold"))
    console.print(grid)
    left_out = [headings[number] for number in range(len(names)) if number not in kept]
    if left_out:
        folder.print(
            Text(
                t(
                    "columns left out at this width: {columns} (the JSON, Markdown and HTML "
                    "reports hold them)",
                    "các cột không hiện ở độ rộng này: {columns} (báo cáo JSON, Markdown và "
                    "HTML có đủ)",
                    columns=", ".join(left_out),
                ),
                style="dim",
            ),
            "  ",
            "    ",
        )
    for headline in scorecard.headlines:
        folder.print(headline, "  ", "    ")
    for note in scorecard.notes:
        folder.print(Text(note, style="dim"), t("  note: ", "  lưu ý: "))


def _column_names(scorecard: Scorecard) -> list[str]:
    """What each column of `engine.scorecard.table` holds, in its order."""
    several = any(len(row.files) > 1 for row in scorecard.rows)
    compared = scorecard.total.stats.reference_total is not None
    return [
        "label",
        *(["files"] if several else []),
        "procedures",
        *SHOWN,
        *(["reference"] if compared else []),
        "errors",
        "warnings",
        "infos",
    ]


def _fitting(
    width: int, names: list[str], headings: list[str], rows: list[list[str]]
) -> tuple[list[int], list[int]]:
    """The columns shown (by number) and the width of each column: the headings whole where
    the terminal is wide enough, else wrapped at their spaces; then, column by column, fewer
    columns until the rest fit with the labels at least `_LABEL_WIDTH` wide (or as wide as
    the longest). The labels take what room is left, up to their longest."""
    if len(names) != len(headings):
        raise ValueError("the scorecard's columns are not those of engine.scorecard.table")
    cells = [max(len(row[number]) for row in rows) for number in range(len(headings))]
    whole = [max(cell, len(heading)) for cell, heading in zip(cells, headings, strict=True)]
    words = [
        max(cell, _longest_word(heading)) for cell, heading in zip(cells, headings, strict=True)
    ]
    kept = list(range(len(names)))
    longest = max(cells[0], len(headings[0]))
    narrowest = max(_longest_word(headings[0]), min(cells[0], _LABEL_WIDTH))
    for least in (None, *_LEFT_OUT_FIRST):
        if least is not None and least in names:
            kept.remove(names.index(least))
        for widths in (whole, words):
            used = sum(widths[number] for number in kept[1:]) + _PADDING * (len(kept) - 1)
            if used + narrowest <= width:
                return kept, [min(longest, width - used), *widths[1:]]
    return kept, [narrowest, *words[1:]]  # the narrowest terminal: rich cuts what it must


def _longest_word(heading: str) -> int:
    return max(len(word) for word in heading.split())
