"""The history's output formats: a view module each, mapped exhaustively from `HistoryFormat`.

Each is a `HistoryRenderer`, the `report.renderer.Renderer` of a `history.trend.Trend`.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import TextIO

from procaudit.history.trend import Trend
from procaudit.report.renderer import Renderer, renderer_class


class HistoryFormat(StrEnum):
    RICH = "rich"
    JSON = "json"


@dataclass(frozen=True)
class HistoryOptions:
    database: str  # the history file the trend was read from, named by both views
    last: int  # the runs asked for (--last), which the JSON records
    width: int | None = None  # None: the terminal's width


class HistoryRenderer(Renderer[Trend, TextIO]):
    """Writes the trend of the recorded runs to `out` as text."""

    def __init__(self, options: HistoryOptions) -> None:
        self.options = options


_RENDERERS: dict[HistoryFormat, tuple[str, str]] = {
    HistoryFormat.RICH: ("view", "RichHistoryRenderer"),
    HistoryFormat.JSON: ("view", "JsonHistoryRenderer"),
}


def renderer_for(fmt: HistoryFormat, options: HistoryOptions) -> HistoryRenderer:
    module, name = _RENDERERS[fmt]
    renderer: type[HistoryRenderer] = renderer_class(f"procaudit.report.history.{module}", name)
    return renderer(options)
