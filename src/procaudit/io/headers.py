"""Map a table's source headers onto the canonical columns."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from procaudit.columns import ALIASES, REQUIRED
from procaudit.text import header_key


@dataclass(frozen=True)
class Vocabulary:
    """The columns one kind of table has: the alias keys that name them, and the columns a
    header row must name to head such a table (a catalogue's name column)."""

    index: dict[str, tuple[str, int]]  # alias key -> (canonical column, preference)
    required: tuple[str, ...]


def vocabulary(aliases: Mapping[str, tuple[str, ...]], required: tuple[str, ...]) -> Vocabulary:
    index = {
        header_key(alias): (column, rank)
        for column, names in aliases.items()
        for rank, alias in enumerate(names)
    }
    return Vocabulary(index, required)


# The procedure list; other tables (dossier components) build their own (io/components.py).
CATALOGUE = vocabulary(ALIASES, REQUIRED)
# The row-number column of Vietnamese tables ("Số thứ tự"): recognised, never data.
STT_KEYS = frozenset({"stt", "tt", "so tt", "so thu tu", "no", "so"})


@dataclass(frozen=True)
class HeaderMap:
    """Which source column feeds each canonical column, and which headers were left over."""

    columns: dict[str, int]  # canonical column -> position in the source table
    sources: dict[str, str]  # source header -> canonical column
    unmapped: tuple[str, ...]
    stt: int | None = None  # position of the STT column

    @property
    def score(self) -> int:
        """How much a row looks like this table's header: columns it names."""
        return len(self.columns) + (self.stt is not None)


def alias_of(header: str, extra: dict[str, str] | None = None,
             words: Vocabulary = CATALOGUE) -> str | None:
    """The canonical column a header names, if any (`extra`: header key -> column)."""
    key = header_key(header)
    if extra and key in extra:
        return extra[key]
    hit = words.index.get(key)
    return hit[0] if hit else None


def map_headers(headers: list[str], extra: dict[str, str] | None = None,
                words: Vocabulary = CATALOGUE) -> HeaderMap:
    """Map header labels; `extra` (header key -> column, from `--map`) wins over the aliases."""
    best: dict[str, tuple[int, int]] = {}  # canonical -> (preference, position)
    stt: int | None = None
    for position, header in enumerate(headers):
        key = header_key(header)
        hit = (extra[key], -1) if extra and key in extra else words.index.get(key)
        if hit is None:
            if key in STT_KEYS and stt is None:
                stt = position
            continue
        column, rank = hit
        if column not in best or rank < best[column][0]:
            best[column] = (rank, position)
    columns = {column: position for column, (_, position) in best.items()}
    taken = set(columns.values()) | {stt}
    sources = {headers[position]: column for column, position in columns.items()}
    unmapped = tuple(
        header for position, header in enumerate(headers) if position not in taken and header
    )
    return HeaderMap(columns=columns, sources=sources, unmapped=unmapped, stt=stt)
