"""Which rows of one repeated entry name the same agency, where a cell may name several.

A procedure laid over one row per agency, its name on the first row only, is read as one
procedure whose agency cell lists them all ("Sở Tài chính\\nSở Nội vụ\\nSở Y tế"). A row further
down giving that procedure again under one of those agencies is the same entry listed twice;
under another agency it is the procedure's row for that agency
(`duplicate_keys.told_by_agency`). Two rows are one entry where their agencies overlap,
directly or through a third row.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from procaudit.catalogue.units import agency_key

# Agencies of one cell: one a line, or separated by ";" (a comma is inside names: "Sở Lao
# động, Thương binh và Xã hội").
_BETWEEN = re.compile(r"\s*(?:\n|;)\s*")


def agencies_of(cell: str) -> frozenset[str]:
    """The keys of the agencies a cell names, one per line or ";"-separated part."""
    return frozenset(agency_key(part) for part in _BETWEEN.split(cell) if part.strip())


def joined_by_cells(
    groups: np.ndarray, codes: np.ndarray, uniques: pd.Index, agency: np.ndarray
) -> np.ndarray:
    """`agency` (a number per row) with the rows of a group whose cells' agencies overlap
    given one number. `codes`: each row's agency cell as a position in `uniques` (-1 for
    none). Only the groups holding a cell that names several agencies are looked at: most
    exports name one a cell, and a row's own number already tells those apart."""
    several = np.array([len(agencies_of(str(value))) > 1 for value in uniques] + [False])
    holding = several[codes]
    if not holding.any():
        return agency
    at = np.flatnonzero(np.isin(groups, np.unique(groups[holding])))
    joined = agency.copy()
    joined[at] = overlapping(groups[at], [str(uniques[code]) for code in codes[at]])
    return joined


def overlapping(groups: np.ndarray, cells: list[str]) -> np.ndarray:
    """For each cell, a number its group's cells share where their agencies overlap
    (transitively): groups [0, 0, 0], cells ["Sở TC\nSở NV", "Sở NV", "Sở YT"] -> [0, 0, 1]."""
    parent = list(range(len(cells)))

    def root(at: int) -> int:
        while parent[at] != at:
            parent[at] = parent[parent[at]]
            at = parent[at]
        return at

    first_with: dict[tuple[int, str], int] = {}
    for at, (group, cell) in enumerate(zip(groups.tolist(), cells, strict=True)):
        for agency in agencies_of(cell):
            if (group, agency) in first_with:
                parent[root(at)] = root(first_with[group, agency])
            else:
                first_with[group, agency] = at
    roots = np.array([root(at) for at in range(len(cells))], dtype=np.int64)
    numbers: np.ndarray = np.unique(roots, return_inverse=True)[1]
    return numbers
