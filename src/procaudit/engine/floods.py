"""Never flood: a rule that fails on nearly every value of a column says so once.

A one-stop export whose code column holds local codes fails PA101 on all of its 1,037 rows;
a new-procedures annex leaves every code empty. A report that lists each row buries what
the official needs to hear, which is one thing about the column: "this column holds local
codes, not national codes", "is this the right column?". So when one rule fails, at one
severity, on at least `SHARE` of a table's non-empty values of a column (of its rows, for
findings on empty cells) and on at least `MIN_ROWS` rows, its row findings become one column
finding: how many rows, the first examples, and the likely cause (a flood whose cause is
numbers, codes kept as numbers or dates as day numbers, leaves the other values their row
findings: `engine.flood_shapes`). Likewise one value that
fails one rule, with one message, on at least `MIN_ROWS` rows becomes one finding for the value:
a list stacked per unit names "UBND Huyện Phù Ninh" on 93 rows, and the fix is one change to
the unit's block, not 93 (fewer rows of one value are collapsed last, over the whole file:
`engine.value_floods`). A flood names its rows: a block, each row where it has no more than
`LISTED_ROWS` rows scattered, else the first and the last. `check --every-row` keeps the row
findings.

The scorecard's counts are taken from every hit on a row, flooded or not, so they stay per
procedure; every report, the fix-list and the baseline see the column finding. An audit
finds the floods on each table's hits before they are findings (`engine.hit_floods`, the
same groups as `collapse_floods` here, counted with numpy): a million hits of PA406 never
become a million Findings. A flood's fingerprint holds no count or example, so a baseline
keeps matching it while the rows are being fixed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from itertools import islice
from typing import Any, Protocol

import pandas as pd

from procaudit.core.findings import Finding, Severity
from procaudit.core.i18n import number, t
from procaudit.core.text_safety import shown
from procaudit.engine.code_floods import code_column_cause, right_column
from procaudit.engine.flood_shapes import DAY_NUMBER, off_shape
from procaudit.io.grid import EXCEL_ERRORS
from procaudit.vn.legacy_fonts import detect_legacy

SHARE = 0.9
MIN_ROWS = 20
LISTED_ROWS = 10  # a flood's rows, if no more and not one block, are named one by one
EXAMPLES = 3

# A value quoted in a sentence shows its line breaks: they may be the defect (PA603's "'↵Sở Tư
# pháp' fails this check on 8 rows: a leading line break"), and a sentence has no lines. Its
# other unseen characters are written as escapes (`text_safety.shown`): a value with a
# non-breaking space would read the same as its fix.
LINE_BREAKS = re.compile(r"\r\n|\r|\n")
SHOWN_BREAK = "↵"

# (rule, column, severity, `cell_state`): the findings that collapse together.
_Key = tuple[str, str, str, int]
# A finding's `cell_state`: on a value, on an empty cell, on a cell showing an Excel error
# (read as empty, and counted so; `engine.unread_hits`).
VALUE, EMPTY, ERROR = 0, 1, 2


def collapse_floods(
    findings: list[Finding], frame: pd.DataFrame, headers: dict[str, str]
) -> list[Finding]:
    """The findings of one table, each flood of one rule over one column made one finding.

    `frame` is the table's canonical frame, `headers` its canonical column -> source header.
    """
    groups: dict[_Key, list[Finding]] = {}
    columns = set(frame.columns)
    for finding in findings:
        if finding.row is not None and finding.column in columns:
            key = (finding.rule, finding.column, finding.severity, cell_state(finding.value))
            groups.setdefault(key, []).append(finding)
    floods = {key: found for key, found in groups.items() if len(found) >= MIN_ROWS}
    if not floods:
        return _value_floods(findings)
    filled = {column: _filled(frame[column]) for column in {key[1] for key in floods}}
    floods = {
        key: found
        for key, found in floods.items()
        if len(found) >= SHARE * (len(frame) if key[3] else filled[key[1]])
    }
    if not floods:
        return _value_floods(findings)
    whole = {key: len(frame) if key[3] else filled[key[1]] for key in floods}
    floods = {key: _on_shape(key[0], found, whole[key]) for key, found in floods.items()}
    kept = _value_floods(not_flooded(findings, floods.values()))
    kept.extend(
        _column_finding(found, whole[key], headers.get(key[1], key[1]))
        for key, found in floods.items()
    )
    return kept


def _on_shape(rule: str, found: list[Finding], whole: int) -> list[Finding]:
    """A column flood's findings less those off the shape of its cause (`flood_shapes`)."""
    off = off_shape(rule, [finding.value for finding in found], max(SHARE * whole, MIN_ROWS))
    return found if off is None else [f for f, out in zip(found, off, strict=True) if not out]


def _value_floods(findings: list[Finding]) -> list[Finding]:
    """The findings with each value failing one rule the same way on `MIN_ROWS` rows or more
    made one finding."""
    groups: dict[tuple[str, str | None, str | None], list[Finding]] = {}
    for finding in findings:
        if finding.row is not None and finding.value:
            groups.setdefault((finding.rule, finding.column, finding.value), []).append(finding)
    # Only the few large groups are split by severity and message (hashing 85,000 messages
    # would cost more than the whole collapse).
    floods = [
        found
        for group in groups.values()
        if len(group) >= MIN_ROWS
        for found in _split(group)
        if len(found) >= MIN_ROWS and not _empty(found[0].value)
    ]
    if not floods:
        return findings
    kept = not_flooded(findings, floods)
    kept.extend(_value_finding(found) for found in floods)
    return kept


def not_flooded(findings: list[Finding], floods: Iterable[list[Finding]]) -> list[Finding]:
    """The findings in none of the groups `floods` (each about to be made one finding)."""
    flooded = {id(finding) for found in floods for finding in found}
    return [finding for finding in findings if id(finding) not in flooded]


def for_rows(
    first: Finding,
    message: str,
    fix: str,
    count: int,
    examples: tuple[str, ...],
    **changes: Any,
) -> Finding:
    """The one finding standing for `count` row findings of which `first` is the first: its
    rule, sheet, column and severity, no row, code or procedure of its own; `changes` (a
    `Finding` field each) say what else differs (no value: many values failed)."""
    fields = {"row": None, "code": None, "procedure": None, **changes}
    return first._replace(message=message, fix=fix, rows=count, examples=examples, **fields)


def every_row_hint() -> str:
    """What a flood's fix adds: how to see its rows one by one."""
    return t(
        "(procaudit check --every-row lists each row.)",
        "(procaudit check --every-row liệt kê từng dòng.)",
    )


def _split(group: list[Finding]) -> list[list[Finding]]:
    """A value's findings of one rule by severity and message."""
    parts: dict[tuple[str, str], list[Finding]] = {}
    for finding in group:
        parts.setdefault((finding.severity, finding.message), []).append(finding)
    return list(parts.values())


def _value_finding(found: list[Finding]) -> Finding:
    first = min(found, key=lambda finding: finding.row or 0)
    return value_finding(first, _rows_of(found))


class Said(Protocol):
    """The rows of a flood as its finding tells them: `FloodRows`, or a flood's rows over
    several sheets (`sheet_floods.SheetRows`)."""

    @property
    def count(self) -> int: ...

    def said(self, on_line: bool = False) -> str: ...


def value_finding(first: Finding, rows: Said) -> Finding:
    """The finding for one value failing one rule the same way on many rows: `first` is the
    row finding of its first row."""
    message = t(
        "'{value}' fails this check on {count} rows ({where}): {message}",
        "Giá trị '{value}' không đạt ở {count} dòng ({where}): {message}",
        value=shown(LINE_BREAKS.sub(SHOWN_BREAK, str(first.value))),
        count=number(rows.count),
        where=rows.said(first.sheet is None),
        message=first.message,
    )
    fix = f"{first.fix} {every_row_hint()}"
    return for_rows(first, message, fix, rows.count, (str(first.value),))


@dataclass(frozen=True)
class FloodRows:
    """The rows of a flood, as its finding tells them: how many, the first and the last, and
    each of them where they are few (`LISTED_ROWS`) and not one block."""

    count: int
    first: int
    last: int
    listed: tuple[int, ...] = ()

    @classmethod
    def of(cls, rows: Sequence[int]) -> FloodRows:
        """The rows of a flood from its findings' row numbers, in any order."""
        first, last = min(rows), max(rows)
        block = last - first + 1 == len(rows)
        distinct = sorted(set(rows))
        listed = () if block or len(rows) > LISTED_ROWS or len(distinct) < 2 else tuple(distinct)
        return cls(len(rows), first, last, listed)

    def said(self, on_line: bool = False) -> str:
        """ "rows 2-95" for a block of rows, "rows 4, 9 and 31" for a few rows with others
        among them, "rows between 2 and 1038" for many; "lines" `on_line`, a CSV file's. (One
        row, as a sheet's share of a flood over sheets may be: "row 18".)"""
        if self.count == 1:
            where = ("line {first}", "row {first}")[not on_line]
            return t(where, "dòng {first}", first=self.first)
        if self.last - self.first + 1 == self.count:
            where = ("lines {first}-{last}", "rows {first}-{last}")[not on_line]
            return t(where, "các dòng {first}-{last}", first=self.first, last=self.last)
        if self.listed:
            *before, last = (str(row) for row in self.listed)
            where = ("lines {before} and {last}", "rows {before} and {last}")[not on_line]
            return t(where, "các dòng {before} và {last}", before=", ".join(before), last=last)
        where = ("lines between {first} and {last}", "rows between {first} and {last}")[not on_line]
        return t(where, "các dòng từ {first} đến {last}", first=self.first, last=self.last)


def _rows_of(found: list[Finding]) -> FloodRows:
    return FloodRows.of([finding.row for finding in found if finding.row is not None])


def _empty(value: str | None) -> bool:
    return value is None or not value.strip()


def cell_state(value: str | None) -> int:
    """Whether a finding is on a value (`VALUE`), an empty cell (`EMPTY`) or a cell showing
    an Excel error (`ERROR`): a column fails everywhere on its values or on its rows."""
    if _empty(value):
        return EMPTY
    return ERROR if value in EXCEL_ERRORS else VALUE


def _filled(column: pd.Series) -> int:
    """How many cells of the column are filled: the reader reads a blank cell as missing, so
    this is a count of values, not a pass over a million strings. (A frame made otherwise,
    with cells of spaces, only counts them as filled, which makes a flood rarer.)"""
    return int(column.count())


def _column_finding(found: list[Finding], whole: int, header: str) -> Finding:
    first = min(found, key=lambda finding: finding.row or 0)
    return column_finding(first, _rows_of(found), whole, header, flood_examples(found))


def flood_examples(found: list[Finding]) -> tuple[str, ...]:
    """The first `EXAMPLES` distinct values of a flood's findings, stripped."""
    values = (f.value.strip() for f in found if f.value and f.value.strip())
    return tuple(islice(dict.fromkeys(values), EXAMPLES))


def column_finding(
    first: Finding,
    rows: Said,
    whole: int,
    header: str,
    examples: tuple[str, ...],
    first_said: str | None = None,
    cells: bool = False,
) -> Finding:
    """The finding for one rule failing on nearly every value of a column: `first` is the
    row finding of its first row (`first_said` names it, "Row 2" by default), `whole` the
    column's values (its rows, for empty cells), `examples` the first distinct values,
    stripped. `cells`: the column has cells merged down over rows, counted as cells."""
    if cells:
        counted = t(
            "{count} of {whole} cells",
            "{count} trên {whole} ô",
            count=number(rows.count),
            whole=number(whole),
        )
    else:
        counted = t(
            "{count} of {whole} rows",
            "{count} trên {whole} dòng",
            count=number(rows.count),
            whole=number(whole),
        )
    on_line = first.sheet is None  # a CSV file's rows are its lines
    if rows.count >= whole:
        said = t(
            "Every value of column '{header}' fails this check",
            "Mọi giá trị của cột '{header}' đều không đạt",
            header=header,
        )
    else:
        said = t(
            "Nearly every value of column '{header}' fails this check",
            "Gần như mọi giá trị của cột '{header}' đều không đạt",
            header=header,
        )
    message = t(
        "{said}: {counted} ({where}). {first}: {message}",
        "{said}: {counted} ({where}). {first}: {message}",
        said=said,
        counted=counted,
        where=rows.said(on_line),
        first=first_said
        or t(("Line {row}", "Row {row}")[not on_line], "Dòng {row}", row=first.row),
        message=first.message,
    )
    fix = f"{column_cause(first, examples, header)} {every_row_hint()}"
    return for_rows(first, message, fix, rows.count, examples, value=None)


def column_cause(first: Finding, examples: tuple[str, ...], header: str) -> str:
    """The likely cause of a rule failing on nearly every value of a column, and its fix:
    the wrong column chosen, local codes, an empty column, cells showing Excel errors, or
    one repair on every row."""
    if cell_state(first.value) == ERROR:
        return _excel_errors(first, examples, header)
    return _CAUSES.get(first.rule, _same_repair)(first, examples, header)


def _excel_errors(first: Finding, examples: tuple[str, ...], header: str) -> str:
    """Any rule failing on a column whose cells show Excel errors: their formulas failed
    (a look-up that found nothing), which no repair of a value mends."""
    return t(
        "Column '{header}' shows Excel errors ({errors}): correct its formulas, or type "
        "the values in place of the errors.",
        "Cột '{header}' hiển thị lỗi Excel ({errors}): hãy sửa công thức của cột, hoặc nhập "
        "giá trị thay cho lỗi.",
        header=header,
        errors=", ".join(examples or (str(first.value),)),
    )


def _same_repair(first: Finding, examples: tuple[str, ...], header: str) -> str:
    """A rule about what a value says (a district office, a merged ministry): the column is
    right, and every row needs the same repair."""
    return t(
        "Every row needs the same repair: {fix}", "Mọi dòng cần sửa như nhau: {fix}", fix=first.fix
    )


def _decision_numbers(first: Finding, examples: tuple[str, ...], header: str) -> str:
    """PA402 on a whole column: its errors may say it is the wrong column; its warnings say
    the column holds decision numbers, all written the same irregular way (a look-alike
    letter Ð for Đ, "QD" for "QĐ"), each to be repaired the same way."""
    if first.severity is not Severity.WARNING:
        return right_column(first, examples, header)
    return t(
        "The column holds decision numbers, all written the same way; repair each one as "
        "row {row}: {fix}",
        "Cột này chứa số quyết định, đều được ghi theo cùng một cách; sửa từng số như ở dòng "
        "{row}: {fix}",
        row=first.row,
        fix=first.fix,
    )


def _decision_dates(first: Finding, examples: tuple[str, ...], header: str) -> str:
    """PA403 on a whole column: its warnings are good dates behind the apostrophe Excel
    hides, each to be written bare; errors that are all Excel's day numbers say the column
    lost its date format, one repair for all; other errors may say it is the wrong column."""
    if first.severity is not Severity.WARNING:
        if examples and all(DAY_NUMBER.fullmatch(value.strip()) for value in examples):
            return t(
                "Column '{header}' holds its dates as Excel's day numbers (45884 for "
                "15/08/2025): its cells lost their date format. Format the column as a date "
                "(dd/mm/yyyy).",
                "Cột '{header}' chứa ngày tháng dưới dạng số thứ tự ngày của Excel (45884 là "
                "ngày 15/08/2025): các ô đã mất định dạng ngày tháng. Hãy định dạng cột theo "
                "kiểu ngày tháng (dd/mm/yyyy).",
                header=header,
            )
        return right_column(first, examples, header)
    return t(
        "Column '{header}' holds dates with an apostrophe stored before each ('15/08/2025), "
        "the mark Excel hides to keep a value as text and an export writes out: delete the "
        "apostrophe from every date and format the column as dates.",
        "Cột '{header}' chứa ngày có dấu nháy đơn được lưu trước mỗi ngày ('15/08/2025), dấu mà "
        "Excel ẩn đi để giữ giá trị ở dạng văn bản và phần mềm xuất dữ liệu ghi ra: hãy xóa dấu "
        "nháy đơn ở mọi ngày và định dạng cột theo kiểu ngày tháng.",
        header=header,
    )


def _empty_column(first: Finding, examples: tuple[str, ...], header: str) -> str:
    """A column with nothing in it, or only words saying there is nothing yet ("Đang cập
    nhật", "Chưa có mã", the examples): filled in, or the wrong column."""
    if examples:
        return t(
            "Column '{header}' holds no {column} yet, only words saying so ({examples}): fill "
            "it in, or, if another column holds the {column}, choose it with --map "
            '"HEADER={column}".',
            "Cột '{header}' chưa có {column}, chỉ có chữ ghi như vậy ({examples}): hãy điền "
            "vào, hoặc nếu cột khác chứa {column}, hãy chọn cột đó bằng --map "
            '"TÊN_CỘT={column}".',
            header=header,
            column=first.column,
            examples=", ".join(f"'{example}'" for example in examples),
        )
    return t(
        "Column '{header}' is empty: fill it in, or, if another column holds the {column}, "
        'choose it with --map "HEADER={column}".',
        "Cột '{header}' để trống: hãy điền vào, hoặc nếu cột khác chứa {column}, hãy chọn cột "
        'đó bằng --map "TÊN_CỘT={column}".',
        header=header,
        column=first.column,
    )


def _listed_again(first: Finding, examples: tuple[str, ...], header: str) -> str:
    """PA201 on a whole column: the list is there twice, or it stacks units' lists whose
    units the file does not name."""
    return t(
        "Nearly every procedure is listed more than once. If the file stacks several units' "
        "lists one after another, name each row's unit in an agency column (or head each "
        "unit's block with its name) and procaudit compares procedures within a unit; "
        "otherwise keep one row of each procedure and delete the others.",
        "Gần như mọi thủ tục đều được liệt kê nhiều lần. Nếu tệp ghép danh mục của nhiều đơn "
        "vị nối tiếp nhau, hãy ghi đơn vị của từng dòng vào cột cơ quan thực hiện (hoặc đặt "
        "tên đơn vị làm tiêu đề cho khối dòng của đơn vị đó) để procaudit so sánh các thủ tục "
        "trong cùng một đơn vị; nếu không, chỉ giữ một dòng cho mỗi thủ tục và xóa các dòng "
        "còn lại.",
    )


def _old_scale(first: Finding, examples: tuple[str, ...], header: str) -> str:
    """PA503 on a whole column: the list is written on the old scale, whose levels each need
    their own new value (the first row's fix names one of them only)."""
    return t(
        "Column '{header}' is written on the old scale: write 'Toàn trình' where it says "
        "Mức độ 4 and 'Một phần' where Mức độ 3, after checking that each service still works "
        "that way; Mức độ 1 and 2 were no online services: write 'Một phần' where part of the "
        "procedure is done online, or leave the procedure out of the online services.",
        "Cột '{header}' ghi theo thang cũ: ghi 'Toàn trình' cho Mức độ 4 và 'Một phần' cho "
        "Mức độ 3, sau khi kiểm tra dịch vụ vẫn được cung cấp như vậy; Mức độ 1 và 2 không phải "
        "là dịch vụ công trực tuyến: ghi 'Một phần' nếu một phần thủ tục được thực hiện trực "
        "tuyến, hoặc không đưa thủ tục vào danh sách dịch vụ công trực tuyến.",
        header=header,
    )


def _legacy_font(first: Finding, examples: tuple[str, ...], header: str) -> str:
    """PA601 on a whole column: the column was typed in a legacy font, and one conversion
    of the column (or of the file) mends every cell."""
    font = detect_legacy(str(first.value)) or "TCVN3"
    return t(
        "Column '{header}' is typed in the legacy {font} font, not in Unicode: convert the "
        "whole column (procaudit fix does it, as does Unikey's converter), then set a Unicode "
        "font such as Times New Roman.",
        "Cột '{header}' được gõ bằng bảng mã cũ {font}, không phải Unicode: hãy chuyển mã cả "
        "cột (procaudit fix làm được, công cụ chuyển mã của Unikey cũng vậy), rồi đặt phông "
        "chữ Unicode như Times New Roman.",
        header=header,
        font=font,
    )


def _stray_whitespace(first: Finding, examples: tuple[str, ...], header: str) -> str:
    """PA603 on a whole column: each cell's own text is cleaned the same way (the first
    row's repair names its text only), and `procaudit fix` does it."""
    return t(
        "Remove the stray whitespace from every cell of column '{header}', keeping each "
        "cell's text: procaudit fix does it.",
        "Xóa khoảng trắng thừa ở mọi ô của cột '{header}', giữ nguyên nội dung của từng ô: "
        "procaudit fix làm được việc này.",
        header=header,
    )


_CAUSES: dict[str, Callable[[Finding, tuple[str, ...], str], str]] = {
    "PA101": code_column_cause,
    "PA201": _listed_again,
    "PA102": _empty_column,
    "PA103": _empty_column,
    "PA301": _empty_column,
    "PA401": _empty_column,
    "PA402": _decision_numbers,
    "PA403": _decision_dates,
    "PA406": right_column,
    "PA503": _old_scale,
    "PA601": _legacy_font,
    "PA603": _stray_whitespace,
}
