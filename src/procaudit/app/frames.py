"""Audit a pandas DataFrame already in memory, as a notebook or a pipeline holds a catalogue.

The frame is read as a CSV file holding the same cells would be: its column names are the
header row (row 1), its rows follow from row 2, and the readers' own layout and header
mapping (`procaudit.io.read.read_grid`) make it a catalogue. So Vietnamese headers ("Mã thủ
tục", "Tên thủ tục"), database names (`MA_TTHC`) and procaudit's canonical names ("code",
"name") all work, a `ReadOptions(mapping=...)` names the others, and a finding's `row` is
the frame's position plus 2 (`frame.iloc[finding.row - 2]`). Numbers and dates are cells
of a workbook: a code stored as a number gets its trailing zeros back.
"""

from __future__ import annotations

from contextlib import nullcontext
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from procaudit.app.audit import audit_sources, default_settings, with_scorecard
from procaudit.app.hooks import Progress
from procaudit.core.errors import InputError
from procaudit.core.findings import AuditResult, FileFailure
from procaudit.io import Catalogue, ReadOptions
from procaudit.io.grid import Grid, text_grid
from procaudit.io.read import read_grid

if TYPE_CHECKING:
    from procaudit.app.settings import Settings

# What a frame is called in the findings and the report when not given a name.
FRAME_NAME = "frame"


def frame_grid(frame: pd.DataFrame) -> Grid:
    """The frame as a sheet: its column names on row 1, its rows below; a missing value
    (None, NaN, NA, NaT) is an empty cell."""
    header: list[object] = [str(column) for column in frame.columns]
    cells = frame.astype(object).where(frame.notna(), None)
    rows: list[list[object]] = [list(row) for row in cells.itertuples(index=False, name=None)]
    return text_grid(None, [header, *rows])


def frame_catalogue(
    frame: pd.DataFrame, name: str = FRAME_NAME, options: ReadOptions | None = None
) -> Catalogue:
    """The catalogue a frame holds, read as `procaudit check` reads a file; an InputError
    when no column names the procedure (see the module's docstring)."""
    return read_grid(name, frame_grid(frame), options)


def audit_frame(
    frame: pd.DataFrame,
    name: str = FRAME_NAME,
    settings: Settings | None = None,
    read_options: ReadOptions | None = None,
    schema: Path | None = None,
    progress: Progress | None = None,
) -> AuditResult:
    """Audit a frame as `procaudit check` audits a file named `name` (a province's name in
    it places the catalogue, as a file's would), with the settings' rules, severities and
    scorecard. A frame with no procedure-name column is among the result's `failures`,
    like a file that cannot be read."""
    settings = settings or default_settings()
    options = read_options or ReadOptions(mapping=settings.mapping.value)
    try:
        catalogue = frame_catalogue(frame, name, options)
    except InputError as exc:
        return with_scorecard(
            AuditResult((), (), failures=(FileFailure(name, str(exc)),)), settings
        )
    return audit_sources([catalogue], settings, None, schema, lambda: nullcontext(progress))
