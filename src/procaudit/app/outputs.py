"""Where a run's files go: each path is checked before the work that fills it (a report that
cannot be written should not cost a run), and written atomically after it (a reader never
sees half of it).

Free of pandas: `check` and `diff` check their paths before anything heavy is imported.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import BinaryIO, TextIO

from procaudit.core.atomic import write_atomically
from procaudit.core.errors import ProcauditError, UsageError
from procaudit.core.i18n import t
from procaudit.core.paths import unreachable


class CannotWrite(ProcauditError):
    """An output that could not be written once the work was done (a full disk, a lost
    permission): one sentence naming the file (None: stdout) and the reason."""

    def __init__(self, path: Path | None, exc: OSError) -> None:
        super().__init__(
            t(
                "cannot write {path}: {reason}",
                "không ghi được {path}: {reason}",
                path=path,
                reason=exc.strerror or exc,
            )
        )


def check_output(output: Path, inputs: Iterable[str], option: str = "--output") -> None:
    """A UsageError, before the work, for an output that is a folder, lies in a folder that
    does not exist, or is one of the `inputs`; `option` is the flag that named it."""
    if reason := unreachable(output) or unreachable(output.parent):  # a folder not to enter
        raise UsageError(
            t(
                "{option} {output}: cannot be written ({reason})",
                "{option} {output}: không ghi được ({reason})",
                option=option,
                output=output,
                reason=reason,
            )
        )
    if output.is_dir():
        raise UsageError(
            t(
                "{option} {output}: is a folder",
                "{option} {output}: là một thư mục",
                option=option,
                output=output,
            )
        )
    if not output.parent.is_dir():
        raise UsageError(
            t(
                "{option} {output}: the folder {folder} does not exist",
                "{option} {output}: thư mục {folder} không tồn tại",
                option=option,
                output=output,
                folder=output.parent,
            )
        )
    target = output.resolve()
    if any(Path(path).resolve() == target for path in inputs):
        raise UsageError(
            t(
                "{option} {output}: is one of the files to audit",
                "{option} {output}: là một trong các tệp cần kiểm tra",
                option=option,
                output=output,
            )
        )


def write_text(output: Path, render: Callable[[TextIO], object]) -> None:
    """Write what `render` writes to a text stream into `output`, atomically, as UTF-8 with
    the renderer's own line ends (a CSV's CRLF stays CRLF); CannotWrite when it fails."""
    try:
        write_atomically(output, lambda stream: _as_text(render, stream))
    except OSError as exc:
        raise CannotWrite(output, exc) from None


def _as_text(render: Callable[[TextIO], object], stream: BinaryIO) -> None:
    text = io.TextIOWrapper(stream, encoding="utf-8", newline="")
    render(text)
    text.flush()
    text.detach()  # the stream is the atomic writer's to close
