"""Recognise a dossier-components sheet (Thành phần hồ sơ): one row per document an applicant
hands in, with its procedure's code, its name and its form's link or file.

Workbooks carry such a sheet beside the procedure list. It has no procedure-name column, so
the catalogue reader cannot read it; its header is found by the same machinery, against the
component aliases (`columns.COMPONENT_ALIASES`).
"""

from __future__ import annotations

from procaudit.catalogue.columns import COMPONENT_ALIASES, COMPONENT_REQUIRED
from procaudit.io.grid import Grid
from procaudit.io.header_search import Header, NoHeader, find_header
from procaudit.io.vocabulary import vocabulary

COMPONENTS = vocabulary(COMPONENT_ALIASES, COMPONENT_REQUIRED)
# A header names the component and at least one more column (code, form link, quantity): a
# lone "Thành phần hồ sơ" heads a paragraph in a notes sheet as often as a table.
_MIN_COLUMNS = 2


def components_header(grid: Grid) -> Header | None:
    """The header of the grid read as a components sheet; None when it is not one."""
    try:
        header = find_header(grid, {}, COMPONENTS)
    except NoHeader:
        return None
    return header if len(header[2].columns) >= _MIN_COLUMNS else None
