"""The parts of the HTML report: text helpers, SVG charts, the findings table, and the
stylesheet and script it inlines (package data files, read with importlib.resources)."""

from __future__ import annotations

from functools import cache
from importlib.resources import files


@cache
def asset(name: str) -> str:
    """The text of one of the report's own files (report.css, report.js)."""
    return files(__name__).joinpath(name).read_text(encoding="utf-8")
