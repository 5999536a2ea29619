"""A repair as a value: one cell of one file, what it held and what `procaudit fix` writes.

The engine plans the changes (which rules repair which cells), `io` writes them into a copy
of the file, and the reports list them; all three speak of cells by this one value, so that
none needs to know how the others work.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class CellChange:
    path: str  # the input file, as given
    sheet: str | None  # the sheet's name; None for CSV
    row: int  # the row as the user sees it: Excel's row number, or the CSV line
    column: int  # 0-based position of the cell in its sheet row or CSV record
    header: str | None  # the column as the file names it ("Số quyết định"), if known
    before: str  # the cell's text as read
    after: str  # the text the copy gets
    rules: tuple[str, ...]  # the rules whose repairs made the change, in the order applied
    safe: bool  # False when any repair applied needs a person to review it (--unsafe-fixes)

    @property
    def cell(self) -> str:
        """The cell as Excel names it ("H12"); a CSV opened in Excel shows its fields so too."""
        letters, number = "", self.column + 1
        while number:
            number, rest = divmod(number - 1, 26)
            letters = chr(ord("A") + rest) + letters
        return f"{letters}{self.row}"
