"""Render `procaudit inspect` for the terminal: how each file was read, in plain words."""

from __future__ import annotations

from typing import Any

from rich.console import Console, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

_FORMATS = {
    "csv": "CSV text",
    "xlsx": "Excel workbook (.xlsx)",
    "xlsm": "Excel macro-enabled workbook (.xlsm; macros are never run)",
    "xls": "Excel 97-2003 workbook (.xls)",
    "xlsb": "Excel binary workbook (.xlsb)",
    "ods": "OpenDocument spreadsheet (.ods)",
}
SHOWN_SECTIONS = 25  # the JSON output lists them all


def _indented(table: Table) -> RenderableType:
    return Padding(table, (0, 0, 0, 4), expand=False)


def _grid(*titles: str) -> Table:
    table = Table(box=None, pad_edge=False, padding=(0, 2, 0, 0), show_edge=False)
    for title in titles:
        table.add_column(title, header_style="bold")
    return table


def _plural(count: int, word: str) -> str:
    return f"{count:,} {word}{'' if count == 1 else 's'}"


def render_inspection(inspection: dict[str, Any], console: Console) -> None:
    kind = _FORMATS.get(inspection["format"], inspection["format"])
    if inspection["encoding"]:
        kind += f", {inspection['encoding']}, {inspection['delimiter']}-separated"
    console.print(Text(inspection["path"], style="bold"))
    console.print(f"  {kind}")
    console.print(f"  {_plural(inspection['procedures'], 'procedure')} read in all")
    for table in inspection["tables"]:
        _render_table(table, console)
    for components in inspection["components"]:
        _render_components(components, console)
    for skipped in inspection["skipped_sheets"]:
        console.print(Text(f"  Sheet '{skipped['sheet']}' skipped: {skipped['reason']}",
                           style="yellow"))
    console.print()


def _heading(table: dict[str, Any], what: str = "") -> str:
    where = f"Sheet '{table['sheet']}'" if table["sheet"] is not None else "Table"
    header = "-".join(str(row) for row in table["header_rows"])
    if len(table["header_rows"]) == 1:
        return f"{where}: {what}header on row {header}"
    return f"{where}: {what}header on rows {header} (two rows, read as one)"


def _render_columns(table: dict[str, Any], console: Console) -> None:
    columns = _grid("column", "header in the file", "read as")
    for column in table["columns"]:
        maps_to = column["maps_to"]
        read_as = Text(maps_to) if maps_to else Text("not used", style="dim")
        if "note" in column:
            read_as.append(f" ({column['note']})", style="dim")
        columns.add_row(column["column"], " ".join(column["header"].split()), read_as)
    console.print(_indented(columns))


def _render_skipped_rows(table: dict[str, Any], what: str, console: Console) -> None:
    if table["skipped_rows"]:
        console.print(f"  Rows not read as {what}:")
        skipped = _grid("why", "rows", "row numbers")
        for entry in table["skipped_rows"]:
            skipped.add_row(entry["reason"], str(entry["count"]), entry["rows"])
        console.print(_indented(skipped))


def _render_head(table: dict[str, Any], console: Console, kind: str, read_as: str = "") -> None:
    """The heading, the rows read (`kind`: "procedure" or "component") and the columns."""
    console.print()
    console.print(Text(f"  {_heading(table, read_as)}", style="bold"))
    rows = table[f"{kind}_rows"]
    span = f" (rows {rows})" if rows else ""
    console.print(f"  {_plural(table[f'{kind}s'], f'{kind} row')} read{span}")
    _render_columns(table, console)


def _render_components(table: dict[str, Any], console: Console) -> None:
    _render_head(table, console, "component", "read as dossier components, ")
    _render_skipped_rows(table, "components", console)
    _render_restored(table["codes_restored"], console)


def _render_table(table: dict[str, Any], console: Console) -> None:
    _render_head(table, console, "procedure")

    sections = table["sections"]
    if sections:
        console.print(f"  {_plural(len(sections), 'section heading')}, not read as procedures:")
        shown = _grid("row", "heading", "level", "field", "status")
        for section in sections[:SHOWN_SECTIONS]:
            shown.add_row(str(section["row"]), section["text"],
                          *(section[key] or "" for key in ("level", "field", "status")))
        console.print(_indented(shown))
        if len(sections) > SHOWN_SECTIONS:
            console.print(f"    … and {len(sections) - SHOWN_SECTIONS} more "
                          "(--format json lists them all)")
    for column, count in table["inherited"].items():
        console.print(f"  {column}: {_plural(count, 'row')} took it from their section")

    _render_skipped_rows(table, "procedures", console)
    if table["decisions_split"]:
        console.print(f"  {_plural(table['decisions_split'], 'decision cell')} held a number "
                      "and a date and were split into decision_no and decision_date")
    _render_restored(table["codes_restored"], console)


def _render_restored(restored: int, console: Console) -> None:
    if restored:
        what = "1 code stored as a number got its" if restored == 1 else \
            f"{restored:,} codes stored as numbers got their"
        console.print(f"  {what} trailing zeros back (1.00123 read as 1.001230)")
