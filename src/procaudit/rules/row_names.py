"""How a message names other rows of its table: as the user numbers them ("row 17", "lines 3
and 9", "rows 3, 9, 17, 20, 31 and 6 more": CSV records are numbered by line), and, where the
rows compared lie on several sheets (a list going on over sheets, `Table.continues`), with
the sheet of each row not on the sheet of the row the message is on."""

from __future__ import annotations

from functools import cached_property
from typing import Any

import numpy as np
import pandas as pd

from procaudit.catalogue.columns import ROW, SHEET
from procaudit.core.i18n import language, t

SHOWN_ROWS = 5  # rows a message names before "and N more"


class RowNames:
    """The rows of one frame, named for messages (`listed`)."""

    def __init__(self, frame: pd.DataFrame) -> None:
        self.frame = frame
        self._words: dict[str, tuple[str, str, str]] = {}

    @cached_property
    def _user_rows(self) -> np.ndarray | dict[object, int]:
        # Not `frame.loc`: messages look rows up one at a time, thousands of times. Where the
        # labels are the positions (the reader's frames), the column's own numbers are looked
        # up by position (a list of a million Python ints would hold 35 MB more).
        index = self.frame.index
        if isinstance(index, pd.RangeIndex) and index.start == 0 and index.step == 1:
            return self.frame[ROW].to_numpy()
        return dict(zip(index, self.frame[ROW].tolist(), strict=True))

    @cached_property
    def _sheets(self) -> dict[object, str] | None:
        """Each row's sheet, by label, where the frame's rows lie on several; else None."""
        column = self.frame.get(SHEET)
        if column is None or column.nunique() < 2:
            return None
        return dict(zip(self.frame.index, column.astype("string").fillna("").tolist(), strict=True))

    def listed(self, index: list[Any], total: int | None = None, at: object = None) -> str:
        """Where the rows at `index` are. `index` may hold only the first rows of `total`;
        a row not on the sheet of the row labelled `at` is named with its sheet."""
        shown = [str(self._user_rows[i]) for i in index[:SHOWN_ROWS]]
        sheets = self._sheets if at is not None else None
        if sheets is not None:
            own = sheets[at]
            on_sheet = t(" of sheet '{sheet}'", " của trang tính '{sheet}'")
            shown = [
                row if sheets[i] == own else row + on_sheet.format(sheet=sheets[i])
                for row, i in zip(shown, index, strict=False)
            ]
        total = len(index) if total is None else total
        # Called once per reported row: the words are picked once per language.
        words = self._words.get(language())
        if words is None:
            words = self._words[language()] = self._row_words()
        one, several, more = words
        if total > len(shown):
            return more.format(rows=", ".join(shown), more=total - len(shown))
        if len(shown) == 1:
            return one.format(row=shown[0])
        return several.format(rows=", ".join(shown[:-1]), last=shown[-1])

    def _row_words(self) -> tuple[str, str, str]:
        """Templates of `listed`: one row, several, several and more."""
        # A sheet's rows and a CSV's lines; Vietnamese says "dòng" for both.
        unit = "row" if self.frame[SHEET].notna().any() else "line"
        return (
            t(unit + " {row}", "dòng {row}"),
            t(unit + "s {rows} and {last}", "các dòng {rows} và {last}"),
            t(unit + "s {rows} and {more} more", "các dòng {rows} và {more} dòng khác"),
        )
