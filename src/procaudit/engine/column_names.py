"""How a file itself names its columns, so that findings can say "Số quyết định", not `decision_no`.

Rules speak of canonical columns; the official who fixes the file knows its headers. Each
finding is given the header of its column when it is built (`Finding.header`), and the human
reports show it in Vietnamese (`Finding.column_name`).
"""

from __future__ import annotations

from collections.abc import Iterable

from procaudit.catalogue.columns import SHOWN_HEADERS
from procaudit.engine.inspection import column_label
from procaudit.io import Table


def column_names(table: Table) -> dict[str, str]:
    """Canonical column -> its name in the source: the header as read (a two-row header's two
    labels joined, line breaks folded), or the column's letter where the header cell is blank
    (a column chosen by its values may have none); the headers of a column read from marks
    under headers that each name a value, joined ("Cấp tỉnh / Cấp xã"); a column section
    headings gave, by its usual header."""
    labels = table.account.labels if table.account is not None else ()
    headers = table.header_map.headers
    names: dict[str, str] = {}
    for column, position in table.header_map.columns.items():
        # The label at the chosen position: two headers may name one column.
        label = labels[position] if position < len(labels) else headers.get(column, "")
        names[column] = " ".join(label.split()) or column_label(position, workbook=True)
    # A column read from headers that each name a value ("Cấp tỉnh | Cấp xã"): all of them.
    for found in table.account.marks if table.account is not None else ():
        if found.heading is None:
            names[found.column] = " / ".join(found.values)
    # A column the section headings gave ("UBND huyện Tam Nông" over its unit's rows) has no
    # header: it is named as lists usually head it ("Cơ quan thực hiện"), not by its id.
    given = table.frame.columns if table.frame is not None else ()  # None: a test's table
    for column in given:
        if column not in names and column in SHOWN_HEADERS:
            names[column] = SHOWN_HEADERS[column]
    return names


def file_column_names(tables: Iterable[Table]) -> dict[tuple[str | None, str], str]:
    """(sheet, canonical column) -> its name, over a file's tables; for the findings of file
    rules, which name a sheet but no table (where a sheet holds two tables, its first wins).
    A finding about the whole file (sheet None) takes the name of the first table's column."""
    names: dict[tuple[str | None, str], str] = {}
    for table in tables:
        for column, name in column_names(table).items():
            names.setdefault((table.sheet, column), name)
            names.setdefault((None, column), name)
    return names
