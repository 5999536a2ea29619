"""Map a table's source headers onto the canonical columns."""

from __future__ import annotations

from dataclasses import dataclass

from procaudit.columns import ALIASES
from procaudit.text import header_key

# alias key -> (canonical column, preference); built once.
_ALIAS_INDEX: dict[str, tuple[str, int]] = {
    header_key(alias): (column, rank)
    for column, aliases in ALIASES.items()
    for rank, alias in enumerate(aliases)
}


@dataclass(frozen=True)
class HeaderMap:
    """Which source column feeds each canonical column, and which headers were left over."""

    columns: dict[str, int]  # canonical column -> position in the source table
    sources: dict[str, str]  # source header -> canonical column
    unmapped: tuple[str, ...]


def map_headers(headers: list[str]) -> HeaderMap:
    best: dict[str, tuple[int, int]] = {}  # canonical -> (preference, position)
    for position, header in enumerate(headers):
        hit = _ALIAS_INDEX.get(header_key(header))
        if hit is None:
            continue
        column, rank = hit
        if column not in best or rank < best[column][0]:
            best[column] = (rank, position)
    columns = {column: position for column, (_, position) in best.items()}
    taken = set(columns.values())
    sources = {headers[position]: column for column, position in columns.items()}
    unmapped = tuple(
        header for position, header in enumerate(headers) if position not in taken and header
    )
    return HeaderMap(columns=columns, sources=sources, unmapped=unmapped)
