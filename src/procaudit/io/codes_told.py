"""What the other sheets of a workbook, under the same header, tell a sheet too small to
decide by its own values about its code column (`io.codes_over_sheets`)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class CodesTold:
    """The columns (header keys) refused as the code and why, and the one the code is read
    from, if any."""

    refused: tuple[tuple[str, str], ...] = ()
    chosen: str | None = None
