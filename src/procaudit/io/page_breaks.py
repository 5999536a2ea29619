"""Page breaks of a table converted from a PDF: the page's number, blank lines and the table's
header typed again at the top of the next page.

A converter writes each page's lines one after another, so a long list is cut every forty
rows by "- 12 -" (or "Trang 12", "12") and the header repeated (`layout` finds the repeated
header). The page number is no procedure, and a procedure whose lines run over the break
(its name's last lines on the next page) is still one procedure: the rows of a break are
skipped and are no gap between the rows around them (`continuations.continuation_rows`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

import numpy as np
import pandas as pd

_PAGE_NUMBER = re.compile(
    r"^(?:[-–]\s*)?\d{1,4}(?:\s*[-–])?$|^(?:trang|page)\s*\d{1,4}(?:\s*/\s*\d{1,4})?$",
    re.IGNORECASE,
)


def page_numbers(
    live: pd.DataFrame,
    headers: Iterable[int],
    blank: Iterable[int],
    cells: Callable[[int], int],
    stt: int | None,
) -> list[int]:
    """The rows of `live` (labelled by grid position) that number a page: a row of one text
    reading as a page's number right above a repeated header's rows (`headers`), or at the
    end of the table, blank rows (`blank`) between them passed over; one a page. `cells`
    counts a row's filled cells: only a row of one or two (a merged cell's text twice) is
    read. A number in the `stt` column alone is a row numbered and left empty, no page's."""
    if live.empty:
        return []
    headers, blank = set(headers), set(blank)
    starts = sorted(row for row in headers if row - 1 not in headers)
    found: set[int] = set()
    for above in [*(row - 1 for row in starts), int(live.index[-1])]:
        while above in blank:
            above -= 1
        if 0 < cells(above) <= 2 and _numbers_page(live, above, stt):
            found.add(above)
    return sorted(found)


def _numbers_page(live: pd.DataFrame, label: int, stt: int | None) -> bool:
    at = int(live.index.get_indexer(pd.Index([label]))[0])
    if at < 0:
        return False
    filled = live.iloc[at].dropna()
    texts = {str(text).strip() for text in filled} - {""}
    if len(texts) != 1 or (stt is not None and stt in filled.index):
        return False
    return _PAGE_NUMBER.match(texts.pop()) is not None


def without_breaks(labels: pd.Index, breaks: Iterable[int], blank: Iterable[int]) -> np.ndarray:
    """The grid positions `labels` as if the rows of the page breaks were not there: the
    `breaks` (a repeated header, its column numbers, page numbers) and the blank rows next to
    them. A blank row elsewhere stays a gap."""
    breaks = np.asarray(sorted(set(breaks)), dtype=np.int64)
    positions = np.asarray(labels, dtype=np.int64)
    if not len(breaks):
        return positions
    gone = np.union1d(breaks, np.asarray(list(blank), dtype=np.int64))
    run = np.cumsum(np.r_[True, np.diff(gone) != 1])  # runs of rows skipped together
    left_out = gone[np.isin(run, run[np.isin(gone, breaks)])]
    return positions - np.searchsorted(left_out, positions)
