"""The notes a catalogue's reading adds for its user: where the values, not the headers,
decided a column, where a column was read otherwise than as written (marks, level codes,
timestamps), where the codes came from the names' cells, and that a list of internal
procedures is asked no national code. Each table's notes are said once, in one line."""

from __future__ import annotations

from procaudit.catalogue.columns import INTERNAL, named_column
from procaudit.core.i18n import number, t
from procaudit.io.epoch_dates import epoch_note
from procaudit.io.level_codes import level_note
from procaudit.io.marks import Marked
from procaudit.io.table import Table
from procaudit.io.value_words import note
from procaudit.io.wider import wider_note


def value_notes(tables: list[Table] | tuple[Table, ...]) -> tuple[str, ...]:
    """One note per table where the values, not the headers, decided a column, or the codes
    came from the names' cells: the report says it once, so that a user whose code column
    moved knows why."""
    notes = []
    for table in tables:
        if table.account is None:
            continue
        said = [_marks_read(found) for found in table.account.marks]
        if table.account.wider is not None:
            said.append(wider_note(table.account.wider))
        if table.levels is not None:
            header = table.account.labels[table.header_map.columns["level"]]
            said.append(level_note(table.levels, quoted(header)))
        if table.epoch_dates is not None:
            header = table.account.labels[table.header_map.columns["decision_date"]]
            said.append(epoch_note(table.epoch_dates, quoted(header)))
        if table.codes_from_names:
            said.append(
                t(
                    "the codes are read from the names' cells ({count} of {rows} names carry one)",
                    "mã thủ tục được đọc từ ô tên thủ tục ({count} trên {rows} tên có ghi mã)",
                    count=number(table.codes_from_names),
                    rows=number(len(table.frame)),
                )
            )
        if table.statuses_from_notes:
            header = table.account.labels[table.header_map.columns["status"]]
            said.append(
                t(
                    "the notes in column {header} are read as the status of the {count} rows"
                    " whose note states one",
                    "ghi chú ở cột {header} được đọc là tình trạng của {count} thủ tục có ghi"
                    " chú nêu tình trạng",
                    header=quoted(header),
                    count=number(table.statuses_from_notes),
                )
            )
        if INTERNAL in table.frame:
            said.append(_internal_note(table))
        said.extend(
            note(choice, quoted(table.account.labels[choice.position]))
            for choice in table.account.by_values
        )
        if not said:
            continue
        where = (
            t("sheet '{sheet}': ", "trang tính '{sheet}': ", sheet=table.sheet)
            if table.sheet is not None
            else ""
        )
        notes.append(where + "; ".join(said))
    return tuple(dict.fromkeys(notes))


def _marks_read(found: Marked) -> str:
    values = ", ".join(found.values)
    # In Vietnamese the column's usual header, not its English id ("level").
    column = named_column(found.column)
    if found.heading is None:
        return t(
            "a row's {column} is the header of the column it marks ({values})",
            "giá trị {column} của mỗi dòng là tiêu đề của cột được đánh dấu ({values})",
            column=column,
            values=values,
        )
    return t(
        "a row's {column} is the sub-heading it marks under {header} ({values})",
        "giá trị {column} của mỗi dòng là tiêu đề cột con được đánh dấu dưới {header} ({values})",
        column=column,
        header=quoted(found.heading),
        values=values,
    )


def quoted(header: str, limit: int = 40) -> str:
    """A header cell as one short line: title cells hold line breaks and whole paragraphs."""
    text = " ".join(header.split())
    return f"'{text[: limit - 1].rstrip()}…'" if len(text) > limit else f"'{text}'"


def _internal_note(table: Table) -> str:
    """What the file's note says of a list of internal procedures, or of its part of them."""
    if table.frame[INTERNAL].all():
        return t(
            "it lists internal procedures (thủ tục hành chính nội bộ), which have no "
            "national code: their codes are not checked (PA101, PA102)",
            "danh mục thủ tục hành chính nội bộ, không có mã số quốc gia: không kiểm "
            "tra mã thủ tục (PA101, PA102)",
        )
    sections = table.account.sections if table.account is not None else ()
    headings = ", ".join(quoted(section.text) for section in sections if section.internal)
    return t(
        "the {count} procedures under {headings} are internal procedures (thủ tục hành chính "
        "nội bộ), which have no national code: their codes are not checked (PA101, PA102)",
        "{count} thủ tục dưới {headings} là thủ tục hành chính nội bộ, không có mã số quốc "
        "gia: không kiểm tra mã thủ tục (PA101, PA102)",
        count=number(int(table.frame[INTERNAL].sum())),
        headings=headings,
    )
