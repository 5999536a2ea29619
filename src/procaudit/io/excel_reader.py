"""Read workbooks (xlsx, xlsm, xls, ods) with python-calamine: values only, macros never run.

python-calamine reads a 10,000-row workbook 16 times faster than openpyxl here (0.16 s
against 2.6 s) and also reads xls and ods. It does not expose number formats, so a number
cell is read as the number it holds (see `grid.cell_text`).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from python_calamine import CalamineError, CalamineWorkbook, PasswordError

from procaudit.errors import InputError
from procaudit.io.grid import Grid, text_grid


def read_workbook(path: Path) -> Iterator[Grid]:
    """Each sheet as a grid; grid row i is Excel row i + 1."""
    try:
        workbook = CalamineWorkbook.from_path(str(path))
    except PasswordError as exc:
        raise InputError(str(path), "is password-protected; save an unprotected copy") from exc
    except (CalamineError, OSError, ValueError) as exc:
        raise InputError(str(path), f"is not a readable workbook ({exc})") from exc
    try:
        for name in workbook.sheet_names:
            try:
                sheet = workbook.get_sheet_by_name(name)
                raw = sheet.to_python(skip_empty_area=False)
            except (CalamineError, ValueError) as exc:
                raise InputError(str(path), f"has a sheet '{name}' that cannot be read ({exc})"
                                 ) from exc
            yield text_grid(name, raw, first_row=1)
    finally:
        workbook.close()
