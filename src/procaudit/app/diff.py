"""`procaudit diff` as a use case: what changed between two versions of a catalogue
(`procaudit.diff`), rendered to stdout or written to a file (`procaudit.report.diff`).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from procaudit.app.hooks import Hooks
from procaudit.app.outputs import CannotWrite, check_output, check_paths_apart
from procaudit.app.stdout import deliver
from procaudit.core import collector
from procaudit.report.diff.formats import MAX_ROWS

if TYPE_CHECKING:
    from procaudit.diff.model import DiffResult
    from procaudit.io import ReadOptions
    from procaudit.report.diff.formats import DiffFormat

# A file or a pipe has no terminal to fit: wide enough that the tables do not wrap every cell.
FILE_WIDTH = 160


@dataclass(frozen=True)
class DiffRequest:
    old: str  # the earlier version: any file check reads
    new: str  # the later version
    old_options: ReadOptions | None = None
    new_options: ReadOptions | None = None
    output_format: DiffFormat | None = None  # None: xlsx for an .xlsx output, else rich
    output: Path | None = None  # None: stdout
    quiet: bool = False  # the summary line alone, and no notes
    max_rows: int = MAX_ROWS
    terminal: bool = False  # stdout is a terminal (the command line's to say)


@dataclass(frozen=True)
class DiffOutcome:
    result: DiffResult

    @property
    def exit_code(self) -> int:
        """As diff(1)'s: 0 no change, 1 changes."""
        return self.result.exit_code()


def run_diff(request: DiffRequest, hooks: Hooks | None = None) -> DiffOutcome:
    """Compare the two versions and render what changed; a ProcauditError for a version
    that cannot be read or an output that cannot be written. How each version was read goes
    to `hooks.note`, unless quiet."""
    from procaudit.diff.changes import diff_files
    from procaudit.report.diff.formats import (
        DiffFormat,
        RenderOptions,
        renderer_for,
        resolve_format,
    )
    from procaudit.report.diff.output import write_diff

    collector.loaded()  # what comparing needs is loaded (`procaudit.core.collector`)
    hooks = hooks or Hooks()
    if request.output is not None:  # a folder, a missing folder, a device it cannot write
        check_output(request.output, [request.old, request.new], purpose="compare")
    check_paths_apart(
        [request.old, request.new], writes=[("--output", request.output)], purpose="compare"
    )
    chosen = resolve_format(request.output_format, request.output)
    result = diff_files(request.old, request.new, request.old_options, request.new_options)
    if not request.quiet:
        for version in (result.old, result.new):
            for note in version.notes:
                hooks.note(f"{version.path}: {note}")
    terminal = request.output is None and request.terminal
    width = None if terminal else FILE_WIDTH
    renderer = renderer_for(
        chosen, RenderOptions(request.max_rows, request.quiet, width, terminal=terminal)
    )
    if request.output is None:  # JSON in UTF-8 whatever the console's encoding
        render = renderer.render
        deliver(lambda out: render(result, out), sys.stdout, utf8=chosen is not DiffFormat.RICH)
        return DiffOutcome(result)
    try:
        write_diff(result, renderer, request.output)
    except OSError as exc:
        raise CannotWrite(request.output, exc) from None
    return DiffOutcome(result)
