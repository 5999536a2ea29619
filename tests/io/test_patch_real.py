"""The repaired copy of the real catalogues in ../shared/data/real: doubled spaces collapsed,
the copy read back, and only the collapsed cells differ (rows and columns where they were)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from procaudit.core.changes import CellChange
from procaudit.io.csv_reader import read_csv_grid
from procaudit.io.excel_reader import read_workbook
from procaudit.io.patch import write_repaired

REAL_FILES = [
    "national-portal-2026/danh-sach-tthc-BoTaiChinh.xlsx",
    "national-portal-2026/danh-sach-tthc-BoXayDung.xlsx",
    "national-portal-2026/procedure-details.csv",
    "phutho-motcua-2022/PTO.xls",
]
_SPACES = re.compile(" {2,}")  # spaces only: a line break removed would move the CSV's lines


def _texts(path: Path) -> dict[tuple[str | None, int, int], str]:
    grids = [read_csv_grid(path)[0]] if path.suffix == ".csv" else list(read_workbook(path))
    return {
        (grid.sheet, int(grid.rows[index]), int(column)): str(value)
        for grid in grids
        for (index, column), value in grid.cells.stack().items()
    }


@pytest.mark.parametrize("name", REAL_FILES)
def test_only_the_repaired_cells_of_a_real_catalogue_change(
    real_data: Path, tmp_path: Path, name: str
) -> None:
    source = real_data / name
    before = _texts(source)
    changes = [
        CellChange(name, sheet, row, column, None, text, _SPACES.sub(" ", text), ("ws",), True)
        for (sheet, row, column), text in before.items()
        if _SPACES.search(text)
    ]
    assert changes, "the file has doubled spaces to repair"
    target = tmp_path / ("copy.csv" if source.suffix == ".csv" else "copy.xlsx")

    result = write_repaired(source, changes, target)

    assert result.written == tuple(changes) and not result.skipped
    repaired = {(c.sheet, c.row, c.column): c.after for c in changes}
    assert _texts(target) == before | repaired
    if source.suffix == ".csv":  # and with nothing to repair, the very bytes
        write_repaired(source, [], target)
        assert target.read_bytes() == source.read_bytes()
