"""Sparklines: a row of counts drawn as one line of block characters, "█▆▃▁"."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

BARS: Final = "▁▂▃▄▅▆▇█"
GAP: Final = " "  # a run in which the file was not audited


def sparkline(values: Sequence[int | None]) -> str:
    """One character per value, scaled to the row's largest value; None is a gap.

    Scaled from zero, not from the row's smallest value: zero is always the lowest bar and
    any finding at least the second, so a row that reaches zero shows it, and 40, 39, 40
    stays a flat line instead of swinging from the bottom to the top. An all-equal row is
    flat: all lowest bars at zero, all highest bars otherwise.
    """
    top = max((v for v in values if v is not None), default=0)
    return "".join(GAP if v is None else BARS[_level(v, top)] for v in values)


def _level(value: int, top: int) -> int:
    if value <= 0 or top <= 0:
        return 0
    # Rounded half up (in integers: no float ties) to the nearest of the seven bars above
    # zero, never below the first of them.
    steps = len(BARS) - 1
    return max(1, (2 * value * steps + top) // (2 * top))
