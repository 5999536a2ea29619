"""Where a diff goes: stdout, or a file written atomically (a reader never sees half of it)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from procaudit.diff.model import DiffResult
from procaudit.report.diff.formats import DiffRenderer
from procaudit.report.renderer import write_output


def write_diff(result: DiffResult, renderer: DiffRenderer[Any], output: Path | None) -> None:
    """Render to stdout, or to `output`; OSError when the file cannot be written."""
    write_output(renderer, result, output)
