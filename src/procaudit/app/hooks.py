"""How a use case talks to whoever runs it while it runs: the command line prints what it
hears on stderr, around the report, in the order it happens; the Python API hears nothing
unless it asks.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass

# Told what the run is doing ("lao-cai.xlsx: checking PA201 duplicate-entry"): the engine's
# `Progress`, said here again so that this module stays free of pandas.
Progress = Callable[[str], None]
# Opens a stage display for the length of a block and gives its callback, or None when no
# one watches: the command line passes a spinner on a terminal, the API nothing.
StageDisplay = Callable[[], AbstractContextManager[Progress | None]]


def silent(message: str) -> None:
    """Nobody listens."""


def no_stage_display() -> AbstractContextManager[Progress | None]:
    return nullcontext()


@dataclass(frozen=True)
class Hooks:
    """What a run says along the way; by default nothing.

    `error` hears an input that could not be used (the run goes on without it), or a history
    that could not be written; `note` how a file was read and which rules could not be
    checked; `warning` what a quiet run must hear all the same (content of the user's file
    that a copy could not keep); `stages` opens the display of the run's stages.
    """

    error: Callable[[str], None] = silent
    note: Callable[[str], None] = silent
    warning: Callable[[str], None] = silent
    stages: StageDisplay = no_stage_display
