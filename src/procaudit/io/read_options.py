"""What a read is asked: the user's overrides for files that guessing gets wrong, for one
input or per input path, and the limits the run shares."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from procaudit.io.layout import LayoutOptions
from procaudit.io.limits import Limits
from procaudit.vn.text import header_key


@dataclass(frozen=True)
class ReadOptions:
    """The user's overrides for files that guessing gets wrong."""

    sheet: str | None = None  # a sheet name, or its 1-based number
    header_rows: tuple[int, ...] | None = None
    mapping: dict[str, str] = field(default_factory=dict)  # source header -> canonical column
    limits: Limits = field(default_factory=Limits)

    def layout(self) -> LayoutOptions:
        extra = {header_key(source): column for source, column in self.mapping.items()}
        return LayoutOptions(header_rows=self.header_rows, extra_aliases=extra)


# One set of overrides for every input, or one per input path (from a config's [[files]]).
PerFile = ReadOptions | Mapping[str, ReadOptions] | None


def options_for(options: PerFile, path: str) -> ReadOptions | None:
    if options is None or isinstance(options, ReadOptions):
        return options
    return options.get(path)


def run_limits(options: PerFile) -> Limits:
    """The run's limits, which every file it reads shares (the catalogues', the reference
    list's, the baseline's)."""
    if isinstance(options, ReadOptions):
        return options.limits
    first = next(iter(options.values()), None) if options else None
    return first.limits if first is not None else Limits()
