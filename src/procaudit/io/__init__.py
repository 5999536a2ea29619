"""Readers: turn a catalogue file into canonical tables, keeping where each row came from.

The names below are imported on first use, not with the package: the command line and the
read-ahead (read_ahead.py) import modules of io before pandas, which io.read needs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from procaudit.io.read import (
        Catalogue,
        PerFile,
        ReadOptions,
        Table,
        options_for,
        read_catalogue,
        with_procedures,
    )

__all__ = [
    "Catalogue",
    "PerFile",
    "ReadOptions",
    "Table",
    "options_for",
    "read_catalogue",
    "with_procedures",
]


def __getattr__(name: str) -> object:
    if name not in __all__:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from procaudit.io import read

    return getattr(read, name)
