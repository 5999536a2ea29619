"""Where a diff goes: stdout, or a file written atomically (a reader never sees half of it)."""

from __future__ import annotations

import io
import sys
from pathlib import Path
from typing import BinaryIO

from procaudit.core.atomic import write_atomically
from procaudit.diff.model import DiffResult
from procaudit.report.diff.formats import Renderer


def write_diff(result: DiffResult, renderer: Renderer, output: Path | None) -> None:
    """Render to stdout, or to `output`; OSError when the file cannot be written."""
    if output is None:
        renderer.render(result, sys.stdout)
    elif renderer.binary:
        write_atomically(output, lambda stream: renderer.render(result, stream))
    else:
        write_atomically(output, lambda stream: _as_text(renderer, result, stream))


def _as_text(renderer: Renderer, result: DiffResult, stream: BinaryIO) -> None:
    text = io.TextIOWrapper(stream, encoding="utf-8", newline="")
    renderer.render(result, text)
    text.flush()
    text.detach()  # the stream is the atomic writer's to close
