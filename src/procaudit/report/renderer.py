"""The one interface every output of procaudit implements: the findings of an audit
(`report.Reporter`), the changes between two versions (`report.diff.formats.DiffRenderer`)
and the trend of the recorded runs (`report.history.formats.HistoryRenderer`).

A renderer is made with its family's options and writes one subject to a stream: text, or
bytes where it is `binary` (a workbook). Each family maps its formats to the module and class
that render them, imported on use (`renderer_class`), so that a run loads only the format it
writes; `write_output` sends any renderer's output to stdout or, atomically, to a file.

Imported by the command line before anything heavy: no pandas, rich or openpyxl here.
"""

from __future__ import annotations

import io
import sys
from abc import ABC, abstractmethod
from importlib import import_module
from pathlib import Path
from typing import IO, Any, BinaryIO, ClassVar, Generic, TypeVar

from procaudit.core.atomic import write_atomically

Subject = TypeVar("Subject")  # what is rendered: an audit result, a diff, a trend
Stream = TypeVar("Stream", bound=IO[Any])  # TextIO, or BinaryIO for a binary renderer


class Renderer(ABC, Generic[Subject, Stream]):
    """Writes a subject to `out`, and only the output itself: notes go to stderr, and
    where the output goes is the caller's business."""

    binary: ClassVar[bool] = False  # writes bytes (a workbook), not text

    @abstractmethod
    def render(self, subject: Subject, out: Stream) -> None: ...


def renderer_class(module: str, name: str) -> type[Any]:
    """The class `name` of `module`, imported now: the first use of a format loads it."""
    found: type[Any] = getattr(import_module(module), name)
    return found


def write_output(renderer: Renderer[Subject, Any], subject: Subject, output: Path | None) -> None:
    """Render to stdout, or to `output` written atomically (a reader never sees half of
    it); OSError when the file cannot be written."""
    if output is None:
        renderer.render(subject, sys.stdout)
    elif renderer.binary:
        write_atomically(output, lambda stream: renderer.render(subject, stream))
    else:
        write_atomically(output, lambda stream: _as_text(renderer, subject, stream))


def _as_text(renderer: Renderer[Subject, Any], subject: Subject, stream: BinaryIO) -> None:
    # newline="": the line ends are the renderer's own (the CSV's CRLF stays CRLF).
    text = io.TextIOWrapper(stream, encoding="utf-8", newline="")
    renderer.render(subject, text)
    text.flush()
    text.detach()  # the stream is the atomic writer's to close
