"""Text cells: legacy-font text, text not in Unicode NFC, stray whitespace, in every column.

The three rules read every canonical text column, one finding per cell. Catalogues reach a
million rows, so each column is surveyed once for all three rules (`SurveyedColumn`), by pyarrow's
regex kernels over its distinct values; Python looks only at the few values they flag. The
survey is public (`surveyed_columns`, `survey_hits`) for the other rules on text cells
(PA604, `html_entities`; PA605, `html_markup`; PA606), whose patterns are in the one scan
(`catalogue.cell_patterns`).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from functools import cached_property

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from procaudit.catalogue.cell_patterns import (
    BREAK,
    CELL_SUSPECT,
    MAY_NOT_BE_NFC,
    NO_UNICODE_LETTER,
    STRAY,
)
from procaudit.catalogue.columns import CANONICAL
from procaudit.catalogue.name_tags import narrowed
from procaudit.catalogue.text_columns import (
    SMALL_COLUMN,
    arrow_chunks,
    holding,
    matches,
    repetitive,
)
from procaudit.core.findings import Severity
from procaudit.core.i18n import t
from procaudit.io.name_keys_ahead import claimed_scan
from procaudit.rules.context import RuleContext
from procaudit.rules.hits import hits, no_hits
from procaudit.rules.nfc_text import not_nfc_said
from procaudit.rules.registry import DescribeText, frame_rule
from procaudit.rules.whitespace import (
    ONE_LINE,
    PROSE_COLUMNS,
    stray_said,
    strays_said,
)
from procaudit.vn.legacy_fonts import TCVN3, VNI, convert, detect_legacy

# The ASCII characters without one of which ASCII text holds no match of `CELL_SUSPECT`: the
# whitespace of `STRAY`, HTML's "&" and "<" (the other patterns need a character beyond
# ASCII).
_ASCII_SUSPECT = " \n\r\t\x0b\x0c&<"

# --- The survey of a column ---------------------------------------------------------------------
_LEGACY_NAMES = {
    TCVN3: "TCVN3 (ABC) encoding of fonts such as .VnTime",
    VNI: "VNI encoding of fonts such as VNI-Times",
}


class SurveyedColumn:
    """One column's values, numbered, and what each survey found in them (by value number)."""

    def __init__(self, column: pa.Array | pa.ChunkedArray, scan: np.ndarray | None = None) -> None:
        self._column = column
        # The distinct values where they repeat; else the cells themselves (one number each).
        self._distinct = repetitive(self._column)
        self._values = pc.unique(self._column) if self._distinct else self._column
        # The names' cells `name_scan` flagged (its union holds `CELL_SUSPECT`), if made.
        self._scan = None if self._distinct else scan

    @property
    def size(self) -> int:
        return len(self._values)

    def value(self, number: int) -> str:
        text: str = self._values[number].as_py()
        return text

    def values(self, numbers: list[int]) -> pa.Array:
        """The values `numbers` (increasing), in one array: filtered, not taken (`take`
        joins the reader's blocks of a million names first)."""
        kept = np.zeros(len(self._values), dtype=bool)
        kept[numbers] = True
        found = self._values.filter(pa.array(kept))
        return found.combine_chunks() if isinstance(found, pa.ChunkedArray) else found

    def rows(self, numbers: list[int]) -> np.ndarray:
        """For each row, the position in `numbers` of its value's number; -1 for the others."""
        if self._distinct:
            found = pc.index_in(self._column, value_set=self._values.take(numbers))
            numbered: np.ndarray = pc.fill_null(found, -1).to_numpy()
            return numbered
        positions = np.full(len(self._column), -1)
        positions[numbers] = np.arange(len(numbers))
        return positions

    @cached_property
    def legacy(self) -> dict[int, str]:
        """Values typed in a legacy font, and the font's encoding."""
        # Legacy text is not ASCII and has no letter that only Unicode has; a kernel finds
        # those few values (in Unicode Vietnamese a letter such as "ư" is nearly everywhere),
        # and only they go through `detect_legacy`.
        found = {}
        for number in self._beyond_ascii(NO_UNICODE_LETTER):
            encoding = detect_legacy(self.value(number))
            if encoding is not None:
                found[number] = encoding
        return found

    @cached_property
    def not_nfc(self) -> list[int]:
        return [
            n
            for n in self._beyond_ascii(MAY_NOT_BE_NFC)
            if not unicodedata.is_normalized("NFC", self.value(n))
        ]

    @cached_property
    def stray(self) -> list[int]:
        return self.where(STRAY)

    @cached_property
    def broken(self) -> list[int]:
        """Values holding a line break, the stray ones among them."""
        return self.where(BREAK)

    @cached_property
    def _suspect(self) -> pa.Array | pa.ChunkedArray:
        """Which values `CELL_SUSPECT` occurs in."""
        if self._scan is not None:  # looked for in the few cells the names' scan flagged
            return pa.array(narrowed(self._values, self._scan.copy(), CELL_SUSPECT))
        if not self._ascii or len(self._values) <= SMALL_COLUMN:
            return matches(self._values, CELL_SUSPECT)
        # In ASCII text (a million codes) only a value holding one of `_ASCII_SUSPECT` can
        # match: the regex runs on those few.
        may = holding(self._values, _ASCII_SUSPECT)
        return pa.array(narrowed(self._values, may, CELL_SUSPECT))

    @cached_property
    def _suspects(self) -> np.ndarray:
        return np.flatnonzero(self._suspect.to_numpy(zero_copy_only=False))

    @cached_property
    def _suspect_values(self) -> pa.Array | pa.ChunkedArray:
        # Kept once: every pattern of the three rules (and PA604's) scans these same values.
        # Filtered, not taken: `take` joins a column's chunks first (0.1 s for a million
        # names read in 178 pieces), `filter` copies only what it keeps; then joined, as
        # the kernels compile their regex once a block (0.3 ms for some of the patterns).
        found = self._values.filter(self._suspect)
        return found.combine_chunks() if isinstance(found, pa.ChunkedArray) else found

    @cached_property
    def _ascii(self) -> bool:
        return bool(pc.all(pc.string_is_ascii(self._values)).as_py())

    def _beyond_ascii(self, pattern: str) -> list[int]:
        """`where(pattern)` for a pattern that needs a character beyond ASCII: a column of
        ASCII codes (a million of them) is not scanned for it."""
        return [] if self._ascii else self.where(pattern)

    def where(self, pattern: str) -> list[int]:
        """The numbers of the values where `pattern` (RE2, one of `CELL_SUSPECT`'s) occurs."""
        suspects = self._suspects
        found = matches(self._suspect_values, pattern).to_numpy(zero_copy_only=False)
        numbers: list[int] = suspects[found].tolist()
        return numbers


Explain = Callable[[SurveyedColumn, int], tuple[str, str]]  # a value's message and fix


def surveyed_columns(ctx: RuleContext) -> dict[str, SurveyedColumn]:
    """The survey of every canonical text column of the table, made once per table however
    many of the three rules run (never the provenance columns, which start with "_")."""
    return ctx.shared("text_cells", lambda: _survey(ctx))


def _survey(ctx: RuleContext) -> dict[str, SurveyedColumn]:
    frame = ctx.frame
    scan = claimed_scan(frame["name"]) if "name" in frame else None
    return {
        column: SurveyedColumn(arrow_chunks(frame[column]), scan if column == "name" else None)
        for column in CANONICAL
        if column in frame and pd.api.types.is_string_dtype(frame[column])
    }


def prefetch_survey(ctx: RuleContext) -> None:
    """The survey, with what each of the three rules looks for found already."""

    def surveyed() -> dict[str, SurveyedColumn]:
        columns = _survey(ctx)
        for survey in columns.values():
            survey.legacy, survey.not_nfc, survey.stray  # noqa: B018  (cached properties)
        return columns

    ctx.prefetch("text_cells", surveyed)


def _column_hits(
    frame: pd.DataFrame,
    column: str,
    survey: SurveyedColumn,
    numbers: list[int],
    explain: Explain,
) -> pd.DataFrame:
    """Hits for the cells holding the values `numbers`; `explain` gives a value's message and
    fix, once per value, spread to the rows that hold it."""
    explained = [explain(survey, number) for number in numbers]
    messages = np.array([message for message, _ in explained], dtype=object)
    fixes = np.array([fix for _, fix in explained], dtype=object)
    return _explained_hits(frame, column, survey, numbers, messages, fixes)


def _explained_hits(
    frame: pd.DataFrame,
    column: str,
    survey: SurveyedColumn,
    numbers: list[int],
    messages: np.ndarray,
    fixes: np.ndarray,
) -> pd.DataFrame:
    """Hits for the cells holding the values `numbers`, each value's message and fix spread
    to the rows that hold it."""
    which = survey.rows(numbers)
    rows = which >= 0
    index = frame.index[rows]
    return hits(
        frame,
        pd.Series(rows, index=frame.index),
        column,
        pd.Series(messages[which[rows]], index=index, dtype="object"),
        pd.Series(fixes[which[rows]], index=index, dtype="object"),
    )


def survey_hits(
    ctx: RuleContext,
    select: Callable[[SurveyedColumn], list[int]],
    explain: Explain,
    skip: tuple[str, ...] = (),
) -> pd.DataFrame:
    """The hits of one rule on every surveyed column: `select` picks a column's flagged
    value numbers, `explain` gives a value's message and fix."""
    parts = []
    for column, survey in surveyed_columns(ctx).items():
        if column in skip:
            continue
        numbers = select(survey)
        if numbers:
            parts.append(_column_hits(ctx.frame, column, survey, numbers, explain))
    return pd.concat(parts) if parts else no_hits()


def _not_legacy(survey: SurveyedColumn, numbers: list[int]) -> list[int]:
    # A legacy-font cell is reported once, by PA601: its conversion fixes the rest.
    return [n for n in numbers if n not in survey.legacy]


def one_text(select: Callable[[SurveyedColumn], list[int]], explain: Explain) -> DescribeText:
    """A rule's `describe_text`: what its `select` and `explain` make of one text alone."""

    def describe(text: str) -> tuple[str, str] | None:
        survey = SurveyedColumn(pa.array([text], type=pa.large_string()))
        return explain(survey, 0) if select(survey) else None

    return describe


def _legacy_values(survey: SurveyedColumn) -> list[int]:
    return sorted(survey.legacy)


def _not_nfc_values(survey: SurveyedColumn) -> list[int]:
    return _not_legacy(survey, survey.not_nfc)


def _stray_values(survey: SurveyedColumn) -> list[int]:
    return _not_legacy(survey, survey.stray)


# --- PA601 --------------------------------------------------------------------------------------
def _explain_legacy(survey: SurveyedColumn, number: int) -> tuple[str, str]:
    value, encoding = survey.value(number), survey.legacy[number]
    return (
        t(
            "The cell is typed in the legacy {encoding}, not in Unicode: it shows as garbled "
            "letters, and no search or comparison finds it.",
            "Ô được gõ bằng {encoding}, không phải Unicode: chữ hiển thị sai, và không tìm kiếm "
            "hay so sánh được.",
            encoding=t(_LEGACY_NAMES[encoding], _LEGACY_NAMES_VI[encoding]),
        ),
        t(
            "Retype the cell in Unicode: '{text}'.",
            "Gõ lại ô bằng Unicode: '{text}'.",
            text=convert(value, encoding),
        ),
    )


_LEGACY_NAMES_VI = {
    TCVN3: "bảng mã cũ TCVN3 (ABC) của các phông chữ như .VnTime",
    VNI: "bảng mã cũ VNI của các phông chữ như VNI-Times",
}


@frame_rule(
    "PA601",
    "legacy-encoding",
    Severity.ERROR,
    columns=("name",),
    prefetch=prefetch_survey,
    finds='text typed in a TCVN3 (ABC) or VNI font ("B¶o Th¾ng"); the fix gives the Unicode text',
    row_local=True,
    describe_text=one_text(_legacy_values, _explain_legacy),
)
def legacy_encoding(ctx: RuleContext) -> pd.DataFrame:
    """A cell typed in a legacy Vietnamese font encoding (TCVN3/ABC or VNI), not in Unicode.

    Before Unicode, Vietnamese was typed in 8-bit fonts: TCVN3 (the ABC keyboard, fonts such
    as .VnTime) and VNI (VNI-Times). Copied into today's spreadsheets such text keeps the
    codes but loses the font, so it reads as garbage ("B¶o Th¾ng", "Xin chaøo"): no search,
    no sort and no comparison with the national database works on it. Any column is read; a
    cell counts as legacy text only when it holds characters Unicode Vietnamese never has
    and its conversion reads as Vietnamese, so English, codes and names such as "Müller"
    are not flagged. Capitals typed in a TCVN3 capitals font (.VnTimeH) are recognised from
    the letters around them.

    **Bad**
    ```
    Thñ tôc hµnh chÝnh        TCVN3 (.VnTime)
    Thuû tuïc haønh chính     VNI (VNI-Times)
    ```

    **Good**
    ```
    Thủ tục hành chính
    ```

    **Fix**: retype the cell in Unicode; procaudit gives the converted text. For a whole
    sheet, Unikey's converter (Ctrl+Shift+F6) turns TCVN3 or VNI into Unicode.

    [vi]
    Ô được gõ bằng bảng mã phông chữ tiếng Việt cũ (TCVN3/ABC hoặc VNI), không phải Unicode.

    Trước khi có Unicode, tiếng Việt được gõ bằng các phông chữ 8 bit: TCVN3 (bộ gõ ABC, phông
    chữ như .VnTime) và VNI (VNI-Times). Khi chép sang bảng tính ngày nay, văn bản giữ nguyên mã
    nhưng mất phông chữ, nên hiển thị sai ("B¶o Th¾ng", "Xin chaøo"): không tìm kiếm, sắp xếp hay
    đối chiếu với Cơ sở dữ liệu quốc gia được. Mọi cột đều được đọc; một ô chỉ được coi là văn
    bản mã cũ khi chứa ký tự mà tiếng Việt Unicode không bao giờ có và bản chuyển đổi đọc được
    thành tiếng Việt, nên tiếng Anh, mã số và những tên như "Müller" không bị báo. Chữ hoa gõ bằng
    phông chữ hoa TCVN3 (.VnTimeH) được nhận ra nhờ các chữ xung quanh.

    **Sai**
    ```
    Thñ tôc hµnh chÝnh        TCVN3 (.VnTime)
    Thuû tuïc haønh chính     VNI (VNI-Times)
    ```

    **Đúng**
    ```
    Thủ tục hành chính
    ```

    **Cách sửa**: gõ lại ô bằng Unicode; procaudit đưa ra văn bản đã chuyển đổi. Để chuyển cả
    trang tính, dùng công cụ chuyển mã của Unikey (Ctrl+Shift+F6) để chuyển TCVN3 hoặc VNI sang
    Unicode.
    """
    return survey_hits(ctx, _legacy_values, _explain_legacy)


# --- PA602 --------------------------------------------------------------------------------------
def _explain_not_nfc(survey: SurveyedColumn, number: int) -> tuple[str, str]:
    return not_nfc_said(survey.value(number))


@frame_rule(
    "PA602",
    "not-nfc",
    Severity.WARNING,
    columns=("name",),
    prefetch=prefetch_survey,
    finds="a cell not in Unicode NFC (decomposed tones)",
    row_local=True,
    describe_text=one_text(_not_nfc_values, _explain_not_nfc),
)
def not_nfc(ctx: RuleContext) -> pd.DataFrame:
    """A cell that is not in Unicode NFC (normalisation form C).

    Unicode can write "ế" as one character or as "e" followed by two combining marks.
    Windows-1258 text, some Mac tools and some web pages write the decomposed form; it looks
    the same on screen, but it is a different string: exact searches, filters, VLOOKUP and
    the national database do not match it. The standard form for stored text is NFC.

    **Bad**
    ```
    Đăng ký khai sinh      "ý" stored as "y" + U+0301 COMBINING ACUTE ACCENT (NFD)
    ```

    **Good**
    ```
    Đăng ký khai sinh      "ý" stored as the one character U+00FD (NFC)
    ```

    **Fix**: convert the cell to NFC (procaudit gives the converted text); Unikey's converter
    does it for a whole sheet with "Unicode dựng sẵn" as the target.

    [vi]
    Ô không ở dạng Unicode NFC (dạng chuẩn hóa C, Unicode dựng sẵn).

    Unicode có thể ghi "ế" bằng một ký tự, hoặc bằng "e" kèm hai dấu tổ hợp. Văn bản
    Windows-1258, một số công cụ trên Mac và một số trang web dùng dạng tách rời; trên màn hình
    trông giống nhau nhưng là hai chuỗi khác nhau: tìm kiếm chính xác, bộ lọc, VLOOKUP và Cơ sở
    dữ liệu quốc gia đều không khớp. Dạng chuẩn để lưu trữ văn bản là NFC.

    **Sai**
    ```
    Đăng ký khai sinh      "ý" lưu thành "y" + U+0301 COMBINING ACUTE ACCENT (NFD, tổ hợp)
    ```

    **Đúng**
    ```
    Đăng ký khai sinh      "ý" lưu thành một ký tự U+00FD (NFC, dựng sẵn)
    ```

    **Cách sửa**: chuyển ô sang NFC (procaudit đưa ra văn bản đã chuyển đổi); công cụ chuyển mã
    của Unikey chuyển cả trang tính khi chọn bảng mã đích "Unicode dựng sẵn".
    """
    return survey_hits(ctx, _not_nfc_values, _explain_not_nfc)


# --- PA603 --------------------------------------------------------------------------------------
def _explain_stray(survey: SurveyedColumn, number: int, one_line: bool = False) -> tuple[str, str]:
    return stray_said(survey.value(number), one_line)


@frame_rule(
    "PA603",
    "stray-whitespace",
    Severity.INFO,
    columns=("name",),
    prefetch=prefetch_survey,
    finds=(
        "leading, trailing or doubled spaces, tabs, non-breaking or zero-width spaces; a line "
        "break inside a name; not in the legal basis, fees or processing time, which are prose"
    ),
    row_local=True,
    describe_text=one_text(_stray_values, _explain_stray),
)
def stray_whitespace(ctx: RuleContext) -> pd.DataFrame:
    r"""A cell with spaces at its ends, doubled spaces, tabs or invisible characters.

    Such spaces are invisible in Excel, yet "Cấp tỉnh " is not "Cấp tỉnh" to a filter, a
    VLOOKUP or the national database, and copies of a name with a doubled space look like
    different procedures. They come from pasting out of Word, PDF files and web pages (the
    non-breaking space U+00A0, the zero-width space U+200B, the byte-order mark U+FEFF). A
    line break that separates several agencies or levels in one cell is fine; spaces around
    it and blank lines are not. A procedure's name is one value: a line break inside it
    (wrapped by hand, pasted from a PDF) is not, and the lines are joined with a space;
    `procaudit fix` joins them where the break only wrapped the text, and leaves to a person
    a name whose break may be meant (a list of cases, a note in brackets, two names). The
    legal basis is prose (the titles and numbers of laws, one after another): nothing looks
    it up whole, and a portal export would get a finding on most of its rows; it is left
    alone. So are the fees and the processing time, free text whose cases are laid out a line
    each, bulleted and indented ("- Lệ phí:\n  + Trực tiếp: 100.000 đồng").

    **Bad**
    ```
    "Đăng ký xe tạm thời "              a trailing space
    "Đăng ký  xe tạm thời"              a doubled space
    "Sở Tư pháp \n\nUBND cấp xã"        a space and a blank line between agencies
    "Đăng ký tài khoản\ntrên hệ thống"   a line break inside a name
    ```

    **Good**
    ```
    "Đăng ký xe tạm thời"
    "Sở Tư pháp\nUBND cấp xã"
    ```

    **Fix**: remove the stray whitespace (procaudit gives the cleaned text); Excel's TRIM()
    removes the plain spaces, not the non-breaking ones. Spaces around a code are PA101's.

    [vi]
    Ô có dấu cách ở đầu hoặc cuối, dấu cách kép, ký tự tab hoặc ký tự vô hình.

    Các khoảng trắng này không nhìn thấy trong Excel, nhưng với bộ lọc, VLOOKUP hay Cơ sở dữ liệu
    quốc gia thì "Cấp tỉnh " khác "Cấp tỉnh", và các bản sao của một tên có dấu cách kép trông như
    những thủ tục khác nhau. Chúng xuất hiện khi dán từ Word, tệp PDF và trang web (dấu cách không
    ngắt dòng U+00A0, dấu cách độ rộng bằng không U+200B, dấu thứ tự byte U+FEFF). Dấu xuống dòng
    để tách nhiều cơ quan hoặc nhiều cấp trong một ô là hợp lệ; dấu cách quanh chỗ xuống dòng và
    dòng trống thì không. Tên thủ tục là một giá trị: dấu xuống dòng ở giữa tên (do ngắt dòng
    bằng tay, dán từ tệp PDF) là không hợp lệ, và các dòng được nối lại bằng một dấu cách. Căn
    cứ pháp lý là văn bản tự do (tên và số hiệu các văn bản nối tiếp nhau): không ai tra cứu
    nguyên cả ô, và dữ liệu xuất từ Cổng sẽ có phát hiện ở hầu hết các dòng; cột này không
    được kiểm tra. Phí, lệ phí và thời hạn giải quyết cũng vậy: văn bản tự do, mỗi trường hợp
    một dòng, có gạch đầu dòng và thụt lề ("- Lệ phí:\n  + Trực tiếp: 100.000 đồng").

    **Sai**
    ```
    "Đăng ký xe tạm thời "              dấu cách ở cuối
    "Đăng ký  xe tạm thời"              dấu cách kép
    "Sở Tư pháp \n\nUBND cấp xã"        dấu cách và dòng trống giữa hai cơ quan
    "Đăng ký tài khoản\ntrên hệ thống"   dấu xuống dòng ở giữa tên thủ tục
    ```

    **Đúng**
    ```
    "Đăng ký xe tạm thời"
    "Sở Tư pháp\nUBND cấp xã"
    ```

    **Cách sửa**: xóa khoảng trắng thừa (procaudit đưa ra văn bản đã làm sạch); hàm TRIM() của
    Excel chỉ xóa dấu cách thường, không xóa dấu cách không ngắt dòng. Dấu cách quanh mã thủ tục
    thuộc quy tắc PA101.
    """
    parts = []
    for column, survey in surveyed_columns(ctx).items():
        if column in ("code", *PROSE_COLUMNS):
            continue
        one_line = column in ONE_LINE
        found = sorted({*survey.stray, *survey.broken}) if one_line else survey.stray
        numbers = _not_legacy(survey, found)
        if numbers:
            messages, fixes = strays_said(survey.values(numbers), one_line)
            parts.append(_explained_hits(ctx.frame, column, survey, numbers, messages, fixes))
    return pd.concat(parts) if parts else no_hits()
