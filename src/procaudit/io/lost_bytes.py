"""What the refusal of a sheet with no header says of text that cannot be read: letters
lost to question marks (`encoding.lost_letters`), or UTF-8 encoded twice that lost bytes on
the way.

Text twice encoded (UTF-8 read as Windows-1252 and saved again: "MÃ£ thá»§ tá»¥c" for "Mã
thủ tục") is read as it was written (`encoding.encoded_once`), unless some of its bytes had
no character in the code page (81, 8D, 8F, 90, 9D: "Đ" is C4 90) and the program that read
it put U+FFFD ("�") in their place. Those bytes are gone: "Ä�Äƒng" may have been "Đăng" or
another letter, and no header is found in such text. The refusal says so, naming the cells,
so that the list is exported again from its source rather than searched for a column. A
workbook's cells so encoded are not read back either (only a text file's are): said too."""

from __future__ import annotations

import re
from collections.abc import Iterable

from procaudit.core.i18n import t
from procaudit.io.encoding import encoded_once, looks_twice_encoded, lost_letters
from procaudit.io.formula_cells import column_letters
from procaudit.io.grid import Grid
from procaudit.io.header_search import HEADER_SCAN_ROWS

_LOST = "\ufffd"
# A Vietnamese letter of the Latin-1 range (C3 xx in UTF-8: "ã", "ê", "í") as Windows-1252
# shows its two bytes: "Ã£", "Ãª"; Vietnamese text writes no "Ã" before such a character.
_TWICE_LATIN = re.compile("\u00c3[\u00a0-\u00bf\u2018-\u201e\u2020-\u2022\u2026\u20ac]")


def _twice(text: str) -> bool:
    return looks_twice_encoded(text) or _TWICE_LATIN.search(text) is not None


def unreadable_text(labels: Iterable[str], grid: Grid) -> str:
    """A sentence to add to the message about a header not found, when the text of the
    sheet's top rows cannot be read (`lost_letters`, or UTF-8 twice encoded: a workbook's
    cells, or a text file's that lost bytes); "" otherwise. `labels`: the row most like a
    header."""
    lost = lost_letters(labels)
    if lost:
        return lost
    texts, _ = grid.head(HEADER_SCAN_ROWS)
    cells = [
        (row, column, text)
        for row, labels_of_row in enumerate(texts)
        for column, text in enumerate(labels_of_row)
        if text.strip() and _twice(text)
    ]
    if len(cells) < 2:  # one odd cell says nothing of the sheet's text
        return ""
    broken = next((cell for cell in cells if _LOST in cell[2]), None)
    row, column, text = next((cell for cell in cells if _LOST not in cell[2]), cells[0])
    meant = encoded_once(text) if _LOST not in text else None
    twice = t(
        "; its text is UTF-8 encoded twice (opened as a Windows code page and saved again: "
        "{cell} holds '{text}'{meant})",
        "; văn bản của tệp là UTF-8 bị mã hóa hai lần (mở theo bảng mã Windows rồi lưu lại: "
        "{cell} chứa '{text}'{meant})",
        cell=_cell(grid, row, column),
        text=text,
        meant=t(", that is '{once}'", ", tức là '{once}'", once=meant) if meant else "",
    )
    if broken is None:
        return twice + t(
            ": save the list again from its source as 'CSV UTF-8' or Excel",
            ": hãy lưu lại danh mục từ nguồn dưới dạng 'CSV UTF-8' hoặc Excel",
        )
    return twice + t(
        " and lost bytes on the way, which the program that saved it replaced by '�' "
        "({lost} holds '{lost_text}'): the letters cannot be read back; export the list "
        "again from its source as 'CSV UTF-8' or Excel",
        " và đã mất một số byte, bị thay bằng '�' ({lost} chứa '{lost_text}'): không "
        "đọc lại được các chữ; hãy xuất lại danh mục từ nguồn dưới dạng 'CSV UTF-8' hoặc "
        "Excel",
        lost=_cell(grid, broken[0], broken[1]),
        lost_text=broken[2],
    )


def _cell(grid: Grid, row: int, column: int) -> str:
    return t("cell {cell}", "ô {cell}", cell=f"{column_letters(column)}{grid.rows.iloc[row]}")
