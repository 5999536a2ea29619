"""How procaudit understood a file, as plain data: what `procaudit inspect` shows.

The same dictionary is printed as JSON and rendered for the terminal, so both say the same.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict
from typing import Any

from procaudit.core.i18n import t
from procaudit.io import Catalogue, Table
from procaudit.io.components import COMPONENTS
from procaudit.io.header_aliases import CATALOGUE, alias_of
from procaudit.io.layout import SheetAccount
from procaudit.io.sections import standing
from procaudit.io.value_words import reason as reason_of
from procaudit.io.vocabulary import Vocabulary

_DELIMITER_NAMES = {",": "comma", ";": "semicolon", "\t": "tab", "|": "pipe"}


def column_label(position: int, workbook: bool) -> str:
    """Excel's column letters (A, B, …, AA) in a workbook; 1-based numbers in a CSV file."""
    if not workbook:
        return str(position + 1)
    letters = ""
    number = position + 1
    while number:
        number, remainder = divmod(number - 1, 26)
        letters = chr(ord("A") + remainder) + letters
    return letters


def row_ranges(rows: Iterable[int]) -> str:
    """'1, 5-9, 12': row numbers shown as runs, short even for thousands of blank rows."""
    runs: list[list[int]] = []
    for row in sorted(rows):
        if runs and row == runs[-1][1] + 1:
            runs[-1][1] = row
        else:
            runs.append([row, row])
    return ", ".join(str(a) if a == b else f"{a}-{b}" for a, b in runs)


def inspect_catalogue(catalogue: Catalogue) -> dict[str, Any]:
    workbook = catalogue.dialect is None
    dialect = catalogue.dialect
    return {
        "path": catalogue.path,
        "format": catalogue.format,
        "encoding": dialect.encoding if dialect else None,
        "delimiter": _DELIMITER_NAMES.get(dialect.delimiter, dialect.delimiter)
        if dialect
        else None,
        "procedures": sum(len(table.frame) for table in catalogue.tables),
        "tables": [_table(table, workbook) for table in catalogue.tables],
        # Dossier-components sheets (Thành phần hồ sơ): read for PA302, not as procedures.
        "components": [_components(table, workbook) for table in catalogue.components],
        "skipped_sheets": [
            {"sheet": sheet, "reason": reason} for sheet, reason in catalogue.skipped_sheets.items()
        ],
    }


def _account(table: Table) -> SheetAccount:
    """What the reader found on the table's sheet: every table it reads comes with one."""
    assert table.account is not None
    return table.account


def _table(table: Table, workbook: bool) -> dict[str, Any]:
    account = _account(table)
    rows = table.frame["_row"]
    return {
        "sheet": table.sheet,
        "header_rows": list(account.header_rows),
        "columns": _columns(table, workbook, CATALOGUE),
        "unmapped": list(table.header_map.unmapped),
        "procedures": len(table.frame),
        "procedure_rows": f"{rows.min()}-{rows.max()}" if len(rows) else None,
        "sections": [asdict(section) for section in account.sections],
        # A sheet going on with the list before it stands under that list's last headings.
        "carried_sections": [section.text for section in standing(list(account.carried))],
        "inherited": dict(account.inherited),
        "header_status": account.header_status,
        "abolished_by": account.abolished_by,
        "title_level": account.given.get("level"),
        "title_status": account.given.get("status"),
        "title_online_level": account.given.get("online_level"),
        "title_decision": account.given.get("decision_no"),
        # A page of a list takes the decision the title on the list's first sheet quotes.
        "title_decision_sheet": account.decision_from,
        "sheet_unit": account.given.get("unit"),
        "skipped_rows": _skipped_rows(table),
        "decisions_split": table.decisions_split,
        "codes_restored": table.codes_restored,
        "from_merged": dict(table.from_merged),
        "codes_from_names": table.codes_from_names,
    }


def _components(table: Table, workbook: bool) -> dict[str, Any]:
    rows = table.frame["_row"]
    return {
        "sheet": table.sheet,
        "header_rows": list(_account(table).header_rows),
        "columns": _columns(table, workbook, COMPONENTS),
        "unmapped": list(table.header_map.unmapped),
        "components": len(table.frame),
        "component_rows": f"{rows.min()}-{rows.max()}" if len(rows) else None,
        "skipped_rows": _skipped_rows(table),
        "codes_restored": table.codes_restored,
    }


def _skipped_rows(table: Table) -> list[dict[str, Any]]:
    return [
        {"reason": reason, "count": len(found), "rows": row_ranges(found)}
        for reason, found in _account(table).skipped.items()
    ]


def _marks_note(value: str) -> str:
    return t(
        "marks: a mark here means '{value}'",
        "dấu đánh: đánh dấu ở cột này nghĩa là '{value}'",
        value=value,
    )


def _columns(table: Table, workbook: bool, words: Vocabulary) -> list[dict[str, Any]]:
    """Each source column with a header: the column it is read as, if any, and why where its
    values decided."""
    header_map = table.header_map
    mapped = {position: column for column, position in header_map.columns.items()}
    account = _account(table)
    by_values = {choice.position: choice for choice in account.by_values}
    marked = {
        position: (found.column, value)
        for found in account.marks
        for position, value in zip(found.positions, found.values, strict=True)
    }
    columns = []
    for position, label in enumerate(account.labels):
        if not label.strip() and position not in mapped:
            continue
        entry: dict[str, Any] = {
            "column": column_label(position, workbook),
            "header": label,
            "maps_to": mapped.get(position)
            or ("row number (STT)" if position == header_map.stt else None),
        }
        choice = by_values.get(position)
        if choice is not None:
            entry["by_values"] = {
                "column": choice.column,
                "chosen": choice.chosen,
                "values": choice.reason,
                "examples": list(choice.examples),
            }
            entry["note"] = reason_of(choice)
            columns.append(entry)
            continue
        if position in marked:
            entry["maps_to"] = marked[position][0]
            entry["note"] = _marks_note(marked[position][1])
            columns.append(entry)
            continue
        rival = alias_of(label, words=words) if entry["maps_to"] is None else None
        if rival in header_map.columns:
            # Two headers name one column: say which one was preferred.
            used = column_label(header_map.columns[rival], workbook)
            entry["note"] = t(
                "also names {rival}; column {used} is read as {rival}",
                "cũng là tiêu đề của cột {rival}; cột {used} được đọc là {rival}",
                rival=rival,
                used=used,
            )
        columns.append(entry)
    return columns
