"""The rows of a table whose procedures the code rules ask no code of, marked on its
canonical frame: a list (or a part) of internal procedures, between state bodies (Decision
1085/QĐ-TTg, `INTERNAL`), and the new procedures of an annex of replaced procedures that name
the procedure they replace (`REPLACING`, `replaced_codes.replacing_rows`)."""

from __future__ import annotations

import pandas as pd

from procaudit.catalogue.columns import INTERNAL, REPLACING, REQUIRED, ROW
from procaudit.io.grid import Grid
from procaudit.io.layout import Understood
from procaudit.io.replaced_codes import replacing_rows
from procaudit.io.sections import internal_rows, title_internal


def mark_codes_not_asked(frame: pd.DataFrame, grid: Grid, understood: Understood) -> None:
    """Add `INTERNAL` and `REPLACING` to `frame` (the table's canonical rows, in the order
    of `understood.body`) where some row is such."""
    account = understood.account
    header_map = account.header_map
    name_header = account.labels[header_map.columns[REQUIRED[0]]]
    if title_internal((*account.title, grid.sheet or "", name_header)):
        frame[INTERNAL] = True  # internal procedures: no national code is asked of them
    elif (sections := account.carried + account.sections) and (
        under := internal_rows(sections, frame[ROW].to_numpy())
    ).any():
        frame[INTERNAL] = under  # a part of them, under its heading
    if "code" not in header_map.columns:
        return
    replacing = replacing_rows(
        header_map, account.labels, understood.body, understood.rows, grid.merged
    )
    if replacing is not None and replacing.any():
        frame[REPLACING] = replacing
