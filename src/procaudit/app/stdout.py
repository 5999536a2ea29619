"""A report written to stdout: delivered whole, or one sentence saying why it could not be.

A machine format (JSON, SARIF, CSV, …) is a file for a program, whatever the console: it is
written as UTF-8 bytes to the stream's buffer, not in the console's encoding (cp1252 has no
Vietnamese). The terminal report goes through the stream as it is: the command line's
stdout replaces what its console cannot show (`procaudit.cli.streams`). The stream is
flushed before the run goes on, so that a full disk or a closed stdout is known while the
run can still say so and log it, rather than at exit.

Free of pandas at import.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import TextIO

from procaudit.core.errors import ProcauditError
from procaudit.core.i18n import t

_UTF8 = frozenset({"utf8", "utf-8", "utf_8"})


class CannotDeliver(ProcauditError):
    """The report could not be written to stdout: one sentence with the reason."""

    def __init__(self, exc: OSError) -> None:
        reason = str(exc) if exc.errno is None else (exc.strerror or str(exc))
        super().__init__(
            t(
                "could not write the report: {reason}",
                "không ghi được báo cáo: {reason}",
                reason=reason[:1].lower() + reason[1:],
            )
        )


def deliver(render: Callable[[TextIO], object], stream: TextIO, utf8: bool) -> None:
    """Write what `render` writes to `stream`, as UTF-8 bytes when `utf8` (a machine
    format) and the stream has bytes underneath; CannotDeliver when the stream refuses."""
    try:
        buffer = getattr(stream, "buffer", None)
        if not utf8 or buffer is None or (stream.encoding or "").lower() in _UTF8:
            render(stream)
        else:
            stream.flush()  # what was written before goes first
            text = io.TextIOWrapper(buffer, encoding="utf-8", newline="")
            try:
                render(text)
                text.flush()
            finally:
                text.detach()  # the buffer stays the stream's
        stream.flush()
    except OSError as exc:
        raise CannotDeliver(exc) from None
