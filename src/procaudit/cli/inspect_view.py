"""Render `procaudit inspect` for the terminal: how each file was read, in plain words."""

from __future__ import annotations

from typing import Any

from rich.console import Console, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from procaudit.core.i18n import number, t
from procaudit.core.text_safety import visible_data
from procaudit.io.layout import (
    BLANK,
    CARRIED_OVER,
    COLUMN_NUMBERS,
    CONTENT,
    CONTINUATION,
    FOOTER,
    NO_DATA,
    OTHER_TABLE,
    PAGE_NUMBER,
    REPEATED,
    REPEATED_HEADER,
    TITLE,
    TOTAL,
)
from procaudit.io.wider import WIDER

_FORMATS = {
    "csv": "CSV text",
    "xlsx": "Excel workbook (.xlsx)",
    "xlsm": "Excel macro-enabled workbook (.xlsm; macros are never run)",
    "xls": "Excel 97-2003 workbook (.xls)",
    "xlsb": "Excel binary workbook (.xlsb)",
    "ods": "OpenDocument spreadsheet (.ods)",
    "html": "web page's tables (HTML, as web systems export to Excel)",
    "xml": "Excel 2003 XML spreadsheet (SpreadsheetML)",
}
_FORMATS_VI = {
    "csv": "văn bản CSV",
    "xlsx": "sổ tính Excel (.xlsx)",
    "xlsm": "sổ tính Excel có macro (.xlsm; macro không bao giờ được chạy)",
    "xls": "sổ tính Excel 97-2003 (.xls)",
    "xlsb": "sổ tính Excel nhị phân (.xlsb)",
    "ods": "bảng tính OpenDocument (.ods)",
    "html": "bảng của trang web (HTML, như các hệ thống web xuất ra Excel)",
    "xml": "bảng tính Excel 2003 XML (SpreadsheetML)",
}
# The words `inspect --format json` keeps in English (delimiters, why rows were skipped),
# as the terminal says them in Vietnamese.
_VIETNAMESE = {
    "comma": "dấu phẩy",
    "semicolon": "dấu chấm phẩy",
    "tab": "ký tự tab",
    "pipe": "dấu gạch đứng",
    "row number (STT)": "số thứ tự (STT)",
    TITLE: "phần tiêu đề văn bản phía trên dòng tiêu đề bảng",
    BLANK: "dòng trống",
    COLUMN_NUMBERS: "dòng đánh số cột dưới dòng tiêu đề",
    TOTAL: "dòng tổng cộng",
    FOOTER: "ghi chú và chữ ký sau bảng",
    CONTENT: "nội dung cụ thể của các thủ tục sau danh mục (Phần II)",
    NO_DATA: "không có giá trị ở các cột procaudit đọc",
    REPEATED_HEADER: "dòng tiêu đề lặp lại ở đầu phần khác của bảng",
    CONTINUATION: "phần tiếp theo của thủ tục ở dòng trên",
    CARRIED_OVER: "phần tiếp theo của một thủ tục ở trang trước",
    REPEATED: "lặp lại thủ tục ở dòng trên",
    PAGE_NUMBER: "số trang giữa các trang",
    OTHER_TABLE: "bảng khác sau danh mục (tổng hợp, phí, nội dung sửa đổi)",
    WIDER: "nhiều trường hơn dòng tiêu đề (dấu phân cách trong giá trị không đặt trong ngoặc kép?)",
}
SHOWN_SECTIONS = 25  # the JSON output lists them all


def _said(word: str) -> str:
    """A word of the JSON inspection in the language procaudit speaks."""
    return t(word, _VIETNAMESE.get(word, word))


def _indented(table: Table) -> RenderableType:
    return Padding(table, (0, 0, 0, 4), expand=False)


def _grid(*titles: str) -> Table:
    table = Table(box=None, pad_edge=False, padding=(0, 2, 0, 0), show_edge=False)
    for title in titles:
        table.add_column(title, header_style="bold")
    return table


def _plural(count: int, word: str, vietnamese: str) -> str:
    return t(f"{count:,} {word}{'' if count == 1 else 's'}", f"{number(count)} {vietnamese}")


def render_inspection(inspection: dict[str, Any], console: Console) -> None:
    inspection = visible_data(inspection)  # a cell's escape sequences shown, never run
    fmt = inspection["format"]
    kind = t(_FORMATS.get(fmt, fmt), _FORMATS_VI.get(fmt, fmt))
    if inspection["encoding"]:
        kind += t(
            ", {encoding}, {delimiter}-separated",
            ", {encoding}, phân cách bằng {delimiter}",
            encoding=inspection["encoding"],
            delimiter=_said(inspection["delimiter"]),
        )
    console.print(Text(inspection["path"], style="bold"))
    console.print(f"  {kind}")
    procedures = inspection["procedures"]
    console.print(
        t(
            "  {procedures} read in all",
            "  Tổng cộng đọc được {procedures}",
            procedures=_plural(procedures, "procedure", "thủ tục"),
        )
    )
    for table in inspection["tables"]:
        _render_table(table, console)
    for components in inspection["components"]:
        _render_components(components, console)
    for skipped in inspection["skipped_sheets"]:
        console.print(
            Text(
                t(
                    "  Sheet '{sheet}' skipped: {reason}",
                    "  Bỏ qua trang tính '{sheet}': {reason}",
                    sheet=skipped["sheet"],
                    reason=skipped["reason"],
                ),
                style="yellow",
            )
        )
    console.print()


def _heading(table: dict[str, Any], what: str = "") -> str:
    if table["sheet"] is not None:
        where = t("Sheet '{sheet}'", "Trang tính '{sheet}'", sheet=table["sheet"])
    else:
        where = t("Table", "Bảng")
    rows = table["header_rows"]
    header = f"{rows[0]}-{rows[-1]}"
    if rows == [0]:  # no row of the sheet: a list going on from the sheet before it
        return t(
            "{where}: {what}no header of its own, read under the header of the sheet before it",
            "{where}: {what}không có dòng tiêu đề riêng, đọc theo dòng tiêu đề của trang tính "
            "trước đó",
            where=where,
            what=what,
        )
    if len(rows) == 1:
        return t(
            "{where}: {what}header on row {header}",
            "{where}: {what}tiêu đề ở dòng {header}",
            where=where,
            what=what,
            header=rows[0],
        )
    if len(rows) == 2:
        return t(
            "{where}: {what}header on rows {header} (two rows, read as one)",
            "{where}: {what}tiêu đề ở các dòng {header} (hai dòng, đọc gộp làm một)",
            where=where,
            what=what,
            header=header,
        )
    return t(
        "{where}: {what}header on rows {header} (three rows, read as one)",
        "{where}: {what}tiêu đề ở các dòng {header} (ba dòng, đọc gộp làm một)",
        where=where,
        what=what,
        header=header,
    )


def _render_columns(table: dict[str, Any], console: Console) -> None:
    columns = _grid(
        t("column", "cột"), t("header in the file", "tiêu đề trong tệp"), t("read as", "đọc thành")
    )
    for column in table["columns"]:
        maps_to = column["maps_to"]
        read_as = (
            Text(_said(maps_to)) if maps_to else Text(t("not used", "không sử dụng"), style="dim")
        )
        if "note" in column:
            read_as.append(f" ({column['note']})", style="dim")
        columns.add_row(column["column"], " ".join(column["header"].split()), read_as)
    console.print(_indented(columns))


def _render_skipped_rows(table: dict[str, Any], what: str, console: Console) -> None:
    if table["skipped_rows"]:
        console.print(
            t("  Rows not read as {what}:", "  Các dòng không được đọc là {what}:", what=what)
        )
        skipped = _grid(t("why", "lý do"), t("rows", "số dòng"), t("row numbers", "các dòng"))
        for entry in table["skipped_rows"]:
            skipped.add_row(_said(entry["reason"]), str(entry["count"]), entry["rows"])
        console.print(_indented(skipped))


def _render_head(table: dict[str, Any], console: Console, kind: str, read_as: str = "") -> None:
    """The heading, the rows read (`kind`: "procedure" or "component") and the columns."""
    console.print()
    console.print(Text(f"  {_heading(table, read_as)}", style="bold"))
    rows = table[f"{kind}_rows"]
    # A CSV's numbers are its lines, as its findings name them: a cell with line breaks
    # makes "2,642 procedure rows read (lines 2-6087)", not "(rows 2-6087)".
    rows_word = t(" (rows {rows})", " (các dòng {rows})")
    if table["sheet"] is None:
        rows_word = t(" (lines {rows})", " (các dòng {rows})")
    span = rows_word.format(rows=rows) if rows else ""
    count = table[f"{kind}s"]
    vietnamese = "dòng thủ tục" if kind == "procedure" else "dòng thành phần hồ sơ"
    console.print(
        t(
            "  {rows} read{span}",
            "  Đọc được {rows}{span}",
            rows=_plural(count, f"{kind} row", vietnamese),
            span=span,
        )
    )
    _render_columns(table, console)


def _render_components(table: dict[str, Any], console: Console) -> None:
    _render_head(
        table, console, "component", t("read as dossier components, ", "đọc là thành phần hồ sơ, ")
    )
    _render_skipped_rows(table, t("components", "thành phần hồ sơ"), console)
    _render_restored(table["codes_restored"], console)


def _render_table(table: dict[str, Any], console: Console) -> None:
    _render_head(table, console, "procedure")

    sections = table["sections"]
    if sections:
        console.print(
            t(
                "  {count}, not read as procedures:",
                "  {count}, không đọc là thủ tục:",
                count=_plural(len(sections), "section heading", "dòng tiêu đề mục"),
            )
        )
        # A unit's column only for a list whose units head their blocks, an online level's
        # for a list of online services whose levels head its parts.
        keys = ["level", "field", "status"] + [
            key for key in ("unit", "online_level") if any(section.get(key) for section in sections)
        ]
        titles = {
            "level": t("level", "cấp thực hiện"),
            "field": t("field", "lĩnh vực"),
            "status": t("status", "tình trạng"),
            "unit": t("unit", "đơn vị"),
            "online_level": t("online level", "mức độ DVC"),
        }
        shown = _grid(t("row", "dòng"), t("heading", "tiêu đề mục"), *(titles[key] for key in keys))
        for section in sections[:SHOWN_SECTIONS]:
            shown.add_row(
                str(section["row"]),
                section["text"],
                *(section[key] or "" for key in keys),
            )
        console.print(_indented(shown))
        if len(sections) > SHOWN_SECTIONS:
            console.print(
                t(
                    "    … and {count} more (--format json lists them all)",
                    "    … và {count} mục khác (--format json liệt kê đầy đủ)",
                    count=len(sections) - SHOWN_SECTIONS,
                )
            )
    if table["header_status"]:
        console.print(
            t(
                "  status: '{status}' where a row gives none, as the name's header says",
                "  status: '{status}' cho các dòng không ghi trạng thái, theo tiêu đề cột tên",
                status=table["header_status"],
            )
        )
    if table.get("abolished_by"):
        console.print(
            t(
                "  status: 'Bãi bỏ' on the rows that fill '{header}', where a row gives none",
                "  status: 'Bãi bỏ' cho các dòng có ghi cột '{header}' mà không ghi trạng thái",
                header=table["abolished_by"],
            )
        )
    given = (
        (
            "level",
            table["title_level"],
            t("the title or the sheet's name", "tiêu đề bảng hoặc tên trang tính"),
        ),
        (
            "status",
            table["title_status"],
            t("the title or the sheet's name", "tiêu đề bảng hoặc tên trang tính"),
        ),
        (
            "online_level",
            table.get("title_online_level"),
            t("the title or the sheet's name", "tiêu đề bảng hoặc tên trang tính"),
        ),
        ("unit", table["sheet_unit"], t("the sheet's name", "tên trang tính")),
        (
            "decision_no",
            table.get("title_decision"),
            _decision_source(table.get("title_decision_sheet")),
        ),
    )
    for column, value, source in given:
        if value:
            console.print(
                t(
                    "  {column}: '{value}' where a row gives none, as {source} says",
                    "  {column}: '{value}' cho các dòng không có giá trị, theo {source}",
                    column=column,
                    value=value,
                    source=source,
                )
            )
    if carried := table.get("carried_sections"):
        console.print(
            t(
                "  rows before its own first heading stand under the headings the sheet before it "
                "ends with: {headings}",
                "  các dòng trước tiêu đề mục đầu tiên của trang này thuộc các mục cuối của trang "
                "trước: {headings}",
                headings=", ".join(f"'{text}'" for text in carried),
            )
        )
    took = (
        (table["inherited"], t("their section", "mục chứa dòng đó")),
        (table["from_merged"], t("a cell merged down over them", "ô được gộp xuống các dòng đó")),
        (
            {"code": table["codes_from_names"]} if table["codes_from_names"] else {},
            t("their name's cell", "ô tên thủ tục của dòng đó"),
        ),
    )
    for counts, source in took:
        for column, count in counts.items():
            console.print(
                t(
                    "  {column}: {rows} took it from {source}",
                    "  {column}: {rows} lấy giá trị từ {source}",
                    column=column,
                    rows=_plural(count, "row", "dòng"),
                    source=source,
                )
            )

    _render_skipped_rows(table, t("procedures", "thủ tục"), console)
    if table["decisions_split"]:
        console.print(
            t(
                "  {cells} held a number and a date and were split into decision_no "
                "and decision_date",
                "  {cells} có cả số và ngày, đã được tách thành decision_no và decision_date",
                cells=_plural(table["decisions_split"], "decision cell", "ô quyết định"),
            )
        )
    _render_restored(table["codes_restored"], console)


def _render_restored(restored: int, console: Console) -> None:
    if restored:
        what = (
            "1 code stored as a number got its"
            if restored == 1
            else f"{restored:,} codes stored as numbers got their"
        )
        console.print(
            t(
                f"  {what} trailing zeros back (1.00123 read as 1.001230)",
                f"  {number(restored)} mã được lưu dạng số đã được khôi phục chữ số 0 "
                "ở cuối (1.00123 đọc thành 1.001230)",
            )
        )


def _decision_source(sheet: str | None) -> str:
    """Whose title quotes a table's decision: its own, or that of the sheet the list it goes
    on with begins on (a page of a PDF-made list)."""
    if sheet is None:
        return t("the title's 'kèm theo Quyết định'", "dòng 'kèm theo Quyết định' của tiêu đề")
    return t(
        "the title of sheet '{sheet}' (where the list begins)",
        "tiêu đề của trang tính '{sheet}' (trang đầu của danh mục)",
        sheet=sheet,
    )
